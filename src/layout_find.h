/* layout_find.h — which file a layout name means. Layouts and printer
 * profiles are looked for, in order, next to the input file, in the
 * folder of --layouts, in $VANBAN_HOME/layouts and in the installed
 * layouts (share/vanban/layouts); the first folder holding NAME.yaml (a
 * printer profile: printer-NAME.yaml) of the kind asked for wins. An
 * unknown name, or a layout of the other kind, is an input error at the
 * place that named it, with the names that would have worked. */
#ifndef VANBAN_LAYOUT_FIND_H
#define VANBAN_LAYOUT_FIND_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "node.h"

enum layout_kind { LAYOUT_DOCUMENT, LAYOUT_CERTIFICATE, LAYOUT_PRINTER, LAYOUT_OTHER };

#define LAYOUT_SEARCH_MAX 5

/* The folders to look in, best first; owns its strings. */
struct layout_search {
	char *dir[LAYOUT_SEARCH_MAX];
	size_t n;
	char *input; /* the input file whose folder is dir[0], or NULL */
};

/* Appends dir (copied) unless it is NULL, empty or already there. */
void layout_search_add(struct layout_search *s, const char *dir);
/* Appends the folder that holds file (".": a bare file name), which must
 * come first: files there are read as the input names them (load_file.h),
 * so a layout beside the input can never lead outside its folder. */
void layout_search_add_parent(struct layout_search *s, const char *file);
void layout_search_free(struct layout_search *s);

/* NAME must be a plain name: a-z, 0-9, _ and -. */
bool layout_plain_name(const char *name);

/* The layout of that kind called name, loaded (free with node_free), or
 * NULL after one input error at `from` (NULL: the command line). */
struct node *layout_find(const struct layout_search *s, enum layout_kind kind, const char *name,
			 const struct srcpos *from);

/* True if key is a key of a document layout (layout.c). */
bool layout_is_key(const char *key);

#endif
