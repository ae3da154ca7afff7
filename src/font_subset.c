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
		diag(FONT_SUBSET_UNREADABLE, &pos);
		return NULL;
	}
	if (hb_blob_get_length(blob) > FONT_MAX_BYTES) {
		hb_blob_destroy(blob);
		diag(FONT_TOO_LARGE, &pos, (unsigned)FONT_MAX_BYTES);
		return NULL;
	}
	hb_face_t *face = hb_face_create(blob, 0);
	hb_blob_destroy(blob);
	hb_blob_t *glyf = hb_face_reference_table(face, HB_TAG('g', 'l', 'y', 'f'));
	bool has_glyf = hb_blob_get_length(glyf) > 0;
	hb_blob_destroy(glyf);
	if (hb_face_get_glyph_count(face) == 0 || !has_glyf) {
		hb_face_destroy(face);
		diag(FONT_NOT_TRUETYPE, &pos);
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


/* ---- a compact cmap for libharu ---------------------------------------
 * libharu 2.3.0 builds each font's CIDToGIDMap and /W by looking up all
 * 65 536 code points, and its look-up scans the format-4 segments one by
 * one. hb-subset writes one segment per run of consecutive characters
 * (20-40 for Vietnamese text), so that scan was a third of the time of a
 * one-page document. We rewrite the cmap with few segments that cover
 * nearby characters through a glyph-id array (gaps map to glyph 0). */

#define CMAP_GAP 128 /* a gap this long or shorter stays inside one segment */

static void put16(unsigned char *p, unsigned v) { p[0] = (unsigned char)(v >> 8); p[1] = (unsigned char)v; }
static void put32(unsigned char *p, uint32_t v) { put16(p, v >> 16); put16(p + 2, v & 0xFFFF); }
static uint32_t get32(const unsigned char *p) { return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3]; }
static unsigned get16(const unsigned char *p) { return (unsigned)p[0] << 8 | p[1]; }

static uint32_t table_sum(const unsigned char *p, size_t len)
{
	uint32_t sum = 0;
	for (size_t i = 0; i < len; i += 4) {
		unsigned char w[4] = {0, 0, 0, 0};
		memcpy(w, p + i, len - i < 4 ? len - i : 4);
		sum += get32(w);
	}
	return sum;
}

/* The (3,1) format-4 cmap for code points cps[0..n) (sorted, BMP, no
 * U+FFFF) mapped to gids[0..n). Returns false if it would not fit. */
static bool compact_cmap(const uint32_t *cps, const uint16_t *gids, size_t n, struct buf *out)
{
	size_t nseg = 1, nglyph = 0; /* the closing U+FFFF segment */
	for (size_t i = 0; i < n; i++) {
		if (i == 0 || cps[i] - cps[i - 1] > CMAP_GAP) {
			nseg++;
			nglyph++;
		} else {
			nglyph += cps[i] - cps[i - 1];
		}
	}
	size_t sub_len = 16 + 8 * nseg + 2 * nglyph;
	if (sub_len > 0xFFFF)
		return false;
	unsigned char *t = xcalloc(1, 12 + sub_len);
	put16(t + 2, 1);              /* numTables */
	put16(t + 4, 3);              /* platform: Windows */
	put16(t + 6, 1);              /* encoding: Unicode BMP */
	put32(t + 8, 12);             /* offset of the subtable */
	unsigned char *f = t + 12;
	unsigned entry = 0, range = 1;
	while (range * 2 <= nseg) {
		range *= 2;
		entry++;
	}
	put16(f, 4);
	put16(f + 2, (unsigned)sub_len);
	put16(f + 6, (unsigned)(2 * nseg));
	put16(f + 8, 2 * range);
	put16(f + 10, entry);
	put16(f + 12, (unsigned)(2 * nseg - 2 * range));
	unsigned char *end = f + 14, *start = end + 2 * nseg + 2, *delta = start + 2 * nseg,
		      *offs = delta + 2 * nseg, *glyphs = offs + 2 * nseg;
	size_t seg = 0, g = 0;
	for (size_t i = 0; i < n; i++) {
		if (i == 0 || cps[i] - cps[i - 1] > CMAP_GAP) {
			if (i)
				put16(end + 2 * (seg - 1), cps[i - 1]);
			put16(start + 2 * seg, cps[i]);
			/* bytes from this idRangeOffset to its first glyph id */
			put16(offs + 2 * seg, (unsigned)(2 * (nseg - seg) + 2 * g));
			seg++;
		} else {
			g += cps[i] - cps[i - 1] - 1; /* the gap maps to glyph 0 */
		}
		put16(glyphs + 2 * g++, gids[i]);
	}
	if (n)
		put16(end + 2 * (seg - 1), cps[n - 1]);
	put16(end + 2 * seg, 0xFFFF);
	put16(start + 2 * seg, 0xFFFF);
	put16(delta + 2 * seg, 1);
	buf_add(out, t, 12 + sub_len);
	free(t);
	return true;
}

