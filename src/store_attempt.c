/* store_attempt.c - quiz attempts: the questions drawn (so a resumed
 * attempt shows the same ones), every answer in its own transaction, and
 * the result, which updates the module's best score.
 */
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"

void attempt_release(struct attempt *a)
{
	if (!a)
		return;
	for (size_t i = 0; i < a->nqids; i++)
		free(a->qids[i]);
	free(a->qids);
	for (size_t i = 0; i < a->nanswers; i++) {
		free(a->answers[i].qid);
		free(a->answers[i].answer);
		free(a->answers[i].at);
	}
	free(a->answers);
	free(a->started);
	free(a->ended);
	memset(a, 0, sizeof(*a));
}

void attempt_list_free(struct attempt *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		attempt_release(&v[i]);
	free(v);
}

static int load_qids(struct store *s, struct attempt *a, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s,
		"SELECT qid FROM attempt_question WHERE attempt_id = ?1 "
		"ORDER BY pos", e);
	bool oom = false;
	int rc;

	if (!st)
		return -1;
	store_bind_text(st, 1, a->id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char **nv = realloc(a->qids, (a->nqids + 1) * sizeof(*nv));

		if (!nv) {
			oom = true;
			break;
		}
		a->qids = nv;
		nv[a->nqids] = store_col_dup(st, 0, &oom);
		a->nqids++;
	}
	sqlite3_reset(st);
	if (oom)
		return err_set(e, ERR_GENERIC, "out of memory");
	if (rc != SQLITE_DONE)
		return store_fail(s, rc, "reading an attempt", e);
	return 0;
}

static int load_answers(struct store *s, struct attempt *a, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s,
		"SELECT qid, answer, correct, points, at FROM answer "
		"WHERE attempt_id = ?1 ORDER BY seq", e);
	bool oom = false;
	int rc;

	if (!st)
		return -1;
	store_bind_text(st, 1, a->id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct answer_row *nv =
			realloc(a->answers, (a->nanswers + 1) * sizeof(*nv));

		if (!nv) {
			oom = true;
			break;
		}
		a->answers = nv;
		nv += a->nanswers;
		nv->qid = store_col_dup(st, 0, &oom);
		nv->answer = store_col_dup(st, 1, &oom);
		nv->correct = sqlite3_column_int(st, 2) != 0;
		nv->points = sqlite3_column_double(st, 3);
		nv->at = store_col_dup(st, 4, &oom);
		a->nanswers++;
	}
	sqlite3_reset(st);
	if (oom)
		return err_set(e, ERR_GENERIC, "out of memory");
	if (rc != SQLITE_DONE)
		return store_fail(s, rc, "reading an attempt", e);
	return 0;
}

static int attempt_load(struct store *s, const char *id, struct attempt *a,
			struct err *e)
{
	sqlite3_stmt *st = store_stmt(s,
		"SELECT id, number, seed, finished, score, percent, passed, "
		"started, ended FROM attempt WHERE id = ?1", e);
	bool oom = false;
	int rc;

	memset(a, 0, sizeof(*a));
	if (!st)
		return -1;
	store_bind_text(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		store_col_copy(st, 0, a->id, sizeof(a->id));
		a->number = sqlite3_column_int(st, 1);
		a->seed = (unsigned long)sqlite3_column_int64(st, 2);
		a->finished = sqlite3_column_int(st, 3) != 0;
		a->score = sqlite3_column_double(st, 4);
		a->percent = sqlite3_column_int(st, 5);
		a->passed = sqlite3_column_int(st, 6) != 0;
		a->started = store_col_dup(st, 7, &oom);
		a->ended = store_col_dup(st, 8, &oom);
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return err_set(e, ERR_NOTFOUND, "no attempt with id %s", id);
	if (rc != SQLITE_ROW)
		return store_fail(s, rc, "reading an attempt", e);
	if (oom)
		err_set(e, ERR_GENERIC, "out of memory");
	if (oom || load_qids(s, a, e) < 0 || load_answers(s, a, e) < 0) {
		attempt_release(a);
		return -1;
	}
	return 0;
}

static int next_number(struct store *s, const char *learner,
		       const char *course, const char *module, int *num,
		       struct err *e)
{
	sqlite3_stmt *st = store_stmt(s,
		"SELECT coalesce(max(number), 0) + 1 FROM attempt "
		"WHERE learner_id = ?1 AND course_id = ?2 AND module_id = ?3", e);
	int rc;

