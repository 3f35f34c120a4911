#!/usr/bin/env bash
# Opens HTML reports in a real headless browser (Debian's chromium, installed when missing) and
# checks the review view: no console errors, the script ran, the table has rows, a linked event
# is selected, the screenshot is sane (Scripts/screenshot-report.sh --check). Run by
# Scripts/test.sh; skips with a message when Chromium cannot be installed.
set -euo pipefail
cd "$(dirname "$0")/.."
have=""
for candidate in chromium chromium-browser google-chrome; do
    command -v "$candidate" >/dev/null 2>&1 && have=$candidate
done
if [ -z "$have" ] && ! { [ "$(id -u)" -eq 0 ] || command -v sudo >/dev/null; }; then
    echo "report-browser-test: SKIPPED: no Chromium and no way to install it"; exit 0
fi
swift build --product myotwitch >/dev/null
bin="$(swift build --show-bin-path)/myotwitch"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin" analyze SampleData/emg-4-channels.csv SampleData/emg-twitches-cramp.csv SampleData/accelerometer.csv \
    --format html --output "$work/"
for report in "$work"/emg-4-channels.html "$work"/emg-twitches-cramp.html "$work"/accelerometer.html; do
    if ! bash Scripts/screenshot-report.sh --check "$report" "$work/shot.png" 1280,2400 >/dev/null 2>"$work/err"; then
        if grep -q "installing chromium" "$work/err" && ! command -v chromium >/dev/null; then
            echo "report-browser-test: SKIPPED: chromium could not be installed"; cat "$work/err"; exit 0
        fi
        cat "$work/err" >&2; exit 1
    fi
    grep "^checked" "$work/err" 2>/dev/null || true
    echo "ok: $(basename "$report")"
done
# The cohort summary links to every per-recording report, each of which exists.
links=$(grep -o 'href="[^"]*"' "$work/summary.html" | sed 's/href="//; s/"$//')
[ "$(echo "$links" | wc -l)" = 3 ] || { echo "summary.html: expected 3 links, got: $links" >&2; exit 1; }
for link in $links; do [ -f "$work/$link" ] || { echo "summary.html links to missing $link" >&2; exit 1; }; done
echo "report-browser-test: all checks passed"
