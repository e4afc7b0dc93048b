/* cli_validate.c - `coursekiosk validate [PATH...]`: checks course folders
 * and files the way the kiosk loads them, and says exactly what is wrong. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "course.h"

static void usage(FILE *out)
{
	fprintf(out,
		"usage: coursekiosk validate [PATH...]\n"
		"\n"
		"Checks course files against the course format: the schema, and the\n"
		"checks no schema can express (unique ids, correct options, requires,\n"
		"cite refs, module files inside the course folder, forbidden\n"
		"characters).  Each PATH is a course folder (holding course.xml), a\n"
		"folder of course folders, a course.xml manifest (its whole course is\n"
		"checked) or a single module file.  Without PATH, checks the --courses\n"
		"folder.\n"
		"\n"
		"Every problem is printed to standard error as PATH:LINE:COL: message\n"
		"(LINE and COL are 0 where unknown), in file order.  When there is no\n"
		"problem, one summary line is printed to standard output.\n"
		"\n"
		"Exit status: 0 no problem, 1 problems found, 2 usage error.\n"
		"See courses/AUTHORING.md for the format.\n");
}

static const char *plural(size_t n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

int cmd_validate(int argc, char **argv, const struct globals *g)
{
	struct load_stats st = { 0 };
	struct diags d;
	size_t problems = 0;
	int npaths = 0, dashdash = 0;

	for (int i = 1; i < argc; i++) {
		if (dashdash || argv[i][0] != '-' || !argv[i][1]) {
			npaths++;
			continue;
		}
		if (!strcmp(argv[i], "--")) {
			dashdash = 1;
			continue;
		}
		if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			usage(stdout);
			return EXIT_OK;
		}
		fprintf(stderr, "coursekiosk validate: unknown option '%s'\n"
			"Try 'coursekiosk validate --help'.\n", argv[i]);
		return EXIT_USAGE;
	}
	diags_init(&d);
	dashdash = 0;
	for (int i = 1; i <= argc; i++) {
		const char *path;

		if (i == argc) {
			if (npaths)
				break;
			path = g->courses;
		} else {
			if (!dashdash && !strcmp(argv[i], "--")) {
				dashdash = 1;
				continue;
			}
			path = argv[i];
		}
		/* Print as we go, each path's problems in file order. */
		problems += course_check_path(path, &d, &st);
		diags_sort(&d);
		diags_print(&d, stderr);
		diags_release(&d);
		diags_init(&d);
	}
	fflush(stderr);
	if (problems)
		return EXIT_FAIL;
	printf("ok: %zu %s, %zu %s, %zu %s, %zu %s\n", st.courses,
	       plural(st.courses, "course", "courses"), st.modules,
	       plural(st.modules, "module", "modules"), st.pages,
	       plural(st.pages, "page", "pages"), st.questions,
	       plural(st.questions, "question", "questions"));
	return EXIT_OK;
}
