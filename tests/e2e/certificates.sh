# Certificates (Giấy khen), checked from the PDFs: the seed's 37, text in
# its boxes, blank mode, the printer offset, hostile names, CSV input and
# the calibration sheet.
. tests/e2e/lib.sh
D=$OUT/cert
rm -rf "$D"; mkdir -p "$D"

# --- the seed: decision 15 has 37 recipients and certificate-a4 ----------
S=$D/seed
if ! $VANBAN render -o "$S" input/tct-2020-khen-thuong.yaml 2>"$D/seed.err"; then
	notok "certificates: seed renders" "$(head -3 "$D/seed.err")"
else
	ok "certificates: seed renders"
fi
n=$(ls "$S"/giay-khen-15-QD-TCT-[0-9]*.pdf 2>/dev/null | wc -l)
check "certificates: 37 files for decision 15" test "$n" = 37
P=$S/giay-khen-15-QD-TCT-ban-in.pdf
check "certificates: print file has 37 pages" sh -c "pdfinfo '$P' | grep -q '^Pages: *37\$'"
check "certificates: print file qpdf --check" qpdf_ok "$P"
check "certificates: fonts embedded, subset, ToUnicode" fonts_ok "$P"
check "certificates: manifest kinds" sh -c "test \$(grep -c '^certificate	' '$S/manifest.tsv') = 37 && test \$(grep -c '^certificates-print	' '$S/manifest.tsv') = 1"
check "certificates: each file has its name and the decision number" $PY - "$S" input/tct-2020-khen-thuong.yaml <<'PYEOF'
import sys, os, re, subprocess, unicodedata, yaml
d = sys.argv[1]
doc = yaml.safe_load(open(sys.argv[2], encoding="utf-8"))
names = {r["name"] for r in doc["decisions"][0]["list"]["recipients"]}
bad, seen = [], set()
for f in sorted(os.listdir(d)):
    if not re.match(r"giay-khen-15-QD-TCT-\d\d-.*\.pdf$", f): continue
    t = unicodedata.normalize("NFC", subprocess.run(["pdftotext", "-enc", "UTF-8", os.path.join(d, f), "-"],
        capture_output=True, text=True).stdout)
    t = re.sub(r"\s+", " ", t)
    who = [n for n in names if n in t]
    if len(who) != 1 or "15/QĐ-TCT" not in t: bad.append(f)
    seen.update(who)
if bad or seen != names: print("bad:", bad[:3], "missing:", list(names - seen)[:3]); sys.exit(1)
PYEOF
check "certificates: print pages in list order, none blank" $PY - "$S" <<'PYEOF'
import sys, os, re, subprocess
d = sys.argv[1]
files = sorted(f for f in os.listdir(d) if re.match(r"giay-khen-15-QD-TCT-\d\d-", f))
pages = subprocess.run(["pdftotext", "-enc", "UTF-8", os.path.join(d, "giay-khen-15-QD-TCT-ban-in.pdf"), "-"],
    capture_output=True, text=True).stdout.split("\f")
pages = [p for p in pages if p.strip()]
for f, p in zip(files, pages):
    one = subprocess.run(["pdftotext", "-enc", "UTF-8", os.path.join(d, f), "-"], capture_output=True, text=True).stdout
    if one.replace("\f", "").strip() != p.strip(): print("differs:", f); sys.exit(1)
sys.exit(0 if len(pages) == len(files) == 37 else 1)
PYEOF

# --- fit to the box: a 60-character name, a 300-character achievement ----
L=$D/long
$VANBAN render -o "$L" tests/cert/long.yaml 2>"$D/long.err" >"$D/long.out"
check "certificates: the shrunk name is a note folded into the summary's count" sh -c \
	"! grep -q 'note: certificate 01' '$D/long.err' && grep -q 'notes\\? not shown (-v shows' '$D/long.out'"
