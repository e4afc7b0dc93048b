/* store_learner.c - trainees: creation, sign-in with persistent back-off,
 * lookup, listing and erasure of personal data.
 */
#include <glib.h>
#include <sodium.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"

#define LEARNER_COLS "id, name, role, org, country, created, last_seen, erased"
#define NAME_MAX_BYTES 200

void learner_release(struct learner *l)
{
	if (!l)
		return;
	free(l->name);
	free(l->role);
	free(l->org);
	free(l->country);
	free(l->created);
	free(l->last_seen);
	memset(l, 0, sizeof(*l));
}

void learner_list_free(struct learner *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		learner_release(&v[i]);
	free(v);
}

static int fill(sqlite3_stmt *st, struct learner *l, struct err *e)
{
	bool oom = false;

	memset(l, 0, sizeof(*l));
	store_col_copy(st, 0, l->id, sizeof(l->id));
	l->name = store_col_dup(st, 1, &oom);
	l->role = store_col_dup(st, 2, &oom);
	l->org = store_col_dup(st, 3, &oom);
	l->country = store_col_dup(st, 4, &oom);
	l->created = store_col_dup(st, 5, &oom);
	l->last_seen = store_col_dup(st, 6, &oom);
	l->erased = sqlite3_column_int(st, 7) != 0;
	if (oom) {
		learner_release(l);
		return err_set(e, ERR_GENERIC, "out of memory");
	}
	return 0;
}

/* Text a person typed: valid UTF-8, no control characters, NFC, outer
 * spaces trimmed and inner runs of spaces made one.  NULL when invalid. */
static char *clean_text(const char *in)
{
	GString *out;
	gchar *nfc;
	const char *p;
	bool space = false;

	if (!in || !g_utf8_validate(in, -1, NULL))
		return NULL;
	for (p = in; *p; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);

		if (g_unichar_iscntrl(c) || c == 0x202e || c == 0x202d ||
		    (c >= 0x2066 && c <= 0x2069))
			return NULL;
	}
	nfc = g_utf8_normalize(in, -1, G_NORMALIZE_NFC);
	if (!nfc)
		return NULL;
	out = g_string_new(NULL);
	for (p = nfc; *p; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);

		if (g_unichar_isspace(c)) {
			space = true;
			continue;
		}
		if (space && out->len)
			g_string_append_c(out, ' ');
		space = false;
		g_string_append_unichar(out, c);
	}
	g_free(nfc);
	char *r = strdup(out->str);
	g_string_free(out, TRUE);
	return r;
}

/* The sign-in key of a name: cleaned, case folded, NFC again. */
static char *fold(const char *name)
{
	char *c = clean_text(name), *r = NULL;
	gchar *f, *n;

	if (!c)
		return NULL;
	f = g_utf8_casefold(c, -1);
	n = f ? g_utf8_normalize(f, -1, G_NORMALIZE_NFC) : NULL;
	if (n)
		r = strdup(n);
	g_free(n);
	g_free(f);
	free(c);
	return r;
}

/* Back-off rows are keyed by a hash, so typed names are not kept. */
static void key_hash(const char *key, char hex[65])
{
	unsigned char h[32];

	crypto_generichash(h, sizeof(h), (const unsigned char *)key,
			   strlen(key), NULL, 0);
	sodium_bin2hex(hex, 65, h, sizeof(h));
}

static bool valid_pin(const char *pin)
{
	size_t n = pin ? strlen(pin) : 0;

	if (n < 4 || n > 32)
		return false;
	for (size_t i = 0; i < n; i++)
		if (pin[i] < '0' || pin[i] > '9')
			return false;
	return true;
}

static bool valid_role(const char *r)
{
	static const char *const roles[] = { "social-worker", "police",
					     "border", "other" };

	for (size_t i = 0; r && i < sizeof(roles) / sizeof(roles[0]); i++)
		if (!strcmp(r, roles[i]))
			return true;
	return false;
}

/* NULL or "" stays NULL; else cleaned text, or *bad set. */
static char *optional_text(const char *in, bool *bad)
{
	char *c;

	if (!in || !*in)
		return NULL;
	c = clean_text(in);
	if (!c || !*c || strlen(c) > NAME_MAX_BYTES)
		*bad = true;
	return c;
}

