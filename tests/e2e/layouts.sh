# Layouts anywhere: next to the input, in --layouts DIR, then the home's;
# unknown names and layouts of the other kind are input errors at the key
# with the names that would work; calibrate takes a file; --printer.
. tests/e2e/lib.sh
D=$OUT/layouts
rm -rf "$D"; mkdir -p "$D"
VB=$PWD/$VANBAN
in=input/tct-2020.yaml
kt=input/tct-2020-khen-thuong.yaml

# an unknown layout: at the key's value, with did-you-mean and the list
sed 's/^layout: .*/layout: cong-doan/' $in > "$D/typo.yaml"
$VANBAN render -o "$D/typo" "$D/typo.yaml" 2>"$D/typo.err"; s=$?
check "layouts unknown layout: exit 2, did-you-mean and the list, at the key" sh -c "test $s = 2 && grep -qx 'vanban: $D/typo.yaml:5:9: error: unknown layout \"cong-doan\" (did you mean \"congdoan\"?); the layouts are: .*congdoan.*hd36, nd30' '$D/typo.err'"
check "layouts unknown layout: no PDF" sh -c "! ls '$D/typo/'*.pdf 2>/dev/null"
sed 's/^layout: .*/layout: zzz/' $in > "$D/far.yaml"
$VANBAN check "$D/far.yaml" 2>"$D/far.err"
check "layouts unknown layout without a near name: the list only" grep -qx "vanban: $D/far.yaml:5:9: error: unknown layout \"zzz\"; the layouts are: .*hd36, nd30" "$D/far.err"

# the other kind: one message instead of every key unknown
sed 's/^layout: .*/layout: certificate-a4/' $in > "$D/cert-as-doc.yaml"
$VANBAN check "$D/cert-as-doc.yaml" 2>"$D/cad.err"; s=$?
check "layouts a certificate layout as a document layout: one message" sh -c "test $s = 2 && test \$(wc -l < '$D/cad.err') = 1 && grep -q ':5:9: error: \"certificate-a4\" is a certificate layout, not a document layout; the layouts are: ' '$D/cad.err'"
sed 's/certificate_layout: certificate-a4/certificate_layout: nd30/' $kt > "$D/doc-as-cert.yaml"
line=$(grep -n 'certificate_layout:' "$D/doc-as-cert.yaml" | head -1 | cut -d: -f1)
$VANBAN check "$D/doc-as-cert.yaml" 2>"$D/dac.err"; s=$?
check "layouts nd30 is not a certificate layout" sh -c "test $s = 2 && test \$(wc -l < '$D/dac.err') = 1 && grep -q ':$line:[0-9]*: error: \"nd30\" is not a certificate layout; the certificate layouts are: certificate-a4, certificate-a4-compact, certificate-blank' '$D/dac.err'"

# a layout next to the input wins over the installed one of the same name
mkdir -p "$D/here"
cp $in "$D/here/hop.yaml"
sed 's/^layout: .*/layout: rong/' $in > "$D/here/hop.yaml"
sed 's/^margin_left: .*/margin_left: 45/' layouts/nd30.yaml > "$D/here/rong.yaml"
(cd "$D/here" && $VB render --dump hop.yaml) > "$D/here.dump" 2>"$D/here.err"; s=$?
check "layouts a layout next to the input is used" sh -c "test $s = 0 && grep -q '^text 127559 ' '$D/here.dump'"
mkdir -p "$D/elsewhere"; mv "$D/here/rong.yaml" "$D/elsewhere/"
$VANBAN render --dump "$D/here/hop.yaml" > /dev/null 2>"$D/missing.err"; s=$?
check "layouts without it: unknown" sh -c "test $s = 2 && grep -q 'unknown layout \"rong\"' '$D/missing.err'"
$VANBAN render --layouts "$D/elsewhere" --dump "$D/here/hop.yaml" > "$D/flag.dump" 2>&1; s=$?
check "layouts --layouts DIR" sh -c "test $s = 0 && cmp -s '$D/flag.dump' '$D/here.dump'"
# an input file that happens to be called like a layout is not taken for one
cp $in "$D/here/nd30.yaml"
$VANBAN render --dump "$D/here/nd30.yaml" > "$D/shadow.dump" 2>"$D/shadow.err"; s=$?
check "layouts an input named nd30.yaml is not a layout" sh -c "test $s = 0 && test -s '$D/shadow.dump'"

