/* Unit tests for store_progress.c, store_attempt.c and store_report.c. */
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "store_fixture.h"

static void unknown_progress_is_not_started(void **state)
{
	struct fx *f = *state;
	struct err e = { 0, "" };
	struct progress p;

	assert_int_equal(store_progress_get(f->s, "x", "c", "m", &p, &e), 0);
	assert_int_equal(p.state, MODULE_NOT_STARTED);
	assert_int_equal(p.best_score, -1);
	assert_int_equal(p.attempts, 0);
	assert_null(p.started_at);
	assert_null(p.completed_at);
	assert_string_equal(p.hash, "");
	progress_release(&p);
}

static void pages_read_move_the_bookmark(void **state)
{
	struct fx *f = *state;
	struct err e = { 0, "" };
	char id[STORE_ID_LEN + 1];
	struct progress p;

	fx_learner(f->s, "Ana Pop", "123456", id);
	for (int i = 0; i < 3; i++)
		assert_int_equal(store_page_read(f->s, id, "c", "m", 2, "h2", i,
						 5, &e), 0);
	assert_int_equal(store_progress_get(f->s, id, "c", "m", &p, &e), 0);
	assert_int_equal(p.state, MODULE_IN_PROGRESS);
	assert_int_equal(p.last_page, 2);
	assert_int_equal(p.pages_seen, 3);
	assert_non_null(p.started_at);
	assert_int_equal(p.version, 0); /* nothing completed yet */
	progress_release(&p);
	/* Jumping ahead moves the bookmark, not the pages read in order. */
	assert_int_equal(store_page_read(f->s, id, "c", "m", 2, "h2", 4, 5, &e),
			 0);
	assert_int_equal(store_progress_get(f->s, id, "c", "m", &p, &e), 0);
	assert_int_equal(p.last_page, 4);
	assert_int_equal(p.pages_seen, 3);
	progress_release(&p);
	assert_int_equal(store_page_read(f->s, id, "c", "m", 2, "h2", 3, 5, &e),
			 0);
	assert_int_equal(store_progress_get(f->s, id, "c", "m", &p, &e), 0);
	assert_int_equal(p.last_page, 3);
	assert_int_equal(p.pages_seen, 4);
	progress_release(&p);
	assert_int_equal(store_page_read(f->s, id, "c", "m", 2, "h2", 5, 5, &e),
			 -1);
	assert_int_equal(e.code, ERR_INVALID);
	assert_int_equal(store_page_read(f->s, "nobody", "c", "m", 2, "h2", 0,
					 5, &e), -1);
	assert_int_equal(e.code, ERR_NOTFOUND);
}

static void completion_keeps_version_and_first_date(void **state)
{
	struct fx *f = *state;
	struct err e = { 0, "" };
	char id[STORE_ID_LEN + 1], first[32];
	struct progress p;

	fx_learner(f->s, "Ana Pop", "123456", id);
	assert_int_equal(store_page_read(f->s, id, "c", "m", 2, "h2", 0, 4, &e),
			 0);
	assert_int_equal(store_module_complete(f->s, id, "c", "m", 2, "h2", &e),
			 0);
	assert_int_equal(store_progress_get(f->s, id, "c", "m", &p, &e), 0);
	assert_int_equal(p.state, MODULE_COMPLETE);
	assert_int_equal(p.version, 2);
	assert_string_equal(p.hash, "h2");
	assert_int_equal(p.pages_seen, 4);
	assert_non_null(p.completed_at);
	snprintf(first, sizeof(first), "%s", p.completed_at);
	progress_release(&p);
	store_test_clock(f->s, 3600);
	/* Reading again does not undo completion; same version keeps date. */
	assert_int_equal(store_page_read(f->s, id, "c", "m", 2, "h2", 1, 4, &e),
			 0);
	assert_int_equal(store_module_complete(f->s, id, "c", "m", 2, "h2", &e),
			 0);
	assert_int_equal(store_progress_get(f->s, id, "c", "m", &p, &e), 0);
	assert_int_equal(p.state, MODULE_COMPLETE);
	assert_string_equal(p.completed_at, first);
	progress_release(&p);
	/* A new version of the module is a new completion. */
	assert_int_equal(store_module_complete(f->s, id, "c", "m", 3, "h3", &e),
			 0);
	assert_int_equal(store_progress_get(f->s, id, "c", "m", &p, &e), 0);
	assert_int_equal(p.version, 3);
	assert_string_not_equal(p.completed_at, first);
	progress_release(&p);
}

