#!/usr/bin/env bash
# Peak memory of `myotwitch stream` after 1 h and 10 h of a piped 2 kHz, 4-channel EMG stream
# (generated on the fly by Scripts/tools/stream-generator.c, never stored), plus the throughput
# as a multiple of real time. Bounded memory means the two peaks agree within 10 %.
# Usage: bash Scripts/stream-memory.sh [HOURS...]   (default: 1 10)
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/install-deps.sh
swift build -c release --product myotwitch >&2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
gcc -O2 -o "$work/stream-generator" Scripts/tools/stream-generator.c -lm
hours=("$@")
[ ${#hours[@]} -eq 0 ] && hours=(1 10)
echo "| stream | signal samples | wall (s) | × real time | peak RSS (MB) | events |"
echo "|---|---:|---:|---:|---:|---:|"
for h in "${hours[@]}"; do
    start=$(date +%s.%N)
    "$work/stream-generator" "$h" 2000 4 \
        | /usr/bin/time -f "%M" -o "$work/rss" .build/release/myotwitch stream > "$work/out.jsonl"
    end=$(date +%s.%N)
    events=$(grep -c '"type":"event"' "$work/out.jsonl" || true)
    python3 - "$h" "$start" "$end" "$(cat "$work/rss")" "$events" <<'PY'
import sys
hours, start, end, rss, events = float(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
wall = end - start
print(f"| {hours:g} h, 2 kHz, 4 channels | {int(hours * 3600 * 2000 * 4):,} | {wall:.1f} | {hours * 3600 / wall:.0f}× | {rss / 1024:.1f} | {events} |")
PY
done
