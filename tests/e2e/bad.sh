# Bad inputs: each tests/bad/*.yaml states its exact messages in "# expect: "
# lines (and optionally "# status: N"); the run must print exactly those,
# exit with that status (default 2) and leave no PDF behind.
. tests/e2e/lib.sh
for f in tests/bad/*.yaml tests/bad/*.bin; do
	[ -f "$f" ] || continue
	name=$(basename "$f")
	d=$OUT/bad/$name
	mkdir -p "$d"
	want_status=$(sed -n 's/^# status: //p' "$f" | head -1)
	[ -n "$want_status" ] || want_status=2
	sed -n 's/^# expect: //p' "$f" > "$d/want"
	[ -s "$d/want" ] || sed -n 's/^# expect: //p' "$f.expect" > "$d/want" 2>/dev/null
	$VANBAN render -o "$d/out" "$f" 2>"$d/got" >/dev/null
	status=$?
	if [ "$status" != "$want_status" ]; then
		notok "bad input $name: exit status" "got $status, want $want_status" "$(head -3 "$d/got")"
	elif ! cmp -s "$d/want" "$d/got"; then
		notok "bad input $name: message" "$(diff "$d/want" "$d/got" | head -6)"
	elif ls "$d/out"/*.pdf >/dev/null 2>&1 || ls "$d/out"/.*tmp* >/dev/null 2>&1; then
		notok "bad input $name: a PDF was left behind"
	else
		ok "bad input $name"
	fi
done
