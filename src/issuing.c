/* issuing.c - who earned a certificate, and issuing or finding it. */
#include "issuing.h"

#include <glib.h>
#include <stdlib.h>
#include <string.h>

int marks_init(struct course_marks *m, const struct course *c)
{
	size_t n = c->nmodules ? c->nmodules : 1;

	memset(m, 0, sizeof(*m));
	m->n = c->nmodules;
	m->lines = calloc(n, sizeof(*m->lines));
	m->dates = calloc(n, sizeof(*m->dates));
	m->state = calloc(n, sizeof(*m->state));
	if (!m->lines || !m->dates || !m->state) {
		marks_release(m);
		return -1;
	}
	for (size_t i = 0; i < m->n; i++) {
		m->lines[i].title = c->modules[i].title;
		m->lines[i].score = -1;
		m->lines[i].completed = m->dates[i];
	}
	return 0;
}

void marks_release(struct course_marks *m)
{
	free(m->lines);
	free(m->dates);
	free(m->state);
	memset(m, 0, sizeof(*m));
}

void marks_set(struct course_marks *m, const struct course *c, size_t i,
	       enum module_state st, int best, const char *completed)
{
	if (i >= m->n || m->state[i] == MODULE_COMPLETE)
		return;
	m->state[i] = st;
	if (st != MODULE_COMPLETE)
		return;
	m->ndone++;
	m->lines[i].score = c->modules[i].quiz ? best : -1;
	snprintf(m->dates[i], ISODATE_SIZE, "%.10s", completed ? completed : "");
}

int marks_load(struct course_marks *m, struct store *s, const struct course *c,
	       const char *learner, struct err *e)
{
	if (marks_init(m, c) < 0)
		return err_set(e, ERR_GENERIC, "out of memory");
	for (size_t i = 0; i < c->nmodules; i++) {
		struct progress p = { 0 };

		if (store_progress_get(s, learner, c->id, c->modules[i].id, &p, e) < 0) {
			if (e && e->code != ERR_NOTFOUND) {
				marks_release(m);
				return -1;
			}
			p.state = MODULE_NOT_STARTED;
		}
		marks_set(m, c, i, p.state, p.best_score, p.completed_at);
		progress_release(&p);
	}
	err_clear(e);
	return 0;
}

bool marks_complete(const struct course_marks *m)
{
	return m->n > 0 && m->ndone == m->n;
}

char *marks_missing(const struct course_marks *m, const struct course *c,
		    const char *sep)
{
	GString *g = g_string_new(NULL);
	char *out;

	for (size_t i = 0; i < m->n; i++) {
		if (m->state[i] == MODULE_COMPLETE)
			continue;
		g_string_append_printf(g, "%s%s (%s): %s", g->len ? sep : "",
				       c->modules[i].title, c->modules[i].id,
				       m->state[i] == MODULE_IN_PROGRESS
					       ? "in progress" : "not started");
	}
	out = strdup(g->str);
	g_string_free(g, TRUE);
	return out;
}

void issuing_fields(struct cert_fields *f, const struct cert_record *rec,
		    const struct issuing *x)
{
	memset(f, 0, sizeof(*f));
	f->serial = rec->serial;
	f->learner_id = rec->learner_id;
	f->learner_name = rec->learner_name;
	f->course_id = rec->course_id;
	f->course_title = x->course->title;
	f->course_version = rec->course_version;
	f->cert_title = x->course->cert_title;
	f->issued = rec->issued;
	f->expires = rec->expires;
	f->modules = x->marks ? x->marks->lines : NULL;
	f->nmodules = x->marks ? x->marks->n : 0;
	f->issuer = x->issuer;
}

/* Inside the issuing transaction: the code covers the new serial. */
static int make_code(struct cert_record *rec, void *arg, struct err *e)
{
	const struct issuing *x = arg;
	struct cert_fields f;
	char code[CERT_CODE_LEN + 1];

	issuing_fields(&f, rec, x);
	if (cert_code(x->key, &f, code, e) < 0)
		return -1;
	rec->code = strdup(code);
	return rec->code ? 0 : err_set(e, ERR_GENERIC, "out of memory");
}

static char *dup_or_null(const char *s)
{
	return s ? strdup(s) : NULL;
}

int issuing_get(struct store *s, const struct issuing *x,
		const struct learner *l, struct cert_record *rec,
		bool *reprint, struct err *e)
{
	const struct course *c = x->course;
	char today[ISODATE_SIZE], expires[ISODATE_SIZE], detail[200];
	int r;

	memset(rec, 0, sizeof(*rec));
	r = store_cert_find(s, l->id, c->id, c->version, rec, e);
	if (r < 0)
		return -1;
	if (r == 1) {
		struct cert_fields f;

		*reprint = true;
		issuing_fields(&f, rec, x);
		/* The stored fields must still be the ones the code covers. */
		if (!rec->learner_name || !cert_code_check(x->key, &f, rec->code))
			return err_set(e, ERR_CORRUPT, "certificate No. %06lu in "
				       "the database no longer matches its code "
				       "(altered?); not reprinted", rec->serial);
		snprintf(detail, sizeof(detail), "serial=%lu learner=%s course=%s "
			 "version=%d", rec->serial, rec->learner_id,
			 rec->course_id, rec->course_version);
		return store_audit_append(s, "certificate-reprinted", detail, e);
	}
	*reprint = false;
	if (isodate_today(today, e) < 0 ||
	    (c->valid_for && isodate_add(today, c->valid_years, c->valid_months,
					 c->valid_days, expires, e) < 0))
		return -1;
	cert_record_release(rec);
	memset(rec, 0, sizeof(*rec));
	snprintf(rec->learner_id, sizeof(rec->learner_id), "%s", l->id);
	rec->learner_name = dup_or_null(l->name);
	rec->course_id = dup_or_null(c->id);
	rec->course_version = c->version;
	rec->issued = dup_or_null(today);
	rec->expires = c->valid_for ? dup_or_null(expires) : NULL;
	if (!rec->learner_name || !rec->course_id || !rec->issued ||
	    (c->valid_for && !rec->expires))
		return err_set(e, ERR_GENERIC, "out of memory");
	if (store_cert_issue(s, rec, make_code, (void *)x, e) < 0)
		return -1;
	snprintf(detail, sizeof(detail), "serial=%lu learner=%s course=%s "
		 "version=%d", rec->serial, rec->learner_id, rec->course_id,
		 rec->course_version);
	return store_audit_append(s, "certificate-issued", detail, e);
}

int issuing_write(const struct issuing *x, const struct cert_record *rec,
		  enum issuing_format fmt, const char *path, FILE *out,
		  struct err *e)
{
	struct cert_fields f;

	issuing_fields(&f, rec, x);
	if (fmt == ISSUE_PDF)
		return cert_write_pdf(&f, rec->code, path, e);
	if (path)
		return cert_write_text_path(&f, rec->code, path, e);
	return cert_write_text(&f, rec->code, out, e);
}