# calibrate: a file name as well as a name; its printer profile beside it
mkdir -p "$D/blank"
cp layouts/certificate-blank.yaml "$D/blank/phoi.yaml"
printf 'offset_x: 10\noffset_y: 0\nscale: 1\n' > "$D/blank/printer-office.yaml"
$VANBAN calibrate --dump certificate-blank > "$D/cal-name.dump" 2>&1; s1=$?
$VANBAN calibrate --dump "$D/blank/phoi.yaml" > "$D/cal-file.dump" 2>&1; s2=$?
check "layouts calibrate takes a file name and its printer profile beside it" sh -c "test $s1 = 0 -a $s2 = 0 && ! cmp -s '$D/cal-name.dump' '$D/cal-file.dump'"
$VANBAN calibrate -o "$D/cal" "$D/blank/phoi.yaml" 2>/dev/null
check "layouts calibrate FILE writes calibrate-NAME.pdf" qpdf_ok "$D/cal/calibrate-phoi.pdf"
grep -v 'máy in' "$D/cal-file.dump" > "$D/cal-file.nolabel"
cp layouts/printer-office.yaml "$D/blank/printer-office.yaml"
printf 'offset_x: 10\noffset_y: 0\nscale: 1\n' > "$D/blank/printer-lech.yaml"
$VANBAN calibrate --dump --printer lech "$D/blank/phoi.yaml" > "$D/cal-printer.dump" 2>&1; s=$?
check "layouts --printer picks the profile" sh -c "test $s = 0 && grep -q 'máy in lech: lệch ngang 10,0 mm' '$D/cal-printer.dump' && grep -v 'máy in' '$D/cal-printer.dump' | cmp -s - '$D/cal-file.nolabel'"
$VANBAN calibrate --dump --printer ofice certificate-blank > /dev/null 2>"$D/pr.err"; s=$?
check "layouts an unknown --printer: did-you-mean and the list" sh -c "test $s = 2 && grep -qx 'vanban: error: unknown printer profile \"ofice\" (did you mean \"office\"?); the printer profiles are: office' '$D/pr.err'"
$VANBAN calibrate --dump nd30 > /dev/null 2>"$D/cn.err"; s=$?
check "layouts calibrate nd30: not a certificate layout" sh -c "test $s = 2 && grep -q '^vanban: error: \"nd30\" is not a certificate layout' '$D/cn.err'"

# a layout beside the input is read as the input's own files are: a link
# that leads out of its folder is refused at the key (unless --allow-path)
mkdir -p "$D/sym" "$D/outside"
sed 's/^layout: .*/layout: rong/' $in > "$D/sym/hop.yaml"
sed 's/^margin_left: .*/margin_left: 45/' layouts/nd30.yaml > "$D/outside/rong.yaml"
ln -s ../outside/rong.yaml "$D/sym/rong.yaml"
$VANBAN render -o "$D/sym/out" "$D/sym/hop.yaml" 2>"$D/sym.err"; s=$?
check "layouts a layout linked from outside the input's folder is refused at the key" sh -c "test $s = 2 && grep -qx 'vanban: $D/sym/hop.yaml:5:9: error: the layout \"rong.yaml\" is a symbolic link that leads out of this file'\"'\"'s folder' '$D/sym.err' && ! ls '$D/sym/out/'*.pdf 2>/dev/null"
$VANBAN render --allow-path "$D/outside" --dump "$D/sym/hop.yaml" 2>/dev/null | grep -q '^text 127559 '
check "layouts --allow-path lets it be used" test $? = 0

# a heading's face or alignment outside the choices: an error at the value
# (it used to fall back to regular or flush left without a word)
mkdir -p "$D/face"
sed 's/^layout: .*/layout: mat/' $in > "$D/face/doc.yaml"
sed 's/face: bold-italic}/face: bolditalic}/; s/level: letter, format: "{letter})", align: left/level: letter, format: "{letter})", align: centre/' \
	layouts/nd30.yaml > "$D/face/mat.yaml"
fl=$(grep -n 'face: bolditalic' "$D/face/mat.yaml" | cut -d: -f1)
al=$(grep -n 'align: centre' "$D/face/mat.yaml" | cut -d: -f1)
$VANBAN check "$D/face/doc.yaml" 2>"$D/face.err"; s=$?
check "layouts a heading face outside the choices is an error at its value" sh -c "test $s = 2 &&
	grep -q '^vanban: $D/face/mat.yaml:$fl:[0-9]*: error: \"face\" must be \"regular\", \"bold\", \"italic\" or \"bold-italic\", not \"bolditalic\"' '$D/face.err'"
check "layouts a heading alignment outside the choices is an error at its value" \
	grep -q "^vanban: $D/face/mat.yaml:$al:[0-9]*: error: \"align\" must be \"left\" or \"center\", not \"centre\"" "$D/face.err"
LANGUAGE=vi $VANBAN check "$D/face/doc.yaml" 2>"$D/face-vi.err"
check "layouts the choices are joined in Vietnamese under a Vietnamese locale" \
	grep -q '"italic" hoặc "bold-italic"' "$D/face-vi.err"
