/* pdf.c — display list → PDF through libharu 2.3.0; the only file that
 * includes hpdf.h. It also patches two libharu objects through the installed
 * internal headers: the ToUnicode CMap (2.3.0 copies the encoding CMap, whose
 * begincidrange is invalid there; docs/libharu.md §1.2) and the descendant
 * font's /CIDSystemInfo Ordering ("Identity-H" → "Identity"). */
#include "pdf.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include <hpdf.h>
#include <hpdf_font.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include "diag.h"
#include "font_subset.h"
#include "text.h"

/* libharu clamps reals to ±32767 and its HPDF_FToA misbehaves on extreme
 * values, so every number from the display list is checked against these
 * limits (millipoints) before libharu sees it. */
#define COORD_MAX 30000000    /* 30 000 pt, far beyond any page */
#define PAGE_MIN 3000         /* libharu's page size range: 3 .. 14 400 pt */
#define PAGE_MAX 14400000
#define FONT_SIZE_MAX 600000  /* HPDF_MAX_FONTSIZE */
#define LINE_WIDTH_MAX 100000 /* HPDF_MAX_LINEWIDTH */
#define TEXT_MAX_BYTES 32768  /* one positioned run; a line is far shorter */

static const char *const face_name[FACE_COUNT] = {"regular", "bold", "italic", "bold italic"};

/* Font bytes in a file libharu can open by name (2.3.0 cannot load a font
 * from memory): a memfd reached as /proc/self/fd/N, or, without /proc, an
 * unlinked-at-close temporary file. */
struct font_file {
	int fd;
	bool is_temp;
	char path[PATH_MAX];
};

static void font_file_close(struct font_file *ff)
{
	if (ff->fd < 0)
		return;
	if (ff->is_temp)
		unlink(ff->path);
	close(ff->fd);
	ff->fd = -1;
}

/* Returns 0, or -1 after one diag(). */
static int font_file_create(struct font_file *ff, const struct buf *bytes, const char *font_path)
{
	struct srcpos pos = {font_path, 0, 0};
	ff->is_temp = false;
	ff->fd = memfd_create("vanban-font", MFD_CLOEXEC);
	if (ff->fd >= 0) {
		snprintf(ff->path, sizeof ff->path, "/proc/self/fd/%d", ff->fd);
		if (write_all(ff->fd, bytes->data, bytes->len) == 0 && access(ff->path, R_OK) == 0)
			return 0;
		close(ff->fd);
	}
	const char *dir = getenv("TMPDIR");
	if (!dir || !*dir)
		dir = "/tmp";
	int n = snprintf(ff->path, sizeof ff->path, "%s/vanban-font-XXXXXX", dir);
	if (n < 0 || (size_t)n >= sizeof ff->path) {
		ff->fd = -1;
		diag(SUBSET_TMPDIR_LONG, &pos);
		return -1;
	}
	ff->fd = mkostemp(ff->path, O_CLOEXEC);
	if (ff->fd < 0) {
		diag(SUBSET_TMP_FAILED, &pos, dir, strerror(errno));
		return -1;
	}
	ff->is_temp = true;
	if (write_all(ff->fd, bytes->data, bytes->len) < 0) {
		int e = errno;
		font_file_close(ff);
		diag(SUBSET_TMP_FAILED, &pos, dir, strerror(e));
		return -1;
	}
	return 0;
}

/* A face cut to the fixed set, made once per run. */
struct pdf_face {
	struct font_subset_src *src;
	struct font_subset_src *small; /* exact mode: the batch subset, cut again per document */
	struct font_file file;
	uint32_t *cps; /* code points in the subset (its ToUnicode map) */
	size_t ncps;
};

struct pdf_ctx {
	struct pdf_face face[FACE_COUNT];
	HPDF_Date date;
	bool borrowed; /* the face sources belong to another ctx (pdf_ctx_narrow) */
	/* Each document embeds exactly the characters it prints (cut from the
	 * small batch subset, which is cheap): its bytes then depend on nothing
	 * but itself, and a one-page certificate stays small. */
	bool exact;
};

/* SOURCE_DATE_EPOCH if it is a plain decimal number of seconds up to year
 * 9999, else the current time (with a warning when the variable is bad). */
static HPDF_Date document_date(void)
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

