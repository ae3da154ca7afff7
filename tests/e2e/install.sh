# make install into a DESTDIR, then the installed program works from any
# folder: it finds fonts, layouts and starters in ../share/vanban; a
# moved program without its data says where it looked; VANBAN_HOME overrides.
. tests/e2e/lib.sh
D=$(cd "$OUT" && pwd)/install
rm -rf "$D"; mkdir -p "$D/elsewhere"
case $BUILD in build/san) san=1 ;; *) san= ;; esac
make -s install SAN=$san DESTDIR="$D/root" PREFIX=/opt/vb >"$D/make.log" 2>&1; s=$?
check "install make install DESTDIR=... PREFIX=..." test "$s" = 0
R=$D/root/opt/vb
for f in bin/vanban share/vanban/fonts/fontmap.tsv share/vanban/layouts/nd30.yaml \
	share/vanban/layouts/certificate-blank.yaml share/vanban/layouts/printer-office.yaml \
	share/vanban/starters/minutes.yaml share/man/man1/vanban.1 share/man/man5/vanban-input.5 \
	share/man/vi/man1/vanban.1 share/man/vi/man5/vanban-input.5 \
	share/bash-completion/completions/vanban; do
	check "install installs $f" test -s "$R/$f"
done
for p in man1/vanban.1 man5/vanban-input.5; do
	check "install mandoc renders the installed Vietnamese $p" sh -c "mandoc -Tutf8 '$R/share/man/vi/$p' | grep -q 'tệp đầu vào'"
done
if command -v man >/dev/null; then # man-db: \`man -L vi vanban\` finds them
	got=$(MANPATH=$R/share/man man -L vi -w vanban 2>&1)
	check "install man -L vi finds the Vietnamese vanban(1)" test "$got" = "$R/share/man/vi/man1/vanban.1"
	check "install man -L vi shows the Vietnamese vanban-input(5)" sh -c "MANPATH='$R/share/man' MANPAGER=cat man -L vi 5 vanban-input 2>&1 | grep -q 'Khóa cấp cao nhất'"
fi
check "install the test layouts stay behind" test ! -e "$R/share/vanban/layouts/golden-small.yaml"
check "install the fonts match the font map" sh -c "cd '$R/share/vanban/fonts' && awk -F'\t' '!/^#/ && NF>=4 {print \$4 \"  \" \$3}' fontmap.tsv | sha256sum -c --quiet"
cd "$D/elsewhere" || exit 1
env -u VANBAN_HOME "$R/bin/vanban" init minutes bb.yaml 2>/dev/null
env -u VANBAN_HOME "$R/bin/vanban" render bb.yaml 2>"$D/render.err"; s=$?
check "install the installed program renders from another folder" sh -c "test $s = 0 && ls output/*.pdf >/dev/null && qpdf --check output/*.pdf >/dev/null"
cp "$OLDPWD/input/tct-2020-khen-thuong.yaml" kt.yaml
env -u VANBAN_HOME "$R/bin/vanban" render -o kt kt.yaml 2>"$D/kt.err"; s=$?
check "install certificates from the installed layouts" sh -c "test $s = 0 && ls kt/giay-khen-*.pdf >/dev/null"
mkdir -p "$D/lone" && cp "$R/bin/vanban" "$D/lone/vanban"
env -u VANBAN_HOME "$D/lone/vanban" check bb.yaml 2>"$D/lone.err"; s=$?
check "install a program without its data says where it looked" sh -c "test $s = 3 && grep -qx \"vanban: error: cannot find vanban's fonts and layouts: no fonts/fontmap.tsv in $D/lone/.., $D/lone/../.., $D/lone/../share/vanban (install with \\\`make install\\\`, or set VANBAN_HOME to the folder that holds fonts/ and layouts/)\" '$D/lone.err'"
VANBAN_HOME=$R/share/vanban "$D/lone/vanban" render -o lone bb.yaml 2>/dev/null; s=$?
check "install VANBAN_HOME overrides" sh -c "test $s = 0 && ls lone/*.pdf >/dev/null"
VANBAN_HOME=$D/nowhere "$R/bin/vanban" check bb.yaml 2>"$D/nowhere.err"; s=$?
check "install a wrong VANBAN_HOME names the file it looked for" sh -c "test $s = 3 && grep -q '$D/nowhere/fonts/fontmap.tsv' '$D/nowhere.err'"
cd "$OLDPWD" || exit 1
make -s uninstall DESTDIR="$D/root" PREFIX=/opt/vb >/dev/null 2>&1
check "install make uninstall removes it" sh -c "test ! -e '$R/bin/vanban' && test ! -e '$R/share/vanban' && test ! -e '$R/share/man/vi/man5/vanban-input.5'"
