/* load_encoding.c — the bytes of an input file before YAML sees them: its
 * encoding declaration, conversion of TCVN3, VNI and cp1258 to UTF-8 NFC,
 * and the errors for bytes that are not what they claim to be.
 *
 * The declaration is read from the raw bytes: it is ASCII in every encoding
 * we know, and it must be known before the rest can be decoded. */
#include "load.h"

#include <stdlib.h>
#include <string.h>

#include "load_file.h"
#include "text.h"
#include "util.h"

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

static size_t line_end(const char *d, size_t len, size_t i)
{
	while (i < len && d[i] != '\n' && d[i] != '\r')
		i++;
	return i;
}

static size_t next_line(const char *d, size_t len, size_t i)
{
	i = line_end(d, len, i);
	if (i < len && d[i] == '\r')
		i++;
	if (i < len && d[i] == '\n')
		i++;
	return i;
}

/* Parses `encoding: NAME` (NAME maybe quoted, a comment may follow) in
 * d[i..e); false if the line is something else. */
static bool parse_decl(const char *d, size_t i, size_t e, size_t *name, size_t *nlen)
{
	static const char key[] = "encoding";
	if (e - i < sizeof key - 1 || memcmp(d + i, key, sizeof key - 1) != 0)
		return false;
	i += sizeof key - 1;
	while (i < e && is_blank(d[i]))
		i++;
	if (i >= e || d[i] != ':')
		return false;
	i++;
	while (i < e && is_blank(d[i]))
		i++;
	char q = i < e && (d[i] == '"' || d[i] == '\'') ? d[i] : 0;
	size_t s = i + (q != 0), j = s;
	while (j < e && (q ? d[j] != q : !is_blank(d[j]) && d[j] != '#'))
		j++;
	if (q && j >= e)
		return false;
	size_t k = j + (q != 0);
	while (k < e && is_blank(d[k]))
		k++;
	if (k < e && d[k] != '#')
		return false;
	*name = s;
	*nlen = j - s;
	return true;
}

/* Finds the declaration: the first line that is neither blank nor a comment,
 * if it reads `encoding: NAME`. False after an error (an unknown name). */
static bool find_decl(const char *file, const char *d, size_t len, struct load_text *t)
{
	size_t i = len >= 3 && !memcmp(d, "\xEF\xBB\xBF", 3) ? 3 : 0;
	for (int line = 1; i < len; line++, i = next_line(d, len, i)) {
		size_t e = line_end(d, len, i), j = i;
		while (j < e && is_blank(d[j]))
			j++;
		if (j == e || d[j] == '#')
			continue;
		size_t name, nlen;
		if (j != i || !parse_decl(d, i, e, &name, &nlen))
			return true;
		t->declared = true;
		t->decl = (struct srcpos){file, line, (int)(name - i) + 1};
		char *s = xstrndup(d + name, nlen);
		bool known = text_legacy_name(s, &t->enc);
		if (!known)
			diag(UNKNOWN_ENCODING, &t->decl, s);
		free(s);
		return known;
	}
	return true;
}

/* Position of the byte at off in the file read as enc: lines are the same in
 * every encoding, columns count the characters decoded up to that byte. */
static struct srcpos pos_in(const char *file, const char *d, size_t off, enum legacy_enc enc)
{
	int line = 1;
	size_t start = 0;
	for (size_t i = 0; i < off; i++) {
		if (d[i] == '\n' || (d[i] == '\r' && d[i + 1] != '\n')) {
			line++;
			start = i + 1;
		}
	}
	size_t n;
	char *s = text_from_legacy(enc, d + start, off + 1 - start, &n);
	int col = (int)utf8_count(s, n);
	free(s);
	return (struct srcpos){file, line, col};
}

/* Which encoding reads clearly better than enc, or enc itself. Another
 * wins only where enc does not read as Vietnamese and it does. */
