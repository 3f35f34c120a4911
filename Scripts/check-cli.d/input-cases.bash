#!/usr/bin/env bash
# Input cases of issue #19, end to end: each line `PASS name` or `FAIL name: why`; exits non-zero
# when a case fails. Self-contained (needs bash, awk, grep, tr): `bash input-cases.sh PATH/TO/myotwitch`.
set -u
exe=${1:?usage: input-cases.sh PATH/TO/myotwitch}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0
pass() { echo "PASS $1"; }
fail() { echo "FAIL $1: $2"; failed=1; }
# JSON on one line without spaces, for grepping.
flat() { tr -d ' \n' < "$1"; }

# A 60 s, 1000 Hz recording with a time column, written with awk (6-decimal stamps).
awk 'BEGIN { print "time,emg1,emg2"; srand(3); for (i = 0; i < 60000; i++) printf "%.6f,%.4f,%.4f\n", i / 1000, rand() - 0.5, rand() - 0.5 }' > "$work/timed.csv"

# --rate on a timed file: the stamps are ignored with a warning, no gaps.
"$exe" analyze "$work/timed.csv" --rate 1000 --format json > "$work/out.json" 2> "$work/err"
if [ $? -ne 0 ]; then fail rate-on-timed-file "exit status $?: $(head -c 300 "$work/err")"
elif ! flat "$work/out.json" | grep -q '"code":"time-ignored"'; then fail rate-on-timed-file "no time-ignored warning"
elif ! flat "$work/out.json" | grep -q '"gaps":\[\]'; then fail rate-on-timed-file "gaps were reported"
else pass rate-on-timed-file; fi

# --columns on headerless input names the time column; --rate alone does not analyse the ramp.
tail -n +2 "$work/timed.csv" > "$work/headerless.csv"
"$exe" analyze "$work/headerless.csv" --columns time,left,right --format json > "$work/out.json" 2> "$work/err"
if flat "$work/out.json" | grep -q '"channels":\["left","right"\]'; then pass columns-headerless
else fail columns-headerless "channels are not [left, right]: $(head -c 300 "$work/err")"; fi
"$exe" analyze "$work/headerless.csv" --rate 1000 --format json > "$work/out.json" 2> "$work/err"
if flat "$work/out.json" | grep -q '"channels":\["ch2","ch3"\]'; then pass headerless-time-ramp-not-a-channel
else fail headerless-time-ramp-not-a-channel "the ramp was analysed or the file failed: $(head -c 300 "$work/err")"; fi

# --channels on CSV selects by name; an unknown name is an error naming it.
"$exe" analyze "$work/timed.csv" --channels emg2 --format json > "$work/out.json" 2> "$work/err"
if flat "$work/out.json" | grep -q '"channels":\["emg2"\]'; then pass channels-select-csv
else fail channels-select-csv "channels are not [emg2]"; fi
"$exe" analyze "$work/timed.csv" --channels emg9 --format json > /dev/null 2> "$work/err"
status=$?
if [ $status -ne 0 ] && grep -q 'emg9' "$work/err"; then pass channels-unknown-name
else fail channels-unknown-name "exit $status, stderr: $(head -c 200 "$work/err")"; fi

# --skip-malformed drops one bad row without resampling the file.
awk 'NR == 5001 { print "2.5,oops,0"; next } { print }' "$work/timed.csv" > "$work/bad-row.csv"
"$exe" analyze "$work/bad-row.csv" --skip-malformed --format json > "$work/out.json" 2> "$work/err"
if ! flat "$work/out.json" | grep -q '"sampleRateHz":1000,'; then fail skip-malformed-no-resampling "rate is not 1000 Hz"
elif flat "$work/out.json" | grep -q 'resampled'; then fail skip-malformed-no-resampling "the file was resampled"
elif ! flat "$work/out.json" | grep -q '"line":5001'; then fail skip-malformed-no-resampling "the bad row is not listed"
else pass skip-malformed-no-resampling; fi

