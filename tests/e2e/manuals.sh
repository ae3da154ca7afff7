# The manuals: lint-clean under mandoc, and every option --help shows is in
# vanban(1); bash completion parses and completes the commands.
. tests/e2e/lib.sh
# from inside man/, so that mandoc finds the pages the two refer to
out=$(cd man && mandoc -Tlint vanban.1 vanban-input.5 2>&1); s=$?
check "manuals mandoc -Tlint: no message at all" test "$s" = 0 -a -z "$out"
[ -n "$out" ] && echo "$out" | sed 's/^/#   /'
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
comp=$(bash -c '. completion/vanban.bash; COMP_WORDS=(vanban ca); COMP_CWORD=1; _vanban; echo "${COMPREPLY[*]}"; COMP_WORDS=(vanban render --enc); COMP_CWORD=2; _vanban; echo "${COMPREPLY[*]}"' 2>&1)
check "manuals bash completion completes commands and options" test "$comp" = "calibrate
--encoding"
