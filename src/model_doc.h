/* model_doc.h — what an input file describes: the organisation and its
 * documents. Every value keeps its source position for later messages. */
#ifndef VANBAN_MODEL_DOC_H
#define VANBAN_MODEL_DOC_H

#include "model.h"
#include "model_body.h"

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

/* One part of a meeting's proceedings: its heading (numbered 1., 2. …)
 * and its blocks, as the input writes them. */
struct section {
	struct text heading;
	struct text number;       /* as written; absent = counted */
	struct records body;      /* struct body_block */
	struct srcpos pos;
};

struct minutes {
	struct text issuer;       /* an issuers[].id (a Party cell's minutes); absent = the organisation */
	struct integer number;
	struct text symbol;       /* ký hiệu, default "BB-<abbreviation>" */
	struct text title;        /* the meeting's name */
	struct text meeting;      /* "Hội nghị", "Đại hội", "Cuộc họp": the closing sentence's subject */
	struct day date;
	struct clock start, end;
	struct text venue;
	struct records chairs;    /* struct person */
	struct person secretary;
	struct attendance attendance;
	struct records sections;  /* struct section, after "Nội dung" */
	struct texts closing;     /* paragraphs before the closing sentence */
	struct records signers;   /* struct signer, two a row; default THƯ KÝ and CHỦ TỌA */
	struct texts recipients;  /* Nơi nhận, before "Lưu: …" */
	struct text filed;        /* "VT, Hồ sơ" */
	struct srcpos pos;
};

/* A free document (no header): a title for the PDF's metadata and a body. */
struct freedoc {
	struct text title;
	struct records blocks;    /* struct body_block */
	struct srcpos pos;
};

/* An issuing body other than the organisation (the Party committee, the
 * trade union), each with its own document style. */
struct issuer {
	struct text id;           /* how decisions refer to it: "party" */
	struct text style;        /* "state" (ND30), "party" (HD36) or "union" */
	struct text layout;       /* layouts/NAME.yaml for its documents */
	struct organisation org;  /* parent (superior body), name, abbreviation, place */
};

/* Who signs: "KT. HIỆU TRƯỞNG / PHÓ HIỆU TRƯỞNG / Nguyễn Văn A". */
struct signer {
	struct text prefix;       /* TM., KT., Q., TL., TUQ. (Party: T/M, K/T, T/L) */
	struct text authority;    /* the body or head signed for: "ĐẢNG ỦY", "HIỆU TRƯỞNG" */
	struct text title;        /* the signer's own title: "PHÓ HIỆU TRƯỞNG", "BÍ THƯ" */
	struct text name;
	struct text signature;    /* PNG with transparency (certificates) */
	struct text seal;         /* PNG (certificates) */
};

struct recipient {
	struct text name;         /* a person (Vietnamese order, never re-cased) or a collective */
	struct text position;     /* chức vụ */
	struct text unit;         /* đơn vị công tác */
	struct flag collective;   /* a tập thể: twice the individual amount */
	struct text achievement;  /* overrides the decision's achievement on the certificate */
	struct srcpos pos;        /* where the record starts (YAML or CSV line) */
};

/* Recipients may come from a CSV file exported from Excel: the column
 * headers named here map onto recipient fields. */
struct csv_source {
	struct text file;         /* relative to the YAML file */
	struct text name, position, unit, collective, achievement; /* header names */
	struct text encoding;     /* "utf-8" (default), "tcvn3", "vni", "cp1258" */
};

struct award_list {
	struct text title;        /* "DANH SÁCH CÁ NHÂN ĐƯỢC TẶNG DANH HIỆU …" */
	struct text sort;         /* "none" (default) or "name": Vietnamese collation */
	struct text tone_order;   /* "lexicographic" (default: none huyền hỏi ngã sắc nặng) or "common" (none huyền sắc hỏi ngã nặng) */
	struct records recipients;/* struct recipient */
	struct csv_source csv;
	bool from_csv;
};

struct amount {
	struct number coefficient;  /* × lương cơ sở: 0.3 for a Giấy khen */
	struct integer base_salary; /* lương cơ sở, đồng */
	struct day base_date;       /* the date it applies from */
	struct number collective_factor; /* default 2 */
};

