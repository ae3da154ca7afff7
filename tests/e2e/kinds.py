"""Conformance of every document of an input file's `documents:` with its
model form (docs/rules.md §1.6a, §7), measured from the PDFs (pdfprobe).
Usage: kinds.py INPUT.yaml OUTDIR [LAYOUTS_DIR]   (default layouts/; never the
input's folder, so that a changed layout beside a copy of the input fails)
What is expected comes from the input and from the layout data
(layouts/kinds.yaml and its bases, the style's layout over nd30.yaml), read
here independently of vanban: a kind whose abbreviation, wording or parts
the PDF does not show fails. One "ok - …" / "not ok - …" line per check."""
import csv, os, re, sys
import yaml
sys.path.insert(0, "tests/e2e")
from pdfprobe import pages, find

inp, outdir = sys.argv[1:3]
LAYOUTS = sys.argv[3] if len(sys.argv) > 3 else "layouts"
MM = 72 / 25.4
STYLE_LAYOUT = {"state": "nd30", "party": "hd36", "union": "congdoan"}


def load(name):
    with open(os.path.join(LAYOUTS, name + ".yaml"), encoding="utf-8") as f:
        return yaml.safe_load(f) or {}


def layout(name):
    lay = dict(load("nd30"))  # the program's defaults are nd30.yaml's values
    lay.update(load(name))
    return lay


def kinds(name):
    k = load(name)
    base = kinds(k["base"]) if k.get("base") else {}
    for item in k.get("kinds", []):
        base.setdefault(item["id"], {}).update(item)
    return base


def fill(fmt, **v):
    return re.sub(r"\{(\w+)\}", lambda m: str(v.get(m.group(1), "")), fmt)


def norm(s):
    return re.sub(r"\s+", " ", s).strip()


with open(inp, encoding="utf-8") as f:
    src = yaml.safe_load(f)
with open(os.path.join(outdir, "manifest.tsv"), encoding="utf-8") as f:
    manifest = [r for r in csv.DictReader(f, delimiter="\t") if r["kind"] == "document"]
issuers = {i["id"]: i for i in src.get("issuers", [])}
results = []


def check(name, item, cond, detail=""):
    print(("ok" if cond else "not ok") + f" - {name} {item}" + ("" if cond else f"\n#   {detail}"[:600]))
    results.append(bool(cond))


def near(a, b, tol):
    return a is not None and b is not None and abs(a - b) <= tol


def date_words(d):
    """docs/rules.md §5.2: day padded, months 1 and 2 padded."""
    return f"ngày {d.day:02d} tháng {d.month:02d} năm {d.year}" if d.month <= 2 else \
        f"ngày {d.day:02d} tháng {d.month} năm {d.year}"


def text_lines(pg):
    return sorted(pg["lines"], key=lambda l: (round(l.y, 1), l.x0))


def joined(lines):
    return norm(" ".join(l.text for l in lines))


def signer_lines(s):
    """compose_signer_title's lines: "PREFIX AUTHORITY" / "TITLE", or one."""
    p, a, t = s.get("prefix"), s.get("authority"), s["title"]
    if p and a and a != t:
        return [f"{p} {a}".upper(), t.upper()]
    return [f"{p} {t}".upper() if p else t.upper()]


