#include <stdlib.h>

#include "diag.h"
#include "font.h"
#include "text.h"
#include "unit.h"
#include "unit_fonts.h"

static struct fontset *fs;

static void advances_match_pdf_widths(void)
{
	/* Liberation Serif = Times New Roman metrics, floor(adv * 1000 / 2048) */
	CHECK_INT(font_advance(fs, FACE_REGULAR, ' '), 250);
	CHECK_INT(font_advance(fs, FACE_REGULAR, 'A'), 722);
	CHECK_INT(font_advance(fs, FACE_BOLD, 'A'), 722);
	CHECK_INT(font_advance(fs, FACE_REGULAR, 0x4E2D), -1);
	CHECK_INT(font_width(fs, FACE_REGULAR, 13000, " ", 1), 3250);
	CHECK_INT(font_width(fs, FACE_REGULAR, 13000, "AA", 2), 2 * 9386);
}

static void width_is_sum_of_advances(void)
{
	const char *s = "Độc lập - Tự do - Hạnh phúc";
	long sum = 0;
	for (size_t i = 0; s[i];) {
		uint32_t cp;
		i += utf8_decode(s + i, strlen(s + i), &cp);
		sum += font_advance(fs, FACE_BOLD, cp);
	}
	CHECK_INT(font_width(fs, FACE_BOLD, 13000, s, strlen(s)), (sum * 13000 + 500) / 1000);
}

static void every_vietnamese_letter_in_every_face(void)
{
	const char *letters = "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợ"
			      "pqrstuùúủũụưừứửữựvxyỳýỷỹỵ";
	for (int f = 0; f < FACE_COUNT; f++) {
		char *up = text_upper(letters);
		uint32_t cp;
		size_t idx;
		CHECK(font_covers(fs, (enum face)f, letters, strlen(letters), &cp, &idx));
		CHECK(font_covers(fs, (enum face)f, up, strlen(up), &cp, &idx));
		free(up);
	}
}

static void missing_character_is_named(void)
{
	uint32_t cp = 0;
	size_t idx = 0;
	CHECK(!font_covers(fs, FACE_REGULAR, "ab中c", strlen("ab中c"), &cp, &idx));
	CHECK_INT(cp, 0x4E2D);
	CHECK_INT(idx, 2);
}

static void bad_font_directory_fails_cleanly(void)
{
	FILE *devnull = fopen("/dev/null", "w");
	diag_set_stream(devnull);
	CHECK(fontset_open("/nonexistent") == NULL);
	diag_set_stream(NULL);
	fclose(devnull);
}

int main(void)
{
	fs = unit_fonts();
	RUN(advances_match_pdf_widths);
	RUN(width_is_sum_of_advances);
	RUN(every_vietnamese_letter_in_every_face);
	RUN(missing_character_is_named);
	RUN(bad_font_directory_fails_cleanly);
	fontset_free(fs);
	UNIT_EXIT();
}
