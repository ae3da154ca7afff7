# The audit's robustness cases (issue 11): kill -9 at 20 points of a
# 1,000-certificate batch leaves no partial PDF and no manifest that
# disagrees with the folder; 2 and 10 runs started at once into one folder
# (the lock) leave a correct folder, the runs that did not get it saying so
# in one line; a read-only output folder is one clear error, exit non-zero;
# a FIFO where a layout or the manifest should be never hangs a run.
. tests/e2e/lib.sh
D=$OUT/robustness
rm -rf "$D"; mkdir -p "$D"
# The kills need many runs of 1,000 PDFs: on tmpfs, where there is one, a
# run is not bound by the disk's fsync (a kill is a kill on any file system).
S=$D
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
	S=$(mktemp -d /dev/shm/vanban-robustness-XXXXXX)
	trap 'rm -rf "$S"' EXIT
fi
$PY tests/batch/roster.py "$D" 1000

# folder_sane DIR: every PDF is whole (%PDF- ... %%EOF), and a manifest, if
# there is one, agrees with the folder
folder_sane() {
	$PY - "$1" <<'PYEOF' && $PY tests/batch/folder_ok.py "$1" --no-manifest-ok
import os, sys
d = sys.argv[1]
bad = []
for n in os.listdir(d):
    if n.endswith(".pdf") and not n.startswith("."):
        b = open(os.path.join(d, n), "rb").read()
        if not b.startswith(b"%PDF-") or not b.rstrip().endswith(b"%%EOF"):
            bad.append("partial PDF: %s (%d bytes)" % (n, len(b)))
sys.exit("\n".join(bad[:3]) if bad else 0)
PYEOF
}

# --- kill -9 at 20 points ----------------------------------------------------
K=$S/killed
SOURCE_DATE_EPOCH=1609459200 $VANBAN render -o "$K" "$D/list.yaml" >/dev/null 2>&1
# 20 points spread over the run, counted in PDFs this run has written (0:
# while it opens the folder; 1000: every PDF written, the manifest not yet)
points=$(awk 'BEGIN { srand(11); for (i = 0; i < 18; i++) printf "%d ", int(rand() * 1000); print "0 1000" }')
fails= killed=0 epoch=1609459200
for want in $points; do
	# every run dates its PDFs differently, so that every file changes and an
	# old manifest left behind could not agree with them
	epoch=$((epoch + 86400))
	touch "$D/marker"
	SOURCE_DATE_EPOCH=$epoch $VANBAN render -j 2 -o "$K" "$D/list.yaml" >/dev/null 2>&1 &
	pid=$!
	while kill -0 $pid 2>/dev/null && [ "$(find "$K" -maxdepth 1 -name '*.pdf' -newer "$D/marker" | wc -l)" -lt "$want" ]; do
		sleep 0.01
	done
	kill -9 $pid 2>/dev/null && killed=$((killed + 1))
	wait $pid 2>/dev/null
	folder_sane "$K" >"$D/kill.txt" 2>&1 || fails="$fails; killed after $want: $(head -2 "$D/kill.txt" | tr '\n' ' ')"
done
echo "#   kill -9 after $points PDFs: $killed of 20 runs killed while running"
check "robustness: kill -9 hits at least 15 of the 20 runs while they run" test "$killed" -ge 15
check "robustness: kill -9 at 20 points leaves no partial PDF and no manifest that disagrees" test -z "$fails"
SOURCE_DATE_EPOCH=$epoch $VANBAN render -o "$K" "$D/list.yaml" >"$D/after-kills.out" 2>"$D/after-kills.err"
check "robustness: the run after the kills writes 1,000 PDFs and a manifest that agrees" sh -c \
	"test \$(ls '$K' | grep -c '\.pdf\$') = 1000 && test -f '$K/manifest.tsv' && $PY tests/batch/folder_ok.py '$K' &&
	 test \$(ls -A '$K' | grep -c 'tmp-') = 0 && test \"\$(cat '$D/after-kills.out')\" = '$K/: 1000 certificates'"