def header(name, P, lay, style, org, kind, doc, number):
    p1 = P[0]
    left_m, right_m, top_m = lay["margin_left"] * MM, (lay["page_width"] - lay["margin_right"]) * MM, lay["margin_top"] * MM
    width = right_m - left_m
    split = left_m + width * lay["header_left_share"]
    rcentre, lcentre = (split + right_m) / 2, (left_m + split) / 2
    check(name, "§7.1 A4 portrait", all(near(pg["height"], 841.89, 0.01) for pg in P), [pg["height"] for pg in P])
    body = [l for pg in P for l in pg["lines"] if l.y > top_m]
    check(name, "§7.2 margins", min(l.x0 for l in body) >= left_m - 0.5 and max(l.x1 for l in body) <= right_m + 0.5,
          f"x {min(l.x0 for l in body):.2f}..{max(l.x1 for l in body):.2f}")
    fonts = {l.font for pg in P for l in pg["lines"]}
    check(name, "§7.3 Liberation Serif, black", all(f.startswith("LiberationSerif") for f in fonts)
          and all(l.color in ("0", "#000000") for pg in P for l in pg["lines"]), fonts)
    nat = find(p1, lay["national"])
    first_right = min((l.y for l in p1["lines"] if l.x0 > split - 1), default=None)
    check(name, "§7.4 national line", nat and nat.bold and nat.size == lay["national_size"]
          and near(nat.centre, rcentre, 0.5) and near(nat.y, first_right, 0.01), f"{nat} centre {rcentre:.2f}")
    under = nat
    if lay.get("motto"):
        m = find(p1, lay["motto"])
        ok5 = m and m.text == lay["motto"] and m.bold and m.size == lay["motto_size"] and near(m.centre, rcentre, 0.5)
        under = m
    else:
        ok5 = True
    r = under and rule_below(p1, under, 12)
    check(name, "§7.5 motto and its rule", ok5 and r and near(r[1] - r[0], under.width, 0.5)
          and near((r[0] + r[1]) / 2, under.centre, 0.5), f"{under} rule {r}")
    left = [l for l in p1["lines"] if l.x1 < split + 1 and l.y < 200]
    bold = [l for l in left if l.bold]
    issuer_words = norm(" ".join(l.text for l in bold))
    parent_ok = True
    if org.get("parent"):
        par = [l for l in left if not l.bold and l.text != "*" and not l.text.startswith("Số")
               and not l.text.startswith("V/v")]
        parent_ok = par and norm(" ".join(l.text for l in par)).startswith(org["parent"].upper()) \
            and all(near(l.centre, lcentre, 0.5) for l in par)
    if lay.get("issuer_mark") == "star":
        star = [l for l in left if l.text == "*"]
        mark = bold and star and near(star[0].centre, bold[-1].centre, 1.0) and star[0].y > bold[-1].y
    else:
        r = bold and rule_below(p1, bold[-1], 12)
        widest = max((l.width for l in bold), default=0)
        mark = r and widest / 3 - 0.5 <= r[1] - r[0] <= widest / 2 + 0.5 and near((r[0] + r[1]) / 2, lcentre, 1.0)
    check(name, "§7.6 issuing body and its mark", bold and issuer_words == org["name"].upper() and mark
          and parent_ok and all(near(l.centre, lcentre, 0.5) for l in bold), f"bold {bold} parent_ok {parent_ok}")
    num = find(p1, "Số")
    check(name, "§7.7 number " + number, num and num.text == number and num.size == lay["number_size"]
          and near(num.centre, lcentre, 0.5), f"{num}")
    date_lines = [l for l in p1["lines"] if l.italic and "ngày" in l.text and "tháng" in l.text and l.y < 200]
    if kind.get("date_line", True) is False:
        check(name, "§7.8 no date line", not date_lines, date_lines)
    else:
        place = org.get("place") or src["organisation"]["place"]
        want = f"{place}, {date_words(doc['date'])}"
        dl = date_lines[0] if date_lines else None
        check(name, "§7.8 date line", dl and dl.text == want and dl.size == lay["date_size"] and num
              and near(dl.y, num.y, 0.1) and near(dl.centre, rcentre, 0.5), f"{dl} want {want!r} number {num}")
    return num


def rule_below(pg, line, within):
    best = None
    for r in pg["rules"]:
        d = r[2] - line.y
        # a reader's float arithmetic may put the rule a hair beyond `within`
        if 0 < d <= within + 0.01 and r[0] < line.x1 and r[1] > line.x0 and (best is None or d < best[2] - line.y):
            best = r
    return best


