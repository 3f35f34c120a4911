#!/usr/bin/env bash
# Peer comparison: how general EMG toolkits do on myotwitch's own tasks, measured the same way.
# Peers: NeuroKit2 (emg_process), BioSPPy (emg.emg default onsets, and bonato_onset_detector)
# and a careful NumPy/SciPy pipeline (band-pass, notch, RMS envelope, median + k·MAD threshold
# with hysteresis). Scripts/peers/peers.py documents every method, its parameters, and the one
# duration rule that gives every peer burst a kind (< 0.1 s twitch, >= 3 s cramp, else activity).
#
#   bash Scripts/peers.sh accuracy SETDIR [RESULTSDIR]   # SETDIR from Scripts/make-eval-set.sh
#   bash Scripts/peers.sh speed [WORKDIR]                # 1-hour files as in Scripts/benchmark.sh
#
# accuracy: runs every peer on each EMG recording of SETDIR (each channel separately), writes
#   RESULTSDIR/<method>/<NAME>.json in myotwitch's analysis shape, runs `myotwitch analyze` on the
#   same recordings into RESULTSDIR/myotwitch/, and scores all of them with `myotwitch evaluate`
#   against SETDIR's ground truth (EMG recordings only: the peers are EMG tools, accelerometer
#   recordings are listed as not applicable). Prints one markdown table of the scorer's numbers;
#   RESULTSDIR (default: a new temporary directory) keeps detections, logs and full evaluations.
# speed: end-to-end wall time (CSV reading included) and peak RSS, each run a fresh process
#   under /usr/bin/time, of `myotwitch analyze` (release), the SciPy pipeline and NeuroKit2
#   emg_process on every channel of WORKDIR/emg-1h-1ch.csv and emg-1h-8ch.csv (made if missing).
#   NeuroKit2 on the 8-channel file takes about 8 minutes: only with PEERS_SLOW=1. One run each;
#   single runs vary (myotwitch on the 8-channel file: 2.4-3.4 s), so repeat before quoting ratios.
#
# The peers live in a virtual environment, PEERS_VENV (default .build/peers-venv), with the
# pinned versions below; it is (re)installed only when those versions are not there yet.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
MODE=${1:-}
if [[ "$MODE" != accuracy && "$MODE" != speed ]]; then
    sed -n 2,24p "$0" >&2
    exit 2
fi

PINS=(neurokit2==0.2.13 biosppy==2.2.4 numpy==2.4.6 scipy==1.17.1 pandas==2.3.3 peakutils==1.3.5)
VENV=${PEERS_VENV:-$ROOT/.build/peers-venv}
PY=$VENV/bin/python
STAMP=$VENV/.peers-pins
if [[ ! -x "$PY" || ! -f "$STAMP" || "$(cat "$STAMP")" != "${PINS[*]}" ]] \
    || ! "$PY" -c "import neurokit2, biosppy, scipy, pandas" 2>/dev/null; then
    echo "peers: installing ${PINS[*]} into $VENV" >&2
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q "${PINS[@]}" >&2
    echo "${PINS[*]}" > "$STAMP"
fi

bash Scripts/install-deps.sh
swift build -c release --product myotwitch >&2
BIN=$ROOT/.build/release/myotwitch
METHODS=(neurokit2 biosppy bonato scipy)

