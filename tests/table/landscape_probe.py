"""Checks a report whose second table is too wide for portrait pages
(tests/table/report.py wide): the pages that table is on are A4
landscape, the others A4 portrait, and every page from page 2 has its
number centred on its own text width in its top margin (ND30: margins
top 20, left 30, right 15 mm whatever the page's orientation).
Usage: landscape_probe.py FILE.pdf"""
import re, sys

import bbox
from bbox import check

MM = 72 / 25.4
pages = bbox.pages(sys.argv[1])

land = lambda p: abs(p[0] - 841.89) < 0.5 and abs(p[1] - 595.28) < 0.5
port = lambda p: abs(p[0] - 595.28) < 0.5 and abs(p[1] - 841.89) < 0.5
wide = [k for k, p in enumerate(pages) if sum(1 for w in p[2] if re.match(r"^\d{3}\.000$", w[0])) >= 12]
check("the wide table is on some pages", len(wide) >= 1, wide)
check("its pages are A4 landscape", all(land(pages[k]) for k in wide), [pages[k][:2] for k in wide])
check("the other pages are A4 portrait", all(port(p) for k, p in enumerate(pages) if k not in wide),
      [(k + 1, p[:2]) for k, p in enumerate(pages) if k not in wide])
check("portrait pages before and after it", wide and min(wide) > 0 and max(wide) < len(pages) - 1, wide)
bad = []
for k, (w, h, words) in enumerate(pages[1:], 1):
    top = [x for x in words if x[4] < 20 * MM and x[0].isdigit()]
    if len(top) != 1 or top[0][0] != str(k + 1):
        bad.append((k + 1, "number", [x[0] for x in top]))
        continue
    centre = (top[0][1] + top[0][3]) / 2
    want = (30 * MM + w - 15 * MM) / 2
    if abs(centre - want) > 0.5:
        bad.append((k + 1, round(centre, 2), round(want, 2)))
check("page numbers centred at the top of each page's own text width", not bad, bad)
# the caption went with its table
cap = [k for k, p in enumerate(pages) if any(x[0] == "Bảng" for x in p[2]) and any(x[0] == "2." for x in p[2])]
check("the wide table's caption is on its first landscape page", cap == wide[:1], (cap, wide))
sys.exit(1 if bbox.fails else 0)
