/* render.c — the pipeline for each input file: load → model → compose →
 * check fonts → typeset → display list → PDF → output folder. A file with
 * errors produces no PDF; the other files still render. */
#include "render.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "compose.h"
#include "diag.h"
#include "font.h"
#include "layout.h"
#include "load.h"
#include "load_file.h"
#include "model_doc.h"
#include "pdf.h"
#include "render_cert.h"
#include "render_out.h"
#include "render_queue.h"
#include "render_twice.h"
#include "render_volume.h"
#include "model_volume.h"
#include "render_index.h"
#include "text.h"
#include "typeset_words.h"
#include "util.h"

/* The run's shared part is the certificates' cert_env (out and q are NULL
 * when not writing); the rest belongs to the document path. */
struct batch {
	struct cert_env env;
	struct index_source *sources; /* each input's warnings, for index.html */
	const struct srcpos *bad_layout; /* a layout name already reported there */
	struct seen_numbers *numbers; /* the run's decision numbers; NULL in a batch copy */
};

static const char *const face_label[FACE_COUNT] = {N_("regular"), N_("bold"), N_("italic"), N_("bold italic")};

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
				diag(NO_GLYPH, &p,
				     cp, ch, diag_word(face_label[run->face]));
				ok = false;
			}
			free(upper);
		}
		for (int c = 0; c < blk->ncols; c++)
			ok &= check_coverage(fs, &blk->cols[c].blocks);
	}
	return ok;
}

/* Typesets one composed document and writes it (or dumps it). */
struct doc_task {
	const struct pdf_ctx *pdf; /* borrowed from the run, not from a batch (which may be a copy) */
	struct run_out *out;
	const char *kind;          /* borrowed: static */
	char *source, *name;
	struct dlist *dl;
};

static void run_doc(void *arg)
{
	struct doc_task *t = arg;
	struct buf pdf = {0};
	if (pdf_render(t->pdf, t->dl, &pdf) == 0)
		run_out_write_doc(t->out, t->kind, t->source, t->name, (int)t->dl->npages, pdf.data, pdf.len,
				  &t->dl->meta, 0);
	buf_free(&pdf);
	dlist_free(t->dl);
	free(t->source);
	free(t->name);
	free(t);
}

/* Typesets one composed document and checks its display list as the PDF
 * writer will (pdf_validate; not in --dump, which has no PDF context).
 * NULL after the error is reported. */
static struct dlist *typeset_checked(struct batch *r, struct composed *c)
{
	struct dlist *dl = dlist_new();
	typeset(r->env.fs, &c->page, &c->blocks, dl); /* its warnings are the check's too */
	if (r->env.pdf && pdf_validate(r->env.pdf, dl) < 0) {
		dlist_free(dl);
		return NULL;
	}
	dl->meta = c->meta;
	memset(&c->meta, 0, sizeof c->meta);
	return dl;
}

/* Queues (or dumps) a typeset, checked document; takes dl. */
static void emit_dl(struct batch *r, const char *source, const struct composed *c, struct dlist *dl)
{
	if (r->env.o->check_only) {
		dlist_free(dl);
		return;
	}
	if (r->env.o->dump) {
		dlist_dump_opts(dl, stdout, r->env.o->dump_positions);
		dlist_free(dl);
		return;
	}
	char *name = run_out_claim_mine(r->env.out, c->name, source, c->name);
	if (!name) {
		dlist_free(dl);
		return;
	}
	struct doc_task *t = xmalloc(sizeof *t);
	*t = (struct doc_task){r->env.pdf, r->env.out, c->kind, xstrdup(source), name, dl};
	rq_submit(r->env.q, run_doc, t);
}

/* Typesets one composed document and queues it (or dumps it). */
static void emit(struct batch *r, const char *source, struct composed *c)
{
	struct dlist *dl = typeset_checked(r, c);
	if (dl)
		emit_dl(r, source, c, dl);
}

