# The seed in TCVN3, VNI and Windows-1258 (declared in the file or with
# --encoding) must give the very bytes of the Unicode original: PDF and
# manifest. Each variant is written by legacy_encode.py from input/tct-2020.yaml.
. tests/e2e/lib.sh
D=$OUT/legacy
rm -rf "$D"; mkdir -p "$D"
BIN=$(cd "$(dirname "$VANBAN")" && pwd)/$(basename "$VANBAN")
SRC=input/tct-2020.yaml

# variant DIR ENC [HEAD]: DIR/tct-2020.yaml in ENC, HEAD (e.g. the encoding line) first
variant() {
	mkdir -p "$D/$1"
	{ printf '%s' "$3"; $PY tests/e2e/legacy_encode.py "$2" < "$SRC"; } > "$D/$1/tct-2020.yaml"
}
# render DIR [OPTION...]: renders DIR/tct-2020.yaml from inside DIR, so that
# the manifest's source column is the same for every variant
render() {
	dir=$1; shift
	(cd "$D/$dir" && "$BIN" render -o out "$@" tct-2020.yaml) 2>"$D/$dir/stderr"
}
same_output() { # same_output DIR: PDFs and manifest equal to the original's
	cmp "$D/utf8/out/manifest.tsv" "$D/$1/out/manifest.tsv" &&
		for f in "$D"/utf8/out/*.pdf; do cmp "$f" "$D/$1/out/$(basename "$f")" || return 1; done
}

mkdir -p "$D/utf8" && cp "$SRC" "$D/utf8/tct-2020.yaml"
if ! render utf8; then
	notok "legacy: the original renders" "$(cat "$D/utf8/stderr")"; exit 0
fi

variant tcvn3 tcvn3 "# TCVN3 (ABC), as .VnTime documents were saved
encoding: tcvn3
"
variant vni vni "encoding: VNI-Windows   # VNI-Times
"
variant cp1258 cp1258 ""
variant tcvn3-cli tcvn3 ""
# a TCVN3 file an editor read as Windows-1252 and saved as UTF-8
mkdir -p "$D/tcvn3-saved-as-utf8"
{ echo "encoding: tcvn3"; $PY tests/e2e/legacy_encode.py tcvn3 < "$SRC" |
	$PY -c "import sys; sys.stdout.write(sys.stdin.buffer.read().decode('cp1252'))"; } \
	> "$D/tcvn3-saved-as-utf8/tct-2020.yaml"

check "legacy: the encoded files are not UTF-8" $PY - "$D" <<'PYEOF'
import sys
for enc in ("tcvn3", "vni", "cp1258"):
    try:
        open(f"{sys.argv[1]}/{enc}/tct-2020.yaml", "rb").read().decode("utf-8")
        print(enc, "is valid UTF-8"); sys.exit(1)
    except UnicodeDecodeError:
        pass
PYEOF

for v in "tcvn3" "vni" "cp1258 --encoding cp1258" "tcvn3-cli --encoding tcvn3" "tcvn3-saved-as-utf8"; do
	set -- $v
	name=$1; shift
	if ! render "$name" "$@"; then
		notok "legacy: $name renders" "$(cat "$D/$name/stderr")"
	elif [ -s "$D/$name/stderr" ]; then
		notok "legacy: $name renders silently" "$(cat "$D/$name/stderr")"
	else
		check "legacy: $name gives the original's PDF and manifest" same_output "$name"
	fi
done

# Undeclared, each is refused with the encoding named, and nothing is written.
(cd "$D/cp1258" && "$BIN" check tct-2020.yaml) >/dev/null 2>"$D/cp1258.check"
want="tct-2020.yaml:1:4: error: not valid UTF-8: the file looks like Windows-1258; convert it to UTF-8 or declare \"encoding: cp1258\" at its top"
check "legacy: undeclared cp1258 is named" grep -qF "$want" "$D/cp1258.check"
mkdir -p "$D/vni-bare" && $PY tests/e2e/legacy_encode.py vni < "$SRC" > "$D/vni-bare/tct-2020.yaml"
(cd "$D/vni-bare" && "$BIN" render -o out tct-2020.yaml) >/dev/null 2>"$D/vni-bare/stderr"
status=$?
check "legacy: undeclared VNI is refused (status 2, no PDF)" test "$status" = 2 -a \
	"$(ls "$D/vni-bare/out" | grep -c '\.pdf$')" = 0
check "legacy: undeclared VNI is named once" test "$(grep -c 'looks like VNI-Windows' "$D/vni-bare/stderr")" = 1
"$BIN" check --encoding vni "$D/tcvn3-cli/tct-2020.yaml" 2>"$D/wrong-option.stderr"
status=$?
check "legacy: a wrong --encoding is refused" test "$status" = 2 -a \
	"$(grep -c 'error: --encoding vni does not fit this file: it reads as TCVN3 (ABC)' "$D/wrong-option.stderr")" = 1
