/* pdf_image.c — decoded pictures (image.h) as image XObjects, each added
 * once per document however many pages draw it.
 *
 * libharu's own PNG loader runs libpng with no way back from its errors
 * and stores soft masks uncompressed (a 1.7 KB seal became 100 KB a page);
 * here libharu only receives samples that image.c decoded and checked, and
 * both streams get the Flate filter through the installed object headers
 * (libharu compresses a stream whose filter says so when it saves). A JPEG
 * goes in byte for byte (DCTDecode). */
#include "pdf_int.h"

#include <stdlib.h>
#include <string.h>

#include "image.h"

static HPDF_Image raw(HPDF_Doc pdf, const unsigned char *samples, const struct image *img, int channels)
{
	HPDF_Image x = HPDF_LoadRawImageFromMem(pdf, samples, img->width, img->height,
						channels == 1 ? HPDF_CS_DEVICE_GRAY : HPDF_CS_DEVICE_RGB, 8);
	if (x)
		x->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
	return x;
}

/* PDF/A-1 allows no transparency: a soft-masked picture is flattened onto
 * white (the paper) in a copy; the display list's stays as it is. */
static HPDF_Image embed_flat(HPDF_Doc pdf, const struct image *img)
{
	struct image flat = *img;
	size_t n = (size_t)img->width * img->height;
	flat.pixels = xmalloc(n * (size_t)img->channels);
	memcpy(flat.pixels, img->pixels, n * (size_t)img->channels);
	flat.alpha = xmalloc(n);
	memcpy(flat.alpha, img->alpha, n);
	image_flatten_white(&flat);
	HPDF_Image x = raw(pdf, flat.pixels, &flat, flat.channels);
	free(flat.pixels);
	free(flat.alpha);
	return x;
}

static HPDF_Image embed(HPDF_Doc pdf, const struct image *img, bool pdfa)
{
	if (img->kind == IMAGE_JPEG)
		return HPDF_LoadJpegImageFromMem(pdf, img->jpeg, (HPDF_UINT)img->jpeg_len);
	if (pdfa && img->alpha)
		return embed_flat(pdf, img);
	HPDF_Image x = raw(pdf, img->pixels, img, img->channels);
	if (x && img->alpha) {
		HPDF_Image mask = raw(pdf, img->alpha, img, 1);
		if (mask)
			HPDF_Image_AddSMask(x, mask);
	}
	return x;
}

HPDF_Image pdf_image_for(struct render *r, const struct dl_op *op)
{
	for (size_t i = 0; i < r->nimages; i++)
		if (r->images[i].picture == op->image)
			return r->images[i].image;
	r->doing = N_("loading an image");
	HPDF_Image img = embed(r->pdf, op->image, r->pdfa);
	if (!img)
		pdf_check_status(r, HPDF_INVALID_IMAGE);
	grow(&r->images, &r->capimages, r->nimages + 1, sizeof *r->images);
	r->images[r->nimages].picture = op->image;
	r->images[r->nimages++].image = img;
	return img;
}
