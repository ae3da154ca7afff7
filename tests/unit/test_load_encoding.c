/* test_load_encoding.c — input encodings in the loader: the declaration,
 * conversion of TCVN3, VNI and cp1258 with positions in converted text,
 * and every error about bytes that are not what they claim to be. */
#include <stdlib.h>
#include <string.h>

#include "load.h"
#include "text.h"
#include "util.h"
#include "unit.h"

static struct load_info info;

/* Loads text; *msg gets everything diag() printed, without the final newline. */
static struct node *load_msg(const char *text, enum legacy_enc dflt, char **msg)
{
	char *out = NULL;
	size_t outlen = 0;
	FILE *f = open_memstream(&out, &outlen);
	diag_set_stream(f);
	struct load_limits lim = {.encoding = dflt};
	struct node *root = load_yaml_mem("t.yaml", text, strlen(text), &lim, &info);
	diag_set_stream(NULL);
	fclose(f);
	if (outlen && out[outlen - 1] == '\n')
		out[outlen - 1] = '\0';
	*msg = out;
	return root;
}

static void expect_error_at(const char *text, enum legacy_enc dflt, const char *want, int line)
{
	char *msg;
	struct node *root = load_msg(text, dflt, &msg);
	if (root || strcmp(msg, want) != 0) {
		printf("#   line %d: got %s\"%s\"\n#   want \"%s\"\n", line, root ? "a tree and " : "", msg, want);
		unit_fails++;
	}
	node_free(root);
	free(msg);
}
#define EXPECT_ERROR(text, dflt, want) expect_error_at(text, dflt, want, __LINE__)

/* Loads text that must succeed silently and checks the value of key. */
static void expect_value_at(const char *text, enum legacy_enc dflt, const char *key, const char *want,
			    enum legacy_enc read_as, int line)
{
	char *msg;
	struct node *root = load_msg(text, dflt, &msg);
	const struct node *v = node_get(root, key);
	if (!root || msg[0] || !v || strcmp(v->str, want) != 0 || info.encoding != read_as) {
		printf("#   line %d: got \"%s\" (%s, read as %d), want \"%s\" (read as %d)\n", line,
		       v ? v->str : "(none)", msg, (int)info.encoding, want, (int)read_as);
		unit_fails++;
	}
	node_free(root);
	free(msg);
}
#define EXPECT_VALUE(text, dflt, key, want, read_as) \
	expect_value_at(text, dflt, key, want, read_as, __LINE__)

static const char hint_tcvn3[] = "convert it to UTF-8 or declare \"encoding: tcvn3\" at its top";

static void declared(void)
{
	/* TCVN3: ư = AD, ờ = EA, í = DD, ị = DE */
	EXPECT_VALUE("encoding: tcvn3\nname: Tr\xAD\xEAng Ch\xDDnh tr\xDE\n", LEGACY_NONE, "name",
		     "Trường Chính trị", LEGACY_TCVN3);
	/* comments (in any bytes) and blank lines may come first; any case, quotes, a comment after */
	EXPECT_VALUE("# Hoa\xE4i ngh\xF2\n\n  # x\nencoding: \"VNI\"   # VNI-Times\nt: Vie\xE4t Nam\n",
		     LEGACY_NONE, "t", "Việt Nam", LEGACY_VNI);
	EXPECT_VALUE("encoding: 'windows-1258'\nt: Vi\xEA\xF2t\n", LEGACY_NONE, "t", "Việt", LEGACY_CP1258);
	EXPECT_VALUE("encoding :\tcp1258\r\nt: Hoa\xCC\r\n", LEGACY_NONE, "t", "Hoà", LEGACY_CP1258);
	/* the key is part of the file's text, as declared */
	EXPECT_VALUE("encoding: abc\nt: x\n", LEGACY_NONE, "encoding", "abc", LEGACY_TCVN3);
	/* an ASCII file fits every encoding */
	EXPECT_VALUE("encoding: vni\nt: Nam\n", LEGACY_NONE, "t", "Nam", LEGACY_VNI);
}

