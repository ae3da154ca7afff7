# A long free document, checked from poppler's word boxes: every justified
# line ends at the right margin (within 0.5 pt) and no word crosses a margin.
. tests/e2e/lib.sh
D=$OUT/justify
rm -rf "$D"; mkdir -p "$D"
# ~40 paragraphs of varied Vietnamese words, with headings; deterministic.
$PY - > "$D/long.yaml" <<'PYEOF'
import random
r = random.Random(30)
words = ("Trường Chính trị Tôn Đức Thắng tổ chức Hội nghị viên chức người lao động năm "
         "2020 đánh giá kết quả thực hiện nhiệm vụ bàn biện pháp đổi mới nội dung chương "
         "trình phương pháp giảng dạy nâng cao chất lượng đội ngũ nghiên cứu khoa học tổng "
         "kết thực tiễn ứng dụng công nghệ thông tin quản lý học viên bảo đảm kỷ cương nền "
         "nếp quan tâm chăm lo đời sống vật chất tinh thần cơ sở trang thiết bị Tỉnh ủy Ủy "
         "ban nhân dân tỉnh An Giang xuất sắc tiên tiến thi đua khen thưởng").split()
print("organisation:\n  name: Trường Chính trị Tôn Đức Thắng\n  abbreviation: TCT\n"
      "  place: An Giang\ndocument:\n  title: Văn bản dài\n  blocks:")
print('    - center: "BÁO CÁO TỔNG KẾT"')
for i in range(40):
    if i % 8 == 0:
        print('    - heading: "Phần %d"' % (i // 8 + 1))
    n = r.randint(25, 140)
    text = " ".join(r.choice(words) for _ in range(n))
    if i % 5 == 2:  # a bold phrase inside a justified paragraph
        ws = text.split(" ")
        ws[3], ws[5] = "**" + ws[3], ws[5] + "**"
        text = " ".join(ws)
    print('    - text: "%s."' % (text[0].upper() + text[1:]))
PYEOF
if ! $VANBAN render -o "$D" "$D/long.yaml" 2>"$D/stderr"; then
	notok "justify render" "$(cat "$D/stderr")"; exit 0
fi
ok "justify render"
PDF=$(ls "$D"/*.pdf | head -1)
pdftotext -bbox-layout "$PDF" "$D/bbox.html" 2>"$D/pdftotext.err"
# ND30 A4: margins 20/15/20/30 mm; 14 pt body on 17 pt, 10 mm indent.
check "justify lines end at the right margin, no word crosses a margin" $PY - "$D/bbox.html" <<'PYEOF'
import re, sys
MM = 72 / 25.4
W, H = 595.276, 841.89
left, right, top, bottom = 30 * MM, W - 15 * MM, 20 * MM, H - 20 * MM
indent, leading, tol = 10 * MM, 17.0, 0.5
html = open(sys.argv[1], encoding="utf-8").read()
pages = []
for page in re.findall(r"<page.*?</page>", html, re.S):
    words = [tuple(map(float, m)) for m in re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"', page)]
    lines = {}
    for x0, y0, x1, y1 in words:
        if y1 < top:
            continue  # the page number, in the top margin
        lines.setdefault(round(y1, 1), []).append((x0, y0, x1, y1))
    pages.append([sorted(lines[y]) for y in sorted(lines)])
bad = []
for p in pages:
    for ln in p:
        for x0, y0, x1, y1 in ln:
            if x0 < left - tol or x1 > right + tol or y0 < top - tol or y1 > bottom + tol:
                bad.append("word crosses a margin at %.2f,%.2f-%.2f,%.2f" % (x0, y0, x1, y1))
flat = [(pi, li, ln) for pi, p in enumerate(pages) for li, ln in enumerate(p)]
justified = 0
for k, (pi, li, ln) in enumerate(flat):
    start = ln[0][0]
    if abs(start - left) > tol and abs(start - left - indent) > tol:
        continue  # a centred line
    if k + 1 == len(flat):
        continue  # the document's last line
    npi, nli, nxt = flat[k + 1]
    if abs(nxt[0][0] - left) > tol:
        continue  # next line starts a paragraph (indent) or is centred
    if npi == pi and nxt[0][3] - ln[0][3] > leading + 1:
        continue  # space after the paragraph: this was its last line
    justified += 1
    end = max(w[2] for w in ln)
    if abs(end - right) > tol:
        bad.append("page %d line %d ends at %.2f, not %.2f" % (pi + 1, li + 1, end, right))
if justified < 100:
    bad.append("only %d justified lines found" % justified)
print("\n".join(bad[:5]))
sys.exit(1 if bad else 0)
PYEOF

# W2, the benchmark's minutes, set at least as evenly as Typst 0.10 sets them
# (its widest gaps: p95 4.09 pt, max 4.26 pt; 13 pt text, natural space 3.25 pt).
W2=$D/w2
mkdir -p "$W2"
$PY -c 'import sys; sys.path.insert(0, "tests"); import bench; bench.work = sys.argv[1]; bench.w2_yaml()' "$W2"
if $VANBAN render -o "$W2/out" "$W2/w2.yaml" >/dev/null 2>"$W2/stderr"; then
	stats=$($PY tests/bench/justify_stats.py "$W2"/out/*.pdf 13)
	check "justify W2 gaps no wider than Typst's ($stats)" $PY -c '
import re, sys
g = dict(re.findall(r"(p95_gap|max_gap)=([\d.]+)", sys.argv[1]))
sys.exit(0 if float(g["p95_gap"]) <= 4.09 and float(g["max_gap"]) <= 4.26 else 1)' "$stats"
else
	notok "justify W2 render" "$(cat "$W2/stderr")"
fi
