/* test_output.c — output folder: names, claims, atomic writes, temp
 * cleanup, symlinks, the lock, and the manifest.
 * With arguments "write DIR NAME BYTES" it writes BYTES bytes to DIR/NAME
 * and exits 0 or 3: tests/e2e/output_full_disk.sh uses that on a tiny tmpfs. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "dlist.h"
#include "manifest.h"
#include "output.h"
#include "text.h"
#include "unit.h"
#include "util.h"

static char root[] = "/tmp/vanban-test-output-XXXXXX";
static FILE *diag_log;

static char *at(const char *rel)
{
	return xasprintf("%s/%s", root, rel);
}

static bool exists(const char *rel)
{
	char *p = at(rel);
	struct stat st;
	bool ok = lstat(p, &st) == 0;
	free(p);
	return ok;
}

static void make_dir(const char *rel)
{
	char *p = at(rel);
	CHECK(mkdir(p, 0755) == 0);
	free(p);
}

static void put(const char *rel, const char *text)
{
	char *p = at(rel);
	FILE *f = fopen(p, "w");
	CHECK(f != NULL);
	if (f) {
		fputs(text, f);
		fclose(f);
	}
	free(p);
}

static char *get(const char *rel)
{
	char *p = at(rel);
	size_t len;
	char *s = read_file(p, 1 << 20, &len);
	free(p);
	return s;
}

/* Starts capturing diagnostics; captured_diags() returns them and stops. */
static void diag_start(void)
{
	diag_log = tmpfile();
	diag_set_stream(diag_log);
}

static char *captured_diags(void)
{
	diag_set_stream(NULL);
	struct buf b = {0};
	rewind(diag_log);
	char chunk[1024];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, diag_log)) > 0)
		buf_add(&b, chunk, n);
	fclose(diag_log);
	return buf_steal(&b);
}

/* Number of entries in dir whose name contains ".tmp-". */
static int temp_files(const char *rel)
{
	char *cmd = xasprintf("ls -A '%s/%s' | grep -c '\\.tmp-'", root, rel);
	FILE *p = popen(cmd, "r");
	int n = -1;
	if (p) {
		if (fscanf(p, "%d", &n) != 1)
			n = -1;
		pclose(p);
	}
	free(cmd);
	return n;
}

static void test_name_ok(void)
{
	CHECK(outdir_name_ok("Nguyễn Thị Hương.pdf"));
	CHECK(outdir_name_ok("a"));
	CHECK(!outdir_name_ok(""));
	CHECK(!outdir_name_ok(NULL));
	CHECK(!outdir_name_ok("."));
	CHECK(!outdir_name_ok(".."));
	CHECK(!outdir_name_ok("../x.pdf"));
	CHECK(!outdir_name_ok("a/b.pdf"));
	CHECK(!outdir_name_ok(".hidden"));
	CHECK(!outdir_name_ok(".vanban.lock"));
	char longname[300];
	memset(longname, 'x', sizeof longname);
	longname[255] = '\0';
	CHECK(outdir_name_ok(longname));
	longname[255] = 'x';
	longname[256] = '\0';
	CHECK(!outdir_name_ok(longname));
}

static void test_claim_suffixes(void)
{
	struct outdir *od = outdir_open(root);
	CHECK(od != NULL);
	if (!od)
		return;
	char *names[8];
	names[0] = outdir_claim(od, "Nguyễn Văn An", "pdf");
	names[1] = outdir_claim(od, "Nguyễn Văn An", ".pdf");
	names[2] = outdir_claim(od, "Nguyễn Văn An", "pdf");
	names[3] = outdir_claim(od, "NGUYỄN VĂN AN", "pdf"); /* same on FAT/SMB */
	names[4] = outdir_claim(od, "Nguyễn Văn An-2", "pdf"); /* a real name that looks like a suffix */
	names[5] = outdir_claim(od, "manifest", "tsv");        /* reserved for the manifest */
	names[6] = outdir_claim(od, "Nguyễn Văn An", "yaml");  /* another extension is another name */
	names[7] = outdir_claim(od, "README", "");
	CHECK_STR(names[0], "Nguyễn Văn An.pdf");
	CHECK_STR(names[1], "Nguyễn Văn An-2.pdf");
	CHECK_STR(names[2], "Nguyễn Văn An-3.pdf");
	CHECK_STR(names[3], "NGUYỄN VĂN AN-4.pdf");
	CHECK_STR(names[4], "Nguyễn Văn An-2-2.pdf");
	CHECK_STR(names[5], "manifest-2.tsv");
	CHECK_STR(names[6], "Nguyễn Văn An.yaml");
	CHECK_STR(names[7], "README");
	for (int i = 0; i < 8; i++)
		free(names[i]);

	/* 86 × "ễ" + ".pdf" is 262 bytes: cut on a character boundary */
	struct buf b = {0};
	for (int i = 0; i < 100; i++)
		buf_adds(&b, "ễ");
	char *a = outdir_claim(od, b.data, "pdf");
	char *c = outdir_claim(od, b.data, "pdf");
	CHECK(strlen(a) <= 255 && strlen(c) <= 255);
	CHECK(utf8_valid(a, strlen(a), &(size_t){0}) && utf8_valid(c, strlen(c), &(size_t){0}));
	CHECK(strcmp(a + strlen(a) - 4, ".pdf") == 0);
	CHECK(strcmp(c + strlen(c) - 6, "-2.pdf") == 0);
	CHECK(outdir_name_ok(a) && outdir_name_ok(c));
	free(a);
	free(c);
	buf_free(&b);

	/* many claims: the set grows and stays exact */
	for (int i = 0; i < 500; i++)
		free(outdir_claim(od, "same", "pdf"));
	char *last = outdir_claim(od, "same", "pdf");
	CHECK_STR(last, "same-501.pdf");
	free(last);
	outdir_close(od);
}

