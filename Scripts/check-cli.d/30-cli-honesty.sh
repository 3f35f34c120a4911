# Issue 19, item 3: --format from --output's ending, the HTML hint, one CSV layout, evaluate's errors.
for pair in "r.html:<!DOCTYPE html>" "r.md:# " "r.csv:record,kind" "r.jsonl:{\"type\":" "r.json:\"schema\"" "r.txt:\"schema\""; do
    name=${pair%%:*} head=${pair#*:}
    case_run "--output $name without --format" --check "grep -qF '$head' $name" -- "$MYOTWITCH" analyze rec.csv --output "$name"
done
case_run "--format csv --output r.html: a note" --stderr "writing csv to r.html, whose ending says html" \
    --check "head -1 r.html | grep -q ^record," -- "$MYOTWITCH" analyze rec.csv --format csv --output r.html
if command -v script > /dev/null; then
    case_run "--format html on a terminal: a hint" --stdout "save it with --output report.html" \
        -- script -qec "$MYOTWITCH analyze rec.csv --format html" /dev/null
fi
case_run "--format html into a pipe: no hint" --no-stderr "note:" -- "$MYOTWITCH" analyze rec.csv --format html
case_run "CSV: one input and several have one header" \
    --check "cmp <(\"\$MYOTWITCH\" analyze rec.csv --format csv | head -1) <(\"\$MYOTWITCH\" analyze rec.csv rec.csv --format csv | head -1)" \
    -- true
case_run "CSV of several inputs: a failed input is a 'failed' row" --exit 1 --stdout "failed,,," \
    -- "$MYOTWITCH" analyze rec.csv missing.csv --format csv
E="expected one analysis object (schema myotwitch.analysis/1)"
case_run "evaluate given a CSV" --exit 1 --stderr "rec.csv: is not JSON: it looks like CSV" --stderr "$E" \
    --no-stderr "DecodingError" -- "$MYOTWITCH" evaluate --truth rec.truth.json rec.csv
case_run "evaluate given a batch" --exit 1 --stderr "batch.json: is a batch of several recordings" \
    -- "$MYOTWITCH" evaluate --truth rec.truth.json batch.json
case_run "evaluate given malformed JSON" --exit 1 --stderr "bad.json: is not valid JSON" --no-stderr "Error Domain" \
    --setup "printf '{\"events\": [' > bad.json" -- "$MYOTWITCH" evaluate --truth rec.truth.json bad.json
case_run "evaluate given JSON Lines" --exit 1 --stderr "holds JSON Lines" \
    --setup "\"\$MYOTWITCH\" analyze rec.csv --format jsonl > l.jsonl" -- "$MYOTWITCH" evaluate --truth rec.truth.json l.jsonl
case_run "evaluate given an event without a channel" --exit 1 --stderr "events[0].channel is missing" --no-stderr "CodingKeys" \
    --setup "echo '{\"events\":[{\"kind\":\"twitch\",\"start\":1,\"end\":2}]}' > e.json" \
    -- "$MYOTWITCH" evaluate --truth e.json rec.json
case_run "evaluate given a missing file" --exit 1 --stderr "nothere.json: cannot read: No such file or directory" \
    --no-stderr "NSCocoaErrorDomain" -- "$MYOTWITCH" evaluate --truth rec.truth.json nothere.json
