/* image.c — PNG (libpng) and JPEG (libjpeg-turbo) decoding (image.h); the
 * only file that includes png.h or jpeglib.h.
 *
 * Both libraries report errors through callbacks that longjmp back to the
 * one setjmp in png_run() or jpeg_run(); everything they allocate, and
 * everything of ours that a longjmp could skip, hangs off a heap struct that
 * the caller frees either way. A libjpeg warning (corrupt data, a file that
 * ends early) counts as damage: the JPEG is embedded as it is, so a reader
 * would show the damage. */
#include "image.h"

#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jpeglib.h>
#include <png.h>

#include "load_file.h"
#include "util.h"

#define CHUNK_MEMORY_MAX ((png_alloc_size_t)8 << 20) /* text, ICC and other side chunks */

enum failure { FAIL_NONE, FAIL_DAMAGED, FAIL_TOO_LARGE, FAIL_CMYK };

/* ---- PNG ------------------------------------------------------------------ */

struct png_job {
	jmp_buf jmp;
	const unsigned char *data;
	size_t len, at;
	png_structp png;
	png_infop info;
	unsigned char *samples; /* decoded, channels interleaved */
	png_bytep *rows;
	uint32_t width, height;
	int channels;           /* after the expansions: 1 .. 4 */
	enum failure fail;
	char msg[160];
};

static void png_on_error(png_structp png, png_const_charp msg)
{
	struct png_job *j = png_get_error_ptr(png);
	snprintf(j->msg, sizeof j->msg, "%s", msg);
	j->fail = FAIL_DAMAGED;
	longjmp(j->jmp, 1);
}

static void png_on_warning(png_structp png, png_const_charp msg)
{
	(void)png; /* ancillary chunks with bad CRCs are dropped: harmless */
	(void)msg;
}

static void png_on_read(png_structp png, png_bytep out, size_t n)
{
	struct png_job *j = png_get_io_ptr(png);
	if (n > j->len - j->at)
		png_error(png, "the file ends early");
	memcpy(out, j->data + j->at, n);
	j->at += n;
}

/* Checks the declared size against the caps before anything is decoded. */
static bool png_size_ok(struct png_job *j)
{
	uint64_t pixels = (uint64_t)j->width * j->height;
	return pixels > 0 && pixels <= IMAGE_MAX_PIXELS && pixels * 4 <= IMAGE_MAX_DECODED;
}

/* Everything that calls libpng; the one setjmp. */
static void png_run(struct png_job *j)
{
	if (setjmp(j->jmp))
		return;
	png_set_read_fn(j->png, j, png_on_read);
	png_set_chunk_malloc_max(j->png, CHUNK_MEMORY_MAX);
	png_set_chunk_cache_max(j->png, 1000);
	png_read_info(j->png, j->info);
	j->width = png_get_image_width(j->png, j->info);
	j->height = png_get_image_height(j->png, j->info);
	if (!png_size_ok(j)) {
		j->fail = FAIL_TOO_LARGE;
		return;
	}
	png_set_expand(j->png); /* palette → RGB, grey < 8 bits → 8, tRNS → alpha */
	png_set_strip_16(j->png);
	png_set_interlace_handling(j->png);
	png_read_update_info(j->png, j->info);
	j->channels = png_get_channels(j->png, j->info);
	size_t rowbytes = png_get_rowbytes(j->png, j->info);
	if (j->channels < 1 || j->channels > 4 || rowbytes != (size_t)j->width * (size_t)j->channels)
		png_error(j->png, "unexpected sample layout");
	j->samples = xmalloc(rowbytes * j->height);
	j->rows = xmalloc(j->height * sizeof *j->rows);
	for (uint32_t y = 0; y < j->height; y++)
		j->rows[y] = j->samples + (size_t)y * rowbytes;
	png_read_image(j->png, j->rows);
	png_read_end(j->png, NULL); /* the chunks after the pixels must be sound too */
}

/* Splits interleaved samples into colour and alpha; drops alpha that is
 * opaque everywhere and colour channels that are equal everywhere. */
