#!/usr/bin/env bash
# Real-recording benchmark (issue #15): runs `myotwitch analyze` on every recording of
# ../shared/realdata and prints, per dataset and in total, false twitches per minute of rest,
# twitches inside activity, false cramps, known bursts/gestures found as activity, and the
# 8-bit vs 16-bit agreement. See README "Real-recording benchmark" for the rules.
#
#   Scripts/evaluate-real.sh [--json PATH] [--realdata DIR] [--keep DIR] [-- ANALYZE-OPTIONS...]
#
# MYOTWITCH_BIN=/path/to/myotwitch picks the binary (default: a release build of this checkout).
# REALDATA=DIR (or --realdata) overrides the folder (default: ../shared/realdata beside the repo).
# Works from any directory. Exit 0 when measured (or skipped for lack of data), 1 on a failed file.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
REALDATA=${REALDATA:-$ROOT/../shared/realdata}
JSON=()
KEEP=""
EXTRA=()
while [[ $# -gt 0 ]]; do
    case $1 in
        --json) JSON=(--json "$(realpath -m "$2")"); shift 2 ;;
        --realdata) REALDATA=$2; shift 2 ;;
        --keep) KEEP=$(realpath -m "$2"); shift 2 ;;
        --) shift; EXTRA=("$@"); break ;;
        -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "evaluate-real.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
    esac
done
if [[ ! -d $REALDATA ]]; then
    echo "evaluate-real.sh: SKIPPED: no real recordings at $REALDATA (set REALDATA=DIR)" >&2
    exit 0
fi
source "$ROOT/Scripts/lib/benchmark-setup.sh"
myotwitch_binary evaluate-real.sh "$ROOT"
require_numpy_scipy evaluate-real.sh
benchmark_workdir "$KEEP"
python3 "$ROOT/Scripts/realdata/evaluate_real.py" --bin "$BIN" --realdata "$REALDATA" \
    --workdir "$WORK" "${JSON[@]}" -- "${EXTRA[@]}"
