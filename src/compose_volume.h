/* compose_volume.h — the archivist's pages (ND30 Điều 29, Phụ lục V;
 * docs/rules.md §4): a hồ sơ's cover, its Mục lục văn bản and Chứng từ kết
 * thúc, and a year's Danh mục hồ sơ and Mục lục hồ sơ nộp lưu. Each
 * composer fills a struct composed like the document kinds do; the driver
 * (render_volume.c) computes the sheet numbers they print. */
#ifndef VANBAN_COMPOSE_VOLUME_H
#define VANBAN_COMPOSE_VOLUME_H

#include "compose.h"
#include "model_volume.h"

/* One row of the Mục lục văn bản (strings borrowed). */
struct toc_row {
	const char *number, *date, *title, *issuer, *note; /* date: "31/12/2020" */
	int sheet;                                           /* tờ số where it starts */
	struct srcpos pos;
};

/* The cover's front panel on one A4 page; `sheets` for "Gồm … tờ". */
bool compose_volume_cover(const struct volfile *vf, const struct layout *lay, int sheets,
			  struct composed *out);
/* The Mục lục văn bản: title block and the 7-column table, its own page numbers. */
bool compose_volume_toc(const struct volfile *vf, const struct layout *lay,
			const struct toc_row *rows, size_t n, struct composed *out);
/* The Chứng từ kết thúc: sheets in digits and words, the Mục lục's sheets. */
bool compose_volume_end(const struct volfile *vf, const struct layout *lay, int sheets,
			int toc_sheets, struct composed *out);

/* A file of the year's records, resolved (strings borrowed). */
struct records_row {
	const char *number, *title, *retention, *compiler, *note;
	const char *from, *to;   /* "20/11/2020" or NULL for a planned file */
	int sheets;              /* of its rendered volume; 0 = none */
	bool hand_over;
	size_t heading;          /* index into the records' headings */
	struct srcpos pos;
};

/* The Danh mục hồ sơ of the year (Phụ lục V, Mục II). */
bool compose_records_list(const struct recfile *rf, const struct layout *lay,
			  const struct records_row *rows, size_t n, struct composed *out);
/* The Mục lục hồ sơ, tài liệu nộp lưu for the files kept permanently
 * (permanent true: no retention column) or for a limited time. False
 * (and nothing composed) when no file of that class is handed over. */
bool compose_records_handover(const struct recfile *rf, const struct layout *lay,
			      const struct records_row *rows, size_t n, bool permanent,
			      struct composed *out);

/* --- compose_volume.c: pieces the archive's forms share ---------------- */
#define VOL_PT(x) ((int32_t)((x) * 1000))
void volume_line(struct blocks *b, int32_t size, enum face face, enum align al, const char *text,
		 const struct srcpos *pos);
/* A bordered table whose first row is the header and second the numbered
 * row "(1) (2) …"; both repeat on every page. shares are per mille of the
 * text width. */
struct table *volume_table(struct blocks *b, const struct layout *lay, const char *const *heads,
			   const int *shares, size_t ncols);
void volume_cell(struct table_row *row, size_t col, int32_t size, enum face face, enum align al,
		 const char *text, const struct srcpos *pos);
/* "<place>, ngày …", the role in bold, "(Ký …)" italic, room, the name —
 * in the right half. */
void volume_signer(struct blocks *b, const struct layout *lay, const char *place,
		   const struct date *date, const char *role, const char *how, const char *name);
/* "31/12/2020". Caller frees. */
char *volume_day(struct date d);
int32_t volume_text_width(const struct layout *lay);

#endif