/* A 'prep' program that does nothing (PUSHB[0] 0, POP). libharu 2.3.0
 * writes every font it embeds through a memory stream and then seeks to
 * each table; when the last table, 'prep', is empty (hb-subset drops the
 * hinting programs) and the font happens to be a multiple of 4 096 bytes
 * long, that seek fails and the document cannot be saved (about one font
 * in 4 096; a 1 000-certificate batch would hit it). */
static const unsigned char noop_prep[] = {0xB0, 0x00, 0x21};

/* Rebuilds the font ttf[0..len) with `cmap` (unless NULL) in place of its
 * cmap table and a no-op 'prep' if it has none, fixing the directory, offsets, checksums
 * and head.checkSumAdjustment. */
static bool rebuild_font(const unsigned char *ttf, size_t len, const struct buf *cmap, struct buf *out)
{
	if (len < 12)
		return false;
	unsigned ntab = get16(ttf + 4);
	if (12 + 16 * (size_t)ntab > len)
		return false;
	/* every table but 'prep', then the font's own 'prep' if it has a
	 * program or else the no-op one, sorted by tag as the directory wants */
	if (ntab > 63)
		return false;
	struct tab {
		const unsigned char *tag, *data;
		size_t len;
	} t[64];
	size_t n = 0;
	const unsigned char *prep = noop_prep;
	size_t prep_len = sizeof noop_prep;
	for (unsigned i = 0; i < ntab; i++) {
		const unsigned char *r = ttf + 12 + 16 * i;
		uint32_t off = get32(r + 8), tlen = get32(r + 12);
		if (off > len || tlen > len - off)
			return false;
		if (!memcmp(r, "prep", 4)) {
			if (tlen) {
				prep = ttf + off;
				prep_len = tlen;
			}
			continue;
		}
		bool is_cmap = cmap && !memcmp(r, "cmap", 4);
		t[n++] = (struct tab){r, is_cmap ? (const unsigned char *)cmap->data : ttf + off,
				      is_cmap ? cmap->len : tlen};
	}
	t[n++] = (struct tab){(const unsigned char *)"prep", prep, prep_len};
	for (size_t i = n - 1; i > 0 && memcmp(t[i - 1].tag, t[i].tag, 4) > 0; i--) {
		struct tab x = t[i];
		t[i] = t[i - 1];
		t[i - 1] = x;
	}
	size_t dir = 12 + 16 * n, total = dir;
	for (size_t i = 0; i < n; i++)
		total += (t[i].len + 3) & ~(size_t)3;
	unsigned char *f = xcalloc(1, total);
	memcpy(f, ttf, 4); /* sfnt version */
	unsigned entry = 0, range = 1;
	while (range * 2 <= n) {
		range *= 2;
		entry++;
	}
	put16(f + 4, (unsigned)n);
	put16(f + 6, 16 * range);
	put16(f + 8, entry);
	put16(f + 10, (unsigned)(16 * n - 16 * range));
	size_t at = dir, head = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char *r = f + 12 + 16 * i;
		memcpy(r, t[i].tag, 4);
		memcpy(f + at, t[i].data, t[i].len);
		if (!memcmp(r, "head", 4) && t[i].len >= 12) {
			head = at;
			put32(f + at + 8, 0); /* checkSumAdjustment is computed last */
		}
		put32(r + 4, table_sum(f + at, t[i].len));
		put32(r + 8, (uint32_t)at);
		put32(r + 12, (uint32_t)t[i].len);
		at += (t[i].len + 3) & ~(size_t)3;
	}
	if (head)
		put32(f + head + 8, 0xB1B0AFBAu - table_sum(f, total));
	buf_add(out, f, total);
	free(f);
	return true;
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
		diag(FONT_SUBSET_NO_MEMORY, &pos);
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
	/* Of the names, keep the copyright, family, style and the PostScript
	 * name libharu builds /BaseFont from; the rest is weight in every file. */
	hb_set_t *names = hb_subset_input_set(in, HB_SUBSET_SETS_NAME_ID);
	hb_set_clear(names);
	static const unsigned keep[] = {0, 1, 2, 6};
	for (size_t i = 0; i < sizeof keep / sizeof keep[0]; i++)
		hb_set_add(names, keep[i]);
	hb_face_t *sub = hb_subset_or_fail(src->face, in);
	hb_subset_input_destroy(in);
	if (!sub) {
		diag(FONT_SUBSET_FAILED, &pos);
		return -1;
	}
	hb_blob_t *blob = hb_face_reference_blob(sub);
	unsigned len;
	const char *data = hb_blob_get_data(blob, &len);
	if (!data || len == 0) {
		hb_blob_destroy(blob);
		hb_face_destroy(sub);
		diag(FONT_SUBSET_EMPTY, &pos);
		return -1;
	}
	hb_set_t *kept = hb_set_create();
	hb_face_collect_unicodes(sub, kept);
	size_t cap = hb_set_get_population(kept), k = 0;
	uint32_t *list = xmalloc((cap ? cap : 1) * sizeof *list);
	uint16_t *gids = xmalloc((cap ? cap : 1) * sizeof *gids);
	hb_font_t *font = hb_font_create(sub);
	for (hb_codepoint_t cp = HB_SET_VALUE_INVALID; k < cap && hb_set_next(kept, &cp);) {
		hb_codepoint_t gid = 0;
		hb_font_get_nominal_glyph(font, cp, &gid);
		if (cp < 0xFFFF && gid <= 0xFFFF) {
			gids[k] = (uint16_t)gid;
			list[k++] = cp;
		}
	}
	hb_font_destroy(font);
	hb_set_destroy(kept);
	struct buf cmap = {0};
	bool compact = compact_cmap(list, gids, k, &cmap); /* else hb-subset's own cmap */
	if (!rebuild_font((const unsigned char *)data, len, compact ? &cmap : NULL, out))
		buf_add(out, data, len);
	buf_free(&cmap);
	free(gids);
	hb_blob_destroy(blob);
	if (cps) {
		*cps = list;
		*ncps = k;
	} else {
		free(list);
	}
	hb_face_destroy(sub);
	return 0;
}


