/* model_doc.h — what an input file describes: the organisation and its
 * documents. Every value keeps its source position for later messages. */
#ifndef VANBAN_MODEL_DOC_H
#define VANBAN_MODEL_DOC_H

#include "model.h"

struct person {
	struct text name;     /* as written: "Hồ Ngọc Trường" (never re-cased) */
	struct text degree;   /* học hàm, học vị: "TS.", "ThS." */
	struct texts roles;   /* "Bí thư Đảng ủy", "Hiệu trưởng" */
};

struct organisation {
	struct text parent;       /* cơ quan chủ quản */
	struct text name;         /* tên cơ quan ban hành */
	struct text abbreviation; /* ký hiệu: "TCT" */
	struct text place;        /* địa danh: "An Giang" */
};

struct counted {
	struct integer count;
	struct text text;         /* may contain {count} where the count goes */
};

struct attendance {
	struct text text;
	struct integer summoned, present;
	struct text absent_note;
};

struct minutes {
	struct integer number;
	struct text symbol;       /* ký hiệu, default "BB-<abbreviation>" */
	struct text title;        /* the meeting's name */
	struct day date;
	struct clock start, end;
	struct text venue;
	struct records chairs;    /* struct person */
	struct person secretary;
	struct attendance attendance;
	struct texts proceedings; /* paragraphs, in order */
	struct texts reports;     /* reports adopted */
	struct text pledge;
	struct text awards_intro;
	struct records awards;    /* struct counted */
	struct texts conclusion;
	struct text tasks_intro;
	struct records tasks;     /* struct counted */
	struct texts closing;     /* paragraphs before the closing sentence */
	struct texts recipients;  /* Nơi nhận, before "Lưu: …" */
	struct text filed;        /* "VT, Hồ sơ" */
	struct srcpos pos;
};

/* A free document (a report, a notice): a title for the PDF's metadata and
 * a sequence of blocks, each one of text, heading or center. */
struct free_block {
	struct text text;         /* a justified body paragraph */
	struct text heading;      /* a bold heading kept with what follows */
	struct text center;       /* a bold centred line */
};

struct freedoc {
	struct text title;
	struct records blocks;    /* struct free_block */
	struct srcpos pos;
};

struct style {
	struct flag pad_counts;   /* "08 đảng viên" */
};

struct docfile {
	struct node *tree;        /* owns every string */
	const char *path;
	struct text layout;       /* layouts/<name>.yaml; default nd30 */
	struct style style;
	struct organisation org;
	struct minutes minutes;
	bool has_minutes;
	struct freedoc document;
	bool has_document;
};

/* Loads and checks a document file. Returns NULL after reporting errors. */
struct load_limits;
struct docfile *docfile_load(const char *path, const struct load_limits *lim);
void docfile_free(struct docfile *df);

#endif
