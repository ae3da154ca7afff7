"""pdfprobe — what a PDF shows, read with `mutool draw -F trace`: text lines
(string, font, size, colour, x0, x1, baseline from the top) and stroked
rules, page by page. Used by the end-to-end conformance tests."""
import re, subprocess, unicodedata
from html import unescape

class Line:
    def __init__(self, font, size, color, y):
        self.font, self.size, self.color, self.y = font, size, color, y
        self.text, self.x0, self.x1 = "", None, None
    bold = property(lambda s: "Bold" in s.font)
    italic = property(lambda s: "Ital" in s.font)  # mutool cuts long names
    centre = property(lambda s: (s.x0 + s.x1) / 2)
    width = property(lambda s: s.x1 - s.x0)
    def __repr__(self):
        return f"<{self.text!r} {self.font} {self.size} x={self.x0:.2f}-{self.x1:.2f} y={self.y:.2f}>"

def pages(pdf):
    out = subprocess.run(["mutool", "draw", "-q", "-F", "trace", "-o", "-", pdf],
                         capture_output=True, text=True, check=True).stdout
    result = []
    for page in re.findall(r"<page .*?</page>", out, re.S):
        h = float(re.search(r'mediabox="[-\d.]+ [-\d.]+ [-\d.]+ ([-\d.]+)"', page).group(1))
        runs, rules = [], []
        for m in re.finditer(r'<fill_text [^>]*color="([^"]*)"[^>]*>(.*?)</fill_text>', page, re.S):
            color, body = m.group(1), m.group(2)
            for sp in re.finditer(r'<span font="([^"]*)"[^>]*trm="([\d.]+) [^"]*">(.*?)</span>', body, re.S):
                font, size = sp.group(1).split("+")[-1], float(sp.group(2))
                for g in re.finditer(r'<g unicode="([^"]*)" glyph="\d+" x="([-\d.]+)" y="([-\d.]+)" adv="([-\d.]+)"/>', sp.group(3)):
                    ch, x, y, adv = unescape(g.group(1)), float(g.group(2)), float(g.group(3)), float(g.group(4))
                    runs.append((font, size, color, h - y, x, x + adv * size, ch))
        for m in re.finditer(r'<stroke_path linewidth="([\d.]+)".*?<moveto x="([-\d.]+)" y="([-\d.]+)"/>\s*<lineto x="([-\d.]+)" y="([-\d.]+)"/>', page, re.S):
            w, x0, y0, x1, y1 = map(float, m.groups())
            rules.append((min(x0, x1), max(x0, x1), h - y0, w))
        # glyphs to lines: same font, size and baseline, and adjacent
        lines = []
        for font, size, color, y, x0, x1, ch in runs:
            l = lines[-1] if lines else None
            if l and l.font == font and l.size == size and abs(l.y - y) < 0.01 and x0 - l.x1 < size * 0.6:
                if x0 - l.x1 > size * 0.1 and not l.text.endswith(" "):
                    l.text += " "
                l.text += ch; l.x1 = x1
            else:
                l = Line(font, size, color, y); l.text, l.x0, l.x1 = ch, x0, x1; lines.append(l)
        for l in lines:
            l.text = unicodedata.normalize("NFC", l.text).strip()
        result.append({"lines": lines, "rules": rules, "height": h})
    return result

def find(page, text):
    """The first line whose text starts with `text`."""
    for l in page["lines"]:
        if l.text.startswith(text):
            return l
    return None

def rule_under(page, line, within=12):
    """The rule nearest below a line's baseline (within `within` pt)."""
    best = None
    for r in page["rules"]:
        d = r[2] - line.y
        if 0 < d <= within + 0.01 and (best is None or d < best[2] - line.y):
            best = r
    return best
