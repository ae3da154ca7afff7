/* dlist.c — building, freeing and dumping display lists. */
#include "dlist.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

const char *const face_code[FACE_COUNT] = {"R", "B", "I", "BI"};

struct dlist *dlist_new(void)
{
	return xcalloc(1, sizeof(struct dlist));
}

void dlist_free(struct dlist *dl)
{
	if (!dl)
		return;
	for (size_t i = 0; i < dl->npages; i++) {
		struct dl_page *pg = &dl->pages[i];
		for (size_t j = 0; j < pg->nops; j++)
			free(pg->ops[j].text);
		free(pg->ops);
	}
	free(dl->pages);
	for (size_t i = 0; i < dl->noutlines; i++)
		free(dl->outlines[i].title);
	free(dl->outlines);
	for (size_t i = 0; i < dl->nlabels; i++)
		free(dl->labels[i].prefix);
	free(dl->labels);
	dl_meta_free(&dl->meta);
	free(dl);
}

struct dl_page *dlist_add_page(struct dlist *dl, int32_t width, int32_t height)
{
	grow(&dl->pages, &dl->cap, dl->npages + 1, sizeof *dl->pages);
	struct dl_page *pg = &dl->pages[dl->npages++];
	memset(pg, 0, sizeof *pg);
	pg->width = width;
	pg->height = height;
	return pg;
}

struct dl_page *dlist_last_page(struct dlist *dl)
{
	return dl->npages ? &dl->pages[dl->npages - 1] : NULL;
}

static struct dl_op *add_op(struct dlist *dl, enum dl_kind kind)
{
	struct dl_page *pg = dlist_last_page(dl);
	if (!pg)
		abort(); /* a layout bug: ops before the first page */
	grow(&pg->ops, &pg->cap, pg->nops + 1, sizeof *pg->ops);
	struct dl_op *op = &pg->ops[pg->nops++];
	memset(op, 0, sizeof *op);
	op->kind = kind;
	return op;
}

void dl_text(struct dlist *dl, int32_t x, int32_t y, enum face face, int32_t size,
	     uint32_t color, const char *text, size_t len, const struct srcpos *pos)
{
	struct dl_op *op = add_op(dl, DL_TEXT);
	op->x = x;
	op->y = y;
	op->face = (uint8_t)face;
	op->size = size;
	op->color = color;
	op->text = xstrndup(text, len);
	if (pos)
		op->pos = *pos;
}

void dl_rule(struct dlist *dl, int32_t x1, int32_t y1, int32_t x2, int32_t y2,
	     int32_t width, uint32_t color)
{
	struct dl_op *op = add_op(dl, DL_RULE);
	op->x = x1;
	op->y = y1;
	op->w = x2 - x1;
	op->h = y2 - y1;
	op->size = width;
	op->color = color;
}

void dl_rect(struct dlist *dl, int32_t x, int32_t y, int32_t w, int32_t h,
	     int32_t line_width, uint32_t color, bool fill)
{
	struct dl_op *op = add_op(dl, DL_RECT);
	op->x = x;
	op->y = y;
	op->w = w;
	op->h = h;
	op->size = line_width;
	op->color = color;
	op->fill = fill;
}

void dl_image(struct dlist *dl, int32_t x, int32_t y, int32_t w, int32_t h, const char *path,
	      const struct image *img)
{
	struct dl_op *op = add_op(dl, DL_IMAGE);
	op->x = x;
	op->y = y;
	op->w = w;
	op->h = h;
	op->text = xstrdup(path);
	op->image = img;
}

void dl_outline(struct dlist *dl, unsigned level, size_t page, int32_t y, const char *title)
{
	grow(&dl->outlines, &dl->capoutlines, dl->noutlines + 1, sizeof *dl->outlines);
	struct dl_outline *o = &dl->outlines[dl->noutlines++];
	o->title = xstrdup(title ? title : "");
	o->page = page;
	o->y = y;
	o->level = (uint8_t)(level > 255 ? 255 : level);
}

