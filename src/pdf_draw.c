/* pdf_draw.c — the document's pages and their content streams. The page
 * tree is built here only (HPDF_AddPage), so a change to how pages are
 * kept (HPDF_SetPagesConfiguration, parts) has one place to go. */
#include "pdf_int.h"

#include <string.h>

#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

/* libharu gives every content stream 4 KB chunks: 4 MB of buffers for a
 * 1 000-page print file whose pages hold about 1 KB each. Swap the page's
 * fresh, empty stream for one that grows in 512-byte steps. */
static void small_content_stream(HPDF_Page page)
{
	HPDF_PageAttr attr = (HPDF_PageAttr)page->attr;
	if (!attr || !attr->contents || attr->stream != attr->contents->stream ||
	    HPDF_Stream_Size(attr->stream) != 0)
		return;
	HPDF_Stream s = HPDF_MemStream_New(page->mmgr, 512);
	if (!s)
		return;
	HPDF_Stream_Free(attr->contents->stream);
	attr->contents->stream = s;
	attr->stream = s;
}



static HPDF_REAL pt(int64_t millipoints)
{
	return (HPDF_REAL)(millipoints / 1000.0);
}

static HPDF_REAL channel(uint32_t color, int shift)
{
	return (HPDF_REAL)(((color >> shift) & 0xFF) / 255.0);
}

static void set_fill(struct render *r, HPDF_Page page, uint32_t color);

/* Text is written straight into the page's content stream (BT, Tf, Td,
 * <glyph ids> Tj, ET): the fonts are ours (pdf_font.c), not libharu's, and
 * libharu's own text operators only accept its fonts. libharu's graphics
 * mode stays "page description" throughout, which its other operators
 * (colours, paths) accept. */
static void put(struct render *r, HPDF_Page page, const char *s, size_t len)
{
	HPDF_PageAttr attr = (HPDF_PageAttr)page->attr;
	pdf_check_status(r, HPDF_Stream_Write(attr->stream, (const HPDF_BYTE *)s, (HPDF_UINT)len));
}

/* A number of millipoints in points, without trailing zeros. */
static void put_mpt(struct buf *b, int64_t v)
{
	if (v < 0) {
		buf_addc(b, '-');
		v = -v;
	}
	int64_t frac = v % 1000;
	if (!frac) {
		buf_printf(b, "%lld", (long long)(v / 1000));
		return;
	}
	char digits[8]; /* 3 digits; room the compiler can prove for any int64_t */
	snprintf(digits, sizeof digits, "%03lld", (long long)frac);
	int n = 3;
	while (digits[n - 1] == '0')
		n--;
	buf_printf(b, "%lld.%.*s", (long long)(v / 1000), n, digits);
}

static void end_text(struct render *r, HPDF_Page page)
{
	if (r->in_text) {
		put(r, page, "ET\n", 3);
		r->in_text = false;
	}
}

static void draw_text(struct render *r, HPDF_Page page, int32_t page_h, const struct dl_op *op)
{
	struct buf b = {0};
	if (!r->in_text) {
		buf_adds(&b, "BT\n");
		r->in_text = true;
		r->tx = r->ty = 0;
	}
	if (op->face != r->cur_face || op->size != r->cur_size) {
		pdf_font_on_page(r, page, op->face);
		buf_printf(&b, "/F%d ", op->face + 1);
		put_mpt(&b, op->size);
		buf_adds(&b, " Tf\n");
		r->cur_face = op->face;
		r->cur_size = op->size;
	}
	if (b.len) {
		put(r, page, b.data, b.len);
		b.len = 0;
	}
	set_fill(r, page, op->color);
	int64_t x = op->x, y = (int64_t)page_h - op->y;
	put_mpt(&b, x - r->tx);
	buf_addc(&b, ' ');
	put_mpt(&b, y - r->ty);
	buf_adds(&b, " Td\n<");
	r->tx = x;
	r->ty = y;
	pdf_font_glyphs(r, op->face, op->text, &b);
	buf_adds(&b, "> Tj\n");
	put(r, page, b.data, b.len);
	buf_free(&b);
}

static void set_fill(struct render *r, HPDF_Page page, uint32_t color)
{
	if (color != r->cur_fill) {
		HPDF_Page_SetRGBFill(page, channel(color, 16), channel(color, 8), channel(color, 0));
		r->cur_fill = color;
	}
}

static void set_stroke(struct render *r, HPDF_Page page, uint32_t color, int32_t width)
{
	if (color != r->cur_stroke) {
		HPDF_Page_SetRGBStroke(page, channel(color, 16), channel(color, 8), channel(color, 0));
		r->cur_stroke = color;
	}
	if (width != r->cur_line_width) {
		HPDF_Page_SetLineWidth(page, pt(width));
		r->cur_line_width = width;
	}
	if (!r->cap_set) {
		HPDF_Page_SetLineCap(page, HPDF_BUTT_END);
		r->cap_set = true;
	}
}

static void draw_op(struct render *r, HPDF_Page page, int32_t page_h, const struct dl_op *op)
{
	r->op = op;
	r->doing = N_("drawing");
	switch (op->kind) {
	case DL_TEXT:
		if (!op->text || !*op->text)
			break;
		draw_text(r, page, page_h, op);
		break;
	case DL_RULE:
		end_text(r, page);
		set_stroke(r, page, op->color, op->size);
		HPDF_Page_MoveTo(page, pt(op->x), pt((int64_t)page_h - op->y));
		HPDF_Page_LineTo(page, pt((int64_t)op->x + op->w), pt((int64_t)page_h - op->y - op->h));
		HPDF_Page_Stroke(page);
		break;
	case DL_RECT:
		end_text(r, page);
		if (op->fill)
			set_fill(r, page, op->color);
		else
			set_stroke(r, page, op->color, op->size);
		HPDF_Page_Rectangle(page, pt(op->x), pt((int64_t)page_h - op->y - op->h), pt(op->w), pt(op->h));
		if (op->fill)
			HPDF_Page_Fill(page);
		else
			HPDF_Page_Stroke(page);
		break;
	case DL_IMAGE: {
		end_text(r, page);
		HPDF_Image img = pdf_image_for(r, op);
		r->doing = N_("drawing");
		HPDF_Page_DrawImage(page, img, pt(op->x), pt((int64_t)page_h - op->y - op->h), pt(op->w),
				    pt(op->h));
		break;
	}
	}
}

