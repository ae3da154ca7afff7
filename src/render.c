/* render.c — the pipeline for each input file: load → model → compose →
 * check fonts → typeset → display list → PDF → output folder. A file with
 * errors produces no PDF; the other files still render. */
#include "render.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compose.h"
#include "diag.h"
#include "font.h"
#include "layout.h"
#include "model_doc.h"
#include "output.h"
#include "pdf.h"
#include "sha256.h"
#include "text.h"
#include "util.h"

struct entry {
	const char *kind;
	char *source, *file, *sha;
	size_t pages, bytes;
};

struct run {
	const struct render_opts *o;
	struct fontset *fs;
	struct pdf_ctx *pdf;
	struct outdir *od;
	struct entry *entries;
	size_t n, cap;
};

static const char *const face_label[FACE_COUNT] = {"regular", "bold", "italic", "bold italic"};

/* Every character must have a glyph in the face it is set in; libharu
 * would draw nothing and say nothing. */
static bool check_coverage(const struct fontset *fs, const struct blocks *b)
{
	bool ok = true;
	for (size_t i = 0; i < b->n; i++) {
		const struct block *blk = &b->v[i];
		for (size_t r = 0; r < blk->runs.n; r++) {
			const struct run *run = &blk->runs.v[r];
			uint32_t cp;
			size_t idx;
			char *upper = blk->st.upper ? text_upper(run->text) : NULL;
			const char *s = upper ? upper : run->text;
			if (!font_covers(fs, run->face, s, strlen(s), &cp, &idx)) {
				struct srcpos p = run->pos;
				if (p.line > 0 && !upper)
					p.col += (int)idx;
				char ch[5] = {0};
				utf8_encode(cp, ch);
				diag(DIAG_ERROR, &p, "the font has no glyph for U+%04X \"%s\" (Liberation Serif %s)",
				     cp, ch, face_label[run->face]);
				ok = false;
			}
			free(upper);
		}
		for (int c = 0; c < blk->ncols; c++)
			ok &= check_coverage(fs, &blk->cols[c].blocks);
	}
	return ok;
}

static void add_entry(struct run *r, const char *kind, const char *source, const char *file,
		      size_t pages, const struct buf *pdf)
{
	grow(&r->entries, &r->cap, r->n + 1, sizeof *r->entries);
	uint8_t sum[32];
	char hex[65];
	sha256(pdf->data, pdf->len, sum);
	for (int i = 0; i < 32; i++)
		snprintf(hex + 2 * i, 3, "%02x", sum[i]);
	r->entries[r->n++] = (struct entry){kind, xstrdup(source), xstrdup(file), xstrdup(hex),
					    pages, pdf->len};
}

static int entry_cmp(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;
	int c = strcmp(x->source, y->source);
	return c ? c : strcmp(x->file, y->file);
}

static void write_manifest(struct run *r)
{
	qsort(r->entries, r->n, sizeof *r->entries, entry_cmp);
	struct buf b = {0};
	buf_adds(&b, "# kind\tsource\tfile\tpages\tbytes\tsha256\n");
	for (size_t i = 0; i < r->n; i++) {
		const struct entry *e = &r->entries[i];
		buf_printf(&b, "%s\t%s\t%s\t%zu\t%zu\t%s\n", e->kind, e->source, e->file, e->pages,
			   e->bytes, e->sha);
	}
	outdir_write(r->od, "manifest.tsv", b.data, b.len);
	buf_free(&b);
}

/* Typesets one composed document and writes it (or dumps it). */
static void emit(struct run *r, const char *source, struct composed *c)
{
	struct dlist *dl = dlist_new();
	if (!typeset(r->fs, &c->page, &c->blocks, dl) || r->o->check_only) {
		dlist_free(dl);
		return;
	}
	dl->meta = c->meta;
	memset(&c->meta, 0, sizeof c->meta);
	if (r->o->dump) {
		dlist_dump(dl, stdout);
		dlist_free(dl);
		return;
	}
	struct buf pdf = {0};
	if (pdf_render(r->pdf, dl, &pdf) == 0) {
		char *name = outdir_claim(r->od, c->name, ".pdf");
		if (outdir_write(r->od, name, pdf.data, pdf.len) == 0)
			add_entry(r, c->kind, source, name, dl->npages, &pdf);
		free(name);
	}
	buf_free(&pdf);
	dlist_free(dl);
}

static void render_one(struct run *r, const char *path)
{
	int errors = diag_errors();
	struct docfile *df = docfile_load(path);
	if (!df)
		return;
	struct layout lay;
	char *layouts = xasprintf("%s/layouts", r->o->home);
	bool ok = layout_load(layouts, df->layout.s ? df->layout.s : "nd30", &df->layout.pos, &lay);
	free(layouts);
	struct composed docs[1];
	size_t ndocs = 0;
	if (ok && df->has_minutes) {
		memset(&docs[ndocs], 0, sizeof docs[0]);
		if (compose_minutes(df, &lay, &docs[ndocs]))
			ndocs++;
	}
	for (size_t i = 0; i < ndocs; i++)
		check_coverage(r->fs, &docs[i].blocks);
	/* all or nothing per file: no document of a file with errors is written */
	for (size_t i = 0; i < ndocs; i++) {
		if (diag_errors() == errors)
			emit(r, path, &docs[i]);
		composed_free(&docs[i]);
	}
	docfile_free(df);
}

int render_files(const struct render_opts *o, char **files, int nfiles)
{
	struct run r = {.o = o};
	char *fontdir = xasprintf("%s/fonts", o->home);
	r.fs = fontset_open(fontdir);
	free(fontdir);
	if (!r.fs)
		return diag_worst();
	bool writing = !o->check_only && !o->dump;
	if (writing) {
		struct pdf_fonts pf;
		for (int i = 0; i < FACE_COUNT; i++)
			pf.path[i] = fontset_path(r.fs, (enum face)i);
		r.pdf = pdf_ctx_new(&pf);
		r.od = r.pdf ? outdir_open(o->outdir) : NULL;
		if (!r.od) {
			pdf_ctx_free(r.pdf);
			fontset_free(r.fs);
			return diag_worst();
		}
	}
	for (int i = 0; i < nfiles; i++)
		render_one(&r, files[i]);
	if (writing) {
		write_manifest(&r);
		outdir_close(r.od);
		pdf_ctx_free(r.pdf);
	}
	for (size_t i = 0; i < r.n; i++) {
		free(r.entries[i].source);
		free(r.entries[i].file);
		free(r.entries[i].sha);
	}
	free(r.entries);
	fontset_free(r.fs);
	return diag_worst();
}
