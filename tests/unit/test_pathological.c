/* Pathological inputs finish quickly, with a warning where something had
 * to give, and nothing crosses a margin. Budgets are CPU seconds (clock()),
 * four times larger under AddressSanitizer. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "font.h"
#include "typeset.h"
#include "markup.h"
#include "unit.h"
#include "unit_fonts.h"
#include "util.h"

#if defined(__SANITIZE_ADDRESS__)
#define SLOW 4
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SLOW 4
#endif
#endif
#ifndef SLOW
#define SLOW 1
#endif
#define BUDGET (2.0 * SLOW)

static struct fontset *fs;

static const struct page_style a4 = {
	.width = 595276, .height = 841890, .top = 56693, .bottom = 56693,
	.left = 85039, .right = 42520, .number_size = 13000, .number_from = 2,
};

static const struct para_style body = {.size = 14000, .leading = 17000, .align = ALIGN_JUSTIFY,
				       .indent = 28346, .space_after = 6000};

/* Typesets b within the budget; returns the warnings printed (caller frees)
 * and checks that every op is inside the page's body. */
static char *typeset_timed(const char *name, const struct blocks *b, size_t *pages)
{
	struct dlist *dl = dlist_new();
	char *msgs = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&msgs, &len);
	diag_set_stream(f);
	clock_t t0 = clock();
	typeset(fs, &a4, b, dl);
	double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	diag_set_stream(NULL);
	fclose(f);
	printf("#   %s: %zu pages in %.3f s (budget %.0f s)\n", name, dl->npages, secs, BUDGET);
	CHECK(secs < BUDGET);
	for (size_t k = 0; k < dl->npages; k++)
		for (size_t i = 0; i < dl->pages[k].nops; i++) {
			const struct dl_op *op = &dl->pages[k].ops[i];
			if (op->kind == DL_TEXT && op->y < a4.top)
				continue; /* the page number */
			int32_t x2 = op->x + op->w, y2 = op->y + op->h;
			if (op->kind == DL_TEXT)
				x2 = op->x + font_width(fs, op->face, op->size, op->text, strlen(op->text));
			CHECK(op->x >= a4.left && x2 <= a4.width - a4.right);
			CHECK(op->y >= a4.top && y2 <= a4.height - a4.bottom);
		}
	*pages = dl->npages;
	dlist_free(dl);
	return msgs;
}

static char *word(size_t n)
{
	char *w = xmalloc(n + 1);
	for (size_t i = 0; i < n; i++)
		w[i] = "mwi"[i % 3];
	w[n] = '\0';
	return w;
}

static void one_word_of_2000_characters(void)
{
	struct blocks b = {0};
	char *w = word(2000);
	markup_parse(w, FACE_REGULAR, false, NULL, &blocks_para(&b, &body)->runs);
	free(w);
	size_t pages;
	char *msgs = typeset_timed("2000-character word", &b, &pages);
	CHECK(strstr(msgs, "a word is wider than the line; it was cut to fit") != NULL);
	free(msgs);
	blocks_free(&b);
}

static void paragraph_of_50000_words(void)
{
	struct blocks b = {0};
	struct buf text = {0};
	static const char *words[] = {"Hội", "nghị", "viên", "chức,", "người", "lao", "động",
				      "năm", "2020", "của", "Trường", "Chính", "trị"};
	for (size_t i = 0; i < 50000; i++) {
		buf_adds(&text, words[(i * 7 + i / 13) % 13]);
		buf_addc(&text, ' ');
	}
	markup_parse(text.data, FACE_REGULAR, false, NULL, &blocks_para(&b, &body)->runs);
	buf_free(&text);
	size_t pages;
	char *msgs = typeset_timed("50000-word paragraph", &b, &pages);
	CHECK(pages > 50);
	free(msgs);
	blocks_free(&b);
}

static void table_of_10000_rows(void)
{
	struct blocks b = {0};
	struct table *t = blocks_table(&b, 3)->table;
	t->rule = 500, t->pad_x = 2000, t->pad_y = 1000, t->header_rows = 1;
	struct para_style st = {.size = 13000, .leading = 15600, .align = ALIGN_LEFT};
	for (size_t r = 0; r <= 10000; r++) {
		struct table_row *row = table_add_row(t);
		char num[24];
		snprintf(num, sizeof num, "%zu", r);
		const char *cells[] = {r ? num : "STT", r ? "Nguyễn Văn An" : "Họ và tên",
				       r % 5 ? "Lao động tiên tiến" : "Chiến sĩ thi đua cơ sở năm 2020, "
				       "hoàn thành xuất sắc nhiệm vụ"};
		for (int c = 0; c < 3; c++)
			markup_parse(cells[c], FACE_REGULAR, false, NULL,
				     &blocks_para(&row->cells[c].blocks, &st)->runs);
	}
	size_t pages;
	char *msgs = typeset_timed("10000-row table", &b, &pages);
	CHECK(pages > 100);
	CHECK_STR(msgs ? msgs : "", "");
	free(msgs);
	blocks_free(&b);
}

/* A cell whose word is wider than the page, and fixed columns that add up
 * to twice the page: narrowed with a warning, cut, nothing overflows. */
static void cell_wider_than_the_page(void)
{
	struct blocks b = {0};
	struct table *t = blocks_table(&b, 2)->table;
	t->rule = 500, t->pad_x = 2000;
	struct table_row *row = table_add_row(t);
	char *w = word(2000);
	markup_parse("1", FACE_REGULAR, false, NULL, &blocks_para(&row->cells[0].blocks, &body)->runs);
	markup_parse(w, FACE_REGULAR, false, NULL, &blocks_para(&row->cells[1].blocks, &body)->runs);
	t = blocks_table(&b, 4)->table;
	t->rule = 500;
	row = table_add_row(t);
	for (int c = 0; c < 4; c++) {
		t->cols[c].width = 250000;
		markup_parse(w, FACE_REGULAR, false, NULL, &blocks_para(&row->cells[c].blocks, &body)->runs);
	}
	free(w);
	size_t pages;
	char *msgs = typeset_timed("cell wider than the page", &b, &pages);
	/* the table names the column of the cell that cannot fit (typeset_table.c) */
	CHECK(strstr(msgs, "a word in this row is wider than the column; it was cut to fit") != NULL);
	free(msgs);
	blocks_free(&b);
}

int main(void)
{
	fs = unit_fonts();
	RUN(one_word_of_2000_characters);
	RUN(paragraph_of_50000_words);
	RUN(table_of_10000_rows);
	RUN(cell_wider_than_the_page);
	fontset_free(fs);
	UNIT_EXIT();
}
