/* render_volume.c — one hồ sơ volume as one PDF (ND30 Điều 29, khoản 4,
 * điểm c): cover, Mục lục văn bản, the documents in order, Chứng từ kết
 * thúc.
 *
 * Sheets ("tờ") are counted and numbered over the documents only: the
 * cover, the Mục lục and the Chứng từ kết thúc are not numbered (the
 * Chứng từ states the Mục lục's sheets separately, and a multi-page Mục
 * lục carries its own page numbers). So the documents are laid out first,
 * their sheet numbers fixed, then the Mục lục (whose rows print them),
 * then the cover and the Chứng từ, which print the counts. Printed on both
 * sides (`sides: two`), every part starts on a recto, a sheet is two
 * pages and only the recto carries the number. */
#include "render_volume.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "compose_volume.h"
#include "pdf_import.h"
#include "load_file.h"
#include "util.h"

struct part {
	struct dlist *dl;          /* its pages, until they move into the volume */
	const struct volume_doc *doc;
	struct pdf_scan *scan;     /* a scanned document */
	int first_sheet, sheets;
	size_t first_page;         /* 0-based, in the volume */
};

struct volume_build {
	const struct cert_env *env;
	const struct volfile *vf;
	struct layout lay;
	struct part *parts;
	size_t nparts, cap;
	bool two_sided, numbered;
	int sheets, toc_sheets;
	struct dlist *vol;
	struct buf pdf;            /* the finished PDF */
	char *name;                /* output name without ".pdf" */
};

static struct part *new_part(struct volume_build *vb, const struct volume_doc *doc)
{
	grow(&vb->parts, &vb->cap, vb->nparts + 1, sizeof *vb->parts);
	struct part *p = &vb->parts[vb->nparts++];
	memset(p, 0, sizeof *p);
	p->doc = doc;
	return p;
}

static const char *bare_number(const char *n);

static bool wanted(const struct volume_doc *d, const char *kind, const struct dl_meta *m)
{
	if (d->only.s && strcmp(d->only.s, kind))
		return false;
	const char *num = bare_number(m->number);
	for (size_t i = 0; i < d->numbers.n; i++)
		if (num && !strcmp(d->numbers.v[i].s, num))
			return true;
	return !d->numbers.n;
}

static bool add_source(struct volume_build *vb, const struct volume_doc *d)
{
	struct typeset_docs td = {0};
	bool ok = render_typeset_file(vb->env, vb->vf->path, &d->source, &td);
	const char *path = d->source.s;
	size_t taken = 0;
	for (size_t i = 0; ok && i < td.n; i++) {
		if (!wanted(d, td.kind[i], &td.v[i]->meta))
			continue;
		new_part(vb, d)->dl = td.v[i];
		td.v[i] = NULL;
		taken++;
	}
	if (!ok)
		diag(VOLUME_SOURCE_BAD, &d->source.pos, path);
	else if (!taken)
		diag(VOLUME_SOURCE_EMPTY, &d->only.pos, path, d->only.s ? d->only.s : "any");
	for (size_t i = 0; i < td.n; i++)
		dlist_free(td.v[i]);
	td.n = 0;
	typeset_docs_free(&td);
	return ok && taken;
}

/* A scan becomes blank pages of its pages' sizes; pdf_import fills them. */
static bool add_scan(struct volume_build *vb, const struct volume_doc *d)
{
	size_t len;
	char *shown;
	char *bytes = load_file_read(vb->vf->path, d->scan.s, &d->scan.pos, N_("scan"), PDF_SCAN_MAX, &len,
				     &shown);
	if (!bytes)
		return false;
	struct pdf_scan *s = pdf_scan_open(bytes, len, shown, &d->scan.pos);
	free(shown);
	if (!s)
		return false;
	struct part *p = new_part(vb, d);
	p->scan = s;
	p->dl = dlist_new();
	for (size_t i = 0; i < pdf_scan_pages(s); i++) {
		int32_t w, h;
		pdf_scan_page_size(s, i, &w, &h);
		dlist_add_page(p->dl, w, h);
	}
	return true;
}

/* Printed on both sides, a part that ends on a recto gets a blank verso. */
static int sheets_of(struct dlist *dl, bool two_sided)
{
	if (!two_sided)
		return (int)dl->npages;
	if (dl->npages % 2) {
		const struct dl_page *last = &dl->pages[dl->npages - 1];
		dlist_add_page(dl, last->width, last->height);
	}
	return (int)(dl->npages / 2);
}

static void number_sheets(struct volume_build *vb)
{
	int next = 1;
	for (size_t i = 0; i < vb->nparts; i++) {
		struct part *p = &vb->parts[i];
		p->first_sheet = next;
		p->sheets = sheets_of(p->dl, vb->two_sided);
		next += p->sheets;
	}
	vb->sheets = next - 1;
}

