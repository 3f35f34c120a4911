# Shared set-up of the benchmark scripts (evaluate-real.sh, evaluate-semisynth.sh,
# evaluate-independent.sh); sourced, not run. NAME is the calling script's name for messages.

# Sets BIN: $MYOTWITCH_BIN when given (it must be an executable), else a release build of the
# checkout at ROOT.
myotwitch_binary() {
    local name=$1 root=$2
    if [[ -n ${MYOTWITCH_BIN:-} ]]; then
        BIN=$(realpath "$MYOTWITCH_BIN")
        [[ -x $BIN ]] || { echo "$name: MYOTWITCH_BIN=$MYOTWITCH_BIN is not an executable" >&2; exit 2; }
    else
        swift build -c release --package-path "$root" >&2
        BIN=$(swift build -c release --package-path "$root" --show-bin-path)/myotwitch
    fi
}

# Exits 2 with a clear message when python3 lacks numpy or scipy.
require_numpy_scipy() {
    python3 -c 'import numpy, scipy' 2>/dev/null || {
        echo "$1: needs python3 with numpy and scipy (pip install numpy scipy)" >&2; exit 2; }
}

# Sets WORK to KEEP when given (created; kept afterwards), else to a temporary directory
# removed on exit.
benchmark_workdir() {
    local keep=$1
    WORK=${keep:-$(mktemp -d)}
    mkdir -p "$WORK"
    [[ -n $keep ]] || trap 'rm -rf "$WORK"' EXIT
}
