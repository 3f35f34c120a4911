# Issue 19, item 5 (inputs): special files in directories, control characters in names.
case_run "analyze DIR with a FIFO named .csv: skipped with a note, no hang" \
    --stderr "skipping d/b.csv: a FIFO, not a regular file" \
    --setup "mkdir d && cp rec.csv d/a.csv && mkfifo d/b.csv" -- "$MYOTWITCH" analyze d
case_run "a FIFO named on the command line is read" --stdout '"schema": "myotwitch.analysis/1"' \
    --setup "mkfifo f.csv" -- bash -c 'cat rec.csv > f.csv & "$MYOTWITCH" analyze f.csv; s=$?; wait; exit $s'
for format in "stream --format text" "stream" "analyze hostile.csv --format markdown" \
              "analyze hostile.csv --format csv" "analyze hostile.csv --format html" "analyze hostile.csv"; do
    # shellcheck disable=SC2086
    case_run "$format: ESC/BEL/C1 in a channel name escaped" --stdin hostile.csv \
        --no-stdout-bytes '[\x1b\x07\x7f]|\xc2[\x80-\x9f]' --check "test -s .stdout" -- "$MYOTWITCH" $format
done
case_run "error message with ESC in a file name escaped" --exit 1 --stderr 'x\x1b]0;t\x07.csv' \
    --check "! grep -qP '\x1b' .stderr" -- "$MYOTWITCH" analyze "$(printf 'x\033]0;t\007.csv')"
