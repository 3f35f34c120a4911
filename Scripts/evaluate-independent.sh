#!/usr/bin/env bash
# Independent simulated benchmark: twelve EMG recordings (500 Hz-4 kHz, 1-4 channels, 55 min)
# from a generator written apart from the project's simulator (Scripts/independent/generate.py:
# AR(2) coloured and t(4) heavy-tailed backgrounds, mains, ECG, 8-bit quantisation, fixed-shape
# units with doublets and triplets, recruitment-ordered voluntary activity, one-channel cramps,
# 10-20 % crosstalk), analysed with `myotwitch analyze` and scored with `myotwitch evaluate`
# (per file), then broken down by failure mode (Scripts/independent/diagnose.py).
#
#   Scripts/evaluate-independent.sh [--out DIR] [-- ANALYZE-OPTIONS...]
#
# MYOTWITCH_BIN=/path/to/myotwitch picks the binary (default: a release build of this checkout).
# The set (~120 MB of CSV) goes to --out (default: a temporary directory, removed afterwards);
# the same set every time. Needs python3 with numpy and scipy.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=""
EXTRA=()
while [[ $# -gt 0 ]]; do
    case $1 in
        --out) OUT=$(realpath -m "$2"); shift 2 ;;
        --) shift; EXTRA=("$@"); break ;;
        -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "evaluate-independent.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
    esac
done
source "$ROOT/Scripts/lib/benchmark-setup.sh"
myotwitch_binary evaluate-independent.sh "$ROOT"
require_numpy_scipy evaluate-independent.sh
benchmark_workdir "$OUT"
SET=$WORK/set
RESULTS=$WORK/results
mkdir -p "$SET" "$RESULTS"
if [[ ! -f $SET/rest2-t4.csv ]]; then
    python3 "$ROOT/Scripts/independent/generate.py" --out "$SET" >&2
fi
rm -f "$RESULTS"/*.json
"$BIN" analyze "$SET"/*.csv --format json --output "$RESULTS/" "${EXTRA[@]}" >&2 \
    || echo "evaluate-independent.sh: analyze reported failed files (scored as missing)" >&2
echo "The truth labels twitches, activity and cramps only: its ECG beats, which the detector reports as"
echo "artifacts, count as false artifacts, and the episode rows have no true episodes to match."
echo
"$BIN" evaluate --truth "$SET" "$RESULTS" --by file || true
echo
python3 "$ROOT/Scripts/independent/diagnose.py" "$SET" "$RESULTS"
[[ -z $OUT ]] || echo "set and results kept in $WORK" >&2
