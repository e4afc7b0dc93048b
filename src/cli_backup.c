/* cli_backup.c - `coursekiosk backup [--force] FILE`: a consistent copy of
 * the progress database, taken through SQLite's backup API while kiosks
 * may be writing.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "store.h"

static void usage(FILE *out)
{
	fprintf(out,
		"usage: coursekiosk [--db PATH] backup [--force] FILE\n"
		"Writes a consistent copy of the progress database to FILE "
		"(mode 0600).\n"
		"An existing FILE is kept unless --force is given.\n"
		"The copy holds everything, including the secret key for "
		"certificate codes:\nkeep it as safely as the database.\n");
}

int cmd_backup(int argc, char **argv, const struct globals *g)
{
	const char *dest = NULL;
	bool force = false, dashdash = false;
	struct store *s = NULL, *w;
	struct err e = { 0, "" };
	char *path;
	int status = EXIT_FAIL;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!dashdash && !strcmp(a, "--")) {
			dashdash = true;
		} else if (!dashdash && (!strcmp(a, "-h") || !strcmp(a, "--help"))) {
			usage(stdout);
			return EXIT_OK;
		} else if (!dashdash && (!strcmp(a, "--force") || !strcmp(a, "-f"))) {
			force = true;
		} else if (!dashdash && a[0] == '-' && a[1]) {
			fprintf(stderr, "coursekiosk backup: unknown option %s\n",
				a);
			usage(stderr);
			return EXIT_USAGE;
		} else if (!dest) {
			dest = a;
		} else {
			fprintf(stderr, "coursekiosk backup: one FILE only\n");
			usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (!dest || !*dest) {
		usage(stderr);
		return EXIT_USAGE;
	}
	path = g->db ? strdup(g->db) : store_default_path();
	if (!path) {
		fprintf(stderr, "coursekiosk backup: out of memory\n");
		return EXIT_FAIL;
	}
	/* Read-only: copying never changes the database, never creates one,
	 * and still works on a damaged or write-protected file. */
	s = store_open(path, STORE_READONLY, &e);
	if (!s) {
		fprintf(stderr, "coursekiosk backup: %s\n", e.msg);
		goto out;
	}
	if (store_damaged(s))
		fprintf(stderr,
			"coursekiosk backup: warning: %s is damaged; the copy "
			"holds it as it is\n",
			path);
	if (store_backup_to(s, dest, force, &e) < 0) {
		fprintf(stderr, "coursekiosk backup: %s\n", e.msg);
		goto out;
	}
	store_close(s);
	s = NULL;
	printf("Backup written to %s.\n"
	       "It contains the secret key for certificate codes: keep it as "
	       "safely as the database.\n",
	       dest);
	status = EXIT_OK;
	/* The audit entry needs write access; a backup of a read-only or
	 * damaged database is still a backup. */
	w = store_open(path, 0, &e);
	if (!w || store_readonly(w) ||
	    store_audit_append(w, "backup-made", dest, &e) < 0)
		fprintf(stderr,
			"coursekiosk backup: warning: the audit log could not "
			"record this backup%s%s\n",
			w && store_readonly(w) ? " (read-only database)"
					       : ": ",
			w && store_readonly(w) ? "" : e.msg);
	store_close(w);
out:
	store_close(s);
	free(path);
	return status;
}
