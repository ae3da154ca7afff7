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

#define MM(x) ((int32_t)((x) * 72000.0 / 25.4 + 0.5)) /* millimetres -> millipoints */

#endif
