#!/usr/bin/env python3
"""Independent surface-EMG evaluation set generator for myotwitch.

Signal models (deliberately not a white-noise/Hermite textbook simulator):
  background  AR(2) resonance (40-120 Hz) + white, optional Student-t(4) drive,
              slow level drift (+-20 %), optional mains + harmonics, ECG, 8-bit ADC
  MUAPs       sums of 2-3 alternating-sign Gaussian phases with zero net area,
              built at 48 kHz, anti-alias filtered, sampled at the file rate
  twitches    fixed-shape units (2-5 per channel), +-10 % jitter, Poisson episodes,
              15 % doublets/triplets
  activity    recruitment-ordered units, rate coding 8-30 Hz, trapezoid envelope
  cramps      one channel, 20-40 Hz units, short potentials, abrupt onset,
              irregular (log-normal) amplitude modulation, units dropping out
  crosstalk   10-20 % of a channel's activity/cramps/twitches into neighbours
Outputs NAME.csv + NAME.truth.json to OUT, extra per-event info (units, multiplets, ECG beat
times) to OUT/meta/ for diagnose.py.

Written in session 19 (docs/HISTORY.md) by a helper that had not seen the project's own
simulator, to measure the detector on signal models it was not built on.

Usage: python3 generate.py --out DIR [NAME ...]   (NAME: only those recordings)
"""
import json, os, sys
import numpy as np
from scipy import signal

OUT = "set"
META = os.path.join(OUT, "meta")
HR = 48000.0  # template construction rate


def loguni(rng, a, b):
    return float(np.exp(rng.uniform(np.log(a), np.log(b))))


# ---------------------------------------------------------------- MUAP shapes
def _gauss_sum(t, phases):
    x = np.zeros_like(t)
    for a, mu, s in phases:
        x += a * np.exp(-0.5 * ((t - mu) / s) ** 2)
    return x


def _median_freq(x, fs):
    n = 1 << int(np.ceil(np.log2(len(x) * 8)))
    P = np.abs(np.fft.rfft(x, n)) ** 2
    f = np.fft.rfftfreq(n, 1 / fs)
    c = np.cumsum(P)
    return float(f[np.searchsorted(c, c[-1] / 2)])


def make_muap(rng, fs, mf_lo, mf_hi, dur_lo, dur_hi, tries=200):
    """Return dict(w=sampled waveform peak-normalised, mf, dur_ms)."""
    for _ in range(tries):
        mf_t = loguni(rng, mf_lo, mf_hi)
        if rng.random() < 0.45:  # biphasic
            s1 = 1.0
            d = rng.uniform(1.8, 2.8)
            s2 = s1 * rng.uniform(1.0, 1.9)
            ph = [(1.0, 0.0, s1), (-s1 / s2, d, s2)]
        else:  # triphasic (+ - +), zero area
            s0, s1, s2 = rng.uniform(0.6, 1.2), 1.0, rng.uniform(1.1, 2.2)
            a0 = rng.uniform(0.15, 0.5)
            d1, d2 = rng.uniform(1.6, 2.6), rng.uniform(1.8, 3.2)
            a2 = (s1 - a0 * s0) / s2
            ph = [(a0, 0.0, s0), (-1.0, d1, s1), (a2, d1 + d2, s2)]
        # build with unit sigma = 1 ms, then rescale time to reach target mf
        t = np.arange(-10e-3, 30e-3, 1 / HR)
        x = _gauss_sum(t * 1e3, ph)
        mf0 = _median_freq(x, HR)
        k = mf0 / mf_t  # sigma in ms
        t = np.arange(-12e-3 * k, 30e-3 * k, 1 / HR)
        x = _gauss_sum(t * 1e3 / k, ph)
        m = np.abs(x) > 0.02 * np.abs(x).max()
        i0, i1 = np.argmax(m), len(m) - np.argmax(m[::-1])
        dur = (i1 - i0) / HR * 1e3
        if not (dur_lo <= dur <= dur_hi):
            continue
        mf = _median_freq(x, HR)
        # anti-alias (acquisition filter) and sample at fs
        b, a = signal.butter(4, min(0.4 * fs, 0.45 * HR) / (HR / 2))
        pad = int(0.004 * HR)
        seg = np.r_[np.zeros(pad), x[i0:i1], np.zeros(pad)]
        seg = signal.filtfilt(b, a, seg)
        tt = np.arange(len(seg)) / HR
        ts = np.arange(0, tt[-1], 1 / fs)
        w = np.interp(ts, tt, seg)
        if rng.random() < 0.5:
            w = -w
        # trim to extent (>2 % of peak) at fs
        m = np.abs(w) > 0.02 * np.abs(w).max()
        j0, j1 = np.argmax(m), len(m) - np.argmax(m[::-1])
        w = w[j0:j1]
        w = w / np.abs(w).max()
        return dict(w=w, mf=mf, dur_ms=len(w) / fs * 1e3)
    raise RuntimeError("muap params")


