/* load.h — input files into node trees (node.h), with hard limits so that
 * no input can make the tool slow, huge or confused. Only load_*.c see the
 * parsing libraries. */
#ifndef VANBAN_LOAD_H
#define VANBAN_LOAD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "node.h"

/* Any field left 0 takes its default. */
struct load_limits {
	int max_depth;     /* nested mappings/lists; default 64 */
	size_t max_file;   /* bytes of input; default 8 MiB */
	size_t max_scalar; /* bytes of one text value; default 64 KiB */
	size_t max_nodes;  /* text values, mappings and lists together; default 1,000,000 */
	/* Optional: whether a character can be printed (the document font has
	 * it). Text holding one that cannot is an error naming the character,
	 * at its position, with font_name in the message. */
	bool (*printable)(void *ctx, uint32_t cp);
	void *printable_ctx;
	const char *font_name;
};

#define LOAD_MAX_DEPTH 64
#define LOAD_MAX_FILE ((size_t)8 << 20)
#define LOAD_MAX_SCALAR ((size_t)64 << 10)
#define LOAD_MAX_NODES ((size_t)1000000)

/* What the caller may want to tell the user about a file that loaded. */
struct load_info {
	bool not_nfc;                /* some text was not NFC and has been normalised */
	struct srcpos first_not_nfc; /* where the first such text starts (file owned by the tree) */
	size_t nodes;                /* nodes in the tree */
};

/* Reads the YAML file at path into a tree. lim and info may be NULL. Returns
 * the root (free with node_free), or NULL after exactly one diagnostic:
 * DIAG_ERROR for bad input, DIAG_SYSERR if the file cannot be read. The
 * file must hold one document; aliases, anchors and tags are refused. */
struct node *load_yaml(const char *path, const struct load_limits *lim, struct load_info *info);
/* Same for YAML held in memory (data need not be NUL-terminated); name is
 * the file name used in positions (copied into the tree). */
struct node *load_yaml_mem(const char *name, const char *data, size_t len,
			   const struct load_limits *lim, struct load_info *info);

#endif
