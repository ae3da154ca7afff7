/* pdf_font.c — fonts for one document: its own subsets where it prints
 * characters beyond the context's, and the PDF font objects, built here
 * through libharu's installed object API (hpdf_objects.h) rather than by
 * libharu's TrueType loader. */
#include "pdf_int.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include "diag.h"
#include "hash.h"
#include "text.h"

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

/* For each face the document uses, cuts a subset of exactly the
 * characters it prints (from the ctx's small subset, or from the whole
 * font when some are beyond it): the result depends on nothing but the
 * document, and only the glyphs it shows are embedded. Returns 0, or -1
 * after one diag(). */
int pdf_font_prepare(struct render *r)
{
	for (int f = 0; f < FACE_COUNT; f++) {
		const struct pdf_face *pf = &r->ctx->face[f];
		if (!r->nextra[f])
			continue;
		qsort(r->extra[f], r->nextra[f], sizeof(uint32_t), cmp_u32);
		const struct font_subset_src *from = r->beyond[f] || !pf->small ? pf->src : pf->small;
		int rc = font_subset_make_exact(from, r->extra[f], r->nextra[f], &r->extra_ttf[f],
						&r->extra_cps[f], &r->extra_ncps[f]);
		if (rc == 0)
			rc = font_subset_describe(&r->extra_ttf[f], r->extra_cps[f], r->extra_ncps[f],
						  &r->extra_desc[f]);
		if (rc < 0)
			return -1;
		struct pdf_use *u = &r->use[f];
		u->ttf = &r->extra_ttf[f];
		u->cps = r->extra_cps[f];
		u->ncps = r->extra_ncps[f];
		u->desc = &r->extra_desc[f];
	}
	return 0;
}

/* ---- the font objects ----------------------------------------------------
 * Each face the document prints is a Type0 font (Identity-H) over one
 * CIDFontType2 whose CIDs are the subset's glyph ids (/CIDToGIDMap
 * /Identity): text is written as 2-byte glyph ids, /W lists only the glyphs
 * the document's characters map to, and the ToUnicode CMap maps each of
 * those glyphs back to its character. libharu's own TrueType font set-up
 * (a walk of all 65,536 code points and a 128 KB map per face per document,
 * docs/libharu.md §1.4) is not used at all. */

static HPDF_Dict new_dict(struct render *r, bool indirect)
{
	HPDF_Dict d = HPDF_Dict_New(r->pdf->mmgr);
	if (!d)
		pdf_fail(r, HPDF_FAILD_TO_ALLOC_MEM);
	if (indirect)
		pdf_check_status(r, HPDF_Xref_Add(r->pdf->xref, d));
	return d;
}

static HPDF_Array new_array(struct render *r)
{
	HPDF_Array a = HPDF_Array_New(r->pdf->mmgr);
	if (!a)
		pdf_fail(r, HPDF_FAILD_TO_ALLOC_MEM);
	return a;
}

static HPDF_Dict new_stream(struct render *r, const void *data, size_t len)
{
	HPDF_Dict d = HPDF_DictStream_New(r->pdf->mmgr, r->pdf->xref);
	if (!d)
		pdf_fail(r, HPDF_FAILD_TO_ALLOC_MEM);
	pdf_check_status(r, HPDF_Stream_Write(d->stream, data, (HPDF_UINT)len));
	d->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
	return d;
}

static void add_string(struct render *r, HPDF_Dict d, const char *key, const char *value)
{
	HPDF_String s = HPDF_String_New(r->pdf->mmgr, value, NULL);
	if (!s)
		pdf_fail(r, HPDF_FAILD_TO_ALLOC_MEM);
	pdf_check_status(r, HPDF_Dict_Add(d, key, s));
}

/* (glyph id, code point) pairs of the document's characters, by glyph. */
struct glyph_char {
	uint16_t gid;
	uint32_t cp;
};

static int cmp_glyph(const void *a, const void *b)
{
	const struct glyph_char *x = a, *y = b;
	if (x->gid != y->gid)
		return (x->gid > y->gid) - (x->gid < y->gid);
	return (x->cp > y->cp) - (x->cp < y->cp);
}

/* Sorted by glyph, one pair per glyph (a glyph two characters share maps
 * back to the lower one); *n gets their number. */
static struct glyph_char *glyph_chars(const struct pdf_use *u, size_t *n)
{
	struct glyph_char *gc = xmalloc((u->ncps ? u->ncps : 1) * sizeof *gc);
	size_t k = 0;
	for (size_t i = 0; i < u->ncps; i++)
		if (u->cps[i] <= 0xFFFF && u->desc->gids[i]) {
			gc[k].gid = u->desc->gids[i];
			gc[k++].cp = u->cps[i];
		}
	qsort(gc, k, sizeof *gc, cmp_glyph);
	size_t m = 0;
	for (size_t i = 0; i < k; i++)
		if (!m || gc[m - 1].gid != gc[i].gid)
			gc[m++] = gc[i];
	*n = m;
	return gc;
}

