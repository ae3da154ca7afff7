/* pdf_import.c — scanned PDFs into a rendered volume with libqpdf's C API
 * (the only file that includes qpdf). See pdf_import.h for the idea. */
#include "pdf_import.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <qpdf/qpdf-c.h>

/* libqpdf is C++ and brings libstdc++ and gnutls: loading it costs every run
 * about 2.6 ms, more than the rest of a one-page document. Only volumes with
 * scans need it, so it is opened on their first use. The program is still
 * built against its header, and each function keeps its name through a
 * pointer of the same type. */
#define QPDF_FUNCTIONS(X) X(qpdf_cleanup) X(qpdf_get_buffer) X(qpdf_get_buffer_length) \
	X(qpdf_get_error) X(qpdf_get_error_message_detail) X(qpdf_get_num_pages) X(qpdf_get_page_n) \
	X(qpdf_get_root) X(qpdf_has_error) X(qpdf_init) X(qpdf_init_write_memory) \
	X(qpdf_is_encrypted) X(qpdf_make_indirect_object) X(qpdf_oh_append_item) \
	X(qpdf_oh_copy_foreign_object) X(qpdf_oh_get_array_item) X(qpdf_oh_get_array_n_items) \
	X(qpdf_oh_get_dict) X(qpdf_oh_get_int_value_as_int) X(qpdf_oh_get_key) \
	X(qpdf_oh_get_numeric_value) X(qpdf_oh_get_page_content_data) X(qpdf_oh_is_array) \
	X(qpdf_oh_is_dictionary) X(qpdf_oh_is_indirect) X(qpdf_oh_is_integer) X(qpdf_oh_is_number) \
	X(qpdf_oh_is_stream) X(qpdf_oh_new_array) X(qpdf_oh_new_dictionary) X(qpdf_oh_new_name) \
	X(qpdf_oh_new_null) X(qpdf_oh_new_stream) X(qpdf_oh_parse) X(qpdf_oh_replace_key) \
	X(qpdf_oh_replace_stream_data) X(qpdf_push_inherited_attributes_to_page) X(qpdf_read_memory) \
	X(qpdf_set_attempt_recovery) X(qpdf_set_compress_streams) X(qpdf_set_decode_level) \
	X(qpdf_set_deterministic_ID) X(qpdf_set_newline_before_endstream) \
	X(qpdf_set_object_stream_mode) X(qpdf_set_suppress_warnings) X(qpdf_silence_errors) \
	X(qpdf_write)

#define QPDF_POINTER(f) static __typeof__(f) *p_##f;
QPDF_FUNCTIONS(QPDF_POINTER)

static char qpdf_missing[256]; /* why libqpdf cannot be used; empty when it can */

static void qpdf_load(void)
{
	void *lib = dlopen(QPDF_SONAME, RTLD_NOW | RTLD_LOCAL);
	if (!lib) {
		snprintf(qpdf_missing, sizeof qpdf_missing, "%s", dlerror());
		return;
	}
#define QPDF_LOOKUP(f) \
	if (!(p_##f = (__typeof__(f) *)dlsym(lib, #f))) { \
		snprintf(qpdf_missing, sizeof qpdf_missing, "%s has no %s", QPDF_SONAME, #f); \
		return; \
	}
	QPDF_FUNCTIONS(QPDF_LOOKUP)
}

/* NULL when libqpdf is loaded, else why it is not (thread-safe). */
static const char *qpdf_unavailable(void)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, qpdf_load);
	return *qpdf_missing ? qpdf_missing : NULL;
}

struct scan_page {
	double llx, lly, urx, ury; /* MediaBox */
	int rotate;                /* 0, 90, 180 or 270 */
	unsigned char *content;    /* the page's content streams, decoded and joined (malloc) */
	size_t content_len;
	qpdf_oh resources;         /* in the scan's qpdf */
};

struct pdf_scan {
	qpdf_data q;
	char *bytes;               /* qpdf reads from this buffer until it is closed */
	struct scan_page *pages;
	size_t npages;
};

/* qpdf's message for the last error, without the file name it starts with. */
static const char *qpdf_reason(qpdf_data q)
{
	if (!p_qpdf_has_error(q))
		return "no pages could be read";
	const char *detail = p_qpdf_get_error_message_detail(q, p_qpdf_get_error(q));
	return detail && *detail ? detail : "damaged file";
}

