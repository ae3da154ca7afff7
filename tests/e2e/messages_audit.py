#!/usr/bin/python3
"""messages_audit.py MSG_DEF VI_PO: the audit of the message catalogue.

Every message of the table (MSG(CODE, LEVEL, "text")) and every other entry
of the Vietnamese catalogue (the summary, --help, words given to messages,
plural forms) must have a Vietnamese text that is not empty, not the
English one and takes the same printf directives (type, flags, width, by
argument position, so "%2$s" may move). Fuzzy and obsolete entries are
faults too. Prints each message in both languages with sample values, one
"#" line each, then one line per fault; exits 1 if there is one."""
import re
import sys

DIRECTIVE = re.compile(r"%(?:(\d+)\$)?([-+ #0]*(?:\d+|\*)?(?:\.(?:\d+|\*))?(?:hh|h|ll|l|z|j|t|L)?[diouxXeEfgGcsp%])")


def c_strings(text):
    """the concatenated value of C string literals in text"""
    return "".join(bytes(s, "utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")
                   for s in re.findall(r'"((?:[^"\\]|\\.)*)"', text))


def table(path):
    """[(CODE, English)] of msg.def, its strings joined as C joins them"""
    src = re.sub(r"/\*.*?\*/", "", open(path, encoding="utf-8").read(), flags=re.S)
    out = []
    for m in re.finditer(r"^MSG\((\w+),\s*(\w+),(.*?)\)\s*$", src, flags=re.M | re.S):
        out.append((m.group(1), c_strings(m.group(3))))
    return out


def catalogue(path):
    """entries of a .po file: dicts with msgid, plural, strs (list), flags, obsolete"""
    entries, cur, field = [], None, None
    flags, obsolete = set(), False
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("#~"):
            obsolete = True
            continue
        if line.startswith("#,"):
            flags |= {f.strip() for f in line[2:].split(",")}
            continue
        m = re.match(r'(msgid|msgid_plural|msgstr(?:\[(\d+)\])?) (".*")$', line)
        if m:
            if m.group(1) == "msgid":
                cur = {"msgid": "", "plural": None, "strs": {}, "flags": flags, "obsolete": obsolete}
                entries.append(cur)
                flags, obsolete = set(), False
            field = (m.group(1), int(m.group(2) or 0))
            if field[0] == "msgid_plural":
                cur["plural"] = ""
            if field[0].startswith("msgstr"):
                cur["strs"][field[1]] = ""
            line = m.group(3)
        elif not line.startswith('"'):
            field = None
            continue
        if field is None or cur is None:
            continue
        value = c_strings(line)
        if field[0] == "msgid":
            cur["msgid"] += value
        elif field[0] == "msgid_plural":
            cur["plural"] += value
        else:
            cur["strs"][field[1]] += value
    return entries


def directives(fmt):
    """{argument position: directive without its position}"""
    out, n = {}, 0
    for m in DIRECTIVE.finditer(fmt):
        if m.group(2) == "%":
            continue
        n += 1
        out[int(m.group(1)) if m.group(1) else n] = m.group(2)
    return out


def sample(fmt):
    """fmt with each directive replaced by a value of its type"""
    def one(m):
        c = m.group(2)[-1]
        return "%" if c == "%" else "«chữ»" if c == "s" else "1,5" if c in "eEfgG" else "7"
    return DIRECTIVE.sub(one, fmt)


def has_words(text):
    """whether text says anything beyond directives and punctuation"""
    return re.search(r"[^\W\d_]", DIRECTIVE.sub("", text)) is not None


def main():
    codes = table(sys.argv[1])
    entries = [e for e in catalogue(sys.argv[2]) if e["msgid"]]
    by_id = {e["msgid"]: e for e in entries if not e["obsolete"]}
    faults = []
    if len(codes) < 100:
        faults.append(f"only {len(codes)} messages read from {sys.argv[1]}: is the table's form changed?")
    for code, en in codes:
        e = by_id.get(en)
        vi = e["strs"].get(0, "") if e else ""
        print(f"# {code} en: {sample(en)}")
        print(f"# {code} vi: {sample(vi)}")
        if not e:
            faults.append(f"{code}: no entry in the catalogue for {en!r}")
    for e in entries:
        en = e["msgid"]
        if e["obsolete"]:
            faults.append(f"obsolete entry {en!r}: remove it")
            continue
        if "fuzzy" in e["flags"]:
            faults.append(f"fuzzy entry {en!r}")
        want = directives(e["plural"] if e["plural"] is not None else en)
        if e["plural"] is not None and not set(directives(en).items()) <= set(want.items()):
            faults.append(f"{en!r}: singular and plural take different directives")
        if not e["strs"]:
            faults.append(f"{en!r}: no msgstr")
        for n, vi in sorted(e["strs"].items()):
            if not vi:
                faults.append(f"{en!r}: empty msgstr[{n}]")
            elif vi in (en, e["plural"]) and has_words(en):
                faults.append(f"{en!r}: msgstr[{n}] is the English text")
            elif directives(vi) != want:
                faults.append(f"{en!r}: msgstr[{n}] {vi!r} takes {sorted(directives(vi).items())}, "
                              f"the English {sorted(want.items())}")
    for f in faults:
        print(f)
    return 1 if faults else 0


if __name__ == "__main__":
    sys.exit(main())