static void test_write_atomic(void)
{
	make_dir("w");
	char *dir = at("w");
	struct outdir *od = outdir_open(dir);
	CHECK(od != NULL);
	if (!od) {
		free(dir);
		return;
	}
	CHECK_INT(outdir_write(od, "a.pdf", "first", 5), 0);
	char *s = get("w/a.pdf");
	CHECK_STR(s, "first");
	free(s);
	/* a re-run of the same document replaces it */
	CHECK_INT(outdir_write(od, "a.pdf", "second", 6), 0);
	s = get("w/a.pdf");
	CHECK_STR(s, "second");
	free(s);
	struct stat st;
	char *p = at("w/a.pdf");
	CHECK(stat(p, &st) == 0 && (st.st_mode & 0777) == (0644 & ~(mode_t)022));
	free(p);
	CHECK_INT(temp_files("w"), 0);
	/* a written name counts as claimed */
	char *n = outdir_claim(od, "a", "pdf");
	CHECK_STR(n, "a-2.pdf");
	free(n);
	/* empty data is a valid (empty) file */
	CHECK_INT(outdir_write(od, "empty.txt", "", 0), 0);
	CHECK(exists("w/empty.txt"));

	diag_start();
	CHECK_INT(outdir_write(od, "../escape.pdf", "x", 1), -1);
	CHECK_INT(outdir_write(od, ".hidden", "x", 1), -1);
	CHECK_INT(outdir_write(od, "", "x", 1), -1);
	/* a folder under the final name: rename fails, no temp file stays */
	make_dir("w/dir.pdf");
	CHECK_INT(outdir_write(od, "dir.pdf", "x", 1), -1);
	char *msg = captured_diags();
	CHECK(strstr(msg, "error: cannot write") != NULL);
	CHECK(strstr(msg, "/w/dir.pdf: Is a directory (rename)") != NULL);
	free(msg);
	CHECK(!exists("escape.pdf"));
	CHECK_INT(temp_files("w"), 0);
	outdir_close(od);
	free(dir);
}

static void test_symlinks(void)
{
	make_dir("real");
	char *real = at("real"), *link = at("link");
	CHECK(symlink(real, link) == 0);
	diag_start();
	CHECK(outdir_open(link) == NULL);
	char *slash = xasprintf("%s/", link);
	CHECK(outdir_open(slash) == NULL);
	char *msg = captured_diags();
	CHECK(strstr(msg, "output folder is a symbolic link") != NULL);
	free(msg);
	free(slash);

	/* a symlink planted under a final name is replaced, never followed */
	put("victim.txt", "precious");
	char *victim = at("victim.txt"), *planted = at("real/doc.pdf");
	CHECK(symlink(victim, planted) == 0);
	/* and one under a likely temp name only makes O_EXCL pick another */
	char *tmp = xasprintf("%s/real/.doc.pdf.tmp-%ld-1", root, (long)getpid());
	struct outdir *od = outdir_open(real);
	CHECK(od != NULL);
	if (od) {
		CHECK(symlink(victim, tmp) == 0);
		CHECK_INT(outdir_write(od, "doc.pdf", "new", 3), 0);
		outdir_close(od);
	}
	char *s = get("victim.txt");
	CHECK_STR(s, "precious");
	free(s);
	struct stat st;
	CHECK(lstat(planted, &st) == 0 && S_ISREG(st.st_mode));
	s = get("real/doc.pdf");
	CHECK_STR(s, "new");
	free(s);
	unlink(tmp);
	free(tmp);
	free(victim);
	free(planted);
	free(real);
	free(link);
}

static void test_temp_cleanup(void)
{
	make_dir("c");
	put("c/.a.pdf.tmp-123-4", "half");
	put("c/.Nguyễn.pdf.tmp-99999-12", "half");
	put("c/.notes.tmp-x", "user file");
	put("c/keep.pdf", "done");
	put("c/.b.tmp-1-2.bak", "user file");
	char *dir = at("c");
	diag_start();
	struct outdir *od = outdir_open(dir);
	char *msg = captured_diags();
	CHECK(od != NULL);
	CHECK(!exists("c/.a.pdf.tmp-123-4"));
	CHECK(!exists("c/.Nguyễn.pdf.tmp-99999-12"));
	CHECK(exists("c/.notes.tmp-x"));
	CHECK(exists("c/.b.tmp-1-2.bak"));
	CHECK(exists("c/keep.pdf"));
	CHECK(strstr(msg, "note: removed ") != NULL);
	CHECK(strstr(msg, "/c/.a.pdf.tmp-123-4, a temporary file left by an interrupted run") != NULL);
	char *nl = strchr(msg, '\n');
	CHECK(nl && strchr(nl + 1, '\n') && !strchr(strchr(nl + 1, '\n') + 1, '\n')); /* two notes */
	free(msg);
	outdir_close(od);
	free(dir);
}

