# Batches (issue 12): -j and shards give the same bytes, the progress line
# only on a terminal, the summary line, clean re-runs (no stale PDF, no
# manifest from an interrupted run), print files in parts.
. tests/e2e/lib.sh
D=$OUT/batch
rm -rf "$D"; mkdir -p "$D"
export SOURCE_DATE_EPOCH=1609459200
same_pdfs() { # DIR DIR: the same PDF names with the same bytes
	[ "$(cd "$1" && sha256sum *.pdf)" = "$(cd "$2" && sha256sum *.pdf)" ]
}

# --- every core: -j 1 and -j 2 write the same folder ----------------------
$VANBAN render -j 1 -o "$D/j1" input/*.yaml >"$D/j1.out" 2>"$D/j1.err"; s1=$?
$VANBAN render -j 2 -o "$D/j2" input/*.yaml >"$D/j2.out" 2>"$D/j2.err"; s2=$?
check "batch: -j 1 and -j 2 exit 0" test "$s1$s2" = 00
check "batch: -j 1 and -j 2 write byte-identical PDFs" same_pdfs "$D/j1" "$D/j2"
check "batch: -j 1 and -j 2 write the same manifest" cmp "$D/j1/manifest.tsv" "$D/j2/manifest.tsv"
check "batch: -j 1 and -j 2 print the same messages" cmp "$D/j1.err" "$D/j2.err"
check "batch: the folder agrees with its manifest" $PY tests/batch/folder_ok.py "$D/j1"
check "batch: the summary line counts what the manifest lists" $PY - "$D/j1" "$(cat "$D/j1.out")" <<'PYEOF'
import sys
d, line = sys.argv[1], sys.argv[2]
rows = [l.split("\t") for l in open(d + "/manifest.tsv", encoding="utf-8").read().splitlines()[1:]]
def n(kind): return sum(1 for r in rows if r[0] == kind)
def pages(kind): return sum(int(r[3]) for r in rows if r[0] == kind)
want = ["%d minutes (%d pages)" % (n("minutes"), pages("minutes")),
        "%d decisions (%d pages)" % (n("decision"), pages("decision")),
        "%d certificates" % n("certificate"), "%d print file" % n("certificates-print")]
if not line.startswith(d + "/ (new folder): ") or any(w not in line for w in want) or n("certificate") != 37:
    sys.exit("got  %s\nwant %s" % (line, ", ".join(want)))
PYEOF
LANGUAGE=vi $VANBAN render -o "$D/vi" input/*.yaml >"$D/vi.out" 2>/dev/null
check "batch: the summary names every kind in words, in both languages (no kind id such as records-list)" \
	sh -c "! sed 's/^[^ ]*: //' '$D/j1.out' '$D/vi.out' | grep -Eq '[a-z]+-[a-z]+' &&
		grep -q '1 records list (1 page), 2 handover lists (2 pages)' '$D/j1.out' &&
		grep -q '1 danh mục hồ sơ (1 trang), 2 mục lục nộp lưu (2 trang)' '$D/vi.out'"
$VANBAN render -j 0 input/tct-2020.yaml 2>"$D/j0.err"; s=$?
check "batch: -j 0 is refused" test "$s" = 2 -a "$(cat "$D/j0.err")" = \
	'vanban: error: -j needs a number of parallel jobs from 1 to 64, not "0"'

# --- beyond one machine: three shards under GNU Parallel -------------------
parallel "$VANBAN" render -o "$D/shard{}" --shard {}/3 input/*.yaml ::: 1 2 3 >"$D/shards.out" 2>&1
mkdir -p "$D/union"
overlap=0
for k in 1 2 3; do
	for f in "$D/shard$k"/*.pdf; do
		[ -e "$D/union/${f##*/}" ] && overlap=1
		cp "$f" "$D/union/"
	done
done
check "batch: no PDF is in two shards" test "$overlap" = 0
check "batch: every shard has work" sh -c "for k in 1 2 3; do ls '$D'/shard\$k/*.pdf >/dev/null || exit 1; done"
check "batch: the shards' union is byte-identical to one run" same_pdfs "$D/union" "$D/j1"
$VANBAN manifest merge "$D"/shard[123]/manifest.tsv >"$D/merged.tsv" 2>"$D/merge.err"
check "batch: the merged manifests equal one run's manifest" cmp "$D/merged.tsv" "$D/j1/manifest.tsv"
check "batch: a shard's summary names it" grep -q "^$D/shard2/ (new folder) (shard 2/3): " "$D/shards.out"
sed 's/\t[0-9a-f]\{64\}\t/\tffff\t/' "$D/shard1/manifest.tsv" >"$D/bad.tsv"
$VANBAN manifest merge "$D/shard1/manifest.tsv" "$D/bad.tsv" >/dev/null 2>"$D/merge.err"; s=$?
check "batch: merging two different rows for one file is an error" sh -c \
	"test $s = 2 && grep -q '^vanban: $D/bad.tsv: error: .* is listed twice with different contents' '$D/merge.err'"