static void reset_state(struct render *r)
{
	/* a content stream starts from the PDF default graphics state */
	r->in_text = r->cap_set = false;
	r->cur_face = -1;
	r->cur_size = -1;
	r->cur_line_width = 1000;
	r->cur_fill = r->cur_stroke = 0x000000;
}

static bool same_op(const struct dl_op *a, const struct dl_op *b)
{
	return a->kind == b->kind && a->x == b->x && a->y == b->y && a->w == b->w && a->h == b->h &&
	       a->size == b->size && a->color == b->color && a->face == b->face && a->fill == b->fill &&
	       (a->text == b->text || (a->text && b->text && !strcmp(a->text, b->text)));
}

/* How many ops every page of a multi-page document begins with in common
 * (a batch of certificates: border, header, signature). Those are written
 * once, as a content stream all pages share, which keeps a print file of
 * a thousand certificates small. */
static size_t shared_prefix(const struct dlist *dl)
{
	if (dl->npages < 2)
		return 0;
	const struct dl_page *p0 = &dl->pages[0];
	size_t n = p0->nops;
	for (size_t p = 1; p < dl->npages && n; p++) {
		const struct dl_page *pg = &dl->pages[p];
		if (pg->width != p0->width || pg->height != p0->height)
			return 0;
		size_t k = 0;
		while (k < n && k < pg->nops && same_op(&p0->ops[k], &pg->ops[k]))
			k++;
		n = k;
	}
	return n;
}

/* Puts the shared stream first in the page's contents (before the page's
 * own stream, where drawing goes on) and names its fonts and images in the
 * page's resources, as drawing them on the page would have. */
static void share_stream(struct render *r, HPDF_Page page, HPDF_Dict shared_stream,
			 const struct dl_page *pg, size_t shared)
{
	HPDF_PageAttr attr = (HPDF_PageAttr)page->attr;
	HPDF_Array contents = HPDF_Array_New(page->mmgr);
	if (!contents)
		pdf_check_status(r, HPDF_FAILD_TO_ALLOC_MEM);
	pdf_check_status(r, HPDF_Array_Add(contents, shared_stream));
	pdf_check_status(r, HPDF_Array_Add(contents, attr->contents));
	pdf_check_status(r, HPDF_Dict_Add(page, "Contents", contents));
	bool font_done[FACE_COUNT] = {false};
	for (size_t i = 0; i < shared; i++) {
		const struct dl_op *op = &pg->ops[i];
		if (op->kind == DL_TEXT && op->text && *op->text && !font_done[op->face]) {
			font_done[op->face] = true;
			pdf_font_on_page(r, page, op->face);
		} else if (op->kind == DL_IMAGE) {
			if (!HPDF_Page_GetXObjectName(page, pdf_image_for(r, op)))
				pdf_check_status(r, HPDF_Error_GetCode(page->error));
		}
	}
}


/* Adds a page of pg's size with a small content stream and no /ProcSet
 * (obsolete since PDF 1.4; it cost 46 bytes on every page). */
static HPDF_Page add_page(struct render *r, const struct dl_page *pg)
{
	r->op = NULL;
	r->doing = N_("adding a page");
	HPDF_Page page = HPDF_AddPage(r->pdf);
	HPDF_Dict res = HPDF_Dict_GetItem(page, "Resources", HPDF_OCLASS_DICT);
	if (res)
		HPDF_Dict_RemoveElement(res, "ProcSet");
	small_content_stream(page);
	memset(r->page_font, 0, sizeof r->page_font);
	HPDF_Page_SetWidth(page, pt(pg->width));
	HPDF_Page_SetHeight(page, pt(pg->height));
	return page;
}

void pdf_draw_pages(struct render *r)
{
	size_t shared = shared_prefix(r->dl);
	HPDF_Dict shared_stream = NULL;
	r->pages = xcalloc(r->dl->npages, sizeof *r->pages);
	for (size_t p = 0; p < r->dl->npages; p++) {
		const struct dl_page *pg = &r->dl->pages[p];
		HPDF_Page page = r->pages[p] = add_page(r, pg);
		reset_state(r);
		size_t first = 0;
		if (shared && p == 0) {
			/* the first page's own stream holds the shared ops, inside
			 * q … Q so the page's other ops start from the default state */
			HPDF_Page_GSave(page);
			for (; first < shared; first++)
				draw_op(r, page, pg->height, &pg->ops[first]);
			end_text(r, page);
			HPDF_Page_GRestore(page);
			shared_stream = ((HPDF_PageAttr)page->attr)->contents;
			r->doing = N_("adding a page");
			pdf_check_status(r, HPDF_Page_New_Content_Stream(page, NULL));
			small_content_stream(page);
			reset_state(r);
		} else if (shared) {
			share_stream(r, page, shared_stream, pg, shared);
			first = shared;
		}
		for (size_t i = first; i < pg->nops; i++)
			draw_op(r, page, pg->height, &pg->ops[i]);
		end_text(r, page);
	}
}
