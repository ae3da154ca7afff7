# Hints for the mistakes people make, in both languages. Every
# tests/bad/hint-*.yaml states its English messages ("# expect: ", checked
# with the exit status and no PDF by bad.sh) and its Vietnamese ones
# ("# expect-vi: "), checked here under LANGUAGE=vi; a hint without its
# Vietnamese lines fails.
. tests/e2e/lib.sh
D=$OUT/hints
rm -rf "$D"; mkdir -p "$D"
for f in tests/bad/hint-*.yaml; do
	name=$(basename "$f" .yaml); name=${name#hint-}
	sed -n 's/^# expect-vi: //p' "$f" > "$D/$name.want"
	LANGUAGE=vi $VANBAN render -o "$D/$name.out" "$f" 2>"$D/$name.vi" >/dev/null; s=$?
	if ! test -s "$D/$name.want"; then
		notok "hint $name in Vietnamese" "no '# expect-vi:' line in $f"
	elif test "$s" != 2; then
		notok "hint $name in Vietnamese: exit status" "got $s, want 2"
	elif ! cmp -s "$D/$name.want" "$D/$name.vi"; then
		notok "hint $name in Vietnamese" "$(diff "$D/$name.want" "$D/$name.vi" | head -6)"
	elif ls "$D/$name.out"/*.pdf >/dev/null 2>&1; then
		notok "hint $name in Vietnamese: a PDF was left behind"
	else
		ok "hint $name in Vietnamese"
	fi
done

# A signing prefix without its dot is a warning (the document renders): each
# of ND30's prefixes, in both languages.
for p in TM KT Q TL TUQ; do
	sed "s|prefix: TM|prefix: $p|" tests/hints/prefix-tm.yaml > "$D/prefix-$p.yaml"
	$VANBAN check "$D/prefix-$p.yaml" >/dev/null 2>"$D/prefix-$p.err"; s=$?
	check "hint prefix $p: write $p. (a warning, exit 1)" sh -c "test $s = 1 && test \"\$(cat '$D/prefix-$p.err')\" = 'vanban: $D/prefix-$p.yaml:24:15: warning: the signing prefix \"$p\" is written \"$p.\"'"
	LANGUAGE=vi $VANBAN check "$D/prefix-$p.yaml" >/dev/null 2>"$D/prefix-$p.vi"; s=$?
	check "hint prefix $p, in Vietnamese" sh -c "test $s = 1 && test \"\$(cat '$D/prefix-$p.vi')\" = 'vanban: $D/prefix-$p.yaml:24:15: cảnh báo: chữ ghi trước chức vụ người ký \"$p\" phải viết là \"$p.\"'"
done
sed "s|prefix: TM|prefix: T/M|" tests/hints/prefix-tm.yaml > "$D/prefix-slash.yaml"
$VANBAN check "$D/prefix-slash.yaml" >/dev/null 2>"$D/prefix-slash.err"
check "hint prefix T/M in an ND30 layout: write TM." test "$(cat "$D/prefix-slash.err")" = "vanban: $D/prefix-slash.yaml:24:15: warning: the signing prefix \"T/M\" is written \"TM.\""

# The other date forms are the same day: 31/12/2020, 31.12.2020 and 5/1/2021
# give the display list of their ISO form.
for form in 25/05/2021 25.05.2021 25/5/2021; do
	sed -e "s|date: 2021-05-25|date: $form|" -e "s|prefix: TM|prefix: TM.|" tests/hints/prefix-tm.yaml > "$D/date.yaml"
	$VANBAN render --dump -o "$D/date-out" "$D/date.yaml" 2>"$D/date.err" >"$D/date-$(echo "$form" | tr /. _-).dump"; s=$?
	sed -e "s|prefix: TM|prefix: TM.|" tests/hints/prefix-tm.yaml > "$D/date.yaml"
	$VANBAN render --dump -o "$D/date-out" "$D/date.yaml" 2>/dev/null >"$D/date-iso.dump"
	check "hint the date $form is read as 2021-05-25" sh -c "test $s = 0 && ! test -s '$D/date.err' && cmp -s '$D/date-iso.dump' '$D/date-$(echo "$form" | tr /. _-).dump'"
done
