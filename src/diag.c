/* diag.c — diagnostics, the message table and the worst level seen. */
#include "diag.h"

#include <libintl.h>
#include <locale.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

const char *diag_word(const char *english)
{
	return dgettext("vanban", english);
}

static bool is_c_locale(const char *name)
{
	return !name || !*name || !strcmp(name, "C") || !strcmp(name, "POSIX");
}

/* The first of the variables that name the messages' locale, as glibc reads them. */
static const char *messages_locale_env(void)
{
	static const char *const vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
	for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		const char *v = getenv(vars[i]);
		if (v && *v)
			return v;
	}
	return NULL;
}

/* Only LC_MESSAGES follows the environment: numbers in PDFs and dumps must
 * keep their "." whatever the user's locale. glibc ignores LANGUAGE under
 * the C locale and translates nothing when the named locale (vi_VN.UTF-8)
 * is not installed; messages come from our own catalogue, so in both cases
 * we read them under C.UTF-8, with LANGUAGE taken from the locale's name
 * ("vi_VN.UTF-8" gives "vi") if it was not set. */
void diag_set_language(const char *localedir)
{
	const char *got = setlocale(LC_MESSAGES, "");
	const char *language = getenv("LANGUAGE");
	const char *name = messages_locale_env();
	if (is_c_locale(got) && !(language && *language) && !is_c_locale(name) &&
	    strncmp(name, "C.", 2) != 0) {
		char lang[16];
		size_t n = strcspn(name, "_.@");
		if (n > 0 && n < sizeof lang) {
			memcpy(lang, name, n);
			lang[n] = '\0';
			setenv("LANGUAGE", lang, 1);
			language = getenv("LANGUAGE");
		}
	}
	if (is_c_locale(got) && language && *language)
		setlocale(LC_MESSAGES, "C.UTF-8");
	bindtextdomain("vanban", localedir);
	bind_textdomain_codeset("vanban", "UTF-8");
	textdomain("vanban");
}

/* The level words are translated after the stable "vanban: FILE:LINE:COL: "
 * prefix that tools parse. */
static const char *level_word(enum diag_level level)
{
	static const char *const word[] = {N_("note"), N_("warning"), N_("error"), N_("error")};
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
