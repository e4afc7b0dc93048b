/* ui_coord_trainee.c - coordinator mode: find a trainee by name, see their
 * modules (state, best score, attempts, dates), and write their
 * certificate to a file. */
#include "ui_coord.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "issuing.h"
#include "slug.h"
#include "ui_form.h"

static struct store *store_of(struct ui *ui)
{
	return ui->o->store;
}

/* ---- forms: draw/leave shared by the find and certificate forms ---------- */

static void form_draw_cb(struct ui *ui, struct screen *sc, struct rect body)
{
	struct form *fm = sc->data;

	if (coord_draw_closed(ui, fm->arg, body))
		return;
	form_draw(ui, fm, body);
}

static enum key_screen form_keys(struct ui *ui, struct screen *sc)
{
	struct form *fm = sc->data;

	(void)ui;
	return coord_keys(fm->arg, KS_COORD_FORM);
}

static enum ui_next form_key_cb(struct ui *ui, struct screen *sc,
				enum action a, int arg, int k)
{
	struct form *fm = sc->data;

	(void)arg;
	if (!coord_key_alive(fm->arg))
		return UN_HOME;
	return form_key(ui, fm, a, k);
}

/* ---- results of a search ---------------------------------------------------- */

struct results {
	struct coord *co;
	struct learner *v;
	size_t n, sel;
	int top, rows;
	char query[512];           /* what was searched for */
};

#define NAME_COL 32              /* widest name column; longer ones end in … */

static const char *shown_name(const struct learner *l)
{
	return l->erased || !l->name ? "(erased)" : l->name;
}

static void results_draw(struct ui *ui, struct screen *sc, struct rect body)
{
	struct results *r = sc->data;
	int y = body.y, namew = 0;
	char buf[600];

	if (coord_draw_closed(ui, r->co, body))
		return;
	if (r->query[0])
		snprintf(buf, sizeof(buf), "%zu trainees whose name contains \"%s\"",
			 r->n, r->query);
	else
		snprintf(buf, sizeof(buf), "All %zu trainees", r->n);
	ui_put_trunc(ui, y++, body.x, buf, body.w, ui_attr(ui, R_TITLE));
	y++;
	r->rows = body.h - 2 > 1 ? body.h - 2 : 1;
	if ((int)r->sel < r->top)
		r->top = (int)r->sel;
	if ((int)r->sel >= r->top + r->rows)
		r->top = (int)r->sel - r->rows + 1;
	/* names in one column, so the roles line up */
	for (size_t i = 0; i < r->n; i++) {
		const char *nm = shown_name(&r->v[i]);
		int w = text_width(nm, strlen(nm));

		if (w > namew)
			namew = w;
	}
	if (namew > NAME_COL)
		namew = NAME_COL;
	if (namew > body.w / 2)
		namew = body.w / 2;
	for (size_t i = (size_t)r->top; i < r->n && y < body.y + body.h; i++, y++) {
		const struct learner *l = &r->v[i];
		bool on = i == r->sel;
		int x = body.x + 2 + namew + 2;

		if (on)
			ui_put(ui, y, body.x, ui_sym(ui, SY_SELECT), 2, A_BOLD);
		ui_put_trunc(ui, y, body.x + 2, shown_name(l), namew,
			     on ? ui_attr(ui, R_SELECT) : A_BOLD);
		snprintf(buf, sizeof(buf), "%s%s%s%s%s", l->role,
			 l->org && *l->org ? ", " : "", l->org ? l->org : "",
			 l->country && *l->country ? ", " : "",
			 l->country ? l->country : "");
		ui_put_trunc(ui, y, x, buf, body.x + body.w - x - 2,
			     ui_attr(ui, R_DIM));
	}
	if (r->top > 0)
		ui_put(ui, body.y + 2, body.x + body.w - 1,
		       ui_sym(ui, SY_MORE_UP), 1, A_BOLD);
	if (r->top + r->rows < (int)r->n)
		ui_put(ui, body.y + body.h - 1, body.x + body.w - 1,
		       ui_sym(ui, SY_MORE_DOWN), 1, A_BOLD);
}

static unsigned results_cond(struct ui *ui, struct screen *sc)
{
	struct results *r = sc->data;

	(void)ui;
	return (int)r->n > r->rows ? KC_SCROLL : 0;
}

static enum key_screen results_keys(struct ui *ui, struct screen *sc)
{
	struct results *r = sc->data;

