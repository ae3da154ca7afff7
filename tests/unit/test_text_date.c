/* Dates, times and document numbers in the ND30 / HD36 forms. */
#include <stdlib.h>

#include "text.h"
#include "unit.h"

#define CHECK_OWN(expr, want)             \
	do {                              \
		char *s_ = (expr);        \
		CHECK_STR(s_, want);      \
		free(s_);                 \
	} while (0)

static bool parses(const char *s, int y, int m, int d)
{
	struct date got = {-1, -1, -1};
	return date_parse(s, &got) && got.y == y && got.m == m && got.d == d;
}

static bool rejects(const char *s)
{
	struct date got = {7, 7, 7};
	return !date_parse(s, &got) && got.y == 7 && got.m == 7 && got.d == 7;
}

/* date_read takes the form only, so that a message can name the day. */
static void read_impossible_dates(void)
{
	struct date d = {0, 0, 0};
	CHECK(date_read("30/02/2023", &d) && d.d == 30 && d.m == 2 && d.y == 2023);
	CHECK(date_read("2023-13-01", &d) && d.m == 13);
	CHECK(!date_read("30-02-2023", &d));
	CHECK_INT(date_month_days(2023, 2), 28);
	CHECK_INT(date_month_days(2024, 2), 29);
	CHECK_INT(date_month_days(2024, 13), 0);
}

static void parse_dates(void)
{
	CHECK(parses("2020-12-31", 2020, 12, 31));
	CHECK(parses("31/12/2020", 2020, 12, 31));
	CHECK(parses("05/01/2020", 2020, 1, 5));
	CHECK(parses("5/1/2020", 2020, 1, 5));
	CHECK(parses("2024-02-29", 2024, 2, 29)); /* leap year */
	CHECK(parses("2000-02-29", 2000, 2, 29)); /* divisible by 400 */
	CHECK(parses("29/02/2024", 2024, 2, 29));
	CHECK(parses("31.12.2020", 2020, 12, 31)); /* the dotted form of Vietnamese offices */
	CHECK(parses("5.1.2020", 2020, 1, 5));
	CHECK(rejects("31.12/2020"));              /* one separator */
	CHECK(rejects("30.02.2023"));
	CHECK(rejects("2023-02-29"));
	CHECK(rejects("1900-02-29")); /* divisible by 100, not 400 */
	CHECK(rejects("29/02/2023"));
	CHECK(rejects("2020-04-31"));
	CHECK(rejects("31/04/2020"));
	CHECK(rejects("2020-13-01"));
	CHECK(rejects("2020-00-10"));
	CHECK(rejects("2020-01-00"));
	CHECK(rejects("0000-01-01"));
	CHECK(rejects("2020-1-5"));
	CHECK(rejects("2020/01/05"));
	CHECK(rejects("05-01-2020"));
	CHECK(rejects(" 2020-01-05"));
	CHECK(rejects("2020-01-05 "));
	CHECK(rejects("05/01/20"));
	CHECK(rejects("05/01/20201"));
	CHECK(rejects("005/01/2020"));
	CHECK(rejects(""));
	CHECK(rejects("ngày 5"));
	CHECK(rejects("2020-01-0x"));
	CHECK(rejects("+2020-01-05"));
}

static void compare_dates(void)
{
	struct date a = {2020, 12, 31}, b = {2021, 1, 1}, c = {2020, 12, 30};
	CHECK(date_cmp(a, b) < 0);
	CHECK(date_cmp(b, a) > 0);
	CHECK(date_cmp(c, a) < 0);
	CHECK(date_cmp(a, a) == 0);
	CHECK(date_cmp((struct date){2020, 2, 1}, (struct date){2020, 1, 31}) > 0);
	CHECK(date_valid(a));
	CHECK(!date_valid((struct date){2020, 2, 30}));
	CHECK(!date_valid((struct date){10000, 1, 1}));
}

static void date_lines(void)
{
	/* days < 10 and months 1, 2 padded; months 3-12 not */
	CHECK_OWN(text_date_line("An Giang", (struct date){2020, 12, 31}),
		  "An Giang, ngày 31 tháng 12 năm 2020");
	CHECK_OWN(text_date_line("Hà Nội", (struct date){2020, 1, 5}), "Hà Nội, ngày 05 tháng 01 năm 2020");
	CHECK_OWN(text_date_words((struct date){2018, 2, 20}), "ngày 20 tháng 02 năm 2018");
	CHECK_OWN(text_date_words((struct date){2018, 4, 3}), "ngày 03 tháng 4 năm 2018");
	CHECK_OWN(text_date_words((struct date){2018, 3, 9}), "ngày 09 tháng 3 năm 2018");
	CHECK_OWN(text_date_words((struct date){2018, 3, 10}), "ngày 10 tháng 3 năm 2018");
	CHECK_OWN(text_date_words((struct date){2021, 6, 1}), "ngày 01 tháng 6 năm 2021");
	CHECK_OWN(text_date_words((struct date){2021, 10, 15}), "ngày 15 tháng 10 năm 2021");
	CHECK_OWN(text_date_words((struct date){2021, 11, 30}), "ngày 30 tháng 11 năm 2021");
	CHECK_OWN(text_date_line(NULL, (struct date){2021, 9, 2}), "ngày 02 tháng 9 năm 2021");
	CHECK_OWN(text_date_line("", (struct date){2021, 9, 2}), "ngày 02 tháng 9 năm 2021");
}

static bool time_is(const char *s, int h, int m)
{
	int gh = -1, gm = -1;
	return time_parse(s, &gh, &gm) && gh == h && gm == m;
}

static void times(void)
{
	CHECK(time_is("14:00", 14, 0));
	CHECK(time_is("14h00", 14, 0));
	CHECK(time_is("14H30", 14, 30));
	CHECK(time_is("14 giờ 00", 14, 0));
	CHECK(time_is("14 giờ 05 phút", 14, 5));
	CHECK(time_is("7h30", 7, 30));
	CHECK(time_is("7g30", 7, 30));
	CHECK(time_is("07:05", 7, 5));
	CHECK(time_is("14h", 14, 0));
	CHECK(time_is("8 giờ", 8, 0));
	CHECK(time_is("0:00", 0, 0));
	CHECK(time_is("23:59", 23, 59));
	int h, m;
	CHECK(!time_parse("24:00", &h, &m));
	CHECK(!time_parse("12:60", &h, &m));
	CHECK(!time_parse("12:5", &h, &m));
	CHECK(!time_parse("12:", &h, &m));
	CHECK(!time_parse("12", &h, &m));
	CHECK(!time_parse("", &h, &m));
	CHECK(!time_parse("14 giờ ", &h, &m));
	CHECK(!time_parse("14 h00", &h, &m));
	CHECK(!time_parse("14h00x", &h, &m));
	CHECK(!time_parse("giờ", &h, &m));
	CHECK(!time_parse("140:00", &h, &m));
	CHECK_OWN(text_time(14, 0), "14 giờ 00");
	CHECK_OWN(text_time(7, 5), "7 giờ 05");
}

int main(void)
{
	RUN(parse_dates);
	RUN(read_impossible_dates);
	RUN(compare_dates);
	RUN(date_lines);
	RUN(times);
	UNIT_EXIT();
}
