/* store.h - the progress store: every answer kept, in SQLite.
 *
 * Only src/store*.c include sqlite3.h.  All times are UTC ISO 8601
 * ("2026-11-28T20:40:43Z"); every row that may travel to another kiosk has
 * a UUID.  Strings in returned structs are owned by the struct; release it
 * with the matching *_release().  A function that writes returns 0 only
 * after its transaction committed (SQLITE_OK): only then may the caller say
 * "saved".  On failure `e->code` tells why (ERR_BUSY, ERR_FULL, ERR_READONLY,
 * ERR_CORRUPT, ERR_TOONEW, ERR_DENIED, ERR_WAIT, ERR_NOTFOUND, ERR_INVALID).
 */
#ifndef CK_STORE_H
#define CK_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "err.h"

struct store;

#define STORE_ID_LEN 36          /* UUID text length */

enum { STORE_READONLY = 1 };

/* $COURSEKIOSK_DB, else $XDG_DATA_HOME/coursekiosk/progress.db, else
 * $HOME/.local/share/coursekiosk/progress.db.  Caller frees. */
char *store_default_path(void);

/* Opens or creates the database (folder 0700, files 0600, symlink refused),
 * migrates it, runs quick_check.  A damaged file is never recreated: the
 * error says so and how to export what is readable. */
struct store *store_open(const char *path, int flags, struct err *e);
/* The path that opens a private in-memory database (for `coursekiosk
 * preview`): no file is created, read or touched; it is gone at close. */
#define STORE_MEMORY ":memory:"
void store_close(struct store *s);
bool store_readonly(const struct store *s);
/* Added: true when opened with STORE_READONLY although quick_check found
 * damage (a read-write opening of a damaged file fails with ERR_CORRUPT). */
bool store_damaged(const struct store *s);
const char *store_path(const struct store *s);

/* Consistent copy through the backup API / VACUUM INTO (never cp).
 * The copy is written beside dest and renamed into place (0600, single
 * file, fsynced).  An existing dest is refused (ERR_INVALID).  The copy is
 * complete, so it holds the secret key: keep it as safely as the database. */
int store_backup(struct store *s, const char *dest, struct err *e);
/* Added: the same, replacing an existing regular file when overwrite is
 * true (never the database itself). */
int store_backup_to(struct store *s, const char *dest, bool overwrite,
		    struct err *e);

/* ---- trainees ------------------------------------------------------- */

/* role: "social-worker", "police", "border", "other" */
struct learner {
	char id[STORE_ID_LEN + 1];
	char *name, *role, *org, *country;
	char *created, *last_seen;
	bool erased;
};
void learner_release(struct learner *l);

/* PIN: 4 to 32 digits (new registrations ask for 6: session.c); hashed
 * with crypto_pwhash_str (Argon2id).  A trainee whose name folds
 * (fold_key) to an existing trainee's must give an organisation whose
 * fold_key differs from each of theirs: -1 with ERR_AMBIGUOUS otherwise. */
int store_learner_create(struct store *s, const char *name, const char *role,
			 const char *org, const char *country, const char *pin,
			 struct learner *out, struct err *e);
/* Name (compared by fold_key: case, accents and spaces ignored) and PIN.
 * Wrong PINs back off persistently per account: -1 with ERR_WAIT and
 * *wait_s seconds to wait, or ERR_DENIED for a wrong name or PIN (the two
 * are not told apart).  *wait_s is always set: after ERR_DENIED it is the
 * wait now imposed before the next try (0 for the first two failures of an
 * account, then 1, 2, 4 ... up to 300 s; see store_learner.c for the
 * room's budget across names).  A name several trainees share gives
 * ERR_AMBIGUOUS: ask for the organisation and use the _org form. */
int store_learner_signin(struct store *s, const char *name, const char *pin,
			 struct learner *out, int *wait_s, struct err *e);
/* The same with the organisation given at registration (compared by
 * fold_key; "" for none).  NULL: not asked. */
int store_learner_signin_org(struct store *s, const char *name,
			     const char *org, const char *pin,
			     struct learner *out, int *wait_s, struct err *e);
/* A new PIN (4 to 32 digits) for trainee id, who must give the current
 * one: ERR_DENIED (counted as a wrong PIN of the account) or ERR_WAIT
 * with *wait_s as for sign-in. */
int store_learner_set_pin(struct store *s, const char *id, const char *current,
			  const char *pin, int *wait_s, struct err *e);
