/* pdf_int.h — what the pdf_*.c files share; nothing outside them includes
 * it. The pdf_*.c files are the only users of libharu (hpdf.h and the
 * installed internal headers hpdf_objects.h, hpdf_pages.h, …):
 *   pdf.c        contexts, one document's run, libharu's error handler
 *   pdf_check.c  the display list checked before libharu sees any of it
 *   pdf_font.c   font subsets per document, their PDF font objects
 *   pdf_draw.c   pages and their content streams
 *   pdf_image.c  images as XObjects
 *   pdf_meta.c   Info, dates, outlines, page labels, version and /ID
 *   pdf_pdfa.c   PDF/A-1b: the sRGB output intent and XMP metadata
 * (pdf_import.c, scans placed into a finished volume, is libqpdf's file and
 * does not use this header.) */
#ifndef VANBAN_PDF_INT_H
#define VANBAN_PDF_INT_H

#include <limits.h>
#include <setjmp.h>
#include <stdbool.h>
#include <stdint.h>

#include <hpdf.h>

#include "font_subset.h"
#include "pdf.h"

extern const char *const pdf_face_name[FACE_COUNT];

/* Font bytes in a file libharu can open by name (2.3.0 cannot load a font
 * from memory): a memfd reached as /proc/self/fd/N, or, without /proc, an
 * unlinked-at-close temporary file. */
struct font_file {
	int fd;
	bool is_temp;
	char path[PATH_MAX];
};

/* Returns 0, or -1 after one diag(); font_path names the font in it. */
int pdf_font_file_create(struct font_file *ff, const struct buf *bytes, const char *font_path);
void pdf_font_file_close(struct font_file *ff);

/* A face cut to the fixed set, made once per run. */
struct pdf_face {
	struct font_subset_src *src;
	struct font_subset_src *small; /* the ctx's subset, cut again per document */
	struct font_file file;         /* small's bytes, for font_subset_open */
	struct buf ttf;                /* the subset's TrueType bytes (the FontFile2) */
	uint32_t *cps; /* code points in the subset (its ToUnicode map) */
	size_t ncps;
};

/* The face as one document embeds it: the ctx's subset or its own. */
struct pdf_use {
	const struct buf *ttf;
	const uint32_t *cps;
	size_t ncps;
	const struct font_subset_desc *desc;
};

struct pdf_ctx {
	struct pdf_face face[FACE_COUNT];
	HPDF_Date date;
	bool borrowed; /* the face sources belong to another ctx (pdf_ctx_narrow) */
	/* Each document embeds exactly the characters it prints (cut from the
	 * small batch subset, which is cheap): its bytes then depend on nothing
	 * but itself, and a one-page certificate stays small. */
	bool exact;
	bool pdfa; /* every document PDF/A-1b, not only those that ask (dl->pdfa) */
};

struct image_slot {
	const struct image *picture; /* borrowed from the display list */
	HPDF_Image image;
};

/* Per-document state. It lives on the heap so that nothing the error
 * handler's longjmp skips over is an automatic variable. */
struct render {
	const struct pdf_ctx *ctx;
	const struct dlist *dl;
	jmp_buf jmp;
	HPDF_STATUS code, detail;
	const char *doing;       /* what was being done, for the error message */
	const struct dl_op *op;  /* the op being drawn, for its position */
	HPDF_Doc pdf;
	bool pdfa; /* write PDF/A-1b: the display list or the ctx asks for it */
	bool used[FACE_COUNT];
	uint32_t *extra[FACE_COUNT]; /* the characters the document prints */
	uint64_t *seen[FACE_COUNT];  /* characters already in extra */
	bool beyond[FACE_COUNT];     /* some are not in the ctx's subset */
	size_t nextra[FACE_COUNT], capextra[FACE_COUNT];
	struct buf extra_ttf[FACE_COUNT];
	uint32_t *extra_cps[FACE_COUNT];
	size_t extra_ncps[FACE_COUNT];
	struct font_subset_desc extra_desc[FACE_COUNT];
	struct pdf_use use[FACE_COUNT];
	HPDF_Dict font[FACE_COUNT];   /* the Type0 font objects (pdf_font.c) */
	struct image_slot *images;
	size_t nimages, capimages;
	HPDF_Page *pages;        /* the document's pages, in order (outlines point at them) */
	/* Graphics state already set on the current page. */
	bool in_text, cap_set;
	bool page_font[FACE_COUNT]; /* named in the current page's resources */
	int64_t tx, ty;             /* text line origin inside BT (millipoints) */
	int cur_face;
	int32_t cur_size, cur_line_width;
	uint32_t cur_fill, cur_stroke;
};

/* libharu failure: records it and longjmps back to pdf_render. */
void pdf_fail(struct render *r, HPDF_STATUS st) __attribute__((noreturn));
/* A system call's failure (errno err) as libharu's code st. */
void pdf_fail_errno(struct render *r, HPDF_STATUS st, int err) __attribute__((noreturn));
/* For libharu internals that report failure by return value only. */
void pdf_check_status(struct render *r, HPDF_STATUS st);

/* pdf_check.c: validates the display list and records the faces and the
 * characters beyond the ctx's subsets the document needs. Returns 0, or -1
 * after exactly one diag(). */
int pdf_check(struct render *r);

/* pdf_font.c: cuts the document's own subset of each face it uses, of
 * exactly the characters it prints; 0, or -1 after one diag(). */
int pdf_font_prepare(struct render *r);
/* Embeds every face the document uses (inside the libharu guard). */
void pdf_font_embed(struct render *r);
/* Names face f's font in the page's resources as /F<f+1>. */
void pdf_font_on_page(struct render *r, HPDF_Page page, int f);
/* Appends the 2-byte glyph ids of UTF-8 text s in face f as hex to out;
 * pdf_check made sure the face holds every character. */
void pdf_font_glyphs(const struct render *r, int f, const char *s, struct buf *out);
/* Frees what pdf_font_prepare made. */
void pdf_font_release(struct render *r);

/* pdf_draw.c: adds every page and draws its ops (inside the guard). */
void pdf_draw_pages(struct render *r);

/* pdf_image.c: the document's XObject for the op's decoded picture, added
 * once: Flate-compressed samples and soft mask, or the JPEG as it is. */
HPDF_Image pdf_image_for(struct render *r, const struct dl_op *op);

/* pdf_meta.c */
/* SOURCE_DATE_EPOCH if it is a plain decimal number of seconds up to year
 * 9999, else the current time (with a warning when the variable is bad). */
HPDF_Date pdf_document_date(void);
/* Version, Info, outlines and page labels (inside the guard; outlines and
 * labels after the pages exist). */
void pdf_meta_info(struct render *r);
void pdf_meta_navigation(struct render *r);
/* Before saving: a placeholder trailer /ID; after: the /ID filled in from
 * a hash of the bytes (out[start..]), so it follows the content alone. */
void pdf_meta_id_placeholder(struct render *r);
void pdf_meta_id_fill(struct buf *out, size_t start);

/* pdf_pdfa.c: for a display list that asks for PDF/A (dl->pdfa or --pdfa), the
 * output intent and the XMP packet (inside the guard, after the Info). */
void pdf_pdfa(struct render *r);

#endif
