/* load_yaml.c — YAML into a node tree through libyaml's event API.
 *
 * Limits are enforced while events arrive, not after: libyaml 0.2.5 takes
 * quadratic time in nesting depth, so a depth counter here must stop a deep
 * file before the parser gets slow. Aliases, anchors and tags are refused
 * (documents need none, and aliases allow exponential expansion). Every text
 * value is checked (NUL, unsafe characters, TCVN3/VNI mojibake) and stored
 * NFC. Legacy encodings are converted before parsing (load_encoding.c). */
#include "load.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "load_file.h"
#include "text.h"
#include "util.h"

/* Maps with more keys than this find duplicates through the hash table;
 * smaller ones (nearly all) scan their few keys, which is faster. */
#define SMALL_MAP 8

struct frame {
	struct node *node;
	size_t first;    /* index of its first child in loader.kids */
	uint32_t map_id; /* tells maps apart in the key table */
};

struct key_slot {
	uint64_t hash;
	uint32_t map_id;
	const struct node *key; /* NULL: empty slot */
};

struct loader {
	struct load_limits lim;
	struct load_info *info;
	struct node *root; /* the tree (node_tree_new) */
	const char *file;  /* the tree's copy of the name */
	const char *data;  /* raw input, to turn offsets into positions */
	size_t len;
	yaml_parser_t parser;
	bool have_root;
	size_t nodes;
	struct frame *frames; /* open mappings and lists, outermost first */
	size_t depth, fcap;
	struct node **kids; /* children of all open frames; maps as key, value, ... */
	size_t nkids, kcap;
	struct key_slot *slots; /* keys of big maps, open addressing */
	size_t nslots, nkeys;
	uint32_t maps;
	bool check_mojibake; /* the file was read as UTF-8 */
	bool declared;       /* it opens with an "encoding:" line */
};

/* --- messages ----------------------------------------------------------- */

static int clamp_int(size_t v)
{
	return v > INT_MAX ? INT_MAX : (int)v;
}

/* The one place where libyaml's 0-based marks become 1-based positions.
 * libyaml counts columns in characters, as we do. */
static struct srcpos mark_pos(const struct loader *L, yaml_mark_t m)
{
	return (struct srcpos){L->file, clamp_int(m.line + 1), clamp_int(m.column + 1)};
}

static struct srcpos file_pos(const struct loader *L)
{
	return (struct srcpos){L->file, 0, 0};
}

/* Reports message CODE at POS (a position value, not a pointer) and is
 * false, so callers can `return fail(CODE, pos, ...)`. */
#define fail(code, pos, ...) (diag(code, &(const struct srcpos[]){pos}[0], ##__VA_ARGS__), false)

/* "8 MiB", "64 KiB" or "1000 bytes" into out. */
static const char *size_name(size_t n, char out[32])
{
	if (n >= (1u << 20) && n % (1u << 20) == 0)
		snprintf(out, 32, "%zu MiB", n >> 20);
	else if (n >= 1024 && n % 1024 == 0)
		snprintf(out, 32, "%zu KiB", n >> 10);
	else
		snprintf(out, 32, "%zu bytes", n);
	return out;
}

/* --- positions inside the raw input (error paths only) ------------------ */

static size_t bom_len(const struct loader *L)
{
	const unsigned char *d = (const unsigned char *)L->data;
	switch (L->parser.encoding) {
	case YAML_UTF16LE_ENCODING:
	case YAML_UTF16BE_ENCODING:
		return L->len >= 2 && ((d[0] == 0xFF && d[1] == 0xFE) || (d[0] == 0xFE && d[1] == 0xFF)) ? 2 : 0;
	default:
		return L->len >= 3 && d[0] == 0xEF && d[1] == 0xBB && d[2] == 0xBF ? 3 : 0;
	}
}

