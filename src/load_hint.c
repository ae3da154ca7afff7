/* load_hint.c — the YAML mistakes people make, told as what to write:
 * a tab in the indentation, a value that starts with "*" (markup, read by
 * YAML as an alias), ": " inside a value, a quote inside a quoted value.
 * libyaml's own words ("found character that cannot start any token")
 * are left for everything else. */
#include "load.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

/* The text of 1-based line `line` of data[0..len). */
struct line {
	const char *s;
	size_t len;
};

static struct line line_at(const char *data, size_t len, int line)
{
	const char *p = data, *end = data + len;
	for (int i = 1; i < line && p < end; i++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		p = nl ? nl + 1 : end;
	}
	const char *nl = memchr(p, '\n', (size_t)(end - p));
	struct line l = {p, (size_t)((nl ? nl : end) - p)};
	if (l.len && l.s[l.len - 1] == '\r')
		l.len--;
	return l;
}

/* The byte offset in l of 1-based character column col (clamped). */
static size_t col_offset(struct line l, int col)
{
	size_t i = 0;
	for (int c = 1; c < col && i < l.len; c++) {
		uint32_t cp;
		size_t k = utf8_decode(l.s + i, l.len - i, &cp);
		i += k ? k : 1;
	}
	return i;
}

static int col_of(struct line l, size_t off)
{
	return (int)utf8_count(l.s, off) + 1;
}

/* s[0..len) as a single-quoted YAML value (quotes inside doubled), trailing
 * blanks dropped. Caller frees. */
static char *single_quoted(const char *s, size_t len)
{
	while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	struct buf b = {0};
	buf_addc(&b, '\'');
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\'')
			buf_addc(&b, '\'');
		buf_addc(&b, s[i]);
	}
	buf_addc(&b, '\'');
	return buf_steal(&b);
}

/* Where the value of the line's key starts: after the first ": " (or a
 * final ':'), past blanks; the line's length if there is none. */
static size_t value_start(struct line l)
{
	for (size_t i = 0; i < l.len; i++)
		if (l.s[i] == ':' && (i + 1 == l.len || l.s[i + 1] == ' ')) {
			i++;
			while (i < l.len && l.s[i] == ' ')
				i++;
			return i;
		}
	return l.len;
}

static bool tab_hint(const char *file, struct line l, int line)
{
	size_t i = 0;
	while (i < l.len && l.s[i] == ' ')
		i++;
	if (i >= l.len || l.s[i] != '\t')
		return false;
	struct srcpos pos = {file, line, col_of(l, i)};
	diag(TAB_INDENT, &pos);
	return true;
}

bool load_hint_star(const char *file, const char *data, size_t len, int line, int col)
{
	struct line l = line_at(data, len, line);
	size_t at = col_offset(l, col);
	if (at >= l.len || l.s[at] != '*')
		return false;
	char *q = single_quoted(l.s + at, l.len - at);
	struct srcpos pos = {file, line, col};
	diag(STAR_VALUE, &pos, q);
	free(q);
	return true;
}

static bool colon_hint(const char *file, struct line l, int line, int col)
{
	size_t v = value_start(l), at = col_offset(l, col);
	if (v >= at || at >= l.len || l.s[at] != ':' || l.s[v] == '"' || l.s[v] == '\'')
		return false;
	char *q = single_quoted(l.s + v, l.len - v);
	struct srcpos pos = {file, line, col};
	diag(COLON_IN_VALUE, &pos, q);
	free(q);
	return true;
}

/* `key: "a "b" c"`: the value's own quote closed it before the mark. */
static bool quote_hint(const char *file, struct line l, int line, int col)
{
	size_t v = value_start(l), at = col_offset(l, col);
	if (v >= l.len || (l.s[v] != '"' && l.s[v] != '\'') || at <= v + 1 || at > l.len)
		return false;
	char quote = l.s[v];
	size_t before = at;
	while (before > v + 1 && l.s[before - 1] == ' ')
		before--;
	if (l.s[before - 1] != quote)
		return false;
	size_t end = l.len;
	while (end > v + 1 && l.s[end - 1] == ' ')
		end--;
	size_t inner_len = end - v - 1 - (l.s[end - 1] == quote && end - 1 > v);
	char *q = single_quoted(l.s + v + 1, inner_len);
	struct srcpos pos = {file, line, col};
	diag(QUOTE_IN_QUOTES, &pos, q);
	free(q);
	return true;
}

bool load_hint_syntax(const char *file, const char *data, size_t len, const char *problem,
		      const char *context, int line, int col, int context_line, int context_col)
{
	struct line l = line_at(data, len, line);
	size_t at = col_offset(l, col);
	if (strstr(problem, "tab character") ||
	    (!strcmp(problem, "found character that cannot start any token") && at < l.len &&
	     l.s[at] == '\t'))
		return tab_hint(file, l, line);
	if (context && !strcmp(context, "while scanning an alias"))
		return load_hint_star(file, data, len, context_line, context_col);
	if (!strcmp(problem, "mapping values are not allowed in this context"))
		return colon_hint(file, l, line, col);
	if (!strcmp(problem, "did not find expected key") ||
	    !strcmp(problem, "did not find expected <document start>") ||
	    !strcmp(problem, "did not find expected '-' indicator"))
		return quote_hint(file, l, line, col);
	return false;
}
