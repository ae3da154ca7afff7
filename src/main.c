/* main.c — the command line. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "render.h"
#include "render_cert.h"
#include "text.h"
#include "util.h"

#define VERSION "0.1.0"

static void usage(FILE *f)
{
	fputs("usage: vanban render [-o DIR] [--dump] [--encoding NAME] FILE.yaml...\n"
	      "       vanban check [--encoding NAME] FILE.yaml...\n"
	      "       vanban calibrate [-o DIR] [--dump] LAYOUT\n"
	      "       vanban --help | --version\n"
	      "\n"
	      "render  turns each input file's documents into PDFs in DIR (default output/)\n"
	      "        and writes DIR/manifest.tsv; --dump prints the display list instead\n"
	      "check   validates the files and reports problems, writing nothing\n"
	      "calibrate  writes DIR/calibrate-LAYOUT.pdf, a grid with a crosshair at each\n"
	      "        field of certificate layout LAYOUT, to measure a printer against a blank\n"
	      "--encoding NAME  reads files that declare no encoding as NAME: utf-8\n"
	      "        (default), tcvn3 (ABC), tcvn3h, vni (VNI-Windows) or cp1258\n"
	      "\n"
	      "Exit status: 0 ok, 1 warnings, 2 input errors, 3 system errors.\n"
	      "Environment: VANBAN_HOME (folder with fonts/ and layouts/), SOURCE_DATE_EPOCH.\n",
	      f);
}

static bool has_fontmap(const char *dir)
{
	char *p = xasprintf("%s/fonts/fontmap.tsv", dir);
	bool ok = access(p, R_OK) == 0;
	free(p);
	return ok;
}

/* fonts/ and layouts/ live beside the build folder (build/vanban or
 * build/san/vanban), unless VANBAN_HOME says otherwise. */
static char *find_home(void)
{
	const char *env = getenv("VANBAN_HOME");
	if (env && *env)
		return xstrdup(env);
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		for (int up = 0; up < 3; up++) {
			char *slash = strrchr(exe, '/');
			if (!slash)
				break;
			*slash = '\0';
			if (has_fontmap(exe))
				return xstrdup(exe);
		}
	}
	return xstrdup(".");
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return 2;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		usage(stdout);
		return 0;
	}
	if (!strcmp(argv[1], "--version")) {
		puts("vanban " VERSION);
		return 0;
	}
	struct render_opts o = {.outdir = "output"};
	bool calibrate = !strcmp(argv[1], "calibrate");
	if (!strcmp(argv[1], "check"))
		o.check_only = true;
	else if (strcmp(argv[1], "render") != 0 && !calibrate) {
		diag(DIAG_ERROR, NULL, "unknown command \"%s\" (try --help)", argv[1]);
		return 2;
	}
	int i = 2;
	for (; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "-o") && i + 1 < argc && !o.check_only)
			o.outdir = argv[++i];
		else if (!strcmp(argv[i], "--dump") && !o.check_only)
			o.dump = true;
		else if (!strcmp(argv[i], "--encoding") && i + 1 < argc) {
			if (!text_legacy_name(argv[++i], &o.encoding)) {
				diag(DIAG_ERROR, NULL, "unknown encoding \"%s\" (use utf-8, tcvn3, tcvn3h, vni or cp1258)",
				     argv[i]);
				return 2;
			}
		} else if (!strcmp(argv[i], "--")) {
			i++;
			break;
		} else {
			diag(DIAG_ERROR, NULL, "unknown option \"%s\" (try --help)", argv[i]);
			return 2;
		}
	}
	if (i >= argc) {
		diag(DIAG_ERROR, NULL, "no input files (try --help)");
		return 2;
	}
	char *home = find_home();
	o.home = home;
	int status = calibrate ? (argc - i == 1 ? render_calibrate(&o, argv[i])
					       : (diag(DIAG_ERROR, NULL, "calibrate takes one layout name"), 2))
			       : render_files(&o, argv + i, argc - i);
	free(home);
	return status;
}