/* Decodes the raw character at *i in the input's encoding and steps over it. */
static uint32_t raw_next(const struct loader *L, size_t *i)
{
	const unsigned char *d = (const unsigned char *)L->data;
	size_t n = L->len;
	yaml_encoding_t enc = L->parser.encoding;
	if (enc == YAML_UTF16LE_ENCODING || enc == YAML_UTF16BE_ENCODING) {
		bool le = enc == YAML_UTF16LE_ENCODING;
		if (*i + 2 > n) {
			*i = n;
			return 0xFFFD;
		}
		uint32_t u = le ? d[*i] | (uint32_t)d[*i + 1] << 8 : (uint32_t)d[*i] << 8 | d[*i + 1];
		*i += 2;
		if (u >= 0xD800 && u <= 0xDBFF && *i + 2 <= n) {
			uint32_t w = le ? d[*i] | (uint32_t)d[*i + 1] << 8 : (uint32_t)d[*i] << 8 | d[*i + 1];
			if (w >= 0xDC00 && w <= 0xDFFF) {
				*i += 2;
				u = 0x10000 + ((u - 0xD800) << 10) + (w - 0xDC00);
			}
		}
		return u;
	}
	uint32_t cp;
	size_t k = utf8_decode(L->data + *i, n - *i, &cp);
	*i += k ? k : 1;
	return cp;
}

/* The line and column of byte offset off (libyaml reader errors give only
 * that). For a bad trailing byte libyaml's offset is that byte; we stop at
 * the first bad sequence instead, which is the character the user sees. */
static struct srcpos offset_pos(const struct loader *L, size_t off)
{
	size_t line = 1, col = 1;
	bool utf8 = L->parser.encoding != YAML_UTF16LE_ENCODING &&
		    L->parser.encoding != YAML_UTF16BE_ENCODING;
	for (size_t i = bom_len(L); i < off && i < L->len;) {
		uint32_t cp;
		if (utf8 && !utf8_decode(L->data + i, L->len - i, &cp))
			break;
		uint32_t c = raw_next(L, &i);
		if (c == '\r') {
			size_t j = i;
			if (j < off && raw_next(L, &j) == '\n')
				i = j;
		}
		if (c == '\n' || c == '\r' || c == 0x85 || c == 0x2028 || c == 0x2029) {
			line++;
			col = 1;
		} else {
			col++;
		}
	}
	return (struct srcpos){L->file, clamp_int(line), clamp_int(col)};
}

/* Byte offset of a mark: libyaml's mark.index counts characters after the BOM. */
static size_t mark_offset(const struct loader *L, yaml_mark_t m)
{
	size_t i = bom_len(L);
	for (size_t n = 0; n < m.index && i < L->len; n++)
		raw_next(L, &i);
	return i;
}

/* Position of the index-th character of a scalar's value. Exact for
 * single-line plain and quoted scalars (escapes are walked in the source);
 * multi-line and block scalars point at their start. */
static struct srcpos scalar_char_pos(const struct loader *L, const yaml_event_t *ev, size_t index)
{
	yaml_mark_t s = ev->start_mark;
	struct srcpos p = mark_pos(L, s);
	yaml_scalar_style_t style = ev->data.scalar.style;
	if (s.line != ev->end_mark.line)
		return p;
	if (style == YAML_PLAIN_SCALAR_STYLE) {
		p.col = clamp_int(s.column + 1 + index);
		return p;
	}
	if ((style != YAML_SINGLE_QUOTED_SCALAR_STYLE && style != YAML_DOUBLE_QUOTED_SCALAR_STYLE) ||
	    L->parser.encoding != YAML_UTF8_ENCODING)
		return p;
	const char *d = L->data;
	size_t i = mark_offset(L, s);
	if (i >= L->len || (d[i] != '"' && d[i] != '\''))
		return p;
	i++;
	size_t col = s.column + 2;
	for (size_t out = 0; out < index && i < L->len; out++) {
		size_t chars = 1;
		if (style == YAML_DOUBLE_QUOTED_SCALAR_STYLE && d[i] == '\\' && i + 1 < L->len) {
			chars = d[i + 1] == 'x' ? 4 : d[i + 1] == 'u' ? 6 : d[i + 1] == 'U' ? 10 : 2;
			i += chars; /* escapes are ASCII: characters are bytes */
		} else if (style == YAML_SINGLE_QUOTED_SCALAR_STYLE && d[i] == '\'') {
			chars = 2; /* '' stands for ' */
			i += 2;
		} else {
			uint32_t cp;
			size_t k = utf8_decode(d + i, L->len - i, &cp);
			i += k ? k : 1;
		}
		col += chars;
	}
	p.col = clamp_int(col);
	return p;
}