static void attempts_resume_and_score(void **state)
{
	struct fx *f = *state;
	static const char *const q[] = { "q3", "q1", "q2" };
	struct err e = { 0, "" };
	char id[STORE_ID_LEN + 1];
	struct attempt a, cur, *v;
	struct progress p;
	size_t n;

	fx_learner(f->s, "Ana Pop", "123456", id);
	assert_int_equal(store_attempt_current(f->s, id, "c", "m", &cur, &e), 0);
	assert_int_equal(store_attempt_start(f->s, id, "c", "m", "quiz", q, 3,
					     ULONG_MAX - 5, &a, &e), 0);
	assert_int_equal(a.number, 1);
	assert_false(a.finished);
	assert_null(a.ended);
	assert_int_equal(store_answer_record(f->s, a.id, "q3", "B", true, 1.5,
					     &e), 0);
	assert_int_equal(store_answer_record(f->s, a.id, "q1", "A,C", false, 0,
					     &e), 0);
	/* Resuming (after a restart) shows the same questions and answers. */
	store_close(f->s);
	f->s = fx_open(f->path, 0);
	assert_int_equal(store_attempt_current(f->s, id, "c", "m", &cur, &e), 1);
	assert_string_equal(cur.id, a.id);
	assert_int_equal(cur.seed, ULONG_MAX - 5);
	assert_int_equal(cur.nqids, 3);
	assert_string_equal(cur.qids[0], "q3");
	assert_string_equal(cur.qids[2], "q2");
	assert_int_equal(cur.nanswers, 2);
	assert_string_equal(cur.answers[0].qid, "q3");
	assert_true(cur.answers[0].correct);
	assert_true(cur.answers[0].points == 1.5);
	assert_string_equal(cur.answers[1].answer, "A,C");
	assert_false(cur.answers[1].correct);
	assert_non_null(cur.answers[1].at);
	attempt_release(&cur);
	assert_int_equal(store_attempt_finish(f->s, a.id, 1.5, 75, true, &e), 0);
	assert_int_equal(store_attempt_current(f->s, id, "c", "m", &cur, &e), 0);
	/* Finished attempts take no more answers and finish once. */
	assert_int_equal(store_answer_record(f->s, a.id, "q2", "x", true, 1,
					     &e), -1);
	assert_int_equal(e.code, ERR_INVALID);
	assert_int_equal(store_attempt_finish(f->s, a.id, 1, 50, false, &e), -1);
	assert_int_equal(store_answer_record(f->s, "nope", "q2", "x", true, 1,
					     &e), -1);
	assert_int_equal(e.code, ERR_NOTFOUND);
	attempt_release(&a);
	/* A second, worse attempt keeps the best score. */
	assert_int_equal(store_attempt_start(f->s, id, "c", "m", "quiz", q, 2,
					     9, &a, &e), 0);
	assert_int_equal(a.number, 2);
	assert_int_equal(store_attempt_finish(f->s, a.id, 0.5, 25, false, &e), 0);
	attempt_release(&a);
	assert_int_equal(store_progress_get(f->s, id, "c", "m", &p, &e), 0);
	assert_int_equal(p.best_score, 75);
	assert_true(p.passed);
	assert_int_equal(p.attempts, 2);
	assert_int_equal(p.state, MODULE_IN_PROGRESS);
	progress_release(&p);
	assert_int_equal(store_attempt_list(f->s, id, "c", "m", &v, &n, &e), 0);
	assert_int_equal(n, 2);
	assert_int_equal(v[0].number, 1);
	assert_int_equal(v[0].percent, 75);
	assert_true(v[0].passed);
	assert_non_null(v[0].ended);
	assert_int_equal(v[0].nanswers, 2);
	assert_int_equal(v[1].number, 2);
	assert_int_equal(v[1].nqids, 2);
	attempt_list_free(v, n);
	assert_int_equal(store_attempt_start(f->s, "nobody", "c", "m", "quiz",
					     q, 1, 1, &a, &e), -1);
	assert_int_equal(e.code, ERR_NOTFOUND);
}

struct rows {
	int n, stop_at;
	char names[8][40], modules[8][16];
	int states[8], best[8];
};

static int collect(const struct report_row *r, void *arg)
{
	struct rows *rs = arg;

	if (rs->n < 8) {
		snprintf(rs->names[rs->n], 40, "%s", r->name ? r->name : "");
		snprintf(rs->modules[rs->n], 16, "%s", r->module_id);
		rs->states[rs->n] = r->state;
		rs->best[rs->n] = r->best_score;
		assert_non_null(r->first_seen);
		assert_non_null(r->role);
	}
	rs->n++;
	return rs->stop_at && rs->n >= rs->stop_at;
}

static void answer_quiz(struct store *s, const char *id, const char *module,
			int right, int percent)
{
	static const char *const q[] = { "q1", "q2" };
	struct err e = { 0, "" };
	struct attempt a;

	assert_int_equal(store_attempt_start(s, id, "c", module, "quiz", q, 2,
					     1, &a, &e), 0);
	assert_int_equal(store_answer_record(s, a.id, "q1", "a", right & 1,
					     right & 1, &e), 0);
	assert_int_equal(store_answer_record(s, a.id, "q2", "b", right & 2,
					     (right & 2) / 2, &e), 0);
	assert_int_equal(store_attempt_finish(s, a.id, 1, percent,
					      percent >= 50, &e), 0);
	attempt_release(&a);
}