struct pdf_ctx *pdf_ctx_new(const struct pdf_fonts *fonts)
{
	struct pdf_ctx *ctx = xcalloc(1, sizeof *ctx);
	for (int f = 0; f < FACE_COUNT; f++)
		ctx->face[f].file.fd = -1;
	ctx->date = document_date();
	for (int f = 0; f < FACE_COUNT; f++) {
		struct pdf_face *pf = &ctx->face[f];
		if (!fonts->path[f])
			continue;
		pf->src = font_subset_open(fonts->path[f]);
		if (!pf->src)
			goto fail;
		struct buf bytes = {0};
		int rc = font_subset_make(pf->src, NULL, 0, &bytes, &pf->cps, &pf->ncps);
		if (rc == 0)
			rc = font_file_create(&pf->file, &bytes, fonts->path[f]);
		buf_free(&bytes);
		if (rc < 0)
			goto fail;
	}
	return ctx;
fail:
	pdf_ctx_free(ctx);
	return NULL;
}

struct pdf_ctx *pdf_ctx_narrow(const struct pdf_ctx *base, const struct dlist *const *dls, size_t n)
{
	struct pdf_ctx *ctx = xcalloc(1, sizeof *ctx);
	ctx->borrowed = true;
	ctx->date = base->date;
	uint8_t *seen = xcalloc(FACE_COUNT, 65536 / 8); /* one bit per BMP code point */
	for (size_t d = 0; d < n; d++)
		for (size_t p = 0; p < dls[d]->npages; p++) {
			const struct dl_page *pg = &dls[d]->pages[p];
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
						seen[op->face * 8192 + cp / 8] |= (uint8_t)(1u << (cp % 8));
				}
			}
		}
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
			if (seen[f * 8192 + cp / 8] & (1u << (cp % 8)) && font_subset_covers(pf->src, cp))
				want[nwant++] = cp;
		if (nwant) {
			struct buf bytes = {0};
			rc = font_subset_make_exact(pf->src, want, nwant, &bytes, &pf->cps, &pf->ncps);
			if (rc == 0)
				rc = font_file_create(&pf->file, &bytes, "font subset");
			if (rc == 0 && !(pf->small = font_subset_open(pf->file.path)))
				rc = -1;
			buf_free(&bytes);
		}
		free(want);
	}
	free(seen);
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
		font_file_close(&ctx->face[f].file);
		free(ctx->face[f].cps);
	}
	free(ctx);
}

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

/* ---- one document ------------------------------------------------------ */

struct image_slot {
	const char *path; /* borrowed from the display list */
	HPDF_Image image;
};

/* Per-document state. It lives on the heap so that nothing the error
 * handler's longjmp skips over is an automatic variable. */
struct render {
	struct pdf_ctx *ctx;
	const struct dlist *dl;
	jmp_buf jmp;
	HPDF_STATUS code, detail;
	const char *doing;       /* what was being done, for the error message */
	const struct dl_op *op;  /* the op being drawn, for its position */
	HPDF_Doc pdf;
	bool used[FACE_COUNT];
	uint32_t *extra[FACE_COUNT]; /* code points beyond the fixed set */
	uint64_t *seen[FACE_COUNT];  /* exact mode: characters already in extra */
	size_t nextra[FACE_COUNT], capextra[FACE_COUNT];
	struct font_file extra_file[FACE_COUNT];
	uint32_t *extra_cps[FACE_COUNT];
	size_t extra_ncps[FACE_COUNT];
	HPDF_Font font[FACE_COUNT];
	struct image_slot *images;
	size_t nimages, capimages;
	/* Graphics state already set on the current page. */
	bool in_text, cap_set;
	int cur_face;
	int32_t cur_size, cur_line_width;
	uint32_t cur_fill, cur_stroke;
};

static void HPDF_STDCALL on_hpdf_error(HPDF_STATUS code, HPDF_STATUS detail, void *user)
{
	struct render *r = user;
	r->code = code;
	r->detail = detail;
	longjmp(r->jmp, 1);
}