int store_learner_get(struct store *s, const char *id, struct learner *out,
		      struct err *e);
/* Every trainee (erased ones too, flagged), by name; or those whose name
 * contains `part` (case-insensitive) when part is not NULL. */
int store_learner_list(struct store *s, const char *part, struct learner **v,
		       size_t *n, struct err *e);
void learner_list_free(struct learner *v, size_t n);
/* Erases name, organisation, PIN and answers; keeps anonymous counts.
 * 0 when the data is gone from the database files too; 1 when it is
 * erased but another connection was reading, so old copies of the pages
 * stay in the files until a checkpoint after that reader lets go (the
 * last connection to close makes one); -1 on error. */
int store_learner_erase(struct store *s, const char *id, struct err *e);

/* ---- progress per trainee and module -------------------------------- */

enum module_state { MODULE_NOT_STARTED, MODULE_IN_PROGRESS, MODULE_COMPLETE };

struct progress {
	enum module_state state;
	int last_page;           /* page to resume at, 0-based */
	int pages_seen;          /* how many pages (from the first) were read */
	int best_score;          /* percent, -1 when no finished attempt */
	bool passed;             /* a finished attempt passed */
	int attempts;            /* finished attempts */
	int version;             /* module version and hash done (0, "" if none) */
	char hash[65];
	char *started_at;        /* may be NULL */
	char *completed_at;      /* may be NULL */
};
void progress_release(struct progress *p);

int store_progress_get(struct store *s, const char *learner,
		       const char *course, const char *module,
		       struct progress *out, struct err *e);
/* Records that page `page` (0-based) of `npages` was shown. */
int store_page_read(struct store *s, const char *learner, const char *course,
		    const char *module, int version, const char *hash,
		    int page, int npages, struct err *e);
int store_module_complete(struct store *s, const char *learner,
			  const char *course, const char *module, int version,
			  const char *hash, struct err *e);

/* ---- quiz attempts ---------------------------------------------------- */

struct answer_row {
	char *qid;
	char *answer;            /* encoded by quiz.c */
	bool correct;
	double points;
	char *at;
};

struct attempt {
	char id[STORE_ID_LEN + 1];
	int number;              /* 1-based per trainee and module */
	char **qids;             /* questions drawn, in the order shown */
	size_t nqids;
	unsigned long seed;      /* for option shuffles: same on resume */
	struct answer_row *answers;   /* in the order given */
	size_t nanswers;
	bool finished;
	double score;
	int percent;
	bool passed;
	char *started, *ended;   /* ended may be NULL */
};
void attempt_release(struct attempt *a);

int store_attempt_start(struct store *s, const char *learner,
			const char *course, const char *module,
			const char *quiz, const char *const *qids, size_t nqids,
			unsigned long seed, struct attempt *out, struct err *e);
/* The unfinished attempt: 1 found (out filled), 0 none, -1 error. */
int store_attempt_current(struct store *s, const char *learner,
			  const char *course, const char *module,
			  struct attempt *out, struct err *e);
/* Finished and unfinished attempts, oldest first. */
int store_attempt_list(struct store *s, const char *learner,
		       const char *course, const char *module,
		       struct attempt **v, size_t *n, struct err *e);
void attempt_list_free(struct attempt *v, size_t n);
/* One transaction per answer; 0 only after the commit. */
int store_answer_record(struct store *s, const char *attempt_id,
			const char *qid, const char *answer, bool correct,
			double points, struct err *e);
/* Closes the attempt and updates the best score in progress. */
int store_attempt_finish(struct store *s, const char *attempt_id,
			 double score, int percent, bool passed,
			 struct err *e);

/* ---- coordinators ------------------------------------------------------ */

int store_coord_has_passphrase(struct store *s, bool *has, struct err *e);
/* At least 10 characters; Argon2id hash. */
int store_coord_set_passphrase(struct store *s, const char *pass,
			       struct err *e);
/* 0 right; -1 ERR_DENIED wrong, ERR_WAIT with *wait_s (persistent back-off). */
int store_coord_check(struct store *s, const char *pass, int *wait_s,
		      struct err *e);
/* The installation's secret key for certificate codes (created on first
 * use, never exported). */
int store_secret_key(struct store *s, unsigned char key[32], struct err *e);

/* ---- certificates ------------------------------------------------------ */

