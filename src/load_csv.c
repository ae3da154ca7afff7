/* load_csv.c — rows of a spreadsheet's CSV export (load_csv.h).
 * The file is read whole, checked and converted to UTF-8 by load_encoding.c
 * (legacy bytes the YAML does not declare are refused), then cut into rows; each field remembers where it started so
 * that a bad value is reported at its own line and column. */
#include "load_csv.h"

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load.h"
#include "load_file.h"
#include "text.h"
#include "util.h"

#define CSV_MAX_FILE ((size_t)32 << 20)

struct cell {
	struct buf v;
	int line, col;   /* where the field's first character is */
	bool quoted;
};

struct row {
	struct cell *c;
	size_t n, cap;
	int line;        /* the row's first line */
	int end_line, end_col; /* just past its last character */
};

struct csv {
	const char *p, *end;
	int line, col;
	char delim;
	const char *file; /* owned by the tree */
	const char *const *colname; /* header names, for messages; may be NULL */
	size_t ncols;
};

static void step(struct csv *s)
{
	unsigned char ch = (unsigned char)*s->p++;
	if (ch == '\n') {
		s->line++;
		s->col = 1;
	} else if ((ch & 0xC0) != 0x80) {
		s->col++;
	}
}

static bool at_eol(const struct csv *s)
{
	return s->p == s->end || *s->p == '\n' || (*s->p == '\r' && (s->p + 1 == s->end || s->p[1] == '\n'));
}

static struct cell *new_cell(struct row *r, const struct csv *s)
{
	size_t old = r->cap;
	grow(&r->c, &r->cap, r->n + 1, sizeof *r->c);
	memset(r->c + old, 0, (r->cap - old) * sizeof *r->c);
	struct cell *c = &r->c[r->n++];
	struct buf keep = c->v; /* cells are reused from row to row */
	memset(c, 0, sizeof *c);
	c->v = keep;
	c->v.len = 0;
	if (c->v.data)
		c->v.data[0] = '\0';
	c->line = s->line;
	c->col = s->col;
	return c;
}

/* Reads one row. Returns 0 at the end of the input, 1 for a row, -1 after
 * reporting a quoting error (then the rest of the file is not trusted). */
static int read_row(struct csv *s, struct row *r)
{
	for (size_t i = 0; i < r->cap; i++)
		r->c[i].v.len = 0;
	r->n = 0;
	if (s->p == s->end)
		return 0;
	r->line = s->line;
	for (;;) {
		struct cell *c = new_cell(r, s);
		const char *name = r->n <= s->ncols ? s->colname[r->n - 1] : NULL;
		if (s->p < s->end && *s->p == '"') {
			c->quoted = true;
			step(s);
			for (;;) {
				if (s->p == s->end) {
					struct srcpos pos = {s->file, c->line, c->col};
					if (name)
						diag(CSV_UNCLOSED_QUOTE_IN, &pos, name);
					else
						diag(CSV_UNCLOSED_QUOTE, &pos);
					return -1;
				}
				if (*s->p == '"') {
					step(s);
					if (s->p < s->end && *s->p == '"') {
						buf_addc(&c->v, '"');
						step(s);
						continue;
					}
					break;
				}
				if (*s->p == '\r' && s->p + 1 < s->end && s->p[1] == '\n') {
					step(s); /* CRLF inside a value is a line break */
					continue;
				}
				buf_addc(&c->v, *s->p);
				step(s);
			}
			if (!at_eol(s) && *s->p != s->delim) {
				struct srcpos pos = {s->file, s->line, s->col};
				if (name)
					diag(CSV_TEXT_AFTER_QUOTE_IN, &pos, name);
				else
					diag(CSV_TEXT_AFTER_QUOTE, &pos);
				return -1;
			}
		} else {
			while (!at_eol(s) && *s->p != s->delim) {
				buf_addc(&c->v, *s->p);
				step(s);
			}
		}
		if (at_eol(s)) {
			r->end_line = s->line;
			r->end_col = s->col;
			if (s->p < s->end && *s->p == '\r')
				step(s);
			if (s->p < s->end)
				step(s);
			return 1;
		}
		step(s); /* the delimiter */
	}
}

/* The delimiter the header line uses most: ',' or ';' (outside quotes). */
static char guess_delim(const char *p, const char *end)
{
	size_t comma = 0, semi = 0;
	bool q = false;
	for (; p < end && (q || *p != '\n'); p++) {
		if (*p == '"')
			q = !q;
		else if (!q && *p == ',')
			comma++;
		else if (!q && *p == ';')
			semi++;
	}
	return semi > comma ? ';' : ',';
}

static char *trimmed(const char *s, size_t len, size_t *lead_chars, size_t *outlen)
{
	size_t a = 0, b = len;
	while (a < b && (s[a] == ' ' || s[a] == '\t'))
		a++;
	while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t'))
		b--;
	*lead_chars = a;
	*outlen = b - a;
	return (char *)s + a;
}

