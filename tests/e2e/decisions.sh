# The seed's award decisions in three styles, measured against docs/rules.md §7.
. tests/e2e/lib.sh
D=$OUT/decisions
rm -rf "$D"; mkdir -p "$D"
if ! $VANBAN render -o "$D" input/tct-2020-khen-thuong.yaml 2>"$D/stderr"; then
	notok "decisions render" "$(cat "$D/stderr")"; exit 0
fi
ok "decisions render"
check "decisions: six PDFs in the manifest" test "$(grep -c '^decision' "$D/manifest.tsv")" = 6
for f in "$D"/quyet-dinh-*.pdf; do
	b=$(basename "$f")
	check "decision $b qpdf --check" qpdf_ok "$f"
	check "decision $b fonts embedded and subset" fonts_ok "$f"
done
$PY tests/e2e/conformance.py decision state "$D/quyet-dinh-15-QD-TCT.pdf"
$PY tests/e2e/conformance.py decision party "$D/quyet-dinh-45-QD-DU.pdf"
$PY tests/e2e/conformance.py decision union "$D/quyet-dinh-08-QD-CDCS.pdf"
text_of "$D/quyet-dinh-15-QD-TCT.pdf" > "$D/15.txt"
check "decision amount and its words (0.3 × 1.490.000 rounded up)" $PY - "$D/15.txt" <<'PYEOF'
import sys, re
t = re.sub(r"\s+", " ", open(sys.argv[1], encoding="utf-8").read())
need = ["450.000 đồng (Bằng chữ: Bốn trăm năm mươi nghìn đồng)", "16.650.000 đồng",
        "Công nhận danh hiệu “Lao động tiên tiến” năm 2020 cho 37 cá nhân"]
bad = [n for n in need if n not in t]
print("missing:", bad) if bad else None
sys.exit(1 if bad else 0)
PYEOF

