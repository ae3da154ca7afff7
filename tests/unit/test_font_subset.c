/* The subsets we hand to libharu: a non-empty 'prep' (its 4 096-byte save
 * bug), a sorted table directory, and a compact cmap. */
#include <stdlib.h>

#include "font_subset.h"
#include "unit.h"

static unsigned get16(const unsigned char *p) { return (unsigned)p[0] << 8 | p[1]; }
static unsigned long get32(const unsigned char *p)
{
	return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 | (unsigned long)p[2] << 8 | p[3];
}

static const unsigned char *table(const struct buf *b, const char *tag, unsigned long *len)
{
	const unsigned char *f = (const unsigned char *)b->data;
	for (unsigned i = 0; i < get16(f + 4); i++) {
		const unsigned char *r = f + 12 + 16 * i;
		if (!memcmp(r, tag, 4)) {
			*len = get32(r + 12);
			return f + get32(r + 8);
		}
	}
	return NULL;
}

static void check_font(const char *path, bool fixed)
{
	struct font_subset_src *src = font_subset_open(path);
	CHECK(src != NULL);
	if (!src)
		return;
	struct buf b = {0};
	uint32_t *cps = NULL;
	size_t n = 0;
	static const uint32_t few[] = {'A', 'n', 0xE0, 0x1EC7};
	int rc = fixed ? font_subset_make(src, NULL, 0, &b, &cps, &n)
		       : font_subset_make_exact(src, few, 4, &b, &cps, &n);
	CHECK_INT(rc, 0);
	const unsigned char *f = (const unsigned char *)b.data;
	unsigned ntab = get16(f + 4);
	for (unsigned i = 1; i < ntab; i++)
		CHECK(memcmp(f + 12 + 16 * (i - 1), f + 12 + 16 * i, 4) < 0);
	unsigned long len = 0;
	CHECK(table(&b, "prep", &len) != NULL && len > 0);
	const unsigned char *cmap = table(&b, "cmap", &len);
	CHECK(cmap && get16(cmap + 2) == 1 && get16(cmap + 4) == 3 && get16(cmap + 6) == 1);
	const unsigned char *f4 = cmap + get32(cmap + 8);
	CHECK_INT(get16(f4), 4);
	CHECK(get16(f4 + 6) / 2 <= 8); /* a handful of segments, not one per run */
	CHECK_INT(n, fixed ? 333 : 4);
	free(cps);
	buf_free(&b);
	font_subset_close(src);
}

static void fixed_set_subsets(void)
{
	check_font("fonts/LiberationSerif-Regular.ttf", true);
	check_font("fonts/LiberationSerif-Bold.ttf", true);
}

static void exact_subsets(void)
{
	check_font("fonts/LiberationSerif-Italic.ttf", false);
	check_font("fonts/LiberationSerif-BoldItalic.ttf", false);
}

int main(void)
{
	RUN(fixed_set_subsets);
	RUN(exact_subsets);
	UNIT_EXIT();
}
