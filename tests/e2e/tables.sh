# Tables from content, robust to outliers, checked from the PDFs: a 150-name
# Danh sách with one 47-character name has at most one page more than
# without it (page counts from pdfinfo), the long name wraps inside its
# cell, and a cell that cannot fit warns at its CSV line naming the table
# and the column.
. tests/e2e/lib.sh
D=$OUT/tables
rm -rf "$D"; mkdir -p "$D"
for k in short long; do
	$PY tests/table/list150.py $k > "$D/$k.yaml"
	$VANBAN render -o "$D/$k" "$D/$k.yaml" >/dev/null 2>"$D/$k.err"
done
pages() { pdfinfo "$1"/quyet-dinh-*.pdf 2>/dev/null | awk '/^Pages:/ { print $2 }'; }
s=$(pages "$D/short"); l=$(pages "$D/long")
if [ -n "$s" ] && [ -n "$l" ] && [ "$l" -le $((s + 1)) ]; then ok "150-name list: $s pages, $l with a 47-character name"
else notok "150-name list: at most one page more with a 47-character name" "short $s, long $l" "$(cat "$D/long.err")"; fi
check "150-name list: no warnings" test ! -s "$D/long.err"
# the long name wraps inside the name column: its words on 2-3 lines
n=$(pdftotext -layout "$D/long"/quyet-dinh-*.pdf - | grep -c -e 'Công Tằng' -e 'Quyên')
check "the long name wraps in its cell" test "$n" -eq 2
$VANBAN render -o "$D/cut" tests/table/cut.yaml >/dev/null 2>"$D/cut.err"
want='vanban: tests/table/cut.csv:3:1: warning: table "Danh sách", column "Chức vụ, đơn vị công tác": a word in this row is wider than the column; it was cut to fit'
if grep -qxF "$want" "$D/cut.err" && [ "$(wc -l < "$D/cut.err")" -eq 1 ]; then ok "a cell that cannot fit: one warning at its CSV line"
else notok "a cell that cannot fit: one warning at its CSV line" "$(cat "$D/cut.err")"; fi
