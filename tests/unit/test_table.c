/* Tables, hanging lists and appendix page numbers, checked on the display
 * list: geometry by property, plus one small table dumped in full. */
#include <stdlib.h>
#include <string.h>

#include "font.h"
#include "typeset.h"
#include "typeset_vlist.h"
#include "markup.h"
#include "unit.h"
#include "unit_fonts.h"
#include "util.h"

static struct fontset *fs;

static const struct page_style a4 = {
	.width = 595276, .height = 841890, .top = 56693, .bottom = 56693,
	.left = 85039, .right = 42520, .number_size = 13000, .number_from = 2,
};
#define RIGHT (a4.width - a4.right)
#define BOTTOM (a4.height - a4.bottom)

static const struct para_style cell_st = {.size = 12000, .leading = 14000, .align = ALIGN_LEFT};

static void cell_text(struct table_cell *c, const char *s)
{
	struct block *p = blocks_para(&c->blocks, &cell_st);
	p->pos = (struct srcpos){"t.yaml", 1, 1};
	markup_parse(s, FACE_REGULAR, false, &p->pos, &p->runs);
}

static int32_t text_end(const struct dl_op *op)
{
	return op->x + font_width(fs, op->face, op->size, op->text, strlen(op->text));
}

/* Runs typeset with diagnostics captured into *msgs (caller frees). */
static struct dlist *run(const struct blocks *b, char **msgs)
{
	struct dlist *dl = dlist_new();
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	diag_set_stream(f);
	typeset(fs, &a4, b, dl);
	diag_set_stream(NULL);
	fclose(f);
	if (msgs)
		*msgs = buf;
	else
		free(buf);
	return dl;
}

/* x of the vertical rules of the first row on page 0, in order. */
static size_t verticals(const struct dlist *dl, int32_t *x, size_t max)
{
	size_t n = 0;
	const struct dl_page *pg = &dl->pages[0];
	for (size_t i = 0; i < pg->nops && n < max; i++)
		if (pg->ops[i].kind == DL_RULE && pg->ops[i].w == 0) {
			if (n && pg->ops[i].x <= x[n - 1])
				break; /* the next row */
			x[n++] = pg->ops[i].x;
		}
	return n;
}

/* Every op inside the body; every text op inside one column of x[]. */
static void check_inside(const struct dlist *dl, const int32_t *x, size_t nx)
{
	for (size_t k = 0; k < dl->npages; k++)
		for (size_t i = 0; i < dl->pages[k].nops; i++) {
			const struct dl_op *op = &dl->pages[k].ops[i];
			if (op->kind == DL_TEXT && op->y < a4.top)
				continue; /* the page number */
			int32_t half = op->kind == DL_RULE ? op->size / 2 : 0;
			int32_t x1 = op->x, x2 = op->x + op->w, y1 = op->y, y2 = op->y + op->h;
			if (op->kind == DL_TEXT)
				x2 = text_end(op), y1 = op->y - font_ascender(fs, op->face) * op->size / 1000,
				y2 = op->y + font_descender(fs, op->face) * op->size / 1000;
			CHECK(x1 - (op->h ? half : 0) >= a4.left && x2 + (op->h ? half : 0) <= RIGHT);
			CHECK(y1 - (op->w ? half : 0) >= a4.top && y2 + (op->w ? half : 0) <= BOTTOM);
			if (op->kind != DL_TEXT || !nx)
				continue;
			size_t c = 0;
			while (c + 1 < nx && op->x >= x[c + 1])
				c++;
			CHECK(c + 1 < nx && x2 <= x[c + 1]);
		}
}

static const char *long_text =
	"Tổ chức quán triệt, triển khai thực hiện nghiêm túc các chỉ thị, nghị quyết của Đảng, "
	"chính sách, pháp luật của Nhà nước; hoàn thành tốt nhiệm vụ được giao.";