static void png_to_image(const struct png_job *j, struct image *img)
{
	size_t n = (size_t)j->width * j->height;
	bool has_alpha = j->channels == 2 || j->channels == 4;
	int colour = has_alpha ? j->channels - 1 : j->channels;
	bool opaque = true, grey = colour == 1;
	if (colour == 3) {
		grey = true;
		for (size_t i = 0; i < n && grey; i++) {
			const unsigned char *p = j->samples + i * (size_t)j->channels;
			grey = p[0] == p[1] && p[1] == p[2];
		}
	}
	for (size_t i = 0; has_alpha && i < n && opaque; i++)
		opaque = j->samples[i * (size_t)j->channels + (size_t)colour] == 255;
	img->kind = IMAGE_PIXELS;
	img->width = j->width;
	img->height = j->height;
	img->channels = grey ? 1 : 3;
	img->pixels = xmalloc(n * (size_t)img->channels);
	img->alpha = has_alpha && !opaque ? xmalloc(n) : NULL;
	for (size_t i = 0; i < n; i++) {
		const unsigned char *p = j->samples + i * (size_t)j->channels;
		if (grey) {
			img->pixels[i] = p[0];
		} else {
			memcpy(img->pixels + i * 3, p, 3);
		}
		if (img->alpha)
			img->alpha[i] = p[colour];
	}
}

static enum failure decode_png(const unsigned char *data, size_t len, struct image *img, char *msg, size_t msglen)
{
	struct png_job *j = xcalloc(1, sizeof *j);
	j->data = data;
	j->len = len;
	j->png = png_create_read_struct(PNG_LIBPNG_VER_STRING, j, png_on_error, png_on_warning);
	j->info = j->png ? png_create_info_struct(j->png) : NULL;
	if (!j->info) {
		snprintf(j->msg, sizeof j->msg, "out of memory");
		j->fail = FAIL_DAMAGED;
	} else {
		png_run(j);
	}
	enum failure fail = j->fail;
	if (fail == FAIL_NONE)
		png_to_image(j, img);
	img->width = j->width;
	img->height = j->height;
	snprintf(msg, msglen, "%s", j->msg);
	png_destroy_read_struct(j->png ? &j->png : NULL, j->info ? &j->info : NULL, NULL);
	free(j->samples);
	free(j->rows);
	free(j);
	return fail;
}

/* ---- JPEG ------------------------------------------------------------------ */

struct jpeg_job {
	struct jpeg_error_mgr err; /* first: libjpeg's error pointer is this struct */
	jmp_buf jmp;
	struct jpeg_decompress_struct cinfo;
	struct jpeg_progress_mgr progress;
	const unsigned char *data;
	size_t len;
	JSAMPARRAY row;
	enum failure fail;
	char msg[JMSG_LENGTH_MAX];
};

static void jpeg_on_error(j_common_ptr c)
{
	struct jpeg_job *j = (struct jpeg_job *)c->err;
	(*c->err->format_message)(c, j->msg);
	j->fail = FAIL_DAMAGED;
	longjmp(j->jmp, 1);
}

static void jpeg_on_message(j_common_ptr c, int level)
{
	if (level < 0) /* a warning: corrupt or missing data */
		jpeg_on_error(c);
}

static void jpeg_quiet(j_common_ptr c)
{
	(void)c;
}

/* A progressive JPEG of thousands of tiny scans decodes for minutes. */
static void jpeg_on_progress(j_common_ptr c)
{
	j_decompress_ptr d = (j_decompress_ptr)c;
	if (d->input_scan_number > 500) {
		struct jpeg_job *j = (struct jpeg_job *)c->err;
		snprintf(j->msg, sizeof j->msg, "more than 500 progressive scans");
		j->fail = FAIL_DAMAGED;
		longjmp(j->jmp, 1);
	}
}