/* --- libyaml errors ----------------------------------------------------- */

static bool reader_error(const struct loader *L)
{
	const yaml_parser_t *p = &L->parser;
	struct srcpos pos = offset_pos(L, p->problem_offset);
	const char *problem = p->problem ? p->problem : "unreadable input";
	unsigned v = (unsigned)p->problem_value;
	if (strcmp(problem, "control characters are not allowed") == 0) {
		if (v == 0)
			return fail(NUL_IN_TEXT, pos);
		/* libyaml refuses C0, DEL, C1 but NEL, and U+FFFE/U+FFFF */
		load_report_unsafe(&pos, NULL, v < 0x80 ? UNSAFE_CONTROL : v <= 0x9F ? UNSAFE_C1 : UNSAFE_NONCHAR, v);
		return false;
	}
	if (p->encoding == YAML_UTF16LE_ENCODING || p->encoding == YAML_UTF16BE_ENCODING)
		return fail(BAD_UTF16, pos, diag_word(problem));
	return fail(BAD_UTF8, pos, diag_word(problem));
}

static bool parser_error(const struct loader *L)
{
	const yaml_parser_t *p = &L->parser;
	const char *problem = p->problem ? p->problem : "error";
	struct srcpos pos = file_pos(L);
	switch (p->error) {
	case YAML_MEMORY_ERROR:
		diag(YAML_NO_MEMORY, &pos);
		return false;
	case YAML_READER_ERROR:
		return reader_error(L);
	case YAML_SCANNER_ERROR:
	case YAML_PARSER_ERROR:
		pos = mark_pos(L, p->problem_mark);
		if (p->encoding == YAML_UTF8_ENCODING) {
			struct srcpos cpos = mark_pos(L, p->context_mark);
			if (load_hint_syntax(L->file, L->data, L->len, problem, p->context, pos.line, pos.col,
					     cpos.line, cpos.col))
				return false;
		}
		/* The context matters when it is elsewhere, e.g. an unclosed quote. */
		if (p->context && p->context_mark.line != p->problem_mark.line)
			return fail(YAML_SYNTAX_IN, pos, diag_word(problem), diag_word(p->context),
				    clamp_int(p->context_mark.line + 1));
		return fail(YAML_SYNTAX, pos, diag_word(problem));
	default:
		return fail(YAML_ERROR, pos, diag_word(problem));
	}
}

/* --- building ----------------------------------------------------------- */

static uint64_t mix(uint64_t h)
{
	h ^= h >> 33;
	h *= 0xFF51AFD7ED558CCDu;
	h ^= h >> 33;
	h *= 0xC4CEB9FE1A85EC53u;
	h ^= h >> 33;
	return h;
}

static uint64_t key_hash(uint32_t map_id, const char *s, size_t len)
{
	uint64_t h = mix(((uint64_t)map_id << 32) ^ len ^ 0x9E3779B97F4A7C15u);
	for (; len >= 8; s += 8, len -= 8) {
		uint64_t w;
		memcpy(&w, s, 8);
		h = mix(h ^ w);
	}
	uint64_t w = 0;
	memcpy(&w, s, len);
	return mix(h ^ w ^ 0xA5);
}

static bool same_text(const struct node *a, const struct node *b)
{
	return a->len == b->len && memcmp(a->str, b->str, a->len) == 0;
}