if [[ "$MODE" == accuracy ]]; then
    SETDIR=${2:?usage: peers.sh accuracy SETDIR [RESULTSDIR]}
    SETDIR=$(cd "$SETDIR" && pwd)
    OUT=${3:-$(mktemp -d)}
    mkdir -p "$OUT"
    OUT=$(cd "$OUT" && pwd)
    rm -rf "$OUT/truth" "$OUT/myotwitch" "${METHODS[@]/#/$OUT/}"
    mkdir -p "$OUT/truth" "$OUT/myotwitch"
    emg=()
    : > "$OUT/not-applicable.txt"
    for truth in "$SETDIR"/*.truth.json; do
        name=$(basename "$truth" .truth.json)
        if python3 -c 'import json,sys; sys.exit(0 if json.load(open(sys.argv[1]))["source"]["sensor"] == "emg" else 1)' "$truth"; then
            ln -s "$truth" "$OUT/truth/"
            emg+=("$SETDIR/$name.csv")
        else
            echo "$name" >> "$OUT/not-applicable.txt"
        fi
    done
    echo "peers: ${#emg[@]} EMG recordings; not applicable (accelerometer): $(wc -l < "$OUT/not-applicable.txt")" >&2
    "$BIN" analyze "${emg[@]}" --format json --output "$OUT/myotwitch/" > /dev/null 2> "$OUT/myotwitch.log" \
        || echo "peers: myotwitch analyze: some files failed (see $OUT/myotwitch.log)" >&2
    for m in "${METHODS[@]}"; do
        mkdir -p "$OUT/$m"
        : > "$OUT/$m.log"
        for csv in "${emg[@]}"; do
            name=$(basename "$csv" .csv)
            "$PY" Scripts/peers/peers.py detect "$m" "$csv" "$OUT/$m/$name.json" 2>> "$OUT/$m.log" \
                || echo "$m: $name: peers.py exited with $?" >> "$OUT/$m.log"
        done
        echo "peers: $m done" >&2
    done
    for m in myotwitch "${METHODS[@]}"; do
        # Exit status 1 = some truth file had no detection file; it is still scored (as missed).
        "$BIN" evaluate --truth "$OUT/truth" "$OUT/$m" --format json > "$OUT/$m.evaluation.json" || true
        "$BIN" evaluate --truth "$OUT/truth" "$OUT/$m" --format markdown > "$OUT/$m.evaluation.md" || true
    done
    python3 - "$OUT" myotwitch "${METHODS[@]}" <<'PY'
import glob, json, os, sys
out, methods = sys.argv[1], sys.argv[2:]
names = {"myotwitch": "myotwitch", "neurokit2": "NeuroKit2 emg_process", "biosppy": "BioSPPy emg (default onsets)",
         "bonato": "BioSPPy Bonato", "scipy": "SciPy pipeline (band-pass + RMS + MAD threshold)"}
truths = sorted(os.path.basename(p)[: -len(".truth.json")] for p in glob.glob(f"{out}/truth/*.truth.json"))
na = [l.strip() for l in open(f"{out}/not-applicable.txt") if l.strip()]
def f(v, d=3): return "–" if v is None else f"{v:.{d}f}"
print(f"EMG recordings scored: {len(truths)}. Not applicable (accelerometer, skipped for every tool): {len(na)}.\n")
print("| tool | twitch P | twitch R | twitch F1 | twitch onset error, median (ms) | false twitches/h | cramp F1 | activity F1 | files failed |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
failures = {}
for m in methods:
    o = json.load(open(f"{out}/{m}.evaluation.json"))["overall"]
    ev = {e["kind"]: e for e in o["events"]}
    failed = []
    for name in truths:
        p = f"{out}/{m}/{name}.json"
        if not os.path.exists(p):
            failed.append(f"{name} (no output)")
        else:
            fl = json.load(open(p)).get("failures") or []
            if fl:
                failed.append(f"{name} ({'; '.join(fl)})")
    failures[m] = failed
    t = ev["twitch"]
    print(f"| {names[m]} | {f(t['precision'])} | {f(t['recall'])} | {f(t['f1'])} | {f(t['medianOnsetErrorMs'], 1)} "
          f"| {f(o['twitch']['falseTwitchesPerHour'], 1)} | {f(ev['cramp']['f1'])} | {f(ev['activity']['f1'])} | {len(failed)} |")
print("\nNumbers are `myotwitch evaluate`'s (overall, counts summed over files). Peers do not classify: every peer burst "
      "got its kind from one duration rule (< 0.1 s twitch, >= 3 s cramp, else activity), which is generous to them.")
for m in methods:
    for line in failures[m]:
        print(f"\n- {names[m]} failed on {line[:400]} (scored as no detections)")
PY
    echo "peers: detections, logs and full evaluations (.evaluation.md/.json) in $OUT" >&2
    exit 0
fi

WORK=${2:-/tmp/myotwitch-bench}
mkdir -p "$WORK"
[ -f "$WORK/emg-1h-1ch.csv" ] || "$BIN" simulate --rate 2000 --duration 3600 --channels 1 --scenario mixed --seed 501 --output "$WORK/emg-1h-1ch.csv" >/dev/null
[ -f "$WORK/emg-1h-8ch.csv" ] || "$BIN" simulate --rate 2000 --duration 3600 --channels 8 --unit uV --scenario mixed --seed 502 --output "$WORK/emg-1h-8ch.csv" >/dev/null
TIMES=$(mktemp)
trap 'rm -f "$TIMES"' EXIT
run() {  # COMMAND… → "wall_s peak_rss_kb"; page cache warmed first so every tool reads alike
    cat "$file" > /dev/null
    /usr/bin/time -o "$TIMES" -f "%e %M" "$@" > /dev/null 2>> "$WORK/peers-speed.log" \
        || echo "peers: failed ($?): $*" >&2
    tail -1 "$TIMES"
}
echo "| tool | file | signal samples | wall (s) | M samples/s | peak RSS (MB) | myotwitch faster by |"
echo "|---|---|---:|---:|---:|---:|---:|"
for name in emg-1h-1ch emg-1h-8ch; do
    file="$WORK/$name.csv"
    samples=$(( ($(wc -l < "$file") - 1) * ($(head -1 "$file" | tr ',' '\n' | wc -l) - 1) ))
    ours=$(run "$BIN" analyze "$file")
    rows=("myotwitch analyze|$ours")
    rows+=("SciPy pipeline|$(run "$PY" Scripts/peers/peers.py speed scipy "$file")")
    if [[ "$name" == emg-1h-1ch || "${PEERS_SLOW:-0}" == 1 ]]; then
        rows+=("NeuroKit2 emg_process|$(run "$PY" Scripts/peers/peers.py speed neurokit2 "$file")")
    else
        rows+=("NeuroKit2 emg_process|skipped")
    fi
    for row in "${rows[@]}"; do
        python3 - "$row" "$name" "$samples" "$ours" <<'PY'
import sys
label, measured = sys.argv[1].split("|")
name, samples, ours = sys.argv[2], int(sys.argv[3]), float(sys.argv[4].split()[0])
if measured == "skipped":
    print(f"| {label} | {name} | {samples:,} | not run (PEERS_SLOW=1 runs it, ~8 min) | | | |")
    sys.exit()
wall, rss = (float(v) for v in measured.split())
ratio = "–" if label.startswith("myotwitch") else f"{wall / ours:.1f}×"
print(f"| {label} | {name} | {samples:,} | {wall:.2f} | {samples / wall / 1e6:.2f} | {rss / 1024:.0f} | {ratio} |")
PY
    done
done
echo "peers: per-run logs in $WORK/peers-speed.log" >&2
