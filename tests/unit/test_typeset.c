#include <stdlib.h>
#include <string.h>

#include "font.h"
#include "typeset.h"
#include "typeset_vlist.h"
#include "markup.h"
#include "unit.h"
#include "unit_fonts.h"

static struct fontset *fs;

static const struct page_style a4 = {
	.width = 595276, .height = 841890, .top = 56693, .bottom = 56693,
	.left = 85039, .right = 42520, .number_size = 13000, .number_from = 2,
};

static const char *lorem =
	"Năm 2020, Trường Chính trị Tôn Đức Thắng được sự quan tâm lãnh đạo, chỉ đạo của "
	"Tỉnh ủy; UBND tỉnh; Đảng ủy khối Cơ quan và Doanh nghiệp tỉnh; sự phối hợp của các "
	"sở, ban, ngành, địa phương trong tỉnh và sự chỉ đạo về chuyên môn của Học viện Chính "
	"trị quốc gia Hồ Chí Minh. Ban Giám hiệu đã tạo môi trường làm việc dân chủ, kỷ cương.";

static struct para_style body(void)
{
	return (struct para_style){.size = 14000, .leading = 17000, .align = ALIGN_JUSTIFY,
				   .indent = 28346, .space_after = 6000};
}

/* Right edge of the last op on each baseline. */
static void justified_lines_reach_the_margin(void)
{
	struct blocks b = {0};
	struct para_style st = body();
	struct block *p = blocks_para(&b, &st);
	markup_parse(lorem, FACE_REGULAR, true, NULL, &p->runs);
	struct dlist *dl = dlist_new();
	typeset(fs, &a4, &b, dl);
	CHECK_INT(dl->npages, 1);
	const struct dl_page *pg = &dl->pages[0];
	int lines = 0, justified = 0;
	int32_t right = a4.width - a4.right;
	for (size_t i = 0; i < pg->nops; i++) {
		const struct dl_op *op = &pg->ops[i];
		bool last_on_line = i + 1 == pg->nops || pg->ops[i + 1].y != op->y;
		if (!last_on_line)
			continue;
		lines++;
		int32_t end = op->x + font_width(fs, op->face, op->size, op->text, strlen(op->text));
		if (i + 1 < pg->nops) { /* not the paragraph's last line */
			CHECK(abs(end - right) <= 2);
			justified++;
		}
		CHECK(end <= right + 2);
	}
	CHECK(lines >= 3);
	CHECK_INT(justified, lines - 1);
	CHECK_INT(pg->ops[0].x, a4.left + st.indent);
	dlist_free(dl);
	blocks_free(&b);
}

static void long_word_is_cut_not_overflowing(void)
{
	struct blocks b = {0};
	struct para_style st = body();
	struct block *p = blocks_para(&b, &st);
	char *w = malloc(2001);
	memset(w, 'm', 2000);
	w[2000] = '\0';
	markup_parse(w, FACE_REGULAR, false, NULL, &p->runs);
	free(w);
	struct dlist *dl = dlist_new();
	FILE *devnull = fopen("/dev/null", "w");
	diag_set_stream(devnull);
	typeset(fs, &a4, &b, dl);
	diag_set_stream(NULL);
	fclose(devnull);
	for (size_t k = 0; k < dl->npages; k++)
		for (size_t i = 0; i < dl->pages[k].nops; i++) {
			const struct dl_op *op = &dl->pages[k].ops[i];
			if (op->kind != DL_TEXT || op->y < a4.top)
				continue;
			int32_t end = op->x + font_width(fs, op->face, op->size, op->text, strlen(op->text));
			CHECK(end <= a4.width - a4.right);
		}
	dlist_free(dl);
	blocks_free(&b);
}

static void pages_are_numbered_from_two(void)
{
	struct blocks b = {0};
	struct para_style st = body();
	for (int i = 0; i < 40; i++) {
		struct block *p = blocks_para(&b, &st);
		markup_parse(lorem, FACE_REGULAR, true, NULL, &p->runs);
	}
	struct dlist *dl = dlist_new();
	typeset(fs, &a4, &b, dl);
	CHECK(dl->npages >= 3);
	/* page 1: every op is inside the body; page 2 starts with its number */
	for (size_t i = 0; i < dl->pages[0].nops; i++)
		CHECK(dl->pages[0].ops[i].y > a4.top);
	CHECK_STR(dl->pages[1].ops[0].text, "2");
	CHECK(dl->pages[1].ops[0].y < a4.top);
	dlist_free(dl);
	/* the document decides: a layout's page_number_from: 1 numbers page 1 too */
	struct page_style every = a4;
	every.number_from = 1;
	dl = dlist_new();
	typeset(fs, &every, &b, dl);
	CHECK_STR(dl->pages[0].ops[0].text, "1");
	CHECK(dl->pages[0].ops[0].y < a4.top);
	dlist_free(dl);
	blocks_free(&b);
}

static void keep_lines_no_widows_or_orphans(void)
{
	/* Every page but the last ends after >= 2 lines of a paragraph and the
	   next starts with >= 2: count baselines per paragraph per page. */
	struct blocks b = {0};
	struct para_style st = body();
	for (int i = 0; i < 30; i++) {
		struct block *p = blocks_para(&b, &st);
		markup_parse(lorem, FACE_REGULAR, true, NULL, &p->runs);
	}
	struct dlist *dl = dlist_new();
	typeset(fs, &a4, &b, dl);
	for (size_t k = 0; k < dl->npages; k++) {
		const struct dl_page *pg = &dl->pages[k];
		/* last baseline of the page must not be a paragraph's first line:
		   a first line starts at the indent */
		int32_t last_y = -1, last_x = 0;
		for (size_t i = 0; i < pg->nops; i++) {
			if (pg->ops[i].y != last_y) {
				last_y = pg->ops[i].y;
				last_x = pg->ops[i].x;
			}
		}
		if (k + 1 < dl->npages)
			CHECK(last_x != a4.left + st.indent);
	}
	dlist_free(dl);
	blocks_free(&b);
}

/* A block's narrowest width: the widest stretch the breaker may not split. */
static int32_t narrowest(const char *text)
{
	struct blocks b = {0};
	struct para_style st = {.size = 14000, .leading = 17000, .align = ALIGN_LEFT};
	struct block *p = blocks_para(&b, &st);
	markup_parse(text, FACE_REGULAR, true, NULL, &p->runs);
	int32_t min, max;
	para_measure(fs, p, &min, &max);
	blocks_free(&b);
	return min;
}

static int32_t width_of(const char *text)
{
	return font_width(fs, FACE_REGULAR, 14000, text, strlen(text));
}

/* Digit groups, a number and its %, and an hour and "giờ" never part; the
 * minutes may go to the next line ("8 giờ | 00 phút"), at a cost. */
static void numbers_keep_their_parts(void)
{
	CHECK_INT(narrowest("gọi 0296 3800 000"), width_of("0296 3800 000"));
	CHECK_INT(narrowest("đạt 93,3 %"), width_of("93,3 %"));
	CHECK_INT(narrowest("lúc 14 giờ 00 phút"), width_of("14 giờ"));
	CHECK(narrowest("lúc 14 giờ") < width_of("14 giờ")); /* not a time */
}

int main(void)
{
	fs = unit_fonts();
	RUN(justified_lines_reach_the_margin);
	RUN(long_word_is_cut_not_overflowing);
	RUN(pages_are_numbered_from_two);
	RUN(keep_lines_no_widows_or_orphans);
	RUN(numbers_keep_their_parts);
	fontset_free(fs);
	UNIT_EXIT();
}
