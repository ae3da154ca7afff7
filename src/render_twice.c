/* render_twice.c — numbers and recipients given twice (render_twice.h). */
#include "render_twice.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

struct seen {
	char *key;   /* "YEAR reference" */
	char *file;  /* pos.file, owned: the file's tree is gone when the next is read */
	struct srcpos pos;
};

struct seen_numbers {
	struct seen *v;
	size_t n, cap;
};

struct seen_numbers *seen_numbers_new(void)
{
	return xcalloc(1, sizeof(struct seen_numbers));
}

void seen_numbers_free(struct seen_numbers *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->n; i++)
		free(s->v[i].key), free(s->v[i].file);
	free(s->v);
	free(s);
}

void seen_number(struct seen_numbers *s, const char *ref, const char *date, const struct srcpos *pos)
{
	if (!s || !ref || !date)
		return;
	char *key = xasprintf("%.4s %s", date, ref);
	for (size_t i = 0; i < s->n; i++) /* a run has tens of decisions, not thousands */
		if (!strcmp(s->v[i].key, key)) {
			const struct srcpos *p = &s->v[i].pos;
			char year[5];
			snprintf(year, sizeof year, "%.4s", date);
			diag(DECISION_NUMBER_TWICE, pos, ref, year, p->file ? p->file : "", p->line, p->col);
			free(key);
			return;
		}
	grow(&s->v, &s->cap, s->n + 1, sizeof *s->v);
	char *file = pos && pos->file ? xstrdup(pos->file) : NULL;
	s->v[s->n++] = (struct seen){key, file, {file, pos ? pos->line : 0, pos ? pos->col : 0}};
}

static const struct recipient *sort_base;

static int same(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "");
}

/* by name, then unit, then place in the list */
static int by_person(const void *pa, const void *pb)
{
	size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
	int c = same(sort_base[a].name.s, sort_base[b].name.s);
	if (!c)
		c = same(sort_base[a].unit.s, sort_base[b].unit.s);
	return c ? c : (a > b) - (a < b);
}

static int by_index(const void *pa, const void *pb)
{
	const size_t *a = pa, *b = pb;
	return (a[0] > b[0]) - (a[0] < b[0]);
}

void recipients_twice(const struct recipient *v, size_t n)
{
	if (n < 2)
		return;
	size_t *idx = xmalloc(n * sizeof *idx);
	for (size_t i = 0; i < n; i++)
		idx[i] = i;
	sort_base = v;
	qsort(idx, n, sizeof *idx, by_person);
	size_t *twice = xmalloc(2 * n * sizeof *twice); /* pairs: the second, the first */
	size_t nt = 0;
	for (size_t i = 1, first = idx[0]; i < n; i++) {
		const struct recipient *a = &v[first], *b = &v[idx[i]];
		if (!same(a->name.s, b->name.s) && !same(a->unit.s, b->unit.s)) {
			twice[2 * nt] = idx[i];
			twice[2 * nt++ + 1] = first;
		} else {
			first = idx[i];
		}
	}
	qsort(twice, nt, 2 * sizeof *twice, by_index); /* in list order */
	for (size_t k = 0; k < nt; k++) {
		const struct recipient *r = &v[twice[2 * k]], *f = &v[twice[2 * k + 1]];
		const struct srcpos *pos = r->name.pos.line ? &r->name.pos : &r->pos;
		const struct srcpos *fp = f->name.pos.line ? &f->name.pos : &f->pos;
		char *unit = r->unit.s && *r->unit.s ? xasprintf(" (%s)", r->unit.s) : xstrdup("");
		diag(RECIPIENT_TWICE, pos, r->name.s ? r->name.s : "", unit, fp->line, fp->col);
		free(unit);
	}
	free(twice);
	free(idx);
}
