/* store_learner.c - trainees: creation, sign-in with persistent back-off,
 * lookup, listing and erasure of personal data.
 *
 * Sign-in (schema version 2, see store_schema.c):
 * - a name is found by its fold_key() (case, accents and spaces ignored);
 *   a name several trainees share needs the organisation too (its
 *   fold_key() as well), and registration refuses a second trainee with
 *   the same name and organisation, so no two accounts answer to the same
 *   credentials;
 * - wrong PINs back off per ACCOUNT (signin_account_fail, by learner id):
 *   0, 0, 1, 2, 4 ... 300 seconds, so at most 22 wrong PINs reach one
 *   account in its first hour and 12 an hour after that, and only that
 *   account's own correct PIN clears its count;
 * - a name nobody has (or a name and organisation nobody has) backs off
 *   the same way under a hash of the typed key (signin_fail), after a
 *   dummy Argon2id check, so neither the time nor the wait tells a known
 *   name from an unknown one;
 * - across all names the room has a budget of wrong PINs (signin_rate, a
 *   token bucket: ROOM_BURST, one more every ROOM_REFILL_S seconds).
 *   When a wrong PIN empties it, the connection that typed it (one kiosk
 *   terminal) checks no PIN for ROOM_HOLD_S seconds.  It never refuses
 *   anyone else: a correct PIN on another terminal still gets in, so one
 *   person cannot lock the room out.
 */
#include <glib.h>
#include <sodium.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "fold.h"
#include "store_int.h"

#define LEARNER_COLS "id, name, role, org, country, created, last_seen, erased"
#define NAME_MAX_BYTES 200

/* The room's budget of wrong PINs (see the top of the file). */
#define ROOM_BURST 30
#define ROOM_REFILL_S 20
#define ROOM_HOLD_S 20

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

/* The name key of schema versions 1 and 2 (cleaned, case folded, NFC):
 * only the version 2 migration uses it, to carry waits over. */
static char *legacy_key(const char *name)
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

/* The key of a name or an organisation: fold_key() of the cleaned text
 * ("" for none).  NULL when the text is not valid. */
static char *text_key(const char *t)
{
	char *c, *r;

	if (!t || !*t)
		return strdup("");
	c = clean_text(t);
	r = c ? fold_key(c) : NULL;
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

/* Inside the registration transaction: a second trainee with the same
 * name key must give an organisation, and one whose key differs from every
 * namesake's (ERR_AMBIGUOUS otherwise).  Nothing of the other trainee is
 * told. */
static int namesake_check(struct store *s, const char *key, const char *okey,
			  struct err *e)
{
	sqlite3_stmt *st = store_stmt(s,
		"SELECT count(*), coalesce(sum(org_key = ?2), 0) FROM learner "
		"WHERE name_key = ?1 AND erased = 0", e);
	long long same_name = 0, same_org = 0;
	int rc;

	if (!st)
		return -1;
	store_bind_text(st, 1, key);
	store_bind_text(st, 2, okey);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		same_name = sqlite3_column_int64(st, 0);
		same_org = sqlite3_column_int64(st, 1);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return store_fail(s, rc, "checking the name", e);
	if (!same_name)
		return 0;
	if (!*okey)
		return err_set(e, ERR_AMBIGUOUS,
			       "Someone with this name is already registered. "
			       "Please give your organisation (for example your "
			       "team and town), so the two of you can be told "
			       "apart. If you registered before, sign in "
			       "instead.");
	if (!same_org)
		return 0;
	return err_set(e, ERR_AMBIGUOUS,
		       "Someone with this name and organisation is already "
		       "registered. If that is you, sign in instead; otherwise "
		       "add to the organisation something that tells you apart "
		       "(your team or town).");
}

int store_learner_create(struct store *s, const char *name, const char *role,
			 const char *org, const char *country, const char *pin,
			 struct learner *out, struct err *e)
{
	char id[STORE_ID_LEN + 1], now[STORE_TIME_LEN + 1];
	char *cname = NULL, *key = NULL, *corg = NULL, *ccountry = NULL;
	char *hash = NULL, *okey = NULL;
	sqlite3_stmt *st;
	bool bad = false;
	int ret = -1;

	if (store_check_writable(s, e) < 0)
		return -1;
	cname = clean_text(name);
	key = cname ? fold_key(cname) : NULL;
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
	okey = bad ? NULL : text_key(corg);
	if (!bad && !okey)
		bad = true;
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
	if (namesake_check(s, key, okey, e) < 0)
		goto fail;
	st = store_stmt(s,
		"INSERT INTO learner (id, name, name_key, org_key, role, org, "
		"country, pin_hash, created, last_seen) "
		"VALUES (?1, ?2, ?3, ?9, ?4, ?5, ?6, ?7, ?8, ?8)", e);
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
	store_bind_text(st, 9, okey);
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
	free(okey);
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
	char *org_key;
};

static void candidates_free(struct candidate *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (v[i].hash)
			sodium_memzero(v[i].hash, strlen(v[i].hash));
		free(v[i].hash);
		free(v[i].org_key);
	}
	free(v);
}