# ---------------------------------------------------------------- background
def smooth_noise(rng, n, fs, tau_s):
    """Zero-mean low-frequency noise with time scale tau, normalised to max|.|=1."""
    from scipy.interpolate import CubicSpline
    m = max(6, int(n / fs / tau_s) + 4)
    knots = rng.standard_normal(m)
    x = CubicSpline(np.arange(m), knots)(np.linspace(0, m - 1, n))
    x -= x.mean()
    return x / np.abs(x).max()


def background(rng, n, fs, rms, heavy):
    f0 = rng.uniform(40, 120)
    bw = rng.uniform(50, 140)
    r = np.exp(-np.pi * bw / fs)
    if heavy:
        e1 = rng.standard_t(4, n)
        e2 = rng.standard_t(4, n)
    else:
        e1 = rng.standard_normal(n)
        e2 = rng.standard_normal(n)
    col = signal.lfilter([1.0], [1.0, -2 * r * np.cos(2 * np.pi * f0 / fs), r * r], e1)
    col /= col.std()
    e2 /= e2.std()
    wf = rng.uniform(0.2, 0.45)  # white share of variance
    x = np.sqrt(1 - wf) * col + np.sqrt(wf) * e2
    x /= x.std()
    g = 1.0 + rng.uniform(0.12, 0.2) * smooth_noise(rng, n, fs, rng.uniform(15, 50))
    return rms * g * x, rms * g, dict(f0=f0, bw=bw, white=wf)


def mains(rng, n, fs, f, rms):
    t = np.arange(n) / fs
    a = rng.uniform(0.5, 1.5) * rms * np.sqrt(2)
    drift = 1 + 0.15 * smooth_noise(rng, n, fs, 30)
    x = np.zeros(n)
    for h, rel in ((1, 1.0), (2, 0.08), (3, rng.uniform(0.2, 0.4)), (5, rng.uniform(0.08, 0.2)), (7, 0.05)):
        if h * f < fs / 2 * 0.95:
            x += rel * np.sin(2 * np.pi * h * f * t + rng.uniform(0, 2 * np.pi))
    return a * drift * x


def ecg(rng, n, fs, rms, nch):
    """QRS ~10 ms + small T wave at 60-80 bpm with HRV; returns (nch x n), R times."""
    bpm = rng.uniform(60, 80)
    rr0 = 60 / bpm
    times = []
    t = rng.uniform(0.1, rr0)
    while t < n / fs - 0.5:
        times.append(t)
        t += rr0 * (1 + 0.04 * np.sin(2 * np.pi * t / 4.0) + 0.02 * rng.standard_normal())
    tt = np.arange(-0.06, 0.35, 1 / fs)
    ms = tt * 1e3
    qrs = (-0.15 * np.exp(-0.5 * ((ms + 8) / 2.0) ** 2) + 1.0 * np.exp(-0.5 * (ms / 2.2) ** 2)
           - 0.3 * np.exp(-0.5 * ((ms - 8) / 2.5) ** 2) + 0.15 * np.exp(-0.5 * ((ms - 250) / 40) ** 2))
    out = np.zeros((nch, n))
    R = rng.uniform(5, 8) * rms
    gains = [rng.uniform(0.7, 1.2) * rng.choice([-1, 1]) for _ in range(nch)]
    i0 = int(0.06 * fs)
    for tr in times:
        k = int(round(tr * fs)) - i0
        a = R * (1 + 0.05 * rng.standard_normal())
        lo, hi = max(0, k), min(n, k + len(qrs))
        for c in range(nch):
            out[c, lo:hi] += gains[c] * a * qrs[lo - k:hi - k]
    return out, times, R


