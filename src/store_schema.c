/* store_schema.c - the database schema and its migrations.
 *
 * THE SCHEMA (version 1), for people writing reports and the sync
 * ---------------------------------------------------------------
 * One SQLite file (default $XDG_DATA_HOME/coursekiosk/progress.db), WAL
 * mode, PRAGMA user_version = schema version, PRAGMA application_id =
 * 0x436b4b31 ("CkK1").  Times are UTC text "YYYY-MM-DDTHH:MM:SSZ";
 * certificate dates are "YYYY-MM-DD".  Ids named `id` are random UUIDs
 * (RFC 4122 v4, lower-case text), so rows made on different kiosks never
 * clash; `installation` in meta says which kiosk made the file.
 *
 * meta(key PK, value)          installation (UUID), created, audit_head
 *                              ("SEQ HASH" of the last audit entry)
 * learner                      one row per trainee
 *   id, name (NFC, as typed), name_key (NFC + case folded, for sign-in),
 *   role ('social-worker'|'police'|'border'|'other'), org, country,
 *   pin_hash (Argon2id string), created, last_seen, erased (0/1).
 *   After erasure: name, name_key, org, country, pin_hash are NULL and
 *   erased = 1; role, dates and all counts stay (anonymous statistics).
 * signin_fail(key PK, fails, wait_until)
 *   persistent back-off of wrong PINs per typed name (wait_until in unix
 *   seconds); key = hex BLAKE2b-256 of the folded name, so the wait does
 *   not tell known names from unknown ones and no name is kept in clear.
 * progress                     one row per trainee, course and module
 *   id, learner_id -> learner, course_id, module_id (ids from the course
 *   XML), state (0 not started, 1 in progress, 2 complete), last_page
 *   (0-based, where to resume), pages_seen (read from the first page on),
 *   npages, best_score (percent, -1 none), passed (0/1), attempts
 *   (finished ones), version + hash (module version and content hash
 *   completed; 0 and '' until complete), started_at, completed_at,
 *   updated_at.  UNIQUE(learner_id, course_id, module_id).
 * attempt                      one quiz attempt
 *   id, learner_id -> learner, course_id, module_id, quiz_id, number
 *   (1-based per trainee and module), seed (option shuffles; signed 64-bit
 *   holding the caller's unsigned long), started, ended (NULL while open),
 *   finished (0/1), score (points), percent, passed (0/1).
 * attempt_question(attempt_id -> attempt, pos, qid)
 *   the questions drawn, in the order shown (pos from 0).
 * answer                       one row per answer given
 *   id, attempt_id -> attempt, seq (1-based order within the attempt),
 *   qid, answer (text encoded by quiz.c), correct (0/1), points, at.
 *   Deleted when the trainee is erased.
 * certificate                  certificates issued
 *   serial (INTEGER PK, 1, 2, ...; local to this kiosk), id (UUID),
 *   learner_id -> learner, learner_name (as printed; NULL once erased),
 *   course_id, course_version, issued, expires (NULL: no expiry), code
 *   (16 characters), revoked (0/1), revoked_at.
 * coord(id = 1, pass_hash, fails, wait_until)   coordinator passphrase
 * secret(id = 1, key BLOB(32), created)
 *   the installation's key for certificate codes.  Never export it in a
 *   report or sync; a backup is a full copy and so contains it: keep
 *   backups as safely as the database itself.
 * audit(seq PK, id, at, action, detail, prev, hash)
 *   append-only; hash = hex BLAKE2b-256 (crypto_generichash) over prev,
 *   seq, at, action and detail, each preceded by its length as 8 bytes
 *   little-endian; prev of the first entry is 64 zeros.  Details carry
 *   ids, never names: erasure cannot remove text from the chain.
 *
 * VERSION 2 (sign-in that cannot be abused; src/store_learner.c)
 * learner.name_key           recomputed with fold_key() (fold.h): NFD,
 *                            marks dropped, case folded, C transliteration,
 *                            spaces squeezed ("ioana stanescu-turcanu")
 * learner.org_key (added)    fold_key() of org ('' for none; NULL once
 *                            erased).  Registration refuses a second
 *                            trainee with the same name_key unless the
 *                            org_key differs from every namesake's, so no
 *                            two accounts answer to the same credentials.
 *                            Index learner_by_name_org (name_key, org_key).
 * signin_account_fail(learner_id PK -> learner, fails, wait_until)
 *   the wrong-PIN back-off per account (wait_until in unix seconds); only
 *   that account's correct PIN deletes its row.
 * signin_fail                now only for names (or name + organisation)
 *   nobody has: key = hex BLAKE2b-256 of the fold_key, or of name key,
 *   0x1f, organisation key.  Waits under the old per-name keys were
 *   carried over to each account of the name.
 * signin_rate(id = 1, tokens REAL, updated)
 *   the room's budget of wrong PINs across all names: a token bucket
 *   (30 tokens, one more each 20 s, `updated` in unix seconds).
 *
 * Reports should read progress joined to learner (one query; see
 * store_report.c).  Sync should merge on the UUIDs; serial and seq are local.
 */