/* A character is printable if every face has it (text may be set bold). */
static bool printable(const void *ctx, uint32_t cp)
{
	const struct fontset *fs = ctx;
	for (int f = 0; f < FACE_COUNT; f++)
		if (font_advance(fs, (enum face)f, cp) < 0)
			return false;
	return true;
}

void render_search(const struct render_opts *o, const char *input, struct layout_search *s)
{
	*s = (struct layout_search){0};
	if (input)
		layout_search_add_parent(s, input);
	layout_search_add(s, o->layouts);
	char *home = xasprintf("%s/layouts", o->home);
	layout_search_add(s, home);
	free(home);
	if (o->installed) {
		char *inst = xasprintf("%s/layouts", o->installed);
		layout_search_add(s, inst);
		free(inst);
	}
}

static bool load_layout(struct batch *r, const char *input, const char *name,
			const struct srcpos *from, struct layout *lay)
{
	if (from && from == r->bad_layout)
		return false; /* said once at the key, not again for each document */
	struct layout_search s;
	render_search(r->env.o, input, &s);
	bool ok = layout_load(&s, name, from, lay);
	layout_search_free(&s);
	if (!ok)
		r->bad_layout = from;
	return ok;
}

static const char *default_layout(const char *style)
{
	if (!strcmp(style, "party"))
		return "hd36";
	if (!strcmp(style, "union"))
		return "congdoan";
	return "nd30";
}

/* The layout a document uses and where its name was written: the issuer's
 * `layout:`, its style's default (at the document), or the file's `layout:`
 * (an unknown name is an error at that key, not at each document). */
static const char *layout_name(const struct docfile *df, const struct issuer *is, const struct srcpos *doc,
			       const struct srcpos **pos)
{
	if (is) {
		*pos = is->layout.s ? &is->layout.pos : doc;
		return is->layout.s ? is->layout.s : default_layout(is->style.s);
	}
	*pos = df->layout.s ? &df->layout.pos : doc;
	return df->layout.s ? df->layout.s : "nd30";
}

/* A recipient's place in a sorted list: collectives first, as lists usually
 * do, then the collation key (built once per name, not once per comparison),
 * then the input order, so equal names keep theirs on every libc. */
struct sort_entry {
	bool collective;
	unsigned char *key;
	size_t len, index;
};

static int by_key(const void *a, const void *b)
{
	const struct sort_entry *x = a, *y = b;
	if (x->collective != y->collective)
		return x->collective ? -1 : 1;
	int c = text_sort_key_cmp(x->key, x->len, y->key, y->len);
	return c ? c : (x->index > y->index) - (x->index < y->index);
}

static struct recipient *sorted_by_name(const struct recipient *v, size_t n, enum tone_order tones)
{
	struct sort_entry *e = xmalloc(n * sizeof *e);
	for (size_t i = 0; i < n; i++) {
		e[i] = (struct sort_entry){.collective = v[i].collective.v, .index = i};
		e[i].key = text_sort_key(v[i].name.s, tones, !e[i].collective, &e[i].len);
	}
	qsort(e, n, sizeof *e, by_key);
	struct recipient *out = xmalloc(n * sizeof *out);
	for (size_t i = 0; i < n; i++) {
		out[i] = v[e[i].index];
		free(e[i].key);
	}
	free(e);
	return out;
}

/* The decision's recipients in print order; *owned is set when the array
 * was copied (sorted) and must be freed. */
static struct roster make_roster(const struct decision *d, struct recipient **owned)
{
	struct roster ro = {d->list.recipients.v, d->list.recipients.n};
	*owned = NULL;
	if (d->list.sort.s && !strcmp(d->list.sort.s, "name") && ro.n > 1) {
		enum tone_order tones = d->list.tone_order.s && !strcmp(d->list.tone_order.s, "common")
					? TONE_ALT : TONE_LEXICO;
		*owned = sorted_by_name(ro.v, ro.n, tones);
		ro.v = *owned;
	}
	return ro;
}

