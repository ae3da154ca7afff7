/* Vietnamese collation: letter order, tones, case, syllables, person names. */
#include <stdlib.h>
#include <time.h>

#include "text.h"
#include "unit.h"

/* Sorted by given name, then middle names, then family name (TONE_LEXICO). */
static const char *const names_sorted[] = {
	"Trần Thị An", "Dương Văn An", "Đặng Văn An", "Lê Văn An", "Nguyễn Văn An",
	"Phạm Tuấn Anh", "Vũ Thị Ngọc Ánh", "Hồ Văn Ân", "Đỗ Gia Bảo", "Lý Thanh Bình",
	"Mai Ngọc Châu", "Đặng Linh Chi", "Bùi Thành Công", "Trịnh Quốc Cường",
	"Phan Anh Dũng", "Hoàng Đức Duy", "Lâm Thùy Dương",
	"Ngô Tiến Đạt", "Chu Thị Điệp", "Tạ Văn Đông", "Nguyễn Minh Đức",
	"Vương Thu Giang",
	"Đinh Thu Hà", "Lương Văn Hải", "Kiều Thị Hạnh", "Nguyễn Thúy Hằng", "Trương Thị Hiền",
	"Đoàn Văn Hiển", "Vũ Đình Hiến", "Phạm Minh Hiếu", "Lê Thị Hòa", "Trần Mạnh Hùng",
	"Nguyễn Quang Huy", "Đào Thị Hương",
	"Tô Duy Khánh", "Hà Đăng Khoa", "Lại Trung Kiên",
	"Cao Thị Lan", "Nguyễn Khánh Linh", "Phùng Thị Loan", "Trần Hoàng Long",
	"Trần Thị Mai", "Lê Quang Minh", "Nguyễn Trà My",
	"Hồ Hoài Nam", "Trần Thị Nga", "Võ Kim Ngân", "Đỗ Bảo Ngọc", "Lê Hồng Nhung",
	"Bạch Kim Oanh", "Âu Thanh Phong", "Nguyễn Hữu Phúc", "Hà Thu Phương",
	"Tống Minh Quang", "Đàm Hồng Quân", "Lê Tú Quyên", "Mạc Văn Sơn",
	"Quách Minh Tâm", "Ông Phương Thảo", "Nguyễn Chiến Thắng", "Lò Thị Thủy", "Hoàng Văn Tiến",
	"Dương Thu Trang", "Võ Anh Tú", "Trần Anh Tuấn", "Phạm Thanh Tùng",
	"Mẫn Thảo Uyên", "Giáp Thị Vân", "Đinh Quốc Việt", "Trần Quang Vinh",
	"Lưu Thị Xuân", "Ninh Hải Yến",
};
enum { NNAMES = sizeof names_sorted / sizeof names_sorted[0] };

static unsigned long long rng = 88172645463325252ULL;
static size_t next_rand(size_t n)
{
	rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;
	return (size_t)(rng % n);
}

static void shuffle(const char **a, size_t n)
{
	for (size_t i = n - 1; i > 0; i--) {
		size_t j = next_rand(i + 1);
		const char *t = a[i];
		a[i] = a[j];
		a[j] = t;
	}
}

static int by_name(const void *a, const void *b)
{
	return text_collate_name(*(const char *const *)a, *(const char *const *)b, TONE_LEXICO);
}

static void names_sort_by_given_name(void)
{
	CHECK(NNAMES >= 50);
	const char *a[NNAMES];
	for (int round = 0; round < 5; round++) {
		memcpy(a, names_sorted, sizeof a);
		shuffle(a, NNAMES);
		qsort(a, NNAMES, sizeof a[0], by_name);
		for (size_t i = 0; i < NNAMES; i++)
			CHECK_STR(a[i], names_sorted[i]);
	}
	for (size_t i = 0; i + 1 < NNAMES; i++) {
		CHECK(text_collate_name(names_sorted[i], names_sorted[i + 1], TONE_LEXICO) < 0);
		CHECK(text_collate_name(names_sorted[i + 1], names_sorted[i], TONE_LEXICO) > 0);
	}
}

