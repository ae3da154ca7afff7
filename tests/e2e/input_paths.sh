# Input paths: a file a YAML names must be inside its folder (or in a
# folder given with --allow-path); absolute paths, ".." above it, links out
# of it, FIFOs and folders are refused with one exact message at the key,
# exit 2, and no PDF — in render and in check alike. A FIFO never hangs.
. tests/e2e/lib.sh
D=$OUT/input-paths
rm -rf "$D" && mkdir -p "$D/in/sub" "$D/other"
D=$(cd "$D" && pwd) # absolute: the "allowed" cases name files by absolute path
printf 'STT;Họ và tên;Chức vụ;Đơn vị\n1;Nguyễn Văn An;Giảng viên;Khoa Dân vận\n' > "$D/in/list.csv"
cp "$D/in/list.csv" "$D/other/list.csv"
cp "$D/in/list.csv" "$D/secret.csv"
ln -s ../secret.csv "$D/in/out-link.csv"
ln -s /etc/passwd "$D/in/abs-link.csv"
ln -s sub/../list.csv "$D/in/in-link.csv"
mkfifo "$D/in/fifo.csv" "$D/in/fifo.yaml"
# the decision of tests/bad/csv-broken.yaml with FILE as its CSV
yaml_with() {
	sed -e "s#csv-broken.csv#$1#" -e '/collective: tập thể/d' -e '/^# /d' tests/bad/csv-broken.yaml
}
# case NAME FILE STATUS MESSAGE [OPTIONS]: render and check both print
# exactly MESSAGE (with the YAML's path for @), exit STATUS, leave no PDF
case_() {
	name=$1 file=$2 want_status=$3 want=$4
	shift 4
	yaml_with "$file" > "$D/in/$name.yaml"
	for cmd in render check; do
		o=; [ $cmd = render ] && o="-o $D/out-$name"
		timeout 20 $VANBAN $cmd $o "$@" "$D/in/$name.yaml" >/dev/null 2>"$D/$name.$cmd.err"
		s=$?
		exp=$(printf '%s' "$want" | sed "s#@#$D/in/$name.yaml#")
		if [ "$s" != "$want_status" ]; then
			notok "input paths: $name ($cmd) exit status" "got $s, want $want_status" "$(head -2 "$D/$name.$cmd.err")"
		elif [ "$(cat "$D/$name.$cmd.err")" != "$exp" ]; then
			notok "input paths: $name ($cmd) message" "got: $(head -2 "$D/$name.$cmd.err")" "want: $exp"
		elif [ $cmd = render ] && [ "$want_status" != 0 ] && ls "$D/out-$name"/*.pdf >/dev/null 2>&1; then
			notok "input paths: $name ($cmd) left a PDF"
		else
			ok "input paths: $name ($cmd)"
		fi
	done
}
K='vanban: @:15:15: error: the CSV file'
case_ absolute /etc/passwd 2 "$K \"/etc/passwd\" is an absolute path: give it relative to this file's folder, or allow its folder with --allow-path"
case_ above ../secret.csv 2 "$K \"../secret.csv\" leads out of this file's folder: inputs must be in it or below it (or in a folder given with --allow-path)"
case_ above-via-sub sub/../../secret.csv 2 "$K \"sub/../../secret.csv\" leads out of this file's folder: inputs must be in it or below it (or in a folder given with --allow-path)"
case_ link-out out-link.csv 2 "$K \"out-link.csv\" is a symbolic link that leads out of this file's folder"
case_ link-absolute abs-link.csv 2 "$K \"abs-link.csv\" is a symbolic link that leads out of this file's folder"
case_ fifo-csv fifo.csv 2 "$K \"fifo.csv\" is not a regular file (it is a FIFO)"
case_ folder sub 2 "$K \"sub\" is not a regular file (it is a folder)"
case_ missing none.csv 2 "vanban: @:15:15: error: cannot read the CSV file \"none.csv\": No such file or directory"
case_ link-inside in-link.csv 0 ""
case_ allowed-absolute "$D/other/list.csv" 0 "" --allow-path "$D/other"
case_ allowed-relative ../other/list.csv 0 "" --allow-path "$D/other"
case_ allowed-elsewhere ../secret.csv 2 "$K \"../secret.csv\" leads out of this file's folder: inputs must be in it or below it (or in a folder given with --allow-path)" --allow-path "$D/other"
case_ allow-not-a-folder list.csv 2 "vanban: error: --allow-path \"$D/nowhere\": No such file or directory" --allow-path "$D/nowhere"

# The YAML itself as a FIFO: refused at once, not read forever.
timeout 20 $VANBAN check "$D/in/fifo.yaml" 2>"$D/fifo-yaml.err"
s=$?
check "input paths: a FIFO as the YAML file is refused at once (exit 2)" \
	test "$s" = 2 -a "$(cat "$D/fifo-yaml.err")" = "vanban: $D/in/fifo.yaml: error: cannot read: not a regular file (it is a FIFO)"

# A file that is not a CSV at all (here /etc/passwd's kind of content, in
# an allowed folder): the message quotes at most 60 characters of it.
printf 'root:x:0:0:root:/root:/bin/bash;daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin;bin:x:2:2\n' > "$D/other/passwd"
yaml_with "$D/other/passwd" > "$D/in/passwd.yaml"
$VANBAN check --allow-path "$D/other" "$D/in/passwd.yaml" 2>"$D/passwd.err"
s=$?
check "input paths: a header that does not match is quoted to 60 characters" test "$s" = 2 -a \
	"$(head -1 "$D/passwd.err")" = "vanban: $D/in/passwd.yaml:16:15: error: no column \"Họ và tên\" in the header of $D/other/passwd (it has \"root:x:0:0:root:/root:/bin/bash\", \"daemon:x:1:1:daemon:/usr…)"
