/* Legacy encodings: every letter of TCVN3 and VNI (both cases), cp1258,
 * sentences, and spotting mojibake without false alarms. */
#include <stdlib.h>

#include "text.h"
#include "unit.h"

/* The bytes of a Latin-1 string written here as UTF-8 (every character
 * <= U+00FF), i.e. exactly what a legacy file holds; static buffer. */
static const char *bytes_of(const char *latin1_as_utf8, size_t *len)
{
	static char out[1024];
	size_t n = 0, l = strlen(latin1_as_utf8);
	for (size_t i = 0; i < l && n < sizeof out - 1;) {
		uint32_t cp;
		size_t k = utf8_decode(latin1_as_utf8 + i, l - i, &cp);
		out[n++] = (char)cp;
		i += k ? k : 1;
	}
	out[n] = '\0';
	*len = n;
	return out;
}

static char *decode(enum legacy_enc enc, const char *latin1_as_utf8)
{
	size_t n, outlen;
	const char *b = bytes_of(latin1_as_utf8, &n);
	char *s = text_from_legacy(enc, b, n, &outlen);
	CHECK_INT(outlen, strlen(s));
	return s;
}

#define DECODES(enc, in, want)                    \
	do {                                      \
		char *s_ = decode(enc, in);       \
		CHECK_STR(s_, want);              \
		free(s_);                         \
	} while (0)

static const char lower_list[] =
	"a à á ả ã ạ ă ằ ắ ẳ ẵ ặ â ầ ấ ẩ ẫ ậ đ e è é ẻ ẽ ẹ ê ề ế ể ễ ệ i ì í ỉ ĩ ị "
	"o ò ó ỏ õ ọ ô ồ ố ổ ỗ ộ ơ ờ ớ ở ỡ ợ u ù ú ủ ũ ụ ư ừ ứ ử ữ ự y ỳ ý ỷ ỹ ỵ";
static const char upper_list[] =
	"A À Á Ả Ã Ạ Ă Ằ Ắ Ẳ Ẵ Ặ Â Ầ Ấ Ẩ Ẫ Ậ Đ E È É Ẻ Ẽ Ẹ Ê Ề Ế Ể Ễ Ệ I Ì Í Ỉ Ĩ Ị "
	"O Ò Ó Ỏ Õ Ọ Ô Ồ Ố Ổ Ỗ Ộ Ơ Ờ Ớ Ở Ỡ Ợ U Ù Ú Ủ Ũ Ụ Ư Ừ Ứ Ử Ữ Ự Y Ỳ Ý Ỷ Ỹ Ỵ";

/* The same letters in TCVN3, typed byte by byte from the VN3 chart (as Latin-1). */
static const char tcvn3_lower[] =
	"a µ ¸ ¶ · ¹ ¨ » ¾ ¼ ½ Æ © Ç Ê È É Ë ® e Ì Ð Î Ï Ñ ª Ò Õ Ó Ô Ö i × Ý Ø Ü Þ "
	"o ß ã á â ä « å è æ ç é ¬ ê í ë ì î u ï ó ñ ò ô \u00ad õ ø ö ÷ ù y ú ý û ü þ";

/* ... and in VNI-Windows: base letter then mark byte. */
static const char vni_lower[] =
	"a aø aù aû aõ aï aê aè aé aú aü aë aâ aà aá aå aã aä ñ e eø eù eû eõ eï eâ eà eá eå eã eä "
	"i ì í æ ó ò o oø où oû oõ oï oâ oà oá oå oã oä ô ôø ôù ôû ôõ ôï "
	"u uø uù uû uõ uï ö öø öù öû öõ öï y yø yù yû yõ î";
static const char vni_upper[] =
	"A AØ AÙ AÛ AÕ AÏ AÊ AÈ AÉ AÚ AÜ AË AÂ AÀ AÁ AÅ AÃ AÄ Ñ E EØ EÙ EÛ EÕ EÏ EÂ EÀ EÁ EÅ EÃ EÄ "
	"I Ì Í Æ Ó Ò O OØ OÙ OÛ OÕ OÏ OÂ OÀ OÁ OÅ OÃ OÄ Ô ÔØ ÔÙ ÔÛ ÔÕ ÔÏ "
	"U UØ UÙ UÛ UÕ UÏ Ö ÖØ ÖÙ ÖÛ ÖÕ ÖÏ Y YØ YÙ YÛ YÕ Î";