/* ---- what the PDF font objects say about a subset ----------------------- */

static int32_t em(int32_t units, unsigned upem)
{
	return (int32_t)((int64_t)units * 1000 / (int64_t)upem);
}

static int16_t sget16(const unsigned char *p)
{
	return (int16_t)get16(p);
}

/* The table tag of face as bytes; *len 0 if absent. */
static const unsigned char *table(hb_face_t *face, hb_tag_t tag, hb_blob_t **blob, unsigned *len)
{
	*blob = hb_face_reference_table(face, tag);
	return (const unsigned char *)hb_blob_get_data(*blob, len);
}

static void describe_tables(hb_face_t *face, unsigned upem, struct font_subset_desc *d)
{
	hb_blob_t *b;
	unsigned len;
	const unsigned char *p = table(face, HB_TAG('h', 'e', 'a', 'd'), &b, &len);
	bool italic = false;
	if (p && len >= 54) {
		for (int i = 0; i < 4; i++)
			d->bbox[i] = em(sget16(p + 36 + 2 * i), upem);
		italic = get16(p + 44) & 2;
	}
	hb_blob_destroy(b);
	p = table(face, HB_TAG('h', 'h', 'e', 'a'), &b, &len);
	if (p && len >= 8) {
		d->ascent = em(sget16(p + 4), upem);
		d->descent = em(sget16(p + 6), upem);
	}
	hb_blob_destroy(b);
	unsigned family = 0;
	p = table(face, HB_TAG('O', 'S', '/', '2'), &b, &len);
	if (p && len >= 32)
		family = get16(p + 30) >> 8;
	if (p && len >= 90 && get16(p) >= 2) {
		d->x_height = em(sget16(p + 86), upem);
		d->cap_height = em(sget16(p + 88), upem);
	}
	hb_blob_destroy(b);
	bool fixed = false;
	p = table(face, HB_TAG('p', 'o', 's', 't'), &b, &len);
	if (p && len >= 16) {
		d->italic_angle = (int32_t)get32(p + 4) / 65536;
		fixed = get32(p + 12) != 0;
	}
	hb_blob_destroy(b);
	if (!d->cap_height)
		d->cap_height = d->ascent;
	d->flags = 32; /* nonsymbolic */
	if (fixed)
		d->flags |= 1;
	if ((family >= 1 && family <= 5) || family == 7)
		d->flags |= 2; /* serif (OS/2 sFamilyClass) */
	if (family == 10)
		d->flags |= 8; /* script */
	if (italic || d->italic_angle)
		d->flags |= 64;
}

