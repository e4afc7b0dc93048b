/* store_progress.c - progress per trainee and module: pages read and
 * completion.  Quiz attempts are in store_attempt.c.
 */
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"

void progress_release(struct progress *p)
{
	if (!p)
		return;
	free(p->started_at);
	free(p->completed_at);
	memset(p, 0, sizeof(*p));
}

int store_progress_get(struct store *s, const char *learner,
		       const char *course, const char *module,
		       struct progress *out, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s,
		"SELECT state, last_page, pages_seen, best_score, passed, "
		"attempts, version, hash, started_at, completed_at "
		"FROM progress WHERE learner_id = ?1 AND course_id = ?2 "
		"AND module_id = ?3", e);
	bool oom = false;
	int rc;

	memset(out, 0, sizeof(*out));
	out->best_score = -1;
	if (!st)
		return -1;
	store_bind_text(st, 1, learner);
	store_bind_text(st, 2, course);
	store_bind_text(st, 3, module);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->state = (enum module_state)sqlite3_column_int(st, 0);
		out->last_page = sqlite3_column_int(st, 1);
		out->pages_seen = sqlite3_column_int(st, 2);
		out->best_score = sqlite3_column_int(st, 3);
		out->passed = sqlite3_column_int(st, 4) != 0;
		out->attempts = sqlite3_column_int(st, 5);
		out->version = sqlite3_column_int(st, 6);
		store_col_copy(st, 7, out->hash, sizeof(out->hash));
		out->started_at = store_col_dup(st, 8, &oom);
		out->completed_at = store_col_dup(st, 9, &oom);
	}
	sqlite3_reset(st);
	if (oom) {
		progress_release(out);
		return err_set(e, ERR_GENERIC, "out of memory");
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(s, rc, "reading progress", e);
	return 0;
}

int store_learner_active(struct store *s, const char *learner, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s,
		"SELECT erased FROM learner WHERE id = ?1", e);
	int rc, erased = 0;

	if (!st)
		return -1;
	store_bind_text(st, 1, learner);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		erased = sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	if (rc == SQLITE_DONE || erased)
		return err_set(e, ERR_NOTFOUND, "no trainee with id %s",
			       learner ? learner : "(none)");
	if (rc != SQLITE_ROW)
		return store_fail(s, rc, "reading a trainee", e);
	return 0;
}

int store_progress_touch(struct store *s, const char *learner,
			 const char *course, const char *module,
			 const char *now, struct err *e)
{
	char id[STORE_ID_LEN + 1];
	sqlite3_stmt *st = store_stmt(s,
		"INSERT INTO progress (id, learner_id, course_id, module_id, "
		"state, started_at, updated_at) VALUES (?1, ?2, ?3, ?4, 1, ?5, ?5) "
		"ON CONFLICT (learner_id, course_id, module_id) DO UPDATE SET "
		"state = max(state, 1), started_at = coalesce(started_at, ?5), "
		"updated_at = ?5", e);

	if (!st)
		return -1;
	store_uuid(id);
	store_bind_text(st, 1, id);
	store_bind_text(st, 2, learner);
	store_bind_text(st, 3, course);
	store_bind_text(st, 4, module);
	store_bind_text(st, 5, now);
	return store_step_done(s, st, "saving progress", e);
}

static int check_ids(const char *learner, const char *course,
		     const char *module, struct err *e)
{
	if (!learner || !*learner || !course || !*course || !module || !*module)
		return err_set(e, ERR_INVALID,
			       "trainee, course and module ids are needed");
	return 0;
}

int store_page_read(struct store *s, const char *learner, const char *course,
		    const char *module, int version, const char *hash,
		    int page, int npages, struct err *e)
{
	char now[STORE_TIME_LEN + 1];
	sqlite3_stmt *st;

	(void)version; /* recorded at completion: "the version done" */
	(void)hash;
	if (check_ids(learner, course, module, e) < 0)
		return -1;
	if (page < 0 || npages < 1 || page >= npages)
		return err_set(e, ERR_INVALID, "page %d of %d is out of range",
			       page, npages);
	store_time_text(s, now);
	if (store_begin(s, e) < 0)
		return -1;
	if (store_learner_active(s, learner, e) < 0 ||
	    store_progress_touch(s, learner, course, module, now, e) < 0)
		goto fail;
	/* pages_seen grows only through consecutive pages from the first. */
	st = store_stmt(s,
		"UPDATE progress SET last_page = ?4, npages = ?5, "
		"pages_seen = min(?5, CASE WHEN ?4 <= pages_seen "
		"THEN max(pages_seen, ?4 + 1) ELSE pages_seen END) "
		"WHERE learner_id = ?1 AND course_id = ?2 AND module_id = ?3", e);
	if (!st)
		goto fail;
	store_bind_text(st, 1, learner);
	store_bind_text(st, 2, course);
	store_bind_text(st, 3, module);
	sqlite3_bind_int(st, 4, page);
	sqlite3_bind_int(st, 5, npages);
	if (store_step_done(s, st, "saving progress", e) < 0)
		goto fail;
	return store_commit(s, e);
fail:
	store_rollback(s);
	return -1;
}

int store_module_complete(struct store *s, const char *learner,
			  const char *course, const char *module, int version,
			  const char *hash, struct err *e)
{
	char now[STORE_TIME_LEN + 1];
	sqlite3_stmt *st;

	if (check_ids(learner, course, module, e) < 0)
		return -1;
	store_time_text(s, now);
	if (store_begin(s, e) < 0)
		return -1;
	if (store_learner_active(s, learner, e) < 0 ||
	    store_progress_touch(s, learner, course, module, now, e) < 0)
		goto fail;
	/* Completing the same version again keeps the first date; a new
	 * version of the module is a new completion. */
	st = store_stmt(s,
		"UPDATE progress SET completed_at = CASE WHEN state = 2 AND "
		"version = ?4 AND hash = ?5 THEN completed_at ELSE ?6 END, "
		"state = 2, version = ?4, hash = ?5, pages_seen = max(pages_seen, npages) "
		"WHERE learner_id = ?1 AND course_id = ?2 AND module_id = ?3", e);
	if (!st)
		goto fail;
	store_bind_text(st, 1, learner);
	store_bind_text(st, 2, course);
	store_bind_text(st, 3, module);
	sqlite3_bind_int(st, 4, version);
	store_bind_text(st, 5, hash ? hash : "");
	store_bind_text(st, 6, now);
	if (store_step_done(s, st, "saving the completion", e) < 0)
		goto fail;
	return store_commit(s, e);
fail:
	store_rollback(s);
	return -1;
}
