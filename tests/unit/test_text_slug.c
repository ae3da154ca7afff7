/* File-name slugs: the attack set of docs/reliability.md plus Vietnamese names. */
#include <stdlib.h>
#include <time.h>

#include "text.h"
#include "unit.h"

#define SLUG(in, max, want)                       \
	do {                                      \
		char *s_ = text_slug(in, max);    \
		CHECK_STR(s_, want);              \
		free(s_);                         \
	} while (0)

/* Every slug: ASCII letters, digits and single inner dashes (plus a reserved-name "_"). */
static bool well_formed(const char *s, size_t max)
{
	size_t n = strlen(s);
	if (n == 0 || n > (max < 8 ? 8 : max) || s[0] == '-' || s[n - 1] == '-')
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
			  (c == '-' && s[i + 1] != '-') || (c == '_' && i == n - 1);
		if (!ok)
			return false;
	}
	return strcmp(s, ".") && strcmp(s, "..");
}

static void vietnamese_names(void)
{
	SLUG("Nguyễn Thị Hương", 255, "Nguyen-Thi-Huong");
	SLUG("Đặng Văn Đức", 255, "Dang-Van-Duc");
	SLUG("Trường Chính trị Tôn Đức Thắng", 255, "Truong-Chinh-tri-Ton-Duc-Thang");
	SLUG("Quyết định số 05/QĐ-TCT", 255, "Quyet-dinh-so-05-QD-TCT");
	SLUG("  Giấy khen — Lê Thị Ánh (2020)  ", 255, "Giay-khen-Le-Thi-Anh-2020");
	SLUG("Ｆｕｌｌ ｗｉｄｔｈ", 255, "Full-width");
	SLUG("Müller & Søn", 255, "Muller-S-n");
	SLUG("中文", 255, "untitled");
}

static void nfc_nfd_twins(void)
{
	const char *nfc = "Nguyễn Thị Hương";
	size_t n;
	char *nfd = text_nfd(nfc, strlen(nfc), &n);
	CHECK(strlen(nfc) == 22 && n == 26);
	char *a = text_slug(nfc, 255), *b = text_slug(nfd, 255);
	CHECK_STR(a, b);
	free(a), free(b), free(nfd);
}

static void attacks(void)
{
	SLUG("../x", 255, "x");
	SLUG("../../etc/passwd", 255, "etc-passwd");
	SLUG("/x", 255, "x");
	SLUG("a/b", 255, "a-b");
	SLUG("a\\b", 255, "a-b");
	SLUG(".", 255, "untitled");
	SLUG("..", 255, "untitled");
	SLUG("", 255, "untitled");
	SLUG(".hidden", 255, "hidden");
	SLUG("-rf", 255, "rf");
	SLUG("!!!---???...", 255, "untitled");
	SLUG("“” – … «»", 255, "untitled");
	SLUG("trailing. ", 255, "trailing");
	SLUG("tab\there\nnewline", 255, "tab-here-newline");
	SLUG("bad\xff\xfe utf8", 255, "bad-utf8");
	SLUG("\xe1\xbb", 255, "untitled"); /* truncated sequence */
	/* the loader rejects NUL inside scalars; here the string simply ends there */
	SLUG("abc\0def/../x", 255, "abc");
}

static void reserved_names(void)
{
	SLUG("CON", 255, "CON_");
	SLUG("con", 255, "con_");
	SLUG("Nul", 255, "Nul_");
	SLUG("nul.txt", 255, "nul-txt"); /* no dot survives, so ".txt" cannot make it reserved */
	SLUG("PRN", 255, "PRN_");
	SLUG("aux", 255, "aux_");
	SLUG("COM1", 255, "COM1_");
	SLUG("com9", 255, "com9_");
	SLUG("LPT5", 255, "LPT5_");
	SLUG("COM0", 255, "COM0");
	SLUG("COM10", 255, "COM10");
	SLUG("CONSOLE", 255, "CONSOLE");
	SLUG("CON.", 255, "CON_");
	SLUG(" con ", 255, "con_");
}

static void length_limits(void)
{
	char big[1000] = "";
	for (int i = 0; i < 100; i++)
		strcat(big, "ễ"); /* 300 bytes */
	CHECK(strlen(big) == 300);
	char *s = text_slug(big, 255);
	CHECK_INT(strlen(s), 100);
	free(s);
	char many[2000] = "";
	for (int i = 0; i < 300; i++)
		strcat(many, "ễ-");
	s = text_slug(many, 250);
	CHECK(strlen(s) <= 250 && well_formed(s, 250));
	CHECK(s[strlen(s) - 1] == 'e');
	free(s);
	SLUG("abcdefghijklmnop", 10, "abcdefghij");
	SLUG("abcd efgh ijkl", 10, "abcd-efgh");
	SLUG("abcdefghijklmnop", 0, "abcdefgh"); /* at least 8 */
	SLUG("", 3, "untitled");
}

/* Random bytes never crash and always give a well-formed slug. */
static void random_inputs(void)
{
	unsigned x = 12345;
	char in[64];
	bool all_ok = true;
	for (int round = 0; round < 20000; round++) {
		size_t n = (x = x * 1103515245 + 12345) % 63;
		for (size_t i = 0; i < n; i++) {
			x = x * 1103515245 + 12345;
			in[i] = (char)((x >> 16) | 1); /* no NUL */
		}
		in[n] = '\0';
		size_t max = (x >> 8) % 40;
		char *s = text_slug(in, max);
		all_ok &= well_formed(s, max);
		free(s);
	}
	CHECK(all_ok);
}

static void speed(void)
{
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (int i = 0; i < 10000; i++)
		free(text_slug("Giấy khen Nguyễn Thị Hương Trường Chính trị Tôn Đức Thắng", 240));
	clock_gettime(CLOCK_MONOTONIC, &t1);
	printf("# 10000 slugs: %.1f ms\n",
	       ((double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9) * 1e3);
}

int main(void)
{
	RUN(vietnamese_names);
	RUN(nfc_nfd_twins);
	RUN(attacks);
	RUN(reserved_names);
	RUN(length_limits);
	RUN(random_inputs);
	RUN(speed);
	UNIT_EXIT();
}