/* The active trainees whose name key is `key`, oldest first. */
static int candidates(struct store *s, const char *key, struct candidate **v,
		      size_t *n, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s,
		"SELECT id, pin_hash, coalesce(org_key, '') FROM learner "
		"WHERE name_key = ?1 AND erased = 0 ORDER BY created, id", e);
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
		nv[*n].org_key = store_col_dup(st, 2, &oom);
		(*n)++;
	}
	sqlite3_reset(st);
	if (oom)
		return err_set(e, ERR_GENERIC, "out of memory");
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return store_fail(s, rc, "reading trainees", e);
	return 0;
}

/* ---- back-off ------------------------------------------------------------ */

/* Where a failure counts: one account, or a typed key nobody has. */
enum fail_kind { FAIL_ACCOUNT, FAIL_UNKNOWN };

static const char *const fail_sql[][3] = {
	[FAIL_ACCOUNT] = {
		"SELECT wait_until FROM signin_account_fail "
		"WHERE learner_id = ?1",
		"INSERT INTO signin_account_fail (learner_id, fails, wait_until) "
		"VALUES (?1, 1, 0) ON CONFLICT (learner_id) DO UPDATE "
		"SET fails = fails + 1 RETURNING fails",
		"UPDATE signin_account_fail SET wait_until = ?2 "
		"WHERE learner_id = ?1",
	},
	[FAIL_UNKNOWN] = {
		"SELECT wait_until FROM signin_fail WHERE key = ?1",
		"INSERT INTO signin_fail (key, fails, wait_until) "
		"VALUES (?1, 1, 0) ON CONFLICT (key) DO UPDATE "
		"SET fails = fails + 1 RETURNING fails",
		"UPDATE signin_fail SET wait_until = ?2 WHERE key = ?1",
	},
};

/* Seconds `who` must still wait (0: may try), or -1. */
static int wait_left(struct store *s, enum fail_kind k, const char *who,
		     struct err *e)
{
	sqlite3_stmt *st = store_stmt(s, fail_sql[k][0], e);
	long long until = 0, now = (long long)store_now(s);
	int rc;

	if (!st)
		return -1;
	store_bind_text(st, 1, who);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		until = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(s, rc, "reading the sign-in state", e);
	if (until <= now)
		return 0;
	return until - now > 86400 ? 86400 : (int)(until - now);
}

/* Inside a transaction: counts a failure against `who`; the wait now
 * imposed, or -1. */
static int count_failure(struct store *s, enum fail_kind k, const char *who,
			 struct err *e)
{
	sqlite3_stmt *st = store_stmt(s, fail_sql[k][1], e);
	long fails;
	int rc, w;

	if (!st)
		return -1;
	store_bind_text(st, 1, who);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_reset(st);
		return store_fail(s, rc, "saving the failed sign-in", e);
	}
	fails = (long)sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	w = store_backoff_seconds(fails);
	st = store_stmt(s, fail_sql[k][2], e);
	if (!st)
		return -1;
	store_bind_text(st, 1, who);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)store_now(s) + w);
	if (store_step_done(s, st, "saving the failed sign-in", e) < 0)
		return -1;
	return w;
}

/* Inside a transaction: takes one wrong PIN from the room's budget; 1 when
 * that emptied it (this connection is then held), 0 when not, -1. */