struct doclist {
	struct composed *v;
	size_t n, cap;
	struct cert_job **certs; /* certificates of the file's decisions */
	size_t ncerts, capcerts;
};

static struct composed *next_doc(struct doclist *dl)
{
	grow(&dl->v, &dl->cap, dl->n + 1, sizeof *dl->v);
	memset(&dl->v[dl->n], 0, sizeof *dl->v);
	return &dl->v[dl->n];
}

/* Composes each decision and its certificates; false if any failed. */
static bool compose_decisions(struct batch *r, const struct docfile *df, struct doclist *docs)
{
	bool all = true;
	const struct decision *dv = df->decisions.v;
	for (size_t i = 0; i < df->decisions.n; i++) {
		const struct decision *d = &dv[i];
		const struct issuer *is = d->issuer.s ? docfile_issuer(df, d->issuer.s) : NULL;
		const struct organisation *org = is ? &is->org : &df->org;
		const struct srcpos *lpos;
		const char *lname = layout_name(df, is, &d->pos, &lpos);
		struct layout lay;
		if (!load_layout(r, df->path, lname, lpos, &lay)) {
			all = false;
			continue;
		}
		recipients_twice(d->list.recipients.v, d->list.recipients.n);
		struct recipient *owned;
		struct roster ro = make_roster(d, &owned);
		bool wanted = !d->decision_output.set || d->decision_output.v;
		if (wanted) {
			struct composed *c = next_doc(docs);
			if (compose_decision(df, d, org, &lay, &ro, c)) {
				if (d->number.set)
					seen_number(r->numbers, c->meta.number, c->meta.date, &d->number.pos);
				docs->n++;
			} else {
				composed_free(c); /* what was built before the error */
				all = false;
			}
		}
		struct cert_job *job;
		all &= cert_compose(&r->env, df, d, org, &lay, &ro, &job);
		if (job) {
			grow(&docs->certs, &docs->capcerts, docs->ncerts + 1, sizeof *docs->certs);
			docs->certs[docs->ncerts++] = job;
		}
		free(owned);
		layout_free(&lay);
	}
	return all;
}

/* The document's kind from the layout's kinds file, or an error with the
 * nearest id and the list. */
static const struct kind *find_kind(const struct kinds *ks, const struct text *id)
{
	const struct kind *k = kinds_find(ks, id->s);
	if (k)
		return k;
	const char **ids = kinds_ids(ks);
	const char *near = model_did_you_mean(id->s, ids, ks->n);
	if (near) {
		diag(UNKNOWN_KIND, &id->pos, id->s, near);
	} else {
		struct buf all = {0};
		for (size_t i = 0; i < ks->n; i++)
			buf_printf(&all, "%s%s", i ? ", " : "", ids[i]);
		diag(UNKNOWN_KIND_LIST, &id->pos, id->s, all.data ? all.data : "");
		buf_free(&all);
	}
	free(ids);
	return NULL;
}

/* Composes document i of the file; false after reporting why it cannot be. */
static bool compose_one_document(struct batch *r, const struct docfile *df, size_t i, struct doclist *docs)
{
	const struct document *d = (const struct document *)df->documents.v + i;
	const struct issuer *is = d->issuer.s ? docfile_issuer(df, d->issuer.s) : NULL;
	const struct organisation *org = is ? &is->org : &df->org;
	const struct srcpos *lpos;
	const char *lname = layout_name(df, is, &d->pos, &lpos);
	struct layout lay;
	if (!load_layout(r, df->path, lname, lpos, &lay))
		return false;
	struct kinds ks;
	struct layout_search search;
	render_search(r->env.o, df->path, &search);
	bool ok = kinds_load(&search, lay.kinds.s, &lay.kinds.pos, &ks);
	layout_search_free(&search);
	if (ok) {
		const struct kind *k = find_kind(&ks, &d->kind);
		const struct node *list = node_get(df->tree, "documents");
		ok = k && document_check_parts(list->items[i], k);
		if (ok) {
			struct composed *c = next_doc(docs);
			ok = compose_document(d, k, org, &lay, c);
			if (ok)
				docs->n++;
			else
				composed_free(c);
		}
		kinds_free(&ks);
	}
	layout_free(&lay);
	return ok;
}

