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
# A table too wide for a portrait page goes on A4 landscape pages, with
# its caption; the page numbers stay centred on each page's own width.
$PY tests/table/report.py wide > "$D/wide.yaml"
$VANBAN render -o "$D/wide" "$D/wide.yaml" >/dev/null 2>"$D/wide.err"
check "the wide report renders without warnings" test ! -s "$D/wide.err"
pdf=$(ls "$D"/wide/bao-cao-*.pdf 2>/dev/null | head -1)
if [ -n "$pdf" ]; then
	$PY tests/table/landscape_probe.py "$pdf"
	sizes=$(pdfinfo -f 1 -l 99 "$pdf" | awk '/^Page .* size:/ { print ($4 > $6) ? "L" : "P" }' | tr -d '\n')
	check "page orientations from pdfinfo: portrait, landscape for the wide table, portrait ($sizes)" \
		sh -c "echo $sizes | grep -qx 'P*PLL*PP*'"
else notok "the wide report's PDF" "$(cat "$D/wide.err")"; fi
# Kept portrait (landscape: false), its cells cannot fit: one warning per
# column at the source position of the first such row, naming the table.
$PY tests/table/report.py portrait > "$D/portrait.yaml"
$VANBAN render -o "$D/portrait" "$D/portrait.yaml" >/dev/null 2>"$D/portrait.err"
line=$(grep -n '^            - \["Khoa Lý luận cơ sở"' "$D/portrait.yaml" | cut -d: -f1)
want="vanban: $D/portrait.yaml:$line:16: warning: table \"Bảng 2. Số người theo tháng\", column \"Cả năm\": a word in this row is wider than the column; it was cut to fit"
if grep -qxF "$want" "$D/portrait.err" && [ "$(wc -l < "$D/portrait.err")" -eq 14 ]; then
	ok "a cell that cannot fit a portrait page: warnings at the row's file:line:col, naming table and column"
else notok "a cell that cannot fit a portrait page: warnings at the row, naming table and column" "$want" "$(head -3 "$D/portrait.err")"; fi
# A total written out that is not its column's sum is a warning at it.
cat > "$D/total.yaml" <<'YAML'
organisation: {name: Trường Chính trị Tôn Đức Thắng, abbreviation: TCT, place: An Giang}
document:
  title: Tổng sai
  blocks:
    - table:
        columns: [Đơn vị, Số người, Kinh phí (đồng)]
        rows:
          - [Khoa Dân vận, "12", "1.500.000,5"]
          - [Khoa Lý luận cơ sở, "8", "2.250.000"]
        total: [Tổng cộng, "20", "3.750.000"]
YAML
$VANBAN render -o "$D/total" "$D/total.yaml" >/dev/null 2>"$D/total.err"
want="vanban: $D/total.yaml:10:34: warning: the total \"3.750.000\" is not the sum of its column, 3.750.000,5 (\"=\" prints the sum)"
if grep -qxF "$want" "$D/total.err" && [ "$(wc -l < "$D/total.err")" -eq 1 ]; then ok "a total that is not its column's sum: one warning at it"
else notok "a total that is not its column's sum: one warning at it" "$want" "$(cat "$D/total.err")"; fi
