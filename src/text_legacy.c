/* text_legacy.c — pre-Unicode Vietnamese encodings: converting TCVN3, VNI
 * and Windows-1258 to UTF-8, and spotting them when they were mis-read as
 * Latin-1 and reached us as "UTF-8" mojibake.
 *
 * Tables written from the published code charts (TCVN 5712:1993 VN3, the
 * VNI-Windows font layout, Microsoft's cp1258); values above 0x7F only, the
 * lower half is ASCII in all three. */
#include "text.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <uchar.h>

#include "util.h"

#define NA u"\uFFFD" /* a byte the encoding does not assign */

/* 0x80-0x9F as Windows sends them: Word's curly quotes and dashes reach 8-bit
 * TCVN3 and VNI files with these codes, whatever the font. */
static const char16_t cp1252_80[33] =
	u"€" NA u"‚ƒ„…†‡ˆ‰Š‹Œ" NA u"Ž" NA NA u"‘’“”•–—˜™š›œ" NA u"žŸ";

/* TCVN3 (VN3, the ".VnTime" fonts) 0xA0-0xFF: the lower-case letters and the
 * seven upper-case ones that share the font. The upper-case toned letters of
 * VN1 are not part of VN3 (they live in the ".VnTimeH" fonts at the lower-case
 * codes, see LEGACY_TCVN3H). */
static const char16_t tcvn3_a0[97] =
	u"\u00A0ĂÂÊÔƠƯĐăâêôơưđ" NA                 /* A0-AF */
	NA NA NA NA NA u"àảãáạ" NA u"ằẳẵắ" NA     /* B0-BF */
	NA NA NA NA NA NA u"ặầẩẫấậè" NA u"ẻẽ"     /* C0-CF */
	u"éẹềểễếệìỉ" NA NA NA u"ĩíịò"             /* D0-DF */
	NA u"ỏõóọồổỗốộờởỡớợù"                     /* E0-EF */
	NA u"ủũúụừửữứựỳỷỹýỵ" NA;                  /* F0-FF */

_Static_assert(sizeof cp1252_80 / sizeof cp1252_80[0] == 33, "cp1252 table has 32 entries");
_Static_assert(sizeof tcvn3_a0 / sizeof tcvn3_a0[0] == 97, "TCVN3 table has 96 entries");

/* Windows-1258 differs from Latin-1 in these places: five combining tones,
 * the letters ă ơ ư đ and ₫, and four unassigned cp1252 codes. */
static const struct {
	unsigned char byte;
	char16_t cp;
} cp1258_diff[] = {
	{0x8A, 0xFFFD}, {0x8E, 0xFFFD}, {0x9A, 0xFFFD}, {0x9E, 0xFFFD},
	{0xC3, u'Ă'},   {0xCC, 0x0300}, {0xD0, u'Đ'},   {0xD2, 0x0309},
	{0xD5, u'Ơ'},   {0xDD, u'Ư'},   {0xDE, 0x0303}, {0xE3, u'ă'},
	{0xEC, 0x0301}, {0xF0, u'đ'},   {0xF2, 0x0323}, {0xF5, u'ơ'},
	{0xFD, u'ư'},   {0xFE, u'₫'},
};

static uint32_t cp1258_byte(unsigned char b)
{
	for (size_t i = 0; i < sizeof cp1258_diff / sizeof cp1258_diff[0]; i++)
		if (cp1258_diff[i].byte == b)
			return cp1258_diff[i].cp;
	return b >= 0xA0 ? b : cp1252_80[b - 0x80];
}

/* VNI-Windows puts tones and vowel marks in separate bytes after the base
 * letter ("Vieät" = Việt); a few letters (ơ ư đ and the toned i, ỵ) have
 * their own byte. Upper-case bytes are the lower-case ones minus 0x20, so
 * only 0xE0-0xFF is listed. */