# --- 2 and 10 runs at once into one folder -----------------------------------
$PY tests/batch/roster.py "$D" 200
SOURCE_DATE_EPOCH=1609459200 $VANBAN render -o "$D/alone" "$D/list.yaml" >/dev/null 2>&1
for n in 2 10; do
	C=$S/concurrent-$n
	rm -rf "$C" "$D/c$n"; mkdir -p "$C" "$D/c$n"
	i=0 pids=
	while [ $i -lt $n ]; do
		i=$((i + 1))
		SOURCE_DATE_EPOCH=1609459200 $VANBAN render -j 1 -o "$C" "$D/list.yaml" >"$D/c$n/$i.out" 2>"$D/c$n/$i.err" &
		pids="$pids $!"
	done
	i=0 won=0 lost=0 other=
	for p in $pids; do
		i=$((i + 1))
		wait "$p"; s=$?
		if [ "$s" = 0 ] && [ ! -s "$D/c$n/$i.err" ]; then
			won=$((won + 1))
		elif [ "$s" = 2 ] && [ "$(cat "$D/c$n/$i.err")" = "vanban: $C: error: output folder is in use by another vanban run (it holds .vanban.lock); wait for it or choose another folder" ]; then
			lost=$((lost + 1))
		else
			other="$other run $i: exit $s $(head -2 "$D/c$n/$i.err")"
		fi
	done
	echo "#   $n runs at once: $won completed, $lost refused by the lock"
	check "robustness: $n runs at once: each completes or is refused in one line" test -z "$other" -a "$won" -ge 1
	check "robustness: $n runs at once leave the PDFs of one run, byte for byte, and a manifest that agrees" sh -c \
		"$PY tests/batch/folder_ok.py '$C' && cmp '$C/manifest.tsv' '$D/alone/manifest.tsv' &&
		 test \$(ls -A '$C' | grep -c 'tmp-') = 0"
done

# --- a read-only output folder -----------------------------------------------
# root writes anywhere: run as nobody then, from a world-readable copy of the
# program and its home (the checkout may sit in a folder only root may enter,
# as a mktemp -d clone does)
RO=$D/read-only
RUN=$VANBAN
as_user=
if [ "$(id -u)" = 0 ]; then
	RO=$(mktemp -d /tmp/vanban-ro.XXXXXX) && chmod 755 "$RO"
	mkdir -p "$RO/home" && cp "$VANBAN" "$RO/vanban" && cp -r fonts layouts "$RO/home/"
	chmod -R a+rX "$RO"
	RUN="env VANBAN_HOME=$RO/home $RO/vanban"
	as_user="setpriv --reuid=65534 --regid=65534 --clear-groups"
fi
mkdir -p "$RO/out" && cp "$D/list.yaml" "$D/list.csv" "$RO/" && chmod a+r "$RO"/list.* && chmod 555 "$RO/out"
$as_user $RUN render -o "$RO/out" "$RO/list.yaml" >"$RO/out.txt" 2>"$RO/err.txt"; s=$?
check "robustness: a read-only output folder is one clear error, exit 3, nothing written" sh -c \
	"test $s = 3 && test \"\$(cat '$RO/err.txt')\" = 'vanban: $RO/out: error: cannot write into the output folder (Permission denied): choose a folder you may write to with -o' &&
	 test -z \"\$(ls -A '$RO/out')\" && test ! -s '$RO/out.txt'"
chmod 755 "$RO/out"
[ "$RO" = "$D/read-only" ] || rm -rf "$RO"

# --- FIFOs where the program reads files it was not given --------------------
# (read_file: O_NONBLOCK, regular files only; before, a FIFO as the home's
# font map hung the run forever)
F=$D/fifo
mkdir -p "$F/layouts" "$F/out" "$F/home/fonts"
cp "$D/list.yaml" "$D/list.csv" "$F/"
ln -s "$PWD/layouts" "$F/home/layouts"
mkfifo "$F/layouts/certificate-a4-compact.yaml" "$F/out/manifest.tsv" "$F/home/fonts/fontmap.tsv"
timeout 20 $VANBAN render --layouts "$F/layouts" -o "$F/out" "$F/list.yaml" >/dev/null 2>"$F/err.txt"; s=$?
check "robustness: FIFOs as a layout and as the manifest never hang a run" test "$s" != 124
VANBAN_HOME=$F/home timeout 20 $VANBAN check "$F/list.yaml" >/dev/null 2>"$F/home.txt"; s=$?
check "robustness: a FIFO as the font map is refused at once, exit 3" sh -c \
	"test $s = 3 && grep -q '^vanban: $F/home/fonts/fontmap.tsv: error: cannot read font map' '$F/home.txt'"

# --- one folder flush a run --------------------------------------------------
# Every PDF is fsync'd before its rename; the folder only before and after the
# manifest (outdir_commit): a batch's PDFs are not as many journal commits.
if command -v strace >/dev/null 2>&1; then
	Y=$D/fsyncs
	rm -rf "$Y"
	strace -f -qq -e trace=fsync -o "$D/fsyncs.txt" $VANBAN render -o "$Y" "$D/list.yaml" >/dev/null 2>&1
	n=$(grep -c 'fsync(' "$D/fsyncs.txt") pdfs=$(ls "$Y" | grep -c '\.pdf$')
	check "robustness: $pdfs PDFs cost $n fsyncs, at most one a PDF and 10 more" \
		test "$pdfs" -ge 100 -a "$n" -le $((pdfs + 10))
else
	echo "ok - robustness: fsync count # skip: no strace"
fi
