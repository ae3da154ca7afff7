/* pdf.h — display list → PDF bytes in memory, through libharu 2.3.0.
 * This module (pdf.c) is the only one that includes hpdf.h. It embeds only
 * the faces a document uses, pre-cut by font_subset, replaces libharu's
 * invalid ToUnicode CMap with a correct one, and writes byte-identical output
 * for the same display list (dates from SOURCE_DATE_EPOCH when set). */
#ifndef VANBAN_PDF_H
#define VANBAN_PDF_H

#include "dlist.h"
#include "util.h"

/* Trusted, hash-checked TrueType paths, one per face; a NULL path means the
 * face is not available (a document that uses it fails). */
struct pdf_fonts {
	const char *path[FACE_COUNT];
	bool pdfa; /* --pdfa: every document an archival copy (PDF/A-1b) */
};

struct pdf_ctx;

/* Once per run: reads each font, subsets it to the fixed set and keeps the
 * bytes in a memfd for libharu to load. Reads SOURCE_DATE_EPOCH (UTC) or
 * else the current time for the documents' dates. Returns NULL after a
 * diag() on failure; free with pdf_ctx_free(). pdf_render never changes
 * the ctx, so threads may share it (checked with TSan: 4 threads, equal bytes). */
struct pdf_ctx *pdf_ctx_new(const struct pdf_fonts *fonts);
void pdf_ctx_free(struct pdf_ctx *ctx);

/* The characters of a batch of display lists, per face (BMP only), for
 * pdf_ctx_narrow: lists are added one by one, so the batch need not be
 * kept in memory. */
struct pdf_charset;
struct pdf_charset *pdf_charset_new(void);
void pdf_charset_add(struct pdf_charset *cs, const struct dlist *dl);
void pdf_charset_free(struct pdf_charset *cs);

/* A context for a batch of small documents (certificates): each face is
 * cut once to exactly the characters of cs set in it, so every PDF of the
 * batch embeds a few kilobytes of font instead of the fixed set. It
 * borrows base's parsed fonts (base must outlive it); a document with
 * other characters still renders (with its own subset). Returns NULL after
 * a diag(); free with pdf_ctx_free(). */
struct pdf_ctx *pdf_ctx_narrow(const struct pdf_ctx *base, const struct pdf_charset *cs);

/* Renders the display list into a PDF, appended to out (owned by the
 * caller). Returns 0, or -1 after exactly one diag() (bad op: DIAG_ERROR at
 * the op's position; libharu or system failure: DIAG_SYSERR). */
int pdf_render(const struct pdf_ctx *ctx, const struct dlist *dl, struct buf *out);

/* Every check pdf_render makes before libharu sees the list, without
 * writing anything: `check` and the all-or-nothing rule (nothing of an
 * input file is written unless every list of it passes) use it. Returns 0,
 * or -1 after exactly one diag(), the one pdf_render would give. */
int pdf_validate(const struct pdf_ctx *ctx, const struct dlist *dl);

#endif
