/* model_volume.h — an archivist's inputs: a hồ sơ volume (the file's cover
 * data and the documents in it, ND30 Điều 29 and Phụ lục V) and a year's
 * records (the Danh mục hồ sơ: headings per unit, each with its files).
 * Every value keeps its source position. */
#ifndef VANBAN_MODEL_VOLUME_H
#define VANBAN_MODEL_VOLUME_H

#include "model_doc.h"

/* One document of a volume: either every document a vanban input renders
 * (`source`, optionally only those of one kind) or an existing PDF
 * (`scan`). The record fields describe a scan and override what a vanban
 * input's documents say about themselves. */
struct volume_doc {
	struct text source;       /* a vanban YAML input, relative to the volume's folder */
	struct text only;         /* of a source: only documents of this kind ("minutes") */
	struct texts numbers;     /* of a source: only the documents with these numbers ("15/QĐ-TCT") */
	struct text scan;         /* an existing PDF, relative to the volume's folder */
	struct text number;       /* số, ký hiệu: "125/SGDĐT-TCCB" */
	struct day date;
	struct text type;         /* tên loại: "Công văn" */
	struct text summary;      /* trích yếu */
	struct text issuer;       /* tác giả */
	struct text note;         /* ghi chú */
	struct srcpos pos;
};

struct volume {
	struct text number;       /* số, ký hiệu hồ sơ: "01.TCHC" */
	struct text title;        /* tiêu đề hồ sơ */
	struct text unit;         /* đơn vị: "Phòng Tổ chức - Hành chính" */
	struct integer year;
	struct day from, to;      /* Từ ngày … đến ngày … */
	struct text retention;    /* "Vĩnh viễn" or "N năm" */
	struct text fonds;        /* phông số */
	struct text catalogue;    /* mục lục số */
	struct text file_number;  /* hồ sơ số (given when handed to the archive) */
	struct text sides;        /* "one" (default) or "two": sheets printed on both sides */
	struct flag sheet_numbers;/* default: when kept five years or more */
	struct text features;     /* đặc điểm tài liệu */
	struct text compiler;     /* người lập hồ sơ */
	struct text place;        /* of the Chứng từ kết thúc; default the organisation's */
	struct day date;          /* of the Chứng từ kết thúc; default `to` */
	struct records docs;      /* struct volume_doc */
	struct srcpos pos;
};

struct volfile {
	struct node *tree;        /* owns every string */
	const char *path;
	struct text layout;
	struct organisation org;
	struct volume volume;
};

/* A file in the Danh mục: a volume file of its own, or one planned by
 * title (its number, retention and compiler given here). */
struct records_file {
	struct text volume;       /* a volume YAML, relative to the records' folder */
	struct text number, title, retention, compiler, note;
	struct flag hand_over;    /* in the Mục lục nộp lưu (default: files with a volume) */
	struct srcpos pos;
};

struct records_heading {
	struct text title;        /* "Tổ chức - Hành chính" (printed upper case) */
	struct text abbreviation; /* "TCHC" */
	struct records files;     /* struct records_file */
	struct srcpos pos;
};

struct year_records {
	struct integer year;
	struct text basis;        /* "(Kèm theo Quyết định số …)" text, without parentheses */
	struct text unit;         /* the unit handing over (Mục lục nộp lưu) */
	struct text compiler;     /* người lập of the Mục lục nộp lưu */
	struct text place;
	struct day date;
	struct records headings;  /* struct records_heading */
	struct srcpos pos;
};

struct recfile {
	struct node *tree;
	const char *path;
	struct text layout;
	struct organisation org;
	struct year_records records;
};

/* What a top-level mapping describes. */
enum input_kind { INPUT_DOCUMENTS, INPUT_VOLUME, INPUT_RECORDS };
enum input_kind input_kind_of(const struct node *tree);

/* Bind and check a loaded tree (taken over: freed with the result, or
 * on failure). NULL after reporting errors. */
struct volfile *volfile_bind(struct node *tree);
void volfile_free(struct volfile *vf);
struct recfile *recfile_bind(struct node *tree);
void recfile_free(struct recfile *rf);

/* True if the retention means "kept five years or more" (ND30 Điều 29:
 * sheets are numbered), and whether it is "Vĩnh viễn". */
bool volume_retention_long(const char *retention);
bool volume_retention_permanent(const char *retention);

#endif
