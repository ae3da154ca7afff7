/* model_bind.c — fills typed structs from node trees by schema tables, so
 * every document kind gets the same checks and the same messages. */
#include "model.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

static size_t levenshtein(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > 64 || lb > 64)
		return (size_t)-1;
	size_t row[65];
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag_prev = row[0];
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
			size_t best = diag_prev + cost;
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag_prev = up;
		}
	}
	return row[lb];
}

const char *model_did_you_mean(const char *word, const char *const *cands, size_t n)
{
	const char *best = NULL;
	size_t bestd = (size_t)-1;
	for (size_t i = 0; i < n; i++) {
		size_t d = levenshtein(word, cands[i]);
		if (d < bestd) {
			bestd = d;
			best = cands[i];
		}
	}
	size_t len = strlen(word);
	size_t limit = len <= 4 ? 1 : len <= 8 ? 2 : 3;
	return bestd <= limit ? best : NULL;
}

static const char *found(const struct node *n)
{
	switch (n->kind) {
	case NODE_MAP:
		return N_("a mapping");
	case NODE_SEQ:
		return N_("a list");
	default:
		return N_("text");
	}
}

static bool expect(const struct node *n, enum node_kind kind, const char *key, const char *what)
{
	if (n->kind == kind)
		return true;
	diag(WRONG_TYPE, &n->pos, key, diag_word(what), diag_word(found(n)));
	return false;
}

static bool bind_text(const struct node *n, const char *key, struct text *t)
{
	if (!expect(n, NODE_SCALAR, key, N_("text")))
		return false;
	t->s = n->str;
	t->pos = n->pos;
	return true;
}

/* "1.800.000", "1,800,000", "1 800 000": digits in groups of three; the
 * digits alone into out. */
static bool grouped_digits(const char *s, char *out, size_t cap)
{
	size_t lead = strspn(s, "0123456789"), o = 0;
	if (lead < 1 || lead > 3 || !strchr(".,  ", s[lead]) || s[lead] == '\0' || lead >= cap)
		return false;
	char sep = s[lead];
	memcpy(out, s, lead);
	o = lead;
	for (const char *p = s + lead; *p; p += 4) {
		if (p[0] != sep || strspn(p + 1, "0123456789") < 3 || o + 4 >= cap)
			return false;
		memcpy(out + o, p + 1, 3);
		o += 3;
		if (p[4] && p[4] != sep)
			return false;
	}
	out[o] = '\0';
	return true;
}

/* The mistakes people make writing a whole number, told as what to write. */
static void report_not_whole(const struct node *n, const struct field *f)
{
	char digits[32];
	size_t lead = strspn(n->str, "0123456789");
	if (grouped_digits(n->str, digits, sizeof digits))
		diag(THOUSANDS_SEPARATORS, &n->pos, f->key, digits);
	else if (lead > 0 && n->str[lead] == '/' && n->str[lead + 1] && !strcmp(f->key, "number"))
		diag(NUMBER_WITH_SYMBOL, &n->pos, (int)lead, n->str, n->str + lead + 1);
	else
		diag(NOT_WHOLE_NUMBER, &n->pos, f->key, n->str);
}

static bool bind_int(const struct node *n, const struct field *f, struct integer *v)
{
	if (!expect(n, NODE_SCALAR, f->key, N_("a whole number")))
		return false;
	char *end;
	errno = 0;
	long long x = strtoll(n->str, &end, 10);
	if (n->len == 0 || *end || errno || n->str[0] == ' ') {
		report_not_whole(n, f);
		return false;
	}
	if ((f->min || f->max) && (x < f->min || x > f->max)) {
		diag(INTEGER_OUT_OF_RANGE, &n->pos, f->key,
		     f->min, f->max, x);
		return false;
	}
	*v = (struct integer){x, n->pos, true};
	return true;
}

static bool bind_number(const struct node *n, const struct field *f, struct number *v)
{
	if (!expect(n, NODE_SCALAR, f->key, N_("a number")))
		return false;
	/* Vietnamese writes 0,3 for 0.3: accept both. */
	char tmp[64];
	if (n->len >= sizeof tmp)
		goto bad;
	memcpy(tmp, n->str, n->len + 1);
	for (char *p = tmp; *p; p++)
		if (*p == ',')
			*p = '.';
	char *end;
	double x = strtod(tmp, &end);
	if (n->len == 0 || *end || !isfinite(x))
		goto bad;
	if ((f->min || f->max) && (x < f->min || x > f->max)) {
		diag(NUMBER_OUT_OF_RANGE, &n->pos, f->key, f->min,
		     f->max, n->str);
		return false;
	}
	*v = (struct number){x, n->pos, true};
	return true;
bad:
	diag(NOT_A_NUMBER, &n->pos, f->key, n->str);
	return false;
}