	(void)ui;
	return coord_keys(r->co, KS_COORD_LIST);
}

static enum ui_next results_key(struct ui *ui, struct screen *sc,
				enum action a, int arg, int k)
{
	struct results *r = sc->data;

	(void)arg;
	(void)k;
	if (!coord_key_alive(r->co))
		return UN_HOME;
	switch (a) {
	case ACT_UP:
		if (r->sel > 0)
			r->sel--;
		return UN_STAY;
	case ACT_DOWN:
		if (r->sel + 1 < r->n)
			r->sel++;
		return UN_STAY;
	case ACT_PGUP:
		r->sel = r->sel > (size_t)r->rows ? r->sel - (size_t)r->rows : 0;
		return UN_STAY;
	case ACT_PGDN:
		r->sel += (size_t)r->rows;
		if (r->sel >= r->n)
			r->sel = r->n ? r->n - 1 : 0;
		return UN_STAY;
	case ACT_HOME:
		r->sel = 0;
		return UN_STAY;
	case ACT_END:
		r->sel = r->n ? r->n - 1 : 0;
		return UN_STAY;
	case ACT_CHOOSE:
		if (r->n)
			coord_trainee_push(ui, r->co, r->v[r->sel].id);
		return UN_STAY;
	case ACT_BACK:
		return UN_POP;
	default:
		return UN_STAY;
	}
}

static void results_leave(struct ui *ui, struct screen *sc)
{
	struct results *r = sc->data;

	(void)ui;
	learner_list_free(r->v, r->n);
	free(r);
}

static const struct screen_ops results_ops = {
	.name = "coordinator: trainees found",
	.keys = KS_COORD_LIST,
	.keys_now = results_keys,
	.cond = results_cond,
	.draw = results_draw,
	.key = results_key,
	.leave = results_leave,
};

/* ---- find ------------------------------------------------------------------- */

static enum ui_next find_send(struct ui *ui, struct form *fm)
{
	struct coord *co = fm->arg;
	struct results *r;
	struct err e = { 0 };
	const char *part = fm->f[0].ed.len ? fm->f[0].ed.buf : NULL;

	r = calloc(1, sizeof(*r));
	if (!r)
		return UN_STAY;
	/* nothing typed: everyone */
	if (store_learner_list(store_of(ui), part, &r->v, &r->n, &e) < 0) {
		snprintf(fm->error, sizeof(fm->error), "%s", e.msg);
		free(r);
		return UN_STAY;
	}
	if (!r->n) {
		snprintf(fm->error, sizeof(fm->error), "%s", part
			 ? "No trainee's name contains that."
			 : "No trainee has registered yet.");
		free(r);
		return UN_STAY;
	}
	r->co = co;
	r->rows = 1;
	snprintf(r->query, sizeof(r->query), "%s", fm->f[0].ed.buf);
	if (r->n == 1) {
		/* One match: straight to the trainee. */
		char id[STORE_ID_LEN + 1];

		memcpy(id, r->v[0].id, sizeof(id));
		learner_list_free(r->v, r->n);
		free(r);
		coord_trainee_push(ui, co, id);
		return UN_STAY;
	}
	ui_push(ui, &results_ops, r);
	return UN_STAY;
}

static const struct screen_ops find_ops = {
	.name = "coordinator: find a trainee",
	.keys = KS_COORD_FORM,
	.keys_now = form_keys,
	.draw = form_draw_cb,
	.key = form_key_cb,
	.leave = form_screen_leave,
};

void coord_find_push(struct ui *ui, struct coord *co)
{
	struct form *fm = calloc(1, sizeof(*fm));

	if (!fm)
		return;
	fm->title = "Find a trainee";
	fm->intro = "Type part of the trainee's name (any case), or nothing "
		    "to list every trainee.";
	fm->submit = "Find";
	fm->send = find_send;
	fm->arg = co;
	form_add(fm, F_TEXT, "Name", NULL, 120);
	ui_push(ui, &find_ops, fm);
}

/* ---- one trainee -------------------------------------------------------------------- */

struct trainee {
	struct coord *co;
	char id[STORE_ID_LEN + 1];
	struct text_layout L;
	int width, top, h;
	const struct course *done[16];   /* courses complete, certificate offered */
	size_t ndone;
	char name[200];
	bool erased;
};