/* Checks one value and returns it as NFC text owned by the tree, or NULL
 * after one error naming the column. */
static const char *value(const struct csv *s, const struct cell *c, const char *column,
			 struct node *tree, const struct load_limits *lim, struct srcpos *pos)
{
	*pos = (struct srcpos){s->file, c->line, c->col + (c->quoted ? 1 : 0)};
	size_t bad;
	if (!utf8_valid(c->v.data ? c->v.data : "", c->v.len, &bad)) {
		struct srcpos at = *pos;
		at.col += (int)utf8_count(c->v.data, bad);
		diag(CSV_NOT_UTF8, &at,
		     column);
		return NULL;
	}
	size_t lead, len, nlen;
	const char *t = trimmed(c->v.data ? c->v.data : "", c->v.len, &lead, &len);
	pos->col += (int)lead;
	char *nfc = text_nfc(t, len, &nlen);
	size_t index;
	uint32_t cp;
	enum text_unsafe why;
	bool ok = true;
	if (!text_check_safe(nfc, nlen, &index, &cp, &why)) {
		struct srcpos at = *pos;
		at.col += (int)index;
		load_report_unsafe(&at, column, why, cp);
		ok = false;
	}
	index = 0;
	for (size_t i = 0; ok && lim && lim->printable && i < nlen; index++) {
		size_t k = utf8_decode(nfc + i, nlen - i, &cp);
		i += k ? k : 1;
		if (cp == '\n' || cp == '\t' || lim->printable(lim->printable_ctx, cp))
			continue;
		char g[5] = {0};
		utf8_encode(cp, g);
		struct srcpos at = *pos;
		at.col += (int)index;
		diag(CSV_NO_GLYPH, &at,
		     (unsigned)cp, g, lim->font_name ? lim->font_name : diag_word(N_("document font")), column);
		ok = false;
	}
	const char *res = ok ? node_strndup(tree, nfc, nlen) : NULL;
	free(nfc);
	return res;
}

static bool same_header(const char *have, size_t len, const char *want)
{
	size_t lead, n, nlen;
	const char *t = trimmed(have, len, &lead, &n);
	char *nfc = text_nfc(t, n, &nlen);
	char *a = text_lower(nfc), *b = text_lower(want);
	bool same = !strcmp(a, b);
	free(nfc);
	free(a);
	free(b);
	return same;
}

/* Finds each wanted header in the header row; reports every one missing. */
static bool map_columns(const struct csv_request *req, const struct row *hdr, const char *file,
			long *idx)
{
	bool ok = true;
	for (size_t k = 0; k < req->ncols; k++) {
		const struct csv_want *want = &req->cols[k];
		idx[k] = -1;
		if (!want->header)
			continue;
		for (size_t i = 0; i < hdr->n && idx[k] < 0; i++)
			if (same_header(hdr->c[i].v.data ? hdr->c[i].v.data : "", hdr->c[i].v.len, want->header))
				idx[k] = (long)i;
		if (idx[k] < 0) {
			struct buf have = {0};
			for (size_t i = 0; i < hdr->n; i++)
				buf_printf(&have, "%s\"%s\"", i ? ", " : "", hdr->c[i].v.data ? hdr->c[i].v.data : "");
			/* the header may be any file's first line: quote only its start */
			char *shown = have.data ? load_file_excerpt(have.data, have.len) : xstrdup("nothing");
			diag(CSV_NO_COLUMN, &want->pos, want->header, file, shown);
			free(shown);
			buf_free(&have);
			ok = false;
		}
	}
	return ok;
}

static bool row_blank(const struct row *r)
{
	for (size_t i = 0; i < r->n; i++)
		for (size_t j = 0; j < r->c[i].v.len; j++)
			if (r->c[i].v.data[j] != ' ' && r->c[i].v.data[j] != '\t')
				return false;
	return true;
}

struct header_key {
	char *key; /* NFC, lower case, trimmed */
	size_t col;
};

static int by_key(const void *a, const void *b)
{
	const struct header_key *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	return c ? c : (x->col > y->col) - (x->col < y->col);
}

/* A header naming a column twice: the first is the one used, so the other
 * is almost always a mistake. Sorted, so a huge header stays fast. */