static void test_lock_and_mkdir(void)
{
	char *deep = at("x/y/z");
	diag_start(); /* only the last folder is created: no mkdir -p */
	CHECK(outdir_open(deep) == NULL);
	char *none = captured_diags();
	CHECK(strstr(none, "error: the output folder's parent does not exist") != NULL);
	free(none);
	char *x = at("x"), *xy = at("x/y");
	CHECK(mkdir(x, 0755) == 0 && mkdir(xy, 0755) == 0);
	free(x);
	free(xy);
	struct outdir *a = outdir_open(deep);
	CHECK(a != NULL);
	CHECK(exists("x/y/z/.vanban.lock"));
	struct stat st;
	CHECK(stat(deep, &st) == 0 && S_ISDIR(st.st_mode));
	diag_start();
	struct outdir *b = outdir_open(deep);
	char *msg = captured_diags();
	CHECK(b == NULL);
	CHECK(strstr(msg, "error: output folder is in use by another vanban run") != NULL);
	free(msg);
	outdir_close(a);
	b = outdir_open(deep);
	CHECK(b != NULL);
	outdir_close(b);

	put("plainfile", "x");
	char *file = at("plainfile/sub");
	diag_start();
	CHECK(outdir_open(file) == NULL);
	msg = captured_diags();
	CHECK(strstr(msg, "cannot create output folder: Not a directory") != NULL);
	free(msg);
	free(file);
	free(deep);
}

static void test_manifest(void)
{
	char *dir = at("m");
	struct outdir *od = outdir_open(dir);
	CHECK(od != NULL);
	if (!od) {
		free(dir);
		return;
	}
	struct manifest *m = manifest_new();
	manifest_add(m, "award", "b.yaml", "Trần B.pdf", 1, "abc", 3);
	manifest_add(m, "meeting", "a.yaml", "z.pdf", 2, "", 0);
	struct dl_meta rec = {.number = "Số: 01/BB-TCT", .date = "2020-12-31", .type_name = "Biên bản",
			      .summary = "Hội nghị\tviên chức", .issuer = "Trường"};
	manifest_describe(m, &rec, 0);
	manifest_add(m, "award", "a.yaml", "tab\there.pdf", 1, "abc", 3);
	CHECK(manifest_has(m, "meeting", "a.yaml"));
	CHECK(!manifest_has(m, "meeting", "b.yaml"));
	CHECK_INT(manifest_write(m, od), 0);
	char *s = get("m/manifest.tsv");
	CHECK_STR(s, "kind\tsource\tfile\tpages\tbytes\tsha256\tnumber\tdate\ttype_name\tsummary\tissuer\tsheets\n"
		     "award\ta.yaml\ttab\\there.pdf\t1\t3\t"
		     "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\t\t\t\t\t\t1\n"
		     "meeting\ta.yaml\tz.pdf\t2\t0\t"
		     "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\t"
		     "Số: 01/BB-TCT\t2020-12-31\tBiên bản\tHội nghị\\tviên chức\tTrường\t2\n"
		     "award\tb.yaml\tTrần B.pdf\t1\t3\t"
		     "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\t\t\t\t\t\t1\n");
	free(s);
	manifest_free(m);
	outdir_close(od);
	free(dir);
}

/* Helper mode for the full-disk test: write BYTES bytes of 'x'. */
static int write_mode(const char *dir, const char *name, const char *bytes)
{
	size_t n = strtoul(bytes, NULL, 10);
	char *data = xmalloc(n);
	memset(data, 'x', n);
	struct outdir *od = outdir_open(dir);
	int rc = od && outdir_write(od, name, data, n) == 0 ? 0 : 3;
	outdir_close(od);
	free(data);
	return rc;
}

int main(int argc, char **argv)
{
	if (argc == 5 && strcmp(argv[1], "write") == 0)
		return write_mode(argv[2], argv[3], argv[4]);
	umask(022);
	if (!mkdtemp(root)) {
		perror("mkdtemp");
		return 1;
	}
	RUN(test_name_ok);
	RUN(test_claim_suffixes);
	RUN(test_write_atomic);
	RUN(test_symlinks);
	RUN(test_temp_cleanup);
	RUN(test_lock_and_mkdir);
	RUN(test_manifest);
	char *cmd = xasprintf("rm -rf '%s'", root);
	if (system(cmd) != 0)
		printf("#   could not remove %s\n", root);
	free(cmd);
	UNIT_EXIT();
}