enum vni_kind { VNI_LATIN, VNI_UNUSED, VNI_LETTER, VNI_MARK };
enum vni_mod { MOD_NONE, MOD_CIRCUMFLEX, MOD_BREVE };
struct vni_byte {
	unsigned char kind, what, tone; /* what: enum vn_base (letter) or enum vni_mod (mark) */
};
#define LETTER(b, t) {VNI_LETTER, b, VN_TONE_##t}
#define MARK(m, t) {VNI_MARK, MOD_##m, VN_TONE_##t}
static const struct vni_byte vni_e0[32] = {
	MARK(CIRCUMFLEX, GRAVE), MARK(CIRCUMFLEX, ACUTE), MARK(CIRCUMFLEX, NONE), /* à á â */
	MARK(CIRCUMFLEX, TILDE), MARK(CIRCUMFLEX, DOT), MARK(CIRCUMFLEX, HOOK),   /* ã ä å */
	LETTER(VN_I, HOOK), {VNI_UNUSED, 0, 0},                                   /* æ ç */
	MARK(BREVE, GRAVE), MARK(BREVE, ACUTE), MARK(BREVE, NONE), MARK(BREVE, DOT), /* è é ê ë */
	LETTER(VN_I, GRAVE), LETTER(VN_I, ACUTE), LETTER(VN_Y, DOT), MARK(NONE, DOT), /* ì í î ï */
	{VNI_UNUSED, 0, 0}, LETTER(VN_DD, NONE), LETTER(VN_I, DOT), LETTER(VN_I, TILDE), /* ð ñ ò ó */
	LETTER(VN_OW, NONE), MARK(NONE, TILDE), LETTER(VN_UW, NONE), {VNI_LATIN, 0, 0}, /* ô õ ö ÷ */
	MARK(NONE, GRAVE), MARK(NONE, ACUTE), MARK(BREVE, HOOK), MARK(NONE, HOOK),   /* ø ù ú û */
	MARK(BREVE, TILDE), {VNI_UNUSED, 0, 0}, {VNI_UNUSED, 0, 0}, {VNI_UNUSED, 0, 0}, /* ü ý þ ÿ */
};

/* The letter being built from a base and the marks after it. */
struct pending {
	bool on, upper;
	enum vn_base base;
	enum vn_tone tone;
};

static bool can_take_tone(enum vn_base b)
{
	switch (b) {
	case VN_A: case VN_AW: case VN_AA: case VN_E: case VN_EE: case VN_I: case VN_O:
	case VN_OO: case VN_OW: case VN_U: case VN_UW: case VN_Y:
		return true;
	default:
		return false;
	}
}

/* Applies a VNI mark to p; false if Vietnamese has no such letter. */
static bool vni_apply(struct pending *p, enum vni_mod mod, enum vn_tone tone)
{
	if (!p->on || p->tone != VN_TONE_NONE || !can_take_tone(p->base))
		return false;
	enum vn_base b = p->base;
	if (mod == MOD_CIRCUMFLEX) {
		if (b == VN_A) b = VN_AA;
		else if (b == VN_E) b = VN_EE;
		else if (b == VN_O) b = VN_OO;
		else return false;
	} else if (mod == MOD_BREVE) {
		if (b != VN_A)
			return false;
		b = VN_AW;
	} else if (tone == VN_TONE_NONE) {
		return false;
	}
	p->base = b;
	p->tone = tone;
	return true;
}

static size_t flush(struct pending *p, uint32_t *out, size_t n)
{
	if (p->on)
		out[n++] = vn_letter_compose(p->base, p->tone, p->upper);
	p->on = false;
	return n;
}

/* Decodes VNI bytes into code points (never more than len of them). */
static size_t vni_decode(const unsigned char *in, size_t len, uint32_t *out)
{
	size_t n = 0;
	struct pending p = {0};
	for (size_t i = 0; i < len; i++) {
		unsigned char c = in[i];
		enum vn_base base;
		enum vn_tone tone;
		bool upper;
		if (c < 0x80 && vn_letter_info(c, &base, &tone, &upper) && can_take_tone(base)) {
			n = flush(&p, out, n);
			p = (struct pending){true, upper, base, VN_TONE_NONE};
			continue;
		}
		if (c < 0xC0) {
			n = flush(&p, out, n);
			out[n++] = c < 0x80 ? c : c < 0xA0 ? cp1252_80[c - 0x80] : c;
			continue;
		}
		const struct vni_byte *v = &vni_e0[(c | 0x20) - 0xE0];
		upper = c < 0xE0;
		if (v->kind == VNI_MARK && vni_apply(&p, (enum vni_mod)v->what, (enum vn_tone)v->tone))
			continue;
		n = flush(&p, out, n);
		if (v->kind == VNI_LETTER)
			p = (struct pending){true, upper, (enum vn_base)v->what, (enum vn_tone)v->tone};
		else if (v->kind == VNI_LATIN)
			out[n++] = c;
		else
			out[n++] = 0xFFFD; /* unused, or a mark with nothing to sit on */
	}
	return flush(&p, out, n);
}

