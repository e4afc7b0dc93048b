/* store_cert.c - certificates issued: serials, codes, revocation. */
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store_int.h"

#define CERT_COLS                                                       \
	"serial, id, learner_id, learner_name, course_id, course_version, " \
	"issued, expires, code, revoked, revoked_at"

void cert_record_release(struct cert_record *c)
{
	if (!c)
		return;
	free(c->learner_name);
	free(c->course_id);
	free(c->issued);
	free(c->expires);
	free(c->code);
	free(c->revoked_at);
	memset(c, 0, sizeof(*c));
}

void cert_list_free(struct cert_record *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		cert_record_release(&v[i]);
	free(v);
}

static int fill(sqlite3_stmt *st, struct cert_record *c, struct err *e)
{
	bool oom = false;

	memset(c, 0, sizeof(*c));
	c->serial = (unsigned long)sqlite3_column_int64(st, 0);
	store_col_copy(st, 1, c->id, sizeof(c->id));
	store_col_copy(st, 2, c->learner_id, sizeof(c->learner_id));
	c->learner_name = store_col_dup(st, 3, &oom);
	c->course_id = store_col_dup(st, 4, &oom);
	c->course_version = sqlite3_column_int(st, 5);
	c->issued = store_col_dup(st, 6, &oom);
	c->expires = store_col_dup(st, 7, &oom);
	c->code = store_col_dup(st, 8, &oom);
	c->revoked = sqlite3_column_int(st, 9) != 0;
	c->revoked_at = store_col_dup(st, 10, &oom);
	if (oom) {
		cert_record_release(c);
		return err_set(e, ERR_GENERIC, "out of memory");
	}
	return 0;
}

/* Runs st (bound) and collects every row. */
static int collect(struct store *s, sqlite3_stmt *st, struct cert_record **v,
		   size_t *n, struct err *e)
{
	size_t cap = 0;
	int rc, ret = 0;

	*v = NULL;
	*n = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			size_t nc = cap ? cap * 2 : 16;
			struct cert_record *nv = realloc(*v, nc * sizeof(**v));

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
		ret = store_fail(s, rc, "reading certificates", e);
	sqlite3_reset(st);
	if (ret < 0) {
		cert_list_free(*v, *n);
		*v = NULL;
		*n = 0;
	}
	return ret;
}

/* 1 found (out filled), 0 none, -1 error. */
static int one(struct store *s, sqlite3_stmt *st, struct cert_record *out,
	       struct err *e)
{
	struct cert_record *v;
	size_t n;

	if (collect(s, st, &v, &n, e) < 0)
		return -1;
	if (n)
		*out = v[0];
	for (size_t i = 1; i < n; i++)
		cert_record_release(&v[i]);
	free(v);
	return n ? 1 : 0;
}

static void today(const struct store *s, char out[11])
{
	time_t t = store_now(s);
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

int store_cert_issue(struct store *s, struct cert_record *rec,
		     store_code_fn make_code, void *arg, struct err *e)
{
	char day[11];
	sqlite3_stmt *st;

	if (!rec || !make_code || !rec->course_id || !*rec->learner_id)
		return err_set(e, ERR_INVALID,
			       "a trainee, a course and a code maker are "
			       "needed");
	if (store_begin(s, e) < 0)
		return -1;
	if (store_learner_active(s, rec->learner_id, e) < 0)
		goto fail;
	store_uuid(rec->id);
	if (!rec->issued) {
		today(s, day);
		if (!(rec->issued = strdup(day))) {
			err_set(e, ERR_GENERIC, "out of memory");
			goto fail;
		}
	}
	st = store_stmt(s,
		"INSERT INTO certificate (id, learner_id, learner_name, "
		"course_id, course_version, issued, expires, code) "
		"VALUES (?1, ?2, coalesce(?3, (SELECT name FROM learner "
		"WHERE id = ?2)), ?4, ?5, ?6, ?7, '')", e);
	if (!st)
		goto fail;
	store_bind_text(st, 1, rec->id);
	store_bind_text(st, 2, rec->learner_id);
	store_bind_text(st, 3, rec->learner_name);
	store_bind_text(st, 4, rec->course_id);
	sqlite3_bind_int(st, 5, rec->course_version);
	store_bind_text(st, 6, rec->issued);
	store_bind_text(st, 7, rec->expires);
	if (store_step_done(s, st, "saving the certificate", e) < 0)
		goto fail;
	rec->serial = (unsigned long)sqlite3_last_insert_rowid(s->db);
	free(rec->code);
	rec->code = NULL;
	if (make_code(rec, arg, e) < 0)
		goto fail;
	if (!rec->code || !*rec->code) {
		err_set(e, ERR_GENERIC, "no certificate code was made");
		goto fail;
	}
	st = store_stmt(s, "UPDATE certificate SET code = ?2 WHERE serial = ?1",
			e);
	if (!st)
		goto fail;
	sqlite3_bind_int64(st, 1, (sqlite3_int64)rec->serial);
	store_bind_text(st, 2, rec->code);
	if (store_step_done(s, st, "saving the certificate", e) < 0)
		goto fail;
	if (store_commit(s, e) < 0)
		goto undo;
	return 0;
fail:
	store_rollback(s);
undo:
	rec->serial = 0;
	return -1;
}

int store_cert_find(struct store *s, const char *learner, const char *course,
		    int version, struct cert_record *out, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s,
		"SELECT " CERT_COLS " FROM certificate WHERE learner_id = ?1 "
		"AND course_id = ?2 AND course_version = ?3 AND revoked = 0 "
		"ORDER BY serial DESC LIMIT 1", e);

	if (!st)
		return -1;
	store_bind_text(st, 1, learner);
	store_bind_text(st, 2, course);
	sqlite3_bind_int(st, 3, version);
	return one(s, st, out, e);
}

int store_cert_get(struct store *s, unsigned long serial,
		   struct cert_record *out, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s,
		"SELECT " CERT_COLS " FROM certificate WHERE serial = ?1", e);
	int r;

	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, (sqlite3_int64)serial);
	r = one(s, st, out, e);
	if (r == 0)
		return err_set(e, ERR_NOTFOUND, "no certificate with serial %lu",
			       serial);
	return r < 0 ? -1 : 0;
}

int store_cert_list(struct store *s, const char *course,
		    struct cert_record **v, size_t *n, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s,
		"SELECT " CERT_COLS " FROM certificate "
		"WHERE ?1 IS NULL OR course_id = ?1 ORDER BY serial", e);

	*v = NULL;
	*n = 0;
	if (!st)
		return -1;
	store_bind_text(st, 1, course);
	return collect(s, st, v, n, e);
}

int store_cert_revoke(struct store *s, unsigned long serial, struct err *e)
{
	char now[STORE_TIME_LEN + 1];
	sqlite3_stmt *st;

	store_time_text(s, now);
	if (store_begin(s, e) < 0)
		return -1;
	/* Revoking twice keeps the first date. */
	st = store_stmt(s,
		"UPDATE certificate SET revoked = 1, "
		"revoked_at = coalesce(revoked_at, ?2) WHERE serial = ?1", e);
	if (!st)
		goto fail;
	sqlite3_bind_int64(st, 1, (sqlite3_int64)serial);
	store_bind_text(st, 2, now);
	if (store_step_done(s, st, "revoking the certificate", e) < 0)
		goto fail;
	if (sqlite3_changes(s->db) == 0) {
		err_set(e, ERR_NOTFOUND, "no certificate with serial %lu",
			serial);
		goto fail;
	}
	return store_commit(s, e);
fail:
	store_rollback(s);
	return -1;
}
