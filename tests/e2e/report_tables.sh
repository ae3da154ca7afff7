# Report tables (issue #10), checked from the PDF of a Báo cáo made by
# tests/table/report.py: merged header cells over columns and rows, the
# header and its "(1) (2) …" row on every page, numbers right-aligned on
# their digits, a totals row with the columns' sums (tests/table/report_probe.py).
. tests/e2e/lib.sh
D=$OUT/report-tables
rm -rf "$D"; mkdir -p "$D"
$PY tests/table/report.py > "$D/report.yaml"
$VANBAN render -o "$D/out" "$D/report.yaml" >/dev/null 2>"$D/err"
check "the report renders without warnings" test ! -s "$D/err"
pdf=$(ls "$D"/out/bao-cao-*.pdf 2>/dev/null | head -1)
if [ -n "$pdf" ]; then $PY tests/table/report_probe.py "$pdf"
else notok "the report's PDF" "$(cat "$D/err")"; fi
