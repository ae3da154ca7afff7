#include <stdio.h>
#include <stdlib.h>

#include "markup.h"
#include "unit.h"

static void run_in_bold_heading(void)
{
	struct runs r = {0};
	struct srcpos pos = {"x.yaml", 3, 10};
	CHECK(markup_parse("**Điều 1.** Tặng Giấy khen", FACE_REGULAR, true, &pos, &r));
	CHECK_INT(r.n, 2);
	CHECK_STR(r.v[0].text, "Điều 1.");
	CHECK_INT(r.v[0].face, FACE_BOLD);
	CHECK_STR(r.v[1].text, " Tặng Giấy khen");
	CHECK_INT(r.v[1].face, FACE_REGULAR);
	CHECK_INT(r.v[1].pos.col, 10 + 11); /* after "**Điều 1.**" (11 characters) */
	runs_free(&r);
}

static void italic_inside_bold_base(void)
{
	struct runs r = {0};
	CHECK(markup_parse("a *b* ***c***", FACE_BOLD, true, NULL, &r));
	CHECK_INT(r.n, 4);
	CHECK_INT(r.v[1].face, FACE_BOLD_ITALIC);
	CHECK_INT(r.v[3].face, FACE_BOLD_ITALIC); /* bold toggled off, italic on: from bold base */
	runs_free(&r);
}

static void escapes_are_literal(void)
{
	struct runs r = {0};
	CHECK(markup_parse("5 \\* 3 = 15 \\\\ x", FACE_REGULAR, true, NULL, &r));
	CHECK_INT(r.n, 1);
	CHECK_STR(r.v[0].text, "5 * 3 = 15 \\ x");
	runs_free(&r);
	CHECK(markup_parse("a*b", FACE_REGULAR, false, NULL, &r));
	CHECK_STR(r.v[0].text, "a*b");
	runs_free(&r);
}

static void unclosed_marker_is_an_error(void)
{
	char *msg = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&msg, &len);
	diag_set_stream(f);
	struct runs r = {0};
	struct srcpos pos = {"x.yaml", 2, 5};
	CHECK(!markup_parse("Tặng **Giấy khen", FACE_REGULAR, true, &pos, &r));
	diag_set_stream(NULL);
	fclose(f);
	CHECK_STR(msg, "vanban: x.yaml:2:10: error: unclosed **bold** marker (write \\* for a literal asterisk)\n");
	free(msg);
	runs_free(&r);
}

int main(void)
{
	RUN(run_in_bold_heading);
	RUN(italic_inside_bold_base);
	RUN(escapes_are_literal);
	RUN(unclosed_marker_is_an_error);
	UNIT_EXIT();
}