int store_learner_get(struct store *s, const char *id, struct learner *out,
		      struct err *e)
{
	sqlite3_stmt *st = store_stmt(s,
		"SELECT " LEARNER_COLS " FROM learner WHERE id = ?1", e);
	int rc, ret;

	if (!st)
		return -1;
	store_bind_text(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		ret = fill(st, out, e);
	else if (rc == SQLITE_DONE)
		ret = err_set(e, ERR_NOTFOUND, "no trainee with id %s",
			      id ? id : "(none)");
	else
		ret = store_fail(s, rc, "reading a trainee", e);
	sqlite3_reset(st);
	return ret;
}

int store_learner_create(struct store *s, const char *name, const char *role,
			 const char *org, const char *country, const char *pin,
			 struct learner *out, struct err *e)
{
	char id[STORE_ID_LEN + 1], now[STORE_TIME_LEN + 1];
	char *cname = NULL, *key = NULL, *corg = NULL, *ccountry = NULL;
	char *hash = NULL;
	sqlite3_stmt *st;
	bool bad = false;
	int ret = -1;

	if (store_check_writable(s, e) < 0)
		return -1;
	cname = clean_text(name);
	key = fold(name);
	if (!cname || !*cname || !key || strlen(cname) > NAME_MAX_BYTES) {
		err_set(e, ERR_INVALID,
			"a name is needed (at most %d bytes of text, no "
			"control characters)",
			NAME_MAX_BYTES);
		goto out;
	}
	if (!valid_role(role)) {
		err_set(e, ERR_INVALID,
			"role must be social-worker, police, border or other");
		goto out;
	}
	corg = optional_text(org, &bad);
	ccountry = optional_text(country, &bad);
	if (bad) {
		err_set(e, ERR_INVALID,
			"organisation and country must be short text without "
			"control characters");
		goto out;
	}
	if (!valid_pin(pin)) {
		err_set(e, ERR_INVALID, "the PIN must be 4 to 32 digits");
		goto out;
	}
	/* Hash before taking the write lock: Argon2id takes a while. */
	if (store_pwhash(s, pin, &hash, e) < 0)
		goto out;
	store_uuid(id);
	store_time_text(s, now);
	if (store_begin(s, e) < 0)
		goto out;
	st = store_stmt(s,
		"INSERT INTO learner (id, name, name_key, role, org, country, "
		"pin_hash, created, last_seen) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)", e);
	if (!st)
		goto fail;
	store_bind_text(st, 1, id);
	store_bind_text(st, 2, cname);
	store_bind_text(st, 3, key);
	store_bind_text(st, 4, role);
	store_bind_text(st, 5, corg);
	store_bind_text(st, 6, ccountry);
	store_bind_text(st, 7, hash);
	store_bind_text(st, 8, now);
	if (store_step_done(s, st, "saving the trainee", e) < 0)
		goto fail;
	if (store_commit(s, e) < 0)
		goto out;
	ret = out ? store_learner_get(s, id, out, e) : 0;
	goto out;
fail:
	store_rollback(s);
out:
	free(cname);
	free(key);
	free(corg);
	free(ccountry);
	if (hash)
		sodium_memzero(hash, strlen(hash));
	free(hash);
	return ret;
}

struct candidate {
	char id[STORE_ID_LEN + 1];
	char *hash;
};

static int candidates(struct store *s, const char *key, struct candidate **v,
		      size_t *n, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s,
		"SELECT id, pin_hash FROM learner "
		"WHERE name_key = ?1 AND erased = 0 ORDER BY created", e);
	bool oom = false;
	int rc;

	*v = NULL;
	*n = 0;
	if (!st)
		return -1;
	store_bind_text(st, 1, key);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct candidate *nv = realloc(*v, (*n + 1) * sizeof(**v));

		if (!nv) {
			oom = true;
			break;
		}
		*v = nv;
		store_col_copy(st, 0, nv[*n].id, sizeof(nv[*n].id));
		nv[*n].hash = store_col_dup(st, 1, &oom);
		(*n)++;
	}
	sqlite3_reset(st);
	if (oom)
		return err_set(e, ERR_GENERIC, "out of memory");
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return store_fail(s, rc, "reading trainees", e);
	return 0;
}

