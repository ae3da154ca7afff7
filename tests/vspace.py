#!/usr/bin/env python3
"""Vertical proportions and rules of a vanban PDF's first page, from poppler's
word boxes and mutool's stroked paths. Prints one "name value" a line (pt):
  title_gap     last header line (date line, or "Số" without one) -> tên loại
  opening_gap   trích yếu's last line -> first line under its rule
  signature_gap last body line above the signatures -> signer's title
  rule_below    for each rule: distance from the baseline of the text above it
Usage: vspace.py FILE.pdf [page]"""
import html, re, subprocess, sys

pdf = sys.argv[1]; page = sys.argv[2] if len(sys.argv) > 2 else "1"
TEXT_WIDTH = (210 - 30 - 15) * 72 / 25.4  # A4 portrait between the ND30 margins

def lines():
    """(x0, x1, baseline, size, text) of each text line, from mutool's stext."""
    st = subprocess.run(["mutool", "draw", "-F", "stext", "-o", "-", pdf, page],
                        capture_output=True, text=True).stdout
    out = []
    for body in re.findall(r'<line .*?</line>', st, re.S):
        chars = re.findall(r'<char quad="([-\d. ]+)" x="([-\d.]+)" y="([-\d.]+)"[^>]*c="([^"]*)"', body)
        size = float(re.search(r'size="([\d.]+)"', body).group(1))
        if not chars:
            continue
        q0, q1 = chars[0][0].split(), chars[-1][0].split()
        text = "".join(html.unescape(c[3]) for c in chars)
        out.append((float(q0[0]), float(q1[2]), float(chars[0][2]), size, text))
    return out

def strokes():
    """Straight two-point strokes ((x0, y0), (x1, y1)) from mutool trace."""
    tr = subprocess.run(["mutool", "trace", pdf, page], capture_output=True, text=True).stdout
    out = []
    for path in re.findall(r'<stroke_path.*?</stroke_path>', tr, re.S):
        m = re.search(r'transform="([^"]+)"', path)
        a, b, c, d, e, f = map(float, m.group(1).split())
        pts = re.findall(r'<(?:moveto|lineto) x="([-\d.]+)" y="([-\d.]+)"', path)
        if len(pts) != 2:
            continue
        (px0, py0), (px1, py1) = [(a * float(x) + c * float(y) + e, b * float(x) + d * float(y) + f) for x, y in pts]
        out.append(((px0, py0), (px1, py1)))
    return out

def rules():
    """Rules under text (x0, x1, y): horizontal strokes, leaving out a table's
    grid (a stroke ending on a vertical one) and a page-wide rule (the
    letter's address footer, which sits above its text, not under it)."""
    S = strokes()
    vert = [(p[0], min(p[1], q[1]), max(p[1], q[1])) for p, q in S if abs(p[0] - q[0]) < 0.01 and abs(p[1] - q[1]) > 1]
    out = []
    for (px0, py0), (px1, py1) in S:
        if abs(py0 - py1) >= 0.01 or abs(px1 - px0) <= 5:
            continue
        x0, x1 = min(px0, px1), max(px0, px1)
        if any(abs(vx - x) < 1 and y0 - 1 <= py0 <= y1 + 1 for vx, y0, y1 in vert for x in (x0, x1)):
            continue
        if x1 - x0 > 0.9 * TEXT_WIDTH:
            continue
        out.append((x0, x1, py0))
    return out

L = lines()
for x0, x1, y in rules():
    above = [l for l in L if l[2] < y and l[0] < x1 and l[1] > x0]
    if above:
        l = max(above, key=lambda l: l[2])
        print(f"rule_below {y - l[2]:.2f} {(y - l[2]) / l[3]:.2f}em \"{l[4][:40]}\"")

def first(pred):
    return next((l for l in L if pred(l[4])), None)

def gap(name, a, b):
    if a and b:
        print(f"{name} {b[2] - a[2]:.2f}")

title = first(lambda t: t.strip() in ("QUYẾT ĐỊNH", "BIÊN BẢN", "BÁO CÁO", "KẾ HOẠCH", "THÔNG BÁO", "NGHỊ QUYẾT"))
if title:
    head = [l for l in L if l[2] < title[2]]
    date = next((l for l in head if re.search(r"ngày .* tháng", l[4])), None)
    number = next((l for l in head if l[4].startswith("Số")), None)
    gap("title_gap", date or number, title)
    # the trích yếu: the lines from the tên loại down to the first rule below it
    rule_y = min((y for _, _, y in rules() if y > title[2]), default=None)
    if rule_y:
        summary = max((l for l in L if title[2] <= l[2] < rule_y), key=lambda l: l[2])
        below = min((l for l in L if l[2] > rule_y), key=lambda l: l[2], default=None)
        gap("opening_gap", summary, below)
filed = first(lambda t: t.startswith("Nơi nhận"))
if filed:
    body = max((l for l in L if l[2] < filed[2] - 1), key=lambda l: l[2], default=None)
    gap("signature_gap", body, filed)
