/* load_file.c — every input file opened the same way (load_file.h). */
#include "load_file.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/openat2.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "text.h"
#include "util.h"

#define OPEN_FLAGS (O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
#define MAX_LINKS 40 /* as the kernel's own limit on symbolic links in a path */
#define EXCERPT_CHARS 60

/* Folders --allow-path added, as real paths without a trailing slash. */
static char **allowed;
static size_t nallowed, capallowed;

static const struct load_vfile *vfiles;
static size_t nvfiles;
static bool force_walk;

bool load_file_allow(const char *dir)
{
	char *real = realpath(dir, NULL);
	struct stat st;
	if (!real || stat(real, &st) < 0 || !S_ISDIR(st.st_mode)) {
		diag(ALLOW_PATH_BAD, NULL, dir, real ? strerror(ENOTDIR) : strerror(errno));
		free(real);
		return false;
	}
	grow(&allowed, &capallowed, nallowed + 1, sizeof *allowed);
	allowed[nallowed++] = real;
	return true;
}

void load_file_allow_reset(void)
{
	for (size_t i = 0; i < nallowed; i++)
		free(allowed[i]);
	free(allowed);
	allowed = NULL;
	nallowed = capallowed = 0;
}

void load_file_virtual(const struct load_vfile *files, size_t n)
{
	vfiles = files;
	nvfiles = files ? n : 0;
}

void load_file_force_walk(bool on)
{
	force_walk = on;
}

/* ---- paths as text ------------------------------------------------------ */

enum where { INSIDE, ABSOLUTE, ABOVE };

/* Where NAME points, read as text: inside its base folder, absolute, or
 * (through "..") above it. */
static enum where where_is(const char *name)
{
	if (name[0] == '/')
		return ABSOLUTE;
	int depth = 0;
	for (const char *p = name; *p;) {
		size_t n = strcspn(p, "/");
		if (n == 2 && p[0] == '.' && p[1] == '.') {
			if (--depth < 0)
				return ABOVE;
		} else if (n > 0 && !(n == 1 && p[0] == '.')) {
			depth++;
		}
		p += n;
		while (*p == '/')
			p++;
	}
	return INSIDE;
}

/* BASE/NAME with ".", ".." and repeated slashes taken out (NAME absolute:
 * NAME alone); BASE is absolute. */
static char *normalised(const char *base, const char *name)
{
	char *joined = name[0] == '/' ? xstrdup(name) : xasprintf("%s/%s", base, name);
	char *out = xmalloc(strlen(joined) + 2);
	size_t len = 0;
	for (const char *p = joined; *p;) {
		while (*p == '/')
			p++;
		size_t n = strcspn(p, "/");
		if (n == 0 || (n == 1 && p[0] == '.')) {
			/* nothing */
		} else if (n == 2 && p[0] == '.' && p[1] == '.') {
			while (len > 0 && out[--len] != '/')
				;
		} else {
			out[len++] = '/';
			memcpy(out + len, p, n);
			len += n;
		}
		p += n;
	}
	if (len == 0)
		out[len++] = '/';
	out[len] = '\0';
	free(joined);
	return out;
}

/* The folder part of a path ("." for a bare file name). */
static char *folder_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

/* ---- opening beneath a folder ------------------------------------------- */

/* The stand-in for RESOLVE_BENEATH: one component at a time, never
 * following a link blindly; ".." may not climb above rootfd and a link may
 * not be absolute. Returns an fd or -1 with errno (EXDEV when the path
 * leaves the folder). */
