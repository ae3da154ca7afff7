/* test_load.c — the YAML loader: good trees, every error with its exact
 * message and position, and hostile inputs under a time budget. */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "load.h"
#include "text.h"
#include "util.h"
#include "unit.h"

static struct load_info info;

/* Loads text (with limits lim) and returns the root; *msg gets everything
 * diag() printed, without the final newline (caller frees). */
static struct node *load_msg(const char *text, size_t len, const struct load_limits *lim, char **msg)
{
	char *out = NULL;
	size_t outlen = 0;
	FILE *f = open_memstream(&out, &outlen);
	diag_set_stream(f);
	struct node *root = load_yaml_mem("t.yaml", text, len, lim, &info);
	diag_set_stream(NULL);
	fclose(f);
	if (outlen && out[outlen - 1] == '\n')
		out[outlen - 1] = '\0';
	*msg = out;
	return root;
}

/* Loads text that must fail with exactly the diagnostic want. */
static void expect_error_n(const char *text, size_t len, const struct load_limits *lim,
			   const char *want, int line)
{
	char *msg;
	struct node *root = load_msg(text, len, lim, &msg);
	if (root || strcmp(msg, want) != 0) {
		printf("#   line %d: got %s \"%s\"\n#   want \"%s\"\n", line, root ? "a tree and" : "",
		       msg, want);
		unit_fails++;
	}
	node_free(root);
	free(msg);
}
#define EXPECT_ERROR(text, want) expect_error_n(text, strlen(text), NULL, want, __LINE__)

/* Loads text that must succeed silently. */
static struct node *load_ok(const char *text)
{
	char *msg;
	struct node *root = load_msg(text, strlen(text), NULL, &msg);
	if (!root || msg[0]) {
		printf("#   unexpected failure: %s\n", msg);
		unit_fails++;
	}
	free(msg);
	return root;
}

static double seconds_since(clock_t t0)
{
	return (double)(clock() - t0) / CLOCKS_PER_SEC;
}

/* CPU-time budget for one hostile input: 1 s, as the reliability brief asks;
 * sanitizer builds run several times slower, so they get 4 s. */
#if defined(__SANITIZE_ADDRESS__)
#define BUDGET 4.0
#else
#define BUDGET 1.0
#endif

/* --- good files --------------------------------------------------------- */

static void nested_maps_and_lists(void)
{
	struct node *r = load_ok("issuer:\n"
				 "  name: Trường Chính trị\n"
				 "  code: TCT\n"
				 "people:\n"
				 "  - name: An\n"
				 "    tags: [a, 'b', \"c\"]\n"
				 "  - {name: Bình, age: 40}\n"
				 "empty: []\n");
	if (!r)
		return;
	CHECK_INT(r->kind, NODE_MAP);
	CHECK_INT(r->npairs, 3);
	CHECK_INT(r->pos.line, 1);
	CHECK_INT(r->pos.col, 1);
	const struct node *issuer = node_get(r, "issuer");
	CHECK_STR(node_get(issuer, "name")->str, "Trường Chính trị");
	CHECK_INT(node_get(issuer, "code")->pos.line, 3);
	CHECK_INT(node_get(issuer, "code")->pos.col, 9);
	const struct node *people = node_get(r, "people");
	CHECK_INT(people->kind, NODE_SEQ);
	CHECK_INT(people->nitems, 2);
	CHECK_INT(people->pos.line, 5);
	CHECK_INT(people->pos.col, 3);
	const struct node *tags = node_get(people->items[0], "tags");
	CHECK_INT(tags->nitems, 3);
	CHECK_STR(tags->items[2]->str, "c");
	CHECK(tags->items[0]->plain);
	CHECK(!tags->items[1]->plain);
	CHECK_INT(tags->items[1]->pos.col, 15);
	const struct node *b = people->items[1];
	CHECK_INT(b->kind, NODE_MAP);
	CHECK_STR(node_get(b, "name")->str, "Bình");
	/* columns count characters: "40" is at byte 24 but character 23 */
	CHECK_INT(node_get(b, "age")->pos.col, 23);
	CHECK_INT(node_get(r, "empty")->nitems, 0);
	CHECK(node_get(r, "missing") == NULL);
	CHECK(node_get(node_get(r, "empty"), "x") == NULL);
	CHECK_STR(r->pairs[1].key->str, "people");
	CHECK(r->pairs[0].key->pos.file != NULL && strcmp(r->pairs[0].key->pos.file, "t.yaml") == 0);
	CHECK_INT(info.nodes, 24);
	CHECK(!info.not_nfc);
	node_free(r);
}

