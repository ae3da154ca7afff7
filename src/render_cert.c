/* render_cert.c — certificates from decisions to files (render_cert.h).
 *
 * Composition, every message and every name claim happen on the main
 * thread, in list order. Writing: the batch gets its own font subsets once
 * (pdf_ctx_narrow: only the characters the batch uses, so each file stays
 * small); then each certificate file and each print-file part is one job
 * of the run's queue (render_queue.h), rendered and written by whichever
 * worker takes it. Print files come in parts of --print-part pages
 * (default 1,000): libharu keeps a whole document in memory until it is
 * saved, and its page tree takes at most 32,767 pages, so parts bound both
 * the memory and the size of a run — and a printer's spooler takes them
 * more gladly than one 100,000-page file.
 *
 * Memory stays flat however long the list: composition checks every
 * certificate but keeps only the first window of them (as many as a print
 * part); the others are composed again, with their messages muted, right
 * before the job that writes them is queued, and a job's pages are freed
 * when it is done. One print part is written at a time while the next is
 * composed, so a run holds at most about two parts' pages and one part's
 * PDF, whether it has a thousand certificates or a hundred thousand. */
#include "render_cert.h"

#include <pthread.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compose_certificate.h"
#include "diag.h"
#include "image.h"
#include "layout_cert.h"
#include "text.h"
#include "util.h"


struct cert_job {
	struct cert_layout lay;
	struct dlist **dl;        /* one single-page list per recipient; NULL beyond the window */
	char *stem;               /* of every file name: award and decision number */
	size_t n, window;
	char *print_name, *print_title;
	bool files, print;        /* which outputs the decision asks for */
	struct image *images[3];  /* emblem, signature, seal: every page draws the same one */
	/* What composing certificate i again takes: the decision's values
	 * (strings of the docfile, which outlives cert_emit, or the job's
	 * own) and a copy of the roster, in its order. */
	struct cert_values tpl;
	struct shared_vals {
		char *number_line, *decision_date, *date_line, *signer_title;
		char *national, *motto; /* the decision layout's, freed before cert_emit */
	} sv;
	const struct text *achievement; /* the decision's, for recipients without their own */
	const char *author;
	const struct recipient *rec;
	bool rec_owned;           /* a sorted copy (else the docfile's) */
	int width;                /* digits of the list numbers */
	struct pdf_charset *chars; /* every character of the batch, for pdf_ctx_narrow */
	uint8_t *recheck;         /* certificates beyond the window that pdf_validate refused */
};

static void shared_free(struct shared_vals *sv);

void cert_job_free(struct cert_job *job)
{
	if (!job)
		return;
	for (size_t i = 0; i < job->n; i++)
		dlist_free(job->dl[i]);
	free(job->dl);
	free(job->stem);
	free(job->print_name);
	free(job->print_title);
	shared_free(&job->sv);
	if (job->rec_owned)
		free((void *)job->rec);
	pdf_charset_free(job->chars);
	free(job->recheck);
	for (size_t i = 0; i < sizeof job->images / sizeof *job->images; i++)
		image_free(job->images[i]);
	layout_cert_free(&job->lay);
	free(job);
}

/* A PNG or JPEG the YAML names (inside its folder), decoded now so that
 * check reports a damaged one as render would; the job owns it. */
static bool picture(struct cert_job *job, int slot, const char *yaml_path, const struct text *t,
		    const char *what, struct cert_image *img)
{
	img->path = NULL;
	if (!t->s)
		return true;
	job->images[slot] = image_load(yaml_path, t->s, what, &t->pos);
	if (!job->images[slot])
		return false;
	img->path = t->s;
	img->image = job->images[slot];
	img->w = job->images[slot]->width;
	img->h = job->images[slot]->height;
	return true;
}


/* The start of every file name of a decision's certificates: the award and
 * the decision's number, as slugs ("giay-khen-15-qd-tct"). */
