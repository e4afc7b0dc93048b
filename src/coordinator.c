/* coordinator.c - the coordinator's use cases (see coordinator.h). */
#include "coordinator.h"

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cert.h"
#include "fold.h"
#include "i18n.h"
#include "safewrite.h"

/* ---- the audit log ------------------------------------------------------ */

int coordinator_audit(struct store *s, const char *action, const char *detail,
		      struct err *e)
{
	return store_audit_append(s, action, detail ? detail : "", e);
}

int coordinator_signin(struct store *s, const char *pass, int *wait_s,
		       struct err *e)
{
	if (store_coord_check(s, pass, wait_s, e) == 0) {
		coordinator_audit(s, "signin", "via=kiosk", NULL);
		return 0;
	}
	if (e && (e->code == ERR_WAIT || e->code == ERR_DENIED))
		coordinator_audit(s, "signin-failed", "via=kiosk", NULL);
	return -1;
}

int coordinator_set_first_passphrase(struct store *s, const char *pass,
				     struct err *e)
{
	if (store_coord_set_passphrase(s, pass, e) < 0)
		return -1;
	coordinator_audit(s, "passphrase-set", "via=kiosk", NULL);
	coordinator_audit(s, "signin", "via=kiosk", NULL);
	return 0;
}

void coordinator_signout(struct store *s)
{
	coordinator_audit(s, "signout", "via=kiosk", NULL);
}

/* ---- finding trainees ------------------------------------------------------- */

struct keyed {
	struct learner l;
	char *key;
};

static int keyed_cmp(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;
	int r;

	/* erased trainees (no name) last */
	if (!x->l.name != !y->l.name)
		return x->l.name ? -1 : 1;
	if (!x->l.name)
		return strcmp(x->l.id, y->l.id);
	r = strcmp(x->key ? x->key : "", y->key ? y->key : "");
	if (!r)
		r = strcmp(x->l.name, y->l.name);
	return r ? r : strcmp(x->l.id, y->l.id);
}

void coordinator_sort_learners(struct learner *v, size_t n)
{
	struct keyed *k;

	if (n < 2)
		return;
	k = calloc(n, sizeof(*k));
	if (!k)
		return;   /* the store's order (name_key) is kept */
	for (size_t i = 0; i < n; i++) {
		k[i].l = v[i];
		k[i].key = v[i].name ? fold_key(v[i].name) : NULL;
	}
	qsort(k, n, sizeof(*k), keyed_cmp);
	for (size_t i = 0; i < n; i++) {
		v[i] = k[i].l;
		free(k[i].key);
	}
	free(k);
}

int coordinator_find(struct store *s, const char *text, struct learner **v,
		     size_t *n, struct err *e)
{
	char *want = NULL;
	size_t kept = 0;

	*v = NULL;
	*n = 0;
	if (text && *text && !(want = fold_key(text)))
		return err_set(e, ERR_INVALID, _("not valid text: %s"), text);
	/* Folded here, in C, against the stored name: the same rule
	 * whatever name_key holds. */
	if (store_learner_list(s, NULL, v, n, e) < 0) {
		free(want);
		return -1;
	}
	for (size_t i = 0; i < *n; i++) {
		char *k = want && (*v)[i].name ? fold_key((*v)[i].name) : NULL;
		bool hit = !want || (k && strstr(k, want));

		free(k);
		if (hit)
			(*v)[kept++] = (*v)[i];
		else
			learner_release(&(*v)[i]);
	}
	*n = kept;
	free(want);
	coordinator_sort_learners(*v, *n);
	return 0;
}

/* ---- the report ------------------------------------------------------------------ */

const char *coordinator_state_name(enum module_state st)
{
	switch (st) {
	case MODULE_COMPLETE:
		return "complete";
	case MODULE_IN_PROGRESS:
		return "in progress";
	default:
		return "not started";
	}
}

struct prog {
	enum module_state state;
	int version, best, attempts;
	char *completed;
};

struct report_priv {
	GHashTable *prog;        /* "learner\tcourse\tmodule" -> struct prog */
	GHashTable *seen;        /* learner ids with any progress */
	GPtrArray *strings;      /* owned strings the lines point to */
	GHashTable *extra;       /* course id not loaded -> GPtrArray of module ids */
	bool oom;
};

