"""Shared by the table probes: a PDF's pages as pdftotext -bbox gives them,
and the "ok - …" / "not ok - …" result lines."""
import re, subprocess
from html import unescape

def pages(pdf):
    """[(width, height, [(text, xMin, yMin, xMax, yMax), …]), …] in page order."""
    out = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, text=True, check=True).stdout
    result = []
    for m in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', out, re.S):
        words = [(unescape(w.group(5)), float(w.group(1)), float(w.group(2)), float(w.group(3)), float(w.group(4)))
                 for w in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', m.group(3))]
        result.append((float(m.group(1)), float(m.group(2)), words))
    return result

fails = 0

def check(name, cond, detail=""):
    global fails
    print(("ok - " if cond else "not ok - ") + name)
    if not cond:
        fails += 1
        print("#   " + str(detail))
