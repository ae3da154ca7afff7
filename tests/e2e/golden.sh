# Golden display-list dumps: `vanban render --dump` of each input must equal
# its stored dump. After an intended layout change, regenerate with
#   UPDATE=1 make check   (and review the diff before committing).
. tests/e2e/lib.sh
for dump in tests/golden/*.dump; do
	[ -f "$dump" ] || continue
	name=$(basename "$dump" .dump)
	src=$(sed -n '1s/^# source: //p' "$dump")
	got=$OUT/golden-$name.dump
	{ echo "# source: $src"; $VANBAN render --dump "$src" 2>"$got.err"; } > "$got"
	if [ -n "$UPDATE" ]; then cp "$got" "$dump"; fi
	if cmp -s "$dump" "$got"; then ok "golden $name"; else
		notok "golden $name" "$(diff "$dump" "$got" | head -8)"; fi
done
