/* test_image.c — image.c without files: PNG decoding keeps what it must
 * (grey, alpha) and drops what it may; the caps apply before decoding;
 * flattening onto white (for PDF/A) composites exactly. */
#include <stdlib.h>
#include <string.h>

#include "image.h"
#include "unit.h"
#include "util.h"

static FILE *quiet;

static void test_flatten_white(void)
{
	unsigned char *px = xmalloc(6), *a = xmalloc(2);
	memcpy(px, (unsigned char[]){0, 0, 0, 200, 100, 0}, 6);
	memcpy(a, (unsigned char[]){0, 128}, 2);
	struct image *img = xcalloc(1, sizeof *img);
	*img = (struct image){.kind = IMAGE_PIXELS, .width = 2, .height = 1, .channels = 3, .pixels = px, .alpha = a};
	image_flatten_white(img);
	CHECK(img->alpha == NULL);
	/* transparent black becomes white; half-transparent orange half-way to white */
	CHECK_INT(img->pixels[0], 255);
	CHECK_INT(img->pixels[1], 255);
	CHECK_INT(img->pixels[2], 255);
	CHECK_INT(img->pixels[3], (200 * 128 + 255 * 127 + 127) / 255);
	CHECK_INT(img->pixels[4], (100 * 128 + 255 * 127 + 127) / 255);
	CHECK_INT(img->pixels[5], (0 * 128 + 255 * 127 + 127) / 255);
	image_flatten_white(img); /* opaque now: nothing to do */
	CHECK_INT(img->pixels[0], 255);
	image_free(img);
}

/* The smallest PNGs by hand: 8-bit RGBA, one IDAT, stored (no compression). */
static size_t put32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)(v >> 24), p[1] = (unsigned char)(v >> 16), p[2] = (unsigned char)(v >> 8), p[3] = (unsigned char)v;
	return 4;
}

static uint32_t crc(const unsigned char *p, size_t n)
{
	uint32_t c = 0xFFFFFFFFu;
	for (size_t i = 0; i < n; i++) {
		c ^= p[i];
		for (int k = 0; k < 8; k++)
			c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
	}
	return c ^ 0xFFFFFFFFu;
}

static uint32_t adler(const unsigned char *p, size_t n)
{
	uint32_t a = 1, b = 0;
	for (size_t i = 0; i < n; i++)
		a = (a + p[i]) % 65521, b = (b + a) % 65521;
	return b << 16 | a;
}

static size_t chunk(unsigned char *out, const char *type, const unsigned char *data, size_t n)
{
	size_t k = put32(out, (uint32_t)n);
	memcpy(out + k, type, 4);
	if (n)
		memcpy(out + k + 4, data, n);
	put32(out + k + 4 + n, crc(out + k, n + 4));
	return n + 12;
}

static size_t make_png(unsigned char *out, uint32_t w, uint32_t h, const unsigned char *rgba)
{
	unsigned char raw[512], z[600], ihdr[13];
	size_t rn = 0;
	for (uint32_t y = 0; y < h; y++) {
		raw[rn++] = 0;
		memcpy(raw + rn, rgba + (size_t)y * w * 4, w * 4);
		rn += w * 4;
	}
	size_t zn = 0;
	z[zn++] = 0x78, z[zn++] = 0x01, z[zn++] = 1; /* zlib, one stored final block */
	z[zn++] = (unsigned char)rn, z[zn++] = (unsigned char)(rn >> 8);
	z[zn++] = (unsigned char)~rn, z[zn++] = (unsigned char)(~rn >> 8);
	memcpy(z + zn, raw, rn);
	zn += rn;
	zn += put32(z + zn, adler(raw, rn));
	put32(ihdr, w), put32(ihdr + 4, h);
	memcpy(ihdr + 8, (unsigned char[]){8, 6, 0, 0, 0}, 5);
	size_t n = 8;
	memcpy(out, "\x89PNG\r\n\x1a\n", 8);
	n += chunk(out + n, "IHDR", ihdr, 13);
	n += chunk(out + n, "IDAT", z, zn);
	n += chunk(out + n, "IEND", NULL, 0);
	return n;
}

static void test_png_channels(void)
{
	unsigned char png[1024];
	const unsigned char grey_opaque[] = {7, 7, 7, 255, 9, 9, 9, 255};
	struct image *img = image_decode(png, make_png(png, 2, 1, grey_opaque), "seal", "s.png", NULL);
	CHECK(img && img->channels == 1 && !img->alpha && img->pixels[0] == 7 && img->pixels[1] == 9);
	image_free(img);
	const unsigned char colour_alpha[] = {7, 8, 9, 0, 1, 2, 3, 255};
	img = image_decode(png, make_png(png, 2, 1, colour_alpha), "seal", "s.png", NULL);
	CHECK(img && img->channels == 3 && img->alpha && img->alpha[0] == 0 && img->alpha[1] == 255);
	CHECK(img && img->pixels[3] == 1 && img->pixels[5] == 3);
	image_free(img);
}

static void test_caps_before_decoding(void)
{
	unsigned char png[1024];
	const unsigned char px[4] = {0};
	size_t n = make_png(png, 1, 1, px);
	/* declare 6000 x 5000 (30 megapixels) over the 1-pixel data */
	put32(png + 16, 6000), put32(png + 20, 5000);
	put32(png + 29, crc(png + 12, 17));
	diag_set_stream(quiet);
	CHECK(image_decode(png, n, "seal", "s.png", NULL) == NULL);
	diag_set_stream(NULL);
	/* one message, and no 30-megapixel buffer was ever allocated (ASan would say) */
	CHECK(diag_errors() == 1);
}

int main(void)
{
	quiet = fopen("/dev/null", "w");
	RUN(test_flatten_white);
	RUN(test_png_channels);
	RUN(test_caps_before_decoding);
	fclose(quiet);
	UNIT_EXIT();
}