def title_block(name, p1, lay, kind, doc, num, centre):
    """§7.10: TÊN LOẠI upper bold, trích yếu bold, centred, the rule 1/3-1/2."""
    mode = kind.get("title", "full")
    if mode == "vv":
        vv = [l for l in p1["lines"] if num and l.y > num.y and l.y < num.y + 60 and near(l.centre, num.centre, 1.0)
              and l.size == lay["vv_size"]]
        want = fill(lay["vv_format"], summary=doc["summary"])
        face_ok = all(l.italic == (lay["vv_face"] == "italic") and not l.bold for l in vv)
        check(name, "V/v under the number, %g pt" % lay["vv_size"], vv and joined(vv) == want and face_ok
              and 12 <= vv[0].size <= 13 and vv[0].y - num.y <= 2.2 * lay["number_size"],
              f"{vv} want {want!r} number {num}")
        check(name, "§7.10 no tên loại (công văn)", not find(p1, kind["name"].upper()))
        return vv[-1].y if vv else 0
    t = find(p1, kind["name"].upper())
    lines = [t] if t else []
    want = kind["name"].upper()
    below = sorted((r for r in p1["rules"] if t and 0 < r[2] - t.y <= 120), key=lambda r: r[2])
    r = below[0] if below else None
    if mode == "full" and doc.get("summary"):
        lines += [l for l in text_lines(p1) if t and r and t.y < l.y < r[2]]
        want += " " + doc["summary"]
    sw = max((l.width for l in lines[1:] or lines), default=0)
    check(name, "§7.10 tên loại, trích yếu and rule", t and t.text == kind["name"].upper() and t.bold
          and t.size == lay["type_size"] and joined(lines) == norm(want)
          and all(l.bold and near(l.centre, centre, 0.5) for l in lines)
          and r and near((r[0] + r[1]) / 2, centre, 0.5) and sw / 3 - 0.5 <= r[1] - r[0] <= sw / 2 + 0.5,
          f"{lines} want {want!r} rule {r}")
    return r[2] if r else 0


def kinh_gui(name, P, lay, doc, after):
    p1 = P[0]
    to = doc.get("to") or []
    kg = find(p1, "Kính gửi:")
    if not to:
        check(name, "no Kính gửi", not kg)
        return
    width = (lay["page_width"] - lay["margin_right"] - lay["margin_left"]) * MM
    start = lay["margin_left"] * MM + width * lay["to_share"] + lay["body_size"] / 4  # the addressee's column
    if len(to) == 1:
        # "Kính gửi:" and its addressee on one baseline (pdfprobe joins them);
        # wrapped lines start where the addressee does
        cont = [l for l in text_lines(p1) if kg and kg.y < l.y < kg.y + 3 * lay["body_leading"] and near(l.x0, start, 0.3)]
        got = norm(" ".join([kg.text] + [l.text for l in cont])) if kg else ""
        wraps = cont or near(kg.x1 - kg.x0, 0, 0) if kg else False
        check(name, "Kính gửi: one addressee on its line", kg and kg.y > after and got == norm("Kính gửi: " + to[0])
              and kg.x0 < start - 20 and (cont or kg.x1 <= lay["page_width"] * MM), f"{kg} {cont} got {got!r}")
        return
    items = [l for l in text_lines(p1) if kg and l.text.startswith("- ") and kg.y < l.y < kg.y + (len(to) + 3) * 40
             and l.x0 > kg.x1 - 1]
    ends = [(";" if i + 1 < len(to) else ".") for i in range(len(to))]
    texts = [i.text for i in items]
    check(name, "Kính gửi: %d addressees as aligned \"- …;\" lines" % len(to),
          kg and kg.text == "Kính gửi:" and kg.y > after and len(items) == len(to)
          and all(near(i.x0, items[0].x0, 0.1) for i in items) and 2 <= items[0].x0 - kg.x1 <= 6
          and near(items[0].y - kg.y, lay["body_leading"], 0.5)
          and all(t.rstrip(".;") == "- " + a.rstrip(".;") and t.endswith(e) for t, a, e in zip(texts, to, ends)),
          f"{kg} {items}")


