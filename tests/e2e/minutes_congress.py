"""A meeting unlike the seed's (tests/minutes/dai-hoi-cong-doan.yaml), checked
from its PDF: its headings are the input's and no others, the votes'
percentages computed, the meeting's word in the fixed sentences, the union
header, THƯ KÝ and "TM. ĐOÀN CHỦ TỊCH" side by side.
Usage: minutes_congress.py INPUT.yaml FILE.pdf"""
import re, sys, unicodedata
import yaml
sys.path.insert(0, "tests/e2e")
from pdfprobe import pages, find

inp, pdf = sys.argv[1:3]
src = yaml.safe_load(open(inp, encoding="utf-8"))
m = src["minutes"]
P = pages(pdf)
MM = 72 / 25.4
lines = [l for pg in P for l in sorted(pg["lines"], key=lambda l: (round(l.y, 1), l.x0)) if l.y > 20 * MM]
text = re.sub(r"\s+", " ", unicodedata.normalize("NFC", " ".join(l.text for l in lines)))


def check(name, cond, detail=""):
    print(("ok" if cond else "not ok") + f" - minutes congress: {name}" + ("" if cond else f"\n#   {detail}"[:600]))


# 1. the headings are the input's, numbered in order, and there are no others
want = [f"{i}. {s['heading']}" for i, s in enumerate(m["sections"], 1)]
got = [l.text for l in lines if l.bold and re.match(r"\d+\. ", l.text)]
check("the section headings are the input's and no others", got == want, f"got {got}")
seed = ["Đánh giá kết quả thực hiện nhiệm vụ", "Các báo cáo được thông qua", "Ký kết giao ước thi đua", "Khen thưởng"]
check("none of the seed conference's section titles", not [s for s in seed if s in text])
# 2. votes, the percentage computed (one decimal, a comma; whole without), against and abstain when given
votes = [b["vote"] for s in m["sections"] for b in s.get("body", []) if "vote" in b]
def pct(v):
    x = 100 * v["for"] / v["present"]
    return str(100 * v["for"] // v["present"]) if 100 * v["for"] % v["present"] == 0 else f"{x:.1f}".replace(".", ",")
vw = [f"Biểu quyết: {v['for']}/{v['present']} đại biểu tán thành, đạt {pct(v)} %"
      + (f", {v['against']} đại biểu không tán thành" if "against" in v else "")
      + (f", {v['abstain']} đại biểu không biểu quyết" if "abstain" in v else "") for v in votes]
pos, missing = 0, []
for w in vw:
    i = text.find(w, pos)
    if i < 0:
        missing.append(w)
    else:
        pos = i + len(w)
check("votes with computed percentages, in order", len(vw) >= 3 and not missing, f"missing {missing}")
# 3. the meeting's word from its title in the fixed sentences
word = m.get("meeting") or " ".join(m["title"].split()[:2])  # "Đại hội"
d = m["date"]
end = f"{word} kết thúc vào {int(m['end'][:2])} giờ {m['end'][3:]}, ngày {d.day} tháng {d.month} năm {d.year}./."
check("the fixed sentences name the meeting", f"Nội dung (theo diễn biến {word.lower()}):" in text and end in text,
      f"want {end!r}")
# 4. the union header: the union's bodies, the number, no date line
p1 = P[0]
num = find(p1, "Số")
issuer = [l for l in p1["lines"] if l.bold and l.x1 < 300 and l.y < 150]
check("union header: issuing body bold, Số: 01/BB-CĐCS, no date line",
      num and num.text == "Số: 01/BB-CĐCS" and " ".join(l.text for l in issuer) == src["organisation"]["name"].upper()
      and find(p1, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
      and not [l for l in p1["lines"] if l.italic and "ngày" in l.text and l.y < 200], f"{num} {issuer}")
# 5. THƯ KÝ left, TM. ĐOÀN CHỦ TỊCH right, level; each name under its title with room to sign (docs/rules.md §7.15: ≥ 25 mm blank)
sp = next((pg for pg in P if find(pg, "THƯ KÝ")), None)
tk = sp and find(sp, "THƯ KÝ")
tm = sp and find(sp, "TM. ĐOÀN CHỦ TỊCH")
names = [s["name"] for s in m["signers"]]
n1 = sp and next((l for l in sp["lines"] if l.text == names[0] and l.bold), None)
n2 = sp and next((l for l in sp["lines"] if l.text == names[1] and l.bold), None)
room = lambda a, b: (b.y - 0.891 * b.size) - (a.y + 0.216 * a.size)
check("THƯ KÝ and TM. ĐOÀN CHỦ TỊCH side by side, names under them",
      tk and tm and n1 and n2 and tk.bold and tm.bold and tk.x1 < tm.x0 and abs(tk.y - tm.y) < 0.01
      and abs(n1.y - n2.y) < 0.01 and abs(n1.centre - tk.centre) < 0.5 and abs(n2.centre - tm.centre) < 0.5
      and room(tk, n1) >= 25 * MM - 0.02 and room(tm, n2) >= 25 * MM - 0.02, f"{tk} {tm} {n1} {n2}")
noi = sp and find(sp, "Nơi nhận:")
items = [l.text for l in sp["lines"] if noi and l.y > noi.y and l.size == 11] if sp else []
check("Nơi nhận under the signatures", noi and n1 and noi.y > n1.y
      and items == [f"- {r};" for r in m["recipients"]] + [f"- Lưu: {m['filed']}."], f"{noi} {items}")
