# All or nothing per input file: a tab inside a CSV name (the audit's case)
# is an error that only the PDF writer's checks see; `render` writes no PDF
# of that file at all (neither the decision nor the other certificates),
# and `check` reports exactly the same message with the same exit status.
. tests/e2e/lib.sh
D=$OUT/all-or-nothing
rm -rf "$D" && mkdir -p "$D"
printf 'STT;Họ và tên;Chức vụ;Đơn vị\n1;Nguyễn Văn An;Giảng viên;Khoa Dân vận\n2;Lê\tBa;Giảng viên;Khoa Dân vận\n' > "$D/list.csv"
sed -e 's#csv-broken.csv#list.csv#' -e '/collective: tập thể/d' -e '/^# /d' \
	-e 's/^    list:/    certificate_layout: certificate-a4\n    achievement: Hoàn thành tốt nhiệm vụ.\n    list:/' \
	tests/bad/csv-broken.yaml > "$D/tab.yaml"
want="vanban: $D/list.csv:3:3: error: control character U+0009 cannot be printed"
$VANBAN render -o "$D/out" "$D/tab.yaml" >/dev/null 2>"$D/render.err"
rs=$?
$VANBAN check "$D/tab.yaml" >/dev/null 2>"$D/check.err"
cs=$?
check "all or nothing: render rejects a tab in a CSV name once (exit 2)" \
	test "$rs" = 2 -a "$(cat "$D/render.err")" = "$want"
check "all or nothing: render writes no PDF of that file (decision and other certificates included)" \
	sh -c "! ls '$D/out'/*.pdf >/dev/null 2>&1"
check "all or nothing: check reports exactly what render does (message and exit status)" \
	test "$cs" = "$rs" -a "$(cat "$D/check.err")" = "$(cat "$D/render.err")"
# the same file without the tab renders everything
sed -i 's/Lê\tBa/Lê Ba/' "$D/list.csv"
$VANBAN render -o "$D/good" "$D/tab.yaml" >/dev/null 2>"$D/good.err"
check "all or nothing: without the tab the decision, 2 certificates and the print file are written" \
	test "$?" = 0 -a "$(ls "$D/good"/*.pdf | wc -l)" = 4

# The output folder: only its last component is created (no mkdir -p), so
# "-o /media/usb/out" with the stick unmounted cannot fill the root disk.
$VANBAN render -o "$D/nowhere/out" "$D/tab.yaml" >/dev/null 2>"$D/noparent.err"
s=$?
check "output folder: a missing parent is refused with a clear message (exit 2), nothing created" \
	test "$s" = 2 -a ! -e "$D/nowhere" -a "$(cat "$D/noparent.err")" = \
	"vanban: $D/nowhere/out: error: the output folder's parent does not exist (is the drive mounted?): create it first; only the last folder of -o is created"
