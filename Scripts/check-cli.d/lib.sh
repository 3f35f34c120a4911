# Helper API for the case files of Scripts/check-cli.sh (sourced by it; not run on its own).
#
# Each case runs one command in a fresh copy of the fixture directory ($FIXTURES: rec.csv, a
# 10 s simulated EMG recording; rec.truth.json, its ground truth; rec.json, its analysis;
# batch.json, a two-input batch; hostile.csv, a recording whose channel name holds ESC/OSC/BEL/
# C1 bytes), with a 30 s time limit, and prints one line: "ok   NAME" or "FAIL NAME: why".
#
#   case_run NAME [CHECK…] -- CMD…
#     CMD is run as given (use "$MYOTWITCH" for the executable) in the case's directory; its
#     standard output and error are kept in $CASE/.stdout and $CASE/.stderr. CHECKs:
#       --exit N            exit status must be N (default 0)
#       --stderr TEXT       standard error must contain TEXT (fixed string; repeatable)
#       --stdout TEXT       standard output must contain TEXT (repeatable)
#       --no-stderr TEXT    standard error must not contain TEXT (repeatable)
#       --no-stdout-bytes R standard output must not match the grep -P pattern R (e.g. '\x1b')
#       --unchanged FILE    FILE must have the same checksum after the command (repeatable)
#       --type FILE TYPE    FILE's type after the command (stat -c %F: "regular file",
#                           "character special file", "fifo", "socket", "symbolic link")
#       --setup SHELL       run SHELL (bash -c, in the case's directory) before the command
#       --stdin FILE        standard input from FILE (default /dev/null)
#       --stdout-to PATH    standard output appended to PATH (e.g. /dev/full) instead of kept
#       --check SHELL       run SHELL after the command; it must exit 0 (repeatable)
#   case_expect_exit NAME CODE -- CMD…             exit status only
#   case_expect_stderr NAME CODE TEXT -- CMD…      exit status and a text on standard error
#
# A case file is any Scripts/check-cli.d/*.sh other than lib.sh; files run in name order.

CHECK_PASSED=${CHECK_PASSED:-0}
CHECK_FAILED=${CHECK_FAILED:-0}
CHECK_SERIAL=${CHECK_SERIAL:-0}

case_run() {
    local name=$1; shift
    local exit_expected=0 setup="" stdin=/dev/null stdout_to=""
    local -a stderr_has=() stdout_has=() stderr_not=() stdout_not=() unchanged=() types=() checks=()
    while [ $# -gt 0 ] && [ "$1" != "--" ]; do
        case $1 in
            --exit) exit_expected=$2; shift 2 ;;
            --stderr) stderr_has+=("$2"); shift 2 ;;
            --stdout) stdout_has+=("$2"); shift 2 ;;
            --no-stderr) stderr_not+=("$2"); shift 2 ;;
            --no-stdout-bytes) stdout_not+=("$2"); shift 2 ;;
            --unchanged) unchanged+=("$2"); shift 2 ;;
            --type) types+=("$2" "$3"); shift 3 ;;
            --setup) setup=$2; shift 2 ;;
            --stdin) stdin=$2; shift 2 ;;
            --stdout-to) stdout_to=$2; shift 2 ;;
            --check) checks+=("$2"); shift 2 ;;
            *) echo "check-cli: case '$name': unknown check $1" >&2; return 2 ;;
        esac
    done
    [ "${1:-}" = "--" ] && shift
    CHECK_SERIAL=$((CHECK_SERIAL + 1))
    CASE="$CHECK_WORK/case-$CHECK_SERIAL"
    cp -a "$FIXTURES" "$CASE"
    local why=""
    (
        cd "$CASE" || exit 99
        if [ -n "$setup" ]; then bash -c "$setup" > .setup.log 2>&1 || exit 98; fi
        declare -A before=()
        for f in "${unchanged[@]}"; do before[$f]=$(cksum < "$f"); done
        if [ -n "$stdout_to" ]; then
            timeout 30 "$@" < "$stdin" >> "$stdout_to" 2> .stderr
        else
            timeout 30 "$@" < "$stdin" > .stdout 2> .stderr
        fi
        status=$?
        echo "$status" > .status
        for f in "${unchanged[@]}"; do
            [ "$(cksum < "$f" 2>/dev/null)" = "${before[$f]}" ] || echo "$f changed" >> .why
        done
        exit 0
    )
    case $? in
        99) why="cannot enter $CASE" ;;
        98) why="setup failed: $(tr '\n' ' ' < "$CASE/.setup.log")" ;;
    esac
    if [ -z "$why" ]; then
        local status; status=$(cat "$CASE/.status")
        [ "$status" = "$exit_expected" ] || why="exit status $status, expected $exit_expected"
        [ "$status" = 124 ] && why="timed out after 30 s"
        [ -f "$CASE/.why" ] && why="${why:+$why; }$(tr '\n' ' ' < "$CASE/.why")"
        local text
        for text in "${stderr_has[@]}"; do
            grep -qF -- "$text" "$CASE/.stderr" || why="${why:+$why; }stderr lacks '$text'"
        done
        for text in "${stderr_not[@]}"; do
            ! grep -qF -- "$text" "$CASE/.stderr" || why="${why:+$why; }stderr has '$text'"
        done
        for text in "${stdout_has[@]}"; do
            grep -qF -- "$text" "$CASE/.stdout" 2>/dev/null || why="${why:+$why; }stdout lacks '$text'"
        done
        for text in "${stdout_not[@]}"; do
            ! LC_ALL=C grep -qP -- "$text" "$CASE/.stdout" 2>/dev/null || why="${why:+$why; }stdout matches '$text'"
        done
        local i
        for ((i = 0; i < ${#types[@]}; i += 2)); do
            local actual; actual=$(cd "$CASE" && stat -c %F -- "${types[i]}" 2>/dev/null || echo missing)
            [ "$actual" = "${types[i+1]}" ] || why="${why:+$why; }${types[i]} is $actual, expected ${types[i+1]}"
        done
        for text in "${checks[@]}"; do
            (cd "$CASE" && bash -c "$text") > /dev/null 2>&1 || why="${why:+$why; }check failed: $text"
        done
    fi
    if [ -z "$why" ]; then
        CHECK_PASSED=$((CHECK_PASSED + 1))
        printf 'ok   %s\n' "$name"
    else
        CHECK_FAILED=$((CHECK_FAILED + 1))
        printf 'FAIL %s: %s\n' "$name" "$why"
        if [ -s "$CASE/.stderr" ]; then sed 's/^/     | /' "$CASE/.stderr" | head -5; fi
    fi
}

case_expect_exit() {
    local name=$1 code=$2; shift 2
    [ "${1:-}" = "--" ] && shift
    case_run "$name" --exit "$code" -- "$@"
}

case_expect_stderr() {
    local name=$1 code=$2 text=$3; shift 3
    [ "${1:-}" = "--" ] && shift
    case_run "$name" --exit "$code" --stderr "$text" -- "$@"
}

# case_skip NAME WHY — a case that cannot run here (e.g. mknod without root); not counted.
case_skip() {
    printf 'skip %s (%s)\n' "$1" "$2"
}

# True when device nodes can be made (mknod needs root).
can_mknod() { [ "$(id -u)" = 0 ]; }
