# Header names break where a reader would (docs/rules.md §5.3), read from
# the PDFs: before a unit, never inside a compound, a line break in the
# input kept, the rule measured on the widest line; `vanban check -v`
# notes each name that wrapped, with its lines.
. tests/e2e/lib.sh
D=$OUT/headers
rm -rf "$D"
$VANBAN render -o "$D" tests/headers/names.yaml >/dev/null 2>"$D.err"
check "headers render" test -f "$D/quyet-dinh-01-QD-SGDDT.pdf"
check "headers break before units, never inside compounds" $PY - "$D" <<'PYEOF'
import sys
sys.path.insert(0, "tests/e2e")
from pdfprobe import pages
want = {
    "quyet-dinh-01-QD-SGDDT.pdf": ["ỦY BAN NHÂN DÂN", "TỈNH AN GIANG", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"],
    "quyet-dinh-02-QD-DU.pdf": ["ĐẢNG BỘ KHỐI CƠ QUAN", "VÀ DOANH NGHIỆP TỈNH",
                                "ĐẢNG ỦY TRƯỜNG CHÍNH TRỊ", "TÔN ĐỨC THẮNG"],
    "quyet-dinh-03-QD-CDCS.pdf": ["CÔNG ĐOÀN VIÊN CHỨC", "TỈNH AN GIANG", "CÔNG ĐOÀN CƠ SỞ",
                                  "TRƯỜNG CHÍNH TRỊ", "TÔN ĐỨC THẮNG"],
}
bad = 0
for f, lines in want.items():
    p = pages(sys.argv[1] + "/" + f)[0]
    first = [l for l in p["lines"] if l.x0 < 200 and l.y < 150 and l.text != "*"]
    got = [l.text for l in first][:len(lines)]
    if got != lines:
        print(f, "got", got, "want", lines); bad = 1
sys.exit(bad)
PYEOF
check "headers: the rule under a wrapped name is measured on its widest line" $PY - "$D/quyet-dinh-03-QD-CDCS.pdf" <<'PYEOF'
import sys
sys.path.insert(0, "tests/e2e")
from pdfprobe import pages, rule_under
p = pages(sys.argv[1])[0]
name = [l for l in p["lines"] if l.bold and l.x0 < 200 and l.y < 150]
r = rule_under(p, name[-1], within=16)
w = max(l.width for l in name)
centre = (name[0].x0 + name[0].x1) / 2
if len(name) != 3 or not r or abs((r[1] - r[0]) - 0.4 * w) > 0.6 or abs((r[0] + r[1]) / 2 - centre) > 0.6:
    print("rule", r, "lines", name); sys.exit(1)
PYEOF
$VANBAN check -v tests/headers/names.yaml >"$D/check.out" 2>"$D/check.err"
check "headers: check -v notes each wrapped name with the lines chosen" sh -c "
	grep -qx 'vanban: tests/headers/names.yaml:14:11: note: the name is set on 2 lines as \"ĐẢNG ỦY TRƯỜNG CHÍNH TRỊ / TÔN ĐỨC THẮNG\"; a line break in the text chooses other lines' '$D/check.err' &&
	grep -q 'as \"CÔNG ĐOÀN VIÊN CHỨC / TỈNH AN GIANG\"' '$D/check.err' &&
	grep -q 'as \"CÔNG ĐOÀN CƠ SỞ / TRƯỜNG CHÍNH TRỊ / TÔN ĐỨC THẮNG\"' '$D/check.err' &&
	! grep -q 'SỞ GIÁO DỤC' '$D/check.err' &&
	test \$(grep -c note: '$D/check.err') = 5"
check "headers: render says nothing of them without -v" sh -c "test ! -s '$D.err'"
$VANBAN check tests/headers/names.yaml >"$D/check.out" 2>"$D/check.err"
check "headers: check without -v neither shows nor counts them" sh -c "
	test ! -s '$D/check.err' && grep -qx '1 input file checked, no problems' '$D/check.out'"
