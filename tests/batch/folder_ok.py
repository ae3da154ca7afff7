"""folder_ok.py DIR: the folder agrees with its manifest — every PDF in it is
listed, every row's file exists with the listed size and SHA-256. With
--no-manifest-ok, a folder without manifest.tsv passes (an interrupted run)."""
import hashlib, os, sys

d = sys.argv[1]
m = os.path.join(d, "manifest.tsv")
if not os.path.exists(m):
    sys.exit(0 if "--no-manifest-ok" in sys.argv else "no manifest.tsv")
lines = open(m, encoding="utf-8").read().splitlines()
head = lines[0].split("\t")
col = {name: i for i, name in enumerate(head)}
listed, bad = set(), []
for ln in lines[1:]:
    f = ln.split("\t")
    name = f[col["file"]]
    listed.add(name)
    p = os.path.join(d, name)
    if not os.path.exists(p):
        bad.append("listed but missing: " + name)
        continue
    data = open(p, "rb").read()
    if str(len(data)) != f[col["bytes"]] or hashlib.sha256(data).hexdigest() != f[col["sha256"]]:
        bad.append("differs from its row: " + name)
for name in os.listdir(d):
    if name.endswith(".pdf") and name not in listed:
        bad.append("not listed: " + name)
if bad:
    sys.exit("\n".join(bad[:5]) + ("\n... %d in all" % len(bad) if len(bad) > 5 else ""))
