/* render_index.c — what a run leaves for people to look at: with
 * `render --preview`, page 1 of every PDF as DIR/preview/NAME.png at 60 dpi,
 * drawn by the helper program vanban-preview (preview.c), which alone links
 * poppler and cairo — started only here, so runs without --preview load
 * nothing of it, the files shared among one helper per core; then
 * DIR/index.html (index.c). */
#include "render_index.h"

#include <errno.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "diag.h"
#include "index.h"
#include "util.h"

extern char **environ;

#define PREVIEW_DPI "60"
#define MAX_HELPERS 8

static pid_t spawn(const char *helper, const char *dir, char **names, size_t n)
{
	char **argv = xcalloc(n + 4, sizeof *argv);
	argv[0] = (char *)helper;
	argv[1] = PREVIEW_DPI;
	argv[2] = (char *)dir;
	memcpy(argv + 3, names, n * sizeof *names);
	pid_t pid;
	int rc = posix_spawn(&pid, helper, NULL, NULL, argv, environ);
	free(argv);
	if (rc != 0) {
		diag(PREVIEW_CANNOT_RUN, NULL, helper, strerror(rc));
		return -1;
	}
	return pid;
}

static bool previews(const char *dir, char **names, size_t n)
{
	if (n == 0)
		return true;
	char *helper = home_helper("vanban-preview");
	if (!helper) {
		diag(PREVIEW_NO_HELPER, NULL);
		return false;
	}
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	size_t k = cpus < 1 ? 1 : cpus > MAX_HELPERS ? MAX_HELPERS : (size_t)cpus;
	if (k > (n + 19) / 20)
		k = (n + 19) / 20; /* a helper's start-up is worth about 20 pages */
	pid_t pid[MAX_HELPERS];
	size_t started = 0;
	for (size_t i = 0; i < k; i++) {
		size_t from = n * i / k, to = n * (i + 1) / k;
		pid_t p = spawn(helper, dir, names + from, to - from);
		if (p > 0)
			pid[started++] = p;
	}
	bool ok = started == k;
	for (size_t i = 0; i < started; i++) {
		int st;
		while (waitpid(pid[i], &st, 0) < 0 && errno == EINTR)
			;
		if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
			ok = false;
	}
	if (!ok && started == k)
		diag(PREVIEW_FAILED, NULL, helper);
	free(helper);
	return ok;
}

void render_index(struct outdir *od, struct manifest *m, const struct index_source *src, size_t nsrc,
		  bool preview)
{
	char *text = manifest_text(m);
	bool made = false;
	if (preview) {
		size_t n;
		char **names = index_pdfs(text, &n);
		made = previews(outdir_path(od), names, n);
		index_pdfs_free(names, n);
	}
	index_write(od, text, src, nsrc, made);
	free(text);
}
