/* unit_fonts.h — the project's fonts for unit tests that measure text. */
#ifndef VANBAN_UNIT_FONTS_H
#define VANBAN_UNIT_FONTS_H

#include <stdio.h>
#include <stdlib.h>

#include "font.h"

/* fonts/ from the repository root (tests run there), or "not ok" and exit. */
static struct fontset *unit_fonts(void)
{
	struct fontset *fs = fontset_open("fonts");
	if (!fs) {
		puts("not ok - fontset_open(fonts)");
		exit(1);
	}
	return fs;
}

#endif
