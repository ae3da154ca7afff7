/* image.h — PNG and JPEG pictures (emblems, signatures, seals) decoded
 * before anything reaches the PDF writer. image.c is the only user of
 * libpng and libjpeg-turbo: both run under error callbacks that return here
 * (a damaged file is a message, never an abort), and an image's size is
 * checked against the caps before a pixel is decoded. */
#ifndef VANBAN_IMAGE_H
#define VANBAN_IMAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"

#define IMAGE_MAX_PIXELS 25000000u        /* 25 megapixels */
#define IMAGE_MAX_DECODED ((size_t)64 << 20) /* bytes of decoded samples */
#define IMAGE_MAX_FILE ((size_t)32 << 20)

enum image_kind {
	IMAGE_PIXELS, /* decoded samples (from PNG) */
	IMAGE_JPEG,   /* a JPEG checked by decoding it, embedded as it is */
};

/* A decoded picture. Rows top to bottom, 8 bits a sample. */
struct image {
	enum image_kind kind;
	uint32_t width, height;
	int channels;           /* colour samples a pixel: 1 (grey) or 3 (RGB) */
	unsigned char *pixels;  /* IMAGE_PIXELS: width * height * channels */
	unsigned char *alpha;   /* IMAGE_PIXELS: width * height, or NULL when opaque */
	unsigned char *jpeg;    /* IMAGE_JPEG: the file's bytes */
	size_t jpeg_len;
};

/* Decodes the bytes of a PNG or JPEG file. what (untranslated, e.g.
 * N_("seal")) and name (as the YAML wrote it) are for the one DIAG_ERROR
 * at pos that a damaged, unsupported or too large image gets (then NULL).
 * Grey and opaque pictures come back with 1 channel and no alpha. */
struct image *image_decode(const void *data, size_t len, const char *what, const char *name,
			   const struct srcpos *pos);

/* Reads (load_file_read: inside the YAML's folder) and decodes the file
 * NAME that the YAML at yaml_path names at pos; NULL after one diag(). */
struct image *image_load(const char *yaml_path, const char *name, const char *what,
			 const struct srcpos *pos);

void image_free(struct image *img);

/* Composites the soft mask onto white and drops it (PDF/A-1 forbids soft
 * masks). A JPEG or an opaque image is left as it is. */
void image_flatten_white(struct image *img);

#endif