/* Composes one document into the list; false if it failed. */
static bool compose_into(bool (*compose)(const struct docfile *, const struct layout *, struct composed *),
			 const struct docfile *df, const struct layout *lay, struct doclist *docs)
{
	struct composed *c = next_doc(docs);
	if (!compose(df, lay, c)) {
		composed_free(c);
		return false;
	}
	docs->n++;
	return true;
}

/* Composes every document of a file, and its decisions' certificates, and
 * checks that the fonts can print them. Every part is tried, so every
 * error is reported; false if there was any (all or nothing per file). */
static bool compose_file(struct batch *r, const struct docfile *df, struct doclist *docs)
{
	bool ok = true;
	r->bad_layout = NULL;
	struct layout lay;
	if (df->has_minutes) { /* in its issuer's layout, as a document is */
		const struct minutes *m = &df->minutes;
		const struct issuer *is = m->issuer.s ? docfile_issuer(df, m->issuer.s) : NULL;
		const struct srcpos *lpos;
		const char *lname = layout_name(df, is, &m->pos, &lpos);
		if (load_layout(r, df->path, lname, lpos, &lay)) {
			ok &= compose_into(compose_minutes, df, &lay, docs);
			layout_free(&lay);
		} else {
			ok = false;
		}
	}
	if (df->has_document) {
		if (load_layout(r, df->path, df->layout.s ? df->layout.s : "nd30", &df->layout.pos, &lay)) {
			ok &= compose_into(compose_free, df, &lay, docs);
			layout_free(&lay);
		} else {
			ok = false;
		}
	}
	ok &= compose_decisions(r, df, docs);
	for (size_t i = 0; i < df->documents.n; i++)
		ok &= compose_one_document(r, df, i, docs);
	for (size_t i = 0; i < docs->n; i++)
		ok &= check_coverage(r->env.fs, &docs->v[i].blocks);
	return ok;
}

static struct load_limits limits(struct batch *r)
{
	return (struct load_limits){.printable = printable, .printable_ctx = r->env.fs,
				    .font_name = "Liberation Serif", .encoding = r->env.o->encoding};
}

/* All or nothing per file: every document is typeset and every display
 * list (certificates too) checked as the PDF writer will before anything
 * of the file is written, so `check` reports exactly what `render` would
 * and a file with any error writes no PDF. */
static void render_docfile(struct batch *r, const char *path, struct docfile *df)
{
	struct doclist docs = {0};
	bool ok = compose_file(r, df, &docs);
	struct dlist **dl = xcalloc(docs.n + 1, sizeof *dl);
	for (size_t i = 0; ok && i < docs.n; i++)
		dl[i] = typeset_checked(r, &docs.v[i]);
	for (size_t i = 0; ok && i < docs.n; i++)
		ok = dl[i] != NULL;
	bool certs_ok = true;
	for (size_t i = 0; ok && i < docs.ncerts; i++)
		certs_ok &= cert_validate(&r->env, docs.certs[i]);
	ok &= certs_ok;
	for (size_t i = 0; i < docs.n; i++) {
		if (ok)
			emit_dl(r, path, &docs.v[i], dl[i]);
		else
			dlist_free(dl[i]);
		composed_free(&docs.v[i]);
	}
	for (size_t i = 0; i < docs.ncerts; i++) {
		if (ok && !r->env.o->check_only)
			cert_emit(&r->env, path, docs.certs[i]); /* takes the job */
		else
			cert_job_free(docs.certs[i]);
	}
	free(dl);
	free(docs.certs);
	free(docs.v);
}