static int walk_beneath(int rootfd, const char *rel)
{
	int stack[PATH_MAX / 2];
	int depth = 0, links = 0;
	char *rest = xstrdup(rel);
	char *p = rest;
	int fd = -1, err = 0;
	for (;;) {
		while (*p == '/')
			p++;
		size_t n = strcspn(p, "/");
		bool last = p[n] == '\0' || p[n + strspn(p + n, "/")] == '\0';
		char comp[NAME_MAX + 1];
		if (n > NAME_MAX) {
			err = ENAMETOOLONG;
			break;
		}
		memcpy(comp, p, n);
		comp[n] = '\0';
		p += n;
		int cur = depth ? stack[depth - 1] : rootfd;
		if (n == 0 || !strcmp(comp, ".")) {
			if (!*p || last) {
				fd = openat(cur, ".", OPEN_FLAGS);
				err = fd < 0 ? errno : 0;
				break;
			}
			continue;
		}
		if (!strcmp(comp, "..")) {
			if (depth == 0) {
				err = EXDEV;
				break;
			}
			close(stack[--depth]);
			if (last) {
				fd = openat(depth ? stack[depth - 1] : rootfd, ".", OPEN_FLAGS);
				err = fd < 0 ? errno : 0;
				break;
			}
			continue;
		}
		struct stat st;
		if (fstatat(cur, comp, &st, AT_SYMLINK_NOFOLLOW) < 0) {
			err = errno;
			break;
		}
		if (S_ISLNK(st.st_mode)) {
			char target[PATH_MAX];
			ssize_t k = readlinkat(cur, comp, target, sizeof target - 1);
			if (k <= 0 || ++links > MAX_LINKS) {
				err = k <= 0 ? errno : ELOOP;
				break;
			}
			target[k] = '\0';
			if (target[0] == '/') {
				err = EXDEV;
				break;
			}
			char *next = xasprintf("%s/%s", target, p);
			free(rest);
			rest = p = next;
			continue;
		}
		if (last) {
			fd = openat(cur, comp, OPEN_FLAGS | O_NOFOLLOW);
			err = fd < 0 ? errno : 0;
			break;
		}
		if ((size_t)depth >= sizeof stack / sizeof *stack) {
			err = ENAMETOOLONG;
			break;
		}
		int d = openat(cur, comp, O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		if (d < 0) {
			err = errno;
			break;
		}
		stack[depth++] = d;
	}
	while (depth > 0)
		close(stack[--depth]);
	free(rest);
	errno = err;
	return fd;
}

static int open_beneath(int rootfd, const char *rel)
{
	if (!force_walk) {
		struct open_how how = {.flags = OPEN_FLAGS,
				       .resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS};
		int fd = (int)syscall(SYS_openat2, rootfd, rel, &how, sizeof how);
		if (fd >= 0 || (errno != ENOSYS && errno != EPERM))
			return fd; /* EPERM: a seccomp filter that does not know openat2 */
	}
	return walk_beneath(rootfd, rel);
}

/* Opens REL beneath the folder DIR. */
static int open_in(const char *dir, const char *rel)
{
	int rootfd = open(dir, O_PATH | O_DIRECTORY | O_CLOEXEC);
	if (rootfd < 0)
		return -1;
	int fd = open_beneath(rootfd, rel);
	int e = errno;
	close(rootfd);
	errno = e;
	return fd;
}

/* Opens NAME (relative to BASE, or absolute) inside an --allow-path folder;
 * -1 with errno EXDEV when none holds it. */
static int open_allowed(const char *base, const char *name)
{
	if (!nallowed) {
		errno = EXDEV;
		return -1;
	}
	char *real_base = realpath(base, NULL);
	if (!real_base)
		return -1;
	char *abs = normalised(real_base, name);
	free(real_base);
	/* a link inside the YAML's folder may lead into an allowed one */
	char *real = realpath(abs, NULL);
	int fd = -1;
	errno = EXDEV;
	for (size_t i = 0; i < nallowed && fd < 0; i++) {
		size_t n = strlen(allowed[i]);
		const char *cands[2] = {abs, real};
		for (int c = 0; c < 2 && fd < 0; c++) {
			const char *p = cands[c];
			if (!p || strncmp(p, allowed[i], n) || (p[n] != '/' && !(n == 1 && p[0] == '/')))
				continue;
			fd = open_in(allowed[i], p[n] == '/' ? p + n + 1 : p + n);
		}
	}
	int e = errno;
	free(abs);
	free(real);
	errno = e;
	return fd;
}

/* ---- reading ------------------------------------------------------------ */

static const char *kind_of(mode_t m)
{
	return S_ISDIR(m) ? N_("a folder") : S_ISFIFO(m) ? N_("a FIFO") : S_ISSOCK(m) ? N_("a socket")
	       : S_ISCHR(m) || S_ISBLK(m) ? N_("a device") : N_("something else");
}

enum read_fail { READ_OK, READ_NOT_REGULAR, READ_TOO_LARGE, READ_ERRNO };

/* Reads an open fd whole (closing it); *mode is its type for messages. */
static char *read_fd(int fd, size_t max, size_t *len, enum read_fail *why, mode_t *mode)
{
	struct stat st;
	char *data = NULL;
	*why = READ_ERRNO;
	if (fstat(fd, &st) < 0) {
		/* errno is the answer */
	} else if (!S_ISREG(st.st_mode)) {
		*why = READ_NOT_REGULAR;
		*mode = st.st_mode;
	} else if ((uint64_t)st.st_size > max) {
		*why = READ_TOO_LARGE;
	} else {
		struct buf b = {0};
		grow(&b.data, &b.cap, (size_t)st.st_size + 1, 1);
		b.data[0] = '\0';
		for (;;) {
			char chunk[65536];
			ssize_t n = read(fd, chunk, sizeof chunk);
			if (n < 0 && errno == EINTR)
				continue;
			if (n <= 0) {
				if (n == 0) {
					*why = READ_OK;
					*len = b.len;
					data = buf_steal(&b);
				}
				break;
			}
			if (b.len + (size_t)n > max) { /* it grew while we read */
				*why = READ_TOO_LARGE;
				break;
			}
			buf_add(&b, chunk, (size_t)n);
		}
		buf_free(&b);
	}
	int e = errno;
	close(fd);
	errno = e;
	return data;
}

static const struct load_vfile *vfile_find(const char *name)
{
	while (name[0] == '.' && name[1] == '/')
		name += 2;
	for (size_t i = 0; i < nvfiles; i++)
		if (!strcmp(vfiles[i].name, name))
			return &vfiles[i];
	return NULL;
}

static char *vfile_read(const char *name, size_t max, size_t *len, enum read_fail *why)
{
	const struct load_vfile *v = vfile_find(name);
	if (!v) {
		errno = ENOENT;
		*why = READ_ERRNO;
		return NULL;
	}
	if (v->len > max) {
		*why = READ_TOO_LARGE;
		return NULL;
	}
	*why = READ_OK;
	*len = v->len;
	char *data = xmalloc(v->len + 1);
	if (v->len)
		memcpy(data, v->data, v->len);
	data[v->len] = '\0';
	return data;
}

static void size_words(size_t max, char out[32])
{
	if (max >= ((size_t)1 << 20) && max % ((size_t)1 << 20) == 0)
		snprintf(out, 32, "%zu MiB", max >> 20);
	else if (max >= 1024 && max % 1024 == 0)
		snprintf(out, 32, "%zu KiB", max >> 10);
	else
		snprintf(out, 32, "%zu bytes", max);
}

char *load_file_read(const char *yaml_path, const char *name, const struct srcpos *pos,
		     const char *what, size_t max, size_t *len, char **shown)
{
	char *base = folder_of(yaml_path);
	char *show = name[0] == '/' || !strcmp(base, ".") ? xstrdup(name) : xasprintf("%s/%s", base, name);
	enum where w = where_is(name);
	char *data = NULL;
	enum read_fail why = READ_ERRNO;
	mode_t mode = 0;
	int fd = -1;
	errno = EXDEV;
	if (vfiles) {
		if (w == INSIDE) { /* looked up as BASE/NAME with "." and ".." taken out */
			char *n = normalised("/", name);
			char *key = !strcmp(base, ".") ? xstrdup(n + 1) : xasprintf("%s%s", base, n);
			data = vfile_read(key, max, len, &why);
			free(key);
			free(n);
		}
	} else {
		fd = w == INSIDE ? open_in(base, name) : -1;
		if (fd < 0 && errno == EXDEV)
			fd = open_allowed(base, name);
		if (fd >= 0)
			data = read_fd(fd, max, len, &why, &mode);
	}
	if (!data) {
		char size[32];
		if (why == READ_NOT_REGULAR)
			diag(PATH_NOT_REGULAR, pos, diag_word(what), name, diag_word(kind_of(mode)));
		else if (why == READ_TOO_LARGE)
			size_words(max, size), diag(PATH_TOO_LARGE, pos, diag_word(what), name, size);
		else if (errno == EXDEV && w == ABSOLUTE)
			diag(PATH_ABSOLUTE, pos, diag_word(what), name);
		else if (errno == EXDEV && w == ABOVE)
			diag(PATH_ABOVE, pos, diag_word(what), name);
		else if (errno == EXDEV || errno == ELOOP)
			diag(PATH_LINK_OUT, pos, diag_word(what), name);
		else
			diag(PATH_UNREADABLE, pos, diag_word(what), name, strerror(errno));
		free(show);
		show = NULL;
	}
	free(base);
	if (shown)
		*shown = show;
	else
		free(show);
	return data;
}

char *load_file_read_arg(const char *path, size_t max, size_t *len)
{
	struct srcpos pos = {path, 0, 0};
	enum read_fail why = READ_ERRNO;
	mode_t mode = 0;
	char *data = NULL;
	if (vfiles) {
		data = vfile_read(path, max, len, &why);
	} else {
		int fd = open(path, OPEN_FLAGS);
		if (fd >= 0)
			data = read_fd(fd, max, len, &why, &mode);
	}
	if (!data) {
		char size[32];
		if (why == READ_NOT_REGULAR)
			diag(FILE_NOT_REGULAR, &pos, diag_word(kind_of(mode)));
		else if (why == READ_TOO_LARGE)
			size_words(max, size), diag(FILE_TOO_LARGE, &pos, size);
		else
			diag(FILE_UNREADABLE, &pos, strerror(errno));
	}
	return data;
}

char *load_file_excerpt(const char *s, size_t len)
{
	size_t i = 0, chars = 0;
	while (i < len && chars < EXCERPT_CHARS) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, len - i, &cp);
		i += k ? k : 1;
		chars++;
	}
	struct buf b = {0};
	for (size_t j = 0; j < i; j++) {
		unsigned char c = (unsigned char)s[j];
		/* invalid bytes and controls are shown as "?", never raw */
		buf_addc(&b, c < 0x20 || c == 0x7F ? '?' : (char)c);
	}
	if (!utf8_valid(b.data ? b.data : "", b.len, NULL)) {
		for (size_t j = 0; j < b.len; j++)
			if ((unsigned char)b.data[j] >= 0x80)
				b.data[j] = '?';
	}
	if (i < len)
		buf_adds(&b, "…");
	if (!b.data)
		buf_adds(&b, "");
	return buf_steal(&b);
}
