"""Real-recording benchmark: false twitches per minute of rest, false cramps, known bursts found
as activity, and 8-bit vs 16-bit agreement, per dataset of ../shared/realdata.

Usage: python3 evaluate_real.py --bin MYOTWITCH --realdata DIR [--json PATH] [--workdir DIR]
                                [-- extra analyze options]
Run through Scripts/evaluate-real.sh, which finds or builds the binary.

Every twitch counts as a false alarm (healthy subjects, no twitch labels) and every cramp as a
false cramp (nobody had one).  Rest is the recording minus its activity spans:
  * Myo files with gesture cues: each cue from NAME.events.csv, from its onset to its offset +
    1.5 s (the muscle follows the cue by 0.2-0.5 s and may relax late); nothing else;
  * every other file (the Myo rest-only gesture0 files too): spans derived from the raw signal by the envelope rule of realdata.py (never from
    myotwitch's output), padded by 1 s;
  * force-plate files: the force plate's movement spans (realdata.force_plate_spans), padded 1 s.
Known bursts: the Myo cues (onset .. offset + 1.5 s); the force plate's movement spans; elsewhere
the derived spans (unpadded), with the count the README states beside them.  A burst is "found"
when a myotwitch `activity` event on any channel overlaps it.
"""
import argparse
import json
import signal as _signal
import os
import subprocess
import sys
import tempfile

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realdata as R  # noqa: E402

# Burst counts the README / sidecars state, for comparison with the derived spans.
README_BURSTS = {
    "emggo__tibialis_anterior_ballistic_dorsiflexion": 56,
    "biosignalsnotebooks__emg_bursts_biceps": 9,
    "biosignalsnotebooks__emg_fatigue_biceps": 30,
    "biosignalsnotebooks__emg_adductor_pollicis_8bit_vs_16bit": 10,
}
README_BURSTS_GROUP = {"BioSPPy EMG": 7}


def write_unit_csv(rec, columns, path):
    """The recording's time column and `columns`, values as written in the source (%.9g)."""
    idx = [rec.header.index(c) - 1 for c in columns]
    table = np.column_stack([rec.time, rec.data[:, idx]])
    np.savetxt(path, table, delimiter=",", fmt=["%.6f"] + ["%.9g"] * len(idx),
               header=",".join(["time_s"] + columns), comments="")


def run_analyze(binary, jobs, workdir, extra):
    """jobs: list of (unit_id, csv_path, sensor).  Returns {unit_id: analysis dict or error}."""
    results = {}
    for sensor in ("emg", "accelerometer"):
        batch = [j for j in jobs if j[2] == sensor]
        if not batch:
            continue
        outdir = os.path.join(workdir, "results-" + sensor) + "/"
        os.makedirs(outdir, exist_ok=True)
        cmd = [binary, "analyze", *[j[1] for j in batch], "--sensor", sensor,
               "--format", "json", "--output", outdir, *extra]
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if proc.returncode not in (0, 1) or not any(n.endswith(".json") for n in os.listdir(outdir)):
            sys.exit("myotwitch analyze failed (exit %d, no results): %s\n%s" % (
                proc.returncode, " ".join(cmd[:2]) + " ... " + " ".join(cmd[-6:]), proc.stderr.strip()[-2000:]))
        for unit_id, csv_path, _ in batch:
            out = os.path.join(outdir, os.path.basename(csv_path)[:-4] + ".json")
            if os.path.exists(out):
                with open(out) as handle:
                    results[unit_id] = json.load(handle)
            else:
                results[unit_id] = {"error": "no output %s (analyze stderr: %s)" % (out, proc.stderr.strip()[-400:])}
    return results


def activity_and_bursts(rec):
    """(padded activity spans delimiting rest, known bursts, burst source) of one recording."""
    derived = []
    for _, columns, sensor in rec.units:
        derived += R.envelope_spans(rec, columns, sensor)
    derived = R.union(derived)
    spans = R.pad(derived, R.PAD_SECONDS, R.PAD_SECONDS, rec.duration)
    if rec.force_sum() is not None:
        moving, _ = R.force_plate_spans(rec)
        spans = R.union(spans + R.pad(moving, R.PAD_SECONDS, R.PAD_SECONDS, rec.duration))
        return spans, moving, "force plate"
    if rec.cues:
        cues = [(s, min(rec.duration, e + R.CUE_LATE_SECONDS)) for s, e, _ in rec.cues]
        return R.union(cues), cues, "cues"
    return spans, derived, "derived"


