/* cli_validate.c - `coursekiosk validate [PATH...]`: checks course folders
 * and files the way the kiosk loads them, and says exactly what is wrong. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "course.h"

static void usage(FILE *out)
{
	fprintf(out,
		"usage: coursekiosk validate [--strict] [PATH...]\n"
		"\n"
		"Checks course files against the course format: the schema, and the\n"
		"checks no schema can express (unique ids, correct options, requires,\n"
		"cite refs, module files inside the course folder, forbidden\n"
		"characters).  Each PATH is a course folder (holding course.xml), a\n"
		"folder of course folders, a course.xml manifest (its whole course is\n"
		"checked) or a single module file.  Without PATH, checks the --courses\n"
		"folder.\n"
		"\n"
		"Every problem in every file is reported in one run, on standard\n"
		"error, as PATH:LINE:COL: message (PATH: message for a whole file or\n"
		"folder), sorted by file, line and column.  Warnings (a module file\n"
		"course.xml does not list, duplicate options, a source never cited,\n"
		"text too long for an 80x24 screen ...) read PATH:LINE:COL: warning:\n"
		"message.  When there is no problem, one summary line is printed to\n"
		"standard output.\n"
		"  --strict   warnings count as problems (exit 1)\n"
		"\n"
		"Exit status: 0 no problem (warnings allowed), 1 problems found (or\n"
		"warnings with --strict), 2 usage error.\n"
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
	size_t problems = 0, warnings = 0;
	int npaths = 0, dashdash = 0;
	bool strict = false;

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
		if (!strcmp(argv[i], "--strict")) {
			strict = true;
			continue;
		}
		fprintf(stderr, "coursekiosk validate: unknown option '%s'\n"
			"Try 'coursekiosk validate --help'.\n", argv[i]);
		return EXIT_USAGE;
	}
	diags_init(&d);
	d.warnings = 1;
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
			if (!dashdash && !strcmp(argv[i], "--strict"))
				continue;
			path = argv[i];
		}
		/* Print as we go, each path's problems in file order. */
		course_check_path(path, &d, &st);
		problems += diags_errors(&d);
		warnings += d.nwarn;
		diags_sort(&d);
		diags_print(&d, stderr);
		diags_release(&d);
		diags_init(&d);
		d.warnings = 1;
	}
	fflush(stderr);
	if (problems || (strict && warnings))
		return EXIT_FAIL;
	printf("ok: %zu %s, %zu %s, %zu %s, %zu %s", st.courses,
	       plural(st.courses, "course", "courses"), st.modules,
	       plural(st.modules, "module", "modules"), st.pages,
	       plural(st.pages, "page", "pages"), st.questions,
	       plural(st.questions, "question", "questions"));
	if (warnings)
		printf(" (%zu %s)", warnings, plural(warnings, "warning",
						     "warnings"));
	printf("\n");
	return EXIT_OK;
}
