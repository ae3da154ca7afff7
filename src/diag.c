/* diag.c — diagnostics, the message table and the worst level seen. */
#include "diag.h"

#include <libintl.h>
#include <locale.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "util.h"

/* Certificates are written to PDF on worker threads, whose rare failures
 * are reported from there: one message at a time, counts kept exact. */
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static enum diag_level worst = DIAG_NOTE;
static int nerrors, nwarnings;
static bool verbose;
static int level_count[DIAG_SYSERR + 1], folded;
static bool fold[MSG_COUNT], verbose_only[MSG_COUNT];
static FILE *out;
static _Thread_local bool muted;

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

/* Appends s with what must not reach a terminal escaped: bytes that are
 * not UTF-8 and control characters become \xNN (a file's raw bytes, an
 * escape sequence in a name). */
static void add_printable(struct buf *b, const char *s)
{
	for (size_t i = 0, len = strlen(s); i < len;) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, len - i, &cp);
		if (k == 0 || cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F)) {
			for (size_t j = 0; j < (k ? k : 1); j++)
				buf_printf(b, "\\x%02X", (unsigned char)s[i + j]);
			i += k ? k : 1;
			continue;
		}
		buf_add(b, s + i, k);
		i += k;
	}
}

/* After this many errors in one input file the rest of its messages are
 * counted, not printed (diag_file_end says how many). */
#define FILE_MAX_ERRORS 100

static bool in_file;
static int file_errors;
static long file_hidden;

/* Counts the message; false if it is not to be printed. Under the lock. */
static bool count(enum diag_level level)
{
	if (level > worst)
		worst = level;
	if (level >= DIAG_ERROR)
		nerrors++;
	else if (level == DIAG_WARNING)
		nwarnings++;
	level_count[level]++;
	if (in_file && file_errors >= FILE_MAX_ERRORS) {
		file_hidden += level >= DIAG_ERROR;
		return false;
	}
	if (in_file && level >= DIAG_ERROR)
		file_errors++;
	return true;
}

static void emit(enum diag_level level, const struct srcpos *pos, const char *fmt, va_list ap)
{
	pthread_mutex_lock(&lock);
	if (!count(level)) {
		pthread_mutex_unlock(&lock);
		return;
	}
	struct buf line = {0}, text = {0};
	buf_adds(&line, "vanban: ");
	if (pos && pos->file) {
		add_printable(&line, pos->file);
		if (pos->line > 0) {
			buf_printf(&line, ":%d", pos->line);
			if (pos->col > 0)
				buf_printf(&line, ":%d", pos->col);
		}
		buf_adds(&line, ": ");
	}
	buf_printf(&line, "%s: ", level_word(level));
	buf_vprintf(&text, fmt, ap);
	add_printable(&line, text.data ? text.data : "");
	buf_addc(&line, '\n');
	/* one write a line: lines from worker threads never interleave */
	fwrite(line.data, 1, line.len, out ? out : stderr);
	pthread_mutex_unlock(&lock);
	buf_free(&line);
	buf_free(&text);
}

void diag_file_begin(void)
{
	pthread_mutex_lock(&lock);
	in_file = true;
	file_errors = 0;
	file_hidden = 0;
	pthread_mutex_unlock(&lock);
}

void diag_file_end(const char *file)
{
	pthread_mutex_lock(&lock);
	long hidden = file_hidden;
	in_file = false;
	pthread_mutex_unlock(&lock);
	struct srcpos pos = {file, 0, 0};
	if (hidden == 1)
		diag(ONE_MORE_ERROR, &pos);
	else if (hidden > 1)
		diag(MORE_ERRORS, &pos, hidden);
}

bool diag_file_silenced(void)
{
	pthread_mutex_lock(&lock);
	bool silenced = in_file && file_errors >= FILE_MAX_ERRORS;
	pthread_mutex_unlock(&lock);
	return silenced;
}

void diag_emit(enum msg code, const struct srcpos *pos, ...)
{
	if (muted)
		return;
	va_list ap;
	va_start(ap, pos);
	if (verbose_only[code] && !verbose && table[code].level == DIAG_NOTE) {
		/* not even counted */
	} else if (fold[code] && !verbose && table[code].level < DIAG_ERROR) {
		pthread_mutex_lock(&lock);
		level_count[table[code].level]++;
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
int diag_count(enum diag_level level) { return level_count[level]; }
void diag_fold(enum msg code) { fold[code] = true; }
void diag_verbose_only(enum msg code) { verbose_only[code] = true; }
void diag_set_verbose(bool v) { verbose = v; }
bool diag_mute(bool on)
{
	bool was = muted;
	muted = on;
	return was;
}
int diag_folded(void) { return folded; }

const char *diag_tr(const char *msgid) { return dgettext("vanban", msgid); }

const char *diag_ntr(const char *singular, const char *plural, unsigned long n)
{
	return dngettext("vanban", singular, plural, n);
}
int diag_warnings(void) { return nwarnings; }
void diag_set_stream(FILE *f) { out = f; }