static void prog_free(void *p)
{
	struct prog *g = p;

	free(g->completed);
	free(g);
}

static int collect(const struct report_row *r, void *arg)
{
	struct report_priv *p = arg;
	struct prog *g = calloc(1, sizeof(*g));

	if (!g || (r->completed_at && !(g->completed = strdup(r->completed_at)))) {
		free(g);
		p->oom = true;
		return 1;
	}
	g->state = r->state;
	g->version = r->version;
	g->best = r->best_score;
	g->attempts = r->attempts;
	g_hash_table_replace(p->prog, g_strdup_printf("%s\t%s\t%s", r->learner_id,
			     r->course_id, r->module_id), g);
	g_hash_table_add(p->seen, g_strdup(r->learner_id));
	return 0;
}

static bool learner_in(const struct learner *l, const struct report_filter *f,
		       const struct report_priv *p)
{
	if (l->erased && !g_hash_table_contains(p->seen, l->id))
		return false;
	if (f->until && l->created && strncmp(l->created, f->until, 10) > 0)
		return false;
	if (f->since) {
		const char *last = l->last_seen ? l->last_seen : l->created;

		if (!last || strncmp(last, f->since, 10) < 0)
			return false;
	}
	if (f->org && *f->org) {
		char *want = fold_key(f->org);
		char *have = l->org ? fold_key(l->org) : NULL;
		bool hit = want && have && strstr(have, want);

		free(want);
		free(have);
		if (!hit)
			return false;
	}
	return true;
}

static int add_line(struct coord_report *r, size_t *cap,
		    const struct report_line *line)
{
	if (r->n == *cap) {
		size_t nc = *cap ? *cap * 2 : 64;
		struct report_line *nv = realloc(r->v, nc * sizeof(*nv));

		if (!nv)
			return -1;
		r->v = nv;
		*cap = nc;
	}
	r->v[r->n++] = *line;
	return 0;
}

