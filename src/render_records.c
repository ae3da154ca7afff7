/* render_records.c — a year's records in one run (ND30 Phụ lục V): the
 * body's Danh mục hồ sơ, every volume it names, and the Mục lục hồ sơ,
 * tài liệu nộp lưu of the files handed to the archive, whose "Số tờ" are
 * the volumes' own sheet counts. Nothing is written if any part has
 * errors. */
#include "render_volume.h"

#include <stdlib.h>
#include <string.h>

#include "compose_volume.h"
#include "util.h"

struct records_run {
	const struct cert_env *env;
	const struct recfile *rf;
	struct layout lay;
	struct records_row *rows;
	struct volfile **vfs;          /* per row, NULL for a planned file */
	struct volume_build **vbs;
	char **spans;                  /* per row: from and to, owned */
	size_t n;
};

static struct volfile *load_volume(struct records_run *rr, const struct records_file *f)
{
	const char *path = f->volume.s;
	struct node *tree = render_load(rr->env, rr->rf->path, &f->volume, N_("volume file"), NULL);
	struct volfile *vf = NULL;
	if (tree && input_kind_of(tree) != INPUT_VOLUME) {
		diag(VOLUME_SOURCE_NESTED, &tree->pos, tree->pos.file);
		node_free(tree);
	} else if (tree) {
		vf = volfile_bind(tree);
	}
	if (!vf && tree)
		diag(RECORDS_VOLUME_BAD, &f->volume.pos, path);
	return vf;
}

/* A row from a volume: what its file says, and its sheets once built.
 * False after reporting that the volume cannot be read or built. */
static bool volume_row(struct records_run *rr, size_t k, const struct records_file *f)
{
	struct records_row *row = &rr->rows[k];
	struct volfile *vf = rr->vfs[k] = load_volume(rr, f);
	if (!vf)
		return false;
	const struct volume *v = &vf->volume;
	row->number = v->number.s;
	row->title = v->title.s;
	row->retention = v->retention.s;
	row->compiler = v->compiler.s;
	rr->spans[2 * k] = volume_day(v->from.d);
	rr->spans[2 * k + 1] = volume_day(v->to.d);
	row->from = rr->spans[2 * k];
	row->to = rr->spans[2 * k + 1];
	row->hand_over = !f->hand_over.set || f->hand_over.v;
	if (v->year.v != rr->rf->records.year.v)
		diag(RECORDS_YEAR, &f->volume.pos, v->number.s, v->year.v, rr->rf->records.year.v);
	rr->vbs[k] = volume_build_new(rr->env, vf);
	if (!rr->vbs[k]) {
		diag(RECORDS_VOLUME_BAD, &f->volume.pos, vf->path);
		return false;
	}
	row->sheets = volume_build_sheets(rr->vbs[k]);
	return true;
}

/* Every row of the records, each volume built; false if any failed. */
static bool collect(struct records_run *rr)
{
	bool ok = true;
	const struct year_records *r = &rr->rf->records;
	const struct records_heading *h = r->headings.v;
	for (size_t i = 0; i < r->headings.n; i++)
		rr->n += h[i].files.n;
	rr->rows = xcalloc(rr->n + 1, sizeof *rr->rows);
	rr->vfs = xcalloc(rr->n + 1, sizeof *rr->vfs);
	rr->vbs = xcalloc(rr->n + 1, sizeof *rr->vbs);
	rr->spans = xcalloc(2 * rr->n + 1, sizeof *rr->spans);
	for (size_t i = 0, k = 0; i < r->headings.n; i++) {
		const struct records_file *f = h[i].files.v;
		for (size_t j = 0; j < h[i].files.n; j++, k++) {
			struct records_row *row = &rr->rows[k];
			*row = (struct records_row){f[j].number.s, f[j].title.s, f[j].retention.s,
				f[j].compiler.s, f[j].note.s, NULL, NULL, 0,
				f[j].hand_over.set && f[j].hand_over.v, i, f[j].pos};
			if (f[j].volume.s)
				ok &= volume_row(rr, k, &f[j]);
		}
	}
	return ok;
}

static bool numbers_unique(const struct records_run *rr)
{
	for (size_t i = 0; i < rr->n; i++)
		for (size_t j = 0; j < i; j++)
			if (rr->rows[i].number && rr->rows[j].number &&
			    !strcmp(rr->rows[i].number, rr->rows[j].number)) {
				diag(RECORDS_NUMBER_TWICE, &rr->rows[i].pos, rr->rows[i].number,
				     rr->rows[j].pos.line);
				return false;
			}
	return true;
}

/* The Danh mục, the volumes and the two Mục lục nộp lưu: every part is
 * composed, typeset and checked before the first is written, so a records
 * file with an error in any part writes nothing (as a document file). */
static void emit_all(struct records_run *rr)
{
	const char *src = rr->rf->path;
	enum { LIST, PERMANENT, LIMITED, PARTS };
	struct composed c[PARTS] = {0};
	struct dlist *dl[PARTS] = {0};
	bool have[PARTS];
	int errors = diag_errors();
	have[LIST] = compose_records_list(rr->rf, &rr->lay, rr->rows, rr->n, &c[LIST]);
	for (int k = PERMANENT; k <= LIMITED; k++) /* false: none of that class, or an error */
		have[k] = compose_records_handover(rr->rf, &rr->lay, rr->rows, rr->n, k == PERMANENT, &c[k]);
	bool ok = have[LIST] && diag_errors() == errors;
	for (int k = 0; k < PARTS; k++)
		if (ok && have[k])
			ok = (dl[k] = render_typeset_checked(rr->env, &c[k])) != NULL;
	if (ok) {
		render_emit_typeset(rr->env, src, &c[LIST], dl[LIST]);
		dl[LIST] = NULL;
		for (size_t k = 0; k < rr->n; k++)
			if (rr->vbs[k])
				volume_build_emit(rr->env, rr->vfs[k]->path, rr->vbs[k]);
		for (int k = PERMANENT; k <= LIMITED; k++)
			if (have[k]) {
				render_emit_typeset(rr->env, src, &c[k], dl[k]);
				dl[k] = NULL;
			}
	}
	for (int k = 0; k < PARTS; k++) {
		dlist_free(dl[k]);
		composed_free(&c[k]);
	}
}

void render_records(const struct cert_env *env, struct node *tree)
{
	struct recfile *rf = recfile_bind(tree);
	if (!rf)
		return;
	struct records_run rr = {.env = env, .rf = rf};
	if (render_layout(env, rf->path, rf->layout.s ? rf->layout.s : "nd30", &rf->layout.pos,
			  &rr.lay)) {
		if (collect(&rr) && numbers_unique(&rr))
			emit_all(&rr);
		layout_free(&rr.lay);
	}
	for (size_t k = 0; k < rr.n; k++) {
		volume_build_free(rr.vbs[k]);
		volfile_free(rr.vfs[k]);
		free(rr.spans[2 * k]), free(rr.spans[2 * k + 1]);
	}
	free(rr.rows), free(rr.vfs), free(rr.vbs), free(rr.spans);
	recfile_free(rf);
}