static void widths_from_content(void)
{
	struct blocks b = {0};
	struct table *t = blocks_table(&b, 3)->table;
	t->rule = 500, t->pad_x = 2000, t->pad_y = 1000;
	const char *names[] = {"Nguyễn Văn An", "Trần Thị Bình", "Lê Hoàng Minh Châu"};
	for (int i = 0; i < 3; i++) {
		struct table_row *row = table_add_row(t);
		char stt[16];
		snprintf(stt, sizeof stt, "%d", i + 1);
		cell_text(&row->cells[0], stt);
		cell_text(&row->cells[1], names[i]);
		cell_text(&row->cells[2], long_text);
	}
	struct dlist *dl = run(&b, NULL);
	int32_t x[4];
	CHECK_INT(verticals(dl, x, 4), 4);
	int32_t w0 = x[1] - x[0], w1 = x[2] - x[1], w2 = x[3] - x[2];
	/* the table fills the text width, its outer lines inside the margins */
	CHECK_INT(x[0] - 250, a4.left);
	CHECK_INT(x[3] + 250, RIGHT);
	/* "1" keeps its width; the names stay whole (they are within the
	 * column cap) and the text, held back by the cap, takes the rest */
	int32_t pad = 500 + 4000;
	int32_t one = font_width(fs, FACE_REGULAR, 12000, "1", 1) + pad;
	CHECK_INT(w0, one);
	int32_t name_w = font_width(fs, FACE_REGULAR, 12000, names[2], strlen(names[2])) + pad;
	int32_t text_w = font_width(fs, FACE_REGULAR, 12000, long_text, strlen(long_text)) + pad;
	int32_t word_w = font_width(fs, FACE_REGULAR, 12000, "Hoàng", strlen("Hoàng")) + pad;
	CHECK_INT(w1, name_w);
	CHECK(w2 > word_w && w2 < text_w && w2 > w1);
	check_inside(dl, x, 4);
	dlist_free(dl);
	blocks_free(&b);
}

/* When every cell fits unbroken, each column gets its max and the spare
 * width is shared in proportion to it: no name wraps. */
static void widths_all_fit(void)
{
	struct blocks b = {0};
	struct table *t = blocks_table(&b, 2)->table;
	t->rule = 500, t->pad_x = 2000;
	const char *names[] = {"Nguyễn Văn An", "Lê Hoàng Minh Châu"};
	for (int i = 0; i < 2; i++) {
		struct table_row *row = table_add_row(t);
		cell_text(&row->cells[0], i ? "2" : "1");
		cell_text(&row->cells[1], names[i]);
	}
	struct dlist *dl = run(&b, NULL);
	int32_t x[3];
	CHECK_INT(verticals(dl, x, 3), 3);
	int32_t m0 = font_width(fs, FACE_REGULAR, 12000, "1", 1) + 4500;
	int32_t m1 = font_width(fs, FACE_REGULAR, 12000, names[1], strlen(names[1])) + 4500;
	int32_t avail = RIGHT - a4.left - 500;
	CHECK(abs((x[1] - x[0]) - (int32_t)((int64_t)avail * m0 / (m0 + m1))) <= 1);
	CHECK_INT(x[2] + 250, RIGHT);
	int texts = 0;
	for (size_t i = 0; i < dl->pages[0].nops; i++)
		texts += dl->pages[0].ops[i].kind == DL_TEXT;
	CHECK_INT(texts, 4);
	check_inside(dl, x, 3);
	dlist_free(dl);
	blocks_free(&b);
}

static void fixed_widths(void)
{
	struct blocks b = {0};
	struct table *t = blocks_table(&b, 3)->table;
	t->rule = 1000, t->pad_x = 1500;
	t->cols[0].width = 30000;
	t->cols[2].width = 100000;
	struct table_row *row = table_add_row(t);
	cell_text(&row->cells[0], "STT");
	cell_text(&row->cells[1], "Họ và tên");
	cell_text(&row->cells[2], long_text);
	struct dlist *dl = run(&b, NULL);
	int32_t x[4];
	CHECK_INT(verticals(dl, x, 4), 4);
	CHECK_INT(x[1] - x[0], 30000);
	CHECK_INT(x[3] - x[2], 100000);
	CHECK_INT(x[3] + 500, RIGHT); /* the auto column takes the rest */
	check_inside(dl, x, 4);
	dlist_free(dl);
	blocks_free(&b);
}

/* A 300-row list: "STT" heads every page, no row is on two pages, numbers
 * run on. */
