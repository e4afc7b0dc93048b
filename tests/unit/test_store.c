/* Unit tests for store.c, store_schema.c and store_backup.c: opening,
 * modes, refusals, migrations, errors, backups. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "store_fixture.h"
#include "store_int.h" /* store_known_version */

static void creates_private_files_in_wal_mode(void **state)
{
	struct fx *f = *state;
	char path[256], wal[300], id[STORE_ID_LEN + 1];
	struct err e = { 0, "" };
	struct stat st;
	struct store *s;
	unsigned char *b;
	size_t n;
	mode_t old = umask(022); /* the store must not rely on the caller's */

	snprintf(path, sizeof(path), "%s/a/b/progress.db", f->dir);
	s = fx_open(path, 0);
	umask(old);
	assert_non_null(s);
	fx_learner(s, "Ana Pop", "123456", id);
	snprintf(wal, sizeof(wal), "%s-wal", path);
	assert_int_equal(stat(wal, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	snprintf(wal, sizeof(wal), "%s/a/b", f->dir);
	assert_int_equal(stat(wal, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0700);
	snprintf(wal, sizeof(wal), "%s/a", f->dir);
	assert_int_equal(stat(wal, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0700);
	/* Foreign keys are enforced on the connection. */
	assert_int_equal(store_test_exec(s,
		"INSERT INTO progress (id, learner_id, course_id, module_id, "
		"updated_at) VALUES ('x', 'nobody', 'c', 'm', 't')", &e), -1);
	assert_false(store_readonly(s));
	assert_string_equal(store_path(s), path);
	store_close(s);
	b = fx_read(path, &n);
	assert_non_null(b);
	assert_true(n >= 100);
	assert_int_equal(b[18], 2); /* WAL */
	assert_int_equal(b[19], 2);
	assert_int_equal(fx_be32(b + 60), store_known_version()); /* user_version */
	assert_int_equal(fx_be32(b + 68), 0x436b4b31); /* application_id */
	free(b);
}

static void default_path_follows_environment(void **state)
{
	char *p;

	(void)state;
	setenv("COURSEKIOSK_DB", "/x/y.db", 1);
	p = store_default_path();
	assert_string_equal(p, "/x/y.db");
	free(p);
	unsetenv("COURSEKIOSK_DB");
	setenv("XDG_DATA_HOME", "/data", 1);
	p = store_default_path();
	assert_string_equal(p, "/data/coursekiosk/progress.db");
	free(p);
	unsetenv("XDG_DATA_HOME");
	setenv("HOME", "/home/t", 1);
	p = store_default_path();
	assert_string_equal(p, "/home/t/.local/share/coursekiosk/progress.db");
	free(p);
}

static void symlinked_path_is_refused(void **state)
{
	struct fx *f = *state;
	char link[256], target[256], wal[300];
	struct err e = { 0, "" };
	struct stat st;

	snprintf(link, sizeof(link), "%s/link.db", f->dir);
	assert_int_equal(symlink(f->path, link), 0);
	assert_null(store_open(link, 0, &e));
	assert_int_equal(e.code, ERR_INVALID);
	assert_non_null(strstr(e.msg, "symbolic link"));
	assert_null(store_open(link, STORE_READONLY, &e));
	/* A dangling link: its target must not be created. */
	snprintf(link, sizeof(link), "%s/dangling.db", f->dir);
	snprintf(target, sizeof(target), "%s/target.db", f->dir);
	assert_int_equal(symlink(target, link), 0);
	assert_null(store_open(link, 0, &e));
	assert_int_equal(lstat(target, &st), -1);
	/* A -wal companion that is a link is refused too. */
	snprintf(link, sizeof(link), "%s/other.db", f->dir);
	snprintf(wal, sizeof(wal), "%s-wal", link);
	assert_int_equal(symlink(target, wal), 0);
	assert_null(store_open(link, 0, &e));
	assert_int_equal(e.code, ERR_INVALID);
}

static void newer_schema_is_refused_untouched(void **state)
{
	struct fx *f = *state;
	struct err e = { 0, "" };
	unsigned char *before, *after;
	size_t n1, n2;
	char wal[200];

	store_close(f->s);
	f->s = NULL;
	before = fx_read(f->path, &n1);
	assert_non_null(before);
	before[60] = 0; /* user_version = 99 */
	before[61] = 0;
	before[62] = 0;
	before[63] = 99;
	assert_int_equal(fx_write(f->path, before, n1), 0);
	assert_null(store_open(f->path, 0, &e));
	assert_int_equal(e.code, ERR_TOONEW);
	assert_non_null(strstr(e.msg, "newer coursekiosk"));
	assert_non_null(strstr(e.msg, "untouched"));
	assert_null(store_open(f->path, STORE_READONLY, &e));
	assert_int_equal(e.code, ERR_TOONEW);
	after = fx_read(f->path, &n2);
	assert_int_equal(n1, n2);
	assert_memory_equal(before, after, n1);
	snprintf(wal, sizeof(wal), "%s-wal", f->path);
	assert_int_equal(access(wal, F_OK), -1);
	free(before);
	free(after);
}

static void garbage_file_is_refused_untouched(void **state)
{
	struct fx *f = *state;
	struct err e = { 0, "" };
	unsigned char junk[8192], *after;
	char path[200];
	size_t n;

	for (size_t i = 0; i < sizeof(junk); i++)
		junk[i] = (unsigned char)("not a database! "[i % 16]);
	snprintf(path, sizeof(path), "%s/junk.db", f->dir);
	assert_int_equal(fx_write(path, junk, sizeof(junk)), 0);
	for (int ro = 0; ro < 2; ro++) {
		assert_null(store_open(path, ro ? STORE_READONLY : 0, &e));
		assert_int_equal(e.code, ERR_CORRUPT);
		assert_non_null(strstr(e.msg, "damaged"));
		assert_non_null(strstr(e.msg, "left untouched"));
		assert_non_null(strstr(e.msg, ".recover"));
	}
	after = fx_read(path, &n);
	assert_int_equal(n, sizeof(junk));
	assert_memory_equal(after, junk, n);
	free(after);
}

static void damaged_page_is_refused_and_readable_read_only(void **state)
{
	struct fx *f = *state;
	struct err e = { 0, "" };
	char id[STORE_ID_LEN + 1];
	unsigned char *b, *after;
	struct store *s;
	size_t n, n2;

	fx_learner(f->s, "Ana Pop", "123456", id);
	store_close(f->s);
	f->s = NULL;
	b = fx_read(f->path, &n);
	assert_true(n >= 3 * 4096);
	/* Page 2 is the meta table's root: scribble over its header. */
	memset(b + 4096, 0x5a, 64);
	assert_int_equal(fx_write(f->path, b, n), 0);
	assert_null(store_open(f->path, 0, &e));
	assert_int_equal(e.code, ERR_CORRUPT);
	assert_non_null(strstr(e.msg, "damaged"));
	assert_non_null(strstr(e.msg, "untouched"));
	after = fx_read(f->path, &n2);
	assert_int_equal(n, n2);
	assert_memory_equal(b, after, n);
	free(after);
	/* Read-only opening works, says it is damaged, and refuses writes. */
	s = store_open(f->path, STORE_READONLY, &e);
	assert_non_null(s);
	assert_true(store_damaged(s));
	assert_true(store_readonly(s));
	assert_int_equal(store_audit_append(s, "x", "y", &e), -1);
	assert_int_equal(e.code, ERR_READONLY);
	store_close(s);
	after = fx_read(f->path, &n2);
	assert_memory_equal(b, after, n);
	free(after);
	free(b);
}

static void foreign_database_is_refused(void **state)
{
	struct fx *f = *state;
	struct err e = { 0, "" };

	assert_int_equal(store_test_exec(f->s, "PRAGMA application_id=7", &e), 0);
	store_close(f->s);
	f->s = NULL;
	assert_null(store_open(f->path, 0, &e));
	assert_int_equal(e.code, ERR_INVALID);
	assert_non_null(strstr(e.msg, "not a coursekiosk"));
}

static void empty_file_is_migrated_from_version_0(void **state)
{
	struct fx *f = *state;
	char path[200], id[STORE_ID_LEN + 1];
	struct learner l;
	struct err e = { 0, "" };
	struct store *s;

	snprintf(path, sizeof(path), "%s/empty.db", f->dir);
	assert_int_equal(fx_write(path, "", 0), 0);
	s = fx_open(path, 0);
	assert_non_null(s);
	fx_learner(s, "Ana Pop", "123456", id);
	assert_int_equal(store_learner_get(s, id, &l, &e), 0);
	learner_release(&l);
	store_close(s);
}

static void migration_steps_run_in_one_transaction(void **state)
{
	struct fx *f = *state;
	struct err e = { 0, "" };
	char id[STORE_ID_LEN + 1], want[40];
	int v = store_known_version();
	struct learner l;
	unsigned char *b;
	size_t n;

	fx_learner(f->s, "Ana Pop", "123456", id);
	store_close(f->s);
	f->s = NULL;
	/* A failing step leaves version V and no trace of its first part. */
	store_test_extra_migration("CREATE TABLE extra (x); NOT SQL AT ALL");
	assert_null(store_open(f->path, 0, &e));
	store_test_extra_migration(NULL);
	snprintf(want, sizeof(want), "version %d to %d", v, v + 1);
	assert_non_null(strstr(e.msg, want));
	b = fx_read(f->path, &n);
	assert_int_equal(fx_be32(b + 60), v);
	free(b);
	f->s = fx_open(f->path, 0);
	assert_non_null(f->s);
	assert_int_equal(store_test_exec(f->s, "SELECT * FROM extra", &e), -1);
	store_close(f->s);
	f->s = NULL;
	/* A good step upgrades to version V + 1 and keeps the data. */
	store_test_extra_migration("ALTER TABLE learner ADD COLUMN nick TEXT; "
				   "CREATE TABLE extra (x)");
	f->s = fx_open(f->path, 0);
	assert_non_null(f->s);
	assert_int_equal(store_test_exec(f->s, "INSERT INTO extra VALUES (1)",
					 &e), 0);
	assert_int_equal(store_learner_get(f->s, id, &l, &e), 0);
	assert_string_equal(l.name, "Ana Pop");
	learner_release(&l);
	store_close(f->s);
	f->s = NULL;
	b = fx_read(f->path, &n);
	assert_int_equal(fx_be32(b + 60), v + 1);
	free(b);
	/* This build, without the step, now finds the database too new. */
	store_test_extra_migration(NULL);
	assert_null(store_open(f->path, 0, &e));
	assert_int_equal(e.code, ERR_TOONEW);
}

static void backup_writes_a_consistent_private_copy(void **state)
{
	struct fx *f = *state;
	struct err e = { 0, "" };
	char dest[200], id[STORE_ID_LEN + 1];
	unsigned char *b, *b2;
	struct learner l;
	struct store *c;
	struct stat st;
	size_t n, n2;

	fx_learner(f->s, "Ana Pop", "123456", id);
	snprintf(dest, sizeof(dest), "%s/copy.db", f->dir);
	assert_int_equal(store_backup(f->s, dest, &e), 0);
	assert_int_equal(stat(dest, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	b = fx_read(dest, &n);
	assert_int_equal(b[18], 1); /* a single self-contained file */
	c = fx_open(dest, STORE_READONLY);
	assert_non_null(c);
	assert_int_equal(store_learner_get(c, id, &l, &e), 0);
	assert_string_equal(l.name, "Ana Pop");
	learner_release(&l);
	store_close(c);
	/* An existing file is kept... */
	fx_learner(f->s, "Second Person", "123456", id);
	assert_int_equal(store_backup(f->s, dest, &e), -1);
	assert_int_equal(e.code, ERR_INVALID);
	assert_non_null(strstr(e.msg, "already exists"));
	b2 = fx_read(dest, &n2);
	assert_int_equal(n, n2);
	assert_memory_equal(b, b2, n);
	free(b2);
	/* ...unless replacing was asked for. */
	assert_int_equal(store_backup_to(f->s, dest, true, &e), 0);
	c = fx_open(dest, STORE_READONLY);
	assert_int_equal(store_learner_get(c, id, &l, &e), 0);
	learner_release(&l);
	store_close(c);
	/* Never over the database itself. */
	assert_int_equal(store_backup_to(f->s, f->path, true, &e), -1);
	assert_non_null(strstr(e.msg, "database itself"));
	free(b);
}

static void full_disk_keeps_what_was_saved(void **state)
{
	struct fx *f = *state;
	static const char *const q[] = { "q1" };
	struct err e = { 0, "" };
	char id[STORE_ID_LEN + 1], big[3000];
	struct attempt a;
	int saved = 0, rc = 0;

	fx_learner(f->s, "Ana Pop", "123456", id);
	assert_int_equal(store_attempt_start(f->s, id, "c", "m", "quiz", q, 1,
					     1, &a, &e), 0);
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	assert_int_equal(store_test_limit_pages(f->s, 30, &e), 0);
	while (saved < 200 &&
	       (rc = store_answer_record(f->s, a.id, "q1", big, true, 1, &e)) == 0)
		saved++;
	assert_int_equal(rc, -1);
	assert_int_equal(e.code, ERR_FULL);
	assert_non_null(strstr(e.msg, "full"));
	assert_true(saved > 0);
	assert_int_equal(store_test_limit_pages(f->s, 1000000, &e), 0);
	assert_int_equal(store_answer_record(f->s, a.id, "q1", "late", true, 1,
					     &e), 0);
	attempt_release(&a);
	store_close(f->s);
	f->s = fx_open(f->path, 0); /* quick_check passes */
	assert_non_null(f->s);
	assert_int_equal(store_attempt_current(f->s, id, "c", "m", &a, &e), 1);
	assert_int_equal((int)a.nanswers, saved + 1);
	assert_string_equal(a.answers[saved].answer, "late");
	attempt_release(&a);
}

static void lock_held_too_long_gives_busy(void **state)
{
	struct fx *f = *state;
	struct err e = { 0, "" };
	char id[STORE_ID_LEN + 1];
	struct store *other = fx_open(f->path, 0);

	assert_non_null(other);
	assert_int_equal(store_test_exec(other, "BEGIN IMMEDIATE", &e), 0);
	store_test_busy_timeout(f->s, 100);
	assert_int_equal(store_audit_append(f->s, "x", "", &e), -1);
	assert_int_equal(e.code, ERR_BUSY);
	assert_non_null(strstr(e.msg, "in use by another program"));
	assert_int_equal(store_test_exec(other, "COMMIT", &e), 0);
	assert_int_equal(store_audit_append(f->s, "x", "", &e), 0);
	store_close(other);
	fx_learner(f->s, "Ana Pop", "123456", id);
}

static void read_only_store_refuses_writes(void **state)
{
	struct fx *f = *state;
	struct err e = { 0, "" };
	struct store *r = fx_open(f->path, STORE_READONLY);
	struct learner l;

	assert_non_null(r);
	assert_true(store_readonly(r));
	assert_false(store_damaged(r));
	assert_int_equal(store_learner_create(r, "A B", "police", NULL, NULL,
					      "123456", &l, &e), -1);
	assert_int_equal(e.code, ERR_READONLY);
	store_close(r);
	assert_null(store_open("/nonexistent-dir/x.db", STORE_READONLY, &e));
	assert_int_equal(e.code, ERR_NOTFOUND);
}

static void ids_are_uuid_v4(void **state)
{
	struct fx *f = *state;
	char a[STORE_ID_LEN + 1], b[STORE_ID_LEN + 1];

	fx_learner(f->s, "A One", "123456", a);
	fx_learner(f->s, "B Two", "123456", b);
	assert_int_equal(strlen(a), 36);
	assert_string_not_equal(a, b);
	for (int i = 0; i < 36; i++) {
		if (i == 8 || i == 13 || i == 18 || i == 23)
			assert_int_equal(a[i], '-');
		else
			assert_non_null(strchr("0123456789abcdef", a[i]));
	}
	assert_int_equal(a[14], '4');
	assert_non_null(strchr("89ab", a[19]));
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, fx_setup, fx_teardown)
	const struct CMUnitTest tests[] = {
		T(creates_private_files_in_wal_mode),
		T(default_path_follows_environment),
		T(symlinked_path_is_refused),
		T(newer_schema_is_refused_untouched),
		T(garbage_file_is_refused_untouched),
		T(damaged_page_is_refused_and_readable_read_only),
		T(foreign_database_is_refused),
		T(empty_file_is_migrated_from_version_0),
		T(migration_steps_run_in_one_transaction),
		T(backup_writes_a_consistent_private_copy),
		T(full_disk_keeps_what_was_saved),
		T(lock_held_too_long_gives_busy),
		T(read_only_store_refuses_writes),
		T(ids_are_uuid_v4),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
