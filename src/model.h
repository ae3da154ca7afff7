/* model.h — typed values with source positions, and the schema binder that
 * fills them from a node tree. Strings are borrowed from the tree, which the
 * document keeps alive; lists are arrays owned by the model (model_free). */
#ifndef VANBAN_MODEL_H
#define VANBAN_MODEL_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "node.h"
#include "text.h"

struct text {
	const char *s; /* NULL when absent */
	struct srcpos pos;
};

struct texts {
	struct text *v;
	size_t n;
};

struct integer {
	long long v;
	struct srcpos pos;
	bool set;
};

struct number {
	double v;
	struct srcpos pos;
	bool set;
};

struct day {
	struct date d;
	struct srcpos pos;
	bool set;
};

struct clock {
	int h, m;
	struct srcpos pos;
	bool set;
};

struct flag {
	bool v, set;
	struct srcpos pos;
};

/* A list of lists of text: a table's rows. */
struct text_rows {
	struct texts *v;
	size_t n;
};

/* A list of records of one schema: `n` records of `size` bytes each. */
struct records {
	void *v;
	size_t n;
};

enum field_type {
	F_TEXT,   /* struct text */
	F_TEXTS,  /* struct texts: a list of text */
	F_INT,    /* struct integer, within [min, max] */
	F_NUMBER, /* struct number, within [min, max] */
	F_DATE,   /* struct day: YYYY-MM-DD or DD/MM/YYYY */
	F_TIME,   /* struct clock: 14:00 */
	F_BOOL,   /* struct flag */
	F_RECORD, /* a nested mapping of schema `sub`, stored inline */
	F_RECORDS, /* struct records of schema `sub` */
	F_ROWS,    /* struct text_rows: a list of lists of text */
	F_POS      /* not a key: the struct srcpos of the mapping itself */
};

#define REQUIRED 1u
#define DAYLESS 2u /* F_DATE: a draft may leave out the day ("2020-12", day 0) */

struct schema;

struct field {
	const char *key;
	enum field_type type;
	size_t offset;
	unsigned flags;
	const struct schema *sub;
	double min, max; /* F_INT, F_NUMBER; both 0 = unbounded */
	const char *what; /* for messages: e.g. "a time such as 14:00" */
};

struct schema {
	const char *name;       /* e.g. "minutes", used in messages */
	size_t size;            /* of the C struct */
	const struct field *fields;
	size_t nfields;
};

#define FIELDS(arr) (arr), (sizeof(arr) / sizeof((arr)[0]))

/* Fills out (zeroed by the caller, schema->size bytes) from the mapping n.
 * Reports every problem found (unknown key, with a "did you mean";
 * wrong type; missing required field; bad date, time or number) and
 * returns false if there was any. */
bool model_bind(const struct node *n, const struct schema *schema, void *out);
/* Frees the arrays model_bind allocated inside obj (not obj itself). */
void model_unbind(const struct schema *schema, void *obj);

/* Index of t->s among the n words (dflt when t is absent); -1 after one
 * error at t naming the choices. key is the key's name, for the message. */
int model_choice(const struct text *t, const char *key, const char *const *words, int n, int dflt);

/* The nearest of `n` candidate words to `word` if it is close enough to be
 * a likely typo, else NULL. */
const char *model_did_you_mean(const char *word, const char *const *cands, size_t n);

#endif