/* "Số: 01/BB-TCT" in a header is "01/BB-TCT" in a list. */
static const char *bare_number(const char *n)
{
	if (!n)
		return NULL;
	if (!strncmp(n, "Số", strlen("Số")))
		n += strlen("Số");
	return n + strspn(n, ": ");
}

struct row_text {
	char *date, *title;
};

/* "Quyết định về việc …": the trích yếu after the tên loại. */
static char *row_title(const char *type, const char *summary)
{
	if (!type || !*type)
		return xstrdup(summary ? summary : "");
	if (!summary || !*summary)
		return xstrdup(type);
	if (!strncmp(summary, "Về ", strlen("Về ")))
		return xasprintf("%s về %s", type, summary + strlen("Về "));
	if (!strncmp(summary, "V/v ", strlen("V/v "))) /* a Công văn's "V/v" spelt out */
		return xasprintf("%s về việc %s", type, summary + strlen("V/v "));
	return xasprintf("%s %s", type, summary);
}

static char *row_date(const struct volume_doc *d, const struct dl_meta *m)
{
	struct date day;
	if (d->date.set)
		return volume_day(d->date.d);
	if (m->date && date_parse(m->date, &day))
		return volume_day(day);
	return xstrdup("");
}

/* The document's date outside the volume's is worth a warning, not a stop. */
static void check_meta_date(const struct volume *v, const struct volume_doc *d,
			    const struct dl_meta *m)
{
	struct date day;
	if (d->date.set || !m->date || !date_parse(m->date, &day))
		return;
	if (date_cmp(day, v->from.d) >= 0 && date_cmp(day, v->to.d) <= 0)
		return;
	char *a = volume_day(day), *b = volume_day(v->from.d), *c = volume_day(v->to.d);
	diag(VOLUME_DATE_RANGE, &d->pos, a, b, c);
	free(a), free(b), free(c);
}

static struct toc_row *toc_rows(struct volume_build *vb, struct row_text *texts)
{
	struct toc_row *rows = xcalloc(vb->nparts ? vb->nparts : 1, sizeof *rows);
	for (size_t i = 0; i < vb->nparts; i++) {
		const struct part *p = &vb->parts[i];
		const struct volume_doc *d = p->doc;
		const struct dl_meta *m = &p->dl->meta;
		if (!p->scan)
			check_meta_date(&vb->vf->volume, d, m);
		texts[i].date = row_date(d, m);
		texts[i].title = row_title(d->type.s ? d->type.s : m->type_name,
					   d->summary.s ? d->summary.s : m->summary);
		rows[i] = (struct toc_row){
			.number = d->number.s ? d->number.s : bare_number(m->number),
			.date = texts[i].date, .title = texts[i].title,
			.issuer = d->issuer.s ? d->issuer.s : m->issuer,
			.note = d->note.s ? d->note.s : p->scan ? "Bản chụp" : NULL,
			.sheet = p->first_sheet, .pos = d->pos};
	}
	return rows;
}

static struct dlist *typeset_composed(struct volume_build *vb, struct composed *c, bool ok)
{
	if (!ok) {
		composed_free(c);
		return NULL;
	}
	struct dlist *dl = dlist_new();
	typeset(vb->env->fs, &c->page, &c->blocks, dl);
	dl->meta = c->meta;
	memset(&c->meta, 0, sizeof c->meta);
	if (c->name) {
		free(vb->name);
		vb->name = xstrdup(c->name);
	}
	composed_free(c);
	return dl;
}

static struct dlist *make_toc(struct volume_build *vb)
{
	struct row_text *texts = xcalloc(vb->nparts ? vb->nparts : 1, sizeof *texts);
	struct toc_row *rows = toc_rows(vb, texts);
	struct composed c = {0};
	bool ok = compose_volume_toc(vb->vf, &vb->lay, rows, vb->nparts, &c);
	struct dlist *dl = typeset_composed(vb, &c, ok);
	for (size_t i = 0; i < vb->nparts; i++)
		free(texts[i].date), free(texts[i].title);
	free(texts);
	free(rows);
	return dl;
}

/* Moves src's pages to the end of the volume (src is emptied). Returns
 * the first moved page's index. */
static size_t move_pages(struct dlist *vol, struct dlist *src)
{
	size_t first = vol->npages;
	for (size_t i = 0; i < src->npages; i++) {
		struct dl_page *from = &src->pages[i];
		struct dl_page *to = dlist_add_page(vol, from->width, from->height);
		to->ops = from->ops, to->nops = from->nops, to->cap = from->cap;
		from->ops = NULL, from->nops = from->cap = 0;
	}
	return first;
}

