#!/usr/bin/env bash
# The test command of the README's quick start (and of CI): installs FFTW if missing, runs every
# test (unit, property and end-to-end CLI tests), the command-line cases of Scripts/check-cli.sh,
# the interop checks (JSON Schema, pandas, MNE; Scripts/interop-test.sh) and the report in a real
# headless browser (Scripts/report-browser-test.sh), a sharded cohort on a real single-node Slurm
# cluster (Scripts/slurm-test.sh, < 1 min; MYOTWITCH_SLURM_TEST=0 skips it), then a bounded fuzz
# run of the input stage (MYOTWITCH_FUZZ_SECONDS, default 30; 0 skips it).
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/install-deps.sh
swift build --build-tests
swift test --skip-build "$@"
bash Scripts/check-cli.sh   # issue 19's command-line cases against the built executable
bash Scripts/interop-test.sh
bash Scripts/report-browser-test.sh
if [ "${MYOTWITCH_SLURM_TEST:-1}" != 0 ]; then
    bash Scripts/slurm-test.sh
fi
seconds=${MYOTWITCH_FUZZ_SECONDS:-30}
if [ "$seconds" -gt 0 ]; then
    echo "Fuzzing the input stage for ${seconds} s…"
    bash Scripts/fuzz.sh "$seconds"
fi