static struct blocks long_table(size_t rows, size_t header_rows)
{
	struct blocks b = {0};
	struct table *t = blocks_table(&b, 2)->table;
	t->rule = 500, t->pad_x = 2000, t->pad_y = 1000, t->header_rows = header_rows;
	struct table_row *row = table_add_row(t);
	cell_text(&row->cells[0], "STT");
	cell_text(&row->cells[1], "Nội dung");
	for (size_t i = 1; i < rows; i++) {
		row = table_add_row(t);
		char s[24];
		snprintf(s, sizeof s, "%zu", i);
		cell_text(&row->cells[0], s);
		cell_text(&row->cells[1], i % 3 ? "Một dòng" : long_text);
	}
	return b;
}

static void header_repeats_and_rows_stay_whole(void)
{
	struct blocks b = long_table(300, 1);
	struct dlist *dl = run(&b, NULL);
	CHECK(dl->npages >= 3);
	int *page_of = calloc(300, sizeof *page_of);
	int last = 0;
	for (size_t k = 0; k < dl->npages; k++) {
		const struct dl_page *pg = &dl->pages[k];
		size_t i = 0;
		while (i < pg->nops && (pg->ops[i].kind != DL_TEXT || pg->ops[i].y < a4.top))
			i++;
		CHECK(i < pg->nops && strcmp(pg->ops[i].text, "STT") == 0);
		for (; i < pg->nops; i++) {
			const struct dl_op *op = &pg->ops[i];
			int32_t x[3];
			(void)x;
			if (op->kind != DL_TEXT || op->x > a4.left + 20000)
				continue;
			int n = atoi(op->text);
			if (n <= 0)
				continue;
			CHECK_INT(n, last + 1); /* STT runs on across pages */
			last = n;
			page_of[n] = (int)k + 1;
		}
	}
	CHECK_INT(last, 299);
	/* every line of row n's text cell is on row n's page: the text of
	   the row is between its number and the next one */
	for (size_t k = 0; k < dl->npages; k++) {
		const struct dl_page *pg = &dl->pages[k];
		int cur = 0;
		for (size_t i = 0; i < pg->nops; i++) {
			const struct dl_op *op = &pg->ops[i];
			if (op->kind == DL_TEXT && op->x <= a4.left + 20000 && atoi(op->text) > 0)
				cur = atoi(op->text);
			else if (op->kind == DL_TEXT && op->y > a4.top && cur)
				CHECK_INT(page_of[cur], (int)k + 1);
		}
	}
	check_inside(dl, NULL, 0);
	free(page_of);
	dlist_free(dl);
	blocks_free(&b);
}

static void tall_row_is_split_with_a_warning(void)
{
	struct blocks b = long_table(3, 1);
	struct table *t = b.v[0].table;
	struct buf big = {0};
	for (int i = 0; i < 120; i++) {
		buf_adds(&big, long_text);
		buf_addc(&big, ' ');
	}
	blocks_free(&t->rows[2].cells[1].blocks);
	cell_text(&t->rows[2].cells[1], big.data);
	buf_free(&big);
	char *msgs;
	struct dlist *dl = run(&b, &msgs);
	CHECK(strstr(msgs, "t.yaml:1:1: warning: a table row is taller than a page; it was split") != NULL);
	CHECK(dl->npages >= 3);
	for (size_t k = 1; k < dl->npages; k++) { /* the header repeats */
		const struct dl_page *pg = &dl->pages[k];
		size_t i = 0;
		while (i < pg->nops && (pg->ops[i].kind != DL_TEXT || pg->ops[i].y < a4.top))
			i++;
		CHECK(i < pg->nops && strcmp(pg->ops[i].text, "STT") == 0);
	}
	check_inside(dl, NULL, 0);
	free(msgs);
	dlist_free(dl);
	blocks_free(&b);
}

static void long_word_stays_in_its_cell(void)
{
	struct blocks b = {0};
	struct table *t = blocks_table(&b, 3)->table;
	t->rule = 500, t->pad_x = 2000;
	struct table_row *row = table_add_row(t);
	cell_text(&row->cells[0], "1");
	char w[401];
	memset(w, 'M', 400);
	w[400] = '\0';
	cell_text(&row->cells[1], w);
	struct block *mixed = blocks_para(&row->cells[2].blocks, &cell_st);
	char m[1000];
	snprintf(m, sizeof m, "ngắn **%.150s***%.150s*%.150s", w, w, w); /* one word, three faces */
	markup_parse(m, FACE_REGULAR, true, NULL, &mixed->runs);
	char *msgs;
	struct dlist *dl = run(&b, &msgs);
	CHECK(strstr(msgs, "narrowed") == NULL); /* the cells say why */
	CHECK(strstr(msgs, "column \"2\": a word in this row is wider than the column; it was cut to fit") != NULL);
	CHECK(strstr(msgs, "column \"3\": a word in this row") != NULL);
	int32_t x[4];
	CHECK_INT(verticals(dl, x, 4), 4);
	check_inside(dl, x, 4);
	free(msgs);
	dlist_free(dl);
	blocks_free(&b);
}

