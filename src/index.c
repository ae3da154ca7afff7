/* index.c — output/index.html from the manifest (index.h). */
#include "index.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

enum col { C_KIND, C_SOURCE, C_FILE, C_PAGES, C_NUMBER, C_TITLE, C_SUMMARY, C_TYPE, C_COUNT };
static const char *const col_name[C_COUNT] = {"kind", "source", "file", "pages", "number",
					      "title", "summary", "type_name"};

/* One manifest line cut into fields (unescaped, malloc'd). */
struct row {
	char *f[C_COUNT];
};

/* The manifest's escapes (\t \n \r \\) undone on s[0..len). */
static char *unescape(const char *s, size_t len)
{
	struct buf b = {0};
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\\' && i + 1 < len) {
			char c = s[++i];
			buf_addc(&b, c == 't' ? '\t' : c == 'n' ? '\n' : c == 'r' ? '\r' : c);
		} else {
			buf_addc(&b, s[i]);
		}
	}
	return buf_steal(&b);
}

/* Splits the manifest into rows; the header line says which column is which. */
static size_t parse(const char *text, struct row **out)
{
	int where[32];
	size_t ncols = 0, n = 0, cap = 0;
	struct row *rows = NULL;
	bool header = true;
	for (const char *line = text; line && *line;) {
		const char *end = strchr(line, '\n');
		size_t len = end ? (size_t)(end - line) : strlen(line);
		if (len && line[0] != '#') {
			struct row r = {0};
			size_t c = 0;
			for (const char *p = line; p <= line + len && c < 32; c++) {
				const char *tab = memchr(p, '\t', (size_t)(line + len - p));
				size_t flen = tab ? (size_t)(tab - p) : (size_t)(line + len - p);
				if (header) {
					where[c] = -1;
					for (int k = 0; k < C_COUNT; k++)
						if (strlen(col_name[k]) == flen && !memcmp(col_name[k], p, flen))
							where[c] = k;
					ncols = c + 1;
				} else if (c < ncols && where[c] >= 0) {
					r.f[where[c]] = unescape(p, flen);
				}
				if (!tab)
					break;
				p = tab + 1;
			}
			if (!header && r.f[C_FILE]) {
				grow(&rows, &cap, n + 1, sizeof *rows);
				rows[n++] = r;
			} else {
				for (int k = 0; k < C_COUNT; k++)
					free(r.f[k]);
			}
			header = false;
		}
		line = end ? end + 1 : NULL;
	}
	*out = rows;
	return n;
}

static void rows_free(struct row *rows, size_t n)
{
	for (size_t i = 0; i < n; i++)
		for (int k = 0; k < C_COUNT; k++)
			free(rows[i].f[k]);
	free(rows);
}

static bool is_pdf(const char *name)
{
	size_t len = strlen(name);
	return len > 4 && !strcmp(name + len - 4, ".pdf");
}

char **index_pdfs(const char *manifest, size_t *n)
{
	struct row *rows;
	size_t nr = parse(manifest, &rows);
	char **v = xcalloc(nr ? nr : 1, sizeof *v);
	*n = 0;
	for (size_t i = 0; i < nr; i++)
		if (is_pdf(rows[i].f[C_FILE]))
			v[(*n)++] = xstrdup(rows[i].f[C_FILE]);
	rows_free(rows, nr);
	return v;
}

void index_pdfs_free(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static void html(struct buf *b, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '&': buf_adds(b, "&amp;"); break;
		case '<': buf_adds(b, "&lt;"); break;
		case '>': buf_adds(b, "&gt;"); break;
		case '"': buf_adds(b, "&quot;"); break;
		case '\'': buf_adds(b, "&#39;"); break;
		default: buf_addc(b, *s);
		}
	}
}

/* A file name as a relative URL: every byte but the unreserved ones escaped. */
static void url(struct buf *b, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || strchr("-._~", c))
			buf_addc(b, (char)c);
		else
			buf_printf(b, "%%%02X", c);
	}
}

