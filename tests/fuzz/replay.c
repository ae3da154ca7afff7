/* replay.c — runs a libFuzzer target's entry point over saved inputs without
 * libFuzzer: each file named (or each file of each folder named) is read
 * and passed to LLVMFuzzerTestOneInput once. A crash, a sanitizer report or
 * a failed invariant (abort) ends the program non-zero, as under the
 * fuzzer; `make check` replays tests/fuzz-regressions this way. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int replay_file(const char *path)
{
	size_t len;
	char *data = read_file(path, (size_t)16 << 20, &len);
	if (!data) {
		fprintf(stderr, "replay: %s: cannot read\n", path);
		return -1;
	}
	fprintf(stderr, "replay: %s\n", path);
	/* a copy of exactly len bytes, so that reading past the end is caught */
	uint8_t *copy = malloc(len ? len : 1);
	if (!copy)
		abort();
	memcpy(copy, data, len);
	free(data);
	LLVMFuzzerTestOneInput(copy, len);
	free(copy);
	return 0;
}

static int replay_dir(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return replay_file(dir);
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		grow(&names, &cap, n + 1, sizeof *names);
		names[n++] = xasprintf("%s/%s", dir, e->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof *names, by_name);
	int rc = 0;
	for (size_t i = 0; i < n; i++) {
		struct stat st;
		if (stat(names[i], &st) == 0 && S_ISREG(st.st_mode) && replay_file(names[i]) < 0)
			rc = -1;
		free(names[i]);
	}
	free(names);
	return rc;
}

int main(int argc, char **argv)
{
	int rc = 0;
	for (int i = 1; i < argc; i++)
		if (replay_dir(argv[i]) < 0)
			rc = 1;
	return rc;
}