def opening(name, P, lay, kind, doc, centre):
    p1 = P[0]
    if doc.get("authority"):
        a = find(p1, doc["authority"].upper()[:20])
        check(name, "authority bold upper centred", a and a.bold and near(a.centre, centre, 0.5), a)
    bases = doc.get("bases") or []
    if bases:
        it = [l for l in text_lines(p1) if l.italic and l.y > 150]
        t = joined(it)
        seq = bases + ([doc["proposal"]] if doc.get("proposal") else [])
        ok = all(norm(b) in t for b in seq) and all(b.rstrip().endswith(";") for b in seq[:-1]) \
            and seq[-1].rstrip().endswith(".")
        check(name, "§7.11 căn cứ italic, \";\" then \".\"", ok, t[:200])
    op = kind.get("opening")
    if op:
        o = [l for pg in P for l in pg["lines"] if l.text == op]
        d1 = [l for pg in P for l in pg["lines"] if l.text.startswith("Điều 1.")]
        check(name, f"§7.11 \"{op}\" bold centred before Điều 1.", o and o[0].bold and o[0].size == lay["type_size"]
              and near(o[0].centre, centre, 0.5) and d1 and (P[0]["lines"].count(o[0]) == 0 or o[0].y < d1[0].y
                                                             or d1[0] not in P[0]["lines"]), f"{o} {d1[:1]}")


def kind_lines(name, P, lay, kind, doc, org, left):
    """The Giấy mời's "… trân trọng kính mời: …" and its fact lines, and the
    Giấy giới thiệu's: each its own paragraph at the indent, in order."""
    if not kind.get("invite") and not kind.get("lines"):
        return
    lines = [l for pg in P for l in text_lines(pg)]
    text = joined(lines)
    want = []
    if kind.get("invite"):
        want.append(f"{org['name']} {kind['invite']}:" + (f" {doc['guest']}" if doc.get("guest") else ""))
    for ln in kind.get("lines", []):
        if doc.get(ln["key"]):
            want.append(fill(ln["format"], value=doc[ln["key"]]))
    pos, okorder, missing = 0, True, []
    for w in want:
        i = text.find(norm(w), pos)
        if i < 0:
            missing.append(w); okorder = False
        else:
            pos = i + len(norm(w))
    starts = [w.split()[0] for w in want]
    indented = all(any(l.text.startswith(s) and near(l.x0, left + lay["body_indent"] * MM, 0.2) for l in lines)
                   for s in starts)
    check(name, "the kind's lines (%s)" % ", ".join(s for s in starts), okorder and indented, f"missing {missing}")
    if kind.get("closing"):
        c = [l for l in lines if l.text.startswith(kind["closing"].split("{")[0].strip())]
        check(name, "closing line", c, kind["closing"])


def clear(above, below):
    """The blank between two lines: Liberation Serif's descent 0.216 em, ascent 0.891 em."""
    return (below.y - 0.891 * below.size) - (above.y + 0.216 * above.size)


