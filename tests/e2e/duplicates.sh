# Slips given twice are warned once each, at the second place, naming the
# first (issue 11): a decision number in one run (the same reference in the
# same year, across files too), a recipient in one list (same name and
# unit), a CSV header. The run still writes its PDFs and exits 1; a
# recipient of the same name in another unit is no slip.
. tests/e2e/lib.sh
D=$OUT/duplicates
rm -rf "$D"; mkdir -p "$D"
decision() { # NUMBER RECIPIENTS...
	n=$1; shift
	cat <<YAML
organisation: {name: Trường Chính trị Tôn Đức Thắng, abbreviation: TCT, place: An Giang}
decisions:
  - number: $n
    date: 2020-12-30
    summary: Về việc khen thưởng
    authority: HIỆU TRƯỞNG TRƯỜNG CHÍNH TRỊ TÔN ĐỨC THẮNG
    articles: [Khen thưởng các cá nhân có tên trong danh sách kèm theo.]
    signer: {title: HIỆU TRƯỞNG, name: Hồ Ngọc Trường}
    list:
      recipients:
YAML
	for r in "$@"; do echo "        - $r"; done
}
decision 15 "{name: Nguyễn Văn An, unit: Khoa A}" "{name: Lê Thị Ba, unit: Khoa B}" \
	"{name: Nguyễn Văn An, unit: Khoa C}" "{name: Nguyễn Văn An, unit: Khoa A}" "{name: Lê Thị Ba, unit: Khoa B}" >"$D/a.yaml"
decision 15 "{name: Trần Văn Cư}" "{name: Trần Văn Cư}" >"$D/b.yaml"
decision 16 "{name: Phạm Thị Dung}" >"$D/c.yaml"
cat >"$D/want" <<WANT
vanban: $D/a.yaml:14:18: warning: "Nguyễn Văn An" (Khoa A) is in the list twice (first at 11:18)
vanban: $D/a.yaml:15:18: warning: "Lê Thị Ba" (Khoa B) is in the list twice (first at 12:18)
vanban: $D/b.yaml:12:18: warning: "Trần Văn Cư" is in the list twice (first at 11:18)
vanban: $D/b.yaml:3:13: warning: decision number 15/QĐ-TCT of 2020 is given twice (first at $D/a.yaml:3:13): give each decision its own number
WANT
for cmd in render check; do
	o=; [ $cmd = render ] && o="-o $D/out"
	$VANBAN $cmd $o "$D/a.yaml" "$D/b.yaml" "$D/c.yaml" >/dev/null 2>"$D/$cmd.err"; s=$?
	grep -v 'would be named' "$D/$cmd.err" >"$D/$cmd.got"
	if [ "$s" != 1 ]; then
		notok "duplicates: $cmd exits 1" "got $s" "$(head -3 "$D/$cmd.err")"
	elif ! cmp -s "$D/want" "$D/$cmd.got"; then
		notok "duplicates: $cmd warns each slip once, at its place" "$(diff "$D/want" "$D/$cmd.got" | head -8)"
	else
		ok "duplicates: $cmd warns each slip once, at its place"
	fi
done
check "duplicates: the PDFs are still written" test "$(ls "$D/out" | grep -c '\.pdf$')" = 3
# numbers restart each year; one decision alone draws no warning
sed -e 's/date: 2020-12-30/date: 2021-01-04/' -e 's/number: 16/number: 15/' "$D/c.yaml" >"$D/d.yaml"
$VANBAN check "$D/c.yaml" "$D/d.yaml" >/dev/null 2>"$D/ok.err"; s=$?
check "duplicates: the same number in another year is no slip" test "$s" = 0 -a ! -s "$D/ok.err"
# a CSV header named twice
printf 'Họ và tên;Đơn vị;Họ và tên\nNguyễn Văn An;Khoa A;x\n' >"$D/list.csv"
sed 's/^      recipients:$/      csv: {file: list.csv, name: Họ và tên, unit: Đơn vị}/' "$D/c.yaml" | grep -v '^        - ' >"$D/e.yaml"
$VANBAN check "$D/e.yaml" >/dev/null 2>"$D/csv.err"; s=$?
check "duplicates: a CSV header named twice is warned with both places" sh -c "test $s = 1 && test \"\$(cat '$D/csv.err')\" = 'vanban: $D/list.csv:1:18: warning: column \"Họ và tên\" is named twice in the header (first as column 1 at 1:1); column 3 is ignored'"
