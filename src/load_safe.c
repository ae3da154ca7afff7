/* load_safe.c — the message for a character no document may print. */
#include "load.h"
#include "text.h"

void load_report_unsafe(const struct srcpos *pos, const char *column, enum text_unsafe why, uint32_t cp)
{
	unsigned u = (unsigned)cp;
	/* a character outside the BMP is shown, unless invisible (tags) or private */
	char g[6] = {0};
	if (cp > 0xFFFF && cp < 0xE0000) {
		g[0] = ' ';
		utf8_encode(cp, g + 1);
	}
	if (column) {
		switch (why) {
		case UNSAFE_NONE:
		case UNSAFE_BAD_UTF8: diag(CSV_UNSAFE_BAD_UTF8, pos, column, u); break;
		case UNSAFE_CONTROL: diag(CSV_UNSAFE_CONTROL, pos, column, u); break;
		case UNSAFE_C1: diag(CSV_UNSAFE_C1, pos, column, u); break;
		case UNSAFE_BOM: diag(CSV_UNSAFE_BOM, pos, column, u); break;
		case UNSAFE_BIDI: diag(CSV_UNSAFE_BIDI, pos, column, u); break;
		case UNSAFE_NONCHAR: diag(CSV_UNSAFE_NONCHAR, pos, column, u); break;
		case UNSAFE_ASTRAL: diag(CSV_UNSAFE_ASTRAL, pos, column, u); break;
		}
		return;
	}
	switch (why) {
	case UNSAFE_NONE:
	case UNSAFE_BAD_UTF8: diag(UNSAFE_BAD_UTF8, pos, u); break;
	case UNSAFE_CONTROL: diag(UNSAFE_CONTROL, pos, u); break;
	case UNSAFE_C1: diag(UNSAFE_C1, pos, u); break;
	case UNSAFE_BOM: diag(UNSAFE_BOM, pos, u); break;
	case UNSAFE_BIDI: diag(UNSAFE_BIDI, pos, u); break;
	case UNSAFE_NONCHAR: diag(UNSAFE_NONCHAR, pos, u); break;
	case UNSAFE_ASTRAL: diag(UNSAFE_ASTRAL, pos, u, g); break;
	}
}
