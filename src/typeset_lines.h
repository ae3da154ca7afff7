/* typeset_lines.h — short texts broken for fixed boxes (a certificate's
 * fields), by the breaker that sets every centred paragraph: words at
 * spaces, '\n' forced, the fewest lines that fit and of those the most
 * even, with the break words of typeset_words.h (before a unit, never
 * inside a compound). The composer chooses the size; this module only
 * says where the lines end and how wide they are. */
#ifndef VANBAN_TYPESET_LINES_H
#define VANBAN_TYPESET_LINES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "face.h"
#include "font.h"

struct typeset_lines {
	char **v;       /* the lines' text, words joined by single spaces */
	size_t n;
	int32_t widest; /* millipoints at the size asked for */
	int32_t penalty; /* of the breaks taken: below 0 good ones (before a unit), above 0 poor */
};

/* text in face at size (millipoints) broken into lines no wider than
 * width. False (out empty) when some word, or words that never break
 * apart, is wider than that. */
bool typeset_lines_at(const struct fontset *fs, enum face face, int32_t size, const char *text,
		      int32_t width, struct typeset_lines *out);

/* The narrowest breaking of text into at most max_lines lines (more only
 * when its forced breaks make more), found by a search over the width.
 * False only for empty text. */
bool typeset_lines_narrowest(const struct fontset *fs, enum face face, int32_t size,
			     const char *text, size_t max_lines, struct typeset_lines *out);

void typeset_lines_free(struct typeset_lines *l);

#endif
