/* session_record.c - the trainee's own record (see session_record.h). */
#include "session_record.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cert.h"
#include "i18n.h"

static char *dup_or_null(const char *s)
{
	return s ? strdup(s) : NULL;
}

/* "2026-11-28T20:40:43Z" as seconds since the epoch; -1 when not that. */
static long iso_seconds(const char *s)
{
	struct tm tm;
	int y, mo, d, h, mi, se;

	if (!s || sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2d", &y, &mo, &d, &h, &mi,
			 &se) != 6)
		return -1;
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = se;
	return (long)timegm(&tm);
}

static int load_attempts(struct session *s, const struct course *c,
			 struct record_module *rm, struct err *e)
{
	const struct learner *l = session_learner(s);
	struct attempt *v = NULL;
	size_t n = 0;

	if (!rm->module->quiz)
		return 0;
	if (store_attempt_list(session_store_(s), l->id, c->id, rm->module->id,
			       &v, &n, e))
		return -1;
	rm->attempts = calloc(n ? n : 1, sizeof(*rm->attempts));
	if (!rm->attempts) {
		attempt_list_free(v, n);
		return err_set(e, ERR_GENERIC, "out of memory");
	}
	for (size_t i = 0; i < n; i++) {
		struct record_attempt *ra = &rm->attempts[i];
		long a = iso_seconds(v[i].started), b = iso_seconds(v[i].ended);

		ra->number = v[i].number;
		ra->finished = v[i].finished;
		ra->percent = v[i].percent;
		ra->passed = v[i].passed;
		ra->started = dup_or_null(v[i].started);
		ra->ended = dup_or_null(v[i].ended);
		ra->seconds = v[i].finished && a >= 0 && b >= a ? b - a : -1;
		ra->answered = v[i].nanswers;
		ra->total = v[i].nqids;
		if (ra->seconds > 0)
			rm->quiz_seconds += ra->seconds;
	}
	rm->nattempts = n;
	attempt_list_free(v, n);
	return 0;
}

static int load_course(struct session *s, const struct course *c,
		       struct record_course *rc, struct err *e)
{
	const struct learner *l = session_learner(s);
	struct module_status *st = calloc(c->nmodules + 1, sizeof(*st));
	struct cert_record cert;
	int found;

	rc->course = c;
	rc->modules = calloc(c->nmodules + 1, sizeof(*rc->modules));
	if (!st || !rc->modules) {
		free(st);
		return err_set(e, ERR_GENERIC, "out of memory");
	}
	if (session_course_status(s, c, st, e)) {
		free(st);
		return -1;
	}
	rc->complete = c->nmodules > 0;
	for (size_t i = 0; i < c->nmodules; i++) {
		struct record_module *rm = &rc->modules[i];
		struct progress p;

		rm->module = &c->modules[i];
		rm->st = st[i];
		if (st[i].state != MODULE_COMPLETE)
			rc->complete = false;
		memset(&p, 0, sizeof(p));
		if (store_progress_get(session_store_(s), l->id, c->id,
				       rm->module->id, &p, e) == 0) {
			rm->started_at = dup_or_null(p.started_at);
			rm->completed_at = dup_or_null(p.completed_at);
			progress_release(&p);
		} else if (e && e->code == ERR_NOTFOUND) {
			err_clear(e);
		} else {
			free(st);
			return -1;
		}
		if (load_attempts(s, c, rm, e)) {
			free(st);
			return -1;
		}
		rc->quiz_seconds += rm->quiz_seconds;
	}
	free(st);
	memset(&cert, 0, sizeof(cert));
	found = store_cert_find(session_store_(s), l->id, c->id, c->version,
				&cert, e);
	if (found < 0)
		return -1;
	if (found == 1) {
		rc->has_cert = true;
		rc->cert_serial = cert.serial;
		cert_code_format(cert.code ? cert.code : "", rc->cert_code,
				 sizeof(rc->cert_code));
		rc->cert_issued = dup_or_null(cert.issued);
		rc->cert_expires = dup_or_null(cert.expires);
		cert_record_release(&cert);
	}
	return 0;
}

