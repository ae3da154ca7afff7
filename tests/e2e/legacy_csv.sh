# A CSV list in TCVN3, VNI or Windows-1258 that the YAML declares
# ("encoding: NAME" under its csv entry) must give the very bytes of the
# UTF-8 list's PDFs and manifest. Undeclared, each of them, UTF-16 (either
# byte order, with or without a byte-order mark), a Western CSV whose
# Vietnamese letters became "?" and TCVN3 mojibake are refused at the CSV's
# line and column with the encoding named and what to write; no PDF is
# written and no raw byte reaches the terminal.
. tests/e2e/lib.sh
D=$OUT/legacy_csv
rm -rf "$D"; mkdir -p "$D"
BIN=$(cd "$(dirname "$VANBAN")" && pwd)/$(basename "$VANBAN")

# The list as a spreadsheet exports it (header, CRLF), and the YAML naming it
printf '%s\r\n' "STT;Họ và tên;Chức vụ;Đơn vị" \
	"1;Nguyễn Văn An;Giảng viên;Khoa Dân vận" \
	"2;Lê Thị Ba;Chuyên viên;Khoa Lý luận cơ sở" \
	"3;Trần Quốc Cường;Phó Trưởng phòng;Phòng Tổ chức - Hành chính" \
	"4;Phạm Thị Hồng Nhung;Kế toán viên;Phòng Quản trị - Tài vụ" > "$D/list.utf8"
