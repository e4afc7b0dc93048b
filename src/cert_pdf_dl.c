/* cert_pdf_dl.c - cert_write_pdf() for the coursekiosk binary.
 *
 * The PDF renderer (cert_pdf.c with cairo, pango and qrencode) pulls in some
 * forty shared libraries.  Mapping them at every start more than doubled the
 * time the kiosk takes to show its welcome screen, for a feature only the
 * certificate commands use; so the binary loads the renderer, built as
 * coursekiosk-pdf.so, the first time a certificate is drawn.  Unit tests and
 * tools link cert_pdf.c directly from the core library instead.
 *
 * The renderer is looked for next to the binary (build folders), in build/
 * beside it (running ./coursekiosk from the source tree), then in the
 * installed library folder.
 */
#include <dlfcn.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cert.h"

#ifndef CK_LIBDIR
#define CK_LIBDIR "/usr/local/lib/coursekiosk"
#endif
#define PLUGIN "coursekiosk-pdf.so"

typedef int (*write_pdf_fn)(const struct cert_fields *, const char *,
			    const char *, struct err *);
typedef void (*release_fn)(void);

static void *plugin;
static write_pdf_fn write_pdf;
static release_fn release_fonts;

static int try_open(const char *path, char *why, size_t whysz)
{
	const char *msg;

	if (access(path, R_OK) != 0)
		return -1;
	plugin = dlopen(path, RTLD_NOW | RTLD_LOCAL);
	if (!plugin) {
		msg = dlerror();
		snprintf(why, whysz, "%s", msg ? msg : path);
		return -1;
	}
	write_pdf = (write_pdf_fn)dlsym(plugin, "cert_write_pdf");
	release_fonts = (release_fn)dlsym(plugin, "cert_release_fonts");
	if (!write_pdf || !release_fonts) {
		snprintf(why, whysz, "%s lacks the renderer's functions", path);
		dlclose(plugin);
		plugin = NULL;
		return -1;
	}
	return 0;
}

static int load(struct err *e)
{
	char exe[PATH_MAX], path[PATH_MAX + 64], why[512] = "";
	ssize_t n;
	char *slash;

	if (plugin)
		return 0;
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0) {
		exe[n] = '\0';
		slash = strrchr(exe, '/');
		if (slash) {
			*slash = '\0';
			snprintf(path, sizeof(path), "%s/%s", exe, PLUGIN);
			if (try_open(path, why, sizeof(why)) == 0)
				return 0;
			snprintf(path, sizeof(path), "%s/build/%s", exe, PLUGIN);
			if (try_open(path, why, sizeof(why)) == 0)
				return 0;
		}
	}
	if (try_open(CK_LIBDIR "/" PLUGIN, why, sizeof(why)) == 0)
		return 0;
	return err_set(e, ERR_GENERIC,
		       "cannot load the PDF renderer %s (%s); is coursekiosk "
		       "installed completely? A .txt certificate needs no "
		       "renderer", PLUGIN,
		       why[0] ? why : "not found next to the program or in "
				      CK_LIBDIR);
}

int cert_write_pdf(const struct cert_fields *f, const char *code,
		   const char *path, struct err *e)
{
	if (load(e) < 0)
		return -1;
	return write_pdf(f, code, path, e);
}

void cert_release_fonts(void)
{
	if (plugin)
		release_fonts();
}