/* "đánh số tờ": the sheet's number in the top-right corner of its recto. */
static void stamp(struct volume_build *vb, int sheet)
{
	struct dl_page *pg = dlist_last_page(vb->vol);
	char num[24];
	int len = snprintf(num, sizeof num, "%d", sheet);
	int32_t size = layout_pt(&vb->lay.page_number_size);
	int32_t w = font_width(vb->env->fs, FACE_REGULAR, size, num, (size_t)len);
	dl_text(vb->vol, pg->width - MM(12) - w, MM(12), FACE_REGULAR, size, 0, num, (size_t)len, NULL);
}

/* The document's bookmark ("3. Báo cáo … (85/BC-TCT)"), its own bookmarks
 * one level under it. */
static void doc_outline(struct volume_build *vb, const struct part *p, size_t index)
{
	const struct volume_doc *d = p->doc;
	const struct dl_meta *m = &p->dl->meta;
	char *t = row_title(d->type.s ? d->type.s : m->type_name, d->summary.s ? d->summary.s : m->summary);
	const char *num = d->number.s ? d->number.s : bare_number(m->number);
	char *title = num && *num ? xasprintf("%zu. %s (%s)", index + 1, t, num)
				  : xasprintf("%zu. %s", index + 1, t);
	dl_outline(vb->vol, 0, p->first_page, 0, title);
	free(title), free(t);
	for (size_t i = 0; i < p->dl->noutlines; i++) {
		const struct dl_outline *o = &p->dl->outlines[i];
		dl_outline(vb->vol, o->level + 1u, p->first_page + o->page, o->y, o->title);
	}
}

/* Page labels over the documents: the sheet numbers (two-sided, "Tờ 3"
 * and "Tờ 3, mặt sau"). */
static void doc_labels(struct volume_build *vb, const struct part *p)
{
	if (!vb->two_sided) {
		dl_label(vb->vol, p->first_page, DL_LABEL_DECIMAL, p->first_sheet, NULL);
		return;
	}
	for (size_t k = 0; k < p->dl->npages; k++) {
		char *l = xasprintf(k % 2 ? "Tờ %zu, mặt sau" : "Tờ %zu", (size_t)p->first_sheet + k / 2);
		dl_label(vb->vol, p->first_page + k, DL_LABEL_NONE, 1, l);
		free(l);
	}
}

static void add_documents(struct volume_build *vb)
{
	for (size_t i = 0; i < vb->nparts; i++) {
		struct part *p = &vb->parts[i];
		struct dlist *src = p->dl;
		p->first_page = vb->vol->npages;
		for (size_t k = 0; k < src->npages; k++) {
			struct dlist one = {.pages = &src->pages[k], .npages = 1};
			move_pages(vb->vol, &one);
			bool recto = !vb->two_sided || k % 2 == 0;
			if (vb->numbered && recto)
				stamp(vb, p->first_sheet + (int)(vb->two_sided ? k / 2 : k));
		}
		doc_outline(vb, p, i);
		doc_labels(vb, p);
	}
}

/* The cover's frame: the panel's edge, inside the margins of the page. */
static void cover_frame(struct dlist *cover, const struct layout *lay)
{
	struct dl_page *pg = &cover->pages[0];
	int32_t x = layout_mm(&lay->left) - MM(10), y = layout_mm(&lay->top) - MM(8);
	int32_t w = pg->width - x - layout_mm(&lay->right) + MM(6);
	int32_t h = pg->height - y - layout_mm(&lay->bottom) + MM(6);
	if (cover->npages == 1)
		dl_rect(cover, x, y, w, h, 1500, 0, false);
}

static bool assemble(struct volume_build *vb)
{
	number_sheets(vb);
	struct dlist *toc = make_toc(vb);
	if (!toc)
		return false;
	vb->toc_sheets = sheets_of(toc, vb->two_sided);
	struct composed c = {0};
	struct dlist *cover = typeset_composed(vb, &c,
		compose_volume_cover(vb->vf, &vb->lay, vb->sheets, &c));
	memset(&c, 0, sizeof c);
	struct dlist *end = typeset_composed(vb, &c,
		compose_volume_end(vb->vf, &vb->lay, vb->sheets, vb->toc_sheets, &c));
	if (!cover || !end) {
		dlist_free(toc), dlist_free(cover), dlist_free(end);
		return false;
	}
	cover_frame(cover, &vb->lay);
	sheets_of(cover, vb->two_sided);
	vb->vol = dlist_new();
	vb->vol->meta = cover->meta;
	memset(&cover->meta, 0, sizeof cover->meta);
	vb->vol->pdfa = true; /* an archival copy (docs/rules.md §4) */
	dl_outline(vb->vol, 0, move_pages(vb->vol, cover), 0, "Bìa hồ sơ");
	dl_label(vb->vol, 0, DL_LABEL_NONE, 1, "Bìa");
	size_t at = move_pages(vb->vol, toc);
	dl_outline(vb->vol, 0, at, 0, "Mục lục văn bản, tài liệu");
	dl_label(vb->vol, at, DL_LABEL_DECIMAL, 1, "Mục lục ");
	add_documents(vb);
	at = move_pages(vb->vol, end);
	dl_outline(vb->vol, 0, at, 0, "Chứng từ kết thúc");
	dl_label(vb->vol, at, DL_LABEL_NONE, 1, "Chứng từ kết thúc");
	dlist_free(cover), dlist_free(toc), dlist_free(end);
	return true;
}