# Long names wrap inside their header column; rules are measured after wrapping.
$VANBAN render -o "$D/long" tests/cli/long-names.yaml 2>"$D/long.err"
check "decision long header names wrap inside their column" $PY - "$D/long"/*.pdf <<'PYEOF'
import sys
sys.path.insert(0, "tests/e2e")
from pdfprobe import pages, rule_under
p = pages(sys.argv[1])[0]
MM = 72 / 25.4
left, width = 30 * MM, 595.276 - 45 * MM
split = left + width * 0.41
head = [l for l in p["lines"] if l.y < 180]
lc = [l for l in head if l.x0 < split]
rc = [l for l in head if l.x0 >= split]
if any(l.x1 > split + 0.01 for l in lc) or any(l.x0 < split - 0.01 for l in rc):
    print("overlap", lc, rc); sys.exit(1)
bold = [l for l in lc if l.bold]
if len(bold) < 2: print("issuer did not wrap", bold); sys.exit(1)
r = rule_under(p, bold[-1])
w = max(l.width for l in bold)
if not r or not (w / 3 - 0.5 <= r[1] - r[0] <= w / 2 + 0.5): print("rule", r, "widest", w); sys.exit(1)
PYEOF

# The Danh sách: sorted in Vietnamese order when asked (checked against an
# independent collation written here), its header on every page, rows whole.
check "decision list sorted by given name, Vietnamese collation" $PY - "$D/quyet-dinh-15-QD-TCT.pdf" input/tct-2020-khen-thuong.yaml <<'PYEOF'
import sys, unicodedata, yaml
sys.path.insert(0, "tests/e2e")
from pdfprobe import pages
BASE = "a ă â b c d đ e ê f g h i j k l m n o ô ơ p q r s t u ư v w x y z".split()
TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}  # huyền hỏi ngã sắc nặng
def letter(ch):
    d = unicodedata.normalize("NFD", ch.lower())
    tone = max([TONES.get(c, 0) for c in d] + [0])
    base = unicodedata.normalize("NFC", "".join(c for c in d if c not in TONES))
    return (BASE.index(base) if base in BASE else 100 + ord(base)), tone
def syllable(w):
    ls = [letter(c) for c in w]
    return [l[0] for l in ls], [l[1] for l in ls]
def key(name):
    w = name.split()
    order = [w[-1]] + w[1:-1] + [w[0]]
    return [syllable(x) for x in order]
doc = yaml.safe_load(open(sys.argv[2], encoding="utf-8"))
names = [r["name"] for r in doc["decisions"][0]["list"]["recipients"]]
want = sorted(names, key=key)
got = []
for pg in pages(sys.argv[1])[1:]:  # the name column's lines, in reading order
    got += [l.text for l in pg["lines"] if 100 < l.x0 < 130 and l.font == "LiberationSerif"]
text = " ".join(got)  # a name wrapped in its cell joins back
pos = [text.find(n) for n in want]
ok = all(p >= 0 for p in pos) and pos == sorted(pos)
if not ok: print("want", want[:5], "positions", pos[:10])
sys.exit(0 if ok else 1)
PYEOF

$PY - > "$D/big.yaml" <<'PYEOF'
print("""organisation:
  name: Trường Chính trị Tôn Đức Thắng
  abbreviation: TCT
  place: An Giang
decisions:
  - number: 20
    date: 2020-12-30
    summary: Về việc tặng Giấy khen
    authority: HIỆU TRƯỞNG TRƯỜNG CHÍNH TRỊ TÔN ĐỨC THẮNG
    articles:
      - Tặng Giấy khen cho {count} cá nhân (có danh sách kèm theo).
    amount: {coefficient: 0.3, base_salary: 1490000}
    signer: {title: HIỆU TRƯỞNG, name: Hồ Ngọc Trường}
    list:
      title: Cá nhân được tặng Giấy khen
      recipients:""")
for i in range(500):
    print(f"        - {{name: Nguyễn Văn Số {i + 1}, position: Giảng viên, unit: Khoa Lý luận cơ sở}}")
PYEOF
$VANBAN render -o "$D/big" "$D/big.yaml" 2>"$D/big.err"
check "decision 500-name list: header on every page, rows whole, numbers restart" $PY - "$D/big"/*.pdf <<'PYEOF'
import sys, re
sys.path.insert(0, "tests/e2e")
from pdfprobe import pages
P = pages(sys.argv[1])
app = [i for i, p in enumerate(P) if any(l.text == "DANH SÁCH" for l in p["lines"])][0]
seen, bad = [], []
for k, p in enumerate(P[app:]):
    heads = [l for l in p["lines"] if l.text == "STT" and l.bold]
    if len(heads) != 1: bad.append(f"page {k + 1}: {len(heads)} headers")
    top = [l for l in p["lines"] if l.y < 20 * 72 / 25.4]
    if k == 0 and top: bad.append(f"appendix page 1 numbered {top}")
    if k > 0 and [l.text for l in top] != [str(k + 1)]: bad.append(f"appendix page {k + 1} number {top}")
    stt = [int(l.text) for l in p["lines"] if re.fullmatch(r"\d+", l.text) and l.x0 < 130 and l.y > 20 * 72 / 25.4]
    names = [int(m) for l in p["lines"] for m in re.findall(r"Nguyễn Văn Số (\d+)", l.text)]
    if stt != names: bad.append(f"page {k + 1}: a row is split ({stt[-1:]} vs {names[-1:]})")
    seen += stt
if seen != list(range(1, 501)): bad.append(f"STT runs {seen[:3]}…{seen[-3:]} ({len(seen)})")
if len(P) - app < 10: bad.append(f"only {len(P) - app} appendix pages")
print("\n".join(bad)); sys.exit(1 if bad else 0)
PYEOF

# tone_order: "Hả" before "Há" in the lexicographers' order, after it in the common one.
for order in lexicographic common; do
	cat > "$D/tones-$order.yaml" <<YAML
organisation: {name: Trường Chính trị Tôn Đức Thắng, abbreviation: TCT, place: An Giang}
decisions:
  - number: 1
    date: 2020-12-30
    summary: Về việc khen thưởng
    authority: HIỆU TRƯỞNG
    articles: [Tặng Giấy khen.]
    signer: {title: HIỆU TRƯỞNG, name: Hồ Ngọc Trường}
    list:
      sort: name
      tone_order: $order
      recipients: [{name: Lê Văn Há}, {name: Trần Văn Hả}]
YAML
	$VANBAN render --dump "$D/tones-$order.yaml" 2>/dev/null | grep -o '"[^"]* Văn H[^"]*"' | tr -d '"' | tr '\n' ',' > "$D/tones-$order.txt"
done
check "decision list tone order: lexicographic puts hỏi before sắc, common the reverse" \
	test "$(cat "$D/tones-lexicographic.txt")|$(cat "$D/tones-common.txt")" = "Trần Văn Hả,Lê Văn Há,|Lê Văn Há,Trần Văn Hả,"

# Number words in the office's own spelling: style thousand: ngàn, zero_tens: lẻ.
cat > "$D/words.yaml" <<'YAML'
style: {thousand: ngàn, zero_tens: lẻ}
organisation: {name: Trường Chính trị Tôn Đức Thắng, abbreviation: TCT, place: An Giang}
decisions:
  - number: 1
    date: 2020-12-30
    summary: Về việc khen thưởng
    authority: HIỆU TRƯỞNG
    articles: ['Tiền thưởng {amount} (Bằng chữ: {amount_words}).']
    amount: {coefficient: 0.3, base_salary: 1490000}
    signer: {title: HIỆU TRƯỞNG, name: Hồ Ngọc Trường}
  - number: 2
    date: 2020-12-30
    summary: Về việc khen thưởng
    authority: HIỆU TRƯỞNG
    articles: ['Tiền thưởng {amount} (Bằng chữ: {amount_words}).']
    amount: {coefficient: 75, base_salary: 1400000}
    signer: {title: HIỆU TRƯỞNG, name: Hồ Ngọc Trường}
YAML
$VANBAN render -o "$D/words" "$D/words.yaml" 2>"$D/words.err"
check "decision number words follow the style (ngàn, lẻ)" sh -c "
	pdftotext '$D/words/quyet-dinh-01-QD-TCT.pdf' - | tr '\n' ' ' | grep -q '450.000 đồng (Bằng chữ: Bốn trăm năm mươi ngàn đồng)' &&
	pdftotext '$D/words/quyet-dinh-02-QD-TCT.pdf' - | tr '\n' ' ' | grep -q '105.000.000 đồng (Bằng chữ: Một trăm lẻ năm triệu đồng)'"
