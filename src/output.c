/* output.c — the output folder: lock, stale temp cleanup, atomic writes,
 * unique names. See output.h for the decisions. */
#include "output.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "text.h"
#include "util.h"

#define NAME_MAX_BYTES 255 /* NAME_MAX on ext4, in bytes */
#define LOCK_NAME ".vanban.lock"

struct outdir {
	char *path;
	int dirfd, lockfd;
	bool created;       /* the folder was not there: the summary says so */
	unsigned long tmp_seq;
	pthread_mutex_t mu; /* tmp_seq and the claimed set: workers write files */
	/* Claimed names, case-folded, in an open-addressing hash set. */
	char **claimed;
	size_t nclaimed, cap;
};

const char *outdir_path(const struct outdir *od)
{
	return od->path;
}

bool outdir_created(const struct outdir *od)
{
	return od->created;
}

int outdir_dirfd(const struct outdir *od)
{
	return od->dirfd;
}

/* ---- claimed-name set --------------------------------------------------- */

static uint64_t hash_str(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ULL; /* FNV-1a */
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
	return h;
}

static char *fold(const char *name)
{
	return text_lower(name);
}

/* Returns the slot holding key, or the empty slot where it would go. */
static size_t slot_of(const struct outdir *od, const char *key)
{
	size_t i = hash_str(key) & (od->cap - 1);
	while (od->claimed[i] && strcmp(od->claimed[i], key) != 0)
		i = (i + 1) & (od->cap - 1);
	return i;
}

static bool is_claimed(const struct outdir *od, const char *name)
{
	char *key = fold(name);
	bool found = od->claimed[slot_of(od, key)] != NULL;
	free(key);
	return found;
}

static void claim(struct outdir *od, const char *name)
{
	if ((od->nclaimed + 1) * 2 > od->cap) {
		char **old = od->claimed;
		size_t oldcap = od->cap;
		od->cap *= 2;
		od->claimed = xcalloc(od->cap, sizeof *od->claimed);
		for (size_t i = 0; i < oldcap; i++)
			if (old[i])
				od->claimed[slot_of(od, old[i])] = old[i];
		free(old);
	}
	char *key = fold(name);
	size_t i = slot_of(od, key);
	if (od->claimed[i]) {
		free(key);
		return;
	}
	od->claimed[i] = key;
	od->nclaimed++;
}

/* ---- opening ------------------------------------------------------------ */

/* Creates the output folder itself (mode 0755), never its parents: with a
 * drive unmounted, "-o /media/usb/out" must not write onto the root file
 * system. Returns 0 or an errno value (ENOENT: the parent is missing). */
static int make_dir(const char *path, bool *created)
{
	*created = mkdir(path, 0755) == 0;
	if (*created || errno == EEXIST)
		return 0;
	return errno;
}

/* Our temp names: ".NAME.tmp-PID-N" (see temp_name). */
static bool is_stale_temp(const char *name)
{
	if (name[0] != '.')
		return false;
	const char *t = NULL;
	for (const char *s = name + 1; (s = strstr(s, ".tmp-")) != NULL; s++)
		t = s;
	if (!t || t == name)
		return false;
	const char *s = t + 5;
	size_t pid_digits = strspn(s, "0123456789");
	if (!pid_digits || s[pid_digits] != '-')
		return false;
	s += pid_digits + 1;
	size_t seq_digits = strspn(s, "0123456789");
	return seq_digits && s[seq_digits] == '\0';
}