# ---------------------------------------------------------------- activity
def add_unit(sig, w, idx, amp):
    lo, hi = idx, idx + len(w)
    if lo < 0 or hi > len(sig):
        return
    sig[lo:hi] += amp * w


def interference(rng, fs, n, t0, T, pool, nunits, strength_rms, noise_rms, kind, weak=False):
    """Voluntary (kind='activity') or cramp (kind='cramp') pattern starting at t0."""
    L = int(T * fs)
    tt = np.arange(L) / fs
    if kind == "activity":
        r1 = rng.uniform(0.15, 0.35) * T if T < 4 else rng.uniform(0.5, 1.5)
        r2 = rng.uniform(0.15, 0.35) * T if T < 4 else rng.uniform(0.5, 1.5)
        env = np.clip(np.minimum(tt / r1, (T - tt) / r2), 0, 1)
        if T >= 4:
            env *= 1 + 0.12 * smooth_noise(rng, L, fs, 2.0)
            env = np.clip(env, 0, 1)
    else:  # cramp: abrupt onset (20-80 ms), decay at the end
        ron = rng.uniform(0.02, 0.08)
        roff = rng.uniform(0.3, 1.2)
        env = np.clip(np.minimum(tt / ron, (T - tt) / roff), 0, 1)
    sig = np.zeros(L + int(0.05 * fs))
    sizes = np.sort(np.array([loguni(rng, 0.3, 3.0) for _ in range(nunits)]))
    thr = np.linspace(0.0, 0.75, nunits) if kind == "activity" else rng.uniform(0, 0.3, nunits)
    if weak:
        thr = np.linspace(0.0, 0.3, nunits)
    first, last = None, None
    for u in range(nunits):
        tm = pool[rng.integers(len(pool))]
        w = tm["w"]
        if kind == "activity":
            rmin, rmax = 8.0, (rng.uniform(12, 16) if weak else rng.uniform(22, 30))
        else:
            rmin, rmax = rng.uniform(18, 24), rng.uniform(30, 40)
        # cramp units drop in/out irregularly
        onoff = None
        if kind == "cramp":
            onoff = smooth_noise(rng, L, fs, rng.uniform(0.5, 3)) > rng.uniform(-1.0, -0.2)
        t = rng.uniform(0, 0.05)
        while t < T:
            i = min(L - 1, int(t * fs))
            e = env[i]
            if e <= thr[u] or (onoff is not None and not onoff[i]):
                t += 0.005
                continue
            rate = rmin + (rmax - rmin) * (e - thr[u]) / max(1e-6, 1 - thr[u])
            add_unit(sig, w, i, sizes[u] * (1 + 0.05 * rng.standard_normal()))
            first = i if first is None else min(first, i)
            last = max(last or 0, i + len(w))
            t += (1 / rate) * max(0.3, 1 + 0.18 * rng.standard_normal())
    if kind == "cramp":  # irregular amplitude
        mod = np.exp(rng.uniform(0.25, 0.45) * smooth_noise(rng, len(sig), fs, rng.uniform(0.3, 1.0)) * 2)
        sig *= mod
    # normalise plateau RMS to strength x local noise RMS
    pl = env[: len(env)] > 0.8
    ref = np.sqrt(np.mean(sig[:L][pl] ** 2)) if pl.any() else np.sqrt(np.mean(sig ** 2))
    i0 = int(t0 * fs)
    nr = noise_rms[min(n - 1, i0 + L // 2)]
    sig *= strength_rms * nr / ref
    return sig, i0, first, last


# ---------------------------------------------------------------- recording
CONFIGS = [
    # name, fs, nch, dur_s, seed, options
    ("r01-ar2k", 2000, 1, 240, 101, dict(tw=(12, 20), act=3, weak=1, hold=1, cramp=0)),
    ("r02-mains50", 1000, 2, 300, 102, dict(mains=50, tw=(6, 20), act=4, weak=1, hold=1, cramp=1)),
    ("r03-t4x4", 4000, 4, 180, 113, dict(heavy=True, tw=(8, 20), act=3, weak=1, hold=1, cramp=1)),
    ("r04-lowfs", 500, 1, 360, 104, dict(tw=(4, 20), act=4, weak=2, hold=1, cramp=1)),
    ("r05-ecg", 2000, 3, 300, 105, dict(ecg=True, mains=60, tw=(6, 20), act=3, weak=1, hold=1, cramp=0)),
    ("r06-quant", 1000, 1, 240, 106, dict(quant=True, tw=(10, 20), act=2, weak=3, hold=0, cramp=0)),
    ("r07-cramps", 2000, 2, 360, 107, dict(tw=(4, 20), act=2, weak=0, hold=2, cramp=3, longcramp=True)),
    ("r08-weak", 4000, 1, 180, 108, dict(heavy=True, tw=(12, 20), act=1, weak=4, hold=0, cramp=0)),
    ("r09-mains60", 500, 2, 300, 109, dict(mains=60, tw=(6, 20), act=2, weak=1, hold=2, cramp=1)),
    ("r10-multi", 1000, 3, 240, 110, dict(tw=(16, 20), act=3, weak=1, hold=1, cramp=2, multi=0.3)),
    ("rest1-mains", 1000, 2, 300, 201, dict(mains=50, rest=True)),
    ("rest2-t4", 2000, 1, 300, 202, dict(heavy=True, rest=True)),
]


def place(rng, busy, dur, T, gap, margin=3.0, tries=500):
    for _ in range(tries):
        s = rng.uniform(margin, dur - margin - T)
        if all(s + T + gap <= a or s >= b + gap for a, b in busy):
            return s
    return None


def build(name, fs, nch, dur, seed, o):
    rng = np.random.default_rng(seed)
    n = int(dur * fs)
    chans = [f"EMG{c+1}_uV" for c in range(nch)]
    base_rms = [rng.uniform(5, 15) for _ in range(nch)]
    if o.get("quant"):
        base_rms = [rng.uniform(7, 9) for _ in range(nch)]
    noise, nrms, bgmeta = [], [], []
    for c in range(nch):
        x, g, m = background(rng, n, fs, base_rms[c], o.get("heavy", False))
        noise.append(x); nrms.append(g); bgmeta.append(m)
    noise = np.array(noise)
    A = np.zeros((nch, n))  # activity + cramps (source channel)
    W = np.zeros((nch, n))  # twitches (source channel)
    events, meta_ev = [], []
    busy = []  # global time intervals of activity/cramps (any channel)

    if not o.get("rest"):
        # per-channel unit pools
        act_pool = [[make_muap(rng, fs, 60, 150, 4, 16) for _ in range(12)] for _ in range(nch)]
        cramp_pool = [[make_muap(rng, fs, 150, 250, 2.5, 10) for _ in range(12)] for _ in range(nch)]
        tw_units = []
        for c in range(nch):
            us = []
            for _ in range(int(rng.integers(2, 6))):
                m = make_muap(rng, fs, 60, 200, 5, 15)
                m["amp"] = loguni(rng, 4, 30)
                us.append(m)
            tw_units.append(us)

        plan = []
        for _ in range(o.get("cramp", 0)):
            T = rng.uniform(3, 25)
            plan.append(("cramp", T, False, False))
        if o.get("longcramp"):
            plan[0] = ("cramp", rng.uniform(40, 60), False, False)
        for _ in range(o.get("hold", 0)):
            plan.append(("activity", rng.uniform(5, 40), False, True))
        for _ in range(o.get("act", 0)):
            plan.append(("activity", rng.uniform(0.3, 3), False, False))
        for _ in range(o.get("weak", 0)):
            plan.append(("activity", rng.uniform(0.5, 3), True, False))
        for kind, T, weak, hold in plan:
            s = place(rng, busy, dur, T + 1.5, 3.0)
            if s is None:
                continue
            busy.append((s, s + T + 1.5))
            c0 = int(rng.integers(nch))
            cs = [c0]
            if kind == "activity" and nch > 1 and rng.random() < 0.35:
                cs.append(int((c0 + 1) % nch))
            for c in cs:
                if kind == "cramp":
                    strength = loguni(rng, 20, 80)
                    sig, i0, f, l = interference(rng, fs, n, s, T, cramp_pool[c], int(rng.integers(25, 50)),
                                                 strength, nrms[c], "cramp")
                elif weak:
                    strength = rng.uniform(5, 9)
                    sig, i0, f, l = interference(rng, fs, n, s, T, act_pool[c], int(rng.integers(2, 5)),
                                                 1.0, nrms[c], "activity", weak=True)
                    # weak: scale so individual potentials peak at 5-9x noise
                    pk = np.abs(sig).max() / nrms[c][min(n - 1, i0)]
                    sig *= strength / pk
                else:
                    strength = loguni(rng, 5, 50)
                    sig, i0, f, l = interference(rng, fs, n, s, T, act_pool[c], int(rng.integers(15, 40)),
                                                 strength, nrms[c], "activity")
                if f is None:
                    continue
                hi = min(n, i0 + len(sig))
                A[c, i0:hi] += sig[: hi - i0]
                seg = sig[f:l]
                pk_i = int(np.argmax(np.abs(seg))) + f
                peak = float(np.abs(sig[pk_i]))
                st, en = (i0 + f) / fs, (i0 + l) / fs
                nr = float(nrms[c][min(n - 1, i0 + pk_i)])
                events.append(dict(kind=kind, channel=chans[c], start=round(st, 6), end=round(en, 6),
                                   peak=round(peak, 3), peakTime=round((i0 + pk_i) / fs, 6),
                                   snr=round(peak / nr, 3), reason="injected"))
                rms_in = float(np.sqrt(np.mean(seg ** 2)) / nr)
                meta_ev.append(dict(kind=kind, channel=chans[c], start=st, end=en, weak=weak, hold=hold,
                                    strength=strength, rmsRatio=rms_in, peakRatio=peak / nr))

        # twitch episodes: 2-4 episodes separated by quiet gaps, ~70 % coverage
        lo_r, hi_r = o["tw"]
        neps = int(rng.integers(2, 5))
        parts = rng.dirichlet(np.r_[np.full(neps, 2.5), np.full(neps + 1, 0.9)])
        lens = parts * dur
        last_tw = [-10.0] * nch
        tw_times = []
        pos = lens[neps]  # leading gap
        for k in range(neps):
            a, b = pos, pos + lens[k]
            pos = b + lens[neps + 1 + k]
            rate = rng.uniform(lo_r, hi_r) / 60
            t = a + rng.exponential(1 / rate)
            while t < b:
                tw_times.append(t)
                t += rng.exponential(1 / rate)
        for t in sorted(tw_times):
            if t < 1.0 or t > dur - 1.0:
                continue
            if any(a - 0.8 < t < b + 0.8 for a, b in busy):
                continue
            c = int(rng.integers(nch))
            if t - last_tw[c] < 0.5:
                continue
            u = int(rng.integers(len(tw_units[c])))
            unit = tw_units[c][u]
            mp = o.get("multi", 0.15)
            npot = 1 if rng.random() > mp else int(rng.choice([2, 2, 3]))
            ts = [t]
            for _ in range(npot - 1):
                ts.append(ts[-1] + rng.uniform(0.010, 0.100))
            w = unit["w"]
            best = (0, 0, 0)
            for tp in ts:
                i = int(round(tp * fs))
                amp = unit["amp"] * nrms[c][i] * (1 + rng.uniform(-0.1, 0.1))
                add_unit(W[c], w, i, amp)
            i0, i1 = int(round(ts[0] * fs)), int(round(ts[-1] * fs)) + len(w)
            seg = W[c, i0:i1]
            pk_i = int(np.argmax(np.abs(seg))) + i0
            peak = float(abs(W[c, pk_i]))
            nr = float(nrms[c][pk_i])
            last_tw[c] = i1 / fs
            events.append(dict(kind="twitch", channel=chans[c], start=round(i0 / fs, 6), end=round(i1 / fs, 6),
                               peak=round(peak, 3), peakTime=round(pk_i / fs, 6), snr=round(peak / nr, 3),
                               reason="injected"))
            meta_ev.append(dict(kind="twitch", channel=chans[c], start=i0 / fs, end=i1 / fs, unit=u,
                                npot=npot, mf=unit["mf"], dur_ms=unit["dur_ms"], peakRatio=peak / nr))

    # mix: source + crosstalk into neighbours (10-20 %)
    X = noise + A + W
    xt = {}
    for c in range(nch - 1):
        k = rng.uniform(0.10, 0.20)
        xt[f"{c}-{c+1}"] = k
        X[c + 1] += k * (A[c] + W[c])
        X[c] += k * (A[c + 1] + W[c + 1])
    extra = {}
    if o.get("mains"):
        for c in range(nch):
            X[c] += mains(rng, n, fs, o["mains"], base_rms[c])
    if o.get("ecg"):
        e, rt, R = ecg(rng, n, fs, float(np.mean(base_rms)), nch)
        X += e
        extra["ecgR"] = [round(x, 4) for x in rt]
        extra["ecgAmp"] = R
    if o.get("quant"):
        fsr = 1024.0
        q = 2 * fsr / 256
        X = np.clip(np.round(X / q) * q, -fsr, fsr - q)
        extra["quantStep"] = q

    events.sort(key=lambda e: (e["start"], e["channel"]))
    meta_ev.sort(key=lambda e: (e["start"], e["channel"]))
    truth = {
        "schema": "myotwitch.analysis/1",
        "source": {"path": f"{name}.csv", "sensor": "emg", "sampleRateHz": fs, "channels": chans,
                   "durationSeconds": float(dur), "sampleCount": n, "columns": chans,
                   "units": ["uV"] * nch, "dialect": "plain", "timeAxis": "column:time (s)", "gaps": []},
        "events": events,
        "episodes": [],
    }
    os.makedirs(OUT, exist_ok=True)
    os.makedirs(META, exist_ok=True)
    with open(os.path.join(OUT, f"{name}.truth.json"), "w") as f:
        json.dump(truth, f, indent=1)
    with open(os.path.join(META, f"{name}.meta.json"), "w") as f:
        json.dump(dict(name=name, fs=fs, nch=nch, baseRms=base_rms, background=bgmeta, crosstalk=xt,
                       options={k: v for k, v in o.items()}, events=meta_ev, **extra), f, indent=1)
    # CSV
    t = np.arange(n) / fs
    with open(os.path.join(OUT, f"{name}.csv"), "w") as f:
        f.write("time," + ",".join(chans) + "\n")
        fmt = "%.6f" + ",%.3f" * nch
        np.savetxt(f, np.column_stack([t, X.T]), fmt=fmt)
    cnt = {k: sum(e["kind"] == k for e in events) for k in ("twitch", "activity", "cramp")}
    print(name, fs, nch, dur, cnt, flush=True)


if __name__ == "__main__":
    args = sys.argv[1:]
    if "--out" in args:
        k = args.index("--out")
        OUT = args[k + 1]
        META = os.path.join(OUT, "meta")
        del args[k:k + 2]
    only = args
    for cfg in CONFIGS:
        if only and cfg[0] not in only:
            continue
        build(*cfg)
