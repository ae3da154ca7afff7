/* unit.h — a tiny assertion harness. Each TEST is one line of output,
 * "ok - name" or "not ok - name"; tests/run.sh counts them. */
#ifndef VANBAN_UNIT_H
#define VANBAN_UNIT_H

#include <stdio.h>
#include <string.h>

static int unit_fails, unit_total_fails;

#define CHECK(cond)                                                              \
	do {                                                                     \
		if (!(cond)) {                                                   \
			printf("#   %s:%d: CHECK(%s) failed\n", __FILE__, __LINE__, #cond); \
			unit_fails++;                                            \
		}                                                                \
	} while (0)

#define CHECK_STR(got, want)                                                     \
	do {                                                                     \
		const char *g_ = (got), *w_ = (want);                            \
		if (!g_ || strcmp(g_, w_) != 0) {                                \
			printf("#   %s:%d: got \"%s\", want \"%s\"\n", __FILE__, __LINE__, \
			       g_ ? g_ : "(null)", w_);                          \
			unit_fails++;                                            \
		}                                                                \
	} while (0)

#define CHECK_INT(got, want)                                                     \
	do {                                                                     \
		long long g_ = (long long)(got), w_ = (long long)(want);         \
		if (g_ != w_) {                                                  \
			printf("#   %s:%d: %s = %lld, want %lld\n", __FILE__, __LINE__, #got, g_, w_); \
			unit_fails++;                                            \
		}                                                                \
	} while (0)

#define RUN(fn)                                                                  \
	do {                                                                     \
		unit_fails = 0;                                                  \
		fn();                                                            \
		printf("%s - %s\n", unit_fails ? "not ok" : "ok", #fn);          \
		unit_total_fails += unit_fails;                                  \
	} while (0)

#define UNIT_EXIT() return unit_total_fails ? 1 : 0

#endif
