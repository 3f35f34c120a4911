#!/usr/bin/env bash
# Tries the command-line cases of issue 19 (and any others placed in Scripts/check-cli.d/) with
# the built executable and checks each outcome: exit status, message, files untouched (by
# checksum), special files still special. One line per case, then "N passed, N failed"; exits
# non-zero when any case failed. Run by Scripts/test.sh; takes well under a minute.
#
# Cases live in Scripts/check-cli.d/*.sh (run in name order) and use the helpers documented in
# Scripts/check-cli.d/lib.sh (case_run, case_expect_exit, case_expect_stderr, case_skip).
# Usage: bash Scripts/check-cli.sh [PATTERN]   (only case files whose name contains PATTERN)
#        MYOTWITCH=path/to/myotwitch bash Scripts/check-cli.sh   (another build)
set -uo pipefail
cd "$(dirname "$0")/.."
if [ -z "${MYOTWITCH:-}" ]; then
    MYOTWITCH=.build/debug/myotwitch
    [ -x "$MYOTWITCH" ] || swift build --product myotwitch >&2 || exit 1
fi
MYOTWITCH=$(realpath "$MYOTWITCH")
CHECK_ROOT=$(pwd)
export MYOTWITCH
CHECK_WORK=$(mktemp -d)
trap 'rm -rf "$CHECK_WORK"' EXIT
FIXTURES=$CHECK_WORK/fixtures
mkdir -p "$FIXTURES"
(
    cd "$FIXTURES" || exit 1
    "$MYOTWITCH" simulate --seed 3 --duration 10 --output rec.csv &&
    "$MYOTWITCH" analyze rec.csv --output rec.json &&
    "$MYOTWITCH" analyze rec.csv rec.csv --output batch.json &&
    { printf 'time,\033]0;pwned\007\033[31mEMG\302\233\n'; tail -n +2 rec.csv; } > hostile.csv
) || { echo "check-cli: cannot make the fixtures" >&2; exit 1; }

# shellcheck source=check-cli.d/lib.sh
source Scripts/check-cli.d/lib.sh
pattern=${1:-}
for file in Scripts/check-cli.d/*.sh; do
    [ "$(basename "$file")" = lib.sh ] && continue
    case $file in *"$pattern"*) ;; *) continue ;; esac
    echo "# $(basename "$file")"
    # shellcheck disable=SC1090
    source "$file"
done
echo "$CHECK_PASSED passed, $CHECK_FAILED failed"
[ "$CHECK_FAILED" -eq 0 ]
