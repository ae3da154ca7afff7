/* test_pdf.c — display list → PDF, checked with qpdf, pdffonts, pdftotext. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "diag.h"
#include "dlist.h"
#include "font_subset.h"
#include "image.h"
#include "pdf.h"
#include "unit.h"
#include "util.h"

static const char *const font_path[FACE_COUNT] = {
	"fonts/LiberationSerif-Regular.ttf",
	"fonts/LiberationSerif-Bold.ttf",
	"fonts/LiberationSerif-Italic.ttf",
	"fonts/LiberationSerif-BoldItalic.ttf",
};

static const char *const line_text[] = {
	"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
	"Độc lập - Tự do - Hạnh phúc",
	"Hà Nội, ngày 17 tháng 5 năm 2024",
	"Quyết định số 123/QĐ-UBND — “khen thưởng” … № 5 § 2, 30°, 2×3",
	"Ông Nguyễn Thị Hương, Trưởng phòng Ưu đãi, đạt 1.000.000 ₫",
};
static const enum face line_face[] = {FACE_BOLD, FACE_BOLD, FACE_ITALIC, FACE_BOLD_ITALIC,
				      FACE_REGULAR};

static struct pdf_ctx *ctx;
static char tmpdir[] = "/tmp/vanban-test-pdf-XXXXXX";

static const unsigned char tiny_png[] = {
	0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44,
	0x52, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x02, 0x08, 0x06, 0x00, 0x00, 0x00, 0x72,
	0xb6, 0x0d, 0x24, 0x00, 0x00, 0x00, 0x11, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x38,
	0x21, 0x27, 0xf7, 0x1f, 0x84, 0x19, 0x60, 0x0c, 0x00, 0x47, 0x34, 0x08, 0x0d, 0x66, 0xc8,
	0x0e, 0xa9, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
};

static void add_text(struct dlist *dl, int32_t y, enum face face, const char *s)
{
	struct srcpos pos = {"test.yaml", 3, 7};
	dl_text(dl, MM(20), y, face, 13000, 0x000000, s, strlen(s), &pos);
}

static struct dlist *sample_doc(bool all_faces)
{
	struct dlist *dl = dlist_new();
	dl->meta.title = xstrdup("Giấy khen — Nguyễn Thị Hương");
	dl->meta.author = xstrdup("UBND phường Điện Biên");
	dl->meta.subject = xstrdup("Khen thưởng");
	dl->meta.keywords = xstrdup("giấy khen, thi đua");
	dl->meta.creator = xstrdup("vanban test");
	dlist_add_page(dl, 595276, 841890);
	if (all_faces) {
		for (size_t i = 0; i < sizeof line_text / sizeof line_text[0]; i++)
			add_text(dl, MM(30) + (int32_t)i * 20000, line_face[i], line_text[i]);
		dl_rule(dl, MM(60), MM(45), MM(120), MM(45), 500, 0x000000);
		dl_rect(dl, MM(20), MM(150), MM(80), MM(20), 750, 0x1F3F7F, false);
		dl_rect(dl, MM(120), MM(150), MM(40), MM(20), 0, 0xC81E1E, true);
	} else {
		add_text(dl, MM(30), FACE_REGULAR, line_text[4]);
	}
	return dl;
}

/* Runs a shell command; its stdout goes to *out (if not NULL), stderr to
 * *err. Returns the exit status. */
