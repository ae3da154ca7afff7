/* typeset_runs.c — runs of text in one face, the typesetter's input. */
#include "typeset.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

void runs_add(struct runs *r, const char *text, size_t len, enum face face,
	      const struct srcpos *pos)
{
	if (len == 0)
		return;
	/* Merge with the previous run of the same face: fewer ops, same output. */
	if (r->n && r->v[r->n - 1].face == face) {
		struct run *last = &r->v[r->n - 1];
		last->text = xrealloc(last->text, last->len + len + 1);
		memcpy(last->text + last->len, text, len);
		last->len += len;
		last->text[last->len] = '\0';
		return;
	}
	grow(&r->v, &r->cap, r->n + 1, sizeof *r->v);
	struct run *run = &r->v[r->n++];
	run->text = xstrndup(text, len);
	run->len = len;
	run->face = face;
	run->pos = pos ? *pos : (struct srcpos){0};
}

void runs_free(struct runs *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->v[i].text);
	free(r->v);
	memset(r, 0, sizeof *r);
}
