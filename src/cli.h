/* cli.h - the commands of the coursekiosk binary.
 *
 * main.c parses the global options (--db, --courses; accepted before or
 * after the command name), picks the command and calls its handler with the
 * remaining arguments: argv[0] is the command name (or "coursekiosk" for the
 * kiosk).  Each handler returns the exit status:
 *   0 success, 1 invalid input or failed operation, 2 usage error.
 */
#ifndef CK_CLI_H
#define CK_CLI_H

enum { EXIT_OK = 0, EXIT_FAIL = 1, EXIT_USAGE = 2 };

struct globals {
	const char *db;       /* --db PATH, or NULL: store_default_path() */
	const char *courses;  /* --courses DIR, always set by main.c */
	const char *argv0;
};

int cmd_kiosk(int argc, char **argv, const struct globals *g);        /* kiosk.c */
int cmd_validate(int argc, char **argv, const struct globals *g);     /* cli_validate.c */
int cmd_preview(int argc, char **argv, const struct globals *g);      /* cli_preview.c */
int cmd_backup(int argc, char **argv, const struct globals *g);       /* cli_backup.c */
int cmd_report(int argc, char **argv, const struct globals *g);       /* cli_report.c */
int cmd_learners(int argc, char **argv, const struct globals *g);     /* cli_learners.c */
int cmd_learner(int argc, char **argv, const struct globals *g);      /* cli_learners.c */
int cmd_certificate(int argc, char **argv, const struct globals *g);  /* cli_certificate.c */
int cmd_certificates(int argc, char **argv, const struct globals *g); /* cli_certificate.c */
int cmd_verify(int argc, char **argv, const struct globals *g);       /* cli_verify.c */
int cmd_revoke(int argc, char **argv, const struct globals *g);       /* cli_verify.c */
int cmd_audit(int argc, char **argv, const struct globals *g);        /* cli_audit.c */
int cmd_passwd(int argc, char **argv, const struct globals *g);       /* cli_passwd.c */

#endif