static enum legacy_enc better_reading(const char *raw, size_t rlen, const char *bytes, size_t len,
				      enum legacy_enc enc)
{
	static const enum legacy_enc others[] = {LEGACY_NONE, LEGACY_TCVN3, LEGACY_VNI, LEGACY_CP1258};
	long mine = text_legacy_score(enc, bytes, len), best = mine > 0 ? mine * 2 : 0;
	enum legacy_enc win = enc;
	if (rlen >= 3 && !memcmp(raw, "\xEF\xBB\xBF", 3))
		return LEGACY_NONE; /* a UTF-8 byte-order mark settles it */
	for (size_t i = 0; i < sizeof others / sizeof others[0]; i++) {
		enum legacy_enc o = others[i];
		if (o == enc || (o == LEGACY_TCVN3 && enc == LEGACY_TCVN3H))
			continue;
		long s = o == LEGACY_NONE ? text_legacy_score(o, raw, rlen) : text_legacy_score(o, bytes, len);
		if (s > best) {
			best = s;
			win = o;
		}
	}
	return win;
}

/* Line and column of the index-th character of UTF-8 text d[0..len). */
static struct srcpos char_pos(const char *file, const char *d, size_t len, size_t index)
{
	struct srcpos pos = {file, 1, 1};
	for (size_t i = 0, n = 0; i < len && n < index; n++) {
		uint32_t cp;
		size_t k = utf8_decode(d + i, len - i, &cp);
		i += k ? k : 1;
		bool crlf = cp == '\r' && i < len && d[i] == '\n';
		if (cp == '\n' || (cp == '\r' && !crlf)) {
			pos.line++;
			pos.col = 1;
		} else if (!crlf) {
			pos.col++;
		}
	}
	return pos;
}

/* Where a CSV file's encoding is named: under its entry in the YAML. NULL
 * for a YAML file, which names its own at its top. */
struct csv_entry {
	const char *csv;          /* the CSV file, for messages about the YAML */
	const struct srcpos *pos; /* where the YAML names that file */
};

/* C1 controls in UTF-8 text mean a legacy file read as Latin-1. The YAML
 * reader would refuse the first one before any text reaches the mojibake
 * check, so the whole file is looked at here (only then: it is rare). */
static bool c1_mojibake(const char *file, const char *d, size_t len, const struct csv_entry *csv)
{
	const char *p = d;
	while ((p = memchr(p, 0xC2, len - (size_t)(p - d))) && p + 1 < d + len &&
	       !((unsigned char)p[1] >= 0x80 && (unsigned char)p[1] <= 0x9F))
		p++;
	size_t at;
	enum legacy_enc g;
	if (!p || p + 1 >= d + len || (g = text_guess_legacy(d, len, &at)) == LEGACY_NONE)
		return true;
	struct srcpos pos = char_pos(file, d, len, at);
	if (csv)
		diag(CSV_MOJIBAKE, &pos, text_legacy_label(g), text_legacy_key(g), csv->pos->file, csv->pos->line);
	else
		diag(MOJIBAKE, &pos, text_legacy_label(g), text_legacy_key(g));
	return false;
}

static bool mismatch(const char *file, const struct load_text *t, enum legacy_enc other,
		     const struct csv_entry *csv)
{
	struct srcpos whole = {file, 0, 0};
	const char *key = text_legacy_key(other), *label = text_legacy_label(other);
	const char *mine = text_legacy_key(t->enc);
	if (csv && other == LEGACY_NONE)
		diag(CSV_ENCODING_DECLARED_BUT_UTF8, &t->decl, mine, csv->csv);
	else if (csv)
		diag(CSV_ENCODING_DECLARED_WRONG, &t->decl, mine, csv->csv, label, key);
	else if (t->declared && other == LEGACY_NONE)
		diag(ENCODING_DECLARED_BUT_UTF8, &t->decl, mine);
	else if (t->declared)
		diag(ENCODING_DECLARED_WRONG, &t->decl, mine, label, key);
	else
		diag(ENCODING_OPTION_WRONG, &whole, mine, label, key);
	return false;
}