	if (!st)
		return -1;
	store_bind_text(st, 1, learner);
	store_bind_text(st, 2, course);
	store_bind_text(st, 3, module);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*num = sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return store_fail(s, rc, "starting the quiz", e);
	return 0;
}

int store_attempt_start(struct store *s, const char *learner,
			const char *course, const char *module,
			const char *quiz, const char *const *qids, size_t nqids,
			unsigned long seed, struct attempt *out, struct err *e)
{
	char id[STORE_ID_LEN + 1], now[STORE_TIME_LEN + 1];
	sqlite3_stmt *st;
	int num = 1;

	if (!learner || !course || !module || !*module || !quiz || !*quiz ||
	    (nqids && !qids))
		return err_set(e, ERR_INVALID,
			       "trainee, course, module and quiz are needed");
	for (size_t i = 0; i < nqids; i++)
		if (!qids[i] || !*qids[i])
			return err_set(e, ERR_INVALID, "empty question id");
	store_uuid(id);
	store_time_text(s, now);
	if (store_begin(s, e) < 0)
		return -1;
	if (store_learner_active(s, learner, e) < 0 ||
	    store_progress_touch(s, learner, course, module, now, e) < 0 ||
	    next_number(s, learner, course, module, &num, e) < 0)
		goto fail;
	st = store_stmt(s,
		"INSERT INTO attempt (id, learner_id, course_id, module_id, "
		"quiz_id, number, seed, started) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", e);
	if (!st)
		goto fail;
	store_bind_text(st, 1, id);
	store_bind_text(st, 2, learner);
	store_bind_text(st, 3, course);
	store_bind_text(st, 4, module);
	store_bind_text(st, 5, quiz);
	sqlite3_bind_int(st, 6, num);
	sqlite3_bind_int64(st, 7, (sqlite3_int64)seed);
	store_bind_text(st, 8, now);
	if (store_step_done(s, st, "starting the quiz", e) < 0)
		goto fail;
	for (size_t i = 0; i < nqids; i++) {
		st = store_stmt(s,
			"INSERT INTO attempt_question (attempt_id, pos, qid) "
			"VALUES (?1, ?2, ?3)", e);
		if (!st)
			goto fail;
		store_bind_text(st, 1, id);
		sqlite3_bind_int64(st, 2, (sqlite3_int64)i);
		store_bind_text(st, 3, qids[i]);
		if (store_step_done(s, st, "starting the quiz", e) < 0)
			goto fail;
	}
	if (store_commit(s, e) < 0)
		return -1;
	return out ? attempt_load(s, id, out, e) : 0;
fail:
	store_rollback(s);
	return -1;
}

int store_attempt_current(struct store *s, const char *learner,
			  const char *course, const char *module,
			  struct attempt *out, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s,
		"SELECT id FROM attempt WHERE learner_id = ?1 AND course_id = ?2 "
		"AND module_id = ?3 AND finished = 0 ORDER BY number DESC "
		"LIMIT 1", e);
	char id[STORE_ID_LEN + 1];
	int rc;

	if (!st)
		return -1;
	store_bind_text(st, 1, learner);
	store_bind_text(st, 2, course);
	store_bind_text(st, 3, module);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		store_col_copy(st, 0, id, sizeof(id));
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return 0;
	if (rc != SQLITE_ROW)
		return store_fail(s, rc, "reading the quiz", e);
	return attempt_load(s, id, out, e) < 0 ? -1 : 1;
}

int store_attempt_list(struct store *s, const char *learner,
		       const char *course, const char *module,
		       struct attempt **v, size_t *n, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s,
		"SELECT id FROM attempt WHERE learner_id = ?1 AND course_id = ?2 "
		"AND module_id = ?3 ORDER BY number", e);
	char (*ids)[STORE_ID_LEN + 1] = NULL;
	size_t nids = 0;
	int rc, ret = 0;

	*v = NULL;
	*n = 0;
	if (!st)
		return -1;
	store_bind_text(st, 1, learner);
	store_bind_text(st, 2, course);
	store_bind_text(st, 3, module);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		void *nv = realloc(ids, (nids + 1) * sizeof(*ids));

		if (!nv) {
			ret = err_set(e, ERR_GENERIC, "out of memory");
			break;
		}
		ids = nv;
		store_col_copy(st, 0, ids[nids], sizeof(ids[nids]));
		nids++;
	}
	sqlite3_reset(st);
	if (ret == 0 && rc != SQLITE_DONE)
		ret = store_fail(s, rc, "reading attempts", e);
	if (ret == 0 && nids) {
		*v = calloc(nids, sizeof(**v));
		if (!*v)
			ret = err_set(e, ERR_GENERIC, "out of memory");
	}
	for (size_t i = 0; ret == 0 && i < nids; i++) {
		ret = attempt_load(s, ids[i], &(*v)[i], e);
		if (ret == 0)
			(*n)++;
	}
	free(ids);
	if (ret < 0) {
		attempt_list_free(*v, *n);
		*v = NULL;
		*n = 0;
	}
	return ret;
}