static int room_take(struct store *s, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s,
		"SELECT tokens, updated FROM signin_rate WHERE id = 1", e);
	long long now = (long long)store_now(s), updated = now;
	double tokens = ROOM_BURST;
	int rc;

	if (!st)
		return -1;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		tokens = sqlite3_column_double(st, 0);
		updated = sqlite3_column_int64(st, 1);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(s, rc, "reading the sign-in state", e);
	if (now > updated)
		tokens += (double)(now - updated) / ROOM_REFILL_S;
	if (tokens > ROOM_BURST)
		tokens = ROOM_BURST;
	tokens = tokens >= 1 ? tokens - 1 : 0;
	st = store_stmt(s,
		"INSERT INTO signin_rate (id, tokens, updated) VALUES (1, ?1, ?2) "
		"ON CONFLICT (id) DO UPDATE SET tokens = ?1, updated = ?2", e);
	if (!st)
		return -1;
	sqlite3_bind_double(st, 1, tokens);
	sqlite3_bind_int64(st, 2, now > updated ? now : updated);
	if (store_step_done(s, st, "saving the failed sign-in", e) < 0)
		return -1;
	return tokens < 1 ? 1 : 0;
}

/* A wrong PIN: counted against every account in c (or, when there is
 * none, the typed key kh) and the room, in one transaction.  The wait now
 * imposed before this connection may try again, or -1. */
static int failed(struct store *s, const struct candidate *c, size_t n,
		  const char *kh, struct err *e)
{
	int w = 0, r, held;

	if (store_begin(s, e) < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if ((r = count_failure(s, FAIL_ACCOUNT, c[i].id, e)) < 0)
			goto fail;
		w = r > w ? r : w;
	}
	if (n == 0 && (w = count_failure(s, FAIL_UNKNOWN, kh, e)) < 0)
		goto fail;
	if ((held = room_take(s, e)) < 0)
		goto fail;
	if (store_commit(s, e) < 0)
		return -1;
	if (held) {
		s->hold_until = store_now(s) + ROOM_HOLD_S;
		w = w > ROOM_HOLD_S ? w : ROOM_HOLD_S;
	}
	return w;
fail:
	store_rollback(s);
	return -1;
}

static int wait_error(int w, bool room, struct err *e)
{
	if (room)
		return err_set(e, ERR_WAIT,
			       "many wrong PINs were typed on this kiosk: wait "
			       "%d seconds before trying again", w);
	return err_set(e, ERR_WAIT,
		       "too many wrong tries: wait %d seconds before trying "
		       "again", w);
}

static int signed_in(struct store *s, const char *id, struct learner *out,
		     struct err *e)
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
		/* this account's count only: never another's */
		st = store_stmt(s, "DELETE FROM signin_account_fail "
				   "WHERE learner_id = ?1", e);
		if (!st)
			goto fail;
		store_bind_text(st, 1, id);
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
	return store_learner_signin_org(s, name, NULL, pin, out, wait_s, e);
}

int store_learner_signin_org(struct store *s, const char *name,
			     const char *org, const char *pin,
			     struct learner *out, int *wait_s, struct err *e)
{
	struct candidate *c = NULL;
	size_t n = 0, k = 0, found = (size_t)-1, matches = 0;
	char kh[65];
	char *key = text_key(name ? name : ""), *okey = NULL, *typed = NULL;
	int dummy_w, w = 0, ret = -1;

