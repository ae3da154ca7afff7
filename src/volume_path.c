/* volume_path.c — see volume_path.h. */
#include "volume_path.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

static bool climbs(const char *p)
{
	for (const char *s = p; *s;) {
		size_t n = strcspn(s, "/");
		if (n == 2 && s[0] == '.' && s[1] == '.')
			return true;
		s += n;
		s += strspn(s, "/");
	}
	return false;
}

/* A path that exists must resolve inside the folder (no symlink out). */
static bool stays_inside(const char *dir, const char *path)
{
	char *rdir = realpath(dir, NULL), *rpath = realpath(path, NULL);
	bool ok = !rpath || (rdir && !strncmp(rpath, rdir, strlen(rdir)) &&
			     rpath[strlen(rdir)] == '/');
	free(rdir);
	free(rpath);
	return ok;
}

char *volume_path(const char *from_file, const struct text *rel)
{
	const char *slash = strrchr(from_file, '/');
	char *dir = slash ? xstrndup(from_file, (size_t)(slash - from_file)) : xstrdup(".");
	if (rel->s[0] == '/' || !rel->s[0] || climbs(rel->s)) {
		diag(VOLUME_PATH, &rel->pos, rel->s);
		free(dir);
		return NULL;
	}
	char *path = slash ? xasprintf("%s/%s", dir, rel->s) : xstrdup(rel->s);
	if (!stays_inside(dir, path)) {
		diag(VOLUME_PATH, &rel->pos, rel->s);
		free(path);
		path = NULL;
	}
	free(dir);
	return path;
}
