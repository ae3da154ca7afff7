/* Certificates: fitting text into boxes, and CSV recipients. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "compose_certificate.h"
#include "model_csv.h"
#include "unit.h"
#include "unit_fonts.h"
#include "util.h"

static struct fontset *fs;

static struct cert_field field(double size, double min, int lines, enum cert_fit fit)
{
	struct cert_field f = {0};
	f.id.s = "test";
	f.size.v = size;
	f.min_size.v = min;
	f.leading.v = 1.2;
	f.lines.v = lines;
	f.face_v = FACE_BOLD;
	f.fit_v = fit;
	return f;
}

static void free_lines(char **l, int n)
{
	for (int i = 0; i < n; i++)
		free(l[i]);
	free(l);
}

/* Every line of a result is no wider than the box, at the chosen size. */
static bool fits(const struct cert_field *f, char **l, int n, const struct cert_fit_result *r, int32_t w)
{
	for (int i = 0; i < n; i++)
		if (font_width(fs, f->face_v, r->size, l[i], strlen(l[i])) > w)
			return false;
	return true;
}

static void short_text_keeps_its_size(void)
{
	struct cert_field f = field(26, 18, 2, CERT_FIT_SHRINK);
	struct cert_fit_result r;
	int n;
	char **l = cert_fit(fs, &f, "Nguyễn Văn An", MM(200), MM(15), &r, &n);
	CHECK(l != NULL);
	CHECK_INT(r.size, 26000);
	CHECK_INT(n, 1);
	CHECK(!r.shrunk && !r.wrapped);
	free_lines(l, n);
}

static void shrinks_before_wrapping(void)
{
	struct cert_field f = field(26, 18, 2, CERT_FIT_SHRINK);
	struct cert_fit_result r;
	int n;
	const char *t = "Nguyễn Thị Phương Thảo Hoàng Minh Khánh";
	int32_t natural = font_width(fs, FACE_BOLD, 26000, t, strlen(t));
	char **l = cert_fit(fs, &f, t, natural * 9 / 10, MM(15), &r, &n);
	CHECK_INT(n, 1);
	CHECK(r.shrunk && !r.wrapped && !r.below_min);
	CHECK(r.size >= 18000 && r.size < 26000 && r.size % 250 == 0);
	CHECK(fits(&f, l, n, &r, natural * 9 / 10));
	free_lines(l, n);
	/* too wide even at 18 pt: two balanced lines */
	l = cert_fit(fs, &f, t, natural / 2, MM(25), &r, &n);
	CHECK_INT(n, 2);
	CHECK(r.wrapped);
	CHECK(fits(&f, l, n, &r, natural / 2));
	free_lines(l, n);
}

static void wrap_fields_wrap_first(void)
{
	struct cert_field f = field(15, 11, 3, CERT_FIT_WRAP);
	struct cert_fit_result r;
	int n;
	const char *t = "Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm học 2019 - 2020, "
			"góp phần vào thành tích chung của đơn vị";
	int32_t natural = font_width(fs, FACE_BOLD, 15000, t, strlen(t));
	char **l = cert_fit(fs, &f, t, natural * 6 / 10, MM(30), &r, &n);
	CHECK_INT(n, 2);
	CHECK_INT(r.size, 15000);
	CHECK(fits(&f, l, n, &r, natural * 6 / 10));
	free_lines(l, n);
}

static void never_crosses_the_box(void)
{
	struct cert_field f = field(26, 18, 2, CERT_FIT_SHRINK);
	struct cert_fit_result r;
	int n;
	const char *t = "Nguyễn Thị Phương Thảo Hoàng Minh Khánh Trần Ngọc Bảo Anh Lê";
	char **l = cert_fit(fs, &f, t, MM(60), MM(8), &r, &n);
	CHECK(l != NULL);
	CHECK(r.below_min); /* the composer makes it an error (CERT_TOO_LONG) */
	CHECK(fits(&f, l, n, &r, MM(60)));
	int32_t ascdesc = font_ascender(fs, FACE_BOLD) + font_descender(fs, FACE_BOLD);
	CHECK((n - 1) * 1.2 * r.size + (double)ascdesc * r.size / 1000 <= MM(8));
	free_lines(l, n);
}

static void csv_with_bom_semicolons_and_quotes(void)
{
	const char *path = "tests/out/unit-cert.csv";
	mkdir("tests/out", 0755); /* run alone, outside the runner, the folder may not exist yet */
	FILE *f = fopen(path, "wb");
	if (!f) {
		CHECK(!"cannot write the CSV");
		return;
	}
	fputs("\xEF\xBB\xBFSTT;Họ và tên;Đơn vị;Tập thể\r\n"
	      "1;\"Lê Thị \"\"Bé\"\" Ba\";\"Khoa A; Phòng B\";\r\n"
	      "\r\n"
	      "2;  Trần Văn C ;\"Phòng\r\nD\";x\r\n", f);
	fclose(f);
	struct node *tree = node_tree_new("unit.yaml");
	struct award_list l = {.csv = {.file = {"tests/out/unit-cert.csv", {0}}, .name = {"họ và tên", {0}},
				       .unit = {"Đơn vị", {0}}, .collective = {"Tập thể", {0}}}};
	struct records out = {0};
	CHECK(model_csv_recipients(&l, "unit.yaml", tree, NULL));
	out = l.recipients;
	CHECK_INT(out.n, 2);
	if (out.n == 2) {
		struct recipient *r = out.v;
		CHECK_STR(r[0].name.s, "Lê Thị \"Bé\" Ba");
		CHECK_STR(r[0].unit.s, "Khoa A; Phòng B");
		CHECK(!r[0].collective.v);
		CHECK_INT(r[0].pos.line, 2);
		CHECK_STR(r[1].name.s, "Trần Văn C");
		CHECK_INT(r[1].name.pos.line, 4);
		CHECK_INT(r[1].name.pos.col, 5);
		CHECK_STR(r[1].unit.s, "Phòng\nD");
		CHECK(r[1].collective.v);
	}
	free(out.v);
	node_free(tree);
	remove(path);
}

int main(void)
{
	fs = unit_fonts();
	RUN(short_text_keeps_its_size);
	RUN(shrinks_before_wrapping);
	RUN(wrap_fields_wrap_first);
	RUN(never_crosses_the_box);
	RUN(csv_with_bom_semicolons_and_quotes);
	fontset_free(fs);
	UNIT_EXIT();
}
