/* typeset_vlist.c — the vertical list's storage. */
#include "typeset_vlist.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

struct vitem *vlist_item(struct vlist *vl, int32_t height, const struct srcpos *pos)
{
	grow(&vl->items, &vl->cap, vl->n + 1, sizeof *vl->items);
	struct vitem *it = &vl->items[vl->n++];
	memset(it, 0, sizeof *it);
	it->height = height;
	it->op0 = vl->nops;
	if (pos)
		it->pos = *pos;
	return it;
}

void vlist_op(struct vlist *vl, const struct dl_op *op)
{
	grow(&vl->ops, &vl->opcap, vl->nops + 1, sizeof *vl->ops);
	vl->ops[vl->nops++] = *op;
	vl->items[vl->n - 1].nops++;
}

void vlist_free(struct vlist *vl)
{
	for (size_t i = 0; i < vl->nops; i++)
		free(vl->ops[i].text);
	free(vl->ops);
	free(vl->items);
	memset(vl, 0, sizeof *vl);
}