static void spans_and_no_borders(void)
{
	struct blocks b = {0};
	struct table *t = blocks_table(&b, 3)->table;
	t->pad_x = 1000;
	struct table_row *row = table_add_row(t);
	row->ncells = 2;
	row->cells[0].span = 2;
	cell_text(&row->cells[0], "Hai cột");
	cell_text(&row->cells[1], "Một");
	row = table_add_row(t);
	for (int c = 0; c < 3; c++)
		cell_text(&row->cells[c], "x");
	struct dlist *dl = run(&b, NULL);
	for (size_t i = 0; i < dl->pages[0].nops; i++)
		CHECK(dl->pages[0].ops[i].kind == DL_TEXT);
	CHECK_INT(dl->pages[0].nops, 5);
	dlist_free(dl);
	blocks_free(&b);
}

/* Report headers: a cell spanning two columns whose widest word is wider
 * than both columns' own content widens them (evenly) to hold it, a cell
 * spanning two rows counts once (its covered cell adds nothing), sits
 * midway down its rows, and has no line across it between the rows. */
static void header_spans_rows_and_columns(void)
{
	struct blocks b = {0};
	struct block *blk = blocks_table(&b, 3);
	struct table *t = blk->table;
	t->rule = 500, t->pad_x = 2000, t->pad_y = 1000, t->header_rows = 2;
	t->head_valign = VALIGN_MIDDLE;
	const char *wide = "Chuyên-môn-nghiệp-vụ-đào-tạo";
	struct table_row *row = table_add_row(t);
	row->ncells = 2;
	row->cells[0].rows = 2;
	cell_text(&row->cells[0], "STT");
	row->cells[1].span = 2;
	cell_text(&row->cells[1], wide);
	row = table_add_row(t);
	row->cells[0].covered = true;
	cell_text(&row->cells[1], "Nam");
	cell_text(&row->cells[2], "Nữ");
	for (int i = 0; i < 3; i++) {
		row = table_add_row(t);
		cell_text(&row->cells[0], "1");
		cell_text(&row->cells[1], "2");
		cell_text(&row->cells[2], "3");
	}
	int32_t pad = 500 + 4000, w[3];
	int32_t stt = font_width(fs, FACE_REGULAR, 12000, "STT", 3) + pad;
	int32_t need = font_width(fs, FACE_REGULAR, 12000, wide, strlen(wide)) + pad;
	/* just room for the mins: the spanning word decides two columns */
	table_col_widths(fs, blk, stt + need + 1, w);
	CHECK_INT(w[0], stt);
	CHECK(w[1] + w[2] >= need);
	/* evenly: each grew by the same */
	int32_t nam = font_width(fs, FACE_REGULAR, 12000, "Nam", 3), nu = font_width(fs, FACE_REGULAR, 12000, "Nữ", strlen("Nữ"));
	CHECK(abs((w[1] - nam) - (w[2] - nu)) <= 1);
	struct dlist *dl = run(&b, NULL);
	const struct dl_page *pg = &dl->pages[0];
	int32_t y_stt = 0, y_top = 0, y_nam = 0, x_stt = 0;
	for (size_t i = 0; i < pg->nops; i++) {
		const struct dl_op *op = &pg->ops[i];
		if (op->kind != DL_TEXT)
			continue;
		if (!strcmp(op->text, "STT"))
			y_stt = op->y, x_stt = op->x;
		else if (!strcmp(op->text, "Nam"))
			y_nam = op->y;
		else if (!y_top && strncmp(op->text, "Chuyên", 6) == 0)
			y_top = op->y;
	}
	CHECK(y_top && y_nam > y_top);
	CHECK_INT(y_stt, y_top + (y_nam - y_top) / 2);
	/* the line between the header rows starts right of the STT cell */
	bool across = false, under = false;
	for (size_t i = 0; i < pg->nops; i++) {
		const struct dl_op *op = &pg->ops[i];
		if (op->kind != DL_RULE || op->h || op->y < y_top || op->y > y_nam)
			continue;
		across |= op->x <= x_stt && op->x + op->w > x_stt;
		under |= op->x > x_stt;
	}
	CHECK(!across);
	CHECK(under);
	dlist_free(dl);
	blocks_free(&b);
}

