/* Unit tests for session.c over a real store in a temporary folder and a
 * small course built here: registration and sign-in, module locking, the
 * resume page, attempts cap and best attempt, resuming an attempt after a
 * "crash" (a new session on the same database), completion, and a pending
 * answer kept through a store failure. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "session.h"

/* ---- the course ----------------------------------------------------------- */

static struct option q1_opts[3] = {
	{ "sixteen", false, NULL },
	{ "eighteen", true, "the UN definition" },
	{ "twenty-one", false, "too old" },
};
static struct option q2_opts[3] = {
	{ "passport held", true, NULL },
	{ "goes to school", false, NULL },
	{ "debt", true, NULL },
};
static char *q4_items[3] = { "notice", "talk to lead", "refer" };
static struct question quiz1_qs[4];
static struct quiz quiz1;
static struct block blk = { BLOCK_P, NOTE_KEY, { NULL, 0 }, NULL, 0, NULL, 0, 1, false, NULL, 0 };
static struct page pages1[3] = {
	{ "p1", "one", &blk, 1, 1 },
	{ "p2", "two", &blk, 1, 1 },
	{ "p3", NULL, &blk, 1, 1 },
};
static struct page pages2[1] = { { "p1", NULL, &blk, 1, 1 } };
static struct lesson lessons1[2] = {
	{ "l1", "Lesson one", pages1, 2, 1 },
	{ "l2", "Lesson two", pages1 + 2, 1, 1 },
};
static struct lesson lessons2[1] = { { "l1", "Only", pages2, 1, 1 } };
static char *req2[1] = { "basics" };
static struct module mods[2];
static struct course course;
static struct course *courses[1] = { &course };
static struct catalog cat = { courses, 1 };

static void build_course(void)
{
	memset(quiz1_qs, 0, sizeof(quiz1_qs));
	quiz1_qs[0] = (struct question){ .id = "q1", .type = Q_SINGLE,
		.points = 1, .critical = true, .options = q1_opts,
		.noptions = 3 };
	quiz1_qs[1] = (struct question){ .id = "q2", .type = Q_MULTIPLE,
		.points = 2, .partial = true, .options = q2_opts,
		.noptions = 3 };
	quiz1_qs[2] = (struct question){ .id = "q3", .type = Q_TRUEFALSE,
		.points = 1, .answer = false };
	quiz1_qs[3] = (struct question){ .id = "q4", .type = Q_ORDER,
		.points = 1, .items = q4_items, .nitems = 3 };
	quiz1 = (struct quiz){ .id = "check", .title = "Check", .pass = 75,
		.attempts = 2, .shuffle = true, .draw = 3,
		.feedback = FEEDBACK_IMMEDIATE, .questions = quiz1_qs,
		.nquestions = 4 };
	memset(mods, 0, sizeof(mods));
	mods[0] = (struct module){ .id = "basics", .version = 1, .lang = "en",
		.title = "Basics", .minutes = 10, .lessons = lessons1,
		.nlessons = 2, .npages = 3, .quiz = &quiz1 };
	strcpy(mods[0].hash, "aa");
	mods[1] = (struct module){ .id = "after", .version = 1, .lang = "en",
		.title = "After", .minutes = 5, .requires = req2,
		.nrequires = 1, .lessons = lessons2, .nlessons = 1,
		.npages = 1 };
	strcpy(mods[1].hash, "bb");
	course = (struct course){ .id = "test-course", .version = 1,
		.lang = "en", .title = "Test course", .modules = mods,
		.nmodules = 2 };
}

/* ---- fixture: a fresh database per test --------------------------------- */

struct fx {
	char dir[64];
	char path[96];
	struct store *st;
	struct session *s;
};

