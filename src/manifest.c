/* manifest.c — manifest.tsv: what a batch wrote, with checksums
 * (manifest.h). Rows are kept as strings, one per column of the table. */
#include "manifest.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dlist.h"
#include "hash.h"
#include "util.h"

static const char *const col_name[MCOL_COUNT] = {
#define X(e, name) name,
	MANIFEST_COLUMNS(X)
#undef X
};

struct manifest_row {
	char *v[MCOL_COUNT];
};

struct manifest {
	struct manifest_row *r;
	size_t n, cap;
	size_t *slot, nslots;    /* file -> row + 1, built by manifest_find; 0 = empty */
	size_t indexed;          /* rows in the index; stale when != n */
	int journal;
	pthread_mutex_t mu;
};

struct manifest *manifest_new(void)
{
	struct manifest *m = xcalloc(1, sizeof *m);
	m->journal = -1;
	pthread_mutex_init(&m->mu, NULL);
	return m;
}

static void row_free(struct manifest_row *r)
{
	for (int c = 0; c < MCOL_COUNT; c++)
		free(r->v[c]);
}

void manifest_free(struct manifest *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->n; i++)
		row_free(&m->r[i]);
	free(m->r);
	free(m->slot);
	pthread_mutex_destroy(&m->mu);
	free(m);
}

void manifest_set_journal(struct manifest *m, int fd)
{
	m->journal = fd;
}

size_t manifest_count(const struct manifest *m) { return m->n; }

const char *manifest_get(const struct manifest *m, size_t i, enum manifest_col c)
{
	return m->r[i].v[c];
}

static void add_field(struct buf *b, const char *s, bool last)
{
	for (; *s; s++) {
		switch (*s) {
		case '\t': buf_adds(b, "\\t"); break;
		case '\n': buf_adds(b, "\\n"); break;
		case '\r': buf_adds(b, "\\r"); break;
		case '\\': buf_adds(b, "\\\\"); break;
		default: buf_addc(b, *s);
		}
	}
	buf_addc(b, last ? '\n' : '\t');
}

static void add_row_text(struct buf *b, const struct manifest_row *r)
{
	for (int c = 0; c < MCOL_COUNT; c++)
		add_field(b, r->v[c], c == MCOL_COUNT - 1);
}

/* Appends a row (taking its strings) under the lock, journalling it. */
static void push(struct manifest *m, struct manifest_row *row)
{
	struct buf line = {0};
	if (m->journal >= 0)
		add_row_text(&line, row);
	pthread_mutex_lock(&m->mu);
	grow(&m->r, &m->cap, m->n + 1, sizeof *m->r);
	m->r[m->n++] = *row;
	if (m->journal >= 0)
		(void)write_all(m->journal, line.data, line.len); /* best effort: see render_out.c */
	pthread_mutex_unlock(&m->mu);
	buf_free(&line);
}

static char *dup_or_empty(const char *s)
{
	return xstrdup(s ? s : "");
}

static void set_meta(struct manifest_row *row, const struct dl_meta *meta)
{
	row->v[MCOL_NUMBER] = dup_or_empty(meta ? meta->number : NULL);
	row->v[MCOL_DATE] = dup_or_empty(meta ? meta->date : NULL);
	row->v[MCOL_TYPE_NAME] = dup_or_empty(meta ? meta->type_name : NULL);
	row->v[MCOL_SUMMARY] = dup_or_empty(meta ? meta->summary : NULL);
	row->v[MCOL_ISSUER] = dup_or_empty(meta ? meta->issuer : NULL);
}

