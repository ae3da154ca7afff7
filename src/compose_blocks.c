/* compose_blocks.c — the body of any kind: one dispatcher from the input's
 * body blocks (model_body.h) to typeset blocks. Headings are numbered per
 * level as the layout's heading forms say, articles (Điều) counted through
 * the document, tables handed to compose_table.c. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "compose.h"
#include "util.h"

static const char *const level_names[NLEVELS] = {"part", "chapter", "section", "roman",
						   "number", "subnumber", "letter"};

static int level_index(const char *level)
{
	for (int i = 0; i < NLEVELS; i++)
		if (!strcmp(level, level_names[i]))
			return i;
	return -1;
}

static void roman(struct buf *b, int n)
{
	static const int val[] = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
	static const char *const sym[] = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};
	for (int i = 0; i < 13 && n > 0; i++)
		while (n >= val[i]) {
			buf_adds(b, sym[i]);
			n -= val[i];
		}
}

static int roman_value(const char *s)
{
	static const char letters[] = "IVXLCDM";
	static const int vals[] = {1, 5, 10, 50, 100, 500, 1000};
	int total = 0, prev = 0;
	for (const char *p = s + strlen(s); p-- > s;) {
		const char *at = strchr(letters, toupper((unsigned char)*p));
		if (!at || !*p)
			return 0;
		int v = vals[at - letters];
		total += v < prev ? -v : v;
		if (v > prev)
			prev = v;
	}
	return total;
}

/* "nhất", "hai", "ba", "tư" … as in "Phần thứ nhất". */
static char *ordinal(int n)
{
	if (n == 1)
		return xstrdup("nhất");
	if (n == 4)
		return xstrdup("tư");
	struct words_style ws = {0};
	return text_number_words((unsigned long long)n, &ws);
}

/* The number of a heading as written ("IV", "2", "b") or counted. */
static char *heading_marker(const struct heading_style *hs, struct body_state *bs, int lvl,
			    const struct text *written)
{
	if (written->s) {
		int v = isdigit((unsigned char)written->s[0]) ? atoi(written->s) : roman_value(written->s);
		bs->count[lvl] = v > 0 ? v : bs->count[lvl] + 1;
	} else {
		bs->count[lvl]++;
	}
	for (int i = lvl + 1; i < NLEVELS; i++)
		bs->count[i] = 0;
	int n = bs->count[lvl];
	struct buf r = {0};
	roman(&r, n);
	char arabic[16], parent[16];
	snprintf(arabic, sizeof arabic, "%d", n);
	snprintf(parent, sizeof parent, "%d", bs->count[level_index("number")]);
	char *letter = list_marker(LIST_LETTER, n > 0 ? (size_t)n - 1 : 0);
	letter[strlen(letter) - 1] = '\0'; /* "a)" → "a" */
	char *ord = ordinal(n);
	const char *as_written = written->s && !isdigit((unsigned char)written->s[0]) &&
					 !roman_value(written->s) ? written->s : NULL;
	const struct text_subst s[] = {
		{"roman", as_written ? as_written : r.data}, {"arabic", as_written ? as_written : arabic},
		{"letter", as_written ? as_written : letter}, {"ordinal", as_written ? as_written : ord},
		{"parent", parent},
	};
	char *out = text_fill(hs->format.s, s, sizeof s / sizeof s[0]);
	buf_free(&r);
	free(letter);
	free(ord);
	return out;
}

/* A heading's face: bold unless the layout (checked when it loaded) names another. */
static enum face face_named(const char *name)
{
	static const char *const names[FACE_COUNT] = FACE_NAMES;
	for (int i = 0; name && i < FACE_COUNT; i++)
		if (!strcmp(name, names[i]))
			return (enum face)i;
	return FACE_BOLD;
}

struct para_style compose_body_style(const struct layout *lay)
{
	struct para_style st = compose_style(layout_pt(&lay->body_size), ALIGN_JUSTIFY);
	st.leading = layout_pt(&lay->body_leading);
	st.indent = layout_mm(&lay->body_indent);
	st.space_after = layout_pt(&lay->body_space);
	return st;
}

static void heading(struct blocks *b, const struct layout *lay, struct body_state *bs,
		    const struct body_block *blk)
{
	struct para_style st = compose_body_style(lay);
	if (!blk->level.s) { /* a plain bold heading, flush left */
		st.indent = 0;
		st.align = ALIGN_LEFT;
		compose_para(b, &st, FACE_BOLD, blk->heading.s, &blk->heading.pos, true)->keep_with_next = true;
		return;
	}
	int lvl = level_index(blk->level.s);
	const struct heading_style *hs = layout_heading(lay, blk->level.s);
	char *marker = heading_marker(hs, bs, lvl, &blk->number);
	enum face face = face_named(hs->face.s);
	bool centre = hs->align.s && !strcmp(hs->align.s, "center");
	if (centre) {
		st.indent = 0;
		st.align = ALIGN_CENTER;
	}
	int32_t above = hs->space_before.set ? layout_pt(&hs->space_before) : 0;
	if (hs->title_below.v) {
		struct para_style first = st;
		first.space_after = 0;
		first.space_before = above;
		compose_para(b, &first, face, marker, &blk->heading.pos, false)->keep_with_next = true;
		st.upper = hs->upper.v;
		if (blk->heading.s[0])
			compose_para(b, &st, face, blk->heading.s, &blk->heading.pos, true)->keep_with_next = true;
	} else {
		char *line = xasprintf("%s %s", marker, blk->heading.s);
		st.upper = hs->upper.v;
		st.space_before = above;
		compose_para(b, &st, face, line, &blk->heading.pos, true)->keep_with_next = true;
		free(line);
	}
	free(marker);
}