/* Decodes len bytes of enc into code points; out holds at least len. */
static size_t decode_cps(enum legacy_enc enc, const unsigned char *in, size_t len, uint32_t *out)
{
	if (enc == LEGACY_VNI)
		return vni_decode(in, len, out);
	for (size_t i = 0; i < len; i++) {
		unsigned char c = in[i];
		if (c < 0x80)
			out[i] = c;
		else if (enc == LEGACY_CP1258)
			out[i] = cp1258_byte(c);
		else if (c < 0xA0)
			out[i] = cp1252_80[c - 0x80];
		else
			out[i] = tcvn3_a0[c - 0xA0];
	}
	return len;
}

char *text_from_legacy(enum legacy_enc enc, const char *bytes, size_t len, size_t *outlen)
{
	if (enc == LEGACY_NONE) {
		*outlen = len;
		return xstrndup(bytes, len);
	}
	uint32_t *cps = xmalloc((len ? len : 1) * sizeof *cps);
	size_t n = decode_cps(enc, (const unsigned char *)bytes, len, cps);
	struct buf b = {0};
	for (size_t i = 0; i < n; i++) {
		char enc8[4];
		buf_add(&b, enc8, utf8_encode(cps[i], enc8));
	}
	free(cps);
	size_t blen = b.len;
	char *utf8 = buf_steal(&b);
	char *nfc = text_nfc(utf8, blen, outlen); /* cp1258 tones are combining marks */
	free(utf8);
	if (enc == LEGACY_TCVN3H) {
		char *up = text_upper(nfc);
		free(nfc);
		*outlen = strlen(up);
		return up;
	}
	return nfc;
}

bool text_legacy_name(const char *s, enum legacy_enc *out)
{
	static const struct {
		const char *name;
		enum legacy_enc enc;
	} names[] = {
		{"utf-8", LEGACY_NONE},          {"utf8", LEGACY_NONE},
		{"unicode", LEGACY_NONE},        {"tcvn3", LEGACY_TCVN3},
		{"tcvn", LEGACY_TCVN3},          {"abc", LEGACY_TCVN3},
		{"tcvn3h", LEGACY_TCVN3H},       {"vni", LEGACY_VNI},
		{"vni-windows", LEGACY_VNI},     {"cp1258", LEGACY_CP1258},
		{"windows-1258", LEGACY_CP1258},
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		if (!strcasecmp(s, names[i].name)) {
			*out = names[i].enc;
			return true;
		}
	}
	return false;
}

/* --- detection ----------------------------------------------------------- */

enum { MAX_WORD = 32 };

/* One character per vowel, to spell the valid vowel groups below. */
static char vowel_code(enum vn_base b)
{
	switch (b) {
	case VN_A: return 'a';
	case VN_AW: return 'w'; /* ă */
	case VN_AA: return 'A'; /* â */
	case VN_E: return 'e';
	case VN_EE: return 'E'; /* ê */
	case VN_I: return 'i';
	case VN_O: return 'o';
	case VN_OO: return 'O'; /* ô */
	case VN_OW: return 'q'; /* ơ */
	case VN_U: return 'u';
	case VN_UW: return 'W'; /* ư */
	case VN_Y: return 'y';
	default: return 0;
	}
}

/* The vowel groups of Vietnamese syllables (glides included), in the codes of
 * vowel_code: "Wq" is ươ, "uyE" is uyê. */
static bool is_vowel_group(const char *g)
{
	static const char *const groups[] = {
		"a", "w", "A", "e", "E", "i", "o", "O", "q", "u", "W", "y",
		"ai", "ao", "au", "ay", "Au", "Ay", "eo", "Eu", "ia", "iE", "iu", "oa", "ow",
		"oe", "oi", "oo", "Oi", "qi", "ua", "uA", "uE", "ui", "uO", "uq", "uy", "Wa",
		"Wi", "Wq", "Wu", "yE",
		"iEu", "yEu", "oai", "oao", "oay", "oeo", "uAy", "uOi", "Wqi", "Wqu", "uyE",
		"uya", "uyu",
	};
	for (size_t i = 0; i < sizeof groups / sizeof groups[0]; i++)
		if (!strcmp(g, groups[i]))
			return true;
	return false;
}

