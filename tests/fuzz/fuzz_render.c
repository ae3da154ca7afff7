/* fuzz_render.c — libFuzzer target for the whole pipeline: any YAML bytes
 * through the model, composers, typesetter and PDF writer into a scratch
 * output folder. It must never crash, hang or leak; bad input only ever
 * means diagnostics. Build and run with `make fuzz-render` (fuzz.mk). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "diag.h"
#include "render.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char dir[] = "/tmp/vanban-fuzz-XXXXXX";
	static char *input, *outdir;
	if (!input) {
		if (!mkdtemp(dir))
			abort();
		input = xasprintf("%s/in.yaml", dir);
		outdir = xasprintf("%s/out", dir);
		diag_set_stream(fopen("/dev/null", "w"));
	}
	FILE *f = fopen(input, "wb");
	if (!f || fwrite(data, 1, size, f) != size || fclose(f) != 0)
		abort();
	const char *home = getenv("VANBAN_HOME");
	struct render_opts o = {.home = home ? home : ".", .outdir = outdir};
	char *files[] = {input};
	render_files(&o, files, 1);
	diag_reset_worst();
	return 0;
}
