/* ui_modules.c - the signed-in trainee's home: every course and its
 * modules with their state, a progress bar, score and estimated minutes. */
#include "ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"

struct row {
	const struct course *c;
	struct module_status st;
	bool course_done;        /* the whole course is complete */
};

struct modules {
	struct row *rows;
	size_t n;
	size_t sel;
	int top;                 /* first screen line shown */
	char error[512];
};

static void load(struct ui *ui, struct modules *m)
{
	const struct catalog *cat = session_catalog(ui->s);
	size_t total = 0, k = 0;
	struct err e = { 0 };

	free(m->rows);
	m->rows = NULL;
	m->n = 0;
	m->error[0] = '\0';
	for (size_t i = 0; cat && i < cat->ncourses; i++)
		total += cat->courses[i]->nmodules;
	if (!total)
		return;
	m->rows = calloc(total, sizeof(*m->rows));
	if (!m->rows)
		return;
	for (size_t i = 0; i < cat->ncourses; i++) {
		const struct course *c = cat->courses[i];
		struct module_status *st = calloc(c->nmodules, sizeof(*st));

		if (!st)
			break;
		if (session_course_status(ui->s, c, st, &e) < 0) {
			snprintf(m->error, sizeof(m->error), "%s", e.msg);
			free(st);
			continue;
		}
		bool done = session_course_complete(ui->s, c);

		for (size_t j = 0; j < c->nmodules; j++) {
			m->rows[k].c = c;
			m->rows[k].course_done = done;
			m->rows[k++].st = st[j];
		}
		free(st);
	}
	m->n = k;
	if (m->sel >= m->n)
		m->sel = m->n ? m->n - 1 : 0;
}

static const char *module_title(const struct course *c, const char *id)
{
	const struct module *m = course_find_module(c, id);

	return m ? m->title : id;
}

static void state_text(struct ui *ui, const struct row *r, char *buf,
		       size_t n, enum ui_role *role)
{
	const struct module_status *st = &r->st;

	*role = R_NORMAL;
	if (st->locked) {
		const struct module *m = st->module;
		const char *first = m->nrequires ? module_title(r->c, m->requires[0])
						 : "the modules before it";

		snprintf(buf, n, "Locked: complete \"%s\" first", first);
		*role = R_DIM;
	} else if (st->state == MODULE_COMPLETE) {
		if (st->best_score >= 0)
			snprintf(buf, n, "%s Complete, best score %d%%",
				 ui_sym(ui, SY_RIGHT), st->best_score);
		else
			snprintf(buf, n, "%s Complete", ui_sym(ui, SY_RIGHT));
		*role = R_RIGHT;
	} else if (st->state == MODULE_IN_PROGRESS) {
		if (st->pages_seen >= st->npages && st->module->quiz)
			snprintf(buf, n, "In progress: pages read, quiz %s",
				 st->attempts ? "not passed yet" : "to take");
		else
			snprintf(buf, n, "In progress: %d of %d pages read",
				 st->pages_seen, st->npages);
	} else {
		snprintf(buf, n, "Not started");
	}
}

/* One course: a title line, then two lines per module (the highlighted
 * one gets as many as its title and state need: nothing of it is cut). */
