/* render_index.h — the previews (--preview) and index.html of a run. */
#ifndef VANBAN_RENDER_INDEX_H
#define VANBAN_RENDER_INDEX_H

#include <stdbool.h>
#include <stddef.h>

#include "index.h"
#include "manifest.h"
#include "output.h"

/* Writes DIR/index.html listing every PDF of the manifest m; with preview,
 * first DIR/preview/NAME.png for each by running vanban-preview
 * (home_helper); if that fails, one warning says why and the index goes
 * without pictures. src: each input file's warnings. Call before the
 * manifest is written: the manifest comes last. */
void render_index(struct outdir *od, struct manifest *m, const struct index_source *src, size_t nsrc,
		  bool preview);

#endif