	if (!wait_s)
		wait_s = &dummy_w;
	*wait_s = 0;
	if (!pin)
		pin = "";
	if (s->hold_until > store_now(s)) {
		*wait_s = (int)(s->hold_until - store_now(s));
		wait_error(*wait_s, true, e);
		goto out;
	}
	if (org && !(okey = text_key(org)))
		okey = strdup("\x01"); /* not valid text: matches nobody */
	if (key && candidates(s, key, &c, &n, e) < 0)
		goto out;
	if (n > 1 && !org) {
		err_set(e, ERR_AMBIGUOUS,
			"more than one trainee has this name: the organisation "
			"tells them apart");
		goto out;
	}
	/* keep the trainees of that organisation (all, with one namesake
	 * and no organisation asked) */
	for (size_t i = 0; i < n; i++) {
		if (okey && strcmp(c[i].org_key, okey)) {
			free(c[i].hash);
			free(c[i].org_key);
			continue;
		}
		c[k++] = c[i];
	}
	n = k;
	/* the key a failure counts under when nobody has these credentials */
	typed = g_strdup_printf("%s%s%s", key ? key : "", okey ? "\x1f" : "",
				okey ? okey : "");
	key_hash(typed ? typed : "", kh);
	if (n == 0) {
		if ((w = wait_left(s, FAIL_UNKNOWN, kh, e)) < 0)
			goto out;
	}
	for (size_t i = 0; i < n; i++) {
		int wi = wait_left(s, FAIL_ACCOUNT, c[i].id, e);

		if (wi < 0)
			goto out;
		w = wi > w ? wi : w;
	}
	if (w > 0) {
		*wait_s = w;
		wait_error(w, false, e);
		goto out;
	}
	if (n == 0)
		store_pwverify(s, NULL, pin); /* same time as a real check */
	for (size_t i = 0; i < n; i++) {
		if (c[i].hash && store_pwverify(s, c[i].hash, pin)) {
			found = i;
			matches++;
		}
	}
	if (matches == 1) {
		ret = signed_in(s, c[found].id, out, e);
		goto out;
	}
	if (matches > 1) {
		/* namesakes of one organisation from before version 2 with the
		 * same PIN: neither may be taken for the other */
		err_set(e, ERR_AMBIGUOUS,
			"this name, organisation and PIN fit more than one "
			"trainee: a coordinator must tell them apart");
		goto out;
	}
	if (!s->readonly) {
		if ((w = failed(s, c, n, kh, e)) < 0)
			goto out;
		*wait_s = w;
	}
	err_set(e, ERR_DENIED, "wrong name or PIN");
out:
	candidates_free(c, n);
	g_free(typed);
	free(key);
	free(okey);
	return ret;
}