/* Adds key to the table of map_id; returns an equal key already there, or NULL. */
static const struct node *key_insert(struct loader *L, uint32_t map_id, const struct node *key)
{
	if ((L->nkeys + 1) * 2 > L->nslots) {
		size_t n = L->nslots ? L->nslots * 2 : 256;
		struct key_slot *old = L->slots;
		size_t nold = L->nslots;
		L->slots = xcalloc(n, sizeof *L->slots);
		L->nslots = n;
		for (size_t i = 0; i < nold; i++) {
			if (!old[i].key)
				continue;
			size_t j = old[i].hash & (n - 1);
			while (L->slots[j].key)
				j = (j + 1) & (n - 1);
			L->slots[j] = old[i];
		}
		free(old);
	}
	uint64_t h = key_hash(map_id, key->str, key->len);
	size_t mask = L->nslots - 1, i = h & mask;
	for (; L->slots[i].key; i = (i + 1) & mask) {
		const struct key_slot *s = &L->slots[i];
		if (s->hash == h && s->map_id == map_id && same_text(s->key, key))
			return s->key;
	}
	L->slots[i] = (struct key_slot){h, map_id, key};
	L->nkeys++;
	return NULL;
}

/* An earlier key of the open map f equal to key, or NULL. */
static const struct node *key_seen(struct loader *L, const struct frame *f, const struct node *key)
{
	size_t nkeys = (L->nkids - f->first) / 2;
	if (nkeys == 0)
		return NULL; /* also: L->kids may still be NULL */
	struct node **kid = L->kids + f->first;
	if (nkeys < SMALL_MAP) {
		for (size_t j = 0; j < nkeys; j++)
			if (same_text(kid[2 * j], key))
				return kid[2 * j];
		return NULL;
	}
	if (nkeys == SMALL_MAP) /* the map just got big: move its keys to the table */
		for (size_t j = 0; j < nkeys; j++)
			key_insert(L, f->map_id, kid[2 * j]);
	return key_insert(L, f->map_id, key);
}

/* A key for messages: quoted, newlines shown as \n, long keys cut short. */
static void add_quoted(struct buf *b, const char *s, size_t len)
{
	buf_addc(b, '"');
	for (size_t i = 0, shown = 0; i < len; shown++) {
		if (shown == 40) {
			buf_adds(b, "…");
			break;
		}
		uint32_t cp;
		size_t k = utf8_decode(s + i, len - i, &cp);
		k = k ? k : 1;
		if (s[i] == '\n')
			buf_adds(b, "\\n");
		else if (s[i] == '\t')
			buf_adds(b, "\\t");
		else if (s[i] == '"')
			buf_adds(b, "\\\"");
		else
			buf_add(b, s + i, k);
		i += k;
	}
	buf_addc(b, '"');
}

/* Makes the node for an event: refuses anchors and tags, counts it, and
 * checks it may stand where it is. The root node is the tree itself. */
static struct node *make_node(struct loader *L, const yaml_event_t *ev, enum node_kind kind,
			      const yaml_char_t *anchor, const yaml_char_t *tag)
{
	struct srcpos pos = mark_pos(L, ev->start_mark);
	if (anchor) {
		diag(YAML_ALIAS, &pos);
		return NULL;
	}
	if (tag) {
		diag(YAML_TAG, &pos);
		return NULL;
	}
	if (++L->nodes > L->lim.max_nodes) {
		diag(TOO_MANY_NODES, &pos, L->lim.max_nodes);
		return NULL;
	}
	if (L->depth == 0) {
		if (L->have_root) { /* libyaml never does this in one document */
			diag(YAML_TWO_DOCUMENTS, &pos);
			return NULL;
		}
		L->have_root = true;
		struct node *n = L->root;
		n->kind = kind;
		n->pos = pos;
		n->str = NULL;
		n->plain = false;
		return n;
	}
	const struct frame *f = &L->frames[L->depth - 1];
	bool is_key = f->node->kind == NODE_MAP && (L->nkids - f->first) % 2 == 0;
	if (is_key && kind != NODE_SCALAR) {
		diag(KEY_NOT_TEXT, &pos, node_kind_name(kind));
		return NULL;
	}
	return node_new(L->root, kind, pos.line, pos.col);
}

