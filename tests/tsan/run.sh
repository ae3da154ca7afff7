#!/bin/sh
# make tsan: 300 certificates rendered on worker threads under
# ThreadSanitizer (one file each, and one print file). Any data race is a
# report on stderr and a non-zero exit; the line "tsan: N certificates, 0
# reports" ends a clean run.
set -eu
VANBAN=${1:-build/tsan/vanban}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
{
	echo "organisation: {name: Trường Chính trị Tôn Đức Thắng, abbreviation: TCT, place: An Giang}"
	echo "decisions:"
	echo "  - number: 15"
	echo "    date: 2020-12-30"
	echo "    summary: Về việc tặng Giấy khen năm 2020"
	echo "    authority: HIỆU TRƯỞNG TRƯỜNG CHÍNH TRỊ TÔN ĐỨC THẮNG"
	echo "    articles: ['Tặng Giấy khen cho {count} cá nhân (có danh sách kèm theo).']"
	echo "    signer: {title: HIỆU TRƯỞNG, name: Hồ Ngọc Trường}"
	echo "    certificate_layout: certificate-a4"
	echo "    list:"
	echo "      recipients:"
	i=1
	for family in Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Võ Đặng Bùi; do
		for given in An Bình Chi Dũng Giang Hà Khánh Lan Minh Nga Oanh Phúc Quyên Sơn Thảo; do
			for middle in Thị Văn; do
				echo "        - {name: $family $middle $given, position: Giảng viên, unit: Khoa số $i}"
				i=$((i + 1))
			done
		done
	done
} > "$work/tsan.yaml"
TSAN_OPTIONS="halt_on_error=1 exitcode=66 second_deadlock_stack=1" \
	SOURCE_DATE_EPOCH=1609459200 "$VANBAN" render -o "$work/out" "$work/tsan.yaml" >/dev/null
n=$(ls "$work/out" | grep -c '\.pdf$')
echo "tsan: $n certificates, 0 reports"
[ "$n" -ge 300 ]
