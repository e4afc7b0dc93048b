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
#include "isodate.h"
#include "issuing.h"
#include "slug.h"
#include "store.h"

extern char **environ;

static const char certificate_help[] =
	"usage: coursekiosk certificate --learner ID --course ID -o FILE [--print]\n"
	"                               [--issuer TEXT]\n"
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
	"  --print          also send the file to the default printer with lp(1)\n"
	"  --issuer TEXT    a line naming who issues it (printed, not in the code)\n"
	"\n"
	"Dates are UTC; the expiry is the issue date plus the course's valid-for.\n"
	"Recorded in the audit log (certificate-issued, certificate-reprinted).\n";

static const char certificates_help[] =
	"usage: coursekiosk certificates --course ID --out-dir DIR\n"
	"                                [--format pdf|txt] [--issuer TEXT]\n"
	"\n"
	"Writes the certificate of every trainee who completed every module of\n"
	"the course into DIR (created if missing), issuing those not yet issued\n"
	"and reprinting the others.  Files are named SERIAL-NAME.pdf, e.g.\n"
	"000042-stefania-taranu.pdf.  A trainee whose certificate for this course\n"
	"version was revoked is skipped (issue one explicitly with `certificate`).\n"
	"\n"
	"  --course ID       the course's id\n"
	"  --out-dir DIR     the folder to write into\n"
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

/* issuing_get, printing why on failure. */
static int issue_or_find(const char *cmd, struct store *s,
			 const struct issuing *x, const struct learner *l,
			 struct cert_record *rec, bool *reprint)
{
	struct err e = { 0 };

	if (issuing_get(s, x, l, rec, reprint, &e) < 0) {
		coord_fail_err(cmd, &e);
		return -1;
	}
	return 0;
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

static int write_cert(const char *cmd, const struct cert_record *rec,
		      const struct issuing *x, const char *path,
		      enum out_kind k)
{
	struct err e = { 0 };

	if (issuing_write(x, rec, k == OUT_PDF ? ISSUE_PDF : ISSUE_TEXT,
			  k == OUT_STDOUT ? NULL : path, stdout, &e) < 0) {
		coord_fail(cmd, "%s: %s", k == OUT_STDOUT ? "standard output" : path,
			   e.msg);
		return -1;
	}
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

/* Fills m from the store; prints what is missing and returns -1 when the
 * trainee has not completed every module. */
static int learner_marks(const char *cmd, struct store *s,
			 const struct course *c, const struct learner *l,
			 struct course_marks *m)
{
	struct err e = { 0 };
	char *name, *missing;

