# Hints that are warnings (the document still renders): a signing prefix
# written "TM" is told to be "TM."; and a hint reads in Vietnamese too.
. tests/e2e/lib.sh
D=$OUT/hints
rm -rf "$D"; mkdir -p "$D"
$VANBAN check tests/hints/prefix-tm.yaml 2>"$D/tm.err"; s=$?
check "hint prefix TM: write TM. (a warning, exit 1)" sh -c "test $s = 1 && test \"\$(cat '$D/tm.err')\" = 'vanban: tests/hints/prefix-tm.yaml:24:15: warning: the signing prefix \"TM\" is written \"TM.\"'"
LANGUAGE=vi $VANBAN check tests/bad/hint-tab.yaml 2>"$D/tab.vi"
check "hint a tab in the indentation, in Vietnamese" test "$(cat "$D/tab.vi")" = 'vanban: tests/bad/hint-tab.yaml:4:1: lỗi: có ký tự tab trong phần thụt lề: hãy thụt lề bằng dấu cách, không dùng tab'
LANGUAGE=vi $VANBAN check tests/bad/hint-date.yaml 2>"$D/date.vi"
check "hint a day that does not exist, in Vietnamese" test "$(cat "$D/date.vi")" = 'vanban: tests/bad/hint-date.yaml:8:9: lỗi: không có ngày 30/02/2023 (tháng 2 năm 2023 chỉ có 28 ngày)'
