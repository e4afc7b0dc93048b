/* store_int.h - private to src/store*.c: the connection, statement cache,
 * transactions and error mapping shared by the store's files.
 *
 * sqlite3.h is not included here (only src/store*.c include it); the
 * handles are forward-declared.
 */
#ifndef CK_STORE_INT_H
#define CK_STORE_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "err.h"
#include "store.h"

struct sqlite3;
struct sqlite3_stmt;

#define STORE_APP_ID 0x436b4b31 /* "CkK1": marks a coursekiosk database */
#define STORE_TIME_LEN 20 /* "2026-11-28T20:40:43Z" */

struct store_stmt {
	const char *sql;        /* static string: compared by address */
	struct sqlite3_stmt *st;
};

struct store {
	struct sqlite3 *db;
	char *path;
	bool readonly;
	bool file_readonly;      /* opened for writing, but the file is not */
	bool damaged;            /* quick_check failed (read-only opening) */
	bool fast_hash;          /* test hook: cheap Argon2id parameters */
	long clock_offset;       /* test hook: seconds added to the clock */
	time_t frozen_at;        /* test hook: the clock stands here (0: runs) */
	char *dummy_hash;        /* for unknown names when fast_hash */
	time_t hold_until;       /* this connection checks no PIN before
				    (the room's wrong-PIN budget ran out) */
	struct store_stmt *cache; /* grows; statements are never evicted,
				    so a caller's pointer stays valid */
	size_t ncache, capcache;
};

/* The statement for `sql` (a string literal), reset and unbound. */
struct sqlite3_stmt *store_stmt(struct store *s, const char *sql,
				struct err *e);

/* BEGIN IMMEDIATE / COMMIT / ROLLBACK.  store_commit returns 0 only when
 * COMMIT returned SQLITE_OK; on failure it rolls back. */
int store_begin(struct store *s, struct err *e);
int store_commit(struct store *s, struct err *e);
void store_rollback(struct store *s);

/* Turns the connection's last error (rc) into a message a person can act
 * on, with the right ERR_* code, prefixed by `what`. */
int store_fail(struct store *s, int rc, const char *what, struct err *e);

/* Runs one statement with no result rows. */
int store_exec(struct store *s, const char *sql, struct err *e);

/* Steps a statement that returns no rows (SQLITE_DONE expected). */
int store_step_done(struct store *s, struct sqlite3_stmt *st,
		    const char *what, struct err *e);

/* Refuses writes on a read-only store with a clear message. */
int store_check_writable(struct store *s, struct err *e);

time_t store_now(const struct store *s);
void store_time_text(const struct store *s, char out[STORE_TIME_LEN + 1]);
void store_uuid(char out[STORE_ID_LEN + 1]);

/* Binds text or NULL. */
int store_bind_text(struct sqlite3_stmt *st, int i, const char *v);
/* Copy of column i (NULL stays NULL); *oom set when out of memory. */
char *store_col_dup(struct sqlite3_stmt *st, int i, bool *oom);
void store_col_copy(struct sqlite3_stmt *st, int i, char *out, size_t size);

/* Argon2id (interactive limits, or cheap ones under the test hook). */
int store_pwhash(struct store *s, const char *secret, char **out,
		 struct err *e);
/* 1 matches, 0 does not.  A NULL hash is checked against a dummy so the
 * time taken does not tell whether the name exists. */
int store_pwverify(struct store *s, const char *hash, const char *secret);

/* Persistent back-off: seconds to wait after `fails` failures. */
int store_backoff_seconds(long fails);

/* Inside a write transaction (store_progress.c): the trainee exists and
 * is not erased; the progress row exists and is at least in progress. */
int store_learner_active(struct store *s, const char *learner, struct err *e);
int store_progress_touch(struct store *s, const char *learner,
			 const char *course, const char *module,
			 const char *now, struct err *e);

/* Schema version 2's C step (store_learner.c): name keys by fold_key(),
 * organisation keys, per-account back-off carried over. */
int store_learner_migrate_v2(struct store *s, struct err *e);

/* Schema (store_schema.c): the newest version this build knows. */
int store_known_version(void);
int store_migrate(struct store *s, int from, struct err *e);

#endif
