/* cli_audit.c - `coursekiosk audit`: the coordinators' audit log, listed
 * or checked (each entry carries a hash of the one before). */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "cli_coord.h"
#include "store.h"
#include "textcol.h"

static const char help[] =
	"usage: coursekiosk audit [--verify]\n"
	"\n"
	"Lists the coordinators' audit log, oldest first: number, time (UTC),\n"
	"action and detail.  Actions: signin, signin-failed, passphrase-set,\n"
	"passphrase-changed, report-exported, certificate-issued,\n"
	"certificate-reprinted, certificate-revoked, learner-erased, backup ...\n"
	"\n"
	"  --verify   check the hash chain instead: exit 0 when intact, 1 when\n"
	"             an entry was altered or removed (the first bad one is\n"
	"             named)\n";

static int verify_chain(struct store *s)
{
	struct audit_entry *v = NULL;
	struct err e = { 0 };
	size_t n = 0;
	long bad = 0;
	int r = store_audit_verify(s, &bad, &e);

	if (r < 0) {
		coord_fail_err("audit", &e);
		return EXIT_FAIL;
	}
	if (r == 1) {
		printf("audit log BROKEN at entry %ld: it was altered, or an entry "
		       "before it was removed\n", bad);
		coord_fail("audit", "the audit log's hash chain is broken at entry %ld",
			   bad);
		return EXIT_FAIL;
	}
	if (store_audit_list(s, &v, &n, &e) < 0) {
		coord_fail_err("audit", &e);
		return EXIT_FAIL;
	}
	printf("audit log intact: %zu entr%s, hash chain verified\n", n,
	       n == 1 ? "y" : "ies");
	audit_list_free(v, n);
	return EXIT_OK;
}

static int list(struct store *s)
{
	struct audit_entry *v = NULL;
	struct err e = { 0 };
	size_t n = 0, wa = strlen("Action");

	if (store_audit_list(s, &v, &n, &e) < 0) {
		coord_fail_err("audit", &e);
		return EXIT_FAIL;
	}
	if (!n) {
		fprintf(stderr, "coursekiosk: audit: the log is empty\n");
		return EXIT_OK;
	}
	for (size_t i = 0; i < n; i++) {
		size_t w = textcol_width(v[i].action);

		if (w > wa)
			wa = w > 24 ? 24 : w;
	}
	printf("%6s  %-20s  ", "No.", "Time (UTC)");
	textcol_put(stdout, "Action", wa, 1);
	printf("  Detail\n");
	for (size_t i = 0; i < n; i++) {
		printf("%6ld  ", v[i].seq);
		textcol_put(stdout, v[i].at, 20, 1);
		fputs("  ", stdout);
		textcol_put(stdout, v[i].action, wa, 1);
		fputs("  ", stdout);
		/* Wide enough for any detail; textcol_put strips controls. */
		textcol_put(stdout, v[i].detail, 4096, 0);
		putchar('\n');
	}
	audit_list_free(v, n);
	return fflush(stdout) == 0 ? EXIT_OK : EXIT_FAIL;
}

int cmd_audit(int argc, char **argv, const struct globals *g)
{
	bool verify = false;
	const struct coord_opt opts[] = {
		{ "verify", 0, NULL, &verify },
		{ 0 },
	};
	struct store *s;
	int nops, r;

	r = coord_parse("audit", argc, argv, opts, &nops, help);
	if (r)
		return r == 1 ? EXIT_OK : r;
	if (nops) {
		coord_fail("audit", "unexpected '%s'\nTry 'coursekiosk audit --help'.",
			   argv[1]);
		return EXIT_USAGE;
	}
	s = coord_open_store("audit", g, STORE_READONLY);
	if (!s)
		return EXIT_FAIL;
	r = verify ? verify_chain(s) : list(s);
	store_close(s);
	return r;
}
