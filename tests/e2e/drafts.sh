# Drafts (issue 9): a document without a number prints "Số:" with room to
# write it by hand (draft_room, 12 mm) before "/TB-TCT"; a date without a day
# prints "ngày" with two thirds of that room before "tháng 12 năm 2020";
# check and render note both, at the keys. An award decision takes the same
# day-less date (its number-less form already warned): the header and the
# list's "(Kèm theo Quyết định số …)" line leave the same room.
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

# room NAME PDF SYMBOL: the blanks after "Số:" and "ngày", measured from the PDF
room() {
	pdftotext -bbox "$2" "$D/$1.html" 2>/dev/null
	check "drafts: $1: room for the number and the day, measured from the PDF" $PY - "$D/$1.html" "$3" <<'PYEOF'
import re, sys
words = [(float(a), float(b), float(c), t) for a, b, c, t in
         re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" [^>]*>([^<]*)<', open(sys.argv[1], encoding="utf-8").read())]
def after(word, nxt, skip=0):
    for i, w in enumerate(words[:-1]):
        if w[3] == word and words[i + 1][3] == nxt and abs(words[i + 1][1] - w[1]) < 1:
            if skip == 0:
                return (words[i + 1][0] - w[2]) * 25.4 / 72
            skip -= 1
    sys.exit("no %s %s on one line" % (word, nxt))
num, day = after("Số:", sys.argv[2]), after("ngày", "tháng")
print("#   number room %.1f mm, day room %.1f mm" % (num, day))
# the room plus one word space (about 1.2 mm at 14 pt)
if not (12 <= num <= 14 and 8 <= day <= 10):
    sys.exit("number room %.1f mm (want 12-14), day room %.1f mm (want 8-10)" % (num, day))
if sys.argv[2] == "/QĐ-TCT":  # the list's "(Kèm theo Quyết định số …/QĐ-TCT ngày … tháng 12 năm 2020 …)"
    num, day = after("số", sys.argv[2]), after("ngày", "tháng", 1)
    print("#   list: number room %.1f mm, day room %.1f mm" % (num, day))
    if not (12 <= num <= 15 and 7 <= day <= 10):
        sys.exit("list: number room %.1f mm (want 12-15), day room %.1f mm (want 7-10)" % (num, day))
PYEOF
}
$VANBAN render -o "$D/out" "$in" 2>/dev/null; s=$?
pdf=$(ls "$D"/out/*.pdf 2>/dev/null | head -1)
check "drafts: render writes the draft" sh -c "test $s = 0 && test -s '$pdf'"
room thong-bao "$pdf" /TB-TCT
# with a number and a day: no notes
sed 's/^    date: 2020-12$/    date: 2020-12-28\n    number: 9/' "$in" > "$D/final.yaml"
$VANBAN check "$D/final.yaml" 2>"$D/final.err"; s=$?
check "drafts: with a number and a day there is nothing to note" sh -c "test $s = 0 && ! test -s '$D/final.err'"

in=tests/drafts/quyet-dinh.yaml
$VANBAN check "$in" 2>"$D/qd.err"; s=$?
check "drafts: a decision dated \"2020-12\" checks (exit 1: the number's warning)" test "$s" = 1
check "drafts: check warns of the decision's missing number" \
	grep -qx "vanban: $in:11:5: warning: the decision has no number (Số)" "$D/qd.err"
check "drafts: check notes the decision's missing day at the date" \
	grep -qx "vanban: $in:11:11: note: a draft: the date has no day; room is left to write it by hand" "$D/qd.err"
$VANBAN render -o "$D/qd" "$in" 2>/dev/null
pdf=$(ls "$D"/qd/*.pdf 2>/dev/null | head -1)
check "drafts: render writes the draft decision" test -s "$pdf"
room quyet-dinh "$pdf" /QĐ-TCT
check "drafts: the decision's record has the month, not a day" grep -q "	2020-12	" "$D/qd/manifest.tsv"
# a month that does not exist is still an error at the date
sed 's/^  - date: 2020-12$/  - date: 2020-13/' "$in" > "$D/bad.yaml"
$VANBAN check "$D/bad.yaml" 2>"$D/bad.err"; s=$?
check "drafts: a decision dated \"2020-13\" is an error at the date" sh -c "test $s = 2 && grep -q '^vanban: $D/bad.yaml:11:11: error' '$D/bad.err'"
