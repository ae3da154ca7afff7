/* util.h — allocation that never returns NULL, and a growable byte buffer.
 * Allocation failure is fatal (one place), so callers never check for NULL. */
#ifndef VANBAN_UTIL_H
#define VANBAN_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Grow *arr (of element size elem) so that it holds at least need elements. */
void grow(void *arrp, size_t *cap, size_t need, size_t elem);

/* A growable byte buffer; data is always NUL-terminated. */
struct buf {
	char *data;
	size_t len, cap;
};

void buf_add(struct buf *b, const void *p, size_t n);
void buf_addc(struct buf *b, char c);
void buf_adds(struct buf *b, const char *s);
void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_vprintf(struct buf *b, const char *fmt, va_list ap);
char *buf_steal(struct buf *b); /* returns data (never NULL) and resets b */
void buf_free(struct buf *b);

/* Writes all n bytes to fd, retrying short writes and EINTR. Returns 0,
 * or -1 with errno set (EIO if write made no progress). */
int write_all(int fd, const void *data, size_t n);

/* Reads a whole file; returns NULL and sets errno on failure or if it is larger than max. */
char *read_file(const char *path, size_t max, size_t *len);

/* Where vanban's own files are (home.c); each result is malloc'd.
 * home_dir: the folder with fonts/, layouts/ and starters/: $VANBAN_HOME,
 *   else the build tree or PREFIX/share/vanban found from the program's
 *   path; NULL if neither.
 * home_installed: the same ignoring $VANBAN_HOME; NULL if not found.
 * home_searched: where home_installed looked, for the message saying so.
 * home_locale_dir: the folder for bindtextdomain (BUILD/locale beside the
 *   program, or PREFIX/share/locale); NULL if no catalogue is there.
 * home_helper: the path of helper program NAME beside the program or in
 *   PREFIX/libexec/vanban; NULL if there is none. */
char *home_dir(void);
char *home_installed(void);
char *home_searched(void);
char *home_locale_dir(void);
char *home_helper(const char *name);

#define MM(x) ((int32_t)((x) * 72000.0 / 25.4 + 0.5)) /* millimetres -> millipoints */

#endif
