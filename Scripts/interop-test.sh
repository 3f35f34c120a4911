#!/usr/bin/env bash
# Interop check run by Scripts/test.sh: loads myotwitch's outputs with the tools Python, MNE and
# BIDS users have — validates JSON against docs/schema/*.schema.json (jsonschema), reads
# --format events-tsv with pandas and --format mne-annotations with mne.read_annotations, and
# checks that every onset equals the JSON's. Installs mne, pandas and jsonschema into a venv
# (.build/interop-venv); skips with a message when Python or PyPI is unavailable.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=${MYOTWITCH_INTEROP_VENV:-.build/interop-venv}
skip() { echo "interop-test: SKIPPED: $*"; exit 0; }
command -v python3 >/dev/null || skip "python3 is not installed"
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import mne, pandas, jsonschema" 2>/dev/null; then
    if ! python3 -m venv "$venv" 2>/dev/null; then
        if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
            apt-get install -y -qq python3-venv >/dev/null 2>&1 || true
        fi
        python3 -m venv "$venv" 2>/dev/null || skip "python3 -m venv failed (install python3-venv)"
    fi
    "$venv/bin/pip" install -q --disable-pip-version-check mne pandas jsonschema \
        || skip "pip could not install mne, pandas and jsonschema (no network?)"
fi
binary=${MYOTWITCH_BINARY:-}
if [ -z "$binary" ]; then
    swift build --product myotwitch >/dev/null
    binary="$(swift build --show-bin-path)/myotwitch"
fi
"$venv/bin/python" Scripts/interop/check_outputs.py "$binary"
