/* output.h — files in the output folder, written so that a crash, a full
 * disk or a second run never leaves a partial file under a final name.
 *
 * Decisions:
 * - The folder's last path component must not be a symbolic link (parents
 *   may be): the tool deletes stale temporary files and replaces files in
 *   it, so it works only on the folder it was named, not on wherever a
 *   planted link points. Give the real path instead.
 * - One run at a time per folder: an flock on ".vanban.lock" inside it.
 *   flock is advisory and unreliable on NFS/SMB; O_EXCL temp files still
 *   keep two runs from writing into each other's files there.
 * - Names are compared case-insensitively when claimed, because batches are
 *   copied to FAT/SMB/macOS volumes where "An.pdf" and "AN.pdf" collide. */
#ifndef VANBAN_OUTPUT_H
#define VANBAN_OUTPUT_H

#include <stdbool.h>
#include <stddef.h>

/* The manifest's file name; outdir_open() reserves it for the run. */
#define OUTDIR_MANIFEST "manifest.tsv"

struct outdir;

/* Opens (creating it and its parents with mode 0755 if missing) the output
 * folder, takes its lock and removes stale ".NAME.tmp-PID-N" files left by
 * interrupted runs, with one note each. Returns NULL after one diag() if
 * the folder cannot be made or opened, is a symlink, or another run holds
 * the lock. Free with outdir_close(), which releases the lock. */
struct outdir *outdir_open(const char *path);
void outdir_close(struct outdir *od);

/* The folder path as given (borrowed, valid until outdir_close). */
const char *outdir_path(const struct outdir *od);
/* Whether outdir_open made the folder (it was not there before). */
bool outdir_created(const struct outdir *od);

/* The folder's descriptor (borrowed), for the run's own hidden files. */
int outdir_dirfd(const struct outdir *od);

/* True if name is a plain file name this module writes: not empty, at most
 * 255 bytes, no '/', not "." or "..", and not starting with '.' (hidden
 * names are the lock's and the temp files'). */
bool outdir_name_ok(const char *name);

/* Writes data atomically under name: a temp file ".NAME.tmp-PID-N" created
 * with O_EXCL|O_NOFOLLOW (0644), fully written, fsync'd and closed, then
 * renamed over name (replacing a file from an earlier run). Thread-safe, as
 * is outdir_claim. The name counts as claimed afterwards. On any failure the
 * temp file is removed, one diag() says "cannot write DIR/NAME: reason", and
 * -1 is returned: a partial or empty file never appears under name. The
 * rename itself is durable after the next outdir_commit: one folder fsync
 * for a whole batch instead of one a file (1,000 certificates: 1,000 fewer
 * disk flushes). */
int outdir_write(struct outdir *od, const char *name, const void *data, size_t len);

/* outdir_write for the file that vouches for the others (manifest.tsv): the
 * folder is fsync'd before, so every file written so far is durable before
 * it is, and after. */
int outdir_commit(struct outdir *od, const char *name, const void *data, size_t len);

/* The same without the two fsyncs, for a file that can always be made again
 * from the others (index.html): still never partial under its name, but
 * after a crash it may be the earlier run's. Costs no disk flush, so
 * writing it does not slow every run. */
int outdir_write_cheap(struct outdir *od, const char *name, const void *data, size_t len);

/* Claims a unique name "BASE.EXT" for this run (ext with or without its
 * dot). If that was claimed or written before in this run, returns
 * "BASE-2.EXT", "BASE-3.EXT", ... (the first free one): deterministic for a
 * given order of calls. BASE is cut on a UTF-8 boundary so the name fits in
 * 255 bytes. Returns a malloc'd string owned by the caller. */
char *outdir_claim(struct outdir *od, const char *base, const char *ext);

#endif
