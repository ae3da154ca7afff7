/* text_number.c — numbers written the Vietnamese way: "1.500.000", "0,3",
 * "một nghìn không trăm linh năm", "08". */
#include "text.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "util.h"

/* Appends the decimal digits of v with "." between groups of three. */
static void add_grouped(struct buf *b, const char *digits, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i && (n - i) % 3 == 0)
			buf_addc(b, '.');
		buf_addc(b, digits[i]);
	}
}

char *text_thousands(long long n)
{
	/* the magnitude as unsigned, so LLONG_MIN works */
	unsigned long long m = n < 0 ? 0ULL - (unsigned long long)n : (unsigned long long)n;
	char digits[24];
	int len = snprintf(digits, sizeof digits, "%llu", m);
	struct buf b = {0};
	if (n < 0)
		buf_addc(&b, '-');
	add_grouped(&b, digits, (size_t)len);
	return buf_steal(&b);
}

char *text_decimal(double v, int places)
{
	if (!isfinite(v))
		return xstrdup("?");
	if (places < 0)
		places = 0;
	if (places > 9)
		places = 9;
	char tmp[400]; /* DBL_MAX has 309 integer digits */
	int len = snprintf(tmp, sizeof tmp, "%.*f", places, fabs(v));
	if (len < 0 || (size_t)len >= sizeof tmp)
		return xstrdup("?");
	const char *dot = strchr(tmp, '.');
	size_t intlen = dot ? (size_t)(dot - tmp) : (size_t)len;
	struct buf b = {0};
	/* no "-0,0": a minus only if some printed digit is not zero */
	if (signbit(v) && strspn(tmp, "0.") != (size_t)len)
		buf_addc(&b, '-');
	add_grouped(&b, tmp, intlen);
	if (dot) {
		buf_addc(&b, ',');
		buf_adds(&b, dot + 1);
	}
	return buf_steal(&b);
}

char *text_count(int n, bool pad)
{
	if (pad && n >= 0 && n < 10)
		return xasprintf("0%d", n);
	return xasprintf("%d", n);
}

static const char *const digit_word[10] = {
	"không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín",
};

static void word(struct buf *b, const char *w)
{
	if (b->len)
		buf_addc(b, ' ');
	buf_adds(b, w);
}

/* Reads 0 < v < 1000. full: a larger unit was read before, so a zero hundreds
 * digit is said ("không trăm") and a zero tens digit becomes "linh"/"lẻ". */
static void read_group(struct buf *b, unsigned v, bool full, const struct words_style *st)
{
	unsigned h = v / 100, t = v / 10 % 10, u = v % 10;
	bool hundreds = full || h;
	if (hundreds) {
		word(b, digit_word[h]);
		word(b, "trăm");
	}
	if (t == 0) {
		if (u && hundreds)
			word(b, st->le ? "lẻ" : "linh");
		if (u)
			word(b, digit_word[u]); /* "linh một", "linh năm", "năm" */
		return;
	}
	if (t == 1) {
		word(b, "mười");
		if (u == 5)
			word(b, "lăm");
		else if (u)
			word(b, digit_word[u]); /* "mười một", "mười bốn" */
		return;
	}
	word(b, digit_word[t]);
	word(b, "mươi");
	if (u == 1)
		word(b, "mốt");
	else if (u == 4 && st->tu)
		word(b, "tư");
	else if (u == 5)
		word(b, "lăm");
	else if (u)
		word(b, digit_word[u]);
}

/* Reads 0 < n < 10^9 as its triệu, nghìn and units groups. */
static void read_below_billion(struct buf *b, unsigned long long n, bool full,
			       const struct words_style *st)
{
	unsigned millions = (unsigned)(n / 1000000), thousands = (unsigned)(n / 1000 % 1000),
		 units = (unsigned)(n % 1000);
	if (millions) {
		read_group(b, millions, full, st);
		word(b, "triệu");
		full = true;
	}
	if (thousands) {
		read_group(b, thousands, full, st);
		word(b, st->ngan ? "ngàn" : "nghìn");
		full = true;
	}
	if (units)
		read_group(b, units, full, st);
}

/* Reads n > 0; above 10^9 the count of tỷ is itself read the same way. */
static void read_number(struct buf *b, unsigned long long n, bool full, const struct words_style *st)
{
	const unsigned long long billion = 1000000000ULL;
	if (n >= billion) {
		read_number(b, n / billion, full, st);
		word(b, st->ti ? "tỉ" : "tỷ");
		if (n % billion)
			read_below_billion(b, n % billion, true, st);
		return;
	}
	read_below_billion(b, n, full, st);
}

char *text_number_words(unsigned long long n, const struct words_style *st)
{
	static const struct words_style plain;
	if (!st)
		st = &plain;
	struct buf b = {0};
	if (n == 0)
		buf_adds(&b, digit_word[0]);
	else
		read_number(&b, n, false, st);
	if (!st->capital)
		return buf_steal(&b);
	char *cap = text_upper_first(b.data);
	buf_free(&b);
	return cap;
}
