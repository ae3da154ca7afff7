# Images: PNG and JPEG emblems, signatures and seals are decoded (libpng,
# libjpeg-turbo) before the PDF writer sees them. A damaged, truncated,
# huge or unsupported image is one input error at its key naming the file
# and what is wrong, exit 2, no PDF, and check says the same. Good ones are
# compressed (soft masks too), JPEGs pass through, and a print file embeds
# each picture once.
. tests/e2e/lib.sh
D=$OUT/images
rm -rf "$D" && mkdir -p "$D"
$PY - "$D" <<'PYEOF'
import struct, sys, zlib
d = sys.argv[1]
def chunk(t, data): return struct.pack(">I", len(data)) + t + data + struct.pack(">I", zlib.crc32(t + data) & 0xffffffff)
def png(w, h, rgba, filter_byte=0, ihdr=None):
    raw = b"".join(bytes([filter_byte]) + b"".join(bytes(rgba(x, y)) for x in range(w)) for y in range(h))
    hdr = ihdr or (w, h)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", hdr[0], hdr[1], 8, 6, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
def put(name, data): open(d + "/" + name, "wb").write(data)
emblem = png(60, 34, lambda x, y: (200, 30, 30, 255))
signature = png(100, 60, lambda x, y: (20, 40, 200, 255 if abs(y - 30 - (x % 20 - 10)) < 3 else 0))
seal = png(72, 72, lambda x, y: (220, 20, 20, 200 if (x - 36) ** 2 + (y - 36) ** 2 < 34 ** 2 else 0))
put("emblem.png", emblem); put("signature.png", signature); put("seal.png", seal)
put("bad-filter.png", png(8, 8, lambda x, y: (1, 2, 3, 255), filter_byte=7))
bad_crc = bytearray(seal); i = bad_crc.index(b"IDAT"); n = struct.unpack(">I", bad_crc[i - 4:i])[0]
bad_crc[i + 4 + n] ^= 0xFF; put("bad-crc.png", bytes(bad_crc))
put("truncated.png", seal[:len(seal) // 2])
put("huge.png", png(4, 4, lambda x, y: (0, 0, 0, 255), ihdr=(20000, 20000)))
put("not-an-image.png", b"GIF89a\x01\x00\x01\x00")
sig_jpg = open("tests/images/signature.jpg", "rb").read()
put("signature.jpg", sig_jpg)
put("truncated.jpg", sig_jpg[:len(sig_jpg) // 2])
PYEOF
cp tests/images/seal-cmyk.jpg tests/images/grey-progressive.jpg "$D/"
printf 'STT;Họ và tên;Chức vụ;Đơn vị\n1;Nguyễn Văn An;Giảng viên;Khoa Dân vận\n2;Lê Thị Ba;Chuyên viên;Khoa Lý luận cơ sở\n3;Trần Văn Cư;Giảng viên;Khoa Nhà nước và Pháp luật\n' > "$D/list.csv"
# the certificates of tests/bad/csv-broken.yaml's decision with these images
yaml_with() { # EMBLEM SIGNATURE SEAL
	sed -e 's/csv-broken.csv/list.csv/' -e '/collective: tập thể/d' -e '/^# /d' tests/bad/csv-broken.yaml |
		sed -e "s/^    list:/    certificate_layout: certificate-a4\n    emblem: $1\n    list:/" \
		    -e "s/^    signer: {\(.*\)}\$/    signer: {\1, signature: $2, seal: $3}/"
}

# case NAME EMBLEM SIGNATURE SEAL MESSAGE: render and check print exactly
# MESSAGE (@ = the YAML), exit 2, and render leaves no PDF at all
case_() {
	name=$1 want=$5
	yaml_with "$2" "$3" "$4" > "$D/$name.yaml"
	exp=$(printf '%s' "$want" | sed "s#@#$D/$name.yaml#")
	for cmd in render check; do
		o=; [ $cmd = render ] && o="-o $D/out-$name"
		timeout 30 $VANBAN $cmd $o "$D/$name.yaml" >/dev/null 2>"$D/$name.$cmd.err"
		s=$?
		if [ "$s" != 2 ]; then
			notok "images: $name ($cmd) exit status" "got $s, want 2" "$(head -2 "$D/$name.$cmd.err")"
		elif [ "$(cat "$D/$name.$cmd.err")" != "$exp" ]; then
			notok "images: $name ($cmd) message" "got: $(head -2 "$D/$name.$cmd.err")" "want: $exp"
		elif ls "$D/out-$name"/*.pdf >/dev/null 2>&1; then
			notok "images: $name ($cmd) left a PDF"
		else
			ok "images: $name ($cmd)"
		fi
	done
}
S='vanban: @:12:88: error: the seal'
case_ bad-filter emblem.png signature.png bad-filter.png "$S \"bad-filter.png\" is a damaged PNG image (bad adaptive filter value)"
case_ bad-crc emblem.png signature.png bad-crc.png "$S \"bad-crc.png\" is a damaged PNG image (IDAT: CRC error)"
case_ truncated emblem.png signature.png truncated.png "$S \"truncated.png\" is a damaged PNG image (the file ends early)"
case_ huge-ihdr emblem.png signature.png huge.png "$S \"huge.png\" is 20000 x 20000 pixels: an image may have at most 25 megapixels (64 MB decoded); scale it down"
case_ unsupported emblem.png signature.png not-an-image.png "$S \"not-an-image.png\" is not a PNG or JPEG image"
case_ truncated-jpeg emblem.png truncated.jpg seal.png "vanban: @:12:67: error: the signature \"truncated.jpg\" is a damaged JPEG image (Premature end of JPEG file)"
case_ cmyk-jpeg emblem.png signature.png seal-cmyk.jpg "$S \"seal-cmyk.jpg\" is a CMYK JPEG, which PDF readers show in wrong colours: save it as RGB"
# every bad image of a file is reported, each at its own key
case_ three-bad huge.png truncated.jpg bad-crc.png "vanban: @:14:13: error: the emblem \"huge.png\" is 20000 x 20000 pixels: an image may have at most 25 megapixels (64 MB decoded); scale it down
vanban: @:12:67: error: the signature \"truncated.jpg\" is a damaged JPEG image (Premature end of JPEG file)
$S \"bad-crc.png\" is a damaged PNG image (IDAT: CRC error)"

# --- good images ------------------------------------------------------------
yaml_with emblem.png signature.png seal.png > "$D/good.yaml"
$VANBAN render -o "$D/good" "$D/good.yaml" 2>"$D/good.err"
check "images: three small PNGs render, exit 0" test $? = 0 -a ! -s "$D/good.err"
one=$(ls "$D"/good/giay-khen-15-QD-TCT-01-*.pdf)
check "images: a certificate with three small PNGs is at most 25 KB" test "$(wc -c < "$one")" -le 25600
check "images: it passes qpdf --check" qpdf_ok "$one"
check "images: every image stream is compressed, soft masks too" $PY - "$one" <<'PYEOF'
import re, sys
pdf = open(sys.argv[1], "rb").read()
dicts = re.findall(rb"<<((?:(?!>>).)*?/Subtype /Image(?:(?!>>).)*)>>", pdf, re.S)
masks = [d for d in dicts if b"/DeviceGray" in d]
bad = [d for d in dicts if b"/FlateDecode" not in d]
print(len(dicts), "images,", len(masks), "masks,", len(bad), "uncompressed")
# emblem opaque: no mask; signature and seal: a mask each
sys.exit(0 if len(dicts) == 5 and len(masks) == 2 and not bad else 1)
PYEOF
print=$(ls "$D"/good/giay-khen-15-QD-TCT-ban-in.pdf)
check "images: the print file of 3 certificates embeds each picture once" $PY - "$print" <<'PYEOF'
import re, subprocess, sys
out = subprocess.run(["pdfimages", "-list", sys.argv[1]], capture_output=True, text=True).stdout.splitlines()[2:]
pages = {l.split()[0] for l in out}
objs = {l.split()[10] for l in out}
print(len(out), "image uses on", len(pages), "pages;", len(objs), "objects")
# emblem, signature (+ mask), seal (+ mask) on each page: three objects in all
sys.exit(0 if len(out) == 15 and len(pages) == 3 and len(objs) == 3 else 1)
PYEOF
check "images: the seal is drawn with its transparency" sh -c "mutool draw -q -F trace -o - '$one' | grep -q '<fill_image.*'"

# PDF/A-1 allows no transparency: with --pdfa the masked PNGs are
# flattened onto white, no soft mask is left and Preflight passes.
$VANBAN render --pdfa -o "$D/pdfa" "$D/good.yaml" 2>"$D/pdfa.err"
check "images: --pdfa renders the certificates with PNGs, exit 0" test $? = 0 -a ! -s "$D/pdfa.err"
a=$(ls "$D"/pdfa/giay-khen-15-QD-TCT-01-*.pdf)
check "images: --pdfa leaves no soft mask" sh -c "! qpdf --qdf --object-streams=disable '$a' - | grep -aq /SMask"
check "images: --pdfa certificate with PNGs is valid PDF/A-1b (Preflight)" pdfa_ok "$a"

# JPEGs are accepted and embedded as they are (DCTDecode)
yaml_with grey-progressive.jpg signature.jpg seal.png > "$D/jpeg.yaml"
$VANBAN render -o "$D/jpeg" "$D/jpeg.yaml" 2>"$D/jpeg.err"
check "images: JPEG signature and progressive grey emblem render, exit 0" test $? = 0 -a ! -s "$D/jpeg.err"
j=$(ls "$D"/jpeg/giay-khen-15-QD-TCT-01-*.pdf)
check "images: a JPEG is passed through byte for byte" $PY - "$j" "$D/signature.jpg" "$D/grey-progressive.jpg" <<'PYEOF'
import sys
pdf = open(sys.argv[1], "rb").read()
ok = all(open(f, "rb").read() in pdf for f in sys.argv[2:]) and pdf.count(b"/DCTDecode") == 2
sys.exit(0 if ok else 1)
PYEOF
check "images: the JPEG PDF passes qpdf --check" qpdf_ok "$j"
check "images: mutool draws the JPEG PDF without errors" sh -c "! mutool draw -q -o /dev/null '$j' 2>&1 | grep -q error"
