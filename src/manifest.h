/* manifest.h — the batch manifest, written last: one line per document,
 * so a batch is complete only if the manifest exists and every file in it
 * hashes as listed. The columns are one table (MANIFEST_COLUMNS): the
 * writer, the reader (previous runs, `vanban manifest merge`) and the
 * journal all go through it, so a new column is one line there. */
#ifndef VANBAN_MANIFEST_H
#define VANBAN_MANIFEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "output.h"

/* X(ENUM, "header name"), in the order of the file's columns. */
#define MANIFEST_COLUMNS(X)     \
	X(KIND, "kind")         \
	X(SOURCE, "source")     \
	X(FILE, "file")         \
	X(PAGES, "pages")       \
	X(BYTES, "bytes")       \
	X(SHA256, "sha256")     \
	X(NUMBER, "number")     \
	X(DATE, "date")         \
	X(TYPE_NAME, "type_name") \
	X(SUMMARY, "summary")   \
	X(ISSUER, "issuer")     \
	X(SHEETS, "sheets")

enum manifest_col {
#define X(e, name) MCOL_##e,
	MANIFEST_COLUMNS(X)
#undef X
	MCOL_COUNT
};

struct manifest;

struct manifest *manifest_new(void);
void manifest_free(struct manifest *m);

/* Records one written document and hashes its bytes; the strings are
 * copied. Thread-safe (worker threads add their files). With a journal
 * (manifest_set_journal) the row is also appended to it at once. */
void manifest_add(struct manifest *m, const char *kind, const char *source, const char *file,
		  int pages, const void *data, size_t len);
/* The same with the document's record (number, date, tên loại, trích yếu,
 * issuer; meta may be NULL) and its sheets (tờ) when they are not its pages
 * (a volume's numbered sheets; 0: its pages), in one row at once. */
struct dl_meta;
void manifest_add_doc(struct manifest *m, const char *kind, const char *source, const char *file,
		      int pages, const void *data, size_t len, const struct dl_meta *meta, int sheets);
/* Describes the row added last (single-threaded callers only; the
 * journal has the row without it). */
void manifest_describe(struct manifest *m, const struct dl_meta *meta, int sheets);
/* True if a document of this kind from this source was added. */
bool manifest_has(struct manifest *m, const char *kind, const char *source);
/* Forgets the row of file (its write failed). Thread-safe. */
void manifest_drop(struct manifest *m, const char *file);

/* Appends every later row, as one write(2) each, to fd (borrowed; -1 ends it). */
void manifest_set_journal(struct manifest *m, int fd);

/* Rows in the manifest's order (sorted by source, then file, after
 * manifest_text); the value of column c of row i (borrowed). */
size_t manifest_count(const struct manifest *m);
const char *manifest_get(const struct manifest *m, size_t i, enum manifest_col c);
/* The row of file (the first if it is listed twice), or -1. Not
 * thread-safe: for the end of a run. */
long manifest_find(struct manifest *m, const char *file);
/* Copies row i of src into m. */
void manifest_copy_row(struct manifest *m, const struct manifest *src, size_t i);

/* Parses manifest text (a header naming the columns, in any order, then
 * rows) and adds its rows to m; unknown columns are dropped, missing ones
 * left empty. Returns the number of rows, or -1 if the header lacks
 * "source" or "file" (not a manifest). */
long manifest_parse(struct manifest *m, const char *text, size_t len);

/* Writes OUTDIR_MANIFEST through outdir_write: the header line, then one
 * line per document sorted by source, then file (file names are unique in
 * a run), so the bytes do not depend on the order documents finished in.
 * Tabs, newlines, carriage returns and backslashes inside fields are
 * written as \t \n \r \\. Returns 0, or -1 after one diag(). */
int manifest_write(struct manifest *m, struct outdir *od);

/* The manifest text that manifest_write would write (malloc'd, caller frees). */
char *manifest_text(struct manifest *m);

#endif
