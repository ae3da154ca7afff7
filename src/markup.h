/* markup.h — the small inline markup allowed inside YAML text:
 *   **bold**   *italic*   ***bold italic***   \* \\ for literal characters
 * Parsing gives runs of text, each with a face derived from the base face. */
#ifndef VANBAN_MARKUP_H
#define VANBAN_MARKUP_H

#include <stdbool.h>
#include <stddef.h>

#include "dlist.h"

struct run {
	char *text; /* owned */
	size_t len;
	enum face face;
	struct srcpos pos; /* where the run's text starts */
};

struct runs {
	struct run *v;
	size_t n, cap;
};

/* Appends the runs of s to out. With markup false the text is taken
 * literally. Unbalanced markers are an error at their position (returns
 * false after one diagnostic). */
bool markup_parse(const char *s, enum face base, bool markup, const struct srcpos *pos,
		  struct runs *out);
void runs_add(struct runs *r, const char *text, size_t len, enum face face,
	      const struct srcpos *pos);
void runs_free(struct runs *r);

/* Face with bold and/or italic added. */
enum face face_with(enum face base, bool bold, bool italic);

#endif
