/* render.h — one run: input files through every stage to PDFs in an
 * output folder, and the manifest of what was written. */
#ifndef VANBAN_RENDER_H
#define VANBAN_RENDER_H

#include <stdbool.h>

#include "text.h"

struct render_opts {
	const char *home;    /* folder holding fonts/ and layouts/ */
	const char *outdir;  /* default "output" */
	bool check_only;     /* validate and report, write nothing */
	bool dump;           /* print the display list instead of writing PDFs */
	enum legacy_enc encoding; /* of files that declare none; LEGACY_NONE = UTF-8 */
	const char **allow_paths; /* --allow-path: folders inputs may name besides their own */
	int nallow_paths;
};

/* Renders every document of every file. Returns the exit status: the
 * worst diagnostic level seen (0 ok, 1 warnings, 2 input errors, 3 system). */
int render_files(const struct render_opts *o, char **files, int nfiles);

/* Writes the calibration sheet of a certificate layout (render_cert.c);
 * returns the exit status. */
int render_calibrate(const struct render_opts *o, const char *layout);

#endif
