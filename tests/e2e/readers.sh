# Every reader gets the text layer right: Ghostscript's txtwrite (which
# misread range entries in the ToUnicode map), poppler and MuPDF extract the
# same words from a decision, a certificate and a volume.
. tests/e2e/lib.sh
D=$OUT/readers
rm -rf "$D"; mkdir -p "$D"
if ! $VANBAN render -o "$D" input/tct-2020-khen-thuong.yaml 2>"$D/stderr"; then
	notok "readers: render" "$(cat "$D/stderr")"; exit 0
fi
if ! command -v gs >/dev/null; then
	notok "readers: Ghostscript (gs) installed"; exit 0
fi
# the letters a reader extracts, one a line and sorted: reading order and
# where a reader puts spaces differ, the characters must not
letters() { $PY -c 'import sys; print("\n".join(sorted(c for c in sys.stdin.read() if not c.isspace())))'; }
agree() { # agree PDF: the three readers' letters are the same
	gs -q -sDEVICE=txtwrite -o - "$1" | letters > "$1.gs"
	pdftotext -enc UTF-8 "$1" - | letters > "$1.pt"
	mutool draw -q -F txt -o - "$1" 2>/dev/null | letters > "$1.mu"
	[ -s "$1.gs" ] && cmp -s "$1.gs" "$1.pt" && cmp -s "$1.pt" "$1.mu" ||
		{ diff "$1.pt" "$1.gs" | head -4; diff "$1.pt" "$1.mu" | head -4; return 1; }
}
check "readers: Ghostscript txtwrite reads the decision's Vietnamese" sh -c \
	"gs -q -sDEVICE=txtwrite -o - '$D/quyet-dinh-15-QD-TCT.pdf' | grep -q 'TỈNH ỦY AN GIANG' &&
	 gs -q -sDEVICE=txtwrite -o - '$D/quyet-dinh-15-QD-TCT.pdf' | grep -q 'QUYẾT ĐỊNH'"
check "readers: gs, pdftotext and mutool agree on a decision" agree "$D/quyet-dinh-15-QD-TCT.pdf"
check "readers: gs, pdftotext and mutool agree on a certificate" agree "$D/giay-khen-15-QD-TCT-01-Dang-Hoai-Binh.pdf"
if $VANBAN render -o "$D/vol" input/ho-so-02-van-thu-luu-tru-2020.yaml 2>"$D/vol.err"; then
	for f in "$D"/vol/*.pdf; do
		check "readers: gs reads the volume $(basename "$f")" sh -c \
			"gs -q -sDEVICE=txtwrite -o - '$f' | grep -q 'HỒ SƠ'"
	done
else
	notok "readers: volume renders" "$(head -3 "$D/vol.err")"
fi