static bool write_pdf(struct volume_build *vb)
{
	struct buf raw = {0};
	if (pdf_render((struct pdf_ctx *)vb->env->pdf, vb->vol, &raw) != 0)
		return false;
	struct pdf_placement *pl = NULL;
	size_t n = 0, cap = 0;
	for (size_t i = 0; i < vb->nparts; i++) {
		const struct part *p = &vb->parts[i];
		for (size_t k = 0; p->scan && k < pdf_scan_pages(p->scan); k++) {
			grow(&pl, &cap, n + 1, sizeof *pl);
			pl[n++] = (struct pdf_placement){p->first_page + k, p->scan, k};
		}
	}
	/* every volume through qpdf: its scans, and a file PDF/A readers accept */
	int rc = pdf_import_place(raw.data, raw.len, pl, n, &vb->pdf);
	free(pl);
	buf_free(&raw);
	return rc == 0;
}

static void build_free(struct volume_build *vb)
{
	for (size_t i = 0; i < vb->nparts; i++) {
		dlist_free(vb->parts[i].dl);
		pdf_scan_close(vb->parts[i].scan);
	}
	free(vb->parts);
	dlist_free(vb->vol);
	buf_free(&vb->pdf);
	free(vb->name);
	layout_free(&vb->lay);
}

/* Builds the volume in memory (its PDF unless checking or dumping).
 * False after errors. */
static bool volume_build(const struct cert_env *env, const struct volfile *vf,
			 struct volume_build *vb)
{
	memset(vb, 0, sizeof *vb);
	vb->env = env;
	vb->vf = vf;
	const struct volume *v = &vf->volume;
	if (!render_layout(env, vf->path, vf->layout.s ? vf->layout.s : "nd30", &vf->layout.pos, &vb->lay))
		return false;
	vb->two_sided = v->sides.s && !strcmp(v->sides.s, "two");
	vb->numbered = v->sheet_numbers.set ? v->sheet_numbers.v
					    : volume_retention_long(v->retention.s);
	const struct volume_doc *d = v->docs.v;
	bool ok = true;
	for (size_t i = 0; i < v->docs.n; i++) /* every part tried, so every error is reported */
		ok &= d[i].scan.s ? add_scan(vb, &d[i]) : add_source(vb, &d[i]);
	if (!ok || !assemble(vb))
		return false;
	if (env->o->check_only || env->o->dump)
		return true;
	return write_pdf(vb);
}

struct volume_build *volume_build_new(const struct cert_env *env, const struct volfile *vf)
{
	struct volume_build *vb = xmalloc(sizeof *vb);
	if (volume_build(env, vf, vb))
		return vb;
	build_free(vb);
	free(vb);
	return NULL;
}

int volume_build_sheets(const struct volume_build *vb)
{
	return vb->sheets;
}

void volume_build_free(struct volume_build *vb)
{
	if (!vb)
		return;
	build_free(vb);
	free(vb);
}

/* Written once per run: a volume that a records file also names is not
 * written twice when both are given. */
void volume_build_emit(const struct cert_env *env, const char *source, struct volume_build *vb)
{
	if (env->o->check_only)
		return;
	if (env->o->dump) {
		dlist_dump(vb->vol, stdout);
		return;
	}
	if (!run_out_once(env->out, "volume", source))
		return;
	const char *stem = vb->name ? vb->name : "ho-so";
	char *name = run_out_claim_mine(env->out, stem, source, stem);
	if (name)
		run_out_write_doc(env->out, "volume", source, name, (int)vb->vol->npages, vb->pdf.data,
				  vb->pdf.len, &vb->vol->meta, vb->sheets);
	free(name);
}

void render_volume(const struct cert_env *env, struct node *tree)
{
	struct volfile *vf = volfile_bind(tree);
	if (!vf)
		return;
	struct volume_build *vb = volume_build_new(env, vf);
	if (vb)
		volume_build_emit(env, vf->path, vb);
	volume_build_free(vb);
	volfile_free(vf);
}