static const struct cert_record *cert_of(const struct coord_report *r,
					 const char *learner, const char *course)
{
	const struct cert_record *best = NULL;

	/* store_cert_list is in serial order: the last unrevoked one wins */
	for (size_t i = 0; i < r->ncerts; i++)
		if (!r->certs[i].revoked && !strcmp(r->certs[i].learner_id, learner) &&
		    !strcmp(r->certs[i].course_id, course))
			best = &r->certs[i];
	return best;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Course ids with progress that no loaded course has, and their module
 * ids (sorted), so nothing recorded drops out of the report. */
static void find_extra(struct report_priv *p, const struct catalog *cat,
		       const char *only)
{
	GHashTableIter it;
	gpointer key;

	g_hash_table_iter_init(&it, p->prog);
	while (g_hash_table_iter_next(&it, &key, NULL)) {
		char **part = g_strsplit(key, "\t", 3);
		GPtrArray *mods;
		bool have = false;

		if (!part[0] || !part[1] || !part[2] ||
		    (cat && catalog_find(cat, part[1])) ||
		    (only && strcmp(only, part[1]))) {
			g_strfreev(part);
			continue;
		}
		mods = g_hash_table_lookup(p->extra, part[1]);
		if (!mods) {
			mods = g_ptr_array_new_with_free_func(g_free);
			g_hash_table_insert(p->extra, g_strdup(part[1]), mods);
		}
		for (guint i = 0; i < mods->len; i++)
			have |= !strcmp(mods->pdata[i], part[2]);
		if (!have)
			g_ptr_array_add(mods, g_strdup(part[2]));
		g_strfreev(part);
	}
}

int coordinator_report(struct store *s, const struct catalog *cat,
		       const struct report_filter *f, struct coord_report *out,
		       struct err *e)
{
	struct report_priv *p = calloc(1, sizeof(*p));
	const struct course *only = NULL;
	GList *extra_ids = NULL;
	size_t cap = 0;

	memset(out, 0, sizeof(*out));
	if (!p)
		return err_set(e, ERR_GENERIC, _("out of memory"));
	out->priv = p;
	p->prog = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, prog_free);
	p->seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	p->extra = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
					 (GDestroyNotify)g_ptr_array_unref);
	p->strings = g_ptr_array_new_with_free_func(g_free);
	if (store_report_each(s, f->course, collect, p, e) < 0 && !p->oom)
		goto fail;
	if (p->oom) {
		err_set(e, ERR_GENERIC, _("out of memory"));
		goto fail;
	}
	if (f->course && cat)
		only = catalog_find(cat, f->course);
	find_extra(p, cat, f->course);
	if (f->course && !only && !g_hash_table_contains(p->extra, f->course)) {
		err_set(e, ERR_NOTFOUND, _("no course '%s': it is not among the "
			"courses loaded and no progress was recorded for it"),
			f->course);
		goto fail;
	}
	if (store_learner_list(s, NULL, &out->learners, &out->nlearners, e) < 0 ||
	    store_cert_list(s, f->course, &out->certs, &out->ncerts, e) < 0)
		goto fail;
	coordinator_sort_learners(out->learners, out->nlearners);
	extra_ids = g_list_sort(g_hash_table_get_keys(p->extra),
				(GCompareFunc)strcmp);
	for (size_t i = 0; i < out->nlearners; i++) {
		const struct learner *l = &out->learners[i];
		size_t ncourse = only ? 1 : f->course ? 0 : cat ? cat->ncourses : 0;

		if (!learner_in(l, f, p))
			continue;
		for (size_t k = 0; k < ncourse; k++) {
			const struct course *c = only ? only : cat->courses[k];
			const struct cert_record *cert;

			if (!only && c->is_template)
				continue; /* for trainers, never reported */
			cert = cert_of(out, l->id, c->id);

			for (size_t j = 0; j < c->nmodules; j++) {
				const struct module *m = &c->modules[j];
				char *key = g_strdup_printf("%s\t%s\t%s", l->id,
							    c->id, m->id);
				struct prog *g = g_hash_table_lookup(p->prog, key);
				struct report_line line = {
					l, c->id, c->title, m->id, m->title, j + 1,
					g ? g->state : MODULE_NOT_STARTED,
					g ? g->version : 0, g ? g->best : -1,
					g ? g->attempts : 0,
					g ? g->completed : NULL, cert,
				};

				g_free(key);
				if (f->status >= 0 && (int)line.state != f->status)
					continue;
				if (add_line(out, &cap, &line) < 0)
					goto oom;
			}
		}
		for (GList *x = extra_ids; x; x = x->next) {
			GPtrArray *mods = g_hash_table_lookup(p->extra, x->data);
			const struct cert_record *cert = cert_of(out, l->id, x->data);

			g_ptr_array_sort(mods, cmp_str);
			for (guint j = 0; j < mods->len; j++) {
				char *key = g_strdup_printf("%s\t%s\t%s", l->id,
							    (char *)x->data,
							    (char *)mods->pdata[j]);
				struct prog *g = g_hash_table_lookup(p->prog, key);
				struct report_line line = {
					l, x->data, x->data, mods->pdata[j],
					mods->pdata[j], j + 1,
					g ? g->state : MODULE_NOT_STARTED,
					g ? g->version : 0, g ? g->best : -1,
					g ? g->attempts : 0,
					g ? g->completed : NULL, cert,
				};

				g_free(key);
				if (f->status >= 0 && (int)line.state != f->status)
					continue;
				if (add_line(out, &cap, &line) < 0)
					goto oom;
			}
		}
	}
	g_list_free(extra_ids);
	return 0;
oom:
	err_set(e, ERR_GENERIC, _("out of memory"));
fail:
	g_list_free(extra_ids);
	coordinator_report_release(out);
	return -1;
}

void coordinator_report_release(struct coord_report *r)
{
	struct report_priv *p = r->priv;

	if (p) {
		g_hash_table_destroy(p->prog);
		g_hash_table_destroy(p->seen);
		g_hash_table_destroy(p->extra);
		g_ptr_array_unref(p->strings);
		free(p);
	}
	free(r->v);
	learner_list_free(r->learners, r->nlearners);
	cert_list_free(r->certs, r->ncerts);
	memset(r, 0, sizeof(*r));
}

