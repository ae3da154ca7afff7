"""Prints a Báo cáo whose tables test report tables from the PDF
(tests/e2e/tables.sh): merged header cells over columns and rows, a
numbered (1) (2) ... row, numbers right-aligned on their digits, a totals
row, 60 rows so that the header repeats on later pages; then a table of 14
columns, too wide for a portrait page, set on landscape pages.
Usage: report.py [wide|portrait]  (without: no wide table; portrait: the
wide table is kept portrait)"""
import sys

units = ["Khoa Lý luận cơ sở", "Khoa Xây dựng Đảng", "Khoa Nhà nước và pháp luật",
         "Phòng Tổ chức - Hành chính", "Phòng Quản lý đào tạo", "Phòng Quản trị - Tài vụ",
         "Khoa Dân vận", "Trung tâm Ngoại ngữ - Tin học"]


def q(s):
    return '"' + s.replace('"', '\\"') + '"'


rows = []
for i in range(60):
    men, women = 3 + (i * 7) % 11, 2 + (i * 5) % 9
    money = 1500000 * (1 + i % 4) + 250000 * (i % 3)
    rate = "%d,%d" % (50 + (i * 13) % 50, (i * 3) % 10) if i % 5 else "%d" % (60 + i % 40)
    rows.append([str(i + 1), units[i % len(units)] + (" (cơ sở %d)" % (i // len(units) + 1)),
                 str(men), str(women), "{:,}".format(money).replace(",", "."), rate])
print("""layout: nd30
organisation:
  parent: Tỉnh ủy An Giang
  name: Trường Chính trị Tôn Đức Thắng
  abbreviation: TCT
  place: An Giang
documents:
  - kind: bao-cao
    number: 86
    date: 2020-12-28
    summary: Số liệu cán bộ, viên chức năm 2020
    body:
      - text: Số liệu cán bộ, viên chức và kinh phí của các đơn vị năm 2020 như sau.
      - table:
          title: Bảng 1. Cán bộ, viên chức và kinh phí
          header:
            - [STT, Đơn vị, Số người, "<", Kinh phí (đồng), Tỷ lệ (%)]
            - ["^", "^", Nam, Nữ, "^", "^"]
          numbered: true
          align: [center]
          rows:""")
for r in rows:
    print("            - [" + ", ".join(q(c) for c in r) + "]")
print("""          total: [Tổng cộng, "<", "=", "=", "=", ""]""")
wide = len(sys.argv) > 1
print("""      - text: Số người theo từng tháng của năm 2020.""")
if wide:
    print("""      - table:
          title: Bảng 2. Số người theo tháng""")
if wide and sys.argv[1] == "portrait":
    print("          landscape: false")
if wide:
    print("""          header:
            - [Đơn vị, Tháng, "<", "<", "<", "<", "<", "<", "<", "<", "<", "<", "<", Cả năm]
            - ["^", "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "^"]
          rows:""")
for k, u in enumerate(units if wide else []):
    vals = [str(100 + (k * 37 + m * 11) % 900) for m in range(12)]
    print("            - [" + ", ".join(q(c) for c in [u] + ["{:,}".format(int(v) * 1000).replace(",", ".") for v in vals] + ["{:,}".format(sum(int(v) for v in vals) * 1000).replace(",", ".")]) + "]")
print("""      - text: Các đơn vị tiếp tục rà soát số liệu và báo cáo bổ sung trước ngày 15 tháng 01 năm 2021.
    signer:
      title: HIỆU TRƯỞNG
      name: Hồ Ngọc Trường
    recipients: [Đảng ủy khối, Lưu VT]""")
