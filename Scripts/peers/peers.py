"""Runs the general EMG toolkits on the recordings myotwitch is measured on, and writes their
detections in myotwitch's analysis shape, so that `myotwitch evaluate` scores everyone alike.

  peers.py detect METHOD CSV OUT.json      one recording, every EMG channel
  peers.py speed METHOD CSV                 the same without writing (for timing)

Methods (each library's own EMG onset method, defaults where it has them):
  neurokit2   nk.emg_process(signal, sampling_rate): EMG_Onsets / EMG_Offsets
  biosppy     biosppy.signals.emg.emg(...): its threshold crossings, taken in pairs
              (onset, offset) - find_onsets returns both kinds of crossing in one array
  bonato      biosppy.signals.emg.bonato_onset_detector on BioSPPy's filtered signal, rest =
              the quietest 2 s of the recording; it has no defaults: threshold 7.74,
              active_state_duration 25 ms, samples_above_fail 1, fail_size 5 samples
              (Bonato et al. 1998's double-threshold settings)
  scipy       4th-order Butterworth band-pass 20-450 Hz (upper edge at 0.45 x rate),
              notches at 50 and 60 Hz, 10 ms moving RMS, threshold median + 5 robust SD of
              the envelope with hysteresis at + 2.5, bursts closer than 20 ms merged

The toolkits do not classify. Every burst gets a kind by one duration rule, the same for all:
shorter than 0.1 s -> twitch, 3 s or longer -> cramp, otherwise activity. (Generous: a
twitch-length artifact counts as a twitch only if it really was one.)
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
    out = emg.emg(signal=x, sampling_rate=rate, show=False)
    return pairs(out["onsets"], len(x))


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
    rate = 1.0 / float(np.median(np.diff(t[: min(len(t), 10000)])))
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
        for s, e in bursts:
            start, end = s / rate, e / rate
            events.append({"kind": kind_of(end - start), "channel": ch, "start": start, "end": end})
    events.sort(key=lambda v: (v["start"], v["channel"]))
    source = {"path": path, "sensor": "emg", "sampleRateHz": rate, "channels": channels,
              "durationSeconds": (len(t) - 1) / rate}
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
