/* font_subset.h — cut a TrueType font down to the characters a document can
 * use (HarfBuzz hb-subset, hinting dropped). libharu 2.3.0 copies every font
 * table whole except glyf, so embedding a pre-cut font makes each PDF ~5x
 * smaller and ~3x faster to write (docs/libharu.md §1.3).
 *
 * Code points are Unicode scalar values; only the BMP is ever used because
 * libharu's UTF-8 encoder turns anything above U+FFFF into a space. */
#ifndef VANBAN_FONT_SUBSET_H
#define VANBAN_FONT_SUBSET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util.h"

/* The fixed set every subset contains: ASCII 0x20-0x7E, Latin-1 (NBSP, § ° ×
 * « » and the letters of foreign names), the 134 Vietnamese letters, ₫ and
 * the punctuation of formal documents (– — ‘ ’ “ ” … • № ‰ …). Returns a
 * static, sorted table without duplicates; *n gets its length. Thread-safe. */
const uint32_t *font_subset_fixed(size_t *n);
/* True if cp is in the fixed set (constant time). */
bool font_subset_in_fixed(uint32_t cp);

/* A TrueType font file held in memory, ready to be subset many times. */
struct font_subset_src;

/* Reads and checks the TrueType file at path (at most 32 MiB, must have
 * glyf outlines). Returns NULL after one diag() on failure. Free with
 * font_subset_close(). */
struct font_subset_src *font_subset_open(const char *path);
void font_subset_close(struct font_subset_src *src);

/* True if the font's cmap maps cp (a BMP code point) to a glyph. */
bool font_subset_covers(const struct font_subset_src *src, uint32_t cp);

/* Subsets src to the fixed set plus extra[0..nextra) (any order, duplicates
 * allowed), hinting dropped. Appends the TrueType bytes to out. If cps is not
 * NULL, *cps gets the sorted code points the subset's cmap maps (malloc'd,
 * owned by the caller) and *ncps their number. The bytes depend only on the
 * font and the requested set. Returns 0, or -1 after one diag(). */
int font_subset_make(const struct font_subset_src *src, const uint32_t *extra, size_t nextra,
		     struct buf *out, uint32_t **cps, size_t *ncps);

/* The same without the fixed set: exactly want[0..n) (a batch of small
 * documents that all use the same few characters). */
int font_subset_make_exact(const struct font_subset_src *src, const uint32_t *want, size_t n,
			   struct buf *out, uint32_t **cps, size_t *ncps);

/* What a PDF font dictionary says about a subset's TrueType bytes, in
 * thousandths of an em (font units × 1000 / unitsPerEm, truncated, as
 * font.c measures). */
struct font_subset_desc {
	uint16_t *gids;    /* gids[i]: the glyph of the i-th code point asked for */
	uint16_t *adv;     /* adv[g]: advance of glyph g, g < nglyphs */
	unsigned nglyphs;
	char name[64];     /* PostScript name (letters, digits, '-' and '_' only) */
	int32_t ascent, descent, cap_height, x_height, italic_angle;
	int32_t bbox[4];
	uint32_t flags;    /* PDF font flags: serif, italic, fixed pitch, nonsymbolic */
};

/* Describes the font ttf[0..len) for the sorted code points cps[0..n)
 * (each must be in its cmap). Returns 0, or -1 after one diag(). Free with
 * font_subset_desc_free(). */
int font_subset_describe(const struct buf *ttf, const uint32_t *cps, size_t n,
			 struct font_subset_desc *d);
void font_subset_desc_free(struct font_subset_desc *d);

#endif
