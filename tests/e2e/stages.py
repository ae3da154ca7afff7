#!/usr/bin/env python3
"""The include graph reads as the pipeline: a file may include headers of its
own stage or of the stages below it, never of a stage above.

Layers, bottom up (a file's stage is its name's prefix):
  0 base     diag util home text node face msg
  1 load     load_* ; dlist (the display list, the seam)
  2 model    model_* layout* ; font* (metrics) ; pdf* output manifest hash image*
  3 typeset  typeset*
  4 compose  compose* markup
  5 driver   render* main preview* i18n*
Prints one line per include that looks up; exit 1 if there is any."""
import os, re, sys

LAYERS = [
    (0, ("diag", "util", "home", "text", "node", "face", "msg")),
    (1, ("load", "dlist")),
    (2, ("model", "layout", "font", "pdf", "output", "manifest", "hash", "image")),
    (3, ("typeset",)),
    (4, ("compose", "markup")),
    (5, ("render", "main", "preview", "i18n", "index", "init", "volume", "archive")),
]

def layer(name):
    base = os.path.basename(name)
    best = None
    for rank, prefixes in LAYERS:
        for p in prefixes:
            if base.startswith(p) and (best is None or len(p) > best[1]):
                best = (rank, len(p))
    return None if best is None else best[0]

bad = []
src = sys.argv[1] if len(sys.argv) > 1 else "src"
for f in sorted(os.listdir(src)):
    if not f.endswith((".c", ".h")):
        continue
    me = layer(f)
    for inc in re.findall(r'^#include "([^"]+)"', open(os.path.join(src, f), encoding="utf-8").read(), re.M):
        other = layer(inc)
        if me is None or other is None:
            bad.append(f"{f}: no stage known for {f if me is None else inc}")
        elif other > me:
            bad.append(f"{f} (stage {me}) includes {inc} (stage {other})")
print("\n".join(bad))
sys.exit(1 if bad else 0)
