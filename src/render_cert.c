/* render_cert.c — certificates from decisions to files (render_cert.h).
 *
 * Composition and every message happen on the main thread. Writing: the
 * batch gets its own font subsets once (pdf_ctx_narrow: only the
 * characters the batch uses, so each file stays small); then worker
 * threads turn the one-page display lists into PDFs while one more renders
 * the print file, and the main thread writes the results strictly in list
 * order (outdir and manifest are single-threaded), freeing each as it goes.
 * Workers stay at most WINDOW documents ahead of the writer, which bounds
 * memory. */
#include "render_cert.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "compose_certificate.h"
#include "image.h"
#include "layout_cert.h"
#include "text.h"
#include "util.h"

#define WINDOW 64
#define MAX_WORKERS 4

struct cert_job {
	struct cert_layout lay;
	struct dlist **dl;        /* one single-page list per recipient */
	char **name;              /* output file stem of each */
	size_t n;
	char *print_name, *print_title;
	bool files, print;        /* which outputs the decision asks for */
	char *strings[8];         /* values the dlists' ops do not own */
	struct image *images[3];  /* emblem, signature, seal: every page draws the same one */
};

void cert_job_free(struct cert_job *job)
{
	if (!job)
		return;
	for (size_t i = 0; i < job->n; i++) {
		dlist_free(job->dl[i]);
		free(job->name[i]);
	}
	free(job->dl);
	free(job->name);
	free(job->print_name);
	free(job->print_title);
	for (size_t i = 0; i < sizeof job->strings / sizeof *job->strings; i++)
		free(job->strings[i]);
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

/* "15/QĐ-TCT" out of "Số: 15/QĐ-TCT" or "45-QĐ/ĐU" out of "Số 45-QĐ/ĐU". */
static const char *bare_number(const char *line)
{
	if (!strncmp(line, "Số", strlen("Số")))
		line += strlen("Số");
	while (*line == ':' || *line == ' ')
		line++;
	return line;
}

struct shared_vals {
	char *number_line, *decision_date, *date_line, *signer_title;
};

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
	v->val[CK_NATIONAL] = lay->national.s;
	v->val[CK_MOTTO] = lay->motto.s;
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
}

