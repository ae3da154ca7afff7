/* pdf_font.c — fonts for one document: its own subsets where it prints
 * characters beyond the context's, and the PDF font objects. libharu 2.3.0
 * builds the Type0 font; two of its objects are patched through the
 * installed internal headers: the ToUnicode CMap (2.3.0 copies the encoding
 * CMap, whose begincidrange is invalid there; docs/libharu.md §1.2) and the
 * descendant font's /CIDSystemInfo Ordering ("Identity-H" → "Identity"). */
#include "pdf_int.h"

#include <errno.h>
#include <stdatomic.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <hpdf_doc.h>
#include <hpdf_font.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include "diag.h"

void pdf_font_file_close(struct font_file *ff)
{
	if (ff->fd < 0)
		return;
	if (ff->is_temp)
		unlink(ff->path);
	close(ff->fd);
	ff->fd = -1;
}

/* Returns 0, or -1 after one diag(). */
int pdf_font_file_create(struct font_file *ff, const struct buf *bytes, const char *font_path)
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
		pdf_font_file_close(ff);
		diag(SUBSET_TMP_FAILED, &pos, dir, strerror(e));
		return -1;
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
int pdf_font_prepare(struct render *r)
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
			rc = pdf_font_file_create(&r->extra_file[f], &bytes, "font subset");
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
 * encoder): one bfchar entry per code point of cps[0..n) (sorted), in
 * blocks of at most 100 (the CMap limit). Ranges, even runs of a few codes
 * inside one 256-code block, are misread by Ghostscript 10's text
 * extraction ("TæNH ĄY" for "TỈNH ỦY"); single entries are read right by
 * every reader tested (poppler, MuPDF, Ghostscript). */
