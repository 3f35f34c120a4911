"""Semi-synthetic benchmark set: real EMG recordings of ../shared/realdata as background, with
twitch potentials injected at known times, plus a truth file per recording in the schema
`myotwitch evaluate --truth` reads (myotwitch.analysis/1, as `myotwitch simulate` writes).

Usage: python3 generate.py --realdata DIR --out DIR [--seed N] [--variants K] [--rate PER_MIN]

Backgrounds: every EMG recording (Myo rest and gesture files, emgGO, BioSPPy, biosignalsnotebooks
EMG), whole, so that their real activity stays in (false twitches inside real activity are
measured).  Potentials go only into rest as Scripts/evaluate-real.sh defines it (Myo gesture
files: outside cue onset..offset+1.5 s; other files: outside the envelope-derived activity
spans of realdata.py padded by 1 s), 0.25 s inside each rest stretch, at least 2 s from either
end.  Each variant k of a recording gets its own seeded injections.

Potentials: the simulator's Hermite-Rodriguez shape (HR1/HR2 mix, MUAPShape.swift) with its time
scale set so that the potential's median frequency is 60-150 Hz (surface potentials, 70 %) or
150-250 Hz (sharper, 30 %), capped at 0.3 x the sample rate.  A twitch is a single potential
(70 %), a doublet (20 %) or a triplet (10 %) of one unit's shape, the whole multiplet within
120 ms (one truth twitch, onset at the first potential).  Amplitude: the peak is 3-6x, 6-10x or
10-30x (bin chosen uniformly, log-uniform inside) the LOCAL noise RMS, measured on the background
band-passed 20-450 Hz (upper edge capped at 0.45 x rate) within +-0.5 s of the injection.
Times: a Poisson process (--rate per minute of rest, default 6); 25 % of twitches start a cluster
of 1-3 more at 0.3-3 s intervals.  One channel per twitch (random for multi-channel files).
Output values are rounded to the source's quantisation step (Myo int8 stays int8, clipped to
[-128, 127]; ADC counts stay integers).  Deterministic for a given --seed.
"""
import argparse
import json
import signal as _signal
import os
import sys
import zlib

import numpy as np
from scipy import signal

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "realdata"))
import realdata as R  # noqa: E402
from evaluate_real import activity_and_bursts  # noqa: E402

BINS = [(3.0, 6.0), (6.0, 10.0), (10.0, 30.0)]
EDGE_SECONDS = 2.0
REST_MARGIN_SECONDS = 0.25
MIN_SEPARATION = 0.3
NAME_KEYS = {"Myo 12345-1": "myo12345", "Myo 45612-1": "myo45612", "emgGO tibialis": "emggo",
             "BioSPPy EMG": "biosppy", "biosignalsnotebooks EMG": "bsnb"}


def hr_shape(x, w1, w2):
    g = np.exp(-x * x)
    return w1 * x * g / 0.428881942 + w2 * (1 - 2 * x * x) * g


def median_frequency_per_lambda(w1, w2):
    """Median frequency of the shape with lambda = 1 s, in Hz (so MF = value / lambda)."""
    x = np.arange(-40, 40, 0.01)
    y = hr_shape(x, w1, w2)
    spec = np.abs(np.fft.rfft(y, 1 << 16)) ** 2
    freqs = np.fft.rfftfreq(1 << 16, 0.01)
    cum = np.cumsum(spec)
    return float(freqs[np.searchsorted(cum, cum[-1] / 2)])


def quantisation_step(x):
    """The grid the column is stored on (0 when it looks continuous)."""
    values = np.unique(x)
    if len(values) < 2:
        return 0.0
    step = float(np.min(np.diff(values)))
    if step <= 0:
        return 0.0
    ratio = (values - values[0]) / step
    return step if np.max(np.abs(ratio - np.round(ratio))) < 1e-3 else 0.0


def rest_mask(rec):
    """Samples where a potential may go (the real-recording benchmark's rest, see
    evaluate_real.activity_and_bursts: Myo gesture files outside cue onset..offset + 1.5 s,
    others outside the derived spans padded by 1 s), at least 2 s from either end and 0.25 s
    from the edge of a rest stretch; and the unpadded activity spans for the truth."""
    rest_spans, _, _ = activity_and_bursts(rec)
    if rec.cues:
        activity = [(s, min(rec.duration, e + R.CUE_LATE_SECONDS)) for s, e, _ in rec.cues]
    else:
        activity = R.union(sum((R.envelope_spans(rec, c, k) for _, c, k in rec.units), []))
    t = np.arange(len(rec.time)) / rec.rate
    ok = (t >= EDGE_SECONDS) & (t <= rec.duration - EDGE_SECONDS)
    for s, e in rest_spans:
        ok[(t >= s - REST_MARGIN_SECONDS) & (t <= e + REST_MARGIN_SECONDS)] = False
    return ok, activity


