#!/usr/bin/env bash
# A sharded cohort on a real single-node Slurm cluster: installs Debian's slurmctld, slurmd,
# slurm-client and munge if missing, starts them as root without systemd (own slurm.conf in a
# temporary directory, via SLURM_CONF), then
#   1. submits Scripts/slurm/cohort-array.sbatch over a simulated cohort (submit-cohort.sh: an
#      array job and a merge job with --dependency=afterok), polls squeue, and compares every
#      file with what one `myotwitch analyze` of the cohort writes (cmp);
#   2. runs the cohort again with one task made to fail, checks that the merge lists that
#      shard's recordings as missing, resubmits the task by its index, merges, and compares.
# Skips (exit 0, with the reason) when not root or the packages cannot be installed; stops the
# daemons it started at the end. Bounded: every wait gives up after MYOTWITCH_SLURM_TIMEOUT s.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
limit=${MYOTWITCH_SLURM_TIMEOUT:-60}
say() { echo "slurm-test: $*"; }
skip() { say "SKIPPED: $*"; exit 0; }
fail() { say "FAILED: $*"; [ -n "${work:-}" ] && tail -n 20 "$work"/*.log "$work"/logs/* 2>/dev/null | sed 's/^/  /' >&2; exit 1; }

[ "$(id -u)" = 0 ] || skip "needs root to start slurmctld, slurmd and munged"
[ -c /dev/null ] || skip "/dev/null is not a character device on this machine (munged cannot start)"
if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v sbatch >/dev/null \
    || ! command -v munged >/dev/null; then
    say "installing slurmctld slurmd slurm-client munge"
    export DEBIAN_FRONTEND=noninteractive
    { apt-get update -qq && apt-get install -y -qq -o DPkg::Lock::Timeout=300 \
        slurmctld slurmd slurm-client munge; } >/tmp/myotwitch-slurm-apt.log 2>&1 \
        || skip "cannot install the Slurm packages (apt-get failed; see /tmp/myotwitch-slurm-apt.log)"
fi
bin=${MYOTWITCH_BIN:-$root/.build/debug/myotwitch}
[ -x "$bin" ] || swift build --product myotwitch >/dev/null
[ -x "$bin" ] || fail "no myotwitch executable at $bin"

work=$(mktemp -d /tmp/myotwitch-slurm.XXXXXX)
started_munged="" started=()
cleanup() {
    [ -s "$work/slurmctld.pid" ] && scancel --quiet $(squeue -h -o %A 2>/dev/null) 2>/dev/null || true
    for pidfile in "$work/slurmd.pid" "$work/slurmctld.pid"; do
        [ -s "$pidfile" ] && kill "$(cat "$pidfile")" 2>/dev/null || true
    done
    [ -n "$started_munged" ] && kill "$started_munged" 2>/dev/null || true
    sleep 0.5
    rm -rf "$work"
}
trap cleanup EXIT

# munge: /run/munge must exist (and belong to munge) before munged, which runs as munge.
if ! pgrep -x munged >/dev/null; then
    mkdir -p /run/munge /var/lib/munge /var/log/munge /etc/munge
    chown munge:munge /run/munge /var/lib/munge /var/log/munge /etc/munge
    chmod 0755 /run/munge
    if [ ! -s /etc/munge/munge.key ]; then
        if command -v mungekey >/dev/null; then mungekey --create --keyfile=/etc/munge/munge.key
        elif command -v create-munge-key >/dev/null; then create-munge-key -f
        else dd if=/dev/urandom of=/etc/munge/munge.key bs=1 count=1024 status=none; fi
        chown munge:munge /etc/munge/munge.key
        chmod 0400 /etc/munge/munge.key
    fi
    su -s /bin/sh munge -c "munged --pid-file=/run/munge/munged.pid" || skip "munged does not start"
    started_munged=$(cat /run/munge/munged.pid)
fi

host=$(hostname -s)
# Ports away from the defaults (6817/6818), so a cluster already on the machine is not disturbed.
export SLURM_CONF=$work/slurm.conf
# The node offers 90 % of the memory; the test's tasks ask for 256 MB (sbatch reads
# SBATCH_MEM_PER_NODE over the templates' #SBATCH --mem).
memory=$(awk '/^MemTotal:/ { print int($2 / 1024 * 0.9) }' /proc/meminfo)
export SBATCH_MEM_PER_NODE=256M
mkdir -p "$work/state" "$work/spool" "$work/logs"
cat > "$SLURM_CONF" <<CONF
ClusterName=myotwitch-test
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=${MYOTWITCH_SLURMCTLD_PORT:-16817}
SlurmdPort=${MYOTWITCH_SLURMD_PORT:-16818}
AuthType=auth/munge
SlurmUser=root
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerParameters=batch_sched_delay=0,sched_min_interval=0
ReturnToService=2
MpiDefault=none
NodeName=$host NodeAddr=127.0.0.1 CPUs=$(nproc) RealMemory=$memory State=UNKNOWN
PartitionName=test Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
slurmctld -c || fail "slurmctld does not start"
slurmd -N "$host" || fail "slurmd does not start"
waited=0
until sinfo -h -o %T 2>/dev/null | grep -qx idle; do
    sleep 0.5; waited=$((waited + 1))
    [ $waited -lt $((limit * 2)) ] || fail "the node is not idle after $limit s: $(sinfo 2>&1 | tail -1)"
done
say "cluster up: node $host idle ($(sinfo -V))"

# A cohort of 24 short simulated recordings (10–33 s, varied scenarios), and one machine's result.
cohort=$work/cohort
mkdir -p "$cohort"
scenarios=(mixed rest exercise cramps twitch-episodes)
for i in $(seq 1 24); do
    "$bin" simulate --seed "$i" --duration $((9 + i)) --scenario "${scenarios[$((i % 5))]}" \
        --output "$cohort/rec$i.csv" --truth "$work/truth-$i.json" >/dev/null
done
formats="--format json --format markdown --format csv"
# shellcheck disable=SC2086
"$bin" analyze "$cohort" --shard none --output "$work/single/" $formats --jobs 2 >/dev/null 2>&1 \
    || fail "the one-machine run failed"

# Waits until none of the given jobs is in squeue (sbatch --wait backs off to 32 s polls).
wait_jobs() {
    local waited=0
    while [ -n "$(squeue -h -j "$1" -o %i 2>/dev/null)" ]; do
        sleep 0.5; waited=$((waited + 1))
        [ $waited -lt $((limit * 2)) ] || fail "jobs $1 still queued after $limit s: $(squeue 2>&1)"
    done
}
# The states of a job (all tasks of an array), one per line; finished jobs stay 300 s (MinJobAge).
states() { scontrol -o show job "$1" | grep -o 'JobState=[A-Z_]*' | cut -d= -f2 | sort | uniq -c | tr -s ' ' | tr '\n' ';'; }
# Every file of the one-machine run is in $1 with the same bytes, and nothing else is.
same_as_single() {
    local f n=0
    for f in "$work/single"/*; do
        cmp -s "$f" "$1/$(basename "$f")" || fail "$1/$(basename "$f") differs from one machine's (or is missing)"
        n=$((n + 1))
    done
    [ "$(find "$1" -mindepth 1 -maxdepth 1 ! -name '.*' | wc -l)" = "$n" ] || fail "$1 holds files one machine does not write"
    say "$1: all $n files equal one machine's (cmp)"
}

cd "$work"
export MYOTWITCH=$bin FORMATS=$formats
shards=4
# 1. The happy path, through the user-facing helper.
printed=$("$root/Scripts/slurm/submit-cohort.sh" "$cohort" "$work/out1" "$shards" 2)
line=${printed%%$'\n'*}
array=$(echo "$line" | sed -n 's/^array job \([0-9]*\).*/\1/p')
merge=$(echo "$line" | sed -n 's/.*merge job \([0-9]*\).*/\1/p')
[ -n "$array" ] && [ -n "$merge" ] || fail "submit-cohort.sh printed: $line"
wait_jobs "$array,$merge"
[ "$(states "$array")" = " $shards COMPLETED;" ] || fail "array $array: $(states "$array")"
[ "$(states "$merge")" = " 1 COMPLETED;" ] || fail "merge $merge: $(states "$merge")"
ls logs/myotwitch_"${array}"_{0,1,2,3}.err >/dev/null || fail "logs are not named %x_%A_%a"
same_as_single "$work/out1"

# 2. Task 2 fails (a wrapper exits 1 before analysing); the merge (afterany) lists its
#    recordings as missing and fails; task 2 is resubmitted by index; the merge then matches.
cat > "$work/flaky" <<FLAKY
#!/bin/sh
[ "\$SLURM_ARRAY_TASK_ID" = 2 ] && { echo "injected failure of task 2" >&2; exit 1; }
exec "$bin" "\$@"
FLAKY
chmod +x "$work/flaky"
base="ALL,COHORT=$cohort,OUT=$work/out2,MYOTWITCH_SHARD_COUNT=$shards"
array=$(sbatch --parsable --array="0-$((shards - 1))%2" --export="$base,MYOTWITCH=$work/flaky" \
    "$root/Scripts/slurm/cohort-array.sbatch")
merge=$(sbatch --parsable --dependency="afterany:$array" --export="ALL,OUT=$work/out2" \
    "$root/Scripts/slurm/cohort-merge.sbatch")
wait_jobs "$array,$merge"
[ "$(states "$array")" = " 3 COMPLETED; 1 FAILED;" ] || fail "array $array with a failing task: $(states "$array")"
[ "$(states "$merge")" = " 1 FAILED;" ] || fail "the merge of an incomplete cohort did not fail: $(states "$merge")"
grep -q "missing (shard 3 (" "logs/myotwitch-merge_$merge.err" || fail "the merge does not name the missing shard"
missing=$(grep -c "no result: shard 3/$shards" "logs/myotwitch-merge_$merge.err" || true)
say "task 2 failed; the merge listed $missing recordings of shard 3/$shards as missing and failed"
retry=$(sbatch --parsable --array=2 --export="$base" "$root/Scripts/slurm/cohort-array.sbatch")
merge=$(sbatch --parsable --dependency="afterok:$retry" --export="ALL,OUT=$work/out2" \
    "$root/Scripts/slurm/cohort-merge.sbatch")
wait_jobs "$retry,$merge"
[ "$(states "$retry")" = " 1 COMPLETED;" ] || fail "resubmitted task: $(states "$retry")"
[ "$(states "$merge")" = " 1 COMPLETED;" ] || fail "merge after the resubmission: $(states "$merge")"
grep -q "shard 3/$shards" "logs/myotwitch_${retry}_2.err" || fail "the resubmitted task was not shard 3/$shards"
same_as_single "$work/out2"
say "passed in $SECONDS s"
