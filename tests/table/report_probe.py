"""Checks the report tables of tests/table/report.py from the PDF, words
and their boxes as pdftotext -bbox gives them. Prints "ok - …" or
"not ok - …" lines. Usage: report_probe.py FILE.pdf"""
import re, sys

import bbox
from bbox import check, pages

SIZE = 13.0          # layouts/nd30.yaml table_size
DIGIT = SIZE * 0.5   # Liberation Serif's figures are all half an em
DOT = SIZE * 0.25    # and its "." and "," a quarter

def lines(words):
    """Words grouped by baseline (yMax), left to right."""
    rows = {}
    for w in words:
        rows.setdefault(round(w[4], 1), []).append(w)
    return [sorted(v, key=lambda w: w[1]) for _, v in sorted(rows.items())]

pdf = sys.argv[1]
pg = pages(pdf)
num = re.compile(r"^-?\d{1,3}(\.\d{3})*(,\d+)?$")

# Table 1's body rows: a line starting with the row number, then the unit ...
t1_pages, body, totals = [], [], None
for k, (w, h, words) in enumerate(pg):
    got = False
    for ln in lines(words):
        t = [x[0] for x in ln]
        if len(t) >= 6 and t[0].isdigit() and 1 <= int(t[0]) <= 60 and num.match(t[-1]) and num.match(t[-2]) and "." in t[-2]:
            body.append((k, ln)); got = True
        if t[:2] == ["Tổng", "cộng"]:
            totals = (k, ln)
    if got:
        t1_pages.append(k)
check("table 1: 60 body rows", len(body) == 60, len(body))
check("table 1 runs over more than one page", len(t1_pages) >= 2, t1_pages)

# the header on each page of table 1, above its first row: STT, Số người over Nam Nữ, (1) … (6)
for k in t1_pages:
    words = pg[k][2]
    first = min(ln[0][2] for kk, ln in body if kk == k)
    have = {x[0]: x for x in words if x[2] < first}
    need = ["STT", "Đơn", "Nam", "Nữ", "(1)", "(6)"]
    check(f"page {k + 1}: the header rows (and numbered row) above the table's rows",
          all(n in have for n in need), [n for n in need if n not in have])

# spans, on page 1: "Số người" centred over Nam and Nữ, above them; STT
# midway down the two header rows
w1 = pg[t1_pages[0]][2]
def word(t, words=w1):
    return next(x for x in words if x[0] == t)
nguoi, nam, nu, stt, kp = word("người"), word("Nam"), word("Nữ"), word("STT"), word("Kinh")
so = next(x for x in w1 if x[0] == "Số" and abs(x[4] - nguoi[4]) < 0.1)
ctr = (so[1] + nguoi[3]) / 2
check("a header cell spans two columns: centred over Nam and Nữ", abs(ctr - (nam[1] + nu[3]) / 2) < 6 and so[4] < nam[2],
      (ctr, nam[1], nu[3]))
mid = ((so[2] + so[4]) / 2 + (nam[2] + nam[4]) / 2) / 2
check("a header cell spans two rows: STT midway down them", abs((stt[2] + stt[4]) / 2 - mid) < 1.5,
      ((stt[2] + stt[4]) / 2, mid))
check("a header cell spans two rows: Kinh phí midway down them", abs((kp[2] + kp[4]) / 2 - mid) < 1.5,
      ((kp[2] + kp[4]) / 2, mid))

# numbers right-aligned on the digits: the units digit of every cell of a
# column ends at the same x on each page
def units_end(w):
    t = w[0]
    whole = t.split(",")[0]
    if "," not in t:
        return w[3]
    return w[1] + sum(DOT if c in ".," else DIGIT for c in whole)
for col, name in ((-2, "Kinh phí"), (-1, "Tỷ lệ"), (-3, "Nữ")):
    bad = []
    for k in t1_pages:
        ends = [units_end(ln[col]) for kk, ln in body if kk == k]
        if max(ends) - min(ends) > 0.2:
            bad.append((k + 1, min(ends), max(ends)))
    check(f"column {name}: right-aligned on the units digit", not bad, bad)
mixed = [ln[-1][0] for _, ln in body]
check("column Tỷ lệ has numbers with and without decimals", any("," in t for t in mixed) and any("," not in t for t in mixed))

# the totals row: the sums of the columns
def value(t):
    return float(t.replace(".", "").replace(",", "."))
if totals:
    t = [x[0] for x in totals[1]]
    sums = [sum(int(ln[c][0].replace(".", "")) for _, ln in body) for c in (-4, -3, -2)]
    got = [int(x.replace(".", "")) for x in t[2:5]]
    check("the totals row sums Nam, Nữ and Kinh phí", got == sums, (got, sums))
    tot_end = totals[1][4][3]
    check("the totals row's numbers right-aligned with their columns",
          abs(tot_end - body[-1][1][-2][3]) < 0.2, (tot_end, body[-1][1][-2][3]))
else:
    check("the totals row is there", False, "no 'Tổng cộng'")
sys.exit(1 if bbox.fails else 0)