def band(x, rate):
    nyq = rate / 2
    sos = signal.butter(4, [20.0 / nyq, min(450.0, 0.45 * rate) / nyq], btype="band", output="sos")
    return signal.sosfiltfilt(sos, x - np.median(x))


def inject_recording(rec, variant, seed, rate_per_min):
    # The whole stem: its first 8 bytes ("myo_read", "biosigna") are shared by whole datasets,
    # which gave every Myo recording of a variant the same injection times and channels.
    rng = np.random.default_rng([seed, variant, zlib.crc32(rec.stem.encode())])
    _, columns, _ = rec.units[0]
    data = {c: rec.column(c).astype(float).copy() for c in columns}
    filtered = {c: band(data[c], rec.rate) for c in columns}
    ok, activity = rest_mask(rec)
    rest_seconds = ok.sum() / rec.rate
    # Poisson times on the rest time axis, clusters added after.
    times = []
    t = rng.exponential(60.0 / rate_per_min)
    while t < rest_seconds:
        times.append(t)
        t += rng.exponential(60.0 / rate_per_min)
    rest_index = np.flatnonzero(ok)
    starts = [rest_index[min(len(rest_index) - 1, int(x * rec.rate))] / rec.rate for x in times]
    planned = []
    for s in starts:
        planned.append(s)
        if rng.random() < 0.25:
            c = s
            for _ in range(rng.integers(1, 4)):
                c += rng.uniform(0.3, 3.0)
                planned.append(c)
    planned.sort()
    truths = []
    last = -1e9
    for onset in planned:
        i = int(round(onset * rec.rate))
        if i >= len(ok) or not ok[i] or onset - last < MIN_SEPARATION + 0.12:
            continue
        channel = columns[rng.integers(len(columns))]
        lo, hi = max(0, i - int(0.5 * rec.rate)), min(len(ok), i + int(0.5 * rec.rate))
        noise = float(np.sqrt(np.mean(filtered[channel][lo:hi] ** 2)))
        if noise <= 0:
            continue
        low, high = BINS[rng.integers(len(BINS))]
        factor = float(np.exp(rng.uniform(np.log(low), np.log(high))))
        triphasic = rng.random()
        sign = 1.0 if rng.random() < 0.5 else -1.0
        w1 = sign * (1 - triphasic)
        w2 = sign * triphasic * (1.0 if rng.random() < 0.5 else -1.0)
        xs = np.arange(-3, 3, 0.001)
        norm = 1.0 / np.max(np.abs(hr_shape(xs, w1, w2)))
        sharp = rng.random() < 0.3
        mf = rng.uniform(150.0, 250.0) if sharp else rng.uniform(60.0, 150.0)
        mf = min(mf, 0.3 * rec.rate)
        lam = median_frequency_per_lambda(w1, w2) / mf
        count = 1 if rng.random() < 0.7 else (2 if rng.random() < 2 / 3 else 3)
        span_limit = 0.12 - 5 * lam
        offsets = [0.0]
        for _ in range(count - 1):
            offsets.append(offsets[-1] + rng.uniform(0.005, max(0.006, span_limit / (count - 1))))
        centre0 = onset + 2.5 * lam
        peak, peak_time = 0.0, centre0
        for k, off in enumerate(offsets):
            c = centre0 + off
            amp = factor * noise * (1.0 if k == 0 else rng.uniform(0.7, 1.1))
            first = max(0, int((c - 3 * lam) * rec.rate))
            last_i = min(len(ok) - 1, int((c + 3 * lam) * rec.rate) + 1)
            tt = np.arange(first, last_i + 1) / rec.rate - c
            data[channel][first:last_i + 1] += amp * norm * hr_shape(tt / lam, w1, w2)
            if amp > peak:
                peak, peak_time = amp, c
        end = centre0 + offsets[-1] + 2.5 * lam
        last = end
        truths.append({"kind": "twitch", "channel": channel, "start": round(onset, 6),
                       "end": round(end, 6), "peak": peak, "peakTime": round(peak_time, 6),
                       "snr": peak / noise, "reason": "injected",
                       "potentials": count, "medianFrequencyHz": round(mf, 1),
                       "localNoiseRMS": noise, "amplitudeFactor": factor})
    for c in columns:
        step = quantisation_step(rec.column(c))
        if step > 0:
            base = rec.column(c)[0]
            data[c] = base + np.round((data[c] - base) / step) * step
            if rec.meta.get("channels") and "int8" in json.dumps(rec.meta["channels"]):
                data[c] = np.clip(data[c], -128, 127)
    return columns, data, truths, activity, rest_seconds


