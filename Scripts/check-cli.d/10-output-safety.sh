# Issue 19, item 1: output never clobbers input or special files.
R="refusing to write"
case_run "analyze --output onto its input: exit 2, recording untouched" --exit 2 --stderr "$R rec.csv" --unchanged rec.csv \
    -- "$MYOTWITCH" analyze rec.csv --output rec.csv
case_run "analyze --output ./input spelled differently" --exit 2 --stderr "$R" --unchanged rec.csv \
    -- "$MYOTWITCH" analyze rec.csv --output ./rec.csv
case_run "analyze --output a symbolic link to the input" --exit 2 --stderr "it is the input rec.csv" --unchanged rec.csv \
    --setup "ln -s rec.csv link.csv" --type link.csv "symbolic link" -- "$MYOTWITCH" analyze rec.csv --output link.csv
case_run "analyze --output a hard link to the input" --exit 2 --stderr "it is the input rec.csv" --unchanged rec.csv \
    --setup "ln rec.csv hard.csv" -- "$MYOTWITCH" analyze rec.csv --output hard.csv
case_run "analyze . --format csv --output . (report would land on rec.csv)" --exit 2 --stderr "$R ./" \
    --unchanged rec.csv --unchanged hostile.csv -- "$MYOTWITCH" analyze . --format csv --output .
case_run "analyze rec.csv --format csv --output ./ (directory output onto the input)" --exit 2 --stderr "$R" \
    --unchanged rec.csv -- "$MYOTWITCH" analyze rec.csv --format csv --output ./
case_run "analyze --output . --format json beside the input is fine" --stderr "wrote 1 report to ." --unchanged rec.csv \
    --check "test -s rec.json" -- "$MYOTWITCH" analyze rec.csv --format json --output .
case_run "analyze > input (stdout appended onto the input)" --exit 2 --stderr "$R standard output" --unchanged rec.csv \
    --stdout-to rec.csv -- "$MYOTWITCH" analyze rec.csv
case_run "stream < rec.csv >> rec.csv (would read its own output)" --exit 2 --stderr "$R standard output" \
    --unchanged rec.csv --stdin rec.csv --stdout-to rec.csv -- "$MYOTWITCH" stream
case_run "report --output onto its input" --exit 2 --stderr "$R rec.json" --unchanged rec.json \
    -- "$MYOTWITCH" report rec.json --output rec.json
case_run "evaluate > its input" --exit 2 --stderr "$R standard output" --unchanged rec.json --stdout-to rec.json \
    -- "$MYOTWITCH" evaluate --truth rec.truth.json rec.json
case_run "simulate --output and --truth one file" --exit 2 --stderr "same place" --check "test ! -e x.csv" \
    -- "$MYOTWITCH" simulate --duration 2 --output x.csv --truth ./x.csv
case_run "analyze --output FIFO: written through, still a FIFO" --type pipe fifo \
    --setup "mkfifo pipe" --check "grep -q myotwitch.analysis/1 got" \
    -- bash -c 'cat pipe > got & "$MYOTWITCH" analyze rec.csv --output pipe; s=$?; wait; exit $s'
case_run "simulate --output FIFO (no truth beside it)" --type pipe fifo --stderr "no ground truth is written" \
    --setup "mkfifo pipe" --check "head -1 got | grep -q ^time," --check "test ! -e pipe.truth.json" \
    -- bash -c 'cat pipe > got & "$MYOTWITCH" simulate --duration 2 --output pipe; s=$?; wait; exit $s'
command -v python3 > /dev/null || case_skip "analyze --output a Unix socket" "no python3 to listen"
command -v python3 > /dev/null && case_run "analyze --output a Unix socket: connected and written" --type sock socket \
    --check "grep -q myotwitch.analysis/1 got" \
    -- bash -c 'python3 -c "
import socket; s=socket.socket(socket.AF_UNIX); s.bind(\"sock\"); s.listen(1); open(\"ready\",\"w\").close()
c,_=s.accept(); d=b\"\"
while True:
    b=c.recv(65536)
    if not b: break
    d+=b
open(\"got\",\"wb\").write(d)" & while [ ! -e ready ]; do sleep 0.05; done
"$MYOTWITCH" analyze rec.csv --output sock; s=$?; wait; exit $s'
if can_mknod; then
    for command in "analyze rec.csv --output null" "analyze rec.csv --format html --output null" \
                   "simulate --duration 2 --output null" "simulate --duration 2 --output y.csv --truth null" \
                   "report rec.json --output null" "analyze rec.csv rec.csv --format csv --output null"; do
        # shellcheck disable=SC2086
        case_run "$command: a mknod null device stays a device" --setup "mknod null c 1 3" \
            --type null "character special file" --check "test ! -e null.truth.json" --check '! ls -a | grep -q "^\.null\."' \
            -- "$MYOTWITCH" $command
    done
else
    case_skip "outputs onto a mknod device" "mknod needs root"
fi
