"""roster.py DIR N [MODE]: DIR/list.yaml, N certificates from DIR/list.csv
(names sorted, so a recipient fewer renumbers the ones after it), MODE =
files (default), print or both."""
import os, sys

d, n = sys.argv[1], int(sys.argv[2])
mode = sys.argv[3] if len(sys.argv) > 3 else "files"
given = ["An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Khánh", "Lan", "Minh", "Nam", "Phương", "Quân"]
with open(os.path.join(d, "list.csv"), "w", encoding="utf-8") as f:
    f.write("Họ và tên,Đơn vị\n")
    for i in range(n):
        f.write("Nguyễn Văn %s %d,Phòng %d\n" % (given[i % len(given)], i, i % 7 + 1))
open(os.path.join(d, "list.yaml"), "w", encoding="utf-8").write("""organisation:
  name: Trường Chính trị Tôn Đức Thắng
  abbreviation: TCT
  place: An Giang
decisions:
  - number: 30
    date: 2020-12-30
    summary: Về việc tặng Giấy khen
    authority: HIỆU TRƯỞNG TRƯỜNG CHÍNH TRỊ TÔN ĐỨC THẮNG
    articles: ['Tặng Giấy khen cho {count} cá nhân.']
    achievement: Đã có thành tích xuất sắc năm 2020.
    signer: {title: HIỆU TRƯỞNG, name: Hồ Ngọc Trường}
    certificate_layout: certificate-a4-compact
    decision_output: false
    certificate_output: %s
    list:
      sort: name
      csv: {file: list.csv, name: Họ và tên, unit: Đơn vị}
""" % mode)
