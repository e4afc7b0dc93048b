/* Unit tests for issuing.c: who earned a certificate, issuing, reprinting,
 * expiry dates, tampered records, and the audit entries. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "diag.h"
#include "issuing.h"
#include "store_fixture.h"

static struct course *load_fixture(void)
{
	const char *root = getenv("CK_ROOT");
	char dir[2048];
	struct diags d;
	struct course *c;

	snprintf(dir, sizeof(dir), "%.1900s/tests/fixtures/coord/short-course",
		 root ? root : ".");
	diags_init(&d);
	c = course_load(dir, &d);
	if (!c)
		diags_print(&d, stderr);
	diags_release(&d);
	assert_non_null(c);
	return c;
}

static void complete(struct store *s, const char *id, const char *module,
		     int percent)
{
	static const char *const qids[] = { "q1", "q2" };
	struct err e = { 0, "" };
	struct attempt a;

	assert_int_equal(store_page_read(s, id, "short-course", module, 1, "",
					 0, 1, &e), 0);
	if (percent >= 0) {
		assert_int_equal(store_attempt_start(s, id, "short-course", module,
						     "check", qids, 2, 1, &a, &e), 0);
		assert_int_equal(store_attempt_finish(s, a.id, 2, percent, true, &e), 0);
		attempt_release(&a);
	}
	assert_int_equal(store_module_complete(s, id, "short-course", module, 1,
					       "", &e), 0);
}

static void get_learner(struct store *s, const char *id, struct learner *l)
{
	struct err e = { 0, "" };

	assert_int_equal(store_learner_get(s, id, l, &e), 0);
}

static size_t count_audit(struct store *s, const char *action)
{
	struct audit_entry *v;
	struct err e = { 0, "" };
	size_t n, k = 0;

	assert_int_equal(store_audit_list(s, &v, &n, &e), 0);
	for (size_t i = 0; i < n; i++)
		k += !strcmp(v[i].action, action);
	audit_list_free(v, n);
	return k;
}

static void marks_say_what_is_missing(void **state)
{
	struct fx *f = *state;
	struct course *c = load_fixture();
	struct course_marks m;
	struct err e = { 0, "" };
	char id[STORE_ID_LEN + 1], *missing;

	fx_learner(f->s, "Ana Pop", "123456", id);
	assert_int_equal(marks_load(&m, f->s, c, id, &e), 0);
	assert_false(marks_complete(&m));
	missing = marks_missing(&m, c, "; ");
	assert_string_equal(missing, "The basics (basics): not started; "
				     "Where to refer (referral): not started");
	free(missing);
	marks_release(&m);

	assert_int_equal(store_page_read(f->s, id, "short-course", "basics", 1,
					 "", 0, 2, &e), 0);
	complete(f->s, id, "referral", -1);
	assert_int_equal(marks_load(&m, f->s, c, id, &e), 0);
	assert_int_equal(m.ndone, 1);
	missing = marks_missing(&m, c, "|");
	assert_string_equal(missing, "The basics (basics): in progress");
	free(missing);
	marks_release(&m);
	course_free(c);
}

static void issues_once_then_reprints(void **state)
{
	struct fx *f = *state;
	struct course *c = load_fixture();
	unsigned char key[CERT_KEY_BYTES];
	struct course_marks m;
	struct cert_record rec, again;
	struct cert_fields fields;
	struct learner l;
	struct err e = { 0, "" };
	char id[STORE_ID_LEN + 1], today[ISODATE_SIZE], want[ISODATE_SIZE];
	bool reprint = true;

	unsetenv("COURSEKIOSK_NOW");
	fx_learner(f->s, "Ștefania Țăranu", "123456", id);
	complete(f->s, id, "basics", 100);
	complete(f->s, id, "referral", -1);
	assert_int_equal(marks_load(&m, f->s, c, id, &e), 0);
	assert_true(marks_complete(&m));
	assert_int_equal(m.lines[0].score, 100);   /* quiz */
	assert_int_equal(m.lines[1].score, -1);    /* no quiz */
	assert_int_equal(strlen(m.lines[1].completed), 10);
	assert_int_equal(store_secret_key(f->s, key, &e), 0);
	get_learner(f->s, id, &l);

	struct issuing x = { key, c, &m, NULL };
	assert_int_equal(issuing_get(f->s, &x, &l, &rec, &reprint, &e), 0);
	assert_false(reprint);
	assert_int_equal(rec.serial, 1);
	assert_int_equal(isodate_today(today, NULL), 0);
	assert_string_equal(rec.issued, today);
	assert_int_equal(isodate_add(today, 1, 0, 0, want, NULL), 0);
	assert_string_equal(rec.expires, want);
	issuing_fields(&fields, &rec, &x);
	assert_int_equal(cert_code_check(key, &fields, rec.code), 1);
	assert_int_equal(count_audit(f->s, "certificate-issued"), 1);

	assert_int_equal(issuing_get(f->s, &x, &l, &again, &reprint, &e), 0);
	assert_true(reprint);
	assert_int_equal(again.serial, rec.serial);
	assert_string_equal(again.code, rec.code);
	assert_int_equal(count_audit(f->s, "certificate-reprinted"), 1);
	cert_record_release(&again);

	/* An altered record is not reprinted. */
	assert_int_equal(store_test_exec(f->s, "UPDATE certificate SET "
					 "expires = '2099-12-31'", &e), 0);
	assert_int_equal(issuing_get(f->s, &x, &l, &again, &reprint, &e), -1);
	assert_int_equal(e.code, ERR_CORRUPT);
	cert_record_release(&again);

	cert_record_release(&rec);
	learner_release(&l);
	marks_release(&m);
	course_free(c);
}

