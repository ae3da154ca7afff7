/* render_out.c — the output side of one run (render_out.h). */
#include "render_out.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "manifest.h"
#include "output.h"
#include "util.h"

#define JOURNAL ".vanban-journal"
#define JOURNAL_NEW ".vanban-journal.new"
#define MAX_MANIFEST (256u << 20)
#define MAX_KINDS 32

struct kind_count {
	const char *kind; /* borrowed: kinds are static strings */
	unsigned long files, pages;
};

struct run_out {
	const struct render_opts *o;
	struct outdir *od;
	struct manifest *now, *prev;
	struct manifest *once;   /* (kind, source) pairs run_out_once has seen */
	int journal;
	pthread_mutex_t mu; /* the counts */
	struct kind_count kinds[MAX_KINDS];
	int nkinds;
	unsigned long removed, kept;
};

/* Reads NAME in the folder, or returns NULL (absent or unreadable). */
static char *read_at(int dirfd, const char *name, size_t *len)
{
	int fd = openat(dirfd, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0)
		return NULL;
	struct stat st;
	char *data = NULL;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && (size_t)st.st_size <= MAX_MANIFEST) {
		data = xmalloc((size_t)st.st_size + 1);
		ssize_t n = read(fd, data, (size_t)st.st_size);
		if (n < 0) {
			free(data);
			data = NULL;
		} else {
			data[n] = '\0';
			*len = (size_t)n;
		}
	}
	close(fd);
	return data;
}

static void read_previous(struct run_out *ro, const char *name)
{
	size_t len;
	char *text = read_at(outdir_dirfd(ro->od), name, &len);
	if (text && manifest_parse(ro->prev, text, len) < 0) {
		struct srcpos pos = {outdir_path(ro->od), 0, 0};
		diag(MANIFEST_UNREADABLE, &pos, name);
	}
	free(text);
}

/* The new journal holds every earlier row before manifest.tsv goes. */
static bool start_journal(struct run_out *ro)
{
	int dirfd = outdir_dirfd(ro->od);
	struct srcpos pos = {outdir_path(ro->od), 0, 0};
	char *text = manifest_text(ro->prev);
	int fd = openat(dirfd, JOURNAL_NEW, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0644);
	bool ok = fd >= 0 && write_all(fd, text, strlen(text)) == 0 && fsync(fd) == 0;
	if (fd >= 0)
		close(fd);
	free(text);
	ok = ok && renameat(dirfd, JOURNAL_NEW, dirfd, JOURNAL) == 0;
	ok = ok && (unlinkat(dirfd, OUTDIR_MANIFEST, 0) == 0 || errno == ENOENT) && fsync(dirfd) == 0;
	if (ok)
		ro->journal = openat(dirfd, JOURNAL, O_WRONLY | O_APPEND | O_NOFOLLOW | O_CLOEXEC);
	if (!ok || ro->journal < 0) {
		diag(JOURNAL_FAILED, &pos, JOURNAL, strerror(errno));
		return false;
	}
	manifest_set_journal(ro->now, ro->journal);
	return true;
}

struct run_out *run_out_open(const struct render_opts *o)
{
	struct outdir *od = outdir_open(o->outdir);
	if (!od)
		return NULL;
	struct run_out *ro = xcalloc(1, sizeof *ro);
	ro->o = o;
	ro->od = od;
	ro->now = manifest_new();
	ro->prev = manifest_new();
	ro->once = manifest_new();
	ro->journal = -1;
	pthread_mutex_init(&ro->mu, NULL);
	read_previous(ro, OUTDIR_MANIFEST);
	read_previous(ro, JOURNAL);
	if (!start_journal(ro)) {
		manifest_free(ro->now);
		manifest_free(ro->prev);
		manifest_free(ro->once);
		outdir_close(od);
		free(ro);
		return NULL;
	}
	return ro;
}