static void nfd_is_normalised(void)
{
	/* "Nguyễn" with e + U+0302 + U+0303, key "tên" with e + U+0302 */
	struct node *r = load_ok("a: ok\nte\xCC\x82n: Nguye\xCC\x82\xCC\x83n\n");
	if (!r)
		return;
	CHECK_STR(r->pairs[1].key->str, "tên");
	CHECK_STR(node_get(r, "tên")->str, "Nguyễn");
	CHECK_INT(node_get(r, "tên")->len, strlen("Nguyễn"));
	CHECK(info.not_nfc);
	CHECK_INT(info.first_not_nfc.line, 2);
	CHECK_INT(info.first_not_nfc.col, 1);
	CHECK_STR(info.first_not_nfc.file, "t.yaml");
	node_free(r);
}

/* The loader skips utf8proc for text made only of these ranges; prove that
 * such text really is NFC, in every adjacent pair that the sequence holds. */
static void fast_nfc_ranges_are_nfc(void)
{
	struct buf b = {0};
	buf_adds(&b, "a: |\n  x");
	struct buf t = {0};
	for (uint32_t cp = 0x20; cp < 0x2028; cp++) {
		if (cp == 0x300)
			cp = 0x1E00;
		if (cp == 0x1F00)
			cp = 0x2010;
		if (cp == 0x7F || (cp >= 0x80 && cp <= 0x9F))
			continue;
		char e[4];
		size_t k = utf8_encode(cp, e);
		buf_add(&t, e, k);
		buf_add(&t, "a", 1);
		buf_add(&t, e, k);
		buf_add(&t, e, k);
	}
	buf_add(&b, t.data, t.len);
	buf_adds(&b, "\n");
	struct node *r = load_ok(b.data);
	CHECK(text_is_nfc(t.data, t.len));
	CHECK(!info.not_nfc);
	if (r)
		CHECK_INT(node_get(r, "a")->len, t.len + 2);
	node_free(r);
	buf_free(&b);
	buf_free(&t);
}

static void block_scalars(void)
{
	struct node *r = load_ok("lit: |\n  Dòng một\n  Dòng hai\nfold: >\n  một\n  hai\n\n  ba\nkeep: |+\n  x\n\nstrip: |-\n  y\n");
	if (!r)
		return;
	CHECK_STR(node_get(r, "lit")->str, "Dòng một\nDòng hai\n");
	CHECK_STR(node_get(r, "fold")->str, "một hai\nba\n");
	CHECK_STR(node_get(r, "keep")->str, "x\n\n");
	CHECK_STR(node_get(r, "strip")->str, "y");
	CHECK(!node_get(r, "lit")->plain);
	CHECK_INT(node_get(r, "lit")->pos.col, 6);
	node_free(r);
}

static void quoted_escapes(void)
{
	struct node *r = load_ok("d: \"a\\tb\\n\\u1EC7\\\"\\\\\"\ns: 'it''s'\nm: \"one\n  two\"\n");
	if (!r)
		return;
	CHECK_STR(node_get(r, "d")->str, "a\tb\n\xE1\xBB\x87\"\\");
	CHECK_STR(node_get(r, "s")->str, "it's");
	CHECK_STR(node_get(r, "m")->str, "one two");
	node_free(r);
}

static void nulls_and_plain(void)
{
	struct node *r = load_ok("a:\nb: ~\nc: null\nd: 'null'\ne: \"\"\nf: NULL\ng: nul\n");
	if (!r)
		return;
	CHECK(node_is_null(node_get(r, "a")));
	CHECK(node_is_null(node_get(r, "b")));
	CHECK(node_is_null(node_get(r, "c")));
	CHECK(!node_is_null(node_get(r, "d")));
	CHECK(!node_is_null(node_get(r, "e")));
	CHECK(node_is_null(node_get(r, "f")));
	CHECK(!node_is_null(node_get(r, "g")));
	CHECK(!node_is_null(r));
	CHECK_STR(node_kind_name(NODE_SCALAR), "text");
	CHECK_STR(node_kind_name(NODE_MAP), "mapping");
	CHECK_STR(node_kind_name(NODE_SEQ), "list");
	node_free(r);
}

