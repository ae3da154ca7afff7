# Every document kind rendered from input/, measured from its PDF against
# its model form (tests/e2e/kinds.py, docs/rules.md §1.6a and §7); then each
# check shown to fail when the layout data or the input it measures changes.
. tests/e2e/lib.sh
D=$OUT/kinds
rm -rf "$D"; mkdir -p "$D"
if ! $VANBAN render -o "$D/all" input/*.yaml >"$D/stdout" 2>"$D/stderr"; then
	notok "kinds: input/ renders" "$(head -5 "$D/stderr")"; exit 0
fi
ok "kinds: input/ renders"
for f in input/*.yaml; do
	grep -q '^documents:' "$f" || continue
	$PY tests/e2e/kinds.py "$f" "$D/all"
done
# every kind again as the Party committee (HD36) and the trade union write it
P=tests/kinds/dang-cong-doan.yaml
if $VANBAN render -o "$D/party-union" $P >"$D/pu.stdout" 2>"$D/pu.stderr" && test ! -s "$D/pu.stderr"; then
	ok "kinds: $P renders without messages"
	$PY tests/e2e/kinds.py $P "$D/party-union"
else
	notok "kinds: $P renders without messages" "$(head -5 "$D/pu.stderr")"
fi

# mutate NAME FILE.yaml CHECK PYTHON: a copy of FILE with the change PYTHON
# makes (to `lay`, `kinds`, `hd36`, `cd` or `src`, written beside it) must fail CHECK
# (with HOLDS=1: must pass it and every other check).
mutate() {
	name=$1 file=$2 want=$3 code=$4 m="$D/m-$1"
	mkdir -p "$m"
	$PY - "$file" "$m" "$code" <<'PYEOF' || { notok "kinds: mutation $name set-up"; return; }
import sys, shutil, os, yaml
file, m, code = sys.argv[1:4]
lay = open("layouts/nd30.yaml", encoding="utf-8").read()
kinds = open("layouts/kinds.yaml", encoding="utf-8").read()
hd36 = open("layouts/hd36.yaml", encoding="utf-8").read()
cd = open("layouts/congdoan.yaml", encoding="utf-8").read()
src = open(file, encoding="utf-8").read()
exec(code)
open(os.path.join(m, "hd36.yaml"), "w", encoding="utf-8").write(hd36)
open(os.path.join(m, "congdoan.yaml"), "w", encoding="utf-8").write(cd)
open(os.path.join(m, "nd30.yaml"), "w", encoding="utf-8").write(lay)
open(os.path.join(m, "kinds.yaml"), "w", encoding="utf-8").write(kinds)
open(os.path.join(m, os.path.basename(file)), "w", encoding="utf-8").write(src)
PYEOF
	if ! $VANBAN render -o "$m/out" "$m/$(basename "$file")" >/dev/null 2>"$m/stderr"; then
		notok "kinds: mutation $name renders" "$(head -3 "$m/stderr")"; return
	fi
	$PY tests/e2e/kinds.py "$m/$(basename "$file")" "$m/out" > "$m/result"
	if [ -n "$HOLDS" ]; then # the changed input must pass CHECK, and every other
		if grep -q "^ok - $want" "$m/result" && ! grep -q "^not ok" "$m/result"; then ok "kinds: $name holds \"$want\""
		else notok "kinds: $name holds \"$want\"" "$(grep -A1 "^not ok" "$m/result" | head -4)"; fi
	elif grep -q "^not ok - $want" "$m/result"; then ok "kinds: $name fails \"$want\""
	else notok "kinds: $name fails \"$want\"" "$(grep "$want" "$m/result" | head -3)"; fi
}
H=input/tct-2020-hoi-nghi.yaml
mutate page-height $H "giay-moi state .* §7.1 " 'lay = lay.replace("page_height: 297", "page_height: 290")'
mutate margin $H "giay-moi state .* §7.2 " 'lay = lay.replace("margin_left: 30", "margin_left: 25")'
mutate national-size $H "giay-moi state .* §7.4 " 'lay = lay.replace("national_size: 12", "national_size: 13")'
mutate motto-size $H "giay-moi state .* §7.5 " 'lay = lay.replace("motto_size: 13", "motto_size: 14")'
mutate issuer-rule $H "giay-moi state .* §7.6 " 'lay = lay.replace("issuer_rule: 0.4", "issuer_rule: 0.6")'
mutate abbreviation $H "giay-moi state .* §7.7 number Số: 52/GM-TCT" 'kinds = kinds.replace("abbreviation: GM", "abbreviation: GMX")'
mutate date-size $H "giay-moi state .* §7.8 " 'lay = lay.replace("date_size: 13", "date_size: 14")'
mutate summary-rule $H "bao-cao state .* §7.10 " 'lay = lay.replace("summary_rule: 0.4", "summary_rule: 0.6")'
mutate type-size $H "bao-cao state .* §7.10 " 'lay = lay.replace("type_size: 14 ", "type_size: 13 ")'
mutate type-name $H "bao-cao [0-9]* its PDF" 'kinds = kinds.replace("name: Báo cáo", "name: Báo cáo tổng kết")'
mutate indent $H "bao-cao state .* §7.12 " 'lay = lay.replace("body_indent: 10 ", "body_indent: 12.7 ")'
mutate space-after $H "bao-cao state .* §7.12 " 'lay = lay.replace("body_space_after: 6 ", "body_space_after: 3 ")'
mutate leading $H "bao-cao state .* §7.12 " 'lay = lay.replace("body_leading: 17 ", "body_leading: 16 ")'
mutate article-indent $H "nghi-quyet state .* §7.13 " 'lay = lay.replace("body_indent: 10 ", "body_indent: 12.7 ")'
mutate sign-room $H "bao-cao state .* §7.15 " 'lay = lay.replace("sign_room: 25 ", "sign_room: 24 ")'
mutate recipients-size $H "bao-cao state .* §7.16 " 'lay = lay.replace("recipients_size: 11", "recipients_size: 12")'
mutate page-numbers $H "bao-cao state .* §7.17 " 'lay = lay.replace("page_number_from: 2", "page_number_from: 1")'
mutate vv-size $H "cong-van state .* V/v under the number" 'lay = lay.replace("vv_size: 12 ", "vv_size: 14 ")'
mutate to-column $H "cong-van state .* Kính gửi: one addressee" 'lay = lay.replace("to_share: 0.33", "to_share: 0.4")'
mutate opening $H "nghi-quyet state .* \"QUYẾT NGHỊ:\"" 'kinds = kinds.replace("QUYẾT NGHỊ:", "QUYẾT NGHỊ")'
mutate invite-lines $H "giay-moi state .* the kind.s lines" 'kinds = kinds.replace("Chủ trì: {value}", "Chủ trì hội nghị: {value}")'
mutate party-items $P "nghi-quyet party .* §7.16 " 'hd36 = hd36.replace("- {item},", "- {item};")'
mutate party-underline $P "bao-cao party .* §7.16 " 'hd36 = hd36.replace("recipients_label_rule: 1", "recipients_label_rule: 0")'
mutate party-star $P "quyet-dinh party .* §7.6 " 'hd36 = hd36.replace("issuer_mark: star", "issuer_mark: rule")'
mutate party-number $P "ke-hoach party .* §7.7 number Số 20-KH/ĐU" 'hd36 = hd36.replace("Số {number}-{symbol}", "Số: {number}-{symbol}")'
mutate party-type-size $P "thong-bao party .* §7.10 " 'hd36 = hd36.replace("type_size: 16", "type_size: 14")'
mutate union-motto $P "giay-moi union .* §7.5 " 'cd = cd.replace("motto: Độc lập - Tự do - Hạnh phúc", "motto: Độc lập - Tự do")'
mutate union-number $P "cong-van union .* §7.7 " 'cd = cd.replace("Số: {number}/{symbol}", "Số {number}/{symbol}")'
mutate union-table-close $P "chuong-trinh union .* §7.14 " 'cd += "close_after_table: right\n"'
# a Chương trình whose body ends on its table: "./." on its own line under it
# (docs/rules.md §1.6a), measured; moved to the right by the layout, it fails
TABLE_END='src = src.replace("      - text: Đề nghị các đơn vị, cá nhân được phân công", "#")'
HOLDS=1 mutate table-close $H "chuong-trinh state .* §7.14 \"./.\" on its own line under the closing table (left)" "$TABLE_END"; HOLDS=
mutate table-close-right $H "chuong-trinh state .* §7.14 \"./.\" on its own line under the closing table" \
	"$TABLE_END"'; lay = lay.replace("close_after_table: left", "close_after_table: right")'

# input/README.md's Kế hoạch example renders as it is and conforms.
mkdir -p "$D/readme"
$PY - input/README.md "$D/readme/ke-hoach.yaml" <<'PYEOF'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
block = re.search(r"### Example: a Kế hoạch\s+```yaml\n(.*?)```", text, re.S).group(1)
open(sys.argv[2], "w", encoding="utf-8").write(block)
PYEOF
if $VANBAN render -o "$D/readme/out" "$D/readme/ke-hoach.yaml" >/dev/null 2>"$D/readme/stderr" && test ! -s "$D/readme/stderr"; then
	ok "kinds: input/README.md's Kế hoạch example renders without messages"
	$PY tests/e2e/kinds.py "$D/readme/ke-hoach.yaml" "$D/readme/out"
else
	notok "kinds: input/README.md's Kế hoạch example renders without messages" "$(head -3 "$D/readme/stderr")"
fi
