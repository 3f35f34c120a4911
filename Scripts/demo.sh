#!/usr/bin/env bash
# The first command of the README's quick start: installs FFTW if missing, builds myotwitch in
# release mode and analyses a bundled sample recording, printing a Markdown summary.
# Extra arguments are passed to `myotwitch analyze` (e.g. --format json).
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/install-deps.sh
swift build -c release --product myotwitch >&2
if [ "$#" -eq 0 ]; then set -- --format markdown; fi
exec .build/release/myotwitch analyze SampleData/emg-twitches-cramp.csv "$@"
