"""Conformance of a rendered decision or minutes with docs/rules.md §7, measured
from the PDF itself (mutool trace: fonts, sizes, positions, rules).
Usage: conformance.py KIND STYLE FILE.pdf   (KIND decision|minutes, STYLE state|party|union)
Prints one "ok - …" / "not ok - …" line per checklist item."""
import re, sys
sys.path.insert(0, "tests/e2e")
from pdfprobe import pages, find, rule_under

kind, style, pdf = sys.argv[1:4]
P = pages(pdf)
p1 = P[0]
MM = 72 / 25.4
LEFT, RIGHT, TOP = 30 * MM, 595.276 - 15 * MM, 20 * MM
WIDTH = RIGHT - LEFT
name = f"{kind} {style}"

def check(item, cond, detail=""):
    print(("ok" if cond else "not ok") + f" - {name} §7.{item}" + ("" if cond else f"\n#   {detail}"))

def near(a, b, tol):
    return a is not None and b is not None and abs(a - b) <= tol

# 1. A4 portrait
check(1, all(near(pg["height"], 841.89, 0.01) for pg in P), "page height")
# 2. margins: all body text between 30 mm and 15 mm from the edges
body = [l for pg in P for l in pg["lines"] if l.y > TOP]
check(2, min(l.x0 for l in body) >= LEFT - 0.5 and max(l.x1 for l in body) <= RIGHT + 0.5,
      f"x range {min(l.x0 for l in body):.2f}..{max(l.x1 for l in body):.2f}")
# 3. only Liberation Serif (Times New Roman metrics), black text
fonts = {l.font.split(",")[0] for pg in P for l in pg["lines"]}
check(3, all(f.startswith("LiberationSerif") for f in fonts) and all(l.color in ("0", "#000000") for pg in P for l in pg["lines"]),
      f"fonts {fonts}")
SHARE = 0.48 if style == "party" else 0.41  # header_left_share of layouts/hd36.yaml, nd30.yaml
right_col = LEFT + WIDTH * SHARE, RIGHT
left_col = LEFT, LEFT + WIDTH * SHARE
if style == "party":
    nat = find(p1, "ĐẢNG CỘNG SẢN VIỆT NAM")
    check(4, nat and nat.bold and nat.size == 15 and near(nat.centre, sum(right_col) / 2, 0.5), f"{nat}")
    r = nat and rule_under(p1, nat)
    check(5, r and near(r[1] - r[0], nat.width, 0.5) and near((r[0] + r[1]) / 2, nat.centre, 0.5), f"rule {r} under {nat}")