static void option_default(void)
{
	EXPECT_VALUE("t: Vie\xE4t\n", LEGACY_VNI, "t", "Việt", LEGACY_VNI);
	/* a file's own declaration wins over the option */
	EXPECT_VALUE("encoding: utf-8\nt: Việt\n", LEGACY_VNI, "t", "Việt", LEGACY_NONE);
	EXPECT_VALUE("encoding: tcvn3\nt: Vi\xD6t\n", LEGACY_VNI, "t", "Việt", LEGACY_TCVN3);
	/* a byte-order mark is a declaration too */
	EXPECT_VALUE("\xEF\xBB\xBFt: Việt\n", LEGACY_TCVN3, "t", "Việt", LEGACY_NONE);
	static const char utf16[] = "\xFF\xFEt\0:\0 \0x\0\n\0";
	struct load_limits lim = {.encoding = LEGACY_TCVN3};
	struct node *root = load_yaml_mem("t.yaml", utf16, sizeof utf16 - 1, &lim, &info);
	CHECK(root && !strcmp(node_get(root, "t")->str, "x") && info.encoding == LEGACY_NONE);
	node_free(root);
}

static void positions_count_converted_characters(void)
{
	/* VNI "Vieät" is five bytes but four characters: the bell is at column 9 */
	EXPECT_ERROR("encoding: vni\na: Vie\xE4t \x07\n", LEGACY_NONE,
		     "vanban: t.yaml:2:9: error: control character U+0007 in text");
	EXPECT_ERROR("encoding: tcvn3\nb: Vi\xD6t\nb: x\n", LEGACY_NONE,
		     "vanban: t.yaml:3:1: error: duplicate key \"b\" (first at line 2)");
	EXPECT_ERROR("encoding: cp1258\nt: \"Vi\xEA\xF2t \\q\"\n", LEGACY_NONE,
		     "vanban: t.yaml:2:10: error: YAML syntax: found unknown escape character");
}

static void bad_declarations(void)
{
	EXPECT_ERROR("# x\nencoding: latin1\n", LEGACY_NONE,
		     "vanban: t.yaml:2:11: error: unknown encoding \"latin1\" (use utf-8, tcvn3, tcvn3h, vni or cp1258)");
	EXPECT_ERROR("encoding:\nt: x\n", LEGACY_NONE,
		     "vanban: t.yaml:1:10: error: unknown encoding \"\" (use utf-8, tcvn3, tcvn3h, vni or cp1258)");
	EXPECT_ERROR("t: x\nencoding: tcvn3\n", LEGACY_NONE,
		     "vanban: t.yaml:2:1: error: \"encoding: NAME\" must be the first line of the file "
		     "(only comments may come before it)");
	EXPECT_ERROR("---\nencoding: tcvn3\n", LEGACY_NONE,
		     "vanban: t.yaml:2:1: error: \"encoding: NAME\" must be the first line of the file "
		     "(only comments may come before it)");
	/* nested keys of that name are the schema's business */
	EXPECT_VALUE("a:\n  encoding: x\nt: y\n", LEGACY_NONE, "t", "y", LEGACY_NONE);
}

static void declaration_must_fit(void)
{
	const char *tcvn3 = "t: C\xE9ng ho\xB5 x\xB7 h\xE9i ch\xF1 ngh\xDC" "a Vi\xD6t Nam\n";
	char *s = xasprintf("encoding: vni\n%s", tcvn3);
	EXPECT_ERROR(s, LEGACY_NONE, "vanban: t.yaml:1:11: error: the file declares \"encoding: vni\" "
		     "but reads as TCVN3 (ABC); declare \"encoding: tcvn3\"");
	free(s);
	EXPECT_ERROR(tcvn3, LEGACY_VNI, "vanban: t.yaml: error: --encoding vni does not fit this file: "
		     "it reads as TCVN3 (ABC); declare \"encoding: tcvn3\" at its top");
	EXPECT_ERROR("encoding: tcvn3\nt: Cộng hòa xã hội chủ nghĩa Việt Nam\n", LEGACY_NONE,
		     "vanban: t.yaml:1:11: error: the file declares \"encoding: tcvn3\" but is UTF-8; remove this line");
	EXPECT_ERROR("t: Cộng hòa xã hội chủ nghĩa Việt Nam\n", LEGACY_CP1258,
		     "vanban: t.yaml: error: --encoding cp1258 does not fit this file: it reads as UTF-8; "
		     "declare \"encoding: utf-8\" at its top");
	/* too little text to tell, but a byte means nothing in the encoding */
	EXPECT_ERROR("encoding: tcvn3\nt: x\xB0y\n", LEGACY_NONE,
		     "vanban: t.yaml:2:5: error: a byte here has no meaning in TCVN3 (ABC); is the file in another encoding?");
	EXPECT_ERROR("encoding: vni\nt: Ba\xF8\xF8\n", LEGACY_NONE,
		     "vanban: t.yaml:2:6: error: a byte here has no meaning in VNI-Windows; is the file in another encoding?");
	EXPECT_ERROR("\xEF\xBB\xBF" "encoding: vni\nt: x\n", LEGACY_NONE,
		     "vanban: t.yaml:1:11: error: the file declares \"encoding: vni\" but is UTF-8; remove this line");
}