static void describe_name(hb_face_t *face, struct font_subset_desc *d)
{
	char raw[sizeof d->name];
	unsigned len = sizeof raw;
	if (!hb_ot_name_get_utf8(face, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &len, raw))
		raw[0] = '\0';
	size_t k = 0;
	for (const char *s = raw; *s && k + 1 < sizeof d->name; s++)
		if ((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		    *s == '-' || *s == '_')
			d->name[k++] = *s;
	if (!k)
		memcpy(d->name, "Font", 5);
	else
		d->name[k] = '\0';
}

int font_subset_describe(const struct buf *ttf, const uint32_t *cps, size_t n,
			 struct font_subset_desc *d)
{
	struct srcpos pos = {"font subset", 0, 0};
	memset(d, 0, sizeof *d);
	hb_blob_t *blob = hb_blob_create(ttf->data, (unsigned)ttf->len, HB_MEMORY_MODE_READONLY, NULL, NULL);
	hb_face_t *face = hb_face_create(blob, 0);
	hb_blob_destroy(blob);
	unsigned upem = hb_face_get_upem(face);
	d->nglyphs = hb_face_get_glyph_count(face);
	if (!upem || !d->nglyphs || d->nglyphs > 0xFFFF) {
		hb_face_destroy(face);
		diag(FONT_SUBSET_FAILED, &pos);
		return -1;
	}
	hb_font_t *font = hb_font_create(face);
	hb_font_set_scale(font, (int)upem, (int)upem);
	d->gids = xmalloc((n ? n : 1) * sizeof *d->gids);
	d->adv = xmalloc(d->nglyphs * sizeof *d->adv);
	for (unsigned g = 0; g < d->nglyphs; g++) {
		hb_position_t a = hb_font_get_glyph_h_advance(font, g);
		d->adv[g] = (uint16_t)(a > 0 ? em(a, upem) : 0);
	}
	int rc = 0;
	for (size_t i = 0; i < n; i++) {
		hb_codepoint_t gid = 0;
		if (!hb_font_get_nominal_glyph(font, cps[i], &gid) || gid >= d->nglyphs)
			rc = -1;
		d->gids[i] = (uint16_t)gid;
	}
	describe_tables(face, upem, d);
	describe_name(face, d);
	hb_font_destroy(font);
	hb_face_destroy(face);
	if (rc < 0) {
		font_subset_desc_free(d);
		diag(FONT_SUBSET_FAILED, &pos);
	}
	return rc;
}

void font_subset_desc_free(struct font_subset_desc *d)
{
	free(d->gids);
	free(d->adv);
	d->gids = NULL;
	d->adv = NULL;
}