/* Counts a failure against `kh`; returns the wait now imposed or -1. */
static int count_failure(struct store *s, const char *kh, struct err *e)
{
	sqlite3_stmt *st;
	long fails = 0;
	int rc, w;

	if (store_begin(s, e) < 0)
		return -1;
	st = store_stmt(s,
		"INSERT INTO signin_fail (key, fails, wait_until) "
		"VALUES (?1, 1, 0) ON CONFLICT (key) DO UPDATE "
		"SET fails = fails + 1 RETURNING fails", e);
	if (!st)
		goto fail;
	store_bind_text(st, 1, kh);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		store_fail(s, rc, "saving the failed sign-in", e);
		goto fail;
	}
	fails = (long)sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	w = store_backoff_seconds(fails);
	st = store_stmt(s, "UPDATE signin_fail SET wait_until = ?2 "
			   "WHERE key = ?1", e);
	if (!st)
		goto fail;
	store_bind_text(st, 1, kh);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)store_now(s) + w);
	if (store_step_done(s, st, "saving the failed sign-in", e) < 0)
		goto fail;
	if (store_commit(s, e) < 0)
		return -1;
	return w;
fail:
	store_rollback(s);
	return -1;
}

/* 0 may try; -1 ERR_WAIT (or another error). */
static int check_wait(struct store *s, const char *kh, int *wait_s,
		      struct err *e)
{
	sqlite3_stmt *st = store_stmt(s,
		"SELECT wait_until FROM signin_fail WHERE key = ?1", e);
	long long until = 0, now = (long long)store_now(s);
	int rc;

	if (!st)
		return -1;
	store_bind_text(st, 1, kh);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		until = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(s, rc, "reading the sign-in state", e);
	if (until > now) {
		*wait_s = (int)(until - now);
		return err_set(e, ERR_WAIT,
			       "too many wrong tries: wait %d seconds before "
			       "trying again",
			       *wait_s);
	}
	return 0;
}

static int signed_in(struct store *s, const char *id, const char *kh,
		     struct learner *out, struct err *e)
{
	char now[STORE_TIME_LEN + 1];
	sqlite3_stmt *st;

	if (!s->readonly) {
		store_time_text(s, now);
		if (store_begin(s, e) < 0)
			return -1;
		st = store_stmt(s, "UPDATE learner SET last_seen = ?2 "
				   "WHERE id = ?1", e);
		if (!st)
			goto fail;
		store_bind_text(st, 1, id);
		store_bind_text(st, 2, now);
		if (store_step_done(s, st, "saving the sign-in", e) < 0)
			goto fail;
		st = store_stmt(s, "DELETE FROM signin_fail WHERE key = ?1", e);
		if (!st)
			goto fail;
		store_bind_text(st, 1, kh);
		if (store_step_done(s, st, "saving the sign-in", e) < 0)
			goto fail;
		if (store_commit(s, e) < 0)
			return -1;
	}
	return out ? store_learner_get(s, id, out, e) : 0;
fail:
	store_rollback(s);
	return -1;
}

int store_learner_signin(struct store *s, const char *name, const char *pin,
			 struct learner *out, int *wait_s, struct err *e)
{
	struct candidate *c = NULL;
	size_t n = 0, found = (size_t)-1;
	char kh[65];
	char *key = fold(name ? name : "");
	int dummy_w, ret = -1;

	if (!wait_s)
		wait_s = &dummy_w;
	*wait_s = 0;
	if (!pin)
		pin = "";
	key_hash(key ? key : "", kh);
	if (check_wait(s, kh, wait_s, e) < 0)
		goto out;
	if (key && candidates(s, key, &c, &n, e) < 0)
		goto out;
	if (n == 0) {
		store_pwverify(s, NULL, pin); /* same time as a real check */
	}
	for (size_t i = 0; i < n; i++) {
		if (c[i].hash && store_pwverify(s, c[i].hash, pin)) {
			found = i;
			break;
		}
	}
	if (found != (size_t)-1) {
		ret = signed_in(s, c[found].id, kh, out, e);
		goto out;
	}
	if (!s->readonly) {
		int w = count_failure(s, kh, e);

		if (w < 0)
			goto out;
		*wait_s = w;
	}
	err_set(e, ERR_DENIED, "wrong name or PIN");
out:
	for (size_t i = 0; i < n; i++)
		free(c[i].hash);
	free(c);
	free(key);
	return ret;
}

