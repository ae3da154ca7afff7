# Certificates fit through the typesetter's breaker (typeset_lines.h), and
# min_size holds: a field that cannot fit at its minimum is an error for
# its record, at the record's value (YAML line or CSV line), and the file
# writes nothing; a wrapped unit breaks where a reader would.
. tests/e2e/lib.sh
D=$OUT/cert_fit
rm -rf "$D"; mkdir -p "$D"

$VANBAN render -o "$D/yaml" tests/cert/too-long.yaml >/dev/null 2>"$D/yaml.err"; s=$?
check "cert fit: a name too long at min_size is an error at the name, exit 2" sh -c "
	test $s = 2 && test \$(grep -c error: '$D/yaml.err') = 1 &&
	grep -q '^vanban: tests/cert/too-long.yaml:22:17: error: too long for field \"name\": it does not fit the 237.0 x 15.0 mm box at its min_size of 18 pt on 2 lines (it would need 1[0-7][.0-9]* pt)' '$D/yaml.err'"
check "cert fit: no PDF from that file, not even the records that fit" sh -c "! ls '$D/yaml'/*.pdf >/dev/null 2>&1"
LANGUAGE=vi $VANBAN check tests/cert/too-long.yaml >/dev/null 2>"$D/vi.err"
check "cert fit: the error in Vietnamese" grep -q 'quá dài cho trường "name": không vừa khung 237.0 x 15.0 mm' "$D/vi.err"

# the same from a CSV list: the position is the CSV line of the record
mkdir -p "$D/csv"
long="Công Tằng Tôn Nữ Thị Hoàng Khánh Ngọc Bảo Quyên Nguyễn Thị Phương Thảo Hoàng Minh Khánh Trần Ngọc Bảo Anh Lê Văn Tám"
printf 'STT;Họ và tên;Chức vụ;Đơn vị\r\n1;Nguyễn Văn An;Giảng viên;Khoa Dân vận\r\n2;%s %s;Chuyên viên;Khoa Lý luận cơ sở\r\n' "$long" "$long" > "$D/csv/list.csv"
sed -e 's/csv-broken.csv/list.csv/' -e '/collective: tập thể/d' -e '/^# /d' tests/bad/csv-broken.yaml |
	sed 's/^    list:/    certificate_layout: certificate-a4\n    list:/' > "$D/csv/d.yaml"
$VANBAN render -o "$D/csv/out" "$D/csv/d.yaml" >/dev/null 2>"$D/csv.err"; s=$?
check "cert fit: from a CSV list the error names the CSV line" sh -c "
	test $s = 2 && grep -q '^vanban: $D/csv/list.csv:3:3: error: too long for field \"name\"' '$D/csv.err'"

# a unit that wraps: balanced, before a unit, not between "huyện" and its name
$VANBAN render -o "$D/unit" tests/cert/unit-wrap.yaml >/dev/null 2>"$D/unit.err"
check "cert fit: a wrapped unit breaks before a unit, never inside a name" $PY - "$D/unit" <<'PYEOF'
import sys, glob
sys.path.insert(0, "tests/e2e")
from pdfprobe import pages
f = [p for p in glob.glob(sys.argv[1] + "/giay-khen-23-*-01-*.pdf")][0]
lines = [l.text for l in pages(f)[0]["lines"] if l.italic and "Châu Thành" in l.text]
want = ["Chuyên viên, Phòng Giáo dục và Đào tạo huyện Châu Thành thuộc Ủy ban nhân dân",
        "huyện Châu Thành, tỉnh An Giang, kiêm nhiệm Trung tâm Bồi dưỡng chính trị huyện Châu Thành"]
if lines != want: print("got", lines); sys.exit(1)
PYEOF