static void reports_join_in_one_pass(void **state)
{
	struct fx *f = *state;
	struct err e = { 0, "" };
	char a[STORE_ID_LEN + 1], b[STORE_ID_LEN + 1];
	struct module_stats *ms;
	struct missed_question *mq;
	struct rows rs;
	size_t n;

	fx_learner(f->s, "Zoe", "123456", a);
	fx_learner(f->s, "Ana", "123456", b);
	answer_quiz(f->s, a, "m1", 1, 50);  /* q2 wrong */
	answer_quiz(f->s, b, "m1", 0, 0);   /* both wrong */
	answer_quiz(f->s, b, "m1", 3, 100); /* both right */
	assert_int_equal(store_module_complete(f->s, b, "c", "m1", 1, "h", &e),
			 0);
	assert_int_equal(store_page_read(f->s, b, "c", "m2", 1, "h", 0, 2, &e),
			 0);
	assert_int_equal(store_page_read(f->s, a, "other", "m1", 1, "h", 0, 2,
					 &e), 0);
	memset(&rs, 0, sizeof(rs));
	assert_int_equal(store_report_each(f->s, "c", collect, &rs, &e), 0);
	assert_int_equal(rs.n, 3);
	assert_string_equal(rs.names[0], "Ana");
	assert_string_equal(rs.modules[0], "m1");
	assert_int_equal(rs.states[0], MODULE_COMPLETE);
	assert_int_equal(rs.best[0], 100);
	assert_string_equal(rs.modules[1], "m2");
	assert_int_equal(rs.best[1], -1);
	assert_string_equal(rs.names[2], "Zoe");
	memset(&rs, 0, sizeof(rs));
	assert_int_equal(store_report_each(f->s, NULL, collect, &rs, &e), 0);
	assert_int_equal(rs.n, 4);
	memset(&rs, 0, sizeof(rs));
	rs.stop_at = 2;
	assert_int_equal(store_report_each(f->s, NULL, collect, &rs, &e), 0);
	assert_int_equal(rs.n, 2);

	assert_int_equal(store_module_stats(f->s, "c", &ms, &n, &e), 0);
	assert_int_equal(n, 2);
	assert_string_equal(ms[0].module_id, "m1");
	assert_string_equal(ms[0].course_id, "c");
	assert_int_equal(ms[0].started, 2);
	assert_int_equal(ms[0].completed, 1);
	assert_true(ms[0].avg_best_score == 75.0); /* (50 + 100) / 2 */
	assert_int_equal(ms[1].started, 1);
	assert_true(ms[1].avg_best_score < 0);     /* no finished attempt */
	module_stats_free(ms, n);

	assert_int_equal(store_most_missed(f->s, "c", 10, &mq, &n, &e), 0);
	assert_int_equal(n, 2);
	assert_string_equal(mq[0].qid, "q2"); /* wrong 2 of 3 */
	assert_int_equal(mq[0].wrong, 2);
	assert_int_equal(mq[0].answered, 3);
	assert_string_equal(mq[1].qid, "q1");
	assert_int_equal(mq[1].wrong, 1);
	missed_free(mq, n);
	assert_int_equal(store_most_missed(f->s, "c", 1, &mq, &n, &e), 0);
	assert_int_equal(n, 1);
	missed_free(mq, n);
	assert_int_equal(store_most_missed(f->s, "none", 5, &mq, &n, &e), 0);
	assert_int_equal(n, 0);
	missed_free(mq, n);
}

static int count(const struct report_row *r, void *arg)
{
	(void)r;
	(*(long *)arg)++;
	return 0;
}

static void report_of_60000_rows_is_quick(void **state)
{
	struct fx *f = *state;
	struct err e = { 0, "" };
	long rows = 0;
	double t0, ms;

	/* 10,000 trainees x 6 modules, made in SQL (hashing 10,000 PINs
	 * would take minutes). */
	assert_int_equal(store_test_exec(f->s,
		"BEGIN;"
		"WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i "
		"WHERE n < 10000) INSERT INTO learner (id, name, name_key, role, "
		"created, last_seen) SELECT 'id' || n, 'Name ' || n, "
		"'name ' || n, 'police', '2026-01-01T00:00:00Z', "
		"'2026-01-01T00:00:00Z' FROM i;"
		"WITH RECURSIVE m(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM m "
		"WHERE k < 6) INSERT INTO progress (id, learner_id, course_id, "
		"module_id, state, best_score, attempts, updated_at) "
		"SELECT l.id || '-' || k, l.id, 'c', 'm' || k, 2, 80, 1, "
		"'2026-01-01T00:00:00Z' FROM learner l, m;"
		"COMMIT", &e), 0);
	t0 = fx_ms();
	assert_int_equal(store_report_each(f->s, NULL, count, &rows, &e), 0);
	ms = fx_ms() - t0;
	assert_int_equal(rows, 60000);
	print_message("report of 60000 rows: %.0f ms\n", ms);
	if (!getenv("CK_VALGRIND") && !getenv("CK_SANITIZE"))
		assert_true(ms < 400);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, fx_setup, fx_teardown)
	const struct CMUnitTest tests[] = {
		T(unknown_progress_is_not_started),
		T(pages_read_move_the_bookmark),
		T(completion_keeps_version_and_first_date),
		T(attempts_resume_and_score),
		T(reports_join_in_one_pass),
		T(report_of_60000_rows_is_quick),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
