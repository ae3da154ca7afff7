/* init.c — `vanban init KIND [FILE]`: a commented Vietnamese starter
 * file that renders as it is. The starters are data (starters/KIND.yaml in
 * the home folder, share/vanban/starters when installed); the kinds are
 * whatever files are there, each described by its first comment line. */
#include "render.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "model.h"
#include "util.h"

static int by_string(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The kinds (sorted, malloc'd) there are starters for. */
static size_t kinds(const char *home, char ***out)
{
	char *path = xasprintf("%s/starters", home);
	DIR *dir = opendir(path);
	free(path);
	char **v = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	while (dir && (e = readdir(dir))) {
		size_t len = strlen(e->d_name);
		if (len < 6 || e->d_name[0] == '.' || strcmp(e->d_name + len - 5, ".yaml") != 0)
			continue;
		grow(&v, &cap, n + 1, sizeof *v);
		v[n++] = xstrndup(e->d_name, len - 5);
	}
	if (dir)
		closedir(dir);
	if (n)
		qsort(v, n, sizeof *v, by_string);
	*out = v;
	return n;
}

static void kinds_free(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* The starter's first line without "# ": what it is, in Vietnamese. */
static char *describe(const char *home, const char *kind)
{
	char *path = xasprintf("%s/starters/%s.yaml", home, kind);
	size_t len;
	char *text = read_file(path, (size_t)1 << 20, &len);
	free(path);
	if (!text)
		return xstrdup("");
	size_t end = strcspn(text, "\n");
	char *line = text[0] == '#' ? xstrndup(text + 1 + strspn(text + 1, " "), end - 1 - strspn(text + 1, " "))
				    : xstrdup("");
	free(text);
	return line;
}

int init_list(const char *home)
{
	char **v;
	size_t n = kinds(home, &v);
	for (size_t i = 0; i < n; i++) {
		char *d = describe(home, v[i]);
		printf("%-16s %s\n", v[i], d);
		free(d);
	}
	kinds_free(v, n);
	return n ? 0 : 3;
}

static void unknown(const char *home, const char *kind)
{
	char **v;
	size_t n = kinds(home, &v);
	struct buf list = {0};
	for (size_t i = 0; i < n; i++)
		buf_printf(&list, "%s%s", i ? ", " : "", v[i]);
	const char *near = model_did_you_mean(kind, (const char *const *)v, n);
	if (near)
		diag(STARTER_UNKNOWN_NEAR, NULL, kind, near, list.data);
	else
		diag(STARTER_UNKNOWN, NULL, kind, list.data);
	buf_free(&list);
	kinds_free(v, n);
}

/* A kind is a plain name, so it cannot name a file outside starters/. */
static bool plain(const char *kind)
{
	return kind[0] && strspn(kind, "abcdefghijklmnopqrstuvwxyz0123456789_-") == strlen(kind);
}

int init_starter(const char *home, const char *kind, const char *file)
{
	char *src = plain(kind) ? xasprintf("%s/starters/%s.yaml", home, kind) : NULL;
	size_t len = 0;
	char *text = src ? read_file(src, (size_t)1 << 20, &len) : NULL;
	free(src);
	if (!text) {
		unknown(home, kind);
		return diag_worst();
	}
	char *dflt = xasprintf("%s.yaml", kind);
	const char *to = file ? file : dflt;
	int fd = strcmp(to, "-") ? open(to, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644) : STDOUT_FILENO;
	if (fd < 0 && errno == EEXIST)
		diag(STARTER_EXISTS, NULL, to);
	else if (fd < 0)
		diag(STARTER_CANNOT_WRITE, NULL, to, strerror(errno));
	else {
		bool ok = write_all(fd, text, len) == 0;
		int e = errno;
		if (fd != STDOUT_FILENO && close(fd) != 0 && ok)
			ok = false, e = errno;
		if (!ok) {
			diag(STARTER_CANNOT_WRITE, NULL, to, strerror(e));
			if (fd != STDOUT_FILENO)
				unlink(to); /* no half a starter under its name */
		} else if (fd != STDOUT_FILENO) {
			diag(STARTER_WRITTEN, NULL, to, to);
		}
	}
	free(dflt);
	free(text);
	return diag_worst();
}
