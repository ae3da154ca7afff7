/* pdf_meta.c — what a PDF says about itself: version, Info, dates,
 * bookmarks (outlines), page labels and the trailer /ID. */
#include "pdf_int.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <hpdf_doc.h>
#include <hpdf_objects.h>

#include "diag.h"
#include "hash.h"
#include "text.h"

HPDF_Date pdf_document_date(void)
{
	time_t t = time(NULL);
	const char *e = getenv("SOURCE_DATE_EPOCH");
	if (e && *e) {
		char *end;
		errno = 0;
		unsigned long long v = strtoull(e, &end, 10);
		if (*e >= '0' && *e <= '9' && !*end && !errno && v <= 253402300799ULL)
			t = (time_t)v;
		else
			diag(BAD_SOURCE_DATE_EPOCH, NULL, e);
	}
	struct tm tm;
	HPDF_Date d = {2000, 1, 1, 0, 0, 0, 'Z', 0, 0};
	if (gmtime_r(&t, &tm) && tm.tm_year + 1900 <= 9999) {
		d.year = tm.tm_year + 1900;
		d.month = tm.tm_mon + 1;
		d.day = tm.tm_mday;
		d.hour = tm.tm_hour;
		d.minutes = tm.tm_min;
		d.seconds = tm.tm_sec > 59 ? 59 : tm.tm_sec;
	}
	return d;
}

/* A text string as libharu's UTF-8 encoder would write it (<FEFF…>,
 * UTF-16BE with a byte-order mark), without setting that encoder up: its
 * tables cost more than the rest of a one-page document's set-up. */
static HPDF_Binary utf16(struct render *r, const char *s)
{
	size_t len = strlen(s);
	HPDF_BYTE *b = xmalloc(2 + 4 * len);
	size_t n = 0;
	b[n++] = 0xFE;
	b[n++] = 0xFF;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, len - i, &cp);
		if (!k) {
			cp = 0xFFFD;
			k = 1;
		}
		i += k;
		if (cp > 0xFFFF) {
			cp -= 0x10000;
			uint32_t hi = 0xD800 + (cp >> 10), lo = 0xDC00 + (cp & 0x3FF);
			b[n++] = (HPDF_BYTE)(hi >> 8), b[n++] = (HPDF_BYTE)hi;
			b[n++] = (HPDF_BYTE)(lo >> 8), b[n++] = (HPDF_BYTE)lo;
		} else {
			b[n++] = (HPDF_BYTE)(cp >> 8), b[n++] = (HPDF_BYTE)cp;
		}
	}
	HPDF_Binary bin = HPDF_Binary_New(r->pdf->mmgr, b, (HPDF_UINT)n);
	free(b);
	if (!bin)
		pdf_fail(r, HPDF_FAILD_TO_ALLOC_MEM);
	return bin;
}

static void set_info(struct render *r, const char *key, const char *value)
{
	HPDF_Dict info = ((HPDF_Doc)r->pdf)->info;
	if (!info)
		pdf_fail(r, HPDF_INVALID_DOCUMENT);
	if (value && *value)
		pdf_check_status(r, HPDF_Dict_Add(info, key, utf16(r, value)));
}

void pdf_meta_info(struct render *r)
{
	r->doing = N_("setting document information");
	/* ND30 (Điều 5, Phụ lục I) asks for PDF 1.4 or later; libharu starts
	 * at 1.2 and has no call to raise it. */
	((HPDF_Doc)r->pdf)->pdf_version = HPDF_VER_14;
	const struct dl_meta *m = &r->dl->meta;
	/* libharu writes UTC as "Z00'00'", which PDFBox reads as another time
	 * than the XMP packet's (PDF/A wants the two equal): "+00'00'" there.
	 * The dates come first: they make the Info dictionary. */
	HPDF_Date d = r->ctx->date;
	if (r->pdfa && d.ind == 'Z')
		d.ind = '+';
	HPDF_SetInfoDateAttr(r->pdf, HPDF_INFO_CREATION_DATE, d);
	HPDF_SetInfoDateAttr(r->pdf, HPDF_INFO_MOD_DATE, d);
	set_info(r, "Title", m->title);
	set_info(r, "Author", m->author);
	set_info(r, "Subject", m->subject);
	set_info(r, "Keywords", m->keywords);
	set_info(r, "Creator", m->creator);
	set_info(r, "Producer", "vanban");
}

/* [page /XYZ 0 top null]: the place, at the zoom the reader has. */
static HPDF_Array destination(struct render *r, const struct dl_outline *o)
{
	const struct dl_page *pg = &r->dl->pages[o->page];
	HPDF_Array dst = HPDF_Page_CreateDestination(r->pages[o->page]);
	HPDF_Array_Clear(dst);
	HPDF_MMgr mm = r->pdf->mmgr;
	pdf_check_status(r, HPDF_Array_Add(dst, r->pages[o->page]));
	pdf_check_status(r, HPDF_Array_AddName(dst, "XYZ"));
	pdf_check_status(r, HPDF_Array_AddNumber(dst, 0));
	int32_t top = pg->height - (o->y < 0 ? 0 : o->y);
	pdf_check_status(r, HPDF_Array_AddReal(dst, (HPDF_REAL)(top / 1000.0)));
	pdf_check_status(r, HPDF_Array_Add(dst, HPDF_Null_New(mm)));
	return dst;
}

