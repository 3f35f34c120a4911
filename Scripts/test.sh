#!/usr/bin/env bash
# The test command of the README's quick start (and of CI): installs FFTW if missing, runs every
# test (unit, property and end-to-end CLI tests), the command-line cases of Scripts/check-cli.sh,
# then a bounded fuzz run of the input stage
# (MYOTWITCH_FUZZ_SECONDS, default 30; 0 skips it).
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/install-deps.sh
swift build --build-tests
swift test --skip-build "$@"
bash Scripts/check-cli.sh   # issue 19's command-line cases against the built executable
seconds=${MYOTWITCH_FUZZ_SECONDS:-30}
if [ "$seconds" -gt 0 ]; then
    echo "Fuzzing the input stage for ${seconds} s…"
    bash Scripts/fuzz.sh "$seconds"
fi
