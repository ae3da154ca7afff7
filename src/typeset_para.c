/* typeset_para.c — one paragraph: words and spaces become boxes and glue,
 * the breaker chooses the lines, and every word of a justified line is
 * placed at its own x (libharu cannot stretch spaces in two-byte text). */
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "text.h"
#include "typeset_break.h"
#include "typeset_lines.h"
#include "typeset_vlist.h"
#include "typeset_words.h"
#include "util.h"

/* A piece of a word in one face. Points into the paragraph's run texts. */
struct piece {
	const char *s;
	size_t len;
	enum face face;
	int32_t width;
	struct srcpos pos;
};

/* A last word narrower than 1/RUNT_SHARE of the line is a runt; breaking
 * before it costs RUNT_PENALTY (demerits grow with its square, so 1000 is
 * worth about a line of badness 900: rarely refused). */
#define RUNT_SHARE 4
#define RUNT_PENALTY 1000
#define RUNT_MAX_RATIO 2.0

/* Centred text (typeset_words.h): a break just before a unit earns this
 * much (a negative penalty), one just after it costs this much (after
 * "VÀ", "CỦA": more), in
 * brk_balanced()'s measure, where a line 1/3 of its measure short costs
 * about 11. */
#define BREAK_BEFORE_UNIT (-10)
#define BREAK_AFTER_UNIT 20
#define BREAK_AFTER_HELD 60
/* Inside a compound: never (a forbidden break, marked by its value), unless
 * the compound alone is wider than the line; then at this cost. */
#define BREAK_IN_COMPOUND (BRK_INF + 1)
#define BREAK_IN_COMPOUND_FORCED 1000

struct para {
	const struct fontset *fs;
	int32_t size;
	struct piece *pieces;
	size_t npieces, pcap;
	struct brk_item *items;
	size_t nitems, icap;
	size_t *first_piece;  /* per item: boxes index their pieces [first, first + count) */
	uint32_t *npiece;
	enum face *glue_face; /* per item: the face of a space */
	size_t mapcap;
	size_t word_start;    /* first piece of the word being built */
	int32_t max_box;      /* widest box allowed (the narrowest line) */
	bool ragged;          /* not justified: spaces never shrink */
	bool split_word;      /* a word had to be cut */
	struct srcpos split_pos;
};

static struct brk_item *add_item(struct para *p, enum brk_type type, int32_t w)
{
	size_t cap = p->icap;
	grow(&p->items, &p->icap, p->nitems + 1, sizeof *p->items);
	if (p->icap != cap) {
		size_t mc = p->icap;
		p->first_piece = xrealloc(p->first_piece, mc * sizeof *p->first_piece);
		p->npiece = xrealloc(p->npiece, mc * sizeof *p->npiece);
		p->glue_face = xrealloc(p->glue_face, mc * sizeof *p->glue_face);
	}
	size_t i = p->nitems++;
	p->items[i] = (struct brk_item){.type = type, .width = w};
	p->first_piece[i] = p->npiece[i] = 0;
	p->glue_face[i] = FACE_REGULAR;
	return &p->items[i];
}

static void para_free(struct para *p)
{
	free(p->pieces);
	free(p->items);
	free(p->first_piece);
	free(p->npiece);
	free(p->glue_face);
}

static void add_piece(struct para *p, const char *s, size_t len, enum face face,
		      const struct srcpos *pos)
{
	if (!len)
		return;
	grow(&p->pieces, &p->pcap, p->npieces + 1, sizeof *p->pieces);
	p->pieces[p->npieces++] = (struct piece){s, len, face, font_width(p->fs, face, p->size, s, len),
						 pos ? *pos : (struct srcpos){0}};
}

static void push_box(struct para *p, size_t first, size_t count)
{
	int32_t w = 0;
	for (size_t i = first; i < first + count; i++)
		w += p->pieces[i].width;
	add_item(p, BRK_BOX, w);
	p->first_piece[p->nitems - 1] = first;
	p->npiece[p->nitems - 1] = (uint32_t)count;
}

/* Cuts a piece that alone is wider than any line at character boundaries,
 * so that no text ever crosses the margin; the paragraph warns once. */
