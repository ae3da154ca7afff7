#!/usr/bin/env python3
"""The ND30 compose rules, measured in display-list dumps (no PDF reader):
prints one "name value" line per rule for a dump of a decision.

  issuer_rule   length of the rule under the issuing body, 1/1000 pt
  motto_rule    length of the rule under the Tiêu ngữ
  summary_rule  length of the rule under the trích yếu
  issuer_gap    the issuer rule's distance under the baseline above it, em
  motto_gap     the same for the Tiêu ngữ's rule
  summary_gap   the same for the trích yếu's rule
  number_level  baseline of "Số: …" minus that of the place and date line
  recipients_level  baseline of "Nơi nhận:" minus that of the signer's title
  signer_x      where the signer's title starts (the signature column)
Only page 1 is read."""
import re, sys

ops = []
for line in open(sys.argv[1], encoding="utf-8"):
    if line.startswith("page ") and ops:
        break
    m = re.match(r'text (-?\d+) (-?\d+) (\S+) (\d+) \S+ "(.*)"', line)
    if m:
        ops.append(("text", int(m[1]), int(m[2]), int(m[4]), m[5]))
        continue
    m = re.match(r"rule (-?\d+) (-?\d+) (-?\d+) (-?\d+) ", line)
    if m:
        ops.append(("rule", int(m[1]), int(m[2]), int(m[3]), int(m[4])))

def text(pred, after=0):
    for i, op in enumerate(ops[after:], after):
        if op[0] == "text" and pred(op[4]):
            return i, op
    sys.exit(f"no text op for the rule ({sys.argv[1]})")

def rule_under(i):
    """The first rule after text op i, and the text op just above it."""
    for j in range(i, len(ops)):
        if ops[j][0] == "rule":
            above = max((o for o in ops[i:j] if o[0] == "text"), key=lambda o: o[2])
            return ops[j], above
    sys.exit("no rule")

out = {}
i, _ = text(lambda s: s.isupper() and not s.startswith("CỘNG"))  # the issuer block
r, above = rule_under(i)
out["issuer_rule"] = r[3] - r[1]
out["issuer_gap"] = round((r[2] - above[2]) / above[3], 3)
i, _ = text(lambda s: s.startswith("CỘNG HÒA"))
r, above = rule_under(i)
out["motto_rule"] = r[3] - r[1]
out["motto_gap"] = round((r[2] - above[2]) / above[3], 3)
i, _ = text(lambda s: s == "QUYẾT ĐỊNH")
r, above = rule_under(i)
out["summary_rule"] = r[3] - r[1]
out["summary_gap"] = round((r[2] - above[2]) / above[3], 3)
_, num = text(lambda s: s.startswith("Số:"))
_, date = text(lambda s: ", ngày " in s)
out["number_level"] = num[2] - date[2]
k, rec = text(lambda s: s == "Nơi nhận:")
_, sig = text(lambda s: s.isupper() and s.strip(), k)
out["recipients_level"] = rec[2] - sig[2]
out["signer_x"] = sig[1]
for name, v in out.items():
    print(name, v)
