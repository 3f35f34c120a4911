#!/usr/bin/env bash
# Analyses every CSV of an evaluation set (made by Scripts/make-eval-set.sh) and scores the
# detections against the ground truth: overall, and per subset, sensor, sample rate and unit.
#
#   Scripts/evaluate.sh SETDIR [--format text|markdown|json]
#
# Detections go to $RESULTS (default SETDIR/results)/NAME.json; the tables go to standard output.
# For the bundled recordings: RESULTS=$(mktemp -d) bash Scripts/evaluate.sh SampleData
set -euo pipefail

if [[ $# -lt 1 ]]; then
    echo "usage: $0 SETDIR [--format text|markdown|json]" >&2
    exit 2
fi
SETDIR=$1
shift
ROOT=$(cd "$(dirname "$0")/.." && pwd)

swift build -c release --package-path "$ROOT" >&2
BIN=$(swift build -c release --package-path "$ROOT" --show-bin-path)/myotwitch

RESULTS=${RESULTS:-$SETDIR/results}
mkdir -p "$RESULTS"
shopt -s nullglob
CSVS=("$SETDIR"/*.csv)
if [[ ${#CSVS[@]} -eq 0 ]]; then
    echo "no CSV files in $SETDIR" >&2
    exit 1
fi
# Exit status 1 means some file failed; evaluate still scores the others and names the missing.
"$BIN" analyze "${CSVS[@]}" --format json --output "$RESULTS/" || echo "analyze: some files failed" >&2
"$BIN" evaluate --truth "$SETDIR" "$RESULTS" --by name --by sensor --by rate --by unit "$@"
