/* cli_coord.h - what the coordinator commands share: opening the store and
 * the courses, finding a trainee, reporting errors the same way. */
#ifndef CK_CLI_COORD_H
#define CK_CLI_COORD_H

#include <stdbool.h>

#include "cli.h"
#include "course.h"
#include "err.h"
#include "store.h"

/* "coursekiosk: CMD: " + printf message + newline, on stderr. */
void coord_fail(const char *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* The same with the message of e (and a hint for its code). */
void coord_fail_err(const char *cmd, const struct err *e);

/* Opens --db (or the default database); prints why and returns NULL on
 * failure.  A missing database is an error (never created) unless flags
 * has COORD_CREATE; other flags go to store_open. */
enum { COORD_CREATE = 0x100 };
struct store *coord_open_store(const char *cmd, const struct globals *g,
			       int flags);

/* Loads the courses of --courses.  Courses with problems are left out
 * silently (`validate` is where they are explained).  0, or -1 after
 * printing why. */
int coord_load_catalog(const char *cmd, const struct globals *g,
		       struct catalog *cat);
/* catalog_find, printing "no course 'ID' in DIR" when absent. */
const struct course *coord_find_course(const char *cmd, const struct globals *g,
				       const struct catalog *cat,
				       const char *id);

/* A trainee by id, or by a unique prefix of at least 6 characters of it.
 * 0 with out filled, or -1 after printing why (unknown, ambiguous). */
int coord_find_learner(const char *cmd, struct store *s, const char *id,
		       struct learner *out);

/* Appends an audit entry; prints why and returns -1 on failure. */
int coord_audit(const char *cmd, struct store *s, const char *action,
		const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* Opens the database for a command that reads (report, learners ...):
 * read-write where it can be (for the audit log), read-only on a
 * read-only file, folder or mount.  Prints why and returns NULL on
 * failure; never creates a database. */
struct store *coord_open_reading(const char *cmd, const struct globals *g);

/* Records an export of the report (coordinator_report_exported); on a
 * read-only database it warns that the log cannot record it and goes on.
 * Prints why and returns -1 on failure. */
struct report_filter;
int coord_audit_export(struct store *s, const struct report_filter *f,
		       const char *format, const char *output);

/* Columns for a table: $COLUMNS, else the terminal's width when standard
 * output is one, else 80. */
size_t coord_terminal_width(void);

/* Options of a command: "--name VALUE", "--name=VALUE", "-x VALUE" for
 * those with a value (value != NULL), "--name" / "-x" for flags. */
struct coord_opt {
	const char *name;        /* without the dashes */
	char letter;             /* short form, or 0 */
	const char **value;      /* set to the value; NULL for a flag */
	bool *flag;              /* set for a flag */
};

/* Parses argv[1..] (argv[0] is the command).  Operands (and everything
 * after "--") are moved to the front of argv+1, their count in *nops.
 * Returns 0, 1 when -h/--help was given (help printed to stdout), or
 * EXIT_USAGE after printing the problem and "Try ... --help". */
int coord_parse(const char *cmd, int argc, char **argv,
		const struct coord_opt *opts, int *nops, const char *help);

#endif