def write(rec, columns, data, truths, activity, out, name):
    csv_path = os.path.join(out, name + ".csv")
    steps = [quantisation_step(rec.column(c)) for c in columns]
    fmts = ["%.6f"] + ["%d" if s > 0 and float(s).is_integer() else "%.9g" for s in steps]
    np.savetxt(csv_path, np.column_stack([rec.time] + [data[c] for c in columns]), delimiter=",",
               fmt=fmts, header=",".join(["time_s"] + columns), comments="")
    events = list(truths)
    for c in columns:
        for s, e in activity:
            events.append({"kind": "activity", "channel": c, "start": round(s, 6), "end": round(e, 6),
                           "peak": 0.0, "peakTime": round(s, 6), "snr": 0.0, "reason": "real activity"})
    events.sort(key=lambda e: (e["start"], e["channel"], e["kind"]))
    truth = {"schema": "myotwitch.analysis/1",
             "source": {"path": name + ".csv", "sensor": "emg", "sampleRateHz": rec.rate,
                        "channels": columns, "durationSeconds": rec.duration,
                        "sampleCount": len(rec.time), "columns": columns,
                        "background": rec.stem},
             "events": events}
    with open(os.path.join(out, name + ".truth.json"), "w") as handle:
        json.dump(truth, handle, indent=1)
        handle.write("\n")


def main():
    parser = argparse.ArgumentParser(description="semi-synthetic benchmark generator")
    parser.add_argument("--realdata", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--variants", type=int, default=4)
    parser.add_argument("--rate", type=float, default=6.0, help="twitches per minute of rest")
    args = parser.parse_args()
    if args.variants < 1 or args.variants > 50:
        parser.error("--variants must be 1-50, got %d" % args.variants)
    if not (0 < args.rate <= 60):
        parser.error("--rate must be a number of twitches per minute of rest in (0, 60], got %g" % args.rate)
    os.makedirs(args.out, exist_ok=True)
    manifest = []
    for rec in R.recordings(args.realdata):
        if rec.dataset not in NAME_KEYS:
            continue
        for unit_index, (uid, columns, sensor) in enumerate(rec.units):
            if sensor != "emg":
                continue
            one = R.Recording.__new__(R.Recording)
            one.__dict__.update(rec.__dict__)
            one.units = [(uid, columns, sensor)]
            for v in range(args.variants):
                cols, data, truths, activity, rest_s = inject_recording(one, v * 10 + unit_index, args.seed, args.rate)
                tag = rec.stem.split("__", 1)[1] + ("" if len(rec.units) == 1 else "_" + uid)
                name = "%s-%s-v%d" % (NAME_KEYS[rec.dataset], tag, v)
                write(one, cols, data, truths, activity, args.out, name)
                manifest.append({"name": name, "background": rec.stem, "columns": cols,
                                 "restSeconds": round(rest_s, 3), "twitches": len(truths),
                                 "activitySpans": [[round(s, 6), round(e, 6)] for s, e in activity]})
    with open(os.path.join(args.out, "manifest.json"), "w") as handle:
        json.dump({"seed": args.seed, "variants": args.variants, "ratePerMinute": args.rate,
                   "files": manifest}, handle, indent=1)
        handle.write("\n")
    print("%d files, %d injected twitches in %.1f min of rest, in %s" % (
        len(manifest), sum(m["twitches"] for m in manifest),
        sum(m["restSeconds"] for m in manifest) / 60, args.out), file=sys.stderr)


if __name__ == "__main__":
    _signal.signal(_signal.SIGPIPE, _signal.SIG_DFL)  # quiet when piped into head
    main()
