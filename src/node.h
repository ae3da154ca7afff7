/* node.h — a generic document tree (text, mappings, lists) whose every node
 * remembers where it came from. Loaders (load_*.c) build it; the schema
 * binder reads it. All nodes and strings of one tree live in one arena owned
 * by the root, so a tree is freed in one call and never partially. */
#ifndef VANBAN_NODE_H
#define VANBAN_NODE_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

enum node_kind { NODE_SCALAR, NODE_MAP, NODE_SEQ };

struct node_pair;

struct node {
	enum node_kind kind;
	struct srcpos pos;  /* 1-based line/col of the node's first character */
	char *str;          /* scalar: NFC UTF-8, NUL-terminated, no NUL inside */
	size_t len;         /* scalar: bytes in str */
	bool plain;         /* scalar was plain (unquoted): `null`/`~`/empty mean null */
	struct node_pair *pairs; /* map, in file order */
	size_t npairs;
	struct node **items; /* sequence */
	size_t nitems;
};

struct node_pair {
	struct node *key; /* always a scalar */
	struct node *value;
};

/* --- reading ----------------------------------------------------------- */

/* The value stored under key in map (exact byte match on NFC text), or NULL
 * if map is NULL, not a mapping, or has no such key. Borrowed from the tree. */
const struct node *node_get(const struct node *map, const char *key);
/* True if n is a plain scalar spelled empty, `~`, `null`, `Null` or `NULL`. */
bool node_is_null(const struct node *n);
/* "text", "mapping" or "list": for messages aimed at the person who wrote the file. */
const char *node_kind_name(enum node_kind kind);

/* Frees the whole tree. root must be a root made by node_tree_new() (which is
 * what load_yaml() returns), never an inner node. NULL is allowed. */
void node_free(struct node *root);

/* --- building (for loaders) -------------------------------------------- */

/* A new tree: returns its root, an empty plain scalar at line 0 that the
 * loader fills in. The tree keeps its own copy of file; every node's
 * pos.file points at that copy. Free with node_free(). */
struct node *node_tree_new(const char *file);
/* A zeroed node of the given kind at (line, col), owned by root's tree. */
struct node *node_new(struct node *root, enum node_kind kind, int line, int col);
/* size bytes (aligned for any pointer or size_t) owned by root's tree. */
void *node_alloc(struct node *root, size_t size);
/* A NUL-terminated copy of s[0..len) owned by root's tree. */
char *node_strndup(struct node *root, const char *s, size_t len);

#endif
