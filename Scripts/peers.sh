#!/usr/bin/env bash
# Peer comparison: NeuroKit2, BioSPPy (default onsets and Bonato's detector) and a SciPy
# band-pass + RMS + threshold pipeline, run on the same recordings as myotwitch and scored by the
# same `myotwitch evaluate` (accuracy), or timed end to end on the same 1-hour files (speed).
# The peers live in a local virtual environment (PEERS_VENV, default .build/peers-venv) with
# pinned versions; Scripts/peers/peers.py documents each method and the kind rule they share.
#
#   bash Scripts/peers.sh accuracy SETDIR [OUTDIR]   # SETDIR from Scripts/make-eval-set.sh
#   bash Scripts/peers.sh speed [WORKDIR]            # files from Scripts/benchmark.sh
#
# Accuracy is scored on the EMG recordings only (the peers are EMG tools). Speed runs NeuroKit2
# on the 8-channel file only with PEERS_SLOW=1 (about 12 minutes).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
MODE=${1:-}
if [[ "$MODE" != accuracy && "$MODE" != speed ]]; then
    sed -n 2,13p "$0" >&2
    exit 2
fi
bash Scripts/install-deps.sh
VENV=${PEERS_VENV:-$ROOT/.build/peers-venv}
PY=$VENV/bin/python
if ! "$PY" -c "import neurokit2, biosppy" 2>/dev/null; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q neurokit2==0.2.13 biosppy==2.2.4 peakutils==1.3.5 \
        numpy==2.4.6 scipy==1.17.1 pandas==2.3.3 >&2
fi
swift build -c release --product myotwitch >&2
BIN=$ROOT/.build/release/myotwitch
METHODS=(neurokit2 biosppy bonato scipy)

if [[ "$MODE" == accuracy ]]; then
    SETDIR=${2:?usage: peers.sh accuracy SETDIR [OUTDIR]}
    OUT=${3:-$(mktemp -d)}
    mkdir -p "$OUT/truth" "$OUT/myotwitch"
    emg=()
    for truth in "$SETDIR"/*.truth.json; do
        if python3 -c 'import json,sys; sys.exit(0 if json.load(open(sys.argv[1]))["source"]["sensor"] == "emg" else 1)' "$truth"; then
            ln -sf "$(cd "$(dirname "$truth")" && pwd)/$(basename "$truth")" "$OUT/truth/"
            emg+=("${truth%.truth.json}.csv")
        fi
    done
    "$BIN" analyze "${emg[@]}" --format json --output "$OUT/myotwitch/" >/dev/null || true
    for m in "${METHODS[@]}"; do
        mkdir -p "$OUT/$m"
        for csv in "${emg[@]}"; do
            name=$(basename "$csv" .csv)
            "$PY" Scripts/peers/peers.py detect "$m" "$csv" "$OUT/$m/$name.json" 2>>"$OUT/$m.log"
        done
    done
    for m in myotwitch "${METHODS[@]}"; do
        "$BIN" evaluate --truth "$OUT/truth" "$OUT/$m" --format json > "$OUT/$m.evaluation.json"
    done
    python3 - "$OUT" myotwitch "${METHODS[@]}" <<'PY'
import json, sys, glob, os
out, methods = sys.argv[1], sys.argv[2:]
names = {"myotwitch": "myotwitch", "neurokit2": "NeuroKit2 emg_process", "biosppy": "BioSPPy emg (default onsets)",
         "bonato": "BioSPPy Bonato", "scipy": "SciPy band-pass + RMS + threshold"}
def f(v, d=3): return "–" if v is None else f"{v:.{d}f}"
print(f"EMG recordings: {len(glob.glob(out + '/truth/*.json'))}\n")
print("| tool | twitch P | twitch R | twitch F1 | onset error (ms) | false twitches/h | cramp F1 | activity F1 | twitch-episode F1 | files failed |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for m in methods:
    o = json.load(open(f"{out}/{m}.evaluation.json"))["overall"]
    ev = {e["kind"]: e for e in o["events"]}
    ep = {e["kind"]: e for e in o["episodes"]}
    failed = 0
    if m != "myotwitch":
        failed = sum(1 for p in glob.glob(f"{out}/{m}/*.json") if json.load(open(p)).get("failures"))
    t = ev["twitch"]
    print(f"| {names[m]} | {f(t['precision'])} | {f(t['recall'])} | {f(t['f1'])} | {f(t['medianOnsetErrorMs'], 1)} "
          f"| {f(o['twitch']['falseTwitchesPerHour'], 1)} | {f(ev['cramp']['f1'])} | {f(ev['activity']['f1'])} "
          f"| {f(ep['twitch']['f1'])} | {failed} |")
PY
    echo "(detections, logs and full evaluations in $OUT)" >&2
    exit 0
fi

WORK=${2:-/tmp/myotwitch-bench}
mkdir -p "$WORK"
[ -f "$WORK/emg-1h-1ch.csv" ] || "$BIN" simulate --rate 2000 --duration 3600 --channels 1 --scenario mixed --seed 501 --output "$WORK/emg-1h-1ch.csv" >/dev/null
[ -f "$WORK/emg-1h-8ch.csv" ] || "$BIN" simulate --rate 2000 --duration 3600 --channels 8 --unit uV --scenario mixed --seed 502 --output "$WORK/emg-1h-8ch.csv" >/dev/null
echo "| tool | file | wall (s) | M samples/s | peak RSS (MB) | myotwitch faster by |"
echo "|---|---|---:|---:|---:|---:|"
for name in emg-1h-1ch emg-1h-8ch; do
    file="$WORK/$name.csv"
    samples=$(( ($(wc -l < "$file") - 1) * ($(head -1 "$file" | tr ',' '\n' | wc -l) - 1) ))
    run() {  # LABEL COMMAND… → "wall rss"
        cat "$file" > /dev/null
        { /usr/bin/time -f "%e %M" "$@" > /dev/null 2>/dev/null; } 2>&1 | tail -1
    }
    ours=$(run "$BIN" analyze "$file")
    rows=("myotwitch analyze|$ours")
    rows+=("SciPy pipeline|$(run "$PY" Scripts/peers/peers.py speed scipy "$file")")
    if [[ "$name" == emg-1h-1ch || "${PEERS_SLOW:-0}" == 1 ]]; then
        rows+=("NeuroKit2 emg_process|$(run "$PY" Scripts/peers/peers.py speed neurokit2 "$file")")
    fi
    for row in "${rows[@]}"; do
        python3 - "$row" "$name" "$samples" "$ours" <<'PY'
import sys
label, measured = sys.argv[1].split("|")
wall, rss = (float(v) for v in measured.split())
ours = float(sys.argv[4].split()[0])
samples = int(sys.argv[3])
ratio = "–" if label.startswith("myotwitch") else f"{wall / ours:.0f}×"
print(f"| {label} | {sys.argv[2]} | {wall:.2f} | {samples / wall / 1e6:.2f} | {rss / 1024:.0f} | {ratio} |")
PY
    done
done
