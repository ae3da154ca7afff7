#!/usr/bin/env python3
"""Makes an image-only PDF that stands for a scanned letter: each page's
text is drawn by ImageMagick at 200 dpi (ND30 asks at least that for
digitised copies) into 8-bit grey pixels, which this script wraps, Flate
compressed, into a minimal PDF of A4 pages. Used for input/scans/.

    tools/make-scan.py OUT.pdf PAGE1.txt [PAGE2.txt ...]

A page file holds one line of text per line; a line may start with
"@b " (bold), "@c " (centred), "@bc " (both) or be empty."""
import subprocess, sys, zlib

DPI = 200
W, H = 1654, 2339  # A4 at 200 dpi
FONT = {False: "fonts/LiberationSerif-Regular.ttf", True: "fonts/LiberationSerif-Bold.ttf"}

def page_pixels(lines):
    cmd = ["convert", "-size", "%dx%d" % (W, H), "xc:white", "-fill", "black", "-pointsize", "36"]
    y = 240
    for line in lines:
        bold = centred = False
        if line.startswith("@"):
            tag, _, line = line.partition(" ")
            bold, centred = "b" in tag, "c" in tag
        if line:
            cmd += ["-font", FONT[bold], "-gravity", "North" if centred else "NorthWest",
                    "-annotate", "+%d+%d" % (0 if centred else 236, y), line]
        y += 62
    cmd += ["-depth", "8", "-colorspace", "Gray", "gray:-"]
    return subprocess.run(cmd, check=True, stdout=subprocess.PIPE).stdout

def pdf(pages):
    objs = []
    def add(b):
        objs.append(b)
        return len(objs)
    catalog = add(None)
    tree = add(None)
    kids = []
    for px in pages:
        data = zlib.compress(px, 9)
        img = add(b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray"
                  b" /BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n" % (W, H, len(data))
                  + data + b"\nendstream")
        w, h = 595.28, 841.89
        ops = b"q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q\n" % (w, h)
        content = add(b"<< /Length %d >>\nstream\n" % len(ops) + ops + b"endstream")
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %.2f %.2f]"
                        b" /Resources << /XObject << /Im0 %d 0 R >> >> /Contents %d 0 R >>"
                        % (tree, w, h, img, content)))
    objs[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % tree
    objs[tree - 1] = (b"<< /Type /Pages /Count %d /Kids [" % len(kids)
                      + b" ".join(b"%d 0 R" % k for k in kids) + b"] >>")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, catalog, xref)
    return bytes(out)

if __name__ == "__main__":
    pages = [page_pixels(open(p, encoding="utf-8").read().split("\n")) for p in sys.argv[2:]]
    open(sys.argv[1], "wb").write(pdf(pages))
