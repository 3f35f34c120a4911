#!/usr/bin/env bash
# Takes a screenshot of an HTML report with headless Chromium, to check how it looks.
#
# Usage: Scripts/screenshot-report.sh REPORT.html OUT.png [WIDTH,HEIGHT]
#
# Installs the Debian package `chromium` when no Chromium is on the PATH (with sudo unless run as
# root). The report loads nothing from the network, so the screenshot shows exactly the file.
set -euo pipefail

if [ $# -lt 2 ]; then
    echo "usage: $0 REPORT.html OUT.png [WIDTH,HEIGHT]" >&2
    exit 2
fi
report=$1
out=$2
size=${3:-1280,2400}

if [ ! -f "$report" ]; then
    echo "$0: $report: no such file" >&2
    exit 1
fi

browser=""
for candidate in chromium chromium-browser google-chrome; do
    if command -v "$candidate" >/dev/null 2>&1; then browser=$candidate; break; fi
done
if [ -z "$browser" ]; then
    if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
    echo "installing chromium (Debian package)…" >&2
    $sudo apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >&2
    browser=chromium
fi

# Chromium resolves --screenshot relative to its working directory and wants a file URL.
report_abs=$(cd "$(dirname "$report")" && pwd)/$(basename "$report")
case "$out" in /*) out_abs=$out ;; *) out_abs=$(pwd)/$out ;; esac

# Characters that mean something in a URL are percent-encoded (% first), so that a report named
# "a #1.html" is not cut at a fragment.
url_path=${report_abs//%/%25}
url_path=${url_path// /%20}
url_path=${url_path//#/%23}
url_path=${url_path//\?/%3F}

"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --force-device-scale-factor=1 --window-size="$size" \
    --screenshot="$out_abs" "file://$url_path" >/dev/null 2>&1 || true

if [ ! -s "$out_abs" ]; then
    echo "$0: no screenshot was written to $out" >&2
    exit 1
fi
echo "$out"
