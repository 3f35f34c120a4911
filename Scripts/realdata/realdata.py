"""Shared reading of ../shared/realdata for the real-recording and semi-synthetic benchmarks.

Everything here is independent of myotwitch: the catalogue of recordings (dataset, columns,
sensor), the labelled cues of the Myo files, and activity spans derived from the raw signal by a
plain RMS-envelope rule, so that the benchmarks never measure the detector against itself.

Activity rule (documented in README "Real-recording benchmark"):
  EMG: band-pass 20-450 Hz (upper edge capped at 0.45 x the sample rate; 4th-order Butterworth,
  zero phase), RMS over 250 ms (centred), noise = 10th percentile of that envelope (a robust
  floor: at least 10 % of each file is rest), active where the envelope exceeds 6 x noise, or
  exceeds 2 x noise without a break for at least 1 s (weak sustained contractions), on any
  channel.  6 x is far above the envelope's own fluctuation on noise (its standard deviation is
  5-12 % of its mean at 200-1000 Hz) and above isolated ECG beats; 2 x for 1 s is as far above
  noise and catches the weak bursts of the BioSPPy files.  Accelerometer: the same on each axis high-passed at
  0.5 Hz (gravity out).  Spans closer than 0.5 s are merged, spans shorter than 0.1 s dropped,
  and the spans used to delimit rest are padded by 1 s on both sides.
"""
import csv
import glob
import json
import os
import re
import sys

import numpy as np
from scipy import signal

ACTIVITY_FACTOR = 6.0      # envelope over this multiple of its 10th percentile = activity
SUSTAINED_FACTOR = 2.0     # ... or over this multiple for at least SUSTAINED_SECONDS
SUSTAINED_SECONDS = 1.0
ENVELOPE_SECONDS = 0.25    # RMS window
MERGE_GAP_SECONDS = 0.5
MIN_SPAN_SECONDS = 0.1
PAD_SECONDS = 1.0          # around derived activity when delimiting rest
CUE_LATE_SECONDS = 1.5     # Myo: the hand may relax up to this long after the cue ends
CUE_LAG_SECONDS = 0.2      # Myo: the muscle follows the cue by 0.2-0.5 s (start of rest ends at the cue)


def dataset_of(stem, meta):
    """The reporting group of a recording, from its file name (sidecar kind for unknown files)."""
    if stem.startswith("myo_readings__right_12345-1"):
        return "Myo 12345-1"
    if stem.startswith("myo_readings__right_45612-1"):
        return "Myo 45612-1"
    if stem.startswith("myo_readings__"):
        return "Myo other"
    if stem.startswith("emggo__"):
        return "emgGO tibialis"
    if stem.startswith("biosppy_examples__emg"):
        return "BioSPPy EMG"
    if "forceplate" in stem:
        return "force-plate files"
    if stem.startswith("biosignalsnotebooks__emg"):
        return "biosignalsnotebooks EMG"
    kind = str(meta.get("kind", "")).lower()
    if "acc" in stem.split("__")[-1][:4] or "accelerometer" in kind:
        return "accelerometer files"
    return "other EMG" if "emg" in kind else "other"


DATASET_ORDER = ["Myo 12345-1", "Myo 45612-1", "emgGO tibialis", "BioSPPy EMG",
                 "biosignalsnotebooks EMG", "accelerometer files", "force-plate files",
                 "Myo other", "other EMG", "other"]


def load_csv(path):
    """(header, time column, data matrix samples x channels) of a realdata CSV."""
    with open(path, newline="") as handle:
        header = next(csv.reader(handle))
    try:
        values = np.loadtxt(path, delimiter=",", skiprows=1, ndmin=2)
    except ValueError as error:
        # numpy counts data rows from 0 after the header: file line = row + 2.
        found = re.search(r"at row (\d+), column (\d+)", str(error))
        where = "%s:%d:%s" % (path, int(found.group(1)) + 2, found.group(2)) if found else path
        raise ValueError("%s: %s" % (where, str(error).split(" at row")[0])) from None
    if values.shape[0] < 2 or values.shape[1] < 2:
        raise ValueError("%s: needs a time column, a signal column and two rows" % path)
    return header, values[:, 0], values[:, 1:]


def load_events(path):
    """Labelled spans (onset, offset, label) of NAME.events.csv, or [] if there is none."""
    if not os.path.exists(path):
        return []
    spans = []
    with open(path, newline="") as handle:
        for row in csv.DictReader(handle):
            spans.append((float(row["onset_s"]), float(row["offset_s"]), row["label"]))
    return spans


