/* render_cert.h — the certificates of a decision, from composition to the
 * output folder: one PDF per recipient ("certificate") and one print file
 * with every certificate of the decision in list order ("certificates-print"),
 * rendered on worker threads; and the calibration sheet of a layout. */
#ifndef VANBAN_RENDER_CERT_H
#define VANBAN_RENDER_CERT_H

#include "compose.h"
#include "font.h"
#include "layout.h"
#include "manifest.h"
#include "model_doc.h"
#include "output.h"
#include "pdf.h"
#include "render.h"
#include "render_out.h"
#include "render_queue.h"

/* What the run shares (borrowed). pdf and od are NULL when not writing. */
struct cert_env {
	const struct render_opts *o;
	const struct fontset *fs;
	const struct pdf_ctx *pdf;
	struct run_out *out;
	struct render_queue *q;
};

/* Where the layouts of the input file at `input` are looked for: its own
 * folder, --layouts, the home's layouts/, the installed layouts/
 * (render.c). Free with layout_search_free. */
void render_search(const struct render_opts *o, const char *input, struct layout_search *s);

/* The composed certificates of one decision (owned by the job). */
struct cert_job;

/* Composes every certificate of decision d (in the roster's order) into
 * *jobp when it names a certificate_layout (else *jobp is NULL); lay is the
 * decision's own layout (its national lines and number format). Returns
 * false after reporting errors. */
bool cert_compose(const struct cert_env *env, const struct docfile *df, const struct decision *d,
		  const struct organisation *org, const struct layout *lay, const struct roster *ro,
		  struct cert_job **jobp);

/* Checks every certificate of the job as the PDF writer will (pdf_validate
 * against env->pdf; nothing when env->pdf is NULL, as in --dump): true if
 * all pass. Every failing certificate is reported. */
bool cert_validate(const struct cert_env *env, const struct cert_job *job);

/* Dumps the job's print file, or queues its PDFs on env->q (this shard's
 * share: every certificate file and print part, claiming every name), and
 * takes ownership of job. Call only when the source file had no errors. */
void cert_emit(const struct cert_env *env, const char *source, struct cert_job *job);
void cert_job_free(struct cert_job *job);


#endif