/* Reads the letters' bases into b: true if every one is a Vietnamese
 * letter, with at most one tone, in lower, UPPER or Title case. */
static bool syllable_letters(const uint32_t *cps, size_t n, enum vn_base *b)
{
	int tones = 0, uppers = 0;
	bool first_upper = false;
	for (size_t i = 0; i < n; i++) {
		enum vn_tone t;
		bool up;
		if (!vn_letter_info(cps[i], &b[i], &t, &up))
			return false;
		tones += t != VN_TONE_NONE;
		uppers += up;
		if (i == 0)
			first_upper = up;
	}
	return tones <= 1 && (uppers == 0 || uppers == (int)n || (uppers == 1 && first_upper));
}

/* Is b[0..f) a final consonant: c ch m n ng nh p t (or none)? */
static bool is_final(const enum vn_base *b, size_t f)
{
	if (f == 0)
		return true;
	if (f == 1)
		return b[0] == VN_C || b[0] == VN_M || b[0] == VN_N || b[0] == VN_P || b[0] == VN_T;
	return f == 2 && ((b[0] == VN_C && b[1] == VN_H) ||
			  (b[0] == VN_N && (b[1] == VN_G || b[1] == VN_H)));
}

/* After an initial consonant of i letters: is b[i..n) a vowel group and a
 * final consonant? */
static bool syllable_rest(const enum vn_base *b, size_t i, size_t n)
{
	char group[4];
	size_t v = i;
	while (v < n && vowel_code(b[v]) && v - i < 3) {
		group[v - i] = vowel_code(b[v]);
		v++;
	}
	group[v - i] = '\0';
	if (v == i || (v < n && vowel_code(b[v])) || !is_vowel_group(group))
		return false;
	return is_final(b + v, n - v);
}

/* Does the sequence of letters form one Vietnamese syllable: initial consonant,
 * a valid vowel group, final consonant, at most one tone, and lower, UPPER or
 * Title case? Loose (it accepts some non-words) but rejects the shapes that
 * mojibake produces ("ViÖt", "Vieọt", "Mỹller", "cafộ"). */
static bool is_syllable(const uint32_t *cps, size_t n)
{
	enum vn_base b[MAX_WORD];
	if (n == 0 || n > MAX_WORD || !syllable_letters(cps, n, b))
		return false;
	static const enum vn_base initials[][3] = {
		{VN_N, VN_G, VN_H}, {VN_N, VN_G}, {VN_N, VN_H}, {VN_C, VN_H}, {VN_G, VN_H},
		{VN_G, VN_I}, {VN_K, VN_H}, {VN_P, VN_H}, {VN_Q, VN_U}, {VN_T, VN_H}, {VN_T, VN_R},
		{VN_B}, {VN_C}, {VN_D}, {VN_DD}, {VN_G}, {VN_H}, {VN_K}, {VN_L}, {VN_M}, {VN_N},
		{VN_P}, {VN_R}, {VN_S}, {VN_T}, {VN_V}, {VN_X},
	};
	static const unsigned char initial_len[] = {3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
						    1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
						    1, 1, 1, 1, 1, 1};
	/* try no initial, then every initial that matches (so "gì" is g + ì) */
	if (syllable_rest(b, 0, n))
		return true;
	for (size_t k = 0; k < sizeof initial_len; k++) {
		size_t il = initial_len[k];
		if (il <= n && memcmp(b, initials[k], il * sizeof b[0]) == 0 && syllable_rest(b, il, n))
			return true;
	}
	return false;
}

/* Characters of a word: letters (so a real Vietnamese word stays whole) and
 * everything a legacy byte 0xA1-0xFF turns into under Latin-1. */
static bool is_word_char(uint32_t cp)
{
	if (cp < 0x80) /* the loader runs this on every text: ASCII first */
		return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
	if (cp >= 0xA1 && cp <= 0xFF)
		return true;
	enum vn_base b;
	enum vn_tone t;
	bool up;
	return vn_letter_info(cp, &b, &t, &up);
}

/* Scores one word: +1 to *tcvn or *vni if the word is not Vietnamese as it
 * stands but reads as a Vietnamese syllable once its bytes are decoded. Only
 * words of ASCII letters plus Latin-1 characters qualify: real Unicode
 * Vietnamese (ư, ệ, …) never does, nor does a lone symbol such as "×" or "©". */
