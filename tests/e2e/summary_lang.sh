# The summary line after a run is in Vietnamese under a Vietnamese locale
# (LANG=vi_VN.UTF-8, LC_ALL unset) and in English otherwise: for a whole
# batch of every kind, a run with an error, one with warnings and check.
# The Vietnamese line keeps no English word of the English one.
. tests/e2e/lib.sh
D=$OUT/summary_lang
rm -rf "$D"; mkdir -p "$D"
en() { env LC_ALL=C.UTF-8 "$VANBAN" "$@" 2>/dev/null; }
vi() { env -u LC_ALL -u LANGUAGE LANG=vi_VN.UTF-8 "$VANBAN" "$@" 2>/dev/null; }
same() { # same NAME GOT WANT
	if [ "$2" = "$3" ]; then ok "summary $1"; else notok "summary $1" "got:  $2" "want: $3"; fi
}

got_en=$(en render -o "$D/en" input/*.yaml)
got_vi=$(vi render -o "$D/vi" input/*.yaml)
# (input/ holds every kind; what it holds may change, so the batch's line
# is compared with its English twin: the same counts, no English left)
nums() { echo "${1#*: }" | tr -cs '0-9' ' '; }
check "summary of a batch: the same counts in both" test -n "$(nums "$got_en")" -a "$(nums "$got_en")" = "$(nums "$got_vi")"
same "of a batch names its folder, new" "${got_vi%%: *}" "$D/vi/ (thư mục mới)"
# every English word of the summary (a kind without its words would show
# its name, "records-list") is gone from the Vietnamese one
left=$(echo "${got_en#*: }" | tr -cs 'A-Za-z-' '\n' | sort -u | while read -r w; do
	[ -n "$w" ] && echo "${got_vi#*: }" | tr -cs 'A-Za-z-' '\n' | grep -qx -- "$w" && echo "$w"; done)
check "summary of a batch keeps no English word in Vietnamese" test -z "$left"

same "of a run with an error in English" "$(en render -o "$D/bad-en" tests/bad/unknown-key.yaml)" \
	"$D/bad-en/ (new folder): nothing written; 1 error"
same "of a run with an error in Vietnamese" "$(vi render -o "$D/bad-vi" tests/bad/unknown-key.yaml)" \
	"$D/bad-vi/ (thư mục mới): không ghi tệp nào; 1 lỗi"
same "of a run with warnings in English" "$(en render -o "$D/warn-en" tests/cli/warn.yaml)" \
	"$D/warn-en/ (new folder): 1 decision (1 page); 2 warnings"
same "of a run with warnings in Vietnamese" "$(vi render -o "$D/warn-vi" tests/cli/warn.yaml)" \
	"$D/warn-vi/ (thư mục mới): 1 quyết định (1 trang); 2 cảnh báo"
# the folder is new only the first time
same "of a second run into the folder in English" "$(en render -o "$D/warn-en" tests/cli/warn.yaml)" \
	"$D/warn-en/: 1 decision (1 page); 2 warnings"
same "of a second run into the folder in Vietnamese" "$(vi render -o "$D/warn-vi" tests/cli/warn.yaml)" \
	"$D/warn-vi/: 1 quyết định (1 trang); 2 cảnh báo"
same "of check in English" "$(en check tests/bad/csv-broken.yaml tests/bad/unknown-key.yaml)" \
	"2 input files checked; 4 errors"
same "of check in Vietnamese" "$(vi check tests/bad/csv-broken.yaml tests/bad/unknown-key.yaml)" \
	"đã kiểm tra 2 tệp đầu vào; 4 lỗi"
same "of a clean check in English" "$(en check input/tct-2020.yaml)" "1 input file checked, no problems"
same "of a clean check in Vietnamese" "$(vi check input/tct-2020.yaml)" \
	"đã kiểm tra 1 tệp đầu vào, không có vấn đề gì"
# LANG=vi without LC_ALL unset: LC_ALL wins, English
same "under LC_ALL=C.UTF-8 LANG=vi_VN.UTF-8 is English" \
	"$(env LC_ALL=C.UTF-8 LANG=vi_VN.UTF-8 "$VANBAN" check input/tct-2020.yaml 2>/dev/null)" \
	"1 input file checked, no problems"