static void scalar_root_and_bom(void)
{
	struct node *r = load_ok("\xEF\xBB\xBFxin chào\n");
	if (r) {
		CHECK_INT(r->kind, NODE_SCALAR);
		CHECK_STR(r->str, "xin chào");
		CHECK_INT(r->pos.col, 1);
	}
	node_free(r);
	/* UTF-16LE with BOM: "a: ệ\n" */
	static const char u16[] = "\xFF\xFE" "a\0:\0 \0\xC7\x1E\n\0";
	char *msg;
	r = load_msg(u16, sizeof u16 - 1, NULL, &msg);
	CHECK(r != NULL);
	CHECK_STR(msg, "");
	if (r)
		CHECK_STR(node_get(r, "a")->str, "ệ");
	node_free(r);
	free(msg);
	/* UTF-16BE with a raw control character after a Vietnamese letter: "ệ: \x01\n" */
	static const char be[] = "\xFE\xFF" "\x1E\xC7\0:\0 \0\x01\0\n";
	r = load_msg(be, sizeof be - 1, NULL, &msg);
	CHECK(r == NULL);
	CHECK_STR(msg, "vanban: t.yaml:1:4: error: control character U+0001 in text");
	node_free(r);
	free(msg);
}

static void trailing_document_end_is_fine(void)
{
	struct node *r = load_ok("---\na: 1\n...\n# done\n");
	node_free(r);
	r = load_ok("%YAML 1.1\n---\na: 1\n");
	node_free(r);
}

/* --- errors ------------------------------------------------------------- */

static void syntax_error_columns_count_characters(void)
{
	EXPECT_ERROR("a: 1\nb:\n  tên: Nguyễn: x\n",
		     "vanban: t.yaml:3:14: error: quote the value: 'Nguyễn: x' (unquoted, \": \" inside it starts a new key)");
	EXPECT_ERROR("a: [x, y\n",
		     "vanban: t.yaml:2:1: error: YAML syntax: did not find expected ',' or ']' (while parsing a flow sequence at line 1)");
	EXPECT_ERROR("a: \"Hồ Chí Minh\nb: c\n",
		     "vanban: t.yaml:3:1: error: YAML syntax: found unexpected end of stream (while scanning a quoted scalar at line 1)");
	EXPECT_ERROR("a:\n\tb: 1\n",
		     "vanban: t.yaml:2:1: error: a tab in the indentation: indent with spaces, not tabs");
	/* libyaml's own words where no hint applies */
	EXPECT_ERROR("a: @x\n",
		     "vanban: t.yaml:1:4: error: YAML syntax: found character that cannot start any token");
	EXPECT_ERROR("- a\nb: c\n",
		     "vanban: t.yaml:2:1: error: YAML syntax: did not find expected '-' indicator (while parsing a block collection at line 1)");
}

static void invalid_utf8(void)
{
	EXPECT_ERROR("a: ok\nbê: Nguy\xC3\x28n\n",
		     "vanban: t.yaml:2:9: error: not valid UTF-8: invalid trailing UTF-8 octet (save the file as UTF-8)");
	EXPECT_ERROR("a: \xC0\xAF\n",
		     "vanban: t.yaml:1:4: error: not valid UTF-8: invalid length of a UTF-8 sequence (save the file as UTF-8)");
	EXPECT_ERROR("ễ: \xED\xA0\x80\n",
		     "vanban: t.yaml:1:4: error: not valid UTF-8: invalid Unicode character (save the file as UTF-8)");
	EXPECT_ERROR("a: x\r\nb: \xE1\xBB\n",
		     "vanban: t.yaml:2:4: error: not valid UTF-8: invalid trailing UTF-8 octet (save the file as UTF-8)");
	/* TCVN3/VNI-era files are the usual culprit: a Windows-1258 "ê" */
	EXPECT_ERROR("t\xEAn: x\n",
		     "vanban: t.yaml:1:2: error: not valid UTF-8: invalid trailing UTF-8 octet (save the file as UTF-8)");
}