	if (marks_load(m, s, c, l->id, &e) < 0) {
		coord_fail_err(cmd, &e);
		return -1;
	}
	if (marks_complete(m))
		return 0;
	name = shown_name(l->name);
	missing = marks_missing(m, c, "\n  ");
	coord_fail(cmd, "%s has not completed %s (%zu of %zu modules done); "
		   "no certificate.  Missing:\n  %s", name, c->title, m->ndone,
		   m->n, missing ? missing : "");
	free(name);
	free(missing);
	return -1;
}

int cmd_certificate(int argc, char **argv, const struct globals *g)
{
	const char *learner = NULL, *course = NULL, *output = NULL, *issuer = NULL;
	bool print = false, reprint = false;
	const struct coord_opt opts[] = {
		{ "learner", 0, &learner, NULL },
		{ "course", 0, &course, NULL },
		{ "output", 'o', &output, NULL },
		{ "print", 0, NULL, &print },
		{ "issuer", 0, &issuer, NULL },
		{ 0 },
	};
	unsigned char key[CERT_KEY_BYTES];
	struct catalog cat = { 0 };
	struct course_marks m = { 0 };
	struct cert_record rec = { 0 };
	struct learner l = { 0 };
	struct issuing x = { 0 };
	struct err e = { 0 };
	const struct course *c;
	enum out_kind kind;
	struct store *s;
	int nops, r, status = EXIT_FAIL;

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
	s = coord_open_store("certificate", g, 0);
	if (!s)
		return EXIT_FAIL;
	if (coord_load_catalog("certificate", g, &cat) < 0 ||
	    !(c = coord_find_course("certificate", g, &cat, course)))
		goto done;
	if (!c->cert_title) {
		coord_fail("certificate", "course %s offers no certificate "
			   "(its course.xml has no <certificate>)", c->id);
		goto done;
	}
	if (coord_find_learner("certificate", s, learner, &l) < 0)
		goto done;
	if (l.erased) {
		coord_fail("certificate", "trainee %s was erased; no certificate "
			   "can be issued", l.id);
		goto done;
	}
	if (learner_marks("certificate", s, c, &l, &m) < 0)
		goto done;
	if (store_secret_key(s, key, &e) < 0) {
		coord_fail_err("certificate", &e);
		goto done;
	}
	x = (struct issuing){ key, c, &m, issuer };
	if (issue_or_find("certificate", s, &x, &l, &rec, &reprint) < 0)
		goto done;
	if (write_cert("certificate", &rec, &x, output, kind) < 0)
		goto done;
	if (kind != OUT_STDOUT) {
		char fmt[CERT_CODE_FMT_SIZE];

		cert_code_format(rec.code, fmt, sizeof(fmt));
		printf("Certificate No. %06lu %s: %s (code %s)\n", rec.serial,
		       reprint ? "reprinted" : "issued", output, fmt);
		fflush(stdout);
	}
	if (print && print_file("certificate", output) < 0)
		goto done;
	status = EXIT_OK;
done:
	explicit_bzero(key, sizeof(key));
	/* The font caches live until exit; freed so leak checks stay clean. */
	cert_release_fonts();
	cert_record_release(&rec);
	marks_release(&m);
	learner_release(&l);
	catalog_release(&cat);
	store_close(s);
	return status;
}

/* ---- certificates --------------------------------------------------------- */

struct bulk_ctx {
	const struct course *course;
	GHashTable *marks;       /* learner id -> struct course_marks * */
	bool oom;
};

static void marks_free(void *p)
{
	marks_release(p);
	free(p);
}

static int bulk_row(const struct report_row *r, void *arg)
{
	struct bulk_ctx *x = arg;
	const struct module *mod = course_find_module(x->course, r->module_id);
	struct course_marks *m;

	if (!mod)
		return 0;
	m = g_hash_table_lookup(x->marks, r->learner_id);
	if (!m) {
		m = calloc(1, sizeof(*m));
		if (!m || marks_init(m, x->course) < 0) {
			if (m)
				marks_free(m);
			x->oom = true;
			return 1;
		}
		g_hash_table_insert(x->marks, g_strdup(r->learner_id), m);
	}
	marks_set(m, x->course, (size_t)(mod - x->course->modules), r->state,
		  r->best_score, r->completed_at);
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
	const struct coord_opt opts[] = {
		{ "course", 0, &course, NULL },
		{ "out-dir", 0, &dir, NULL },
		{ "format", 0, &format, NULL },
		{ "issuer", 0, &issuer, NULL },
		{ 0 },
	};
	unsigned char key[CERT_KEY_BYTES];
	struct catalog cat = { 0 };
	struct bulk_ctx b = { 0 };
	struct cert_record *certs = NULL;
	struct learner *v = NULL;
	struct err e = { 0 };
	const struct course *c;
	size_t n = 0, ncerts = 0, nissued = 0, nreprinted = 0, nrevoked = 0,
	       nincomplete = 0;
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
	b.marks = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, marks_free);
	if (coord_load_catalog("certificates", g, &cat) < 0 ||
	    !(c = coord_find_course("certificates", g, &cat, course)))
		goto done;
	if (!c->cert_title) {
		coord_fail("certificates", "course %s offers no certificate "
			   "(its course.xml has no <certificate>)", c->id);
		goto done;
	}
	b.course = c;
	if (store_report_each(s, c->id, bulk_row, &b, &e) < 0 && !b.oom) {
		coord_fail_err("certificates", &e);
		goto done;
	}
	if (b.oom) {
		coord_fail("certificates", "out of memory");
		goto done;
	}
	if (store_learner_list(s, NULL, &v, &n, &e) < 0 ||
	    store_cert_list(s, c->id, &certs, &ncerts, &e) < 0 ||
	    store_secret_key(s, key, &e) < 0) {
		coord_fail_err("certificates", &e);
		goto done;
	}
	if (mkdir(dir, 0700) < 0 && errno != EEXIST) {
		coord_fail("certificates", "cannot create %s: %s", dir, strerror(errno));
		goto done;
	}
	status = EXIT_OK;
	for (size_t i = 0; i < n; i++) {
		struct course_marks *m = g_hash_table_lookup(b.marks, v[i].id);
		struct issuing x = { key, c, m, issuer };
		struct cert_record rec = { 0 };
		bool reprint = false;
		char *slug, *path;
		int bad;

		if (v[i].erased || !m)
			continue;
		if (m->ndone < m->n) {
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
		if (issue_or_find("certificates", s, &x, &v[i], &rec, &reprint) < 0) {
			cert_record_release(&rec);
			status = EXIT_FAIL;
			break;
		}
		slug = slug_make(v[i].name, 48);
		path = slug && *slug
			? g_strdup_printf("%s/%06lu-%s.%s", dir, rec.serial, slug, format)
			: g_strdup_printf("%s/%06lu.%s", dir, rec.serial, format);
		bad = write_cert("certificates", &rec, &x, path, kind);
		if (!bad)
			printf("%06lu  %-10s  %s\n", rec.serial,
			       reprint ? "reprinted" : "issued", path);
		nissued += !bad && !reprint;
		nreprinted += !bad && reprint;
		free(slug);
		g_free(path);
		cert_record_release(&rec);
		if (bad) {
			status = EXIT_FAIL;
			break;
		}
	}
	fflush(stdout);
	fprintf(stderr, "coursekiosk: certificates: %zu written to %s (%zu issued, "
		"%zu reprinted)", nissued + nreprinted, dir, nissued, nreprinted);
	if (nincomplete)
		fprintf(stderr, "; %zu trainee%s not completed the course yet",
			nincomplete, nincomplete == 1 ? " has" : "s have");
	if (nrevoked)
		fprintf(stderr, "; %zu skipped (revoked)", nrevoked);
	fputc('\n', stderr);
done:
	explicit_bzero(key, sizeof(key));
	cert_release_fonts();
	cert_list_free(certs, ncerts);
	learner_list_free(v, n);
	g_hash_table_destroy(b.marks);
	catalog_release(&cat);
	store_close(s);
	return status;
}
