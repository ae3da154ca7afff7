/* pdf_image.c — images as XObjects, each loaded once per document. */
#include "pdf_int.h"

#include <string.h>

HPDF_Image pdf_image_for(struct render *r, const char *path)
{
	for (size_t i = 0; i < r->nimages; i++)
		if (strcmp(r->images[i].path, path) == 0)
			return r->images[i].image;
	r->doing = N_("loading an image");
	HPDF_Image img = HPDF_LoadPngImageFromFile(r->pdf, path);
	grow(&r->images, &r->capimages, r->nimages + 1, sizeof *r->images);
	r->images[r->nimages].path = path;
	r->images[r->nimages++].image = img;
	return img;
}