def foot(name, P, lay, doc, left, right):
    width = right - left
    sp = [pg for pg in P if find(pg, "Nơi nhận:")]
    sp = sp[0] if sp else None
    noi = sp and find(sp, "Nơi nhận:")
    signers = doc.get("signers") or ([doc["signer"]] if doc.get("signer") else [])
    titles = []
    ok15 = sp is not None and signers
    for s in signers:
        want = signer_lines(s)
        nm = next((l for l in sp["lines"] if l.text == s["name"] and l.bold), None) if sp else None
        first = next((l for l in sp["lines"] if l.text == want[0] and l.bold), None) if sp and nm else None
        # the title lines, wrapped in the signer's column as they need
        tl = [l for l in text_lines(sp) if first and first.y <= l.y < nm.y and l.bold
              and abs(l.centre - nm.centre) < 1] if first else []
        # docs/rules.md §1.3, §7.15: sign_room blank between the title's last
        # line (its descenders) and the name (its capitals), at least 25 mm
        # (less the 0.01 pt the PDF rounds each baseline to)
        ok15 = ok15 and tl and nm and joined(tl) == " ".join(want) and clear(tl[-1], nm) >= 25 * MM - 0.02 \
            and near(clear(tl[-1], nm), lay["sign_room"] * MM, 0.2 * MM) \
            and all(l.size >= 13 and near(l.centre, nm.centre, 0.5) for l in tl) and nm.size >= 13
        titles.append(tl or [None])
    if len(signers) == 1:
        ok15 = ok15 and titles[0][0] and titles[0][0].x0 > left + width * lay["sign_share"] - 1
    check(name, "§7.15 signature block", ok15, f"{titles} {signers}")
    hang = left + lay["recipients_hang"] * MM
    items = [l for l in text_lines(sp) if noi and l.y > noi.y and l.size == lay["recipients_size"]
             and (near(l.x0, left, 0.5) or near(l.x0, hang, 0.5))] if sp else []
    filed_start = lay["recipients_filed"].split("{")[0]
    cut = next((i for i, l in enumerate(items) if l.text.startswith(filed_start)), len(items))
    items = items[:cut + 1]
    level = len(signers) != 1 or (titles and titles[0][0] and near(noi.y, titles[0][0].y, 0.1))
    rec = [fill(lay["recipients_item"], item=r) for r in doc.get("recipients", [])] \
        + [fill(lay["recipients_filed"], filed=doc.get("filed", "VT"))]
    face = lay["recipients_label_face"]
    ul = lay.get("recipients_label_rule", 0)
    r = noi and rule_below(sp, noi, noi.size * 0.5)
    underline = (r and near(r[1] - r[0], noi.width * ul, 0.5) and near(r[0], noi.x0, 0.5)) if ul else not r
    check(name, "§7.16 Nơi nhận (%s %g pt%s, items %g pt)" % (face, lay["recipients_label_size"],
          ", underlined" if ul else "", lay["recipients_size"]),
          noi and noi.bold == ("bold" in face) and noi.italic == ("italic" in face) and underline
          and noi.size == lay["recipients_label_size"] and near(noi.x0, left, 0.5)
          and level and joined(items) == norm(" ".join(rec))
          and all(near(l.x0, left, 0.5) == l.text.startswith("- ") for l in items),
          f"{noi} {titles[:1]} {items} want {rec}")
    # "./.": the last line of the content above the foot
    if sp:
        top = min([noi.y] + [t[0].y for t in titles if t and t[0]]) - 1
        above = [l for l in text_lines(sp) if l.y < top and l.y > lay["margin_top"] * MM]
        last = max(above, key=lambda l: (l.y, l.x1)) if above else None
        body = [b for b in (doc.get("body") or []) if not set(b) & {"space", "page_break", "pagebreak"}]
        if body and "table" in body[-1] and not doc.get("closing"):
            # docs/rules.md §1.6a: content ending on a table closes with "./."
            # on its own line under the table, flush left or right (close_after_table)
            side = lay.get("close_after_table", "left")
            grid = [r for r in sp["rules"] if last and r[1] - r[0] > 50 and r[2] < last.y]
            low = max((r[2] for r in grid), default=None)
            placed = last and (near(last.x0, left, 0.5) if side == "left" else near(last.x1, right, 0.5))
            check(name, "§7.14 \"./.\" on its own line under the closing table (%s)" % side,
                  last and last.text == "./." and placed and last.size == lay["body_size"] and low is not None
                  and 0 < last.y - low < 3 * lay["body_leading"], f"{last} table bottom {low}")
        else:
            check(name, "§7.14 \"./.\" ends the content", last and last.text.endswith("./."), last)


