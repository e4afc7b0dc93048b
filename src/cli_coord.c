/* cli_coord.c - helpers shared by the coordinator commands. */
#include "cli_coord.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "coordinator.h"

void coord_fail(const char *cmd, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "coursekiosk: %s: ", cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void coord_fail_err(const char *cmd, const struct err *e)
{
	const char *hint = "";

	switch (e->code) {
	case ERR_BUSY:
		hint = " (another coursekiosk holds the database; try again)";
		break;
	case ERR_FULL:
		hint = " (the disk is full; free some space and try again)";
		break;
	case ERR_READONLY:
		hint = " (the database or its folder is read-only)";
		break;
	default:
		break;
	}
	coord_fail(cmd, "%s%s", e->msg[0] ? e->msg : "failed", hint);
}

struct store *coord_open_store(const char *cmd, const struct globals *g,
			       int flags)
{
	struct err e = { 0 };
	struct store *s;
	char *def = NULL;
	const char *path = g->db;
	struct stat st;

	if (!path) {
		def = store_default_path();
		if (!def) {
			coord_fail(cmd, "no database path: set --db, "
				   "$COURSEKIOSK_DB or $HOME");
			return NULL;
		}
		path = def;
	}
	/* Looking something up must never leave an empty database behind. */
	if (!(flags & COORD_CREATE) && stat(path, &st) != 0) {
		coord_fail(cmd, "no progress database at %s (give another with --db)",
			   path);
		free(def);
		return NULL;
	}
	s = store_open(path, flags & ~COORD_CREATE, &e);
	if (!s)
		coord_fail_err(cmd, &e);
	free(def);
	return s;
}

int coord_load_catalog(const char *cmd, const struct globals *g,
		       struct catalog *cat)
{
	struct diags d;
	struct err e = { 0 };
	int r;

	diags_init(&d);
	memset(cat, 0, sizeof(*cat));
	r = catalog_load(cat, g->courses, &d, &e);
	diags_release(&d);
	if (r < 0) {
		coord_fail(cmd, "courses: %s", e.msg);
		return -1;
	}
	return 0;
}

const struct course *coord_find_course(const char *cmd, const struct globals *g,
				       const struct catalog *cat,
				       const char *id)
{
	const struct course *c = catalog_find(cat, id);

	if (!c)
		coord_fail(cmd, "no course '%s' in %s (is --courses right? "
			   "`coursekiosk validate %s` shows problems)",
			   id, g->courses, g->courses);
	return c;
}

int coord_find_learner(const char *cmd, struct store *s, const char *id,
		       struct learner *out)
{
	struct err e = { 0 };
	struct learner *v = NULL;
	size_t n = 0, hit = 0, nhits = 0, len = strlen(id);

	memset(out, 0, sizeof(*out));
	if (store_learner_get(s, id, out, &e) == 0)
		return 0;
	if (e.code != ERR_NOTFOUND) {
		coord_fail_err(cmd, &e);
		return -1;
	}
	if (len >= 6 && len < STORE_ID_LEN) {
		if (store_learner_list(s, NULL, &v, &n, &e) < 0) {
			coord_fail_err(cmd, &e);
			return -1;
		}
		for (size_t i = 0; i < n; i++)
			if (!strncmp(v[i].id, id, len)) {
				hit = i;
				nhits++;
			}
		if (nhits == 1) {
			int r = store_learner_get(s, v[hit].id, out, &e);

			learner_list_free(v, n);
			if (r < 0)
				coord_fail_err(cmd, &e);
			return r;
		}
		learner_list_free(v, n);
		if (nhits > 1) {
			coord_fail(cmd, "'%s' matches %zu trainees; give more of "
				   "the id (see `coursekiosk learners`)", id, nhits);
			return -1;
		}
	}
	coord_fail(cmd, "no trainee with id '%s' (see `coursekiosk learners`)", id);
	return -1;
}

int coord_audit(const char *cmd, struct store *s, const char *action,
		const char *fmt, ...)
{
	struct err e = { 0 };
	char detail[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(detail, sizeof(detail), fmt, ap);
	va_end(ap);
	if (coordinator_audit(s, action, detail, &e) < 0) {
		coord_fail(cmd, "could not write the audit log: %s", e.msg);
		return -1;
	}
	return 0;
}

struct store *coord_open_reading(const char *cmd, const struct globals *g)
{
	return coord_open_store(cmd, g, 0);
}

int coord_audit_export(struct store *s, const struct report_filter *f,
		       const char *format, const char *output)
{
	struct err e = { 0 };

	if (store_readonly(s)) {
		fprintf(stderr, "coursekiosk: warning: the database is read-only, "
			"so the audit log cannot record this export\n");
		return 0;
	}
	if (coordinator_report_exported(s, f, format, output, &e) < 0) {
		coord_fail("report", "could not write the audit log: %s; nothing "
			   "was exported", e.msg);
		return -1;
	}
	return 0;
}

size_t coord_terminal_width(void)
{
	const char *c = getenv("COLUMNS");
	struct winsize ws;

	if (c && *c) {
		char *end;
		long n = strtol(c, &end, 10);

		if (!*end && n >= 20 && n <= 10000)
			return (size_t)n;
	}
	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 &&
	    ws.ws_col >= 20)
		return ws.ws_col;
	return 80;
}

static const struct coord_opt *opt_find(const struct coord_opt *opts,
					const char *a, size_t len, char letter)
{
	for (; opts->name; opts++)
		if (letter ? opts->letter == letter
			   : strlen(opts->name) == len &&
				     !strncmp(opts->name, a, len))
			return opts;
	return NULL;
}

int coord_parse(const char *cmd, int argc, char **argv,
		const struct coord_opt *opts, int *nops, const char *help)
{
	int n = 0, dashdash = 0;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *val = NULL;
		const struct coord_opt *o;

		if (dashdash || a[0] != '-' || !a[1]) {
			argv[1 + n++] = argv[i];
			continue;
		}
		if (!strcmp(a, "--")) {
			dashdash = 1;
			continue;
		}
		if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			fputs(help, stdout);
			return 1;
		}
		if (a[1] == '-') {
			const char *eq = strchr(a + 2, '=');
			size_t len = eq ? (size_t)(eq - a - 2) : strlen(a + 2);

			o = opt_find(opts, a + 2, len, 0);
			if (eq)
				val = eq + 1;
		} else {
			o = a[2] ? NULL : opt_find(opts, NULL, 0, a[1]);
		}
		if (!o) {
			coord_fail(cmd, "unknown option '%s'\n"
				   "Try 'coursekiosk %s --help'.", a, cmd);
			return EXIT_USAGE;
		}
		if (!o->value) {
			if (val) {
				coord_fail(cmd, "--%s takes no value", o->name);
				return EXIT_USAGE;
			}
			*o->flag = true;
			continue;
		}
		if (!val) {
			if (i + 1 >= argc) {
				coord_fail(cmd, "%s needs a value\n"
					   "Try 'coursekiosk %s --help'.", a, cmd);
				return EXIT_USAGE;
			}
			val = argv[++i];
		}
		*o->value = val;
	}
	*nops = n;
	return 0;
}