struct decision {
	struct text issuer;       /* an issuers[].id; absent = the organisation (state style) */
	struct integer number;
	struct text symbol;       /* default "QĐ-<abbreviation>" (Party: "QĐ/<abbreviation>") */
	struct day date;
	struct text summary;      /* trích yếu: "Về việc khen thưởng …" */
	struct text authority;    /* thẩm quyền: "HIỆU TRƯỞNG TRƯỜNG CHÍNH TRỊ TÔN ĐỨC THẮNG" */
	struct text by;           /* the same in running text: "Hiệu trưởng Trường …" (list reference) */
	struct texts bases;       /* căn cứ, each without its final ";" or "." */
	struct text proposal;     /* "Xét đề nghị của …" */
	struct texts articles;    /* Điều 1 …; placeholders {count}, {amount}, {amount_words} */
	struct amount amount;
	struct signer signer;
	struct texts recipients_to; /* Nơi nhận */
	struct text filed;
	struct award_list list;
	struct integer stated_count; /* the number of recipients the text states */
	struct text award;        /* the certificate's title, default "GIẤY KHEN" */
	struct text achievement;  /* "Đã có thành tích …" on each certificate */
	struct text certificate_layout; /* layouts/NAME.yaml for certificates; absent = none */
	struct text certificate_output; /* "both" (default), "files" or "print" */
	struct flag decision_output;    /* false: certificates only (the decision was issued before) */
	struct text emblem;       /* PNG for the certificate's emblem or logo box */
	struct srcpos pos;
};

/* --- model_document.c: every ND30 kind from one model ------------------ */

/* A Phụ lục: "Phụ lục I", its title, "(Kèm theo … số … ngày … của …)". */
struct appendix {
	struct text title;
	struct records body;      /* struct body_block */
	struct srcpos pos;
};

/* The document a Quyết định issues or approves (Mẫu 1.3). */
struct attached {
	struct text name;         /* tên loại: "Quy chế" */
	struct text summary;      /* trích yếu */
	struct records body;
	struct srcpos pos;        /* line > 0 when given */
};

struct document {
	struct text kind;         /* layouts/kinds.yaml id: "giay-moi" */
	struct text issuer;       /* an issuers[].id; absent = the organisation */
	struct integer number;    /* absent: a draft, room to write it by hand */
	struct text symbol;       /* the whole ký hiệu, overriding the kind's */
	struct text unit;         /* a công văn's drafting unit: "VP" in "TCT-VP" */
	struct text date;         /* YYYY-MM-DD; YYYY-MM for a draft without the day */
	struct text summary;      /* trích yếu */
	struct text by;           /* who issues, in running text ("Hiệu trưởng Trường …") */
	struct text authority;    /* thẩm quyền ban hành */
	struct texts bases;       /* căn cứ */
	struct text proposal;     /* "Theo đề nghị của …" */
	struct texts to;          /* Kính gửi */
	struct text guest;        /* Giấy mời: who is invited */
	struct text event, chair, time, venue;           /* Giấy mời's lines */
	struct text person, position, sent_to, purpose;  /* Giấy giới thiệu's lines */
	struct day valid_until;
	struct records body;      /* struct body_block */
	struct signer signer;
	struct records signers;   /* struct signer: co-signers side by side */
	struct texts recipients;  /* Nơi nhận */
	struct text filed;        /* "VT, TCHC" */
	struct records appendices;/* struct appendix */
	struct attached attachment;
	struct texts footer;      /* a công văn's page-1 address lines (ô 13) */
	struct text file;         /* the PDF's name, default from the kind and number */
	struct srcpos pos;
	struct date day;          /* parsed date; day.d == 0 for a draft */
};

extern const struct schema document_schema, signer_schema;
/* Parses the date and checks the body (no kind data needed). */
bool document_check(struct document *d);
/* The value of a kind's line key ("event", "chair" …), or NULL. */
const struct text *document_line(const struct document *d, const char *key);
/* Keys of the document's mapping n that its kind does not have (a căn cứ
 * in a Giấy mời), reported at the key. */
struct kind;
bool document_check_parts(const struct node *n, const struct kind *k);

struct style {
	struct flag pad_counts;   /* "08 đảng viên" */
	/* Numbers in words ("Bằng chữ"), as regions and offices prefer. */
	struct text thousand;     /* "nghìn" (default) or "ngàn" */
	struct text billion;      /* "tỷ" (default) or "tỉ" */
	struct text zero_tens;    /* "linh" (default) or "lẻ": một trăm linh năm */
	struct text four;         /* "bốn" (default) or "tư": hai mươi tư */
};

struct docfile {
	struct node *tree;        /* owns every string */
	const char *path;
	struct text encoding;     /* as declared; the loader has applied it */
	struct text layout;       /* layouts/<name>.yaml; default nd30 */
	struct style style;
	struct organisation org;
	struct minutes minutes;
	bool has_minutes;
	struct freedoc document;
	bool has_document;
	struct records issuers;   /* struct issuer */
	struct records decisions; /* struct decision */
	struct records documents; /* struct document */
};

struct load_limits;
/* Loads and checks a document file from a tree load_yaml() gave (taken over: freed with the
 * result, or on failure); lim is for the CSV files it names; info may be NULL. */
struct load_info;
struct node;
struct docfile *docfile_from_tree(struct node *tree, const struct load_limits *lim,
				  const struct load_info *info);
void docfile_free(struct docfile *df);
/* The number-words style the file asks for. */
struct words_style style_words(const struct style *st);
/* The issuer with this id, or NULL. */
const struct issuer *docfile_issuer(const struct docfile *df, const char *id);
extern const struct schema recipient_schema;

#endif
