#!/usr/bin/env bash
# Builds the fixed evaluation set with `myotwitch simulate` (release build).
#
#   Scripts/make-eval-set.sh OUTDIR          # full set: 2.5 h EMG, 1.2 h accelerometer, + 0.6 h rest (EMG and acc.)
#   Scripts/make-eval-set.sh OUTDIR --small  # ~5 min in total, for quick iterations
#   Scripts/make-eval-set.sh OUTDIR --dev    # the same recordings with seeds + 5000: a development
#                                            # set to tune on, never the held-out one
#   Scripts/make-eval-set.sh OUTDIR --acc-dev  # development accelerometer recordings for cramps:
#                                            # 50-1000 Hz, cramps and mixed, seeds 9300-9329, 5 h
#   Scripts/make-eval-set.sh OUTDIR --real-world  # a second held-out set, `simulate --real-world`:
#                                            # coloured heavy-tailed noise, ECG, 8-bit Myo-like
#                                            # armbands, voluntary holds of 3-60 s (truth activity)
#                                            # with onset recruitment and tonic tails, triplets;
#                                            # 1.7 h EMG, seeds 401-410 (the set above is unchanged)
#   Scripts/make-eval-set.sh OUTDIR --real-world-dev  # the same with seeds + 5000, to tune on
#   Scripts/make-eval-set.sh OUTDIR --units  # the held-out recordings, each rendered in every unit of
#                                            # its sensor (EMG: V mV uV adc12 adc16; accelerometer: g
#                                            # m/s^2) as UNIT-NAME.csv: the same content in each unit,
#                                            # so `evaluate --by unit` measures the unit alone
#
# The seeds below are fixed and never tuned on: change the detector, not this list. Each line is
#   NAME SENSOR RATE DURATION_S CHANNELS UNIT MAINS MAINS_STRENGTH SCENARIO SEED [extra flags]
# The NAME prefix before the first '-' is the subset (`evaluate --by name`): emg, acc, rest.
# Every file gets NAME.csv and NAME.truth.json in OUTDIR.
set -euo pipefail

if [[ $# -lt 1 ]]; then
    echo "usage: $0 OUTDIR [--small|--dev|--acc-dev|--units|--real-world|--real-world-dev]" >&2
    exit 2
fi
OUTDIR=$1
SMALL=${2:-}
case "$SMALL" in
    ""|--small|--dev|--acc-dev|--units|--real-world|--real-world-dev) ;;
    *) echo "unknown option '$SMALL'; usage: $0 OUTDIR [--small|--dev|--acc-dev|--units|--real-world|--real-world-dev]" >&2; exit 2 ;;
esac
ROOT=$(cd "$(dirname "$0")/.." && pwd)

swift build -c release --package-path "$ROOT" >&2
BIN=$(swift build -c release --package-path "$ROOT" --show-bin-path)/myotwitch
mkdir -p "$OUTDIR"

FULL=(
  # EMG: 200 Hz … 10 kHz, V/mV/µV/ADC, 1–4 channels, 50/60/no mains (weak to 10×), every nuisance.
  "emg-200-mixed      emg   200  900 1 mV    50  1   mixed            101"
  "emg-200-adc12      emg   200  600 2 adc12 60  3   twitch-episodes  102"
  "emg-500-uv         emg   500  900 2 uV    60  0.5 mixed            103"
  "emg-500-cramps     emg   500  600 1 V     50  2   cramps           104"
  "emg-1000-mixed     emg  1000  900 1 mV    50  1   mixed            105"
  "emg-1000-exercise  emg  1000  600 3 uV    none 0  exercise         106"
  "emg-2000-mixed4    emg  2000  900 4 uV    50  10  mixed            107"
  "emg-2000-adc16     emg  2000  600 1 adc16 60  5   twitch-episodes  108"
  "emg-4000-mixed     emg  4000  600 2 mV    60  1   mixed            109"
  "emg-4000-cramps    emg  4000  600 1 adc12 50  8   cramps           110"
  "emg-10000-mixed    emg 10000  600 1 V     50  2   mixed            111"
  "emg-10000-twitch   emg 10000  300 2 uV    none 0  twitch-episodes  112"
  # Accelerometer: 50/100/400/1000 Hz, g and m/s², both column-name styles.
  "acc-50-mixed       accelerometer   50 900 1 g     none 0 mixed           201"
  "acc-100-mixed      accelerometer  100 900 1 m/s^2 none 0 mixed           202"
  "acc-100-cramps     accelerometer  100 600 1 g     none 0 cramps          203 --short-axis-names"
  "acc-400-twitch     accelerometer  400 600 1 m/s^2 none 0 twitch-episodes 204"
  "acc-1000-exercise  accelerometer 1000 600 1 g     none 0 exercise        205"
  "acc-1000-mixed     accelerometer 1000 600 1 m/s^2 none 0 mixed           206"
  # Rest: rare twitches, artifacts, mains; false twitches per hour are read here.
  "rest-emg-500       emg   500  600 2 uV    50  2   rest             301"
  "rest-emg-2000      emg  2000  600 1 mV    60  6   rest             302"
  "rest-emg-4000      emg  4000  300 1 adc16 50  1   rest             303"
  "rest-acc-100       accelerometer 100 600 1 g none 0 rest           304"
)

