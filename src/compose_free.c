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
		.number_size = layout_pt(&lay->page_number_size),
		.number_from = (int)lay->page_number_from.v};
}

bool compose_free(const struct docfile *df, const struct layout *lay, struct composed *out)
{
	const struct freedoc *d = &df->document;
	struct body_state bs = {0};
	bool ok = compose_blocks(&out->blocks, lay, &d->blocks, &bs);
	out->page = compose_page(lay);
	out->kind = "document";
	out->meta.title = xstrdup(d->title.s);
	out->meta.author = xstrdup(df->org.name.s);
	out->meta.creator = xstrdup("vanban");
	char *slug = text_slug(d->title.s, 200);
	out->name = xasprintf("%s", slug);
	free(slug);
	return ok && !out->blocks.failed;
}
