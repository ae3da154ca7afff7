/* layout_kinds.h — the document kinds as data (layouts/kinds.yaml): what
 * each ND30 kind prints and which parts it has. Compose reads them; no
 * kind's wording is written in C. */
#ifndef VANBAN_LAYOUT_KINDS_H
#define VANBAN_LAYOUT_KINDS_H

#include "layout_find.h"
#include "model.h"

struct kind_line {
	struct text key;           /* the input key: event, chair, time, venue, person … */
	struct text format;        /* "Thời gian: {value}" */
};

struct kind {
	struct text id;            /* "giay-moi" */
	struct text name;          /* "Giấy mời": tên loại, the record's type_name */
	struct text abbreviation;  /* "GM"; "" = none (công văn) */
	struct text title;         /* "full" (default), "type" or "vv" */
	struct flag date_line;     /* default true */
	struct text opening;       /* "QUYẾT ĐỊNH:" */
	struct text invite;        /* "trân trọng kính mời" */
	struct texts parts;        /* optional input keys the kind has */
	struct records lines;      /* struct kind_line */
	struct text closing;       /* "Giấy này có giá trị đến hết {valid_until}" */
};

struct kinds {
	struct kind *v;
	size_t n;
	struct node *trees[4];     /* own the strings (the file and its bases) */
	size_t ntrees;
};

/* Loads NAME.yaml found along search like a layout (and the file it names
 * as `base`). Returns false after reporting errors. */
bool kinds_load(const struct layout_search *search, const char *name, const struct srcpos *from,
		struct kinds *out);
void kinds_free(struct kinds *k);
const struct kind *kinds_find(const struct kinds *k, const char *id);
/* True if the kind lists `part` among its parts. */
bool kind_has(const struct kind *k, const char *part);
/* The kinds' ids, for "did you mean" (the caller frees the array). */
const char **kinds_ids(const struct kinds *k);

#endif