static int fx_setup(void **state)
{
	struct fx *f = calloc(1, sizeof(*f));
	struct err e = { 0 };

	build_course();
	strcpy(f->dir, "/tmp/ck-session-XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	snprintf(f->path, sizeof(f->path), "%s/progress.db", f->dir);
	f->st = store_open(f->path, 0, &e);
	if (!f->st) {
		fprintf(stderr, "store_open: %s\n", e.msg);
		return -1;
	}
	store_test_fast_hash(f->st);
	f->s = session_new(f->st, &cat);
	*state = f;
	return 0;
}

static int fx_teardown(void **state)
{
	struct fx *f = *state;
	char cmd[128];

	session_free(f->s);
	store_close(f->st);
	snprintf(cmd, sizeof(cmd), "%s/progress.db", f->dir);
	unlink(cmd);
	snprintf(cmd, sizeof(cmd), "%s/progress.db-wal", f->dir);
	unlink(cmd);
	snprintf(cmd, sizeof(cmd), "%s/progress.db-shm", f->dir);
	unlink(cmd);
	rmdir(f->dir);
	free(f);
	return 0;
}

static void reg(struct fx *f)
{
	struct err e = { 0 };

	assert_int_equal(session_register(f->s, "Ana Popescu", "social-worker",
					  "DGASPC", "Romania", "246813", &e), 0);
}

/* The model index of the right answer(s) for q, as a quiz_answer. */
static struct quiz_answer right_answer(const struct question *q)
{
	struct quiz_answer a;

	memset(&a, 0, sizeof(a));
	a.type = q->type;
	switch (q->type) {
	case Q_SINGLE:
	case Q_MULTIPLE:
		for (size_t i = 0; i < q->noptions; i++)
			if (q->options[i].correct)
				a.picks[a.npicks++] = i;
		break;
	case Q_TRUEFALSE:
		a.tf = q->answer;
		break;
	case Q_ORDER:
		for (size_t i = 0; i < q->nitems; i++)
			a.picks[a.npicks++] = i;
		break;
	default:
		break;
	}
	return a;
}

static struct quiz_answer wrong_answer(const struct question *q)
{
	struct quiz_answer a = right_answer(q);

	switch (q->type) {
	case Q_SINGLE:
		a.picks[0] = (a.picks[0] + 1) % q->noptions;
		break;
	case Q_MULTIPLE:
		a.npicks = 1;
		a.picks[0] = 1;   /* the wrong option only */
		break;
	case Q_TRUEFALSE:
		a.tf = !a.tf;
		break;
	case Q_ORDER:
		a.picks[0] = 1;
		a.picks[1] = 0;
		break;
	default:
		break;
	}
	return a;
}

static void read_all(struct fx *f, const struct module *m)
{
	struct err e = { 0 };
	int page;

	assert_int_equal(session_open_module(f->s, &course, m, &page, &e), 0);
	for (size_t i = 0; i < m->npages; i++)
		assert_int_equal(session_page_shown(f->s, (int)i, &e), 0);
}

/* Answers the whole attempt right (or wrong) and finishes it. */
static void take_quiz(struct fx *f, bool right, struct quiz_outcome *oc)
{
	struct err e = { 0 };
	enum quiz_begin how;
	const struct question *q;
	struct quiz_position pos;

	assert_int_equal(session_quiz_begin(f->s, &how, &e), 0);
	assert_true(how == QUIZ_STARTED || how == QUIZ_RESUMED);
	while ((q = session_quiz_current(f->s, &pos))) {
		struct quiz_answer a = right ? right_answer(q) : wrong_answer(q);
		struct quiz_feedback fb;

		assert_int_equal(session_quiz_answer(f->s, &a, &fb, &e), 0);
		assert_int_equal(fb.mark.correct, right);
		assert_true(fb.show_now);
	}
	assert_int_equal(session_quiz_finish(f->s, oc, &e), 0);
}

/* ---- tests ------------------------------------------------------------------- */

static void register_checks_fields_and_signs_in(void **state)
{
	struct fx *f = *state;
	struct err e = { 0 };
	int wait_s;

	assert_int_equal(session_register(f->s, "  ", "police", "", "", "123456",
					  &e), -1);
	assert_int_equal(e.code, ERR_INVALID);
	assert_int_equal(session_register(f->s, "Ion", "pilot", "", "", "123456",
					  &e), -1);
	assert_int_equal(session_register(f->s, "Ion", "police", "", "", "123",
					  &e), -1);
	assert_int_equal(session_register(f->s, "Ion", "police", "", "", "12a4",
					  &e), -1);
	assert_int_equal(session_register(f->s, "Ion\x1b[2J", "police", "", "",
					  "123456", &e), -1);
	assert_null(session_learner(f->s));
	assert_int_equal(session_register(f->s, "  Ion   Ionescu ", "police",
					  "IGPR", "RO", "123456", &e), 0);
	assert_non_null(session_learner(f->s));
	assert_string_equal(session_learner(f->s)->name, "Ion Ionescu");
	assert_string_equal(session_learner(f->s)->role, "police");
	session_signout(f->s);
	assert_null(session_learner(f->s));
	assert_int_equal(session_signin(f->s, "Ion Ionescu", "999999", &wait_s,
					&e), -1);
	assert_true(e.code == ERR_DENIED || e.code == ERR_WAIT);
	assert_null(session_learner(f->s));
	/* a wrong PIN may start a back-off; wait it out only if short */
	if (e.code == ERR_WAIT || wait_s > 0)
		sleep((unsigned)(wait_s > 0 && wait_s < 5 ? wait_s : 0));
	if (session_signin(f->s, "ion ionescu", "123456", &wait_s, &e) == 0)
		assert_string_equal(session_learner(f->s)->name, "Ion Ionescu");
	else
		assert_int_equal(e.code, ERR_WAIT);
	assert_int_equal(session_nroles, 4);
	assert_string_equal(session_role_ids[0], "social-worker");
}

static void locked_until_required_module_complete(void **state)
{
	struct fx *f = *state;
	struct module_status st[2];
	struct quiz_outcome oc;
	struct err e = { 0 };
	int page;

	reg(f);
	assert_int_equal(session_course_status(f->s, &course, st, &e), 0);
	assert_false(st[0].locked);
	assert_true(st[1].locked);
	assert_int_equal(st[0].state, MODULE_NOT_STARTED);
	assert_int_equal(st[0].best_score, -1);
	assert_int_equal(st[0].attempts_left, 2);
	assert_int_equal(st[1].attempts_left, -1);
	assert_int_equal(session_open_module(f->s, &course, &mods[1], &page,
					     &e), -1);
	assert_int_equal(e.code, ERR_DENIED);

	read_all(f, &mods[0]);
	take_quiz(f, true, &oc);
	assert_true(oc.result.passed);
	assert_true(oc.module_completed);
	assert_false(oc.course_completed);
	assert_int_equal(session_course_status(f->s, &course, st, &e), 0);
	assert_int_equal(st[0].state, MODULE_COMPLETE);
	assert_false(st[1].locked);
	assert_int_equal(session_open_module(f->s, &course, &mods[1], &page,
					     &e), 0);
}

static void reopening_resumes_at_last_page(void **state)
{
	struct fx *f = *state;
	struct module_status st[2];
	struct err e = { 0 };
	int page = -1;

	reg(f);
	assert_int_equal(session_open_module(f->s, &course, &mods[0], &page,
					     &e), 0);
	assert_int_equal(page, 0);
	assert_int_equal(session_page_shown(f->s, 0, &e), 0);
	assert_int_equal(session_page_shown(f->s, 1, &e), 0);
	assert_int_equal(session_page_shown(f->s, 3, &e), -1);
	session_signout(f->s);
	assert_int_equal(session_signin(f->s, "Ana Popescu", "246813", NULL, &e),
			 0);
	assert_int_equal(session_open_module(f->s, &course, &mods[0], &page,
					     &e), 0);
	assert_int_equal(page, 1);
	assert_int_equal(session_course_status(f->s, &course, st, &e), 0);
	assert_int_equal(st[0].pages_seen, 2);
	assert_int_equal(st[0].npages, 3);
	assert_int_equal(st[0].state, MODULE_IN_PROGRESS);
}

static void quiz_waits_for_reading(void **state)
{
	struct fx *f = *state;
	struct err e = { 0 };
	enum quiz_begin how;
	bool completed = true;
	int page;

	reg(f);
	assert_int_equal(session_open_module(f->s, &course, &mods[0], &page,
					     &e), 0);
	assert_int_equal(session_page_shown(f->s, 0, &e), 0);
	assert_int_equal(session_quiz_begin(f->s, &how, &e), 0);
	assert_int_equal(how, QUIZ_NOT_READ);
	assert_int_equal(session_check_complete(f->s, &completed, &e), 0);
	assert_false(completed);
}

static void attempts_capped_and_best_counts(void **state)
{
	struct fx *f = *state;
	struct module_status st[2];
	struct quiz_outcome oc;
	struct err e = { 0 };
	enum quiz_begin how;

	reg(f);
	read_all(f, &mods[0]);
	take_quiz(f, true, &oc);
	assert_int_equal(oc.result.percent, 100);
	assert_int_equal(oc.pass, 75);
	assert_int_equal(oc.nreview, 3);
	take_quiz(f, false, &oc);
	assert_false(oc.result.passed);
	assert_int_equal(oc.result.percent, 0);
	assert_int_equal(oc.result.ncritical_missed, 1);
	assert_false(oc.module_completed);   /* already complete */
	assert_int_equal(session_quiz_begin(f->s, &how, &e), 0);
	assert_int_equal(how, QUIZ_NO_ATTEMPTS_LEFT);
	assert_int_equal(session_course_status(f->s, &course, st, &e), 0);
	assert_int_equal(st[0].attempts, 2);
	assert_int_equal(st[0].attempts_left, 0);
	assert_int_equal(st[0].best_score, 100);
	assert_true(st[0].passed);
	assert_int_equal(st[0].state, MODULE_COMPLETE);
}

static void failing_does_not_complete(void **state)
{
	struct fx *f = *state;
	struct module_status st[2];
	struct quiz_outcome oc;
	struct err e = { 0 };
	bool completed = true;

	reg(f);
	read_all(f, &mods[0]);
	take_quiz(f, false, &oc);
	assert_false(oc.result.passed);
	assert_false(oc.module_completed);
	assert_int_equal(session_check_complete(f->s, &completed, &e), 0);
	assert_false(completed);
	assert_int_equal(session_course_status(f->s, &course, st, &e), 0);
	assert_int_equal(st[0].state == MODULE_COMPLETE, 0);
	assert_int_equal(st[0].best_score, 0);
	assert_int_equal(st[0].attempts_left, 1);
	assert_true(st[1].locked);
}

static void crash_resumes_same_attempt(void **state)
{
	struct fx *f = *state;
	struct err e = { 0 };
	enum quiz_begin how;
	const struct question *q, *order1[4];
	struct quiz_position pos;
	struct quiz_feedback fb;
	struct quiz_answer a;
	size_t perm1[4][3], n1, perm[3];
	struct store *st2;
	struct session *s2;

	reg(f);
	read_all(f, &mods[0]);
	assert_int_equal(session_quiz_begin(f->s, &how, &e), 0);
	assert_int_equal(how, QUIZ_STARTED);
	/* Remember the attempt's questions and their layouts. */
	n1 = 0;
	q = session_quiz_current(f->s, &pos);
	assert_non_null(q);
	assert_int_equal(pos.index, 0);
	assert_int_equal(pos.total, 3);
	assert_int_equal(pos.attempt, 1);
	assert_int_equal(pos.attempts_allowed, 2);
	order1[n1] = q;
	session_quiz_layout(f->s, q, perm1[n1], 3);
	n1++;
	a = right_answer(q);
	assert_int_equal(session_quiz_answer(f->s, &a, &fb, &e), 0);
	q = session_quiz_current(f->s, &pos);
	assert_int_equal(pos.index, 1);
	order1[n1] = q;
	session_quiz_layout(f->s, q, perm1[n1], 3);
	n1++;

	/* "Crash": a second process opens the same database, without the
	 * first one closing anything. */
	st2 = store_open(f->path, 0, &e);
	assert_non_null(st2);
	s2 = session_new(st2, &cat);
	assert_int_equal(session_signin(s2, "Ana Popescu", "246813", NULL, &e), 0);
	assert_int_equal(session_open_module(s2, &course, &mods[0], NULL, &e),
			 0);
	assert_int_equal(session_quiz_begin(s2, &how, &e), 0);
	assert_int_equal(how, QUIZ_RESUMED);
	q = session_quiz_current(s2, &pos);
	assert_int_equal(pos.index, 1);
	assert_int_equal(pos.total, 3);
	assert_int_equal(pos.attempt, 1);
	assert_ptr_equal(q, order1[1]);
	session_quiz_layout(s2, q, perm, 3);
	assert_memory_equal(perm, perm1[1], sizeof(perm));
	/* finish in the second session: same three questions */
	while ((q = session_quiz_current(s2, &pos))) {
		a = right_answer(q);
		assert_int_equal(session_quiz_answer(s2, &a, &fb, &e), 0);
	}
	{
		struct quiz_outcome oc;

		assert_int_equal(session_quiz_finish(s2, &oc, &e), 0);
		assert_int_equal(oc.nreview, 3);
		assert_ptr_equal(oc.review[0].q, order1[0]);
		assert_ptr_equal(oc.review[1].q, order1[1]);
		assert_true(oc.result.passed);
	}
	session_free(s2);
	store_close(st2);
}

static void course_completion(void **state)
{
	struct fx *f = *state;
	struct quiz_outcome oc;
	struct err e = { 0 };
	bool completed = false;
	enum quiz_begin how;

	reg(f);
	assert_false(session_course_complete(f->s, &course));
	read_all(f, &mods[0]);
	take_quiz(f, true, &oc);
	assert_true(oc.module_completed);
	assert_false(oc.course_completed);
	read_all(f, &mods[1]);
	assert_int_equal(session_quiz_begin(f->s, &how, &e), 0);
	assert_int_equal(how, QUIZ_NO_QUIZ);
	assert_int_equal(session_check_complete(f->s, &completed, &e), 0);
	assert_true(completed);
	assert_int_equal(session_check_complete(f->s, &completed, &e), 0);
	assert_false(completed);   /* only the first call completes it */
	assert_true(session_course_complete(f->s, &course));
}

static void pending_answer_survives_store_failure(void **state)
{
	struct fx *f = *state;
	struct err e = { 0 };
	enum quiz_begin how;
	const struct question *q, *q2;
	struct quiz_position pos;
	struct quiz_feedback fb;
	struct quiz_answer a;
	struct quiz_outcome oc;
	struct store *other;

	reg(f);
	read_all(f, &mods[0]);
	assert_int_equal(session_quiz_begin(f->s, &how, &e), 0);
	q = session_quiz_current(f->s, &pos);
	a = right_answer(q);
	/* Another process holds the database locked for longer than the
	 * busy timeout: the answer cannot be committed. */
	other = store_open(f->path, 0, &e);
	assert_non_null(other);
	assert_int_equal(store_test_exec(other, "BEGIN EXCLUSIVE", &e), 0);
	store_test_busy_timeout(f->st, 50);
	assert_int_equal(session_quiz_answer(f->s, &a, &fb, &e), -1);
	assert_int_equal(e.code, ERR_BUSY);
	assert_true(fb.mark.correct);       /* marked, just not saved */
	assert_true(session_pending_save(f->s));
	q2 = session_quiz_current(f->s, &pos);
	assert_ptr_equal(q2, q);            /* did not move on */
	assert_int_equal(pos.index, 0);
	assert_int_equal(session_retry_save(f->s, &e), -1);
	assert_true(session_pending_save(f->s));
	assert_int_equal(session_quiz_finish(f->s, &oc, &e), -1);
	/* the lock goes away: the retry commits, and the session moves on */
	assert_int_equal(store_test_exec(other, "COMMIT", &e), 0);
	store_close(other);
	assert_int_equal(session_retry_save(f->s, &e), 0);
	assert_false(session_pending_save(f->s));
	session_quiz_current(f->s, &pos);
	assert_int_equal(pos.index, 1);
	/* ... and the answer really is in the database: a new session
	 * resumes after it */
	{
		struct session *s2 = session_new(f->st, &cat);

		assert_int_equal(session_signin(s2, "Ana Popescu", "246813", NULL,
						&e), 0);
		assert_int_equal(session_open_module(s2, &course, &mods[0],
						     NULL, &e), 0);
		assert_int_equal(session_quiz_begin(s2, &how, &e), 0);
		assert_int_equal(how, QUIZ_RESUMED);
		session_quiz_current(s2, &pos);
		assert_int_equal(pos.index, 1);
		session_free(s2);
	}
}

/* An attempt that can no longer pass says so, and may be stopped: it
 * counts as finished and failed, the questions not answered count as not
 * answered with 0 points, and no answer row is made up for them. */
static void hopeless_attempt_can_stop(void **state)
{
	struct fx *f = *state;
	struct err e = { 0 };
	enum quiz_begin how;
	const struct question *q;
	struct quiz_position pos;
	struct quiz_feedback fb;
	struct quiz_answer a;
	struct quiz_outcome oc;
	struct module_status st[2];
	size_t answered = 0;

	quiz1.shuffle = false;   /* q1, the critical one, comes first */
	reg(f);
	read_all(f, &mods[0]);
	assert_int_equal(session_quiz_begin(f->s, &how, &e), 0);
	assert_int_equal(session_quiz_ncritical(f->s), 1);
	assert_int_equal(session_quiz_chance(f->s), QUIZ_CAN_PASS);
	/* stopping an attempt that can still pass is refused */
	assert_int_equal(session_quiz_stop(f->s, &oc, &e), -1);
	assert_int_equal(e.code, ERR_INVALID);
	err_clear(&e);
	/* answer right until the critical question comes, then wrong */
	while ((q = session_quiz_current(f->s, &pos))) {
		a = q->critical ? wrong_answer(q) : right_answer(q);
		assert_int_equal(session_quiz_answer(f->s, &a, &fb, &e), 0);
		answered++;
		if (q->critical)
			break;
		assert_true(session_quiz_can_pass(f->s));
	}
	assert_int_equal(session_quiz_chance(f->s), QUIZ_CRITICAL_MISSED);
	assert_false(session_quiz_can_pass(f->s));
	/* the module list sees the attempt in progress, and how far */
	assert_int_equal(session_course_status(f->s, &course, st, &e), 0);
	assert_true(st[0].attempt_open);
	assert_int_equal(st[0].answered, (int)answered);
	assert_int_equal(st[0].total, 3);
	assert_int_equal(st[0].attempts, 0);
	assert_int_equal(answered, 1);
	if (answered < 3) {
		assert_int_equal(session_quiz_stop(f->s, &oc, &e), 0);
		assert_int_equal(oc.nreview, 3);
		assert_false(oc.result.passed);
		assert_int_equal(oc.result.ncritical_missed, 1);
		for (size_t i = 0; i < 3; i++)
			assert_int_equal(oc.review[i].answered, i < answered);
		/* the questions not reached count for nothing */
		assert_true(oc.result.max == 4 || oc.result.max == 3 ||
			    oc.result.max == 5);
		assert_true(oc.result.score <= oc.result.max);
		{
			struct attempt *v = NULL;
			size_t n = 0;

			assert_int_equal(store_attempt_list(f->st,
				session_learner(f->s)->id, course.id, mods[0].id,
				&v, &n, &e), 0);
			assert_int_equal(n, 1);
			assert_true(v[0].finished);
			assert_false(v[0].passed);
			assert_int_equal(v[0].nanswers, answered);
			assert_int_equal(v[0].percent, oc.result.percent);
			attempt_list_free(v, n);
		}
	} else {
		assert_int_equal(session_quiz_finish(f->s, &oc, &e), 0);
	}
	assert_int_equal(session_course_status(f->s, &course, st, &e), 0);
	assert_false(st[0].attempt_open);
	assert_int_equal(st[0].attempts, 1);
	assert_int_equal(st[0].attempts_left, 1);
	assert_false(st[0].passed);
	/* the next begin is a fresh attempt, number 2 */
	assert_int_equal(session_quiz_begin(f->s, &how, &e), 0);
	assert_int_equal(how, QUIZ_STARTED);
	session_quiz_current(f->s, &pos);
	assert_int_equal(pos.attempt, 2);
	assert_int_equal(pos.index, 0);
}

/* Points too: with a pass mark of 100, one wrong answer ends the hope. */
static void too_few_points_left(void **state)
{
	struct fx *f = *state;
	struct err e = { 0 };
	enum quiz_begin how;
	const struct question *q;
	struct quiz_position pos;
	struct quiz_feedback fb;
	struct quiz_answer a;
	struct quiz_outcome oc;

	quiz1.pass = 100;
	reg(f);
	read_all(f, &mods[0]);
	assert_int_equal(session_quiz_begin(f->s, &how, &e), 0);
	while ((q = session_quiz_current(f->s, &pos)) && q->critical) {
		a = right_answer(q);
		assert_int_equal(session_quiz_answer(f->s, &a, &fb, &e), 0);
	}
	assert_non_null(q);
	a = wrong_answer(q);
	assert_int_equal(session_quiz_answer(f->s, &a, &fb, &e), 0);
	assert_int_equal(session_quiz_chance(f->s), QUIZ_TOO_FEW_POINTS);
	if (session_quiz_current(f->s, &pos)) {
		assert_int_equal(session_quiz_stop(f->s, &oc, &e), 0);
		assert_false(oc.result.passed);
		assert_true(oc.result.percent < 100);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(register_checks_fields_and_signs_in,
						fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(locked_until_required_module_complete,
						fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(reopening_resumes_at_last_page,
						fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(quiz_waits_for_reading,
						fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(attempts_capped_and_best_counts,
						fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(failing_does_not_complete,
						fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(crash_resumes_same_attempt,
						fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(course_completion,
						fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(hopeless_attempt_can_stop,
						fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(too_few_points_left,
						fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(pending_answer_survives_store_failure,
						fx_setup, fx_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
