/* pdf_image.h — decoded pictures (image.h) as image XObjects of a libharu
 * document; pdf.c's helper, the one place images meet libharu. */
#ifndef VANBAN_PDF_IMAGE_H
#define VANBAN_PDF_IMAGE_H

#include <hpdf.h>

#include "image.h"

/* Adds img to pdf and returns its XObject: decoded samples Flate-compressed
 * (DeviceGray or DeviceRGB) with a Flate-compressed DeviceGray soft mask
 * when it has alpha, or a JPEG embedded byte for byte (DCTDecode). Call once
 * per image and document: every page draws the same object. Failures go to
 * the document's error handler. */
HPDF_Image pdf_image_embed(HPDF_Doc pdf, const struct image *img);

#endif
