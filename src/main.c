/* main.c - arguments, dispatch and exit codes; the only file that knows
 * every command. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

#ifndef CK_VERSION
#define CK_VERSION "0.0.0"
#endif
#ifndef CK_DATADIR
#define CK_DATADIR "/usr/local/share/coursekiosk"
#endif

struct command {
	const char *name;
	int (*run)(int argc, char **argv, const struct globals *g);
	const char *summary;
};

static const struct command commands[] = {
	{ "validate", cmd_validate, "check course folders or files" },
	{ "preview", cmd_preview, "a course as a trainee sees it; nothing recorded" },
	{ "report", cmd_report, "progress of every trainee, as a table or CSV" },
	{ "learners", cmd_learners, "list trainees and their completion" },
	{ "learner", cmd_learner, "learner delete ID: erase a trainee's personal data" },
	{ "certificate", cmd_certificate, "issue or reprint one certificate" },
	{ "certificates", cmd_certificates, "write every earned certificate of a course" },
	{ "verify", cmd_verify, "check a certificate's verification code" },
	{ "revoke", cmd_revoke, "revoke a certificate by serial" },
	{ "audit", cmd_audit, "list or --verify the coordinators' audit log" },
	{ "passwd", cmd_passwd, "set the coordinator passphrase" },
	{ "backup", cmd_backup, "write a consistent copy of the progress database" },
};

static void usage(FILE *out)
{
	fprintf(out,
		"usage: coursekiosk [--db PATH] [--courses DIR] [--plain] [--kiosk]\n"
		"                   [--idle-timeout MINUTES]\n"
		"       coursekiosk [--db PATH] [--courses DIR] COMMAND [ARGS...]\n"
		"\n"
		"Without a command, starts the training kiosk.\n"
		"\n"
		"Commands:\n");
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(out, "  %-13s %s\n", commands[i].name, commands[i].summary);
	fprintf(out,
		"\n"
		"Global options (before or after the command):\n"
		"  --db PATH       progress database (default: $COURSEKIOSK_DB, else\n"
		"                  $XDG_DATA_HOME/coursekiosk/progress.db)\n"
		"  --courses DIR   folder of courses (default: ./courses in the source\n"
		"                  tree, else the installed courses)\n"
		"  -h, --help      this help;  -V, --version  the version\n"
		"\n"
		"Exit status: 0 success, 1 invalid input or failed operation, 2 usage error.\n"
		"See coursekiosk(1).\n");
}

static const char *default_courses(void)
{
	/* Run from the source tree (as `make run` does): use its courses. */
	if (access("courses/coursekiosk.rng", R_OK) == 0)
		return "courses";
	return CK_DATADIR "/courses";
}

/* Takes "--name VALUE" or "--name=VALUE" at argv[*i]; returns 1 when it
 * matched (advancing *i past the value), 0 when not, -1 on a missing value. */
static int take_opt(const char *name, int argc, char **argv, int *i,
		    const char **out)
{
	size_t n = strlen(name);
	const char *a = argv[*i];

	if (strncmp(a, name, n) != 0)
		return 0;
	if (a[n] == '=') {
		*out = a + n + 1;
		return 1;
	}
	if (a[n] != '\0')
		return 0;
	if (*i + 1 >= argc)
		return -1;
	*out = argv[++*i];
	return 1;
}

int main(int argc, char **argv)
{
	struct globals g = { NULL, NULL, "coursekiosk" };
	const struct command *cmd = NULL;
	char **rest;
	int nrest = 0, seen_dashdash = 0;

	rest = calloc((size_t)argc + 1, sizeof(*rest));
	if (!rest) {
		fprintf(stderr, "coursekiosk: out of memory\n");
		return EXIT_FAIL;
	}
	rest[nrest++] = argv[0];
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		int r = 0;

		if (!seen_dashdash) {
			if (strcmp(a, "--") == 0) {
				seen_dashdash = 1;
				rest[nrest++] = argv[i];
				continue;
			}
			if ((r = take_opt("--db", argc, argv, &i, &g.db)) == 0)
				r = take_opt("--courses", argc, argv, &i, &g.courses);
			if (r < 0) {
				fprintf(stderr, "coursekiosk: %s needs a value\n", a);
				free(rest);
				return EXIT_USAGE;
			}
			if (r > 0)
				continue;
			if (!cmd && nrest == 1) {
				if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
					usage(stdout);
					free(rest);
					return EXIT_OK;
				}
				if (!strcmp(a, "-V") || !strcmp(a, "--version")) {
					printf("coursekiosk %s\n", CK_VERSION);
					free(rest);
					return EXIT_OK;
				}
			}
		}
		if (!cmd && nrest == 1 && a[0] != '-') {
			for (size_t k = 0; k < sizeof(commands) / sizeof(commands[0]); k++)
				if (!strcmp(a, commands[k].name))
					cmd = &commands[k];
			if (!cmd) {
				fprintf(stderr, "coursekiosk: unknown command '%s'\n"
					"Try 'coursekiosk --help'.\n", a);
				free(rest);
				return EXIT_USAGE;
			}
			rest[0] = argv[i];
			continue;
		}
		rest[nrest++] = argv[i];
	}
	rest[nrest] = NULL;
	if (g.db && !*g.db) {
		fprintf(stderr, "coursekiosk: --db needs a path\n");
		free(rest);
		return EXIT_USAGE;
	}
	if (!g.courses || !*g.courses)
		g.courses = default_courses();

	int status = cmd ? cmd->run(nrest, rest, &g) : cmd_kiosk(nrest, rest, &g);
	free(rest);
	return status;
}
