/* pdf_import.h — existing PDFs (scans of incoming letters) inside a
 * volume, through libqpdf's C API. This module (pdf_import.c) is the only
 * one that includes qpdf. The volume is rendered with an empty placeholder
 * page for every scanned page, of the scanned page's size; pdf_import_place
 * then turns each scanned page into a form XObject drawn on its
 * placeholder, under what vanban drew there (the sheet number), so the
 * volume's outline, page labels and page objects stay as rendered and the
 * scan's content stream and images are copied unchanged. */
#ifndef VANBAN_PDF_IMPORT_H
#define VANBAN_PDF_IMPORT_H

#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "util.h"

struct pdf_scan;

/* The largest scan read. */
#define PDF_SCAN_MAX ((size_t)256 << 20)

/* Checks the PDF in bytes[0..len) (taken over: malloc'd, freed with the
 * scan or on failure), named `shown` in messages. NULL after one error at
 * pos: not a PDF or damaged, encrypted, or without pages. */
struct pdf_scan *pdf_scan_open(char *bytes, size_t len, const char *shown, const struct srcpos *pos);
void pdf_scan_close(struct pdf_scan *s);
size_t pdf_scan_pages(const struct pdf_scan *s);
/* The page's displayed size in millipoints (its MediaBox, turned by /Rotate). */
void pdf_scan_page_size(const struct pdf_scan *s, size_t page, int32_t *w, int32_t *h);

struct pdf_placement {
	size_t page;                 /* 0-based page of the rendered volume */
	const struct pdf_scan *scan;
	size_t scan_page;            /* 0-based page of the scan */
};

/* Copies the rendered PDF in[0..len) with every placement's scanned page
 * drawn on its placeholder page, into out (appended). The trailer /ID is
 * derived from the content (qpdf's deterministic ID), streams keep their
 * compression, no object streams (PDF 1.4), bookmark destinations are
 * written inline (Preflight reads no other). n may be 0: the rewrite alone.
 * Returns 0, or -1 after one diag(). */
int pdf_import_place(const char *in, size_t len, const struct pdf_placement *p, size_t n,
		     struct buf *out);

#endif