static bool read_box(qpdf_data q, qpdf_oh page, struct scan_page *sp)
{
	qpdf_oh box = p_qpdf_oh_get_key(q, page, "/MediaBox");
	if (!p_qpdf_oh_is_array(q, box) || p_qpdf_oh_get_array_n_items(q, box) != 4)
		return false;
	double v[4];
	for (int i = 0; i < 4; i++) {
		qpdf_oh it = p_qpdf_oh_get_array_item(q, box, i);
		if (!p_qpdf_oh_is_number(q, it))
			return false;
		v[i] = p_qpdf_oh_get_numeric_value(q, it);
	}
	sp->llx = v[0], sp->lly = v[1], sp->urx = v[2], sp->ury = v[3];
	qpdf_oh rot = p_qpdf_oh_get_key(q, page, "/Rotate");
	int r = p_qpdf_oh_is_integer(q, rot) ? p_qpdf_oh_get_int_value_as_int(q, rot) : 0;
	sp->rotate = ((r % 360) + 360) % 360;
	return sp->urx - sp->llx >= 1 && sp->ury - sp->lly >= 1 && sp->rotate % 90 == 0 &&
	       sp->urx - sp->llx <= 14400 && sp->ury - sp->lly <= 14400;
}

/* Reads every page's box, resources and content now, so that a damaged
 * scan is reported where the volume names it, not while writing. */
static bool read_pages(struct pdf_scan *s)
{
	qpdf_data q = s->q;
	int n = p_qpdf_get_num_pages(q);
	if (n <= 0 || p_qpdf_has_error(q))
		return false;
	p_qpdf_push_inherited_attributes_to_page(q);
	s->pages = xcalloc((size_t)n, sizeof *s->pages);
	s->npages = (size_t)n;
	for (int i = 0; i < n; i++) {
		struct scan_page *sp = &s->pages[i];
		qpdf_oh page = p_qpdf_get_page_n(q, (size_t)i);
		if (!read_box(q, page, sp))
			return false;
		/* qpdf copies only indirect objects from another file */
		sp->resources = p_qpdf_oh_get_key(q, page, "/Resources");
		if (p_qpdf_oh_is_dictionary(q, sp->resources) && !p_qpdf_oh_is_indirect(q, sp->resources))
			sp->resources = p_qpdf_make_indirect_object(q, sp->resources);
		if (p_qpdf_oh_get_page_content_data(q, page, &sp->content, &sp->content_len) & QPDF_ERRORS)
			return false;
		if (p_qpdf_has_error(q))
			return false;
	}
	return true;
}

struct pdf_scan *pdf_scan_open(char *bytes, size_t len, const char *shown, const struct srcpos *pos)
{
	const char *why = qpdf_unavailable();
	if (why) {
		diag(SCAN_NO_QPDF, pos, shown, why);
		free(bytes);
		return NULL;
	}
	struct pdf_scan *s = xcalloc(1, sizeof *s);
	s->bytes = bytes;
	s->q = p_qpdf_init();
	p_qpdf_silence_errors(s->q);
	p_qpdf_set_suppress_warnings(s->q, QPDF_TRUE);
	p_qpdf_set_attempt_recovery(s->q, QPDF_FALSE); /* damage is an error, not a guess */
	if (p_qpdf_read_memory(s->q, shown, bytes, (unsigned long long)len, "") & QPDF_ERRORS) {
		/* an encrypted file with a user password fails to open at all */
		bool locked = p_qpdf_is_encrypted(s->q);
		if (locked)
			diag(SCAN_ENCRYPTED, pos, shown);
		else
			diag(SCAN_BROKEN, pos, shown, qpdf_reason(s->q));
		pdf_scan_close(s);
		return NULL;
	}
	if (p_qpdf_is_encrypted(s->q)) {
		diag(SCAN_ENCRYPTED, pos, shown);
		pdf_scan_close(s);
		return NULL;
	}
	if (!read_pages(s)) {
		if (s->npages == 0 && !p_qpdf_has_error(s->q))
			diag(SCAN_NO_PAGES, pos, shown);
		else
			diag(SCAN_BROKEN, pos, shown, p_qpdf_has_error(s->q) ? qpdf_reason(s->q)
									  : "a page has no usable MediaBox");
		pdf_scan_close(s);
		return NULL;
	}
	return s;
}