/* The byte-order mark of UTF-16 text, or (for a CSV, which spreadsheets
 * also write without one) text whose every other byte is mostly zero:
 * "UTF-16LE" or "UTF-16BE", else NULL. */
static const char *utf16_form(const char *data, size_t len, bool sniff)
{
	const unsigned char *u = (const unsigned char *)data;
	if (len >= 2 && u[0] == 0xFF && u[1] == 0xFE)
		return "UTF-16LE";
	if (len >= 2 && u[0] == 0xFE && u[1] == 0xFF)
		return "UTF-16BE";
	size_t pairs = (len < 4096 ? len : 4096) / 2, le = 0, be = 0;
	for (size_t i = 0; sniff && i < pairs; i++) {
		le += u[2 * i] != 0 && u[2 * i + 1] == 0;
		be += u[2 * i] == 0 && u[2 * i + 1] != 0;
	}
	if (!sniff || pairs < 2)
		return NULL;
	return le * 3 >= pairs * 2 && be == 0 ? "UTF-16LE" : be * 3 >= pairs * 2 && le == 0 ? "UTF-16BE" : NULL;
}

static bool is_letter_byte(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c >= 0x80;
}

/* Where the word holding d[i] starts: letters and "?" ("Nguy?n"). */
static size_t word_start(const char *d, size_t i)
{
	const unsigned char *u = (const unsigned char *)d;
	while (i > 0 && (is_letter_byte(u[i - 1]) || d[i - 1] == '?'))
		i--;
	return i;
}

/* Whether the "?" at d[i] stands for a lost letter: a letter before it and,
 * if inner, one after it too; not in a web address's query ("a.php?x=1"). */
static bool lost_letter(const char *d, size_t len, size_t i, bool inner)
{
	const unsigned char *u = (const unsigned char *)d;
	if (d[i] != '?' || i == 0 || !is_letter_byte(u[i - 1]))
		return false;
	if (inner && (i + 1 >= len || !is_letter_byte(u[i + 1])))
		return false;
	size_t a = word_start(d, i);
	return a == 0 || !memchr("/=&:%.", d[a - 1], 6);
}

/* A spreadsheet saved as plain CSV in a Western (Windows-1252) setting
 * writes "?" for each Vietnamese letter it cannot hold ("Nguy?n V?n"): a
 * "?" between letters, in a file that holds no letter beyond cp1252.
 * Reports the first letter so lost; false if there is one. */
static bool letters_lost(const char *file, const char *d, size_t len)
{
	size_t bad, n, i = 0;
	bool utf8 = utf8_valid(d, len, &bad);
	char *back = utf8 ? text_cp1252_bytes(d, len, &n) : NULL;
	if (utf8 && !back)
		return true; /* it holds letters no Western file has */
	free(back);
	while (i < len && !lost_letter(d, len, i, true))
		i++;
	if (i >= len)
		return true;
	for (i = 0; !lost_letter(d, len, i, false); i++)
		;
	size_t a = word_start(d, i), b = i, ls = a;
	while (b < len && (is_letter_byte((unsigned char)d[b]) || d[b] == '?'))
		b++;
	while (ls > 0 && d[ls - 1] != '\n')
		ls--;
	int line = 1;
	for (size_t k = 0; k < ls; k++)
		line += d[k] == '\n';
	/* shown as the spreadsheet's text would read, never as raw bytes */
	size_t wl, pl;
	char *word = utf8 ? xstrndup(d + a, b - a) : text_from_legacy(LEGACY_CP1258, d + a, b - a, &wl);
	char *pre = utf8 ? xstrndup(d + ls, i - ls) : text_from_legacy(LEGACY_CP1258, d + ls, i - ls, &pl);
	char *shown = load_file_excerpt(word, strlen(word));
	struct srcpos pos = {file, line, (int)utf8_count(pre, strlen(pre)) + 1};
	diag(CSV_LETTERS_LOST, &pos, shown);
	free(shown);
	free(pre);
	free(word);
	return false;
}