static void score_word(const uint32_t *w, size_t n, int *tcvn, int *vni)
{
	unsigned char bytes[MAX_WORD];
	uint32_t dec[MAX_WORD];
	bool high = false, ascii = false;
	for (size_t i = 0; i < n; i++) {
		if (w[i] > 0xFF)
			return;
		bytes[i] = (unsigned char)w[i];
		high |= w[i] >= 0x80;
		ascii |= w[i] < 0x80;
	}
	if (!high || !ascii || is_syllable(w, n))
		return;
	size_t m = decode_cps(LEGACY_TCVN3, bytes, n, dec);
	*tcvn += is_syllable(dec, m);
	m = decode_cps(LEGACY_VNI, bytes, n, dec);
	*vni += is_syllable(dec, m);
}

enum legacy_enc text_guess_legacy(const char *s, size_t len, size_t *index)
{
	uint32_t word[MAX_WORD];
	size_t wn = 0, wstart = 0, nchars = 0;
	bool overflow = false;
	int tcvn = 0, vni = 0;
	size_t first_tcvn = 0, first_vni = 0;
	for (size_t i = 0; i <= len; nchars++) {
		uint32_t cp = 0;
		size_t k = 0;
		if (i < len) {
			k = utf8_decode(s + i, len - i, &cp);
			if (!k) {
				cp = 0; /* invalid byte: ends a word */
				k = 1;
			}
		}
		if (i < len && is_word_char(cp)) {
			if (wn == 0)
				wstart = nchars;
			if (wn < MAX_WORD)
				word[wn++] = cp;
			else
				overflow = true;
		} else if (wn) {
			int t0 = tcvn, v0 = vni;
			if (!overflow)
				score_word(word, wn, &tcvn, &vni);
			/* the tell-tale: the word's first character above ASCII */
			size_t at = wstart;
			for (size_t j = 0; j < wn && word[j] < 0x80; j++)
				at++;
			if (tcvn > t0 && t0 == 0)
				first_tcvn = at;
			if (vni > v0 && v0 == 0)
				first_vni = at;
			wn = 0;
			overflow = false;
		}
		if (i == len)
			break;
		i += k;
	}
	if (tcvn == 0 && vni == 0)
		return LEGACY_NONE;
	bool is_vni = vni > tcvn;
	if (index)
		*index = is_vni ? first_vni : first_tcvn;
	return is_vni ? LEGACY_VNI : LEGACY_TCVN3;
}

/* --- raw bytes: which encoding reads as Vietnamese ------------------------ */

/* The combining tone a cp1258 byte stands for, or VN_TONE_NONE. */
static enum vn_tone combining_tone(uint32_t cp)
{
	switch (cp) {
	case 0x0300: return VN_TONE_GRAVE;
	case 0x0301: return VN_TONE_ACUTE;
	case 0x0303: return VN_TONE_TILDE;
	case 0x0309: return VN_TONE_HOOK;
	case 0x0323: return VN_TONE_DOT;
	default: return VN_TONE_NONE;
	}
}

/* Puts cp1258's combining tones onto their vowels in place, as NFC would
 * for the letters is_syllable knows; returns the new length. */
static size_t compose_tones(uint32_t *c, size_t n)
{
	size_t m = 0;
	for (size_t i = 0; i < n; i++) {
		enum vn_tone t = combining_tone(c[i]), t0;
		enum vn_base b;
		bool up;
		uint32_t comp = 0;
		if (t != VN_TONE_NONE && m > 0 && vn_letter_info(c[m - 1], &b, &t0, &up) &&
		    t0 == VN_TONE_NONE && can_take_tone(b))
			comp = vn_letter_compose(b, t, up);
		if (comp)
			c[m - 1] = comp;
		else
			c[m++] = c[i];
	}
	return m;
}

/* One line of bytes as code points in enc (LEGACY_NONE: UTF-8, a bad byte
 * becoming U+FFFD); out holds at least len. */
static size_t decode_line(enum legacy_enc enc, const unsigned char *in, size_t len, uint32_t *out)
{
	if (enc != LEGACY_NONE) {
		size_t n = decode_cps(enc, in, len, out); /* TCVN3H: TCVN3 codes */
		return enc == LEGACY_CP1258 ? compose_tones(out, n) : n;
	}
	size_t n = 0;
	for (size_t i = 0; i < len; n++) {
		size_t k = utf8_decode((const char *)in + i, len - i, &out[n]);
		i += k ? k : 1;
	}
	return n;
}

