#!/usr/bin/env python3
"""Runts in PDFs, from poppler's word boxes: a line of one word narrower than a
quarter of the text width that starts at the left margin right under a
justified line (one that reaches the right margin). The margins of each page
are the most common left and right ends of its long lines.
Usage: runts.py FILE.pdf...   prints one line per runt, then "runts=N"."""
import collections, re, subprocess, sys

def lines_of(page):
    words = [tuple(map(float, m[:4])) + (m[4],) for m in re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', page)]
    rows = collections.OrderedDict()
    for x0, y0, x1, y1, t in words:
        rows.setdefault(round(y1), []).append((x0, x1, t))
    return [(y, sorted(ws)) for y, ws in sorted(rows.items())]

def runts(pdf):
    html = subprocess.run(["pdftotext", "-q", "-bbox-layout", pdf, "-"],
                          capture_output=True, text=True).stdout
    found = []
    for n, page in enumerate(re.findall(r"<page.*?</page>", html, re.S), 1):
        ls = lines_of(page)
        long_ = [ws for _, ws in ls if len(ws) >= 6]
        if not long_:
            continue
        left = collections.Counter(round(ws[0][0]) for ws in long_).most_common(1)[0][0]
        right = collections.Counter(round(ws[-1][1]) for ws in long_).most_common(1)[0][0]
        width = right - left
        for (y0, above), (y1, ws) in zip(ls, ls[1:]):
            if len(ws) != 1 or len(above) < 4 or not 8 <= y1 - y0 <= 30:
                continue
            x0, x1, t = ws[0]
            if abs(x0 - left) <= 1.5 and x1 - x0 < width / 4 and abs(above[-1][1] - right) <= 1.5:
                found.append(f"{pdf}: page {n}: \"{' '.join(w[2] for w in above[-3:])} / {t}\"")
    return found

all_ = [r for pdf in sys.argv[1:] for r in runts(pdf)]
for r in all_:
    print(r)
print(f"runts={len(all_)}")
