# Each ND30 compose rule pinned by the golden dump of a decision, without a
# PDF reader: tests/e2e/compose_rules.py measures the rule lengths, the
# rules' distance under the text, "Số" level with the place and date, and
# "Nơi nhận:" level with the signer's title in the dump. For each rule the
# layout value is then changed (a copy of layouts/nd30.yaml in --layouts)
# and the dump must differ from the golden exactly as the value says.
. tests/e2e/lib.sh
D=$OUT/compose_rules
rm -rf "$D"; mkdir -p "$D"
src=input/tct-2020-khen-thuong.yaml
golden=tests/golden/tct-2020-khen-thuong.dump
measure() { $PY tests/e2e/compose_rules.py "$1"; }
value() { awk -v k="$1" '$1 == k { print $2 }' "$2"; }
grep -v '^# ' "$golden" > "$D/golden.dump"
measure "$D/golden.dump" > "$D/golden.txt"

# the golden itself keeps the rules
check "compose rules: the golden's rules sit 0.8 em under the text" \
	test "$(value issuer_gap "$D/golden.txt") $(value motto_gap "$D/golden.txt") $(value summary_gap "$D/golden.txt")" = "0.8 0.8 0.8"
check "compose rules: the golden's \"Số\" is level with the date" test "$(value number_level "$D/golden.txt")" = 0
check "compose rules: the golden's \"Nơi nhận\" is level with the signer" test "$(value recipients_level "$D/golden.txt")" = 0

# mutate KEY VALUE: the dump with nd30's KEY set to VALUE, measured
mutate() {
	m=$D/$1-$2
	mkdir -p "$m"
	sed "s/^$1: [^ ]*/$1: $2/" layouts/nd30.yaml > "$m/nd30.yaml"
	grep -q "^$1: $2" "$m/nd30.yaml" || { echo "no key $1 in layouts/nd30.yaml"; return 1; }
	$VANBAN render --layouts "$m" --dump-positions "$src" > "$m/dump" 2>"$m/err" || return 1
	measure "$m/dump" > "$m/txt"
}
# differs KEY VALUE: the golden no longer matches
differs() { ! cmp -s "$D/golden.dump" "$D/$1-$2/dump"; }
# near A B: |A - B| <= 2 (rounding of 1/1000 pt)
near() { $PY -c "import sys; sys.exit(abs(float(sys.argv[1]) - float(sys.argv[2])) > 2)" "$1" "$2"; }
g() { value "$1" "$D/golden.txt"; }
m() { value "$3" "$D/$1-$2/txt"; }

mutate issuer_rule 0.3
check "compose rules: issuer_rule 0.3 fails the golden" differs issuer_rule 0.3
check "compose rules: issuer_rule 0.3 makes the issuer's rule 3/4 as long" \
	near "$(m issuer_rule 0.3 issuer_rule)" "$(( $(g issuer_rule) * 3 / 4 ))"
check "compose rules: issuer_rule leaves the trích yếu's rule alone" \
	test "$(m issuer_rule 0.3 summary_rule)" = "$(g summary_rule)"

mutate summary_rule 0.3
check "compose rules: summary_rule 0.3 fails the golden" differs summary_rule 0.3
check "compose rules: summary_rule 0.3 makes the trích yếu's rule 3/4 as long" \
	near "$(m summary_rule 0.3 summary_rule)" "$(( $(g summary_rule) * 3 / 4 ))"

mutate rule_gap 1.0
check "compose rules: rule_gap 1.0 fails the golden" differs rule_gap 1.0
check "compose rules: rule_gap 1.0 sets every rule 1 em under its text" \
	test "$(m rule_gap 1.0 issuer_gap) $(m rule_gap 1.0 motto_gap) $(m rule_gap 1.0 summary_gap)" = "1.0 1.0 1.0"

mutate header_gap 12
check "compose rules: header_gap 12 fails the golden" differs header_gap 12
check "compose rules: header_gap moves \"Số\" and the date together" test "$(m header_gap 12 number_level)" = 0

mutate sign_share 0.5
check "compose rules: sign_share 0.5 fails the golden" differs sign_share 0.5
check "compose rules: sign_share 0.5 moves the signer right" \
	test "$(m sign_share 0.5 signer_x)" -gt "$(g signer_x)"
check "compose rules: \"Nơi nhận\" stays level with the signer" test "$(m sign_share 0.5 recipients_level)" = 0

mutate recipients_size 13
check "compose rules: recipients_size 13 fails the golden" differs recipients_size 13
check "compose rules: a larger Nơi nhận list stays level with the signer" \
	test "$(m recipients_size 13 recipients_level)" = 0
