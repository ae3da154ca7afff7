# Golden display-list dumps. Every tests/golden/NAME.yaml is a case, and so
# is every NAME.dump whose first line names another source ("# source:").
# The dump holds the source, any messages on stderr ("# stderr: …") and the
# display list with source positions (--dump-positions). A case without its
# .dump fails; `UPDATE=1 make check` writes it (review the diff).
. tests/e2e/lib.sh
run_case() { # NAME SOURCE
	got=$OUT/golden-$1.dump
	$VANBAN render --layouts tests/layouts --dump-positions "$2" >"$got.out" 2>"$got.err"
	{ echo "# source: $2"; sed 's/^/# stderr: /' "$got.err"; cat "$got.out"; } >"$got"
	dump=tests/golden/$1.dump
	if [ -n "$UPDATE" ]; then cp "$got" "$dump"; fi
	if [ ! -f "$dump" ]; then notok "golden $1" "no $dump (run UPDATE=1 make check)"
	elif cmp -s "$dump" "$got"; then ok "golden $1"
	else notok "golden $1" "$(diff "$dump" "$got" | head -8)"; fi
}
for src in tests/golden/*.yaml; do
	[ -f "$src" ] || continue
	run_case "$(basename "$src" .yaml)" "$src"
done
for dump in tests/golden/*.dump; do
	[ -f "$dump" ] || continue
	name=$(basename "$dump" .dump)
	[ -f "tests/golden/$name.yaml" ] && continue
	src=$(sed -n '1s/^# source: //p' "$dump")
	if [ -n "$src" ]; then run_case "$name" "$src"; else notok "golden $name" "no source line"; fi
done