# yaml [ENCODING]: the decision naming list.csv (line 16 is its "file:")
yaml() {
	sed -e 's/csv-broken.csv/list.csv/' -e '/collective: tập thể/d' -e '/^# /d' tests/bad/csv-broken.yaml |
		sed 's/^    list:/    certificate_layout: certificate-a4\n    list:/' |
		if [ -n "$1" ]; then sed "s/^        file: list.csv/&\n        encoding: $1/"; else cat; fi
}
# variant DIR [ENCODING]: DIR/list.csv from stdin, DIR/d.yaml declaring ENCODING
variant() {
	mkdir -p "$D/$1"
	cat > "$D/$1/list.csv"
	yaml "$2" > "$D/$1/d.yaml"
}
# render DIR: from inside DIR, so that every manifest names the same files
render() {
	(cd "$D/$1" && "$BIN" render -o out d.yaml) >/dev/null 2>"$D/$1/stderr"
}
same_output() { # same_output DIR: PDFs and manifest equal to the UTF-8 list's
	cmp "$D/utf8/out/manifest.tsv" "$D/$1/out/manifest.tsv" &&
		for f in "$D"/utf8/out/*.pdf; do cmp "$f" "$D/$1/out/$(basename "$f")" || return 1; done
}
encode() { $PY tests/e2e/legacy_encode.py "$1" < "$D/list.utf8"; }

variant utf8 < "$D/list.utf8"
if ! render utf8 || [ "$(ls "$D/utf8/out" | grep -c '\.pdf$')" != 6 ]; then
	notok "legacy csv: the UTF-8 list renders" "$(cat "$D/utf8/stderr")"; exit 0
fi

for enc in tcvn3 vni cp1258; do
	encode $enc | variant $enc $enc
	if ! render $enc || [ -s "$D/$enc/stderr" ]; then
		notok "legacy csv: declared $enc renders silently" "$(cat "$D/$enc/stderr")"
	else
		check "legacy csv: declared $enc gives the UTF-8 list's PDFs and manifest" same_output $enc
	fi
done
# TCVN3 that an editor read as Windows-1252 and saved as UTF-8, declared
encode tcvn3 | $PY -c "import sys; sys.stdout.write(sys.stdin.buffer.read().decode('cp1252'))" |
	variant tcvn3-saved-as-utf8 tcvn3
render tcvn3-saved-as-utf8
check "legacy csv: declared TCVN3 saved as UTF-8 gives the same PDFs" same_output tcvn3-saved-as-utf8

# refused DIR MESSAGE: rendering DIR fails (status 2) with exactly MESSAGE
# ("vanban: " and the summary around it), writes no PDF and no raw byte
refused() {
	render "$1"
	status=$?
	want="vanban: $2"
	got=$(grep '^vanban: ' "$D/$1/stderr")
	if [ "$status" != 2 ]; then
		notok "legacy csv: $1 is refused" "status $status, want 2" "$(head -3 "$D/$1/stderr")"
	elif [ "$got" != "$want" ]; then
		notok "legacy csv: $1 is refused with the encoding named" "got:  $got" "want: $want"
	elif ls "$D/$1/out" 2>/dev/null | grep -q '\.pdf$'; then
		notok "legacy csv: $1 leaves no PDF"
	elif ! iconv -f utf-8 -t utf-8 "$D/$1/stderr" >/dev/null 2>&1; then
		notok "legacy csv: $1's messages are valid UTF-8"
	else
		ok "legacy csv: $1 is refused with the encoding named"
	fi
}
encode tcvn3 | variant bare-tcvn3
refused bare-tcvn3 'list.csv:1:6: error: not valid UTF-8: the file looks like TCVN3 (ABC); add the line "encoding: tcvn3" under its csv entry (d.yaml:16), or save it as "CSV UTF-8"'
encode vni | variant bare-vni
refused bare-vni 'list.csv:1:6: error: not valid UTF-8: the file looks like VNI-Windows; add the line "encoding: vni" under its csv entry (d.yaml:16), or save it as "CSV UTF-8"'
encode cp1258 | variant bare-cp1258
refused bare-cp1258 'list.csv:1:6: error: not valid UTF-8: the file looks like Windows-1258; add the line "encoding: cp1258" under its csv entry (d.yaml:16), or save it as "CSV UTF-8"'
# the first legacy byte on a later line is found there
{ printf 'STT;Ho va ten;Chuc vu;Don vi\r\n'; encode cp1258 | tail -n +2; } | variant late-cp1258
refused late-cp1258 'list.csv:2:7: error: not valid UTF-8: the file looks like Windows-1258; add the line "encoding: cp1258" under its csv entry (d.yaml:16), or save it as "CSV UTF-8"'
encode tcvn3 | $PY -c "import sys; sys.stdout.write(sys.stdin.buffer.read().decode('cp1252'))" |
	variant mojibake-tcvn3
refused mojibake-tcvn3 'list.csv:1:6: error: this text looks like TCVN3 (ABC) bytes read as Unicode; add the line "encoding: tcvn3" under the file'"'"'s csv entry (d.yaml:16)'

for form in utf-16-le utf-16-be; do
	for bom in bom nobom; do
		$PY -c 'import sys
bom = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}[sys.argv[1]] if sys.argv[2] == "bom" else b""
sys.stdout.buffer.write(bom + sys.stdin.read().encode(sys.argv[1]))' "$form" "$bom" < "$D/list.utf8" |
			variant "$form-$bom"
		name=$(echo "$form" | sed 's/utf-16-/UTF-16/' | tr a-z A-Z)
		refused "$form-$bom" "list.csv:1:1: error: the file is $name text, which is not read here; save it as \"CSV UTF-8\" (in Excel: Save As, \"CSV UTF-8 (Comma delimited)\")"
	done
done

# Excel's plain "CSV" in a Western setting: "Nguy?n V?n An", "Lê Th? Ba"
$PY -c "import sys; sys.stdout.buffer.write(sys.stdin.read().encode('cp1252', errors='replace'))" \
	< "$D/list.utf8" | variant cp1252
refused cp1252 'list.csv:1:6: error: Vietnamese letters are lost in "H?": the file was saved as plain CSV (Windows-1252), which writes "?" for them; export it again as "CSV UTF-8"'
# the same in ASCII alone, the "?" further in
{ printf 'STT;Ho va ten;Chuc vu;Don vi\r\n'; tail -n +2 "$D/list.utf8" |
	$PY -c "import sys; sys.stdout.buffer.write(sys.stdin.read().encode('ascii', errors='replace'))"; } |
	variant ascii-lost
refused ascii-lost 'list.csv:2:7: error: Vietnamese letters are lost in "Nguy?n": the file was saved as plain CSV (Windows-1252), which writes "?" for them; export it again as "CSV UTF-8"'
# a "?" in a web address is not a lost letter
{ cat "$D/list.utf8"; printf '5;Võ Văn Em;Chuyên viên;https://example.vn/a.php?id=5\r\n'; } | variant url
render url
check "legacy csv: a ? in a web address is not a lost letter" test ! -s "$D/url/stderr"

# A declaration the bytes do not fit, at the declaration
encode tcvn3 | variant wrong-vni vni
refused wrong-vni 'd.yaml:17:19: error: "encoding: vni" is declared for list.csv, but that file reads as TCVN3 (ABC); write "encoding: tcvn3"'
variant utf8-declared-vni vni < "$D/list.utf8"
refused utf8-declared-vni 'd.yaml:17:19: error: "encoding: vni" is declared for list.csv, but that file is UTF-8; remove this line'

# Vietnamese: the same refusal in the clerk's words, still valid UTF-8
(cd "$D/bare-cp1258" && env -u LC_ALL LANG=vi_VN.UTF-8 "$BIN" check d.yaml) >/dev/null 2>"$D/vi.stderr"
check "legacy csv: the refusal in Vietnamese" grep -qF \
	'list.csv:1:6: lỗi: không phải UTF-8 hợp lệ: tệp có vẻ dùng mã Windows-1258; hãy thêm dòng "encoding: cp1258" vào mục csv của tệp (d.yaml:16)' "$D/vi.stderr"

# Whatever bytes a CSV holds, the messages are valid UTF-8 (random bytes,
# with the header readable or not)
for seed in 1 2 3 4; do
	$PY -c 'import random, sys
r = random.Random(int(sys.argv[1]))
pick = list(range(0x80, 0x100)) + [59, 65, 97, 32]
row = lambda n: bytes(r.choice(pick) for _ in range(n)) + b"\r\n"
head = "STT;Họ và tên;Chức vụ;Đơn vị\r\n".encode() if r.random() < 0.5 else row(40)
sys.stdout.buffer.write(head + b"".join(row(50) for _ in range(5)))' $seed | variant random-$seed
	render random-$seed
	s=$?
	check "legacy csv: random bytes ($seed) are refused in valid UTF-8" sh -c \
		"test $s = 2 && test -s '$D/random-$seed/stderr' && iconv -f utf-8 -t utf-8 '$D/random-$seed/stderr' >/dev/null"
done