int store_learner_set_pin(struct store *s, const char *id, const char *current,
			  const char *pin, int *wait_s, struct err *e)
{
	struct candidate c;
	sqlite3_stmt *st;
	char *hash = NULL;
	int dummy_w, w, rc, ret = -1;

	if (!wait_s)
		wait_s = &dummy_w;
	*wait_s = 0;
	memset(&c, 0, sizeof(c));
	if (store_check_writable(s, e) < 0)
		return -1;
	if (!valid_pin(pin))
		return err_set(e, ERR_INVALID, "the PIN must be 4 to 32 digits");
	st = store_stmt(s, "SELECT id, pin_hash FROM learner "
			   "WHERE id = ?1 AND erased = 0", e);
	if (!st)
		return -1;
	store_bind_text(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		bool oom = false;

		store_col_copy(st, 0, c.id, sizeof(c.id));
		c.hash = store_col_dup(st, 1, &oom);
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return err_set(e, ERR_NOTFOUND, "no trainee with id %s",
			       id ? id : "(none)");
	if (rc != SQLITE_ROW)
		return store_fail(s, rc, "reading a trainee", e);
	if ((w = wait_left(s, FAIL_ACCOUNT, c.id, e)) != 0) {
		if (w > 0) {
			*wait_s = w;
			wait_error(w, false, e);
		}
		goto out;
	}
	if (!c.hash || !store_pwverify(s, c.hash, current ? current : "")) {
		if ((w = failed(s, &c, 1, "", e)) < 0)
			goto out;
		*wait_s = w;
		err_set(e, ERR_DENIED, "the current PIN is not right");
		goto out;
	}
	if (store_pwhash(s, pin, &hash, e) < 0)
		goto out;
	if (store_begin(s, e) < 0)
		goto out;
	st = store_stmt(s, "UPDATE learner SET pin_hash = ?2 WHERE id = ?1", e);
	if (!st || (store_bind_text(st, 1, c.id), store_bind_text(st, 2, hash),
		    store_step_done(s, st, "saving the new PIN", e) < 0)) {
		store_rollback(s);
		goto out;
	}
	ret = store_commit(s, e);
out:
	if (c.hash)
		sodium_memzero(c.hash, strlen(c.hash));
	free(c.hash);
	if (hash)
		sodium_memzero(hash, strlen(hash));
	free(hash);
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
	if (part && !(key = fold_key(part)))
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
		      "org_key = NULL, org = NULL, country = NULL, pin_hash = NULL, erased = 1 "
		      "WHERE id = ?1", id, e) < 0 ||
	    run_id(s, "UPDATE certificate SET learner_name = NULL "
		      "WHERE learner_id = ?1", id, e) < 0 ||
	    run_id(s, "DELETE FROM signin_account_fail WHERE learner_id = ?1",
		   id, e) < 0 ||
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

/* ---- schema version 2 ------------------------------------------------------ */

/* Inside the upgrade transaction: every name key recomputed with
 * fold_key(), organisation keys added, and a wait in progress under the
 * old per-name key carried over to each account of that name. */
int store_learner_migrate_v2(struct store *s, struct err *e)
{
	sqlite3_stmt *sel = NULL, *upd = NULL, *carry = NULL, *drop = NULL;
	int rc, ret = -1;

	if (sqlite3_prepare_v2(s->db,
			       "SELECT id, name, org FROM learner "
			       "WHERE erased = 0 AND name IS NOT NULL",
			       -1, &sel, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(s->db,
			       "UPDATE learner SET name_key = ?2, org_key = ?3 "
			       "WHERE id = ?1", -1, &upd, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(s->db,
			       "INSERT OR REPLACE INTO signin_account_fail "
			       "(learner_id, fails, wait_until) "
			       "SELECT ?1, fails, wait_until FROM signin_fail "
			       "WHERE key = ?2", -1, &carry, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(s->db, "DELETE FROM signin_fail WHERE key = ?1",
			       -1, &drop, NULL) != SQLITE_OK) {
		store_fail(s, sqlite3_errcode(s->db), "recomputing name keys", e);
		goto out;
	}
	while ((rc = sqlite3_step(sel)) == SQLITE_ROW) {
		const char *id = (const char *)sqlite3_column_text(sel, 0);
		const char *name = (const char *)sqlite3_column_text(sel, 1);
		const char *org = (const char *)sqlite3_column_text(sel, 2);
		char *nk = fold_key(name), *ok = text_key(org), *old = legacy_key(name);
		char kh[65];
		bool bad = !nk || !ok;

		if (!bad) {
			sqlite3_reset(upd);
			store_bind_text(upd, 1, id);
			store_bind_text(upd, 2, nk);
			store_bind_text(upd, 3, ok);
			bad = sqlite3_step(upd) != SQLITE_DONE;
		}
		if (!bad && old) {
			key_hash(old, kh);
			sqlite3_reset(carry);
			store_bind_text(carry, 1, id);
			store_bind_text(carry, 2, kh);
			bad = sqlite3_step(carry) != SQLITE_DONE;
		}
		free(nk);
		free(ok);
		free(old);
		if (bad) {
			store_fail(s, sqlite3_errcode(s->db),
				   "recomputing name keys", e);
			goto out;
		}
	}
	if (rc != SQLITE_DONE) {
		store_fail(s, rc, "recomputing name keys", e);
		goto out;
	}
	/* The old per-name rows of known names are now per account: drop
	 * them (after every namesake took its copy). */
	sqlite3_reset(sel);
	while ((rc = sqlite3_step(sel)) == SQLITE_ROW) {
		char *old = legacy_key((const char *)sqlite3_column_text(sel, 1));
		char kh[65];

		if (old) {
			key_hash(old, kh);
			free(old);
			sqlite3_reset(drop);
			store_bind_text(drop, 1, kh);
			if (sqlite3_step(drop) != SQLITE_DONE) {
				store_fail(s, sqlite3_errcode(s->db),
					   "recomputing name keys", e);
				goto out;
			}
		}
	}
	if (rc != SQLITE_DONE) {
		store_fail(s, rc, "recomputing name keys", e);
		goto out;
	}
	ret = 0;
out:
	sqlite3_finalize(sel);
	sqlite3_finalize(upd);
	sqlite3_finalize(carry);
	sqlite3_finalize(drop);
	return ret;
}
