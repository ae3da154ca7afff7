/* main.c — the command line: a command, then options and files in any
 * order (GNU getopt_long permutation; "--" ends the options). It sees only
 * the driver's header. */
#include <errno.h>
#include <getopt.h>
#include <libintl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "render.h"
#include "util.h"

#define VERSION "0.1.0"

/* --help: one translatable entry a paragraph, so that a new option adds
 * one entry (and one msgid in po/vi.po). */
static const char *const usage_text[] = {
	N_("usage: vanban render [-o DIR] [-j N] [--shard K/N] [--dump] [--encoding NAME] [--layouts DIR] [--printer NAME] [--preview] FILE.yaml...\n"
	   "       vanban check [--encoding NAME] [--layouts DIR] FILE.yaml...\n"
	   "       vanban calibrate [-o DIR] [--dump] [--printer NAME] LAYOUT|FILE.yaml\n"
	   "       vanban init KIND [FILE.yaml] | init --list\n"
	   "       vanban manifest merge MANIFEST.tsv...\n"
	   "       vanban --help | --version\n\n"),
	N_("render  turns each input file's documents into PDFs in DIR (default output/)\n"
	   "        and writes DIR/manifest.tsv; --dump prints the display list instead,\n"
	   "        --dump-positions with each text's source line:column and the record\n"),
	N_("check   validates the files and reports problems, writing nothing\n"),
	N_("calibrate  writes DIR/calibrate-LAYOUT.pdf, a grid with a crosshair at each\n"
	   "        field of certificate layout LAYOUT, to measure a printer against a blank\n"),
	N_("init    writes a commented starter file for KIND (minutes, decision, awards …;\n"
	   "        --list shows them) to FILE (default KIND.yaml) that renders as it is\n"),
	N_("manifest merge  prints the manifests of several shards' folders as one\n"),
	N_("-j N    renders N PDFs at a time (default: the number of CPUs); the output\n"
	   "        is the same for every N\n"),
	N_("--shard K/N  renders only the K-th of N parts of the work (by document and\n"
	   "        recipient); the N parts' folders together hold what one run writes\n"),
	N_("--keep-stale  keeps (and lists) PDFs an earlier run wrote from the same\n"
	   "        inputs that this run did not write; by default they are removed\n"),
	N_("--pdfa  writes every PDF as an archival copy, PDF/A-1b (volumes always are)\n"),
	N_("--print-part N  puts at most N certificates in each print file (default 1000)\n"),
	N_("-v, --verbose  prints every per-record note instead of counting them\n"),
	N_("--encoding NAME  reads files that declare no encoding as NAME: utf-8\n"
	   "        (default), tcvn3 (ABC), tcvn3h, vni (VNI-Windows) or cp1258\n"),
	N_("--layouts DIR  looks for layouts there after the input file's folder\n"
	   "        (then VANBAN_HOME's and the installed layouts)\n"),
	N_("--preview  also writes DIR/preview/NAME.png, page 1 of each PDF at 60 dpi,\n"
	   "        shown in DIR/index.html (which lists every PDF of the run)\n"),
	N_("--printer NAME  prints blank certificates with printer profile\n"
	   "        printer-NAME.yaml instead of the layout's own\n"),
	N_("--allow-path DIR  files a YAML file names (CSV lists, images) must be in\n"
	   "        its folder; this allows DIR too (repeatable)\n"),
	N_("\nOptions may come before or after the files; \"--\" ends them.\n"),
	N_("Exit status: 0 ok, 1 warnings, 2 input errors, 3 system errors.\n"),
	N_("Environment: VANBAN_HOME (folder with fonts/ and layouts/), SOURCE_DATE_EPOCH,\n"
	   "LANGUAGE or LANG (vi: messages in Vietnamese).\n"),
};

static void usage(FILE *f)
{
	for (size_t i = 0; i < sizeof usage_text / sizeof usage_text[0]; i++)
		fputs(gettext(usage_text[i]), f);
}

