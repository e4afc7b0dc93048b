/* cli_certificate.c - `coursekiosk certificate` (issue or reprint one
 * certificate, optionally to the printer) and `coursekiosk certificates`
 * (every earned certificate of a course into a folder). */
#include <errno.h>
#include <glib.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cert.h"
#include "cli.h"
#include "cli_coord.h"
#include "coordinator.h"
#include "isodate.h"
#include "issuing.h"
#include "safewrite.h"
#include "slug.h"
#include "store.h"

extern char **environ;

static const char certificate_help[] =
	"usage: coursekiosk certificate --learner ID --course ID -o FILE [--print]\n"
	"                               [--issuer TEXT] [--force]\n"
	"\n"
	"Issues the certificate of a trainee who completed every module of the\n"
	"course, or reprints the one already issued for this course version\n"
	"(same serial and code).  A trainee who has not completed the course\n"
	"gets none: the error names the modules missing.\n"
	"\n"
	"  --learner ID     the trainee's id (see `coursekiosk learners`; a\n"
	"                   unique start of 6 characters or more will do)\n"
	"  --course ID      the course's id\n"
	"  -o, --output FILE  FILE.pdf: an A4 PDF; FILE.txt: plain text;\n"
	"                   -: plain text on standard output\n"
	"                   (mode 0600, written whole or not at all; an existing\n"
	"                   file is kept unless --force; links, devices and\n"
	"                   folders are never replaced)\n"
	"  --force          replace an existing FILE\n"
	"  --print          also send the file to the default printer with lp(1)\n"
	"  --issuer TEXT    a line naming who issues it (printed, not in the code)\n"
	"\n"
	"Dates are UTC; the expiry is the issue date plus the course's valid-for.\n"
	"Recorded in the audit log (certificate-issued, certificate-reprinted).\n";

static const char certificates_help[] =
	"usage: coursekiosk certificates --course ID --out-dir DIR\n"
	"                                [--format pdf|txt] [--issuer TEXT] [--force]\n"
	"\n"
	"Writes the certificate of every trainee who completed every module of\n"
	"the course into DIR (created if missing), issuing those not yet issued\n"
	"and reprinting the others.  Files are named SERIAL-NAME.pdf, e.g.\n"
	"000042-stefania-taranu.pdf.  A trainee whose certificate for this course\n"
	"version was revoked is skipped (issue one explicitly with `certificate`).\n"
	"\n"
	"  --course ID       the course's id\n"
	"  --out-dir DIR     the folder to write into (made 0700 if missing);\n"
	"                    files are 0600; an existing one is kept (and\n"
	"                    reported) unless --force\n"
	"  --force           replace existing files\n"
	"  --format pdf|txt  PDF (the default) or plain text\n"
	"  --issuer TEXT     a line naming who issues them\n"
	"\n"
	"Prints one line per certificate: serial, issued or reprinted, file.\n";

/* A name fit for a terminal message. */
static char *shown_name(const char *name)
{
	char *s = cert_text_clean(name);

	return s ? s : strdup("(unreadable name)");
}

enum out_kind { OUT_PDF, OUT_TEXT, OUT_STDOUT };

static int out_kind(const char *path, enum out_kind *k)
{
	size_t n = strlen(path);

	if (!strcmp(path, "-"))
		*k = OUT_STDOUT;
	else if (n > 4 && !strcasecmp(path + n - 4, ".pdf"))
		*k = OUT_PDF;
	else if (n > 4 && !strcasecmp(path + n - 4, ".txt"))
		*k = OUT_TEXT;
	else
		return -1;
	return 0;
}

/* Sends a file to the default printer: lp, found on PATH, with a fixed
 * argument list and no shell. */
