# Hồ sơ volumes (input/ho-so-*.yaml), checked from the PDFs: cover, Mục lục
# văn bản, sheet numbers, Chứng từ kết thúc (volume_probe.py), the scans'
# pages present and unchanged, and a Mục lục long enough to need two pages.
. tests/e2e/lib.sh
D=$OUT/volume
rm -rf "$D"; mkdir -p "$D"
V1=input/ho-so-01-hoi-nghi-vien-chuc-2020.yaml
V2=input/ho-so-02-van-thu-luu-tru-2020.yaml
if ! $VANBAN render -o "$D/out" $V1 $V2 2>"$D/stderr"; then
	notok "volume render" "$(cat "$D/stderr")"; exit 0
fi
check "volume render without warnings" test ! -s "$D/stderr"
P1=$(ls "$D"/out/ho-so-01-*.pdf) P2=$(ls "$D"/out/ho-so-02-*.pdf)
for p in "$P1" "$P2"; do
	check "volume $(basename "$p") qpdf --check" qpdf_ok "$p"
	check "volume $(basename "$p") fonts embedded" fonts_ok "$p"
done
$PY tests/e2e/volume_probe.py "$P1" $V1
$PY tests/e2e/volume_probe.py "$P2" $V2 --two-sided

# A scan's pages are in the volume and its images are the scan's, pixel for pixel.
same_images() { # same_images SCAN.pdf VOLUME.pdf FIRST_PAGE
	n=$(pdfinfo "$1" | awk '/^Pages:/ {print $2}')
	rm -rf "$D/img"; mkdir -p "$D/img"
	pdfimages -png "$1" "$D/img/a" && pdfimages -png -f "$3" -l $(($3 + n - 1)) "$2" "$D/img/b" || return 1
	[ "$(ls "$D"/img/a-* | wc -l)" = "$n" ] || return 1
	(cd "$D/img" && for f in a-*; do cmp -s "$f" "b-${f#a-}" || exit 1; done)
}
# volume 1: cover, one Mục lục page, then the 2-page scan
check "volume 1: the scan's 2 pages are pages 3-4, unchanged" same_images input/scans/cv-112-cdvc-2020.pdf "$P1" 3
# volume 2 (two-sided): cover + verso, Mục lục + verso, scan 85 (+ verso), then scan 112
check "volume 2: the first scan is page 5, unchanged" same_images input/scans/cv-85-ccvtlt-2020.pdf "$P2" 5
check "volume 2: the second scan is pages 7-8, unchanged" same_images input/scans/cv-112-cdvc-2020.pdf "$P2" 7
check "volume 2: a scan's page keeps its size" sh -c "pdfinfo -f 5 -l 5 '$P2' | grep -q 'Page *5 size: *595.28 x 841.89'"

# A Mục lục of 30 rows runs over pages: header and (1)…(7) on each, its own page numbers.
L=$D/long; mkdir -p "$L"
{
	sed -n '1,/^  documents:/p' $V1 | sed 's/^  retention: .*/  retention: 20 năm/'
	for i in $(seq 1 30); do
		cp input/scans/cv-85-ccvtlt-2020.pdf "$L/cv-$i.pdf"
		printf '    - scan: cv-%d.pdf\n      number: %d/CCVTLT-NV\n      date: 2020-12-%02d\n' "$i" "$i" $(( i % 28 + 1 ))
		printf '      type: Công văn\n      summary: V/v hướng dẫn nghiệp vụ văn thư, lưu trữ số %d gửi các cơ quan, tổ chức thuộc nguồn nộp lưu\n' "$i"
		printf '      issuer: Chi cục Văn thư - Lưu trữ tỉnh An Giang\n'
	done
} > "$L/long.yaml"
if $VANBAN render -o "$L/out" "$L/long.yaml" 2>"$L/stderr"; then
	PL=$(ls "$L"/out/*.pdf)
	$PY tests/e2e/volume_probe.py "$PL" "$L/long.yaml"
	check "long Mục lục: more than one page, the second numbered 2" sh -c \
		"pdftotext -f 3 -l 3 '$PL' - | head -3 | grep -qx 2 && pdftotext -f 3 -l 3 '$PL' - | grep -q 'Tên loại và trích yếu'"
else
	notok "long volume render" "$(head -3 "$L/stderr")"
fi

# A warning, not an error: a document dated outside the volume's dates.
W=$D/warn; mkdir -p "$W"
sed 's/^  from: 2020-11-20/  from: 2020-12-01/' $V1 > input/.vol-warn.yaml
ln=$(grep -n '^      date: 2020-11-20' input/.vol-warn.yaml | head -1 | cut -d: -f1)
$VANBAN render -o "$W/out" input/.vol-warn.yaml 2>"$W/stderr"; st=$?
rm -f input/.vol-warn.yaml
check "volume: a date outside the volume's is a warning at its position" test "$st" = 1 -a \
	"$(cat "$W/stderr")" = "vanban: input/.vol-warn.yaml:$ln:13: warning: the document's date 20/11/2020 is outside the volume's dates (01/12/2020 to 04/01/2021)"
check "volume: the warning still writes the volume" sh -c "ls '$W'/out/*.pdf >/dev/null"

# PDFBox Preflight finds no defect at all in any volume (PDF/A-1b).
for p in "$P1" "$P2"; do
	check "volume $(basename "$p"): PDFBox Preflight PDF/A-1b valid" pdfa_ok "$p"
done

# The same input gives the same bytes (qpdf's /ID comes from the content).
$VANBAN render -o "$D/again" $V1 $V2 2>/dev/null
check "volume: byte-identical on a second run" sh -c \
	"cmp '$P1' '$D/again/$(basename "$P1")' && cmp '$P2' '$D/again/$(basename "$P2")'"