static void add_module(struct ui *ui, struct text_layout *L,
		       const struct module *m, const struct progress *p,
		       int width)
{
	const char *sep = coord_sep(ui);
	char line[400], t1[17], t2[17];
	const char *st = p->state == MODULE_COMPLETE ? "complete"
			 : p->state == MODULE_IN_PROGRESS ? "in progress"
							  : "not started";
	int n;

	text_add_str(L, m->title, TS_STRONG, TL_PLAIN, 4, width);
	n = snprintf(line, sizeof(line), "%s", st);
	if (p->best_score >= 0)
		n += snprintf(line + n, sizeof(line) - (size_t)n, "%sbest %d%%",
			      sep, p->best_score);
	/* "not started · 0 attempts" would say the same twice */
	if (m->quiz && (p->attempts || p->state != MODULE_NOT_STARTED))
		n += snprintf(line + n, sizeof(line) - (size_t)n, "%s%d attempt%s",
			      sep, p->attempts, p->attempts == 1 ? "" : "s");
	if (p->started_at)
		n += snprintf(line + n, sizeof(line) - (size_t)n, "%sstarted %s",
			      sep, coord_time(p->started_at, t1));
	if (p->completed_at)
		snprintf(line + n, sizeof(line) - (size_t)n, "%scompleted %s",
			 sep, coord_time(p->completed_at, t2));
	text_add_str(L, line, 0, TL_PLAIN, 8, width);
}

static void trainee_layout(struct ui *ui, struct trainee *t, int width)
{
	const struct catalog *cat = session_catalog(ui->s);
	struct learner l = { 0 };
	struct err e = { 0 };
	char line[600], t1[17], t2[17];

	if (t->width == width)
		return;
	text_layout_release(&t->L);
	text_layout_init(&t->L);
	t->width = width;
	t->ndone = 0;
	if (store_learner_get(store_of(ui), t->id, &l, &e) < 0) {
		text_add_str(&t->L, e.msg, 0, TL_PARA, 0, width);
		return;
	}
	t->erased = l.erased;
	snprintf(t->name, sizeof(t->name), "%s", l.erased || !l.name ? "(erased)" : l.name);
	text_add_str(&t->L, t->name, TS_STRONG, TL_HEADING, 0, width);
	snprintf(line, sizeof(line), "%s%s%s%s%s", l.role,
		 l.org && *l.org ? coord_sep(ui) : "", l.org ? l.org : "",
		 l.country && *l.country ? coord_sep(ui) : "",
		 l.country ? l.country : "");
	text_add_str(&t->L, line, 0, TL_PLAIN, 0, width);
	snprintf(line, sizeof(line), "First seen %s%slast seen %s",
		 coord_time(l.created, t1), coord_sep(ui),
		 coord_time(l.last_seen, t2));
	text_add_str(&t->L, line, 0, TL_PLAIN, 0, width);
	for (size_t i = 0; cat && i < cat->ncourses; i++) {
		const struct course *c = cat->courses[i];
		size_t done = 0;
		struct cert_record rec = { 0 };

		text_add_blank(&t->L);
		text_add_str(&t->L, c->title, TS_STRONG, TL_HEADING, 0, width);
		for (size_t j = 0; j < c->nmodules; j++) {
			struct progress p = { 0 };

			if (store_progress_get(store_of(ui), l.id, c->id,
					       c->modules[j].id, &p, &e) < 0) {
				p.state = MODULE_NOT_STARTED;
				p.best_score = -1;
			}
			done += p.state == MODULE_COMPLETE;
			add_module(ui, &t->L, &c->modules[j], &p, width);
			progress_release(&p);
		}
		snprintf(line, sizeof(line), "%zu of %zu modules complete.", done,
			 c->nmodules);
		if (done == c->nmodules && c->nmodules && c->cert_title && !l.erased) {
			if (store_cert_find(store_of(ui), l.id, c->id, c->version,
					    &rec, &e) == 1) {
				char code[CERT_CODE_FMT_SIZE];

				cert_code_format(rec.code, code, sizeof(code));
				snprintf(line + strlen(line), sizeof(line) - strlen(line),
					 " Certificate No. %06lu issued %s, code %s.",
					 rec.serial, rec.issued, code);
			}
			cert_record_release(&rec);
			if (t->ndone < sizeof(t->done) / sizeof(t->done[0]))
				t->done[t->ndone++] = c;
		}
		text_add_str(&t->L, line, TS_EM, TL_PLAIN, 0, width);
	}
	if (t->ndone) {
		/* the key as the table binds it, so the text cannot drift */
		const struct key_binding *b =
			keys_find(KS_COORD_TRAINEE, KC_CERT, ACT_CERT);

		if (b) {
			snprintf(line, sizeof(line), "Press %s to write the "
				 "certificate to a file.", keys_name(b, ui->utf8));
			text_add_blank(&t->L);
			text_add_str(&t->L, line, TS_STRONG, TL_PLAIN, 0, width);
		}
	}
	learner_release(&l);
}

