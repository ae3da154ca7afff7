# Past fuzz findings: every input in tests/fuzz-regressions (a damaged,
# truncated or huge image, paths out of the folder, broken CSV files, deep
# or invalid YAML, huge numbers, ...) is replayed through the fuzz targets'
# own entry points, built as plain programs (tests/fuzz/replay.c; under
# ASan+UBSan with SAN=1). A crash, hang, sanitizer report or broken
# invariant (the loader's tree, a PDF from a file with errors) fails here
# as it would under libFuzzer. The render seeds are replayed too.
. tests/e2e/lib.sh
R=$BUILD/fuzz-replay
replay() { # NAME TARGET DIR...
	name=$1 bin=$R/$2; shift 2
	n=$(find "$@" -type f ! -name '.*' | wc -l)
	VANBAN_HOME=. timeout 300 "$bin" "$@" >"$OUT/fuzz-$name.out" 2>"$OUT/fuzz-$name.err"
	s=$?
	got=$(grep -c '^replay: ' "$OUT/fuzz-$name.err")
	if [ "$s" != 0 ]; then
		notok "fuzz regressions: $name exit $s" "at $(grep '^replay: ' "$OUT/fuzz-$name.err" | tail -1)" \
			"$(grep -v '^replay: ' "$OUT/fuzz-$name.err" | head -4)"
	elif [ "$got" -lt 10 ] || [ "$got" -lt "$n" ]; then
		notok "fuzz regressions: $name replayed $got of $n inputs"
	elif grep -qv '^replay: ' "$OUT/fuzz-$name.err" || [ -s "$OUT/fuzz-$name.out" ]; then
		notok "fuzz regressions: $name printed something" "$(grep -v '^replay: ' "$OUT/fuzz-$name.err" | head -3)"
	else
		ok "fuzz regressions: $name ($got inputs)"
	fi
}
replay loader load tests/fuzz-regressions/load tests/fuzz/seeds
replay render render tests/fuzz-regressions/render tests/fuzz/render-seeds
