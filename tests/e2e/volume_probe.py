#!/usr/bin/env python3
"""Checks a hồ sơ volume from the PDF alone (pdftotext -bbox word boxes):
the cover's fields, the Mục lục's seven columns and numbered row on every
Mục lục page, sheet numbers in the top-right corner of every document
sheet (rectos only when two-sided) and nowhere else, the Mục lục's Tờ số
equal to the sheet each document starts on, and the Chứng từ kết thúc's
counts in digits and words.

    volume_probe.py VOLUME.pdf VOLUME.yaml [--two-sided]

Prints one "ok"/"not ok" line per check (TAP-like, as tests/e2e/lib.sh)."""
import html, re, subprocess, sys, unicodedata, yaml

pdf, src = sys.argv[1], sys.argv[2]
two = "--two-sided" in sys.argv
name = src.split("/")[-1]
vol = yaml.safe_load(open(src, encoding="utf-8"))["volume"]

def nfc(s):
    return unicodedata.normalize("NFC", s)

def pages_of(path):
    out = subprocess.run(["pdftotext", "-bbox", "-enc", "UTF-8", path, "-"], check=True,
                         capture_output=True, text=True).stdout
    pages = []
    for m in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', out, re.S):
        words = [(float(a), float(b), float(c), float(d), nfc(html.unescape(t)))
                 for a, b, c, d, t in re.findall(
                     r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>',
                     m.group(3))]
        pages.append((float(m.group(1)), float(m.group(2)), words))
    return pages

def lines(words):
    """Words grouped into lines by baseline (yMax within 2 pt), left to right."""
    rows = []
    for w in sorted(words, key=lambda w: (round(w[3]), w[0])):
        if rows and abs(rows[-1][0] - w[3]) < 2:
            rows[-1][1].append(w)
        else:
            rows.append([w[3], [w]])
    return [[w for w in sorted(r[1], key=lambda w: w[0])] for r in rows]

def text(words):
    return " ".join(" ".join(w[4] for w in l) for l in lines(words))

def stamp(page):
    """The sheet number: digits alone in the top-right corner (above 14 mm, right 60 pt)."""
    width, _, words = page
    s = [w for w in words if w[3] < 40 and w[0] > width - 60 and w[4].isdigit()]
    return int(s[0][4]) if s else None

UNITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]
def words_vi(n):
    """Vietnamese number words up to 999 (docs/rules.md §5.2), capitalised."""
    h, t, u = n // 100, n // 10 % 10, n % 10
    out = []
    if h:
        out += [UNITS[h], "trăm"]
    if t > 1:
        out += [UNITS[t], "mươi"]
        if u:
            out.append("mốt" if u == 1 else "tư" if False else "lăm" if u == 5 else UNITS[u])
    elif t == 1:
        out.append("mười")
        if u:
            out.append("lăm" if u == 5 else UNITS[u])
    elif u:
        if h:
            out.append("linh")
        out.append(UNITS[u])
    s = " ".join(out) or "không"
    return s[0].upper() + s[1:]

results = []
def check(label, cond, detail=""):
    results.append(("ok" if cond else "not ok") + " - volume %s: %s" % (name, label)
                   + ("" if cond else "\n#   " + detail))

pages = pages_of(pdf)
texts = [text(p[2]) for p in pages]
cover = texts[0]
toc = [i for i, t in enumerate(texts) if "MỤC LỤC VĂN BẢN, TÀI LIỆU" in t]
end = [i for i, t in enumerate(texts) if "CHỨNG TỪ KẾT THÚC" in t]
check("cover, Mục lục and Chứng từ kết thúc found", toc and end and "HỒ SƠ" in cover,
      "toc %s end %s" % (toc, end))
if not (toc and end):
    print("\n".join(results)); sys.exit(0)
first_doc = toc[0] + 1
while first_doc < len(pages) and stamp(pages[first_doc]) is None and \
        ("(1) (2)" in texts[first_doc] or not texts[first_doc].strip()):
    first_doc += 1  # the Mục lục's further pages (and a blank verso)