def visual_lines(pg, size):
    """Lines of one size joined across font changes and wide justified
    spaces: one per baseline, left to right."""
    rows = {}
    for l in pg["lines"]:
        if l.size == size:
            rows.setdefault(round(l.y, 1), []).append(l)
    out = []
    for y, ls in sorted(rows.items()):
        ls.sort(key=lambda l: l.x0)
        out.append(type("V", (), {"y": ls[0].y, "x0": ls[0].x0, "x1": ls[-1].x1, "parts": ls,
                                  "text": norm(" ".join(l.text for l in ls))}))
    return out


def body_text(name, P, lay, doc, left, right):
    """§7.12: every plain paragraph of the body justified (each line but its
    last reaching the right margin), its first line indented body_indent, the
    others flush left, lines body_leading apart (1-1.5 of the size), at least
    body_space_after before the next paragraph. §7.13: "Điều N." bold at the
    indent, body size, the article's text upright on the same line."""
    size, lead, indent = lay["body_size"], lay["body_leading"], lay["body_indent"] * MM
    lines = [(i, v) for i, pg in enumerate(P) for v in visual_lines(pg, size)
             if lay["margin_top"] * MM < v.y < pg["height"] - lay["margin_bottom"] * MM]
    texts = [b["text"] for b in doc.get("body") or [] if isinstance(b.get("text"), str)
             and not re.search(r"[*\\\n]", b["text"].strip())]
    bad, seen = [], 0
    unclose = lambda x: re.sub(r"\.?/\.$", "", x).rstrip(".")  # the "./." the last one gets (§7.14)
    for t in texts:
        want = unclose(norm(t))
        k = next((k for k, (i, v) in enumerate(lines) if want.startswith(unclose(v.text)) and len(v.text) > 8
                  and near(v.x0, left + indent, 0.2)), None)
        if k is None:
            bad.append(("not found at the indent", want[:40])); continue
        para, got = [], ""
        while k < len(lines) and len(got) < len(want):
            para.append(lines[k]); got = norm(got + " " + lines[k][1].text); k += 1
        if unclose(got) != want:
            bad.append(("text", want[:40], got[:40])); continue
        seen += 1
        for j, (i, v) in enumerate(para):
            if j + 1 < len(para):
                if not near(v.x1, right, 0.5):
                    bad.append(("not justified", v.text[:30], round(right - v.x1, 2)))
                ni, nv = para[j + 1]
                if ni == i and not near(nv.y - v.y, lead, 0.05):
                    bad.append(("leading", v.text[:30], round(nv.y - v.y, 2)))
            if j and not near(v.x0, left, 0.5):
                bad.append(("not flush left", v.text[:30]))
        if k < len(lines) and lines[k][0] == para[-1][0]:
            gap = lines[k][1].y - para[-1][1].y
            if gap < lead + lay["body_space_after"] - 0.1:
                bad.append(("space after", para[-1][1].text[:30], round(gap, 2)))
    if texts:
        check(name, "§7.12 body justified, indent %g mm, leading %g pt (%.2f), >= %g pt after (%d paragraphs)"
              % (lay["body_indent"], lead, lead / size, lay["body_space_after"], seen),
              not bad and 1.0 <= lead / size <= 1.5 and lay["body_indent"] in (10, 12.7), bad[:4])
    arts = [b["article"] for b in doc.get("body") or [] if "article" in b]
    if arts:
        heads = [(i, l) for i, pg in enumerate(P) for l in pg["lines"] if re.match(r"Điều \d+\.", l.text)]
        bad = []
        for n, a in enumerate(arts, 1):
            h = next((l for i, l in heads if l.text.startswith(f"Điều {n}.")), None)
            if not (h and h.bold and h.size == size and near(h.x0, left + indent, 0.2)):
                bad.append((n, h)); continue
            if a.get("title"):
                ok = h.text == f"Điều {n}. {norm(a['title'])}" or norm(a["title"]).startswith(h.text[len(f"Điều {n}. "):])
            else:
                rest = next((l for pg in P for l in pg["lines"] if l is not h and abs(l.y - h.y) < 0.01
                             and l.x0 > h.x1 - 0.5 and l.x0 < h.x1 + size), None)
                first = norm(a.get("text") or (a.get("clauses") or [{}])[0].get("text", ""))
                ok = h.text == f"Điều {n}." and rest and not rest.bold and not rest.italic \
                    and rest.size == size and (not first or first.startswith(rest.text[:10]))
            if not ok:
                bad.append((n, h))
        check(name, "§7.13 \"Điều N.\" bold at the indent, body size (%d articles)" % len(arts), not bad, bad[:3])


