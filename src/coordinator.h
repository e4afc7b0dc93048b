/* coordinator.h - the coordinator's use cases, for the commands (cli_*.c)
 * and the kiosk's coordinator screens (ui_coord*.c) alike, as session.c
 * is for trainees.  Core: never prints.
 *
 * This module alone writes audit entries (coordinator_audit): a front end
 * translates input, calls a use case and shows the result.  A use case
 * that fails writes no entry saying it was done.  New coordinator features
 * (accounts, "who" in the audit log, attempts, PIN resets, renames,
 * exports) belong here, written once.
 */
#ifndef CK_COORDINATOR_H
#define CK_COORDINATOR_H

#include <stdbool.h>
#include <stddef.h>

#include "course.h"
#include "err.h"
#include "issuing.h"
#include "store.h"

/* ---- the audit log ------------------------------------------------------ */

/* Appends an entry (action, detail of ids only, never names). */
int coordinator_audit(struct store *s, const char *action, const char *detail,
		      struct err *e);

/* ---- signing in to coordinator mode (the kiosk) ---------------------------- */

/* store_coord_check, with signin / signin-failed in the audit log (best
 * effort: a full disk must not lock the coordinator out). */
int coordinator_signin(struct store *s, const char *pass, int *wait_s,
		       struct err *e);
/* Sets the first passphrase (passphrase-set, then signin). */
int coordinator_set_first_passphrase(struct store *s, const char *pass,
				     struct err *e);
void coordinator_signout(struct store *s);

/* ---- finding trainees ---------------------------------------------------------- */

/* Every trainee whose name contains text once both are folded with
 * fold_key() ("taranu" finds "Țăranu"); text NULL or "" gives everyone.
 * Ordered by fold_key of the name, then the name, then the id (erased
 * trainees last).  Free with learner_list_free. */
int coordinator_find(struct store *s, const char *text, struct learner **v,
		     size_t *n, struct err *e);

/* Sorts trainees as coordinator_find does. */
void coordinator_sort_learners(struct learner *v, size_t n);

/* ---- the report ---------------------------------------------------------------- */

struct report_filter {
	const char *course;         /* NULL: every course */
	const char *since, *until;  /* YYYY-MM-DD, inclusive; NULL: open.  A
				     * trainee is in when active in the span:
				     * registered by `until` and last seen
				     * on or after `since` */
	const char *org;            /* organisation contains (folded) */
	int status;                 /* -1 any, else an enum module_state */
};

/* One trainee and one module of a course. */
struct report_line {
	const struct learner *l;    /* into the report's learners */
	const char *course_id, *course_title;
	const char *module_id, *module_title;
	size_t module_no;           /* 1-based, course order */
	enum module_state state;
	int version, best_score, attempts;   /* best -1: none */
	const char *completed_at;   /* NULL when not complete */
	const struct cert_record *cert;   /* latest unrevoked, or NULL */
};

struct coord_report {
	struct report_line *v;
	size_t n;
	struct learner *learners;
	size_t nlearners;
	struct cert_record *certs;
	size_t ncerts;
	void *priv;
};

/* Every trainee (erased ones only where they have progress: anonymous
 * counts) times every module of every course of cat (or of f->course),
 * not started ones included; then modules with progress of courses no
 * longer loaded.  Trainees in fold_key order; modules in course order.
 * An unknown f->course is an error (ERR_NOTFOUND). */
int coordinator_report(struct store *s, const struct catalog *cat,
		       const struct report_filter *f, struct coord_report *out,
		       struct err *e);
void coordinator_report_release(struct coord_report *r);
/* Records an export of the report (report-exported) with its format and
 * where it goes; call once everything that can fail before the data
 * leaves has succeeded. */
int coordinator_report_exported(struct store *s, const struct report_filter *f,
				const char *format, const char *output,
				struct err *e);
/* State as the reports write it: "not started", "in progress", "complete". */
const char *coordinator_state_name(enum module_state st);

/* ---- certificates ------------------------------------------------------------------ */

struct coord_issue {
	const struct course *course;
	const char *issuer;
	struct course_marks marks;
	struct cert_record rec;
	bool reprint;
	char *missing;              /* when not complete: what is missing */
};

/* Issues (or finds, for a reprint) the certificate of trainee l for course
 * c: checks the course offers one, the trainee is not erased and completed
 * every module (-1, ERR_INVALID, out->missing set), and records
 * certificate-issued or -reprinted.  Release out even on failure. */
int coordinator_issue(struct store *s, const struct course *c,
		      const struct learner *l, const char *issuer,
		      struct coord_issue *out, struct err *e);
/* Writes an issued certificate to path with the safe-write rules (SW_FORCE
 * in flags replaces an existing file; "-" is text on standard output). */
int coordinator_write_certificate(const struct coord_issue *ci,
				  enum issuing_format fmt, const char *path,
				  int flags, struct err *e);
void coordinator_issue_release(struct coord_issue *x);

/* ---- erasure ----------------------------------------------------------------------- */

/* Erases a trainee (store_learner_erase) and records learner-erased by id.
 * 0, 1 when another program was reading (old copies stay until a later
 * checkpoint), -1. */
int coordinator_erase(struct store *s, const char *learner_id, struct err *e);

#endif