/* Hangs n under the innermost open frame (the root hangs nowhere). */
static bool attach(struct loader *L, struct node *n)
{
	if (n == L->root)
		return true;
	const struct frame *f = &L->frames[L->depth - 1];
	if (f->node->kind == NODE_MAP && (L->nkids - f->first) % 2 == 0) {
		const struct node *first = key_seen(L, f, n);
		if (first) {
			struct buf b = {0};
			add_quoted(&b, n->str, n->len);
			if (first->pos.line == n->pos.line)
				diag(DUPLICATE_KEY_ON_LINE, &n->pos, b.data, first->pos.col);
			else
				diag(DUPLICATE_KEY, &n->pos, b.data, first->pos.line);
			buf_free(&b);
			return false;
		}
	}
	grow(&L->kids, &L->kcap, L->nkids + 1, sizeof *L->kids);
	L->kids[L->nkids++] = n;
	return true;
}

/* True if s[0..len) is certainly NFC without asking utf8proc: every
 * character is below U+0300, a precomposed Latin letter (U+1E00-U+1EFF, all
 * of Vietnamese) or common punctuation (U+2010-U+2027). None of those is
 * combining, decomposes or composes with a neighbour, so the text is its own
 * NFC. Anything else takes the slow exact path; this one is 5x faster. */
static bool surely_nfc(const char *s, size_t len)
{
	for (size_t i = 0; i < len;) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		uint32_t cp;
		size_t k = utf8_decode(s + i, len - i, &cp);
		if (!k || !(cp < 0x300 || (cp >= 0x1E00 && cp <= 0x1EFF) || (cp >= 0x2010 && cp <= 0x2027)))
			return false;
		i += k;
	}
	return true;
}

/* Every character must have a glyph in the document font: checked here,
 * where the exact position is known. NFD text is checked in its NFC form;
 * its position is then the value's start. */
static bool check_printable(struct loader *L, const yaml_event_t *ev, const char *v, size_t len)
{
	if (!L->lim.printable)
		return true;
	size_t nlen;
	char *nfc = surely_nfc(v, len) ? NULL : text_nfc(v, len, &nlen);
	bool same = !nfc || (nlen == len && memcmp(nfc, v, len) == 0);
	const char *s = nfc ? nfc : v;
	size_t n = nfc ? nlen : len;
	size_t index = 0;
	for (size_t i = 0; i < n; index++) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, n - i, &cp);
		i += k ? k : 1;
		if (cp == '\n' || cp == '\t' || L->lim.printable(L->lim.printable_ctx, cp))
			continue;
		char g[5] = {0};
		utf8_encode(cp, g);
		(void)fail(YAML_NO_GLYPH, scalar_char_pos(L, ev, same ? index : 0),
		     (unsigned)cp, g, L->lim.font_name ? L->lim.font_name : diag_word(N_("document font")));
		free(nfc);
		return false;
	}
	free(nfc);
	return true;
}

/* TCVN3 or VNI bytes that reached us as Latin-1 characters ("ViÖt") would
 * print as garbage: an error at the first tell-tale character. */
static bool check_mojibake(struct loader *L, const yaml_event_t *ev, const char *v, size_t len)
{
	size_t at;
	enum legacy_enc g = text_guess_legacy(v, len, &at);
	if (g == LEGACY_NONE)
		return true;
	return fail(MOJIBAKE, scalar_char_pos(L, ev, at), text_legacy_label(g), text_legacy_key(g));
}

