/* diag.c — diagnostics and the worst level seen. */
#include "diag.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>

/* Certificates are written to PDF on worker threads, whose rare failures
 * are reported from there: one message at a time, counts kept exact. */
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static enum diag_level worst = DIAG_NOTE;
static int nerrors;
static bool quiet;
static FILE *out;

static const char *const level_name[] = {"note", "warning", "error", "error"};

void diag(enum diag_level level, const struct srcpos *pos, const char *fmt, ...)
{
	pthread_mutex_lock(&lock);
	FILE *f = out ? out : stderr;
	if (level > worst)
		worst = level;
	if (level >= DIAG_ERROR)
		nerrors++;
	if (level == DIAG_NOTE && quiet) {
		pthread_mutex_unlock(&lock);
		return;
	}
	fputs("vanban: ", f);
	if (pos && pos->file) {
		fputs(pos->file, f);
		if (pos->line > 0) {
			fprintf(f, ":%d", pos->line);
			if (pos->col > 0)
				fprintf(f, ":%d", pos->col);
		}
		fputs(": ", f);
	}
	fprintf(f, "%s: ", level_name[level]);
	va_list ap;
	va_start(ap, fmt);
	vfprintf(f, fmt, ap);
	va_end(ap);
	fputc('\n', f);
	pthread_mutex_unlock(&lock);
}

enum diag_level diag_worst(void) { return worst; }
void diag_reset_worst(void) { worst = DIAG_NOTE; }
int diag_errors(void) { return nerrors; }
void diag_set_quiet(bool q) { quiet = q; }
void diag_set_stream(FILE *f) { out = f; }