void manifest_add_doc(struct manifest *m, const char *kind, const char *source, const char *file,
		      int pages, const void *data, size_t len, const struct dl_meta *meta, int sheets)
{
	struct manifest_row row;
	char hex[HASH_HEX_LEN + 1];
	hash_sha256_hex(data, len, hex);
	row.v[MCOL_KIND] = dup_or_empty(kind);
	row.v[MCOL_SOURCE] = dup_or_empty(source);
	row.v[MCOL_FILE] = dup_or_empty(file);
	row.v[MCOL_PAGES] = xasprintf("%d", pages);
	row.v[MCOL_BYTES] = xasprintf("%zu", len);
	row.v[MCOL_SHA256] = xstrdup(hex);
	set_meta(&row, meta);
	row.v[MCOL_SHEETS] = xasprintf("%d", sheets > 0 ? sheets : pages);
	push(m, &row);
}

void manifest_add(struct manifest *m, const char *kind, const char *source, const char *file,
		  int pages, const void *data, size_t len)
{
	manifest_add_doc(m, kind, source, file, pages, data, len, NULL, 0);
}

void manifest_describe(struct manifest *m, const struct dl_meta *meta, int sheets)
{
	pthread_mutex_lock(&m->mu);
	if (m->n) {
		struct manifest_row *row = &m->r[m->n - 1];
		char *pages = xstrdup(row->v[MCOL_PAGES]);
		for (int c = MCOL_NUMBER; c <= MCOL_SHEETS; c++)
			free(row->v[c]);
		set_meta(row, meta);
		row->v[MCOL_SHEETS] = sheets > 0 ? xasprintf("%d", sheets) : pages;
		if (sheets > 0)
			free(pages);
	}
	pthread_mutex_unlock(&m->mu);
}

bool manifest_has(struct manifest *m, const char *kind, const char *source)
{
	pthread_mutex_lock(&m->mu);
	bool found = false;
	for (size_t i = 0; i < m->n && !found; i++)
		found = !strcmp(m->r[i].v[MCOL_KIND], kind) && !strcmp(m->r[i].v[MCOL_SOURCE], source);
	pthread_mutex_unlock(&m->mu);
	return found;
}

void manifest_drop(struct manifest *m, const char *file)
{
	pthread_mutex_lock(&m->mu);
	for (size_t i = m->n; i-- > 0;) {
		if (!strcmp(m->r[i].v[MCOL_FILE], file)) {
			row_free(&m->r[i]);
			memmove(&m->r[i], &m->r[i + 1], (m->n - i - 1) * sizeof *m->r);
			m->n--;
			m->indexed = (size_t)-1;
			break;
		}
	}
	pthread_mutex_unlock(&m->mu);
}

void manifest_copy_row(struct manifest *m, const struct manifest *src, size_t i)
{
	struct manifest_row row;
	for (int c = 0; c < MCOL_COUNT; c++)
		row.v[c] = xstrdup(src->r[i].v[c]);
	pthread_mutex_lock(&m->mu);
	grow(&m->r, &m->cap, m->n + 1, sizeof *m->r);
	m->r[m->n++] = row;
	pthread_mutex_unlock(&m->mu);
}

static uint64_t hash_name(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ULL; /* FNV-1a */
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
	return h;
}

static void index_row(struct manifest *m, size_t i)
{
	size_t k = hash_name(m->r[i].v[MCOL_FILE]) & (m->nslots - 1);
	while (m->slot[k] && strcmp(m->r[m->slot[k] - 1].v[MCOL_FILE], m->r[i].v[MCOL_FILE]))
		k = (k + 1) & (m->nslots - 1);
	if (!m->slot[k])
		m->slot[k] = i + 1; /* the first row of a file wins */
}

/* Brings the index up to date: new rows are added, a drop or a full table
 * rebuilds it. */
static void index_rows(struct manifest *m)
{
	if (!m->slot || m->indexed > m->n || 2 * m->n > m->nslots) {
		free(m->slot);
		m->nslots = 16;
		while (m->nslots < 4 * m->n)
			m->nslots *= 2;
		m->slot = xcalloc(m->nslots, sizeof *m->slot);
		m->indexed = 0;
	}
	for (; m->indexed < m->n; m->indexed++)
		index_row(m, m->indexed);
}