static void split_piece(struct para *p, size_t k)
{
	struct piece pc = p->pieces[k];
	p->npieces = k;
	size_t i = 0;
	while (i < pc.len) {
		size_t j = i, best = i;
		while (j < pc.len) {
			uint32_t cp;
			size_t n = utf8_decode(pc.s + j, pc.len - j, &cp);
			j += n ? n : 1;
			if (font_width(p->fs, pc.face, p->size, pc.s + i, j - i) > p->max_box && best > i)
				break;
			best = j;
		}
		add_piece(p, pc.s + i, best - i, pc.face, &pc.pos);
		push_box(p, p->npieces - 1, 1);
		if (best < pc.len)
			add_item(p, BRK_PENALTY, 0)->penalty = 0;
		i = best;
	}
	if (!p->split_word) {
		p->split_word = true;
		p->split_pos = pc.pos;
	}
}

static void end_word(struct para *p)
{
	size_t n = p->npieces - p->word_start;
	if (n == 0)
		return;
	int32_t w = 0;
	for (size_t i = p->word_start; i < p->npieces; i++)
		w += p->pieces[i].width;
	if (w <= p->max_box) {
		push_box(p, p->word_start, n);
	} else if (n == 1) {
		split_piece(p, p->word_start);
	} else {
		/* A word of several faces wider than the line may also break
		 * between its faces; each too-wide piece is cut as above. */
		struct piece *copy = xmalloc(n * sizeof *copy);
		memcpy(copy, p->pieces + p->word_start, n * sizeof *copy);
		p->npieces = p->word_start;
		for (size_t i = 0; i < n; i++) {
			if (i)
				add_item(p, BRK_PENALTY, 0)->penalty = 0;
			grow(&p->pieces, &p->pcap, p->npieces + 1, sizeof *p->pieces);
			p->pieces[p->npieces++] = copy[i];
			if (copy[i].width > p->max_box)
				split_piece(p, p->npieces - 1);
			else
				push_box(p, p->npieces - 1, 1);
		}
		if (!p->split_word) {
			p->split_word = true;
			p->split_pos = copy[0].pos;
		}
		free(copy);
	}
	p->word_start = p->npieces;
}

/* tie: 0, or the penalty of breaking at this space (space_tie) */
static void add_space(struct para *p, enum face face, int32_t tie)
{
	if (p->nitems == 0 || p->items[p->nitems - 1].type != BRK_BOX)
		return; /* no glue at the start or twice in a row */
	if (tie) /* a glue that does not follow a box is no break (typeset_break.h) */
		add_item(p, BRK_PENALTY, 0)->penalty = tie;
	struct brk_item *g = add_item(p, BRK_GLUE, 0);
	*g = brk_space(font_width(p->fs, face, p->size, " ", 1));
	if (p->ragged)
		g->shrink = 0;
	p->glue_face[p->nitems - 1] = face;
}

static void add_forced_break(struct para *p)
{
	while (p->nitems && p->items[p->nitems - 1].type == BRK_GLUE)
		p->nitems--;
	add_item(p, BRK_PENALTY, 0)->penalty = -BRK_INF;
}

/* Inserts an item of the given type before item i (the maps follow). */
static void insert_item(struct para *p, size_t i, enum brk_type type, int32_t penalty)
{
	add_item(p, type, 0);
	size_t n = p->nitems - 1;
	memmove(p->items + i + 1, p->items + i, (n - i) * sizeof *p->items);
	memmove(p->first_piece + i + 1, p->first_piece + i, (n - i) * sizeof *p->first_piece);
	memmove(p->npiece + i + 1, p->npiece + i, (n - i) * sizeof *p->npiece);
	memmove(p->glue_face + i + 1, p->glue_face + i, (n - i) * sizeof *p->glue_face);
	p->items[i] = (struct brk_item){.type = type, .penalty = penalty};
	p->first_piece[i] = p->npiece[i] = 0;
	p->glue_face[i] = FACE_REGULAR;
}

/* A justified paragraph should not end on one short word alone (a runt,
 * "trang;" under a full line): breaking before a last word narrower than a
 * quarter of the line costs a penalty, so the breaker sets the lines
 * above a little looser or tighter to take a second word down with it. */
