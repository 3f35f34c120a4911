# Issue 19, item 5 (streams): stops by signal, and pipe vs file order.
for pair in INT:130 TERM:143 HUP:129; do
    signal=${pair%%:*} code=${pair#*:}
    case_run "stream stopped by SIG$signal: summary, exit $code" --exit "$code" --stdout '"type":"summary"' \
        -- bash -c '{ cat rec.csv; sleep 3; } | "$MYOTWITCH" stream & pid=$!; sleep 1; kill -'"$signal"' $pid; wait $pid'
done
case_run "stream: same lines in the same order from a pipe and a file" \
    --setup "\"\$MYOTWITCH\" simulate --seed 1 --duration 100 --channels 3 --output s.csv" \
    --check "cmp <(\"\$MYOTWITCH\" stream < s.csv) <(dd if=s.csv bs=997 2>/dev/null | \"\$MYOTWITCH\" stream)" -- true