static bool bind_records(const struct node *n, const struct field *f, struct records *r)
{
	if (!expect(n, NODE_SEQ, f->key, N_("a list")))
		return false;
	r->v = xcalloc(n->nitems ? n->nitems : 1, f->sub->size);
	r->n = n->nitems;
	bool ok = true;
	for (size_t i = 0; i < n->nitems; i++)
		ok &= model_bind(n->items[i], f->sub, (char *)r->v + i * f->sub->size);
	return ok;
}

static bool bind_texts(const struct node *n, const char *key, struct texts *ts)
{
	if (!expect(n, NODE_SEQ, key, N_("a list of text")))
		return false;
	ts->v = xcalloc(n->nitems ? n->nitems : 1, sizeof *ts->v);
	ts->n = n->nitems;
	bool ok = true;
	for (size_t i = 0; i < n->nitems; i++)
		ok &= bind_text(n->items[i], key, &ts->v[i]);
	return ok;
}

/* Each row a list of cells: [[a, b], [c, d]]. */
static bool bind_rows(const struct node *n, const char *key, struct text_rows *r)
{
	if (!expect(n, NODE_SEQ, key, N_("a list of rows, each a list of cells")))
		return false;
	r->v = xcalloc(n->nitems ? n->nitems : 1, sizeof *r->v);
	r->n = n->nitems;
	bool ok = true;
	for (size_t i = 0; i < n->nitems; i++)
		ok &= bind_texts(n->items[i], key, &r->v[i]);
	return ok;
}

static bool bind_field(const struct node *n, const struct field *f, void *slot)
{
	switch (f->type) {
	case F_TEXT:
		return bind_text(n, f->key, slot);
	case F_TEXTS:
		return bind_texts(n, f->key, slot);
	case F_ROWS:
		return bind_rows(n, f->key, slot);
	case F_INT:
		return bind_int(n, f, slot);
	case F_NUMBER:
		return bind_number(n, f, slot);
	case F_DATE: {
		if (!expect(n, NODE_SCALAR, f->key, N_("a date (YYYY-MM-DD)")))
			return false;
		struct day *d = slot;
		if (!date_parse(n->str, &d->d) && !((f->flags & DAYLESS) && date_parse_dayless(n->str, &d->d))) {
			struct date raw;
			if (!date_read(n->str, &raw))
				diag(BAD_DATE, &n->pos, n->str);
			else if (raw.m < 1 || raw.m > 12)
				diag(NO_SUCH_MONTH, &n->pos, n->str, raw.m);
			else
				diag(NO_SUCH_DAY, &n->pos, raw.d, raw.m, raw.y, raw.m, raw.y,
				     date_month_days(raw.y, raw.m));
			return false;
		}
		d->pos = n->pos;
		d->set = true;
		return true;
	}
	case F_TIME: {
		if (!expect(n, NODE_SCALAR, f->key, N_("a time (HH:MM)")))
			return false;
		struct clock *c = slot;
		if (!time_parse(n->str, &c->h, &c->m)) {
			diag(BAD_TIME, &n->pos, n->str);
			return false;
		}
		c->pos = n->pos;
		c->set = true;
		return true;
	}
	case F_BOOL: {
		if (!expect(n, NODE_SCALAR, f->key, N_("true or false")))
			return false;
		struct flag *b = slot;
		if (!strcmp(n->str, "true") || !strcmp(n->str, "yes"))
			b->v = true;
		else if (!strcmp(n->str, "false") || !strcmp(n->str, "no"))
			b->v = false;
		else {
			diag(NOT_BOOLEAN, &n->pos, f->key, n->str);
			return false;
		}
		b->set = true;
		b->pos = n->pos;
		return true;
	}
	case F_RECORD:
		return model_bind(n, f->sub, slot);
	case F_RECORDS:
		return bind_records(n, f, slot);
	case F_POS:
		return false;
	}
	return false;
}

