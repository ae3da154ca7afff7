/* home.c — where vanban finds its own files (fonts, layouts, starters,
 * message catalogues, helper programs), from the program's own path, so
 * that a build and an installed copy both work from any folder:
 *
 *   build tree   build/vanban, build/san/vanban  → the repository (two up)
 *   installed    PREFIX/bin/vanban               → PREFIX/share/vanban
 *
 * VANBAN_HOME, when set, names the data folder instead. The paths are
 * left as found ("build/.."): they are only opened, and shown when
 * nothing is there. */
#include "util.h"

#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The folder the running program is in, or NULL without /proc. */
static char *exe_dir(void)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0)
		return NULL;
	exe[n] = '\0';
	char *slash = strrchr(exe, '/');
	if (!slash)
		return NULL;
	*slash = '\0';
	return xstrdup(exe);
}

/* The first of dir/rel[i] that holds probe, as a malloc'd path, or NULL. */
static char *first_with(const char *dir, const char *const *rel, size_t n, const char *probe)
{
	for (size_t i = 0; dir && i < n; i++) {
		char *cand = xasprintf("%s/%s", dir, rel[i]);
		char *p = xasprintf("%s/%s", cand, probe);
		bool ok = access(p, R_OK) == 0;
		free(p);
		if (ok)
			return cand;
		free(cand);
	}
	return NULL;
}

static const char *const data_rel[] = {"..", "../..", "../share/vanban"};

char *home_installed(void)
{
	char *dir = exe_dir();
	char *home = first_with(dir, data_rel, sizeof data_rel / sizeof data_rel[0], "fonts/fontmap.tsv");
	free(dir);
	return home;
}

char *home_dir(void)
{
	const char *env = getenv("VANBAN_HOME");
	if (env && *env)
		return xstrdup(env);
	return home_installed();
}

char *home_searched(void)
{
	struct buf b = {0};
	char *dir = exe_dir();
	for (size_t i = 0; dir && i < sizeof data_rel / sizeof data_rel[0]; i++)
		buf_printf(&b, "%s%s/%s", i ? ", " : "", dir, data_rel[i]);
	free(dir);
	if (!b.len)
		buf_adds(&b, "(the program's own folder is unknown)");
	return buf_steal(&b);
}

char *home_locale_dir(void)
{
	static const char *const rel[] = {"locale", "../locale", "../share/locale"};
	char *dir = exe_dir();
	char *loc = first_with(dir, rel, sizeof rel / sizeof rel[0], "vi/LC_MESSAGES/vanban.mo");
	free(dir);
	return loc;
}

char *home_helper(const char *name)
{
	static const char *const rel[] = {".", "../libexec/vanban"};
	char *dir = exe_dir();
	char *at = first_with(dir, rel, sizeof rel / sizeof rel[0], name);
	free(dir);
	if (!at)
		return NULL;
	char *p = xasprintf("%s/%s", at, name);
	free(at);
	return p;
}