def address_footer(name, P, lay, doc, left, right):
    """Mẫu 1.5 ô 13: the address lines at the foot of page 1 under a full-width rule."""
    want = norm(" ".join(doc.get("footer") or []))
    if not want:
        return
    low = [l for l in text_lines(P[0]) if l.y > P[0]["height"] * 0.8 and l.size == lay["footer_size"]]
    r = [x for x in P[0]["rules"] if near(x[0], left, 0.5) and near(x[1], right, 0.5) and low and x[2] < low[0].y]
    later = [l for pg in P[1:] for l in pg["lines"] if l.text.startswith(want[:20])]
    bottom = (lay["page_height"] - lay["margin_bottom"]) * MM
    check(name, "address footer under a full-width rule, page 1 only", joined(low) == want and r and not later
          and low[-1].y <= bottom + 0.5 and all(l.x0 >= left - 0.5 for l in low), f"{low} {r}")


def page_numbers(name, P, lay, left, right, starts):
    top = lay["margin_top"] * MM
    ok, detail = True, []
    for i, pg in enumerate(P):
        t = [l for l in pg["lines"] if l.y < top]
        if i in starts:
            if t:
                ok = False; detail.append((i + 1, t))
            continue
        want = str(i - max(s for s in starts if s <= i) + 1)
        if not (len(t) == 1 and t[0].text == want and 13 <= t[0].size <= 14 and near(t[0].centre, (left + right) / 2, 0.5)):
            ok = False; detail.append((i + 1, t, want))
    check(name, "§7.17 page numbers", ok, detail)


def attachment(name, P, lay, kind, doc, org, number, centre, start):
    a = doc["attachment"]
    pg = P[start]
    t = find(pg, a["name"].upper())
    ref = [l for l in text_lines(pg) if l.italic and t and l.y > t.y and l.y < t.y + 120]
    by = doc.get("by") or org["name"]
    want = f"(Kèm theo {kind['name']} số {number.split(' ', 1)[1].lstrip(': ')} {date_words(doc['date'])} của {by})"
    check(name, "Mẫu 1.3: the attached document's header, no number", find(pg, lay["national"])
          and not find(pg, "Số"), [l.text for l in pg["lines"][:8]])
    check(name, "Mẫu 1.3: its title block and the italic (Kèm theo …) line", t and t.bold
          and near(t.centre, centre, 0.5) and joined(ref) == want and all(near(l.centre, centre, 0.5) for l in ref),
          f"{t} {ref} want {want!r}")
    r = ref and rule_below(pg, ref[-1], 14)
    check(name, "Mẫu 1.3: the rule under the (Kèm theo …) line", r and near((r[0] + r[1]) / 2, centre, 0.5)
          and ref[-1].width / 3 - 0.5 <= r[1] - r[0] <= ref[-1].width / 2 + 0.5, f"{ref[-1:]} {r}")
    signer = doc["signer"]["name"]
    last = [l for l in P[-1]["lines"] if l.text == signer and l.bold]
    check(name, "Mẫu 1.3: the attached document signed again", last, signer)
    heads = [b["heading"] for b in a["body"] if "heading" in b]
    ch = [l for p in P[start:] for l in p["lines"] if l.text.startswith("Chương ")]
    art = [l for p in P[start:] for l in p["lines"] if re.match(r"Điều \d+\.", l.text)]
    check(name, "Mẫu 1.3: Chương centred bold, Điều bold at the indent", ch and all(l.bold and near(l.centre, centre, 0.5) for l in ch)
          and art and all(l.bold and near(l.x0, lay["margin_left"] * MM + lay["body_indent"] * MM, 0.2) for l in art)
          and len(ch) == sum(1 for b in a["body"] if b.get("level") == "chapter"), f"{ch} {art[:2]} {heads}")


