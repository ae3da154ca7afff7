/* layouts/nd30.yaml is the built-in table written out for readers: every
 * key of the table is in the file with the table's default, and every key
 * of the file is a key of the table (layout.h). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "layout.h"
#include "unit.h"

static struct layout file, builtin;

/* The key's line in the file, or 0 (reported) when it is missing. */
static int line_of(const char *key)
{
	const struct node *n = node_get(file.tree, key);
	if (!n)
		printf("#   layouts/nd30.yaml has no \"%s\"\n", key);
	return n ? n->pos.line : 0;
}

static void number_agrees(const char *key, const struct number *f, const struct number *b, double def)
{
	CHECK(line_of(key) > 0);
	if (fabs(f->v - def) > 1e-9 || fabs(b->v - def) > 1e-9) {
		printf("#   %s: the file says %g, the table %g\n", key, f->v, def);
		CHECK(!"a number differs");
	}
}

static void text_agrees(const char *key, const struct text *f, const struct text *b, const char *def)
{
	CHECK(line_of(key) > 0);
	if (!f->s || strcmp(f->s, def) || !b->s || strcmp(b->s, def)) {
		printf("#   %s: the file says \"%s\", the table \"%s\"\n", key, f->s ? f->s : "", def);
		CHECK(!"a text differs");
	}
}

static void every_key_of_the_table_is_in_the_file(void)
{
#define NUM(m, k, lo, hi, d) number_agrees(k, &file.m, &builtin.m, d);
#define TEXT(m, k, d) text_agrees(k, &file.m, &builtin.m, d);
	LAYOUT_NUMBERS(NUM)
	LAYOUT_TEXTS(TEXT)
#undef NUM
#undef TEXT
	CHECK(line_of("prefixes") > 0);
	CHECK_INT(file.prefixes.n, builtin.prefixes.n);
	for (size_t i = 0; i < file.prefixes.n && i < builtin.prefixes.n; i++)
		CHECK_STR(file.prefixes.v[i].s, builtin.prefixes.v[i].s);
	CHECK(line_of("headings") > 0);
	const struct heading_style *h = file.headings.v;
	for (size_t i = 0; i < file.headings.n; i++) {
		const struct heading_style *d = layout_heading(&builtin, h[i].level.s);
		CHECK(d != NULL);
		if (!d)
			continue;
		CHECK_STR(h[i].format.s, d->format.s);
		CHECK_STR(h[i].align.s, d->align.s);
		CHECK_STR(h[i].face.s, d->face.s);
		CHECK_INT(h[i].title_below.v, d->title_below.v);
		CHECK_INT(h[i].upper.v, d->upper.v);
	}
	/* every built-in level is written out */
	static const char *const levels[] = {"part", "chapter", "section", "roman", "number",
					     "subnumber", "letter"};
	CHECK_INT(file.headings.n, sizeof levels / sizeof *levels);
	for (size_t i = 0; i < sizeof levels / sizeof *levels; i++) {
		const struct heading_style *d = layout_heading(&(struct layout){0}, levels[i]);
		CHECK(d != NULL && layout_heading(&file, levels[i]) != d); /* the file's own */
	}
}

static void every_key_of_the_file_is_in_the_table(void)
{
	static const char *const keys[] = {
#define KEY(m, k, ...) k,
		LAYOUT_NUMBERS(KEY) LAYOUT_TEXTS(KEY)
#undef KEY
		"prefixes", "headings", "meeting_words",
	};
	for (size_t i = 0; i < file.tree->npairs; i++) {
		const char *k = file.tree->pairs[i].key->str;
		bool known = false;
		for (size_t j = 0; j < sizeof keys / sizeof *keys; j++)
			known |= !strcmp(k, keys[j]);
		if (!known)
			printf("#   layouts/nd30.yaml: \"%s\" is not in the table\n", k);
		CHECK(known);
	}
	CHECK_INT(file.tree->npairs, sizeof keys / sizeof *keys);
}

int main(void)
{
	struct layout_search s = {0};
	layout_search_add(&s, "layouts");
	struct srcpos from = {"test", 0, 0};
	bool loaded = layout_load(&s, "nd30", &from, &file);
	layout_search_free(&s);
	if (!loaded || !file.tree) {
		printf("not ok - layouts/nd30.yaml loads\n");
		return 1;
	}
	layout_defaults(&builtin);
	RUN(every_key_of_the_table_is_in_the_file);
	RUN(every_key_of_the_file_is_in_the_table);
	layout_free(&file);
	UNIT_EXIT();
}
