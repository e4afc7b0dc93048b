/* Unit tests for store_learner.c: trainees, sign-in, back-off, erasure. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <time.h>
#include <cmocka.h>

#include "store_fixture.h"

static void create_checks_and_normalises(void **state)
{
	struct fx *f = *state;
	struct err e = { 0, "" };
	struct learner l, g;

	assert_int_equal(store_learner_create(f->s, "", "police", NULL, NULL,
					      "1234", &l, &e), -1);
	assert_int_equal(e.code, ERR_INVALID);
	assert_int_equal(store_learner_create(f->s, "A\tB\x01", "police", NULL,
					      NULL, "1234", &l, &e), -1);
	assert_int_equal(store_learner_create(f->s, "Ana", "chef", NULL, NULL,
					      "1234", &l, &e), -1);
	assert_int_equal(store_learner_create(f->s, "Ana", "police", NULL,
					      NULL, "123", &l, &e), -1);
	assert_int_equal(store_learner_create(f->s, "Ana", "police", NULL,
					      NULL, "12a4", &l, &e), -1);
	assert_int_equal(store_learner_create(f->s, "Ana", "police", NULL,
					      NULL, "12a4", &l, &e), -1);
	assert_int_equal(store_learner_create(f->s, "Ana", "police", "bad\x7f",
					      NULL, "1234", &l, &e), -1);
	/* "s" + combining comma below, spaces around and between. */
	assert_int_equal(store_learner_create(f->s, "  S\xcc\xa6tefan   Pop ",
					      "social-worker", "DGASPC", "",
					      "0042", &l, &e), 0);
	assert_string_equal(l.name, "\xc8\x98tefan Pop"); /* NFC: U+0218 */
	assert_string_equal(l.role, "social-worker");
	assert_string_equal(l.org, "DGASPC");
	assert_null(l.country);
	assert_false(l.erased);
	assert_int_equal(strlen(l.created), 20);
	assert_int_equal(l.created[19], 'Z');
	assert_int_equal(store_learner_get(f->s, l.id, &g, &e), 0);
	assert_string_equal(g.name, l.name);
	assert_string_equal(g.last_seen, l.created);
	learner_release(&g);
	assert_int_equal(store_learner_get(f->s, "nope", &g, &e), -1);
	assert_int_equal(e.code, ERR_NOTFOUND);
	learner_release(&l);
}

static void signin_folds_case_and_normalisation(void **state)
{
	struct fx *f = *state;
	struct err e = { 0, "" };
	char id[STORE_ID_LEN + 1];
	struct learner l;
	int w = -1;

	fx_learner(f->s, "\xc8\x98tefan Pop", "1234", id);
	/* decomposed, other case, extra spaces */
	assert_int_equal(store_learner_signin(f->s, " s\xcc\xa6TEFAN  pop",
					      "1234", &l, &w, &e), 0);
	assert_string_equal(l.id, id);
	assert_int_equal(w, 0);
	learner_release(&l);
}

static void wrong_pin_and_unknown_name_look_alike(void **state)
{
	struct fx *f = *state;
	struct err e1 = { 0, "" }, e2 = { 0, "" };
	char id[STORE_ID_LEN + 1];
	struct learner l;
	int w;

	fx_learner(f->s, "Ana Pop", "1234", id);
	assert_int_equal(store_learner_signin(f->s, "Ana Pop", "9999", &l, &w,
					      &e1), -1);
	assert_int_equal(store_learner_signin(f->s, "Nobody Here", "1234", &l,
					      &w, &e2), -1);
	assert_int_equal(e1.code, ERR_DENIED);
	assert_int_equal(e2.code, ERR_DENIED);
	assert_string_equal(e1.msg, e2.msg);
	assert_int_equal(store_learner_signin(f->s, NULL, NULL, &l, &w, &e2),
			 -1);
	assert_int_equal(e2.code, ERR_DENIED);
}

static void shared_name_tries_each_trainee(void **state)
{
	struct fx *f = *state;
	struct err e = { 0, "" };
	char a[STORE_ID_LEN + 1], b[STORE_ID_LEN + 1];
	struct learner l;
	int w;

	fx_learner(f->s, "Ana Pop", "1111", a);
	fx_learner(f->s, "ana pop", "2222", b);
	assert_int_equal(store_learner_signin(f->s, "Ana Pop", "2222", &l, &w,
					      &e), 0);
	assert_string_equal(l.id, b);
	learner_release(&l);
	assert_int_equal(store_learner_signin(f->s, "ANA POP", "1111", &l, &w,
					      &e), 0);
	assert_string_equal(l.id, a);
	learner_release(&l);
}