static bool is_present(const void *slot, const struct field *f)
{
	switch (f->type) {
	case F_TEXT:
		return ((const struct text *)slot)->s != NULL;
	case F_TEXTS:
		return ((const struct texts *)slot)->v != NULL;
	case F_INT:
		return ((const struct integer *)slot)->set;
	case F_NUMBER:
		return ((const struct number *)slot)->set;
	case F_DATE:
		return ((const struct day *)slot)->set;
	case F_TIME:
		return ((const struct clock *)slot)->set;
	case F_BOOL:
		return ((const struct flag *)slot)->set;
	case F_RECORDS:
		return ((const struct records *)slot)->v != NULL;
	case F_ROWS:
		return ((const struct text_rows *)slot)->v != NULL;
	case F_RECORD:
	case F_POS:
		return true; /* checked by the caller through `seen` */
	}
	return false;
}

bool model_bind(const struct node *n, const struct schema *s, void *out)
{
	if (n->kind != NODE_MAP) {
		diag(NOT_A_MAPPING, &n->pos, diag_word(s->name), diag_word(found(n)));
		return false;
	}
	bool ok = true;
	bool seen[64] = {0}, typo[64] = {0}, failed[64] = {0};
	for (size_t i = 0; i < n->npairs; i++) {
		const struct node *key = n->pairs[i].key, *val = n->pairs[i].value;
		const struct field *f = NULL;
		for (size_t k = 0; k < s->nfields; k++)
			if (s->fields[k].type != F_POS && !strcmp(s->fields[k].key, key->str)) {
				f = &s->fields[k];
				/* an empty value is the same as leaving the key out */
				seen[k < 64 ? k : 63] = !node_is_null(val);
			}
		if (!f) {
			const char *cands[64];
			size_t nc = s->nfields < 64 ? s->nfields : 64;
			for (size_t k = 0; k < nc; k++)
				cands[k] = s->fields[k].key;
			/* past the message cap nobody reads the guess */
			const char *near = diag_file_silenced() ? NULL : model_did_you_mean(key->str, cands, nc);
			if (near) {
				diag(UNKNOWN_KEY_GUESS, &key->pos,
				     key->str, diag_word(s->name), near);
				for (size_t k = 0; k < nc; k++)
					if (cands[k] == near)
						typo[k] = true; /* "missing" would repeat the news */
			}
			else
				diag(UNKNOWN_KEY, &key->pos, key->str, diag_word(s->name));
			ok = false;
			continue;
		}
		if (node_is_null(val))
			continue;
		if (!bind_field(val, f, (char *)out + f->offset)) {
			ok = false;
			failed[(size_t)(f - s->fields) < 64 ? (size_t)(f - s->fields) : 63] = true;
		}
	}
	for (size_t k = 0; k < s->nfields; k++) {
		const struct field *f = &s->fields[k];
		if (f->type == F_POS)
			*(struct srcpos *)((char *)out + f->offset) = n->pos;
		if (!(f->flags & REQUIRED))
			continue;
		size_t slot = k < 64 ? k : 63;
		if (typo[slot] || failed[slot] || (seen[slot] && f->type != F_TEXT))
			continue; /* misspelt, or present but wrong: already reported */
		bool present = f->type == F_RECORD ? seen[slot] : is_present((char *)out + f->offset, f);
		if (!present || (f->type == F_TEXT && !((struct text *)((char *)out + f->offset))->s[0])) {
			diag(MISSING_FIELD, &n->pos, f->key, diag_word(s->name));
			ok = false;
		}
	}
	return ok;
}

void model_unbind(const struct schema *s, void *obj)
{
	for (size_t k = 0; k < s->nfields; k++) {
		const struct field *f = &s->fields[k];
		void *slot = (char *)obj + f->offset;
		if (f->type == F_TEXTS) {
			free(((struct texts *)slot)->v);
		} else if (f->type == F_ROWS) {
			struct text_rows *r = slot;
			for (size_t i = 0; i < r->n; i++)
				free(r->v[i].v);
			free(r->v);
		} else if (f->type == F_RECORD) {
			model_unbind(f->sub, slot);
		} else if (f->type == F_RECORDS) {
			struct records *r = slot;
			for (size_t i = 0; i < r->n; i++)
				model_unbind(f->sub, (char *)r->v + i * f->sub->size);
			free(r->v);
		}
	}
}

int model_choice(const struct text *t, const char *key, const char *const *words, int n, int dflt)
{
	if (!t->s)
		return dflt;
	for (int i = 0; i < n; i++)
		if (!strcmp(t->s, words[i]))
			return i;
	struct buf b = {0};
	for (int i = 0; i < n; i++)
		buf_printf(&b, "%s\"%s\"", i == 0 ? "" : i + 1 == n ? diag_tr(" or ") : ", ", words[i]);
	diag(KEY_CHOICE, &t->pos, key, b.data, t->s);
	buf_free(&b);
	return -1;
}