#include <sqlite3.h>
#include <stdio.h>

#include "store_int.h"

static const char schema_v1[] =
	"CREATE TABLE meta (\n"
	"  key TEXT PRIMARY KEY,\n"
	"  value TEXT NOT NULL\n"
	");\n"
	"CREATE TABLE learner (\n"
	"  id TEXT PRIMARY KEY,\n"
	"  name TEXT,\n"
	"  name_key TEXT,\n"
	"  role TEXT NOT NULL CHECK (role IN\n"
	"    ('social-worker', 'police', 'border', 'other')),\n"
	"  org TEXT,\n"
	"  country TEXT,\n"
	"  pin_hash TEXT,\n"
	"  created TEXT NOT NULL,\n"
	"  last_seen TEXT NOT NULL,\n"
	"  erased INTEGER NOT NULL DEFAULT 0\n"
	");\n"
	"CREATE INDEX learner_by_name ON learner (name_key);\n"
	"CREATE TABLE signin_fail (\n"
	"  key TEXT PRIMARY KEY,\n"
	"  fails INTEGER NOT NULL,\n"
	"  wait_until INTEGER NOT NULL\n"
	");\n"
	"CREATE TABLE progress (\n"
	"  id TEXT PRIMARY KEY,\n"
	"  learner_id TEXT NOT NULL REFERENCES learner (id),\n"
	"  course_id TEXT NOT NULL,\n"
	"  module_id TEXT NOT NULL,\n"
	"  state INTEGER NOT NULL DEFAULT 0 CHECK (state BETWEEN 0 AND 2),\n"
	"  last_page INTEGER NOT NULL DEFAULT 0,\n"
	"  pages_seen INTEGER NOT NULL DEFAULT 0,\n"
	"  npages INTEGER NOT NULL DEFAULT 0,\n"
	"  best_score INTEGER NOT NULL DEFAULT -1,\n"
	"  passed INTEGER NOT NULL DEFAULT 0,\n"
	"  attempts INTEGER NOT NULL DEFAULT 0,\n"
	"  version INTEGER NOT NULL DEFAULT 0,\n"
	"  hash TEXT NOT NULL DEFAULT '',\n"
	"  started_at TEXT,\n"
	"  completed_at TEXT,\n"
	"  updated_at TEXT NOT NULL,\n"
	"  UNIQUE (learner_id, course_id, module_id)\n"
	");\n"
	"CREATE INDEX progress_by_course ON progress (course_id, module_id);\n"
	"CREATE TABLE attempt (\n"
	"  id TEXT PRIMARY KEY,\n"
	"  learner_id TEXT NOT NULL REFERENCES learner (id),\n"
	"  course_id TEXT NOT NULL,\n"
	"  module_id TEXT NOT NULL,\n"
	"  quiz_id TEXT NOT NULL,\n"
	"  number INTEGER NOT NULL,\n"
	"  seed INTEGER NOT NULL,\n"
	"  started TEXT NOT NULL,\n"
	"  ended TEXT,\n"
	"  finished INTEGER NOT NULL DEFAULT 0,\n"
	"  score REAL NOT NULL DEFAULT 0,\n"
	"  percent INTEGER NOT NULL DEFAULT 0,\n"
	"  passed INTEGER NOT NULL DEFAULT 0,\n"
	"  UNIQUE (learner_id, course_id, module_id, number)\n"
	");\n"
	"CREATE INDEX attempt_by_course ON attempt (course_id, module_id);\n"
	"CREATE TABLE attempt_question (\n"
	"  attempt_id TEXT NOT NULL REFERENCES attempt (id) ON DELETE CASCADE,\n"
	"  pos INTEGER NOT NULL,\n"
	"  qid TEXT NOT NULL,\n"
	"  PRIMARY KEY (attempt_id, pos)\n"
	") WITHOUT ROWID;\n"
	"CREATE TABLE answer (\n"
	"  id TEXT PRIMARY KEY,\n"
	"  attempt_id TEXT NOT NULL REFERENCES attempt (id) ON DELETE CASCADE,\n"
	"  seq INTEGER NOT NULL,\n"
	"  qid TEXT NOT NULL,\n"
	"  answer TEXT NOT NULL,\n"
	"  correct INTEGER NOT NULL,\n"
	"  points REAL NOT NULL,\n"
	"  at TEXT NOT NULL,\n"
	"  UNIQUE (attempt_id, seq)\n"
	");\n"
	"CREATE TABLE certificate (\n"
	"  serial INTEGER PRIMARY KEY AUTOINCREMENT,\n"
	"  id TEXT NOT NULL UNIQUE,\n"
	"  learner_id TEXT NOT NULL REFERENCES learner (id),\n"
	"  learner_name TEXT,\n"
	"  course_id TEXT NOT NULL,\n"
	"  course_version INTEGER NOT NULL,\n"
	"  issued TEXT NOT NULL,\n"
	"  expires TEXT,\n"
	"  code TEXT NOT NULL,\n"
	"  revoked INTEGER NOT NULL DEFAULT 0,\n"
	"  revoked_at TEXT\n"
	");\n"
	"CREATE INDEX certificate_by_learner ON certificate\n"
	"  (learner_id, course_id, course_version);\n"
	"CREATE TABLE coord (\n"
	"  id INTEGER PRIMARY KEY CHECK (id = 1),\n"
	"  pass_hash TEXT,\n"
	"  fails INTEGER NOT NULL DEFAULT 0,\n"
	"  wait_until INTEGER NOT NULL DEFAULT 0\n"
	");\n"
	"CREATE TABLE secret (\n"
	"  id INTEGER PRIMARY KEY CHECK (id = 1),\n"
	"  key BLOB NOT NULL CHECK (length(key) = 32),\n"
	"  created TEXT NOT NULL\n"
	");\n"
	"CREATE TABLE audit (\n"
	"  seq INTEGER PRIMARY KEY,\n"
	"  id TEXT NOT NULL UNIQUE,\n"
	"  at TEXT NOT NULL,\n"
	"  action TEXT NOT NULL,\n"
	"  detail TEXT NOT NULL,\n"
	"  prev TEXT NOT NULL,\n"
	"  hash TEXT NOT NULL\n"
	");\n";