static void cmap_block(struct buf *b, const char *lines, size_t count)
{
	if (count)
		buf_printf(b, "%zu beginbfchar\n%sendbfchar\n", count, lines);
}

/* The ToUnicode CMap: one bfchar entry per glyph, in blocks of at most 100
 * (the CMap limit). Ranges, even short ones, are misread by Ghostscript
 * 10's text extraction; single entries are read right by every reader
 * tested (poppler, MuPDF, Ghostscript). */
static void tounicode_cmap(struct buf *b, const struct glyph_char *gc, size_t n)
{
	buf_adds(b, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
		    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
		    "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
		    "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
	struct buf chars = {0};
	size_t nchars = 0;
	for (size_t i = 0; i < n; i++) {
		buf_printf(&chars, "<%04X> <%04X>\n", gc[i].gid, gc[i].cp);
		if (++nchars == 100) {
			cmap_block(b, chars.data, nchars);
			chars.len = nchars = 0;
		}
	}
	cmap_block(b, chars.data, nchars);
	buf_free(&chars);
	buf_adds(b, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
}

/* /W: runs of consecutive glyph ids, each "first [w w …]". */
static HPDF_Array widths(struct render *r, const struct font_subset_desc *d,
			 const struct glyph_char *gc, size_t n)
{
	HPDF_Array w = new_array(r);
	for (size_t i = 0; i < n;) {
		size_t j = i + 1;
		while (j < n && gc[j].gid == gc[j - 1].gid + 1)
			j++;
		HPDF_Array run = new_array(r);
		pdf_check_status(r, HPDF_Array_AddNumber(w, gc[i].gid));
		for (size_t k = i; k < j; k++)
			pdf_check_status(r, HPDF_Array_AddNumber(run, d->adv[gc[k].gid]));
		pdf_check_status(r, HPDF_Array_Add(w, run));
		i = j;
	}
	return w;
}

/* "ABCDEF+Name": the tag is six letters from a hash of the name and the
 * glyphs and characters embedded, so the same subset gets the same tag. */
static void subset_name(char *out, size_t size, const struct font_subset_desc *d,
			const struct glyph_char *gc, size_t n)
{
	struct hash_sha256 h;
	hash_sha256_init(&h);
	hash_sha256_update(&h, d->name, strlen(d->name));
	for (size_t i = 0; i < n; i++) {
		unsigned char rec[6] = {(unsigned char)(gc[i].gid >> 8), (unsigned char)gc[i].gid,
					(unsigned char)(gc[i].cp >> 24), (unsigned char)(gc[i].cp >> 16),
					(unsigned char)(gc[i].cp >> 8), (unsigned char)gc[i].cp};
		hash_sha256_update(&h, rec, sizeof rec);
	}
	uint8_t dg[HASH_BYTES];
	hash_sha256_final(&h, dg);
	char tag[7];
	for (int i = 0; i < 6; i++)
		tag[i] = (char)('A' + dg[i] % 26);
	tag[6] = '\0';
	snprintf(out, size, "%s+%s", tag, d->name);
}

/* PDF/A-1 asks a subset's descriptor for its /CIDSet: one bit per CID
 * (= glyph id) the font program holds, all of 0 .. nglyphs-1 here. */
static HPDF_Dict cid_set(struct render *r, unsigned nglyphs)
{
	size_t len = (nglyphs + 7) / 8;
	HPDF_BYTE *bits = xcalloc(len, 1);
	for (unsigned g = 0; g < nglyphs; g++)
		bits[g / 8] |= (HPDF_BYTE)(0x80u >> (g % 8));
	HPDF_Dict set = new_stream(r, bits, len);
	free(bits);
	return set;
}

static HPDF_Dict descriptor(struct render *r, const struct pdf_use *u, const char *name)
{
	const struct font_subset_desc *d = u->desc;
	HPDF_Dict fd = new_dict(r, true);
	pdf_check_status(r, HPDF_Dict_AddName(fd, "Type", "FontDescriptor"));
	pdf_check_status(r, HPDF_Dict_AddName(fd, "FontName", name));
	pdf_check_status(r, HPDF_Dict_AddNumber(fd, "Flags", (HPDF_INT32)d->flags));
	HPDF_Array bbox = new_array(r);
	for (int i = 0; i < 4; i++)
		pdf_check_status(r, HPDF_Array_AddNumber(bbox, d->bbox[i]));
	pdf_check_status(r, HPDF_Dict_Add(fd, "FontBBox", bbox));
	pdf_check_status(r, HPDF_Dict_AddNumber(fd, "ItalicAngle", d->italic_angle));
	pdf_check_status(r, HPDF_Dict_AddNumber(fd, "Ascent", d->ascent));
	pdf_check_status(r, HPDF_Dict_AddNumber(fd, "Descent", d->descent));
	pdf_check_status(r, HPDF_Dict_AddNumber(fd, "CapHeight", d->cap_height));
	if (d->x_height)
		pdf_check_status(r, HPDF_Dict_AddNumber(fd, "XHeight", d->x_height));
	pdf_check_status(r, HPDF_Dict_AddNumber(fd, "StemV", 0));
	HPDF_Dict file = new_stream(r, u->ttf->data, u->ttf->len);
	pdf_check_status(r, HPDF_Dict_AddNumber(file, "Length1", (HPDF_INT32)u->ttf->len));
	pdf_check_status(r, HPDF_Dict_Add(fd, "FontFile2", file));
	if (r->pdfa)
		pdf_check_status(r, HPDF_Dict_Add(fd, "CIDSet", cid_set(r, d->nglyphs)));
	return fd;
}

static HPDF_Dict type0_font(struct render *r, const struct pdf_use *u)
{
	size_t n;
	struct glyph_char *gc = glyph_chars(u, &n);
	char name[96];
	subset_name(name, sizeof name, u->desc, gc, n);

	HPDF_Dict cid = new_dict(r, true);
	pdf_check_status(r, HPDF_Dict_AddName(cid, "Type", "Font"));
	pdf_check_status(r, HPDF_Dict_AddName(cid, "Subtype", "CIDFontType2"));
	pdf_check_status(r, HPDF_Dict_AddName(cid, "BaseFont", name));
	HPDF_Dict info = new_dict(r, false);
	add_string(r, info, "Registry", "Adobe");
	add_string(r, info, "Ordering", "Identity");
	pdf_check_status(r, HPDF_Dict_AddNumber(info, "Supplement", 0));
	pdf_check_status(r, HPDF_Dict_Add(cid, "CIDSystemInfo", info));
	pdf_check_status(r, HPDF_Dict_Add(cid, "FontDescriptor", descriptor(r, u, name)));
	pdf_check_status(r, HPDF_Dict_Add(cid, "W", widths(r, u->desc, gc, n)));
	pdf_check_status(r, HPDF_Dict_AddName(cid, "CIDToGIDMap", "Identity"));

	struct buf text = {0};
	tounicode_cmap(&text, gc, n);
	free(gc);
	HPDF_Dict tounicode = new_stream(r, text.data, text.len);
	buf_free(&text);

	HPDF_Dict font = new_dict(r, true);
	pdf_check_status(r, HPDF_Dict_AddName(font, "Type", "Font"));
	pdf_check_status(r, HPDF_Dict_AddName(font, "Subtype", "Type0"));
	pdf_check_status(r, HPDF_Dict_AddName(font, "BaseFont", name));
	pdf_check_status(r, HPDF_Dict_AddName(font, "Encoding", "Identity-H"));
	HPDF_Array desc = new_array(r);
	pdf_check_status(r, HPDF_Array_Add(desc, cid));
	pdf_check_status(r, HPDF_Dict_Add(font, "DescendantFonts", desc));
	pdf_check_status(r, HPDF_Dict_Add(font, "ToUnicode", tounicode));
	return font;
}

void pdf_font_embed(struct render *r)
{
	r->doing = N_("embedding a font");
	for (int f = 0; f < FACE_COUNT; f++)
		if (r->used[f])
			r->font[f] = type0_font(r, &r->use[f]);
}

void pdf_font_on_page(struct render *r, HPDF_Page page, int f)
{
	if (r->page_font[f])
		return;
	r->page_font[f] = true;
	HPDF_Dict res = HPDF_Dict_GetItem(page, "Resources", HPDF_OCLASS_DICT);
	if (!res)
		pdf_fail(r, HPDF_INVALID_OBJECT);
	HPDF_Dict fonts = HPDF_Dict_GetItem(res, "Font", HPDF_OCLASS_DICT);
	if (!fonts) {
		fonts = new_dict(r, false);
		pdf_check_status(r, HPDF_Dict_Add(res, "Font", fonts));
	}
	char key[16];
	snprintf(key, sizeof key, "F%d", f + 1);
	pdf_check_status(r, HPDF_Dict_Add(fonts, key, r->font[f]));
}

/* The index of cp in the sorted cps[0..n), or n. */
static size_t find_cp(const uint32_t *cps, size_t n, uint32_t cp)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cps[mid] < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

void pdf_font_glyphs(const struct render *r, int f, const char *s, struct buf *out)
{
	static const char hex[] = "0123456789abcdef";
	const struct pdf_use *u = &r->use[f];
	size_t len = strlen(s);
	for (size_t i = 0; i < len;) {
		uint32_t cp = 0;
		size_t k = utf8_decode(s + i, len - i, &cp);
		i += k ? k : 1;
		size_t at = find_cp(u->cps, u->ncps, cp);
		unsigned g = at < u->ncps && u->cps[at] == cp ? u->desc->gids[at] : 0;
		char q[4] = {hex[g >> 12 & 15], hex[g >> 8 & 15], hex[g >> 4 & 15], hex[g & 15]};
		buf_add(out, q, 4);
	}
}

void pdf_font_release(struct render *r)
{
	for (int f = 0; f < FACE_COUNT; f++) {
		free(r->extra[f]);
		free(r->seen[f]);
		free(r->extra_cps[f]);
		buf_free(&r->extra_ttf[f]);
		font_subset_desc_free(&r->extra_desc[f]);
	}
}