void dl_label(struct dlist *dl, size_t page, enum dl_label_style style, int32_t start,
	      const char *prefix)
{
	grow(&dl->labels, &dl->caplabels, dl->nlabels + 1, sizeof *dl->labels);
	struct dl_label *l = &dl->labels[dl->nlabels++];
	l->page = page;
	l->style = style;
	l->start = start;
	l->prefix = prefix ? xstrdup(prefix) : NULL;
}

static const char *const label_code[] = {"none", "D", "R", "r", "A", "a"};

static void dump_string(FILE *f, const char *s)
{
	fputc('"', f);
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			fputc('\\', f);
		fputc(*s, f);
	}
	fputc('"', f);
}

static void dump_navigation(const struct dlist *dl, FILE *f)
{
	for (size_t i = 0; i < dl->noutlines; i++) {
		const struct dl_outline *o = &dl->outlines[i];
		fprintf(f, "outline %u %zu %d ", o->level, o->page + 1, o->y);
		dump_string(f, o->title);
		fputc('\n', f);
	}
	for (size_t i = 0; i < dl->nlabels; i++) {
		const struct dl_label *l = &dl->labels[i];
		unsigned st = (unsigned)l->style;
		fprintf(f, "label %zu %s %d ", l->page + 1,
			st < sizeof label_code / sizeof label_code[0] ? label_code[st] : "?", l->start);
		dump_string(f, l->prefix ? l->prefix : "");
		fputc('\n', f);
	}
	if (dl->pdfa)
		fputs("pdfa\n", f);
}

static void dump_meta(const struct dl_meta *m, FILE *f)
{
	const char *const keys[] = {"type_name", "number", "date", "summary", "issuer"};
	const char *const vals[] = {m->type_name, m->number, m->date, m->summary, m->issuer};
	for (size_t i = 0; i < 5; i++)
		if (vals[i]) {
			fprintf(f, "meta %s ", keys[i]);
			dump_string(f, vals[i]);
			fputc('\n', f);
		}
}

/* " @12:5": where a text op's characters came from in the input. */
static void dump_pos(const struct dl_op *op, FILE *f)
{
	if (op->pos.line > 0)
		fprintf(f, " @%d:%d", op->pos.line, op->pos.col);
}

void dlist_dump(const struct dlist *dl, FILE *f)
{
	dlist_dump_opts(dl, f, false);
}

void dlist_dump_opts(const struct dlist *dl, FILE *f, bool positions)
{
	if (positions)
		dump_meta(&dl->meta, f);
	for (size_t i = 0; i < dl->npages; i++) {
		const struct dl_page *pg = &dl->pages[i];
		fprintf(f, "page %zu %d %d\n", i + 1, pg->width, pg->height);
		for (size_t j = 0; j < pg->nops; j++) {
			const struct dl_op *op = &pg->ops[j];
			switch (op->kind) {
			case DL_TEXT:
				fprintf(f, "text %d %d %s %d #%06X ", op->x, op->y,
					face_code[op->face], op->size, op->color);
				dump_string(f, op->text);
				if (positions)
					dump_pos(op, f);
				fputc('\n', f);
				break;
			case DL_RULE:
				fprintf(f, "rule %d %d %d %d %d #%06X\n", op->x, op->y,
					op->x + op->w, op->y + op->h, op->size, op->color);
				break;
			case DL_RECT:
				fprintf(f, "rect %d %d %d %d %d #%06X %s\n", op->x, op->y, op->w,
					op->h, op->size, op->color, op->fill ? "fill" : "stroke");
				break;
			case DL_IMAGE:
				fprintf(f, "image %d %d %d %d ", op->x, op->y, op->w, op->h);
				dump_string(f, op->text);
				fputc('\n', f);
				break;
			}
		}
	}
	dump_navigation(dl, f);
}

void dl_meta_free(struct dl_meta *m)
{
	free(m->title);
	free(m->author);
	free(m->subject);
	free(m->keywords);
	free(m->creator);
	free(m->type_name);
	free(m->number);
	free(m->date);
	free(m->summary);
	free(m->issuer);
	memset(m, 0, sizeof *m);
}
