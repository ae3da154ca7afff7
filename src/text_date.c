/* text_date.c — dates, times and document numbers in the ND30 / HD36 forms. */
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

static bool is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

bool date_valid(struct date d)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (d.y < 1 || d.y > 9999 || d.m < 1 || d.m > 12 || d.d < 1)
		return false;
	int max = days[d.m - 1] + (d.m == 2 && is_leap(d.y));
	return d.d <= max;
}

/* Reads between min and max ASCII digits at *s; advances *s. -1 if fewer than min. */
static int read_digits(const char **s, int min, int max)
{
	int v = 0, n = 0;
	while (n < max && (*s)[0] >= '0' && (*s)[0] <= '9') {
		v = v * 10 + ((*s)[0] - '0');
		(*s)++;
		n++;
	}
	return n < min ? -1 : v;
}

int date_month_days(int y, int m)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return m < 1 || m > 12 ? 0 : days[m - 1] + (m == 2 && is_leap(y));
}

bool date_read(const char *s, struct date *out)
{
	struct date d;
	const char *p = s;
	if (strlen(s) == 10 && s[4] == '-') {
		d.y = read_digits(&p, 4, 4);
		if (d.y < 0 || *p++ != '-')
			return false;
		d.m = read_digits(&p, 2, 2);
		if (d.m < 0 || *p++ != '-')
			return false;
		d.d = read_digits(&p, 2, 2);
	} else {
		d.d = read_digits(&p, 1, 2);
		char sep = *p;
		if (d.d < 0 || (sep != '/' && sep != '.'))
			return false;
		p++;
		d.m = read_digits(&p, 1, 2);
		if (d.m < 0 || *p++ != sep)
			return false;
		d.y = read_digits(&p, 4, 4);
	}
	if (d.d < 0 || d.y < 0 || *p != '\0')
		return false;
	*out = d;
	return true;
}

bool date_parse(const char *s, struct date *out)
{
	struct date d;
	if (!date_read(s, &d) || !date_valid(d))
		return false;
	*out = d;
	return true;
}

int date_cmp(struct date a, struct date b)
{
	if (a.y != b.y)
		return a.y < b.y ? -1 : 1;
	if (a.m != b.m)
		return a.m < b.m ? -1 : 1;
	return (a.d > b.d) - (a.d < b.d);
}

bool date_parse_dayless(const char *s, struct date *out)
{
	int y, m, n = 0;
	if ((sscanf(s, "%4d-%2d%n", &y, &m, &n) == 2 || sscanf(s, "%2d/%4d%n", &m, &y, &n) == 2) &&
	    s[n] == '\0' && m >= 1 && m <= 12 && y >= 1900 && y <= 2999) {
		*out = (struct date){y, m, 0};
		return true;
	}
	return false;
}

char *text_date_words(struct date d)
{
	/* ND30: days below 10 and months 1 and 2 take a leading zero, other months do not;
	 * a draft's day (0) is left blank to be written by hand: three en spaces
	 * (U+2002, which a line never breaks or shrinks) and a word space, about
	 * 8 mm at 13-14 pt as layout_draft_date leaves in a header */
	if (!d.d)
		return xasprintf("ngày\xe2\x80\x82\xe2\x80\x82\xe2\x80\x82 tháng %0*d năm %d", d.m <= 2 ? 2 : 1, d.m, d.y);
	return xasprintf("ngày %02d tháng %0*d năm %d", d.d, d.m <= 2 ? 2 : 1, d.m, d.y);
}

char *text_date_line(const char *place, struct date d)
{
	char *words = text_date_words(d);
	if (!place || !*place)
		return words;
	char *line = xasprintf("%s, %s", place, words);
	free(words);
	return line;
}

/* Skips the literal word at *s if it is there. */
static bool skip(const char **s, const char *word)
{
	size_t n = strlen(word);
	if (strncmp(*s, word, n) != 0)
		return false;
	*s += n;
	return true;
}

bool time_parse(const char *s, int *h, int *min)
{
	const char *p = s;
	int hh = read_digits(&p, 1, 2), mm = 0;
	if (hh < 0 || hh > 23)
		return false;
	if (skip(&p, ":")) {
		mm = read_digits(&p, 2, 2); /* "14:" alone is not a time */
		if (mm < 0)
			return false;
	} else {
		bool spaced = skip(&p, " ");
		if (!skip(&p, "giờ") && (spaced || (!skip(&p, "h") && !skip(&p, "H") && !skip(&p, "g"))))
			return false;
		bool gap = skip(&p, " ");
		if (*p >= '0' && *p <= '9') {
			mm = read_digits(&p, 2, 2);
			if (mm < 0)
				return false;
			if (skip(&p, " "))
				if (!skip(&p, "phút"))
					return false;
		} else if (gap) {
			return false;
		}
	}
	if (*p != '\0' || mm > 59)
		return false;
	*h = hh;
	*min = mm;
	return true;
}

char *text_time(int h, int m)
{
	return xasprintf("%d giờ %02d", h, m);
}