static int draw_rows(struct ui *ui, struct modules *m, struct rect body,
		     bool paint, int *sel_y, int *sel_h)
{
	int y = 0, width = body.w - 2;   /* the last column: more above/below */
	const struct course *cur = NULL;
	char buf[400];

#define VISIBLE(sy) (paint && (sy) >= body.y && (sy) < body.y + body.h)
	for (size_t i = 0; i < m->n; i++) {
		const struct row *r = &m->rows[i];
		const struct module_status *st = &r->st;
		int sy = body.y + y - m->top;
		enum ui_role role;
		bool sel = i == m->sel;
		struct text_layout T, S;

		if (r->c != cur) {
			cur = r->c;
			if (i)
				y++;
			sy = body.y + y - m->top;
			if (VISIBLE(sy))
				ui_put_trunc(ui, sy, body.x, cur->title, width,
					     ui_attr(ui, R_TITLE));
			y++;
			if (r->course_done) {
				sy = body.y + y - m->top;
				if (VISIBLE(sy))
					ui_put_trunc(ui, sy, body.x + 2,
						     _("Course complete. A coordinator can print your certificate."),
						     width - 2, ui_attr(ui, R_RIGHT));
				y++;
			}
			sy = body.y + y - m->top;
		}
		if (sel && sel_y)
			*sel_y = y;
		snprintf(buf, sizeof(buf), " %zu. %s ", i + 1, st->module->title);
		text_layout_init(&T);
		text_layout_init(&S);
		if (sel)
			text_add_str(&T, buf, 0, TL_PLAIN, 0, width - 10);
		if (VISIBLE(sy)) {
			if (sel)
				ui_put(ui, sy, body.x, ui_sym(ui, SY_SELECT), 2, A_BOLD);
			if (sel && T.n)
				ui_put_line(ui, sy, body.x + 2, &T.v[0], width - 10,
					    A_REVERSE | A_BOLD);
			else
				ui_put_trunc(ui, sy, body.x + 2, buf, width - 10,
					     A_BOLD);
			if (st->module->minutes > 0) {
				snprintf(buf, sizeof(buf), _("%d min"),
					 st->module->minutes);
				ui_put(ui, sy, body.x + width - (int)strlen(buf), buf,
				       (int)strlen(buf), A_DIM);
			}
		}
		y++;
		for (size_t k = 1; k < T.n; k++, y++) {
			sy = body.y + y - m->top;
			if (VISIBLE(sy))
				ui_put_line(ui, sy, body.x + 2, &T.v[k], width - 10,
					    A_REVERSE | A_BOLD);
		}
		sy = body.y + y - m->top;
		{
			int x = body.x + 6;

			if (!st->locked && st->state == MODULE_IN_PROGRESS &&
			    st->npages > 0) {
				int bw = 12, full = st->pages_seen * bw / st->npages;

				for (int k = 0; VISIBLE(sy) && k < bw; k++)
					ui_put(ui, sy, x + k, ui_sym(ui, k < full ? SY_FULL : SY_EMPTY),
					       1, ui_attr(ui, R_PROGRESS));
				x += bw + 1;
			}
			state_text(ui, r, buf, sizeof(buf), &role);
			if (sel)
				text_add_str(&S, buf, 0, TL_PLAIN, 0,
					     body.x + width - x);
			if (sel && S.n > 1) {
				for (size_t k = 0; k < S.n; k++, y++) {
					sy = body.y + y - m->top;
					if (VISIBLE(sy))
						ui_put_line(ui, sy, x, &S.v[k],
							    body.x + width - x,
							    ui_attr(ui, role));
				}
				y--;
			} else if (VISIBLE(sy)) {
				ui_put_trunc(ui, sy, x, buf, body.x + width - x,
					     ui_attr(ui, role));
			}
		}
		y++;
		if (sel && sel_h)
			*sel_h = y - *sel_y;
		text_layout_release(&T);
		text_layout_release(&S);
	}
#undef VISIBLE
	return y;
}

static void draw(struct ui *ui, struct screen *sc, struct rect body)
{
	struct modules *m = sc->data;
	int sel_y = 0, sel_h = 2, total;

	if (m->n == 0) {
		ui_put(ui, body.y, body.x, m->error[0] ? m->error :
		       _("There are no courses on this kiosk yet."), body.w, A_NORMAL);
		return;
	}
	/* keep the highlighted module (all its lines) in view */
	total = draw_rows(ui, m, body, false, &sel_y, &sel_h);
	if (sel_y < m->top)
		m->top = sel_y;
	if (sel_y + sel_h > m->top + body.h)
		m->top = sel_y + sel_h - body.h;
	if (m->sel == 0)
		m->top = 0;   /* show the course title above the first module */
	if (m->top > total - body.h)
		m->top = total - body.h > 0 ? total - body.h : 0;
	draw_rows(ui, m, body, true, NULL, NULL);
	if (m->top > 0)
		ui_put(ui, body.y, body.x + body.w - 1, ui_sym(ui, SY_MORE_UP), 1, A_BOLD);
	if (m->top + body.h < total)
		ui_put(ui, body.y + body.h - 1, body.x + body.w - 1,
		       ui_sym(ui, SY_MORE_DOWN), 1, A_BOLD);
	if (m->error[0])
		ui_status(ui, ST_ERROR, "%s", m->error);
}

