/* compose_free.c — a free document: centred bold lines, bold headings and
 * justified body paragraphs, with the layout's page and body settings. */
#include "compose.h"

#include <stdlib.h>

#include "util.h"

struct page_style compose_page(const struct layout *lay)
{
	return (struct page_style){
		.width = layout_mm(&lay->width), .height = layout_mm(&lay->height),
		.top = layout_mm(&lay->top), .bottom = layout_mm(&lay->bottom),
		.left = layout_mm(&lay->left), .right = layout_mm(&lay->right),
		.number_size = layout_pt(&lay->page_number_size)};
}

bool compose_free(const struct docfile *df, const struct layout *lay, struct composed *out)
{
	const struct freedoc *d = &df->document;
	const struct free_block *fb = d->blocks.v;
	struct blocks *b = &out->blocks;
	struct para_style st = compose_style(layout_pt(&lay->body_size), ALIGN_CENTER);
	st.leading = layout_pt(&lay->body_leading);
	st.space_after = layout_pt(&lay->body_space);
	for (size_t i = 0; i < d->blocks.n; i++) {
		if (fb[i].text.s) {
			compose_body(b, lay, fb[i].text.s, &fb[i].text.pos);
		} else if (fb[i].center.s) {
			st.align = ALIGN_CENTER;
			compose_para(b, &st, FACE_BOLD, fb[i].center.s, &fb[i].center.pos, true)
				->keep_with_next = true;
		} else {
			st.align = ALIGN_LEFT;
			compose_para(b, &st, FACE_BOLD, fb[i].heading.s, &fb[i].heading.pos, true)
				->keep_with_next = true;
		}
	}
	out->page = compose_page(lay);
	out->kind = "document";
	out->meta.title = xstrdup(d->title.s);
	out->meta.author = xstrdup(df->org.name.s);
	out->meta.creator = xstrdup("vanban");
	char *slug = text_slug(d->title.s, 200);
	out->name = xasprintf("%s", slug);
	free(slug);
	return true;
}
