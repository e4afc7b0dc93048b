/* session.h - the trainee's use cases, shared by both front ends.
 *
 * A session wires the loaded catalog (borrowed), the store (borrowed) and
 * the quiz engine.  Front ends (ui*.c, plain*.c) only translate keys or
 * typed lines into these calls and show what they return; they never score
 * or touch the database.  Every call that records something returns 0 only
 * after the store committed it: only then may the front end say "saved".
 * When saving fails (e->code ERR_BUSY, ERR_FULL, ERR_READONLY ...) the
 * answer stays pending in the session; session_retry_save() tries again and
 * nothing already saved is harmed.
 */
#ifndef CK_SESSION_H
#define CK_SESSION_H

#include <stdbool.h>
#include <stddef.h>

#include "course.h"
#include "err.h"
#include "quiz.h"
#include "store.h"

struct session;

struct session *session_new(struct store *st, const struct catalog *cat);
void session_free(struct session *s);

const struct catalog *session_catalog(const struct session *s);
/* `coursekiosk preview`: every module unlocked (the store is a private
 * in-memory one, so nothing is recorded). */
void session_set_preview(struct session *s, bool on);
bool session_preview(const struct session *s);

/* ---- trainee ------------------------------------------------------------ */

/* Checks the fields (name non-empty, role known, PIN >= 4 digits) and
 * creates the trainee, who is then signed in. */
int session_register(struct session *s, const char *name, const char *role,
		     const char *org, const char *country, const char *pin,
		     struct err *e);
/* -1 with ERR_DENIED, or ERR_WAIT and *wait_s seconds to wait. */
int session_signin(struct session *s, const char *name, const char *pin,
		   int *wait_s, struct err *e);
void session_signout(struct session *s);
/* NULL when nobody is signed in. */
const struct learner *session_learner(const struct session *s);

/* The roles a trainee may choose: ids ("social-worker" ...) and labels. */
extern const char *const session_role_ids[];
extern const char *const session_role_labels[];
extern const size_t session_nroles;

/* ---- courses and modules ---------------------------------------------------- */

struct module_status {
	const struct module *module;
	enum module_state state;
	bool locked;             /* a required module is not complete */
	int pages_seen, npages;
	int best_score;          /* -1 none */
	int attempts;            /* finished attempts */
	int attempts_left;       /* -1 unlimited */
	bool passed;
	/* An attempt started and not finished (a crash, or the trainee
	 * left): `answered` of its `total` questions are answered, so it
	 * continues at question answered + 1. */
	bool attempt_open;
	int answered, total;
};

/* One entry per module of course c, in order (out has c->nmodules). */
int session_course_status(struct session *s, const struct course *c,
			  struct module_status *out, struct err *e);
bool session_course_complete(struct session *s, const struct course *c);

/* ---- reading ---------------------------------------------------------------- */

/* Opens a module for reading; -1 (ERR_DENIED) when locked.  *page is where
 * to resume (0-based). */
int session_open_module(struct session *s, const struct course *c,
			const struct module *m, int *page, struct err *e);
const struct module *session_module(const struct session *s);
const struct course *session_course(const struct session *s);
/* Records that page n of the open module was shown. */
int session_page_shown(struct session *s, int n, struct err *e);
/* All pages read and (if any) the quiz passed: marks the module complete.
 * *completed is set when this call completed it. */
int session_check_complete(struct session *s, bool *completed, struct err *e);

/* ---- quiz ----------------------------------------------------------------------- */

enum quiz_begin {
	QUIZ_STARTED,            /* a new attempt */
	QUIZ_RESUMED,            /* the unfinished attempt, same questions and order */
	QUIZ_NO_QUIZ,            /* the module has none */
	QUIZ_NO_ATTEMPTS_LEFT,
	QUIZ_NOT_READ,           /* pages not all read yet */
};

/* Starts or resumes the open module's quiz. */
int session_quiz_begin(struct session *s, enum quiz_begin *how, struct err *e);

struct quiz_position {
	size_t index;            /* 0-based position in the attempt */
	size_t total;            /* questions in the attempt */
	int attempt;             /* attempt number, 1-based */
	int attempts_allowed;    /* 0 = unlimited */
};

/* The next unanswered question, or NULL when all are answered. */
const struct question *session_quiz_current(struct session *s,
					    struct quiz_position *pos);
/* Display order for the current question's options / items / right-hand
 * sides: perm[k] = model index shown at position k (n = their count). */
void session_quiz_layout(struct session *s, const struct question *q,
			 size_t *perm, size_t n);

struct quiz_feedback {
	struct quiz_mark mark;
	bool show_now;           /* feedback="immediate" */
	const char *why[64];     /* per picked option (model order), may be NULL */
};

/* Marks and saves the answer to the current question.  On success the
 * answer is committed and the session moves to the next question.  On a
 * store failure -1 with e set; the answer is kept pending. */
int session_quiz_answer(struct session *s, const struct quiz_answer *a,
			struct quiz_feedback *fb, struct err *e);
bool session_pending_save(const struct session *s);
int session_retry_save(struct session *s, struct err *e);

struct quiz_review_item {
	const struct question *q;
	bool answered;           /* false: the attempt was stopped before it */
	struct quiz_answer answer;
	struct quiz_mark mark;
};

struct quiz_outcome {
	struct quiz_result result;
	int pass;                /* pass mark, percent */
	bool module_completed;   /* this attempt completed the module */
	bool course_completed;   /* ... and with it the course */
	struct quiz_review_item *review;   /* owned by the session */
	size_t nreview;
};

/* When every question is answered: closes the attempt, updates best score
 * and completion, and fills the outcome (valid until the next quiz call). */
int session_quiz_finish(struct session *s, struct quiz_outcome *out,
			struct err *e);

/* Whether the attempt in progress can still pass, given the answers saved
 * so far and full marks on every question still to come. */
enum quiz_chance {
	QUIZ_CAN_PASS,
	QUIZ_CRITICAL_MISSED,    /* a must-be-right question was answered wrong */
	QUIZ_TOO_FEW_POINTS,     /* even full marks from here miss the pass mark */
};
enum quiz_chance session_quiz_chance(struct session *s);
bool session_quiz_can_pass(struct session *s);
/* Must-be-right questions drawn in the attempt in progress (0 when none). */
size_t session_quiz_ncritical(struct session *s);
/* Stops an attempt that can no longer pass: it is closed as finished and
 * failed, every question not answered counting as not answered, 0 points
 * (no answer is recorded for it).  The outcome is as session_quiz_finish's,
 * its review items for those questions with answered = false.  -1
 * (ERR_INVALID) when the attempt can still pass or an answer is pending. */
int session_quiz_stop(struct session *s, struct quiz_outcome *out,
		      struct err *e);

#endif
