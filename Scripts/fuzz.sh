#!/usr/bin/env bash
# Builds the libFuzzer target (with AddressSanitizer) and fuzzes the input stage for SECONDS
# (default 30) from a seed corpus of small valid and broken files. Findings land in
# Scripts/fuzz/findings/. Usage: bash Scripts/fuzz.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/fuzz"
seconds=${1:-30}
bash ../install-deps.sh
flags=(--scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer,address)
swift build "${flags[@]}" 2>&1 | tail -2
corpus=$(mktemp -d)
findings=findings
mkdir -p "$findings"
printf 'time,emg\n0,1\n0.001,2\n0.002,3\n' > "$corpus/plain.csv"
printf '"Time (s)";"Acceleration x (m/s^2)";"y";"z"\n0,0;1,5;2;3\n0,01;1;2;3\n' > "$corpus/phyphox.csv"
printf '%%Sample Rate = 250 Hz\nSample Index, EXG Channel 0, Timestamp\n0, 1.5, 1700000000.0\n1, 2.5, 1700000000.004\n' > "$corpus/openbci.csv"
printf 'sep=,\nShimmer_T_CAL,Shimmer_EMG_CAL,\nms,mV,\n0,1,\n2,2,\n' > "$corpus/shimmer.csv"
printf 'timestamp,emg\n2024-05-01T12:00:00.000Z,1\n2024-05-01T12:00:00.004Z,2\n' > "$corpus/iso.csv"
printf 'emg\n1\n2\n' > "$corpus/norate.csv"
exe=$(swift build "${flags[@]}" --show-bin-path)/fuzz-decoder
set +e
"$exe" -max_total_time="$seconds" -max_len=4096 -timeout=10 -artifact_prefix="$findings/" "$corpus" > fuzz.log 2>&1
status=$?
set -e
grep -E "DONE|^Done|ERROR|SUMMARY|Test unit written" fuzz.log | tail -6
rm -rf "$corpus"
if [ "$status" -ne 0 ]; then
    echo "fuzz: the fuzzer found a problem (exit $status); see Scripts/fuzz/fuzz.log and $findings/" >&2
    exit "$status"
fi
