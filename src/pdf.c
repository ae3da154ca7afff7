/* pdf.c — display list → PDF through libharu 2.3.0: the contexts shared by
 * a run, one document's run, and libharu's error handler. The other
 * pdf_*.c files (pdf_int.h lists them) do the parts; only they include
 * hpdf.h. */
#include "pdf_int.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "text.h"

/* Everything that calls libharu; any error longjmps back to render_guarded. */
static void build(struct render *r, struct buf *out)
{
	r->doing = N_("starting the document");
	HPDF_SetCompressionMode(r->pdf, HPDF_COMP_ALL);
	/* no encoder: text is glyph ids of our own fonts (pdf_font.c), and
	 * Info strings and bookmarks are UTF-16 written by pdf_meta.c */
	pdf_font_embed(r);
	pdf_meta_info(r);
	pdf_draw_pages(r);
	pdf_meta_navigation(r);
	pdf_pdfa(r);
	pdf_meta_id_placeholder(r);

	r->op = NULL;
	r->doing = N_("saving");
	HPDF_SaveToStream(r->pdf);
	HPDF_UINT32 size = HPDF_GetStreamSize(r->pdf);
	if (size == 0)
		pdf_fail(r, HPDF_INVALID_STREAM);
	size_t start = out->len;
	grow(&out->data, &out->cap, out->len + size + 1, 1);
	HPDF_UINT32 got = size;
	HPDF_ReadFromStream(r->pdf, (HPDF_BYTE *)out->data + out->len, &got);
	if (got != size)
		pdf_fail(r, HPDF_FILE_IO_ERROR);
	out->len += size;
	out->data[out->len] = '\0';
	pdf_meta_id_fill(out, start);
}

struct pdf_ctx *pdf_ctx_new(const struct pdf_fonts *fonts)
{
	struct pdf_ctx *ctx = xcalloc(1, sizeof *ctx);
	for (int f = 0; f < FACE_COUNT; f++)
		ctx->face[f].file.fd = -1;
	ctx->date = pdf_document_date();
	ctx->pdfa = fonts->pdfa;
	for (int f = 0; f < FACE_COUNT; f++) {
		struct pdf_face *pf = &ctx->face[f];
		if (!fonts->path[f])
			continue;
		pf->src = font_subset_open(fonts->path[f]);
		if (!pf->src)
			goto fail;
		if (font_subset_make(pf->src, NULL, 0, &pf->ttf, &pf->cps, &pf->ncps) < 0 ||
		    pdf_font_file_create(&pf->file, &pf->ttf, fonts->path[f]) < 0 ||
		    !(pf->small = font_subset_open(pf->file.path)))
			goto fail;
	}
	return ctx;
fail:
	pdf_ctx_free(ctx);
	return NULL;
}

struct pdf_charset {
	uint8_t seen[FACE_COUNT][65536 / 8]; /* one bit per BMP code point */
};

struct pdf_charset *pdf_charset_new(void)
{
	return xcalloc(1, sizeof(struct pdf_charset));
}

void pdf_charset_free(struct pdf_charset *cs)
{
	free(cs);
}

void pdf_charset_add(struct pdf_charset *cs, const struct dlist *dl)
{
	for (size_t p = 0; p < dl->npages; p++) {
		const struct dl_page *pg = &dl->pages[p];
		for (size_t i = 0; i < pg->nops; i++) {
			const struct dl_op *op = &pg->ops[i];
			if (op->kind != DL_TEXT || !op->text || op->face >= FACE_COUNT)
				continue;
			size_t len = strlen(op->text);
			for (size_t j = 0; j < len;) {
				uint32_t cp;
				size_t k = utf8_decode(op->text + j, len - j, &cp);
				j += k ? k : 1;
				if (k && cp < 65536)
					cs->seen[op->face][cp / 8] |= (uint8_t)(1u << (cp % 8));
			}
		}
	}
}

struct pdf_ctx *pdf_ctx_narrow(const struct pdf_ctx *base, const struct pdf_charset *cs)
{
	struct pdf_ctx *ctx = xcalloc(1, sizeof *ctx);
	ctx->borrowed = true;
	ctx->date = base->date;
	ctx->pdfa = base->pdfa;
	int rc = 0;
	for (int f = 0; f < FACE_COUNT && rc == 0; f++) {
		struct pdf_face *pf = &ctx->face[f];
		pf->file.fd = -1;
		pf->src = base->face[f].src;
		if (!pf->src)
			continue;
		uint32_t *want = xmalloc(65536 * sizeof *want);
		size_t nwant = 0;
		for (uint32_t cp = 0; cp < 65536; cp++)
			if (cs->seen[f][cp / 8] & (1u << (cp % 8)) && font_subset_covers(pf->src, cp))
				want[nwant++] = cp;
		if (nwant) {
			rc = font_subset_make_exact(pf->src, want, nwant, &pf->ttf, &pf->cps, &pf->ncps);
			if (rc == 0)
				rc = pdf_font_file_create(&pf->file, &pf->ttf, "font subset");
			if (rc == 0 && !(pf->small = font_subset_open(pf->file.path)))
				rc = -1;
		}
		free(want);
	}
	ctx->exact = true;
	if (rc < 0) {
		pdf_ctx_free(ctx);
		return NULL;
	}
	return ctx;
}

