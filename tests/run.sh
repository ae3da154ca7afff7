#!/bin/sh
# The test runner: unit tests, golden display-list dumps, bad-input cases and
# end-to-end PDF checks. Every test prints "ok - NAME" or "not ok - NAME";
# the last line is "N passed, N failed".
BUILD=${BUILD:-build}
export BUILD
cd "$(dirname "$0")/.." || exit 2
OUT=tests/out/$(echo "$BUILD" | tr / _)
rm -rf "$OUT" && mkdir -p "$OUT"
export OUT VANBAN="$BUILD/vanban"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export SOURCE_DATE_EPOCH=1609459200 LC_ALL=C.UTF-8
# messages in English unless a test asks for Vietnamese
unset LANGUAGE LANG LC_MESSAGES

log=$OUT/results.txt
: > "$log"
for t in "$BUILD"/tests/test_*; do
	[ -x "$t" ] || continue
	echo "# $t" >> "$log"
	"$t" >> "$log" 2>&1 || grep -q '^not ok' "$log" || echo "not ok - $t crashed" >> "$log"
done
for t in tests/e2e/*.sh; do
	[ -f "$t" ] || continue
	echo "# $t" >> "$log"
	sh "$t" >> "$log" 2>&1 || echo "not ok - $t exited $?" >> "$log"
done

grep -E '^(not ok|#   )' "$log"
pass=$(grep -c '^ok' "$log")
fail=$(grep -c '^not ok' "$log")
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]
