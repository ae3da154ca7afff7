/* text_collate.c — Vietnamese dictionary order through sort keys.
 *
 * A key is three levels, each compared only when the ones before are equal:
 *   1. per syllable: letter weights, 0x02, the syllable's tone weights, 0x01;
 *   2. after a 0x00: one case byte per letter (0x01 lower, 0x02 upper);
 *   3. after a 0x00: the raw bytes, so distinct strings never tie.
 * Levels 1 and 2 never contain 0x00, so plain memcmp on the whole key gives the
 * tiered order, and "ba" (ends with 0x01 0x00) sorts before "ba ba" and "bà".
 * text_collate builds the first two levels in stack buffers: no malloc for
 * ordinary names. */
#include "text.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "util.h"

enum {
	END_SYLLABLE = 0x01,
	END_LETTERS = 0x02,
	W_DIGIT = 0x10,  /* 0x10-0x19 */
	W_LETTER = 0x20, /* 0x20 + enum vn_base */
	W_OTHER = 0x50,  /* then the code point in 4 bytes of 6 bits + 0x40 */
	MAX_TONES = 8,   /* per syllable; more is garbage, ignored */
};

/* A growing byte string that lives on the stack until it outgrows it. */
struct keybuf {
	unsigned char *p;
	size_t len, cap;
	unsigned char local[192];
};

static void kb_init(struct keybuf *k)
{
	k->p = k->local;
	k->len = 0;
	k->cap = sizeof k->local;
}

static void kb_put(struct keybuf *k, unsigned char c)
{
	if (k->len == k->cap) {
		size_t cap = k->cap * 2;
		unsigned char *p = xmalloc(cap);
		memcpy(p, k->p, k->len);
		if (k->p != k->local)
			free(k->p);
		k->p = p;
		k->cap = cap;
	}
	k->p[k->len++] = c;
}

static void kb_free(struct keybuf *k)
{
	if (k->p != k->local)
		free(k->p);
}

/* The state of key building: the letter waiting for combining marks, and the
 * tones of the current syllable. */
struct keyer {
	struct keybuf primary, cases;
	const unsigned char *tone_weight;
	bool pending, pending_upper, in_syllable;
	enum vn_base pending_base;
	enum vn_tone pending_tone;
	unsigned char tones[MAX_TONES];
	int ntones;
};

static const unsigned char lexico_weights[6] = {0, 3, 4, 5, 6, 7};
/* ALT: none, huyền, sắc, hỏi, ngã, nặng; indexed by enum vn_tone */
static const unsigned char alt_weights[6] = {0, 3, 5, 6, 4, 7};

static void flush_letter(struct keyer *k)
{
	if (!k->pending)
		return;
	k->pending = false;
	k->in_syllable = true;
	kb_put(&k->primary, (unsigned char)(W_LETTER + k->pending_base));
	kb_put(&k->cases, k->pending_upper ? 0x02 : 0x01);
	if (k->pending_tone != VN_TONE_NONE && k->ntones < MAX_TONES)
		k->tones[k->ntones++] = k->tone_weight[k->pending_tone];
}

static void end_syllable(struct keyer *k)
{
	flush_letter(k);
	if (!k->in_syllable)
		return;
	kb_put(&k->primary, END_LETTERS);
	for (int i = 0; i < k->ntones; i++)
		kb_put(&k->primary, k->tones[i]);
	kb_put(&k->primary, END_SYLLABLE);
	k->ntones = 0;
	k->in_syllable = false;
}

/* A combining mark changes the letter before it; false if cp is not one. */
static bool apply_mark(struct keyer *k, uint32_t cp)
{
	if (cp < 0x300 || cp > 0x36F)
		return false;
	if (!k->pending)
		return true; /* a stray mark: ignore it */
	enum vn_base b = k->pending_base;
	switch (cp) {
	case 0x306: /* breve */
		if (b == VN_A)
			k->pending_base = VN_AW;
		break;
	case 0x302: /* circumflex */
		if (b == VN_A)
			k->pending_base = VN_AA;
		else if (b == VN_E)
			k->pending_base = VN_EE;
		else if (b == VN_O)
			k->pending_base = VN_OO;
		break;
	case 0x31B: /* horn */
		if (b == VN_O)
			k->pending_base = VN_OW;
		else if (b == VN_U)
			k->pending_base = VN_UW;
		break;
	case 0x300: k->pending_tone = VN_TONE_GRAVE; break;
	case 0x301: k->pending_tone = VN_TONE_ACUTE; break;
	case 0x309: k->pending_tone = VN_TONE_HOOK; break;
	case 0x303: k->pending_tone = VN_TONE_TILDE; break;
	case 0x323: k->pending_tone = VN_TONE_DOT; break;
	default: break; /* other marks do not count in Vietnamese order */
	}
	return true;
}

static void start_letter(struct keyer *k, enum vn_base b, enum vn_tone t, bool upper)
{
	flush_letter(k);
	k->pending = true;
	k->pending_base = b;
	k->pending_tone = t;
	k->pending_upper = upper;
}

