# Drafts (issue 9): a document without a number prints "Số:" with room to
# write it by hand (draft_room, 12 mm) before "/TB-TCT"; a date without a day
# prints "ngày" with two thirds of that room before "tháng 12 năm 2020";
# check and render note both, at the keys, and exit 0.
. tests/e2e/lib.sh
D=$OUT/drafts
rm -rf "$D"; mkdir -p "$D"
in=tests/drafts/thong-bao.yaml
$VANBAN check "$in" 2>"$D/check.err"; s=$?
check "drafts: check exits 0" test "$s" = 0
check "drafts: check notes the missing number at the document" \
	grep -qx "vanban: $in:10:5: note: a draft: the document has no number; room is left to write it by hand" "$D/check.err"
check "drafts: check notes the missing day at the date" \
	grep -qx "vanban: $in:11:11: note: a draft: the date has no day; room is left to write it by hand" "$D/check.err"
$VANBAN render -o "$D/out" "$in" 2>/dev/null; s=$?
pdf=$(ls "$D"/out/*.pdf 2>/dev/null | head -1)
check "drafts: render writes the draft" sh -c "test $s = 0 && test -s '$pdf'"
pdftotext -bbox "$pdf" "$D/bbox.html" 2>/dev/null
check "drafts: room for the number and the day, measured from the PDF" $PY - "$D/bbox.html" <<'PYEOF'
import re, sys
words = [(float(a), float(b), float(c), t) for a, b, c, t in
         re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" [^>]*>([^<]*)<', open(sys.argv[1], encoding="utf-8").read())]
def after(word, nxt):
    for i, w in enumerate(words[:-1]):
        if w[3] == word and words[i + 1][3] == nxt and abs(words[i + 1][1] - w[1]) < 1:
            return (words[i + 1][0] - w[2]) * 25.4 / 72
    sys.exit("no %s %s on one line" % (word, nxt))
num, day = after("Số:", "/TB-TCT"), after("ngày", "tháng")
print("#   number room %.1f mm, day room %.1f mm" % (num, day))
# the room plus one word space (about 1.2 mm at 14 pt)
if not (12 <= num <= 14 and 8 <= day <= 10):
    sys.exit("number room %.1f mm (want 12-14), day room %.1f mm (want 8-10)" % (num, day))
PYEOF
# with a number and a day: no notes
sed 's/^    date: 2020-12$/    date: 2020-12-28\n    number: 9/' "$in" > "$D/final.yaml"
$VANBAN check "$D/final.yaml" 2>"$D/final.err"; s=$?
check "drafts: with a number and a day there is nothing to note" sh -c "test $s = 0 && ! test -s '$D/final.err'"
