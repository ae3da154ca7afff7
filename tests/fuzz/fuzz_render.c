/* fuzz_render.c — libFuzzer target for the whole pipeline: any input through
 * the loader, model, composers, typesetter and PDF writer. It must never
 * crash, hang or leak, and an input file with an error must leave no PDF
 * (all or nothing). Build and run with `make fuzz-render` (fuzz.mk); replay
 * saved inputs without libFuzzer with `make fuzz-replay` (replay.c).
 *
 * The input is the YAML file fuzz.yaml, optionally followed by files it may
 * name (CSV lists, images, scans), each introduced by a line
 *
 *     %%file NAME
 *
 * They are served from memory (load_file_virtual), so the fuzzer reaches
 * the CSV reader and the image decoders without touching the disk. The
 * fonts and the PDF context are made once and lent to every run; the
 * output folder is in memory (/dev/shm/vanban-fuzz-PID/out) where there is
 * one, and emptied after every input so that each run starts alike. */
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "load_file.h"
#include "render.h"
#include "util.h"

#define MAX_VFILES 16
#define SEPARATOR "%%file "

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char names[MAX_VFILES][256];

/* Splits the input at "%%file NAME" lines into files[0] (fuzz.yaml) and
 * the named files; returns how many. */
static size_t split(const char *p, size_t size, struct load_vfile *files)
{
	const size_t seplen = strlen(SEPARATOR);
	const char *end = p + size;
	size_t n = 0;
	files[n++] = (struct load_vfile){"fuzz.yaml", p, size};
	for (const char *s = p; s + seplen <= end; s++) {
		if ((s != p && s[-1] != '\n') || memcmp(s, SEPARATOR, seplen) != 0)
			continue;
		struct load_vfile *prev = &files[n - 1];
		/* the newline before the separator belongs to it */
		const char *stop = s > p && s[-1] == '\n' ? s - 1 : s;
		prev->len = (size_t)(stop - (const char *)prev->data);
		if (n == MAX_VFILES)
			break;
		const char *name = s + seplen;
		const char *nl = memchr(name, '\n', (size_t)(end - name));
		const char *name_end = nl ? nl : end;
		size_t k = (size_t)(name_end - name);
		if (k >= sizeof names[n])
			k = sizeof names[n] - 1;
		memcpy(names[n], name, k);
		names[n][k] = '\0';
		const char *body = nl ? nl + 1 : end;
		files[n] = (struct load_vfile){names[n], body, (size_t)(end - body)};
		n++;
		s = body - 1;
	}
	return n;
}

/* Removes what the run wrote; returns how many PDFs there were. */
static int empty_folder(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return 0;
	int pdfs = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		size_t n = strlen(e->d_name);
		if (n > 4 && !strcmp(e->d_name + n - 4, ".pdf"))
			pdfs++;
		char *path = xasprintf("%s/%s", dir, e->d_name);
		unlink(path);
		free(path);
	}
	closedir(d);
	return pdfs;
}

static char *outdir;

static void remove_outdir(void)
{
	empty_folder(outdir);
	rmdir(outdir);
	char *slash = strrchr(outdir, '/');
	*slash = '\0';
	rmdir(outdir);
}

/* libFuzzer ends without atexit handlers: the folders of fuzzers that are
 * gone (vanban-fuzz-PID) are removed when the next one starts. */
static void remove_dead(const char *base)
{
	DIR *d = opendir(base);
	if (!d)
		return;
	struct dirent *e;
	while ((e = readdir(d))) {
		long pid;
		char tail;
		if (sscanf(e->d_name, "vanban-fuzz-%ld%c", &pid, &tail) != 1 || pid <= 0 ||
		    kill((pid_t)pid, 0) == 0 || errno != ESRCH)
			continue; /* not ours, or still running */
		char *dir = xasprintf("%s/%s", base, e->d_name);
		char *out = xasprintf("%s/out", dir);
		empty_folder(out);
		rmdir(out);
		rmdir(dir);
		free(out);
		free(dir);
	}
	closedir(d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct render_opts o;
	if (!outdir) {
		const char *base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
		remove_dead(base);
		char *dir = xasprintf("%s/vanban-fuzz-%ld", base, (long)getpid());
		if (mkdir(dir, 0700) < 0)
			abort();
		outdir = xasprintf("%s/out", dir);
		free(dir);
		atexit(remove_outdir);
		if (!getenv("FUZZ_VERBOSE")) { /* FUZZ_VERBOSE=1: the messages, to see what an input does */
			diag_set_stream(fopen("/dev/null", "w"));
			if (!freopen("/dev/null", "w", stdout)) /* the summary line */
				abort();
		}
		const char *home = getenv("VANBAN_HOME");
		o = (struct render_opts){.home = home ? home : ".", .outdir = outdir, .jobs = 1};
		o.env = render_env_new(&o);
		if (!o.env)
			abort();
	}
	struct load_vfile files[MAX_VFILES];
	size_t n = split((const char *)data, size, files);
	load_file_virtual(files, n);
	char *args[] = {"fuzz.yaml"};
	int errors = diag_errors();
	render_files(&o, args, 1);
	load_file_virtual(NULL, 0);
	diag_reset_worst();
	int pdfs = empty_folder(outdir);
	if (diag_errors() > errors && pdfs > 0)
		abort(); /* a file with errors wrote a PDF */
	return 0;
}