/* For libharu internals that report failure by return value only. */
static void check(struct render *r, HPDF_STATUS st)
{
	if (st != HPDF_OK)
		on_hpdf_error(st, 0, r);
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

static bool in_range(int64_t v, int64_t lo, int64_t hi)
{
	return v >= lo && v <= hi;
}

static bool coord_ok(int64_t v)
{
	return in_range(v, -COORD_MAX, COORD_MAX);
}

static void add_extra(struct render *r, int face, uint32_t cp)
{
	grow(&r->extra[face], &r->capextra[face], r->nextra[face] + 1, sizeof(uint32_t));
	r->extra[face][r->nextra[face]++] = cp;
}

/* True if the ctx's subset of the face holds cp (its cps are sorted). */
static bool in_base(const struct pdf_face *pf, uint32_t cp)
{
	size_t lo = 0, hi = pf->ncps;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (pf->cps[mid] < cp)
			lo = mid + 1;
		else if (pf->cps[mid] > cp)
			hi = mid;
		else
			return true;
	}
	return false;
}

/* Checks one text op and records which faces and extra characters the
 * document needs. Returns 0, or -1 after one diag(). */
static int scan_text(struct render *r, const struct dl_op *op)
{
	if (op->face >= FACE_COUNT) {
		diag(PDF_NO_SUCH_FACE, &op->pos, op->face);
		return -1;
	}
	const struct pdf_face *pf = &r->ctx->face[op->face];
	if (!pf->src) {
		diag(PDF_FACE_MISSING, &op->pos,
		     face_name[op->face], face_name[op->face]);
		return -1;
	}
	if (!in_range(op->size, 1, FONT_SIZE_MAX)) {
		diag(PDF_FONT_SIZE, &op->pos, op->size / 1000.0);
		return -1;
	}
	const char *s = op->text ? op->text : "";
	size_t len = strlen(s);
	if (len > TEXT_MAX_BYTES) {
		diag(PDF_TEXT_TOO_LONG, &op->pos, len, TEXT_MAX_BYTES);
		return -1;
	}
	if (len == 0)
		return 0; /* drawn as nothing; must not embed a font */
	r->used[op->face] = true;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, len - i, &cp);
		if (!k) {
			diag(PDF_TEXT_NOT_UTF8, &op->pos, i);
			return -1;
		}
		if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) {
			diag(PDF_CONTROL_CHAR, &op->pos, (unsigned)cp);
			return -1;
		}
		if (r->ctx->exact) {
			if (!in_base(pf, cp)) {
				diag(PDF_NOT_IN_SUBSET, &op->pos,
				     (unsigned)cp);
				return -1;
			}
			/* each character once: a print file repeats them thousands of times */
			uint64_t *seen = r->seen[op->face];
			if (!seen)
				seen = r->seen[op->face] = xcalloc(65536 / 64, sizeof *seen);
			if (!(seen[cp >> 6] >> (cp & 63) & 1)) {
				seen[cp >> 6] |= (uint64_t)1 << (cp & 63);
				add_extra(r, op->face, cp);
			}
		} else if (!in_base(pf, cp)) {
			if (!font_subset_covers(pf->src, cp)) {
				diag(PDF_NOT_IN_FONT, &op->pos,
				     (unsigned)cp, (int)k, s + i, face_name[op->face]);
				return -1;
			}
			add_extra(r, op->face, cp);
		}
		i += k;
	}
	return 0;
}

/* Validates the whole display list before libharu sees any of it. */
static int scan(struct render *r)
{
	const struct dlist *dl = r->dl;
	if (dl->npages == 0) {
		diag(PDF_NO_PAGES, NULL);
		return -1;
	}
	for (size_t p = 0; p < dl->npages; p++) {
		const struct dl_page *pg = &dl->pages[p];
		if (!in_range(pg->width, PAGE_MIN, PAGE_MAX) || !in_range(pg->height, PAGE_MIN, PAGE_MAX)) {
			diag(PDF_PAGE_SIZE, NULL,
			     p + 1, pg->width / 1000.0, pg->height / 1000.0);
			return -1;
		}
		for (size_t i = 0; i < pg->nops; i++) {
			const struct dl_op *op = &pg->ops[i];
			if (!coord_ok(op->x) || !coord_ok(op->y) || !coord_ok(op->w) || !coord_ok(op->h) ||
			    !coord_ok((int64_t)op->x + op->w) || !coord_ok((int64_t)op->y + op->h)) {
				diag(PDF_COORD_RANGE, &op->pos, COORD_MAX / 1000);
				return -1;
			}
			if (op->color > 0xFFFFFF) {
				diag(PDF_BAD_COLOUR, &op->pos, op->color);
				return -1;
			}
			switch (op->kind) {
			case DL_TEXT:
				if (scan_text(r, op) < 0)
					return -1;
				break;
			case DL_RULE:
			case DL_RECT:
				if (!in_range(op->size, 0, LINE_WIDTH_MAX)) {
					diag(PDF_LINE_WIDTH, &op->pos,
					     op->size / 1000.0);
					return -1;
				}
				break;
			case DL_IMAGE:
				if (op->w <= 0 || op->h <= 0 || !op->text || !*op->text) {
					diag(PDF_BAD_IMAGE, &op->pos);
					return -1;
				}
				break;
			default:
				diag(PDF_UNKNOWN_OP, &op->pos, (int)op->kind);
				return -1;
			}
		}
	}
	return 0;
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return (x > y) - (x < y);
}

