/* render_volume.h — the archivist's runs: a hồ sơ volume (cover, Mục lục
 * văn bản, the documents with their sheet numbers, Chứng từ kết thúc) as
 * one PDF, and a year's records (Danh mục hồ sơ, every volume, Mục lục hồ
 * sơ nộp lưu). Drivers, like render.c. */
#ifndef VANBAN_RENDER_VOLUME_H
#define VANBAN_RENDER_VOLUME_H

#include "node.h"
#include "render_cert.h"

/* Render the file whose loaded tree holds `volume:` or `records:` (the
 * tree is taken over). A file with errors writes nothing. */
void render_volume(const struct cert_env *env, struct node *tree);
void render_records(const struct cert_env *env, struct node *tree);

/* A volume built in memory (for a year's records): its sheets, then
 * written (or dumped) once the whole run of the records is known good. */
struct volume_build;
struct volfile;
struct volume_build *volume_build_new(const struct cert_env *env, const struct volfile *vf);
int volume_build_sheets(const struct volume_build *vb);
void volume_build_emit(const struct cert_env *env, const char *source, struct volume_build *vb);
void volume_build_free(struct volume_build *vb);

/* --- in render.c --------------------------------------------------------- */

/* The documents one vanban input renders, each typeset as its standalone
 * PDF would be, with its manifest kind. */
struct typeset_docs {
	struct dlist **v;
	const char **kind;
	size_t n, cap;
};
/* Loads, composes and typesets the input that the YAML file `from` names
 * (certificates are left out). False after errors (reported at their
 * positions); what was typeset is in out either way: free it with
 * typeset_docs_free. */
struct text;
bool render_typeset_file(const struct cert_env *env, const char *from, const struct text *name,
			 struct typeset_docs *out);
void typeset_docs_free(struct typeset_docs *d);
/* Typesets and writes (or dumps) one composed document, as the document
 * kinds are, and records it in the manifest. */
void render_emit(const struct cert_env *env, const char *source, struct composed *c);
/* render_emit in two steps, for a run that writes nothing unless every
 * part is good: typeset and check one document as the PDF writer will
 * (NULL after its error), then write (or dump) it, taking dl. */
struct dlist *render_typeset_checked(const struct cert_env *env, struct composed *c);
void render_emit_typeset(const struct cert_env *env, const char *source, const struct composed *c,
			 struct dlist *dl);
/* The YAML file that the YAML file `from` names (kept inside its folder,
 * load_file.h), with the run's limits and printable characters; `what`
 * names it in messages. NULL after one error. info may be NULL. */
struct load_info;
struct node *render_load(const struct cert_env *env, const char *from, const struct text *name,
			 const char *what, struct load_info *info);
/* The layout NAME as the input file at path `input` finds it; errors at from. */
bool render_layout(const struct cert_env *env, const char *input, const char *name,
		   const struct srcpos *from, struct layout *lay);

#endif
