# No runts: no justified paragraph of any demo PDF, nor of the runt golden,
# ends on one word narrower than a quarter of the line (tests/runts.py reads
# poppler's word boxes). The golden input had runts before the breaker
# learnt to avoid them.
. tests/e2e/lib.sh
D=$OUT/runts
rm -rf "$D"; mkdir -p "$D/demo" "$D/golden"
$VANBAN render -o "$D/demo" input/*.yaml >/dev/null 2>"$D/demo.err"
$VANBAN render --layouts tests/layouts -o "$D/golden" tests/golden/rule-runt.yaml >/dev/null 2>"$D/golden.err"
for set in demo golden; do
	n=$(ls "$D/$set"/*.pdf 2>/dev/null | grep -v giay-khen | wc -l)
	if [ "$n" -eq 0 ]; then notok "runts: $set rendered" "$(cat "$D/$set.err")"; continue; fi
	res=$($PY tests/runts.py $(ls "$D/$set"/*.pdf | grep -v giay-khen))
	if echo "$res" | grep -q '^runts=0$'; then ok "no runts in the $set PDFs ($n)"
	else notok "no runts in the $set PDFs" "$(echo "$res" | tail -4)"; fi
done