static void tcvn3_every_letter(void)
{
	DECODES(LEGACY_TCVN3, tcvn3_lower, lower_list);
	/* upper case: the same codes in a ".VnTimeH" font */
	DECODES(LEGACY_TCVN3H, tcvn3_lower, upper_list);
	/* the seven capitals VN3 has in the ordinary font */
	DECODES(LEGACY_TCVN3, "¡¢£¤¥¦§", "ĂÂÊÔƠƯĐ");
}

/* Test-only encoder built from the decoder: every letter has exactly one
 * byte, and decoding each byte gives a distinct letter (no two codes collide). */
static void tcvn3_encoder_round_trip(void)
{
	uint32_t seen[256] = {0};
	int letters = 0;
	for (int c = 0xA0; c < 0x100; c++) {
		char b = (char)c, *s;
		size_t n;
		s = text_from_legacy(LEGACY_TCVN3, &b, 1, &n);
		uint32_t cp;
		utf8_decode(s, n, &cp);
		free(s);
		seen[c] = cp;
		enum vn_base base;
		enum vn_tone tone;
		bool up;
		if (vn_letter_info(cp, &base, &tone, &up)) {
			letters++;
			for (int d = 0xA0; d < c; d++)
				CHECK(seen[d] != cp);
		}
	}
	CHECK_INT(letters, 67 + 7); /* 67 non-ASCII lower-case letters, 7 capitals */
	/* encode every lower-case letter with that inverse and decode again */
	for (size_t i = 0; i < VN_LETTER_COUNT; i++) {
		uint32_t cp = vn_letters[i].lower;
		char byte = (char)cp;
		for (int c = 0xA0; c < 0x100 && cp >= 0x80; c++)
			if (seen[c] == cp)
				byte = (char)c;
		size_t n;
		char *s = text_from_legacy(LEGACY_TCVN3, &byte, 1, &n);
		char want[5];
		want[utf8_encode(cp, want)] = '\0';
		CHECK_STR(s, want);
		free(s);
	}
}

static void vni_every_letter(void)
{
	DECODES(LEGACY_VNI, vni_lower, lower_list);
	DECODES(LEGACY_VNI, vni_upper, upper_list);
	/* a capital base with lower-case marks, as typed with Shift */
	DECODES(LEGACY_VNI, "Vieät", "Việt");
	DECODES(LEGACY_VNI, "Aù", "Á");
}

static void sentences(void)
{
	DECODES(LEGACY_TCVN3, "Céng hoµ x· héi chñ nghÜa ViÖt Nam", "Cộng hoà xã hội chủ nghĩa Việt Nam");
	DECODES(LEGACY_TCVN3, "§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc");
	DECODES(LEGACY_TCVN3, "Tr\u00adêng", "Trường"); /* ư is 0xAD, a soft hyphen in Latin-1 */
	DECODES(LEGACY_VNI, "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam");
	DECODES(LEGACY_VNI, "Ñoäc laäp - Töï do - Haïnh phuùc", "Độc lập - Tự do - Hạnh phúc");
	DECODES(LEGACY_VNI, "Tröôøng Chính trò Toân Ñöùc Thaéng", "Trường Chính trị Tôn Đức Thắng");
	/* Word's curly quotes (cp1252 0x93/0x94) inside 8-bit files */
	DECODES(LEGACY_TCVN3, "\xc2\x93" "ViÖt\xc2\x94", "“Việt”");
	/* unassigned bytes become U+FFFD, stray VNI marks too */
	DECODES(LEGACY_TCVN3, "°", "\xef\xbf\xbd");
	DECODES(LEGACY_VNI, "bø", "b\xef\xbf\xbd");
	DECODES(LEGACY_VNI, "eê", "e\xef\xbf\xbd"); /* e cannot take a breve */
	size_t n;
	char *s = text_from_legacy(LEGACY_VNI, "", 0, &n);
	CHECK_STR(s, "");
	free(s);
	s = text_from_legacy(LEGACY_NONE, "Việt", strlen("Việt"), &n);
	CHECK_STR(s, "Việt");
	free(s);
}

static void cp1258(void)
{
	/* base letters + combining tones, composed to NFC */
	DECODES(LEGACY_CP1258, "Viêòt Nam", "Việt Nam"); /* ê + 0xF2 (dot below) */
	DECODES(LEGACY_CP1258, "HoaÌ", "Hoà");           /* 0xCC = combining grave */
	DECODES(LEGACY_CP1258, "ðãõý", "đăơư");
	DECODES(LEGACY_CP1258, "ÐÃÕÝ", "ĐĂƠƯ");
	DECODES(LEGACY_CP1258, "Nguyêñ", "Nguyêñ");     /* ñ stays ñ */
	DECODES(LEGACY_CP1258, "ÝÞ", "Ữ");               /* Ư + 0xDE (tilde) */
	DECODES(LEGACY_CP1258, "þ", "₫");
}