docs = range(first_doc, end[-1])
stamps = [stamp(pages[i]) for i in docs]
want = [(k // 2 + 1 if k % 2 == 0 else None) if two else k + 1 for k in range(len(stamps))]
check("a sheet number on every document sheet, in order%s" % (", rectos only" if two else ""),
      stamps == want, "got %s" % stamps)
others = [i for i in range(len(pages)) if i not in docs and stamp(pages[i]) is not None]
check("no sheet number on the cover, the Mục lục or the Chứng từ", not others, "pages %s" % others)
sheets = len([s for s in stamps if s])
toc_pages = first_doc - toc[0]
toc_sheets = (toc_pages + 1) // 2 if two else toc_pages

def cover_has(s):
    return nfc(s) in cover
def date_words(d):
    m = "%02d" % d.month if d.month <= 2 else str(d.month)
    return "ngày %02d tháng %s năm %d" % (d.day, m, d.year)
span = "Từ %s đến %s" % (date_words(vol["from"]), date_words(vol["to"]))
for label, s in [("body", vol.get("unit", "").upper()), ("HỒ SƠ", "HỒ SƠ"), ("dates", span),
                 ("Gồm … tờ", "Gồm %d tờ" % sheets),
                 ("retention", "Thời hạn bảo quản: %s" % vol["retention"]),
                 ("Phông số / Mục lục số / Hồ sơ số", "Phông số Mục lục số Hồ sơ số")]:
    check("cover: " + label, cover_has(s), "want %r in %r" % (s, cover[:300]))
title_words = nfc(vol["title"]).split()
check("cover: the file's title", " ".join(title_words) in cover, cover[:300])
# "HỒ SƠ" is the largest line of the cover
sizes = {w[4]: w[3] - w[1] for w in pages[0][2]}
check("cover: HỒ SƠ largest", sizes.get("HỒ", 0) >= max(sizes.values()) - 0.01, str(sizes.get("HỒ")))

heads = ["STT", "Số, ký hiệu văn bản", "Ngày tháng năm văn bản",
         "Tên loại và trích yếu nội dung văn bản", "Tác giả văn bản", "Tờ số/ Trang số", "Ghi chú"]
for i in range(toc[0], first_doc):
    if not texts[i].strip():
        continue
    row = [l for l in lines(pages[i][2]) if [w[4] for w in l] == ["(%d)" % k for k in range(1, 8)]]
    check("Mục lục page %d: the numbered row (1)…(7)" % (i + 1), len(row) == 1, texts[i][:200])
    # every header's words appear, column by column, above the numbered row
    if row:
        xs = [(w[0] + w[2]) / 2 for w in row[0]]
        bounds = [0] + [(xs[k] + xs[k + 1]) / 2 for k in range(6)] + [1e9]
        above = [w for w in pages[i][2] if w[3] < row[0][0][1]]
        cols = [" ".join(w[4] for l in lines([w for w in above if bounds[k] <= (w[0] + w[2]) / 2 < bounds[k + 1]])
                         for w in l) for k in range(7)]
        cols = [c.split("Năm")[-1].strip() if k == 0 else c for k, c in enumerate(cols)]
        ok = all(c.endswith(h) for c, h in zip(cols, heads))
        check("Mục lục page %d: the 7 columns in ND30's order" % (i + 1), ok, str(cols))

# Tờ số: column (6) of each row is the sheet its document starts on
first = lines(pages[toc[0]][2])
num_row = [l for l in first if [w[4] for w in l] == ["(%d)" % k for k in range(1, 8)]]
starts = []
if num_row:
    xs = [(w[0] + w[2]) / 2 for w in num_row[0]]
    lo, hi = (xs[4] + xs[5]) / 2, (xs[5] + xs[6]) / 2
    for i in range(toc[0], first_doc):
        for w in sorted(pages[i][2], key=lambda w: w[1]):
            if lo <= (w[0] + w[2]) / 2 < hi and w[4].isdigit() and w[1] > num_row[0][0][3] - (0 if i == toc[0] else 1e9):
                if i == toc[0] or w[1] > 100:
                    starts.append(int(w[4]))
n_docs = len(starts)
sheet_page = {stamp(pages[i]): i for i in docs if stamp(pages[i])}
# a document starts where the previous one ends; every start is a stamped page
prev_ok = all(s in sheet_page for s in starts) and starts == sorted(starts) and starts[:1] == [1]
check("Mục lục: Tờ số of %d rows are sheets that exist, from 1, in order" % n_docs, prev_ok, str(starts))
# each vanban document's page carrying its number is the sheet the row names
for d in vol["documents"]:
    if "scan" in d:
        continue
for i, s in enumerate(starts):
    p = sheet_page.get(s)
    if p is None:
        continue
    t = texts[p]
    is_scan = t.strip() == str(s)  # an image page carries no text but its number
    starts_doc = is_scan or "Số" in t.split("CỘNG HÒA")[0] + t.split("ĐẢNG CỘNG SẢN")[0]
    check("Mục lục row %d: sheet %d starts a document" % (i + 1, s), starts_doc, t[:160])

# bookmarks (qpdf --json): cover, Mục lục, one per document at its first sheet, Chứng từ
js = __import__("json").loads(subprocess.run(["qpdf", "--json", "--json-key=outlines", "--json-key=pagelabels", pdf],
                                             capture_output=True, text=True).stdout)
top = [(o["title"], o["destpageposfrom1"] - 1) for o in js["outlines"]]
want_top = [("Bìa hồ sơ", 0), ("Mục lục văn bản, tài liệu", toc[0])]
check("bookmarks: cover and Mục lục", top[:2] == want_top, str(top[:2]))
check("bookmarks: Chứng từ kết thúc last", top[-1:] == [("Chứng từ kết thúc", end[-1])], str(top[-1:]))
docs_bm = top[2:-1]
check("bookmarks: one per document, at the sheet its Tờ số names",
      [p for _, p in docs_bm] == [sheet_page.get(s) for s in starts] and
      all(t.startswith("%d. " % (i + 1)) for i, (t, _) in enumerate(docs_bm)), "%s vs %s" % (docs_bm, starts))
labels = {l["index"]: l["label"] for l in js["pagelabels"]}
lab_ok = labels.get(0, {}).get("/P") == "u:Bìa" and labels.get(toc[0], {}).get("/P") == "u:Mục lục " and \
    labels.get(end[-1], {}).get("/P") == "u:Chứng từ kết thúc"
if not two:
    lab_ok = lab_ok and all(labels.get(sheet_page[s], {}).get("/St") == s and labels[sheet_page[s]].get("/S") == "/D"
                            for s in starts if s in sheet_page)
else:
    lab_ok = lab_ok and all(labels.get(sheet_page[s], {}).get("/P") == "u:Tờ %d" % s for s in starts if s in sheet_page)
check("page labels: Bìa, Mục lục, the sheets, Chứng từ kết thúc", lab_ok, str(labels)[:400])

e = texts[end[-1]]
check("Chứng từ: sheets in digits", "Hồ sơ này gồm có: %d tờ." % sheets in e, e[:300])
check("Chứng từ: sheets in words", "Viết bằng chữ: %s tờ." % words_vi(sheets) in e, e[:300])
check("Chứng từ: the Mục lục's sheets", "Mục lục văn bản có: %d tờ." % toc_sheets in e, e[:300])
check("Chứng từ: the compiler", nfc(vol["compiler"]) in e, e[-200:])
print("\n".join(results))