static int print_file(const char *cmd, const char *path)
{
	char *args[] = { "lp", "--", (char *)path, NULL };
	pid_t pid;
	int r, st;

	r = posix_spawnp(&pid, "lp", NULL, NULL, args, environ);
	if (r == ENOENT) {
		coord_fail(cmd, "cannot print: the lp command is not installed "
			   "(CUPS: apt-get install cups-client); the certificate "
			   "is in %s", path);
		return -1;
	}
	if (r != 0) {
		coord_fail(cmd, "cannot run lp: %s; the certificate is in %s",
			   strerror(r), path);
		return -1;
	}
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR) {
			coord_fail(cmd, "waiting for lp: %s", strerror(errno));
			return -1;
		}
	if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
		coord_fail(cmd, "lp failed (%s %d): is CUPS running with a default "
			   "printer (lpstat -d)?  The certificate is in %s",
			   WIFEXITED(st) ? "exit status" : "signal",
			   WIFEXITED(st) ? WEXITSTATUS(st) : WTERMSIG(st), path);
		return -1;
	}
	return 0;
}

/* ---- certificate ---------------------------------------------------------- */

/* Prints why coordinator_issue or the writing failed. */
static void issue_failed(const char *cmd, const struct coord_issue *ci,
			 const struct learner *l, const struct course *c,
			 const struct err *e)
{
	char *name;

	if (!ci->missing) {
		coord_fail_err(cmd, e);
		return;
	}
	name = shown_name(l->name);
	coord_fail(cmd, "%s has not completed %s (%zu of %zu modules done); "
		   "no certificate.  Missing:\n  %s", name, c->title,
		   ci->marks.ndone, ci->marks.n, ci->missing);
	free(name);
}

int cmd_certificate(int argc, char **argv, const struct globals *g)
{
	const char *learner = NULL, *course = NULL, *output = NULL, *issuer = NULL;
	bool print = false, force = false;
	const struct coord_opt opts[] = {
		{ "learner", 0, &learner, NULL },
		{ "course", 0, &course, NULL },
		{ "output", 'o', &output, NULL },
		{ "print", 0, NULL, &print },
		{ "issuer", 0, &issuer, NULL },
		{ "force", 0, NULL, &force },
		{ 0 },
	};
	struct catalog cat = { 0 };
	struct coord_issue ci = { 0 };
	struct learner l = { 0 };
	struct err e = { 0 };
	const struct course *c;
	enum out_kind kind;
	struct store *s;
	int nops, r, status = EXIT_FAIL, flags;

	r = coord_parse("certificate", argc, argv, opts, &nops, certificate_help);
	if (r)
		return r == 1 ? EXIT_OK : r;
	if (nops || !learner || !course || !output) {
		coord_fail("certificate", "%s\nTry 'coursekiosk certificate --help'.",
			   nops ? "unexpected argument"
				: "--learner, --course and -o are required");
		return EXIT_USAGE;
	}
	if (out_kind(output, &kind) < 0) {
		coord_fail("certificate", "-o %s: the file name must end in .pdf "
			   "or .txt (or be - for text on standard output)", output);
		return EXIT_USAGE;
	}
	if (print && kind == OUT_STDOUT) {
		coord_fail("certificate", "--print needs a file (-o FILE.pdf)");
		return EXIT_USAGE;
	}
	flags = force ? SW_FORCE : 0;
	/* A target that will be refused is refused before anything is issued. */
	if (kind != OUT_STDOUT && safewrite_check(output, flags, NULL, &e) < 0) {
		coord_fail_err("certificate", &e);
		return EXIT_FAIL;
	}
	s = coord_open_store("certificate", g, 0);
	if (!s)
		return EXIT_FAIL;
	if (coord_load_catalog("certificate", g, &cat) < 0 ||
	    !(c = coord_find_course("certificate", g, &cat, course)))
		goto done;
	if (coord_find_learner("certificate", s, learner, &l) < 0)
		goto done;
	if (coordinator_issue(s, c, &l, issuer, &ci, &e) < 0) {
		issue_failed("certificate", &ci, &l, c, &e);
		goto done;
	}
	if (coordinator_write_certificate(&ci, kind == OUT_PDF ? ISSUE_PDF : ISSUE_TEXT,
					  output, flags, &e) < 0) {
		coord_fail("certificate", "%s: %s", kind == OUT_STDOUT
			   ? "standard output" : output, e.msg);
		goto done;
	}
	if (kind != OUT_STDOUT) {
		char fmt[CERT_CODE_FMT_SIZE];

		cert_code_format(ci.rec.code, fmt, sizeof(fmt));
		printf("Certificate No. %06lu %s: %s (code %s)\n", ci.rec.serial,
		       ci.reprint ? "reprinted" : "issued", output, fmt);
		fflush(stdout);
	}
	if (print && print_file("certificate", output) < 0)
		goto done;
	status = EXIT_OK;
done:
	/* The font caches live until exit; freed so leak checks stay clean. */
	cert_release_fonts();
	coordinator_issue_release(&ci);
	learner_release(&l);
	catalog_release(&cat);
	store_close(s);
	return status;
}