static void names(void)
{
	enum legacy_enc e;
	CHECK(text_legacy_name("tcvn3", &e) && e == LEGACY_TCVN3);
	CHECK(text_legacy_name("TCVN3", &e) && e == LEGACY_TCVN3);
	CHECK(text_legacy_name("abc", &e) && e == LEGACY_TCVN3);
	CHECK(text_legacy_name("tcvn3h", &e) && e == LEGACY_TCVN3H);
	CHECK(text_legacy_name("vni", &e) && e == LEGACY_VNI);
	CHECK(text_legacy_name("VNI-Windows", &e) && e == LEGACY_VNI);
	CHECK(text_legacy_name("cp1258", &e) && e == LEGACY_CP1258);
	CHECK(text_legacy_name("windows-1258", &e) && e == LEGACY_CP1258);
	CHECK(text_legacy_name("utf-8", &e) && e == LEGACY_NONE);
	CHECK(text_legacy_name("UTF8", &e) && e == LEGACY_NONE);
	CHECK(!text_legacy_name("latin1", &e));
	CHECK(!text_legacy_name("", &e));
}

static enum legacy_enc guess(const char *s, size_t *index)
{
	return text_guess_legacy(s, strlen(s), index);
}

static void detects_mojibake(void)
{
	size_t at = 999;
	CHECK_INT(guess("Céng hoµ x· héi chñ nghÜa ViÖt Nam", &at), LEGACY_TCVN3);
	CHECK_INT(at, 7); /* the µ of "hoµ" ("Céng" reads as a syllable either way) */
	CHECK_INT(guess("§éc lËp - Tù do - H¹nh phóc", &at), LEGACY_TCVN3);
	CHECK_INT(at, 0);
	CHECK_INT(guess("NguyÔn ThÞ H\u00ad¬ng", &at), LEGACY_TCVN3);
	CHECK_INT(guess("ViÖt Nam", &at), LEGACY_TCVN3);
	CHECK_INT(at, 2);
	CHECK_INT(guess("Vieät Nam", &at), LEGACY_VNI);
	CHECK_INT(at, 3);
	CHECK_INT(guess("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", &at), LEGACY_VNI);
	CHECK_INT(at, 2);
	CHECK_INT(guess("Nguyeãn Thò Höông", &at), LEGACY_VNI);
	CHECK_INT(guess("Tröôøng Chính trò Toân Ñöùc Thaéng", &at), LEGACY_VNI);
	CHECK_INT(guess("Họ tên: Nguyeãn Vaên A", &at), LEGACY_VNI);
	CHECK_INT(at, 13);
	CHECK_INT(guess("ViÖt", NULL), LEGACY_TCVN3); /* index is optional */
}

static void no_false_alarms(void)
{
	size_t at;
	CHECK_INT(guess(lower_list, &at), LEGACY_NONE);
	CHECK_INT(guess(upper_list, &at), LEGACY_NONE);
	for (size_t i = 0; i < VN_LETTER_COUNT; i++) { /* each letter alone, both cases */
		char s[12];
		size_t n = utf8_encode(vn_letters[i].lower, s);
		s[n] = ' ';
		n += 1 + utf8_encode(vn_letters[i].upper, s + n + 1);
		CHECK_INT(text_guess_legacy(s, n, &at), LEGACY_NONE);
	}
	const char *ok[] = {
		"Độc lập - Tự do - Hạnh phúc",
		"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"Nguyễn Thị Hương", "Trần Văn Bé", "Lê Thị Ánh", "Võ Thị Sáu", "Hà Thị Lý",
		"Tô Hoài", "Lò Văn Giàng", "Thái Hà", "Ngô Bảo Châu", "Mai Văn Toàn",
		"Quách Tuấn Du", "Giáp Văn Cường", "Phí Thị Thúy", "Khúc Thừa Dụ", "Ông Ích Khiêm",
		"Cao Bá Quát", "Đoàn Thị Điểm", "Hồ Xuân Hương", "Chu Văn An",
		"Trường Chính trị Tôn Đức Thắng, tỉnh An Giang",
		"“Trích yếu” – nội dung… «Hà Nội» © 2020 ® ½ 10°C ± 2",
		"Quyết định số 05/QĐ-TCT ngày 05/01/2020",
		"Coca-Cola®, Microsoft©, café, José, François, Müller, Noël, Zoë, Rafaël, São Paulo",
		"Straße, Ærø, naïve, Ångström, señor, Þór, ½ × 3 ÷ 2",
		"hoà, hoá, hoè, quý, quà, quê, khuya, thuý, tiên, yêu, ôi, ủa, ơi, gì, già",
		"The quick brown fox jumps over the lazy dog.",
		"",
	};
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		enum legacy_enc e = guess(ok[i], &at);
		if (e != LEGACY_NONE) {
			printf("#   false alarm %d on \"%s\" at %zu\n", (int)e, ok[i], at);
			unit_fails++;
		}
	}
	CHECK_INT(text_guess_legacy("ab\xff\xfe cd", 7, &at), LEGACY_NONE); /* invalid UTF-8 */
}

