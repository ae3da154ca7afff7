/* test_msg.c — every message of msg.def, rendered in English and in
 * Vietnamese (build/locale/vi): each code has its own text, a Vietnamese
 * translation that differs from the English, and the same printf
 * directives in both. */
#include <libintl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "unit.h"
#include "util.h"

/* The directives of fmt, in argument order, without positions ("%2$s" is
 * "%s" as the second argument), into out as "s d zu …". */
static void directives(const char *fmt, char *out, size_t cap)
{
	char slot[16][16] = {{0}};
	int next = 0, max = 0;
	for (const char *p = fmt; (p = strchr(p, '%')); ) {
		p++;
		if (*p == '%') {
			p++;
			continue;
		}
		int pos = ++next;
		const char *q = p;
		while (*q >= '0' && *q <= '9')
			q++;
		if (*q == '$') {
			pos = atoi(p);
			p = q + 1;
		}
		size_t n = strspn(p, "0123456789.*-+ #hlzjt");
		n += p[n] != '\0';
		if (pos > 0 && pos <= 16) {
			snprintf(slot[pos - 1], sizeof slot[0], "%.*s", (int)n, p);
			max = pos > max ? pos : max;
		}
		p += n;
	}
	out[0] = '\0';
	for (int i = 0; i < max; i++) {
		strncat(out, slot[i][0] ? slot[i] : "?", cap - strlen(out) - 2);
		strncat(out, " ", cap - strlen(out) - 1);
	}
}

/* fmt with each directive replaced by a sample value of its type. */
static void render(const char *fmt, char *out, size_t cap)
{
	size_t o = 0;
	for (const char *p = fmt; *p && o + 8 < cap; ) {
		if (*p != '%') {
			out[o++] = *p++;
			continue;
		}
		p++;
		if (*p == '%') {
			out[o++] = *p++;
			continue;
		}
		size_t n = strspn(p, "0123456789$.*-+ #hlzjt");
		char conv = p[n];
		p += n + (conv != '\0');
		const char *sample = conv == 's' ? "«chữ»" : conv == 'g' || conv == 'f' ? "1.5" : "7";
		o += (size_t)snprintf(out + o, cap - o, "%s", sample);
	}
	out[o < cap ? o : cap - 1] = '\0';
}

static void use_vietnamese(void)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	exe[n > 0 ? n : 0] = '\0';
	char *slash = strrchr(exe, '/'); /* BUILD/tests/test_msg */
	if (slash)
		*slash = '\0';
	char *dir = xasprintf("%s/../locale", exe);
	setenv("LANGUAGE", "vi", 1);
	diag_set_language(dir);
	free(dir);
}

static void test_every_message_in_both_languages(void)
{
	for (int c = 0; c < MSG_COUNT; c++) {
		const char *en = msg_format((enum msg)c);
		const char *vi = dgettext("vanban", en);
		char den[128], dvi[128], ren[1024], rvi[1024];
		CHECK(msg_name((enum msg)c)[0] != '\0');
		CHECK(en[0] != '\0');
		directives(en, den, sizeof den);
		directives(vi, dvi, sizeof dvi);
		render(en, ren, sizeof ren);
		render(vi, rvi, sizeof rvi);
		printf("# %s en: %s\n# %s vi: %s\n", msg_name((enum msg)c), ren, msg_name((enum msg)c), rvi);
		if (vi == en || !strcmp(vi, en) || !vi[0] || strcmp(den, dvi)) {
			printf("#   %s: no Vietnamese text with the directives \"%s\" (got \"%s\")\n",
			       msg_name((enum msg)c), den, vi);
			unit_fails++;
		}
	}
}

static void test_codes_have_their_own_text(void)
{
	for (int a = 0; a < MSG_COUNT; a++)
		for (int b = a + 1; b < MSG_COUNT; b++)
			if (!strcmp(msg_format((enum msg)a), msg_format((enum msg)b))) {
				printf("#   %s and %s have the same text\n", msg_name((enum msg)a),
				       msg_name((enum msg)b));
				unit_fails++;
			}
}

/* A real message through diag(): the prefix stays, the level word and the
 * text are Vietnamese. */
static void test_diag_prints_vietnamese(void)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	diag_set_stream(f);
	struct srcpos pos = {"t.yaml", 3, 5};
	diag(UNKNOWN_KEY_GUESS, &pos, "chiars", diag_word("minutes"), "chairs");
	diag_set_stream(NULL);
	fclose(f);
	CHECK_STR(buf, "vanban: t.yaml:3:5: lỗi: khóa \"chiars\" không có trong biên bản (có phải ý là \"chairs\"?)\n");
	free(buf);
}

int main(void)
{
	RUN(test_codes_have_their_own_text);
	use_vietnamese();
	RUN(test_every_message_in_both_languages);
	RUN(test_diag_prints_vietnamese);
	UNIT_EXIT();
}