static void raw_control_and_nul_bytes(void)
{
	expect_error_n("ấp: a\0b\n", 9, NULL, "vanban: t.yaml:1:6: error: NUL character in text", __LINE__);
	EXPECT_ERROR("a: b\x07\n", "vanban: t.yaml:1:5: error: control character U+0007 in text");
	EXPECT_ERROR("a: b\xC2\x81\n", "vanban: t.yaml:1:5: error: C1 control character U+0081 in text");
	EXPECT_ERROR("a: b\x7F\n", "vanban: t.yaml:1:5: error: control character U+007F in text");
	EXPECT_ERROR("ô: \xEF\xBF\xBE\n", "vanban: t.yaml:1:4: error: noncharacter U+FFFE in text");
}

static void depth_limit(void)
{
	char deep[200];
	size_t n = 0;
	for (int i = 0; i < 64; i++)
		deep[n++] = '[';
	for (int i = 0; i < 64; i++)
		deep[n++] = ']';
	deep[n] = '\0';
	struct node *r = load_ok(deep);
	node_free(r);
	memmove(deep + 1, deep, n + 1);
	deep[0] = '[';
	strcat(deep, "]");
	EXPECT_ERROR(deep, "vanban: t.yaml:1:65: error: nesting deeper than 64 levels");
	struct load_limits lim = {.max_depth = 2};
	expect_error_n("a:\n  b:\n    c: 1\n", 17, &lim,
		       "vanban: t.yaml:3:5: error: nesting deeper than 2 levels", __LINE__);
}

static void aliases_anchors_and_tags(void)
{
	EXPECT_ERROR("a: &x 1\nb: 2\n",
		     "vanban: t.yaml:1:4: error: YAML aliases and anchors are not supported");
	EXPECT_ERROR("a: &x [1]\n", "vanban: t.yaml:1:4: error: YAML aliases and anchors are not supported");
	EXPECT_ERROR("a: &x {b: 1}\n", "vanban: t.yaml:1:4: error: YAML aliases and anchors are not supported");
	/* an alias to an anchor that was never defined still reaches us as an alias */
	EXPECT_ERROR("a: 1\nb: *x\n", "vanban: t.yaml:2:4: error: quote the value: '*x' (unquoted, YAML reads a leading \"*\" as an alias)");
	EXPECT_ERROR("a: !!str 1\n", "vanban: t.yaml:1:4: error: YAML tags are not supported");
	EXPECT_ERROR("a: !x [1]\n", "vanban: t.yaml:1:4: error: YAML tags are not supported");
}

static void nul_escapes(void)
{
	EXPECT_ERROR("tên: \"Hồ\\0../x\"\n", "vanban: t.yaml:1:9: error: NUL character in text");
	EXPECT_ERROR("a: \"\\x41\\u0000\"\n", "vanban: t.yaml:1:9: error: NUL character in text");
	EXPECT_ERROR("a: \"x\n  \\0\"\n", "vanban: t.yaml:1:4: error: NUL character in text");
}

static void size_limits(void)
{
	struct load_limits lim = {.max_scalar = 10};
	expect_error_n("a: 12345678901\n", 15, &lim,
		       "vanban: t.yaml:1:4: error: text is longer than 10 bytes", __LINE__);
	lim = (struct load_limits){.max_file = 10};
	expect_error_n("a: 12345678\n", 11, &lim, "vanban: t.yaml: error: file is larger than 10 bytes",
		       __LINE__);
	lim = (struct load_limits){.max_nodes = 5};
	expect_error_n("a: [1, 2]\nb: 3\n", 15, &lim,
		       "vanban: t.yaml:2:1: error: more than 5 values in the file", __LINE__);
	/* exactly at each limit is fine */
	lim = (struct load_limits){.max_scalar = 11, .max_nodes = 3, .max_file = 15};
	char *msg;
	struct node *r = load_msg("a: 12345678901", 14, &lim, &msg);
	CHECK(r != NULL);
	CHECK_STR(msg, "");
	free(msg);
	node_free(r);
	/* default scalar limit: 64 KiB + 1 */
	size_t n = LOAD_MAX_SCALAR + 1;
	char *big = xmalloc(n + 8);
	memcpy(big, "a: ", 3);
	memset(big + 3, 'x', n);
	big[n + 3] = '\n';
	expect_error_n(big, n + 4, NULL, "vanban: t.yaml:1:4: error: text is longer than 64 KiB", __LINE__);
	free(big);
}

