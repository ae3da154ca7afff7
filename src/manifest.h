/* manifest.h — the batch manifest, written last: one line per document
 * (kind, source, file, pages, bytes, sha256), so a batch is complete only
 * if the manifest exists and every file in it hashes as listed. */
#ifndef VANBAN_MANIFEST_H
#define VANBAN_MANIFEST_H

#include <stdbool.h>
#include <stddef.h>

#include "output.h"

struct manifest;

struct manifest *manifest_new(void);
void manifest_free(struct manifest *m);

/* Records one written document and hashes its bytes; the strings are
 * copied. Not thread-safe: call from the thread that writes files. */
void manifest_add(struct manifest *m, const char *kind, const char *source, const char *file,
		  int pages, const void *data, size_t len);

/* The record of the document just added (number, date, tên loại, trích
 * yếu, issuer; copied) and its sheets (tờ) when they are not its pages
 * (a volume's numbered sheets). */
struct dl_meta;
void manifest_describe(struct manifest *m, const struct dl_meta *meta, int sheets);
/* True if a document of this kind from this source was added. */
bool manifest_has(const struct manifest *m, const char *kind, const char *source);
/* Writes OUTDIR_MANIFEST through outdir_write: a header line
 * "kind\tsource\tfile\tpages\tbytes\tsha256\tnumber\tdate\ttype_name\tsummary\tissuer\tsheets",
 * then one line per document
 * sorted by source, then file (file names are unique in a run), so the
 * bytes do not depend on the order documents finished in. Tabs, newlines,
 * carriage returns and backslashes inside fields are written as \t \n \r \\.
 * Returns 0, or -1 after one diag(). */
int manifest_write(struct manifest *m, struct outdir *od);

/* The manifest text that manifest_write would write (malloc'd, caller frees). */
char *manifest_text(struct manifest *m);

#endif
