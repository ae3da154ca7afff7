/* load_csv.h — award recipients from a CSV file as Excel exports it:
 * UTF-8 with or without a BOM (or a legacy encoding named in the YAML),
 * comma or semicolon (whichever the header line uses more), quoted fields
 * with "" inside and line breaks, CRLF or LF. Columns are found by their
 * header names (struct csv_source); every value keeps its CSV position. */
#ifndef VANBAN_LOAD_CSV_H
#define VANBAN_LOAD_CSV_H

#include <stdbool.h>

#include "load.h"
#include "model_doc.h"

/* Reads src->file (relative to the folder of yaml_path unless absolute) and
 * appends one struct recipient per non-empty data row to *out (the array is
 * malloc'd, as model_bind's are; the strings and the file name in every
 * position are owned by tree). Every bad row is reported at FILE:LINE:COL
 * naming its column; returns false if there was any problem. lim may be
 * NULL; its printable callback, when set, checks every character. */
bool load_csv(const struct csv_source *src, const char *yaml_path, struct node *tree,
	      const struct load_limits *lim, struct records *out);

#endif