static int run(const char *cmd, char **out, char **err)
{
	char *errfile = xasprintf("%s/stderr.txt", tmpdir);
	char *full = xasprintf("%s 2>%s", cmd, errfile);
	FILE *p = popen(full, "r");
	struct buf b = {0};
	char chunk[4096];
	size_t n;
	while (p && (n = fread(chunk, 1, sizeof chunk, p)) > 0)
		buf_add(&b, chunk, n);
	int st = p ? pclose(p) : -1;
	size_t len;
	char *e = read_file(errfile, 1 << 20, &len);
	if (err)
		*err = e ? e : xstrdup("");
	else
		free(e);
	if (out)
		*out = buf_steal(&b);
	else
		buf_free(&b);
	free(errfile);
	free(full);
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static char *save(const struct buf *pdf, const char *name)
{
	char *path = xasprintf("%s/%s", tmpdir, name);
	FILE *f = fopen(path, "wb");
	CHECK(f != NULL);
	if (f) {
		CHECK(fwrite(pdf->data, 1, pdf->len, f) == pdf->len);
		CHECK(fclose(f) == 0);
	}
	return path;
}

static int count(const char *hay, size_t len, const char *needle)
{
	int n = 0;
	size_t k = strlen(needle);
	for (size_t i = 0; i + k <= len; i++)
		if (memcmp(hay + i, needle, k) == 0)
			n++;
	return n;
}

/* Number of fonts pdffonts lists; every one must be emb, sub and uni. */
static int check_fonts(const char *path)
{
	char *cmd = xasprintf("pdffonts '%s'", path), *out, *err;
	CHECK_INT(run(cmd, &out, &err), 0);
	CHECK_STR(err, "");
	int fonts = 0, line = 0;
	for (char *s = strtok(out, "\n"); s; s = strtok(NULL, "\n"), line++) {
		if (line < 2)
			continue;
		fonts++;
		if (!strstr(s, "CID TrueType") || !strstr(s, "Identity-H") || !strstr(s, " yes yes yes ")) {
			printf("#   pdffonts: %s\n", s);
			CHECK(0);
		}
	}
	free(cmd);
	free(out);
	free(err);
	return fonts;
}

static void test_fixed_set(void)
{
	size_t n;
	const uint32_t *set = font_subset_fixed(&n);
	CHECK(n >= 242);
	for (size_t i = 1; i < n; i++)
		CHECK(set[i - 1] < set[i]);
	/* every Vietnamese letter (one sample per block) and the listed signs */
	static const uint32_t want[] = {0x20,   0x7E,   0xA0,   0x1EA0, 0x1EF9, 0x0110, 0x0111,
					0x01A0, 0x01B0, 0x0103, 0x2013, 0x2014, 0x2018, 0x2019,
					0x201C, 0x201D, 0x2026, 0x2022, 0x2116, 0xA7,   0xB0,
					0xD7,   0x20AB};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
		CHECK(font_subset_in_fixed(want[i]));
	CHECK(!font_subset_in_fixed(0x1F));
	CHECK(!font_subset_in_fixed(0x3A9));
	int viet = 0;
	for (uint32_t c = 0x1EA0; c <= 0x1EF9; c++)
		viet += font_subset_in_fixed(c);
	CHECK_INT(viet, 90);
}

static void test_subset_small(void)
{
	struct font_subset_src *src = font_subset_open(font_path[FACE_REGULAR]);
	CHECK(src != NULL);
	if (!src)
		return;
	struct buf b = {0};
	uint32_t *cps = NULL;
	size_t n = 0, nfixed;
	font_subset_fixed(&nfixed);
	CHECK_INT(font_subset_make(src, NULL, 0, &b, &cps, &n), 0);
	CHECK(b.len > 5000 && b.len < 30000);
	CHECK(n > 240 && n <= nfixed);
	printf("# regular subset: %zu bytes, %zu code points (fixed set %zu)\n", b.len, n, nfixed);
	free(cps);
	buf_free(&b);
	font_subset_close(src);
}

static void test_render_checks(void)
{
	struct dlist *dl = sample_doc(true);
	struct buf pdf = {0};
	CHECK_INT(pdf_render(ctx, dl, &pdf), 0);
	CHECK(pdf.len > 1000);
	CHECK(memcmp(pdf.data, "%PDF-", 5) == 0);
	printf("# 4-face one-page document: %zu bytes\n", pdf.len);
	char *path = save(&pdf, "sample.pdf");

	char *cmd = xasprintf("qpdf --check '%s' >/dev/null", path), *out, *err;
	CHECK_INT(run(cmd, NULL, NULL), 0);
	free(cmd);

	CHECK_INT(check_fonts(path), 4);

	cmd = xasprintf("pdftotext -enc UTF-8 '%s' -", path);
	CHECK_INT(run(cmd, &out, &err), 0);
	CHECK_STR(err, ""); /* no "Syntax Warning" about ToUnicode */
	for (size_t i = 0; i < sizeof line_text / sizeof line_text[0]; i++)
		if (!strstr(out, line_text[i])) {
			printf("#   missing line: %s\n", line_text[i]);
			CHECK(0);
		}
	free(cmd);
	free(out);
	free(err);

	/* mupdf: exit codes say nothing, so any stderr line but the Debian ICC note fails */
	cmd = xasprintf("mutool draw -F txt -o - '%s' 2>&1 >/dev/null | grep -v 'ICC support is not available'", path);
	CHECK_INT(run(cmd, &out, NULL), 1); /* grep found nothing */
	CHECK_STR(out, "");
	free(cmd);
	free(out);

	cmd = xasprintf("pdfinfo '%s'", path);
	CHECK_INT(run(cmd, &out, &err), 0);
	CHECK(strstr(out, "Title:           Giấy khen — Nguyễn Thị Hương") != NULL);
	CHECK(strstr(out, "Author:          UBND phường Điện Biên") != NULL);
	CHECK(strstr(out, "Producer:        vanban") != NULL);
	CHECK(strstr(out, "Pages:           1") != NULL);
	CHECK_STR(err, "");
	free(cmd);
	free(out);
	free(err);

	/* the patched objects, seen uncompressed */
	cmd = xasprintf("qpdf --qdf --object-streams=disable '%s' -", path);
	CHECK_INT(run(cmd, &out, NULL), 0);
	size_t len = strlen(out);
	CHECK_INT(count(out, len, "begincidrange"), 0);
	CHECK_INT(count(out, len, "beginbfrange"), 0); /* single bfchar entries: Ghostscript misreads ranges */
	CHECK(count(out, len, "beginbfchar") >= 4);
	CHECK_INT(count(out, len, "/Ordering (Identity)"), 4);
	CHECK_INT(count(out, len, "Identity-H)"), 0);
	CHECK_INT(count(out, len, " Tw"), 0);
	CHECK(strstr(out, "/CreationDate (D:20210101000000Z") != NULL); /* SOURCE_DATE_EPOCH */
	free(cmd);
	free(out);

	free(path);
	buf_free(&pdf);
	dlist_free(dl);
}

static void test_deterministic(void)
{
	struct dlist *dl = sample_doc(true);
	struct buf a = {0}, b = {0}, c = {0};
	CHECK_INT(pdf_render(ctx, dl, &a), 0);
	CHECK_INT(pdf_render(ctx, dl, &b), 0);
	/* a second context (new subsets, new memfds) must not change a byte */
	struct pdf_fonts fonts = {0};
	for (int f = 0; f < FACE_COUNT; f++)
		fonts.path[f] = font_path[f];
	struct pdf_ctx *ctx2 = pdf_ctx_new(&fonts);
	CHECK(ctx2 != NULL);
	if (ctx2)
		CHECK_INT(pdf_render(ctx2, dl, &c), 0);
	CHECK(a.len == b.len && memcmp(a.data, b.data, a.len) == 0);
	CHECK(a.len == c.len && memcmp(a.data, c.data, a.len) == 0);
	pdf_ctx_free(ctx2);
	buf_free(&a);
	buf_free(&b);
	buf_free(&c);
	dlist_free(dl);
}

static void test_regular_only_one_font(void)
{
	struct dlist *dl = sample_doc(false);
	struct buf pdf = {0};
	CHECK_INT(pdf_render(ctx, dl, &pdf), 0);
	printf("# regular-only one-page document: %zu bytes\n", pdf.len);
	char *path = save(&pdf, "regular.pdf");
	CHECK_INT(check_fonts(path), 1);
	free(path);
	buf_free(&pdf);
	dlist_free(dl);
}

/* A character beyond the fixed set gets a per-document subset; other
 * documents' bytes must not change because of it. */
static void test_extra_characters(void)
{
	struct dlist *plain = sample_doc(false);
	struct buf before = {0}, after = {0}, extra = {0};
	CHECK_INT(pdf_render(ctx, plain, &before), 0);

	struct dlist *dl = sample_doc(false);
	add_text(dl, MM(60), FACE_REGULAR, "Ω ≈ π·r² ∑ Ж");
	CHECK_INT(pdf_render(ctx, dl, &extra), 0);
	char *path = save(&extra, "extra.pdf");
	CHECK_INT(check_fonts(path), 1);
	char *cmd = xasprintf("pdftotext -enc UTF-8 '%s' -", path), *out, *err;
	CHECK_INT(run(cmd, &out, &err), 0);
	CHECK(strstr(out, "Ω ≈ π·r² ∑ Ж") != NULL);
	CHECK(strstr(out, line_text[4]) != NULL);
	CHECK_STR(err, "");
	free(cmd);
	free(out);
	free(err);
	free(path);

	CHECK_INT(pdf_render(ctx, plain, &after), 0);
	CHECK(before.len == after.len && memcmp(before.data, after.data, before.len) == 0);
	buf_free(&before);
	buf_free(&after);
	buf_free(&extra);
	dlist_free(plain);
	dlist_free(dl);
}

static void test_image_once(void)
{
	struct image *png = image_decode(tiny_png, sizeof tiny_png, "seal", "seal.png", NULL);
	CHECK(png != NULL);
	struct dlist *dl = sample_doc(false);
	dl_image(dl, MM(100), MM(100), MM(30), MM(30), "seal.png", png);
	dlist_add_page(dl, 595276, 841890);
	dl_image(dl, MM(10), MM(10), MM(40), MM(40), "seal.png", png);
	struct buf pdf = {0};
	CHECK_INT(pdf_render(ctx, dl, &pdf), 0);
	/* an opaque PNG loses its alpha: one image, however often drawn */
	CHECK_INT(count(pdf.data, pdf.len, "/Subtype /Image"), 1);
	CHECK_INT(count(pdf.data, pdf.len, "/SMask"), 0);
	char *path = save(&pdf, "image.pdf");
	char *cmd = xasprintf("qpdf --check '%s' >/dev/null", path);
	CHECK_INT(run(cmd, NULL, NULL), 0);
	free(cmd);
	free(path);
	buf_free(&pdf);
	dlist_free(dl);
	image_free(png);

	/* with transparency: the picture and its soft mask, both compressed */
	unsigned char rgb[4 * 3] = {255, 0, 0, 0, 255, 0, 0, 0, 255, 9, 9, 9}, alpha[4] = {0, 80, 160, 255};
	struct image seal = {.kind = IMAGE_PIXELS, .width = 2, .height = 2, .channels = 3, .pixels = rgb, .alpha = alpha};
	dl = sample_doc(false);
	dl_image(dl, MM(100), MM(100), MM(30), MM(30), "seal.png", &seal);
	dlist_add_page(dl, 595276, 841890);
	dl_image(dl, MM(10), MM(10), MM(40), MM(40), "seal.png", &seal);
	CHECK_INT(pdf_render(ctx, dl, &pdf), 0);
	CHECK_INT(count(pdf.data, pdf.len, "/Subtype /Image"), 2);
	CHECK_INT(count(pdf.data, pdf.len, "/SMask"), 1);
	CHECK_INT(count(pdf.data, pdf.len, "/ColorSpace /DeviceGray"), 1);
	path = save(&pdf, "image-mask.pdf");
	cmd = xasprintf("qpdf --check '%s' >/dev/null", path);
	CHECK_INT(run(cmd, NULL, NULL), 0);
	free(cmd);
	/* every image stream is Flate-compressed */
	cmd = xasprintf("grep -a -A6 '^/Subtype /Image' '%s' | grep -c '^/Filter \\[ /FlateDecode \\]' | grep -qx 2", path);
	CHECK_INT(run(cmd, NULL, NULL), 0);
	free(cmd);
	free(path);
	buf_free(&pdf);
	dlist_free(dl);
}

/* Renders dl expecting failure; returns the diagnostic text (caller frees). */
static char *render_fails(struct dlist *dl)
{
	char *log = xasprintf("%s/diag.txt", tmpdir);
	FILE *f = fopen(log, "w+");
	diag_set_stream(f);
	struct buf pdf = {0};
	buf_adds(&pdf, "keep");
	CHECK_INT(pdf_render(ctx, dl, &pdf), -1);
	CHECK_STR(pdf.data, "keep"); /* nothing half-written is handed back */
	diag_set_stream(NULL);
	fclose(f);
	size_t len;
	char *text = read_file(log, 1 << 16, &len);
	CHECK(text && count(text, len, "\n") == 1); /* exactly one diagnostic */
	buf_free(&pdf);
	free(log);
	dlist_free(dl);
	return text ? text : xstrdup("");
}

static void test_errors(void)
{
	struct dlist *dl = sample_doc(false);
	add_text(dl, MM(60), FACE_REGULAR, "Trung Quốc 中国");
	char *msg = render_fails(dl);
	CHECK(strstr(msg, "test.yaml:3:7: error: character U+4E2D \"中\" is not in the regular font"));
	free(msg);

	dl = sample_doc(false);
	dl_rule(dl, 0, 0, 2000000000, 0, 500, 0);
	msg = render_fails(dl);
	CHECK(strstr(msg, "error: position or size beyond"));
	free(msg);

	dl = sample_doc(false);
	add_text(dl, MM(60), FACE_REGULAR, "tab\there");
	msg = render_fails(dl);
	CHECK(strstr(msg, "control character U+0009"));
	free(msg);

	dl = sample_doc(false);
	dl->pages[0].width = 1000;
	msg = render_fails(dl);
	CHECK(strstr(msg, "page 1 size"));
	free(msg);

	dl = sample_doc(false);
	dl->pages[0].ops[0].size = 700000;
	msg = render_fails(dl);
	CHECK(strstr(msg, "font size 700.000 pt"));
	free(msg);

	dl = sample_doc(false);
	dl_image(dl, MM(10), MM(10), MM(40), MM(40), "seal.png", NULL); /* never decoded */
	msg = render_fails(dl);
	CHECK(strstr(msg, "error: image needs a decoded picture and a positive size"));
	free(msg);

	/* the context still works after all those failures */
	dl = sample_doc(false);
	struct buf pdf = {0};
	CHECK_INT(pdf_render(ctx, dl, &pdf), 0);
	buf_free(&pdf);
	dlist_free(dl);
}

static void test_missing_face(void)
{
	struct pdf_fonts fonts = {{font_path[FACE_REGULAR], NULL, NULL, NULL}, false};
	struct pdf_ctx *saved = ctx;
	ctx = pdf_ctx_new(&fonts);
	CHECK(ctx != NULL);
	char *msg = render_fails(sample_doc(true));
	CHECK(strstr(msg, "text uses the bold face, but no bold font was given"));
	free(msg);
	pdf_ctx_free(ctx);
	ctx = saved;

	fonts.path[0] = "fonts/fontmap.tsv";
	FILE *f = tmpfile();
	diag_set_stream(f);
	CHECK(pdf_ctx_new(&fonts) == NULL);
	fonts.path[0] = "/nonexistent.ttf";
	CHECK(pdf_ctx_new(&fonts) == NULL);
	diag_set_stream(NULL);
	fclose(f);
}

/* Another process must produce the same bytes (no addresses, fds, time). */
static void test_same_across_processes(struct buf *mine)
{
	char *path = xasprintf("%s/child.pdf", tmpdir);
	char *cmd = xasprintf("/proc/%ld/exe render '%s'", (long)getpid(), path);
	CHECK_INT(run(cmd, NULL, NULL), 0);
	size_t len = 0;
	char *theirs = read_file(path, 1 << 24, &len);
	CHECK(theirs && len == mine->len && memcmp(theirs, mine->data, len) == 0);
	free(theirs);
	free(cmd);
	free(path);
}

static void test_processes(void)
{
	struct dlist *dl = sample_doc(true);
	struct buf pdf = {0};
	CHECK_INT(pdf_render(ctx, dl, &pdf), 0);
	test_same_across_processes(&pdf);
	buf_free(&pdf);
	dlist_free(dl);
}

/* Bookmarks and page labels as an archive volume has them: a cover, a
 * Mục lục numbered i, ii, documents numbered from 1, nested entries. */
static void test_outlines_labels(void)
{
	struct dlist *dl = dlist_new();
	struct srcpos pos = {"test.yaml", 1, 1};
	for (int p = 0; p < 5; p++) {
		dlist_add_page(dl, 595276, 841890);
		dl_text(dl, MM(20), MM(30), FACE_REGULAR, 13000, 0, "Trang", 5, &pos);
	}
	dl_outline(dl, 0, 0, 0, "Bìa hồ sơ");
	dl_outline(dl, 0, 1, 0, "Mục lục văn bản");
	dl_outline(dl, 0, 3, 0, "Văn bản trong hồ sơ");
	dl_outline(dl, 1, 3, MM(40), "Quyết định số 15/QĐ-TCT");
	dl_outline(dl, 1, 4, 0, "Chứng từ kết thúc");
	dl_label(dl, 0, DL_LABEL_NONE, 1, "Bìa");
	dl_label(dl, 1, DL_LABEL_ROMAN_LOWER, 1, NULL);
	dl_label(dl, 3, DL_LABEL_DECIMAL, 1, "Tờ ");
	struct buf pdf = {0};
	CHECK_INT(pdf_render(ctx, dl, &pdf), 0);
	char *path = save(&pdf, "outlines.pdf");
	char *cmd = xasprintf("qpdf --json --json-key=outlines --json-key=pages '%s' | python3 -c '"
			      "import json,sys; j=json.load(sys.stdin)\n"
			      "def walk(os, d):\n"
			      "  for o in os:\n"
			      "    print(d, o[\"destpageposfrom1\"], o[\"title\"]); walk(o[\"kids\"], d + 1)\n"
			      "walk(j[\"outlines\"], 0)'",
			      path);
	char *out, *err;
	CHECK_INT(run(cmd, &out, &err), 0);
	CHECK_STR(out, "0 1 Bìa hồ sơ\n0 2 Mục lục văn bản\n0 4 Văn bản trong hồ sơ\n"
		       "1 4 Quyết định số 15/QĐ-TCT\n1 5 Chứng từ kết thúc\n");
	CHECK_STR(err, "");
	free(out);
	free(err);
	free(cmd);
	/* the labels a viewer shows (pdfinfo does not print them; qpdf does) */
	cmd = xasprintf("qpdf --json --json-key=pagelabels '%s' | python3 -c '"
			"import json,sys; j=json.load(sys.stdin)\n"
			"for l in j[\"pagelabels\"]: print(l[\"index\"], l[\"label\"].get(\"/S\", \"-\"), "
			"l[\"label\"].get(\"/P\", \"-\"))'", path);
	CHECK_INT(run(cmd, &out, &err), 0);
	CHECK_STR(out, "0 - u:Bìa\n1 /r -\n3 /D u:Tờ \n");
	free(out);
	free(err);
	free(cmd);
	free(path);
	/* and the dump prints them after the last page */
	char *dump = NULL;
	size_t dlen = 0;
	FILE *f = open_memstream(&dump, &dlen);
	dl->pdfa = true;
	dlist_dump(dl, f);
	fclose(f);
	const char *tail = strstr(dump, "outline 0 1 0");
	CHECK_STR(tail, "outline 0 1 0 \"Bìa hồ sơ\"\noutline 0 2 0 \"Mục lục văn bản\"\n"
			"outline 0 4 0 \"Văn bản trong hồ sơ\"\n"
			"outline 1 4 113386 \"Quyết định số 15/QĐ-TCT\"\n"
			"outline 1 5 0 \"Chứng từ kết thúc\"\nlabel 1 none 1 \"Bìa\"\n"
			"label 2 r 1 \"\"\nlabel 4 D 1 \"Tờ \"\npdfa\n");
	free(dump);
	buf_free(&pdf);
	dlist_free(dl);
}

/* Child mode: render the sample into a file. */
static int render_to(const char *path)
{
	struct dlist *dl = sample_doc(true);
	struct buf pdf = {0};
	int rc = pdf_render(ctx, dl, &pdf);
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(pdf.data, 1, pdf.len, f) != pdf.len)
		rc = -1;
	if (f && fclose(f) != 0)
		rc = -1;
	buf_free(&pdf);
	dlist_free(dl);
	pdf_ctx_free(ctx);
	return rc ? 1 : 0;
}

