# The command line: help, version, exit statuses, check writes nothing,
# a bad file does not stop the good ones.
. tests/e2e/lib.sh
D=$OUT/cli
rm -rf "$D"; mkdir -p "$D"
check "cli --help exits 0 with usage" sh -c "$VANBAN --help | grep -q '^usage: vanban render'"
check "cli --version" sh -c "$VANBAN --version | grep -q '^vanban [0-9]'"
$VANBAN frobnicate 2>"$D/err"; s=$?
check "cli unknown command exits 2" test "$s" = 2 -a "$(cat "$D/err")" = 'vanban: error: unknown command "frobnicate" (try --help)'
$VANBAN check input/tct-2020.yaml >"$D/out" 2>"$D/err"; s=$?
check "cli check of a good file exits 0, says so in one line, nothing on stderr" \
	test "$s" = 0 -a ! -s "$D/err" -a "$(cat "$D/out")" = "1 input file checked, no problems"
(cd "$D" && $OLDPWD/$VANBAN check "$OLDPWD/input/tct-2020.yaml" >/dev/null 2>&1)
check "cli check writes nothing" test ! -e "$D/output"
$VANBAN check tests/cli/warn.yaml 2>"$D/warn"; s=$?
check "cli warnings exit 1" test "$s" = 1
check "cli warnings name the place" grep -q '^vanban: tests/cli/warn.yaml:11:9: warning: a basis (căn cứ) should end with "."' "$D/warn"
$VANBAN render -o "$D/mixed" tests/bad/bad-date.yaml input/tct-2020.yaml 2>"$D/mixed.err"; s=$?
check "cli a bad file: exit 2, the good file still renders" test "$s" = 2 -a "$(ls "$D/mixed"/*.pdf | wc -l)" = 1
check "cli the manifest lists only what was written" test "$(grep -vc '^#\|^kind' "$D/mixed/manifest.tsv")" = 1
ln -s "$D/mixed" "$D/link"
$VANBAN render -o "$D/link" input/tct-2020.yaml 2>"$D/link.err"; s=$?
check "cli a symlinked output folder is refused" test "$s" != 0 -a -s "$D/link.err"
$VANBAN check tests/cli/decision-warnings.yaml 2>"$D/dw"; s=$?
check "cli decision checks: each broken rule warned once, exit 1" sh -c "test $s = 1 && diff tests/cli/decision-warnings.expect '$D/dw'"
# A font whose bytes differ from fonts/fontmap.tsv is refused, naming the file.
H=$D/home
mkdir -p "$H/fonts" && cp -r layouts "$H/" && cp fonts/fontmap.tsv fonts/*.ttf "$H/fonts/"
printf 'x' | dd of="$H/fonts/LiberationSerif-Bold.ttf" bs=1 seek=1000 conv=notrunc 2>/dev/null
VANBAN_HOME=$H $VANBAN render -o "$D/h" input/tct-2020.yaml 2>"$D/font.err"; s=$?
check "cli a tampered font is refused (exit 3, file named, no PDF)" sh -c "test $s = 3 && grep -q '^vanban: $H/fonts/LiberationSerif-Bold.ttf: error: font file differs from fonts/fontmap.tsv' '$D/font.err' && ! ls '$D/h'/*.pdf 2>/dev/null"
$VANBAN render --layouts tests/layouts -o "$D/4096" tests/cli/libharu-4096.yaml 2>"$D/4096.err"; s=$?
check "cli libharu's 4 096-byte font boundary no longer breaks saving" sh -c "test $s = 0 && qpdf --check '$D'/4096/*.pdf >/dev/null"
