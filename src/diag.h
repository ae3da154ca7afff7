/* diag.h — the one place diagnostics are printed.
 * Format: "vanban: FILE:LINE:COL: level: message" (position parts omitted
 * when unknown). The exit status of a run is the worst level seen. */
#ifndef VANBAN_DIAG_H
#define VANBAN_DIAG_H

#include <stdbool.h>
#include <stdio.h>

/* Ordered by severity; the numeric value is the exit status. */
enum diag_level {
	DIAG_NOTE = 0,
	DIAG_WARNING = 1,
	DIAG_ERROR = 2,   /* bad input */
	DIAG_SYSERR = 3,  /* the system failed us: I/O, fonts, libraries */
};

/* Where something came from: 1-based line and column (columns count
 * characters, not bytes). line == 0 means "the whole file"; file == NULL
 * means "no file". The file string is borrowed and must outlive the diagnostic. */
struct srcpos {
	const char *file;
	int line, col;
};

/* The message codes of msg.def, in table order. */
enum msg {
#define MSG(code, level, text) MSG_##code,
#include "msg.def"
#undef MSG
	MSG_COUNT
};

/* One array per message, so that diag() can have the compiler check a call's
 * arguments against the table's format (declared in a header: no
 * unused-variable warnings). */
#define MSG(code, level, text) static const char msgfmt_##code[] = text;
#include "msg.def"
#undef MSG

/* Reports message CODE (a name from msg.def without MSG_) at POS. */
#define diag(code, pos, ...) \
	((void)(0 && diag_format_check(msgfmt_##code, ##__VA_ARGS__)), \
	 diag_emit(MSG_##code, (pos), ##__VA_ARGS__))

/* The same with a code chosen at run time. */
void diag_emit(enum msg code, const struct srcpos *pos, ...);
int diag_format_check(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* The level and English format of a code. */
enum diag_level msg_level(enum msg code);
const char *msg_format(enum msg code);
/* The code's name as in msg.def ("UNKNOWN_KEY"). */
const char *msg_name(enum msg code);

/* Texts that are not diagnostics (the summary, the progress line) in the
 * user's language: the English msgid, or its plural form for n. */
const char *diag_tr(const char *msgid) __attribute__((format_arg(1)));
const char *diag_ntr(const char *singular, const char *plural, unsigned long n)
	__attribute__((format_arg(1), format_arg(2)));
/* Marks a word or phrase that a message takes as an argument ("a list",
 * "person") for translation where it is written (xgettext -kN_ finds it);
 * diag_word() translates it where it is used. */
#define N_(english) english
const char *diag_word(const char *english);

/* Takes the message language from the environment (LANGUAGE, LC_ALL,
 * LC_MESSAGES, LANG) and the translations from localedir
 * (localedir/vi/LC_MESSAGES/vanban.mo). Without it, messages are English. */
void diag_set_language(const char *localedir);

/* The messages of one input file: after 100 errors, the file's further
 * messages are counted, not printed, and diag_file_end(file) reports how
 * many errors were left out in one line. diag_file_silenced() tells a
 * caller that it may skip work done only for a message (a did-you-mean). */
void diag_file_begin(void);
void diag_file_end(const char *file);
bool diag_file_silenced(void);

/* Worst level reported since the last diag_reset(). */
enum diag_level diag_worst(void);
void diag_reset_worst(void);
/* Number of errors (DIAG_ERROR and worse) reported so far. */
int diag_errors(void);
/* Number of messages of exactly this level so far (folded ones included). */
int diag_count(enum diag_level level);

/* Per-record messages (one per certificate, say) are folded into a count
 * unless verbose: diag_fold(MSG_X) marks a code; diag_folded() is how many
 * were not printed. */
void diag_fold(enum msg code);
/* Notes only -v asks for (how each header name wrapped): without it they
 * are neither printed nor counted. */
void diag_verbose_only(enum msg code);
void diag_set_verbose(bool verbose);
int diag_folded(void);
/* Work done a second time (a certificate composed again to be written)
 * says nothing: while muted, this thread's messages are neither printed
 * nor counted. Returns the previous state, to restore. */
bool diag_mute(bool on);
/* Number of warnings reported so far. */
int diag_warnings(void);
/* Redirect output (tests); NULL restores stderr. */
void diag_set_stream(FILE *f);

#endif