/* migrations[v] takes a database from version v to v + 1.  Version 0 is
 * the empty file.  A step is SQL, then (optionally) C for what SQL cannot
 * do (recomputing keys, moving secrets), both inside the one upgrade
 * transaction.  A later version appends its step here; never edit a step
 * that has shipped. */
struct migration {
	const char *sql;
	int (*fn)(struct store *s, struct err *e); /* NULL: SQL only */
};

/* Version 3: sign-in that cannot be abused (see the top of the file). */
static const char schema_v2[] =
	"ALTER TABLE learner ADD COLUMN org_key TEXT;\n"
	"CREATE INDEX learner_by_name_org ON learner (name_key, org_key);\n"
	"CREATE TABLE signin_account_fail (\n"
	"  learner_id TEXT PRIMARY KEY REFERENCES learner (id),\n"
	"  fails INTEGER NOT NULL,\n"
	"  wait_until INTEGER NOT NULL\n"
	");\n"
	"CREATE TABLE signin_rate (\n"
	"  id INTEGER PRIMARY KEY CHECK (id = 1),\n"
	"  tokens REAL NOT NULL,\n"
	"  updated INTEGER NOT NULL\n"
	");\n";

static const struct migration migrations[] = {
	{ schema_v1, NULL },
	{ schema_v2, store_learner_migrate_v2 },
};

