/* render_twice.h — what is given twice in one run and is most likely a
 * slip: a decision number (the same reference in the same year) and a
 * recipient listed twice in one list (the same name and unit). Each is a
 * warning at the second place, naming the first. */
#ifndef VANBAN_RENDER_TWICE_H
#define VANBAN_RENDER_TWICE_H

#include <stddef.h>

#include "diag.h"
#include "model_doc.h"

/* The decision numbers seen so far in a run. */
struct seen_numbers;
struct seen_numbers *seen_numbers_new(void);
void seen_numbers_free(struct seen_numbers *s);
/* Notes the reference ("15/QĐ-TCT") of a decision dated date (ISO, its
 * year counts: numbers restart each year) given at pos; warns if the run
 * had it already. */
void seen_number(struct seen_numbers *s, const char *ref, const char *date, const struct srcpos *pos);

/* Warns of every recipient of v that has the name and unit of an earlier one. */
void recipients_twice(const struct recipient *v, size_t n);

#endif