static void add_other_letter(struct keyer *k, uint32_t cp, bool upper)
{
	flush_letter(k);
	k->in_syllable = true;
	kb_put(&k->primary, W_OTHER);
	for (int shift = 18; shift >= 0; shift -= 6)
		kb_put(&k->primary, (unsigned char)(0x40 + ((cp >> shift) & 0x3F)));
	kb_put(&k->cases, upper ? 0x02 : 0x01);
}

static void add_code_point(struct keyer *k, uint32_t cp)
{
	enum vn_base b;
	enum vn_tone t;
	bool upper;
	if (vn_letter_info(cp, &b, &t, &upper)) {
		start_letter(k, b, t, upper);
		return;
	}
	if (apply_mark(k, cp))
		return;
	if (cp >= '0' && cp <= '9') {
		flush_letter(k);
		k->in_syllable = true;
		kb_put(&k->primary, (unsigned char)(W_DIGIT + (cp - '0')));
		return;
	}
	utf8proc_category_t cat = utf8proc_category((utf8proc_int32_t)cp);
	if (cat < UTF8PROC_CATEGORY_LU || cat > UTF8PROC_CATEGORY_LO) {
		end_syllable(k); /* spaces, hyphens, punctuation, symbols */
		return;
	}
	/* Another letter: sort it as its base letter if that is ASCII ("ü" as u). */
	utf8proc_int32_t dec[8];
	utf8proc_ssize_t n = utf8proc_decompose_char((utf8proc_int32_t)cp, dec, 8, UTF8PROC_DECOMPOSE, NULL);
	if (n > 0 && n <= 8 && vn_letter_info((uint32_t)dec[0], &b, &t, &upper)) {
		start_letter(k, b, t, upper);
		for (utf8proc_ssize_t i = 1; i < n; i++)
			apply_mark(k, (uint32_t)dec[i]);
		return;
	}
	add_other_letter(k, cp, cat == UTF8PROC_CATEGORY_LU);
}

static void add_text(struct keyer *k, const char *s, size_t len)
{
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		if (!n) { /* invalid byte: a separator; the raw level still sees it */
			end_syllable(k);
			i++;
			continue;
		}
		add_code_point(k, cp);
		i += n;
	}
	end_syllable(k);
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Feeds a person's name as given name, middle names, family name. */
static void add_name(struct keyer *k, const char *s, size_t len)
{
	size_t start[64], end[64];
	int n = 0;
	for (size_t i = 0; i < len;) {
		while (i < len && is_space(s[i]))
			i++;
		if (i == len)
			break;
		size_t j = i;
		while (j < len && !is_space(s[j]))
			j++;
		if (n == 64) { /* absurdly many words: fold the rest into the last */
			end[n - 1] = j;
		} else {
			start[n] = i;
			end[n] = j;
			n++;
		}
		i = j;
	}
	if (n == 0)
		return;
	add_text(k, s + start[n - 1], end[n - 1] - start[n - 1]);
	for (int w = 1; w < n - 1; w++)
		add_text(k, s + start[w], end[w] - start[w]);
	if (n > 1)
		add_text(k, s + start[0], end[0] - start[0]);
}

static void build(struct keyer *k, const char *s, enum tone_order order, bool name)
{
	memset(k, 0, sizeof *k);
	kb_init(&k->primary);
	kb_init(&k->cases);
	k->tone_weight = order == TONE_ALT ? alt_weights : lexico_weights;
	if (name)
		add_name(k, s, strlen(s));
	else
		add_text(k, s, strlen(s));
}

static void release(struct keyer *k)
{
	kb_free(&k->primary);
	kb_free(&k->cases);
}

int text_sort_key_cmp(const unsigned char *a, size_t alen, const unsigned char *b, size_t blen)
{
	int c = memcmp(a, b, alen < blen ? alen : blen);
	if (c)
		return c;
	return (alen > blen) - (alen < blen);
}

static int compare(const char *a, const char *b, enum tone_order order, bool name)
{
	struct keyer ka, kb;
	build(&ka, a, order, name);
	build(&kb, b, order, name);
	int c = text_sort_key_cmp(ka.primary.p, ka.primary.len, kb.primary.p, kb.primary.len);
	if (!c)
		c = text_sort_key_cmp(ka.cases.p, ka.cases.len, kb.cases.p, kb.cases.len);
	if (!c)
		c = strcmp(a, b);
	release(&ka);
	release(&kb);
	return c < 0 ? -1 : c > 0;
}

int text_collate(const char *a, const char *b, enum tone_order order)
{
	return compare(a, b, order, false);
}

int text_collate_name(const char *a, const char *b, enum tone_order order)
{
	return compare(a, b, order, true);
}

unsigned char *text_sort_key(const char *s, enum tone_order order, bool name, size_t *len)
{
	struct keyer k;
	build(&k, s, order, name);
	size_t slen = strlen(s);
	size_t n = k.primary.len + 1 + k.cases.len + 1 + slen;
	unsigned char *key = xmalloc(n);
	unsigned char *p = key;
	memcpy(p, k.primary.p, k.primary.len);
	p += k.primary.len;
	*p++ = 0;
	memcpy(p, k.cases.p, k.cases.len);
	p += k.cases.len;
	*p++ = 0;
	memcpy(p, s, slen);
	release(&k);
	*len = n;
	return key;
}