static void name_keys_agree_with_compare(void)
{
	unsigned char *key[NNAMES];
	size_t len[NNAMES];
	for (size_t i = 0; i < NNAMES; i++)
		key[i] = text_sort_key(names_sorted[i], TONE_LEXICO, true, &len[i]);
	for (size_t i = 0; i < NNAMES; i++)
		for (size_t j = 0; j < NNAMES; j++) {
			int k = text_sort_key_cmp(key[i], len[i], key[j], len[j]);
			int c = text_collate_name(names_sorted[i], names_sorted[j], TONE_LEXICO);
			CHECK((k < 0) == (c < 0) && (k > 0) == (c > 0));
			CHECK((i < j) == (c < 0));
		}
	for (size_t i = 0; i < NNAMES; i++)
		free(key[i]);
}

static int sign(int x)
{
	return (x > 0) - (x < 0);
}

/* Each list is strictly increasing under text_collate with the given order. */
static void check_increasing(const char *const *list, size_t n, enum tone_order order)
{
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < n; j++) {
			int want = (i > j) - (i < j);
			if (sign(text_collate(list[i], list[j], order)) != want) {
				printf("#   %s vs %s: got %d, want %d\n", list[i], list[j],
				       text_collate(list[i], list[j], order), want);
				unit_fails++;
			}
			size_t li, lj;
			unsigned char *ki = text_sort_key(list[i], order, false, &li);
			unsigned char *kj = text_sort_key(list[j], order, false, &lj);
			CHECK(sign(text_sort_key_cmp(ki, li, kj, lj)) == want);
			free(ki), free(kj);
		}
}

#define INCREASING(order, ...)                                                        \
	do {                                                                          \
		const char *const l_[] = {__VA_ARGS__};                               \
		check_increasing(l_, sizeof l_ / sizeof l_[0], order);                \
	} while (0)

static void letter_order(void)
{
	INCREASING(TONE_LEXICO, "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i",
		   "j", "k", "l", "m", "n", "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v",
		   "w", "x", "y", "z");
	/* code-point order would put ư (U+01B0) before ậ (U+1EAD) */
	CHECK(text_collate("ư", "ậ", TONE_LEXICO) > 0);
	CHECK(text_collate("ậ", "ư", TONE_LEXICO) < 0);
	CHECK(text_collate("ư", "v", TONE_LEXICO) < 0);
	INCREASING(TONE_LEXICO, "da", "dư", "dz", "đa", "đz", "e");
	INCREASING(TONE_LEXICO, "Dung", "dũng", "Duy", "Đa", "đức");
	INCREASING(TONE_LEXICO, "1", "2", "a", "z");
}

static void tone_order(void)
{
	INCREASING(TONE_LEXICO, "a", "à", "ả", "ã", "á", "ạ");
	INCREASING(TONE_ALT, "a", "à", "á", "ả", "ã", "ạ");
	INCREASING(TONE_LEXICO, "ư", "ừ", "ử", "ữ", "ứ", "ự");
	INCREASING(TONE_ALT, "Ư", "Ừ", "Ứ", "Ử", "Ữ", "Ự");
	/* letters before tones: ang < anh whatever the tones */
	INCREASING(TONE_LEXICO, "ang", "áng", "ạng", "anh", "ành", "ánh");
	INCREASING(TONE_ALT, "ạng", "anh");
	CHECK(text_collate("ạng", "anh", TONE_LEXICO) < 0);
	CHECK(text_collate("ạng", "ành", TONE_ALT) < 0);
	/* Hiền, Hiển, Hiến as given names under both orders */
	CHECK(text_collate_name("Vũ Đình Hiến", "Đoàn Văn Hiển", TONE_LEXICO) > 0);
	CHECK(text_collate_name("Vũ Đình Hiến", "Đoàn Văn Hiển", TONE_ALT) < 0);
}

