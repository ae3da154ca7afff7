#!/bin/sh
# Every citation of our own documentation ("docs/rules.md §1.3") in the code,
# layouts and tests points at a file and a section that exist, and nothing
# cites documents outside the repository.
. tests/e2e/lib.sh
bad=$($PY - <<'PY'
import os, re
sections = {}
for f in os.listdir("docs"):
    if f.endswith(".md"):
        text = open(os.path.join("docs", f), encoding="utf-8").read()
        sections[f] = set(re.findall(r"^#+ §([0-9.a-z]+)", text, re.M)) | \
            set(re.findall(r"^(\d+)\. ", text, re.M))
bad = []
for top in ("src", "layouts", "tests/unit", "tests/e2e", "tests/golden", "input"):
    for root, _, files in os.walk(top):
        for f in files:
            p = os.path.join(root, f)
            try:
                text = open(p, encoding="utf-8").read()
            except (UnicodeDecodeError, IsADirectoryError):
                continue
            if p.endswith("docs.sh"):
                continue
            for m in re.finditer(r"(?<![\w/.])(formats|libharu|reliability|style)\.md", text):
                if text[max(0, m.start() - 5):m.start()] != "docs/":
                    bad.append(f"{p}: cites {m.group(0)} outside docs/")
            for doc, secs in re.findall(r"docs/(\w+\.md) ((?:§[0-9.a-z]+[–, ]*)+)", text):
                if doc not in sections:
                    bad.append(f"{p}: docs/{doc} does not exist")
                    continue
                for s in re.findall(r"§([0-9.a-z]+?)\.?(?=[–, ]|$)", secs.strip()):
                    top_sec = s.split(".")[0]
                    if s not in sections[doc] and top_sec not in sections[doc]:
                        bad.append(f"{p}: docs/{doc} has no §{s}")
print("\n".join(bad))
PY
)
if [ -z "$bad" ]; then ok "docs: every citation points into docs/"; else notok "docs: every citation points into docs/" "$bad"; fi
