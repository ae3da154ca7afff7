/* text_letters.c — the one table of Vietnamese letters, shared by case tests,
 * collation, slugs and the legacy-encoding converters. */
#include "text.h"

/* Dictionary order: each vowel with tones none, huyền, sắc, hỏi, ngã, nặng
 * (the order people recite them), and đ after â. */
const struct vn_letter vn_letters[VN_LETTER_COUNT] = {
	{0x0061, 0x0041, VN_A, VN_TONE_NONE}, /* a A */
	{0x00E0, 0x00C0, VN_A, VN_TONE_GRAVE}, /* à À */
	{0x00E1, 0x00C1, VN_A, VN_TONE_ACUTE}, /* á Á */
	{0x1EA3, 0x1EA2, VN_A, VN_TONE_HOOK}, /* ả Ả */
	{0x00E3, 0x00C3, VN_A, VN_TONE_TILDE}, /* ã Ã */
	{0x1EA1, 0x1EA0, VN_A, VN_TONE_DOT}, /* ạ Ạ */
	{0x0103, 0x0102, VN_AW, VN_TONE_NONE}, /* ă Ă */
	{0x1EB1, 0x1EB0, VN_AW, VN_TONE_GRAVE}, /* ằ Ằ */
	{0x1EAF, 0x1EAE, VN_AW, VN_TONE_ACUTE}, /* ắ Ắ */
	{0x1EB3, 0x1EB2, VN_AW, VN_TONE_HOOK}, /* ẳ Ẳ */
	{0x1EB5, 0x1EB4, VN_AW, VN_TONE_TILDE}, /* ẵ Ẵ */
	{0x1EB7, 0x1EB6, VN_AW, VN_TONE_DOT}, /* ặ Ặ */
	{0x00E2, 0x00C2, VN_AA, VN_TONE_NONE}, /* â Â */
	{0x1EA7, 0x1EA6, VN_AA, VN_TONE_GRAVE}, /* ầ Ầ */
	{0x1EA5, 0x1EA4, VN_AA, VN_TONE_ACUTE}, /* ấ Ấ */
	{0x1EA9, 0x1EA8, VN_AA, VN_TONE_HOOK}, /* ẩ Ẩ */
	{0x1EAB, 0x1EAA, VN_AA, VN_TONE_TILDE}, /* ẫ Ẫ */
	{0x1EAD, 0x1EAC, VN_AA, VN_TONE_DOT}, /* ậ Ậ */
	{0x0111, 0x0110, VN_DD, VN_TONE_NONE}, /* đ Đ */
	{0x0065, 0x0045, VN_E, VN_TONE_NONE}, /* e E */
	{0x00E8, 0x00C8, VN_E, VN_TONE_GRAVE}, /* è È */
	{0x00E9, 0x00C9, VN_E, VN_TONE_ACUTE}, /* é É */
	{0x1EBB, 0x1EBA, VN_E, VN_TONE_HOOK}, /* ẻ Ẻ */
	{0x1EBD, 0x1EBC, VN_E, VN_TONE_TILDE}, /* ẽ Ẽ */
	{0x1EB9, 0x1EB8, VN_E, VN_TONE_DOT}, /* ẹ Ẹ */
	{0x00EA, 0x00CA, VN_EE, VN_TONE_NONE}, /* ê Ê */
	{0x1EC1, 0x1EC0, VN_EE, VN_TONE_GRAVE}, /* ề Ề */
	{0x1EBF, 0x1EBE, VN_EE, VN_TONE_ACUTE}, /* ế Ế */
	{0x1EC3, 0x1EC2, VN_EE, VN_TONE_HOOK}, /* ể Ể */
	{0x1EC5, 0x1EC4, VN_EE, VN_TONE_TILDE}, /* ễ Ễ */
	{0x1EC7, 0x1EC6, VN_EE, VN_TONE_DOT}, /* ệ Ệ */
	{0x0069, 0x0049, VN_I, VN_TONE_NONE}, /* i I */
	{0x00EC, 0x00CC, VN_I, VN_TONE_GRAVE}, /* ì Ì */
	{0x00ED, 0x00CD, VN_I, VN_TONE_ACUTE}, /* í Í */
	{0x1EC9, 0x1EC8, VN_I, VN_TONE_HOOK}, /* ỉ Ỉ */
	{0x0129, 0x0128, VN_I, VN_TONE_TILDE}, /* ĩ Ĩ */
	{0x1ECB, 0x1ECA, VN_I, VN_TONE_DOT}, /* ị Ị */
	{0x006F, 0x004F, VN_O, VN_TONE_NONE}, /* o O */
	{0x00F2, 0x00D2, VN_O, VN_TONE_GRAVE}, /* ò Ò */
	{0x00F3, 0x00D3, VN_O, VN_TONE_ACUTE}, /* ó Ó */
	{0x1ECF, 0x1ECE, VN_O, VN_TONE_HOOK}, /* ỏ Ỏ */
	{0x00F5, 0x00D5, VN_O, VN_TONE_TILDE}, /* õ Õ */
	{0x1ECD, 0x1ECC, VN_O, VN_TONE_DOT}, /* ọ Ọ */
	{0x00F4, 0x00D4, VN_OO, VN_TONE_NONE}, /* ô Ô */
	{0x1ED3, 0x1ED2, VN_OO, VN_TONE_GRAVE}, /* ồ Ồ */
	{0x1ED1, 0x1ED0, VN_OO, VN_TONE_ACUTE}, /* ố Ố */
	{0x1ED5, 0x1ED4, VN_OO, VN_TONE_HOOK}, /* ổ Ổ */
	{0x1ED7, 0x1ED6, VN_OO, VN_TONE_TILDE}, /* ỗ Ỗ */
	{0x1ED9, 0x1ED8, VN_OO, VN_TONE_DOT}, /* ộ Ộ */
	{0x01A1, 0x01A0, VN_OW, VN_TONE_NONE}, /* ơ Ơ */
	{0x1EDD, 0x1EDC, VN_OW, VN_TONE_GRAVE}, /* ờ Ờ */
	{0x1EDB, 0x1EDA, VN_OW, VN_TONE_ACUTE}, /* ớ Ớ */
	{0x1EDF, 0x1EDE, VN_OW, VN_TONE_HOOK}, /* ở Ở */
	{0x1EE1, 0x1EE0, VN_OW, VN_TONE_TILDE}, /* ỡ Ỡ */
	{0x1EE3, 0x1EE2, VN_OW, VN_TONE_DOT}, /* ợ Ợ */
	{0x0075, 0x0055, VN_U, VN_TONE_NONE}, /* u U */
	{0x00F9, 0x00D9, VN_U, VN_TONE_GRAVE}, /* ù Ù */
	{0x00FA, 0x00DA, VN_U, VN_TONE_ACUTE}, /* ú Ú */
	{0x1EE7, 0x1EE6, VN_U, VN_TONE_HOOK}, /* ủ Ủ */
	{0x0169, 0x0168, VN_U, VN_TONE_TILDE}, /* ũ Ũ */
	{0x1EE5, 0x1EE4, VN_U, VN_TONE_DOT}, /* ụ Ụ */
	{0x01B0, 0x01AF, VN_UW, VN_TONE_NONE}, /* ư Ư */
	{0x1EEB, 0x1EEA, VN_UW, VN_TONE_GRAVE}, /* ừ Ừ */
	{0x1EE9, 0x1EE8, VN_UW, VN_TONE_ACUTE}, /* ứ Ứ */
	{0x1EED, 0x1EEC, VN_UW, VN_TONE_HOOK}, /* ử Ử */
	{0x1EEF, 0x1EEE, VN_UW, VN_TONE_TILDE}, /* ữ Ữ */
	{0x1EF1, 0x1EF0, VN_UW, VN_TONE_DOT}, /* ự Ự */
	{0x0079, 0x0059, VN_Y, VN_TONE_NONE}, /* y Y */
	{0x1EF3, 0x1EF2, VN_Y, VN_TONE_GRAVE}, /* ỳ Ỳ */
	{0x00FD, 0x00DD, VN_Y, VN_TONE_ACUTE}, /* ý Ý */
	{0x1EF7, 0x1EF6, VN_Y, VN_TONE_HOOK}, /* ỷ Ỷ */
	{0x1EF9, 0x1EF8, VN_Y, VN_TONE_TILDE}, /* ỹ Ỹ */
	{0x1EF5, 0x1EF4, VN_Y, VN_TONE_DOT}, /* ỵ Ỵ */
};

