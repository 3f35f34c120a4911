# Input-decoding cases of issue 19 (--rate on a timed file, headerless --columns, --channels on
# CSV, --skip-malformed, a malformed first row, an over-long line in stream, header quoting, a
# clock reset, a rate change): input-cases.bash runs them self-contained and prints
# `PASS name` / `FAIL name: why`; each line counts here as one case.
while IFS= read -r line; do
    case $line in
        PASS\ *) echo "ok   ${line#PASS }"; CHECK_PASSED=$((CHECK_PASSED + 1)) ;;
        FAIL\ *) echo "FAIL ${line#FAIL }"; CHECK_FAILED=$((CHECK_FAILED + 1)) ;;
    esac
done < <(bash "$CHECK_ROOT/Scripts/check-cli.d/input-cases.bash" "$MYOTWITCH")