/* What a clerk calls each kind of output. */
static const char *kind_label(const char *kind)
{
	static const char *const names[][2] = {
		{"minutes", "Biên bản"}, {"decision", "Quyết định"}, {"document", "Văn bản"},
		{"certificate", "Giấy khen"}, {"certificates-print", "Bản in giấy khen"},
		{"calibration", "Tờ hiệu chỉnh"}, {"volume", "Hồ sơ"},
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (kind && !strcmp(kind, names[i][0]))
			return names[i][1];
	return kind ? kind : "";
}

static int warnings_of(const char *source, const struct index_source *src, size_t nsrc)
{
	for (size_t i = 0; source && i < nsrc; i++)
		if (!strcmp(src[i].path, source))
			return src[i].warnings;
	return 0;
}

static const char STYLE[] =
	"body{font-family:\"Liberation Serif\",\"Times New Roman\",serif;margin:2em;color:#111}"
	"table{border-collapse:collapse}th,td{border:1px solid #bbb;padding:.3em .6em;"
	"vertical-align:top;text-align:left}th{background:#eee}td.n{text-align:right}"
	"img{max-width:124px;max-height:124px;border:1px solid #999}.warn{color:#a00;font-weight:bold}";

static void add_row(struct buf *b, const struct row *r, int warnings, bool previews)
{
	const char *file = r->f[C_FILE];
	const char *title = r->f[C_TITLE] ? r->f[C_TITLE] : r->f[C_SUMMARY] ? r->f[C_SUMMARY] : file;
	buf_adds(b, "<tr data-file=\"");
	html(b, file);
	buf_adds(b, "\"><td>");
	html(b, r->f[C_TYPE] && *r->f[C_TYPE] ? r->f[C_TYPE] : kind_label(r->f[C_KIND]));
	buf_adds(b, "</td><td>");
	html(b, r->f[C_NUMBER]);
	buf_adds(b, "</td><td><a href=\"");
	url(b, file);
	buf_adds(b, "\">");
	html(b, title);
	buf_adds(b, "</a></td><td class=\"n\">");
	html(b, r->f[C_PAGES]);
	buf_printf(b, "</td><td class=\"n%s\">%d</td><td>", warnings ? " warn" : "", warnings);
	if (previews && is_pdf(file)) {
		buf_adds(b, "<a href=\"");
		url(b, file);
		buf_adds(b, "\"><img src=\"preview/");
		char *stem = xstrndup(file, strlen(file) - 4);
		url(b, stem);
		free(stem);
		buf_adds(b, ".png\" alt=\"trang 1\"></a>");
	}
	buf_adds(b, "</td></tr>\n");
}

int index_write(struct outdir *od, const char *manifest, const struct index_source *src, size_t nsrc,
		bool previews)
{
	struct row *rows;
	size_t n = parse(manifest, &rows);
	struct buf b = {0};
	buf_adds(&b, "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n");
	buf_printf(&b, "<title>Các văn bản đã in (%zu tệp)</title>\n<style>%s</style>\n</head>\n<body>\n", n, STYLE);
	buf_printf(&b, "<h1>Các văn bản đã in</h1>\n<p>%zu tệp PDF, theo thứ tự của manifest.tsv.</p>\n", n);
	buf_adds(&b, "<table id=\"documents\">\n<thead><tr><th>Loại</th><th>Số, ký hiệu</th><th>Tên, trích yếu"
		     "</th><th>Số trang</th><th>Cảnh báo</th><th>Trang 1</th></tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < n; i++)
		add_row(&b, &rows[i], warnings_of(rows[i].f[C_SOURCE], src, nsrc), previews);
	buf_adds(&b, "</tbody>\n</table>\n</body>\n</html>\n");
	rows_free(rows, n);
	int rc = outdir_write_cheap(od, INDEX_FILE, b.data, b.len);
	buf_free(&b);
	return rc;
}
