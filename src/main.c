/* main.c — the command line: a command, then options and files in any
 * order (GNU getopt_long permutation; "--" ends the options). It sees only
 * the driver's header. */
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "render.h"
#include "util.h"

#define VERSION "0.1.0"

static void usage(FILE *f)
{
	fputs("usage: vanban render [-o DIR] [--dump] [--encoding NAME] [--allow-path DIR] FILE.yaml...\n"
	      "       vanban check [--encoding NAME] [--allow-path DIR] FILE.yaml...\n"
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
	      "--allow-path DIR  files a YAML file names (CSV, images) must be in its own\n"
	      "        folder; this allows DIR too (absolute paths or \"..\" into it)\n"
	      "\n"
	      "Options may come before or after the files; \"--\" ends them.\n"
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

enum command { CMD_RENDER, CMD_CHECK, CMD_CALIBRATE };

static const struct {
	const char *name;
	enum command cmd;
} commands[] = {
	{"render", CMD_RENDER},
	{"check", CMD_CHECK},
	{"calibrate", CMD_CALIBRATE},
};

/* Long options without a short form get codes above the char range. */
enum { OPT_DUMP = 256, OPT_ENCODING, OPT_ALLOW_PATH };

static const struct option long_options[] = {
	{"output", required_argument, NULL, 'o'},
	{"dump", no_argument, NULL, OPT_DUMP},
	{"encoding", required_argument, NULL, OPT_ENCODING},
	{"allow-path", required_argument, NULL, OPT_ALLOW_PATH},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

/* Parses the options after the command into *o; returns -1 to go on, or
 * the exit status. */
static int parse_options(int argc, char **argv, enum command cmd, struct render_opts *o)
{
	opterr = 0;
	int c;
	while ((c = getopt_long(argc, argv, ":o:h", long_options, NULL)) != -1) {
		switch (c) {
		case 'o':
			if (cmd == CMD_CHECK)
				goto unknown;
			o->outdir = optarg;
			break;
		case OPT_DUMP:
			if (cmd == CMD_CHECK)
				goto unknown;
			o->dump = true;
			break;
		case OPT_ENCODING:
			if (!text_legacy_name(optarg, &o->encoding)) {
				diag_text(DIAG_ERROR, NULL,
					  "unknown encoding \"%s\" (use utf-8, tcvn3, tcvn3h, vni or cp1258)", optarg);
				return 2;
			}
			break;
		case OPT_ALLOW_PATH:
			o->allow_paths = xrealloc(o->allow_paths, (o->nallow_paths + 1) * sizeof *o->allow_paths);
			o->allow_paths[o->nallow_paths++] = optarg;
			break;
		case 'h':
			usage(stdout);
			return 0;
		case ':':
			diag_text(DIAG_ERROR, NULL, "option \"%s\" needs a value (try --help)", argv[optind - 1]);
			return 2;
		default:
		unknown:
			diag_text(DIAG_ERROR, NULL, "unknown option \"%s\" (try --help)", argv[optind - 1]);
			return 2;
		}
	}
	return -1;
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
	size_t k = 0;
	while (k < sizeof commands / sizeof commands[0] && strcmp(commands[k].name, argv[1]) != 0)
		k++;
	if (k == sizeof commands / sizeof commands[0]) {
		diag_text(DIAG_ERROR, NULL, "unknown command \"%s\" (try --help)", argv[1]);
		return 2;
	}
	enum command cmd = commands[k].cmd;
	struct render_opts o = {.outdir = "output", .check_only = cmd == CMD_CHECK};
	int status = parse_options(argc - 1, argv + 1, cmd, &o);
	if (status >= 0)
		return status;
	char **files = argv + 1 + optind;
	int nfiles = argc - 1 - optind;
	if (nfiles == 0) {
		diag_text(DIAG_ERROR, NULL, "no input files (try --help)");
		return 2;
	}
	if (cmd == CMD_CALIBRATE && nfiles != 1) {
		diag_text(DIAG_ERROR, NULL, "calibrate takes one layout name");
		return 2;
	}
	char *home = find_home();
	o.home = home;
	status = cmd == CMD_CALIBRATE ? render_calibrate(&o, files[0]) : render_files(&o, files, nfiles);
	free(home);
	free(o.allow_paths);
	return status;
}
