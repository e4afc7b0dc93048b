/* issuing.h - issuing certificates: whether a trainee earned one, and
 * issuing or finding it, for the command line (cli_certificate.c) and the
 * kiosk's coordinator mode (ui_coord*.c).  Core: never prints.
 *
 * Every certificate issued or reprinted is written to the audit log
 * (certificate-issued / certificate-reprinted, by serial and ids only).
 */
#ifndef CK_ISSUING_H
#define CK_ISSUING_H

#include <stdbool.h>
#include <stdio.h>

#include "cert.h"
#include "course.h"
#include "err.h"
#include "isodate.h"
#include "store.h"

/* What a trainee did in each module of a course. */
struct course_marks {
	struct cert_module_line *lines;   /* one per module, course order */
	char (*dates)[ISODATE_SIZE];      /* lines[i].completed points here */
	enum module_state *state;
	size_t n, ndone;
};

int marks_init(struct course_marks *m, const struct course *c);
void marks_release(struct course_marks *m);
/* Module i's state, best score and completion time (ISO, may be NULL). */
void marks_set(struct course_marks *m, const struct course *c, size_t i,
	       enum module_state st, int best, const char *completed);
/* Reads a trainee's progress in every module of c from the store. */
int marks_load(struct course_marks *m, struct store *s, const struct course *c,
	       const char *learner, struct err *e);
bool marks_complete(const struct course_marks *m);
/* "The basics (basics): in progress" SEP "Where to refer (referral): not
 * started" for the modules not complete.  Caller frees; NULL on OOM. */
char *marks_missing(const struct course_marks *m, const struct course *c,
		    const char *sep);

struct issuing {
	const unsigned char *key;          /* store_secret_key() */
	const struct course *course;
	const struct course_marks *marks;  /* may be NULL: no module lines */
	const char *issuer;                /* printed line, may be NULL */
};

/* The certificate fields of a record (borrowing its strings). */
void issuing_fields(struct cert_fields *f, const struct cert_record *rec,
		    const struct issuing *x);

/* The trainee's unrevoked certificate for the course version, checked
 * against its code (-1, ERR_CORRUPT when the record was altered), or a new
 * one issued today (UTC, see isodate_today) expiring after the course's
 * valid-for.  *reprint tells which.  The caller checks that the course
 * offers a certificate and that the trainee completed it. */
int issuing_get(struct store *s, const struct issuing *x,
		const struct learner *l, struct cert_record *rec,
		bool *reprint, struct err *e);

enum issuing_format { ISSUE_PDF, ISSUE_TEXT };
/* Writes the certificate to path (atomically) or, for text with a NULL
 * path, to `out`. */
int issuing_write(const struct issuing *x, const struct cert_record *rec,
		  enum issuing_format fmt, const char *path, FILE *out,
		  struct err *e);

#endif
