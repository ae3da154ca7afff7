#!/bin/sh
# House rules that a reader of the code relies on, checked on every run:
# no function over 90 lines or cyclomatic complexity over 30 (pmccabe);
# only the files named for a library include its headers; the stages'
# headers include no header of a later stage.
. tests/e2e/lib.sh

# No exceptions: a new long or tangled function fails here.
over=$(pmccabe src/*.c | awk '($1 > 30 || $5 > 90) { print $6, $NF, "CC " $1, $5 " lines" }')
if [ -z "$over" ]; then ok "style: functions ≤ 90 lines, complexity ≤ 30"; else
	notok "style: functions ≤ 90 lines, complexity ≤ 30" "$over"; fi

# One file (or one file prefix) per external library.
libs_ok=true
detail=
for rule in 'hpdf.h:src/pdf' 'ft2build.h:src/font.c' 'yaml.h:src/load_' 'hb-subset.h:src/font_subset.c' \
	'png.h:src/image.c' 'jpeglib.h:src/image.c' 'qpdf/:src/pdf_import' 'nettle/:src/hash.c' \
	'poppler.h:src/preview' 'libintl.h:src/diag.c src/main.c src/i18n'; do
	hdr=${rule%%:*} allow=${rule#*:}
	for f in $(grep -l "#include <$hdr" src/*.c src/*.h 2>/dev/null); do
		fine=false
		for a in $allow; do case $f in "$a"*) fine=true ;; esac; done
		$fine || { libs_ok=false; detail="$detail $f includes $hdr;"; }
	done
done
if $libs_ok; then ok "style: one file per external library"; else
	notok "style: one file per external library" "$detail"; fi

# Stages include only their own and lower stages' headers (stages.py).
if out=$($PY tests/e2e/stages.py src); then ok "style: no include looks up the pipeline"; else
	notok "style: no include looks up the pipeline" "$out"; fi
