# A year's records in one run (input/danh-muc-ho-so-2020.yaml): the Danh mục
# hồ sơ, every volume it names, the Mục lục hồ sơ nộp lưu (one permanent, one
# for a time) whose Số tờ are the volumes' sheets — checked from the PDFs.
. tests/e2e/lib.sh
D=$OUT/records
rm -rf "$D"; mkdir -p "$D"
R=input/danh-muc-ho-so-2020.yaml
if ! $VANBAN render -o "$D/out" $R 2>"$D/stderr"; then
	notok "records render" "$(cat "$D/stderr")"; exit 0
fi
check "records render without messages" test ! -s "$D/stderr"
check "records: the Danh mục, 3 volumes and 2 Mục lục nộp lưu" test "$(ls "$D"/out/*.pdf | wc -l)" = 6
for p in "$D"/out/*.pdf; do
	check "records $(basename "$p") qpdf --check" qpdf_ok "$p"
done
for v in "$D"/out/ho-so-0*.pdf; do # each volume as its own run makes it
	src=input/$(basename "$v" | cut -c1-8)*.yaml
	$PY tests/e2e/volume_probe.py "$v" $src $(grep -q 'sides: two' $src && echo --two-sided) | grep -v '^ok' || :
done
check "records: the volumes pass their own probe" sh -c "! for v in '$D'/out/ho-so-0*.pdf; do s=input/\$(basename \$v | cut -c1-8)*.yaml; $PY tests/e2e/volume_probe.py \$v \$s \$(grep -q 'sides: two' \$s && echo --two-sided); done | grep -q '^not ok'"
$PY - "$D/out" $R <<'PYEOF'
import glob, re, subprocess, sys, unicodedata, yaml
out, src = sys.argv[1], sys.argv[2]
rec = yaml.safe_load(open(src, encoding="utf-8"))["records"]
def text(p):
    t = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", p, "-"], capture_output=True, text=True).stdout
    return re.sub(r"[ \t]+", " ", unicodedata.normalize("NFC", t))
def flat(p):
    return re.sub(r"\s+", " ", text(p))
res = []
def check(label, cond, detail=""):
    res.append(("ok" if cond else "not ok") + " - records: " + label + ("" if cond else "\n#   " + detail))
dm = flat(out + "/danh-muc-ho-so-2020.pdf")
check("Danh mục title and year", "DANH MỤC HỒ SƠ Năm 2020" in dm, dm[:300])
check("Danh mục header row and (1)…(5)", "(1) (2) (3) (4) (5)" in dm and "Số và ký" in dm and "Người lập hồ sơ" in dm, dm[:600])
check("Roman headings per unit", "I. TỔ CHỨC - HÀNH CHÍNH" in dm and "II. ĐÀO TẠO, BỒI DƯỠNG" in dm, dm)
volumes = {}
for h in rec["headings"]:
    for f in h["files"]:
        if "volume" in f:
            v = yaml.safe_load(open("input/" + f["volume"], encoding="utf-8"))["volume"]
            volumes[v["number"]] = v
            f = dict(f, number=v["number"], retention=v["retention"])
        check("file %s listed with its retention" % f["number"],
              re.search(re.escape(f["number"]) + r" .*?" + re.escape(f["retention"]), dm) is not None, f["number"])
n = sum(len(h["files"]) for h in rec["headings"])
perm = sum(1 for h in rec["headings"] for f in h["files"]
           if (volumes[yaml.safe_load(open("input/" + f["volume"], encoding="utf-8"))["volume"]["number"]]["retention"] if "volume" in f else f["retention"]) == "Vĩnh viễn")
check("Danh mục counts", "Danh mục hồ sơ này có %02d hồ sơ, bao gồm: %02d hồ sơ bảo quản vĩnh viễn; %02d hồ sơ bảo quản có thời hạn." % (n, perm, n - perm) in dm, dm[-300:])
# the sheets each volume's Chứng từ kết thúc states
sheets = {}
for p in glob.glob(out + "/ho-so-*.pdf"):
    t = flat(p)
    num = re.search(r"Số, ký hiệu hồ sơ: (\S+)", t).group(1)
    sheets[num] = int(re.search(r"Hồ sơ này gồm có: (\d+) tờ", t).group(1))
WORDS = {1: "Một", 2: "Hai", 3: "Ba"}
for kind, label in [("vinh-vien", "BẢO QUẢN VĨNH VIỄN"), ("co-thoi-han", "BẢO QUẢN CÓ THỜI HẠN")]:
    t = text(out + "/muc-luc-nop-luu-%s-2020.pdf" % kind)
    f = re.sub(r"\s+", " ", t)
    mine = [k for k, v in volumes.items() if (v["retention"] == "Vĩnh viễn") == (kind == "vinh-vien")]
    check("Mục lục nộp lưu %s: title" % kind, "MỤC LỤC HỒ SƠ, TÀI LIỆU NỘP LƯU %s Năm 2020" % label in f, f[:400])
    cols = 6 if kind == "vinh-vien" else 7
    check("Mục lục nộp lưu %s: %d columns numbered" % (kind, cols),
          " ".join("(%d)" % i for i in range(1, cols + 1)) in f and ("Thời hạn" in f) == (cols == 7), f[:700])
    for num in mine:
        row = [l for l in t.split("\n") if re.match(r"\s*\d+\s+" + re.escape(num) + r"\s", l)]
        ok = row and re.search(r"\s%d\s*$" % sheets[num], row[0])
        check("Mục lục nộp lưu %s: %s with its %d sheets" % (kind, num, sheets[num]), bool(ok), str(row))
    check("Mục lục nộp lưu %s: count in digits and words" % kind,
          "Mục lục này gồm: %02d hồ sơ (đơn vị bảo quản). Viết bằng chữ: %s hồ sơ (đơn vị bảo quản)." % (len(mine), WORDS[len(mine)]) in f, f[-400:])
    check("Mục lục nộp lưu %s: Người lập signs" % kind, "Người lập" in f and rec["compiler"] in f, f[-200:])
print("\n".join(res))
PYEOF

# Given with its volumes (input/*.yaml), every volume is written once.
$VANBAN render -o "$D/all" input/*.yaml 2>"$D/all.stderr"
check "records with the volumes: each volume once" test "$(ls "$D"/all/ho-so-0*.pdf | wc -l)" = 3
check "records with the volumes: the manifest lists each volume once" \
	test "$(awk -F'\t' '$1 == "volume"' "$D/all/manifest.tsv" | wc -l)" = 3
check "manifest: a volume's record and sheets" sh -c \
	"awk -F'\t' '\$1 == \"volume\" && \$7 == \"03.TCHC\" && \$9 == \"Hồ sơ\" && \$12 == 7' '$D/all/manifest.tsv' | grep -q ."
check "manifest: a decision's number, tên loại, trích yếu and issuer" sh -c \
	"awk -F'\t' '\$1 == \"decision\" && \$7 == \"15/QĐ-TCT\" && \$9 == \"Quyết định\" && \$11 == \"Trường Chính trị Tôn Đức Thắng\"' '$D/all/manifest.tsv' | grep -q ."