static void back_off_grows_persists_and_clears(void **state)
{
	struct fx *f = *state;
	struct err e = { 0, "" };
	char id[STORE_ID_LEN + 1];
	static const int want[] = { 0, 0, 1, 2, 4, 8, 16, 32, 64, 128, 256,
				    300, 300 };
	struct learner l;
	long clock = 0;
	int w;
	/* The clock stands still but for the offsets below: a slow run (under
	 * valgrind) must not see a wait run out by itself. */
	const time_t t0 = time(NULL);

	fx_learner(f->s, "Ana Pop", "1234", id);
	store_test_freeze_clock(f->s, t0);
	for (int i = 0; i < 13; i++) {
		assert_int_equal(store_learner_signin(f->s, "Ana Pop", "0000",
						      &l, &w, &e), -1);
		assert_int_equal(e.code, ERR_DENIED);
		assert_int_equal(w, want[i]);
		if (i == 3) {
			/* Waiting now: even the right PIN is not checked... */
			assert_int_equal(store_learner_signin(f->s, "Ana Pop",
							      "1234", &l, &w,
							      &e), -1);
			assert_int_equal(e.code, ERR_WAIT);
			assert_int_equal(w, 2);
			/* ...and a restart does not help. */
			store_close(f->s);
			f->s = fx_open(f->path, 0);
			store_test_freeze_clock(f->s, t0);
			store_test_clock(f->s, clock);
			assert_int_equal(store_learner_signin(f->s, "ana pop",
							      "1234", &l, &w,
							      &e), -1);
			assert_int_equal(e.code, ERR_WAIT);
		}
		clock += want[i];
		store_test_clock(f->s, clock);
	}
	assert_int_equal(store_learner_signin(f->s, "Ana Pop", "1234", &l, &w,
					      &e), 0);
	learner_release(&l);
	/* Success clears the count. */
	assert_int_equal(store_learner_signin(f->s, "Ana Pop", "0000", &l, &w,
					      &e), -1);
	assert_int_equal(w, 0);
	/* Unknown names back off the same way. */
	for (int i = 0; i < 3; i++)
		store_learner_signin(f->s, "Ghost", "0000", &l, &w, &e);
	assert_int_equal(w, 1);
	assert_int_equal(store_learner_signin(f->s, "ghost", "0000", &l, &w,
					      &e), -1);
	assert_int_equal(e.code, ERR_WAIT);
}

static void real_hashes_are_argon2id_interactive(void **state)
{
	struct fx *f = *state;
	struct err e = { 0, "" };
	char path[200];
	struct learner l;
	struct store *s;
	double t0, t_wrong, t_unknown;
	int w;

	snprintf(path, sizeof(path), "%s/real.db", f->dir);
	s = store_open(path, 0, &e); /* no fast-hash hook */
	assert_non_null(s);
	assert_int_equal(store_learner_create(s, "Ana Pop", "police", NULL,
					      NULL, "1234", &l, &e), 0);
	learner_release(&l);
	t0 = fx_ms();
	assert_int_equal(store_learner_signin(s, "Ana Pop", "9999", &l, &w, &e),
			 -1);
	t_wrong = fx_ms() - t0;
	t0 = fx_ms();
	assert_int_equal(store_learner_signin(s, "Nobody", "9999", &l, &w, &e),
			 -1);
	t_unknown = fx_ms() - t0;
	/* An unknown name costs a hash too: timing does not tell. */
	assert_true(t_unknown * 3 > t_wrong);
	store_close(s);
	assert_true(fx_count(path, "$argon2id$v=19$m=65536,t=2,p=1$") == 1);
	assert_int_equal(fx_count(path, "1234"), 0);
}

static void list_sorts_and_filters(void **state)
{
	struct fx *f = *state;
	struct err e = { 0, "" };
	char a[STORE_ID_LEN + 1], b[STORE_ID_LEN + 1], c[STORE_ID_LEN + 1];
	struct learner *v;
	size_t n;

	fx_learner(f->s, "Zoe Ionescu", "1234", a);
	fx_learner(f->s, "bogdan Pop", "1234", b);
	fx_learner(f->s, "Ana Popa", "1234", c);
	assert_int_equal(store_learner_erase(f->s, a, &e), 0);
	assert_int_equal(store_learner_list(f->s, NULL, &v, &n, &e), 0);
	assert_int_equal(n, 3);
	assert_string_equal(v[0].name, "Ana Popa");
	assert_string_equal(v[1].name, "bogdan Pop");
	assert_null(v[2].name); /* erased ones last, flagged */
	assert_true(v[2].erased);
	learner_list_free(v, n);
	assert_int_equal(store_learner_list(f->s, "POP", &v, &n, &e), 0);
	assert_int_equal(n, 2);
	learner_list_free(v, n);
	assert_int_equal(store_learner_list(f->s, "popa", &v, &n, &e), 0);
	assert_int_equal(n, 1);
	assert_string_equal(v[0].id, c);
	learner_list_free(v, n);
	assert_int_equal(store_learner_list(f->s, "xyz", &v, &n, &e), 0);
	assert_int_equal(n, 0);
	learner_list_free(v, n);
}

