/* layout_find.c — from a layout name to its file (layout_find.h). */
#include "layout_find.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "load.h"
#include "load_file.h"
#include "model.h"
#include "util.h"

#define LAYOUT_MAX_FILE ((size_t)1 << 20)

void layout_search_add(struct layout_search *s, const char *dir)
{
	if (!dir || !*dir || s->n == LAYOUT_SEARCH_MAX)
		return;
	for (size_t i = 0; i < s->n; i++)
		if (!strcmp(s->dir[i], dir))
			return;
	s->dir[s->n++] = xstrdup(dir);
}

void layout_search_add_parent(struct layout_search *s, const char *file)
{
	if (s->n == 0 && !s->input)
		s->input = xstrdup(file);
	const char *slash = strrchr(file, '/');
	char *dir = slash ? xstrndup(file, slash == file ? 1 : (size_t)(slash - file)) : xstrdup(".");
	layout_search_add(s, dir);
	free(dir);
}

void layout_search_free(struct layout_search *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->dir[i]);
	s->n = 0;
	free(s->input);
	s->input = NULL;
}

bool layout_plain_name(const char *name)
{
	return name[0] && strspn(name, "abcdefghijklmnopqrstuvwxyz0123456789_-") == strlen(name);
}

/* What a YAML text is, from its top-level keys (lines "key:" at column 0):
 * cheap, and silent about files that are not layouts at all (the input
 * folder holds the inputs too). */
static enum layout_kind kind_of_text(const char *text)
{
	bool doc = false, printer = false, other = false, cert = false;
	for (const char *line = text; line && *line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL) {
		size_t k = strspn(line, "abcdefghijklmnopqrstuvwxyz0123456789_");
		if (k == 0 || line[k] != ':')
			continue;
		char *key = xstrndup(line, k);
		if (!strcmp(key, "fields"))
			cert = true;
		else if (!strcmp(key, "offset_x") || !strcmp(key, "offset_y") || !strcmp(key, "scale"))
			printer = true;
		else if (layout_is_key(key))
			doc = true;
		else if (strcmp(key, "encoding") != 0)
			other = true;
		free(key);
	}
	if (cert)
		return LAYOUT_CERTIFICATE;
	if (printer && !doc && !other)
		return LAYOUT_PRINTER;
	return doc ? LAYOUT_DOCUMENT : LAYOUT_OTHER;
}

/* The kind of a plain regular file (not a link), for the list of choices. */
static enum layout_kind kind_of(const char *path)
{
	struct stat st;
	if (lstat(path, &st) != 0 || !S_ISREG(st.st_mode))
		return LAYOUT_OTHER;
	size_t len;
	char *text = read_file(path, LAYOUT_MAX_FILE, &len);
	enum layout_kind k = text ? kind_of_text(text) : LAYOUT_OTHER;
	free(text);
	return k;
}

static char *file_in(const char *dir, enum layout_kind kind, const char *name)
{
	return xasprintf("%s/%s%s.yaml", dir, kind == LAYOUT_PRINTER ? "printer-" : "", name);
}

