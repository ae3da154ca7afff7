# Award lists of collectives (issue #10), from the PDFs of
# tests/table/collectives.yaml: a list of collectives only is headed
# "Tên tập thể" and has no job column (nothing right of the names); a
# mixed list has the collectives first under "I. TẬP THỂ", then the people
# under "II. CÁ NHÂN", each group numbered from 1.
. tests/e2e/lib.sh
D=$OUT/collectives
rm -rf "$D"; mkdir -p "$D"
$VANBAN render -o "$D" tests/table/collectives.yaml >/dev/null 2>"$D/err"
check "collectives: renders without messages" test ! -s "$D/err"
only=$(pdftotext -layout -f 2 "$D"/quyet-dinh-31-*.pdf - 2>/dev/null)
check "collectives only: headed Tên tập thể" sh -c 'echo "$1" | grep -q "^STT  *Tên tập thể *$"' - "$only"
check "collectives only: no Họ và tên, no job column" sh -c \
	'! echo "$1" | grep -q -e "Họ và tên" -e "Chức vụ"' - "$only"
# each row is its number and the name, nothing after it
rows=$(echo "$only" | grep -c -E '^ *[0-9]+ +(Khoa|Phòng)[^ ]*( [^ ]+)* *$')
check "collectives only: three rows of number and name ($rows)" test "$rows" -eq 3
mixed=$(pdftotext -layout -f 2 "$D"/quyet-dinh-32-*.pdf - 2>/dev/null | grep -v '^ *$')
order=$(echo "$mixed" | grep -o -E 'I\. TẬP THỂ|II\. CÁ NHÂN|Chi bộ Khoa Dân vận|Công đoàn bộ phận|Trương Minh Hùng|Trần Văn Quân' | tr '\n' '|')
check "mixed list: collectives first under their own subheading ($order)" \
	test "$order" = "I. TẬP THỂ|Chi bộ Khoa Dân vận|Công đoàn bộ phận|II. CÁ NHÂN|Trương Minh Hùng|Trần Văn Quân|"
nums=$(echo "$mixed" | sed -n '/TẬP THỂ/,$p' | grep -o -E '^ *[0-9]+ ' | tr -d ' ' | tr '\n' ' ')
check "mixed list: each group numbered from 1 ($nums)" test "$nums" = "1 2 1 2 "
