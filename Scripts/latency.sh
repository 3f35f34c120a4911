#!/usr/bin/env bash
# Streaming latency of `myotwitch stream`, measured: simulated recordings are written to
# `myotwitch stream` at real time (Scripts/tools/latency.py, a paced writer and a timestamping
# reader) and each event's lag — arrival of its line after the wall time at which its end was
# written — is summarised per kind: median, 95th percentile and maximum, in seconds.
# Takes real time: LATENCY_SECONDS (default 120) per recording, three recordings.
# Usage: bash Scripts/latency.sh        (MYOTWITCH=path/to/myotwitch to use another build;
#        LATENCY_DETAIL=DIR keeps one line per event, with its lag, in DIR/*.tsv)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${LATENCY_SECONDS:-120}
if [ -z "${MYOTWITCH:-}" ]; then
    bash Scripts/install-deps.sh
    swift build -c release --product myotwitch >&2
    MYOTWITCH=.build/release/myotwitch
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$MYOTWITCH" simulate --seed 11 --duration "$seconds" --output "$work/emg1.csv"
"$MYOTWITCH" simulate --seed 12 --duration "$seconds" --channels 4 --rate 2000 --output "$work/emg4.csv"
"$MYOTWITCH" simulate --seed 13 --duration "$seconds" --sensor accelerometer --rate 100 --output "$work/acc.csv"
echo "Lag of each event after its end, seconds of wall time ($seconds s per recording written at real time):"
echo
echo "| recording | kind | events | median | 95th percentile | max | flushed at end of input |"
echo "|---|---|---:|---:|---:|---:|---:|"
detail=${LATENCY_DETAIL:-}
[ -n "$detail" ] && mkdir -p "$detail"
for name in emg1 emg4 acc; do
    case $name in
        emg1) label="EMG, 1 kHz, 1 channel" ;;
        emg4) label="EMG, 2 kHz, 4 channels" ;;
        acc) label="accelerometer, 100 Hz" ;;
    esac
    python3 Scripts/tools/latency.py "$MYOTWITCH" "$work/$name.csv" "$label" ${detail:+"$detail/$name.tsv"}
done