static void render_one(struct batch *r, const char *path)
{
	struct load_limits lim = limits(r);
	struct load_info info = {0};
	struct node *tree = load_yaml(path, &lim, &info);
	if (!tree)
		return;
	enum input_kind kind = input_kind_of(tree);
	if (kind != INPUT_DOCUMENTS) {
		if (kind == INPUT_VOLUME)
			render_volume(&r->env, tree);
		else
			render_records(&r->env, tree);
		return;
	}
	struct docfile *df = docfile_from_tree(tree, &lim, &info);
	if (!df)
		return;
	render_docfile(r, path, df);
	docfile_free(df);
}

static struct batch batch_of(const struct cert_env *env)
{
	return (struct batch){.env = *env};
}

bool render_layout(const struct cert_env *env, const char *input, const char *name,
		   const struct srcpos *from, struct layout *lay)
{
	struct batch r = batch_of(env);
	return load_layout(&r, input, name, from, lay);
}

void render_emit(const struct cert_env *env, const char *source, struct composed *c)
{
	struct batch r = batch_of(env);
	emit(&r, source, c);
}

struct dlist *render_typeset_checked(const struct cert_env *env, struct composed *c)
{
	struct batch r = batch_of(env);
	return typeset_checked(&r, c);
}

void render_emit_typeset(const struct cert_env *env, const char *source, const struct composed *c,
			 struct dlist *dl)
{
	struct batch r = batch_of(env);
	emit_dl(&r, source, c, dl);
}

struct node *render_load(const struct cert_env *env, const char *from, const struct text *name,
			 const char *what, struct load_info *info)
{
	struct batch r = batch_of(env);
	struct load_limits lim = limits(&r);
	size_t len;
	char *shown;
	char *data = load_file_read(from, name->s, &name->pos, what, LOAD_MAX_FILE, &len, &shown);
	if (!data)
		return NULL;
	struct node *tree = load_yaml_mem(shown, data, len, &lim, info);
	free(data);
	free(shown);
	return tree;
}

void typeset_docs_free(struct typeset_docs *d)
{
	for (size_t i = 0; i < d->n; i++)
		dlist_free(d->v[i]);
	free(d->v);
	free(d->kind);
	memset(d, 0, sizeof *d);
}

static bool typeset_into(struct batch *r, struct composed *c, struct typeset_docs *out)
{
	struct dlist *dl = typeset_checked(r, c);
	if (!dl)
		return false;
	size_t cap = out->cap;
	grow(&out->v, &out->cap, out->n + 1, sizeof *out->v);
	grow(&out->kind, &cap, out->n + 1, sizeof *out->kind);
	out->v[out->n] = dl;
	out->kind[out->n++] = c->kind;
	return true;
}

bool render_typeset_file(const struct cert_env *env, const char *from, const struct text *name,
			 struct typeset_docs *out)
{
	struct batch r = batch_of(env);
	struct load_limits lim = limits(&r);
	struct load_info info = {0};
	struct node *tree = render_load(env, from, name, N_("document file"), &info);
	if (!tree)
		return false;
	if (input_kind_of(tree) != INPUT_DOCUMENTS) {
		diag(VOLUME_SOURCE_NESTED, &tree->pos, tree->pos.file);
		node_free(tree);
		return false;
	}
	struct docfile *df = docfile_from_tree(tree, &lim, &info);
	if (!df)
		return false;
	struct doclist docs = {0};
	bool ok = compose_file(&r, df, &docs);
	for (size_t i = 0; i < docs.n; i++) {
		if (ok)
			ok = typeset_into(&r, &docs.v[i], out);
		composed_free(&docs.v[i]);
	}
	for (size_t i = 0; i < docs.ncerts; i++)
		cert_job_free(docs.certs[i]);
	free(docs.certs);
	free(docs.v);
	docfile_free(df);
	return ok;
}

