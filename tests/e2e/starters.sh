# `vanban init KIND`: every starter renders as it is, without a warning, and
# every kind of layouts/kinds.yaml has one;
# init never overwrites a file; an unknown kind gets did-you-mean and the list.
. tests/e2e/lib.sh
D=$OUT/starters
rm -rf "$D"; mkdir -p "$D"
VB=$PWD/$VANBAN
kinds=$($VANBAN init --list | cut -d' ' -f1)
check "starters init --list names minutes, decision and awards" sh -c "echo '$kinds' | grep -qx minutes && echo '$kinds' | grep -qx decision && echo '$kinds' | grep -qx awards"
for k in $kinds; do
	(cd "$D" && $VB init "$k" >"$k.init.out" 2>"$k.init.err"); s=$?
	check "starters init $k writes $k.yaml and says what to do next" sh -c "test $s = 0 && test -s '$D/$k.yaml' && grep -qx 'vanban: note: wrote $k.yaml; edit it, then run: vanban render $k.yaml' '$D/$k.init.err'"
	check "starters the $k starter is commented in Vietnamese" grep -q '^# Tệp mẫu của vanban' "$D/$k.yaml"
	(cd "$D" && $VB render -o "out-$k" "$k.yaml" >/dev/null 2>"$k.err"); s=$?
	check "starters the $k starter renders as it is, silently" sh -c "test $s = 0 && ! test -s '$D/$k.err'"
	n=0; bad=0
	for f in "$D/out-$k"/*.pdf; do n=$((n+1)); qpdf_ok "$f" || bad=$((bad+1)); done
	check "starters the $k starter's PDFs pass qpdf --check" test "$n" -gt 0 -a "$bad" = 0
done
# every kind of layouts/kinds.yaml has its starter, which renders a document of that kind
sed -n 's/^  - id: //p' layouts/kinds.yaml > "$D/kinds.txt"
check "starters layouts/kinds.yaml names kinds" test "$(wc -l < "$D/kinds.txt")" -gt 10
while read -r id; do
	name=$(sed -n "/^  - id: $id\$/{n;s/^    name: //p;}" layouts/kinds.yaml)
	if ! echo "$kinds" | grep -qx -- "$id"; then
		notok "starters kind $id has a starter (vanban init $id)"
	else
		check "starters the $id starter renders a $name" \
			sh -c "cut -f1,9 '$D/out-$id/manifest.tsv' | grep -qx 'document	$name'"
	fi
done < "$D/kinds.txt"
(cd "$D" && $VB init minutes >/dev/null 2>"again.err"); s=$?
check "starters init never overwrites" sh -c "test $s = 2 && grep -qx 'vanban: error: minutes.yaml already exists; vanban init never overwrites a file (give another file name)' '$D/again.err' && cmp -s '$D/minutes.yaml' starters/minutes.yaml"
(cd "$D" && $VB init frobnicate x.yaml >/dev/null 2>"unk.err"); s=$?
check "starters an unknown kind: the list" sh -c "test $s = 2 && grep -q '^vanban: error: no starter for \"frobnicate\"; vanban init knows: .*minutes' '$D/unk.err' && ! test -e '$D/x.yaml'"
(cd "$D" && $VB init minute >/dev/null 2>"near.err")
check "starters a near kind: did-you-mean" grep -q 'no starter for "minute" (did you mean "minutes"?)' "$D/near.err"
$VANBAN init decision - > "$D/stdout.yaml" 2>/dev/null
check "starters init KIND - writes to standard output" cmp -s "$D/stdout.yaml" starters/decision.yaml
(cd "$D" && $VB init ../../x >/dev/null 2>&1); s=$?
check "starters a kind is a name, not a path" test "$s" = 2