/* For each face with characters beyond the fixed set, cuts a subset for
 * this document only (fixed ∪ its extras): the result depends on nothing
 * but the document. Returns 0, or -1 after one diag(). */
static int make_extra_subsets(struct render *r)
{
	for (int f = 0; f < FACE_COUNT; f++) {
		if (!r->nextra[f])
			continue;
		qsort(r->extra[f], r->nextra[f], sizeof(uint32_t), cmp_u32);
		size_t u = 0;
		for (size_t i = 0; i < r->nextra[f]; i++)
			if (!u || r->extra[f][u - 1] != r->extra[f][i])
				r->extra[f][u++] = r->extra[f][i];
		r->nextra[f] = u;
		struct buf bytes = {0};
		const struct pdf_face *pf = &r->ctx->face[f];
		int rc = r->ctx->exact
			 ? font_subset_make_exact(pf->small, r->extra[f], r->nextra[f], &bytes,
						  &r->extra_cps[f], &r->extra_ncps[f])
			 : font_subset_make(pf->src, r->extra[f], r->nextra[f], &bytes,
					    &r->extra_cps[f], &r->extra_ncps[f]);
		if (rc == 0)
			rc = font_file_create(&r->extra_file[f], &bytes, "font subset");
		buf_free(&bytes);
		if (rc < 0)
			return -1;
	}
	return 0;
}

/* ---- the ToUnicode / CIDSystemInfo fix ---------------------------------- */

static void cmap_block(struct buf *b, const char *kind, const char *lines, size_t count)
{
	if (count)
		buf_printf(b, "%zu begin%s\n%send%s\n", count, kind, lines, kind);
}

/* A ToUnicode CMap for CID = Unicode (libharu's Identity-H with the UTF-8
 * encoder). The map is the identity, so one bfrange per 256-code block
 * that cps[0..n) touches says it all: codes the subset lacks never occur in
 * the content. (A line per character cost ~300 bytes a face.) */
