/* volume_path.h — a file named inside a volume or records file, resolved
 * against that file's folder and kept inside it. (Transitional: the input
 * side's path module replaces it once it is on main.) */
#ifndef VANBAN_VOLUME_PATH_H
#define VANBAN_VOLUME_PATH_H

#include "model.h"

/* The path of rel (as written at rel->pos) relative to the folder of
 * from_file; NULL after an error if rel is absolute, climbs with "..",
 * or leads out of that folder through a symbolic link. Caller frees. */
char *volume_path(const char *from_file, const struct text *rel);

#endif
