/* cli_preview.c - `coursekiosk preview COURSE-FOLDER [--module ID]
 * [--plain]`: the course as a trainee sees it, in either front end, with
 * no sign-in, every module unlocked and nothing recorded.
 *
 * The session runs over a private in-memory store (STORE_MEMORY): no
 * database file is created, opened or touched, and everything done in
 * the preview is gone when it ends.  F5 (full screen) or "reload" (line
 * mode) loads the files again: when they load, the front end is started
 * again over them at the module being looked at (pages read and answers
 * given so far in this preview are kept in memory); when they do not,
 * validate's messages are shown in place and the last good version stays.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <glib.h>

#include "cli.h"
#include "course.h"
#include "i18n.h"
#include "kiosk.h"

static void usage(FILE *out)
{
	fprintf(out, "%s", _(
		"usage: coursekiosk preview COURSE-FOLDER [--module ID] [--plain]\n"
		"\n"
		"Shows a course as a trainee sees it, with no sign-in and every\n"
		"module unlocked. Answers are marked and explained as usual, but\n"
		"nothing is recorded: no progress database is created or touched.\n"
		"  --module ID   open this module (its id) at once\n"
		"  --plain       the line mode instead of the full screen\n"
		"F5 in the full screen (or \"reload\" typed in the line mode) loads\n"
		"the course files again after an edit; if the edit broke something,\n"
		"validate's messages are shown and the last good version stays.\n"
		"\n"
		"Exit status: 0 done, 1 the course has problems, 2 usage error.\n"));
}

struct preview {
	const char *dir;
	struct course *next;     /* loaded by reload, taken by the loop */
};

/* Loads the course; on problems *text gets validate's lines. */
static struct course *load(const char *dir, char **text)
{
	struct diags d;
	struct course *c;

	diags_init(&d);
	c = course_load(dir, &d);
	if (!c || diags_errors(&d)) {
		GString *b = g_string_new(NULL);

		diags_sort(&d);
		for (size_t i = 0; i < d.n; i++)
			g_string_append_printf(b, "%s:%d:%d: %s%s\n", d.v[i].file,
					       d.v[i].line, d.v[i].col,
					       d.v[i].warning ? _("warning: ")
							      : "",
					       d.v[i].msg);
		if (!d.n)
			g_string_append(b, _("the course could not be loaded\n"));
		*text = strdup(b->str);
		g_string_free(b, TRUE);
		course_free(c);
		c = NULL;
	}
	diags_release(&d);
	return c;
}

static int reload(void *arg, char **problems)
{
	struct preview *pv = arg;
	struct course *c;

	*problems = NULL;
	c = load(pv->dir, problems);
	if (!c)
		return -1;
	course_free(pv->next);
	pv->next = c;
	return 0;
}

int cmd_preview(int argc, char **argv, const struct globals *g)
{
	struct kiosk_options o = { 0 };
	struct preview pv = { 0 };
	struct catalog cat = { 0 };
	struct course *c = NULL;
	struct store *st = NULL;
	struct err e = { 0 };
	char *problems = NULL, *module = NULL, *manifest;
	const char *dir = NULL;
	int status = EXIT_FAIL;
	bool registered = false;
	struct stat sb;

	(void)g;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			usage(stdout);
			return EXIT_OK;
		} else if (!strcmp(a, "--plain")) {
			o.plain = true;
		} else if (!strcmp(a, "--module") || !strncmp(a, "--module=", 9)) {
			const char *v = a[8] == '=' ? a + 9
				      : (i + 1 < argc ? argv[++i] : NULL);

			if (!v || !*v) {
				fprintf(stderr, _("coursekiosk preview: --module "
						  "needs a module id\n"));
				return EXIT_USAGE;
			}
			free(module);
			module = strdup(v);
		} else if (a[0] == '-' && a[1]) {
			fprintf(stderr, _("coursekiosk preview: unknown option "
					  "'%s'\nTry 'coursekiosk preview "
					  "--help'.\n"), a);
			free(module);
			return EXIT_USAGE;
		} else if (dir) {
			fprintf(stderr, _("coursekiosk preview: one course "
					  "folder at a time\n"));
			free(module);
			return EXIT_USAGE;
		} else {
			dir = a;
		}
	}
	if (!dir) {
		usage(stderr);
		free(module);
		return EXIT_USAGE;
	}
	manifest = g_build_filename(dir, "course.xml", NULL);
	if (stat(dir, &sb) < 0 || !S_ISDIR(sb.st_mode) ||
	    stat(manifest, &sb) < 0) {
		fprintf(stderr, _("coursekiosk preview: %s is not a course "
				  "folder (a folder holding course.xml)\n"), dir);
		g_free(manifest);
		free(module);
		return EXIT_FAIL;
	}
	g_free(manifest);
	pv.dir = dir;
	c = load(dir, &problems);
	if (!c) {
		fputs(problems ? problems : "", stderr);
		fprintf(stderr, _("coursekiosk preview: the course has problems; "
				  "fix them first (coursekiosk validate %s)\n"),
			dir);
		goto out;
	}
	if (module && !course_find_module(c, module)) {
		fprintf(stderr, _("coursekiosk preview: the course has no module "
				  "with id '%s'\n"), module);
		goto out;
	}
	st = store_open(STORE_MEMORY, 0, &e);
	if (!st) {
		fprintf(stderr, "coursekiosk preview: %s\n", e.msg);
		goto out;
	}
	store_test_fast_hash(st);   /* the preview trainee's PIN guards nothing */
	o.preview = true;
	o.preview_reload = reload;
	o.preview_arg = &pv;
	for (;;) {
		struct session *s;
		struct course *v[1] = { c };
		int rc;

		cat.courses = v;
		cat.ncourses = 1;
		s = session_new(st, &cat);
		if (!s) {
			fprintf(stderr, "coursekiosk preview: out of memory\n");
			break;
		}
		session_set_preview(s, true);
		err_clear(&e);
		rc = registered
			? session_signin(s, _("Preview"), "739164", NULL, &e)
			: session_register(s, _("Preview"), session_role_ids[0],
					   "", "", "739164", &e);
		if (rc < 0) {
			fprintf(stderr, "coursekiosk preview: %s\n", e.msg);
			session_free(s);
			break;
		}
		registered = true;
		o.preview_module = module;
		rc = o.plain ? UI_UNAVAILABLE : ui_run(s, &o);
		if (rc == UI_UNAVAILABLE) {
			if (!o.plain)
				fprintf(stderr, _("coursekiosk preview: this "
						  "terminal cannot do full "
						  "screen; using the line "
						  "mode\n"));
			o.plain = true;
			rc = plain_run(s, &o, stdin, stdout);
		}
		/* where the trainer was, to start there again */
		if (session_module(s)) {
			free(module);
			module = strdup(session_module(s)->id);
		}
		session_free(s);
		if (rc != PREVIEW_RELOAD || !pv.next) {
			status = rc == 0 ? EXIT_OK : EXIT_FAIL;
			break;
		}
		course_free(c);
		c = pv.next;
		pv.next = NULL;
		if (module && !course_find_module(c, module)) {
			free(module);
			module = NULL;   /* the module is gone: its course */
		}
	}
out:
	store_close(st);
	course_free(c);
	course_free(pv.next);
	free(problems);
	free(module);
	return status;
}