static void tounicode_cmap(struct buf *b, const uint32_t *cps, size_t n)
{
	buf_adds(b, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
		    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
		    "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
		    "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
	struct buf chars = {0};
	size_t nchars = 0;
	for (size_t i = 0; i < n && cps[i] <= 0xFFFF; i++) {
		buf_printf(&chars, "<%04X> <%04X>\n", cps[i], cps[i]);
		if (++nchars == 100) {
			cmap_block(b, "bfchar", chars.data, nchars);
			chars.len = nchars = 0;
		}
	}
	cmap_block(b, "bfchar", chars.data, nchars);
	buf_free(&chars);
	buf_adds(b, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
}

/* The font descriptor's entries PDF/A-1 asks for that libharu 2.3.0 leaves
 * out: /CapHeight (every output), and for an archival copy the /CIDSet of
 * a subset, one bit per CID it holds (CID 0 and each code point). libharu
 * makes the descriptor only while saving, so the entries wait under
 * private keys of the Type0 font (whose before-write function makes it)
 * and a wrapper of that function moves them into the
 * descriptor right after libharu made it. */
#define KEY_CAP "VanbanCapHeight"
#define KEY_SET "VanbanCIDSet"
static _Atomic(HPDF_Dict_BeforeWriteFunc) libharu_before_write;

static HPDF_STATUS before_write(HPDF_Dict font)
{
	HPDF_Dict_BeforeWriteFunc orig = atomic_load(&libharu_before_write);
	HPDF_STATUS st = orig ? orig(font) : HPDF_OK;
	HPDF_FontAttr attr = (HPDF_FontAttr)font->attr;
	HPDF_Dict desc = attr && attr->fontdef ? attr->fontdef->descriptor : NULL;
	if (st != HPDF_OK || !desc)
		return st != HPDF_OK ? st : HPDF_INVALID_OBJECT;
	HPDF_Number cap = HPDF_Dict_GetItem(font, KEY_CAP, HPDF_OCLASS_NUMBER);
	if (cap && (st = HPDF_Dict_AddNumber(desc, "CapHeight", cap->value)) != HPDF_OK)
		return st;
	HPDF_Dict set = HPDF_Dict_GetItem(font, KEY_SET, HPDF_OCLASS_DICT);
	if (set && (st = HPDF_Dict_Add(desc, "CIDSet", set)) != HPDF_OK)
		return st;
	HPDF_Dict_RemoveElement(font, KEY_CAP);
	if (set)
		HPDF_Dict_RemoveElement(font, KEY_SET);
	return HPDF_OK;
}

static void describe(struct render *r, HPDF_Font font, const uint32_t *cps, size_t n)
{
	HPDF_FontAttr attr = (HPDF_FontAttr)font->attr;
	HPDF_Dict cid = font; /* the Type0 font: its before-write makes the descriptor */
	HPDF_FontDef def = attr->fontdef;
	if (!def || !cid->before_write_fn)
		pdf_check_status(r, HPDF_INVALID_OBJECT);
	if (cid->before_write_fn != before_write) {
		atomic_store(&libharu_before_write, cid->before_write_fn);
		cid->before_write_fn = before_write;
	}
	HPDF_INT cap = def->cap_height ? def->cap_height : def->ascent;
	pdf_check_status(r, HPDF_Dict_AddNumber(cid, KEY_CAP, cap));
	if (!r->pdfa)
		return;
	uint32_t top = 0;
	for (size_t i = 0; i < n; i++)
		if (cps[i] <= 0xFFFF && cps[i] > top)
			top = cps[i];
	size_t len = top / 8 + 1;
	HPDF_BYTE *bits = xcalloc(len, 1);
	bits[0] = 0x80; /* CID 0, .notdef */
	for (size_t i = 0; i < n; i++)
		if (cps[i] <= 0xFFFF)
			bits[cps[i] / 8] |= (HPDF_BYTE)(0x80u >> (cps[i] % 8));
	HPDF_Doc pdf = r->pdf;
	HPDF_Dict set = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
	HPDF_STATUS st = set ? HPDF_Stream_Write(set->stream, bits, (HPDF_UINT)len) : HPDF_FAILD_TO_ALLOC_MEM;
	free(bits);
	pdf_check_status(r, st);
	set->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
	pdf_check_status(r, HPDF_Dict_Add(cid, KEY_SET, set));
}

/* libharu's CIDToGIDMap always covers all 65,536 CIDs (128 KB copied and
 * deflated per face per document); the document's CIDs are the subset's
 * code points, so the map is cut after the highest of them. */
static void short_map(struct render *r, HPDF_Dict map, const uint32_t *cps, size_t n)
{
	uint32_t top = 0;
	for (size_t i = 0; i < n; i++)
		if (cps[i] <= 0xFFFF && cps[i] > top)
			top = cps[i];
	if (!map || !map->stream)
		pdf_check_status(r, HPDF_INVALID_OBJECT);
	HPDF_UINT len = (HPDF_UINT)(top + 1) * 2;
	if (HPDF_Stream_Size(map->stream) < len)
		return;
	HPDF_BYTE *head = xmalloc(len);
	HPDF_UINT got = len;
	HPDF_STATUS st = HPDF_Stream_Seek(map->stream, 0, HPDF_SEEK_SET);
	if (st == HPDF_OK)
		st = HPDF_Stream_Read(map->stream, head, &got);
	if (st == HPDF_OK && got == len) {
		HPDF_MemStream_FreeData(map->stream);
		st = HPDF_Stream_Write(map->stream, head, len);
	}
	free(head);
	pdf_check_status(r, st);
}

/* libharu 2.3.0 makes the ToUnicode stream in HPDF_GetFont (Type0Font_New)
 * as a copy of the encoding CMap and only sets its filter at write time, so
 * the stream can be rewritten in place right after GetFont: no orphan
 * object is left behind. */
static void fix_font(struct render *r, HPDF_Font font, const uint32_t *cps, size_t n)
{
	HPDF_FontAttr attr = (HPDF_FontAttr)font->attr;
	if (!attr || !attr->cmap_stream || !attr->cmap_stream->stream || !attr->descendant_font)
		pdf_check_status(r, HPDF_INVALID_OBJECT);
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
	pdf_check_status(r, st);

	HPDF_Dict sysinfo = HPDF_Dict_GetItem(attr->descendant_font, "CIDSystemInfo", HPDF_OCLASS_DICT);
	if (!sysinfo)
		pdf_check_status(r, HPDF_INVALID_OBJECT);
	HPDF_String ordering = HPDF_String_New(font->mmgr, "Identity", NULL);
	if (!ordering)
		pdf_check_status(r, HPDF_FAILD_TO_ALLOC_MEM);
	pdf_check_status(r, HPDF_Dict_Add(sysinfo, "Ordering", ordering));
	describe(r, font, cps, n);
	short_map(r, attr->map_stream, cps, n);
}


void pdf_font_embed(struct render *r)
{
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
}

void pdf_font_release(struct render *r)
{
	for (int f = 0; f < FACE_COUNT; f++) {
		free(r->extra[f]);
		free(r->seen[f]);
		free(r->extra_cps[f]);
		pdf_font_file_close(&r->extra_file[f]);
	}
}
