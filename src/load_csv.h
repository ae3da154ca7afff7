/* load_csv.h — rows of a CSV file as Excel exports it: UTF-8 with or
 * without a BOM (or a legacy encoding named in the YAML), comma or semicolon
 * (whichever the header line uses more), quoted fields with "" inside and
 * line breaks, CRLF or LF. The caller names the columns it wants by their
 * headers and receives each row's values, each with its CSV position; what
 * the values mean (a recipient's name, a yes/no) is the model's business. */
#ifndef VANBAN_LOAD_CSV_H
#define VANBAN_LOAD_CSV_H

#include <stdbool.h>
#include <stddef.h>

#include "load.h"

/* One column the caller wants: its header as the YAML spells it (NULL: not
 * wanted) and where the YAML says so (for "no such column"). */
struct csv_want {
	const char *header;
	struct srcpos pos;
};

/* Where the rows go, in file order. row() starts a data row at pos; cell()
 * gets wanted column k's value (trimmed, NFC, owned by the tree) at pos and
 * returns false after reporting it bad (column is the header, for messages);
 * end() closes the row, ok if every cell of it was good. */
struct csv_sink {
	void *ctx;
	void (*row)(void *ctx, const struct srcpos *pos);
	bool (*cell)(void *ctx, size_t k, const char *v, const struct srcpos *pos, const char *column);
	void (*end)(void *ctx, bool ok);
};

/* What to read: the file (relative to the YAML's folder unless absolute)
 * and its encoding (NULL: UTF-8), each with where the YAML names it. */
struct csv_request {
	const char *file;
	struct srcpos file_pos;
	const char *encoding;
	struct srcpos encoding_pos;
	const struct csv_want *cols;
	size_t ncols;
	struct csv_sink sink;
};

/* Reads req->file and hands every non-empty data row to req->sink. Every
 * bad row is reported at FILE:LINE:COL naming its column; returns false if
 * there was any problem. The strings and the file name in every position
 * are owned by tree. lim may be NULL; its printable callback, when set,
 * checks every character. */
bool load_csv(const struct csv_request *req, const char *yaml_path, struct node *tree,
	      const struct load_limits *lim);

#endif
