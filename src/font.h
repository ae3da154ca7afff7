/* font.h — the document faces and their metrics. The only module that
 * talks to FreeType. Widths follow what the PDF will say: each glyph's
 * advance is floor(advance * 1000 / unitsPerEm) thousandths of an em, the
 * value libharu writes into /W, so measured and rendered text agree exactly. */
#ifndef VANBAN_FONT_H
#define VANBAN_FONT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "face.h"

struct fontset;

/* Reads DIR/fontmap.tsv, checks each face's SHA-256 and opens it.
 * Returns NULL after one diagnostic naming the file at fault. */
struct fontset *fontset_open(const char *dir);
void fontset_free(struct fontset *fs);

/* Path of a face's TTF (owned by the fontset). */
const char *fontset_path(const struct fontset *fs, enum face face);

/* Advance of cp in thousandths of an em, or -1 if the face lacks it. */
int32_t font_advance(const struct fontset *fs, enum face face, uint32_t cp);

/* Width in millipoints of UTF-8 text at size (millipoints). Missing
 * characters count as zero: callers check coverage first. */
int32_t font_width(const struct fontset *fs, enum face face, int32_t size,
		   const char *s, size_t len);

/* Vertical metrics in thousandths of an em (ascender > 0, descender > 0 below the baseline). */
int32_t font_ascender(const struct fontset *fs, enum face face);
int32_t font_descender(const struct fontset *fs, enum face face);

/* True if the face has every character of s[0..len); otherwise *cp is the
 * first missing one and *index its character index. */
bool font_covers(const struct fontset *fs, enum face face, const char *s, size_t len,
		 uint32_t *cp, size_t *index);

#endif
