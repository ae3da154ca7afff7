/* typeset_words.c — matching the break words (typeset_words.h).
 *
 * The phrases are kept upper-cased in a sorted array; a line's words are
 * matched left to right, the longest phrase at each word first, so that
 * overlapping phrases resolve the way they are read ("CÔNG ĐOÀN" + "VIÊN
 * CHỨC", not "ĐOÀN VIÊN"). */
#include "typeset_words.h"

#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "load.h"
#include "text.h"
#include "util.h"

struct phrase {
	char *key;   /* upper case, words separated by one space */
	unsigned kinds; /* 1 << enum brk_phrase */
};

struct brk_words {
	struct phrase *v;
	size_t n, cap;
	size_t max_words; /* of the longest phrase */
};

static const struct brk_words *current;

struct brk_words *brk_words_new(void)
{
	return xcalloc(1, sizeof(struct brk_words));
}

void brk_words_free(struct brk_words *w)
{
	if (!w)
		return;
	for (size_t i = 0; i < w->n; i++)
		free(w->v[i].key);
	free(w->v);
	free(w);
}

void brk_words_use(const struct brk_words *w)
{
	current = w;
}

const struct brk_words *brk_words_current(void)
{
	return current;
}

/* The phrase with single spaces and upper case, or NULL if it has no word. */
static char *normal_key(const char *s, size_t *words)
{
	struct buf b = {0};
	*words = 0;
	for (const char *p = s; *p;) {
		p += strspn(p, " \t\n");
		size_t k = strcspn(p, " \t\n");
		if (!k)
			break;
		if (b.len)
			buf_addc(&b, ' ');
		buf_add(&b, p, k);
		(*words)++;
		p += k;
	}
	if (!*words) {
		buf_free(&b);
		return NULL;
	}
	char *u = text_upper(b.data);
	buf_free(&b);
	return u;
}