long manifest_find(struct manifest *m, const char *file)
{
	index_rows(m);
	size_t k = hash_name(file) & (m->nslots - 1);
	while (m->slot[k] && strcmp(m->r[m->slot[k] - 1].v[MCOL_FILE], file))
		k = (k + 1) & (m->nslots - 1);
	return m->slot[k] ? (long)m->slot[k] - 1 : -1;
}

/* ---- reading ------------------------------------------------------------ */

/* The field s[0..len) with the writer's escapes undone (malloc'd). */
static char *unescape(const char *s, size_t len)
{
	struct buf b = {0};
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (c == '\\' && i + 1 < len) {
			char e = s[++i];
			c = e == 't' ? '\t' : e == 'n' ? '\n' : e == 'r' ? '\r' : e;
		}
		buf_addc(&b, c);
	}
	return buf_steal(&b);
}

/* Splits line[0..len) at tabs into at most max fields; returns the count. */
static int split(const char *line, size_t len, const char **f, size_t *flen, int max)
{
	int n = 0;
	size_t start = 0;
	for (size_t i = 0; i <= len && n < max; i++) {
		if (i == len || line[i] == '\t') {
			f[n] = line + start;
			flen[n++] = i - start;
			start = i + 1;
		}
	}
	return n;
}

#define MAX_READ_COLS 64

long manifest_parse(struct manifest *m, const char *text, size_t len)
{
	const char *f[MAX_READ_COLS];
	size_t fl[MAX_READ_COLS];
	int map[MAX_READ_COLS]; /* file column -> table column, or -1 */
	const char *eol = memchr(text, '\n', len);
	size_t hlen = eol ? (size_t)(eol - text) : len;
	int nh = split(text, hlen, f, fl, MAX_READ_COLS);
	bool have_source = false, have_file = false;
	for (int i = 0; i < nh; i++) {
		map[i] = -1;
		for (int c = 0; c < MCOL_COUNT; c++)
			if (fl[i] == strlen(col_name[c]) && !memcmp(f[i], col_name[c], fl[i]))
				map[i] = c;
		have_source |= map[i] == MCOL_SOURCE;
		have_file |= map[i] == MCOL_FILE;
	}
	if (!have_source || !have_file)
		return -1;
	long rows = 0;
	for (const char *p = eol ? eol + 1 : text + len; p < text + len;) {
		const char *e = memchr(p, '\n', (size_t)(text + len - p));
		size_t ll = e ? (size_t)(e - p) : (size_t)(text + len - p);
		int n = split(p, ll, f, fl, nh);
		p += ll + 1;
		if (ll == 0)
			continue;
		struct manifest_row row = {0};
		for (int i = 0; i < n; i++)
			if (map[i] >= 0 && !row.v[map[i]])
				row.v[map[i]] = unescape(f[i], fl[i]);
		for (int c = 0; c < MCOL_COUNT; c++)
			if (!row.v[c])
				row.v[c] = xstrdup("");
		push(m, &row);
		rows++;
	}
	return rows;
}

/* ---- writing ------------------------------------------------------------ */

static int cmp_row(const void *a, const void *b)
{
	const struct manifest_row *x = a, *y = b;
	int c = strcmp(x->v[MCOL_SOURCE], y->v[MCOL_SOURCE]);
	return c ? c : strcmp(x->v[MCOL_FILE], y->v[MCOL_FILE]);
}

char *manifest_text(struct manifest *m)
{
	if (m->n > 1)
		qsort(m->r, m->n, sizeof *m->r, cmp_row);
	struct buf b = {0};
	for (int c = 0; c < MCOL_COUNT; c++) {
		buf_adds(&b, col_name[c]);
		buf_addc(&b, c == MCOL_COUNT - 1 ? '\n' : '\t');
	}
	for (size_t i = 0; i < m->n; i++)
		add_row_text(&b, &m->r[i]);
	return buf_steal(&b);
}

int manifest_write(struct manifest *m, struct outdir *od)
{
	char *text = manifest_text(m);
	int rc = outdir_commit(od, OUTDIR_MANIFEST, text, strlen(text));
	free(text);
	return rc;
}
