/* typeset_words.h — where centred text may break, from language data.
 *
 * A header name breaks where a reader would: before the word that begins
 * an administrative unit or a body ("CÔNG ĐOÀN VIÊN CHỨC / TỈNH AN
 * GIANG"), never between the syllables of a compound word ("CHÍNH / TRỊ").
 * The words are data (layouts/line-breaks.yaml, docs/rules.md §5.3), read
 * once at start; this module matches them against a line's words and says,
 * for each space between two words, how good a break there is. */
#ifndef VANBAN_TYPESET_WORDS_H
#define VANBAN_TYPESET_WORDS_H

#include <stdbool.h>
#include <stddef.h>

/* What a space between two words is, for breaking. */
enum brk_gap {
	GAP_FREE,   /* an ordinary space */
	GAP_INSIDE, /* between the syllables of one compound or unit: never break */
	GAP_BEFORE, /* just before a unit ("… / TỈNH AN GIANG"): a good break */
	GAP_AFTER,  /* just after a unit, before its name ("SỞ / GIÁO DỤC"): a poor one */
	GAP_HELD,   /* after a word that belongs to the next ("VÀ", "CỦA"): a bad one */
};

struct brk_words;

/* An empty set; phrases are added with brk_words_add(). */
struct brk_words *brk_words_new(void);
/* What a listed phrase is. */
enum brk_phrase {
	PHRASE_COMPOUND, /* compounds: never broken inside */
	PHRASE_UNIT,     /* break_before: begins a unit; also never broken inside */
	PHRASE_HELD,     /* keep_with_next: a line does not end on it */
};

/* Adds a phrase (words separated by single spaces, any case) of that kind.
 * A phrase listed twice keeps both kinds. False, adding nothing, if the
 * phrase is empty. */
bool brk_words_add(struct brk_words *w, const char *phrase, enum brk_phrase kind);
void brk_words_free(struct brk_words *w);

/* Reads a file like layouts/line-breaks.yaml (keys break_before,
 * keep_with_next and compounds, each a list of phrases). NULL after one error at its place. */
struct brk_words *brk_words_load(const char *path);

/* The set the typesetter uses for centred paragraphs (NULL: none). Set
 * once at start, before any rendering thread runs; read-only after. */
void brk_words_use(const struct brk_words *w);
const struct brk_words *brk_words_current(void);

/* For the n words word[0..n) (each len[i] bytes, NFC, any case), the kind
 * of each of the n - 1 spaces between them: gap[i] is the space after
 * word[i]. Punctuation around a word ("(AN", "GIANG),") is ignored for
 * matching, but no phrase runs across a comma or a parenthesis. */
void brk_words_gaps(const struct brk_words *w, const char *const *word, const size_t *len,
		    size_t n, enum brk_gap *gap);

#endif