int coordinator_report_exported(struct store *s, const struct report_filter *f,
				const char *format, const char *output,
				struct err *e)
{
	static const char *const st[] = { "not-started", "in-progress", "complete" };
	char detail[600];

	snprintf(detail, sizeof(detail), "format=%s course=%s output=%s%s%s%s%s%s%s%s",
		 format, f->course ? f->course : "all", output,
		 f->since ? " since=" : "", f->since ? f->since : "",
		 f->until ? " until=" : "", f->until ? f->until : "",
		 f->status >= 0 && f->status <= 2 ? " status=" : "",
		 f->status >= 0 && f->status <= 2 ? st[f->status] : "",
		 f->org && *f->org ? " organisation-filter=yes" : "");
	return coordinator_audit(s, "report-exported", detail, e);
}

/* ---- certificates ------------------------------------------------------------------ */

void coordinator_issue_release(struct coord_issue *x)
{
	marks_release(&x->marks);
	cert_record_release(&x->rec);
	free(x->missing);
	memset(x, 0, sizeof(*x));
}

int coordinator_issue(struct store *s, const struct course *c,
		      const struct learner *l, const char *issuer,
		      struct coord_issue *out, struct err *e)
{
	unsigned char key[CERT_KEY_BYTES];
	struct issuing x;
	int rc;

	memset(out, 0, sizeof(*out));
	out->course = c;
	out->issuer = issuer;
	if (!c->cert_title)
		return err_set(e, ERR_INVALID, _("course %s offers no certificate "
			       "(its course.xml has no <certificate>)"), c->id);
	if (l->erased)
		return err_set(e, ERR_INVALID, _("trainee %s was erased; no "
			       "certificate can be issued"), l->id);
	if (marks_load(&out->marks, s, c, l->id, e) < 0)
		return -1;
	if (!marks_complete(&out->marks)) {
		out->missing = marks_missing(&out->marks, c, "\n  ");
		return err_set(e, ERR_INVALID, _("not every module of %s is "
			       "complete"), c->title);
	}
	if (store_secret_key(s, key, e) < 0)
		return -1;
	x = (struct issuing){ key, c, &out->marks, issuer };
	/* issuing_get records certificate-issued / -reprinted; it is reached
	 * only through here. */
	rc = issuing_get(s, &x, l, &out->rec, &out->reprint, e);
	explicit_bzero(key, sizeof(key));
	return rc;
}

int coordinator_write_certificate(const struct coord_issue *ci,
				  enum issuing_format fmt, const char *path,
				  int flags, struct err *e)
{
	struct issuing x = { NULL, ci->course, &ci->marks, ci->issuer };
	struct safewrite w;

	if (safewrite_is_stdout(path)) {
		if (fmt == ISSUE_PDF)
			return err_set(e, ERR_INVALID, _("a PDF cannot go to "
				       "standard output; give a file name"));
		if (issuing_write(&x, &ci->rec, ISSUE_TEXT, NULL, stdout, e) < 0)
			return -1;
		return fflush(stdout) == 0 ? 0
			: err_set(e, ERR_GENERIC, _("cannot write to standard output"));
	}
	/* The renderer writes its own temporary by name and renames it over
	 * ours; the safe-write rules then move the result into place. */
	if (safewrite_open(&w, path, flags | SW_BY_PATH, e) < 0)
		return -1;
	if (issuing_write(&x, &ci->rec, fmt, w.tmp, NULL, e) < 0) {
		safewrite_abort(&w);
		return -1;
	}
	return safewrite_commit(&w, e);
}

/* ---- erasure ------------------------------------------------------------------------ */

int coordinator_erase(struct store *s, const char *learner_id, struct err *e)
{
	char detail[80];
	int rc = store_learner_erase(s, learner_id, e);

	if (rc < 0)
		return -1;
	/* By id only: the log is append-only, a name there could never go. */
	snprintf(detail, sizeof(detail), "learner=%s", learner_id);
	if (coordinator_audit(s, "learner-erased", detail, e) < 0)
		return -1;
	return rc;
}
