# A records file is all or nothing, like a document file: an error in any
# part (here the Danh mục's upper-cased heading needs a letter the bold face
# lacks) writes neither the Danh mục nor the volumes nor the Mục lục nộp lưu;
# before, the volumes and both Mục lục were written beside the error.
. tests/e2e/lib.sh
D=$OUT/records_all_or_nothing
rm -rf "$D"; mkdir -p "$D/in"
cp -r input/*.yaml input/scans "$D/in/"
sed 's/^    - title: Tổ chức - Hành chính$/    - title: Tổ chức ɐ Hành chính/' input/danh-muc-ho-so-2020.yaml >"$D/in/danh-muc-ho-so-2020.yaml"
want="vanban: $D/in/danh-muc-ho-so-2020.yaml:21:14: error: character U+2C6F \"Ɐ\" is not in the bold font"
for cmd in render check; do
	o=; [ $cmd = render ] && o="-o $D/out"
	$VANBAN $cmd $o "$D/in/danh-muc-ho-so-2020.yaml" >/dev/null 2>"$D/$cmd.err"; s=$?
	check "records all or nothing: $cmd reports the error, exit 2" sh -c \
		"test $s = 2 && test \"\$(cat '$D/$cmd.err')\" = '$want'"
done
check "records all or nothing: no PDF of the records file is written" sh -c "! ls '$D/out' | grep -q '\.pdf\$'"