const char vn_base_ascii[VN_BASE_COUNT] = {
	'a', 'a', 'a', 'b', 'c', 'd', 'd', 'e', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm',
	'n', 'o', 'o', 'o', 'p', 'q', 'r', 's', 't', 'u', 'u', 'v', 'w', 'x', 'y', 'z',
};

/* Base letter of each ASCII letter, indexed by c - 'a'. */
static const unsigned char ascii_base[26] = {
	VN_A, VN_B, VN_C, VN_D, VN_E, VN_F, VN_G, VN_H, VN_I, VN_J, VN_K, VN_L, VN_M,
	VN_N, VN_O, VN_P, VN_Q, VN_R, VN_S, VN_T, VN_U, VN_V, VN_W, VN_X, VN_Y, VN_Z,
};

/* Every code point of vn_letters, sorted, for binary search:
 * code point, row in vn_letters, 1 if upper case. */
static const struct {
	uint16_t cp;
	uint8_t row, upper;
} by_cp[2 * VN_LETTER_COUNT] = {
	{0x0041, 0, 1}, {0x0045, 19, 1}, {0x0049, 31, 1}, {0x004F, 37, 1}, {0x0055, 55, 1},
	{0x0059, 67, 1}, {0x0061, 0, 0}, {0x0065, 19, 0}, {0x0069, 31, 0}, {0x006F, 37, 0},
	{0x0075, 55, 0}, {0x0079, 67, 0}, {0x00C0, 1, 1}, {0x00C1, 2, 1}, {0x00C2, 12, 1},
	{0x00C3, 4, 1}, {0x00C8, 20, 1}, {0x00C9, 21, 1}, {0x00CA, 25, 1}, {0x00CC, 32, 1},
	{0x00CD, 33, 1}, {0x00D2, 38, 1}, {0x00D3, 39, 1}, {0x00D4, 43, 1}, {0x00D5, 41, 1},
	{0x00D9, 56, 1}, {0x00DA, 57, 1}, {0x00DD, 69, 1}, {0x00E0, 1, 0}, {0x00E1, 2, 0},
	{0x00E2, 12, 0}, {0x00E3, 4, 0}, {0x00E8, 20, 0}, {0x00E9, 21, 0}, {0x00EA, 25, 0},
	{0x00EC, 32, 0}, {0x00ED, 33, 0}, {0x00F2, 38, 0}, {0x00F3, 39, 0}, {0x00F4, 43, 0},
	{0x00F5, 41, 0}, {0x00F9, 56, 0}, {0x00FA, 57, 0}, {0x00FD, 69, 0}, {0x0102, 6, 1},
	{0x0103, 6, 0}, {0x0110, 18, 1}, {0x0111, 18, 0}, {0x0128, 35, 1}, {0x0129, 35, 0},
	{0x0168, 59, 1}, {0x0169, 59, 0}, {0x01A0, 49, 1}, {0x01A1, 49, 0}, {0x01AF, 61, 1},
	{0x01B0, 61, 0}, {0x1EA0, 5, 1}, {0x1EA1, 5, 0}, {0x1EA2, 3, 1}, {0x1EA3, 3, 0},
	{0x1EA4, 14, 1}, {0x1EA5, 14, 0}, {0x1EA6, 13, 1}, {0x1EA7, 13, 0}, {0x1EA8, 15, 1},
	{0x1EA9, 15, 0}, {0x1EAA, 16, 1}, {0x1EAB, 16, 0}, {0x1EAC, 17, 1}, {0x1EAD, 17, 0},
	{0x1EAE, 8, 1}, {0x1EAF, 8, 0}, {0x1EB0, 7, 1}, {0x1EB1, 7, 0}, {0x1EB2, 9, 1},
	{0x1EB3, 9, 0}, {0x1EB4, 10, 1}, {0x1EB5, 10, 0}, {0x1EB6, 11, 1}, {0x1EB7, 11, 0},
	{0x1EB8, 24, 1}, {0x1EB9, 24, 0}, {0x1EBA, 22, 1}, {0x1EBB, 22, 0}, {0x1EBC, 23, 1},
	{0x1EBD, 23, 0}, {0x1EBE, 27, 1}, {0x1EBF, 27, 0}, {0x1EC0, 26, 1}, {0x1EC1, 26, 0},
	{0x1EC2, 28, 1}, {0x1EC3, 28, 0}, {0x1EC4, 29, 1}, {0x1EC5, 29, 0}, {0x1EC6, 30, 1},
	{0x1EC7, 30, 0}, {0x1EC8, 34, 1}, {0x1EC9, 34, 0}, {0x1ECA, 36, 1}, {0x1ECB, 36, 0},
	{0x1ECC, 42, 1}, {0x1ECD, 42, 0}, {0x1ECE, 40, 1}, {0x1ECF, 40, 0}, {0x1ED0, 45, 1},
	{0x1ED1, 45, 0}, {0x1ED2, 44, 1}, {0x1ED3, 44, 0}, {0x1ED4, 46, 1}, {0x1ED5, 46, 0},
	{0x1ED6, 47, 1}, {0x1ED7, 47, 0}, {0x1ED8, 48, 1}, {0x1ED9, 48, 0}, {0x1EDA, 51, 1},
	{0x1EDB, 51, 0}, {0x1EDC, 50, 1}, {0x1EDD, 50, 0}, {0x1EDE, 52, 1}, {0x1EDF, 52, 0},
	{0x1EE0, 53, 1}, {0x1EE1, 53, 0}, {0x1EE2, 54, 1}, {0x1EE3, 54, 0}, {0x1EE4, 60, 1},
	{0x1EE5, 60, 0}, {0x1EE6, 58, 1}, {0x1EE7, 58, 0}, {0x1EE8, 63, 1}, {0x1EE9, 63, 0},
	{0x1EEA, 62, 1}, {0x1EEB, 62, 0}, {0x1EEC, 64, 1}, {0x1EED, 64, 0}, {0x1EEE, 65, 1},
	{0x1EEF, 65, 0}, {0x1EF0, 66, 1}, {0x1EF1, 66, 0}, {0x1EF2, 68, 1}, {0x1EF3, 68, 0},
	{0x1EF4, 72, 1}, {0x1EF5, 72, 0}, {0x1EF6, 70, 1}, {0x1EF7, 70, 0}, {0x1EF8, 71, 1},
	{0x1EF9, 71, 0},
};

