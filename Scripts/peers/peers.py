"""Runs the general EMG toolkits on the recordings myotwitch is measured on, and writes their
detections in myotwitch's analysis shape, so that `myotwitch evaluate` scores everyone alike.

  peers.py detect METHOD CSV OUT.json      one recording, every EMG channel
  peers.py speed METHOD CSV                 the same without writing (for timing)

Methods (each library's own EMG onset method, defaults where it has them):
  neurokit2   nk.emg_process(signal, sampling_rate): EMG_Onsets / EMG_Offsets, all defaults
              (biosppy cleaning = 100 Hz high-pass, so it raises at 200 Hz; activation
              "threshold" = 0.1 x SD of the amplitude envelope, activations < 50 ms dropped)
  biosppy     biosppy.signals.emg.emg(signal, sampling_rate, show=False) (100 Hz high-pass,
              find_onsets with its defaults). Its "onsets" array holds every crossing of its
              50 ms envelope threshold, rising and falling alike; a burst runs from a rising
              crossing to the next falling one (or the end of the recording), so the ends are
              BioSPPy's own offsets, not a length we chose
  bonato      biosppy.signals.emg.bonato_onset_detector on BioSPPy's filtered signal (the
              100 Hz high-pass of emg.emg), rest = the quietest 2 s window of that signal
              (by energy, windows stepped by 0.5 s). The detector has no defaults, so:
              threshold 7.74 (its test function is chi-square with 2 d.o.f. on Gaussian
              rest noise, so about 2 % false alarms per test sample), active_state_duration
              25 ms, samples_above_fail 1, fail_size 5. Like find_onsets it returns onsets
              and offsets in one array; they alternate (the detector starts inactive), so
              they are taken in pairs, an unpaired last onset ending at the recording's end
  scipy       our own careful pipeline: 4th-order Butterworth band-pass 20-450 Hz (upper edge
              capped at 0.45 x rate), zero-phase (sosfiltfilt); IIR notches (Q 30) at 50 and
              60 Hz where below 0.45 x rate; 10 ms centred moving RMS envelope; threshold
              median + k x 1.4826 x MAD of the envelope with k = 5, hysteresis: a burst is a
              run above median + 2.5 x 1.4826 x MAD that reaches the k = 5 level; bursts
              closer than 20 ms are merged

The toolkits do not classify. Every burst gets a kind by one duration rule, the same for all:
shorter than 0.1 s -> twitch, 3 s or longer -> cramp, otherwise activity. This is generous to
the peers: they get kind labels they do not produce themselves, by cut-offs that suit the kinds
in the recordings (an artifact of twitch length still becomes a false twitch). No burst is
labelled artifact. A channel on which a method raises is recorded under "failures" and
contributes no detections.
"""
import json
import sys
import time

import numpy as np
import pandas as pd


def kind_of(duration):
    if duration < 0.1:
        return "twitch"
    if duration >= 3.0:
        return "cramp"
    return "activity"


def pairs(crossings, length):
    """Consecutive crossings as (onset, offset) sample pairs."""
    c = [int(x) for x in np.asarray(crossings).ravel() if np.isfinite(x)]
    out = []
    for k in range(0, len(c) - 1, 2):
        if c[k + 1] >= c[k]:
            out.append((c[k], c[k + 1]))
    if len(c) % 2 == 1:
        out.append((c[-1], length - 1))
    return out


def neurokit2_bursts(x, rate):
    import neurokit2 as nk
    _, info = nk.emg_process(x, sampling_rate=int(round(rate)))
    on = [int(v) for v in np.asarray(info["EMG_Onsets"]).ravel() if np.isfinite(v)]
    off = [int(v) for v in np.asarray(info["EMG_Offsets"]).ravel() if np.isfinite(v)]
    return list(zip(on, off))


def biosppy_bursts(x, rate):
    from biosppy.signals import emg
    from biosppy.signals import tools as st
    out = emg.emg(signal=x, sampling_rate=rate, show=False)
    crossings = np.asarray(out["onsets"], dtype=np.int64)
    # find_onsets returns the rising AND the falling crossings of its envelope in one sorted array.
    # To tell them apart we recompute that envelope and threshold exactly as find_onsets does with
    # its defaults (|filtered| smoothed by a 50 ms boxzen window; 1.2 x mean + 2 x SD).
    mvgav, _ = st.smoother(signal=np.abs(out["filtered"]), kernel="boxzen",
                           size=int(rate * 0.05), mirror=True)
    aux = np.abs(mvgav)
    above = mvgav > 1.2 * np.mean(aux) + 2.0 * np.std(aux, ddof=1)
    n = len(above)
    bursts, start = [], (0 if n and above[0] else None)
    for c in crossings:
        if start is not None and c >= 1 and above[c - 1] and not above[c]:  # falling: burst ends
            bursts.append((start, int(c)))
            start = None
        if start is None and c + 1 < n and above[c + 1] and not above[c]:  # rising: burst starts
            start = int(c)
    if start is not None:
        bursts.append((start, n - 1))
    return bursts


