#!/usr/bin/env python3
"""Failure-mode breakdown of myotwitch results against the independent set's truth (generate.py):
missed twitches by amplitude and by what was reported there, false twitches by where they lie
(ECG beats, background, crosstalk), missed and false cramps and activity.

Usage: python3 diagnose.py SETDIR RESULTSDIR"""
import json, glob, os, sys, collections
import numpy as np

if len(sys.argv) != 3:
    sys.exit(__doc__)
SET, RES = sys.argv[1], sys.argv[2]
TOL = 0.1


def ov(a0, a1, b0, b1):
    return max(0.0, min(a1, b1) - max(a0, b0))


def match(truth, det, kind, widen, iou_min=None):
    """Greedy one-to-one by best overlap, per channel. Returns dict ti->di."""
    pairs = []
    for i, t in enumerate(truth):
        if t["kind"] != kind:
            continue
        for j, d in enumerate(det):
            if d["kind"] != kind or d["channel"] != t["channel"]:
                continue
            o = ov(t["start"] - widen, t["end"] + widen, d["start"], d["end"])
            if d["start"] == d["end"] and t["start"] - widen <= d["start"] <= t["end"] + widen:
                o = max(o, 1e-9)
            if o <= 0:
                continue
            if iou_min is not None:
                u = max(t["end"], d["end"]) - min(t["start"], d["start"])
                if o / u < iou_min:
                    continue
            pairs.append((o, i, j))
    pairs.sort(reverse=True)
    ti, dj, m = set(), set(), {}
    for o, i, j in pairs:
        if i in ti or j in dj:
            continue
        ti.add(i); dj.add(j); m[i] = j
    return m


def neighbours(ch, chans):
    k = chans.index(ch)
    return [chans[x] for x in (k - 1, k + 1) if 0 <= x < len(chans)]


miss = collections.Counter()
miss_n = collections.Counter()
fp = collections.Counter()
fp_files = collections.Counter()
fp_snr = collections.defaultdict(list)
cr = []
act2cramp = []
act_fp = collections.Counter()
tot = collections.Counter()
snr_all = collections.Counter()
det_tw_rest = collections.Counter()
rest_hours = 0.0
miss_list = []

