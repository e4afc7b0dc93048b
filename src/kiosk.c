/* kiosk.c - `coursekiosk` without a command: the trainee kiosk.
 *
 * Loads the courses, opens the progress store and runs one of the two
 * front ends over a session: full screen when the terminal can, else the
 * line mode.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "course.h"
#include "kiosk.h"

static void kiosk_usage(FILE *out)
{
	fprintf(out,
		"usage: coursekiosk [--db PATH] [--courses DIR] [--plain] [--kiosk]\n"
		"                   [--idle-timeout MINUTES] [--no-citations]\n"
		"\n"
		"Starts the training kiosk.\n"
		"  --plain                 line mode: numbered menus, typed answers\n"
		"  --kiosk                 lock the kiosk for an unattended laptop\n"
		"  --idle-timeout MINUTES  sign an idle trainee out (default 10 with\n"
		"                          --kiosk, else never; 0 = never)\n"
		"  --no-citations          line mode: leave out \"(source 3)\"\n"
		"  -h, --help              this help\n");
}

static const char *why_not_full_screen(void)
{
	const char *term = getenv("TERM");

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return "not a terminal";
	if (!term || !*term)
		return "TERM is not set";
	if (!strcmp(term, "dumb"))
		return "TERM is dumb";
	return "it cannot move the cursor";
}

static int parse_minutes(const char *v, int *out)
{
	char *end;
	long n;

	if (!v || *v < '0' || *v > '9')
		return -1;
	n = strtol(v, &end, 10);
	if (*end || n < 0 || n > 24 * 60)
		return -1;
	*out = (int)n;
	return 0;
}

int cmd_kiosk(int argc, char **argv, const struct globals *g)
{
	struct kiosk_options o = { 0 };
	struct catalog cat = { 0 };
	struct diags d;
	struct err e = { 0 };
	struct session *s = NULL;
	struct store *st = NULL;
	char *path = NULL;
	int idle = -1, status = EXIT_FAIL, rc;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "--plain")) {
			o.plain = true;
		} else if (!strcmp(a, "--kiosk")) {
			o.kiosk = true;
		} else if (!strcmp(a, "--no-citations")) {
			o.no_citations = true;
		} else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			kiosk_usage(stdout);
			return EXIT_OK;
		} else if (!strcmp(a, "--idle-timeout") ||
			   !strncmp(a, "--idle-timeout=", 15)) {
			const char *v = a[14] == '=' ? a + 15
				      : (i + 1 < argc ? argv[++i] : NULL);

			if (parse_minutes(v, &idle)) {
				fprintf(stderr, "coursekiosk: --idle-timeout needs "
					"a number of minutes (0 to 1440)\n");
				return EXIT_USAGE;
			}
		} else {
			fprintf(stderr, "coursekiosk: unknown option '%s'\n"
				"Try 'coursekiosk --help'.\n", a);
			return EXIT_USAGE;
		}
	}
	o.idle_timeout = idle >= 0 ? idle : (o.kiosk ? 10 : 0);

	/* A database created here holds personal data: owner only. */
	umask(077);
	diags_init(&d);
	if (catalog_load(&cat, g->courses, &d, &e)) {
		diags_print(&d, stderr);
		fprintf(stderr, "coursekiosk: %s\n", e.msg);
		goto out;
	}
	diags_print(&d, stderr);
	/* template="yes" is for trainers (validate), never for trainees */
	catalog_drop_templates(&cat);
	if (cat.ncourses == 0) {
		fprintf(stderr, "coursekiosk: no course could be loaded from "
			"%s\n", g->courses);
		goto out;
	}
	path = g->db ? strdup(g->db) : store_default_path();
	if (!path) {
		fprintf(stderr, "coursekiosk: out of memory\n");
		goto out;
	}
	st = store_open(path, 0, &e);
	if (!st) {
		fprintf(stderr, "coursekiosk: %s\n", e.msg);
		goto out;
	}
	o.store = st;
	s = session_new(st, &cat);
	if (!s) {
		fprintf(stderr, "coursekiosk: out of memory\n");
		goto out;
	}
	rc = o.plain ? UI_UNAVAILABLE : ui_run(s, &o);
	if (rc == UI_LINE_MODE) {
		o.plain = true;      /* F2: the rest of the session */
		rc = plain_run(s, &o, stdin, stdout);
	} else if (rc == UI_UNAVAILABLE) {
		if (!o.plain)
			fprintf(stderr, "coursekiosk: this terminal cannot do "
				"full screen (%s); using the line mode\n",
				why_not_full_screen());
		rc = plain_run(s, &o, stdin, stdout);
	}
	status = rc == 0 ? EXIT_OK : EXIT_FAIL;
out:
	session_free(s);
	if (st)
		store_close(st);
	free(path);
	catalog_release(&cat);
	diags_release(&d);
	return status;
}