static size_t lower_bound(const struct brk_words *w, const char *key)
{
	size_t lo = 0, hi = w->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(w->v[mid].key, key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

bool brk_words_add(struct brk_words *w, const char *phrase, enum brk_phrase kind)
{
	size_t words;
	char *key = normal_key(phrase, &words);
	if (!key)
		return false;
	size_t at = lower_bound(w, key);
	if (at < w->n && !strcmp(w->v[at].key, key)) {
		w->v[at].kinds |= 1u << kind;
		free(key);
		return true;
	}
	grow(&w->v, &w->cap, w->n + 1, sizeof *w->v);
	memmove(w->v + at + 1, w->v + at, (w->n - at) * sizeof *w->v);
	w->v[at] = (struct phrase){key, 1u << kind};
	w->n++;
	if (words > w->max_words)
		w->max_words = words;
	return true;
}

static const struct phrase *find(const struct brk_words *w, const char *key)
{
	size_t at = lower_bound(w, key);
	return at < w->n && !strcmp(w->v[at].key, key) ? &w->v[at] : NULL;
}

/* --- loading ------------------------------------------------------------ */

static bool add_list(struct brk_words *w, const struct node *key, const struct node *list,
		     enum brk_phrase kind)
{
	if (list->kind != NODE_SEQ) {
		diag(WRONG_TYPE, &list->pos, key->str, "a list of words", node_kind_name(list->kind));
		return false;
	}
	for (size_t i = 0; i < list->nitems; i++) {
		const struct node *it = list->items[i];
		if (it->kind != NODE_SCALAR || !brk_words_add(w, it->str, kind)) {
			diag(WRONG_TYPE, &it->pos, key->str, "a list of words",
			     it->kind == NODE_SCALAR ? "an empty text" : node_kind_name(it->kind));
			return false;
		}
	}
	return true;
}

struct brk_words *brk_words_load(const char *path)
{
	struct node *root = load_yaml(path, NULL, NULL);
	if (!root)
		return NULL;
	struct brk_words *w = brk_words_new();
	bool ok = true;
	if (root->kind != NODE_MAP) {
		diag(NOT_A_MAPPING, &root->pos, path, node_kind_name(root->kind));
		ok = false;
	}
	for (size_t i = 0; ok && i < root->npairs; i++) {
		const struct node_pair *pr = &root->pairs[i];
		if (!strcmp(pr->key->str, "break_before"))
			ok = add_list(w, pr->key, pr->value, PHRASE_UNIT);
		else if (!strcmp(pr->key->str, "keep_with_next"))
			ok = add_list(w, pr->key, pr->value, PHRASE_HELD);
		else if (!strcmp(pr->key->str, "compounds"))
			ok = add_list(w, pr->key, pr->value, PHRASE_COMPOUND);
		else {
			diag(UNKNOWN_KEY, &pr->key->pos, pr->key->str, path);
			ok = false;
		}
	}
	node_free(root);
	if (!ok) {
		brk_words_free(w);
		return NULL;
	}
	return w;
}

/* --- matching ----------------------------------------------------------- */

/* One word as matched: upper case without the punctuation around it. */
struct mword {
	char *s;    /* NULL: nothing left to match ("-", "…") */
	bool open;  /* punctuation before it: no phrase runs into it */
	bool close; /* punctuation after it: no phrase runs on past it */
};

static bool is_open(unsigned char c)
{
	return c == '(' || c == '[' || c == '"' || c == '\'';
}

static bool is_close(unsigned char c)
{
	return strchr(",.;:)]!?\"'", c) != NULL;
}

/* Strips ASCII punctuation and the curly quotes (3 bytes, E2 80 9x). */
static struct mword match_word(const char *s, size_t len)
{
	struct mword m = {NULL, false, false};
	size_t a = 0, b = len;
	for (;;) {
		if (a < b && is_open((unsigned char)s[a]))
			a++;
		else if (b - a >= 3 && (unsigned char)s[a] == 0xE2 && (unsigned char)s[a + 1] == 0x80 &&
			 ((unsigned char)s[a + 2] & 0xF0) == 0x90)
			a += 3;
		else
			break;
		m.open = true;
	}
	for (;;) {
		if (b > a && is_close((unsigned char)s[b - 1]))
			b--;
		else if (b - a >= 3 && (unsigned char)s[b - 3] == 0xE2 && (unsigned char)s[b - 2] == 0x80 &&
			 ((unsigned char)s[b - 1] & 0xF0) == 0x90)
			b -= 3;
		else
			break;
		m.close = true;
	}
	if (b > a && !(b - a == 1 && strchr("-–", s[a]))) {
		char *t = xstrndup(s + a, b - a);
		m.s = text_upper(t);
		free(t);
	}
	return m;
}

/* The longest phrase that starts at word i (its word count in *k), or NULL. */
static const struct phrase *longest_at(const struct brk_words *w, const struct mword *m, size_t n,
				       size_t i, size_t *k)
{
	struct buf key = {0};
	size_t can = 0; /* words from i that one phrase may span */
	for (size_t j = i; j < n && can < w->max_words; j++) {
		if (!m[j].s || (j > i && m[j].open))
			break;
		can++;
		if (m[j].close)
			break;
	}
	const struct phrase *best = NULL;
	for (size_t len = can; len >= 1 && !best; len--) {
		key.len = 0;
		for (size_t j = i; j < i + len; j++) {
			if (j > i)
				buf_addc(&key, ' ');
			buf_adds(&key, m[j].s);
		}
		best = find(w, key.data);
		*k = len;
	}
	buf_free(&key);
	return best;
}

void brk_words_gaps(const struct brk_words *w, const char *const *word, const size_t *len,
		    size_t n, enum brk_gap *gap)
{
	if (n < 2)
		return;
	for (size_t i = 0; i + 1 < n; i++)
		gap[i] = GAP_FREE;
	if (!w || !w->n)
		return;
	struct mword *m = xmalloc(n * sizeof *m);
	bool *starts = xcalloc(n, sizeof *starts), *ends = xcalloc(n, sizeof *ends);
	bool *held = xcalloc(n, sizeof *held);
	for (size_t i = 0; i < n; i++)
		m[i] = match_word(word[i], len[i]);
	for (size_t i = 0; i < n;) {
		size_t k = 1;
		const struct phrase *ph = longest_at(w, m, n, i, &k);
		if (!ph) {
			i++;
			continue;
		}
		for (size_t j = i; j + 1 < i + k; j++)
			gap[j] = GAP_INSIDE;
		starts[i] = ends[i + k - 1] = ph->kinds & (1u << PHRASE_UNIT);
		held[i + k - 1] = ph->kinds & (1u << PHRASE_HELD);
		i += k;
	}
	for (size_t i = 0; i + 1 < n; i++) {
		if (gap[i] == GAP_INSIDE)
			continue;
		if (held[i] && !m[i].close)
			gap[i] = GAP_HELD;
		else if (starts[i + 1])
			gap[i] = GAP_BEFORE;
		else if (ends[i] && !m[i].close)
			gap[i] = GAP_AFTER;
	}
	for (size_t i = 0; i < n; i++)
		free(m[i].s);
	free(m);
	free(starts);
	free(ends);
	free(held);
}
