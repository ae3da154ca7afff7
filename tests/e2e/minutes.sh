# The seed's minutes, checked from the PDF itself.
. tests/e2e/lib.sh
D=$OUT/minutes
rm -rf "$D"; mkdir -p "$D"
if ! $VANBAN render -o "$D" input/tct-2020.yaml 2>"$D/stderr"; then
	notok "minutes render" "$(cat "$D/stderr")"; exit 0
fi
ok "minutes render"
PDF=$(ls "$D"/*.pdf | head -1)
check "minutes one pdf and a manifest" test "$(ls "$D"/*.pdf | wc -l)" = 1 -a -f "$D/manifest.tsv"
check "minutes qpdf --check" qpdf_ok "$PDF"
check "minutes fonts embedded, subset, ToUnicode" fonts_ok "$PDF"
check "minutes only Liberation Serif" sh -c "pdffonts '$PDF' | awk 'NR>2 && \$1 !~ /^[A-Z][A-Z][A-Z][A-Z][A-Z][A-Z]\\+LiberationSerif/ {exit 1}'"

text_of "$PDF" > "$D/text.txt"
check "minutes pdftotext without warnings" test ! -s "$OUT/pdftotext.err"
# Every name, role, report, award and task of the input appears exactly (NFC,
# whitespace folded, page numbers dropped).
check "minutes text has every fact of the input" $PY - input/tct-2020.yaml "$D/text.txt" <<'PYEOF'
import sys, re, unicodedata, yaml
doc = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
raw = open(sys.argv[2], encoding="utf-8").read()
lines = []
for n, page in enumerate(raw.split("\f")):
    pl = [l for l in page.split("\n") if l.strip()]
    if n and pl and re.fullmatch(r"\s*\d+\s*", pl[0]): pl = pl[1:]  # the page number
    lines += pl
text = re.sub(r"\s+", " ", unicodedata.normalize("NFC", " ".join(lines)))
m = doc["minutes"]
want = [doc["organisation"]["name"].upper(), m["title"], m["venue"]]
for p in m["chairs"] + [m["secretary"]]:
    want.append(p["name"]); want += p.get("roles", [])
for n, sec in enumerate(m["sections"], 1):
    want.append("%d. %s" % (n, sec["heading"]))
    for blk in sec.get("body", []):
        want += [blk["text"]] if "text" in blk else ["- " + i for i in blk.get("items", [])]
want += m["closing"]
want += m["recipients"]
missing = [w for w in want if re.sub(r"\s+", " ", unicodedata.normalize("NFC", w)) not in text]
for w in missing: print("missing:", w)
sys.exit(1 if missing else 0)
PYEOF
check "minutes header and closing" $PY - "$D/text.txt" <<'PYEOF'
import sys, re
t = re.sub(r"\s+", " ", open(sys.argv[1], encoding="utf-8").read())
need = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: 01/BB-TCT",
        "BIÊN BẢN", "Thời gian bắt đầu: 14 giờ 00, ngày 31 tháng 12 năm 2020.",
        "Hội nghị kết thúc vào 17 giờ 00, ngày 31 tháng 12 năm 2020./.",
        "THƯ KÝ", "CHỦ TỌA", "Nơi nhận:", "- Lưu: VT, Hồ sơ.", "08 đảng viên"]
bad = [n for n in need if n not in t]
print("missing:", bad) if bad else None
sys.exit(1 if bad else 0)
PYEOF

# Geometry from word boxes: body at 30 mm, nothing past 15 mm from the right.
pdftotext -bbox "$PDF" "$D/bbox.html" 2>/dev/null
check "minutes margins from word boxes" $PY - "$D/bbox.html" <<'PYEOF'
import sys, re
html = open(sys.argv[1], encoding="utf-8").read()
left, right = 30 * 72 / 25.4, 595.276 - 15 * 72 / 25.4
xs = [(float(a), float(b)) for a, b in re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"', html)]
lo = min(a for a, b in xs); hi = max(b for a, b in xs)
at_left = sum(1 for a, b in xs if abs(a - left) < 0.5)
print(f"min x {lo:.2f} (margin {left:.2f}), max x {hi:.2f} (margin {right:.2f}), words at left {at_left}")
sys.exit(0 if lo > left - 0.5 and hi < right + 0.5 and at_left >= 10 else 1)
PYEOF
check "minutes page numbers: none on page 1, centred from page 2" $PY - "$D/bbox.html" <<'PYEOF'
import sys, re
html = open(sys.argv[1], encoding="utf-8").read()
pages = re.findall(r"<page.*?</page>", html, re.S)
top = 20 * 72 / 25.4
centre = (30 * 72 / 25.4 + 595.276 - 15 * 72 / 25.4) / 2
def in_margin(p):
    return [(w, float(a), float(b), float(c)) for a, y0, b, c, w in re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', p)
        if float(c) < top]
if len(pages) < 2: print("only", len(pages), "page"); sys.exit(1)
if in_margin(pages[0]): print("page 1 has", in_margin(pages[0])); sys.exit(1)
for n, p in enumerate(pages[1:], 2):
    m = in_margin(p)
    if len(m) != 1 or m[0][0] != str(n) or abs((m[0][1] + m[0][2]) / 2 - centre) > 0.5:
        print("page", n, m); sys.exit(1)
PYEOF

# Determinism: the same input twice, and the input in NFD, give the same bytes.
mkdir -p "$D/again" "$D/nfd"
$VANBAN render -o "$D/again" input/tct-2020.yaml 2>/dev/null
check "minutes byte-identical on a second run" cmp "$PDF" "$D/again/$(basename "$PDF")"
$PY -c "import sys,unicodedata; sys.stdout.write(unicodedata.normalize('NFD', open('input/tct-2020.yaml', encoding='utf-8').read()))" > "$D/nfd/tct-2020.yaml"
$VANBAN render -o "$D/nfd" "$D/nfd/tct-2020.yaml" 2>"$D/nfd/stderr"
check "minutes NFD input gives the same bytes" cmp "$PDF" "$D/nfd/$(basename "$PDF")"
check "minutes NFD input is noted once" test "$(grep -c 'NFC' "$D/nfd/stderr")" = 1
$PY tests/e2e/conformance.py minutes state "$PDF"