int session_record_load(struct session *s, struct session_record *out,
			struct err *e)
{
	const struct catalog *cat = session_catalog(s);

	memset(out, 0, sizeof(*out));
	if (!session_learner(s))
		return err_set(e, ERR_DENIED, "nobody is signed in");
	out->courses = calloc(cat->ncourses + 1, sizeof(*out->courses));
	if (!out->courses)
		return err_set(e, ERR_GENERIC, "out of memory");
	for (size_t i = 0; i < cat->ncourses; i++) {
		out->ncourses = i + 1;
		if (load_course(s, cat->courses[i], &out->courses[i], e)) {
			session_record_release(out);
			return -1;
		}
	}
	return 0;
}

void session_record_release(struct session_record *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->ncourses; i++) {
		struct record_course *rc = &r->courses[i];

		for (size_t j = 0; rc->modules && j < rc->course->nmodules; j++) {
			struct record_module *rm = &rc->modules[j];

			for (size_t k = 0; k < rm->nattempts; k++) {
				free(rm->attempts[k].started);
				free(rm->attempts[k].ended);
			}
			free(rm->attempts);
			free(rm->started_at);
			free(rm->completed_at);
		}
		free(rc->modules);
		free(rc->cert_issued);
		free(rc->cert_expires);
	}
	free(r->courses);
	memset(r, 0, sizeof(*r));
}

static const struct question *find_question(const struct quiz *qz,
					    const char *id)
{
	for (size_t i = 0; i < qz->nquestions; i++)
		if (!strcmp(qz->questions[i].id, id))
			return &qz->questions[i];
	return NULL;
}

int session_attempt_review(struct session *s, const struct course *c,
			   const struct module *m, int number,
			   struct quiz_review_item **items, size_t *n,
			   struct err *e)
{
	const struct learner *l = session_learner(s);
	struct attempt *v = NULL;
	size_t nv = 0, k = 0;
	const struct attempt *a = NULL;
	struct quiz_review_item *out;

	*items = NULL;
	*n = 0;
	if (!l)
		return err_set(e, ERR_DENIED, "nobody is signed in");
	if (!m->quiz)
		return err_set(e, ERR_NOTFOUND, "'%s' has no quiz", m->title);
	if (store_attempt_list(session_store_(s), l->id, c->id, m->id, &v, &nv,
			       e))
		return -1;
	for (size_t i = 0; i < nv; i++)
		if (v[i].number == number)
			a = &v[i];
	if (!a) {
		attempt_list_free(v, nv);
		return err_set(e, ERR_NOTFOUND, "no attempt %d at '%s'", number,
			       m->title);
	}
	out = calloc(a->nqids + 1, sizeof(*out));
	if (!out) {
		attempt_list_free(v, nv);
		return err_set(e, ERR_GENERIC, "out of memory");
	}
	/* the order shown; a question the course no longer has, or an
	 * answer that no longer fits it, is left out */
	for (size_t i = 0; i < a->nqids; i++) {
		const struct question *q = find_question(m->quiz, a->qids[i]);
		const struct answer_row *row = NULL;

		for (size_t j = 0; q && j < a->nanswers; j++)
			if (!strcmp(a->answers[j].qid, a->qids[i]))
				row = &a->answers[j];
		if (!q || !row ||
		    quiz_answer_decode(q, row->answer, &out[k].answer))
			continue;
		out[k].q = q;
		out[k].mark.correct = row->correct;
		out[k].mark.points = row->points;
		out[k].mark.max = q->points;
		k++;
	}
	attempt_list_free(v, nv);
	*items = out;
	*n = k;
	return 0;
}

const char *session_record_duration(long seconds, char *buf, size_t n)
{
	if (seconds < 0)
		snprintf(buf, n, "%s", _("not known"));
	else if (seconds < 60)
		snprintf(buf, n, "%s", _("under a minute"));
	else if (seconds < 3600)
		snprintf(buf, n, _("%ld min"), (seconds + 30) / 60);
	else
		snprintf(buf, n, _("%ld h %02ld min"), seconds / 3600,
			 (seconds % 3600 + 30) / 60 % 60);
	return buf;
}