int main(int argc, char **argv)
{
	/* the dates must come from here, also when run outside tests/run.sh */
	setenv("SOURCE_DATE_EPOCH", "1609459200", 1);
	if (!mkdtemp(tmpdir)) {
		perror("mkdtemp");
		return 1;
	}
	struct pdf_fonts fonts = {0};
	for (int f = 0; f < FACE_COUNT; f++)
		fonts.path[f] = font_path[f];
	ctx = pdf_ctx_new(&fonts);
	if (!ctx) {
		printf("not ok - pdf_ctx_new (run `make all` to copy the fonts)\n");
		return 1;
	}
	if (argc == 3 && strcmp(argv[1], "render") == 0) {
		rmdir(tmpdir);
		return render_to(argv[2]);
	}
	RUN(test_fixed_set);
	RUN(test_subset_small);
	RUN(test_render_checks);
	RUN(test_deterministic);
	RUN(test_processes);
	RUN(test_regular_only_one_font);
	RUN(test_extra_characters);
	RUN(test_image_once);
	RUN(test_errors);
	RUN(test_missing_face);
	RUN(test_outlines_labels);
	pdf_ctx_free(ctx);
	if (getenv("KEEP_TMP")) { /* to look at the PDFs by hand */
		printf("# kept %s\n", tmpdir);
		UNIT_EXIT();
	}
	char *cmd = xasprintf("rm -rf '%s'", tmpdir);
	if (system(cmd) != 0)
		printf("#   could not remove %s\n", tmpdir);
	free(cmd);
	UNIT_EXIT();
}
