/* model_body.c — the schema of body blocks and the checks that need more
 * than one key of a block. */
#include "model_body.h"

#include <stddef.h>
#include <string.h>

#define OFF(type, member) offsetof(type, member)

static const struct field clause_fields[] = {
	{"text", F_TEXT, OFF(struct clause, text), REQUIRED, NULL, 0, 0, NULL},
	{"points", F_TEXTS, OFF(struct clause, points), 0, NULL, 0, 0, NULL},
};
static const struct schema clause_schema = {N_("clause"), sizeof(struct clause), FIELDS(clause_fields)};

static const struct field article_fields[] = {
	{"title", F_TEXT, OFF(struct article, title), 0, NULL, 0, 0, NULL},
	{"text", F_TEXT, OFF(struct article, text), 0, NULL, 0, 0, NULL},
	{"clauses", F_RECORDS, OFF(struct article, clauses), 0, &clause_schema, 0, 0, NULL},
	{"", F_POS, OFF(struct article, pos), 0, NULL, 0, 0, NULL},
};
static const struct schema article_schema = {N_("article"), sizeof(struct article), FIELDS(article_fields)};

static const struct field vote_fields[] = {
	{"for", F_INT, OFF(struct vote, agree), REQUIRED, NULL, 0, 1000000, NULL},
	{"present", F_INT, OFF(struct vote, present), REQUIRED, NULL, 1, 1000000, NULL},
	{"against", F_INT, OFF(struct vote, against), 0, NULL, 0, 1000000, NULL},
	{"abstain", F_INT, OFF(struct vote, abstain), 0, NULL, 0, 1000000, NULL},
	{"", F_POS, OFF(struct vote, pos), 0, NULL, 0, 0, NULL},
};
static const struct schema vote_schema = {N_("vote"), sizeof(struct vote), FIELDS(vote_fields)};

#define B(member) OFF(struct body_block, member)
static const struct field body_fields[] = {
	{"text", F_TEXT, B(text), 0, NULL, 0, 0, NULL},
	{"heading", F_TEXT, B(heading), 0, NULL, 0, 0, NULL},
	{"level", F_TEXT, B(level), 0, NULL, 0, 0, NULL},
	{"number", F_TEXT, B(number), 0, NULL, 0, 0, NULL},
	{"center", F_TEXT, B(center), 0, NULL, 0, 0, NULL},
	{"items", F_TEXTS, B(items), 0, NULL, 0, 0, NULL},
	{"plus", F_TEXTS, B(plus), 0, NULL, 0, 0, NULL},
	{"article", F_RECORD, B(article), 0, &article_schema, 0, 0, NULL},
	{"table", F_RECORD, B(table), 0, &table_schema, 0, 0, NULL},
	{"vote", F_RECORD, B(vote), 0, &vote_schema, 0, 0, NULL},
	{"pagebreak", F_BOOL, B(pagebreak), 0, NULL, 0, 0, NULL},
	{"space", F_NUMBER, B(space), 0, NULL, 0, 500, NULL},
	{"", F_POS, B(pos), 0, NULL, 0, 0, NULL},
};
#undef B
const struct schema body_block_schema = {N_("block"), sizeof(struct body_block), FIELDS(body_fields)};

static const char *const levels[] = {"part", "chapter", "section", "roman", "number", "subnumber", "letter"};
#define NLEVELS (sizeof levels / sizeof levels[0])

/* The block's kind: exactly one of these keys. */
static int kinds_of(const struct body_block *b, enum body_type *type)
{
	const bool set[] = {
		[BODY_TEXT] = b->text.s != NULL, [BODY_HEADING] = b->heading.s != NULL,
		[BODY_CENTER] = b->center.s != NULL, [BODY_ITEMS] = b->items.v != NULL,
		[BODY_PLUS] = b->plus.v != NULL, [BODY_ARTICLE] = b->article.pos.line > 0,
		[BODY_TABLE] = b->table.pos.line > 0, [BODY_VOTE] = b->vote.pos.line > 0,
		[BODY_PAGEBREAK] = b->pagebreak.set && b->pagebreak.v, [BODY_SPACE] = b->space.set,
	};
	int n = 0;
	for (int t = 0; t < BODY_NONE; t++)
		if (set[t]) {
			if (!n)
				*type = (enum body_type)t;
			n++;
		}
	return n;
}

static bool check_block(struct body_block *b)
{
	int n = kinds_of(b, &b->type);
	if (n != 1) {
		diag(BODY_ONE_KIND, &b->pos);
		return false;
	}
	if ((b->level.s || b->number.s) && b->type != BODY_HEADING) {
		diag(BODY_LEVEL_NOT_HEADING, b->level.s ? &b->level.pos : &b->number.pos);
		return false;
	}
	if (b->type == BODY_HEADING && b->level.s) {
		bool known = false;
		for (size_t i = 0; i < NLEVELS; i++)
			known |= !strcmp(b->level.s, levels[i]);
		if (!known) {
			const char *near = model_did_you_mean(b->level.s, levels, NLEVELS);
			diag(BODY_LEVEL_UNKNOWN, &b->level.pos, b->level.s,
			     near ? near : "part, chapter, section, roman, number, subnumber or letter");
			return false;
		}
	}
	if (b->type == BODY_VOTE) {
		const struct vote *v = &b->vote;
		long long counted = v->agree.v + (v->against.set ? v->against.v : 0) +
				    (v->abstain.set ? v->abstain.v : 0);
		if (counted > v->present.v) {
			diag(VOTE_MORE_THAN_PRESENT, &v->agree.pos, counted, v->present.v);
			return false;
		}
	}
	if (b->type == BODY_TABLE)
		return table_check(&b->table, &b->pos);
	return true;
}

bool body_check(struct records *body)
{
	bool ok = true;
	struct body_block *b = body->v;
	for (size_t i = 0; i < body->n; i++)
		ok &= check_block(&b[i]);
	return ok;
}