static void jpeg_run(struct jpeg_job *j)
{
	if (setjmp(j->jmp))
		return;
	jpeg_create_decompress(&j->cinfo);
	j->progress.progress_monitor = jpeg_on_progress;
	j->cinfo.progress = &j->progress;
	j->cinfo.mem->max_memory_to_use = (long)IMAGE_MAX_DECODED;
	jpeg_mem_src(&j->cinfo, j->data, (unsigned long)j->len);
	jpeg_read_header(&j->cinfo, TRUE);
	uint64_t pixels = (uint64_t)j->cinfo.image_width * j->cinfo.image_height;
	if (pixels == 0 || pixels > IMAGE_MAX_PIXELS || pixels * 3 > IMAGE_MAX_DECODED) {
		j->fail = FAIL_TOO_LARGE;
		return;
	}
	J_COLOR_SPACE cs = j->cinfo.jpeg_color_space;
	if (cs == JCS_CMYK || cs == JCS_YCCK || j->cinfo.num_components == 4) {
		j->fail = FAIL_CMYK;
		return;
	}
	jpeg_start_decompress(&j->cinfo);
	size_t stride = (size_t)j->cinfo.output_width * (size_t)j->cinfo.output_components;
	j->row = (*j->cinfo.mem->alloc_sarray)((j_common_ptr)&j->cinfo, JPOOL_IMAGE, (JDIMENSION)stride, 1);
	while (j->cinfo.output_scanline < j->cinfo.output_height)
		jpeg_read_scanlines(&j->cinfo, j->row, 1);
	jpeg_finish_decompress(&j->cinfo);
}

static enum failure decode_jpeg(const unsigned char *data, size_t len, struct image *img, char *msg, size_t msglen)
{
	struct jpeg_job *j = xcalloc(1, sizeof *j);
	j->data = data;
	j->len = len;
	j->cinfo.err = jpeg_std_error(&j->err);
	j->err.error_exit = jpeg_on_error;
	j->err.emit_message = jpeg_on_message;
	j->err.output_message = jpeg_quiet;
	jpeg_run(j);
	enum failure fail = j->fail;
	img->width = j->cinfo.image_width;
	img->height = j->cinfo.image_height;
	if (fail == FAIL_NONE) {
		img->kind = IMAGE_JPEG;
		img->channels = j->cinfo.num_components == 1 ? 1 : 3;
		img->jpeg = xmalloc(len);
		memcpy(img->jpeg, data, len);
		img->jpeg_len = len;
	}
	snprintf(msg, msglen, "%s", j->msg);
	jpeg_destroy_decompress(&j->cinfo);
	free(j);
	return fail;
}

/* ---- the API ------------------------------------------------------------- */

struct image *image_decode(const void *data, size_t len, const char *what, const char *name,
			   const struct srcpos *pos)
{
	const unsigned char *b = data;
	struct image *img = xcalloc(1, sizeof *img);
	char msg[JMSG_LENGTH_MAX > 160 ? JMSG_LENGTH_MAX : 160] = "";
	enum failure fail;
	const char *format;
	if (len >= 8 && !png_sig_cmp(b, 0, 8)) {
		format = "PNG";
		fail = decode_png(b, len, img, msg, sizeof msg);
	} else if (len >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF) {
		format = "JPEG";
		fail = decode_jpeg(b, len, img, msg, sizeof msg);
	} else {
		diag(IMAGE_UNSUPPORTED, pos, diag_word(what), name);
		image_free(img);
		return NULL;
	}
	if (fail == FAIL_NONE)
		return img;
	if (fail == FAIL_TOO_LARGE)
		diag(IMAGE_TOO_LARGE, pos, diag_word(what), name, (unsigned)img->width, (unsigned)img->height);
	else if (fail == FAIL_CMYK)
		diag(IMAGE_CMYK, pos, diag_word(what), name);
	else
		diag(IMAGE_DAMAGED, pos, diag_word(what), name, format, msg);
	image_free(img);
	return NULL;
}

struct image *image_load(const char *yaml_path, const char *name, const char *what,
			 const struct srcpos *pos)
{
	size_t len;
	char *data = load_file_read(yaml_path, name, pos, what, IMAGE_MAX_FILE, &len, NULL);
	if (!data)
		return NULL;
	struct image *img = image_decode(data, len, what, name, pos);
	free(data);
	return img;
}

void image_free(struct image *img)
{
	if (!img)
		return;
	free(img->pixels);
	free(img->alpha);
	free(img->jpeg);
	free(img);
}

void image_flatten_white(struct image *img)
{
	if (!img || img->kind != IMAGE_PIXELS || !img->alpha)
		return;
	size_t n = (size_t)img->width * img->height;
	for (size_t i = 0; i < n; i++) {
		unsigned a = img->alpha[i];
		for (int c = 0; c < img->channels; c++) {
			unsigned char *p = &img->pixels[i * (size_t)img->channels + (size_t)c];
			*p = (unsigned char)((*p * a + 255 * (255 - a) + 127) / 255);
		}
	}
	free(img->alpha);
	img->alpha = NULL;
}