static void discourage_runt(struct para *p, int32_t line_width)
{
	size_t n = p->nitems;
	if (n < 3 || p->items[n - 1].type != BRK_BOX || p->items[n - 2].type != BRK_GLUE ||
	    p->items[n - 3].type != BRK_BOX || p->items[n - 1].width >= line_width / RUNT_SHARE)
		return;
	insert_item(p, n - 2, BRK_PENALTY, RUNT_PENALTY);
}

static bool ends_in_runt(const struct para *p, const struct brk_line *lines, size_t nl)
{
	if (nl < 2)
		return false;
	size_t e = lines[nl - 2].end;
	return e < p->nitems && p->items[e].type == BRK_PENALTY && p->items[e].penalty == RUNT_PENALTY;
}

/* The first pass's tolerance can leave the runt as the only way; a second
 * try accepts looser lines, up to RUNT_MAX_RATIO (spaces at most twice
 * their natural width), and keeps the runt if it needs more. */
static size_t avoid_runt(const struct para *p, const struct brk_params *bp, size_t nl,
			 struct brk_line **lines, bool *overfull)
{
	struct brk_params loose = *bp;
	loose.tolerance = 100 * RUNT_MAX_RATIO * RUNT_MAX_RATIO * RUNT_MAX_RATIO;
	struct brk_line *l = NULL;
	bool over = false;
	size_t n = brk_paragraph(p->items, p->nitems, &loose, &l, &over);
	if (over || ends_in_runt(p, l, n)) {
		free(l);
		return nl;
	}
	free(*lines);
	*lines = l;
	*overfull = over;
	return n;
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* The word of s[0..len) that starts at i (up to a space or the end). */
static size_t word_end(const char *s, size_t i, size_t len)
{
	while (i < len && s[i] != ' ' && s[i] != '\n' && s[i] != '\t')
		i++;
	return i;
}

/* A break between "giờ" and its minutes ("8 giờ | 00 phút") parts two whole
 * units, which readers accept; it costs as much as a hyphen in TeX would, so
 * the breaker takes it only to spare the paragraph a loose line. */
#define MINUTES_PENALTY 100

/* What the space at s[i] between the word s[w..i) and the next one costs as a
 * break (docs/rules.md §5.2: a number keeps its parts): BRK_INF
 * inside digit groups ("0296 3800 000", "1 000"), between a number and its
 * "%" ("93,3 %") and between a time's hour and "giờ" ("14 giờ 00");
 * MINUTES_PENALTY after that "giờ"; 0, a plain space, otherwise.
 * prev_digit: the word before s[w..i) ended with a digit. */
static int32_t space_tie(const char *s, size_t w, size_t i, size_t len, bool prev_digit)
{
	if (i + 1 >= len || i == w)
		return 0;
	char before = s[i - 1], after = s[i + 1];
	if (is_digit(before) && (is_digit(after) || after == '%'))
		return BRK_INF;
	static const char hour[] = "giờ";
	size_t hn = sizeof hour - 1;
	if (is_digit(before) && word_end(s, i + 1, len) == i + 1 + hn && !memcmp(s + i + 1, hour, hn))
		return i + 2 + hn < len && is_digit(s[i + 2 + hn]) ? BRK_INF : 0;
	return prev_digit && i - w == hn && !memcmp(s + w, hour, hn) && is_digit(after) ? MINUTES_PENALTY : 0;
}

static void tokenize(struct para *p, const struct runs *runs)
{
	for (size_t r = 0; r < runs->n; r++) {
		const struct run *run = &runs->v[r];
		const char *s = run->text;
		size_t start = 0;
		bool prev_digit = false;
		for (size_t i = 0; i <= run->len; i++) {
			char c = i < run->len ? s[i] : '\0';
			if (i < run->len && c != ' ' && c != '\n' && c != '\t')
				continue;
			add_piece(p, s + start, i - start, run->face, &run->pos);
			if (i < run->len) {
				end_word(p);
				if (c == '\n')
					add_forced_break(p);
				else
					add_space(p, run->face, c == ' ' ? space_tie(s, start, i, run->len, prev_digit) : 0);
			}
			if (i > start)
				prev_digit = is_digit(s[i - 1]);
			start = i + 1;
		}
	}
	end_word(p);
	while (p->nitems && p->items[p->nitems - 1].type != BRK_BOX)
		p->nitems--; /* the paragraph's end is implicit for the breaker */
}

/* Emits the ops of one line. Justified lines place every word; other lines
 * join words of one face with real spaces (fewer, longer strings). */
struct pending {
	struct buf text;
	int32_t x;
	enum face face;
	struct srcpos pos;
	bool open;
};

static void flush(struct vlist *out, struct pending *pd, int32_t y, int32_t size, uint32_t color)
{
	if (!pd->open || pd->text.len == 0) {
		pd->open = false;
		return;
	}
	struct dl_op op = {.kind = DL_TEXT, .x = pd->x, .y = y, .face = (uint8_t)pd->face,
			   .size = size, .color = color, .pos = pd->pos};
	op.text = buf_steal(&pd->text);
	vlist_op(out, &op);
	pd->open = false;
}

static int32_t line_natural(const struct para *p, size_t a, size_t b)
{
	int32_t w = 0;
	for (size_t k = a; k < b; k++)
		if (p->items[k].type != BRK_PENALTY)
			w += p->items[k].width;
	return w;
}

/* The text of items [a, e) as shown, words joined by single spaces. */
static void line_text(const struct para *p, size_t a, size_t e, struct buf *out)
{
	for (size_t k = a; k < e; k++) {
		if (p->items[k].type == BRK_GLUE && out->len && out->data[out->len - 1] != ' ')
			buf_addc(out, ' ');
		if (p->items[k].type != BRK_BOX)
			continue;
		for (size_t q = p->first_piece[k]; q < p->first_piece[k] + p->npiece[k]; q++)
			buf_add(out, p->pieces[q].s, p->pieces[q].len);
	}
	while (out->len && out->data[out->len - 1] == ' ')
		out->data[--out->len] = '\0';
}

/* Centred text breaks where a reader would (typeset_words.h): a penalty
 * goes before each space between two words that the break words class,
 * forbidding a break inside a compound, preferring one before a unit and
 * discouraging one after it. Items [a, e) hold one line of input. */
static void mark_segment(struct para *p, const struct brk_words *w, size_t a, size_t e)
{
	size_t nbox = 0;
	for (size_t k = a; k < e; k++)
		nbox += p->items[k].type == BRK_BOX;
	if (nbox < 2)
		return;
	const char **word = xmalloc(nbox * sizeof *word);
	size_t *len = xmalloc(nbox * sizeof *len), *glue = xmalloc(nbox * sizeof *glue);
	enum brk_gap *gap = xmalloc(nbox * sizeof *gap);
	struct buf *text = xcalloc(nbox, sizeof *text);
	size_t n = 0;
	for (size_t k = a; k < e; k++) {
		if (p->items[k].type == BRK_BOX) {
			line_text(p, k, k + 1, &text[n]);
			word[n] = text[n].data;
			len[n] = text[n].len;
			glue[n++] = SIZE_MAX;
		} else if (p->items[k].type == BRK_GLUE && n && p->items[k - 1].type == BRK_BOX) {
			glue[n - 1] = k; /* a free break after word n - 1 */
		}
	}
	brk_words_gaps(w, word, len, n, gap);
	static const int32_t cost[] = {[GAP_INSIDE] = BREAK_IN_COMPOUND, [GAP_BEFORE] = BREAK_BEFORE_UNIT,
				       [GAP_AFTER] = BREAK_AFTER_UNIT, [GAP_HELD] = BREAK_AFTER_HELD};
	for (size_t i = n - 1; i-- > 0;) /* from the end: insertions move what follows */
		if (gap[i] != GAP_FREE && glue[i] != SIZE_MAX)
			insert_item(p, glue[i], BRK_PENALTY, cost[gap[i]]);
	for (size_t i = 0; i < n; i++)
		buf_free(&text[i]);
	free(text);
	free(gap);
	free(glue);
	free(len);
	free(word);
}

static void mark_gaps(struct para *p)
{
	const struct brk_words *w = brk_words_current();
	if (!w)
		return;
	size_t e = p->nitems;
	for (size_t k = p->nitems; k-- > 0;) {
		if (p->items[k].type == BRK_PENALTY && p->items[k].penalty <= -BRK_INF) {
			mark_segment(p, w, k + 1, e);
			e = k;
		}
	}
	mark_segment(p, w, 0, e);
}

/* A compound wider than the line may be broken after all (at this cost)
 * rather than cross the margin; the compounds that fit stay whole. */
static bool relax_compounds(struct para *p, int32_t width)
{
	bool any = false;
	for (size_t k = 0; k < p->nitems;) {
		if (p->items[k].type != BRK_BOX) {
			k++;
			continue;
		}
		size_t e = k + 1; /* the compound: boxes tied by BREAK_IN_COMPOUND */
		while (e + 2 < p->nitems && p->items[e].type == BRK_PENALTY &&
		       p->items[e].penalty == BREAK_IN_COMPOUND && p->items[e + 1].type == BRK_GLUE &&
		       p->items[e + 2].type == BRK_BOX)
			e += 3;
		if (e > k + 1 && line_natural(p, k, e) > width) {
			for (size_t i = k + 1; i < e; i += 3)
				p->items[i].penalty = BREAK_IN_COMPOUND_FORCED;
			any = true;
		}
		k = e;
	}
	return any;
}

/* Centred lines of even length ("TRƯỜNG CHÍNH TRỊ / TÔN ĐỨC THẮNG", not
 * "… TÔN ĐỨC / THẮNG"), in the fewest lines that fit; if none fit without
 * breaking a compound, the compounds may break. */
static size_t balance(struct para *p, const struct brk_params *bp, size_t nl,
		      struct brk_line **lines, bool *overfull)
{
	struct brk_line *even = NULL;
	size_t n = brk_balanced(p->items, p->nitems, bp, &even);
	if (!n && relax_compounds(p, bp->width < bp->first_width ? bp->width : bp->first_width)) {
		n = brk_balanced(p->items, p->nitems, bp, &even);
		if (!n) { /* still too wide: the first breaking, now free to cut compounds */
			free(*lines);
			nl = brk_paragraph(p->items, p->nitems, bp, lines, overfull);
		}
	}
	if (!n)
		return nl;
	free(*lines);
	*lines = even;
	*overfull = false;
	return n;
}

/* A header name that wrapped where its input has no line break is noted
 * with the lines chosen, so that its writer can choose others. */
static void note_wrap(const struct para *p, const struct block *b, const struct brk_line *lines,
		      size_t nl)
{
	size_t forced = 0;
	for (size_t k = 0; k < p->nitems; k++)
		forced += p->items[k].type == BRK_PENALTY && p->items[k].penalty <= -BRK_INF;
	if (nl <= forced + 1)
		return;
	struct buf t = {0};
	for (size_t l = 0; l < nl; l++) {
		if (l)
			buf_adds(&t, " / ");
		line_text(p, lines[l].start, lines[l].end, &t);
	}
	diag(HEADER_WRAPPED, &b->pos, nl, t.data);
	buf_free(&t);
}

/* The runs as printed: upper-cased into *tmp (which the caller frees) when
 * the style asks for it. */
static const struct runs *shown_runs(const struct block *b, struct runs *tmp)
{
	if (!b->st.upper)
		return &b->runs;
	for (size_t i = 0; i < b->runs.n; i++) {
		char *u = text_upper(b->runs.v[i].text);
		runs_add(tmp, u, strlen(u), b->runs.v[i].face, &b->runs.v[i].pos);
		free(u);
	}
	return tmp;
}

static enum face marker_face(const struct block *b)
{
	return b->runs.n ? b->runs.v[0].face : FACE_REGULAR;
}

/* Where the first line's text starts, from the left inset: the indent, or
 * for a list item the hang (one space past the marker if that is wider). */
static int32_t first_offset(const struct fontset *fs, const struct block *b)
{
	const struct para_style *st = &b->st;
	if (!b->marker)
		return st->indent;
	enum face f = marker_face(b);
	int32_t after = st->indent + font_width(fs, f, st->size, b->marker, strlen(b->marker)) +
			font_width(fs, f, st->size, " ", 1);
	return after > st->hang ? after : st->hang;
}

/* Where one paragraph's lines go: the measures and offsets computed once
 * for the paragraph and read by every line. */
struct para_frame {
	const struct block *b;
	int32_t leading, baseline;
	int32_t left, avail;	 /* the measure between the insets */
	int32_t first_off, first_w; /* the first line's offset and width */
	int32_t rest_w;		 /* every later line's width (after the hang) */
};

static struct para_frame para_frame(const struct fontset *fs, const struct block *b, int32_t x0,
				    int32_t width)
{
	const struct para_style *st = &b->st;
	struct para_frame fr = {.b = b};
	fr.leading = st->leading ? st->leading : st->size * 6 / 5;
	fr.left = x0 + st->left;
	fr.avail = width - st->left - st->right;
	fr.first_off = first_offset(fs, b);
	fr.first_w = fr.avail - fr.first_off;
	fr.rest_w = fr.avail - st->hang;
	int32_t asc = font_ascender(fs, FACE_REGULAR), desc = font_descender(fs, FACE_REGULAR);
	fr.baseline = (fr.leading + (int32_t)((int64_t)(asc - desc) * st->size / 1000)) / 2;
	return fr;
}

/* Breaks the paragraph into lines (*lines, which the caller frees) and
 * reports a word cut or an overfull line once. Returns the line count. */
static size_t break_lines(struct para *p, const struct para_frame *fr, struct brk_line **lines)
{
	const struct block *b = fr->b;
	struct brk_params bp;
	brk_params_default(&bp, fr->rest_w);
	bp.first_width = fr->first_w;
	bool overfull = false;
	/* VANBAN_FIRST_FIT=1 sets every paragraph first-fit, for `make bench` comparisons. */
	static int first_fit = -1;
	if (first_fit < 0) {
		const char *e = getenv("VANBAN_FIRST_FIT");
		first_fit = e && *e == '1';
	}
	size_t nl = (first_fit ? brk_greedy : brk_paragraph)(p->items, p->nitems, &bp, lines, &overfull);
	if (!first_fit && ends_in_runt(p, *lines, nl))
		nl = avoid_runt(p, &bp, nl, lines, &overfull);
	if (b->st.align == ALIGN_CENTER && (nl >= 2 || overfull))
		nl = balance(p, &bp, nl, lines, &overfull);
	if (b->note_wrap)
		note_wrap(p, b, *lines, nl);
	if (p->split_word && !b->cut_reported)
		diag(WORD_CUT, &p->split_pos);
	else if (overfull)
		diag(LINE_OVERFULL, &b->pos);
	return nl;
}

/* Emits the words of items [a, e) from x = fx: each word its own op on a
 * justified line (glue stretched by ratio), else runs of one face joined by
 * real spaces. */
static void emit_words(struct vlist *out, const struct para *p, const struct para_style *st,
		       int32_t baseline, size_t a, size_t e, double fx, bool justify, double ratio)
{
	struct pending pd = {0};
	for (size_t k = a; k < e; k++) {
		const struct brk_item *item = &p->items[k];
		if (item->type == BRK_GLUE) {
			double g = item->width;
			if (justify)
				g += ratio > 0 ? ratio * item->stretch : ratio * item->shrink;
			if (justify || !pd.open || pd.face != p->glue_face[k])
				flush(out, &pd, baseline, st->size, st->color);
			else
				buf_addc(&pd.text, ' ');
			fx += g;
			continue;
		}
		if (item->type != BRK_BOX)
			continue;
		for (size_t q = p->first_piece[k]; q < p->first_piece[k] + p->npiece[k]; q++) {
			const struct piece *pc = &p->pieces[q];
			if (pd.open && (pd.face != pc->face || justify))
				flush(out, &pd, baseline, st->size, st->color);
			if (!pd.open) {
				pd.open = true;
				pd.x = (int32_t)(fx + 0.5);
				pd.face = pc->face;
				pd.pos = pc->pos;
			}
			buf_add(&pd.text, pc->s, pc->len);
			fx += pc->width;
		}
		if (justify)
			flush(out, &pd, baseline, st->size, st->color);
	}
	flush(out, &pd, baseline, st->size, st->color);
	buf_free(&pd.text);
}

/* Emits line l (one vlist item: the marker on the first line, then the
 * words) and widens *ext to it. */
static void emit_line(struct vlist *out, const struct para *p, const struct para_frame *fr,
		      const struct brk_line *line, size_t l, struct para_extent *ext)
{
	const struct block *b = fr->b;
	const struct para_style *st = &b->st;
	size_t a = line->start, e = line->end;
	while (e > a && p->items[e - 1].type != BRK_BOX)
		e--; /* trailing glue and penalties do not show */
	/* justified lines stretch; any line may have had to shrink to fit */
	bool justify = (st->align == ALIGN_JUSTIFY && !line->ragged) || line->ratio < 0;
	int32_t lw = l == 0 ? fr->first_w : fr->rest_w;
	int32_t start = fr->left + (l == 0 ? fr->first_off : st->hang), x = start;
	int32_t nat = line_natural(p, a, e);
	if (st->align == ALIGN_CENTER)
		x = fr->left + (fr->avail - nat) / 2;
	else if (st->align == ALIGN_RIGHT)
		x = fr->left + fr->avail - nat;
	vlist_item(out, fr->leading, &b->pos);
	if (l == 0 && b->marker) {
		struct dl_op op = {.kind = DL_TEXT, .x = fr->left + st->indent, .y = fr->baseline,
				   .face = (uint8_t)marker_face(b), .size = st->size,
				   .color = st->color, .pos = b->pos};
		op.text = xstrdup(b->marker);
		vlist_op(out, &op);
	}
	emit_words(out, p, st, fr->baseline, a, e, x, justify, line->ratio);
	int32_t shown = justify ? lw : nat;
	if (ext && (!ext->valid || shown > ext->widest)) {
		ext->valid = true;
		ext->widest = shown;
		ext->center = (justify ? start : x) + shown / 2;
	}
	if (ext)
		ext->below = fr->leading - fr->baseline;
}

/* The paragraph's lines keep together as the style says: space before the
 * first and after the last, no orphan or widow line. */
static void keep_lines(struct vlist *out, size_t first_item, const struct block *b)
{
	size_t n = out->n - first_item;
	if (!n)
		return;
	struct vitem *v = &out->items[first_item];
	v[0].space_before = b->st.space_before;
	v[n - 1].space_after = b->st.space_after;
	if (n >= 2) { /* no orphans and no widows: two lines at least on each side */
		v[0].keep_with_next = true;
		v[n - 2].keep_with_next = true;
	}
	v[n - 1].keep_with_next = b->keep_with_next;
}

void para_layout(const struct fontset *fs, const struct block *b, int32_t x0, int32_t width,
		 struct vlist *out, struct para_extent *ext)
{
	struct para_frame fr = para_frame(fs, b, x0, width);
	struct runs upper = {0};
	const struct runs *runs = shown_runs(b, &upper);
	struct para p = {.fs = fs, .size = b->st.size, .ragged = b->st.align != ALIGN_JUSTIFY};
	p.max_box = fr.first_w < fr.rest_w ? fr.first_w : fr.rest_w;
	tokenize(&p, runs);
	if (!p.ragged)
		discourage_runt(&p, fr.rest_w);
	if (b->st.align == ALIGN_CENTER)
		mark_gaps(&p);