else:
    nat = find(p1, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    check(4, nat and nat.bold and 12 <= nat.size <= 13 and near(nat.centre, sum(right_col) / 2, 0.5)
          and nat.y == min(l.y for l in p1["lines"] if l.x0 > right_col[0] - 1), f"{nat}")
    motto = find(p1, "Độc lập - Tự do - Hạnh phúc")
    r = motto and rule_under(p1, motto)
    check(5, motto and motto.bold and 13 <= motto.size <= 14 and near(motto.centre, nat.centre, 0.5)
          and r and near(r[1] - r[0], motto.width, 0.5) and near((r[0] + r[1]) / 2, motto.centre, 0.5),
          f"{motto} rule {r}")
# 6. issuing body bold upper with its mark; the parent body not bold
left = [l for l in p1["lines"] if l.x1 < left_col[1] + 1 and l.y < 150]
bold = [l for l in left if l.bold]
parent = [l for l in left if not l.bold and l.text == l.text.upper() and l.text != "*" and not l.text.startswith("Số")]
if style == "party":
    star = [l for l in left if l.text == "*"]
    ok6 = bold and star and near(star[0].centre, bold[-1].centre, 1.0)
else:
    r = bold and rule_under(p1, bold[-1])
    widest = max(l.width for l in bold) if bold else 0
    ok6 = bold and r and WIDTH and widest / 3 - 0.5 <= r[1] - r[0] <= widest / 2 + 0.5 \
        and near((r[0] + r[1]) / 2, bold[-1].centre, 1.0)
check(6, ok6 and all(l.text == l.text.upper() for l in bold) and parent, f"bold {bold} parent {parent}")
# 7. the number
num = find(p1, "Số")
if style == "party":
    check(7, num and "-" in num.text and ":" not in num.text and num.size == 14, f"{num}")
else:
    import re
    check(7, num and re.fullmatch(r"Số: \d\d+/[^\s]+-[^\s]+", num.text) and num.size == 13, f"{num}")
if kind == "decision":
    # 8. date line italic, same baseline as "Số"
    date = [l for l in p1["lines"] if "ngày" in l.text and "tháng" in l.text and l.italic and l.y < 200]
    import re
    check(8, date and re.search(r", ngày \d\d tháng (0[12]|[3-9]|1[0-2]) năm \d{4}$", date[0].text)
          and near(date[0].y, num.y, 0.1) and near(date[0].centre, sum(right_col) / 2, 0.5), f"{date} {num}")
    # 10. type and summary, centred, with the summary's rule 1/3-1/2 of its width
    qd = find(p1, "QUYẾT ĐỊNH")
    summ = [l for l in p1["lines"] if l.text.startswith("Về việc")]
    below = sorted(r for r in p1["rules"] if summ and r[2] > summ[0].y)
    below.sort(key=lambda r: r[2])
    r = below[0] if below else None
    ok10 = qd and qd.bold and near(qd.centre, LEFT + WIDTH / 2, 0.5) and summ and summ[0].bold
    block = [l for l in p1["lines"] if l.bold and summ and r and summ[0].y <= l.y < r[2]]
    sw = max((l.width for l in block), default=0)
    ok10 = ok10 and block and all(near(l.centre, LEFT + WIDTH / 2, 0.5) for l in block) \
        and near((r[0] + r[1]) / 2, LEFT + WIDTH / 2, 0.5)
    check(10, ok10 and r and sw / 3 - 0.5 <= r[1] - r[0] <= sw / 2 + 0.5, f"{qd} {summ} rule {r}")
    # 11. bases italic ending ";" and "."; then QUYẾT ĐỊNH: bold centred
    bases = [l for l in p1["lines"] if l.italic and l.text.startswith(("Căn cứ", "Xét", "Theo"))]
    qd2 = find(p1, "QUYẾT ĐỊNH:")
    check(11, bases and qd2 and qd2.bold and near(qd2.centre, LEFT + WIDTH / 2, 0.5), f"{bases[:1]} {qd2}")
    # 12-13. body justified, first-line indent 10 mm, "Điều N." bold like the body
    d1 = [l for pg in P for l in pg["lines"] if l.text.startswith("Điều 1.")]
    check(12, d1 and near(d1[0].x0, LEFT + 10 * MM, 0.1) and 13 <= d1[0].size <= 15, f"{d1[:1]}")
    check(13, d1 and d1[0].bold, f"{d1[:1]}")
if kind == "minutes":
    # 9. no date line; the facts in the model's order; THƯ KÝ left, CHỦ TỌA right
    order = ["Thời gian bắt đầu", "Địa điểm", "Thành phần tham dự", "Chủ trì", "Thư ký"]
    ys = [find(p1, o).y if find(p1, o) else None for o in order]
    no_date = not [l for l in p1["lines"] if l.italic and l.y < 150]
    sig = [pg for pg in P if find(pg, "THƯ KÝ")]
    tk = sig and find(sig[0], "THƯ KÝ"); ct = sig and find(sig[0], "CHỦ TỌA")
    check(9, no_date and None not in ys and ys == sorted(ys) and tk and ct and tk.x1 < ct.x0
          and near(tk.y, ct.y, 0.01), f"{ys} {tk} {ct}")
# 14. the last sentence of the content ends with "./."
text = " ".join(l.text for pg in P for l in pg["lines"])
check(14, "./." in text)
# 15. signature: title bold upper in the right half, >= 25 mm blank to the name (its
#     descent 0.216 em, the name's ascent 0.891 em), name bold
sig_pages = [pg for pg in P if find(pg, "Nơi nhận:")]
sp = sig_pages[0] if sig_pages else p1
noi = find(sp, "Nơi nhận:")
top_sig = noi.y - 20 if kind == "decision" else noi.y - 200
right = [l for l in sp["lines"] if noi and top_sig <= l.y <= noi.y + 150 and l.x0 > LEFT + WIDTH * 0.35]
titles = [l for l in right if l.bold and l.text == l.text.upper()]
names = [l for l in right if l.bold and l.text != l.text.upper()]
check(15, titles and names and (names[-1].y - 0.891 * names[-1].size) - (titles[-1].y + 0.216 * titles[-1].size) >= 25 * MM - 0.02 and all(l.size >= 13 for l in titles + names),
      f"titles {titles} names {names}")
# 16. Nơi nhận: bold italic 12, flush left, level with the first signature line; items 11
level = kind != "decision" or (titles and abs(noi.y - titles[0].y) <= 0.1)
items = [l for l in sp["lines"] if noi and l.text.startswith("- ") and l.x0 < LEFT + 1 and l.y > noi.y]
if style == "party":  # docs/rules.md §2 (layouts/hd36.yaml): 14 upright underlined; items 12 ending ","
    ul = noi and rule_under(sp, noi, 5)
    listed = " ".join(l.text for l in sorted(sp["lines"], key=lambda l: l.y)
                      if noi and l.y > noi.y and l.size == 12 and l.x0 < LEFT + 10)
    segs = re.split(r"(?:^| )- ", listed)[1:]
    check(16, noi and not noi.bold and not noi.italic and noi.size == 14 and near(noi.x0, LEFT, 0.5)
          and ul and near(ul[0], noi.x0, 0.5) and near(ul[1], noi.x1, 0.5)
          and level and items and all(l.size == 12 for l in items) and segs and all(s.endswith(",") for s in segs[:-1])
          and items[-1].text.startswith("- Lưu ") and items[-1].text.endswith("."), f"{noi} {ul} {titles[:1]} {items}")
else:
    check(16, noi and noi.bold and noi.italic and noi.size == 12 and near(noi.x0, LEFT, 0.5)
          and level and items and all(l.size == 11 for l in items)
          and items[-1].text.startswith("- Lưu:") and items[-1].text.endswith("."), f"{noi} {titles[:1]} {items[-1:]}")
# 17. no number on page 1; numbers centred in the top margin from page 2
def top_number(pg):
    t = [l for l in pg["lines"] if l.y < TOP]
    return t[0] if len(t) == 1 and t[0].text.isdigit() else (None if not t else t)
ok17 = top_number(P[0]) is None
for pg in P[1:]:
    n = top_number(pg)
    if n is not None and not (hasattr(n, "size") and 13 <= n.size <= 14 and near(n.centre, LEFT + WIDTH / 2, 0.5)):
        ok17 = False
check(17, ok17)
