/* index.h — output/index.html: the batch at a glance, for people who look
 * rather than read a manifest. One row per PDF in the manifest's order:
 * kind, number, title, pages, warnings and, when `--preview` made it, the
 * picture of page 1. Plain HTML and CSS: it opens offline, from the folder
 * or a USB stick, in any browser, with no script. */
#ifndef VANBAN_INDEX_H
#define VANBAN_INDEX_H

#include <stdbool.h>
#include <stddef.h>

#include "output.h"

#define INDEX_FILE "index.html"

/* The warnings an input file had (its PDFs' rows show them). */
struct index_source {
	const char *path; /* as in the manifest's source column (borrowed) */
	int warnings;
};

/* The file names (malloc'd, and the array) of the PDFs listed in the
 * manifest text, in its order; *n is their number. */
char **index_pdfs(const char *manifest, size_t *n);
void index_pdfs_free(char **v, size_t n);

/* Writes INDEX_FILE through outdir_write_cheap from the manifest text (its
 * header names the columns; kind, file and pages are used, and number,
 * title or summary when the manifest has them). previews: link
 * preview/NAME.png for each row. Returns 0, or -1 after one diag(). */
int index_write(struct outdir *od, const char *manifest, const struct index_source *src, size_t nsrc,
		bool previews);

#endif
