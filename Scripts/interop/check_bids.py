"""Builds a small BIDS-EMG dataset (an EDF written here, channels.tsv with muscles and an ECG
channel), analyses it with myotwitch and checks the BIDS derivative it writes.

Usage: python check_bids.py PATH/TO/myotwitch WORKDIR
"""
import json
import os
import subprocess
import sys

import numpy as np
import pandas as pd

BINARY, WORK = sys.argv[1], sys.argv[2]
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message)


def write_edf(path, signals, labels, rate, seconds):
    """A plain EDF: 1 s records, 16-bit samples, physical range ±5 mV."""
    ns = len(signals)
    def field(text, width):
        return text.ljust(width)[:width].encode("ascii")
    header = (field("0", 8) + field("X X X X", 80) + field("Startdate 01-MAR-2024 X X X", 80)
              + field("01.03.24", 8) + field("08.15.00", 8) + field(str(256 * (ns + 1)), 8)
              + field("", 44) + field(str(seconds), 8) + field("1", 8) + field(str(ns), 4))
    for part, width in [(labels, 16), (["AgAgCl"] * ns, 80), (["mV"] * ns, 8), (["-5"] * ns, 8),
                        (["5"] * ns, 8), (["-32768"] * ns, 8), (["32767"] * ns, 8), ([""] * ns, 80),
                        ([str(rate)] * ns, 8), ([""] * ns, 32)]:
        header += b"".join(field(v, width) for v in part)
    digital = [np.clip(np.round(s / 5 * 32767), -32768, 32767).astype("<i2") for s in signals]
    with open(path, "wb") as f:
        f.write(header)
        for r in range(seconds):
            for d in digital:
                f.write(d[r * rate:(r + 1) * rate].tobytes())


def main():
    rate, seconds = 1000, 150
    rng = np.random.default_rng(7)
    t = np.arange(rate * seconds) / rate
    emg = rng.normal(0, 0.005, t.size)
    spikes = np.arange(10, seconds - 5, 7.3)
    for s in spikes:  # biphasic 10 ms potentials, 20x the noise
        k = (t - s) / 0.002
        emg += -0.1 * k * np.exp(-k * k)
    ecg = 0.5 * np.sin(2 * np.pi * 1.1 * t) ** 31
    root = os.path.join(WORK, "bids-ds")
    folder = os.path.join(root, "sub-01", "ses-1", "emg")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(root, "dataset_description.json"), "w") as f:
        json.dump({"Name": "test", "BIDSVersion": "1.11.0"}, f)
    stem = "sub-01_ses-1_task-rest_run-1"
    write_edf(os.path.join(folder, stem + "_emg.edf"), [emg, ecg], ["TA left", "ECG"], rate, seconds)
    with open(os.path.join(folder, stem + "_channels.tsv"), "w") as f:
        f.write("name\ttype\tunits\ttarget_muscle\nTA left\tEMG\tmV\ttibialis anterior\nECG\tECG\tmV\tn/a\n")
    out = os.path.join(root, "derivatives", "myotwitch") + "/"
    done = subprocess.run([BINARY, "analyze", root, "--format", "events-tsv", "--format", "json",
                           "--output", out], capture_output=True, text=True)
    check(done.returncode == 0, f"analyze of the BIDS dataset failed: {done.stderr}")
    events_path = os.path.join(out, "sub-01", "ses-1", "emg", stem + "_events.tsv")
    check(os.path.exists(events_path), f"no derivative events file at {events_path}")
    check(os.path.exists(events_path.replace("_events.tsv", "_events.json")), "no events.json sidecar")
    with open(os.path.join(out, "dataset_description.json")) as f:
        description = json.load(f)
    check(description.get("DatasetType") == "derivative", "dataset_description.json is not a derivative")
    check(description.get("GeneratedBy", [{}])[0].get("Name") == "myotwitch", "GeneratedBy is not myotwitch")
    result_path = os.path.join(out, stem + "_emg.json")
    with open(result_path) as f:
        result = json.load(f)
    check(result["source"]["channels"] == ["TA left"], f"channels {result['source']['channels']}: the ECG is not EMG")
    check(result["summary"]["channels"][0].get("muscle") == "tibialis anterior", "the muscle from channels.tsv is missing")
    frame = pd.read_csv(events_path, sep="\t", na_values="n/a", keep_default_na=False)
    twitches = frame[frame["trial_type"] == "twitch"]
    check(frame["onset"].is_monotonic_increasing, "derivative onsets are not sorted")
    check(np.allclose(frame["onset"], sorted(e["start"] for e in result["events"]), atol=5e-7),
          "derivative onsets differ from the JSON")
    found = sum(np.any(np.abs(twitches["peak_time"] - s) < 0.02) for s in spikes)
    check(found >= len(spikes) - 1, f"{found} of {len(spikes)} simulated twitches in events.tsv")
    print(f"ok: BIDS derivative ({len(twitches)} twitches, {found} of {len(spikes)} simulated ones; muscle from channels.tsv)")
    sys.exit(1 if failures else 0)


main()
