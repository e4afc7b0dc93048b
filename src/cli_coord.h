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

/* Output to a file written whole or not at all: opens a temporary file
 * (mode 0600: reports hold personal data) next to path; "-" or NULL means
 * stdout.  coord_out_close renames it over path when ok and every write
 * succeeded, else removes it.  Both print why on failure. */
struct coord_out {
	FILE *f;
	const char *path;        /* NULL for stdout */
	char *tmp;
};
int coord_out_open(const char *cmd, const char *path, struct coord_out *o);
int coord_out_close(const char *cmd, struct coord_out *o, bool ok);

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
