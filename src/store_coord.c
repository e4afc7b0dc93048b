/* store_coord.c - the coordinator passphrase (Argon2id, persistent
 * back-off) and the installation's secret key for certificate codes.
 */
#include <glib.h>
#include <sodium.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"

#define PASS_MIN_CHARS 10

/* hash (may be NULL), fails and wait_until of the single coord row. */
static int coord_row(struct store *s, char **hash, long long *until,
		     struct err *e)
{
	sqlite3_stmt *st = store_stmt(s,
		"SELECT pass_hash, wait_until FROM coord WHERE id = 1", e);
	bool oom = false;
	int rc;

	*hash = NULL;
	*until = 0;
	if (!st)
		return -1;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*hash = store_col_dup(st, 0, &oom);
		*until = sqlite3_column_int64(st, 1);
	}
	sqlite3_reset(st);
	if (oom)
		return err_set(e, ERR_GENERIC, "out of memory");
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(s, rc, "reading the coordinator passphrase", e);
	return 0;
}

int store_coord_has_passphrase(struct store *s, bool *has, struct err *e)
{
	long long until;
	char *hash;

	if (coord_row(s, &hash, &until, e) < 0)
		return -1;
	*has = hash != NULL;
	free(hash);
	return 0;
}

int store_coord_set_passphrase(struct store *s, const char *pass,
			       struct err *e)
{
	sqlite3_stmt *st;
	char *hash = NULL;
	int ret = -1;

	if (store_check_writable(s, e) < 0)
		return -1;
	if (!pass || !g_utf8_validate(pass, -1, NULL) ||
	    g_utf8_strlen(pass, -1) < PASS_MIN_CHARS)
		return err_set(e, ERR_INVALID,
			       "the passphrase must be at least %d characters",
			       PASS_MIN_CHARS);
	if (store_pwhash(s, pass, &hash, e) < 0)
		return -1;
	if (store_begin(s, e) < 0)
		goto out;
	st = store_stmt(s,
		"INSERT INTO coord (id, pass_hash, fails, wait_until) "
		"VALUES (1, ?1, 0, 0) ON CONFLICT (id) DO UPDATE SET "
		"pass_hash = ?1, fails = 0, wait_until = 0", e);
	if (!st || (store_bind_text(st, 1, hash),
		    store_step_done(s, st, "saving the passphrase", e) < 0)) {
		store_rollback(s);
		goto out;
	}
	ret = store_commit(s, e);
out:
	free(hash);
	return ret;
}

/* Counts one failure (or clears them when ok); returns the wait imposed. */
static int coord_result(struct store *s, bool ok, struct err *e)
{
	sqlite3_stmt *st;
	long fails = 0;
	int rc, w = 0;

	if (store_begin(s, e) < 0)
		return -1;
	st = store_stmt(s, ok ? "UPDATE coord SET fails = 0, wait_until = 0 "
				"WHERE id = 1 RETURNING fails"
			      : "UPDATE coord SET fails = fails + 1 "
				"WHERE id = 1 RETURNING fails", e);
	if (!st)
		goto fail;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		fails = (long)sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		store_fail(s, rc, "saving the coordinator sign-in", e);
		goto fail;
	}
	if (!ok) {
		w = store_backoff_seconds(fails);
		st = store_stmt(s, "UPDATE coord SET wait_until = ?1 "
				   "WHERE id = 1", e);
		if (!st)
			goto fail;
		sqlite3_bind_int64(st, 1, (sqlite3_int64)store_now(s) + w);
		if (store_step_done(s, st, "saving the coordinator sign-in",
				    e) < 0)
			goto fail;
	}
	if (store_commit(s, e) < 0)
		return -1;
	return w;
fail:
	store_rollback(s);
	return -1;
}

int store_coord_check(struct store *s, const char *pass, int *wait_s,
		      struct err *e)
{
	long long until, now = (long long)store_now(s);
	char *hash;
	int dummy, ok, w = 0;

	if (!wait_s)
		wait_s = &dummy;
	*wait_s = 0;
	if (coord_row(s, &hash, &until, e) < 0)
		return -1;
	if (!hash)
		return err_set(e, ERR_NOTFOUND,
			       "no coordinator passphrase is set yet (set one "
			       "with `coursekiosk passwd`)");
	if (until > now) {
		free(hash);
		*wait_s = (int)(until - now);
		return err_set(e, ERR_WAIT,
			       "too many wrong passphrases: wait %d seconds "
			       "before trying again",
			       *wait_s);
	}
	ok = store_pwverify(s, hash, pass ? pass : "");
	free(hash);
	if (!s->readonly && (w = coord_result(s, ok, e)) < 0)
		return -1;
	if (ok)
		return 0;
	*wait_s = w;
	return err_set(e, ERR_DENIED, "wrong passphrase");
}

static int read_key(struct store *s, unsigned char key[32], bool *found,
		    struct err *e)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT key FROM secret WHERE id = 1",
				      e);
	int rc;

	*found = false;
	if (!st)
		return -1;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && sqlite3_column_bytes(st, 0) == 32) {
		memcpy(key, sqlite3_column_blob(st, 0), 32);
		*found = true;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(s, rc, "reading the secret key", e);
	return 0;
}

int store_secret_key(struct store *s, unsigned char key[32], struct err *e)
{
	char now[STORE_TIME_LEN + 1];
	sqlite3_stmt *st;
	bool found;

	if (read_key(s, key, &found, e) < 0)
		return -1;
	if (found)
		return 0;
	if (store_begin(s, e) < 0)
		return -1;
	/* Another kiosk may have made it since the read above. */
	if (read_key(s, key, &found, e) < 0)
		goto fail;
	if (!found) {
		randombytes_buf(key, 32);
		store_time_text(s, now);
		st = store_stmt(s, "INSERT INTO secret (id, key, created) "
				   "VALUES (1, ?1, ?2)", e);
		if (!st)
			goto fail;
		sqlite3_bind_blob(st, 1, key, 32, SQLITE_TRANSIENT);
		store_bind_text(st, 2, now);
		if (store_step_done(s, st, "saving the secret key", e) < 0)
			goto fail;
	}
	if (store_commit(s, e) < 0) {
		sodium_memzero(key, 32);
		return -1;
	}
	return 0;
fail:
	sodium_memzero(key, 32);
	store_rollback(s);
	return -1;
}