/* ---- certificates --------------------------------------------------------- */

struct bulk_ctx {
	const struct course *course;
	GHashTable *done;        /* learner id -> modules of the course complete */
};

static int bulk_row(const struct report_row *r, void *arg)
{
	struct bulk_ctx *x = arg;

	if (r->state != MODULE_COMPLETE || !course_find_module(x->course, r->module_id))
		return 0;
	g_hash_table_insert(x->done, g_strdup(r->learner_id),
			    GSIZE_TO_POINTER(GPOINTER_TO_SIZE(g_hash_table_lookup(
				    x->done, r->learner_id)) + 1));
	return 0;
}

/* Whether the trainee has a revoked certificate for this course version
 * (and, since store_cert_find found none, no valid one). */
static bool was_revoked(const struct cert_record *v, size_t n,
			const char *learner, int version)
{
	for (size_t i = 0; i < n; i++)
		if (v[i].revoked && v[i].course_version == version &&
		    !strcmp(v[i].learner_id, learner))
			return true;
	return false;
}

int cmd_certificates(int argc, char **argv, const struct globals *g)
{
	const char *course = NULL, *dir = NULL, *format = "pdf", *issuer = NULL;
	bool force = false;
	const struct coord_opt opts[] = {
		{ "course", 0, &course, NULL },
		{ "out-dir", 0, &dir, NULL },
		{ "format", 0, &format, NULL },
		{ "issuer", 0, &issuer, NULL },
		{ "force", 0, NULL, &force },
		{ 0 },
	};
	struct catalog cat = { 0 };
	struct bulk_ctx b = { 0 };
	struct cert_record *certs = NULL;
	struct learner *v = NULL;
	struct err e = { 0 };
	const struct course *c;
	size_t n = 0, ncerts = 0, nissued = 0, nreprinted = 0, nrevoked = 0,
	       nincomplete = 0, nkept = 0;
	enum out_kind kind;
	struct store *s;
	int nops, r, status = EXIT_FAIL;

	r = coord_parse("certificates", argc, argv, opts, &nops, certificates_help);
	if (r)
		return r == 1 ? EXIT_OK : r;
	if (nops || !course || !dir) {
		coord_fail("certificates", "%s\nTry 'coursekiosk certificates --help'.",
			   nops ? "unexpected argument"
				: "--course and --out-dir are required");
		return EXIT_USAGE;
	}
	if (strcmp(format, "pdf") && strcmp(format, "txt")) {
		coord_fail("certificates", "--format is pdf or txt, not '%s'", format);
		return EXIT_USAGE;
	}
	kind = !strcmp(format, "pdf") ? OUT_PDF : OUT_TEXT;
	s = coord_open_store("certificates", g, 0);
	if (!s)
		return EXIT_FAIL;
	b.done = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	if (coord_load_catalog("certificates", g, &cat) < 0 ||
	    !(c = coord_find_course("certificates", g, &cat, course)))
		goto done;
	if (!c->cert_title) {
		coord_fail("certificates", "course %s offers no certificate "
			   "(its course.xml has no <certificate>)", c->id);
		goto done;
	}
	b.course = c;
	if (store_report_each(s, c->id, bulk_row, &b, &e) < 0 ||
	    coordinator_find(s, NULL, &v, &n, &e) < 0 ||
	    store_cert_list(s, c->id, &certs, &ncerts, &e) < 0) {
		coord_fail_err("certificates", &e);
		goto done;
	}
	if (safewrite_mkdir(dir, &e) < 0) {
		coord_fail_err("certificates", &e);
		goto done;
	}
	status = EXIT_OK;
	for (size_t i = 0; i < n; i++) {
		struct coord_issue ci = { 0 };
		struct cert_record rec = { 0 };
		char *slug, *path;
		int bad;

		if (v[i].erased)
			continue;
		/* Everyone registered counts, those who never started too. */
		if (GPOINTER_TO_SIZE(g_hash_table_lookup(b.done, v[i].id)) < c->nmodules ||
		    !c->nmodules) {
			nincomplete++;
			continue;
		}
		r = store_cert_find(s, v[i].id, c->id, c->version, &rec, &e);
		cert_record_release(&rec);
		if (r == 0 && was_revoked(certs, ncerts, v[i].id, c->version)) {
			char *name = shown_name(v[i].name);

			fprintf(stderr, "coursekiosk: certificates: skipped %s (%s): "
				"their certificate was revoked\n", name, v[i].id);
			free(name);
			nrevoked++;
			continue;
		}
		if (coordinator_issue(s, c, &v[i], issuer, &ci, &e) < 0) {
			issue_failed("certificates", &ci, &v[i], c, &e);
			coordinator_issue_release(&ci);
			status = EXIT_FAIL;
			break;
		}
		slug = slug_make(v[i].name, 48);
		path = slug && *slug
			? g_strdup_printf("%s/%06lu-%s.%s", dir, ci.rec.serial, slug, format)
			: g_strdup_printf("%s/%06lu.%s", dir, ci.rec.serial, format);
		bad = coordinator_write_certificate(&ci, kind == OUT_PDF ? ISSUE_PDF
							  : ISSUE_TEXT, path,
						  force ? SW_FORCE : 0, &e);
		nissued += !bad && !ci.reprint;
		nreprinted += !bad && ci.reprint;
		if (!bad) {
			printf("%06lu  %-10s  %s\n", ci.rec.serial,
			       ci.reprint ? "reprinted" : "issued", path);
		} else if (e.code == ERR_INVALID) {
			/* kept: a file of that name is there already */
			fprintf(stderr, "coursekiosk: certificates: %s\n", e.msg);
			nkept++;
			bad = 0;
			status = EXIT_FAIL;
		} else {
			coord_fail("certificates", "%s", e.msg);
			status = EXIT_FAIL;
		}
		free(slug);
		g_free(path);
		coordinator_issue_release(&ci);
		if (bad)
			break;
	}
	fflush(stdout);
	fprintf(stderr, "coursekiosk: certificates: %zu written to %s (%zu issued, "
		"%zu reprinted)", nissued + nreprinted, dir, nissued, nreprinted);
	if (nincomplete)
		fprintf(stderr, "; %zu trainee%s not completed the course yet",
			nincomplete, nincomplete == 1 ? " has" : "s have");
	if (nrevoked)
		fprintf(stderr, "; %zu skipped (revoked)", nrevoked);
	if (nkept)
		fprintf(stderr, "; %zu kept (the file exists; --force replaces it)",
			nkept);
	fputc('\n', stderr);
done:
	cert_release_fonts();
	cert_list_free(certs, ncerts);
	learner_list_free(v, n);
	g_hash_table_destroy(b.done);
	catalog_release(&cat);
	store_close(s);
	return status;
}