/* Raw bytes of a whole file: which encoding reads as Vietnamese. */
static void guesses_raw_bytes(void)
{
	size_t n;
	const char *b = bytes_of("Céng hoµ x· héi chñ nghÜa ViÖt Nam\n§éc lËp - Tù do - H¹nh phóc", &n);
	enum legacy_enc e = LEGACY_CP1258;
	CHECK(text_guess_legacy_bytes(b, n, &e) && e == LEGACY_TCVN3);
	CHECK_INT(text_legacy_score(LEGACY_TCVN3, b, n), 12); /* every word with a high byte reads */
	CHECK(text_legacy_score(LEGACY_VNI, b, n) < 0);
	CHECK(text_legacy_score(LEGACY_NONE, b, n) < 0);
	b = bytes_of("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam\nTröôøng Chính trò", &n);
	CHECK(text_guess_legacy_bytes(b, n, &e) && e == LEGACY_VNI);
	b = bytes_of("Viêòt Nam, Hà Nôòi, đôòng", &n); /* cp1258: tones as combining bytes */
	CHECK(text_guess_legacy_bytes(b, n, &e) && e == LEGACY_CP1258);
	const char *u = "Cộng hòa xã hội chủ nghĩa Việt Nam";
	CHECK(text_guess_legacy_bytes(u, strlen(u), &e) && e == LEGACY_NONE);
	/* nothing to go on, or a tie */
	CHECK(!text_guess_legacy_bytes("plain ASCII", 11, &e));
	CHECK(!text_guess_legacy_bytes("t\xEAn", 4, &e)); /* "tờn" in TCVN3, "tên" in cp1258 */
	CHECK(text_legacy_score(LEGACY_TCVN3, "", 0) == 0);
}

static void undoes_cp1252_mojibake(void)
{
	size_t n;
	char *b = text_cp1252_bytes("“ViÖt” Nam", strlen("“ViÖt” Nam"), &n);
	CHECK(b && n == 10 && !memcmp(b, "\x93Vi\xD6t\x94 Nam", 10));
	free(b);
	b = text_cp1252_bytes("\xC2\x93x", 3, &n); /* read as Latin-1: C1 controls */
	CHECK(b && n == 2 && !memcmp(b, "\x93x", 2));
	free(b);
	CHECK(!text_cp1252_bytes("Việt", strlen("Việt"), &n)); /* ệ has no cp1252 byte */
	b = text_cp1252_bytes("", 0, &n);
	CHECK(b && n == 0);
	free(b);
}

static void names_for_messages(void)
{
	CHECK_STR(text_legacy_key(LEGACY_TCVN3), "tcvn3");
	CHECK_STR(text_legacy_key(LEGACY_VNI), "vni");
	CHECK_STR(text_legacy_key(LEGACY_CP1258), "cp1258");
	CHECK_STR(text_legacy_key(LEGACY_NONE), "utf-8");
	CHECK_STR(text_legacy_label(LEGACY_TCVN3), "TCVN3 (ABC)");
	CHECK_STR(text_legacy_label(LEGACY_VNI), "VNI-Windows");
	for (int e = LEGACY_NONE; e <= LEGACY_CP1258; e++) { /* every key parses back */
		enum legacy_enc back;
		CHECK(text_legacy_name(text_legacy_key((enum legacy_enc)e), &back) && (int)back == e);
	}
}

int main(void)
{
	RUN(tcvn3_every_letter);
	RUN(tcvn3_encoder_round_trip);
	RUN(vni_every_letter);
	RUN(sentences);
	RUN(cp1258);
	RUN(names);
	RUN(detects_mojibake);
	RUN(no_false_alarms);
	RUN(guesses_raw_bytes);
	RUN(undoes_cp1252_mojibake);
	RUN(names_for_messages);
	UNIT_EXIT();
}