/* Paragraphs of a text value: a blank line starts another; a single line
 * break stays a line break. */
static void paragraphs(struct blocks *b, const struct layout *lay, const struct text *t)
{
	const char *s = t->s;
	struct srcpos pos = t->pos;
	while (*s) {
		const char *end = strstr(s, "\n\n");
		size_t len = end ? (size_t)(end - s) : strlen(s);
		while (len && isspace((unsigned char)s[len - 1]))
			len--;
		if (len) {
			char *p = xstrndup(s, len);
			/* a lead-in ("… thông qua:") stays with what it introduces */
			compose_body(b, lay, p, &pos)->keep_with_next = p[len - 1] == ':';
			free(p);
		}
		if (!end)
			break;
		for (const char *c = s; c < end + 2; c++)
			pos.line += *c == '\n';
		s = end + 2;
		while (*s == '\n') {
			pos.line++;
			s++;
		}
	}
}

static void items(struct blocks *b, const struct layout *lay, const struct texts *t, const char *mark)
{
	for (size_t i = 0; i < t->n; i++) {
		char *line = xasprintf("%s %s", mark, t->v[i].s);
		compose_body(b, lay, line, &t->v[i].pos);
		free(line);
	}
}

void compose_article(struct blocks *b, const struct layout *lay, int n, const struct article *a)
{
	struct para_style st = compose_body_style(lay);
	if (a->title.s) {
		char *t = xasprintf("Điều %d. %s", n, a->title.s);
		compose_para(b, &st, FACE_BOLD, t, &a->title.pos, false)->keep_with_next = a->text.s || a->clauses.n;
		free(t);
		if (a->text.s)
			compose_body(b, lay, a->text.s, &a->text.pos);
	} else {
		char *t = a->text.s ? xasprintf("**Điều %d.** %s", n, a->text.s) : xasprintf("**Điều %d.**", n);
		compose_body(b, lay, t, a->text.s ? &a->text.pos : &a->pos);
		free(t);
	}
	const struct clause *c = a->clauses.v;
	for (size_t i = 0; i < a->clauses.n; i++) {
		char *t = xasprintf("%zu. %s", i + 1, c[i].text.s);
		compose_body(b, lay, t, &c[i].text.pos);
		free(t);
		for (size_t k = 0; k < c[i].points.n; k++) {
			char *m = list_marker(LIST_LETTER, k);
			char *p = xasprintf("%s %s", m, c[i].points.v[k].s);
			compose_body(b, lay, p, &c[i].points.v[k].pos);
			free(p);
			free(m);
		}
	}
}

/* "Biểu quyết: 42/45 đại biểu tán thành, đạt 93,3 %". */
static void vote(struct blocks *b, const struct layout *lay, const struct vote *v)
{
	char agree[24], present[24], against[24], abstain[24];
	snprintf(agree, sizeof agree, "%lld", v->agree.v);
	snprintf(present, sizeof present, "%lld", v->present.v);
	snprintf(against, sizeof against, "%lld", v->against.v);
	snprintf(abstain, sizeof abstain, "%lld", v->abstain.v);
	/* one decimal, comma; a whole percentage without it ("100 %") */
	bool whole = v->agree.v * 100 % v->present.v == 0;
	char *pct = whole ? xasprintf("%lld", v->agree.v * 100 / v->present.v)
			  : text_decimal(100.0 * (double)v->agree.v / (double)v->present.v, 1);
	const struct text_subst s[] = {{"for", agree}, {"present", present}, {"percent", pct},
				       {"against", against}, {"abstain", abstain}};
	struct buf line = {0};
	const char *const parts[] = {lay->vote_format.s, v->against.set ? lay->vote_against.s : NULL,
				     v->abstain.set ? lay->vote_abstain.s : NULL};
	for (size_t i = 0; i < 3; i++)
		if (parts[i]) {
			char *t = text_fill(parts[i], s, sizeof s / sizeof s[0]);
			buf_adds(&line, t);
			free(t);
		}
	compose_body(b, lay, line.data, &v->agree.pos);
	buf_free(&line);
	free(pct);
}

static void center(struct blocks *b, const struct layout *lay, const struct text *t)
{
	struct para_style st = compose_body_style(lay);
	st.indent = 0;
	st.align = ALIGN_CENTER;
	compose_para(b, &st, FACE_BOLD, t->s, &t->pos, true)->keep_with_next = true;
}

bool compose_blocks(struct blocks *b, const struct layout *lay, const struct records *body,
		    struct body_state *bs)
{
	const struct body_block *blk = body->v;
	for (size_t i = 0; i < body->n; i++) {
		switch (blk[i].type) {
		case BODY_TEXT:
			paragraphs(b, lay, &blk[i].text);
			break;
		case BODY_HEADING:
			heading(b, lay, bs, &blk[i]);
			break;
		case BODY_CENTER:
			center(b, lay, &blk[i].center);
			break;
		case BODY_ITEMS:
			items(b, lay, &blk[i].items, "-");
			break;
		case BODY_PLUS:
			items(b, lay, &blk[i].plus, "+");
			break;
		case BODY_ARTICLE:
			compose_article(b, lay, ++bs->articles, &blk[i].article);
			break;
		case BODY_TABLE:
			compose_table(b, lay, &blk[i].table, ++bs->tables);
			break;
		case BODY_VOTE:
			vote(b, lay, &blk[i].vote);
			break;
		case BODY_PAGEBREAK:
			blocks_pagebreak(b);
			break;
		case BODY_SPACE:
			blocks_space(b, layout_pt(&blk[i].space));
			break;
		case BODY_NONE:
			break;
		}
	}
	return !b->failed;
}
