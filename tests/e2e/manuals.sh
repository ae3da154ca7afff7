# The manuals: lint-clean under mandoc, and every option --help shows is in
# vanban(1); the same for the Vietnamese pages in man/vi, which name every
# option and key the English ones name; bash completion parses and completes
# the commands.
. tests/e2e/lib.sh
# from inside man/, so that mandoc finds the pages the two refer to
lint=$(cd man && mandoc -Tlint vanban.1 vanban-input.5 2>&1); s=$?
check "manuals mandoc -Tlint: no message at all" test "$s" = 0 -a -z "$lint"
[ -n "$lint" ] && echo "$lint" | sed 's/^/#   /'
missing=
for opt in $($VANBAN --help | grep -o -- '--[a-z][a-z-]*' | sort -u); do
	o=$(echo "${opt#-}" | sed 's/-/\\\\-/g')
	grep -q "Fl .*$o\>" man/vanban.1 || missing="$missing $opt"
done
check "manuals vanban(1) documents every option of --help${missing:+ (missing:$missing)}" test -z "$missing"
missing=
for k in $($VANBAN init --list | cut -d' ' -f1); do
	grep -q "$k" man/vanban.1 man/vanban-input.5 || missing="$missing $k"
done
for key in organisation minutes decisions layout issuers; do
	grep -q "^\.It Ic $key" man/vanban-input.5 || missing="$missing $key"
done
check "manuals vanban-input(5) has every top-level key${missing:+ (missing:$missing)}" test -z "$missing"
# The Vietnamese pages (man/vi), checked the same way from inside man/vi.
# mandoc measures a text line after turning each non-ASCII letter into its
# 8-byte escape \[uXXXX], so its "longer than 80 bytes" is dropped for them
# and the lines are measured here in characters instead.
lint=$(cd man/vi && mandoc -Tlint vanban.1 vanban-input.5 2>&1 | grep -v ': STYLE: input text line longer than 80 bytes: ')
check "manuals Vietnamese mandoc -Tlint: no message at all" test -z "$lint" -a -s man/vi/vanban.1 -a -s man/vi/vanban-input.5
[ -n "$lint" ] && echo "$lint" | sed 's/^/#   /'
long=$(perl -CSD -ne 'chomp; print "$ARGV:$. " if !/^\./ && length > 80; close ARGV if eof' man/vi/vanban.1 man/vi/vanban-input.5)
check "manuals Vietnamese text lines are at most 80 characters${long:+ (not: $long)}" test -z "$long"
check "manuals the Vietnamese pages are in Vietnamese" sh -c "grep -q '^\.Sh TÙY CHỌN' man/vi/vanban.1 && grep -q '^\.Ss Khóa cấp cao nhất' man/vi/vanban-input.5"
missing=
for opt in $($VANBAN --help | grep -o -- '--[a-z][a-z-]*' | sort -u); do
	o=$(echo "${opt#-}" | sed 's/-/\\\\-/g')
	grep -q "Fl .*$o\>" man/vi/vanban.1 || missing="$missing $opt"
done
check "manuals Vietnamese vanban(1) documents every option of --help${missing:+ (missing:$missing)}" test -z "$missing"
# every option, command and key the English pages name (Fl, Cm, Ic, and the
# names after their commas), the Vietnamese ones name too
names() {
	awk '/^\./ { on = 0; sub(/^\./, "")
		for (i = 1; i <= NF; i++)
			if ($i ~ /^[A-Z][a-z]$/) on = ($i == "Fl" || $i == "Cm" || $i == "Ic")
			else if (on && $i !~ /^[,;:.()|]$/) print $i }' "$1" | LC_ALL=C sort -u
}
missing=
for p in vanban.1 vanban-input.5; do
	names man/$p >"$OUT/names.en"; names man/vi/$p >"$OUT/names.vi"
	for w in $(LC_ALL=C comm -23 "$OUT/names.en" "$OUT/names.vi"); do missing="$missing $p:$w"; done
done
check "manuals the Vietnamese pages name what the English ones name${missing:+ (missing:$missing)}" test -z "$missing"
missing=
for k in $($VANBAN init --list | cut -d' ' -f1); do
	grep -q "$k" man/vi/vanban.1 man/vi/vanban-input.5 || missing="$missing $k"
done
for key in organisation minutes decisions layout issuers; do
	grep -q "^\.It Ic $key" man/vi/vanban-input.5 || missing="$missing $key"
done
check "manuals Vietnamese vanban-input(5) has every top-level key${missing:+ (missing:$missing)}" test -z "$missing"
# when the English --help points to the manual, the Vietnamese one does too
if $VANBAN --help | grep -q 'man vanban'; then
	check "manuals Vietnamese --help points to the manual" sh -c "LANGUAGE=vi $VANBAN --help | grep -q 'man vanban'"
fi
comp=$(bash -c '. completion/vanban.bash; COMP_WORDS=(vanban ca); COMP_CWORD=1; _vanban; echo "${COMPREPLY[*]}"; COMP_WORDS=(vanban render --enc); COMP_CWORD=2; _vanban; echo "${COMPREPLY[*]}"' 2>&1)
check "manuals bash completion completes commands and options" test "$comp" = "calibrate
--encoding"