static void undeclared_legacy_bytes(void)
{
	char *want = xasprintf("vanban: t.yaml:2:5: error: not valid UTF-8: the file looks like TCVN3 (ABC); %s",
			       hint_tcvn3);
	EXPECT_ERROR("a: b\nt: C\xE9ng ho\xB5 x\xB7 h\xE9i\n", LEGACY_NONE, want);
	free(want);
	/* VNI: the tell-tale mark byte belongs to the character before it */
	EXPECT_ERROR("t: Co\xE4ng hoa\xF8 Vie\xE4t Nam, Tr\xF6\xF4\xF8ng\n", LEGACY_NONE,
		     "vanban: t.yaml:1:5: error: not valid UTF-8: the file looks like VNI-Windows; convert it "
		     "to UTF-8 or declare \"encoding: vni\" at its top");
	/* one word that two encodings read equally well: no guess */
	EXPECT_ERROR("t\xEAn: x\n", LEGACY_NONE,
		     "vanban: t.yaml:1:2: error: not valid UTF-8: invalid trailing UTF-8 octet (save the file as UTF-8)");
}

static void mojibake_in_utf8(void)
{
	EXPECT_ERROR("a: x\nb: ViÖt Nam\n", LEGACY_NONE,
		     "vanban: t.yaml:2:6: error: this text looks like TCVN3 (ABC) bytes read as Unicode; "
		     "convert the file to UTF-8 or declare \"encoding: tcvn3\" at its top");
	EXPECT_ERROR("b: \"Họ tên: Nguyeãn Vaên A\"\n", LEGACY_NONE,
		     "vanban: t.yaml:1:18: error: this text looks like VNI-Windows bytes read as Unicode; "
		     "convert the file to UTF-8 or declare \"encoding: vni\" at its top");
	/* read as Latin-1, Word's quotes became C1 controls: caught before the YAML reader */
	EXPECT_ERROR("a: \xC2\x93x\xC2\x94\nb: ViÖt\n", LEGACY_NONE,
		     "vanban: t.yaml:2:6: error: this text looks like TCVN3 (ABC) bytes read as Unicode; "
		     "convert the file to UTF-8 or declare \"encoding: tcvn3\" at its top");
	/* ... and the declaration the message asks for works on that very file */
	EXPECT_VALUE("encoding: tcvn3\na: \xC2\x93x\xC2\x94\nb: ViÖt\n", LEGACY_NONE, "b", "Việt", LEGACY_TCVN3);
	EXPECT_VALUE("encoding: vni\nb: Nguyeãn Vaên A\n", LEGACY_NONE, "b", "Nguyễn Văn A", LEGACY_VNI);
	/* Unicode Vietnamese and other languages are not mojibake */
	EXPECT_VALUE("b: Nguyễn Thị Hương, café, Müller ©\n", LEGACY_NONE, "b",
		     "Nguyễn Thị Hương, café, Müller ©", LEGACY_NONE);
}

int main(void)
{
	RUN(declared);
	RUN(option_default);
	RUN(positions_count_converted_characters);
	RUN(bad_declarations);
	RUN(declaration_must_fit);
	RUN(undeclared_legacy_bytes);
	RUN(mojibake_in_utf8);
	UNIT_EXIT();
}
