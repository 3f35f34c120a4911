#!/usr/bin/env bash
# The test command of the README's quick start (and of CI): installs FFTW if missing, then runs
# every test (unit, property and end-to-end CLI tests).
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/install-deps.sh
swift build --build-tests
swift test --skip-build "$@"
