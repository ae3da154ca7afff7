/* markup.h — the small inline markup allowed inside YAML text:
 *   **bold**   *italic*   ***bold italic***   \* \\ for literal characters
 * Parsing gives runs of text, each with a face derived from the base face. */
#ifndef VANBAN_MARKUP_H
#define VANBAN_MARKUP_H

#include <stdbool.h>
#include <stddef.h>

#include "typeset.h"

/* Appends the runs of s to out. With markup false the text is taken
 * literally. Unbalanced markers are an error at their position (returns
 * false after one diagnostic). */
bool markup_parse(const char *s, enum face base, bool markup, const struct srcpos *pos,
		  struct runs *out);
#endif
