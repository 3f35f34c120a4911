#!/usr/bin/env bash
# Installs what myotwitch needs to build on Debian/Ubuntu: FFTW 3 (libfftw3-dev) and pkg-config.
# Does nothing when they are already there. Uses sudo when not run as root.
set -euo pipefail
if pkg-config --exists fftw3 2>/dev/null; then
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-deps: FFTW 3 is missing and apt-get is not available; install libfftw3-dev (or your system's FFTW 3 development package) and pkg-config, then retry." >&2
    exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "install-deps: installing libfftw3-dev and pkg-config…" >&2
$SUDO apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq libfftw3-dev pkg-config >&2