static void duplicate_keys(void)
{
	EXPECT_ERROR("a: 1\nname: x\nb: 2\nname: y\n",
		     "vanban: t.yaml:4:1: error: duplicate key \"name\" (first at line 2)");
	EXPECT_ERROR("m: {k: 1, j: 2, k: 3}\n", "vanban: t.yaml:1:17: error: duplicate key \"k\" (first at column 5)");
	/* the same key in NFC and in NFD is the same key */
	EXPECT_ERROR("tên: 1\nte\xCC\x82n: 2\n", "vanban: t.yaml:2:1: error: duplicate key \"tên\" (first at line 1)");
	EXPECT_ERROR("'a\"b': 1\n\"a\\\"b\": 2\n", "vanban: t.yaml:2:1: error: duplicate key \"a\\\"b\" (first at line 1)");
	/* same key in different maps is fine; big maps go through the hash table */
	struct buf b = {0};
	for (int i = 0; i < 40; i++)
		buf_printf(&b, "k%d: {x: 1, k%d: 2}\n", i, i);
	struct node *r = load_ok(b.data);
	if (r)
		CHECK_INT(r->npairs, 40);
	node_free(r);
	buf_printf(&b, "k17: 3\n");
	EXPECT_ERROR(b.data, "vanban: t.yaml:41:1: error: duplicate key \"k17\" (first at line 18)");
	buf_free(&b);
	/* a long key is cut short in the message */
	EXPECT_ERROR("? |\n  một hai ba bốn năm sáu bảy tám chín mười một\n: 1\n? |\n  một hai ba bốn năm sáu bảy tám chín mười một\n: 2\n",
		     "vanban: t.yaml:4:3: error: duplicate key \"một hai ba bốn năm sáu bảy tám chín mười…\" (first at line 1)");
}

static void non_scalar_keys(void)
{
	EXPECT_ERROR("? [a, b]\n: 1\n", "vanban: t.yaml:1:3: error: a mapping key must be text, not a list");
	EXPECT_ERROR("{{a: 1}: 2}\n", "vanban: t.yaml:1:2: error: a mapping key must be text, not a mapping");
}

static void documents(void)
{
	EXPECT_ERROR("a: 1\n---\nb: 2\n", "vanban: t.yaml:2:1: error: more than one YAML document in the file");
	EXPECT_ERROR("a: 1\n...\n---\nb: 2\n", "vanban: t.yaml:3:1: error: more than one YAML document in the file");
	EXPECT_ERROR("a: 1\n...\nb: 2\n", "vanban: t.yaml:3:1: error: YAML syntax: did not find expected <document start>");
	EXPECT_ERROR("", "vanban: t.yaml: error: empty document");
	EXPECT_ERROR("# only a comment\n\n", "vanban: t.yaml: error: empty document");
	EXPECT_ERROR("---\n", "vanban: t.yaml: error: empty document");
	EXPECT_ERROR("\xEF\xBB\xBF", "vanban: t.yaml: error: empty document");
	char *msg;
	struct node *r = load_msg(NULL, 0, NULL, &msg);
	CHECK(r == NULL);
	CHECK_STR(msg, "vanban: t.yaml: error: empty document");
	free(msg);
}

static void unsafe_characters(void)
{
	EXPECT_ERROR("a: \"chào\\a\"\n", "vanban: t.yaml:1:9: error: control character U+0007 in text");
	EXPECT_ERROR("tên: Nguyễn 😀 x\n",
		     "vanban: t.yaml:1:13: error: character U+1F600 😀 outside the Basic Multilingual Plane (PDF fonts here cannot show it)");
	EXPECT_ERROR("a: 'it''s \xE2\x80\xAE'\n", "vanban: t.yaml:1:11: error: bidirectional control character U+202E in text");
	EXPECT_ERROR("a: \"\\uFEFF\"\n", "vanban: t.yaml:1:5: error: byte order mark U+FEFF inside text");
	EXPECT_ERROR("a: \"\\U000E0001\"\n", "vanban: t.yaml:1:5: error: character U+E0001 outside the Basic Multilingual Plane (PDF fonts here cannot show it)");
	EXPECT_ERROR("a: x\xEF\xB7\x90\n", "vanban: t.yaml:1:5: error: noncharacter U+FDD0 in text");
	/* multi-line and block scalars point at their start */
	EXPECT_ERROR("a: |\n  ok\n  b\xE2\x80\xAE\n", "vanban: t.yaml:1:4: error: bidirectional control character U+202E in text");
	/* CR LF line ends: the quoted scalar is found by character index */
	EXPECT_ERROR("x: y\r\nz: \"ả\\e\"\r\n", "vanban: t.yaml:2:6: error: control character U+001B in text");
	/* keys are checked too */
	EXPECT_ERROR("\"k\\x01\": 1\n", "vanban: t.yaml:1:3: error: control character U+0001 in text");
}