struct cert_job *cert_compose(const struct cert_env *env, const struct docfile *df,
			      const struct decision *d, const struct organisation *org,
			      const struct layout *lay, const struct roster *ro)
{
	if (!d->certificate_layout.s)
		return NULL;
	if (!ro->n) {
		diag(CERT_NO_RECIPIENTS, &d->certificate_layout.pos);
		return NULL;
	}
	struct cert_job *job = xcalloc(1, sizeof *job);
	struct layout_search search;
	render_search(env->o, df->path, &search);
	bool ok = layout_cert_load(&search, d->certificate_layout.s, &d->certificate_layout.pos,
				   env->o->printer, &job->lay);
	layout_search_free(&search);
	if (!ok) {
		free(job);
		return NULL;
	}
	struct cert_values v = {0};
	/* all three are checked, so every missing image is reported at once */
	ok = picture(job, 0, df->path, &d->emblem, N_("emblem"), &v.emblem);
	ok = picture(job, 1, df->path, &d->signer.signature, N_("signature"), &v.signature) && ok;
	ok = picture(job, 2, df->path, &d->signer.seal, N_("seal"), &v.seal) && ok;
	if (!ok) {
		cert_job_free(job);
		return NULL;
	}
	const char *out = d->certificate_output.s ? d->certificate_output.s : "both";
	job->files = strcmp(out, "print") != 0;
	job->print = strcmp(out, "files") != 0;
	struct shared_vals sv;
	decision_values(df, d, org, lay, &v, &sv);

	char *award = text_slug(v.val[CK_AWARD], 40);
	for (char *p = award; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	char *num = v.val[CK_NUMBER] ? text_slug(v.val[CK_NUMBER], 60) : NULL;
	char *stem = num ? xasprintf("%s-%s", award, num) : xstrdup(award);
	job->print_name = xasprintf("%s-ban-in", stem);
	job->print_title = xasprintf("%s, %s: bản in %zu trang", v.val[CK_AWARD],
				     sv.number_line ? sv.number_line : sv.decision_date, ro->n);
	int width = ro->n >= 1000 ? 4 : ro->n >= 100 ? 3 : 2;
	job->dl = xcalloc(ro->n, sizeof *job->dl);
	job->name = xcalloc(ro->n, sizeof *job->name);
	for (size_t i = 0; i < ro->n; i++) {
		const struct recipient *r = &ro->v[i];
		char nbuf[24];
		snprintf(nbuf, sizeof nbuf, "%0*zu", width, i + 1);
		v.val[CK_NAME] = r->name.s;
		v.pos[CK_NAME] = r->name.pos;
		v.val[CK_POSITION] = r->position.s;
		v.pos[CK_POSITION] = r->position.pos;
		v.val[CK_UNIT] = r->unit.s;
		v.pos[CK_UNIT] = r->unit.pos;
		const struct text *ach = r->achievement.s ? &r->achievement : &d->achievement;
		v.val[CK_ACHIEVEMENT] = ach->s;
		v.pos[CK_ACHIEVEMENT] = ach->pos;
		v.val[CK_LIST_NUMBER] = nbuf;
		v.pos[CK_LIST_NUMBER] = r->pos;
		struct dlist *dl = dlist_new();
		if (!compose_certificate(env->fs, &job->lay, &v, &r->pos, i == 0, dl)) {
			dlist_free(dl);
			ok = false;
			continue;
		}
		dl->meta.title = xasprintf("%s: %s", v.val[CK_AWARD], r->name.s);
		dl->meta.author = xstrdup(org->name.s);
		if (sv.number_line)
			dl->meta.subject = xasprintf("Quyết định %s", sv.number_line);
		dl->meta.creator = xstrdup("vanban");
		char *who = text_slug(r->name.s, 80);
		job->name[job->n] = xasprintf("%s-%s-%s", stem, nbuf, who);
		free(who);
		job->dl[job->n++] = dl;
	}
	free(award);
	free(num);
	free(stem);
	shared_free(&sv);
	if (!ok) {
		cert_job_free(job);
		return NULL;
	}
	return job;
}

/* ---- writing ------------------------------------------------------------ */

struct result {
	struct buf pdf;
	int rc;
	bool done;
};

struct pool {
	const struct cert_job *job;
	struct pdf_ctx *ctx;
	struct result *res;
	size_t next, written;     /* next to render; results handed to the writer */
	pthread_mutex_t mu;
	pthread_cond_t cv;
	struct dlist print;       /* pages borrowed from the job's lists */
	struct result print_res;
};

static void *worker(void *arg)
{
	struct pool *p = arg;
	for (;;) {
		pthread_mutex_lock(&p->mu);
		while (p->next < p->job->n && p->next >= p->written + WINDOW)
			pthread_cond_wait(&p->cv, &p->mu);
		size_t i = p->next++;
		pthread_mutex_unlock(&p->mu);
		if (i >= p->job->n)
			return NULL;
		struct buf out = {0};
		int rc = pdf_render(p->ctx, p->job->dl[i], &out);
		pthread_mutex_lock(&p->mu);
		p->res[i].pdf = out;
		p->res[i].rc = rc;
		p->res[i].done = true;
		pthread_cond_broadcast(&p->cv);
		pthread_mutex_unlock(&p->mu);
	}
}

static void *print_worker(void *arg)
{
	struct pool *p = arg;
	struct buf out = {0};
	int rc = pdf_render(p->ctx, &p->print, &out);
	pthread_mutex_lock(&p->mu);
	p->print_res.pdf = out;
	p->print_res.rc = rc;
	p->print_res.done = true;
	pthread_cond_broadcast(&p->cv);
	pthread_mutex_unlock(&p->mu);
	return NULL;
}

static void write_one(const struct cert_env *env, const char *source, const char *kind, const char *stem,
		      int pages, struct result *r)
{
	if (r->rc == 0) {
		char *name = outdir_claim(env->od, stem, ".pdf");
		if (outdir_write(env->od, name, r->pdf.data, r->pdf.len) == 0)
			manifest_add(env->manifest, kind, source, name, pages, r->pdf.data, r->pdf.len);
		free(name);
	}
	buf_free(&r->pdf);
}

static int workers_wanted(size_t n)
{
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	int w = cpus < 1 ? 1 : cpus > MAX_WORKERS ? MAX_WORKERS : (int)cpus;
	return (size_t)w > n ? (int)n : w;
}

void cert_emit(const struct cert_env *env, const char *source, struct cert_job *job)
{
	struct pool p = {.job = job};
	p.print.pages = xmalloc(job->n * sizeof *p.print.pages);
	for (size_t i = 0; i < job->n; i++)
		p.print.pages[i] = job->dl[i]->pages[0]; /* shallow: the ops stay the job's */
	p.print.npages = job->n;
	p.print.meta = job->dl[0]->meta;
	p.print.meta.title = job->print_title;
	if (env->o->dump) {
		dlist_dump(&p.print, stdout);
		free(p.print.pages);
		return;
	}
	p.ctx = pdf_ctx_narrow(env->pdf, (const struct dlist *const *)job->dl, job->n);
	if (!p.ctx) {
		free(p.print.pages);
		return;
	}
	pthread_mutex_init(&p.mu, NULL);
	pthread_cond_init(&p.cv, NULL);
	p.res = xcalloc(job->n, sizeof *p.res);
	pthread_t tid[MAX_WORKERS + 1];
	int nt = 0;
	if (job->print && pthread_create(&tid[nt], NULL, print_worker, &p) == 0)
		nt++;
	else if (job->print)
		print_worker(&p); /* no thread: do it here */
	int want = job->files ? workers_wanted(job->n) : 0;
	int started = 0;
	for (int i = 0; i < want; i++)
		if (pthread_create(&tid[nt], NULL, worker, &p) == 0)
			nt++, started++;
	for (size_t i = 0; job->files && i < job->n; i++) {
		if (started == 0) { /* no threads to be had: render here */
			p.res[i].rc = pdf_render(p.ctx, job->dl[i], &p.res[i].pdf);
			p.res[i].done = true;
		}
		pthread_mutex_lock(&p.mu);
		while (!p.res[i].done)
			pthread_cond_wait(&p.cv, &p.mu);
		pthread_mutex_unlock(&p.mu);
		write_one(env, source, "certificate", job->name[i], 1, &p.res[i]);
		pthread_mutex_lock(&p.mu);
		p.written = i + 1;
		pthread_cond_broadcast(&p.cv);
		pthread_mutex_unlock(&p.mu);
	}
	for (int i = 0; i < nt; i++)
		pthread_join(tid[i], NULL);
	if (job->print)
		write_one(env, source, "certificates-print", job->print_name, (int)job->n, &p.print_res);
	free(p.res);
	pthread_cond_destroy(&p.cv);
	pthread_mutex_destroy(&p.mu);
	pdf_ctx_free(p.ctx);
	free(p.print.pages);
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
			struct pdf_fonts pf;
			for (int i = 0; i < FACE_COUNT; i++)
				pf.path[i] = fontset_path(fs, (enum face)i);
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