struct cert_record {
	unsigned long serial;
	char id[STORE_ID_LEN + 1];
	char learner_id[STORE_ID_LEN + 1];
	char *learner_name;      /* as at issue; NULL once the trainee is erased */
	char *course_id;
	int course_version;
	char *issued;            /* YYYY-MM-DD */
	char *expires;           /* YYYY-MM-DD or NULL */
	char *code;              /* 16 characters, unformatted */
	bool revoked;
	char *revoked_at;
};
void cert_record_release(struct cert_record *c);

/* Called inside the issuing transaction with the new serial, to compute the
 * code (which covers the serial) into rec->code (malloc'd). */
typedef int (*store_code_fn)(struct cert_record *rec, void *arg,
			     struct err *e);
/* Inserts a new certificate (serial assigned here); rec->serial and
 * rec->code are filled on success. */
int store_cert_issue(struct store *s, struct cert_record *rec,
		     store_code_fn make_code, void *arg, struct err *e);
/* The latest unrevoked certificate of a trainee for a course version:
 * 1 found, 0 none, -1 error. */
int store_cert_find(struct store *s, const char *learner, const char *course,
		    int version, struct cert_record *out, struct err *e);
int store_cert_get(struct store *s, unsigned long serial,
		   struct cert_record *out, struct err *e);
int store_cert_list(struct store *s, const char *course,
		    struct cert_record **v, size_t *n, struct err *e);
void cert_list_free(struct cert_record *v, size_t n);
int store_cert_revoke(struct store *s, unsigned long serial, struct err *e);

/* ---- audit trail: hash-chained, append-only ---------------------------- */

struct audit_entry {
	long seq;
	char *at;
	char *action;            /* "signin", "signin-failed", "certificate-issued" ... */
	char *detail;
	char prev[65], hash[65]; /* hex crypto_generichash chain */
};
void audit_list_free(struct audit_entry *v, size_t n);
int store_audit_append(struct store *s, const char *action,
		       const char *detail, struct err *e);
int store_audit_list(struct store *s, struct audit_entry **v, size_t *n,
		     struct err *e);
/* 0 intact; 1 broken (*bad_seq = first bad entry); -1 error. */
int store_audit_verify(struct store *s, long *bad_seq, struct err *e);

/* ---- reports ------------------------------------------------------------ */

struct report_row {
	const char *learner_id, *name, *role, *org, *country;
	const char *course_id, *module_id;
	int version;
	enum module_state state;
	int best_score;          /* -1 none */
	int attempts;
	const char *first_seen, *completed_at;  /* completed_at may be NULL */
};
/* Streams one row per trainee and module with progress (course NULL = all),
 * ordered by name, course, module; fn returns non-zero to stop.  Strings
 * are valid only during the call. */
int store_report_each(struct store *s, const char *course,
		      int (*fn)(const struct report_row *row, void *arg),
		      void *arg, struct err *e);

struct module_stats {
	char *module_id;
	char *course_id;         /* added: when course is NULL, ids may repeat */
	int started, completed;
	double avg_best_score;   /* over trainees with a finished attempt */
};
int store_module_stats(struct store *s, const char *course,
		       struct module_stats **v, size_t *n, struct err *e);
void module_stats_free(struct module_stats *v, size_t n);

struct missed_question {
	char *module_id, *qid;
	int wrong, answered;
};
int store_most_missed(struct store *s, const char *course, int limit,
		      struct missed_question **v, size_t *n, struct err *e);
void missed_free(struct missed_question *v, size_t n);

/* ---- test hooks ----------------------------------------------------------- */

/* Sets max_page_count on this connection (simulates a full disk). */
int store_test_limit_pages(struct store *s, int pages, struct err *e);
/* Added, for tests only: */
/* Runs raw SQL on the store's connection (tampering, fixtures). */
int store_test_exec(struct store *s, const char *sql, struct err *e);
/* Hash PINs/passphrases made through s with libsodium's minimum limits. */
void store_test_fast_hash(struct store *s);
/* Adds offset_s seconds to the store's clock (back-off expiry). */
void store_test_clock(struct store *s, long offset_s);
/* Stops the store's clock at `at` (the offset still applies), so back-off
 * tests do not depend on how fast the machine runs them. */
void store_test_freeze_clock(struct store *s, time_t at);
void store_test_busy_timeout(struct store *s, int ms);
/* Registers one more migration step (SQL) after the newest real one, so
 * the next store_open upgrades to version known + 1; NULL removes it. */
void store_test_extra_migration(const char *sql);

#endif
