/* manifest.c — manifest.tsv: what a batch wrote, with checksums. */
#include "manifest.h"

#include <stdlib.h>
#include <string.h>

#include "dlist.h"
#include "hash.h"
#include "util.h"

struct manifest_entry {
	char *kind, *source, *file;
	/* the document's record (dl_meta): what an archivist files it by */
	char *number, *date, *type_name, *summary, *issuer;
	int pages, sheets;
	size_t bytes;
	char sha[HASH_HEX_LEN + 1];
};

struct manifest {
	struct manifest_entry *e;
	size_t n, cap;
};

struct manifest *manifest_new(void)
{
	return xcalloc(1, sizeof(struct manifest));
}

void manifest_free(struct manifest *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->n; i++) {
		free(m->e[i].kind);
		free(m->e[i].source);
		free(m->e[i].file);
		free(m->e[i].number);
		free(m->e[i].date);
		free(m->e[i].type_name);
		free(m->e[i].summary);
		free(m->e[i].issuer);
	}
	free(m->e);
	free(m);
}

void manifest_add(struct manifest *m, const char *kind, const char *source, const char *file,
		  int pages, const void *data, size_t len)
{
	grow(&m->e, &m->cap, m->n + 1, sizeof *m->e);
	struct manifest_entry *e = &m->e[m->n++];
	e->kind = xstrdup(kind ? kind : "");
	e->source = xstrdup(source ? source : "");
	e->file = xstrdup(file ? file : "");
	e->pages = pages;
	e->sheets = pages;
	e->bytes = len;
	e->number = e->date = e->type_name = e->summary = e->issuer = NULL;
	hash_sha256_hex(data, len, e->sha);
}

void manifest_describe(struct manifest *m, const struct dl_meta *meta, int sheets)
{
	if (!m->n)
		return;
	struct manifest_entry *e = &m->e[m->n - 1];
	e->number = meta->number ? xstrdup(meta->number) : NULL;
	e->date = meta->date ? xstrdup(meta->date) : NULL;
	e->type_name = meta->type_name ? xstrdup(meta->type_name) : NULL;
	e->summary = meta->summary ? xstrdup(meta->summary) : NULL;
	e->issuer = meta->issuer ? xstrdup(meta->issuer) : NULL;
	if (sheets > 0)
		e->sheets = sheets;
}

bool manifest_has(const struct manifest *m, const char *kind, const char *source)
{
	for (size_t i = 0; i < m->n; i++)
		if (!strcmp(m->e[i].kind, kind) && !strcmp(m->e[i].source, source))
			return true;
	return false;
}

static int cmp_entry(const void *a, const void *b)
{
	const struct manifest_entry *x = a, *y = b;
	int c = strcmp(x->source, y->source);
	return c ? c : strcmp(x->file, y->file);
}

static void add_field(struct buf *b, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '\t': buf_adds(b, "\\t"); break;
		case '\n': buf_adds(b, "\\n"); break;
		case '\r': buf_adds(b, "\\r"); break;
		case '\\': buf_adds(b, "\\\\"); break;
		default: buf_addc(b, *s);
		}
	}
	buf_addc(b, '\t');
}

char *manifest_text(struct manifest *m)
{
	if (m->n > 1)
		qsort(m->e, m->n, sizeof *m->e, cmp_entry);
	struct buf b = {0};
	buf_adds(&b, "kind\tsource\tfile\tpages\tbytes\tsha256\t"
		     "number\tdate\ttype_name\tsummary\tissuer\tsheets\n");
	for (size_t i = 0; i < m->n; i++) {
		const struct manifest_entry *e = &m->e[i];
		add_field(&b, e->kind);
		add_field(&b, e->source);
		add_field(&b, e->file);
		buf_printf(&b, "%d\t%zu\t%s\t", e->pages, e->bytes, e->sha);
		add_field(&b, e->number);
		add_field(&b, e->date);
		add_field(&b, e->type_name);
		add_field(&b, e->summary);
		add_field(&b, e->issuer);
		buf_printf(&b, "%d\n", e->sheets);
	}
	return buf_steal(&b);
}

int manifest_write(struct manifest *m, struct outdir *od)
{
	char *text = manifest_text(m);
	int rc = outdir_write(od, OUTDIR_MANIFEST, text, strlen(text));
	free(text);
	return rc;
}
