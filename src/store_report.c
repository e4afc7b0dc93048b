/* store_report.c - reports for coordinators.  Each is one query with joins
 * (never a query per row): 10,000 trainees x 6 modules stream in a few
 * tens of milliseconds.
 */
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"

int store_report_each(struct store *s, const char *course,
		      int (*fn)(const struct report_row *row, void *arg),
		      void *arg, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s,
		"SELECT l.id, l.name, l.role, l.org, l.country, p.course_id, "
		"p.module_id, p.version, p.state, p.best_score, p.attempts, "
		"l.created, p.completed_at "
		"FROM progress p JOIN learner l ON l.id = p.learner_id "
		"WHERE ?1 IS NULL OR p.course_id = ?1 "
		"ORDER BY l.name_key IS NULL, l.name_key, l.id, p.course_id, "
		"p.module_id", e);
	struct report_row r;
	int rc;

	if (!st)
		return -1;
	store_bind_text(st, 1, course);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
#define T(i) ((const char *)sqlite3_column_text(st, i))
		r.learner_id = T(0);
		r.name = T(1);
		r.role = T(2);
		r.org = T(3);
		r.country = T(4);
		r.course_id = T(5);
		r.module_id = T(6);
		r.version = sqlite3_column_int(st, 7);
		r.state = (enum module_state)sqlite3_column_int(st, 8);
		r.best_score = sqlite3_column_int(st, 9);
		r.attempts = sqlite3_column_int(st, 10);
		r.first_seen = T(11);
		r.completed_at = T(12);
#undef T
		if (fn(&r, arg) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return store_fail(s, rc, "reading the report", e);
	return 0;
}

void module_stats_free(struct module_stats *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].module_id);
		free(v[i].course_id);
	}
	free(v);
}

int store_module_stats(struct store *s, const char *course,
		       struct module_stats **v, size_t *n, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s,
		"SELECT course_id, module_id, sum(state >= 1), sum(state = 2), "
		"avg(CASE WHEN attempts > 0 AND best_score >= 0 "
		"THEN best_score END) FROM progress "
		"WHERE ?1 IS NULL OR course_id = ?1 "
		"GROUP BY course_id, module_id ORDER BY course_id, module_id", e);
	size_t cap = 0;
	bool oom = false;
	int rc;

	*v = NULL;
	*n = 0;
	if (!st)
		return -1;
	store_bind_text(st, 1, course);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct module_stats *m;

		if (*n == cap) {
			size_t nc = cap ? cap * 2 : 16;
			struct module_stats *nv = realloc(*v, nc * sizeof(**v));

			if (!nv) {
				oom = true;
				break;
			}
			*v = nv;
			cap = nc;
		}
		m = &(*v)[(*n)++];
		m->course_id = store_col_dup(st, 0, &oom);
		m->module_id = store_col_dup(st, 1, &oom);
		m->started = sqlite3_column_int(st, 2);
		m->completed = sqlite3_column_int(st, 3);
		m->avg_best_score = sqlite3_column_type(st, 4) == SQLITE_NULL
					    ? -1
					    : sqlite3_column_double(st, 4);
	}
	sqlite3_reset(st);
	if (oom || (rc != SQLITE_DONE && rc != SQLITE_ROW)) {
		module_stats_free(*v, *n);
		*v = NULL;
		*n = 0;
		if (oom)
			return err_set(e, ERR_GENERIC, "out of memory");
		return store_fail(s, rc, "reading module statistics", e);
	}
	return 0;
}

void missed_free(struct missed_question *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].module_id);
		free(v[i].qid);
	}
	free(v);
}

int store_most_missed(struct store *s, const char *course, int limit,
		      struct missed_question **v, size_t *n, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s,
		"SELECT t.module_id, a.qid, sum(a.correct = 0) AS wrong, "
		"count(*) AS answered FROM answer a "
		"JOIN attempt t ON t.id = a.attempt_id "
		"WHERE ?1 IS NULL OR t.course_id = ?1 "
		"GROUP BY t.module_id, a.qid HAVING wrong > 0 "
		"ORDER BY wrong DESC, CAST(wrong AS REAL) / answered DESC, "
		"t.module_id, a.qid LIMIT ?2", e);
	size_t cap = 0;
	bool oom = false;
	int rc;

	*v = NULL;
	*n = 0;
	if (!st)
		return -1;
	store_bind_text(st, 1, course);
	sqlite3_bind_int(st, 2, limit > 0 ? limit : -1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct missed_question *m;

		if (*n == cap) {
			size_t nc = cap ? cap * 2 : 16;
			struct missed_question *nv =
				realloc(*v, nc * sizeof(**v));

			if (!nv) {
				oom = true;
				break;
			}
			*v = nv;
			cap = nc;
		}
		m = &(*v)[(*n)++];
		m->module_id = store_col_dup(st, 0, &oom);
		m->qid = store_col_dup(st, 1, &oom);
		m->wrong = sqlite3_column_int(st, 2);
		m->answered = sqlite3_column_int(st, 3);
	}
	sqlite3_reset(st);
	if (oom || (rc != SQLITE_DONE && rc != SQLITE_ROW)) {
		missed_free(*v, *n);
		*v = NULL;
		*n = 0;
		if (oom)
			return err_set(e, ERR_GENERIC, "out of memory");
		return store_fail(s, rc, "reading the most missed questions",
				  e);
	}
	return 0;
}
