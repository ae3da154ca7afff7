/* fuzz_load.c — libFuzzer target for the YAML loader. Any bytes must give
 * either a well-formed tree or exactly one error, never a crash, hang or
 * leak. Build and run with `make fuzz` (tests/fuzz/fuzz.mk). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load.h"
#include "text.h"

/* Invariants every tree must hold; a violation aborts, which the fuzzer reports. */
static void check_node(const struct node *n, int depth)
{
	if (depth > LOAD_MAX_DEPTH + 1 || n->pos.line < 1 || n->pos.col < 1 || !n->pos.file)
		abort();
	switch (n->kind) {
	case NODE_SCALAR:
		if (!n->str || strlen(n->str) != n->len || !utf8_valid(n->str, n->len, NULL))
			abort();
		break;
	case NODE_MAP:
		for (size_t i = 0; i < n->npairs; i++) {
			if (n->pairs[i].key->kind != NODE_SCALAR)
				abort();
			for (size_t j = 0; j < i && j < 16; j++)
				if (strcmp(n->pairs[i].key->str, n->pairs[j].key->str) == 0)
					abort();
			check_node(n->pairs[i].key, depth + 1);
			check_node(n->pairs[i].value, depth + 1);
		}
		break;
	case NODE_SEQ:
		for (size_t i = 0; i < n->nitems; i++)
			check_node(n->items[i], depth + 1);
		break;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *sink;
	if (!sink) {
		sink = fopen("/dev/null", "w");
		diag_set_stream(sink);
	}
	int before = diag_errors();
	struct load_info info;
	struct node *root = load_yaml_mem("fuzz.yaml", (const char *)data, size, NULL, &info);
	int reported = diag_errors() - before;
	if (root) {
		if (reported != 0)
			abort();
		check_node(root, 0);
		node_free(root);
	} else if (reported != 1) {
		abort(); /* exactly one diagnostic per failure */
	}
	return 0;
}
