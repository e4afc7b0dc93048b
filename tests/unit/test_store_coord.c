/* Unit tests for store_coord.c, store_cert.c and store_audit.c. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <time.h>
#include <cmocka.h>

#include "store_fixture.h"

static void passphrase_checks_and_backs_off(void **state)
{
	struct fx *f = *state;
	struct err e = { 0, "" };
	bool has = true;
	int w;
	/* The clock stands still: under valgrind a 1 s wait could pass. */
	const time_t t0 = time(NULL);

	assert_int_equal(store_coord_has_passphrase(f->s, &has, &e), 0);
	assert_false(has);
	assert_int_equal(store_coord_check(f->s, "whatever123", &w, &e), -1);
	assert_int_equal(e.code, ERR_NOTFOUND);
	assert_int_equal(store_coord_set_passphrase(f->s, "short", &e), -1);
	assert_int_equal(e.code, ERR_INVALID);
	/* 10 characters, not bytes */
	assert_int_equal(store_coord_set_passphrase(f->s, "\xc8\x99\xc8\x99\xc8"
				"\x99\xc8\x99\xc8\x99", &e), -1);
	assert_int_equal(store_coord_set_passphrase(f->s, "correct horse", &e),
			 0);
	assert_int_equal(store_coord_has_passphrase(f->s, &has, &e), 0);
	assert_true(has);
	assert_int_equal(store_coord_check(f->s, "correct horse", &w, &e), 0);
	store_test_freeze_clock(f->s, t0);
	for (int i = 0; i < 3; i++) {
		assert_int_equal(store_coord_check(f->s, "wrong", &w, &e), -1);
		assert_int_equal(e.code, ERR_DENIED);
	}
	assert_int_equal(w, 1);
	store_close(f->s);
	f->s = fx_open(f->path, 0);
	store_test_freeze_clock(f->s, t0);
	assert_int_equal(store_coord_check(f->s, "correct horse", &w, &e), -1);
	assert_int_equal(e.code, ERR_WAIT);
	assert_int_equal(w, 1);
	store_test_clock(f->s, 2);
	assert_int_equal(store_coord_check(f->s, "correct horse", &w, &e), 0);
	assert_int_equal(store_coord_check(f->s, "wrong", &w, &e), -1);
	assert_int_equal(w, 0); /* success cleared the count */
	store_close(f->s);
	f->s = NULL;
	assert_int_equal(fx_count(f->path, "correct horse"), 0);
}

static void secret_key_is_made_once(void **state)
{
	struct fx *f = *state;
	struct err e = { 0, "" };
	unsigned char k1[32], k2[32], zero[32] = { 0 }, k3[32];
	char other[200];
	struct store *s;

	assert_int_equal(store_secret_key(f->s, k1, &e), 0);
	assert_memory_not_equal(k1, zero, 32);
	assert_int_equal(store_secret_key(f->s, k2, &e), 0);
	assert_memory_equal(k1, k2, 32);
	store_close(f->s);
	f->s = fx_open(f->path, STORE_READONLY);
	assert_int_equal(store_secret_key(f->s, k2, &e), 0);
	assert_memory_equal(k1, k2, 32);
	snprintf(other, sizeof(other), "%s/other.db", f->dir);
	s = fx_open(other, 0);
	assert_int_equal(store_secret_key(s, k3, &e), 0);
	assert_memory_not_equal(k1, k3, 32);
	store_close(s);
	s = fx_open(other, STORE_READONLY);
	store_close(s);
}

static int code_of_serial(struct cert_record *rec, void *arg, struct err *e)
{
	char buf[32];

	(void)e;
	if (arg)
		return err_set(e, ERR_GENERIC, "refused");
	snprintf(buf, sizeof(buf), "CODE%012lu", rec->serial);
	rec->code = strdup(buf);
	return 0;
}

static void issue(struct store *s, const char *learner, int version,
		  unsigned long want_serial)
{
	struct err e = { 0, "" };
	struct cert_record c;

	memset(&c, 0, sizeof(c));
	memcpy(c.learner_id, learner, STORE_ID_LEN + 1);
	c.course_id = strdup("course");
	c.course_version = version;
	c.expires = strdup("2029-01-01");
	assert_int_equal(store_cert_issue(s, &c, code_of_serial, NULL, &e), 0);
	assert_int_equal(c.serial, want_serial);
	assert_int_equal(strlen(c.code), 16);
	assert_int_equal(strlen(c.issued), 10);
	assert_int_equal(strlen(c.id), 36);
	cert_record_release(&c);
}

