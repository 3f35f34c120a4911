"""Scores a semi-synthetic set (generate.py) from `myotwitch analyze` results and the
`myotwitch evaluate --format json` report: twitch precision/recall/F1 and onset error (from
evaluate), recall per amplitude bin (3-6x, 6-10x, 10-30x the local noise), per background
dataset, and false twitches inside real activity as a share of twitch detections.

Usage: python3 score.py SETDIR RESULTSDIR EVALUATION.json [--json PATH]

Recall per bin and the activity share are computed here with evaluate's twitch rule (a detected
twitch on the same channel overlapping the true interval widened by 100 ms, one-to-one, greedy
by overlap); the totals agree with evaluate's (printed side by side as a check).
"""
import argparse
import glob
import json
import signal as _signal
import os
import sys

TOL = 0.1
BINS = [(3.0, 6.0, "3-6x"), (6.0, 10.0, "6-10x"), (10.0, 30.0001, "10-30x")]


def match(truth, detected):
    pairs = []
    for i, t in enumerate(truth):
        for j, d in enumerate(detected):
            if d["channel"] != t["channel"]:
                continue
            lo, hi = t["start"] - TOL, t["end"] + TOL
            if d["start"] <= hi and d["end"] >= lo:
                overlap = max(0.0, min(d["end"], t["end"]) - max(d["start"], t["start"]))
                pairs.append((-overlap, abs(d["start"] - t["start"]), i, j))
    pairs.sort()
    used_t, used_d, matched = set(), set(), {}
    for _, _, i, j in pairs:
        if i in used_t or j in used_d:
            continue
        used_t.add(i)
        used_d.add(j)
        matched[i] = j
    return matched, used_d


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("setdir")
    parser.add_argument("results")
    parser.add_argument("evaluation")
    parser.add_argument("--json", dest="json_path")
    args = parser.parse_args()
    with open(os.path.join(args.setdir, "manifest.json")) as handle:
        manifest = json.load(handle)
    spans = {m["name"]: m["activitySpans"] for m in manifest["files"]}
    try:
        with open(args.evaluation) as handle:
            evaluation = json.load(handle)
    except (OSError, ValueError) as error:
        sys.exit("score.py: no evaluation to score (%s: %s); did myotwitch analyze/evaluate fail?" % (
            args.evaluation, error))
    overall = evaluation["overall"] if "overall" in evaluation else evaluation
    tw = next(e for e in overall["events"] if e["kind"] == "twitch")

    bins = {b[2]: [0, 0] for b in BINS}
    per_potentials = {}
    per_shape = {}
    strong = [0, 0]
    per_set = {}
    detections = in_activity = false_total = 0
    missing = []
    for truth_path in sorted(glob.glob(os.path.join(args.setdir, "*.truth.json"))):
        name = os.path.basename(truth_path)[:-len(".truth.json")]
        result_path = os.path.join(args.results, name + ".json")
        if not os.path.exists(result_path):
            missing.append(name)
            continue
        with open(truth_path) as handle:
            truth = [e for e in json.load(handle)["events"] if e["kind"] == "twitch"]
        with open(result_path) as handle:
            detected = [e for e in json.load(handle)["events"] if e["kind"] == "twitch"]
        matched, used = match(truth, detected)
        key = name.split("-", 1)[0]
        s = per_set.setdefault(key, {"truth": 0, "found": 0, "detections": 0, "false": 0, "falseInActivity": 0})
        s["truth"] += len(truth)
        s["found"] += len(matched)
        s["detections"] += len(detected)
        for i, t in enumerate(truth):
            for lo, hi, label in BINS:
                if lo <= t["amplitudeFactor"] < hi:
                    bins[label][0] += 1
                    bins[label][1] += i in matched
            p = per_potentials.setdefault(str(t.get("potentials", 1)), [0, 0])
            p[0] += 1
            p[1] += i in matched
            shape = per_shape.setdefault("sharp (MF > 150 Hz)" if t.get("medianFrequencyHz", 0) > 150
                                         else "surface (MF <= 150 Hz)", [0, 0])
            shape[0] += 1
            shape[1] += i in matched
            if t["amplitudeFactor"] >= 6:
                strong[0] += 1
                strong[1] += i in matched
        for j, d in enumerate(detected):
            if j in used:
                continue
            false_total += 1
            s["false"] += 1
            if any(a - 1.0 <= d["start"] <= b + 1.0 for a, b in spans[name]):
                in_activity += 1
                s["falseInActivity"] += 1
        detections += len(detected)

    report = {
        "schema": "myotwitch.semisynth/1",
        "generator": {k: manifest[k] for k in ("seed", "variants", "ratePerMinute")},
        "files": len(manifest["files"]),
        "twitch": {k: tw[k] for k in ("truePositives", "falsePositives", "falseNegatives",
                                       "precision", "recall", "f1", "medianOnsetErrorMs")},
        "recallByAmplitude": {k: {"truth": v[0], "found": v[1], "recall": round(v[1] / v[0], 4) if v[0] else None}
                              for k, v in bins.items()},
        "recallAtLeast6x": {"truth": strong[0], "found": strong[1],
                            "recall": round(strong[1] / strong[0], 4) if strong[0] else None},
        "recallByShape": {k: {"truth": v[0], "found": v[1], "recall": round(v[1] / v[0], 4) if v[0] else None}
                          for k, v in sorted(per_shape.items())},
        "recallByPotentials": {k: {"truth": v[0], "found": v[1], "recall": round(v[1] / v[0], 4) if v[0] else None}
                               for k, v in sorted(per_potentials.items())},
        "detections": detections,
        "falseTwitches": false_total,
        "falseTwitchesInActivity": in_activity,
        "falseTwitchesInActivityPercentOfDetections": round(100.0 * in_activity / detections, 2) if detections else None,
        "perBackground": per_set,
        "missingResults": missing,
    }
    t = report["twitch"]
    fmt = lambda v, f="%.3f": "-" if v is None else f % v  # noqa: E731
    print("semi-synthetic twitch benchmark: %d files, %d injected twitches (seed %d)" % (
        report["files"], t["truePositives"] + t["falseNegatives"], manifest["seed"]))
    print("  twitch precision %s  recall %s  F1 %s  (TP %d FP %d FN %d)  median onset error %s ms" % (
        fmt(t["precision"]), fmt(t["recall"]), fmt(t["f1"]), t["truePositives"], t["falsePositives"],
        t["falseNegatives"], fmt(t["medianOnsetErrorMs"], "%.1f")))
    print("  recall by amplitude (x local noise RMS, 20-450 Hz): " + "  ".join(
        "%s %s (%d/%d)" % (k, fmt(v["recall"]), v["found"], v["truth"]) for k, v in report["recallByAmplitude"].items()))
    r6 = report["recallAtLeast6x"]
    print("  recall at >= 6x local noise: %s (%d/%d)" % (fmt(r6["recall"]), r6["found"], r6["truth"]))
    print("  recall by shape: " + "  ".join(
        "%s %s (%d/%d)" % (k, fmt(v["recall"]), v["found"], v["truth"]) for k, v in report["recallByShape"].items()))
    print("  recall by potentials per twitch: " + "  ".join(
        "%s: %s (%d/%d)" % (k, fmt(v["recall"]), v["found"], v["truth"]) for k, v in report["recallByPotentials"].items()))
    print("  false twitches inside real activity (+-1 s): %d = %s %% of %d twitch detections (all false: %d)" % (
        in_activity, fmt(report["falseTwitchesInActivityPercentOfDetections"], "%.1f"), detections, false_total))
    print("  per background:")
    for k, v in per_set.items():
        print("    %-9s recall %s (%d/%d)  detections %4d  false %4d  false in activity %4d" % (
            k, fmt(v["found"] / v["truth"] if v["truth"] else None), v["found"], v["truth"],
            v["detections"], v["false"], v["falseInActivity"]))
    if missing:
        print("  MISSING results: " + ", ".join(missing))
    if args.json_path:
        with open(args.json_path, "w") as handle:
            json.dump(report, handle, indent=1, sort_keys=True)
            handle.write("\n")
        print("JSON written to %s" % args.json_path)


if __name__ == "__main__":
    _signal.signal(_signal.SIGPIPE, _signal.SIG_DFL)  # quiet when piped into head
    main()