static bool on_scalar(struct loader *L, const yaml_event_t *ev)
{
	const char *v = (const char *)ev->data.scalar.value;
	size_t len = ev->data.scalar.length;
	char size[32];
	if (len > L->lim.max_scalar)
		return fail(TEXT_TOO_LONG, mark_pos(L, ev->start_mark),
			    size_name(L->lim.max_scalar, size));
	const char *nul = memchr(v, 0, len);
	if (nul)
		return fail(NUL_IN_TEXT, scalar_char_pos(L, ev, utf8_count(v, (size_t)(nul - v))));
	size_t index;
	uint32_t cp;
	enum text_unsafe why;
	if (!text_check_safe(v, len, &index, &cp, &why)) {
		struct srcpos at = scalar_char_pos(L, ev, index);
		load_report_unsafe(&at, NULL, why, cp);
		return false;
	}
	if (L->check_mojibake && !check_mojibake(L, ev, v, len))
		return false;
	struct node *n = make_node(L, ev, NODE_SCALAR, ev->data.scalar.anchor, ev->data.scalar.tag);
	if (!n)
		return false;
	if (!check_printable(L, ev, v, len))
		return false;
	n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
	if (surely_nfc(v, len)) {
		n->str = node_strndup(L->root, v, len);
		n->len = len;
	} else {
		size_t nlen;
		char *nfc = text_nfc(v, len, &nlen);
		if ((nlen != len || memcmp(nfc, v, len) != 0) && L->info && !L->info->not_nfc) {
			L->info->not_nfc = true;
			L->info->first_not_nfc = n->pos;
		}
		n->str = node_strndup(L->root, nfc, nlen);
		n->len = nlen;
		free(nfc);
	}
	return attach(L, n);
}

static bool on_open(struct loader *L, const yaml_event_t *ev, enum node_kind kind,
		    const yaml_char_t *anchor, const yaml_char_t *tag)
{
	struct node *n = make_node(L, ev, kind, anchor, tag);
	if (!n)
		return false;
	if (L->depth >= (size_t)L->lim.max_depth)
		return fail(TOO_DEEP, n->pos, L->lim.max_depth);
	if (!attach(L, n))
		return false;
	grow(&L->frames, &L->fcap, L->depth + 1, sizeof *L->frames);
	L->frames[L->depth++] = (struct frame){n, L->nkids, kind == NODE_MAP ? ++L->maps : 0};
	return true;
}

/* Closes the innermost frame: its children move from the scratch stack into
 * exactly sized arrays in the tree. */
static void on_close(struct loader *L)
{
	if (L->depth == 0)
		return;
	const struct frame *f = &L->frames[--L->depth];
	struct node *n = f->node;
	size_t count = L->nkids - f->first;
	L->nkids = f->first;
	if (count == 0)
		return; /* also: L->kids may still be NULL */
	struct node **kid = L->kids + f->first;
	if (n->kind == NODE_MAP) {
		n->npairs = count / 2;
		n->pairs = node_alloc(L->root, n->npairs * sizeof *n->pairs);
		for (size_t j = 0; j < n->npairs; j++)
			n->pairs[j] = (struct node_pair){kid[2 * j], kid[2 * j + 1]};
	} else {
		n->nitems = count;
		n->items = node_alloc(L->root, count * sizeof *n->items);
		memcpy(n->items, kid, count * sizeof *n->items);
	}
}

