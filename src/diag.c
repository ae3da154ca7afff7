/* diag.c — diagnostics, the message table and the worst level seen. */
#include "diag.h"

#include <libintl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>

/* Certificates are written to PDF on worker threads, whose rare failures
 * are reported from there: one message at a time, counts kept exact. */
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static enum diag_level worst = DIAG_NOTE;
static int nerrors;
static bool quiet, verbose;
static int count[DIAG_SYSERR + 1], folded;
static bool fold[MSG_COUNT];
static FILE *out;

static const struct {
	enum diag_level level;
	const char *text;
	const char *name;
} table[MSG_COUNT] = {
#define MSG(code, lvl, txt) [MSG_##code] = {DIAG_##lvl, txt, #code},
#include "msg.def"
#undef MSG
};

enum diag_level msg_level(enum msg code) { return table[code].level; }
const char *msg_format(enum msg code) { return table[code].text; }
const char *msg_name(enum msg code) { return table[code].name; }

int diag_format_check(const char *fmt, ...)
{
	(void)fmt;
	return 0;
}

/* The level words are translated after the stable "vanban: FILE:LINE:COL: "
 * prefix that tools parse. */
static const char *level_word(enum diag_level level)
{
	static const char *const word[] = {"note", "warning", "error", "error"};
	return dgettext("vanban", word[level]);
}

static void emit(enum diag_level level, const struct srcpos *pos, const char *fmt, va_list ap)
{
	pthread_mutex_lock(&lock);
	FILE *f = out ? out : stderr;
	if (level > worst)
		worst = level;
	if (level >= DIAG_ERROR)
		nerrors++;
	count[level]++;
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
	fprintf(f, "%s: ", level_word(level));
	vfprintf(f, fmt, ap);
	fputc('\n', f);
	pthread_mutex_unlock(&lock);
}

void diag_emit(enum msg code, const struct srcpos *pos, ...)
{
	va_list ap;
	va_start(ap, pos);
	if (fold[code] && !verbose && table[code].level < DIAG_ERROR) {
		pthread_mutex_lock(&lock);
		count[table[code].level]++;
		if (table[code].level > worst)
			worst = table[code].level;
		folded++;
		pthread_mutex_unlock(&lock);
	} else {
		emit(table[code].level, pos, dgettext("vanban", table[code].text), ap);
	}
	va_end(ap);
}

enum diag_level diag_worst(void) { return worst; }
void diag_reset_worst(void) { worst = DIAG_NOTE; }
int diag_errors(void) { return nerrors; }
int diag_count(enum diag_level level) { return count[level]; }
void diag_fold(enum msg code) { fold[code] = true; }
void diag_set_verbose(bool v) { verbose = v; }
int diag_folded(void) { return folded; }

const char *diag_tr(const char *msgid) { return dgettext("vanban", msgid); }

const char *diag_ntr(const char *singular, const char *plural, unsigned long n)
{
	return dngettext("vanban", singular, plural, n);
}
void diag_set_quiet(bool q) { quiet = q; }
void diag_set_stream(FILE *f) { out = f; }
