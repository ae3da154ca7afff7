# Archival copies: every volume of input/ and a decision rendered with
# --pdfa are valid PDF/A-1b for PDFBox Preflight, with XMP metadata that
# matches the Info dictionary (Vietnamese title, SOURCE_DATE_EPOCH dates),
# an sRGB output intent and CIDSets; every output is PDF 1.4 or later.
. tests/e2e/lib.sh
D=$OUT/pdfa
rm -rf "$D"; mkdir -p "$D"
export SOURCE_DATE_EPOCH=1609459200
if ! $VANBAN render --pdfa -o "$D/dec" input/tct-2020-khen-thuong.yaml 2>"$D/dec.err"; then
	notok "pdfa: --pdfa render" "$(head -3 "$D/dec.err")"; exit 0
fi
Q="$D/dec/quyet-dinh-15-QD-TCT.pdf"
check "pdfa: a decision rendered with --pdfa is valid PDF/A-1b (Preflight)" pdfa_ok "$Q"
check "pdfa: a --pdfa certificate print file is valid PDF/A-1b" pdfa_ok "$D/dec/giay-khen-15-QD-TCT-ban-in.pdf"
qpdf --qdf --object-streams=disable "$Q" "$D/q.qdf"
check "pdfa: XMP says part 1, conformance B, the Vietnamese title, the epoch's date" $PY - "$D/q.qdf" <<'PYEOF'
import re, sys
pdf = open(sys.argv[1], "rb").read()
m = re.search(rb"<x:xmpmeta.*?</x:xmpmeta>", pdf, re.S)
x = m.group(0).decode("utf-8") if m else ""
need = ["<pdfaid:part>1</pdfaid:part>", "<pdfaid:conformance>B</pdfaid:conformance>",
        "<rdf:li xml:lang=\"x-default\">Quyết định", "<xmp:CreateDate>2021-01-01T00:00:00+00:00</xmp:CreateDate>"]
bad = [n for n in need if n not in x]
bad += [] if b"/GTS_PDFA1" in pdf and b"/DestOutputProfile" in pdf else ["output intent"]
bad += [] if pdf.count(b"/CIDSet") >= 2 else ["CIDSet"]
bad += [] if b"/CreationDate (D:20210101000000+00'00')" in pdf else ["Info date"]
print("missing:", bad) if bad else None
sys.exit(1 if bad else 0)
PYEOF
check "pdfa: fonts embedded and subset, with ToUnicode" fonts_ok "$Q"
check "pdfa: qpdf --check" qpdf_ok "$Q"
check "pdfa: Ghostscript txtwrite reads the --pdfa decision" sh -c \
	"gs -q -sDEVICE=txtwrite -o - '$Q' | grep -q 'TỈNH ỦY AN GIANG'"
$VANBAN render --pdfa -o "$D/again" input/tct-2020-khen-thuong.yaml 2>/dev/null
check "pdfa: byte-identical on a second run (the /ID follows the content)" cmp "$Q" "$D/again/quyet-dinh-15-QD-TCT.pdf"

# every volume in input/ (the year's records render them all)
for y in input/ho-so-*.yaml; do
	n=$(basename "$y" .yaml)
	if ! $VANBAN render -o "$D/$n" "$y" 2>"$D/$n.err"; then
		notok "pdfa: $n renders" "$(head -3 "$D/$n.err")"; continue
	fi
	for p in "$D/$n"/*.pdf; do
		check "pdfa: volume $(basename "$p") is valid PDF/A-1b (Preflight)" pdfa_ok "$p"
	done
done

# --pdfa on the other kinds: minutes, the Danh mục hồ sơ, the Mục lục nộp lưu
$VANBAN render --pdfa -o "$D/kinds" input/tct-2020.yaml input/danh-muc-ho-so-2020.yaml >/dev/null 2>"$D/kinds.err"
for p in "$D"/kinds/*.pdf; do
	case $(basename "$p") in ho-so-*) continue;; esac # the volumes are checked above
	check "pdfa: --pdfa $(basename "$p") is valid PDF/A-1b (Preflight)" pdfa_ok "$p"
done

# PDF 1.4 or later for every output of a plain run too
$VANBAN render -o "$D/plain" input/tct-2020.yaml 2>/dev/null
check "pdfa: every output of a plain run is PDF 1.4 or later" sh -c '
	n=0; for f in "$1"/*.pdf; do n=$((n+1))
		v=$(pdfinfo "$f" | sed -n "s/^PDF version: *//p")
		case "$v" in 1.[4-7]|2.*) ;; *) echo "$f: $v"; exit 1;; esac
	done; [ $n -gt 0 ]' sh "$D/plain"