static void files_on_disk(void)
{
	char path[] = "/tmp/vanban-test-load-XXXXXX";
	int fd = mkstemp(path);
	CHECK(fd >= 0);
	if (fd < 0)
		return;
	static const char text[] = "a: [1, 2]\n";
	CHECK_INT(write(fd, text, sizeof text - 1), sizeof text - 1);
	close(fd);
	struct node *r = load_yaml(path, NULL, &info);
	CHECK(r != NULL);
	if (r) {
		CHECK_STR(r->pos.file, path);
		CHECK_INT(node_get(r, "a")->nitems, 2);
	}
	node_free(r);
	char *out = NULL;
	size_t outlen = 0;
	FILE *f = open_memstream(&out, &outlen);
	diag_set_stream(f);
	struct load_limits lim = {.max_file = 4};
	r = load_yaml(path, &lim, NULL);
	CHECK(r == NULL);
	r = load_yaml("/nonexistent/x.yaml", NULL, NULL);
	CHECK(r == NULL);
	r = load_yaml("/tmp", NULL, NULL);
	CHECK(r == NULL);
	diag_set_stream(NULL);
	fclose(f);
	char *want = xasprintf("vanban: %s: error: file is larger than 4 bytes\n"
			       "vanban: /nonexistent/x.yaml: error: cannot read: No such file or directory\n"
			       "vanban: /tmp: error: cannot read: not a regular file (it is a folder)\n",
			       path);
	CHECK_STR(out, want);
	free(want);
	free(out);
	unlink(path);
}

/* Every fuzz seed and every input that once crashed the fuzzer is replayed
 * here (qpdf style): a tree, or exactly one diagnostic. */
static void fuzz_inputs_replay(void)
{
	static const char *const dirs[] = {"tests/fuzz/seeds", "tests/fuzz-regressions/load"};
	int files = 0;
	for (size_t d = 0; d < 2; d++) {
		DIR *dir = opendir(dirs[d]);
		if (!dir)
			continue;
		struct dirent *e;
		while ((e = readdir(dir))) {
			if (e->d_name[0] == '.')
				continue;
			char *path = xasprintf("%s/%s", dirs[d], e->d_name);
			size_t len;
			char *data = read_file(path, LOAD_MAX_FILE, &len);
			free(path);
			if (!data)
				continue;
			files++;
			int before = diag_errors();
			char *msg;
			struct node *r = load_msg(data, len, NULL, &msg);
			CHECK_INT(diag_errors() - before, r ? 0 : 1);
			node_free(r);
			free(msg);
			free(data);
		}
		closedir(dir);
	}
	CHECK(files > 0);
}

/* --- hostile inputs, each under a time budget --------------------------- */