class Recording:
    """One realdata recording: its columns split into analysis units.

    A unit is what one `myotwitch analyze` run sees: EMG channels of one device (the mV column
    only where a file also has the same electrode's raw ADC column), the accelerometer axes of one
    sensor, or, for the 8-bit vs 16-bit file, each device's column alone (they must not be
    treated as neighbouring channels)."""

    def __init__(self, root, stem):
        self.root = root
        self.stem = stem
        self.csv = os.path.join(root, stem + ".csv")
        with open(os.path.join(root, stem + ".json")) as handle:
            self.meta = json.load(handle)
        self.dataset = dataset_of(stem, self.meta)
        self.header, self.time, self.data = load_csv(self.csv)
        self.rate = float(self.meta.get("sampling_rate_hz") or 1.0 / np.median(np.diff(self.time[:1025])))
        self.duration = float(len(self.time) / self.rate)
        self.cues = [c for c in load_events(os.path.join(root, stem + ".events.csv"))
                     if c[2] != "hibernation_rest"]
        self.units = self._units()

    def column(self, name):
        return self.data[:, self.header.index(name) - 1]

    def _units(self):
        names = self.header[1:]
        if "forceplate" in self.stem:
            return [("acc", [n for n in names if n.startswith("acc")], "accelerometer")]
        if self.dataset == "accelerometer files":
            return [("acc", names, "accelerometer")]
        if "8bit_vs_16bit" in self.stem:
            return [(n, [n], "emg") for n in names]
        mv = [n for n in names if n.lower().endswith("_mv")]
        adc = [n for n in names if n.lower().endswith("_adc")]
        chosen = mv if mv and adc else names
        return [("emg", chosen, "emg")]

    def force_sum(self):
        cells = [n for n in self.header[1:] if n.startswith("force_cell")]
        return sum(self.column(n) for n in cells) if cells else None


def band_envelope(x, rate, sensor):
    """250 ms RMS envelope of one channel after the benchmark's band-pass (see module doc)."""
    x = np.asarray(x, dtype=float) - np.median(x)
    nyq = rate / 2
    if sensor == "emg":
        high = min(450.0, 0.45 * rate)
        sos = signal.butter(4, [20.0 / nyq, high / nyq], btype="band", output="sos")
    else:
        sos = signal.butter(2, 0.5 / nyq, btype="high", output="sos")
    y = signal.sosfiltfilt(sos, x)
    width = max(1, int(round(ENVELOPE_SECONDS * rate)))
    power = np.convolve(y * y, np.ones(width) / width, mode="same")
    return np.sqrt(np.maximum(power, 0.0))


def mask_to_spans(mask, rate):
    """Runs of True as (start_s, end_s), merged across gaps < 0.5 s, dropped if < 0.1 s."""
    padded = np.concatenate([[False], mask, [False]])
    edges = np.flatnonzero(np.diff(padded.astype(np.int8)))
    spans = [(s / rate, e / rate) for s, e in zip(edges[0::2], edges[1::2])]
    merged = []
    for s, e in spans:
        if merged and s - merged[-1][1] < MERGE_GAP_SECONDS:
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return [(s, e) for s, e in merged if e - s >= MIN_SPAN_SECONDS]


def envelope_spans(rec, columns, sensor):
    """Activity spans of the union of `columns` by the benchmark's envelope rule."""
    mask = np.zeros(len(rec.time), dtype=bool)
    for name in columns:
        env = band_envelope(rec.column(name), rec.rate, sensor)
        floor = np.percentile(env, 10)
        if floor <= 0:
            floor = np.percentile(env[env > 0], 10) if np.any(env > 0) else 1.0
        mask |= env > ACTIVITY_FACTOR * floor
        weak = np.concatenate([[False], env > SUSTAINED_FACTOR * floor, [False]])
        edges = np.flatnonzero(np.diff(weak.astype(np.int8)))
        for start, end in zip(edges[0::2], edges[1::2]):
            if end - start >= SUSTAINED_SECONDS * rec.rate:
                mask[start:end] = True
    return mask_to_spans(mask, rec.rate)


def force_plate_spans(rec):
    """Movement spans on the force plate (countermovement, flight, landing, stepping on/off):
    the 50 ms mean of the cell sum deviating from both the standing level (median while loaded)
    and the empty level by more than 10 % of body weight; plus each flight (load under half)."""
    total = rec.force_sum()
    width = max(1, int(round(0.05 * rec.rate)))
    smooth = np.convolve(total, np.ones(width) / width, mode="same")
    empty = np.percentile(smooth, 0.2)
    loaded = np.median(smooth[smooth > (empty + np.percentile(smooth, 90)) / 2])
    weight = loaded - empty
    deviation = np.minimum(np.abs(smooth - loaded), np.abs(smooth - empty))
    moving = mask_to_spans(deviation > 0.1 * weight, rec.rate)
    half = smooth < empty + weight / 2
    flights = [(s, e) for s, e in mask_to_spans(half, rec.rate) if e - s < 1.5]
    return moving, flights


def union(spans):
    out = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def pad(spans, before, after, duration):
    return union([(max(0.0, s - before), min(duration, e + after)) for s, e in spans])


def total_length(spans):
    return float(sum(e - s for s, e in spans))


def inside(t, spans):
    return any(s <= t <= e for s, e in spans)


def overlaps(a, b):
    return a[0] < b[1] and b[0] < a[1]


def recordings(root, with_errors=False):
    """Every recording with a sidecar, sorted by name; with `with_errors`, also the
    (stem, message) of those that could not be read (they are skipped, never silently)."""
    stems = sorted(os.path.basename(p)[:-5] for p in glob.glob(os.path.join(root, "*.json"))
                   if not p.endswith(".truth.json"))
    good, bad = [], []
    for stem in stems:
        if not os.path.exists(os.path.join(root, stem + ".csv")):
            bad.append((stem, "sidecar without %s.csv" % stem))
            continue
        try:
            good.append(Recording(root, stem))
        except (OSError, ValueError, KeyError, IndexError, StopIteration) as error:
            bad.append((stem, "%s: %s" % (type(error).__name__, error)))
    if with_errors:
        return good, bad
    for stem, message in bad:
        print("skipped %s: %s" % (stem, message), file=sys.stderr)
    return good