/* Inside the write transaction: the attempt exists and is open. */
static int open_attempt(struct store *s, const char *id, char *learner,
			char *course, char *module, size_t size, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s,
		"SELECT finished, learner_id, course_id, module_id FROM attempt "
		"WHERE id = ?1", e);
	int rc, finished = 0;

	if (!st)
		return -1;
	store_bind_text(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		finished = sqlite3_column_int(st, 0);
		if (learner && (sqlite3_column_bytes(st, 1) >= (int)size ||
				sqlite3_column_bytes(st, 2) >= (int)size ||
				sqlite3_column_bytes(st, 3) >= (int)size)) {
			sqlite3_reset(st);
			return err_set(e, ERR_INVALID, "ids too long");
		}
		if (learner) {
			store_col_copy(st, 1, learner, size);
			store_col_copy(st, 2, course, size);
			store_col_copy(st, 3, module, size);
		}
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return err_set(e, ERR_NOTFOUND, "no quiz attempt with id %s",
			       id ? id : "(none)");
	if (rc != SQLITE_ROW)
		return store_fail(s, rc, "saving the answer", e);
	if (finished)
		return err_set(e, ERR_INVALID, "this quiz attempt is finished");
	return 0;
}

int store_answer_record(struct store *s, const char *attempt_id,
			const char *qid, const char *answer, bool correct,
			double points, struct err *e)
{
	char id[STORE_ID_LEN + 1], now[STORE_TIME_LEN + 1];
	sqlite3_stmt *st;

	if (!attempt_id || !qid || !*qid || !answer)
		return err_set(e, ERR_INVALID, "attempt, question and answer "
					       "are needed");
	store_uuid(id);
	store_time_text(s, now);
	if (store_begin(s, e) < 0)
		return -1;
	if (open_attempt(s, attempt_id, NULL, NULL, NULL, 0, e) < 0)
		goto fail;
	st = store_stmt(s,
		"INSERT INTO answer (id, attempt_id, seq, qid, answer, correct, "
		"points, at) SELECT ?1, ?2, coalesce(max(seq), 0) + 1, ?3, ?4, "
		"?5, ?6, ?7 FROM answer WHERE attempt_id = ?2", e);
	if (!st)
		goto fail;
	store_bind_text(st, 1, id);
	store_bind_text(st, 2, attempt_id);
	store_bind_text(st, 3, qid);
	store_bind_text(st, 4, answer);
	sqlite3_bind_int(st, 5, correct ? 1 : 0);
	sqlite3_bind_double(st, 6, points);
	store_bind_text(st, 7, now);
	if (store_step_done(s, st, "saving the answer", e) < 0)
		goto fail;
	return store_commit(s, e);
fail:
	store_rollback(s);
	return -1;
}

int store_attempt_finish(struct store *s, const char *attempt_id,
			 double score, int percent, bool passed,
			 struct err *e)
{
	char learner[512], course[512], module[512];
	char now[STORE_TIME_LEN + 1];
	sqlite3_stmt *st;

	if (percent < 0 || percent > 100)
		return err_set(e, ERR_INVALID, "score %d%% is out of range",
			       percent);
	store_time_text(s, now);
	if (store_begin(s, e) < 0)
		return -1;
	if (open_attempt(s, attempt_id, learner, course, module,
			 sizeof(learner), e) < 0)
		goto fail;
	st = store_stmt(s,
		"UPDATE attempt SET finished = 1, ended = ?2, score = ?3, "
		"percent = ?4, passed = ?5 WHERE id = ?1", e);
	if (!st)
		goto fail;
	store_bind_text(st, 1, attempt_id);
	store_bind_text(st, 2, now);
	sqlite3_bind_double(st, 3, score);
	sqlite3_bind_int(st, 4, percent);
	sqlite3_bind_int(st, 5, passed ? 1 : 0);
	if (store_step_done(s, st, "saving the quiz result", e) < 0 ||
	    store_progress_touch(s, learner, course, module, now, e) < 0)
		goto fail;
	st = store_stmt(s,
		"UPDATE progress SET attempts = attempts + 1, "
		"best_score = max(best_score, ?4), passed = max(passed, ?5) "
		"WHERE learner_id = ?1 AND course_id = ?2 AND module_id = ?3", e);
	if (!st)
		goto fail;
	store_bind_text(st, 1, learner);
	store_bind_text(st, 2, course);
	store_bind_text(st, 3, module);
	sqlite3_bind_int(st, 4, percent);
	sqlite3_bind_int(st, 5, passed ? 1 : 0);
	if (store_step_done(s, st, "saving the quiz result", e) < 0)
		goto fail;
	return store_commit(s, e);
fail:
	store_rollback(s);
	return -1;
}
