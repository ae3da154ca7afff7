/* preview.c — vanban-preview, the helper program behind `render --preview`:
 * page 1 of each PDF as a PNG, rendered by poppler-glib onto a cairo image.
 *
 *     vanban-preview DPI DIR NAME.pdf...   ->  DIR/preview/NAME.png
 *
 * It is a separate program, run by render_preview.c only when previews are
 * asked for, so that no other run loads poppler, glib and cairo (about 30
 * shared libraries and several milliseconds of start-up). It is the only
 * file that sees poppler or cairo. Exit status 0, or 3 if any file failed
 * (one line each on stderr); every preview that could be made is made. */
#include <cairo.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <poppler.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct sink {
	int fd;
	int failed;
};

static cairo_status_t to_fd(void *closure, const unsigned char *data, unsigned int len)
{
	struct sink *s = closure;
	while (len > 0) {
		ssize_t n = write(s->fd, data, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			s->failed = 1;
			return CAIRO_STATUS_WRITE_ERROR;
		}
		data += n;
		len -= (unsigned int)n;
	}
	return CAIRO_STATUS_SUCCESS;
}

/* Page 1 of the PDF at path on white, dpi pixels per inch; NULL on failure. */
static cairo_surface_t *draw_page1(const char *path, double dpi, const char **why)
{
	gchar *data = NULL;
	gsize len = 0;
	GError *err = NULL;
	if (!g_file_get_contents(path, &data, &len, &err)) {
		*why = "cannot read it";
		g_clear_error(&err);
		return NULL;
	}
	GBytes *bytes = g_bytes_new_take(data, len);
	PopplerDocument *doc = poppler_document_new_from_bytes(bytes, NULL, &err);
	g_bytes_unref(bytes);
	if (!doc) {
		*why = "poppler cannot open it";
		g_clear_error(&err);
		return NULL;
	}
	PopplerPage *page = poppler_document_get_n_pages(doc) > 0 ? poppler_document_get_page(doc, 0) : NULL;
	cairo_surface_t *img = NULL;
	if (page) {
		double w, h;
		poppler_page_get_size(page, &w, &h);
		int pw = (int)lround(w * dpi / 72), ph = (int)lround(h * dpi / 72);
		img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, pw > 0 ? pw : 1, ph > 0 ? ph : 1);
		cairo_t *cr = cairo_create(img);
		cairo_set_source_rgb(cr, 1, 1, 1);
		cairo_paint(cr);
		cairo_scale(cr, dpi / 72, dpi / 72);
		poppler_page_render_for_printing(page, cr);
		cairo_destroy(cr);
		g_object_unref(page);
	} else {
		*why = "it has no page";
	}
	g_object_unref(doc);
	return img;
}

/* Writes img as DIR/preview/NAME.png through a temporary file and a
 * rename, so a half-written preview never appears under its name. No
 * fsync: a preview can always be made again, and a thousand fsyncs would
 * cost more than the drawing. */
static int save(cairo_surface_t *img, const char *dir, const char *stem, const char **why)
{
	gchar *final = g_strdup_printf("%s/preview/%s.png", dir, stem);
	gchar *tmp = g_strdup_printf("%s/preview/.%s.png.tmp-%ld", dir, stem, (long)getpid());
	int rc = -1;
	struct sink s = {open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644), 0};
	if (s.fd < 0) {
		*why = strerror(errno);
	} else {
		cairo_status_t st = cairo_surface_write_to_png_stream(img, to_fd, &s);
		if (close(s.fd) == 0 && st == CAIRO_STATUS_SUCCESS && !s.failed && rename(tmp, final) == 0)
			rc = 0;
		else
			*why = st != CAIRO_STATUS_SUCCESS ? cairo_status_to_string(st) : strerror(errno);
		if (rc != 0)
			unlink(tmp);
	}
	g_free(tmp);
	g_free(final);
	return rc;
}

/* DIR/preview, made if missing; refused if it is a symbolic link. */
static int preview_dir(const char *dir)
{
	gchar *path = g_strdup_printf("%s/preview", dir);
	struct stat st;
	int rc = (mkdir(path, 0755) == 0 || errno == EEXIST) && lstat(path, &st) == 0 && S_ISDIR(st.st_mode)
			 ? 0 : -1;
	g_free(path);
	return rc;
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fputs("usage: vanban-preview DPI DIR NAME.pdf...\n", stderr);
		return 2;
	}
	double dpi = atof(argv[1]);
	const char *dir = argv[2];
	if (!(dpi >= 10 && dpi <= 600) || preview_dir(dir) != 0) {
		fprintf(stderr, "vanban-preview: %s/preview: cannot make the folder\n", dir);
		return 3;
	}
	int status = 0;
	for (int i = 3; i < argc; i++) {
		const char *name = argv[i];
		size_t len = strlen(name);
		if (len < 5 || strcmp(name + len - 4, ".pdf") || strchr(name, '/') || name[0] == '.') {
			fprintf(stderr, "vanban-preview: %s: not a PDF file name\n", name);
			status = 3;
			continue;
		}
		gchar *path = g_strdup_printf("%s/%s", dir, name);
		gchar *stem = g_strndup(name, len - 4);
		const char *why = NULL;
		cairo_surface_t *img = draw_page1(path, dpi, &why);
		if (!img || save(img, dir, stem, &why) != 0) {
			fprintf(stderr, "vanban-preview: %s: %s\n", path, why ? why : "failed");
			status = 3;
		}
		if (img)
			cairo_surface_destroy(img);
		g_free(stem);
		g_free(path);
	}
	return status;
}