def score_unit(rec, result, spans, bursts):
    events = result.get("events", [])
    twitches = [e for e in events if e["kind"] == "twitch"]
    cramps = [e for e in events if e["kind"] == "cramp"]
    activity = [(e["start"], e["end"]) for e in events if e["kind"] == "activity"]
    rest_twitches = [e for e in twitches if not R.inside(e["start"], spans)]
    found = sum(1 for b in bursts if any(R.overlaps(b, a) for a in activity))
    as_cramp = sum(1 for b in bursts if any(R.overlaps(b, (c["start"], c["end"])) for c in cramps))
    return {
        "twitches_rest": len(rest_twitches),
        "twitches_activity": len(twitches) - len(rest_twitches),
        "twitches_first_4s": sum(1 for e in twitches if e["start"] < 4.0),
        "cramps": len(cramps),
        "cramp_seconds": round(sum(c["end"] - c["start"] for c in cramps), 3),
        "activity_events": len(activity),
        "artifacts": sum(1 for e in events if e["kind"] == "artifact"),
        "bursts": len(bursts),
        "bursts_found": found,
        "bursts_as_cramp": as_cramp,
    }


def compare_columns(a, b):
    """Agreement of two analyses of one muscle: per kind, events of A matched by B (a twitch
    within 0.1 s of a twitch, a sustained event overlapping one of the same kind)."""
    out = {"kinds": {}}
    matched_total = 0
    larger_total = 0
    for kind in ("twitch", "activity", "cramp", "artifact"):
        ea = [e for e in a if e["kind"] == kind]
        eb = [e for e in b if e["kind"] == kind]
        used = set()
        matched = 0
        for e in ea:
            for j, f in enumerate(eb):
                if j in used:
                    continue
                ok = abs(e["start"] - f["start"]) <= 0.1 if kind == "twitch" else \
                    R.overlaps((e["start"], e["end"]), (f["start"], f["end"]))
                if ok:
                    used.add(j)
                    matched += 1
                    break
        out["kinds"][kind] = {"a": len(ea), "b": len(eb), "matched": matched}
        matched_total += matched
        larger_total += max(len(ea), len(eb))
    out["agreement"] = round(matched_total / larger_total, 4) if larger_total else 1.0
    out["identical_counts"] = all(v["a"] == v["b"] for v in out["kinds"].values())
    return out


SUM_KEYS = ["minutes", "rest_minutes", "twitches_rest", "twitches_activity", "twitches_first_4s", "cramps",
            "cramp_seconds", "activity_events", "artifacts", "bursts", "bursts_found", "bursts_as_cramp"]


def summarise(rows):
    s = {k: 0.0 for k in SUM_KEYS}
    for r in rows:
        for k in SUM_KEYS:
            s[k] += r[k]
    s["files"] = len(rows)
    s["twitches_per_min_rest"] = round(s["twitches_rest"] / s["rest_minutes"], 3) if s["rest_minutes"] > 0 else None
    s["bursts_found_fraction"] = round(s["bursts_found"] / s["bursts"], 4) if s["bursts"] else None
    for k in ("minutes", "rest_minutes", "cramp_seconds"):
        s[k] = round(s[k], 3)
    for k in SUM_KEYS:
        if k not in ("minutes", "rest_minutes", "cramp_seconds"):
            s[k] = int(s[k])
    return s


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bin", required=True)
    parser.add_argument("--realdata", required=True)
    parser.add_argument("--json", dest="json_path")
    parser.add_argument("--workdir")
    parser.add_argument("extra", nargs="*", help="options passed to myotwitch analyze (after --)")
    args = parser.parse_args()

    workdir = args.workdir or tempfile.mkdtemp(prefix="myotwitch-real-")
    recs, unreadable = R.recordings(args.realdata, with_errors=True)
    if not recs:
        sys.exit("no readable recordings (NAME.json + NAME.csv) in %s%s" % (
            args.realdata, "".join("\n  %s: %s" % e for e in unreadable)))
    jobs, plans = [], []
    for rec in recs:
        spans, bursts, source = activity_and_bursts(rec)
        for uid, columns, sensor in rec.units:
            unit_id = rec.stem + ("" if len(rec.units) == 1 else "__" + uid)
            path = os.path.join(workdir, unit_id + ".csv")
            write_unit_csv(rec, columns, path)
            jobs.append((unit_id, path, sensor))
            plans.append((rec, unit_id, columns, sensor, spans, bursts, source))
    results = run_analyze(args.bin, jobs, workdir, args.extra)

    rows, errors = [], [{"unit": stem, "error": message} for stem, message in unreadable]
    for rec, unit_id, columns, sensor, spans, bursts, source in plans:
        result = results[unit_id]
        if "error" in result:
            errors.append({"unit": unit_id, "error": result["error"]})
            continue
        rest = rec.duration - R.total_length(spans)
        row = {"unit": unit_id, "dataset": rec.dataset, "columns": columns, "sensor": sensor,
               "minutes": rec.duration / 60, "rest_minutes": rest / 60, "burst_source": source,
               "readme_bursts": README_BURSTS.get(rec.stem)}
        row.update(score_unit(rec, result, spans, bursts))
        row["events"] = [{k: e[k] for k in ("kind", "channel", "start", "end", "reason")}
                         for e in result.get("events", [])]
        rows.append(row)

    report = {"schema": "myotwitch.realbench/1", "binary": args.bin,
              "analyzeOptions": args.extra, "datasets": {}, "units": [], "errors": errors}
    groups = [d for d in R.DATASET_ORDER if any(r["dataset"] == d for r in rows)]
    for d in groups:
        report["datasets"][d] = summarise([r for r in rows if r["dataset"] == d])
        if d in README_BURSTS_GROUP:
            report["datasets"][d]["readme_bursts"] = README_BURSTS_GROUP[d]
    report["total"] = summarise(rows)
    report["total_emg"] = summarise([r for r in rows if r["sensor"] == "emg"])
    pair = [r for r in rows if "8bit_vs_16bit" in r["unit"]]
    if len(pair) == 2:
        a, b = sorted(pair, key=lambda r: "8bit" in r["unit"].split("__")[-1][:9])
        report["bits8_vs_16"] = {"a": a["unit"], "b": b["unit"], **compare_columns(a["events"], b["events"])}
    for r in rows:
        r = dict(r)
        r["minutes"] = round(r["minutes"], 4)
        r["rest_minutes"] = round(r["rest_minutes"], 4)
        report["units"].append(r)

    print_text(report)
    if args.json_path:
        with open(args.json_path, "w") as handle:
            json.dump(report, handle, indent=1, sort_keys=True)
            handle.write("\n")
        print("\nJSON written to %s" % args.json_path)
    if errors:
        sys.exit(1)