static void warn_duplicate_headers(const struct csv *s, const struct row *hdr)
{
	struct header_key *k = xcalloc(hdr->n + 1, sizeof *k);
	for (size_t i = 0; i < hdr->n; i++) {
		size_t lead, n, nlen;
		const char *t = trimmed(hdr->c[i].v.data ? hdr->c[i].v.data : "", hdr->c[i].v.len, &lead, &n);
		char *nfc = text_nfc(t, n, &nlen);
		k[i].key = text_lower(nfc);
		k[i].col = i;
		free(nfc);
	}
	qsort(k, hdr->n, sizeof *k, by_key);
	for (size_t i = 1; i < hdr->n; i++) {
		size_t first = i - 1;
		while (first > 0 && !strcmp(k[first - 1].key, k[i].key))
			first--;
		if (!*k[i].key || strcmp(k[first].key, k[i].key))
			continue;
		const struct cell *c = &hdr->c[k[i].col], *f = &hdr->c[k[first].col];
		struct srcpos at = {s->file, c->line, c->col + (c->quoted ? 1 : 0)};
		diag(CSV_DUPLICATE_HEADER, &at, s->colname[k[i].col], k[first].col + 1, f->line, f->col,
		     k[i].col + 1);
	}
	for (size_t i = 0; i < hdr->n; i++)
		free(k[i].key);
	free(k);
}

/* One data row to the sink, cell by cell in column order; false after
 * reporting its problems. */
static bool bind_row(const struct csv *s, const struct row *r, const struct row *hdr, const long *idx,
		     const struct csv_request *req, struct node *tree, const struct load_limits *lim)
{
	const struct csv_sink *sink = &req->sink;
	bool ok = true;
	struct srcpos at_row = {s->file, r->line, 1};
	sink->row(sink->ctx, &at_row);
	for (size_t k = 0; k < req->ncols; k++) {
		if (idx[k] < 0)
			continue;
		const char *column = hdr->c[idx[k]].v.data;
		if ((size_t)idx[k] >= r->n) {
			struct srcpos at = {s->file, r->end_line, r->end_col};
			diag(CSV_SHORT_ROW, &at,
			     r->n, hdr->n, column);
			return false; /* one message for a short row */
		}
		struct srcpos pos;
		const char *v = value(s, &r->c[idx[k]], column, tree, lim, &pos);
		if (!v || !sink->cell(sink->ctx, k, v, &pos, column))
			ok = false;
	}
	return ok;
}

bool load_csv(const struct csv_request *req, const char *yaml_path, struct node *tree,
	      const struct load_limits *lim)
{
	enum legacy_enc enc = LEGACY_NONE;
	if (req->encoding && !text_legacy_name(req->encoding, &enc)) {
		diag(UNKNOWN_ENCODING, &req->encoding_pos, req->encoding);
		return false;
	}
	size_t len;
	char *path;
	char *data = load_file_read(yaml_path, req->file, &req->file_pos, N_("CSV file"), CSV_MAX_FILE, &len, &path);
	if (!data)
		return false;
	struct csv s = {.line = 1, .col = 1, .file = node_strndup(tree, path, strlen(path))};
	free(path);
	struct load_text text;
	if (!load_encoding_csv(s.file, data, len, enc, req->encoding ? &req->encoding_pos : NULL,
			       &req->file_pos, &text)) {
		free(data);
		return false;
	}
	if (text.owned) {
		free(data);
		data = text.owned;
		len = text.len;
	}
	s.p = data;
	s.end = data + len;
	if (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3))
		s.p += 3; /* the BOM Excel writes; not a character of the header */
	s.delim = guess_delim(s.p, s.end);

	struct row hdr = {0}, row = {0};
	bool ok = true;
	int rc = read_row(&s, &hdr);
	if (rc <= 0) {
		if (rc == 0) {
			struct srcpos at = {s.file, 0, 0};
			diag(CSV_EMPTY, &at);
		}
		ok = false;
	}
	long *idx = xcalloc(req->ncols + 1, sizeof *idx);
	if (ok)
		ok = map_columns(req, &hdr, s.file, idx);
	const char **names = NULL;
	if (ok) {
		names = xcalloc(hdr.n + 1, sizeof *names);
		for (size_t i = 0; i < hdr.n; i++) { /* for messages: only the start of a cell */
			char *e = load_file_excerpt(hdr.c[i].v.data ? hdr.c[i].v.data : "", hdr.c[i].v.len);
			names[i] = node_strndup(tree, e, strlen(e));
			free(e);
		}
		s.colname = names;
		s.ncols = hdr.n;
		warn_duplicate_headers(&s, &hdr);
	}
	while (names) {
		rc = read_row(&s, &row);
		if (rc < 0)
			ok = false;
		if (rc <= 0)
			break;
		if (row_blank(&row))
			continue;
		bool good = bind_row(&s, &row, &hdr, idx, req, tree, lim);
		req->sink.end(req->sink.ctx, good);
		ok = ok && good;
	}
	free(idx);
	free(names);
	for (size_t i = 0; i < hdr.cap; i++)
		buf_free(&hdr.c[i].v);
	for (size_t i = 0; i < row.cap; i++)
		buf_free(&row.c[i].v);
	free(hdr.c);
	free(row.c);
	free(data);
	return ok;
}
