# The message cap: after 100 errors in one file, one line says how many
# more there were and the file is silent; the next file has its own 100.
# 200,000 unknown keys are answered quickly (a generous bound: the binder
# must not guess a did-you-mean for keys nobody will read about).
. tests/e2e/lib.sh
D=$OUT/message_cap
rm -rf "$D"; mkdir -p "$D"
keys() { $PY -c "import sys; [print('k%d: v' % i) for i in range(int(sys.argv[1]))]" "$1"; }
keys 99 >"$D/k99.yaml"   # 99 unknown keys + "organisation" missing: 100 errors
keys 100 >"$D/k100.yaml"
keys 200000 >"$D/k200k.yaml"
$VANBAN check "$D/k99.yaml" 2>"$D/k99.err"; s=$?
check "cap 100 errors are all printed, no summary" sh -c "test $s = 2 && test \$(wc -l <'$D/k99.err') = 100 && ! grep -q '…' '$D/k99.err'"
$VANBAN check "$D/k100.yaml" 2>"$D/k100.err"
check "cap the 101st error is one summary line" sh -c "test \$(wc -l <'$D/k100.err') = 101 && tail -1 '$D/k100.err' | grep -qx 'vanban: $D/k100.yaml: note: … and one more error'"
start=$(date +%s%N)
$VANBAN check "$D/k200k.yaml" "$D/k99.yaml" 2>"$D/k200k.err"; s=$?
ms=$(( ($(date +%s%N) - start) / 1000000 ))
echo "#   200000 unknown keys (and a second file): ${ms} ms"
check "cap 200,000 unknown keys: 100 lines, then how many more" sh -c "test $s = 2 && test \$(grep -c '^vanban: $D/k200k.yaml:[0-9]*:1: error: unknown key' '$D/k200k.err') = 100 && grep -qx 'vanban: $D/k200k.yaml: note: … and 199901 more errors' '$D/k200k.err'"
check "cap the next file has its own 100 errors" test "$(grep -c "^vanban: $D/k99.yaml" "$D/k200k.err")" = 100
check "cap 200,000 unknown keys in under 5 s (about 0.3 s of CPU)" test "$ms" -lt 5000
LANGUAGE=vi $VANBAN check "$D/k200k.yaml" 2>"$D/k200k.vi"
check "cap the summary line in Vietnamese" grep -qx "vanban: $D/k200k.yaml: ghi chú: … và 199901 lỗi nữa" "$D/k200k.vi"