$VANBAN render --shard 4/3 input/tct-2020.yaml 2>"$D/shard.err"; s=$?
check "batch: --shard 4/3 is refused" sh -c "test $s = 2 && grep -q 'shard needs K/N' '$D/shard.err'"

# --- progress: on a terminal only ------------------------------------------
$PY tests/batch/roster.py "$D" 300
script -qfec "$VANBAN render -o '$D/tty' '$D/list.yaml'" /dev/null >"$D/tty.log" 2>&1
check "batch: on a terminal a progress line is redrawn in place" sh -c \
	"grep -q \"\$(printf '\\r')[0-9]*/[0-9]* files, [0-9]*/s, [0-9]* s left\" '$D/tty.log'"
$VANBAN render -o "$D/pipe" "$D/list.yaml" >"$D/pipe.out" 2>"$D/pipe.err"
check "batch: on a pipe no progress line" test ! -s "$D/pipe.err"
check "batch: on a pipe one summary line" test "$(cat "$D/pipe.out")" = "$D/pipe/ (new folder): 300 certificates"

# --- clean re-runs -----------------------------------------------------------
R=$D/rerun
$VANBAN render -o "$R" "$D/list.yaml" >/dev/null 2>&1
ls "$R" | grep pdf >"$D/before.txt"
$PY tests/batch/roster.py "$D" 299
$VANBAN render -o "$R" "$D/list.yaml" >"$D/rerun.out" 2>"$D/rerun.err"
ls "$R" | grep pdf >"$D/after.txt"
gone=$(comm -23 "$D/before.txt" "$D/after.txt" | wc -l) # sorting renumbers those after the one removed
check "batch: a re-run with one recipient fewer leaves 299 PDFs" test "$(wc -l <"$D/after.txt")" = 299
check "batch: ... and its folder agrees with its manifest" $PY tests/batch/folder_ok.py "$R"
check "batch: ... and the summary says how many earlier files were removed" test "$gone" -gt 1 -a \
	"$(cat "$D/rerun.out")" = "$R/: 299 certificates; $gone files of an earlier run removed"
$PY tests/batch/roster.py "$D" 300
$VANBAN render -o "$R" "$D/list.yaml" >/dev/null 2>&1
$PY tests/batch/roster.py "$D" 299
$VANBAN render --keep-stale -o "$R" "$D/list.yaml" >"$D/keep.out" 2>"$D/keep.err"
check "batch: --keep-stale keeps and lists them" sh -c \
	"test \$(ls '$R'/*.pdf | wc -l) = $((299 + gone)) && test \$(grep -c 'note: kept ' '$D/keep.err') = $gone && grep -q '; $gone files of an earlier run kept' '$D/keep.out'"
check "batch: ... and lists them in the manifest" $PY tests/batch/folder_ok.py "$R"

# an interrupted re-run (kill -9) leaves no manifest that disagrees with the files
K=$D/killed
$PY tests/batch/roster.py "$D" 300
$VANBAN render -o "$K" "$D/list.yaml" >/dev/null 2>&1
$PY tests/batch/roster.py "$D" 299
fails=
killed=0
for want in 1 20 100 200; do
	touch "$D/marker"
	$VANBAN render -j 2 -o "$K" "$D/list.yaml" >/dev/null 2>&1 &
	pid=$!
	while kill -0 $pid 2>/dev/null && [ "$(find "$K" -name '*.pdf' -newer "$D/marker" | wc -l)" -lt $want ]; do
		sleep 0.01
	done
	kill -9 $pid 2>/dev/null && killed=$((killed + 1))
	wait $pid 2>/dev/null
	$PY tests/batch/folder_ok.py "$K" --no-manifest-ok >"$D/kill.txt" 2>&1 || fails="$fails after $want: $(head -2 "$D/kill.txt")"
done
check "batch: the kills hit running runs" test "$killed" -ge 2
check "batch: kill -9 during re-runs never leaves a disagreeing manifest" test -z "$fails"
$VANBAN render -o "$K" "$D/list.yaml" >/dev/null 2>"$D/kill.err"
check "batch: the next run leaves 299 PDFs and a manifest that agrees" sh -c \
	"test \$(ls '$K'/*.pdf | wc -l) = 299 && $PY tests/batch/folder_ok.py '$K'"

