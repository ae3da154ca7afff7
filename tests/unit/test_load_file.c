/* test_load_file.c — input paths: inside the YAML's folder or refused, with
 * openat2 and with the walk that stands in for it on older kernels; FIFOs,
 * folders and devices refused before a read; --allow-path; the virtual
 * table; excerpts of at most 60 characters. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "load_file.h"
#include "unit.h"
#include "util.h"

static char root[] = "/tmp/vanban-test-load-file-XXXXXX";
static char *yaml; /* ROOT/in/a.yaml */
static FILE *log_f;
static char *log_buf;
static size_t log_len;

static char *at(const char *rel)
{
	return xasprintf("%s/%s", root, rel);
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

static void link_to(const char *target, const char *rel)
{
	char *p = at(rel);
	CHECK(symlink(target, p) == 0);
	free(p);
}

/* Reads NAME as a.yaml would name it; returns the bytes or NULL, and the
 * message printed (if any) in *msg. */
static char *try(const char *name, const char **msg)
{
	fflush(log_f);
	rewind(log_f);
	memset(log_buf, 0, log_len);
	struct srcpos pos = {"in/a.yaml", 3, 9};
	size_t len;
	char *data = load_file_read(yaml, name, &pos, "CSV file", 1 << 20, &len, NULL);
	fflush(log_f);
	*msg = log_buf;
	return data;
}

static void expect_ok(const char *name, const char *want)
{
	const char *msg;
	char *d = try(name, &msg);
	CHECK_STR(d, want);
	CHECK_STR(msg, "");
	free(d);
}

static void expect_refused(const char *name, const char *want_msg)
{
	const char *msg;
	char *d = try(name, &msg);
	CHECK(d == NULL);
	CHECK_STR(msg, want_msg);
	free(d);
}

static void cases(void)
{
	expect_ok("r.csv", "inside");
	expect_ok("./sub/../r.csv", "inside");
	expect_ok("sub/s.csv", "below");
	expect_ok("inner-link.csv", "below"); /* a link that stays inside */
	expect_refused("/etc/passwd",
		       "vanban: in/a.yaml:3:9: error: the CSV file \"/etc/passwd\" is an absolute path: give it "
		       "relative to this file's folder, or allow its folder with --allow-path\n");
	expect_refused("../secret.csv",
		       "vanban: in/a.yaml:3:9: error: the CSV file \"../secret.csv\" leads out of this file's "
		       "folder: inputs must be in it or below it (or in a folder given with --allow-path)\n");
	expect_refused("sub/../../secret.csv",
		       "vanban: in/a.yaml:3:9: error: the CSV file \"sub/../../secret.csv\" leads out of this "
		       "file's folder: inputs must be in it or below it (or in a folder given with --allow-path)\n");
	expect_refused("out-link.csv",
		       "vanban: in/a.yaml:3:9: error: the CSV file \"out-link.csv\" is a symbolic link that leads "
		       "out of this file's folder\n");
	expect_refused("abs-link.csv",
		       "vanban: in/a.yaml:3:9: error: the CSV file \"abs-link.csv\" is a symbolic link that leads "
		       "out of this file's folder\n");
	expect_refused("dir-link/x.csv",
		       "vanban: in/a.yaml:3:9: error: the CSV file \"dir-link/x.csv\" is a symbolic link that "
		       "leads out of this file's folder\n");
	expect_refused("fifo.csv",
		       "vanban: in/a.yaml:3:9: error: the CSV file \"fifo.csv\" is not a regular file (it is a FIFO)\n");
	expect_refused("sub", "vanban: in/a.yaml:3:9: error: the CSV file \"sub\" is not a regular file (it is a folder)\n");
	expect_refused("none.csv",
		       "vanban: in/a.yaml:3:9: error: cannot read the CSV file \"none.csv\": No such file or directory\n");
}

static void test_openat2(void)
{
	load_file_force_walk(false);
	cases();
}

static void test_walk(void)
{
	load_file_force_walk(true);
	cases();
	load_file_force_walk(false);
}

static void test_allow_path(void)
{
	char *other = at("other");
	CHECK(load_file_allow(other));
	char *abs = at("other/o.csv");
	expect_ok(abs, "allowed");
	expect_ok("../other/o.csv", "allowed");
	expect_ok("other-link.csv", "allowed"); /* a link into the allowed folder */
	expect_refused("../secret.csv",
		       "vanban: in/a.yaml:3:9: error: the CSV file \"../secret.csv\" leads out of this file's "
		       "folder: inputs must be in it or below it (or in a folder given with --allow-path)\n");
	expect_refused("../other/../secret.csv",
		       "vanban: in/a.yaml:3:9: error: the CSV file \"../other/../secret.csv\" leads out of this "
		       "file's folder: inputs must be in it or below it (or in a folder given with --allow-path)\n");
	load_file_allow_reset();
	const char *msg;
	char *d = try(abs, &msg);
	CHECK(d == NULL);
	free(d);
	free(abs);
	free(other);
}

static void test_device_and_fifo_args(void)
{
	const char *msg;
	fflush(log_f);
	rewind(log_f);
	memset(log_buf, 0, log_len);
	size_t len;
	char *fifo = at("in/fifo.csv");
	CHECK(load_file_read_arg(fifo, 100, &len) == NULL); /* returns at once: O_NONBLOCK */
	CHECK(load_file_read_arg("/dev/zero", 100, &len) == NULL);
	fflush(log_f);
	msg = log_buf;
	char *want = xasprintf("vanban: %s: error: cannot read: not a regular file (it is a FIFO)\n"
			       "vanban: /dev/zero: error: cannot read: not a regular file (it is a device)\n", fifo);
	CHECK_STR(msg, want);
	free(want);
	free(fifo);
}

static void test_virtual(void)
{
	static const struct load_vfile files[] = {{"in/r.csv", "virtual", 7}, {"in/a.yaml", "x: 1", 4}};
	load_file_virtual(files, 2);
	expect_ok("r.csv", "virtual");
	expect_ok("./r.csv", "virtual");
	expect_refused("/etc/passwd",
		       "vanban: in/a.yaml:3:9: error: the CSV file \"/etc/passwd\" is an absolute path: give it "
		       "relative to this file's folder, or allow its folder with --allow-path\n");
	expect_refused("fifo.csv",
		       "vanban: in/a.yaml:3:9: error: cannot read the CSV file \"fifo.csv\": No such file or directory\n");
	size_t len;
	char *y = load_file_read_arg("in/a.yaml", 100, &len);
	CHECK_STR(y, "x: 1");
	free(y);
	load_file_virtual(NULL, 0);
}

static void test_excerpt(void)
{
	char *e = load_file_excerpt("root:x:0:0:root:/root:/bin/bash\n", 32);
	CHECK_STR(e, "root:x:0:0:root:/root:/bin/bash?");
	free(e);
	const char *long_line = "Nguyễn Văn An;Giảng viên;Khoa Dân vận;Phòng Tổ chức cán bộ;Trường Chính trị";
	e = load_file_excerpt(long_line, strlen(long_line));
	CHECK_STR(e, "Nguyễn Văn An;Giảng viên;Khoa Dân vận;Phòng Tổ chức cán bộ;T…");
	free(e);
	e = load_file_excerpt("\xff\xfe\x00x", 4);
	CHECK_STR(e, "???x");
	free(e);
}

int main(void)
{
	if (!mkdtemp(root))
		return 1;
	log_len = 4096;
	log_buf = xcalloc(1, log_len);
	log_f = fmemopen(log_buf, log_len - 1, "w");
	diag_set_stream(log_f);
	char *p;
	mkdir((p = at("in")), 0755), free(p);
	mkdir((p = at("in/sub")), 0755), free(p);
	mkdir((p = at("other")), 0755), free(p);
	put("in/a.yaml", "x: 1\n");
	put("in/r.csv", "inside");
	put("in/sub/s.csv", "below");
	put("secret.csv", "root:x:0:0");
	put("other/o.csv", "allowed");
	link_to("sub/s.csv", "in/inner-link.csv");
	link_to("../secret.csv", "in/out-link.csv");
	link_to("/etc/passwd", "in/abs-link.csv");
	link_to("..", "in/dir-link");
	link_to("../other/o.csv", "in/other-link.csv");
	p = at("in/fifo.csv");
	CHECK(mkfifo(p, 0644) == 0);
	free(p);
	yaml = xasprintf("%s/in/a.yaml", root);
	/* messages show the path as written; "in/a.yaml" keeps them short */
	if (chdir(root) != 0)
		return 1;
	free(yaml);
	yaml = xstrdup("in/a.yaml");
	RUN(test_openat2);
	RUN(test_walk);
	RUN(test_allow_path);
	RUN(test_device_and_fifo_args);
	RUN(test_virtual);
	RUN(test_excerpt);
	diag_set_stream(NULL);
	fclose(log_f);
	free(log_buf);
	free(yaml);
	char *cmd = xasprintf("rm -rf '%s'", root);
	if (system(cmd) != 0)
		printf("#   could not remove %s\n", root);
	free(cmd);
	UNIT_EXIT();
}
