#!/usr/bin/env python3
"""Offline comparison: energy-envelope detector vs AR-whitened matched filter (HR template bank)
for injected twitches in a semi-synthetic set (docs/HISTORY.md, session 12: how much a whitened
detector could win; an upper bound, the templates are the family the generator injects).

Usage: bash Scripts/evaluate-semisynth.sh --out DIR   # makes DIR/set
       python3 Scripts/semisynth/whitening_estimate.py DIR/set OUTDIR
Writes OUTDIR/result.txt (table) and OUTDIR/per_twitch.csv.
"""
import glob
import json
import os
import sys
from collections import defaultdict

import numpy as np
from scipy import signal
from scipy.ndimage import maximum_filter1d, uniform_filter1d

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
# The generator's own shape, median-frequency scale and 20-450 Hz band, so that the estimate
# measures the potentials and the noise band exactly as the semi-synthetic set defines them.
from generate import band, hr_shape, median_frequency_per_lambda  # noqa: E402

if len(sys.argv) < 3:
    sys.exit(__doc__)
SET = sys.argv[1]
OUT = sys.argv[2]
AR_ORDER = int(os.environ.get("AR_ORDER", "16"))
NOISE_CAP_S = 600.0       # cap of noise seconds per channel (effectively all)
GUARD_S = 1.0             # noise = farther than this from any truth event
BINS = [(3, 6), (6, 10), (10, 30)]
GROUPS = ["biosppy", "bsnb", "emggo", "myo12345", "myo45612"]
MIN_PER_LEVEL = 3.0       # need >= 3x the 1/min sample count for an empirical quantile
TAIL_FRAC = 0.05
MIXES = [(1.0, 0.0), (0.0, 1.0), (0.7, 0.3)]
MFS = [60.0, 100.0, 150.0, 200.0]


MF1 = {m: median_frequency_per_lambda(*m) for m in MIXES}


def envelope(y, win):
    return np.sqrt(np.maximum(uniform_filter1d(y * y, win, mode="nearest"), 0))


def segments(mask):
    """Contiguous True runs of mask as (start, stop) index pairs."""
    d = np.diff(np.concatenate([[0], mask.astype(np.int8), [0]]))
    return list(zip(np.flatnonzero(d == 1), np.flatnonzero(d == -1)))


def fit_ar(y, segs, p):
    """Yule-Walker AR(p) from autocorrelations pooled over noise segments (slight diagonal load)."""
    r = np.zeros(p + 1)
    n = 0
    for a, b in segs:
        s = y[a:b] - y[a:b].mean()
        if len(s) <= p + 1:
            continue
        full = signal.correlate(s, s, mode="full", method="fft")
        mid = len(s) - 1
        r += full[mid:mid + p + 1]
        n += len(s)
    r /= max(n, 1)
    r[0] *= 1.0 + 1e-4  # tiny white floor: keeps inverse filter gain bounded in the stopbands
    from scipy.linalg import solve_toeplitz
    a = solve_toeplitz(r[:p], r[1:p + 1])
    return np.concatenate([[1.0], -a])  # whitening FIR A(z)


def templates(rate, A):
    out = []
    fmax = 0.3 * rate
    p = len(A) - 1
    for mf in sorted(set(min(f, fmax) for f in MFS)):
        for m in MIXES:
            lam = MF1[m] / mf
            half = int(np.ceil(3 * lam * rate))
            t = np.arange(-half, half + 1) / rate
            h = hr_shape(t / lam, *m)
            hw = signal.lfilter(A, [1.0], np.concatenate([h, np.zeros(p)]))
            hw /= np.sqrt(np.sum(hw ** 2))
            out.append((hw, half))  # origin index = half
    return out


def matched_stat(w, bank, smooth):
    st = np.zeros_like(w)
    L = len(w)
    for h, c in bank:
        full = signal.correlate(w, h, mode="full", method="fft")
        # r[n] = sum_k w[n - c + k] h[k] = full[n - c + len(h) - 1]
        off = len(h) - 1 - c
        r = full[off:off + L]
        np.maximum(st, np.abs(r), out=st)
    if smooth > 1:
        st = maximum_filter1d(st, smooth, mode="nearest")
    return st


