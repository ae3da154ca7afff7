/* font.c — FreeType: hash-checked faces, per-character advances, coverage. */
#include "font.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_ADVANCES_H

#include "diag.h"
#include "hash.h"
#include "text.h"
#include "util.h"

#define MAX_FONT_FILE (32u << 20)
#define NO_GLYPH 0xFFFF

static const uint16_t none[256] = {
#define NO16 NO_GLYPH, NO_GLYPH, NO_GLYPH, NO_GLYPH, NO_GLYPH, NO_GLYPH, NO_GLYPH, NO_GLYPH, \
	     NO_GLYPH, NO_GLYPH, NO_GLYPH, NO_GLYPH, NO_GLYPH, NO_GLYPH, NO_GLYPH, NO_GLYPH
	NO16, NO16, NO16, NO16, NO16, NO16, NO16, NO16, NO16, NO16, NO16, NO16, NO16, NO16, NO16, NO16
#undef NO16
};

struct face_metrics {
	char *path;
	/* Advances in 1/1000 em by code point, NO_GLYPH if absent: 256 blocks
	 * of 256, a block allocated only where the font has characters
	 * (a dozen for Liberation Serif), all others sharing `none`. */
	uint16_t *block[256];
	int32_t ascender, descender;
};

struct fontset {
	struct face_metrics face[FACE_COUNT];
};

static const char *const face_names[FACE_COUNT] = FACE_NAMES;

static int face_index(const char *name)
{
	for (int i = 0; i < FACE_COUNT; i++)
		if (strcmp(name, face_names[i]) == 0)
			return i;
	return -1;
}

/* Fills the advance table from the face's character map; everything the
 * measurer needs is then a table look-up, with FreeType closed again. */
static bool load_metrics(FT_Library lib, const char *data, size_t len, struct face_metrics *m)
{
	FT_Face ft;
	if (FT_New_Memory_Face(lib, (const FT_Byte *)data, (FT_Long)len, 0, &ft))
		return false;
	unsigned upem = ft->units_per_EM;
	if (upem == 0) {
		FT_Done_Face(ft);
		return false;
	}
	for (size_t i = 0; i < 256; i++)
		m->block[i] = (uint16_t *)none;
	FT_UInt gid;
	FT_ULong cp = FT_Get_First_Char(ft, &gid);
	while (gid != 0) {
		FT_Fixed a;
		if (cp < 65536 && FT_Get_Advance(ft, gid, FT_LOAD_NO_SCALE, &a) == 0) {
			long w = (long)a * 1000 / (long)upem; /* floor, as libharu's /W */
			uint16_t **b = &m->block[cp >> 8];
			if (*b == none) {
				*b = xmalloc(256 * sizeof **b);
				for (size_t i = 0; i < 256; i++)
					(*b)[i] = NO_GLYPH;
			}
			(*b)[cp & 255] = (uint16_t)(w < NO_GLYPH ? w : NO_GLYPH - 1);
		}
		cp = FT_Get_Next_Char(ft, cp, &gid);
	}
	m->ascender = (int32_t)((long)ft->ascender * 1000 / (long)upem);
	m->descender = (int32_t)((long)-ft->descender * 1000 / (long)upem);
	FT_Done_Face(ft);
	return true;
}

static bool open_face(FT_Library lib, const char *dir, const char *file, const char *hash,
		      struct face_metrics *m)
{
	char *path = xasprintf("%s/%s", dir, file);
	struct srcpos pos = {path, 0, 0};
	size_t len;
	char *data = read_file(path, MAX_FONT_FILE, &len);
	if (!data) {
		diag(FONT_UNREADABLE, &pos, strerror(errno));
		free(path);
		return false;
	}
	char hex[HASH_HEX_LEN + 1];
	hash_sha256_hex(data, len, hex);
	if (strcmp(hex, hash) != 0) {
		diag(FONT_HASH_MISMATCH, &pos,
		     hex, hash);
		free(data);
		free(path);
		return false;
	}
	bool ok = load_metrics(lib, data, len, m);
	free(data);
	if (!ok) {
		diag(FONT_FREETYPE_LOAD, &pos);
		free(path);
		return false;
	}
	m->path = path;
	return true;
}