static void tounicode_cmap(struct buf *b, const uint32_t *cps, size_t n)
{
	buf_adds(b, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
		    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
		    "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
		    "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
	struct buf ranges = {0};
	size_t nranges = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned hi = (unsigned)(cps[i] >> 8);
		if (cps[i] > 0xFFFF || (i && hi == cps[i - 1] >> 8))
			continue;
		buf_printf(&ranges, "<%02X00> <%02XFF> <%02X00>\n", hi, hi, hi);
		if (++nranges == 100) {
			cmap_block(b, "bfrange", ranges.data, nranges);
			ranges.len = nranges = 0;
		}
	}
	cmap_block(b, "bfrange", ranges.data, nranges);
	buf_free(&ranges);
	buf_adds(b, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
}

/* libharu 2.3.0 makes the ToUnicode stream in HPDF_GetFont (Type0Font_New)
 * as a copy of the encoding CMap and only sets its filter at write time, so
 * the stream can be rewritten in place right after GetFont: no orphan
 * object is left behind. */
static void fix_font(struct render *r, HPDF_Font font, const uint32_t *cps, size_t n)
{
	HPDF_FontAttr attr = (HPDF_FontAttr)font->attr;
	if (!attr || !attr->cmap_stream || !attr->cmap_stream->stream || !attr->descendant_font)
		check(r, HPDF_INVALID_OBJECT);
	HPDF_Dict cmap = attr->cmap_stream;
	HPDF_MemStream_FreeData(cmap->stream);
	/* Keys of an encoding CMap that a ToUnicode stream does not carry. */
	static const char *const drop[] = {"Type", "CMapName", "CIDSystemInfo", "WMode"};
	for (size_t i = 0; i < sizeof drop / sizeof drop[0]; i++)
		HPDF_Dict_RemoveElement(cmap, drop[i]);
	struct buf text = {0};
	tounicode_cmap(&text, cps, n);
	HPDF_STATUS st = HPDF_Stream_Write(cmap->stream, (const HPDF_BYTE *)text.data, (HPDF_UINT)text.len);
	buf_free(&text);
	check(r, st);

	HPDF_Dict sysinfo = HPDF_Dict_GetItem(attr->descendant_font, "CIDSystemInfo", HPDF_OCLASS_DICT);
	if (!sysinfo)
		check(r, HPDF_INVALID_OBJECT);
	HPDF_String ordering = HPDF_String_New(font->mmgr, "Identity", NULL);
	if (!ordering)
		check(r, HPDF_FAILD_TO_ALLOC_MEM);
	check(r, HPDF_Dict_Add(sysinfo, "Ordering", ordering));
}

/* ---- drawing ------------------------------------------------------------ */

static HPDF_REAL pt(int64_t millipoints)
{
	return (HPDF_REAL)(millipoints / 1000.0);
}

static HPDF_REAL channel(uint32_t color, int shift)
{
	return (HPDF_REAL)(((color >> shift) & 0xFF) / 255.0);
}

static void end_text(struct render *r, HPDF_Page page)
{
	if (r->in_text) {
		HPDF_Page_EndText(page);
		r->in_text = false;
	}
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

static HPDF_Image image_for(struct render *r, const char *path)
{
	for (size_t i = 0; i < r->nimages; i++)
		if (strcmp(r->images[i].path, path) == 0)
			return r->images[i].image;
	r->doing = N_("loading an image");
	HPDF_Image img = HPDF_LoadPngImageFromFile(r->pdf, path);
	grow(&r->images, &r->capimages, r->nimages + 1, sizeof *r->images);
	r->images[r->nimages].path = path;
	r->images[r->nimages++].image = img;
	return img;
}

static void draw_op(struct render *r, HPDF_Page page, int32_t page_h, const struct dl_op *op)
{
	r->op = op;
	r->doing = N_("drawing");
	switch (op->kind) {
	case DL_TEXT:
		if (!op->text || !*op->text)
			break;
		if (!r->in_text) {
			HPDF_Page_BeginText(page);
			r->in_text = true;
		}
		if (op->face != r->cur_face || op->size != r->cur_size) {
			HPDF_Page_SetFontAndSize(page, r->font[op->face], pt(op->size));
			r->cur_face = op->face;
			r->cur_size = op->size;
		}
		set_fill(r, page, op->color);
		HPDF_Page_TextOut(page, pt(op->x), pt((int64_t)page_h - op->y), op->text);
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
		HPDF_Image img = image_for(r, op->text);
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
		check(r, HPDF_FAILD_TO_ALLOC_MEM);
	check(r, HPDF_Array_Add(contents, shared_stream));
	check(r, HPDF_Array_Add(contents, attr->contents));
	check(r, HPDF_Dict_Add(page, "Contents", contents));
	bool font_done[FACE_COUNT] = {false};
	for (size_t i = 0; i < shared; i++) {
		const struct dl_op *op = &pg->ops[i];
		if (op->kind == DL_TEXT && op->text && *op->text && !font_done[op->face]) {
			font_done[op->face] = true;
			if (!HPDF_Page_GetLocalFontName(page, r->font[op->face]))
				check(r, HPDF_Error_GetCode(page->error));
		} else if (op->kind == DL_IMAGE) {
			if (!HPDF_Page_GetXObjectName(page, image_for(r, op->text)))
				check(r, HPDF_Error_GetCode(page->error));
		}
	}
}

static void set_info(struct render *r, HPDF_InfoType type, const char *value)
{
	if (value && *value)
		HPDF_SetInfoAttr(r->pdf, type, value);
}

/* Everything that calls libharu; any error longjmps back to render_guarded. */
static void build(struct render *r, struct buf *out)
{
	r->doing = N_("starting the document");
	HPDF_SetCompressionMode(r->pdf, HPDF_COMP_ALL);
	HPDF_UseUTFEncodings(r->pdf);
	HPDF_SetCurrentEncoder(r->pdf, "UTF-8");

	/* Faces load in a fixed order, so subset tags (HPDFAA, HPDFAB, …)
	 * depend only on which faces the document uses. */
	r->doing = N_("embedding a font");
	for (int f = 0; f < FACE_COUNT; f++) {
		if (!r->used[f])
			continue;
		bool extra = r->nextra[f] > 0;
		const struct pdf_face *pf = &r->ctx->face[f];
		const char *name = HPDF_LoadTTFontFromFile(
			r->pdf, extra ? r->extra_file[f].path : pf->file.path, HPDF_TRUE);
		r->font[f] = HPDF_GetFont(r->pdf, name, "UTF-8");
		fix_font(r, r->font[f], extra ? r->extra_cps[f] : pf->cps,
			 extra ? r->extra_ncps[f] : pf->ncps);
	}

	r->doing = N_("setting document information");
	const struct dl_meta *m = &r->dl->meta;
	set_info(r, HPDF_INFO_TITLE, m->title);
	set_info(r, HPDF_INFO_AUTHOR, m->author);
	set_info(r, HPDF_INFO_SUBJECT, m->subject);
	set_info(r, HPDF_INFO_KEYWORDS, m->keywords);
	set_info(r, HPDF_INFO_CREATOR, m->creator);
	set_info(r, HPDF_INFO_PRODUCER, "vanban");
	HPDF_SetInfoDateAttr(r->pdf, HPDF_INFO_CREATION_DATE, r->ctx->date);
	HPDF_SetInfoDateAttr(r->pdf, HPDF_INFO_MOD_DATE, r->ctx->date);

	size_t shared = shared_prefix(r->dl);
	HPDF_Dict shared_stream = NULL;
	for (size_t p = 0; p < r->dl->npages; p++) {
		const struct dl_page *pg = &r->dl->pages[p];
		r->op = NULL;
		r->doing = N_("adding a page");
		HPDF_Page page = HPDF_AddPage(r->pdf);
		/* /ProcSet is obsolete since PDF 1.4; it cost 46 bytes on every page */
		HPDF_Dict res = HPDF_Dict_GetItem(page, "Resources", HPDF_OCLASS_DICT);
		if (res)
			HPDF_Dict_RemoveElement(res, "ProcSet");
		small_content_stream(page);
		HPDF_Page_SetWidth(page, pt(pg->width));
		HPDF_Page_SetHeight(page, pt(pg->height));
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
			check(r, HPDF_Page_New_Content_Stream(page, NULL));
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

	r->op = NULL;
	r->doing = N_("saving");
	HPDF_SaveToStream(r->pdf);
	HPDF_UINT32 size = HPDF_GetStreamSize(r->pdf);
	if (size == 0)
		check(r, HPDF_INVALID_STREAM);
	grow(&out->data, &out->cap, out->len + size + 1, 1);
	HPDF_UINT32 got = size;
	HPDF_ReadFromStream(r->pdf, (HPDF_BYTE *)out->data + out->len, &got);
	if (got != size)
		check(r, HPDF_FILE_IO_ERROR);
	out->len += size;
	out->data[out->len] = '\0';
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
		check(r, HPDF_FAILD_TO_ALLOC_MEM);
	build(r, out);
	return 0;
}

int pdf_render(struct pdf_ctx *ctx, const struct dlist *dl, struct buf *out)
{
	struct render *r = xcalloc(1, sizeof *r);
	r->ctx = ctx;
	r->dl = dl;
	for (int f = 0; f < FACE_COUNT; f++)
		r->extra_file[f].fd = -1;
	size_t old_len = out->len;
	int rc = scan(r);
	if (rc == 0)
		rc = make_extra_subsets(r);
	if (rc == 0)
		rc = render_guarded(r, out);
	if (r->pdf)
		HPDF_Free(r->pdf);
	if (rc < 0 && out->data) {
		out->len = old_len; /* never hand back half a PDF */
		out->data[old_len] = '\0';
	}
	for (int f = 0; f < FACE_COUNT; f++) {
		free(r->extra[f]);
		free(r->seen[f]);
		free(r->extra_cps[f]);
		font_file_close(&r->extra_file[f]);
	}
	free(r->images);
	free(r);
	return rc;
}