static void trainee_draw(struct ui *ui, struct screen *sc, struct rect body)
{
	struct trainee *t = sc->data;
	int w = body.w < UI_READ_WIDTH ? body.w : UI_READ_WIDTH;

	if (coord_draw_closed(ui, t->co, body))
		return;
	trainee_layout(ui, t, w);
	t->h = body.h;
	ui_scroll(&t->top, (int)t->L.n, body.h, ACT_NONE);
	ui_put_layout(ui, &t->L, t->top, (struct rect){ body.y, body.x, body.h, w });
	if (t->top > 0)
		ui_put(ui, body.y, body.x + w - 1, ui_sym(ui, SY_MORE_UP), 1,
		       A_BOLD);
	if (t->top + body.h < (int)t->L.n)
		ui_put(ui, body.y + body.h - 1, body.x + w - 1,
		       ui_sym(ui, SY_MORE_DOWN), 1, A_BOLD);
}

static unsigned trainee_cond(struct ui *ui, struct screen *sc)
{
	struct trainee *t = sc->data;

	(void)ui;
	return ((int)t->L.n > t->h ? KC_SCROLL : 0) | (t->ndone ? KC_CERT : 0);
}

static enum key_screen trainee_keys(struct ui *ui, struct screen *sc)
{
	struct trainee *t = sc->data;

	(void)ui;
	return coord_keys(t->co, KS_COORD_TRAINEE);
}

static void cert_push(struct ui *ui, struct trainee *t);

static enum ui_next trainee_key(struct ui *ui, struct screen *sc,
				enum action a, int arg, int k)
{
	struct trainee *t = sc->data;

	(void)arg;
	(void)k;
	if (!coord_key_alive(t->co))
		return UN_HOME;
	if (ui_scroll(&t->top, (int)t->L.n, t->h, a))
		return UN_STAY;
	if (a == ACT_BACK)
		return UN_POP;
	if (a == ACT_CERT && t->ndone)
		cert_push(ui, t);
	return UN_STAY;
}

static void trainee_resume(struct ui *ui, struct screen *sc)
{
	struct trainee *t = sc->data;

	(void)ui;
	t->width = -1;   /* a certificate may have been issued: read again */
}

static void trainee_leave(struct ui *ui, struct screen *sc)
{
	struct trainee *t = sc->data;

	(void)ui;
	text_layout_release(&t->L);
	free(t);
}

static const struct screen_ops trainee_ops = {
	.name = "coordinator: trainee",
	.keys = KS_COORD_TRAINEE,
	.keys_now = trainee_keys,
	.cond = trainee_cond,
	.draw = trainee_draw,
	.key = trainee_key,
	.resume = trainee_resume,
	.leave = trainee_leave,
};

void coord_trainee_push(struct ui *ui, struct coord *co, const char *id)
{
	struct trainee *t = calloc(1, sizeof(*t));

	if (!t)
		return;
	t->co = co;
	snprintf(t->id, sizeof(t->id), "%s", id);
	t->width = -1;
	t->h = 1;
	text_layout_init(&t->L);
	ui_push(ui, &trainee_ops, t);
}

/* ---- the certificate ------------------------------------------------------------------ */

struct cert_form {
	struct form fm;          /* first: the screen's data is the form */
	struct trainee *t;
	const char *titles[16];
	char folder[400];
	char title[260];
};

/* The default folder, created (0700) when used: ~/coursekiosk-certificates. */
static void default_folder(char *buf, size_t n)
{
	const char *home = getenv("HOME");

	snprintf(buf, n, "%s/coursekiosk-certificates", home && *home ? home : ".");
}

static enum ui_next cert_send(struct ui *ui, struct form *fm)
{
	struct cert_form *cf = (struct cert_form *)fm;
	struct trainee *t = cf->t;
	const struct course *c = t->done[fm->n > 1 ? fm->f[0].choice : 0];
	const char *path = fm->f[fm->n - 1].ed.buf;
	size_t plen = strlen(path);
	unsigned char key[CERT_KEY_BYTES];
	struct course_marks m = { 0 };
	struct cert_record rec = { 0 };
	struct learner l = { 0 };
	struct err e = { 0 };
	enum issuing_format fmt;
	bool reprint = false;
	char msg[900], code[CERT_CODE_FMT_SIZE];

