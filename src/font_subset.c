/* font_subset.c — TrueType subsetting with hb-subset (no FreeType here). */
#include "font_subset.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <hb-subset.h>
#include <hb.h>

#include "diag.h"
#include "text.h"

#define FONT_MAX_BYTES (32u << 20)
#define BMP_WORDS (0x10000 / 64)

/* The 134 Vietnamese letters, NFC (the ASCII base letters come from the
 * printable-ASCII range). */
static const char vietnamese_letters[] =
	"àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
	"ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ";

/* Beyond Latin-1: the rest of Windows-1252 (what Word users type), then the
 * signs of Vietnamese administrative text: ₫ № minus, ≤ ≥ ≠ ≈, primes, arrow,
 * hyphens and thin spaces. */
static const char extra_punctuation[] =
	"ŒœŠšŸŽžƒˆ˜–—‘’‚“”„†‡•…‰‹›€™"
	"₫№‐‑−≤≥≠≈′″→\u2009\u202F";

static uint32_t fixed_set[512];
static size_t fixed_count;
static uint64_t fixed_bits[BMP_WORDS];
static pthread_once_t fixed_once = PTHREAD_ONCE_INIT;

static void add_fixed(uint32_t cp)
{
	if (cp > 0xFFFF || (fixed_bits[cp >> 6] >> (cp & 63) & 1))
		return;
	fixed_bits[cp >> 6] |= (uint64_t)1 << (cp & 63);
	if (fixed_count < sizeof fixed_set / sizeof fixed_set[0])
		fixed_set[fixed_count++] = cp;
}

static void add_fixed_utf8(const char *s)
{
	size_t len = strlen(s);
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, len - i, &cp);
		if (!k)
			abort(); /* the tables above are valid UTF-8 */
		add_fixed(cp);
		i += k;
	}
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return (x > y) - (x < y);
}

static void build_fixed(void)
{
	for (uint32_t c = 0x20; c <= 0x7E; c++)
		add_fixed(c);
	for (uint32_t c = 0xA0; c <= 0xFF; c++)
		add_fixed(c);
	add_fixed_utf8(vietnamese_letters);
	add_fixed_utf8(extra_punctuation);
	qsort(fixed_set, fixed_count, sizeof fixed_set[0], cmp_u32);
}

const uint32_t *font_subset_fixed(size_t *n)
{
	pthread_once(&fixed_once, build_fixed);
	*n = fixed_count;
	return fixed_set;
}

bool font_subset_in_fixed(uint32_t cp)
{
	pthread_once(&fixed_once, build_fixed);
	return cp <= 0xFFFF && (fixed_bits[cp >> 6] >> (cp & 63) & 1);
}

struct font_subset_src {
	char *path;
	hb_face_t *face;
	uint64_t covers[BMP_WORDS]; /* BMP code points the cmap maps */
};

struct font_subset_src *font_subset_open(const char *path)
{
	struct srcpos pos = {path, 0, 0};
	/* mapped, not read: only the tables subsetting touches become resident */
	hb_blob_t *blob = hb_blob_create_from_file_or_fail(path);
	if (!blob) {
		diag(DIAG_SYSERR, &pos, "cannot read font");
		return NULL;
	}
	if (hb_blob_get_length(blob) > FONT_MAX_BYTES) {
		hb_blob_destroy(blob);
		diag(DIAG_SYSERR, &pos, "font file is larger than %u bytes", (unsigned)FONT_MAX_BYTES);
		return NULL;
	}
	hb_face_t *face = hb_face_create(blob, 0);
	hb_blob_destroy(blob);
	hb_blob_t *glyf = hb_face_reference_table(face, HB_TAG('g', 'l', 'y', 'f'));
	bool has_glyf = hb_blob_get_length(glyf) > 0;
	hb_blob_destroy(glyf);
	if (hb_face_get_glyph_count(face) == 0 || !has_glyf) {
		hb_face_destroy(face);
		diag(DIAG_SYSERR, &pos, "not a TrueType font with glyf outlines");
		return NULL;
	}
	struct font_subset_src *src = xcalloc(1, sizeof *src);
	src->path = xstrdup(path);
	src->face = face;
	hb_set_t *set = hb_set_create();
	hb_face_collect_unicodes(face, set);
	for (hb_codepoint_t cp = HB_SET_VALUE_INVALID; hb_set_next(set, &cp) && cp <= 0xFFFF;)
		src->covers[cp >> 6] |= (uint64_t)1 << (cp & 63);
	hb_set_destroy(set);
	return src;
}

void font_subset_close(struct font_subset_src *src)
{
	if (!src)
		return;
	hb_face_destroy(src->face);
	free(src->path);
	free(src);
}

bool font_subset_covers(const struct font_subset_src *src, uint32_t cp)
{
	return cp <= 0xFFFF && (src->covers[cp >> 6] >> (cp & 63) & 1);
}

static int subset(const struct font_subset_src *src, bool with_fixed, const uint32_t *extra,
		  size_t nextra, struct buf *out, uint32_t **cps, size_t *ncps);

int font_subset_make(const struct font_subset_src *src, const uint32_t *extra, size_t nextra,
		     struct buf *out, uint32_t **cps, size_t *ncps)
{
	return subset(src, true, extra, nextra, out, cps, ncps);
}

int font_subset_make_exact(const struct font_subset_src *src, const uint32_t *want, size_t n,
			   struct buf *out, uint32_t **cps, size_t *ncps)
{
	return subset(src, false, want, n, out, cps, ncps);
}

static int subset(const struct font_subset_src *src, bool with_fixed, const uint32_t *extra,
		  size_t nextra, struct buf *out, uint32_t **cps, size_t *ncps)
{
	struct srcpos pos = {src->path, 0, 0};
	hb_subset_input_t *in = hb_subset_input_create_or_fail();
	if (!in) {
		diag(DIAG_SYSERR, &pos, "cannot subset font: out of memory in HarfBuzz");
		return -1;
	}
	hb_set_t *want = hb_subset_input_unicode_set(in);
	size_t n;
	const uint32_t *fixed = font_subset_fixed(&n);
	for (size_t i = 0; with_fixed && i < n; i++)
		hb_set_add(want, fixed[i]);
	for (size_t i = 0; i < nextra; i++)
		hb_set_add(want, extra[i]);
	hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NO_HINTING);
	hb_face_t *sub = hb_subset_or_fail(src->face, in);
	hb_subset_input_destroy(in);
	if (!sub) {
		diag(DIAG_SYSERR, &pos, "cannot subset font (hb-subset failed)");
		return -1;
	}
	hb_blob_t *blob = hb_face_reference_blob(sub);
	unsigned len;
	const char *data = hb_blob_get_data(blob, &len);
	if (!data || len == 0) {
		hb_blob_destroy(blob);
		hb_face_destroy(sub);
		diag(DIAG_SYSERR, &pos, "cannot subset font (empty result)");
		return -1;
	}
	buf_add(out, data, len);
	hb_blob_destroy(blob);
	if (cps) {
		hb_set_t *kept = hb_set_create();
		hb_face_collect_unicodes(sub, kept);
		size_t cap = hb_set_get_population(kept), k = 0;
		uint32_t *list = xmalloc((cap ? cap : 1) * sizeof *list);
		for (hb_codepoint_t cp = HB_SET_VALUE_INVALID; k < cap && hb_set_next(kept, &cp);)
			list[k++] = cp;
		hb_set_destroy(kept);
		*cps = list;
		*ncps = k;
	}
	hb_face_destroy(sub);
	return 0;
}