/* Vertical alignment from the layout: in a row made tall by a wrapped
 * cell, a one-line cell sits at the top, midway or at the bottom. */
static void body_valign(void)
{
	int32_t y[3];
	enum valign v[3] = {VALIGN_TOP, VALIGN_MIDDLE, VALIGN_BOTTOM};
	int32_t first = 0, last = 0;
	for (int k = 0; k < 3; k++) {
		struct blocks b = {0};
		struct table *t = blocks_table(&b, 2)->table;
		t->rule = 500, t->pad_x = 2000, t->pad_y = 1000, t->valign = v[k];
		t->cols[0].width = 60000;
		struct table_row *row = table_add_row(t);
		cell_text(&row->cells[0], "một hai ba bốn năm sáu bảy tám chín mười");
		cell_text(&row->cells[1], "X");
		struct dlist *dl = run(&b, NULL);
		const struct dl_page *pg = &dl->pages[0];
		y[k] = 0;
		for (size_t i = 0; i < pg->nops; i++) {
			const struct dl_op *op = &pg->ops[i];
			if (op->kind != DL_TEXT)
				continue;
			if (!strcmp(op->text, "X"))
				y[k] = op->y;
			else if (!first || op->y < first)
				first = op->y;
			if (op->kind == DL_TEXT && strcmp(op->text, "X") && op->y > last)
				last = op->y;
		}
		dlist_free(dl);
		blocks_free(&b);
	}
	CHECK(last > first);
	CHECK_INT(y[0], first);
	CHECK_INT(y[2], last);
	CHECK(abs(y[1] - (first + last) / 2) <= 1);
}

static void dump_of_a_small_table(void)
{
	struct blocks b = {0};
	struct table *t = blocks_table(&b, 2)->table;
	t->rule = 500, t->pad_x = 2000, t->pad_y = 1000, t->header_rows = 1;
	t->cols[0].width = 40000;
	const char *cells[] = {"STT", "Họ và tên", "1", "Nguyễn Văn An", "2", "Trần Thị Bình"};
	for (int r = 0; r < 3; r++) {
		struct table_row *row = table_add_row(t);
		cell_text(&row->cells[0], cells[2 * r]);
		cell_text(&row->cells[1], cells[2 * r + 1]);
	}
	struct dlist *dl = run(&b, NULL);
	char *got = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&got, &len);
	dlist_dump(dl, f);
	fclose(f);
	CHECK_STR(got, "page 1 595276 841890\n"
		  "text 87539 69243 R 12000 #000000 \"STT\"\n"
		  "text 127539 69243 R 12000 #000000 \"Họ và tên\"\n"
		  "rule 85039 56943 552756 56943 500 #000000\n"
		  "rule 85039 73443 552756 73443 500 #000000\n"
		  "rule 85289 56693 85289 73693 500 #000000\n"
		  "rule 125289 56693 125289 73693 500 #000000\n"
		  "rule 552506 56693 552506 73693 500 #000000\n"
		  "text 87539 85743 R 12000 #000000 \"1\"\n"
		  "text 127539 85743 R 12000 #000000 \"Nguyễn Văn An\"\n"
		  "rule 85039 73443 552756 73443 500 #000000\n"
		  "rule 85039 89943 552756 89943 500 #000000\n"
		  "rule 85289 73193 85289 90193 500 #000000\n"
		  "rule 125289 73193 125289 90193 500 #000000\n"
		  "rule 552506 73193 552506 90193 500 #000000\n"
		  "text 87539 102243 R 12000 #000000 \"2\"\n"
		  "text 127539 102243 R 12000 #000000 \"Trần Thị Bình\"\n"
		  "rule 85039 89943 552756 89943 500 #000000\n"
		  "rule 85039 106443 552756 106443 500 #000000\n"
		  "rule 85289 89693 85289 106693 500 #000000\n"
		  "rule 125289 89693 125289 106693 500 #000000\n"
		  "rule 552506 89693 552506 106693 500 #000000\n");
	free(got);
	dlist_free(dl);
	blocks_free(&b);
}