struct index_args {
	const struct index_source *src;
	size_t n;
	bool preview;
};

static void write_index(struct outdir *od, struct manifest *m, void *arg)
{
	const struct index_args *a = arg;
	render_index(od, m, a->src, a->n, a->preview);
}

/* Per-record notes, folded into the summary's count unless -v. */
static const enum msg per_record[] = {MSG_CERT_SHRUNK_TO_FIT};

struct render_env {
	struct fontset *fs;
	struct pdf_ctx *pdf; /* NULL in --dump, which has no PDF context */
	struct brk_words *words; /* where centred headers break (docs/rules.md §5.3) */
};

struct render_env *render_env_new(const struct render_opts *o)
{
	char *fontdir = xasprintf("%s/fonts", o->home);
	struct fontset *fs = fontset_open(fontdir);
	free(fontdir);
	if (!fs)
		return NULL;
	struct render_env *env = xcalloc(1, sizeof *env);
	env->fs = fs;
	char *wordfile = xasprintf("%s/layouts/line-breaks.yaml", o->home);
	env->words = brk_words_load(wordfile);
	free(wordfile);
	if (!env->words) {
		render_env_free(env);
		return NULL;
	}
	if (!o->dump) { /* check validates every display list against it, as render does */
		struct pdf_fonts pf = {0};
		for (int i = 0; i < FACE_COUNT; i++)
			pf.path[i] = fontset_path(fs, (enum face)i);
		pf.pdfa = o->pdfa;
		env->pdf = pdf_ctx_new(&pf);
		if (!env->pdf) {
			render_env_free(env);
			return NULL;
		}
	}
	return env;
}

void render_env_free(struct render_env *env)
{
	if (!env)
		return;
	pdf_ctx_free(env->pdf);
	fontset_free(env->fs);
	if (brk_words_current() == env->words)
		brk_words_use(NULL);
	brk_words_free(env->words);
	free(env);
}

int render_files(const struct render_opts *o, char **files, int nfiles)
{
	diag_set_verbose(o->verbose);
	for (size_t i = 0; i < sizeof per_record / sizeof *per_record; i++)
		diag_fold(per_record[i]);
	for (int i = 0; i < o->nallow_paths; i++)
		if (!load_file_allow(o->allow_paths[i]))
			return diag_worst();
	struct render_env *env = o->env ? o->env : render_env_new(o);
	if (!env)
		return diag_worst();
	brk_words_use(env->words);
	diag_verbose_only(MSG_HEADER_WRAPPED); /* `vanban check -v` shows where each name wrapped */
	struct batch r = {.env = {.o = o, .fs = env->fs, .pdf = env->pdf}, .numbers = seen_numbers_new()};
	bool writing = !o->check_only && !o->dump;
	if (writing) {
		r.env.out = run_out_open(o);
		if (!r.env.out) {
			seen_numbers_free(r.numbers);
			if (env != o->env)
				render_env_free(env);
			return diag_worst();
		}
		r.env.q = rq_new(o->jobs > 0 ? o->jobs : rq_cpus(), isatty(STDERR_FILENO) && !o->verbose);
	}
	r.sources = xcalloc((size_t)nfiles + 1, sizeof *r.sources);
	for (int i = 0; i < nfiles; i++) {
		int warnings = diag_warnings();
		diag_file_begin();
		render_one(&r, files[i]);
		diag_file_end(files[i]);
		r.sources[i] = (struct index_source){files[i], diag_warnings() - warnings};
	}
	if (writing) {
		rq_finish(r.env.q);
		struct index_args ia = {r.sources, (size_t)nfiles, o->preview};
		run_out_close(r.env.out, files, nfiles, true, write_index, &ia);
	} else if (o->check_only) {
		run_summary_check(nfiles);
	}
	free(r.sources);
	seen_numbers_free(r.numbers);
	if (env != o->env)
		render_env_free(env);
	load_file_allow_reset();
	return diag_worst();
}
