/* load_file.h — the one way input files are opened: the YAML files named on
 * the command line, and every file a YAML file names (CSV lists, images,
 * scans, layouts beside the input).
 *
 * A file a YAML file names is resolved relative to that file's folder and
 * may not leave it: no absolute path, no ".." above it, no symbolic link
 * out of it, unless a folder given with --allow-path holds it. It is opened
 * with openat2(RESOLVE_BENEATH) where the kernel has it (an equivalent walk
 * where not), O_NONBLOCK (a FIFO cannot hang the run) and refused unless it
 * is a regular file, before a byte is read. */
#ifndef VANBAN_LOAD_FILE_H
#define VANBAN_LOAD_FILE_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

/* Widens the root: files inside DIR (and below) may also be named, by an
 * absolute path or a relative one that leads there. Call before loading;
 * returns false after one diag() if DIR is not a folder. */
bool load_file_allow(const char *dir);
/* Forgets every allowed folder (tests, the fuzzer). */
void load_file_allow_reset(void);

/* A table of files held in memory (the fuzzer, tests). While one is set,
 * every file is looked up in it by its path as written (the YAML files on
 * the command line too) and nothing is opened; the same path rules apply.
 * The table is borrowed; NULL restores the file system. */
struct load_vfile {
	const char *name;
	const void *data;
	size_t len;
};
void load_file_virtual(const struct load_vfile *files, size_t n);

/* Tests: take the walk that stands in for openat2 on older kernels. */
void load_file_force_walk(bool on);

/* Reads the file NAME that the YAML file at yaml_path names at pos; what
 * says what it is for messages ("CSV file", "seal"). Returns the bytes
 * (malloc'd, NUL-terminated, *len without the NUL) and sets *shown (when
 * not NULL) to the path to show in messages (the YAML's folder joined with
 * NAME; malloc'd). Returns NULL after one DIAG_ERROR at pos naming the file
 * and what is wrong (outside the folder, missing, not a regular file,
 * larger than max). */
char *load_file_read(const char *yaml_path, const char *name, const struct srcpos *pos,
		     const char *what, size_t max, size_t *len, char **shown);

/* Reads a file named on the command line (no root: the user chose it), with
 * the same O_NONBLOCK and regular-file rules. Returns NULL after one diag()
 * with the file as position: DIAG_ERROR when it is too large or not a
 * regular file, DIAG_SYSERR when it cannot be read. */
char *load_file_read_arg(const char *path, size_t max, size_t *len);

/* Quotes at most the first 60 characters of text from a file that failed to
 * parse (malloc'd, "…" appended when cut), so that a message never prints a
 * whole line of whatever the file held. */
char *load_file_excerpt(const char *s, size_t len);

#endif