static void syllables_case_and_forms(void)
{
	/* syllable by syllable, the whole syllable (tone included) first */
	INCREASING(TONE_LEXICO, "ba", "ba ba", "ba bà", "ba-bá", "bà", "bà ba", "bả");
	/* case only breaks ties, lower first */
	INCREASING(TONE_LEXICO, "an", "An", "AN", "ăn", "Ăn");
	CHECK(text_collate("Hà Nội", "hà nội", TONE_LEXICO) > 0);
	CHECK(text_collate("Hà Nội", "Hà Nội", TONE_LEXICO) == 0);
	CHECK(text_collate("", "", TONE_LEXICO) == 0);
	CHECK(text_collate("", "a", TONE_LEXICO) < 0);
	/* NFD sorts where its NFC twin sorts */
	const char *nfc = "Nguyễn Thị Hương";
	size_t n;
	char *nfd = text_nfd(nfc, strlen(nfc), &n);
	CHECK(strcmp(nfd, nfc) != 0);
	CHECK(text_collate(nfd, "Nguyễn Thị Hưng", TONE_LEXICO) > 0);
	CHECK(text_collate(nfd, "Nguyễn Thị Hướng", TONE_LEXICO) < 0);
	CHECK(text_collate(nfd, "Nguyễn Thị Hường", TONE_LEXICO) < 0);
	size_t l1, l2;
	unsigned char *k1 = text_sort_key(nfc, TONE_LEXICO, false, &l1);
	unsigned char *k2 = text_sort_key(nfd, TONE_LEXICO, false, &l2);
	size_t levels = strlen((char *)k1); /* up to the first 0x00 */
	CHECK(memcmp(k1, k2, levels + 1) == 0);
	free(k1), free(k2), free(nfd);
	/* other scripts and marks never crash, and still order deterministically */
	INCREASING(TONE_LEXICO, "Müller", "Mz", "Zoë", "Ωmega", "中文");
	CHECK(text_collate("a\xff", "a\xfe", TONE_LEXICO) > 0);
	/* many words, long strings: the stack buffers overflow to the heap */
	char longer[2000];
	memset(longer, 0, sizeof longer);
	for (int i = 0; i < 300; i++)
		strcat(longer, "ễ ");
	CHECK(text_collate(longer, "ễ", TONE_LEXICO) > 0);
	CHECK(text_collate_name(longer, "ễ", TONE_LEXICO) > 0);
}

static int by_key(const void *a, const void *b)
{
	const unsigned char *const *x = a, *const *y = b;
	size_t lx, ly;
	memcpy(&lx, *x, sizeof lx);
	memcpy(&ly, *y, sizeof ly);
	return text_sort_key_cmp(*x + sizeof lx, lx, *y + sizeof ly, ly);
}

static double seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* 10 000 names: both ways of sorting agree; report the time. */
static void ten_thousand_names(void)
{
	enum { N = 10000 };
	static char buf[N][80];
	static const char *names[N];
	for (size_t i = 0; i < N; i++) {
		const char *g = names_sorted[next_rand(NNAMES)];
		const char *f = names_sorted[next_rand(NNAMES)];
		const char *m = names_sorted[next_rand(NNAMES)];
		/* family of f, middle of m, given of g */
		snprintf(buf[i], sizeof buf[i], "%.*s %.*s %s", (int)strcspn(f, " "), f,
			 (int)strcspn(strchr(m, ' ') + 1, " "), strchr(m, ' ') + 1,
			 strrchr(g, ' ') + 1);
		names[i] = buf[i];
	}
	double t0 = seconds();
	qsort(names, N, sizeof names[0], by_name);
	double t1 = seconds();
	static unsigned char *keys[N];
	for (size_t i = 0; i < N; i++) {
		size_t len;
		unsigned char *k = text_sort_key(buf[N - 1 - i], TONE_LEXICO, true, &len);
		keys[i] = malloc(sizeof len + len);
		memcpy(keys[i], &len, sizeof len);
		memcpy(keys[i] + sizeof len, k, len);
		free(k);
	}
	qsort(keys, N, sizeof keys[0], by_key);
	double t2 = seconds();
	for (size_t i = 0; i < N; i++) {
		size_t len;
		memcpy(&len, keys[i], sizeof len);
		/* the key ends with the raw string */
		size_t sl = strlen(names[i]);
		CHECK(len >= sl && memcmp(keys[i] + sizeof len + len - sl, names[i], sl) == 0);
		if (i + 1 < N)
			CHECK(text_collate_name(names[i], names[i + 1], TONE_LEXICO) <= 0);
		free(keys[i]);
	}
	printf("# 10000 names: qsort with text_collate_name %.1f ms, with sort keys %.1f ms\n",
	       (t1 - t0) * 1e3, (t2 - t1) * 1e3);
}

int main(void)
{
	RUN(names_sort_by_given_name);
	RUN(name_keys_agree_with_compare);
	RUN(letter_order);
	RUN(tone_order);
	RUN(syllables_case_and_forms);
	RUN(ten_thousand_names);
	UNIT_EXIT();
}