void pdf_ctx_free(struct pdf_ctx *ctx)
{
	if (!ctx)
		return;
	for (int f = 0; f < FACE_COUNT; f++) {
		if (!ctx->borrowed)
			font_subset_close(ctx->face[f].src);
		font_subset_close(ctx->face[f].small);
		pdf_font_file_close(&ctx->face[f].file);
		free(ctx->face[f].cps);
		buf_free(&ctx->face[f].ttf);
	}
	free(ctx);
}

const char *const pdf_face_name[FACE_COUNT] = {"regular", "bold", "italic", "bold italic"};

static void HPDF_STDCALL on_hpdf_error(HPDF_STATUS code, HPDF_STATUS detail, void *user)
{
	struct render *r = user;
	r->code = code;
	r->detail = detail;
	longjmp(r->jmp, 1);
}

void pdf_fail(struct render *r, HPDF_STATUS st)
{
	on_hpdf_error(st, 0, r);
	abort(); /* not reached */
}

void pdf_fail_errno(struct render *r, HPDF_STATUS st, int err)
{
	on_hpdf_error(st, (HPDF_STATUS)err, r);
	abort(); /* not reached */
}

void pdf_check_status(struct render *r, HPDF_STATUS st)
{
	if (st != HPDF_OK)
		pdf_fail(r, st);
}

static const char *hpdf_error_text(HPDF_STATUS code)
{
	switch (code) {
	case HPDF_FAILD_TO_ALLOC_MEM: return N_("out of memory");
	case HPDF_FILE_IO_ERROR: return N_("file I/O error");
	case HPDF_FILE_OPEN_ERROR: return N_("cannot open file");
	case HPDF_INVALID_DOCUMENT: return N_("invalid document");
	case HPDF_INVALID_FONT_NAME: return N_("unknown font name");
	case HPDF_INVALID_IMAGE: return N_("invalid image");
	case HPDF_INVALID_PNG_IMAGE: return N_("invalid PNG image");
	case HPDF_LIBPNG_ERROR: return N_("libpng error");
	case HPDF_INVALID_PARAMETER: return N_("invalid parameter");
	case HPDF_PAGE_INVALID_FONT_SIZE: return N_("invalid font size");
	case HPDF_PAGE_INVALID_SIZE: return N_("invalid page size");
	case HPDF_TTF_INVALID_CMAP: return N_("font has an unusable cmap");
	case HPDF_TTF_INVALID_FOMAT: return N_("unsupported TrueType format");
	case HPDF_TTF_MISSING_TABLE: return N_("font is missing a table");
	default: return N_("libharu error");
	}
}

static void report(const struct render *r)
{
	const struct srcpos *pos = r->op ? &r->op->pos : NULL;
	char detail[160] = "";
	if (r->code == HPDF_FILE_OPEN_ERROR || r->code == HPDF_FILE_IO_ERROR)
		snprintf(detail, sizeof detail, ": %s", strerror((int)r->detail));
	else if (r->detail)
		snprintf(detail, sizeof detail, ", detail %u", (unsigned)r->detail);
	if (r->op && r->op->kind == DL_IMAGE && r->op->text)
		diag(PDF_WRITE_FAILED_AT, pos,
		     diag_word(r->doing), r->op->text, diag_word(hpdf_error_text(r->code)), (unsigned)r->code, detail);
	else
		diag(PDF_WRITE_FAILED, pos, diag_word(r->doing), diag_word(hpdf_error_text(r->code)),
		     (unsigned)r->code, detail);
}

/* The one function with setjmp: it keeps no local state across it. */
static int render_guarded(struct render *r, struct buf *out)
{
	if (setjmp(r->jmp)) {
		report(r);
		return -1;
	}
	r->doing = N_("starting the document");
	r->pdf = HPDF_New(on_hpdf_error, r);
	if (!r->pdf)
		pdf_fail(r, HPDF_FAILD_TO_ALLOC_MEM);
	build(r, out);
	return 0;
}

int pdf_render(const struct pdf_ctx *ctx, const struct dlist *dl, struct buf *out)
{
	struct render *r = xcalloc(1, sizeof *r);
	r->ctx = ctx;
	r->dl = dl;
	r->pdfa = dl->pdfa || ctx->pdfa;
	size_t old_len = out->len;
	int rc = pdf_check(r);
	if (rc == 0)
		rc = pdf_font_prepare(r);
	if (rc == 0)
		rc = render_guarded(r, out);
	if (r->pdf)
		HPDF_Free(r->pdf);
	if (rc < 0 && out->data) {
		out->len = old_len; /* never hand back half a PDF */
		out->data[old_len] = '\0';
	}
	pdf_font_release(r);
	free(r->images);
	free(r->pages);
	free(r);
	return rc;
}

int pdf_validate(const struct pdf_ctx *ctx, const struct dlist *dl)
{
	struct render *r = xcalloc(1, sizeof *r);
	r->ctx = ctx;
	r->dl = dl;
	int rc = pdf_check(r);
	pdf_font_release(r);
	free(r);
	return rc;
}
