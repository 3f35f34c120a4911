#!/usr/bin/env bash
# Throughput of a sharded cohort (not run by CI; a few minutes on 2 cores):
#   - generates COUNT (default 1000) short simulated recordings (myotwitch simulate, seeds 1…COUNT,
#     SECONDS s each, default 10, scenarios in turn);
#   - analyses them on one machine (--jobs = cores) and as SHARDS shards (default 4) run one after
#     another with --jobs 1 each (what array tasks of one CPU do), and merges the shards;
#   - reports recordings per CPU-hour (user + system time from /usr/bin/time -v), wall times, the
#     merge's time and peak memory, and checks the merged files equal one machine's (cmp);
#   - shows what the merge's memory grows with: the same merge over a quarter, half and all of the
#     cohort, over 4× longer recordings (more events per recording), and over 4× as many shards.
#
#   bash Scripts/cohort-benchmark.sh [COUNT [SECONDS [SHARDS]]]
# Uses the release build (built if missing); MYOTWITCH_BIN overrides it.
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-1000} seconds=${2:-10} shards=${3:-4}
bin=${MYOTWITCH_BIN:-.build/release/myotwitch}
[ -x "$bin" ] || { bash Scripts/install-deps.sh >/dev/null; swift build -c release --product myotwitch; }
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time; } >/dev/null
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
work=$(mktemp -d /tmp/myotwitch-cohort-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
cores=$(nproc)

# time -v fields of a run: "wall_s cpu_s peak_MB"
measure() {
    local log=$work/time.log
    /usr/bin/time -v -o "$log" "$@" >/dev/null 2>"$work/stderr.log" || { cat "$work/stderr.log" >&2; return 1; }
    awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } /Maximum resident/ { m = $2 }
        /Elapsed \(wall clock\)/ { n = split($2, p, ":"); w = 0; for (i = 1; i <= n; i++) w = w * 60 + p[i] }
        END { printf "%.2f %.2f %.1f\n", w, u + s, m / 1024 }' "$log"
}

generate() {  # DIR COUNT SECONDS
    mkdir -p "$1"
    local scenarios=(mixed rest exercise cramps twitch-episodes) i
    for i in $(seq 1 "$2"); do
        echo "$bin simulate --seed $i --duration $3 --scenario ${scenarios[$((i % 5))]} --output $1/rec$i.csv --truth $1/rec$i.truth.json"
    done | xargs -P "$cores" -I{} sh -c '{} >/dev/null'
}

echo "cohort: $count recordings of $seconds s (1 kHz EMG), $cores cores, $shards shards"
start=$SECONDS
generate "$work/cohort" "$count" "$seconds"
echo "generated in $((SECONDS - start)) s ($(du -sm "$work/cohort" | cut -f1) MB)"
formats=(--format json --format markdown)

read -r wall cpu peak < <(measure "$bin" analyze "$work/cohort" --shard none --output "$work/single/" "${formats[@]}" --jobs "$cores")
rate() {  # CPU_SECONDS → "N recordings per CPU-hour (M hours of signal per CPU-hour)"
    awk -v n="$count" -v c="$1" -v s="$seconds" 'BEGIN { printf "%.0f recordings per CPU-hour (%.0f hours of signal per CPU-hour)", n * 3600 / c, n * s / c }'
}
echo "one machine (--jobs $cores): wall $wall s, CPU $cpu s, peak $peak MB, $(rate "$cpu")"

total_cpu=0 total_wall=0 max_peak=0
for i in $(seq 1 "$shards"); do
    read -r wall cpu peak < <(measure "$bin" analyze "$work/cohort" --shard "$i/$shards" --output "$work/out/" "${formats[@]}" --jobs 1)
    total_cpu=$(awk -v a="$total_cpu" -v b="$cpu" 'BEGIN { print a + b }')
    total_wall=$(awk -v a="$total_wall" -v b="$wall" 'BEGIN { print a + b }')
    max_peak=$(awk -v a="$max_peak" -v b="$peak" 'BEGIN { print (b > a ? b : a) }')
    echo "  shard $i/$shards (--jobs 1): wall $wall s, CPU $cpu s, peak $peak MB"
done
echo "$shards shards: CPU $total_cpu s in all, wall $total_wall s one after another, peak $max_peak MB, $(rate "$total_cpu")"

read -r wall cpu peak < <(measure "$bin" report "$work/out" --output "$work/out")
echo "merge of $count recordings: wall $wall s, CPU $cpu s, peak $peak MB"
for f in "$work/single"/*; do cmp "$f" "$work/out/$(basename "$f")"; done
echo "merged files equal one machine's: $(ls "$work/single" | wc -l) files (cmp)"

# What the merge's memory grows with: the number of recordings only.
merge_peak() {  # COHORT_DIR SHARDS LABEL
    local out=$work/m-$RANDOM i
    for i in $(seq 1 "$2"); do "$bin" analyze "$1" --shard "$i/$2" --output "$out/" --jobs "$cores" 2>/dev/null; done
    read -r wall cpu peak < <(measure "$bin" report "$out" --output "$out")
    echo "  $3: merge wall $wall s, peak $peak MB"
    rm -rf "$out"
}
echo "merge memory:"
for part in 4 2; do
    n=$((count / part))
    mkdir -p "$work/part$part"
    for i in $(seq 1 "$n"); do ln -s "$work/cohort/rec$i.csv" "$work/part$part/rec$i.csv"; done
    merge_peak "$work/part$part" "$shards" "$n recordings of $seconds s, $shards shards"
done
merge_peak "$work/cohort" "$shards" "$count recordings of $seconds s, $shards shards"
merge_peak "$work/cohort" $((shards * 4)) "$count recordings of $seconds s, $((shards * 4)) shards"
generate "$work/long" $((count / 4)) $((seconds * 4))
merge_peak "$work/long" "$shards" "$((count / 4)) recordings of $((seconds * 4)) s, $shards shards"
echo "done in $((SECONDS - start)) s"
