/* render_out.h — the output side of one run: the folder, the manifest, the
 * journal of what this run wrote, files an earlier run left, shards, and
 * the summary line.
 *
 * Clean re-runs: when the folder is opened, the rows of the previous
 * manifest and of any journal left by an interrupted run are copied into a
 * new journal (.vanban-journal, fsync'd) and manifest.tsv is removed; every
 * file this run writes is journalled before its rename. manifest.tsv comes
 * back only when the run completes, so an interrupted run (kill -9, power)
 * leaves no manifest that disagrees with the files, and the next run still
 * knows every file either run wrote. When the run completes, files an
 * earlier run wrote from this run's inputs that this run did not write
 * again are removed (or, with --keep-stale, kept, listed and carried into
 * the manifest); rows of other inputs are carried over while their file
 * exists. */
#ifndef VANBAN_RENDER_OUT_H
#define VANBAN_RENDER_OUT_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "manifest.h"
#include "output.h"
#include "render.h"

struct run_out;

/* Opens o->outdir as described above. Returns NULL after a diag(). */
struct run_out *run_out_open(const struct render_opts *o);

/* Claims "STEM.pdf" for this run on the main thread, in input order (so
 * names are the same for any -j and every shard); a name that had to take
 * a "-2" suffix is warned at pos. Returns the malloc'd file name. */
char *run_out_claim(struct run_out *ro, const char *stem, const struct srcpos *pos);

/* True if this run's shard renders the document or certificate keyed by
 * the NUL-free strings a, b (a stable key: the input file's name and the
 * document's or recipient's identity, never a position in a list). */
bool run_out_mine(const struct run_out *ro, const char *a, const char *b);

/* The two together, as every writer does them: claims STEM (warning at
 * the source file), then returns the malloc'd name if this shard writes
 * the file keyed by (source, key), else NULL (the name stays claimed). */
char *run_out_claim_mine(struct run_out *ro, const char *stem, const char *source, const char *key);

/* Writes one PDF under its claimed name, journalled and added to the
 * manifest. Thread-safe. Returns 0 or -1 after a diag(). */
int run_out_write(struct run_out *ro, const char *kind, const char *source, const char *name,
		  int pages, const void *data, size_t len);
/* The same with the document's record and sheets (manifest_add_doc). */
int run_out_write_doc(struct run_out *ro, const char *kind, const char *source, const char *name,
		      int pages, const void *data, size_t len, const struct dl_meta *meta, int sheets);

/* True the first time (kind, source) is asked in this run, on every shard
 * alike (a volume named by several records files is written once). Main
 * thread only. */
bool run_out_once(struct run_out *ro, const char *kind, const char *source);

/* Ends the run. complete: every input was processed (stale files are then
 * handled, before_manifest(folder, manifest, arg) is called when given —
 * index.html — and the manifest is written; sources are this run's
 * inputs). Prints the summary line on stdout unless o->dump, and frees ro. */
void run_out_close(struct run_out *ro, char **sources, int nsources, bool complete,
		   void (*before_manifest)(struct outdir *od, struct manifest *m, void *arg), void *arg);

/* The summary of a run that wrote nothing (check): on stdout. */
void run_summary_check(int nfiles);

#endif