static void outlines(struct render *r)
{
	const struct dlist *dl = r->dl;
	if (!dl->noutlines)
		return;
	r->doing = N_("adding bookmarks");
	/* parent[k]: the last entry at level k, parent of the next at k + 1 */
	HPDF_Outline parent[256] = {NULL};
	for (size_t i = 0; i < dl->noutlines; i++) {
		const struct dl_outline *o = &dl->outlines[i];
		HPDF_Outline up = o->level ? parent[o->level - 1] : NULL;
		HPDF_Outline item = HPDF_CreateOutline(r->pdf, up, "", NULL);
		if (item)
			pdf_check_status(r, HPDF_Dict_Add(item, "Title", utf16(r, o->title)));
		HPDF_Outline_SetOpened(item, HPDF_TRUE);
		HPDF_Outline_SetDestination(item, destination(r, o));
		parent[o->level] = item;
	}
	HPDF_SetPageMode(r->pdf, HPDF_PAGE_MODE_USE_OUTLINE);
}

/* /PageLabels written by hand: HPDF_AddPageLabel writes the prefix bytes
 * unencoded (docs/libharu.md §3), so "Phụ lục" would come out garbled. */
static void page_labels(struct render *r)
{
	const struct dlist *dl = r->dl;
	if (!dl->nlabels)
		return;
	static const char *const style[] = {NULL, "D", "R", "r", "A", "a"};
	r->doing = N_("adding page labels");
	HPDF_MMgr mm = r->pdf->mmgr;
	HPDF_Dict tree = HPDF_Dict_New(mm);
	HPDF_Array nums = HPDF_Array_New(mm);
	if (!tree || !nums)
		pdf_fail(r, HPDF_FAILD_TO_ALLOC_MEM);
	pdf_check_status(r, HPDF_Dict_Add(tree, "Nums", nums));
	for (size_t i = 0; i < dl->nlabels; i++) {
		const struct dl_label *l = &dl->labels[i];
		HPDF_Dict d = HPDF_Dict_New(mm);
		if (!d)
			pdf_fail(r, HPDF_FAILD_TO_ALLOC_MEM);
		if (style[l->style])
			pdf_check_status(r, HPDF_Dict_AddName(d, "S", style[l->style]));
		if (l->start > 1)
			pdf_check_status(r, HPDF_Dict_AddNumber(d, "St", l->start));
		if (l->prefix && *l->prefix) {
			pdf_check_status(r, HPDF_Dict_Add(d, "P", utf16(r, l->prefix)));
		}
		pdf_check_status(r, HPDF_Array_AddNumber(nums, (HPDF_INT32)l->page));
		pdf_check_status(r, HPDF_Array_Add(nums, d));
	}
	pdf_check_status(r, HPDF_Dict_Add(r->pdf->catalog, "PageLabels", tree));
}

void pdf_meta_navigation(struct render *r)
{
	outlines(r);
	page_labels(r);
}

#define ID_BYTES 16
static const char id_zero_hex[] = "<00000000000000000000000000000000>";

void pdf_meta_id_placeholder(struct render *r)
{
	r->doing = N_("saving");
	static const HPDF_BYTE zero[ID_BYTES] = {0};
	HPDF_MMgr mm = r->pdf->mmgr;
	HPDF_Array id = HPDF_Array_New(mm);
	if (!id)
		pdf_fail(r, HPDF_FAILD_TO_ALLOC_MEM);
	pdf_check_status(r, HPDF_Dict_Add(r->pdf->trailer, "ID", id));
	for (int i = 0; i < 2; i++) {
		HPDF_Binary b = HPDF_Binary_New(mm, (HPDF_BYTE *)zero, ID_BYTES);
		if (!b)
			pdf_fail(r, HPDF_FAILD_TO_ALLOC_MEM);
		pdf_check_status(r, HPDF_Array_Add(id, b));
	}
}

/* Both halves of the /ID get the first 16 bytes of the SHA-256 of the
 * file as written with the placeholder: equal bytes, equal /ID; a file
 * that differs anywhere gets another. */
void pdf_meta_id_fill(struct buf *out, size_t start)
{
	size_t len = out->len - start, k = sizeof id_zero_hex - 1;
	char *pdf = out->data + start;
	char *at[2] = {NULL, NULL}; /* the two halves, found from the end */
	int found = 0;
	/* the trailer is in the last kilobytes */
	for (size_t i = len >= k ? len - k + 1 : 0; i-- > 0 && len - i < 4096 && found < 2;)
		if (pdf[i] == '<' && memcmp(pdf + i, id_zero_hex, k) == 0)
			at[found++] = pdf + i;
	if (found < 2 || at[0] - at[1] > (ptrdiff_t)k + 2)
		return; /* not found: the trailer keeps zeros (still valid) */
	uint8_t digest[HASH_BYTES];
	hash_sha256(pdf, len, digest);
	static const char hex[] = "0123456789ABCDEF";
	for (int half = 0; half < 2; half++)
		for (int i = 0; i < ID_BYTES; i++) {
			at[half][1 + 2 * i] = hex[digest[i] >> 4];
			at[half][2 + 2 * i] = hex[digest[i] & 15];
		}
}