void pdf_scan_close(struct pdf_scan *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->npages; i++)
		free(s->pages[i].content);
	free(s->pages);
	while (p_qpdf_has_error(s->q)) /* reported already: qpdf would print it again */
		p_qpdf_get_error(s->q);
	p_qpdf_cleanup(&s->q);
	free(s->bytes);
	free(s);
}

size_t pdf_scan_pages(const struct pdf_scan *s)
{
	return s->npages;
}

void pdf_scan_page_size(const struct pdf_scan *s, size_t page, int32_t *w, int32_t *h)
{
	const struct scan_page *sp = &s->pages[page];
	double bw = sp->urx - sp->llx, bh = sp->ury - sp->lly;
	bool turned = sp->rotate == 90 || sp->rotate == 270;
	*w = (int32_t)((turned ? bh : bw) * 1000 + 0.5);
	*h = (int32_t)((turned ? bw : bh) * 1000 + 0.5);
}

/* The form XObject of a scanned page, in the volume's qpdf. */
static qpdf_oh make_form(qpdf_data q, const struct pdf_scan *s, const struct scan_page *sp)
{
	qpdf_oh form = p_qpdf_oh_new_stream(q);
	qpdf_oh none = p_qpdf_oh_new_null(q);
	p_qpdf_oh_replace_stream_data(q, form, sp->content, sp->content_len, none, none);
	qpdf_oh dict = p_qpdf_oh_get_dict(q, form);
	p_qpdf_oh_replace_key(q, dict, "/Type", p_qpdf_oh_new_name(q, "/XObject"));
	p_qpdf_oh_replace_key(q, dict, "/Subtype", p_qpdf_oh_new_name(q, "/Form"));
	char box[160];
	snprintf(box, sizeof box, "[%.4f %.4f %.4f %.4f]", sp->llx, sp->lly, sp->urx, sp->ury);
	p_qpdf_oh_replace_key(q, dict, "/BBox", p_qpdf_oh_parse(q, box));
	if (p_qpdf_oh_is_dictionary(s->q, sp->resources))
		p_qpdf_oh_replace_key(q, dict, "/Resources",
				    p_qpdf_oh_copy_foreign_object(q, s->q, sp->resources));
	return form;
}

/* The matrix that shows the form upright on the placeholder, as a viewer
 * would show the scanned page with its /Rotate. */
static void place_ops(const struct scan_page *sp, char *ops, size_t n)
{
	double w = sp->urx - sp->llx, h = sp->ury - sp->lly;
	const char *rot;
	char buf[96];
	switch (sp->rotate) {
	case 90: snprintf(buf, sizeof buf, "0 -1 1 0 0 %.4f", w); break;
	case 180: snprintf(buf, sizeof buf, "-1 0 0 -1 %.4f %.4f", w, h); break;
	case 270: snprintf(buf, sizeof buf, "0 1 -1 0 %.4f 0", h); break;
	default: snprintf(buf, sizeof buf, "1 0 0 1 0 0"); break;
	}
	rot = buf;
	snprintf(ops, n, "q %s cm 1 0 0 1 %.4f %.4f cm /VbScan Do Q\n", rot, -sp->llx, -sp->lly);
}

/* The placeholder's resources get /XObject /VbScan; its contents become
 * [the form's Do, what vanban drew]. */
static void place_one(qpdf_data q, const struct pdf_placement *p)
{
	const struct scan_page *sp = &p->scan->pages[p->scan_page];
	qpdf_oh page = p_qpdf_get_page_n(q, p->page);
	qpdf_oh form = make_form(q, p->scan, sp);
	qpdf_oh res = p_qpdf_oh_get_key(q, page, "/Resources");
	if (!p_qpdf_oh_is_dictionary(q, res)) {
		res = p_qpdf_oh_new_dictionary(q);
		p_qpdf_oh_replace_key(q, page, "/Resources", res);
	}
	qpdf_oh xobj = p_qpdf_oh_get_key(q, res, "/XObject");
	if (!p_qpdf_oh_is_dictionary(q, xobj)) {
		xobj = p_qpdf_oh_new_dictionary(q);
		p_qpdf_oh_replace_key(q, res, "/XObject", xobj);
	}
	p_qpdf_oh_replace_key(q, xobj, "/VbScan", form);
	char ops[256];
	place_ops(sp, ops, sizeof ops);
	qpdf_oh draw = p_qpdf_oh_new_stream(q);
	qpdf_oh none = p_qpdf_oh_new_null(q);
	p_qpdf_oh_replace_stream_data(q, draw, (unsigned char *)ops, strlen(ops), none, none);
	qpdf_oh contents = p_qpdf_oh_get_key(q, page, "/Contents");
	qpdf_oh list = p_qpdf_oh_new_array(q);
	p_qpdf_oh_append_item(q, list, draw);
	if (p_qpdf_oh_is_array(q, contents)) {
		int k = p_qpdf_oh_get_array_n_items(q, contents);
		for (int i = 0; i < k; i++)
			p_qpdf_oh_append_item(q, list, p_qpdf_oh_get_array_item(q, contents, i));
	} else if (p_qpdf_oh_is_stream(q, contents)) {
		p_qpdf_oh_append_item(q, list, contents);
	}
	p_qpdf_oh_replace_key(q, page, "/Contents", list);
}

