"""A 150-name Danh sách (decision 21) for tests/e2e/tables.sh; argument "long"
puts the 47-character name of row 71 in, "short" leaves it out."""
import sys, random
long_ = sys.argv[1] == "long"
r = random.Random(150)
fam = "Nguyễn Trần Lê Phạm Huỳnh Hoàng Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý".split()
mid = "Văn Thị Ngọc Minh Hoàng Thanh Hữu Đức Thu Mỹ Quốc Kim".split()
giv = "An Bình Châu Dũng Giang Hải Hạnh Hiền Hòa Hùng Huy Khánh Lan Long Nam Nga Oanh Phúc Quân Thắng Thủy Toàn Tùng Vân Yến".split()
pos = ["Giảng viên", "Chuyên viên", "Nhân viên", "Trưởng phòng", "Phó Trưởng khoa"]
units = ["Khoa Lý luận cơ sở", "Khoa Nhà nước và Pháp luật", "Phòng Tổ chức - Hành chính",
         "Phòng Quản lý đào tạo và Nghiên cứu khoa học", "Khoa Xây dựng Đảng", "Phòng Quản trị - Tài vụ"]
print("""organisation:
  parent: Tỉnh ủy An Giang
  name: Trường Chính trị Tôn Đức Thắng
  abbreviation: TCT
  place: An Giang
decisions:
  - number: 21
    date: 2020-12-30
    summary: Về việc công nhận danh hiệu “Lao động tiên tiến” năm 2020
    signer: {title: HIỆU TRƯỞNG, name: Hồ Ngọc Trường}
    authority: HIỆU TRƯỞNG TRƯỜNG CHÍNH TRỊ TÔN ĐỨC THẮNG
    articles: ['Công nhận danh hiệu “Lao động tiên tiến” năm 2020 cho {count} cá nhân (có danh sách kèm theo).']
    list:
      title: Cá nhân đạt danh hiệu “Lao động tiên tiến” năm 2020
      recipients:""")
for i in range(150):
    name = "%s %s %s" % (r.choice(fam), r.choice(mid), r.choice(giv))
    if long_ and i == 70:
        name = "Công Tằng Tôn Nữ Thị Hoàng Khánh Ngọc Bảo Quyên"
    print("      - {name: %s, position: %s, unit: %s}" % (name, r.choice(pos), r.choice(units)))
