#!/usr/bin/env bash
# Takes a screenshot of an HTML report with headless Chromium, to check how it looks.
#
# Usage: Scripts/screenshot-report.sh [--check] REPORT.html OUT.png [WIDTH,HEIGHT]
#
# --check also loads the report in Chromium with its review view opened on an event
# (REPORT.html#event=0) and fails unless: the page logged nothing to the console (no script
# error), the review script ran (the no-script note is gone, the view is shown), the event table
# has rows and the linked event is selected, and the screenshot is a PNG of the requested width
# between 20 kB and 4 MB.
#
# Installs the Debian package `chromium` when no Chromium is on the PATH (with sudo unless run as
# root). The report loads nothing from the network, so the screenshot shows exactly the file.
set -euo pipefail

check=0
if [ "${1:-}" = "--check" ]; then check=1; shift; fi
if [ $# -lt 2 ]; then
    echo "usage: $0 [--check] REPORT.html OUT.png [WIDTH,HEIGHT]" >&2
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
if [ "$check" = 1 ]; then
    fail() { echo "$0: $report: $*" >&2; exit 1; }
    log=$(mktemp); dom=$(mktemp)
    trap 'rm -f "$log" "$dom"' EXIT
    "$browser" --headless --no-sandbox --disable-gpu --enable-logging=stderr --v=0 \
        --virtual-time-budget=5000 --window-size="$size" \
        --dump-dom "file://$url_path#event=0" >"$dom" 2>"$log" || true
    if grep -q ":CONSOLE" "$log"; then
        grep ":CONSOLE" "$log" >&2
        fail "the page logged to the console (above)"
    fi
    grep -q '<tbody id="rv-body"><tr' "$dom" || fail "the event table has no rows"
    grep -q '<p id="rv-noscript"' "$dom" && fail "the review script did not run (its no-script note is still there)"
    grep -q '<div class="review" hidden' "$dom" && fail "the review view is still hidden"
    grep -q '<tr class="sel">' "$dom" || fail "#event=0 did not select the event"
    bytes=$(wc -c <"$out_abs")
    [ "$(head -c 8 "$out_abs" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ] || fail "the screenshot is not a PNG"
    width=$(( $(od -An -tu1 -j16 -N4 "$out_abs" | awk '{print ($1*16777216)+($2*65536)+($3*256)+$4}') ))
    [ "$width" = "${size%%,*}" ] || fail "screenshot width $width, expected ${size%%,*}"
    [ "$bytes" -gt 20000 ] && [ "$bytes" -lt 4000000 ] || fail "screenshot of $bytes bytes (expected 20 kB to 4 MB)"
    echo "checked: $report (console clean, review view running, $bytes-byte screenshot)"
fi
echo "$out"
