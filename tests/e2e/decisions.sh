# The seed's award decisions in three styles, measured against formats.md §7.
. tests/e2e/lib.sh
D=$OUT/decisions
rm -rf "$D"; mkdir -p "$D"
if ! $VANBAN render -o "$D" input/tct-2020-khen-thuong.yaml 2>"$D/stderr"; then
	notok "decisions render" "$(cat "$D/stderr")"; exit 0
fi
ok "decisions render"
check "decisions: six PDFs in the manifest" test "$(grep -c '^decision' "$D/manifest.tsv")" = 6
for f in "$D"/quyet-dinh-*.pdf; do
	b=$(basename "$f")
	check "decision $b qpdf --check" qpdf_ok "$f"
	check "decision $b fonts embedded and subset" fonts_ok "$f"
done
$PY tests/e2e/conformance.py decision state "$D/quyet-dinh-15-QD-TCT.pdf"
$PY tests/e2e/conformance.py decision party "$D/quyet-dinh-45-QD-DU.pdf"
$PY tests/e2e/conformance.py decision union "$D/quyet-dinh-08-QD-CDCS.pdf"
text_of "$D/quyet-dinh-15-QD-TCT.pdf" > "$D/15.txt"
check "decision amount and its words (0.3 × 1.490.000 rounded up)" $PY - "$D/15.txt" <<'PYEOF'
import sys, re
t = re.sub(r"\s+", " ", open(sys.argv[1], encoding="utf-8").read())
need = ["450.000 đồng (Bằng chữ: Bốn trăm năm mươi nghìn đồng)", "16.650.000 đồng",
        "Công nhận danh hiệu “Lao động tiên tiến” năm 2020 cho 37 cá nhân"]
bad = [n for n in need if n not in t]
print("missing:", bad) if bad else None
sys.exit(1 if bad else 0)
PYEOF

# Long names wrap inside their header column; rules are measured after wrapping.
$VANBAN render -o "$D/long" tests/cli/long-names.yaml 2>"$D/long.err"
check "decision long header names wrap inside their column" $PY - "$D/long"/*.pdf <<'PYEOF'
import sys
sys.path.insert(0, "tests/e2e")
from pdfprobe import pages, rule_under
p = pages(sys.argv[1])[0]
MM = 72 / 25.4
left, width = 30 * MM, 595.276 - 45 * MM
split = left + width * 0.41
head = [l for l in p["lines"] if l.y < 180]
lc = [l for l in head if l.x0 < split]
rc = [l for l in head if l.x0 >= split]
if any(l.x1 > split + 0.01 for l in lc) or any(l.x0 < split - 0.01 for l in rc):
    print("overlap", lc, rc); sys.exit(1)
bold = [l for l in lc if l.bold]
if len(bold) < 2: print("issuer did not wrap", bold); sys.exit(1)
r = rule_under(p, bold[-1])
w = max(l.width for l in bold)
if not r or not (w / 3 - 0.5 <= r[1] - r[0] <= w / 2 + 0.5): print("rule", r, "widest", w); sys.exit(1)
PYEOF