static void alias_bomb(void)
{
	struct buf b = {0};
	buf_adds(&b, "a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
	for (int i = 1; i < 10; i++)
		buf_printf(&b, "a%d: &a%d [*a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d]\n", i, i,
			   i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1);
	clock_t t0 = clock();
	expect_error_n(b.data, b.len, NULL,
		       "vanban: t.yaml:1:5: error: YAML aliases and anchors are not supported", __LINE__);
	CHECK(seconds_since(t0) < BUDGET);
	buf_free(&b);
}

static void deep_flow_nesting(void)
{
	size_t n = 1000000;
	char *s = xmalloc(n);
	memset(s, '[', n);
	clock_t t0 = clock();
	expect_error_n(s, n, NULL, "vanban: t.yaml:1:65: error: nesting deeper than 64 levels", __LINE__);
	double t = seconds_since(t0);
	printf("# [ x 1,000,000 rejected in %.3f s\n", t);
	CHECK(t < BUDGET);
	free(s);
}

static void deep_block_nesting(void)
{
	/* 5,000 indented mappings are 12.5 MB: lift the file limit to reach the depth check */
	struct buf b = {0};
	for (int i = 0; i < 5000; i++) {
		for (int j = 0; j < i; j++)
			buf_addc(&b, ' ');
		buf_adds(&b, "k:\n");
	}
	struct load_limits lim = {.max_file = (size_t)32 << 20};
	clock_t t0 = clock();
	expect_error_n(b.data, b.len, &lim, "vanban: t.yaml:65:65: error: nesting deeper than 64 levels",
		       __LINE__);
	double t = seconds_since(t0);
	printf("# block nesting 5,000 (mappings) rejected in %.3f s\n", t);
	CHECK(t < BUDGET);
	buf_free(&b);
	/* compact block lists: "- - - ... x" */
	for (int i = 0; i < 5000; i++)
		buf_adds(&b, "- ");
	buf_adds(&b, "x\n");
	t0 = clock();
	expect_error_n(b.data, b.len, NULL, "vanban: t.yaml:1:129: error: nesting deeper than 64 levels",
		       __LINE__);
	CHECK(seconds_since(t0) < BUDGET);
	buf_free(&b);
}

static void many_keys(void)
{
	struct buf b = {0};
	for (int i = 0; i < 200000; i++)
		buf_printf(&b, "khóa%d: giá trị %d\n", i, i);
	clock_t t0 = clock();
	char *msg;
	struct node *r = load_msg(b.data, b.len, NULL, &msg);
	double t = seconds_since(t0);
	printf("# 200,000 keys (%zu bytes) loaded in %.3f s\n", b.len, t);
	CHECK(r != NULL);
	CHECK_STR(msg, "");
	if (r) {
		CHECK_INT(r->npairs, 200000);
		CHECK_STR(node_get(r, "khóa199999")->str, "giá trị 199999");
	}
	CHECK(t < BUDGET);
	node_free(r);
	free(msg);
	/* and a duplicate at the very end is still found */
	buf_adds(&b, "khóa123456: x\n");
	t0 = clock();
	expect_error_n(b.data, b.len, NULL,
		       "vanban: t.yaml:200001:1: error: duplicate key \"khóa123456\" (first at line 123457)",
		       __LINE__);
	CHECK(seconds_since(t0) < BUDGET);
	buf_free(&b);
}

static void huge_scalar(void)
{
	size_t n = (size_t)64 << 20;
	char *s = xmalloc(n);
	memcpy(s, "a: ", 3);
	memset(s + 3, 'x', n - 4);
	s[n - 1] = '\n';
	clock_t t0 = clock();
	expect_error_n(s, n, NULL, "vanban: t.yaml: error: file is larger than 8 MiB", __LINE__);
	CHECK(seconds_since(t0) < BUDGET);
	/* with the file limit lifted, the scalar limit still refuses it */
	struct load_limits lim = {.max_file = n};
	t0 = clock();
	expect_error_n(s, n, &lim, "vanban: t.yaml:1:4: error: text is longer than 64 KiB", __LINE__);
	double t = seconds_since(t0);
	printf("# 64 MiB scalar with no file limit rejected in %.3f s\n", t);
	CHECK(t < 2 * BUDGET);
	free(s);
}

int main(void)
{
	RUN(nested_maps_and_lists);
	RUN(nfd_is_normalised);
	RUN(fast_nfc_ranges_are_nfc);
	RUN(block_scalars);
	RUN(quoted_escapes);
	RUN(nulls_and_plain);
	RUN(scalar_root_and_bom);
	RUN(trailing_document_end_is_fine);
	RUN(syntax_error_columns_count_characters);
	RUN(invalid_utf8);
	RUN(raw_control_and_nul_bytes);
	RUN(depth_limit);
	RUN(aliases_anchors_and_tags);
	RUN(nul_escapes);
	RUN(size_limits);
	RUN(duplicate_keys);
	RUN(non_scalar_keys);
	RUN(documents);
	RUN(unsafe_characters);
	RUN(files_on_disk);
	RUN(fuzz_inputs_replay);
	RUN(alias_bomb);
	RUN(deep_flow_nesting);
	RUN(deep_block_nesting);
	RUN(many_keys);
	RUN(huge_scalar);
	UNIT_EXIT();
}