/* What ends a word: ASCII other than letters, and the spaces, quotes and
 * dashes that Word puts into 8-bit files. Everything else (Latin-1 symbols,
 * U+FFFD, stray marks) stays inside the word and spoils it. */
static bool is_word_break(uint32_t c)
{
	if (c < 0x80)
		return (c | 0x20) < 'a' || (c | 0x20) > 'z';
	return c == 0xA0 || c == 0x2013 || c == 0x2014 || c == 0x2018 || c == 0x2019 ||
	       c == 0x201C || c == 0x201D || c == 0x2026;
}

struct tally {
	long good, bad, words;
};

enum { MAX_SCORED = 20000 }; /* words enough to decide; keeps big files quick */

static void score_cps(const uint32_t *c, size_t n, struct tally *t)
{
	for (size_t i = 0; i < n && t->words < MAX_SCORED;) {
		if (is_word_break(c[i])) {
			i++;
			continue;
		}
		size_t j = i;
		bool high = false;
		while (j < n && !is_word_break(c[j]))
			high |= c[j++] >= 0x80;
		if (high) { /* only words with something beyond ASCII tell encodings apart */
			t->words++;
			if (j - i <= MAX_WORD && is_syllable(c + i, j - i))
				t->good++;
			else
				t->bad++;
		}
		i = j;
	}
}

long text_legacy_score(enum legacy_enc enc, const char *bytes, size_t len)
{
	const unsigned char *d = (const unsigned char *)bytes;
	struct tally t = {0};
	uint32_t *cps = NULL;
	size_t cap = 0;
	for (size_t i = 0; i < len && t.words < MAX_SCORED;) {
		const unsigned char *nl = memchr(d + i, '\n', len - i);
		size_t end = nl ? (size_t)(nl - d) : len, next = end + 1;
		if (end - i > 4096) { /* a long line goes in pieces, cut between words */
			end = i + 4096;
			while (end > i + 2048 && (d[end - 1] >= 0x80 || !is_word_break(d[end - 1])))
				end--;
			next = end;
		}
		grow(&cps, &cap, end - i + 1, sizeof *cps);
		score_cps(cps, decode_line(enc, d + i, end - i, cps), &t);
		i = next;
	}
	free(cps);
	return t.good - t.bad;
}

bool text_guess_legacy_bytes(const char *bytes, size_t len, enum legacy_enc *out)
{
	static const enum legacy_enc cands[] = {LEGACY_NONE, LEGACY_TCVN3, LEGACY_VNI, LEGACY_CP1258};
	long best = 0, second = 0;
	enum legacy_enc win = LEGACY_NONE;
	for (size_t i = 0; i < sizeof cands / sizeof cands[0]; i++) {
		long s = text_legacy_score(cands[i], bytes, len);
		if (s > best) {
			second = best;
			best = s;
			win = cands[i];
		} else if (s > second) {
			second = s;
		}
	}
	if (best <= second) /* nothing reads as Vietnamese, or two read equally well */
		return false;
	*out = win;
	return true;
}

char *text_cp1252_bytes(const char *s, size_t len, size_t *outlen)
{
	char *out = xmalloc(len + 1);
	size_t n = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, len - i, &cp);
		int byte = -1;
		if (k && cp <= 0xFF)
			byte = (int)cp; /* Latin-1, C1 controls included */
		for (int b = 0; k && byte < 0 && b < 32; b++)
			if (cp1252_80[b] == cp && cp != 0xFFFD)
				byte = 0x80 + b;
		if (byte < 0) {
			free(out);
			return NULL;
		}
		out[n++] = (char)byte;
		i += k;
	}
	out[n] = '\0';
	*outlen = n;
	return out;
}

const char *text_legacy_label(enum legacy_enc enc)
{
	switch (enc) {
	case LEGACY_TCVN3: return "TCVN3 (ABC)";
	case LEGACY_TCVN3H: return "TCVN3 (ABC, upper-case fonts)";
	case LEGACY_VNI: return "VNI-Windows";
	case LEGACY_CP1258: return "Windows-1258";
	default: return "UTF-8";
	}
}

const char *text_legacy_key(enum legacy_enc enc)
{
	switch (enc) {
	case LEGACY_TCVN3: return "tcvn3";
	case LEGACY_TCVN3H: return "tcvn3h";
	case LEGACY_VNI: return "vni";
	case LEGACY_CP1258: return "cp1258";
	default: return "utf-8";
	}
}
