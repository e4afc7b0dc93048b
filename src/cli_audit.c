/* cli_audit.c - `coursekiosk audit`: the coordinators' audit log, listed
 * or checked (each entry carries a hash of the one before). */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cli_coord.h"
#include "store.h"
#include "textcol.h"

static const char help[] =
	"usage: coursekiosk audit [--verify [--anchor SEQ:HASH]]\n"
	"\n"
	"Lists the coordinators' audit log, oldest first: number, time (UTC),\n"
	"action and detail.  Actions: signin, signin-failed, passphrase-set,\n"
	"passphrase-changed, report-exported, certificate-issued,\n"
	"certificate-reprinted, certificate-revoked, learner-erased, backup ...\n"
	"\n"
	"  --verify   check the hash chain instead: exit 0 when intact, 1 when\n"
	"             an entry was altered or removed (the first bad one is\n"
	"             named); it prints the newest entry as an anchor, SEQ:HASH\n"
	"  --anchor SEQ:HASH\n"
	"             with --verify: also check that entry SEQ still has HASH.\n"
	"             An anchor kept away from this laptop (written down, or in\n"
	"             a report) proves later that the log up to SEQ was not\n"
	"             rewritten as a whole, which the chain alone cannot show\n";

/* "SEQ:HASH" as --verify prints it: 0 when well formed. */
static int parse_anchor(const char *a, long *seq, char hash[65])
{
	char *end;
	size_t i;

	if (!a || *a < '1' || *a > '9')
		return -1;
	errno = 0;
	*seq = strtol(a, &end, 10);
	if (errno || *end != ':')
		return -1;
	for (i = 0, end++; i < 64; i++) {
		int c = tolower((unsigned char)end[i]);

		if (!isxdigit(c))
			return -1;
		hash[i] = (char)c;
	}
	hash[64] = '\0';
	return end[64] ? -1 : 0;
}

/* anchor_seq 0: no anchor to check; else the parsed --anchor. */
static int verify_chain(struct store *s, long anchor_seq,
			const char *anchor_hash)
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
	if (n)
		printf("anchor: %ld:%s\n", v[n - 1].seq, v[n - 1].hash);
	if (anchor_seq) {
		long seq = anchor_seq;

		/* the chain is intact, so entry k is v[k - 1] */
		if (seq > (long)n || strcmp(v[seq - 1].hash, anchor_hash) != 0) {
			printf("audit log does NOT match the anchor %ld:%s\n",
			       seq, anchor_hash);
			coord_fail("audit", "entry %ld %s: the log was rewritten "
				   "since the anchor was taken, or this is "
				   "another kiosk's database", seq,
				   seq > (long)n ? "is missing"
						 : "has another hash");
			audit_list_free(v, n);
			return EXIT_FAIL;
		}
		printf("anchor %ld matches\n", seq);
	}
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
	const char *anchor = NULL;
	const struct coord_opt opts[] = {
		{ "verify", 0, NULL, &verify },
		{ "anchor", 0, &anchor, NULL },
		{ 0 },
	};
	long seq = 0;
	char hash[65] = "";
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
	if (anchor && !verify) {
		coord_fail("audit", "--anchor goes with --verify\n"
			   "Try 'coursekiosk audit --help'.");
		return EXIT_USAGE;
	}
	if (anchor && parse_anchor(anchor, &seq, hash) < 0) {
		coord_fail("audit", "--anchor needs SEQ:HASH as --verify prints "
			   "it (a number, a colon and 64 hex digits)\n"
			   "Try 'coursekiosk audit --help'.");
		return EXIT_USAGE;
	}
	s = coord_open_store("audit", g, STORE_READONLY);
	if (!s)
		return EXIT_FAIL;
	r = verify ? verify_chain(s, seq, hash) : list(s);
	store_close(s);
	return r;
}