int store_learner_list(struct store *s, const char *part, struct learner **v,
		       size_t *n, struct err *e)
{
	sqlite3_stmt *st;
	char *key = NULL;
	size_t cap = 0;
	int rc, ret = 0;

	*v = NULL;
	*n = 0;
	if (part && !(key = fold(part)))
		return err_set(e, ERR_INVALID, "not valid text: %s", part);
	st = store_stmt(s,
		"SELECT " LEARNER_COLS " FROM learner "
		"WHERE ?1 IS NULL OR instr(name_key, ?1) > 0 "
		"ORDER BY name_key IS NULL, name_key, created, id", e);
	if (!st) {
		free(key);
		return -1;
	}
	store_bind_text(st, 1, key);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			size_t nc = cap ? cap * 2 : 16;
			struct learner *nv = realloc(*v, nc * sizeof(**v));

			if (!nv) {
				ret = err_set(e, ERR_GENERIC, "out of memory");
				break;
			}
			*v = nv;
			cap = nc;
		}
		if ((ret = fill(st, &(*v)[*n], e)) < 0)
			break;
		(*n)++;
	}
	if (ret == 0 && rc != SQLITE_DONE)
		ret = store_fail(s, rc, "listing trainees", e);
	sqlite3_reset(st);
	free(key);
	if (ret < 0) {
		learner_list_free(*v, *n);
		*v = NULL;
		*n = 0;
	}
	return ret;
}

static int run_id(struct store *s, const char *sql, const char *id,
		  struct err *e)
{
	sqlite3_stmt *st = store_stmt(s, sql, e);

	if (!st)
		return -1;
	store_bind_text(st, 1, id);
	return store_step_done(s, st, "erasing the trainee", e);
}

int store_learner_erase(struct store *s, const char *id, struct err *e)
{
	sqlite3_stmt *st;
	char kh[65] = "";
	int rc, nlog = -1, ncopied = -1;

	if (store_begin(s, e) < 0)
		return -1;
	st = store_stmt(s, "SELECT name_key FROM learner WHERE id = ?1", e);
	if (!st)
		goto fail;
	store_bind_text(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && sqlite3_column_text(st, 0))
		key_hash((const char *)sqlite3_column_text(st, 0), kh);
	sqlite3_reset(st);
	if (rc == SQLITE_DONE) {
		err_set(e, ERR_NOTFOUND, "no trainee with id %s",
			id ? id : "(none)");
		goto fail;
	}
	if (rc != SQLITE_ROW) {
		store_fail(s, rc, "erasing the trainee", e);
		goto fail;
	}
	if (run_id(s, "DELETE FROM answer WHERE attempt_id IN "
		      "(SELECT id FROM attempt WHERE learner_id = ?1)", id, e) < 0 ||
	    run_id(s, "UPDATE learner SET name = NULL, name_key = NULL, "
		      "org = NULL, country = NULL, pin_hash = NULL, erased = 1 "
		      "WHERE id = ?1", id, e) < 0 ||
	    run_id(s, "UPDATE certificate SET learner_name = NULL "
		      "WHERE learner_id = ?1", id, e) < 0 ||
	    (*kh && run_id(s, "DELETE FROM signin_fail WHERE key = ?1", kh,
			   e) < 0))
		goto fail;
	if (store_commit(s, e) < 0)
		return -1;
	/* secure_delete zeroed the freed bytes in the new page images; the
	 * checkpoint writes them over the old ones and empties the WAL, so
	 * the name is gone from the files.  It waits (busy timeout) for
	 * readers of older snapshots; one that stays in its read transaction
	 * keeps the old pages in the files until a later checkpoint, and the
	 * caller is told so. */
	rc = sqlite3_wal_checkpoint_v2(s->db, NULL, SQLITE_CHECKPOINT_TRUNCATE,
				       &nlog, &ncopied);
	return rc == SQLITE_OK && nlog == 0 && ncopied == 0 ? 0 : 1;
fail:
	store_rollback(s);
	return -1;
}