static void expiry_follows_valid_for_from_today(void **state)
{
	struct fx *f = *state;
	struct course *c = load_fixture();
	unsigned char key[CERT_KEY_BYTES];
	struct cert_record rec;
	struct learner l;
	struct err e = { 0, "" };
	char id[STORE_ID_LEN + 1];
	bool reprint;

	fx_learner(f->s, "Leap Day", "123456", id);
	get_learner(f->s, id, &l);
	assert_int_equal(store_secret_key(f->s, key, &e), 0);
	setenv("COURSEKIOSK_NOW", "2024-02-29", 1);
	struct issuing x = { key, c, NULL, NULL };
	assert_int_equal(issuing_get(f->s, &x, &l, &rec, &reprint, &e), 0);
	unsetenv("COURSEKIOSK_NOW");
	assert_string_equal(rec.issued, "2024-02-29");
	assert_string_equal(rec.expires, "2025-02-28");
	cert_record_release(&rec);

	/* No valid-for: no expiry. */
	free(c->valid_for);
	c->valid_for = NULL;
	c->version = 2;
	assert_int_equal(issuing_get(f->s, &x, &l, &rec, &reprint, &e), 0);
	assert_false(reprint);
	assert_null(rec.expires);
	cert_record_release(&rec);
	learner_release(&l);
	course_free(c);
}

static void writes_text_with_code(void **state)
{
	struct fx *f = *state;
	struct course *c = load_fixture();
	unsigned char key[CERT_KEY_BYTES];
	struct cert_record rec;
	struct learner l;
	struct err e = { 0, "" };
	char id[STORE_ID_LEN + 1], code[CERT_CODE_FMT_SIZE], *buf = NULL;
	size_t len = 0;
	bool reprint;
	FILE *out;

	fx_learner(f->s, "Nguyễn Thị Minh", "123456", id);
	get_learner(f->s, id, &l);
	assert_int_equal(store_secret_key(f->s, key, &e), 0);
	struct issuing x = { key, c, NULL, "NSPCC CTAC" };
	assert_int_equal(issuing_get(f->s, &x, &l, &rec, &reprint, &e), 0);
	out = open_memstream(&buf, &len);
	assert_int_equal(issuing_write(&x, &rec, ISSUE_TEXT, NULL, out, &e), 0);
	fclose(out);
	cert_code_format(rec.code, code, sizeof(code));
	assert_non_null(strstr(buf, "Nguyễn Thị Minh"));
	assert_non_null(strstr(buf, code));
	assert_non_null(strstr(buf, "Working across borders"));
	free(buf);
	cert_record_release(&rec);
	learner_release(&l);
	course_free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(marks_say_what_is_missing, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(issues_once_then_reprints, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(expiry_follows_valid_for_from_today, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(writes_text_with_code, fx_setup, fx_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
