#!/usr/bin/env bash
# Submits a cohort as a Slurm job array of SHARDS tasks (at most THROTTLE at once) and a merge
# job that runs when every task has succeeded; prints both job ids.
#
#   Scripts/slurm/submit-cohort.sh COHORT_DIR OUT_DIR [SHARDS [THROTTLE]]
#
# Environment passed on: MYOTWITCH (the executable; default: myotwitch on PATH), FORMATS
# (default "--format json --format html"), ANALYZE_OPTIONS (e.g. "--skip-malformed").
# Logs go to ./logs/NAME_ARRAYID_TASK.{out,err}.
set -euo pipefail
if [ $# -lt 2 ]; then sed -n '2,10p' "$0"; exit 2; fi
cohort=$1 out=$2 shards=${3:-100} throttle=${4:-20}
here=$(cd "$(dirname "$0")" && pwd)
if [ "$shards" -lt 1 ] || [ "$shards" -gt 1000 ]; then
    echo "submit-cohort: SHARDS must be 1 … 1000 (Slurm's default MaxArraySize is 1001)" >&2; exit 2
fi
mkdir -p logs "$out"
array=$(sbatch --parsable --array="0-$((shards - 1))%${throttle}" \
    --export="ALL,COHORT=$cohort,OUT=$out,MYOTWITCH_SHARD_COUNT=$shards" "$here/cohort-array.sbatch")
array=${array%%;*}
merge=$(sbatch --parsable --dependency="afterok:$array" --export="ALL,OUT=$out" "$here/cohort-merge.sbatch")
merge=${merge%%;*}
echo "array job $array ($shards shards, $throttle at once), merge job $merge"
echo "resubmit a failed task: sbatch --array=INDEX --export=ALL,COHORT=$cohort,OUT=$out,MYOTWITCH_SHARD_COUNT=$shards $here/cohort-array.sbatch"
