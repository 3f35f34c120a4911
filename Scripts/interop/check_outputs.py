"""Loads myotwitch outputs with jsonschema, pandas and MNE and checks them against the JSON.

Usage: python check_outputs.py PATH/TO/myotwitch
Exit status 0 when every check passes; each failure is printed with what differed.
"""
import json
import math
import os
import subprocess
import sys
import tempfile
import warnings

import jsonschema
import mne
import numpy as np
import pandas as pd
from referencing import Registry, Resource

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BINARY = sys.argv[1]
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message)


def run(*args, status=0):
    done = subprocess.run([BINARY, *args], capture_output=True)
    if done.returncode != status:
        raise SystemExit(f"myotwitch {' '.join(args)}: exit {done.returncode}: {done.stderr.decode()}")
    return done.stdout


def schema_validators():
    schemas = {}
    for name in ("myotwitch.analysis-1.schema.json", "myotwitch.batch-1.schema.json"):
        with open(os.path.join(ROOT, "docs", "schema", name)) as f:
            schemas[name] = json.load(f)
    registry = Registry().with_resources(
        [(s["$id"], Resource.from_contents(s)) for s in schemas.values()]
        + [(name, Resource.from_contents(s)) for name, s in schemas.items()])
    cls = jsonschema.Draft202012Validator
    for s in schemas.values():
        cls.check_schema(s)
    return (cls(schemas["myotwitch.analysis-1.schema.json"], registry=registry),
            cls(schemas["myotwitch.batch-1.schema.json"], registry=registry))


def main():
    analysis, batch = schema_validators()
    samples = [os.path.join(ROOT, "SampleData", n)
               for n in ("emg-twitches-cramp.csv", "emg-4-channels.csv", "accelerometer.csv")]
    with tempfile.TemporaryDirectory() as tmp:
        for path in samples:
            name = os.path.basename(path)
            result = json.loads(run("analyze", path))
            errors = sorted(analysis.iter_errors(result), key=str)
            check(not errors, f"{name}: JSON does not match the analysis schema: {errors[:3]}")
            # A result with a wall-clock start, as EDF and timestamped CSV give it.
            result["source"]["startTime"] = "2024-03-01T08:15:00.250000Z"
            check(not list(analysis.iter_errors(result)), f"{name}: startTime rejected by the schema")
            saved = os.path.join(tmp, name + ".json")
            with open(saved, "w") as f:
                json.dump(result, f)
            starts = sorted((e["start"], e["channel"]) for e in result["events"])

            tsv = os.path.join(tmp, name + "_events.tsv")
            run("report", saved, "--format", "events-tsv", "--output", tsv)
            frame = pd.read_csv(tsv, sep="\t", na_values="n/a", keep_default_na=False)
            check(list(frame.columns[:3]) == ["onset", "duration", "trial_type"],
                  f"{name}: events.tsv starts with {list(frame.columns[:3])}")
            check(frame["onset"].is_monotonic_increasing, f"{name}: events.tsv onsets are not sorted")
            check(len(frame) == len(starts), f"{name}: {len(frame)} rows for {len(starts)} events")
            check(np.allclose(frame["onset"], [s for s, _ in starts], atol=5e-7),
                  f"{name}: events.tsv onsets differ from the JSON")
            kinds = sorted(e["kind"] for e in result["events"])
            check(sorted(frame["trial_type"]) == kinds, f"{name}: trial_type differs from the JSON kinds")

            txt = os.path.join(tmp, name + ".annotations.txt")
            run("report", saved, "--format", "mne-annotations", "--output", txt)
            with warnings.catch_warnings():
                warnings.simplefilter("error")  # MNE warns when it misreads a file
                annotations = mne.read_annotations(txt)
            check(len(annotations) == len(starts), f"{name}: MNE read {len(annotations)} annotations")
            check(np.allclose(annotations.onset, [s for s, _ in starts], atol=5e-7),
                  f"{name}: MNE onsets differ from the JSON")
            expected = pd.Timestamp("2024-03-01 08:15:00.25", tz="UTC")
            check(annotations.orig_time is not None and pd.Timestamp(annotations.orig_time) == expected,
                  f"{name}: MNE orig_time {annotations.orig_time}, expected {expected}")
            # Aligned with raw data that starts at the same wall-clock time: onsets unchanged.
            rate = result["source"]["sampleRateHz"]
            info = mne.create_info(["x"], sfreq=min(rate, 1000.0), ch_types=["emg"])
            n = int(result["source"]["durationSeconds"] * info["sfreq"]) + 2
            raw = mne.io.RawArray(np.zeros((1, n)), info, verbose=False)
            raw.set_meas_date(expected.to_pydatetime())
            raw.set_annotations(annotations)
            check(np.allclose(raw.annotations.onset - raw.first_time, annotations.onset, atol=1e-6),
                  f"{name}: onsets moved when set on raw data with the same meas_date")
            print(f"ok: {name}: schema, events.tsv ({len(frame)} rows), MNE annotations "
                  f"(orig_time {annotations.orig_time})")

        combined = json.loads(run("analyze", *samples, os.path.join(tmp, "missing.csv"), status=1))
        errors = list(batch.iter_errors(combined))
        check(not errors, f"batch JSON does not match the batch schema: {[e.message for e in errors[:3]]}")
        check(any("error" in r for r in combined["results"]), "batch: the missing input has no error entry")
        print("ok: batch schema")

        bids = os.path.join(ROOT, "Scripts", "interop", "check_bids.py")
        if os.path.exists(bids):
            if subprocess.run([sys.executable, bids, BINARY, tmp]).returncode != 0:
                failures.append("BIDS derivative check failed")
    if failures:
        print(f"interop-test: {len(failures)} check(s) failed")
        sys.exit(1)
    print("interop-test: all checks passed")


main()