/* libharu writes each bookmark's /Dest as an indirect array, which PDFBox
 * Preflight cannot read as a destination (PDF/A-1b rule 1.2.3): the volume's
 * bookmarks get their destinations inline. Depth-first over /First, /Next. */
static void inline_dests(qpdf_data q, qpdf_oh item, int depth)
{
	for (int guard = 0; depth < 32 && guard < 100000 && p_qpdf_oh_is_dictionary(q, item); guard++) {
		qpdf_oh dest = p_qpdf_oh_get_key(q, item, "/Dest");
		if (p_qpdf_oh_is_indirect(q, dest) && p_qpdf_oh_is_array(q, dest)) {
			qpdf_oh copy = p_qpdf_oh_new_array(q); /* the page stays a reference */
			int k = p_qpdf_oh_get_array_n_items(q, dest);
			for (int i = 0; i < k; i++)
				p_qpdf_oh_append_item(q, copy, p_qpdf_oh_get_array_item(q, dest, i));
			p_qpdf_oh_replace_key(q, item, "/Dest", copy);
		}
		inline_dests(q, p_qpdf_oh_get_key(q, item, "/First"), depth + 1);
		item = p_qpdf_oh_get_key(q, item, "/Next");
	}
}

int pdf_import_place(const char *in, size_t len, const struct pdf_placement *p, size_t n,
		     struct buf *out)
{
	if (qpdf_unavailable()) /* no scan was opened: pdf_scan_open said why */
		return -1;
	qpdf_data q = p_qpdf_init();
	p_qpdf_silence_errors(q);
	p_qpdf_set_suppress_warnings(q, QPDF_TRUE);
	int rc = -1;
	if (p_qpdf_read_memory(q, "volume", in, (unsigned long long)len, "") & QPDF_ERRORS)
		goto done;
	int pages = p_qpdf_get_num_pages(q); /* also loads the page list qpdf_get_page_n reads */
	for (size_t i = 0; i < n && !p_qpdf_has_error(q); i++)
		if (p[i].page < (size_t)(pages > 0 ? pages : 0))
			place_one(q, &p[i]);
	qpdf_oh outlines = p_qpdf_oh_get_key(q, p_qpdf_get_root(q), "/Outlines");
	inline_dests(q, p_qpdf_oh_get_key(q, outlines, "/First"), 0);
	if (p_qpdf_has_error(q) || (p_qpdf_init_write_memory(q) & QPDF_ERRORS))
		goto done;
	p_qpdf_set_deterministic_ID(q, QPDF_TRUE);
	p_qpdf_set_object_stream_mode(q, qpdf_o_disable);
	p_qpdf_set_decode_level(q, qpdf_dl_none); /* the scans' images stay byte for byte */
	p_qpdf_set_compress_streams(q, QPDF_TRUE);
	p_qpdf_set_newline_before_endstream(q, QPDF_TRUE); /* PDF/A-1 6.1.7 */
	if (p_qpdf_write(q) & QPDF_ERRORS)
		goto done;
	buf_add(out, (const char *)p_qpdf_get_buffer(q), p_qpdf_get_buffer_length(q));
	rc = 0;
done:
	if (rc)
		diag(SCAN_EMBED, NULL, p_qpdf_has_error(q) ? qpdf_reason(q) : "qpdf failed");
	while (p_qpdf_has_error(q))
		p_qpdf_get_error(q);
	p_qpdf_cleanup(&q);
	return rc;
}
