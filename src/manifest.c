/* manifest.c — manifest.tsv: what a batch wrote, with checksums. */
#include "manifest.h"

#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "util.h"

struct manifest_entry {
	char *kind, *source, *file;
	int pages;
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
	e->bytes = len;
	hash_sha256_hex(data, len, e->sha);
}

static int cmp_entry(const void *a, const void *b)
{
	const struct manifest_entry *x = a, *y = b;
	int c = strcmp(x->source, y->source);
	return c ? c : strcmp(x->file, y->file);
}

static void add_field(struct buf *b, const char *s)
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
	buf_addc(b, '\t');
}

char *manifest_text(struct manifest *m)
{
	if (m->n > 1)
		qsort(m->e, m->n, sizeof *m->e, cmp_entry);
	struct buf b = {0};
	buf_adds(&b, "kind\tsource\tfile\tpages\tbytes\tsha256\n");
	for (size_t i = 0; i < m->n; i++) {
		const struct manifest_entry *e = &m->e[i];
		add_field(&b, e->kind);
		add_field(&b, e->source);
		add_field(&b, e->file);
		buf_printf(&b, "%d\t%zu\t%s\n", e->pages, e->bytes, e->sha);
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