$VANBAN render -v -o "$L" tests/cert/long.yaml 2>"$D/long.err" >/dev/null
check "certificates: with -v the long name is reported as shrunk" grep -q "note: certificate 01 .*name at" "$D/long.err"
pdftotext -bbox "$(ls "$L"/giay-khen-21-*-01-*.pdf)" "$D/long.html" 2>/dev/null
check "certificates: long name and achievement inside their boxes" $PY - "$D/long.html" tests/cert/long.yaml <<'PYEOF'
import sys, re, yaml
html = open(sys.argv[1], encoding="utf-8").read()
r = yaml.safe_load(open(sys.argv[2], encoding="utf-8"))["decisions"][0]["list"]["recipients"][0]
words = [(w, float(a), float(b), float(c), float(e)) for a, b, c, e, w in re.findall(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', html)]
mm = 72 / 25.4
def inside(text, x, y, w, h):
    want = text.split()
    got = [wd for wd in words if y * mm - 20 < wd[2] < (y + h) * mm + 5 and wd[0] in want]
    if len(got) < len(want): print("missing words of", text[:20], len(got), len(want)); return False
    out = [wd for wd in got if wd[1] < x * mm - 0.1 or wd[3] > (x + w) * mm + 0.1 or
           wd[2] < y * mm - 0.1 or wd[4] > (y + h) * mm + 0.1]
    if out: print("outside", text[:20], out[:3]); return False
    return True
ok = inside(r["name"], 30, 80, 237, 15) & inside(r["achievement"], 30, 106, 237, 24)
sys.exit(0 if ok else 1)
PYEOF

# --- blank mode: only the variable fields; the printer profile moves them -
H=$D/home
mkdir -p "$H/layouts"
ln -s "$(pwd)/fonts" "$H/fonts"
cp layouts/*.yaml "$H/layouts/"
sed 's/certificate_layout: certificate-a4/certificate_layout: certificate-blank/' tests/cert/long.yaml > "$D/blank.yaml"
VANBAN_HOME=$H $VANBAN render -o "$D/blank0" "$D/blank.yaml" 2>/dev/null
printf 'offset_x: 2.0\noffset_y: -1.5\n' > "$H/layouts/printer-office.yaml"
VANBAN_HOME=$H $VANBAN render -o "$D/blank1" "$D/blank.yaml" 2>/dev/null
B0=$(ls "$D"/blank0/giay-khen-21-*-01-*.pdf); B1=$(ls "$D"/blank1/giay-khen-21-*-01-*.pdf)
check "certificates: blank mode has no pre-printed words, every variable field" $PY - "$B0" tests/cert/long.yaml <<'PYEOF'
import sys, re, subprocess, yaml
t = re.sub(r"\s+", " ", subprocess.run(["pdftotext", "-enc", "UTF-8", sys.argv[1], "-"], capture_output=True, text=True).stdout)
d = yaml.safe_load(open(sys.argv[2], encoding="utf-8"))["decisions"][0]
r = d["list"]["recipients"][0]
gone = [w for w in ["CỘNG HÒA", "Độc lập", "Tặng", "GIẤY KHEN"] if w in t]
kept = [r["name"], r["position"] + ", " + r["unit"], r["achievement"], "21/QĐ-TCT", "ngày 30 tháng 12 năm 2020",
        "An Giang, ngày 30 tháng 12 năm 2020", "HIỆU TRƯỞNG", "Hồ Ngọc Trường", d["authority"]]
missing = [k for k in kept if k not in t]
if gone or missing: print("pre-printed:", gone, "missing:", missing); sys.exit(1)
PYEOF
pdftotext -bbox "$B0" "$D/b0.html" 2>/dev/null; pdftotext -bbox "$B1" "$D/b1.html" 2>/dev/null
check "certificates: printer offset (+2.0, -1.5) mm moves every field exactly" $PY - "$D/b0.html" "$D/b1.html" <<'PYEOF'
import sys, re
def boxes(p):
    return [(w, float(a), float(b)) for a, b, w in re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)</word>', open(p, encoding="utf-8").read())]
a, b = boxes(sys.argv[1]), boxes(sys.argv[2])
dx, dy = 2.0 * 72 / 25.4, -1.5 * 72 / 25.4
bad = [(p, q) for p, q in zip(a, b) if p[0] != q[0] or abs(q[1] - p[1] - dx) > 0.1 or abs(q[2] - p[2] - dy) > 0.1]
print(len(a), "words")
sys.exit(0 if a and len(a) == len(b) and not bad else 1)
PYEOF

# --- hostile names: inside the folder, distinct, nothing replaced ---------
X=$D/hostile
mkdir -p "$X"
$VANBAN render -o "$X/out" tests/cert/hostile.yaml 2>"$D/hostile.err"
check "certificates: hostile names stay in the folder, one file each" $PY - "$X" <<'PYEOF'
import sys, os
root = sys.argv[1]
files = [os.path.relpath(os.path.join(dp, f), root) for dp, dn, fn in os.walk(root) for f in fn]
outside = [f for f in files if not f.startswith("out/")]
cert = [f for f in files if f.startswith("out/giay-khen-22-QD-TCT-0")]
reserved = [f for f in cert if os.path.basename(f).split("-")[-1].split(".")[0].upper() in ("CON", "NUL")]
man = open(os.path.join(root, "out", "manifest.tsv"), encoding="utf-8").read().splitlines()[1:]
listed = sorted(l.split("\t")[2] for l in man if l.startswith("certificate\t"))
ok = not outside and len(cert) == 7 and not reserved and listed == sorted(os.path.basename(f) for f in cert)
print(outside, len(cert), reserved)
sys.exit(0 if ok else 1)
PYEOF

# --- recipients from CSV: BOM, semicolons, quotes, a value over two lines -
mkdir -p "$D/csv"
printf '\357\273\277STT;Họ và tên;Chức vụ;Đơn vị\r\n1;Nguyễn Văn An;Giảng viên;"Khoa Dân vận; Phòng A"\r\n2;"Lê Thị ""Bé"" Ba";Chuyên viên;Khoa Lý luận cơ sở\r\n' > "$D/csv/list.csv"
sed -e 's/csv-broken.csv/list.csv/' -e '/collective: tập thể/d' -e '/^# /d' tests/bad/csv-broken.yaml |
	sed 's/^    list:/    certificate_layout: certificate-a4\n    list:/' > "$D/csv/d.yaml"
$VANBAN render -o "$D/csv/out" "$D/csv/d.yaml" 2>"$D/csv.err"
check "certificates: CSV with BOM and semicolons" sh -c "ls '$D'/csv/out/giay-khen-15-QD-TCT-0[12]-*.pdf | wc -l | grep -qx 2 && pdftotext '$D/csv/out/giay-khen-15-QD-TCT-ban-in.pdf' - | grep -q 'Lê Thị \"Bé\" Ba'"

# A certificate's bytes depend on nothing but its own record: the first
# recipient alone gives the same file as in the two-recipient batch.
mkdir -p "$D/csv1"
sed -n '1,2p' "$D/csv/list.csv" > "$D/csv1/list.csv"
cp "$D/csv/d.yaml" "$D/csv1/d.yaml"
$VANBAN render -o "$D/csv1/out" "$D/csv1/d.yaml" 2>"$D/csv1.err"
check "certificates: a file does not depend on the others in its batch" \
	cmp "$D"/csv/out/giay-khen-15-QD-TCT-01-*.pdf "$D"/csv1/out/giay-khen-15-QD-TCT-01-*.pdf

# --- calibration sheet ----------------------------------------------------
$VANBAN calibrate -o "$D/cal" certificate-blank 2>"$D/cal.err"
check "certificates: calibration sheet labels every field" $PY - "$D/cal/calibrate-certificate-blank.pdf" <<'PYEOF'
import sys, subprocess
t = subprocess.run(["pdftotext", "-enc", "UTF-8", sys.argv[1], "-"], capture_output=True, text=True).stdout
ids = ["authority", "name", "position_unit", "achievement", "date_line", "signer_title", "signer_name", "decision", "decision_date"]
missing = [i for i in ids if i + " (" not in t]
print("missing", missing) if missing else None
sys.exit(1 if missing else 0)
PYEOF

# --- emblem, signature and seal PNGs (with transparency) ------------------
mkdir -p "$D/png"
$PY - "$D/png" <<'PYEOF'
import struct, sys, zlib
def png(path, w, h, rgba):
    raw = b"".join(b"\0" + b"".join(bytes(rgba(x, y)) for x in range(w)) for y in range(h))
    def chunk(t, d): return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
    open(path, "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 6, 0, 0, 0))
                           + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
d = sys.argv[1]
png(d + "/emblem.png", 60, 34, lambda x, y: (200, 30, 30, 255))
png(d + "/signature.png", 100, 60, lambda x, y: (20, 40, 200, 255 if abs(y - 30 - (x % 20 - 10)) < 3 else 0))
png(d + "/seal.png", 72, 72, lambda x, y: (220, 20, 20, 200 if (x - 36) ** 2 + (y - 36) ** 2 < 34 ** 2 else 0))
PYEOF
sed -e 's/csv-broken.csv/list.csv/' -e '/collective: tập thể/d' -e '/^# /d' tests/bad/csv-broken.yaml |
	sed -e 's/^    list:/    certificate_layout: certificate-a4\n    emblem: emblem.png\n    list:/' \
	    -e 's/^    signer: {\(.*\)}$/    signer: {\1, signature: signature.png, seal: seal.png}/' > "$D/png/d.yaml"
cp "$D/csv/list.csv" "$D/png/"
$VANBAN render -o "$D/png/out" "$D/png/d.yaml" 2>"$D/png.err"
check "certificates: emblem, signature and seal drawn, the seal over the signature's left third" $PY - "$D"/png/out/giay-khen-15-QD-TCT-01-*.pdf layouts/certificate-a4.yaml <<'PYEOF'
import re, subprocess, sys, yaml
t = subprocess.run(["mutool", "draw", "-q", "-F", "trace", "-o", "-", sys.argv[1]], capture_output=True, text=True).stdout
imgs = [tuple(map(float, m.group(1).split())) for m in re.finditer(r'<fill_image[^>]*transform="([^"]*)"', t)]
lay = yaml.safe_load(open(sys.argv[2]))
MM = 72 / 25.4
H = 595.276
def box(k):  # layout box in mm from the top-left -> (x0, x1, width) in pt
    b = lay[k]; return b["x"] * MM, (b["x"] + b["w"]) * MM
if len(imgs) != 3: print("images", imgs); sys.exit(1)
# draw order: emblem, signature, seal (the seal lies on top)
(ea, _, _, ed, ex, ey), (sa, _, _, sd, sx, sy), (ka, _, _, kd, kx, ky) = imgs
sig_x0, sig_x1 = sx, sx + sa
seal_x0, seal_x1 = kx, kx + ka
ok = seal_x0 < sig_x0 + 1 and sig_x0 < seal_x1 <= sig_x0 + (sig_x1 - sig_x0) * 0.5 + 1
ok = ok and abs(sx - box("signature")[0]) < 1 + (box("signature")[1] - box("signature")[0] - sa) / 2
if not ok: print("signature", sig_x0, sig_x1, "seal", seal_x0, seal_x1, imgs); sys.exit(1)
PYEOF
check "certificates: PDF with images passes qpdf --check" qpdf_ok "$(ls "$D"/png/out/giay-khen-15-QD-TCT-01-*.pdf)"

# docs/rules.md §7.27: the authority and "GIẤY KHEN" are red; all other text is black.
check "certificates: only the authority and GIẤY KHEN are red" $PY - "$(ls "$D"/png/out/giay-khen-15-QD-TCT-01-*.pdf)" <<'PYEOF'
import sys
sys.path.insert(0, "tests/e2e")
from pdfprobe import pages
lines = pages(sys.argv[1])[0]["lines"]
black = ("0", "0 0 0", "#000000")
red = [l for l in lines if l.color not in black]
texts = sorted(l.text for l in red)
ok = texts and all(t in ("GIẤY KHEN", "HIỆU TRƯỞNG TRƯỜNG CHÍNH TRỊ TÔN ĐỨC THẮNG") for t in texts) \
    and len({l.color for l in red}) == 1 and "GIẤY KHEN" in texts
r, g, b = map(float, red[0].color.split()) if red else (0, 0, 0)
ok = ok and r > 0.6 and g < 0.2 and b < 0.3
print(texts, {l.color for l in red}) if not ok else None
sys.exit(0 if ok else 1)
PYEOF

# The one-face compact layout keeps every certificate under 12 KB.
mkdir -p "$D/compact"
sed 's/certificate_layout: certificate-a4$/certificate_layout: certificate-a4-compact/' input/tct-2020-khen-thuong.yaml > "$D/compact/k.yaml"
$VANBAN render -o "$D/compact/out" "$D/compact/k.yaml" 2>"$D/compact.err"
check "certificates: compact layout, 37 files of one embedded face, each under 12 KB" $PY - "$D/compact/out" <<'PYEOF'
import os, subprocess, sys
d = sys.argv[1]
files = [f for f in os.listdir(d) if f.startswith("giay-khen") and not f.endswith("ban-in.pdf")]
big = [(f, os.path.getsize(os.path.join(d, f))) for f in files if os.path.getsize(os.path.join(d, f)) > 12 * 1024]
fonts = subprocess.run(["pdffonts", os.path.join(d, files[0])], capture_output=True, text=True).stdout.splitlines()[2:]
print(len(files), big[:3], fonts) if len(files) != 37 or big or len(fonts) != 1 else None
sys.exit(0 if len(files) == 37 and not big and len(fonts) == 1 else 1)
PYEOF