/* Checks and converts t->enc's bytes (the declaration, if any, already
 * read). csv: the file is a CSV (its messages say what to do in a
 * spreadsheet and in the YAML's csv entry). */
static bool decode(const char *file, const char *data, size_t len, struct load_text *t,
		   const struct csv_entry *csv)
{
	const char *utf16 = utf16_form(data, len, csv != NULL);
	if (csv && utf16) {
		struct srcpos pos = {file, 1, 1};
		diag(CSV_UTF16, &pos, utf16);
		return false;
	}
	if (csv && !letters_lost(file, data, len))
		return false;
	if ((utf16 || (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3))) && !t->declared)
		t->enc = LEGACY_NONE; /* a byte-order mark declares Unicode */
	size_t bad;
	if (t->enc == LEGACY_NONE) {
		t->check_mojibake = true;
		enum legacy_enc g;
		if (utf16)
			return true;
		if (utf8_valid(data, len, &bad)) {
			size_t at;
			if (!csv || (g = text_guess_legacy(data, len, &at)) == LEGACY_NONE)
				return c1_mojibake(file, data, len, csv);
			struct srcpos pos = char_pos(file, data, len, at);
			diag(CSV_MOJIBAKE, &pos, text_legacy_label(g), text_legacy_key(g), csv->pos->file,
			     csv->pos->line);
			return false;
		}
		if (!text_guess_legacy_bytes(data, len, &g) || g == LEGACY_NONE)
			return true; /* the reader reports the fault */
		struct srcpos pos = pos_in(file, data, bad, g);
		if (csv)
			diag(CSV_LEGACY_UNDECLARED, &pos, text_legacy_label(g), text_legacy_key(g),
			     csv->pos->file, csv->pos->line);
		else
			diag(LEGACY_ENCODING_UNDECLARED, &pos, text_legacy_label(g), text_legacy_key(g));
		return false;
	}
	/* UTF-8 text with only Latin-1/cp1252 characters may be a legacy file
	 * an editor "saved as UTF-8": its bytes are then the legacy ones. */
	const char *bytes = data;
	size_t blen = len;
	char *undone = NULL;
	if (utf8_valid(data, len, &bad) && (undone = text_cp1252_bytes(data, len, &blen)) &&
	    text_legacy_score(t->enc, undone, blen) > text_legacy_score(t->enc, data, len))
		bytes = undone;
	else
		blen = len;
	enum legacy_enc other = better_reading(data, len, bytes, blen, t->enc);
	if (other != t->enc) {
		free(undone);
		return mismatch(file, t, other, csv);
	}
	t->owned = text_from_legacy(t->enc, bytes, blen, &t->len);
	t->data = t->owned;
	free(undone);
	/* bytes the encoding leaves unassigned (or a VNI mark on nothing) */
	const char *fffd = memmem(t->data, t->len, "\xEF\xBF\xBD", 3);
	if (fffd) {
		struct srcpos pos = char_pos(file, t->data, t->len, utf8_count(t->data, (size_t)(fffd - t->data)));
		diag(ENCODING_BAD_BYTE, &pos,
		     text_legacy_label(t->enc));
		free(t->owned);
		*t = (struct load_text){0};
		return false;
	}
	return true;
}

bool load_encoding(const char *file, const char *data, size_t len, enum legacy_enc dflt,
		   struct load_text *t)
{
	*t = (struct load_text){.data = data, .len = len, .enc = dflt};
	if (!find_decl(file, data, len, t))
		return false;
	return decode(file, data, len, t, NULL);
}

bool load_encoding_csv(const char *file, const char *data, size_t len, enum legacy_enc enc,
		       const struct srcpos *decl, const struct srcpos *entry, struct load_text *t)
{
	*t = (struct load_text){.data = data, .len = len, .enc = enc, .declared = decl != NULL};
	if (decl)
		t->decl = *decl;
	struct csv_entry csv = {file, entry};
	return decode(file, data, len, t, &csv);
}