static void signout_yes(struct ui *ui, void *arg)
{
	(void)arg;
	ui_home(ui);
	ui_status(ui, ST_OK, "You are signed out. Your progress is saved.");
}

static enum ui_next key(struct ui *ui, struct screen *sc, enum action a,
			int arg, int k)
{
	struct modules *m = sc->data;
	const struct row *r;

	(void)arg;
	(void)k;
	switch (a) {
	case ACT_UP:
		if (m->sel > 0)
			m->sel--;
		break;
	case ACT_DOWN:
		if (m->sel + 1 < m->n)
			m->sel++;
		break;
	case ACT_CHOOSE:
		if (!m->n)
			break;
		r = &m->rows[m->sel];
		if (r->st.locked) {
			const struct module *mod = r->st.module;

			ui_status(ui, ST_INFO, "This module opens when you have completed \"%s\".",
				  mod->nrequires ? module_title(r->c, mod->requires[0])
						 : "the modules before it");
			break;
		}
		ui_open_module(ui, r->c, r->st.module, true);
		break;
	case ACT_RECORD:
		ui_record_push(ui);
		break;
	case ACT_BACK:
		ui_confirm_push(ui, "Sign out now? Your progress is saved.",
				signout_yes, NULL);
		break;
	default:
		break;
	}
	return UN_STAY;
}

static void resume(struct ui *ui, struct screen *sc)
{
	load(ui, sc->data);
}

static void leave(struct ui *ui, struct screen *sc)
{
	struct modules *m = sc->data;

	(void)ui;
	free(m->rows);
	free(m);
}

static const struct screen_ops modules_ops = {
	.name = "modules",
	.keys = KS_MODULES,
	.draw = draw,
	.key = key,
	.resume = resume,
	.leave = leave,
};

void ui_modules_push(struct ui *ui)
{
	struct modules *m = calloc(1, sizeof(*m));

	if (!m)
		return;
	load(ui, m);
	/* start on the first module that is not complete */
	for (size_t i = 0; i < m->n; i++) {
		if (m->rows[i].st.state != MODULE_COMPLETE && !m->rows[i].st.locked) {
			m->sel = i;
			break;
		}
	}
	ui_push(ui, &modules_ops, m);
}

void ui_open_module(struct ui *ui, const struct course *c,
		    const struct module *m, bool show_note)
{
	struct module_status *st;
	struct err e = { 0 };
	int page = 0;
	bool quiz_next = false;

	bool started = true, complete = false;

	st = calloc(c->nmodules, sizeof(*st));
	if (st && session_course_status(ui->s, c, st, &e) == 0) {
		for (size_t i = 0; i < c->nmodules; i++) {
			if (st[i].module != m)
				continue;
			/* every page read and a quiz still to pass: the quiz */
			quiz_next = m->quiz && st[i].pages_seen >= st[i].npages &&
				    !st[i].passed && st[i].attempts_left != 0;
			started = st[i].state != MODULE_NOT_STARTED;
			complete = st[i].state == MODULE_COMPLETE;
		}
	}
	free(st);
	err_clear(&e);
	/* the content note comes first the first time; after that the
	 * reader shows it on request (c) */
	if (show_note && m->content_note && !started) {
		ui_note_push(ui, c, m);
		return;
	}
	if (session_open_module(ui->s, c, m, &page, &e) < 0) {
		ui_status(ui, ST_ERROR, "%s", e.msg);
		return;
	}
	if (complete)
		ui_reader_push_contents(ui, c, m);
	else if (quiz_next)
		ui_qintro_push(ui, c, m);
	else
		ui_reader_push(ui, c, m, page);
}
