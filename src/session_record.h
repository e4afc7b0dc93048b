/* session_record.h - the signed-in trainee's own record: progress over
 * every course, past quiz attempts to review, certificates earned.
 *
 * Only the signed-in trainee's rows are ever read (the learner id comes
 * from the session, never from the caller).  Front ends show it; they
 * never reach the store.  Strings are copies owned by the record.
 */
#ifndef CK_SESSION_RECORD_H
#define CK_SESSION_RECORD_H

#include <stdbool.h>
#include <stddef.h>

#include "session.h"

struct record_attempt {
	int number;              /* 1-based */
	bool finished;
	int percent;             /* finished only */
	bool passed;
	char *started, *ended;   /* ISO 8601 UTC; ended NULL when unfinished */
	long seconds;            /* ended - started; -1 unfinished or unknown */
	size_t answered, total;  /* questions answered of those drawn */
};

struct record_module {
	const struct module *module;
	struct module_status st;
	struct record_attempt *attempts;  /* oldest first */
	size_t nattempts;
	long quiz_seconds;       /* time in finished attempts */
	char *started_at, *completed_at;  /* may be NULL */
};

struct record_course {
	const struct course *course;
	struct record_module *modules;    /* course->nmodules */
	bool complete;
	long quiz_seconds;
	bool has_cert;           /* a certificate for this course version */
	unsigned long cert_serial;
	char cert_code[24];      /* "ABCD-EFGH-JKMN-PQRS" */
	char *cert_issued, *cert_expires; /* expires may be NULL */
};

struct session_record {
	struct record_course *courses;    /* the session's catalog order */
	size_t ncourses;
};

/* The signed-in trainee's record.  -1 (ERR_DENIED) when nobody is. */
int session_record_load(struct session *s, struct session_record *out,
			struct err *e);
void session_record_release(struct session_record *r);

/* One of the trainee's attempts at module m's quiz, for review: the
 * answered questions in the order shown, each with the answer given and
 * its mark as recorded.  *items is the caller's to free() (the questions
 * are borrowed from the course).  ERR_NOTFOUND when there is no attempt
 * `number`. */
int session_attempt_review(struct session *s, const struct course *c,
			   const struct module *m, int number,
			   struct quiz_review_item **items, size_t *n,
			   struct err *e);

/* "1 h 05 min", "4 min", "under a minute" (buf of 32). */
const char *session_record_duration(long seconds, char *buf, size_t n);

/* ---- for session_record.c only (defined in session.c) ---- */
struct store *session_store_(struct session *s);

#endif
