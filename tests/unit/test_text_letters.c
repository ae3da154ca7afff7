/* Every Vietnamese letter through the table, NFC/NFD, case mapping and slugs. */
#include <stdlib.h>

#include "text.h"
#include "unit.h"

/* Written out independently of src/text_letters.c, so the table is checked. */
static const char lower_list[] =
	"a à á ả ã ạ ă ằ ắ ẳ ẵ ặ â ầ ấ ẩ ẫ ậ đ e è é ẻ ẽ ẹ ê ề ế ể ễ ệ i ì í ỉ ĩ ị "
	"o ò ó ỏ õ ọ ô ồ ố ổ ỗ ộ ơ ờ ớ ở ỡ ợ u ù ú ủ ũ ụ ư ừ ứ ử ữ ự y ỳ ý ỷ ỹ ỵ";
static const char upper_list[] =
	"A À Á Ả Ã Ạ Ă Ằ Ắ Ẳ Ẵ Ặ Â Ầ Ấ Ẩ Ẫ Ậ Đ E È É Ẻ Ẽ Ẹ Ê Ề Ế Ể Ễ Ệ I Ì Í Ỉ Ĩ Ị "
	"O Ò Ó Ỏ Õ Ọ Ô Ồ Ố Ổ Ỗ Ộ Ơ Ờ Ớ Ở Ỡ Ợ U Ù Ú Ủ Ũ Ụ Ư Ừ Ứ Ử Ữ Ự Y Ỳ Ý Ỷ Ỹ Ỵ";
static const char slug_list[] = "aaaaaaaaaaaaaaaaaadeeeeeeeeeeeeiiiiiioooooooooooooooooouuuuuuuuuuuuyyyyyy";

/* i-th space-separated item of list, as a code point */
static uint32_t item(const char *list, size_t i)
{
	const char *p = list;
	for (size_t k = 0; k < i; k++)
		p = strchr(p, ' ') + 1;
	uint32_t cp;
	utf8_decode(p, strlen(p), &cp);
	return cp;
}

static void table_matches_written_list(void)
{
	CHECK_INT(utf8_count(lower_list, strlen(lower_list)), 2 * VN_LETTER_COUNT - 1);
	size_t non_ascii = 0;
	for (size_t i = 0; i < VN_LETTER_COUNT; i++) {
		CHECK_INT(vn_letters[i].lower, item(lower_list, i));
		CHECK_INT(vn_letters[i].upper, item(upper_list, i));
		non_ascii += vn_letters[i].lower >= 0x80;
		non_ascii += vn_letters[i].upper >= 0x80;
	}
	CHECK_INT(VN_LETTER_COUNT, 73);
	CHECK_INT(non_ascii, 134); /* the brief's "134 letters" are the non-ASCII ones */
}

static void info_and_compose_agree(void)
{
	for (size_t i = 0; i < VN_LETTER_COUNT; i++) {
		for (int up = 0; up < 2; up++) {
			uint32_t cp = up ? vn_letters[i].upper : vn_letters[i].lower;
			enum vn_base b;
			enum vn_tone t;
			bool u;
			CHECK(vn_letter_info(cp, &b, &t, &u));
			CHECK_INT(b, vn_letters[i].base);
			CHECK_INT(t, vn_letters[i].tone);
			CHECK_INT(u, up);
			CHECK_INT(vn_letter_compose(b, t, up), cp);
		}
	}
	enum vn_base b;
	enum vn_tone t;
	bool u;
	CHECK(vn_letter_info('Z', &b, &t, &u) && b == VN_Z && u);
	CHECK(!vn_letter_info(0x00FC, &b, &t, &u)); /* ü is not Vietnamese */
	CHECK(!vn_letter_info('1', &b, &t, &u));
	CHECK_INT(vn_letter_compose(VN_B, VN_TONE_ACUTE, false), 0);
	CHECK_INT(vn_letter_compose(VN_B, VN_TONE_NONE, true), 'B');
}

static void encode_one(uint32_t cp, char *out)
{
	out[utf8_encode(cp, out)] = '\0';
}

static void nfd_round_trip_and_case(void)
{
	for (size_t i = 0; i < VN_LETTER_COUNT; i++) {
		char lo[8], up[8];
		encode_one(vn_letters[i].lower, lo);
		encode_one(vn_letters[i].upper, up);
		const char *both[2] = {lo, up};
		for (int k = 0; k < 2; k++) {
			size_t n, m;
			char *d = text_nfd(both[k], strlen(both[k]), &n);
			char *c = text_nfc(d, n, &m);
			CHECK_STR(c, both[k]);
			CHECK(text_is_nfc(both[k], strlen(both[k])));
			/* a toned or marked vowel decomposes; đ and plain vowels do not */
			bool marked = vn_letters[i].tone != VN_TONE_NONE ||
				      (vn_letters[i].lower >= 0x80 && vn_letters[i].base != VN_DD);
			CHECK(marked == (n != strlen(both[k]) || memcmp(d, both[k], n) != 0));
			free(c);
			/* case maps of the NFD form, re-composed, equal the table */
			char *du = text_upper(d), *dl = text_lower(d);
			char *cu = text_nfc(du, strlen(du), NULL), *cl = text_nfc(dl, strlen(dl), NULL);
			CHECK_STR(cu, up);
			CHECK_STR(cl, lo);
			free(du), free(dl), free(cu), free(cl), free(d);
		}
		char *u = text_upper(lo), *l = text_lower(up);
		CHECK_STR(u, up);
		CHECK_STR(l, lo);
		free(u), free(l);
	}
	char *all = text_upper(lower_list);
	CHECK_STR(all, upper_list);
	free(all);
	all = text_lower(upper_list);
	CHECK_STR(all, lower_list);
	free(all);
}

static void slug_of_every_letter(void)
{
	for (size_t i = 0; i < VN_LETTER_COUNT; i++) {
		char lo[8], up[8], want[2] = {slug_list[i], 0};
		encode_one(vn_letters[i].lower, lo);
		encode_one(vn_letters[i].upper, up);
		char *s = text_slug(lo, 255);
		CHECK_STR(s, want);
		free(s);
		want[0] = (char)(want[0] - 0x20);
		s = text_slug(up, 255);
		CHECK_STR(s, want);
		free(s);
		size_t n;
		char *d = text_nfd(up, strlen(up), &n);
		s = text_slug(d, 255);
		CHECK_STR(s, want);
		free(s), free(d);
	}
}

static void upper_first(void)
{
	char *s = text_upper_first("một trăm");
	CHECK_STR(s, "Một trăm");
	free(s);
	s = text_upper_first("(đồng)");
	CHECK_STR(s, "(Đồng)");
	free(s);
	s = text_upper_first("");
	CHECK_STR(s, "");
	free(s);
	s = text_upper_first("123");
	CHECK_STR(s, "123");
	free(s);
}

int main(void)
{
	RUN(table_matches_written_list);
	RUN(info_and_compose_agree);
	RUN(nfd_round_trip_and_case);
	RUN(slug_of_every_letter);
	RUN(upper_first);
	UNIT_EXIT();
}