/* A 3-column list (STT, names kept on one line, duties) of 40 rows, one
 * with a 47-character name: the name column stays as wide as the ordinary
 * names need (the outlier wraps in its own row), the duties column keeps
 * its share, and a word that cannot fit names its table and column. */
static struct block *name_table(struct blocks *b, const char *outlier, size_t rows)
{
	struct block *tb = blocks_table(b, 3);
	struct table *t = tb->table;
	t->rule = 500, t->pad_x = 4000, t->pad_y = 3000;
	t->cols[0].nowrap = t->cols[1].nowrap = true;
	t->name = xstrdup("Danh sách");
	t->cols[2].title = xstrdup("Chức vụ");
	for (size_t r = 0; r < rows; r++) {
		struct table_row *row = table_add_row(t);
		cell_text(&row->cells[0], "12");
		cell_text(&row->cells[1], r == rows / 2 && outlier ? outlier : "Nguyễn Thị Minh Khai");
		cell_text(&row->cells[2], "Giảng viên, Khoa Nhà nước và Pháp luật, Phòng Quản lý đào tạo");
	}
	return tb;
}

static void widths_robust_to_an_outlier(void)
{
	int32_t avail = 468000, plain[3], with[3];
	struct blocks a = {0}, b = {0};
	table_col_widths(fs, name_table(&a, NULL, 40), avail, plain);
	table_col_widths(fs, name_table(&b, "Công Tằng Tôn Nữ Thị Hoàng Khánh Ngọc Bảo Quyên", 40),
			 avail, with);
	CHECK_INT(plain[0] + plain[1] + plain[2], avail);
	CHECK_INT(with[0] + with[1] + with[2], avail);
	/* the outlier (about 290 pt) does not widen the name column */
	CHECK_INT(with[1], plain[1]);
	CHECK(with[1] < avail * 2 / 5);
	CHECK(with[2] > avail / 2);
	/* the ordinary names still fit on one line */
	int32_t name = font_width(fs, FACE_REGULAR, 12000, "Nguyễn Thị Minh Khai", strlen("Nguyễn Thị Minh Khai"));
	CHECK(with[1] >= name + 8500);
	blocks_free(&a);
	blocks_free(&b);
}

static void cut_cell_names_table_column_and_row(void)
{
	struct blocks b = {0};
	struct block *tb = name_table(&b, NULL, 3);
	struct table_row *row = &tb->table->rows[1];
	blocks_free(&row->cells[2].blocks);
	cell_text(&row->cells[2], "Khoa-Nhà-nước-và-Pháp-luật-Phòng-Quản-lý-đào-tạo-và-Nghiên-cứu-khoa-học");
	for (int c = 0; c < 3; c++) /* the composer gives every cell its row's position */
		row->cells[c].blocks.v[0].pos = (struct srcpos){"list.csv", 7, 0};
	char *msgs = NULL;
	struct dlist *dl = run(&b, &msgs);
	CHECK(strstr(msgs, "list.csv:7: warning: table \"Danh sách\", column \"Chức vụ\": a word in this row is wider than the column; it was cut to fit") != NULL);
	CHECK(strstr(msgs, "a word is wider than the line") == NULL); /* said once, by the table */
	if (unit_fails)
		printf("#   %s", msgs);
	free(msgs);
	dlist_free(dl);
	blocks_free(&b);
}

static void vietnamese_letters_and_markers(void)
{
	struct buf all = {0};
	for (size_t i = 0; i < 25; i++) {
		char *m = list_marker(LIST_LETTER, i);
		buf_adds(&all, m);
		buf_addc(&all, ' ');
		free(m);
	}
	CHECK_STR(all.data, "a) b) c) d) đ) e) g) h) i) k) l) m) n) o) p) q) r) s) t) u) v) x) y) "
			    "aa) ab) ");
	buf_free(&all);
	char *m = list_marker(LIST_NUMBER, 9);
	CHECK_STR(m, "10.");
	free(m);
	m = list_marker(LIST_DASH, 3);
	CHECK_STR(m, "-");
	free(m);
	m = list_marker(LIST_LETTER, 23 + 23 * 23);
	CHECK_STR(m, "aaa)");
	free(m);
}

