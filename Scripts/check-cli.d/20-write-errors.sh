# Issue 19, item 2: every write is checked; /dev/full gives an error naming the destination, exit 1.
F="cannot write standard output: No space left on device"
for command in "analyze rec.csv" "analyze rec.csv --format markdown" "analyze rec.csv rec.csv --format csv" \
               "report rec.json" "report rec.json rec.json --format html" "simulate --duration 2 --output -" \
               "evaluate --truth rec.truth.json rec.json" "stream" "stream --format text" "--version"; do
    # shellcheck disable=SC2086
    case_run "$command > /dev/full" --exit 1 --stderr "$F" --stdin rec.csv --stdout-to /dev/full -- "$MYOTWITCH" $command
done
if can_mknod; then
    for command in "analyze rec.csv --output full" "report rec.json --output full" \
                   "simulate --duration 2 --output full" "simulate --duration 2 --output y.csv --truth full"; do
        # shellcheck disable=SC2086
        case_run "$command (mknod full device)" --exit 1 --stderr "cannot write full: No space left on device" \
            --setup "mknod full c 1 7" --type full "character special file" -- "$MYOTWITCH" $command
    done
fi
case_run "stream | head -1 ends quietly (EPIPE)" --stdin rec.csv --check "test \$(wc -l < .stdout) -eq 1" \
    -- bash -c 'set -o pipefail; "$MYOTWITCH" stream | head -1'
case_run "analyze --output in an unwritable place: no NSCocoaErrorDomain" --exit 1 \
    --stderr "cannot create directory" --no-stderr "NSCocoaErrorDomain" \
    --setup "touch afile" -- "$MYOTWITCH" analyze rec.csv --output afile/sub/
