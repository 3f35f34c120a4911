#!/usr/bin/env bash
# Semi-synthetic twitch benchmark (issue #15): real EMG recordings of ../shared/realdata as
# background, potentials injected at known times at 3-30x the local noise, analysed with
# `myotwitch analyze` and scored with `myotwitch evaluate`. Prints twitch precision/recall/F1,
# recall per amplitude bin, false twitches inside real activity (% of detections), onset error.
#
#   Scripts/evaluate-semisynth.sh [--json PATH] [--out DIR] [--seed N] [--variants K]
#                                 [--realdata DIR] [-- ANALYZE-OPTIONS...]
#
# MYOTWITCH_BIN=/path/to/myotwitch picks the binary (default: a release build of this checkout).
# The generated set goes to --out (default: a temporary directory, removed afterwards; never
# commit it). Same --seed, same set. Works from any directory; skips when the data is absent.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
REALDATA=${REALDATA:-$ROOT/../shared/realdata}
JSON=()
OUT=""
GEN=()
EXTRA=()
while [[ $# -gt 0 ]]; do
    case $1 in
        --json) JSON=(--json "$(realpath -m "$2")"); shift 2 ;;
        --out) OUT=$(realpath -m "$2"); shift 2 ;;
        --seed|--variants|--rate) GEN+=("$1" "$2"); shift 2 ;;
        --realdata) REALDATA=$2; shift 2 ;;
        --) shift; EXTRA=("$@"); break ;;
        -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "evaluate-semisynth.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
    esac
done
if [[ ! -d $REALDATA ]]; then
    echo "evaluate-semisynth.sh: SKIPPED: no real recordings at $REALDATA (set REALDATA=DIR)" >&2
    exit 0
fi
source "$ROOT/Scripts/lib/benchmark-setup.sh"
myotwitch_binary evaluate-semisynth.sh "$ROOT"
require_numpy_scipy evaluate-semisynth.sh
benchmark_workdir "$OUT"
SET=$WORK/set
RESULTS=$WORK/results
rm -rf "$SET" "$RESULTS"
mkdir -p "$SET" "$RESULTS"
python3 "$ROOT/Scripts/semisynth/generate.py" --realdata "$REALDATA" --out "$SET" "${GEN[@]}"
shopt -s nullglob
CSVS=("$SET"/*.csv)
"$BIN" analyze "${CSVS[@]}" --sensor emg --format json --output "$RESULTS/" "${EXTRA[@]}" \
    || echo "evaluate-semisynth.sh: analyze reported failed files (scored as missing)" >&2
"$BIN" evaluate --truth "$SET" "$RESULTS" --format json > "$WORK/evaluation.json" || true
"$BIN" evaluate --truth "$SET" "$RESULTS" --by name > "$WORK/evaluation.txt" || true
python3 "$ROOT/Scripts/semisynth/score.py" "$SET" "$RESULTS" "$WORK/evaluation.json" "${JSON[@]}"
[[ -z $OUT ]] || echo "set, results and evaluate's tables (evaluation.txt) kept in $WORK"
