# lib.sh — shared by the end-to-end tests: result lines and PDF probes.
# Every check prints "ok - NAME" or "not ok - NAME" (with "#" detail lines).
PY=/usr/bin/python3
ok() { echo "ok - $1"; }
notok() { echo "not ok - $1"; shift; for l in "$@"; do echo "#   $l"; done; }
check() { # check NAME COMMAND... : ok if the command succeeds
	name=$1; shift
	if out=$("$@" 2>&1); then ok "$name"; else notok "$name" "$(echo "$out" | head -5)"; fi
}
# qpdf --check must exit 0 (it is the only reader that fails truncated files)
qpdf_ok() { qpdf --check "$1" >/dev/null 2>&1; }
# every font embedded, subset and with a ToUnicode map
fonts_ok() {
	pdffonts "$1" | awk 'NR>2 { n++; if ($(NF-4)!="yes" || $(NF-3)!="yes" || $(NF-2)!="yes") bad++ }
		END { exit !(n > 0 && bad == 0) }'
}
# text as pdftotext extracts it, with no warnings at all
text_of() { pdftotext -enc UTF-8 "$1" - 2>"$OUT/pdftotext.err"; }
# PDFBox Preflight (Debian's libpdfbox2-java): prints its defects, one a
# line, and succeeds only when it calls the file valid PDF/A-1b
PF_CP=/usr/share/java/preflight.jar:/usr/share/java/pdfbox2.jar:/usr/share/java/fontbox2.jar:/usr/share/java/xmpbox.jar:/usr/share/java/commons-logging.jar:/usr/share/java/javax.activation.jar:/usr/share/java/jaxb-api.jar
pdfa_ok() {
	pf_out=$(java -cp $PF_CP org.apache.pdfbox.preflight.Validator_A1b "$1" 2>&1)
	echo "$pf_out" | grep -v '^$' | sed 's/ on page.*//' | sort | uniq -c | sort -rn | head -5
	echo "$pf_out" | grep -q 'is a valid PDF/A-1b file'
}
