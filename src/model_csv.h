/* model_csv.h — award recipients from a spreadsheet: the columns the YAML's
 * csv: mapping names (struct csv_source) bound onto struct recipient. */
#ifndef VANBAN_MODEL_CSV_H
#define VANBAN_MODEL_CSV_H

#include "model_doc.h"

/* Reads l->csv.file (relative to yaml_path's folder) and appends one
 * struct recipient per non-empty data row to l->recipients (malloc'd, as
 * model_bind's arrays are; the strings are owned by tree). Every bad row is
 * reported at its CSV line and column; returns false if there was any. */
bool model_csv_recipients(struct award_list *l, const char *yaml_path, struct node *tree,
			  const struct load_limits *lim);

#endif