static int count_rows(const struct report_row *r, void *arg)
{
	assert_null(r->name);
	assert_null(r->org);
	(*(int *)arg)++;
	return 0;
}

static int make_code(struct cert_record *rec, void *arg, struct err *e)
{
	(void)arg;
	(void)e;
	rec->code = strdup("ABCDEFGHJKMNPQRS");
	return 0;
}

static void erase_removes_personal_data_from_the_file(void **state)
{
	struct fx *f = *state;
	static const char *const q[] = { "q1" };
	struct err e = { 0, "" };
	char id[STORE_ID_LEN + 1], other[STORE_ID_LEN + 1];
	struct cert_record cert;
	struct progress p;
	struct learner l;
	struct attempt a;
	int rows = 0, w;

	fx_learner(f->s, "Other Person", "1234", other);
	assert_int_equal(store_learner_create(f->s, "Qwxzy Vrtkl", "border",
					      "Uniqorgname", "Ruritania",
					      "1234", &l, &e), 0);
	memcpy(id, l.id, sizeof(id));
	learner_release(&l);
	assert_int_equal(store_attempt_start(f->s, id, "c", "m", "quiz", q, 1,
					     7, &a, &e), 0);
	assert_int_equal(store_answer_record(f->s, a.id, "q1",
					     "Secretanswertext", false, 0, &e),
			 0);
	assert_int_equal(store_attempt_finish(f->s, a.id, 0, 40, false, &e), 0);
	attempt_release(&a);
	memset(&cert, 0, sizeof(cert));
	memcpy(cert.learner_id, id, sizeof(cert.learner_id));
	cert.course_id = strdup("c");
	assert_int_equal(store_cert_issue(f->s, &cert, make_code, NULL, &e), 0);
	cert_record_release(&cert);
	store_learner_signin(f->s, "Qwxzy Vrtkl", "0000", &l, &w, &e);
	store_close(f->s);
	/* Present before: the check below can fail. */
	assert_true(fx_count(f->path, "Qwxzy") > 0);
	assert_true(fx_count(f->path, "Uniqorgname") > 0);
	assert_true(fx_count(f->path, "Secretanswertext") > 0);
	f->s = fx_open(f->path, 0);
	assert_int_equal(store_learner_erase(f->s, id, &e), 0);
	assert_int_equal(fx_count(f->path, "Qwxzy"), 0);
	assert_int_equal(fx_count(f->path, "qwxzy"), 0);
	assert_int_equal(fx_count(f->path, "Uniqorgname"), 0);
	assert_int_equal(fx_count(f->path, "Ruritania"), 0);
	assert_int_equal(fx_count(f->path, "Secretanswertext"), 0);
	assert_true(fx_count(f->path, "Other Person") > 0);
	/* What stays is anonymous. */
	assert_int_equal(store_learner_get(f->s, id, &l, &e), 0);
	assert_true(l.erased);
	assert_null(l.name);
	assert_null(l.org);
	assert_string_equal(l.role, "border");
	learner_release(&l);
	assert_int_equal(store_progress_get(f->s, id, "c", "m", &p, &e), 0);
	assert_int_equal(p.attempts, 1);
	assert_int_equal(p.best_score, 40);
	progress_release(&p);
	assert_int_equal(store_report_each(f->s, NULL, count_rows, &rows, &e),
			 -1 + 1);
	assert_int_equal(rows, 1);
	assert_int_equal(store_cert_find(f->s, id, "c", 0, &cert, &e), 1);
	assert_null(cert.learner_name);
	cert_record_release(&cert);
	/* The trainee can neither sign in nor record more. */
	assert_int_equal(store_learner_signin(f->s, "Qwxzy Vrtkl", "1234", &l,
					      &w, &e), -1);
	assert_int_equal(e.code, ERR_DENIED);
	assert_int_equal(store_page_read(f->s, id, "c", "m", 1, "h", 0, 3, &e),
			 -1);
	assert_int_equal(e.code, ERR_NOTFOUND);
	assert_int_equal(store_learner_erase(f->s, "nope", &e), -1);
	assert_int_equal(e.code, ERR_NOTFOUND);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, fx_setup, fx_teardown)
	const struct CMUnitTest tests[] = {
		T(create_checks_and_normalises),
		T(signin_folds_case_and_normalisation),
		T(wrong_pin_and_unknown_name_look_alike),
		T(shared_name_tries_each_trainee),
		T(back_off_grows_persists_and_clears),
		T(real_hashes_are_argon2id_interactive),
		T(list_sorts_and_filters),
		T(erase_removes_personal_data_from_the_file),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