static void certificates_issue_find_and_revoke(void **state)
{
	struct fx *f = *state;
	struct err e = { 0, "" };
	char id[STORE_ID_LEN + 1];
	struct cert_record c, *v;
	size_t n;

	fx_learner(f->s, "Ana Pop", "123456", id);
	assert_int_equal(store_cert_find(f->s, id, "course", 1, &c, &e), 0);
	issue(f->s, id, 1, 1);
	issue(f->s, id, 1, 2);
	/* A failing code maker leaves nothing behind. */
	memset(&c, 0, sizeof(c));
	memcpy(c.learner_id, id, sizeof(c.learner_id));
	c.course_id = strdup("course");
	assert_int_equal(store_cert_issue(f->s, &c, code_of_serial, &c, &e), -1);
	assert_int_equal(c.serial, 0);
	cert_record_release(&c);
	assert_int_equal(store_cert_find(f->s, id, "course", 1, &c, &e), 1);
	assert_int_equal(c.serial, 2);
	assert_string_equal(c.learner_name, "Ana Pop");
	assert_string_equal(c.code, "CODE000000000002");
	assert_string_equal(c.expires, "2029-01-01");
	assert_false(c.revoked);
	cert_record_release(&c);
	assert_int_equal(store_cert_revoke(f->s, 2, &e), 0);
	assert_int_equal(store_cert_find(f->s, id, "course", 1, &c, &e), 1);
	assert_int_equal(c.serial, 1);
	cert_record_release(&c);
	assert_int_equal(store_cert_get(f->s, 2, &c, &e), 0);
	assert_true(c.revoked);
	assert_non_null(c.revoked_at);
	cert_record_release(&c);
	assert_int_equal(store_cert_get(f->s, 3, &c, &e), -1);
	assert_int_equal(e.code, ERR_NOTFOUND);
	assert_int_equal(store_cert_revoke(f->s, 99, &e), -1);
	assert_int_equal(e.code, ERR_NOTFOUND);
	issue(f->s, id, 2, 3); /* the failed issue used no serial */
	assert_int_equal(store_cert_list(f->s, "course", &v, &n, &e), 0);
	assert_int_equal(n, 3);
	assert_int_equal(v[0].serial, 1);
	assert_int_equal(v[2].course_version, 2);
	cert_list_free(v, n);
	assert_int_equal(store_cert_list(f->s, "other", &v, &n, &e), 0);
	assert_int_equal(n, 0);
	cert_list_free(v, n);
}

static void audit_chain_detects_tampering(void **state)
{
	struct fx *f = *state;
	struct err e = { 0, "" };
	struct audit_entry *v;
	size_t n;
	long bad;

	assert_int_equal(store_audit_verify(f->s, &bad, &e), 0);
	assert_int_equal(store_audit_append(f->s, "signin", "", &e), 0);
	assert_int_equal(store_audit_append(f->s, "certificate-issued",
					    "serial 1", &e), 0);
	assert_int_equal(store_audit_append(f->s, "backup-made", "/x.db", &e),
			 0);
	assert_int_equal(store_audit_list(f->s, &v, &n, &e), 0);
	assert_int_equal(n, 3);
	assert_int_equal(v[0].seq, 1);
	assert_string_equal(v[1].action, "certificate-issued");
	assert_string_equal(v[1].prev, v[0].hash);
	assert_string_equal(v[2].prev, v[1].hash);
	assert_int_equal(strlen(v[2].hash), 64);
	audit_list_free(v, n);
	assert_int_equal(store_audit_verify(f->s, &bad, &e), 0);
	/* Edit */
	assert_int_equal(store_test_exec(f->s, "UPDATE audit SET detail = "
				"'serial 9' WHERE seq = 2", &e), 0);
	assert_int_equal(store_audit_verify(f->s, &bad, &e), 1);
	assert_int_equal(bad, 2);
	assert_int_equal(store_test_exec(f->s, "UPDATE audit SET detail = "
				"'serial 1' WHERE seq = 2", &e), 0);
	assert_int_equal(store_audit_verify(f->s, &bad, &e), 0);
	/* Shifting the fields between action and detail */
	assert_int_equal(store_test_exec(f->s, "UPDATE audit SET action = "
				"'certificate-issuedserial 1', detail = '' "
				"WHERE seq = 2", &e), 0);
	assert_int_equal(store_audit_verify(f->s, &bad, &e), 1);
	assert_int_equal(store_test_exec(f->s, "UPDATE audit SET action = "
				"'certificate-issued', detail = 'serial 1' "
				"WHERE seq = 2", &e), 0);
	/* Deleting the newest entry */
	assert_int_equal(store_test_exec(f->s, "DELETE FROM audit WHERE seq = 3",
					 &e), 0);
	assert_int_equal(store_audit_verify(f->s, &bad, &e), 1);
	assert_int_equal(bad, 3);
	/* Deleting one in the middle */
	assert_int_equal(store_audit_append(f->s, "signin", "", &e), 0);
	assert_int_equal(store_test_exec(f->s, "DELETE FROM audit WHERE seq = 1",
					 &e), 0);
	assert_int_equal(store_audit_verify(f->s, &bad, &e), 1);
	assert_int_equal(bad, 2);
	assert_int_equal(store_audit_append(f->s, "", "", &e), -1);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, fx_setup, fx_teardown)
	const struct CMUnitTest tests[] = {
		T(passphrase_checks_and_backs_off),
		T(secret_key_is_made_once),
		T(certificates_issue_find_and_revoke),
		T(audit_chain_detects_tampering),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