def level_for(noise_vals, n_per_min):
    """Quantile 1 - 1/n_per_min of the noise statistic (max if too little noise)."""
    q = 1.0 - 1.0 / n_per_min
    s = np.sort(noise_vals)
    if len(s) == 0:
        return np.inf, False
    enough = len(s) >= MIN_PER_LEVEL * n_per_min
    if enough:
        k = int(np.ceil(q * len(s))) - 1
        return s[min(max(k, 0), len(s) - 1)], True
    # too little noise for an empirical 1/min quantile: exponential (GPD xi=0) tail fit on the
    # top TAIL_FRAC of the noise, extrapolated to quantile q
    u = np.quantile(s, 1 - TAIL_FRAC)
    beta = np.mean(s[s > u] - u)
    return u + beta * np.log(TAIL_FRAC / (1 - q)), False


def count_fa(stat, idx_segs, level, rate, merge_s=0.020):
    n = 0
    gap = int(round(merge_s * rate))
    for a, b in idx_segs:
        above = np.flatnonzero(stat[a:b] >= level)
        if len(above) == 0:
            continue
        n += 1 + int(np.sum(np.diff(above) > gap))
    return n


def exceed(noise_sorted, v):
    N = len(noise_sorted)
    k = N - np.searchsorted(noise_sorted, v, side="left")
    return max(k, 1) / N