# --- print files in parts ------------------------------------------------------
$PY tests/batch/roster.py "$D" 25 print
$VANBAN render --print-part 10 -o "$D/parts" "$D/list.yaml" >"$D/parts.out" 2>"$D/parts.err"
pages=$(for f in "$D/parts"/*-ban-in-phan-0[123].pdf; do pdfinfo "$f" | awk '/^Pages:/ {printf "%s ", $2}'; done)
check "batch: --print-part 10 prints 25 certificates as 10 + 10 + 5 pages" test "$pages" = "10 10 5 "
check "batch: ... with a note" grep -q "note: 25 certificates are printed in 3 parts of at most 10 pages" "$D/parts.err"

# --- flat memory: certificates beyond the window are composed again ------------
# The window is a print part (--print-part 10: 10 kept, 15 composed again as
# they are written); the files are those of a run that keeps all 25, every
# -j writes the same bytes, and no message is told twice.
W=$D/window
mkdir -p "$W"
$PY tests/batch/roster.py "$W" 25 both
$PY - "$W/list.csv" <<'PYEOF'
import sys
rows = open(sys.argv[1], encoding="utf-8").read().splitlines()
for i in range(5, len(rows), 6): # a few names long enough to be shrunk, each a note
    name, unit = rows[i].split(",")
    rows[i] = name + " Trần Thị Ngọc Bích Phượng Hoàng Lê Nguyễn Phạm," + unit
open(sys.argv[1], "w", encoding="utf-8").write("\n".join(rows) + "\n")
PYEOF
$VANBAN render -v --print-part 100 -o "$W/all" "$W/list.yaml" >/dev/null 2>"$W/all.err"
$VANBAN render -v -j 2 --print-part 10 -o "$W/j2" "$W/list.yaml" >/dev/null 2>"$W/j2.err"
$VANBAN render -v -j 1 --print-part 10 -o "$W/j1" "$W/list.yaml" >/dev/null 2>"$W/j1.err"
files_of() { (cd "$1" && sha256sum *-[0-9][0-9]-Nguyen-*.pdf); }
check "batch: certificates composed again are the bytes of those kept" \
	test "$(files_of "$W/all")" = "$(files_of "$W/j2")" -a "$(files_of "$W/all" | wc -l)" = 25
check "batch: ... for -j 1 and -j 2, print parts too" same_pdfs "$W/j1" "$W/j2"
check "batch: ... and no message twice" sh -c "grep -v 'printed in 3 parts' '$W/j2.err' | cmp - '$W/all.err' &&
	cmp '$W/j1.err' '$W/j2.err' && test \$(grep -c 'note: certificate .* to fit' '$W/all.err') = 4"
last=$(ls "$W/j2"/*-2[1-5]-*.pdf | sed 's/.*-2[1-5]-\(.*\)\.pdf/\1/')
check "batch: ... the last print part shows the last five" sh -c \
	"pdftotext '$W/j2/giay-khen-30-QD-TCT-ban-in-phan-03.pdf' - | tr -d '\n' > '$W/p3.txt' &&
	test \$(grep -o 'Nguyễn Văn' '$W/p3.txt' | wc -l) = 5 && pdfinfo '$W/j2/giay-khen-30-QD-TCT-ban-in-phan-03.pdf' | grep -q '^Pages: *5$'"
$VANBAN render --dump --print-part 100 "$W/list.yaml" >"$W/all.dump" 2>/dev/null
$VANBAN render --dump --print-part 10 "$W/list.yaml" >"$W/j2.dump" 2>/dev/null
check "batch: ... and --dump shows them alike" sh -c "test -s '$W/all.dump' && cmp '$W/all.dump' '$W/j2.dump'"

# Peak RSS (of the process, not timed) of 200 and 2,000 certificates as
# print parts of 100: flat, not the ×1.4 of keeping every display list.
# Not under the sanitizers, whose allocator holds freed memory back.
for n in 200 2000; do mkdir -p "$W/n$n"; $PY tests/batch/roster.py "$W/n$n" $n print; done
case $BUILD in *san*) ;; *)
check "batch: 2,000 certificates take at most 1.25 x the memory of 200" $PY - "$VANBAN" "$W" <<'PYEOF'
import os, subprocess, sys
vanban, w = sys.argv[1], sys.argv[2]
def rss(n):
    p = subprocess.Popen([vanban, "render", "--print-part", "100", "-o", "%s/n%d/out" % (w, n),
                          "%s/n%d/list.yaml" % (w, n)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, ru = os.wait4(p.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit("render of %d failed" % n)
    return ru.ru_maxrss / 1024
small, large = rss(200), rss(2000)
if large > 1.25 * small:
    sys.exit("peak RSS %.1f MiB at 200, %.1f MiB at 2,000 (x%.2f)" % (small, large, large / small))
PYEOF
;; esac

# --- a -2 name suffix is warned ------------------------------------------------
sed -e 's/^decisions:/decisions:\n  - {number: 30, date: 2020-12-30, summary: Về việc khác, authority: HIỆU TRƯỞNG, articles: [Điều một.], signer: {title: HIỆU TRƯỞNG, name: Hồ Ngọc Trường}, certificate_layout: certificate-a4-compact, certificate_output: print, decision_output: false, achievement: Thành tích., list: {recipients: [{name: Lê Văn Tám}]}}/' \
	"$D/list.yaml" >"$D/twice.yaml"
$VANBAN render -o "$D/twice" "$D/twice.yaml" >/dev/null 2>"$D/twice.err"
check "batch: a name that takes a -2 suffix is warned" grep -q \
	"warning: two documents would be named giay-khen-30-QD-TCT-ban-in.pdf; this one is written as giay-khen-30-QD-TCT-ban-in-2.pdf" "$D/twice.err"