# A malformed first data row is an error naming line and column, or skipped.
awk 'NR == 2 { print "0.000000,0.1,abc"; next } { print }' "$work/timed.csv" > "$work/bad-first.csv"
"$exe" analyze "$work/bad-first.csv" --format json > /dev/null 2> "$work/err"
status=$?
if [ $status -ne 0 ] && grep -q ':2:3:' "$work/err"; then pass malformed-first-row-strict
else fail malformed-first-row-strict "exit $status, stderr: $(head -c 200 "$work/err")"; fi
"$exe" analyze "$work/bad-first.csv" --skip-malformed --format json > "$work/out.json" 2> /dev/null
if flat "$work/out.json" | grep -q '"channels":\["emg1","emg2"\]'; then pass malformed-first-row-skipped
else fail malformed-first-row-skipped "a channel was dropped"; fi

# One line over 1 MiB in stream: skipped with a warning, the summary still written.
{ head -n 20001 "$work/timed.csv"; printf '1.%03145728d\n' 0; tail -n +20002 "$work/timed.csv"; } > "$work/long-line.csv"
"$exe" stream < "$work/long-line.csv" > "$work/out.jsonl" 2> "$work/err"
status=$?
if [ $status -ne 0 ]; then fail long-line-stream "exit $status: $(head -c 200 "$work/err")"
elif ! grep -q '"type":"summary"' "$work/out.jsonl"; then fail long-line-stream "no summary"
elif ! grep -q 'longer than 1 MiB' "$work/out.jsonl"; then fail long-line-stream "no warning"
else pass long-line-stream; fi

# Header quoting (RFC 4180): a doubled quote is one quote; a quote left open is an error.
{ echo 'time,"emg ""left"""'; tail -n +2 "$work/timed.csv" | cut -d, -f1,2; } > "$work/quoted.csv"
"$exe" analyze "$work/quoted.csv" --format json > "$work/out.json" 2> "$work/err"
if grep -q '"emg \\"left\\""' "$work/out.json"; then pass header-doubled-quote
else fail header-doubled-quote "name not unescaped: $(grep -m1 -A1 '"channels"' "$work/out.json" | tr -d '\n')"; fi
{ printf 'time,"emg\nleft"\n'; tail -n +2 "$work/timed.csv" | cut -d, -f1,2; } > "$work/newline.csv"
"$exe" analyze "$work/newline.csv" --format json > /dev/null 2> "$work/err"
status=$?
if [ $status -ne 0 ] && grep -q 'quote' "$work/err"; then pass header-quoted-newline
else fail header-quoted-newline "exit $status, stderr: $(head -c 200 "$work/err")"; fi

# A clock reset in stream (time jumps back 7.5 s) is one warning.
awk 'BEGIN { print "time,emg"; for (i = 0; i < 30000; i++) printf "%.4f,%d\n", i / 500 - (i >= 10000 ? 7.5 : 0), i % 7 }' > "$work/reset.csv"
"$exe" stream < "$work/reset.csv" > "$work/out.jsonl" 2> /dev/null
resets=$(grep '"type":"warning"' "$work/out.jsonl" | grep -c '"code":"time-reset"')
others=$(grep '"type":"warning"' "$work/out.jsonl" | grep -c '"code":"time-backwards"')
if [ "$resets" = 1 ] && [ "$others" = 0 ]; then pass clock-reset-one-warning
else fail clock-reset-one-warning "$resets time-reset and $others time-backwards warnings"; fi

# A sample rate that changes mid-stream (1000 Hz, then 500 Hz) is reported once.
awk 'BEGIN { print "time,emg"; for (i = 0; i < 40000; i++) printf "%.4f,%d\n", (i < 20000 ? i / 1000 : 20 + (i - 20000) / 500), i % 7 }' > "$work/rate.csv"
"$exe" stream < "$work/rate.csv" > "$work/out.jsonl" 2> /dev/null
changes=$(grep '"type":"warning"' "$work/out.jsonl" | grep -c '"code":"rate-changed"')
if [ "$changes" = 1 ] && grep -q '"durationSeconds":59.99' "$work/out.jsonl"; then pass rate-change-detected
else fail rate-change-detected "$changes rate-changed warnings; duration $(grep -o '"durationSeconds":[0-9.]*' "$work/out.jsonl")"; fi

exit $failed
