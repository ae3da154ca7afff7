# Minutes of any meeting: a union congress with its own sections, votes and
# a presidium, checked from its PDF (tests/e2e/minutes_congress.py); then
# the checks shown to fail when the layout prints votes or headings otherwise.
. tests/e2e/lib.sh
D=$OUT/minutes_congress
IN=tests/minutes/dai-hoi-cong-doan.yaml
rm -rf "$D"; mkdir -p "$D"
if ! $VANBAN render -o "$D/out" "$IN" >/dev/null 2>"$D/stderr"; then
	notok "minutes congress renders" "$(head -3 "$D/stderr")"; exit 0
fi
check "minutes congress renders without messages" test ! -s "$D/stderr"
$PY tests/e2e/minutes_congress.py "$IN" "$D/out"/bien-ban-*.pdf
# mutate NAME CHECK SED: congdoan.yaml changed by SED beside a copy of the input
mutate() {
	m=$D/m-$1; mkdir -p "$m"
	cp "$IN" "$m/"; sed "$3" layouts/congdoan.yaml > "$m/congdoan.yaml"
	$VANBAN render -o "$m/out" "$m/$(basename "$IN")" >/dev/null 2>&1
	$PY tests/e2e/minutes_congress.py "$IN" "$m/out"/bien-ban-*.pdf > "$m/result"
	if grep -q "^not ok - minutes congress: $2" "$m/result"; then
		ok "minutes congress: $1 fails \"$2\""
	else notok "minutes congress: $1 fails \"$2\""; fi
}
mutate vote-format "votes" '$a vote_format: "Biểu quyết: {for}/{present} tán thành ({percent} %)"'
mutate heading-form "the section headings" '$a headings: [{level: number, format: "{arabic})", align: left, title_below: false, upper: false, face: bold}]'
mutate number-format "union header" 's/^number_format: .*/number_format: "Số {number}-{symbol}"/'
mutate content-wording "the fixed sentences" '$a minutes_content: "Nội dung:"'
mutate meeting-words "the fixed sentences" '$a meeting_words: [Hội nghị]'
# no meeting's section titles, nor the decree's fixed minutes wording, in the C
check "minutes congress: no section title or fixed minutes wording in src/*.c" sh -c \
	"! grep -nE '\"[^\"]*(Đánh giá kết quả|THƯ KÝ|CHỦ TỌA|Thời gian bắt đầu|kết thúc vào|Nội dung \\(theo)' src/*.c"
