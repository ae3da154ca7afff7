/* load.h — input files into node trees (node.h), with hard limits so that
 * no input can make the tool slow, huge or confused. Only load_*.c see the
 * parsing libraries. */
#ifndef VANBAN_LOAD_H
#define VANBAN_LOAD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "node.h"
#include "text.h"

/* Any field left 0 takes its default. */
struct load_limits {
	int max_depth;     /* nested mappings/lists; default 64 */
	size_t max_file;   /* bytes of input; default 8 MiB */
	size_t max_scalar; /* bytes of one text value; default 64 KiB */
	size_t max_nodes;  /* text values, mappings and lists together; default 1,000,000 */
	/* Optional: whether a character can be printed (the document font has
	 * it). Text holding one that cannot is an error naming the character,
	 * at its position, with font_name in the message. */
	bool (*printable)(const void *ctx, uint32_t cp);
	const void *printable_ctx;
	const char *font_name;
	/* The encoding of files that do not declare one ("encoding: NAME" as
	 * their first line that is not a comment); LEGACY_NONE is UTF-8. */
	enum legacy_enc encoding;
};

#define LOAD_MAX_DEPTH 64
#define LOAD_MAX_FILE ((size_t)8 << 20)
#define LOAD_MAX_SCALAR ((size_t)64 << 10)
#define LOAD_MAX_NODES ((size_t)1000000)

/* What the caller may want to tell the user about a file that loaded. */
struct load_info {
	bool not_nfc;                /* some text was not NFC and has been normalised */
	struct srcpos first_not_nfc; /* where the first such text starts (file owned by the tree) */
	size_t nodes;                /* nodes in the tree */
	enum legacy_enc encoding;    /* what the bytes were read as (LEGACY_NONE: UTF-8) */
};

/* Reads the YAML file at path into a tree. lim and info may be NULL. Returns
 * the root (free with node_free), or NULL after exactly one diagnostic:
 * DIAG_ERROR for bad input, DIAG_SYSERR if the file cannot be read. The
 * file must hold one document; aliases, anchors and tags are refused.
 * A file in a legacy encoding (declared, or lim->encoding) is converted to
 * UTF-8 NFC first, so positions count the characters of the converted text;
 * a declaration that does not fit the bytes, undeclared legacy bytes (not
 * UTF-8) and TCVN3/VNI mojibake in UTF-8 text are errors naming the likely
 * encoding. */
struct node *load_yaml(const char *path, const struct load_limits *lim, struct load_info *info);
/* Same for YAML held in memory (data need not be NUL-terminated); name is
 * the file name used in positions (copied into the tree). */
struct node *load_yaml_mem(const char *name, const char *data, size_t len,
			   const struct load_limits *lim, struct load_info *info);

/* --- inside the loader (load_*.c) ---------------------------------------- */

/* An input's bytes made ready for the YAML reader. */
struct load_text {
	const char *data;     /* UTF-8 to parse: the input itself or owned */
	size_t len;
	char *owned;          /* converted text, or NULL; the caller frees it */
	enum legacy_enc enc;  /* what the input was read as */
	bool declared;        /* by an "encoding:" line (else dflt applied) */
	struct srcpos decl;   /* where its value is (file borrowed) */
	bool check_mojibake;  /* read as UTF-8: look for TCVN3/VNI mojibake in text */
};

/* Reads the encoding declaration of data[0..len) and converts the bytes to
 * UTF-8 NFC if it (or dflt) names a legacy encoding. False after exactly one
 * error: an unknown name, a declaration the bytes do not fit, or legacy
 * bytes that are not UTF-8 and were not declared. */
bool load_encoding(const char *file, const char *data, size_t len, enum legacy_enc dflt,
		   struct load_text *t);
/* The same for a CSV file, whose encoding the YAML names (enc, at decl;
 * decl NULL when it names none) in the csv entry that names the file at
 * entry. Also refuses UTF-16 (with or without byte-order mark) and a file
 * whose Vietnamese letters were lost as "?" (saved as Windows-1252), each
 * saying what to do in the spreadsheet or the YAML. */
bool load_encoding_csv(const char *file, const char *data, size_t len, enum legacy_enc enc,
		       const struct srcpos *decl, const struct srcpos *entry, struct load_text *t);

/* Hints for the YAML mistakes people make (load_hint.c): given libyaml's
 * problem and context at 1-based positions in the UTF-8 text data[0..len),
 * reports what to write instead and returns true, or returns false (no
 * hint: the caller reports libyaml's words). load_hint_star: an alias at
 * line:col, most likely a value in *markup* that needs quotes. */
bool load_hint_syntax(const char *file, const char *data, size_t len, const char *problem,
		      const char *context, int line, int col, int context_line, int context_col);
bool load_hint_star(const char *file, const char *data, size_t len, int line, int col);

/* Reports the character cp that text_check_safe refused (why) at pos;
 * column names the CSV column it is in, or is NULL (YAML). */
void load_report_unsafe(const struct srcpos *pos, const char *column, enum text_unsafe why, uint32_t cp);

#endif