#define NMIGRATIONS ((int)(sizeof(migrations) / sizeof(migrations[0])))

static const char *test_step; /* store_test_extra_migration() */

int store_known_version(void)
{
	return NMIGRATIONS + (test_step ? 1 : 0);
}

void store_test_extra_migration(const char *sql)
{
	test_step = sql;
}

static int user_version(struct store *s, long *v, struct err *e)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &st, NULL);

	if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		*v = (long)sqlite3_column_int64(st, 0);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_OK)
		return store_fail(s, rc, "reading the schema version", e);
	return 0;
}

static int meta_init(struct store *s, struct err *e)
{
	char id[STORE_ID_LEN + 1], now[STORE_TIME_LEN + 1];
	sqlite3_stmt *st;
	int rc;

	store_uuid(id);
	store_time_text(s, now);
	rc = sqlite3_prepare_v2(s->db,
				"INSERT OR IGNORE INTO meta (key, value) "
				"VALUES ('installation', ?1), ('created', ?2)",
				-1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, now, -1, SQLITE_TRANSIENT);
		rc = sqlite3_step(st);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_fail(s, rc, "creating the progress database", e);
	return 0;
}

/* All steps run in one transaction: a failed upgrade leaves the database
 * exactly as it was. */
int store_migrate(struct store *s, int from, struct err *e)
{
	int known = store_known_version();
	long v = 0;
	char sql[96];

	(void)from; /* re-read below: another kiosk may have upgraded it */
	if (store_begin(s, e) < 0)
		return err_prefix(e, "upgrading %s: ", s->path);
	if (user_version(s, &v, e) < 0)
		goto fail;
	if (v > known) {
		err_set(e, ERR_TOONEW,
			"%s was written by a newer coursekiosk (schema version "
			"%ld; this one knows up to %d). It was left untouched.",
			s->path, v, known);
		goto fail;
	}
	for (; v < known; v++) {
		const char *step = v < NMIGRATIONS ? migrations[v].sql : test_step;
		int (*fn)(struct store *, struct err *) =
			v < NMIGRATIONS ? migrations[v].fn : NULL;

		if (sqlite3_exec(s->db, step, NULL, NULL, NULL) != SQLITE_OK) {
			char what[160];

			snprintf(what, sizeof(what),
				 "upgrading the database from schema version "
				 "%ld to %ld",
				 v, v + 1);
			store_fail(s, sqlite3_errcode(s->db), what, e);
			goto fail;
		}
		if (v == 0 && meta_init(s, e) < 0)
			goto fail;
		if (fn && fn(s, e) < 0) {
			err_prefix(e, "upgrading the database to schema "
				   "version %ld: ", v + 1);
			goto fail;
		}
	}
	snprintf(sql, sizeof(sql),
		 "PRAGMA application_id=%d; PRAGMA user_version=%d",
		 STORE_APP_ID, known);
	if (store_exec(s, sql, e) < 0)
		goto fail;
	return store_commit(s, e);
fail:
	store_rollback(s);
	return -1;
}