struct fontset *fontset_open(const char *dir)
{
	char *mapname = xasprintf("%s/fontmap.tsv", dir);
	size_t len;
	char *map = read_file(mapname, 1 << 20, &len);
	struct srcpos mpos = {mapname, 0, 0};
	if (!map) {
		diag(FONTMAP_UNREADABLE, &mpos, strerror(errno));
		free(mapname);
		return NULL;
	}
	FT_Library lib;
	if (FT_Init_FreeType(&lib)) {
		diag(FREETYPE_INIT, NULL);
		free(map);
		free(mapname);
		return NULL;
	}
	struct fontset *fs = xcalloc(1, sizeof *fs);
	bool ok = true;
	int line = 0;
	for (char *save = NULL, *ln = strtok_r(map, "\n", &save); ln && ok;
	     ln = strtok_r(NULL, "\n", &save)) {
		line++;
		if (ln[0] == '#' || ln[0] == '\0')
			continue;
		char *f[4] = {0};
		char *p = ln;
		for (int i = 0; i < 4 && p; i++) {
			f[i] = p;
			p = strchr(p, '\t');
			if (p)
				*p++ = '\0';
		}
		int idx = f[1] ? face_index(f[1]) : -1;
		if (!f[3] || idx < 0 || strchr(f[2], '/')) {
			struct srcpos lp = {mapname, line, 0};
			diag(FONTMAP_BAD_LINE, &lp);
			ok = false;
			break;
		}
		if (!fs->face[idx].path)
			ok = open_face(lib, dir, f[2], f[3], &fs->face[idx]);
	}
	for (int i = 0; ok && i < FACE_COUNT; i++) {
		if (!fs->face[i].path) {
			diag(FONTMAP_NO_FACE, &mpos, face_names[i]);
			ok = false;
		}
	}
	FT_Done_FreeType(lib);
	free(map);
	free(mapname);
	if (!ok) {
		fontset_free(fs);
		return NULL;
	}
	return fs;
}

void fontset_free(struct fontset *fs)
{
	if (!fs)
		return;
	for (int i = 0; i < FACE_COUNT; i++) {
		free(fs->face[i].path);
		for (size_t b = 0; b < 256; b++)
			if (fs->face[i].block[b] != none)
				free(fs->face[i].block[b]);
	}
	free(fs);
}

const char *fontset_path(const struct fontset *fs, enum face face)
{
	return fs->face[face].path;
}

int32_t font_advance(const struct fontset *fs, enum face face, uint32_t cp)
{
	if (cp > 0xFFFF)
		return -1;
	uint16_t a = fs->face[face].block[cp >> 8][cp & 255];
	return a == NO_GLYPH ? -1 : a;
}

int32_t font_width(const struct fontset *fs, enum face face, int32_t size, const char *s, size_t len)
{
	uint16_t *const *block = fs->face[face].block;
	int64_t sum = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80) { /* fast path for ASCII */
			cp = c;
			i++;
		} else {
			size_t k = utf8_decode(s + i, len - i, &cp);
			i += k ? k : 1;
		}
		if (cp < 65536 && block[cp >> 8][cp & 255] != NO_GLYPH)
			sum += block[cp >> 8][cp & 255];
	}
	return (int32_t)((sum * size + 500) / 1000);
}

int32_t font_ascender(const struct fontset *fs, enum face face) { return fs->face[face].ascender; }
int32_t font_descender(const struct fontset *fs, enum face face) { return fs->face[face].descender; }

bool font_covers(const struct fontset *fs, enum face face, const char *s, size_t len,
		 uint32_t *cp, size_t *index)
{
	size_t n = 0;
	for (size_t i = 0; i < len; n++) {
		uint32_t c;
		size_t k = utf8_decode(s + i, len - i, &c);
		i += k ? k : 1;
		if (c == '\n' || c == '\t')
			continue;
		if (font_advance(fs, face, c) < 0) {
			*cp = c;
			*index = n;
			return false;
		}
	}
	return true;
}
