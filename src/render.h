/* render.h — one run: input files through every stage to PDFs in an
 * output folder, and the manifest of what was written. */
#ifndef VANBAN_RENDER_H
#define VANBAN_RENDER_H

#include <stdbool.h>

#include "text.h"

struct render_env;

struct render_opts {
	const char *home;    /* folder holding fonts/ and layouts/ (home_dir) */
	const char *installed; /* the installed data folder (home_installed), or NULL */
	const char *layouts; /* --layouts DIR: searched after the input's folder, or NULL */
	const char *printer; /* --printer NAME: the printer profile for blanks, or NULL */
	const char *outdir;  /* default "output" */
	bool check_only;     /* validate and report, write nothing */
	bool dump;           /* print the display list instead of writing PDFs */
	bool dump_positions; /* with source positions and the document record */
	bool list;           /* init --list: the kinds there are starters for */
	bool preview;        /* --preview: DIR/preview/NAME.png of page 1 of each PDF */
	enum legacy_enc encoding; /* of files that declare none; LEGACY_NONE = UTF-8 */
	int jobs;            /* PDFs rendered in parallel; 0 = the online CPUs */
	int shard_k, shard_n; /* render shard K of N (1-based); N <= 1: everything */
	bool pdfa;           /* --pdfa: every PDF an archival copy (PDF/A-1b) */
	bool keep_stale;     /* keep (and list) PDFs an earlier run wrote that this one did not */
	bool verbose;        /* print per-record notes instead of counting them */
	int print_part;      /* pages per certificate print file; 0 = the default */
	const char **allow_paths; /* --allow-path: folders inputs may name besides their own */
	int nallow_paths;
	struct render_env *env; /* fonts and PDF context lent to every run (the fuzzer); NULL: made per run */
};

/* The fonts and PDF context of a run, made once and lent through
 * render_opts.env to many runs with the same home, dump and pdfa (the
 * fuzzer: opening and subsetting the fonts is most of a small run).
 * Returns NULL after a diag(). */
struct render_env *render_env_new(const struct render_opts *o);
void render_env_free(struct render_env *env);

/* Renders every document of every file. Returns the exit status: the
 * worst diagnostic level seen (0 ok, 1 warnings, 2 input errors, 3 system). */
int render_files(const struct render_opts *o, char **files, int nfiles);

/* `vanban manifest merge FILE...`: the rows of several manifests (shards'
 * folders) as one manifest on stdout, sorted as a run writes them; a file
 * listed twice with different contents is an error. Returns the status. */
int render_manifest_merge(char **files, int nfiles);

/* Writes the calibration sheet of a certificate layout (render_cert.c);
 * returns the exit status. */
int render_calibrate(const struct render_opts *o, const char *layout);

/* `vanban init KIND [FILE]` (init.c): copies the starter of KIND from
 * the home's starters/ to FILE (default KIND.yaml; "-" is standard output),
 * never over an existing file. Returns the exit status. */
int init_starter(const char *home, const char *kind, const char *file);
/* Prints each kind and what it is; returns the exit status. */
int init_list(const char *home);

#endif