static bool run(struct loader *L)
{
	int docs = 0;
	for (;;) {
		yaml_event_t ev;
		if (!yaml_parser_parse(&L->parser, &ev))
			return parser_error(L);
		bool ok = true, end = false;
		switch (ev.type) {
		case YAML_DOCUMENT_START_EVENT:
			if (docs++)
				ok = fail(YAML_TWO_DOCUMENTS, mark_pos(L, ev.start_mark));
			break;
		case YAML_ALIAS_EVENT: {
			struct srcpos at = mark_pos(L, ev.start_mark);
			ok = L->parser.encoding == YAML_UTF8_ENCODING &&
			     load_hint_star(L->file, L->data, L->len, at.line, at.col) ? false
											: fail(YAML_ALIAS, at);
			break;
		}
		case YAML_SCALAR_EVENT:
			ok = on_scalar(L, &ev);
			break;
		case YAML_SEQUENCE_START_EVENT:
			ok = on_open(L, &ev, NODE_SEQ, ev.data.sequence_start.anchor,
				     ev.data.sequence_start.tag);
			break;
		case YAML_MAPPING_START_EVENT:
			ok = on_open(L, &ev, NODE_MAP, ev.data.mapping_start.anchor,
				     ev.data.mapping_start.tag);
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			on_close(L);
			break;
		case YAML_STREAM_END_EVENT:
			end = true;
			break;
		default:
			break;
		}
		yaml_event_delete(&ev);
		if (!ok)
			return false;
		if (end)
			break;
	}
	/* A file of comments, or a lone `---`, has nothing to render. */
	if (!L->have_root || (L->root->kind == NODE_SCALAR && L->root->plain && L->root->len == 0))
		return fail(EMPTY_DOCUMENT, file_pos(L));
	/* read after the bytes were decoded, a later declaration comes too late */
	for (size_t i = 0; !L->declared && L->root->kind == NODE_MAP && i < L->root->npairs; i++)
		if (!strcmp(L->root->pairs[i].key->str, "encoding"))
			return fail(ENCODING_NOT_FIRST, L->root->pairs[i].key->pos);
	return true;
}

static struct load_limits effective_limits(const struct load_limits *lim)
{
	struct load_limits l = lim ? *lim : (struct load_limits){0};
	if (l.max_depth <= 0)
		l.max_depth = LOAD_MAX_DEPTH;
	if (!l.max_file)
		l.max_file = LOAD_MAX_FILE;
	if (!l.max_scalar)
		l.max_scalar = LOAD_MAX_SCALAR;
	if (!l.max_nodes)
		l.max_nodes = LOAD_MAX_NODES;
	return l;
}

struct node *load_yaml_mem(const char *name, const char *data, size_t len,
			   const struct load_limits *lim, struct load_info *info)
{
	struct loader L = {.lim = effective_limits(lim), .info = info, .data = data ? data : "",
			   .len = data ? len : 0};
	if (info)
		*info = (struct load_info){0};
	L.root = node_tree_new(name);
	L.file = L.root->pos.file;
	char size[32];
	bool ok = false;
	struct load_text text = {0};
	if (L.len > L.lim.max_file) {
		(void)fail(FILE_TOO_LARGE, file_pos(&L), size_name(L.lim.max_file, size));
	} else if (!load_encoding(L.file, L.data, L.len, L.lim.encoding, &text)) {
		/* reported */
	} else if (!yaml_parser_initialize(&L.parser)) {
		struct srcpos pos = file_pos(&L);
		diag(YAML_NO_MEMORY, &pos);
	} else {
		L.data = text.data;
		L.len = text.len;
		L.check_mojibake = text.check_mojibake;
		L.declared = text.declared;
		yaml_parser_set_input_string(&L.parser, (const unsigned char *)L.data, L.len);
		ok = run(&L);
		yaml_parser_delete(&L.parser);
	}
	free(L.frames);
	free(L.kids);
	free(L.slots);
	free(text.owned);
	if (!ok) {
		node_free(L.root);
		if (info)
			*info = (struct load_info){0};
		return NULL;
	}
	if (info) {
		info->nodes = L.nodes;
		info->encoding = text.enc;
	}
	return L.root;
}

struct node *load_yaml(const char *path, const struct load_limits *lim, struct load_info *info)
{
	struct load_limits l = effective_limits(lim);
	if (info)
		*info = (struct load_info){0};
	size_t len = 0;
	char *data = load_file_read_arg(path, l.max_file, &len);
	if (!data)
		return NULL;
	struct node *root = load_yaml_mem(path, data, len, &l, info);
	free(data);
	return root;
}