def main():
    rows = []      # per twitch
    chan_rows = []  # per channel FA
    files = sorted(glob.glob(os.path.join(SET, "*.truth.json")))
    for tf in files:
        truth = json.load(open(tf))
        name = os.path.basename(tf)[:-len(".truth.json")]
        group = name.split("-")[0]
        rate = float(truth["source"]["sampleRateHz"])
        chans = truth["source"]["channels"]
        ev = truth["events"]
        tw = [e for e in ev if e["kind"] == "twitch"]
        if not tw:
            continue
        with open(os.path.join(SET, name + ".csv")) as fh:
            header = fh.readline().strip().split(",")
        data = np.loadtxt(os.path.join(SET, name + ".csv"), delimiter=",", skiprows=1, ndmin=2)
        n = data.shape[0]
        decim = max(2, int(round(0.010 * rate)))
        n_per_min = rate * 60.0 / decim
        # noise mask (all channels' events count? use the channel's own events + all-channel activity)
        for ch in sorted(set(e["channel"] for e in tw)):
            col = header.index(ch)
            x = data[:, col].astype(float)
            mask = np.ones(n, bool)
            for e in ev:
                if e["kind"] == "twitch" and e["channel"] != ch:
                    continue  # injected twitches on other channels do not touch this one
                a = int(np.floor((e["start"] - GUARD_S) * rate))
                b = int(np.ceil((e["end"] + GUARD_S) * rate)) + 1
                mask[max(a, 0):min(b, n)] = False
            edge = int(GUARD_S * rate)
            mask[:edge] = False
            mask[-edge:] = False
            nidx = np.flatnonzero(mask)
            if len(nidx) > NOISE_CAP_S * rate:
                nidx = nidx[:int(NOISE_CAP_S * rate)]
                mask = np.zeros(n, bool)
                mask[nidx] = True
            if len(nidx) < 2 * rate:
                print(f"skip {name}:{ch}: only {len(nidx)/rate:.1f}s noise", file=sys.stderr)
                continue
            half_at = nidx[len(nidx) // 2]
            m1 = mask.copy(); m1[half_at:] = False
            m2 = mask.copy(); m2[:half_at] = False
            s1, s2 = segments(m1), segments(m2)

            y = band(x, rate)
            env = envelope(y, decim)
            A = fit_ar(y, s1, AR_ORDER)
            w = signal.lfilter(A, [1.0], y)
            bank = templates(rate, A)
            mfs = matched_stat(w, bank, decim)

            res = {}
            for key, st in (("env", env), ("mf", mfs)):
                nz1 = np.sort(st[m1])
                lev, enough = level_for(nz1, n_per_min)
                p9999 = np.quantile(nz1, 0.9999)
                fa = count_fa(st, s2, lev, rate)
                res[key] = (nz1, lev, enough, p9999)
                chan_rows.append(dict(group=group, file=name, ch=ch, det=key, fa=fa,
                                      held_min=m2.sum() / rate / 60.0, fit_s=m1.sum() / rate,
                                      enough=enough))
            for e in tw:
                if e["channel"] != ch:
                    continue
                a = max(0, int(np.floor((e["start"] - 0.005) * rate)))
                b = min(n, int(np.ceil((e["end"] + 0.005) * rate)) + 1)
                r = dict(group=group, file=name, ch=ch, amp=e["amplitudeFactor"],
                         mf=e["medianFrequencyHz"], pot=e["potentials"])
                for key, st in (("env", env), ("mf", mfs)):
                    nz1, lev, enough, p9999 = res[key]
                    pk = st[a:b].max()
                    r[key + "_det"] = pk >= lev
                    r[key + "_exc"] = exceed(nz1, pk)
                    r[key + "_rat"] = pk / p9999
                rows.append(r)
        print(f"done {name}", file=sys.stderr)

    # ---- table
    lines = []
    P = lines.append
    P("Recall at ~1 false alarm/min (level = noise quantile 1-1/(rate*60/decim), fit on 1st half of noise)")
    P("env = 20-450 Hz band-pass energy envelope (10 ms RMS); wmf = AR(%d)-whitened matched filter, HR bank "
      "(3 mixes x mf 60/100/150/200 Hz capped at 0.3*rate), |corr| max-smoothed 10 ms" % AR_ORDER)
    P("")
    hdr = f"{'group':10s} {'amp bin':8s} {'n':>4s} {'env':>6s} {'wmf':>6s}   {'med ratio env':>13s} {'med ratio wmf':>13s}  {'med log10 exc env':>17s} {'wmf':>6s}"
    P(hdr)
    P("-" * len(hdr))
    for g in GROUPS + ["ALL"]:
        for lo, hi in BINS + [(0, 1e9)]:
            sel = [r for r in rows if (g == "ALL" or r["group"] == g) and lo <= r["amp"] < hi]
            if not sel:
                continue
            bl = "all" if hi > 1e8 else f"{lo}-{hi}"
            re = np.mean([r["env_det"] for r in sel])
            rm = np.mean([r["mf_det"] for r in sel])
            P(f"{g:10s} {bl:8s} {len(sel):4d} {re:6.2f} {rm:6.2f}   "
              f"{np.median([r['env_rat'] for r in sel]):13.2f} {np.median([r['mf_rat'] for r in sel]):13.2f}  "
              f"{np.median(np.log10([r['env_exc'] for r in sel])):17.2f} {np.median(np.log10([r['mf_exc'] for r in sel])):6.2f}")
        P("")
    P("Held-out false alarms/min (2nd half of noise; clusters >20 ms apart), pooled over channels")
    P(f"{'group':10s} {'chans':>5s} {'held min':>8s} {'env FA/min':>10s} {'wmf FA/min':>10s} {'chans tail-extrap':>17s}")
    for g in GROUPS + ["ALL"]:
        out = []
        for det in ("env", "mf"):
            sel = [c for c in chan_rows if (g == "ALL" or c["group"] == g) and c["det"] == det]
            out.append(sel)
        if not out[0]:
            continue
        mins = sum(c["held_min"] for c in out[0])
        fe = sum(c["fa"] for c in out[0]) / mins
        fm = sum(c["fa"] for c in out[1]) / mins
        short = sum(not c["enough"] for c in out[0])
        P(f"{g:10s} {len(out[0]):5d} {mins:8.1f} {fe:10.2f} {fm:10.2f} {short:17d}")
    P("")
    P("level: empirical quantile if 1st-half noise >= 3 min-equivalents of samples, else exponential-tail extrapolation from top 5%")
    P("ratio = twitch peak statistic / noise 99.99th pct; exc = fraction of (1st-half) noise samples >= peak (floor 1/N)")
    txt = "\n".join(lines)
    print(txt)
    os.makedirs(OUT, exist_ok=True)
    open(os.path.join(OUT, "result.txt"), "w").write(txt + "\n")
    keys = list(rows[0].keys())
    with open(os.path.join(OUT, "per_twitch.csv"), "w") as fh:
        fh.write(",".join(keys) + "\n")
        for r in rows:
            fh.write(",".join(str(r[k]) for k in keys) + "\n")


if __name__ == "__main__":
    main()