SMALLSET=(
  "emg-200-mixed      emg   200  40 1 mV    50  1   mixed            101"
  "emg-1000-mixed     emg  1000  40 2 uV    60  3   mixed            105"
  "emg-2000-episodes  emg  2000  40 1 adc16 50  5   twitch-episodes  108"
  "emg-4000-cramps    emg  4000  30 1 V     60  2   cramps           110"
  "emg-10000-mixed    emg 10000  20 1 uV    none 0  mixed            111"
  "acc-50-mixed       accelerometer   50 40 1 g     none 0 mixed     201"
  "acc-400-cramps     accelerometer  400 30 1 m/s^2 none 0 cramps    203"
  "rest-emg-1000      emg  1000  40 1 mV    50  2   rest             301"
  "rest-acc-100       accelerometer 100 30 1 g none 0 rest           304"
)

# Held-out, real-world effects (`simulate --real-world`; EMG only: the accelerometer simulator
# has no real-world mode). Names start with rw- so `evaluate --by name` keeps them apart.
REALWORLD=(
  # 8-channel 8-bit armband at 200 Hz (Myo-like): the noise floor is one or two counts.
  "rw-emg-200-armband   emg   200  600 8 adc8  50  1   mixed            401 --real-world"
  "rw-emg-200-rest      emg   200  600 8 adc8  none 0  rest             402 --real-world"
  # Leg muscle at 250 Hz with exercise (ECG on 60 % of the recordings, drawn by the seed).
  "rw-emg-250-leg       emg   250  900 1 uV    50  1   exercise         403 --real-world"
  "rw-emg-500-mixed     emg   500  600 2 mV    60  2   mixed            404 --real-world"
  "rw-emg-1000-rest     emg  1000  900 1 adc12 50  1   rest             405 --real-world"
  "rw-emg-1000-cramps   emg  1000  600 1 mV    50  1   cramps           406 --real-world"
  "rw-emg-1000-twitch   emg  1000  600 2 uV    none 0  twitch-episodes  407 --real-world"
  "rw-emg-1000-adc8     emg  1000  300 1 adc8  50  1   mixed            408 --real-world"
  "rw-emg-2000-mixed    emg  2000  600 1 adc16 60  3   mixed            409 --real-world"
  "rw-emg-4000-cramps   emg  4000  300 1 V     50  1   cramps           410 --real-world"
)

# Development only (never the held-out list): accelerometer cramps and mixed scenes at every
# rate band, the unit alternating, to tune the accelerometer cramp rules on.
ACCDEV=()
i=0
for rate in 50 100 200 400 1000; do
    for scenario in cramps mixed; do
        for _ in 1 2 3; do
            seed=$((9300 + i)); i=$((i + 1))
            unit=$([[ $((i % 2)) == 0 ]] && echo g || echo m/s^2)
            ACCDEV+=("acc-$rate-$scenario-$seed accelerometer $rate 600 1 $unit none 0 $scenario $seed")
        done
    done
done

if [[ "$SMALL" == "--small" ]]; then SET=("${SMALLSET[@]}")
elif [[ "$SMALL" == "--acc-dev" ]]; then SET=("${ACCDEV[@]}")
elif [[ "$SMALL" == --real-world* ]]; then SET=("${REALWORLD[@]}")
else SET=("${FULL[@]}"); fi
OFFSET=0
if [[ "$SMALL" == "--dev" || "$SMALL" == "--real-world-dev" ]]; then OFFSET=5000; fi

COUNT=0
for line in "${SET[@]}"; do
    read -r name sensor rate duration channels unit mains strength scenario seed extra <<<"$line"
    UNITS=("$unit")
    PREFIX=""
    if [[ "$SMALL" == "--units" ]]; then
        if [[ "$sensor" == "emg" ]]; then UNITS=(V mV uV adc12 adc16); else UNITS=(g m/s^2); fi
    fi
    for u in "${UNITS[@]}"; do
        if [[ "$SMALL" == "--units" ]]; then PREFIX="${u//[\/^]/}-"; fi
        "$BIN" simulate --sensor "$sensor" --rate "$rate" --duration "$duration" --channels "$channels" \
            --unit "$u" --mains "$mains" --mains-strength "$strength" --scenario "$scenario" \
            --seed "$((seed + OFFSET))" ${extra:+$extra} --output "$OUTDIR/$PREFIX$name.csv"
        echo "$PREFIX$name.csv" >&2
        COUNT=$((COUNT + 1))
    done
done
echo "evaluation set in $OUTDIR ($COUNT recordings)" >&2