def fmt(v, spec="%.2f"):
    return "-" if v is None else spec % v


def print_text(report):
    print("tw/minR: twitches per minute of rest (all false); twRest/twAct: twitches in rest / in\n"
          "activity; tw<4s: of all twitches, those in a file's first 4 s; cramps: all false;\n"
          "bursts: known bursts overlapped by an activity event; asCramp: bursts overlapped by a cramp\n")
    head = "%-24s %5s %7s %7s %9s %8s %7s %6s %7s %11s %8s" % (
        "dataset", "files", "min", "restmin", "tw/minR", "twRest", "twAct", "tw<4s", "cramps", "bursts", "asCramp")
    print(head)
    print("-" * len(head))
    for name, s in list(report["datasets"].items()) + [("TOTAL", report["total"]), ("TOTAL EMG", report["total_emg"])]:
        burst = "%d/%d %s" % (s["bursts_found"], s["bursts"], fmt(s["bursts_found_fraction"] and 100 * s["bursts_found_fraction"], "%.0f%%"))
        print("%-24s %5d %7.2f %7.2f %9s %8d %7d %6d %7d %11s %8d" % (
            name, s["files"], s["minutes"], s["rest_minutes"], fmt(s["twitches_per_min_rest"]),
            s["twitches_rest"], s["twitches_activity"], s["twitches_first_4s"], s["cramps"], burst,
            s["bursts_as_cramp"]))
    print("\nper file (bursts: found/known [source, README count]):")
    for r in report["units"]:
        note = " README %d" % r["readme_bursts"] if r["readme_bursts"] else ""
        print("  %-62s rest %5.2f min tw %3d+%-3d cramps %d bursts %d/%d [%s%s]" % (
            r["unit"][:62], r["rest_minutes"], r["twitches_rest"], r["twitches_activity"], r["cramps"],
            r["bursts_found"], r["bursts"], r["burst_source"], note))
    if "bits8_vs_16" in report:
        c = report["bits8_vs_16"]
        print("\n8-bit vs 16-bit (adductor pollicis): agreement %.2f (%s)" % (
            c["agreement"], "same counts" if c["identical_counts"] else "counts differ"))
        for kind, v in c["kinds"].items():
            print("  %-9s 16-bit %3d  8-bit %3d  matched %3d" % (kind, v["a"], v["b"], v["matched"]))
    for e in report["errors"]:
        print("ERROR %s: %s" % (e["unit"], e["error"]))


if __name__ == "__main__":
    _signal.signal(_signal.SIGPIPE, _signal.SIG_DFL)  # quiet when piped into head
    main()