static int by_string(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names of every layout of that kind along the search, sorted, once each. */
static size_t choices(const struct layout_search *s, enum layout_kind kind, char ***out)
{
	char **v = NULL;
	size_t n = 0, cap = 0;
	for (size_t d = 0; d < s->n; d++) {
		DIR *dir = opendir(s->dir[d]);
		struct dirent *e;
		while (dir && (e = readdir(dir))) {
			size_t len = strlen(e->d_name);
			const char *stem = e->d_name;
			if (kind == LAYOUT_PRINTER && strncmp(stem, "printer-", 8) == 0)
				stem += 8;
			if (len < 6 || strcmp(e->d_name + len - 5, ".yaml") != 0)
				continue;
			char *name = xstrndup(stem, (size_t)(e->d_name + len - 5 - stem));
			char *path = file_in(s->dir[d], kind, name);
			bool keep = layout_plain_name(name) && kind_of(path) == kind;
			for (size_t i = 0; keep && i < n; i++)
				keep = strcmp(v[i], name) != 0;
			free(path);
			if (!keep) {
				free(name);
				continue;
			}
			grow(&v, &cap, n + 1, sizeof *v);
			v[n++] = name;
		}
		if (dir)
			closedir(dir);
	}
	if (n)
		qsort(v, n, sizeof *v, by_string);
	*out = v;
	return n;
}

static void report(const struct layout_search *s, enum layout_kind kind, enum layout_kind found,
		   const char *name, const struct srcpos *from)
{
	char **v;
	size_t n = choices(s, kind, &v);
	struct buf list = {0};
	for (size_t i = 0; i < n; i++)
		buf_printf(&list, "%s%s", i ? ", " : "", v[i]);
	if (!n)
		buf_adds(&list, "-");
	const char *near = model_did_you_mean(name, (const char *const *)v, n);
	if (found == LAYOUT_CERTIFICATE)
		diag(LAYOUT_IS_CERTIFICATE, from, name, list.data);
	else if (found == LAYOUT_DOCUMENT && kind == LAYOUT_CERTIFICATE)
		diag(LAYOUT_NOT_CERTIFICATE, from, name, list.data);
	else if (found != LAYOUT_OTHER && kind == LAYOUT_PRINTER)
		diag(PRINTER_NOT_PROFILE, from, name, list.data);
	else if (kind == LAYOUT_PRINTER)
		near ? diag(PRINTER_UNKNOWN_NEAR, from, name, near, list.data)
		     : diag(PRINTER_UNKNOWN, from, name, list.data);
	else if (kind == LAYOUT_CERTIFICATE)
		near ? diag(LAYOUT_CERT_UNKNOWN_NEAR, from, name, near, list.data)
		     : diag(LAYOUT_CERT_UNKNOWN, from, name, list.data);
	else
		near ? diag(LAYOUT_UNKNOWN_NEAR, from, name, near, list.data)
		     : diag(LAYOUT_UNKNOWN, from, name, list.data);
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
	buf_free(&list);
}

/* One folder's candidate: its bytes and what they are. Beside the input,
 * anything there called so (a link too) is read the way the input's own
 * files are, and a refusal is the answer; elsewhere a missing or unreadable
 * file just means "not here". False after an error. */
struct candidate {
	char *path, *data;
	size_t len;
	enum layout_kind kind;
};

static bool probe(const struct layout_search *s, size_t d, const char *file, const struct srcpos *from,
		  struct candidate *c)
{
	*c = (struct candidate){xasprintf("%s/%s", s->dir[d], file), NULL, 0, LAYOUT_OTHER};
	struct stat st;
	if (lstat(c->path, &st) != 0)
		return true;
	if (d == 0 && s->input) {
		char *shown = NULL;
		c->data = load_file_read(s->input, file, from, "layout", LAYOUT_MAX_FILE, &c->len, &shown);
		free(shown);
		if (!c->data)
			return false;
	} else if (S_ISREG(st.st_mode)) {
		c->data = read_file(c->path, LAYOUT_MAX_FILE, &c->len);
	}
	if (c->data)
		c->kind = kind_of_text(c->data);
	return true;
}

struct node *layout_find(const struct layout_search *s, enum layout_kind kind, const char *name,
			 const struct srcpos *from)
{
	enum layout_kind wrong = LAYOUT_OTHER;
	char *file = xasprintf("%s%s.yaml", kind == LAYOUT_PRINTER ? "printer-" : "", name);
	struct node *tree = NULL;
	bool failed = false;
	for (size_t d = 0; d < s->n && !tree && !failed; d++) {
		struct candidate c;
		failed = !probe(s, d, file, from, &c);
		if (!failed && c.kind == kind) {
			tree = load_yaml_mem(c.path, c.data, c.len, NULL, NULL);
			failed = !tree; /* it said why */
		} else if (c.kind != LAYOUT_OTHER && wrong == LAYOUT_OTHER) {
			wrong = c.kind; /* a layout, but of the other kind: say so if nothing else fits */
		}
		free(c.path);
		free(c.data);
	}
	free(file);
	if (!tree && !failed)
		report(s, kind, wrong, name, from);
	return tree;
}