def quietest(x, length):
    """Start of the quietest window of `length` samples (by RMS)."""
    if len(x) <= length:
        return 0
    energy = np.cumsum(np.concatenate([[0.0], x * x]))
    sums = energy[length:] - energy[:-length]
    return int(np.argmin(sums[::max(1, length // 4)]) * max(1, length // 4))


def bonato_bursts(x, rate):
    from biosppy.signals import emg
    filtered = emg.emg(signal=x, sampling_rate=rate, show=False)["filtered"]
    n = int(2 * rate)
    start = quietest(filtered, n)
    out = emg.bonato_onset_detector(
        signal=filtered, rest=filtered[start:start + n], sampling_rate=rate, threshold=7.74,
        active_state_duration=max(1, int(0.025 * rate / 2)), samples_above_fail=1, fail_size=5)
    return pairs(out["onsets"], len(x))


def scipy_bursts(x, rate):
    from scipy import signal
    high = min(450.0, 0.45 * rate)
    sos = signal.butter(4, [20.0, high], btype="bandpass", fs=rate, output="sos")
    y = signal.sosfiltfilt(sos, x - np.mean(x))
    for f in (50.0, 60.0):
        if f < 0.45 * rate:
            b, a = signal.iirnotch(f, 30.0, fs=rate)
            y = signal.filtfilt(b, a, y)
    w = max(2, int(round(0.010 * rate)))
    env = np.sqrt(np.convolve(y * y, np.ones(w) / w, mode="same"))
    med = np.median(env)
    sd = 1.4826 * np.median(np.abs(env - med))
    high_t, low_t = med + 5 * sd, med + 2.5 * sd
    above = env > low_t
    bursts = []
    edges = np.flatnonzero(np.diff(np.concatenate([[0], above.astype(np.int8), [0]])))
    for s, e in zip(edges[0::2], edges[1::2]):
        if env[s:e].max() > high_t:
            if bursts and s - bursts[-1][1] < int(0.020 * rate):
                bursts[-1] = (bursts[-1][0], e - 1)
            else:
                bursts.append((s, e - 1))
    return bursts


METHODS = {"neurokit2": neurokit2_bursts, "biosppy": biosppy_bursts,
           "bonato": bonato_bursts, "scipy": scipy_bursts}


def load(path):
    frame = pd.read_csv(path)
    names = list(frame.columns)
    time_name = names[0]
    t = frame[time_name].to_numpy(dtype=float)
    # Rounded to 1 mHz: the time column is printed to a few decimals, and an unrounded rate such
    # as 200.0000000001 Hz would let a filter at exactly Nyquist (BioSPPy's 100 Hz high-pass at
    # 200 Hz) slip through as a degenerate filter instead of failing as it does at 200 Hz.
    rate = round(1.0 / float(np.median(np.diff(t[: min(len(t), 10000)]))), 3)
    return frame, names[1:], rate, t


def detect(method, path):
    frame, channels, rate, t = load(path)
    events, failures = [], []
    for ch in channels:
        x = frame[ch].to_numpy(dtype=float)
        try:
            bursts = METHODS[method](x, rate)
        except Exception as error:  # a peer that fails on a file is reported, not fatal
            failures.append(f"{ch}: {type(error).__name__}: {error}".replace("\n", " ")[:300])
            continue
        last = len(t) - 1
        for s, e in bursts:  # sample indices -> the recording's own time axis
            start, end = float(t[min(int(s), last)]), float(t[min(int(e), last)])
            events.append({"kind": kind_of(end - start), "channel": ch, "start": start, "end": end})
    events.sort(key=lambda v: (v["start"], v["channel"]))
    source = {"path": path, "sensor": "emg", "sampleRateHz": rate, "channels": channels,
              "durationSeconds": float(t[-1] - t[0])}
    return {"source": source, "events": events, "failures": failures}


def main(argv):
    if len(argv) < 3 or argv[0] not in ("detect", "speed") or argv[1] not in METHODS:
        print(__doc__, file=sys.stderr)
        return 2
    started = time.perf_counter()
    result = detect(argv[1], argv[2])
    if argv[0] == "detect":
        with open(argv[3], "w") as f:
            json.dump(result, f)
    for failure in result["failures"]:
        print(f"{argv[1]}: {argv[2]}: {failure}", file=sys.stderr)
    print(f"{argv[1]} {argv[2]}: {len(result['events'])} events in {time.perf_counter() - started:.2f} s",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
