/* Random bytes and random Vietnamese through every text function that takes a
 * string: nothing may crash, leak or trip the sanitizers, and a few
 * invariants must hold. Deterministic (fixed seed). */
#include <stdlib.h>

#include "text.h"
#include "unit.h"

static unsigned long long state = 0x9E3779B97F4A7C15ULL;
static unsigned rnd(void)
{
	state ^= state << 13, state ^= state >> 7, state ^= state << 17;
	return (unsigned)(state >> 11);
}

/* Random bytes, or random pieces of Vietnamese, legacy bytes and punctuation. */
static size_t make_input(char *out, size_t cap)
{
	static const char *const pieces[] = {
		"Nguyễn", " ", "-", "Thị", "Hương", "ễ", "e\xcc\x82\xcc\x83", "\xcc\x81", "ư", "ậ",
		"Vieät", "ViÖt", "µ", "®", "×", "/", "..", "CON", "\xff", "\xe1\xbb", "đ", "Đ",
		"14", ":", "giờ", "h", "2020", "/", "0", "“", "…", "中", "Ω", "\t", "'",
	};
	size_t n = 0, want = rnd() % cap;
	bool raw = rnd() % 4 == 0;
	while (n < want) {
		if (raw) {
			char c = (char)(rnd() | 1); /* no NUL: the API takes C strings */
			out[n++] = c;
			continue;
		}
		const char *p = pieces[rnd() % (sizeof pieces / sizeof pieces[0])];
		size_t l = strlen(p);
		if (n + l >= want)
			break;
		memcpy(out + n, p, l);
		n += l;
	}
	out[n] = '\0';
	return n;
}

static void everything_survives_random_input(void)
{
	char a[200], b[200];
	int bad = 0;
	for (int round = 0; round < 20000; round++) {
		size_t na = make_input(a, sizeof a - 1);
		make_input(b, sizeof b - 1);
		enum tone_order o = round & 1 ? TONE_ALT : TONE_LEXICO;
		int c1 = text_collate(a, b, o), c2 = text_collate(b, a, o);
		bad += (c1 > 0) != (c2 < 0) || (c1 == 0) != (strcmp(a, b) == 0);
		int n1 = text_collate_name(a, b, o), n2 = text_collate_name(b, a, o);
		bad += (n1 > 0) != (n2 < 0);
		size_t kl;
		free(text_sort_key(a, o, round & 2, &kl));
		char *s = text_slug(a, rnd() % 300);
		bad += s[0] == '\0';
		free(s);
		for (int e = LEGACY_NONE; e <= LEGACY_CP1258; e++) {
			size_t ol;
			char *u = text_from_legacy((enum legacy_enc)e, a, na, &ol);
			bad += e != LEGACY_NONE && !utf8_valid(u, ol, NULL);
			free(u);
		}
		size_t at;
		text_guess_legacy(a, na, &at);
		struct date d;
		int h, m;
		date_parse(a, &d);
		time_parse(a, &h, &m);
		enum legacy_enc le;
		text_legacy_name(a, &le);
		free(text_upper_first(a));
	}
	CHECK_INT(bad, 0);
}

static void every_number_reads(void)
{
	int bad = 0;
	for (int i = 0; i < 20000; i++) {
		unsigned long long n = ((unsigned long long)rnd() << 32 | rnd()) >> (rnd() % 64);
		char *w = text_number_words(n, NULL);
		/* never doubled spaces, never empty, never a trailing space */
		bad += !w[0] || strstr(w, "  ") != NULL || w[strlen(w) - 1] == ' ';
		free(w);
		free(text_thousands((long long)n));
		free(text_decimal((double)(long long)n / 1000.0, (int)(rnd() % 12) - 1));
		free(text_count((int)n, n & 1));
	}
	CHECK_INT(bad, 0);
}

int main(void)
{
	RUN(everything_survives_random_input);
	RUN(every_number_reads);
	UNIT_EXIT();
}
