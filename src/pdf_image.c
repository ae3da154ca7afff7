/* pdf_image.c — decoded pictures into libharu (pdf_image.h).
 *
 * libharu's own PNG loader runs libpng without a way back from its errors
 * and stores soft masks uncompressed (a 1.7 KB seal became 100 KB a page);
 * here libharu only ever receives samples that image.c decoded and checked,
 * and both streams are given the Flate filter through the installed object
 * headers (libharu compresses a stream whose filter says so when saving). */
#include "pdf_image.h"

#include <hpdf_objects.h>

static HPDF_Image raw(HPDF_Doc pdf, const unsigned char *samples, const struct image *img, int channels)
{
	HPDF_Image x = HPDF_LoadRawImageFromMem(pdf, samples, img->width, img->height,
						channels == 1 ? HPDF_CS_DEVICE_GRAY : HPDF_CS_DEVICE_RGB, 8);
	if (x)
		x->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
	return x;
}

HPDF_Image pdf_image_embed(HPDF_Doc pdf, const struct image *img)
{
	if (img->kind == IMAGE_JPEG)
		return HPDF_LoadJpegImageFromMem(pdf, img->jpeg, (HPDF_UINT)img->jpeg_len);
	HPDF_Image x = raw(pdf, img->pixels, img, img->channels);
	if (x && img->alpha) {
		HPDF_Image mask = raw(pdf, img->alpha, img, 1);
		if (mask)
			HPDF_Image_AddSMask(x, mask);
	}
	return x;
}