def one(doc, row):
    kinds_file = None
    is_ = issuers.get(doc.get("issuer")) if doc.get("issuer") else None
    style = is_["style"] if is_ else "state"
    lname = (is_.get("layout") or STYLE_LAYOUT[style]) if is_ else src.get("layout", "nd30")
    lay = layout(lname)
    kinds_file = lay.get("kinds_file", "kinds")
    kind = kinds(kinds_file)[doc["kind"]]
    org = dict(src["organisation"])
    if is_:
        org = {k: is_.get(k) for k in ("parent", "name", "abbreviation", "place")}
    abbr = org["abbreviation"]
    if doc.get("symbol"):
        symbol = doc["symbol"]
    elif kind["abbreviation"]:
        symbol = fill(lay["symbol_format"], type=kind["abbreviation"], abbreviation=abbr)
    else:
        symbol = fill(lay["letter_symbol_format"], abbreviation=abbr, unit=doc["unit"]) if doc.get("unit") else abbr
    number = fill(lay["number_format"], number=f"{doc['number']:02d}", symbol=symbol)
    pdf = os.path.join(outdir, row["file"])
    name = f"{doc['kind']} {style} {row['file']}"
    P = pages(pdf)
    left, right = lay["margin_left"] * MM, (lay["page_width"] - lay["margin_right"]) * MM
    centre = (left + right) / 2
    num = header(name, P, lay, style, org, kind, doc, number)
    after = title_block(name, P[0], lay, kind, doc, num, centre)
    kinh_gui(name, P, lay, doc, after)
    opening(name, P, lay, kind, doc, centre)
    kind_lines(name, P, lay, kind, doc, org, left)
    starts = [0]
    if doc.get("attachment"):
        s = next((i for i, pg in enumerate(P) if i and find(pg, doc["attachment"]["name"].upper())), None)
        check(name, "Mẫu 1.3: the attached document starts a page", s is not None)
        if s is not None:
            starts.append(s)
            attachment(name, P, lay, kind, doc, org, number, centre, s)
    for ap in doc.get("appendices") or []:
        s = next((i for i, pg in enumerate(P) if i > starts[-1] and find(pg, "Phụ lục")), None)
        if s is not None:
            starts.append(s)
    body_text(name, P[:starts[1]] if len(starts) > 1 else P, lay, doc, left, right)
    foot(name, P[:starts[1]] if len(starts) > 1 else P, lay, doc, left, right)
    address_footer(name, P, lay, doc, left, right)
    page_numbers(name, P, lay, left, right, starts)


for doc in src.get("documents", []):
    rows = [r for r in manifest if r["source"].endswith(os.path.basename(inp)) and r["date"] == str(doc["date"])
            and r["summary"] == (doc.get("summary") or r["type_name"])
            and r["type_name"] == kinds(layout(STYLE_LAYOUT["state"]).get("kinds_file", "kinds"))[doc["kind"]]["name"]]
    if len(rows) != 1:
        check(f"{doc['kind']} {doc.get('number')}", "its PDF in the manifest", False, f"{len(rows)} rows")
        continue
    one(doc, rows[0])
sys.exit(0)
