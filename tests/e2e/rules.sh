# Rules clear of the text, and the model forms' vertical proportions, read
# from the PDFs (tests/vspace.py: mutool's baselines and stroked paths):
# every rule under the issuing body, the Tiêu ngữ and the trích yếu, on
# every kind and on a certificate, sits 0.55–1.0 em under the baseline
# above it (the models: 0.8 em); the tên loại sits about 45 pt under the
# date line (Mẫu 1.2) and BIÊN BẢN about 60 pt under "Số" (Mẫu 1.9); the
# signatures about 30 pt under the last line of a decision's body.
. tests/e2e/lib.sh
D=$OUT/rules
rm -rf "$D"; mkdir -p "$D"
$VANBAN render -o "$D" input/*.yaml >/dev/null 2>"$D/stderr"
between() { $PY -c "import sys; v=float(sys.argv[1]); sys.exit(not float(sys.argv[2]) <= v <= float(sys.argv[3]))" "$@"; }
# every document of input/ (each kind, whatever input/ holds) and one certificate;
# the archive's forms (hồ sơ, danh mục, mục lục) have no header rules
for pdf in "$D"/*.pdf; do
	case ${pdf##*/} in
	giay-khen-*-01-*) ;;
	giay-khen-* | ho-so-* | danh-muc-* | muc-luc-*) continue ;;
	esac
	name=$(basename "$pdf" .pdf)
	$PY tests/vspace.py "$pdf" > "$D/$name.txt"
	n=$(grep -c '^rule_below' "$D/$name.txt")
	# (a Party "Nơi nhận:" is underlined, 0.1-0.25 em under its baseline)
	bad=$(awk '/^rule_below/ { em = $3; sub("em", "", em); ul = index($0, "\"Nơi nhận:\"") > 0
		if (ul ? em < 0.1 || em > 0.25 : em < 0.55 || em > 1.0) print }' "$D/$name.txt")
	if [ "$n" -ge 1 ] && [ -z "$bad" ]; then ok "rules 0.55-1 em under the text: $name ($n)"
	else notok "rules 0.55-1 em under the text: $name" "$n rules" "$bad"; fi
done
value() { awk -v k="$1" '$1 == k { print $2 }' "$2"; }
f=$(ls "$D"/quyet-dinh-15-*.txt)
check "decision: tên loại 40-50 pt under the date line" between "$(value title_gap "$f")" 40 50
check "decision: signatures 25-35 pt under the body" between "$(value signature_gap "$f")" 25 35
check "decision: opening 38-50 pt under the trích yếu" between "$(value opening_gap "$f")" 38 50
f=$(ls "$D"/bien-ban-*.txt)
check "minutes: BIÊN BẢN 55-65 pt under Số" between "$(value title_gap "$f")" 55 65