/* Lines of a list item: the marker at the indent, the text at the hang on
 * every line, justified to the right edge. */
static void hanging_list_items(void)
{
	const int32_t hang = 20000, left = 10000;
	struct para_style st = {.size = 14000, .leading = 17000, .align = ALIGN_JUSTIFY,
				.left = left, .hang = hang};
	struct para_style neg = st; /* the same item with a negative first-line indent */
	neg.left = left + hang, neg.indent = -hang, neg.hang = 0;
	for (int k = 0; k < 2; k++) {
		struct blocks b = {0};
		struct block *p = blocks_list_item(&b, k ? &neg : &st, LIST_LETTER, 4);
		markup_parse(long_text, FACE_REGULAR, false, NULL, &p->runs);
		struct dlist *dl = run(&b, NULL);
		const struct dl_page *pg = &dl->pages[0];
		CHECK_STR(pg->ops[0].text, "đ)");
		CHECK_INT(pg->ops[0].x, a4.left + left);
		int lines = 0;
		for (size_t i = 1; i < pg->nops; i++)
			if (pg->ops[i].y != pg->ops[i - 1].y || i == 1) {
				CHECK_INT(pg->ops[i].x, a4.left + left + hang);
				lines++;
			}
		CHECK(lines >= 2);
		CHECK(text_end(&pg->ops[pg->nops - 1]) <= RIGHT);
		dlist_free(dl);
		blocks_free(&b);
	}
	/* a marker wider than the hang pushes only the first line's text */
	struct blocks b = {0};
	struct para_style narrow = st;
	narrow.hang = 2000;
	struct block *p = blocks_list_item(&b, &narrow, LIST_NUMBER, 11);
	markup_parse(long_text, FACE_REGULAR, false, NULL, &p->runs);
	struct dlist *dl = run(&b, NULL);
	const struct dl_page *pg = &dl->pages[0];
	CHECK_STR(pg->ops[0].text, "12.");
	CHECK(pg->ops[1].x > text_end(&pg->ops[0]));
	dlist_free(dl);
	blocks_free(&b);
}

/* Two pages, then an appendix of two pages: 1 (none), 2, 1 (none), 2. */
static void appendix_restarts_page_numbers(void)
{
	struct blocks b = {0};
	struct para_style st = {.size = 14000, .leading = 17000, .align = ALIGN_JUSTIFY};
	for (int part = 0; part < 2; part++) {
		for (int i = 0; i < 12; i++) {
			struct block *p = blocks_para(&b, &st);
			markup_parse(long_text, FACE_REGULAR, false, NULL, &p->runs);
			p = blocks_para(&b, &st);
			markup_parse(long_text, FACE_REGULAR, false, NULL, &p->runs);
		}
		if (!part)
			blocks_pagebreak(&b)->restart_numbering = true;
	}
	struct dlist *dl = run(&b, NULL);
	CHECK_INT(dl->npages, 4);
	const char *want[] = {NULL, "2", NULL, "2"};
	for (size_t k = 0; k < dl->npages && k < 4; k++) {
		const struct dl_op *op = &dl->pages[k].ops[0];
		if (want[k])
			CHECK(op->y < a4.top && strcmp(op->text, want[k]) == 0);
		else
			CHECK(op->y > a4.top);
	}
	dlist_free(dl);
	blocks_free(&b);
}

int main(void)
{
	fs = unit_fonts();
	RUN(widths_from_content);
	RUN(widths_all_fit);
	RUN(fixed_widths);
	RUN(header_repeats_and_rows_stay_whole);
	RUN(tall_row_is_split_with_a_warning);
	RUN(long_word_stays_in_its_cell);
	RUN(spans_and_no_borders);
	RUN(header_spans_rows_and_columns);
	RUN(body_valign);
	RUN(dump_of_a_small_table);
	RUN(widths_robust_to_an_outlier);
	RUN(cut_cell_names_table_column_and_row);
	RUN(vietnamese_letters_and_markers);
	RUN(hanging_list_items);
	RUN(appendix_restarts_page_numbers);
	fontset_free(fs);
	UNIT_EXIT();
}
