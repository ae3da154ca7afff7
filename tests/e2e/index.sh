# output/index.html and --preview: every PDF of the manifest is a row, in
# its order; previews are PNGs of page 1 at 60 dpi; the page needs no
# script and, opened in headless Chromium, shows every thumbnail.
. tests/e2e/lib.sh
D=$(cd "$OUT" && pwd)/index
rm -rf "$D"; mkdir -p "$D"
$VANBAN render --preview -o "$D/out" input/tct-2020.yaml starters/awards.yaml 2>"$D/render.err"; s=$?
check "index render --preview exits 0" sh -c "test $s = 0 && ! test -s '$D/render.err'"
O=$D/out
tail -n +2 "$O/manifest.tsv" | grep -v '^#' | cut -f3 > "$D/files"
check "index the batch has several PDFs" test "$(wc -l < "$D/files")" -ge 5
# the rows, in the manifest's order, straight from the file
grep -o '<tr data-file="[^"]*"' "$O/index.html" | sed 's/.*="//; s/"$//' > "$D/rows"
check "index one row per manifest line, in its order" cmp -s "$D/files" "$D/rows"
check "index needs no script and nothing from the network" sh -c "! grep -qi '<script\|http:\|https:' '$O/index.html'"
# previews: PNG, page 1, A4 at 60 dpi (496 x 702, landscape for certificates)
$PY - "$O" > "$D/sizes" <<'PY'
import struct, sys, os
out = sys.argv[1]
for line in open(os.path.join(out, "manifest.tsv"), encoding="utf-8").read().splitlines()[1:]:
    kind, file = line.split("\t")[0], line.split("\t")[2]
    png = os.path.join(out, "preview", file[:-4] + ".png")
    try:
        head = open(png, "rb").read(24)
        ok = head[:8] == b"\x89PNG\r\n\x1a\n" and head[12:16] == b"IHDR"
        w, h = struct.unpack(">II", head[16:24]) if ok else (0, 0)
    except OSError:
        w = h = 0
    want = (702, 496) if kind.startswith("certificate") else (496, 702)
    print("ok" if (w, h) == want else "bad", kind, file, w, h)
PY
check "index every PDF has its preview, a PNG of A4 at 60 dpi" sh -c "test -s '$D/sizes' && ! grep -v '^ok' '$D/sizes'"
grep -v '^ok' "$D/sizes" | head -3 | sed 's/^/#   /'
# In Chromium: the DOM lists every row, and every thumbnail loads. A copy
# of the page with a few lines of script appended writes each image's
# natural size into the DOM, which --dump-dom then shows.
sed 's|</body>|<script>window.onload=function(){for(const i of document.images)i.setAttribute("data-natural",i.naturalWidth+"x"+i.naturalHeight)}</script></body>|' \
	"$O/index.html" > "$O/index-check.html"
timeout 90 chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
	--disable-component-update --disable-sync --no-first-run --user-data-dir="$(mktemp -d)" \
	--allow-file-access-from-files --dump-dom "file://$O/index-check.html" > "$D/dom.html" 2>"$D/chromium.err"; s=$?
check "index headless Chromium opens the page" test "$s" = 0 -a -s "$D/dom.html"
grep -o '<tr data-file="[^"]*"' "$D/dom.html" | sed 's/.*="//; s/"$//' > "$D/dom-rows"
check "index the DOM lists every manifest row" cmp -s "$D/files" "$D/dom-rows"
n=$(grep -o 'data-natural="[0-9]*x[0-9]*"' "$D/dom.html" | wc -l)
bad=$(grep -o 'data-natural="[0-9]*x[0-9]*"' "$D/dom.html" | grep -c '"0x\|x0"')
check "index every thumbnail loads in Chromium (natural size > 0)" test "$n" = "$(wc -l < "$D/files")" -a "$bad" = 0
rm -f "$O/index-check.html"
# without --preview: the index, no pictures, no helper run
$VANBAN render -o "$D/plain" input/tct-2020.yaml 2>/dev/null
check "index without --preview: an index without pictures" sh -c "test -s '$D/plain/index.html' && ! grep -q '<img' '$D/plain/index.html' && ! test -e '$D/plain/preview'"
# a warning shows on its document's row
$VANBAN render -o "$D/warn" tests/cli/warn.yaml 2>/dev/null
check "index a file's warnings are counted on its rows" grep -q '<td class="n warn">[1-9]' "$D/warn/index.html"
# the manifest stays the last file written: nothing in it is missing
check "index is not in the manifest, and the manifest is complete" sh -c "! grep -q index.html '$O/manifest.tsv' && cut -f3 '$O/manifest.tsv' | tail -n +2 | while read f; do test -f '$O/'\$f || exit 1; done"