bool vn_letter_info(uint32_t cp, enum vn_base *base, enum vn_tone *tone, bool *upper)
{
	if (cp < 0x80) {
		uint32_t lc = cp | 0x20;
		if (lc < 'a' || lc > 'z')
			return false;
		*base = (enum vn_base)ascii_base[lc - 'a'];
		*tone = VN_TONE_NONE;
		*upper = !(cp & 0x20);
		return true;
	}
	size_t lo = 0, hi = sizeof by_cp / sizeof by_cp[0];
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (by_cp[mid].cp < cp) {
			lo = mid + 1;
		} else if (by_cp[mid].cp > cp) {
			hi = mid;
		} else {
			const struct vn_letter *l = &vn_letters[by_cp[mid].row];
			*base = l->base;
			*tone = l->tone;
			*upper = by_cp[mid].upper;
			return true;
		}
	}
	return false;
}

uint32_t vn_letter_compose(enum vn_base base, enum vn_tone tone, bool upper)
{
	for (size_t i = 0; i < VN_LETTER_COUNT; i++)
		if (vn_letters[i].base == base && vn_letters[i].tone == tone)
			return upper ? vn_letters[i].upper : vn_letters[i].lower;
	if (tone != VN_TONE_NONE || base >= VN_BASE_COUNT)
		return 0;
	/* consonants and f j w z: plain ASCII */
	uint32_t c = (uint32_t)vn_base_ascii[base];
	return upper ? c - 0x20 : c;
}