	struct brk_line *lines = NULL;
	size_t nl = break_lines(&p, &fr, &lines);
	if (ext)
		ext->valid = false;
	size_t first_item = out->n;
	for (size_t l = 0; l < nl; l++)
		emit_line(out, &p, &fr, &lines[l], l, ext);
	keep_lines(out, first_item, b);
	free(lines);
	para_free(&p);
	runs_free(&upper);
}

void para_measure(const struct fontset *fs, const struct block *b, int32_t *min, int32_t *max)
{
	struct runs upper = {0};
	const struct runs *runs = shown_runs(b, &upper);
	struct para p = {.fs = fs, .size = b->st.size, .max_box = INT32_MAX};
	tokenize(&p, runs);
	int32_t first = first_offset(fs, b), hang = b->st.hang;
	/* min: the widest stretch between break opportunities (a word, or
	 * words tied by space_tie) */
	int64_t word = 0, chunk = 0, line = first, widest = 0;
	for (size_t i = 0; i < p.nitems; i++) {
		const struct brk_item *it = &p.items[i];
		if (it->type == BRK_PENALTY && it->penalty <= -BRK_INF) {
			line = hang; /* a forced break starts a new line */
			chunk = 0;
			continue;
		}
		bool brk = (it->type == BRK_GLUE && i && p.items[i - 1].type == BRK_BOX) ||
			   (it->type == BRK_PENALTY && it->penalty < BRK_INF);
		chunk = brk ? 0 : chunk + (it->type == BRK_PENALTY ? 0 : it->width);
		if (chunk > word)
			word = chunk;
		if (it->type != BRK_PENALTY)
			line += it->width;
		if (line > widest)
			widest = line;
	}
	int64_t ins = (int64_t)b->st.left + b->st.right;
	word += ins + (first > hang ? first : hang);
	widest += ins;
	*min = word > INT32_MAX ? INT32_MAX : (int32_t)word;
	*max = widest > INT32_MAX ? INT32_MAX : (int32_t)widest;
	if (*max < *min)
		*max = *min;
	para_free(&p);
	runs_free(&upper);
}

/* ---- short texts for fixed boxes (typeset_lines.h) ---------------------- */

/* The paragraph of text, as a centred one is built; pieces point into *r. */
static bool text_para(struct para *p, struct runs *r, const struct fontset *fs, enum face face,
		      int32_t size, const char *text)
{
	*p = (struct para){.fs = fs, .size = size, .ragged = true, .max_box = INT32_MAX};
	runs_add(r, text, strlen(text), face, NULL);
	tokenize(p, r);
	mark_gaps(p);
	return p->nitems > 0;
}

/* Lines of p at width into out; 0 when they cannot fit. */
static size_t text_break(const struct para *p, int32_t width, struct brk_line **lines)
{
	struct brk_params bp;
	brk_params_default(&bp, width);
	return brk_balanced(p->items, p->nitems, &bp, lines);
}

/* The natural width of the widest of the lines, trailing glue left out. */
static int32_t lines_widest(const struct para *p, const struct brk_line *l, size_t nl)
{
	int32_t widest = 0;
	for (size_t k = 0; k < nl; k++) {
		size_t e = l[k].end;
		while (e > l[k].start && p->items[e - 1].type != BRK_BOX)
			e--;
		int32_t w = line_natural(p, l[k].start, e);
		if (w > widest)
			widest = w;
	}
	return widest;
}

static void text_lines(const struct para *p, const struct brk_line *l, size_t nl,
		       struct typeset_lines *out)
{
	out->v = xmalloc(nl * sizeof *out->v);
	out->n = nl;
	out->widest = 0;
	out->penalty = 0;
	for (size_t k = 0; k < nl; k++) {
		const struct brk_item *at = l[k].end < p->nitems ? &p->items[l[k].end] : NULL;
		if (at && at->type == BRK_PENALTY && at->penalty > -BRK_INF)
			out->penalty += at->penalty;
		struct buf t = {0};
		line_text(p, l[k].start, l[k].end, &t);
		out->v[k] = buf_steal(&t);
	}
	out->widest = lines_widest(p, l, nl);
}

bool typeset_lines_at(const struct fontset *fs, enum face face, int32_t size, const char *text,
		      int32_t width, struct typeset_lines *out)
{
	*out = (struct typeset_lines){0};
	struct para p;
	struct runs r = {0};
	struct brk_line *l = NULL;
	size_t nl = text_para(&p, &r, fs, face, size, text) ? text_break(&p, width, &l) : 0;
	if (nl)
		text_lines(&p, l, nl, out);
	free(l);
	para_free(&p);
	runs_free(&r);
	return nl > 0;
}

bool typeset_lines_narrowest(const struct fontset *fs, enum face face, int32_t size,
			     const char *text, size_t max_lines, struct typeset_lines *out)
{
	*out = (struct typeset_lines){0};
	struct para p;
	struct runs r = {0};
	bool ok = text_para(&p, &r, fs, face, size, text);
	if (ok) {
		/* at the whole text's width every forced line fits: the fewest lines */
		int32_t hi = line_natural(&p, 0, p.nitems);
		int64_t narrowest = brk_narrowest(p.items, p.nitems, max_lines);
		if (narrowest >= 0 && narrowest < hi)
			hi = (int32_t)narrowest;
		struct brk_line *l = NULL;
		size_t nl = text_break(&p, hi, &l);
		ok = nl > 0;
		if (ok)
			text_lines(&p, l, nl, out);
		free(l);
	}
	para_free(&p);
	runs_free(&r);
	return ok;
}

void typeset_lines_free(struct typeset_lines *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	*l = (struct typeset_lines){0};
}