	if (plen > 4 && !strcmp(path + plen - 4, ".pdf"))
		fmt = ISSUE_PDF;
	else if (plen > 4 && !strcmp(path + plen - 4, ".txt"))
		fmt = ISSUE_TEXT;
	else {
		snprintf(fm->error, sizeof(fm->error),
			 "The file name must end in .pdf or .txt.");
		return UN_STAY;
	}
	if (!strncmp(path, cf->folder, strlen(cf->folder)) &&
	    mkdir(cf->folder, 0700) < 0 && errno != EEXIST) {
		snprintf(fm->error, sizeof(fm->error), "Cannot create %s: %s",
			 cf->folder, strerror(errno));
		return UN_STAY;
	}
	if (store_learner_get(store_of(ui), t->id, &l, &e) < 0 ||
	    marks_load(&m, store_of(ui), c, t->id, &e) < 0 ||
	    store_secret_key(store_of(ui), key, &e) < 0)
		goto fail;
	if (!marks_complete(&m)) {
		snprintf(fm->error, sizeof(fm->error),
			 "Not every module of this course is complete.");
		goto out;
	}
	struct issuing x = { key, c, &m, NULL };
	if (issuing_get(store_of(ui), &x, &l, &rec, &reprint, &e) < 0 ||
	    issuing_write(&x, &rec, fmt, path, NULL, &e) < 0)
		goto fail;
	cert_code_format(rec.code, code, sizeof(code));
	snprintf(msg, sizeof(msg), "Certificate No. %06lu %s and written to %s. "
		 "Verification code: %s.", rec.serial,
		 reprint ? "reprinted" : "issued", path, code);
	explicit_bzero(key, sizeof(key));
	cert_record_release(&rec);
	marks_release(&m);
	learner_release(&l);
	ui_pop(ui);   /* the form; its key function returns right after */
	coord_message_push(ui, t->co, "Certificate written", msg);
	return UN_STAY;
fail:
	snprintf(fm->error, sizeof(fm->error), "%s", e.msg);
out:
	explicit_bzero(key, sizeof(key));
	cert_record_release(&rec);
	marks_release(&m);
	learner_release(&l);
	return UN_STAY;
}

static const struct screen_ops cert_ops = {
	.name = "coordinator: certificate",
	.keys = KS_COORD_FORM,
	.keys_now = form_keys,
	.draw = form_draw_cb,
	.key = form_key_cb,
	.leave = form_screen_leave,
};

static void cert_push(struct ui *ui, struct trainee *t)
{
	struct cert_form *cf = calloc(1, sizeof(*cf));
	struct field *f;
	char path[512], *slug;

	(void)ui;
	if (!cf)
		return;
	cf->t = t;
	/* whose certificate it is, as the trainee screen is covered */
	snprintf(cf->title, sizeof(cf->title), "Write the certificate of %s",
		 t->name);
	cf->fm.title = cf->title;
	cf->fm.intro = "Issues the certificate (or reprints the one already "
		       "issued) and writes it as a PDF (.pdf) or plain text (.txt).";
	cf->fm.submit = "Write";
	cf->fm.send = cert_send;
	cf->fm.arg = t->co;
	if (t->ndone > 1) {
		for (size_t i = 0; i < t->ndone; i++)
			cf->titles[i] = t->done[i]->id;
		f = form_add(&cf->fm, F_CHOICE, "Course", NULL, 0);
		f->choices = cf->titles;
		f->nchoices = t->ndone;
	}
	default_folder(cf->folder, sizeof(cf->folder));
	slug = slug_make(t->name, 48);
	snprintf(path, sizeof(path), "%s/%s-%s.pdf", cf->folder,
		 slug && *slug ? slug : "trainee", t->done[0]->id);
	free(slug);
	f = form_add(&cf->fm, F_TEXT, "File", "Ends in .pdf or .txt.", 500);
	for (size_t i = 0, n = strlen(path), len; i < n; i += len) {
		unsigned cp;

		len = text_decode(path + i, n - i, &cp);
		text_edit_insert(&f->ed, cp);
	}
	ui_push(ui, &cert_ops, cf);
}
