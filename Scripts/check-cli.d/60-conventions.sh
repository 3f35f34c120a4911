# Issue 19, item 7: conventions.
case_run "--version" --stdout "myotwitch 1.0.0 (output schema 1)" -- "$MYOTWITCH" --version
case_run "analyse is an alias of analyze" --stdout '"schema": "myotwitch.analysis/1"' -- "$MYOTWITCH" analyse rec.csv
case_run "--jobs -3: a clear message" --exit 2 --stderr "--jobs must be at least 1, got -3" --no-stderr "Missing value" \
    -- "$MYOTWITCH" analyze rec.csv --jobs -3
case_run "--rate -5: a clear message" --exit 2 --stderr "--rate must be a positive number" --no-stderr "Missing value" \
    -- "$MYOTWITCH" analyze rec.csv --rate -5
case_run "stream --rate -5: a clear message" --exit 2 --stderr "--rate must be a positive number" -- "$MYOTWITCH" stream --rate -5
case_run "simulate --duration -4: a clear message" --exit 2 --stderr "got -4" -- "$MYOTWITCH" simulate --output - --duration -4
case_run "--jobs 100000 is capped" --stderr "--jobs 100000 capped at" -- "$MYOTWITCH" analyze rec.csv --jobs 100000
case_run "an empty directory: analyze's usage" --exit 2 --stderr "no recordings" --stderr "Usage: myotwitch analyze" \
    --setup "mkdir empty" -- "$MYOTWITCH" analyze empty
case_run "directory output: 'wrote N reports to DIR'" --stderr "wrote 3 reports to out/" \
    -- "$MYOTWITCH" analyze rec.csv hostile.csv --output out/