char *run_out_claim(struct run_out *ro, const char *stem, const struct srcpos *pos)
{
	char *name = outdir_claim(ro->od, stem, ".pdf");
	size_t n = strlen(stem);
	if (strncmp(name, stem, n) != 0 || strcmp(name + n, ".pdf") != 0)
		diag(NAME_SUFFIXED, pos, stem, name);
	return name;
}

bool run_out_mine(const struct run_out *ro, const char *a, const char *b)
{
	if (ro->o->shard_n <= 1)
		return true;
	uint64_t h = 0xcbf29ce484222325ULL; /* FNV-1a over "a\0b" */
	const char *slash = strrchr(a, '/');
	for (const char *s = slash ? slash + 1 : a;; s++) {
		h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
		if (!*s)
			break;
	}
	for (const char *s = b; *s; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
	return h % (uint64_t)ro->o->shard_n == (uint64_t)(ro->o->shard_k - 1);
}

char *run_out_claim_mine(struct run_out *ro, const char *stem, const char *source, const char *key)
{
	struct srcpos pos = {source, 0, 0};
	char *name = run_out_claim(ro, stem, &pos);
	if (run_out_mine(ro, source, key))
		return name;
	free(name);
	return NULL;
}

static void count(struct run_out *ro, const char *kind, int pages)
{
	pthread_mutex_lock(&ro->mu);
	int i = 0;
	while (i < ro->nkinds && strcmp(ro->kinds[i].kind, kind) != 0)
		i++;
	if (i == ro->nkinds && i < MAX_KINDS)
		ro->kinds[ro->nkinds++].kind = kind;
	if (i < MAX_KINDS) {
		ro->kinds[i].files++;
		ro->kinds[i].pages += (unsigned long)(pages > 0 ? pages : 0);
	}
	pthread_mutex_unlock(&ro->mu);
}

int run_out_write(struct run_out *ro, const char *kind, const char *source, const char *name,
		  int pages, const void *data, size_t len)
{
	return run_out_write_doc(ro, kind, source, name, pages, data, len, NULL, 0);
}

bool run_out_once(struct run_out *ro, const char *kind, const char *source)
{
	if (manifest_has(ro->once, kind, source))
		return false;
	manifest_add(ro->once, kind, source, "", 0, "", 0);
	return true;
}

int run_out_write_doc(struct run_out *ro, const char *kind, const char *source, const char *name,
		      int pages, const void *data, size_t len, const struct dl_meta *meta, int sheets)
{
	/* journalled first: a file in the folder is always known to the next run */
	manifest_add_doc(ro->now, kind, source, name, pages, data, len, meta, sheets);
	if (outdir_write(ro->od, name, data, len) < 0) {
		manifest_drop(ro->now, name);
		return -1;
	}
	count(ro, kind, pages);
	return 0;
}

/* ---- the end of the run -------------------------------------------------- */

static bool listed(struct manifest *m, const char *file)
{
	return manifest_find(m, file) >= 0;
}

static bool is_input(const char *source, char **sources, int n)
{
	for (int i = 0; i < n; i++)
		if (!strcmp(sources[i], source))
			return true;
	return false;
}

/* Earlier rows: stale ones (from this run's inputs, not written again) are
 * removed or kept; others are carried while their file exists. */
static void settle_previous(struct run_out *ro, char **sources, int nsources)
{
	int dirfd = outdir_dirfd(ro->od);
	size_t n = manifest_count(ro->prev);
	/* journal rows come after the old manifest's: the last row of a file wins */
	bool *take = xcalloc(n ? n : 1, sizeof *take);
	struct manifest *seen = manifest_new();
	for (size_t i = n; i-- > 0;) {
		const char *file = manifest_get(ro->prev, i, MCOL_FILE);
		struct stat st;
		if (!outdir_name_ok(file) || listed(ro->now, file) || listed(seen, file) ||
		    fstatat(dirfd, file, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode))
			continue;
		manifest_copy_row(seen, ro->prev, i);
		take[i] = true;
	}
	manifest_free(seen);
	struct srcpos pos = {outdir_path(ro->od), 0, 0};
	for (size_t i = 0; i < n; i++) {
		if (!take[i])
			continue;
		const char *file = manifest_get(ro->prev, i, MCOL_FILE);
		bool stale = is_input(manifest_get(ro->prev, i, MCOL_SOURCE), sources, nsources);
		if (stale && !ro->o->keep_stale) {
			if (unlinkat(dirfd, file, 0) == 0)
				ro->removed++;
			else
				diag(STALE_PDF_REMOVE_FAILED, &pos, file, strerror(errno));
			continue;
		}
		if (stale) {
			diag(STALE_PDF_KEPT, &pos, file);
			ro->kept++;
		}
		manifest_copy_row(ro->now, ro->prev, i);
	}
	free(take);
}

static const struct {
	const char *kind, *one, *many;
	bool pages;
} kind_words[] = {
	{"minutes", "%lu minutes", "%lu minutes", true},
	{"decision", "%lu decision", "%lu decisions", true},
	{"document", "%lu document", "%lu documents", true},
	{"certificate", "%lu certificate", "%lu certificates", false},
	{"certificates-print", "%lu print file", "%lu print files", false},
	{"volume", "%lu volume", "%lu volumes", true},
	{"records-list", "%lu records list", "%lu records lists", true},
	{"records-handover", "%lu handover list", "%lu handover lists", true},
	{"calibration", "%lu calibration sheet", "%lu calibration sheets", false},
};

static void add_kind(struct buf *b, const struct kind_count *k)
{
	size_t w = 0;
	while (w < sizeof kind_words / sizeof *kind_words && strcmp(kind_words[w].kind, k->kind))
		w++;
	if (b->len && b->data[b->len - 1] != ' ')
		buf_adds(b, ", ");
	if (w == sizeof kind_words / sizeof *kind_words) {
		buf_printf(b, diag_ntr("%lu %s", "%lu %s", k->files), k->files, k->kind);
	} else {
		buf_printf(b, diag_ntr(kind_words[w].one, kind_words[w].many, k->files), k->files);
		if (!kind_words[w].pages)
			return;
	}
	buf_printf(b, diag_ntr(" (%lu page)", " (%lu pages)", k->pages), k->pages);
}

static int by_kind(const void *a, const void *b)
{
	const struct kind_count *x = a, *y = b;
	int ix = 0, iy = 0, n = (int)(sizeof kind_words / sizeof *kind_words);
	while (ix < n && strcmp(kind_words[ix].kind, x->kind))
		ix++;
	while (iy < n && strcmp(kind_words[iy].kind, y->kind))
		iy++;
	return ix != iy ? ix - iy : strcmp(x->kind, y->kind);
}

/* "; 2 warnings; 18 notes (-v shows them)" */
static void add_levels(struct buf *b, unsigned long removed, unsigned long kept)
{
	if (removed)
		buf_printf(b, diag_ntr("; %lu file of an earlier run removed", "; %lu files of an earlier run removed",
				       removed), removed);
	if (kept)
		buf_printf(b, diag_ntr("; %lu file of an earlier run kept", "; %lu files of an earlier run kept",
				       kept), kept);
	unsigned long e = (unsigned long)(diag_count(DIAG_ERROR) + diag_count(DIAG_SYSERR));
	unsigned long w = (unsigned long)diag_count(DIAG_WARNING);
	if (e)
		buf_printf(b, diag_ntr("; %lu error", "; %lu errors", e), e);
	if (w)
		buf_printf(b, diag_ntr("; %lu warning", "; %lu warnings", w), w);
	unsigned long f = (unsigned long)diag_folded();
	if (f)
		buf_printf(b, diag_ntr("; %lu note not shown (-v shows it)", "; %lu notes not shown (-v shows them)",
				       f), f);
}

static void summary(struct run_out *ro)
{
	struct buf b = {0};
	buf_printf(&b, "%s/", outdir_path(ro->od));
	if (outdir_created(ro->od))
		buf_adds(&b, diag_tr(" (new folder)"));
	if (ro->o->shard_n > 1)
		buf_printf(&b, diag_tr(" (shard %d/%d)"), ro->o->shard_k, ro->o->shard_n);
	buf_adds(&b, ": ");
	size_t start = b.len;
	qsort(ro->kinds, (size_t)ro->nkinds, sizeof *ro->kinds, by_kind);
	for (int i = 0; i < ro->nkinds; i++)
		add_kind(&b, &ro->kinds[i]);
	if (b.len == start)
		buf_adds(&b, diag_tr("nothing written"));
	add_levels(&b, ro->removed, ro->kept);
	puts(b.data);
	fflush(stdout);
	buf_free(&b);
}

void run_out_close(struct run_out *ro, char **sources, int nsources, bool complete,
		   void (*before_manifest)(struct outdir *od, struct manifest *m, void *arg), void *arg)
{
	manifest_set_journal(ro->now, -1);
	if (complete) {
		settle_previous(ro, sources, nsources);
		if (before_manifest)
			before_manifest(ro->od, ro->now, arg);
		int dirfd = outdir_dirfd(ro->od);
		if (manifest_write(ro->now, ro->od) == 0) {
			close(ro->journal);
			ro->journal = -1;
			unlinkat(dirfd, JOURNAL, 0);
			fsync(dirfd);
		}
	}
	if (ro->journal >= 0)
		close(ro->journal);
	if (!ro->o->dump)
		summary(ro);
	manifest_free(ro->now);
	manifest_free(ro->prev);
	manifest_free(ro->once);
	outdir_close(ro->od);
	pthread_mutex_destroy(&ro->mu);
	free(ro);
}

void run_summary_check(int nfiles)
{
	struct buf b = {0};
	buf_printf(&b, diag_ntr("%d input file checked", "%d input files checked", (unsigned long)nfiles), nfiles);
	size_t start = b.len;
	add_levels(&b, 0, 0);
	if (b.len == start)
		buf_adds(&b, diag_tr(", no problems"));
	puts(b.data);
	fflush(stdout);
	buf_free(&b);
}

/* ---- vanban manifest merge ----------------------------------------------- */

static bool same_row(const struct manifest *a, size_t i, const struct manifest *b, size_t j)
{
	for (int c = 0; c < MCOL_COUNT; c++)
		if (strcmp(manifest_get(a, i, (enum manifest_col)c), manifest_get(b, j, (enum manifest_col)c)))
			return false;
	return true;
}

/* Adds the rows of one file; false after a diag(). */
static bool merge_one(struct manifest *all, const char *path)
{
	struct srcpos pos = {path, 0, 0};
	size_t len;
	char *text = read_file(path, MAX_MANIFEST, &len);
	if (!text) {
		diag(FILE_UNREADABLE, &pos, strerror(errno));
		return false;
	}
	struct manifest *m = manifest_new();
	bool ok = manifest_parse(m, text, len) >= 0;
	free(text);
	if (!ok)
		diag(MERGE_UNREADABLE, &pos);
	for (size_t i = 0; ok && i < manifest_count(m); i++) {
		const char *file = manifest_get(m, i, MCOL_FILE);
		long j = manifest_find(all, file);
		if (j < 0)
			manifest_copy_row(all, m, i);
		else if (!same_row(all, (size_t)j, m, i)) {
			diag(MERGE_CONFLICT, &pos, file, manifest_get(all, (size_t)j, MCOL_SOURCE));
			ok = false;
		}
	}
	manifest_free(m);
	return ok;
}

int render_manifest_merge(char **files, int nfiles)
{
	struct manifest *all = manifest_new();
	bool ok = true;
	for (int i = 0; i < nfiles; i++)
		ok = merge_one(all, files[i]) && ok;
	if (ok) {
		char *text = manifest_text(all);
		fputs(text, stdout);
		free(text);
	}
	manifest_free(all);
	return diag_worst();
}