for tf in sorted(glob.glob(os.path.join(SET, "*.truth.json"))):
    name = os.path.basename(tf)[:-11]
    T = json.load(open(tf))
    M = json.load(open(os.path.join(SET, "meta", name + ".meta.json")))
    D = json.load(open(os.path.join(RES, name + ".json")))
    chans = T["source"]["channels"]
    te, de = T["events"], D["events"]
    ecgR = np.array(M.get("ecgR", []))
    if name.startswith("rest"):
        rest_hours += T["source"]["durationSeconds"] / 3600
        det_tw_rest[name] = sum(d["kind"] == "twitch" for d in de)
    mt = match(te, de, "twitch", TOL)
    mc = match(te, de, "cramp", 0.0, 0.5)
    ma = match(te, de, "activity", 0.0)
    used = set(mt.values()) | set(mc.values()) | set(ma.values())

    def bin_of(s):
        return "<4x" if s < 4 else "4-6x" if s < 6 else "6-10x" if s < 10 else "10-30x" if s <= 30 else ">30x"

    # ---- missed twitches
    for i, t in enumerate(te):
        if t["kind"] != "twitch":
            continue
        b = bin_of(t["snr"])
        tot[b] += 1
        if i in mt:
            continue
        what = []
        for j, d in enumerate(de):
            if d["channel"] == t["channel"] and ov(t["start"] - TOL, t["end"] + TOL, d["start"], d["end"]) > 0 \
                    or (d["channel"] == t["channel"] and t["start"] - TOL <= d["start"] <= t["end"] + TOL):
                what.append(f"{d['kind']}({d['reason']})" + ("" if d["kind"] != "twitch" else "[already matched]"))
        if not what:
            # anything on other channels?
            oth = [f"{d['kind']}@{d['channel']}" for d in de if d["channel"] != t["channel"]
                   and ov(t["start"] - TOL, t["end"] + TOL, d["start"], d["end"]) > 0]
            what = ["nothing" + (" (only on other channel: " + ",".join(oth) + ")" if oth else "")]
        key = "/".join(sorted(set(what)))
        miss[(b, key)] += 1
        miss_n[b] += 1
        me = [m for m in M["events"] if m["kind"] == "twitch" and abs(m["start"] - t["start"]) < 1e-6 and m["channel"] == t["channel"]][0]
        miss_list.append((name, t["channel"], round(t["start"], 3), round(t["snr"], 1), me["npot"], round(me["mf"]), key))

    # ---- false twitches
    used_t = set(mt.values())
    for j, d in enumerate(de):
        if d["kind"] != "twitch" or j in used_t:
            continue
        ch, t0, t1 = d["channel"], d["start"], d["end"]
        pt = d.get("peakTime", t0)
        cat = None
        if len(ecgR) and np.min(np.abs(ecgR - pt)) < 0.08:
            cat = "on ECG QRS"
        for t in (te if cat is None else []):
            if t["kind"] == "cramp" and ov(t0, t1, t["start"] - 1, t["end"] + 1) > 0:
                cat = "inside/near true cramp (same ch)" if t["channel"] == ch else "near cramp on neighbour ch (crosstalk)"
                break
        if cat is None:
            for t in te:
                if t["kind"] == "activity" and ov(t0, t1, t["start"] - 1, t["end"] + 1) > 0:
                    cat = "inside/near true activity (same ch)" if t["channel"] == ch else "near activity on other ch (crosstalk)"
                    break
        if cat is None:
            for t in te:
                if t["kind"] == "twitch" and ov(t0, t1, t["start"] - 0.3, t["end"] + 0.3) > 0:
                    cat = "extra detection next to true twitch (same ch)" if t["channel"] == ch else "crosstalk copy of twitch on neighbour"
                    break
        if cat is None and len(ecgR) and np.min(np.abs(ecgR - pt)) < 0.08:
            cat = "on ECG QRS"
        if cat is None:
            cat = "on background"
        fp[cat] += 1
        fp_snr[cat].append(d.get("snr", 0))
        fp_files[(name, cat)] += 1

    # ---- cramps
    for i, t in enumerate(te):
        if t["kind"] != "cramp":
            continue
        if i in mc:
            d = de[mc[i]]
            cr.append((name, t["channel"], round(t["start"], 2), round(t["end"] - t["start"], 1), round(t["snr"]), "OK",
                       f"det {d['start']:.2f}-{d['end']:.2f}"))
            continue
        rep = []
        for d in de:
            if d["channel"] == t["channel"] and ov(t["start"], t["end"], d["start"], d["end"]) > 0:
                u = max(t["end"], d["end"]) - min(t["start"], d["start"])
                rep.append(f"{d['kind']}({d['reason']}) {d['start']:.2f}-{d['end']:.2f} IoU={ov(t['start'], t['end'], d['start'], d['end'])/u:.2f}")
        cr.append((name, t["channel"], round(t["start"], 2), round(t["end"] - t["start"], 1), round(t["snr"]), "MISSED",
                   "; ".join(rep) or "nothing"))
    # ---- detected cramps not matched
    used_c = set(mc.values())
    for j, d in enumerate(de):
        if d["kind"] != "cramp" or j in used_c:
            continue
        hits = [f"{t['kind']} {t['start']:.1f}-{t['end']:.1f}" for t in te if t["channel"] == d["channel"]
                and ov(d["start"], d["end"], t["start"], t["end"]) > 0]
        act2cramp.append((name, d["channel"], round(d["start"], 2), round(d["end"], 2), ",".join(hits) or "no truth"))
    # ---- false activity
    used_a = set(ma.values())
    for j, d in enumerate(de):
        if d["kind"] != "activity" or j in used_a:
            continue
        ch = d["channel"]
        cat = None
        for t in te:
            if t["kind"] == "cramp" and t["channel"] == ch and ov(d["start"], d["end"], t["start"], t["end"]) > 0:
                cat = "on true cramp (same ch)"; break
        if cat is None:
            for t in te:
                if t["kind"] in ("activity", "cramp") and t["channel"] in neighbours(ch, chans) \
                        and ov(d["start"], d["end"], t["start"], t["end"]) > 0:
                    cat = f"crosstalk of {t['kind']} on neighbour"; break
        if cat is None:
            for t in te:
                if t["kind"] == "activity" and t["channel"] == ch and ov(d["start"], d["end"], t["start"] - 2, t["end"] + 2) > 0:
                    cat = "fragment next to true activity (same ch)"; break
        if cat is None:
            for t in te:
                if t["kind"] == "twitch" and t["channel"] == ch and ov(d["start"], d["end"], t["start"] - .2, t["end"] + .2) > 0:
                    cat = "on true twitch(es)"; break
        cat = cat or "on background"
        act_fp[(cat, d["reason"])] += 1

print("== missed twitches by amplitude bin (truth snr) ==")
for b in ["<4x", "4-6x", "6-10x", "10-30x", ">30x"]:
    if tot[b]:
        print(f"{b:7s} total {tot[b]:4d} missed {miss_n[b]:3d} ({100*miss_n[b]/tot[b]:.0f} %)")
        for (bb, k), v in sorted(miss.items()):
            if bb == b:
                print(f"        {v:3d}  {k}")
print("\n== missed twitch list (file, ch, start, snr, npot, mf, detector) ==")
for m in miss_list:
    print("  ", m)
print("\n== false twitches by location ==")
for k, v in fp.most_common():
    q = np.percentile(fp_snr[k], [0, 50, 100])
    print(f"  {v:4d}  {k}   (detector snr min/median/max {q[0]:.1f}/{q[1]:.1f}/{q[2]:.1f})")
print("  per file:")
for (f, k), v in sorted(fp_files.items()):
    print(f"     {f:12s} {v:4d}  {k}")
print(f"\n== rest files: {sum(det_tw_rest.values())} false twitches in {rest_hours:.3f} h = "
      f"{sum(det_tw_rest.values())/rest_hours:.1f}/h  {dict(det_tw_rest)}")
print("\n== cramps (file, ch, start, dur, snr(peak), status, detector) ==")
for c in cr:
    print("  ", c)
print("\n== detected cramps not matching a true cramp ==")
for c in act2cramp:
    print("  ", c)
print("\n== false activity by location (category, reason) ==")
for k, v in act_fp.most_common():
    print(f"  {v:3d}  {k}")
