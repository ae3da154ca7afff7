/* node.c — the document tree and the arena its nodes live in. */
#include "node.h"

#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* Arena blocks start small (most files are a few KB) and double up to a cap,
 * so a 200,000-node file makes a few dozen mallocs instead of 400,000. */
#define BLOCK_FIRST 4096
#define BLOCK_MAX (1u << 20)

struct block {
	struct block *next;
	alignas(max_align_t) char data[];
};

/* The root node comes first so that a root pointer is a tree pointer. */
struct tree {
	struct node root;
	char *file;
	struct block *blocks;
	char *cur;
	size_t left, next_size;
};

static void *arena_take(struct tree *t, size_t size, size_t align)
{
	size_t pad = (size_t)(-(uintptr_t)t->cur) & (align - 1);
	if (t->cur && pad <= t->left && size <= t->left - pad) {
		void *p = t->cur + pad;
		t->cur += pad + size;
		t->left -= pad + size;
		return p;
	}
	size_t want = t->next_size;
	if (t->next_size < BLOCK_MAX)
		t->next_size *= 2;
	/* A huge request gets a block of its own; the current block stays in use. */
	if (size > want / 2) {
		struct block *b = xmalloc(sizeof *b + size);
		if (t->blocks) {
			b->next = t->blocks->next;
			t->blocks->next = b;
		} else {
			b->next = NULL;
			t->blocks = b;
		}
		return b->data;
	}
	struct block *b = xmalloc(sizeof *b + want);
	b->next = t->blocks;
	t->blocks = b;
	t->cur = b->data + size;
	t->left = want - size;
	return b->data;
}

struct node *node_tree_new(const char *file)
{
	struct tree *t = xcalloc(1, sizeof *t);
	t->file = xstrdup(file ? file : "");
	t->next_size = BLOCK_FIRST;
	t->root.kind = NODE_SCALAR;
	t->root.plain = true;
	t->root.str = "";
	t->root.pos.file = t->file;
	return &t->root;
}

void node_free(struct node *root)
{
	if (!root)
		return;
	struct tree *t = (struct tree *)root;
	for (struct block *b = t->blocks, *next; b; b = next) {
		next = b->next;
		free(b);
	}
	free(t->file);
	free(t);
}

void *node_alloc(struct node *root, size_t size)
{
	return arena_take((struct tree *)root, size, alignof(max_align_t));
}

struct node *node_new(struct node *root, enum node_kind kind, int line, int col)
{
	struct tree *t = (struct tree *)root;
	struct node *n = arena_take(t, sizeof *n, alignof(struct node));
	memset(n, 0, sizeof *n);
	n->kind = kind;
	n->pos = (struct srcpos){t->file, line, col};
	return n;
}

char *node_strndup(struct node *root, const char *s, size_t len)
{
	char *p = arena_take((struct tree *)root, len + 1, 1);
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

const struct node *node_get(const struct node *map, const char *key)
{
	if (!map || map->kind != NODE_MAP)
		return NULL;
	size_t klen = strlen(key);
	for (size_t i = 0; i < map->npairs; i++) {
		const struct node *k = map->pairs[i].key;
		if (k->len == klen && memcmp(k->str, key, klen) == 0)
			return map->pairs[i].value;
	}
	return NULL;
}

bool node_is_null(const struct node *n)
{
	if (!n || n->kind != NODE_SCALAR || !n->plain)
		return false;
	static const char *const spell[] = {"", "~", "null", "Null", "NULL"};
	for (size_t i = 0; i < sizeof spell / sizeof *spell; i++)
		if (strcmp(n->str, spell[i]) == 0)
			return true;
	return false;
}

const char *node_kind_name(enum node_kind kind)
{
	switch (kind) {
	case NODE_SCALAR: return "text";
	case NODE_MAP: return "mapping";
	case NODE_SEQ: return "list";
	}
	return "value";
}