enum command { CMD_RENDER, CMD_CHECK, CMD_CALIBRATE, CMD_INIT, CMD_MANIFEST };

static const struct {
	const char *name;
	enum command cmd;
} commands[] = {
	{"render", CMD_RENDER},
	{"check", CMD_CHECK},
	{"calibrate", CMD_CALIBRATE},
	{"init", CMD_INIT},
	{"manifest", CMD_MANIFEST},
};

/* Long options without a short form get codes above the char range. */
enum { OPT_DUMP = 256, OPT_ENCODING, OPT_DUMP_POSITIONS, OPT_LAYOUTS, OPT_PRINTER, OPT_LIST, OPT_PREVIEW, OPT_ALLOW_PATH,
       OPT_SHARD, OPT_KEEP_STALE, OPT_PRINT_PART, OPT_PDFA };

static const struct option long_options[] = {
	{"output", required_argument, NULL, 'o'},
	{"dump", no_argument, NULL, OPT_DUMP},
	{"dump-positions", no_argument, NULL, OPT_DUMP_POSITIONS},
	{"encoding", required_argument, NULL, OPT_ENCODING},
	{"layouts", required_argument, NULL, OPT_LAYOUTS},
	{"printer", required_argument, NULL, OPT_PRINTER},
	{"list", no_argument, NULL, OPT_LIST},
	{"preview", no_argument, NULL, OPT_PREVIEW},
	{"allow-path", required_argument, NULL, OPT_ALLOW_PATH},
	{"jobs", required_argument, NULL, 'j'},
	{"shard", required_argument, NULL, OPT_SHARD},
	{"keep-stale", no_argument, NULL, OPT_KEEP_STALE},
	{"pdfa", no_argument, NULL, OPT_PDFA},
	{"print-part", required_argument, NULL, OPT_PRINT_PART},
	{"verbose", no_argument, NULL, 'v'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

/* A whole decimal number in [lo, hi], or -1. */
static long number_in(const char *s, long lo, long hi)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	return errno || end == s || *end || v < lo || v > hi ? -1 : v;
}

/* "K/N" with 1 <= K <= N <= 100000. */
static bool parse_shard(const char *s, struct render_opts *o)
{
	const char *slash = strchr(s, '/');
	if (!slash)
		return false;
	char *k = xstrndup(s, (size_t)(slash - s));
	long kv = number_in(k, 1, 100000), nv = number_in(slash + 1, 1, 100000);
	free(k);
	if (kv < 0 || nv < 0 || kv > nv)
		return false;
	o->shard_k = (int)kv;
	o->shard_n = (int)nv;
	return true;
}

/* The batch options (-j, --shard, --print-part); false after a diag(). */
static bool batch_option(int c, const char *arg, struct render_opts *o)
{
	long v;
	switch (c) {
	case 'j':
		if ((v = number_in(arg, 1, 64)) < 0) {
			diag(BAD_JOBS, NULL, arg);
			return false;
		}
		o->jobs = (int)v;
		return true;
	case OPT_SHARD:
		if (!parse_shard(arg, o)) {
			diag(BAD_SHARD, NULL, arg);
			return false;
		}
		return true;
	default: /* OPT_PRINT_PART */
		if ((v = number_in(arg, 1, 30000)) < 0) {
			diag(BAD_PRINT_PART, NULL, arg);
			return false;
		}
		o->print_part = (int)v;
		return true;
	}
}

/* Parses the options after the command into *o; returns -1 to go on, or
 * the exit status. */
static int parse_options(int argc, char **argv, enum command cmd, struct render_opts *o)
{
	opterr = 0;
	int c;
	while ((c = getopt_long(argc, argv, ":o:j:vh", long_options, NULL)) != -1) {
		switch (c) {
		case 'j':
		case OPT_SHARD:
		case OPT_PRINT_PART:
			if (!batch_option(c, optarg, o))
				return 2;
			break;
		case OPT_KEEP_STALE:
			o->keep_stale = true;
			break;
		case OPT_PDFA:
			o->pdfa = true;
			break;
		case 'v':
			o->verbose = true;
			break;
		case 'o':
			if (cmd == CMD_CHECK)
				goto unknown;
			o->outdir = optarg;
			break;
		case OPT_DUMP:
		case OPT_DUMP_POSITIONS:
			if (cmd == CMD_CHECK)
				goto unknown;
			o->dump = true;
			o->dump_positions = c == OPT_DUMP_POSITIONS;
			break;
		case OPT_ENCODING:
			if (!text_legacy_name(optarg, &o->encoding)) {
				diag(UNKNOWN_ENCODING, NULL, optarg);
				return 2;
			}
			break;
		case OPT_ALLOW_PATH:
			o->allow_paths = xrealloc(o->allow_paths, (o->nallow_paths + 1) * sizeof *o->allow_paths);
			o->allow_paths[o->nallow_paths++] = optarg;
			break;
		case OPT_LIST:
			if (cmd != CMD_INIT)
				goto unknown;
			o->list = true;
			break;
		case OPT_PREVIEW:
			if (cmd != CMD_RENDER)
				goto unknown;
			o->preview = true;
			break;
		case OPT_LAYOUTS:
			o->layouts = optarg;
			break;
		case OPT_PRINTER:
			o->printer = optarg;
			break;
		case 'h':
			usage(stdout);
			return 0;
		case ':':
			diag(OPTION_NEEDS_VALUE, NULL, argv[optind - 1]);
			return 2;
		default:
		unknown:
			diag(UNKNOWN_OPTION, NULL, argv[optind - 1]);
			return 2;
		}
	}
	return -1;
}

static int run(enum command cmd, const struct render_opts *o, char **files, int nfiles)
{
	switch (cmd) {
	case CMD_CALIBRATE:
		return render_calibrate(o, files[0]);
	case CMD_INIT:
		return o->list ? init_list(o->home) : init_starter(o->home, files[0], nfiles > 1 ? files[1] : NULL);
	default:
		return render_files(o, files, nfiles);
	}
}

int main(int argc, char **argv)
{
	char *localedir = home_locale_dir(); /* NULL: no catalogue, English */
	diag_set_language(localedir ? localedir : "/nonexistent");
	free(localedir);
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
		diag(UNKNOWN_COMMAND, NULL, argv[1]);
		return 2;
	}
	enum command cmd = commands[k].cmd;
	if (cmd == CMD_MANIFEST) {
		if (argc < 4 || strcmp(argv[2], "merge") != 0) {
			diag(UNKNOWN_COMMAND, NULL, argc < 3 ? "manifest" : argv[2]);
			return 2;
		}
		return render_manifest_merge(argv + 3, argc - 3);
	}
	struct render_opts o = {.outdir = "output", .check_only = cmd == CMD_CHECK};
	int status = parse_options(argc - 1, argv + 1, cmd, &o);
	if (status >= 0)
		return status;
	char **files = argv + 1 + optind;
	int nfiles = argc - 1 - optind;
	if (cmd == CMD_INIT && (o.list ? nfiles != 0 : nfiles < 1 || nfiles > 2)) {
		diag(INIT_USAGE, NULL);
		return 2;
	}
	if (nfiles == 0 && cmd != CMD_INIT) {
		diag(NO_INPUT_FILES, NULL);
		return 2;
	}
	if (cmd == CMD_CALIBRATE && nfiles != 1) {
		diag(CALIBRATE_ONE_LAYOUT, NULL);
		return 2;
	}
	char *home = home_dir(), *installed = home_installed();
	if (!home) {
		char *where = home_searched();
		diag(HOME_NOT_FOUND, NULL, where);
		free(where);
		return 3;
	}
	o.home = home;
	o.installed = installed;
	status = run(cmd, &o, files, nfiles);
	free(o.allow_paths);
	free(home);
	free(installed);
	return status;
}
