/* compose_certificate.h — one certificate (Giấy khen) as one display-list
 * page, straight from a certificate layout: no flowing text, every field in
 * its fixed box, centred (or as aligned), shrunk and wrapped to fit. Also
 * the calibration sheet for pre-printed blanks. */
#ifndef VANBAN_COMPOSE_CERTIFICATE_H
#define VANBAN_COMPOSE_CERTIFICATE_H

#include "dlist.h"
#include "font.h"
#include "layout_cert.h"

/* An image for a box: the path as the YAML gave it, the decoded picture
 * (borrowed) and its pixel size (for the aspect ratio). path NULL = none. */
struct cert_image {
	const char *path;
	const struct image *image;
	uint32_t w, h;
};

/* What a batch of certificates shares, and the current recipient's values:
 * val[k] is the text of placeholder k (NULL or "" = empty), pos[k] where
 * it came from (messages and the dump). Everything borrowed. */
struct cert_values {
	const char *val[CK_COUNT];
	struct srcpos pos[CK_COUNT];
	struct cert_image emblem, signature, seal;
};

/* How a field had to be adjusted to fit its box. */
struct cert_fit_result {
	int32_t size;   /* millipoints */
	int lines;
	bool shrunk, wrapped, below_min;
};

/* Sets text (words separated by spaces; '\n' forces a line break) into
 * box_w x box_h millipoints per the field's rules. Returns the lines
 * (malloc'd array of malloc'd strings, *nlines of them) or NULL if nothing
 * fits even at 1 pt. */
char **cert_fit(const struct fontset *fs, const struct cert_field *f, const char *text,
		int32_t box_w, int32_t box_h, struct cert_fit_result *res, int *nlines);

/* Appends one page to dl. Every field that had to be shrunk or wrapped is
 * told in one note at `at` (fields of the whole batch only when report_all,
 * i.e. for its first record); an error (no glyph, does not fit at all) is
 * reported and false returned. */
bool compose_certificate(const struct fontset *fs, const struct cert_layout *lay,
			 const struct cert_values *v, const struct srcpos *at, bool report_all,
			 struct dlist *dl);

/* The calibration sheet: a millimetre grid, every field's box with a
 * crosshair at its anchor (top-left corner) and a label, the printer
 * profile's correction applied like on the certificates. */
void compose_calibration(const struct fontset *fs, const struct cert_layout *lay, struct dlist *dl);


#endif