/* Sorted so that the notes come out in a stable order. */
static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void remove_stale_temps(struct outdir *od)
{
	int fd = dup(od->dirfd);
	DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
	if (!d) {
		if (fd >= 0)
			close(fd);
		diag(STALE_LIST_FAILED, NULL, od->path,
		     strerror(errno));
		return;
	}
	char **stale = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (!is_stale_temp(e->d_name))
			continue;
		grow(&stale, &cap, n + 1, sizeof *stale);
		stale[n++] = xstrdup(e->d_name);
	}
	closedir(d);
	if (n > 1)
		qsort(stale, n, sizeof *stale, cmp_str);
	for (size_t i = 0; i < n; i++) {
		struct stat st;
		if (fstatat(od->dirfd, stale[i], &st, AT_SYMLINK_NOFOLLOW) == 0 && !S_ISDIR(st.st_mode)) {
			if (unlinkat(od->dirfd, stale[i], 0) == 0)
				diag(STALE_REMOVED, NULL,
				     od->path, stale[i]);
			else
				diag(STALE_REMOVE_FAILED, NULL, od->path,
				     stale[i], strerror(errno));
		}
		free(stale[i]);
	}
	free(stale);
}

struct outdir *outdir_open(const char *path)
{
	struct srcpos pos = {path, 0, 0};
	if (!path || !*path) {
		diag(NO_OUTPUT_FOLDER, NULL);
		return NULL;
	}
	/* "out/" would make open() follow a symlink named out; drop trailing slashes. */
	char *clean = xstrdup(path);
	for (size_t n = strlen(clean); n > 1 && clean[n - 1] == '/'; n--)
		clean[n - 1] = '\0';
	bool created;
	int err = make_dir(clean, &created);
	if (err) {
		if (err == ENOENT)
			diag(OUTPUT_NO_PARENT, &pos);
		else
			diag(OUTPUT_MKDIR, &pos, strerror(err));
		free(clean);
		return NULL;
	}
	int dirfd = open(clean, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (dirfd < 0) {
		int e = errno;
		struct stat st;
		if (lstat(clean, &st) == 0 && S_ISLNK(st.st_mode))
			diag(OUTPUT_SYMLINK, &pos);
		else
			diag(OUTPUT_OPEN, &pos, strerror(e));
		free(clean);
		return NULL;
	}
	int lockfd = openat(dirfd, LOCK_NAME, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0644);
	if (lockfd < 0) {
		if (errno == EACCES || errno == EPERM || errno == EROFS)
			diag(OUTPUT_READ_ONLY, &pos, strerror(errno));
		else
			diag(LOCK_CREATE, &pos, LOCK_NAME, strerror(errno));
		close(dirfd);
		free(clean);
		return NULL;
	}
	int rc;
	while ((rc = flock(lockfd, LOCK_EX | LOCK_NB)) < 0 && errno == EINTR)
		;
	if (rc < 0) {
		if (errno == EWOULDBLOCK)
			diag(OUTPUT_IN_USE, &pos, LOCK_NAME);
		else
			diag(LOCK_FAILED, &pos, strerror(errno));
		close(lockfd);
		close(dirfd);
		free(clean);
		return NULL;
	}
	struct outdir *od = xcalloc(1, sizeof *od);
	od->path = clean;
	od->created = created;
	od->dirfd = dirfd;
	od->lockfd = lockfd;
	od->cap = 64;
	od->claimed = xcalloc(od->cap, sizeof *od->claimed);
	pthread_mutex_init(&od->mu, NULL);
	claim(od, OUTDIR_MANIFEST);
	remove_stale_temps(od);
	return od;
}

void outdir_close(struct outdir *od)
{
	if (!od)
		return;
	close(od->lockfd); /* releases the flock */
	close(od->dirfd);
	for (size_t i = 0; i < od->cap; i++)
		free(od->claimed[i]);
	free(od->claimed);
	pthread_mutex_destroy(&od->mu);
	free(od->path);
	free(od);
}

/* ---- writing ------------------------------------------------------------ */

bool outdir_name_ok(const char *name)
{
	size_t len = name ? strlen(name) : 0;
	return len > 0 && len <= NAME_MAX_BYTES && !strchr(name, '/') && name[0] != '.';
}

/* Length of the longest prefix of s[0..len) that is at most max bytes and
 * does not end inside a UTF-8 sequence. */
static size_t utf8_cut(const char *s, size_t len, size_t max)
{
	if (len <= max)
		return len;
	size_t n = max;
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	return n;
}

/* ".NAME.tmp-PID-N", with NAME cut so the whole fits in NAME_MAX_BYTES. */
static char *temp_name(struct outdir *od, const char *name)
{
	char tail[48];
	pthread_mutex_lock(&od->mu);
	unsigned long seq = ++od->tmp_seq;
	pthread_mutex_unlock(&od->mu);
	int n = snprintf(tail, sizeof tail, ".tmp-%ld-%lu", (long)getpid(), seq);
	size_t room = NAME_MAX_BYTES - 1 - (size_t)n;
	size_t keep = utf8_cut(name, strlen(name), room);
	return xasprintf(".%.*s%s", (int)keep, name, tail);
}

static int write_file(struct outdir *od, const char *name, const void *data, size_t len, bool durable)
{
	if (!outdir_name_ok(name)) {
		diag(OUTPUT_BAD_NAME, NULL, od->path, name ? name : "");
		return -1;
	}
	char *tmp = NULL;
	int fd = -1;
	for (int tries = 0; fd < 0 && tries < 100; tries++) {
		free(tmp);
		tmp = temp_name(od, name);
		fd = openat(od->dirfd, tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
		if (fd < 0 && errno != EEXIST)
			break;
	}
	const char *step = "";
	if (fd < 0) {
		int e = errno;
		diag(WRITE_FAILED, NULL, od->path, name, strerror(e));
		free(tmp);
		return -1;
	}
	int rc = -1;
	if (write_all(fd, data, len) < 0)
		; /* errno says why */
	else if (durable && fsync(fd) < 0)
		step = N_(" (fsync)");
	else
		rc = 0;
	int e = errno;
	if (close(fd) < 0 && rc == 0) {
		e = errno;
		rc = -1;
		step = N_(" (close)");
	}
	if (rc == 0 && renameat(od->dirfd, tmp, od->dirfd, name) < 0) {
		e = errno;
		rc = -1;
		step = N_(" (rename)");
	}
	if (rc < 0) {
		unlinkat(od->dirfd, tmp, 0);
		diag(WRITE_FAILED_STEP, NULL, od->path, name, strerror(e), diag_word(step));
		free(tmp);
		return -1;
	}
	free(tmp);
	pthread_mutex_lock(&od->mu);
	claim(od, name);
	pthread_mutex_unlock(&od->mu);
	return 0;
}

int outdir_write(struct outdir *od, const char *name, const void *data, size_t len)
{
	return write_file(od, name, data, len, true);
}

/* A rename is durable only once the folder itself is synced. */
static int sync_folder(struct outdir *od, const char *name)
{
	if (fsync(od->dirfd) < 0) {
		diag(WRITE_FSYNC_DIR, NULL, od->path, name, strerror(errno));
		return -1;
	}
	return 0;
}

int outdir_commit(struct outdir *od, const char *name, const void *data, size_t len)
{
	if (sync_folder(od, name) < 0 || write_file(od, name, data, len, true) < 0)
		return -1;
	return sync_folder(od, name);
}

int outdir_write_cheap(struct outdir *od, const char *name, const void *data, size_t len)
{
	return write_file(od, name, data, len, false);
}

char *outdir_claim(struct outdir *od, const char *base, const char *ext)
{
	if (ext[0] == '.')
		ext++;
	size_t blen = strlen(base);
	for (unsigned long n = 1;; n++) {
		char suffix[32] = "";
		if (n > 1)
			snprintf(suffix, sizeof suffix, "-%lu", n);
		size_t fixed = strlen(suffix) + (*ext ? 1 + strlen(ext) : 0);
		size_t keep = fixed < NAME_MAX_BYTES ? utf8_cut(base, blen, NAME_MAX_BYTES - fixed) : 0;
		char *name = xasprintf("%.*s%s%s%s", (int)keep, base, suffix, *ext ? "." : "", ext);
		pthread_mutex_lock(&od->mu);
		bool taken = is_claimed(od, name);
		if (!taken)
			claim(od, name);
		pthread_mutex_unlock(&od->mu);
		if (!taken)
			return name;
		free(name);
	}
}
