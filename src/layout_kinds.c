/* layout_kinds.c — loads the kinds file and the base it builds on; a kind
 * in the file replaces, key by key, the base's kind of the same id. */
#include "layout_kinds.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "load.h"
#include "util.h"

#define K(member) offsetof(struct kind, member)
static const struct field line_fields[] = {
	{"key", F_TEXT, offsetof(struct kind_line, key), REQUIRED, NULL, 0, 0, NULL},
	{"format", F_TEXT, offsetof(struct kind_line, format), REQUIRED, NULL, 0, 0, NULL},
};
static const struct schema line_schema = {N_("line"), sizeof(struct kind_line), FIELDS(line_fields)};

static const struct field kind_fields[] = {
	{"id", F_TEXT, K(id), REQUIRED, NULL, 0, 0, NULL},
	{"name", F_TEXT, K(name), 0, NULL, 0, 0, NULL},
	{"abbreviation", F_TEXT, K(abbreviation), 0, NULL, 0, 0, NULL},
	{"title", F_TEXT, K(title), 0, NULL, 0, 0, NULL},
	{"date_line", F_BOOL, K(date_line), 0, NULL, 0, 0, NULL},
	{"opening", F_TEXT, K(opening), 0, NULL, 0, 0, NULL},
	{"invite", F_TEXT, K(invite), 0, NULL, 0, 0, NULL},
	{"parts", F_TEXTS, K(parts), 0, NULL, 0, 0, NULL},
	{"lines", F_RECORDS, K(lines), 0, &line_schema, 0, 0, NULL},
	{"closing", F_TEXT, K(closing), 0, NULL, 0, 0, NULL},
};
#undef K
static const struct schema kind_schema = {N_("kind"), sizeof(struct kind), FIELDS(kind_fields)};

struct kinds_file {
	struct text base;
	struct records kinds;
};
static const struct field file_fields[] = {
	{"base", F_TEXT, offsetof(struct kinds_file, base), 0, NULL, 0, 0, NULL},
	{"kinds", F_RECORDS, offsetof(struct kinds_file, kinds), REQUIRED, &kind_schema, 0, 0, NULL},
};
static const struct schema file_schema = {N_("kinds file"), sizeof(struct kinds_file), FIELDS(file_fields)};

const struct kind *kinds_find(const struct kinds *k, const char *id)
{
	for (size_t i = 0; id && i < k->n; i++)
		if (!strcmp(k->v[i].id.s, id))
			return &k->v[i];
	return NULL;
}

/* Every key the overriding kind sets replaces the base's. */
static void merge(struct kind *into, struct kind *from)
{
	for (size_t f = 0; f < sizeof kind_fields / sizeof kind_fields[0]; f++) {
		char *dst = (char *)into + kind_fields[f].offset, *src = (char *)from + kind_fields[f].offset;
		switch (kind_fields[f].type) {
		case F_TEXT:
			if (((struct text *)src)->s)
				*(struct text *)dst = *(struct text *)src;
			break;
		case F_BOOL:
			if (((struct flag *)src)->set)
				*(struct flag *)dst = *(struct flag *)src;
			break;
		case F_TEXTS:
			if (((struct texts *)src)->v) {
				free(((struct texts *)dst)->v);
				*(struct texts *)dst = *(struct texts *)src;
				((struct texts *)src)->v = NULL;
			}
			break;
		case F_RECORDS:
			if (((struct records *)src)->v) {
				free(((struct records *)dst)->v);
				*(struct records *)dst = *(struct records *)src;
				((struct records *)src)->v = NULL;
			}
			break;
		default:
			break;
		}
	}
}

/* The first NAME.yaml along the layout search. */
static char *find_file(const struct layout_search *s, const char *name, const struct srcpos *from)
{
	for (size_t d = 0; d < s->n; d++) {
		char *path = xasprintf("%s/%s.yaml", s->dir[d], name);
		if (access(path, R_OK) == 0)
			return path;
		free(path);
	}
	diag(KINDS_UNKNOWN, from, name);
	return NULL;
}

static bool load_into(const struct layout_search *search, const char *name, const struct srcpos *from, struct kinds *out,
		      int depth)
{
	if (!name[0] || strspn(name, "abcdefghijklmnopqrstuvwxyz0123456789_-") != strlen(name)) {
		diag(LAYOUT_BAD_NAME, from, name);
		return false;
	}
	if (depth >= 4) {
		diag(KINDS_BASE_LOOP, from, name);
		return false;
	}
	char *path = find_file(search, name, from);
	if (!path)
		return false;
	struct node *tree = load_yaml(path, NULL, NULL);
	free(path);
	if (!tree)
		return false;
	out->trees[out->ntrees++] = tree;
	struct kinds_file kf = {0};
	bool ok = model_bind(tree, &file_schema, &kf);
	if (ok && kf.base.s)
		ok = load_into(search, kf.base.s, &kf.base.pos, out, depth + 1);
	struct kind *kv = kf.kinds.v;
	for (size_t i = 0; ok && i < kf.kinds.n; i++) {
		struct kind *have = (struct kind *)kinds_find(out, kv[i].id.s);
		const char *t = kv[i].title.s;
		if (t && strcmp(t, "full") && strcmp(t, "type") && strcmp(t, "vv")) {
			diag(KIND_TITLE_CHOICE, &kv[i].title.pos, t);
			ok = false;
			break;
		}
		if (have) {
			merge(have, &kv[i]);
			continue;
		}
		if (!kv[i].name.s || !kv[i].abbreviation.s) {
			diag(KIND_INCOMPLETE, &kv[i].id.pos, kv[i].id.s);
			ok = false;
			break;
		}
		out->v = xrealloc(out->v, (out->n + 1) * sizeof *out->v);
		out->v[out->n++] = kv[i];
		memset(&kv[i], 0, sizeof kv[i]);
	}
	for (size_t i = 0; i < kf.kinds.n; i++)
		model_unbind(&kind_schema, &kv[i]);
	free(kf.kinds.v);
	return ok;
}

bool kinds_load(const struct layout_search *search, const char *name, const struct srcpos *from,
		struct kinds *out)
{
	memset(out, 0, sizeof *out);
	bool ok = load_into(search, name, from, out, 0);
	if (!ok)
		kinds_free(out);
	return ok;
}

void kinds_free(struct kinds *k)
{
	for (size_t i = 0; i < k->n; i++)
		model_unbind(&kind_schema, &k->v[i]);
	free(k->v);
	for (size_t i = 0; i < k->ntrees; i++)
		node_free(k->trees[i]);
	memset(k, 0, sizeof *k);
}

bool kind_has(const struct kind *k, const char *part)
{
	for (size_t i = 0; i < k->parts.n; i++)
		if (!strcmp(k->parts.v[i].s, part))
			return true;
	return false;
}

const char **kinds_ids(const struct kinds *k)
{
	const char **ids = xcalloc(k->n + 1, sizeof *ids);
	for (size_t i = 0; i < k->n; i++)
		ids[i] = k->v[i].id.s;
	return ids;
}
