/* face.h — the four faces of the body font. The typesetter chooses a face
 * for each run, the display list records it and the PDF writer embeds the
 * face's font: a leaf header so that none of them looks up the pipeline. */
#ifndef VANBAN_FACE_H
#define VANBAN_FACE_H

#include <stdbool.h>

enum face {
	FACE_REGULAR,
	FACE_BOLD,
	FACE_ITALIC,
	FACE_BOLD_ITALIC,
	FACE_COUNT
};

/* The faces' names in layouts and the font map, in enum order. */
#define FACE_NAMES {"regular", "bold", "italic", "bold-italic"}

/* Face with bold and/or italic added. */
static inline enum face face_with(enum face base, bool bold, bool italic)
{
	bool b = bold || base == FACE_BOLD || base == FACE_BOLD_ITALIC;
	bool i = italic || base == FACE_ITALIC || base == FACE_BOLD_ITALIC;
	return b ? (i ? FACE_BOLD_ITALIC : FACE_BOLD) : (i ? FACE_ITALIC : FACE_REGULAR);
}

#endif
