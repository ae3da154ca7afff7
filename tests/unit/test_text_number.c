/* Numbers: thousands separators, decimals, counts, and numbers in words. */
#include <limits.h>
#include <stdlib.h>

#include "text.h"
#include "unit.h"

#define CHECK_OWN(expr, want)             \
	do {                              \
		char *s_ = (expr);        \
		CHECK_STR(s_, want);      \
		free(s_);                 \
	} while (0)

static void thousands(void)
{
	CHECK_OWN(text_thousands(0), "0");
	CHECK_OWN(text_thousands(999), "999");
	CHECK_OWN(text_thousands(1000), "1.000");
	CHECK_OWN(text_thousands(1500000), "1.500.000");
	CHECK_OWN(text_thousands(2340000), "2.340.000");
	CHECK_OWN(text_thousands(-2340000), "-2.340.000");
	CHECK_OWN(text_thousands(-12), "-12");
	CHECK_OWN(text_thousands(LLONG_MAX), "9.223.372.036.854.775.807");
	CHECK_OWN(text_thousands(LLONG_MIN), "-9.223.372.036.854.775.808");
}

static void decimals(void)
{
	CHECK_OWN(text_decimal(0.3, 1), "0,3");
	CHECK_OWN(text_decimal(0.3, 2), "0,30");
	CHECK_OWN(text_decimal(2340000.5, 2), "2.340.000,50");
	CHECK_OWN(text_decimal(1.5, 0), "2");
	CHECK_OWN(text_decimal(-1234.25, 2), "-1.234,25");
	CHECK_OWN(text_decimal(-0.04, 1), "0,0");
	CHECK_OWN(text_decimal(7, -3), "7");
	CHECK_OWN(text_decimal(1.0 / 0.0, 2), "?");
	char *big = text_decimal(-1.7976931348623157e308, 9); /* the widest value fits */
	CHECK(big[0] == '-' && strlen(big) > 400);
	free(big);
}

static void counts(void)
{
	CHECK_OWN(text_count(8, true), "08");
	CHECK_OWN(text_count(8, false), "8");
	CHECK_OWN(text_count(0, true), "00");
	CHECK_OWN(text_count(9, true), "09");
	CHECK_OWN(text_count(10, true), "10");
	CHECK_OWN(text_count(123, true), "123");
	CHECK_OWN(text_count(-3, true), "-3");
}

static const struct {
	unsigned long long n;
	const char *words;
} vectors[] = {
	{0, "không"},
	{1, "một"},
	{4, "bốn"},
	{5, "năm"},
	{10, "mười"},
	{11, "mười một"},
	{14, "mười bốn"},
	{15, "mười lăm"},
	{20, "hai mươi"},
	{21, "hai mươi mốt"},
	{24, "hai mươi bốn"},
	{25, "hai mươi lăm"},
	{31, "ba mươi mốt"},
	{55, "năm mươi lăm"},
	{99, "chín mươi chín"},
	{100, "một trăm"},
	{101, "một trăm linh một"},
	{104, "một trăm linh bốn"},
	{105, "một trăm linh năm"},
	{110, "một trăm mười"},
	{111, "một trăm mười một"},
	{115, "một trăm mười lăm"},
	{121, "một trăm hai mươi mốt"},
	{500, "năm trăm"},
	{1000, "một nghìn"},
	{1005, "một nghìn không trăm linh năm"},
	{1010, "một nghìn không trăm mười"},
	{1015, "một nghìn không trăm mười lăm"},
	{1100, "một nghìn một trăm"},
	{2021, "hai nghìn không trăm hai mươi mốt"},
	{5000, "năm nghìn"},
	{10000, "mười nghìn"},
	{15000, "mười lăm nghìn"},
	{21000, "hai mươi mốt nghìn"},
	{100000, "một trăm nghìn"},
	{105000, "một trăm linh năm nghìn"},
	{1000001, "một triệu không trăm linh một"},
	{1010000, "một triệu không trăm mười nghìn"},
	{1500000, "một triệu năm trăm nghìn"},
	{2340000, "hai triệu ba trăm bốn mươi nghìn"},
	{1000000000, "một tỷ"},
	{1000000005, "một tỷ không trăm linh năm"},
	{1005000000, "một tỷ không trăm linh năm triệu"},
	{1500000000, "một tỷ năm trăm triệu"},
	{20000000000ULL, "hai mươi tỷ"},
	{999999999999ULL, "chín trăm chín mươi chín tỷ chín trăm chín mươi chín triệu "
			  "chín trăm chín mươi chín nghìn chín trăm chín mươi chín"},
	{1000000000000ULL, "một nghìn tỷ"},
	{1000000000000000000ULL, "một tỷ tỷ"},
};

static void words_default(void)
{
	for (size_t i = 0; i < sizeof vectors / sizeof vectors[0]; i++)
		CHECK_OWN(text_number_words(vectors[i].n, NULL), vectors[i].words);
	CHECK(sizeof vectors / sizeof vectors[0] >= 40);
	char *max = text_number_words(ULLONG_MAX, NULL); /* reads, does not crash */
	const char *head = "mười tám tỷ bốn trăm bốn mươi sáu triệu"; /* 18 446 744 073 tỷ … */
	CHECK(strncmp(max, head, strlen(head)) == 0);
	free(max);
}

static void words_styles(void)
{
	struct words_style st = {.le = true, .ngan = true, .ti = true, .tu = true};
	CHECK_OWN(text_number_words(105, &st), "một trăm lẻ năm");
	CHECK_OWN(text_number_words(1005, &st), "một ngàn không trăm lẻ năm");
	CHECK_OWN(text_number_words(24, &st), "hai mươi tư");
	CHECK_OWN(text_number_words(14, &st), "mười bốn"); /* "tư" only after mươi */
	CHECK_OWN(text_number_words(104, &st), "một trăm lẻ bốn");
	CHECK_OWN(text_number_words(2000000000, &st), "hai tỉ");
	struct words_style cap = {.capital = true};
	CHECK_OWN(text_number_words(150000, &cap), "Một trăm năm mươi nghìn");
	CHECK_OWN(text_number_words(0, &cap), "Không");
	CHECK_OWN(text_number_words(1000000, &cap), "Một triệu");
}

int main(void)
{
	RUN(thousands);
	RUN(decimals);
	RUN(counts);
	RUN(words_default);
	RUN(words_styles);
	UNIT_EXIT();
}