static char *file_stem(const struct cert_values *v)
{
	char *award = text_slug(v->val[CK_AWARD], 40);
	for (char *p = award; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	char *num = v->val[CK_NUMBER] ? text_slug(v->val[CK_NUMBER], 60) : NULL;
	char *stem = num ? xasprintf("%s-%s", award, num) : xstrdup(award);
	free(award);
	free(num);
	return stem;
}
/* "15/QĐ-TCT" out of "Số: 15/QĐ-TCT" or "45-QĐ/ĐU" out of "Số 45-QĐ/ĐU". */
static const char *bare_number(const char *line)
{
	if (!strncmp(line, "Số", strlen("Số")))
		line += strlen("Số");
	while (*line == ':' || *line == ' ')
		line++;
	return line;
}

static void decision_values(const struct docfile *df, const struct decision *d, const struct organisation *org,
			    const struct layout *lay, struct cert_values *v, struct shared_vals *sv)
{
	char *symbol = d->symbol.s ? xstrdup(d->symbol.s) : layout_symbol(lay, "QĐ", org->abbreviation.s);
	sv->number_line = d->number.set ? layout_number(lay, d->number.v, symbol) : NULL;
	free(symbol);
	const char *place = org->place.s ? org->place.s : df->org.place.s;
	sv->decision_date = text_date_words(d->date.d);
	sv->date_line = text_date_line(place, d->date.d);
	const struct signer *s = &d->signer;
	if (s->prefix.s || s->authority.s)
		sv->signer_title = xasprintf("%s%s%s\n%s", s->prefix.s ? s->prefix.s : "",
					     s->prefix.s && s->authority.s ? " " : "",
					     s->authority.s ? s->authority.s : "", s->title.s);
	else
		sv->signer_title = xstrdup(s->title.s);
	sv->national = lay->national.s ? xstrdup(lay->national.s) : NULL;
	sv->motto = lay->motto.s ? xstrdup(lay->motto.s) : NULL;
	v->val[CK_NATIONAL] = sv->national;
	v->val[CK_MOTTO] = sv->motto;
	v->val[CK_ORGANISATION] = org->name.s;
	v->pos[CK_ORGANISATION] = org->name.pos;
	v->val[CK_AUTHORITY] = d->authority.s;
	v->pos[CK_AUTHORITY] = d->authority.pos;
	v->val[CK_AWARD] = d->award.s ? d->award.s : "GIẤY KHEN";
	v->pos[CK_AWARD] = d->award.pos;
	v->val[CK_NUMBER] = sv->number_line ? bare_number(sv->number_line) : NULL;
	v->pos[CK_NUMBER] = d->number.pos;
	v->val[CK_DECISION_DATE] = sv->decision_date;
	v->val[CK_DATE_LINE] = sv->date_line;
	v->pos[CK_DECISION_DATE] = v->pos[CK_DATE_LINE] = d->date.pos;
	v->val[CK_PLACE] = place;
	v->val[CK_SIGNER_TITLE] = sv->signer_title;
	v->pos[CK_SIGNER_TITLE] = s->title.pos;
	v->val[CK_SIGNER_NAME] = s->name.s;
	v->pos[CK_SIGNER_NAME] = s->name.pos;
}

static void shared_free(struct shared_vals *sv)
{
	free(sv->number_line);
	free(sv->decision_date);
	free(sv->date_line);
	free(sv->signer_title);
	free(sv->national);
	free(sv->motto);
}

#define DEFAULT_PRINT_PART 1000

/* How many composed certificates a job keeps: a print part's worth. */
static size_t cert_window(const struct cert_env *env)
{
	return env->o->print_part > 0 ? (size_t)env->o->print_part : DEFAULT_PRINT_PART;
}

/* Certificate i of the job as one display list, or NULL after reporting
 * why not. report_all: the notes of fields every certificate shares. */
static struct dlist *compose_one(const struct cert_env *env, const struct cert_job *job, size_t i,
				 bool report_all)
{
	struct cert_values v = job->tpl;
	const struct recipient *r = &job->rec[i];
	char nbuf[24];
	snprintf(nbuf, sizeof nbuf, "%0*zu", job->width, i + 1);
	v.val[CK_NAME] = r->name.s;
	v.pos[CK_NAME] = r->name.pos;
	v.val[CK_POSITION] = r->position.s;
	v.pos[CK_POSITION] = r->position.pos;
	v.val[CK_UNIT] = r->unit.s;
	v.pos[CK_UNIT] = r->unit.pos;
	const struct text *ach = r->achievement.s ? &r->achievement : job->achievement;
	v.val[CK_ACHIEVEMENT] = ach->s;
	v.pos[CK_ACHIEVEMENT] = ach->pos;
	v.val[CK_LIST_NUMBER] = nbuf;
	v.pos[CK_LIST_NUMBER] = r->pos;
	struct dlist *dl = dlist_new();
	if (!compose_certificate(env->fs, &job->lay, &v, &r->pos, report_all, dl)) {
		dlist_free(dl);
		return NULL;
	}
	dl->meta.title = xasprintf("%s: %s", v.val[CK_AWARD], r->name.s);
	dl->meta.author = xstrdup(job->author);
	if (job->sv.number_line)
		dl->meta.subject = xasprintf("Quyết định %s", job->sv.number_line);
	dl->meta.creator = xstrdup("vanban");
	return dl;
}

/* Certificate i composed again, saying nothing (it was told the first time). */
static struct dlist *compose_again(const struct cert_env *env, const struct cert_job *job, size_t i)
{
	bool was = diag_mute(true);
	struct dlist *dl = compose_one(env, job, i, false);
	diag_mute(was);
	return dl;
}

bool cert_compose(const struct cert_env *env, const struct docfile *df, const struct decision *d,
		  const struct organisation *org, const struct layout *lay, const struct roster *ro,
		  struct cert_job **jobp)
{
	*jobp = NULL;
	if (!d->certificate_layout.s)
		return true;
	if (!ro->n) {
		diag(CERT_NO_RECIPIENTS, &d->certificate_layout.pos);
		return false;
	}
	struct cert_job *job = xcalloc(1, sizeof *job);
	struct layout_search search;
	render_search(env->o, df->path, &search);
	bool ok = layout_cert_load(&search, d->certificate_layout.s, &d->certificate_layout.pos,
				   env->o->printer, &job->lay);
	layout_search_free(&search);
	if (!ok) {
		free(job);
		return false;
	}
	struct cert_values *v = &job->tpl;
	/* all three are checked, so every missing image is reported at once */
	ok = picture(job, 0, df->path, &d->emblem, N_("emblem"), &v->emblem);
	ok = picture(job, 1, df->path, &d->signer.signature, N_("signature"), &v->signature) && ok;
	ok = picture(job, 2, df->path, &d->signer.seal, N_("seal"), &v->seal) && ok;
	if (!ok) {
		cert_job_free(job);
		return false;
	}
	const char *out = d->certificate_output.s ? d->certificate_output.s : "both";
	job->files = strcmp(out, "print") != 0;
	job->print = strcmp(out, "files") != 0;
	decision_values(df, d, org, lay, v, &job->sv);
	job->achievement = &d->achievement;
	job->author = org->name.s;
	job->window = cert_window(env);

	job->stem = file_stem(v);
	job->print_name = xasprintf("%s-ban-in", job->stem);
	job->print_title = xasprintf("%s, %s: bản in %zu trang", v->val[CK_AWARD],
				     job->sv.number_line ? job->sv.number_line : job->sv.decision_date, ro->n);
	job->width = ro->n >= 1000 ? 4 : ro->n >= 100 ? 3 : 2;
	job->n = ro->n;
	job->rec = ro->v;
	if (ro->v != d->list.recipients.v) { /* sorted: the caller frees its copy */
		struct recipient *copy = xmalloc(ro->n * sizeof *copy);
		memcpy(copy, ro->v, ro->n * sizeof *copy);
		job->rec = copy;
		job->rec_owned = true;
	}
	job->dl = xcalloc(ro->n, sizeof *job->dl);
	job->chars = pdf_charset_new();
	job->recheck = xcalloc(ro->n / 8 + 1, 1);
	for (size_t i = 0; i < ro->n; i++) {
		struct dlist *dl = compose_one(env, job, i, i == 0);
		if (!dl) {
			ok = false;
			continue;
		}
		pdf_charset_add(job->chars, dl);
		if (i < job->window) {
			job->dl[i] = dl;
			continue;
		}
		/* checked now, told by cert_validate (which runs only when the
		 * rest of the file is good) */
		bool was = diag_mute(true);
		if (env->pdf && pdf_validate(env->pdf, dl) != 0)
			job->recheck[i / 8] |= (uint8_t)(1u << (i % 8));
		diag_mute(was);
		dlist_free(dl);
	}
	if (!ok) {
		cert_job_free(job);
		return false;
	}
	*jobp = job;
	return true;
}

bool cert_validate(const struct cert_env *env, const struct cert_job *job)
{
	bool ok = true;
	for (size_t i = 0; env->pdf && i < job->n; i++) {
		if (job->dl[i]) {
			ok &= pdf_validate(env->pdf, job->dl[i]) == 0;
		} else if (job->recheck[i / 8] & (1u << (i % 8))) {
			struct dlist *dl = compose_again(env, job, i);
			ok &= dl && pdf_validate(env->pdf, dl) == 0;
			dlist_free(dl);
		}
	}
	return ok;
}

/* ---- writing ------------------------------------------------------------ */

/* What the jobs of one decision's certificates share; the last job to
 * finish frees it (and the composed certificates). */
struct cert_batch {
	struct cert_job *job;
	struct pdf_ctx *ctx;     /* the batch's narrowed fonts */
	struct run_out *out;
	char *source;
	int refs;
	pthread_mutex_t mu;
};

/* One PDF: certificate `first`, or print-file pages [first, first + n).
 * own[i] is page first + i composed for this task alone (NULL where the
 * job kept it). */
struct cert_task {
	struct cert_batch *b;
	size_t first, n;
	bool print;
	char *name, *title;
	struct dlist **own;
};

static void release(struct cert_batch *b)
{
	pthread_mutex_lock(&b->mu);
	bool last = --b->refs == 0;
	pthread_mutex_unlock(&b->mu);
	if (!last)
		return;
	pdf_ctx_free(b->ctx);
	cert_job_free(b->job);
	free(b->source);
	pthread_mutex_destroy(&b->mu);
	free(b);
}

static const struct dlist *page_of(const struct cert_task *t, size_t i)
{
	return t->own[i] ? t->own[i] : t->b->job->dl[t->first + i];
}

static void run_cert(void *arg)
{
	struct cert_task *t = arg;
	struct cert_job *job = t->b->job;
	struct buf pdf = {0};
	if (t->print) {
		struct dlist print = {0};
		print.pages = xmalloc(t->n * sizeof *print.pages);
		for (size_t i = 0; i < t->n; i++)
			print.pages[i] = page_of(t, i)->pages[0]; /* shallow: the ops stay where they are */
		print.npages = t->n;
		print.meta = page_of(t, 0)->meta;
		print.meta.title = t->title;
		if (pdf_render(t->b->ctx, &print, &pdf) == 0)
			run_out_write(t->b->out, "certificates-print", t->b->source, t->name, (int)t->n, pdf.data,
				      pdf.len);
		free(print.pages);
	} else {
		if (pdf_render(t->b->ctx, page_of(t, 0), &pdf) == 0)
			run_out_write(t->b->out, "certificate", t->b->source, t->name, 1, pdf.data, pdf.len);
	}
	/* nothing else needs these pages when the decision asks for one kind
	 * of output only (else the job frees the ones it kept) */
	bool alone = t->print ? !job->files : !job->print;
	for (size_t i = 0; i < t->n; i++) {
		dlist_free(t->own[i]);
		if (alone && job->dl[t->first + i]) {
			dlist_free(job->dl[t->first + i]);
			job->dl[t->first + i] = NULL;
		}
	}
	buf_free(&pdf);
	free(t->own);
	free(t->name);
	free(t->title);
	bool part = t->print;
	release(t->b);
	free(t);
#ifdef __GLIBC__
	/* A part's PDF was built in this thread's malloc arena; hand its pages
	 * back, or each worker would keep the largest part it ever wrote. */
	if (part)
		malloc_trim(0);
#endif
}

/* The job's print file as one list, for --dump (composing what it did
 * not keep). */
static void dump_print(const struct cert_env *env, struct cert_job *job)
{
	struct dlist print = {0};
	print.pages = xmalloc(job->n * sizeof *print.pages);
	struct dlist **again = xcalloc(job->n, sizeof *again);
	for (size_t i = 0; i < job->n; i++) {
		if (!job->dl[i] && !(again[i] = compose_again(env, job, i)))
			goto out;
		print.pages[i] = (job->dl[i] ? job->dl[i] : again[i])->pages[0];
	}
	print.npages = job->n;
	print.meta = job->dl[0]->meta;
	print.meta.title = job->print_title;
	dlist_dump(&print, stdout);
out:
	for (size_t i = 0; i < job->n; i++)
		dlist_free(again[i]);
	free(again);
	free(print.pages);
}

/* The tasks in claim order: every file, then every print part, made one
 * at a time as they are queued (a list of 100,000 would otherwise hold a
 * task and a name for each). Names are claimed for all of them (so every
 * shard names files alike); next_task returns the shard's own, NULL at the
 * end. */
struct planner {
	size_t file, part, nparts, size;
	bool told;
};

static struct cert_task *file_task(const struct cert_env *env, struct cert_batch *b, size_t i)
{
	struct cert_job *job = b->job;
	const struct recipient *r = &job->rec[i];
	char *who = text_slug(r->name.s, 80);
	char *file = xasprintf("%s-%0*zu-%s", job->stem, job->width, i + 1, who);
	/* the shard key: decision, name and unit, not the place in the list */
	char *key = xasprintf("%s\t%s\t%s", job->stem, r->name.s, r->unit.s ? r->unit.s : "");
	char *name = run_out_claim_mine(env->out, file, b->source, key);
	free(who);
	free(file);
	free(key);
	if (!name)
		return NULL;
	struct cert_task *t = xcalloc(1, sizeof *t);
	*t = (struct cert_task){.b = b, .first = i, .n = 1, .name = name};
	return t;
}

static struct cert_task *part_task(const struct cert_env *env, struct cert_batch *b, const struct planner *pl)
{
	struct cert_job *job = b->job;
	size_t p = pl->part, nparts = pl->nparts, part = pl->size;
	char *stem = nparts == 1 ? xstrdup(job->print_name)
				 : xasprintf("%s-phan-%0*zu", job->print_name, nparts >= 100 ? 3 : 2, p + 1);
	char *name = run_out_claim_mine(env->out, stem, b->source, stem);
	free(stem);
	if (!name)
		return NULL;
	size_t first = p * part, cnt = job->n - first < part ? job->n - first : part;
	struct cert_task *t = xcalloc(1, sizeof *t);
	*t = (struct cert_task){.b = b, .first = first, .n = cnt, .print = true, .name = name,
				.title = nparts == 1 ? xstrdup(job->print_title)
						     : xasprintf("%s, phần %zu/%zu", job->print_title, p + 1, nparts)};
	return t;
}

static struct cert_task *next_task(const struct cert_env *env, struct cert_batch *b, struct planner *pl)
{
	struct cert_job *job = b->job;
	while (job->files && pl->file < job->n) {
		struct cert_task *t = file_task(env, b, pl->file++);
		if (t)
			return t;
	}
	if (!pl->told && pl->nparts > 1) {
		struct srcpos pos = {b->source, 0, 0};
		diag(PRINT_PARTS, &pos, job->n, pl->nparts, (int)pl->size);
	}
	pl->told = true;
	while (pl->part < pl->nparts) {
		struct cert_task *t = part_task(env, b, pl);
		pl->part++;
		if (t)
			return t;
	}
	return NULL;
}

/* Certificate files that may be queued beside a print part: the part
 * waits for little, while the next part waits for the one before it. */
#define FILES_BESIDE_A_PART 256

/* Composes the task's pages the job did not keep; false if one fails
 * (it did not the first time, so this is not expected). */
static bool prepare(const struct cert_env *env, struct cert_task *t)
{
	struct cert_job *job = t->b->job;
	t->own = xcalloc(t->n, sizeof *t->own);
	for (size_t i = 0; i < t->n; i++)
		if (!job->dl[t->first + i] && !(t->own[i] = compose_again(env, job, t->first + i)))
			return false;
	return true;
}

static void task_free(struct cert_task *t)
{
	for (size_t i = 0; t->own && i < t->n; i++)
		dlist_free(t->own[i]);
	free(t->own);
	free(t->name);
	free(t->title);
	free(t);
}

void cert_emit(const struct cert_env *env, const char *source, struct cert_job *job)
{
	if (env->o->dump) {
		dump_print(env, job);
		cert_job_free(job);
		return;
	}
	struct cert_batch *b = xcalloc(1, sizeof *b);
	b->job = job;
	b->out = env->out;
	b->source = xstrdup(source);
	b->refs = 1; /* this function's, until every task is queued */
	pthread_mutex_init(&b->mu, NULL);
	struct planner pl = {.size = cert_window(env)};
	pl.nparts = job->print ? (job->n + pl.size - 1) / pl.size : 0;
	size_t limit = job->window + FILES_BESIDE_A_PART;
	bool fonts_failed = false;
	for (struct cert_task *t; (t = next_task(env, b, &pl));) {
		if (!b->ctx && !fonts_failed)
			fonts_failed = !(b->ctx = pdf_ctx_narrow(env->pdf, job->chars));
		/* composed before waiting: the next part is ready when the one
		 * before it is written */
		if (fonts_failed || !prepare(env, t)) {
			task_free(t);
			continue;
		}
		pthread_mutex_lock(&b->mu);
		b->refs++;
		pthread_mutex_unlock(&b->mu);
		rq_submit_weighted(env->q, run_cert, t, t->n, limit);
	}
	release(b);
}

/* ---- calibration ------------------------------------------------------- */

int render_calibrate(const struct render_opts *o, const char *layout)
{
	char *fontdir = xasprintf("%s/fonts", o->home);
	struct fontset *fs = fontset_open(fontdir);
	free(fontdir);
	if (!fs)
		return diag_worst();
	/* a file name ("blank.yaml", "mau/blank.yaml") is found where it is,
	 * its printer profile beside it; a bare name along the usual search */
	size_t len = strlen(layout);
	bool is_file = strchr(layout, '/') || (len > 5 && !strcmp(layout + len - 5, ".yaml"));
	const char *base = strrchr(layout, '/') ? strrchr(layout, '/') + 1 : layout;
	char *name = is_file && len > 5 && !strcmp(layout + len - 5, ".yaml")
			     ? xstrndup(base, strlen(base) - 5) : xstrdup(base);
	struct layout_search search;
	render_search(o, is_file ? layout : NULL, &search);
	struct cert_layout lay;
	bool ok = layout_cert_load(&search, name, NULL, o->printer, &lay);
	layout_search_free(&search);
	layout = name;
	if (ok) {
		struct dlist *dl = dlist_new();
		compose_calibration(fs, &lay, dl);
		dl->meta.title = xasprintf("Tờ hiệu chỉnh: %s", layout);
		dl->meta.creator = xstrdup("vanban");
		if (o->dump) {
			dlist_dump(dl, stdout);
		} else if (!o->check_only) {
			struct pdf_fonts pf = {0};
			for (int i = 0; i < FACE_COUNT; i++)
				pf.path[i] = fontset_path(fs, (enum face)i);
			pf.pdfa = o->pdfa;
			struct pdf_ctx *ctx = pdf_ctx_new(&pf);
			struct outdir *od = ctx ? outdir_open(o->outdir) : NULL;
			struct buf pdf = {0};
			if (od && pdf_render(ctx, dl, &pdf) == 0) {
				struct manifest *m = manifest_new();
				char *stem = xasprintf("calibrate-%s", layout);
				char *name = outdir_claim(od, stem, ".pdf");
				if (outdir_write(od, name, pdf.data, pdf.len) == 0) {
					manifest_add(m, "calibration", layout, name, 1, pdf.data, pdf.len);
					manifest_write(m, od);
				}
				free(name);
				free(stem);
				manifest_free(m);
			}
			buf_free(&pdf);
			if (od)
				outdir_close(od);
			pdf_ctx_free(ctx);
		}
		dlist_free(dl);
		layout_cert_free(&lay);
	}
	free(name);
	fontset_free(fs);
	return diag_worst();
}
