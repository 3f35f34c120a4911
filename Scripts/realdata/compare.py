"""Before/after of two benchmark JSON files (both from evaluate-real.sh --json, or both from
evaluate-semisynth.sh --json): the headline figures side by side with their change.

Usage: python3 Scripts/realdata/compare.py BEFORE.json AFTER.json
"""
import json
import signal as _signal
import sys


def rows_real(d):
    out = []
    for name, s in list(d["datasets"].items()) + [("TOTAL", d["total"])]:
        out.append((name + " twitches/min of rest", s["twitches_per_min_rest"]))
        out.append((name + " twitches in activity", s["twitches_activity"]))
        out.append((name + " cramps (all false)", s["cramps"]))
        out.append((name + " bursts found as activity", s["bursts_found_fraction"]))
    if "bits8_vs_16" in d:
        out.append(("8-bit vs 16-bit agreement", d["bits8_vs_16"]["agreement"]))
    return out


def rows_semi(d):
    t = d["twitch"]
    out = [("twitch precision", t["precision"]), ("twitch recall", t["recall"]), ("twitch F1", t["f1"]),
           ("median onset error ms", t["medianOnsetErrorMs"])]
    out += [("recall " + k, v["recall"]) for k, v in d["recallByAmplitude"].items()]
    if "recallAtLeast6x" in d:
        out.append(("recall >= 6x", d["recallAtLeast6x"]["recall"]))
    out.append(("false twitches in real activity, % of detections", d["falseTwitchesInActivityPercentOfDetections"]))
    return out


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__.strip())
    docs = []
    for path in sys.argv[1:]:
        try:
            with open(path) as handle:
                docs.append(json.load(handle))
        except (OSError, ValueError) as error:
            sys.exit("compare.py: cannot read %s: %s" % (path, error))
    schemas = {d.get("schema") for d in docs}
    if len(schemas) != 1 or schemas.pop() not in ("myotwitch.realbench/1", "myotwitch.semisynth/1"):
        sys.exit("compare.py: both files must come from the same benchmark (schema %s vs %s)"
                 % (docs[0].get("schema"), docs[1].get("schema")))
    rows = rows_real if docs[0]["schema"] == "myotwitch.realbench/1" else rows_semi
    before, after = dict(rows(docs[0])), rows(docs[1])
    print("%-52s %10s %10s %10s" % ("figure", "before", "after", "change"))
    for name, value in after:
        old = before.get(name)
        change = "" if old is None or value is None else "%+.3f" % (value - old)
        show = lambda v: "-" if v is None else ("%.3f" % v if isinstance(v, float) else str(v))  # noqa: E731
        print("%-52s %10s %10s %10s" % (name, show(old), show(value), change))


if __name__ == "__main__":
    _signal.signal(_signal.SIGPIPE, _signal.SIG_DFL)  # quiet when piped into head
    main()
