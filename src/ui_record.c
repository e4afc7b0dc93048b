/* ui_record.c - the signed-in trainee's own record: progress in every
 * course (modules, pages, best scores, time in quizzes), certificates with
 * their codes, and every past quiz attempt, any of which opens for review
 * (the answers given, the right answers, the explanations).  Only the
 * session's trainee is ever shown (session_record.h). */
#include "ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "session_record.h"

struct pick {
	size_t line;             /* first line of the attempt in L */
	const struct course *c;
	const struct module *m;
	int number;
};

struct record {
	struct session_record R;
	bool loaded;
	char error[600];
	struct text_layout L;
	struct pick *picks;
	size_t npicks, sel;
	int width, top, h;
};

static void add_pick(struct record *r, const struct course *c,
		     const struct module *m, int number)
{
	struct pick *v = realloc(r->picks, (r->npicks + 1) * sizeof(*v));

	if (!v)
		return;
	r->picks = v;
	v[r->npicks++] = (struct pick){ r->L.n, c, m, number };
}

static void state_words(const struct module_status *st, char *buf, size_t n)
{
	if (st->state == MODULE_COMPLETE && st->best_score >= 0)
		snprintf(buf, n, _("complete, best score %d%%"), st->best_score);
	else if (st->state == MODULE_COMPLETE)
		snprintf(buf, n, "%s", _("complete"));
	else if (st->locked)
		snprintf(buf, n, "%s", _("locked (a module before it comes first)"));
	else if (st->state == MODULE_IN_PROGRESS)
		snprintf(buf, n, "%s", _("in progress"));
	else
		snprintf(buf, n, "%s", _("not started"));
}

static void layout(struct ui *ui, struct record *r, int width)
{
	char buf[700], t1[32];

	(void)ui;
	if (r->width == width)
		return;
	text_layout_release(&r->L);
	free(r->picks);
	r->picks = NULL;
	r->npicks = 0;
	r->width = width;
	text_add_str(&r->L, _("Your record"), 0, TL_HEADING, 0, width);
	text_add_str(&r->L, _("Only you see this, while you are signed in."),
		     0, TL_PLAIN, 0, width);
	if (r->error[0]) {
		text_add_blank(&r->L);
		text_add_str(&r->L, r->error, 0, TL_PLAIN, 0, width);
		return;
	}
	for (size_t i = 0; i < r->R.ncourses; i++) {
		const struct record_course *rc = &r->R.courses[i];
		const struct course *c = rc->course;
		size_t done = 0;

		for (size_t j = 0; j < c->nmodules; j++)
			done += rc->modules[j].st.state == MODULE_COMPLETE;
		text_add_blank(&r->L);
		text_add_str(&r->L, c->title, TS_STRONG, TL_HEADING, 0, width);
		snprintf(buf, sizeof(buf), _("%zu of %zu modules complete. Time in "
			 "quizzes: %s (reading time is not recorded)."), done,
			 c->nmodules,
			 session_record_duration(rc->quiz_seconds, t1, sizeof(t1)));
		text_add_str(&r->L, buf, 0, TL_PLAIN, 2, width);
		if (rc->has_cert)
			snprintf(buf, sizeof(buf), _("Certificate: number %lu, "
				 "verification code %s, issued %s%s%s."),
				 rc->cert_serial, rc->cert_code,
				 rc->cert_issued ? rc->cert_issued : "?",
				 rc->cert_expires ? _(", valid until ") : "",
				 rc->cert_expires ? rc->cert_expires : "");
		else if (rc->complete)
			snprintf(buf, sizeof(buf), "%s", _("Certificate: not "
				 "printed yet. A coordinator can print it."));
		else
			snprintf(buf, sizeof(buf), "%s", _("Certificate: when "
				 "every module is complete."));
		text_add_str(&r->L, buf, 0, TL_PLAIN, 2, width);
		for (size_t j = 0; j < c->nmodules; j++) {
			const struct record_module *rm = &rc->modules[j];
			char st[120];

			state_words(&rm->st, st, sizeof(st));
			snprintf(buf, sizeof(buf), "%zu. %s: %s", j + 1,
				 rm->module->title, st);
			text_add_str(&r->L, buf, TS_STRONG, TL_PLAIN, 2, width);
			snprintf(buf, sizeof(buf), _("Pages read: %d of %d."),
				 rm->st.pages_seen, rm->st.npages);
			if (rm->module->quiz) {
				size_t len = strlen(buf);

				if (rm->nattempts)
					snprintf(buf + len, sizeof(buf) - len,
						 _(" Quiz attempts: %zu, time in "
						   "them %s."), rm->nattempts,
						 session_record_duration(rm->quiz_seconds,
									 t1, sizeof(t1)));
				else
					snprintf(buf + len, sizeof(buf) - len, "%s",
						 _(" Quiz not taken yet."));
			}
			text_add_str(&r->L, buf, 0, TL_PLAIN, 5, width);
			for (size_t k = 0; k < rm->nattempts; k++) {
				const struct record_attempt *a = &rm->attempts[k];
				char when[20] = "";

				if (a->started)
					snprintf(when, sizeof(when), "%.10s %.5s",
						 a->started,
						 strlen(a->started) > 11 ? a->started + 11 : "");
				if (a->finished)
					snprintf(buf, sizeof(buf), _("Attempt %d, %s: "
						 "%d%%, %s (%s)"), a->number, when,
						 a->percent, a->passed ? _("passed")
						 : _("not passed"),
						 session_record_duration(a->seconds, t1,
									 sizeof(t1)));
				else
					snprintf(buf, sizeof(buf), _("Attempt %d, %s: "
						 "in progress, %zu of %zu questions "
						 "answered"), a->number, when,
						 a->answered, a->total);
				add_pick(r, c, rm->module, a->number);
				text_add_str(&r->L, buf, 0, TL_PLAIN, 7, width);
			}
		}
	}
	if (!r->npicks) {
		text_add_blank(&r->L);
		text_add_str(&r->L, _("No quiz attempts yet: each one you make "
				      "can be reviewed here."), 0, TL_PLAIN, 0,
			     width);
	}
}

static void draw(struct ui *ui, struct screen *sc, struct rect body)
{
	struct record *r = sc->data;
	int w = body.w < UI_READ_WIDTH ? body.w : UI_READ_WIDTH;

	layout(ui, r, w - 2);
	r->h = body.h;
	if (r->npicks) {
		int sy = (int)r->picks[r->sel].line;

		if (sy < r->top)
			r->top = sy;
		if (sy >= r->top + r->h)
			r->top = sy - r->h + 1;
	}
	ui_scroll(&r->top, (int)r->L.n, r->h, ACT_NONE);
	for (int i = 0; i < r->h && r->top + i < (int)r->L.n; i++) {
		size_t ln = (size_t)(r->top + i);
		bool sel = r->npicks && r->picks[r->sel].line == ln;

		ui_put_line(ui, body.y + i, body.x, &r->L.v[ln], w - 2,
			    sel ? A_REVERSE : A_NORMAL);
		if (sel) {
			ui->cursor_y = body.y + i;
			ui->cursor_x = body.x + r->L.v[ln].indent;
		}
	}
	if (r->top > 0)
		ui_put(ui, body.y, body.x + w - 1, ui_sym(ui, SY_MORE_UP), 1,
		       A_BOLD);
	if (r->top + r->h < (int)r->L.n)
		ui_put(ui, body.y + body.h - 1, body.x + w - 1,
		       ui_sym(ui, SY_MORE_DOWN), 1, A_BOLD);
}

static void review_push(struct ui *ui, const struct pick *pk);

static enum ui_next key(struct ui *ui, struct screen *sc, enum action a,
			int arg, int k)
{
	struct record *r = sc->data;

	(void)arg;
	(void)k;
	switch (a) {
	case ACT_UP:
		if (r->npicks && r->sel > 0)
			r->sel--;
		else
			ui_scroll(&r->top, (int)r->L.n, r->h, a);
		break;
	case ACT_DOWN:
		if (r->npicks && r->sel + 1 < r->npicks)
			r->sel++;
		else
			ui_scroll(&r->top, (int)r->L.n, r->h, a);
		break;
	case ACT_PGUP:
	case ACT_PGDN:
		ui_scroll(&r->top, (int)r->L.n, r->h, a);
		/* the highlight follows into the new view */
		for (size_t i = 0; i < r->npicks; i++) {
			int ln = (int)r->picks[i].line;

			if (ln >= r->top && ln < r->top + r->h) {
				if (a == ACT_PGDN || (int)r->picks[r->sel].line >= r->top + r->h ||
				    (int)r->picks[r->sel].line < r->top)
					r->sel = i;
				break;
			}
		}
		break;
	case ACT_CHOOSE:
		if (r->npicks)
			review_push(ui, &r->picks[r->sel]);
		break;
	case ACT_BACK:
		return UN_POP;
	default:
		break;
	}
	return UN_STAY;
}

static void leave(struct ui *ui, struct screen *sc)
{
	struct record *r = sc->data;

	(void)ui;
	session_record_release(&r->R);
	text_layout_release(&r->L);
	free(r->picks);
	free(r);
}

static const struct screen_ops record_ops = {
	.name = "record",
	.keys = KS_RECORD,
	.draw = draw,
	.key = key,
	.leave = leave,
};

void ui_record_push(struct ui *ui)
{
	struct record *r = calloc(1, sizeof(*r));
	struct err e = { 0 };

	if (!r)
		return;
	r->width = -1;
	r->h = 1;
	text_layout_init(&r->L);
	if (session_record_load(ui->s, &r->R, &e) < 0)
		snprintf(r->error, sizeof(r->error),
			 _("Your record could not be read: %s"), e.msg);
	ui_push(ui, &record_ops, r);
}

/* ---- one past attempt, for review ---------------------------------------- */

struct review {
	const struct module *m;
	int number;
	struct quiz_review_item *items;
	size_t n;
	char error[600];
	struct text_layout L;
	int width, top, h;
};

static void review_layout(struct ui *ui, struct review *v, int width)
{
	char buf[300];

	if (v->width == width)
		return;
	text_layout_release(&v->L);
	v->width = width;
	snprintf(buf, sizeof(buf), _("Attempt %d at \"%s\""), v->number,
		 v->m->quiz ? v->m->quiz->title : v->m->title);
	text_add_str(&v->L, buf, 0, TL_HEADING, 0, width);
	if (v->error[0]) {
		text_add_str(&v->L, v->error, 0, TL_PLAIN, 0, width);
		return;
	}
	if (!v->n)
		text_add_str(&v->L, _("No question of this attempt was "
				      "answered."), 0, TL_PLAIN, 0, width);
	for (size_t i = 0; i < v->n; i++) {
		const struct quiz_review_item *it = &v->items[i];
		char *t;

		text_add_blank(&v->L);
		snprintf(buf, sizeof(buf), _("Question %zu of %zu: %s"), i + 1,
			 v->n, ui_mark_word(ui, it->mark.correct,
					    !it->mark.correct && it->mark.points > 0));
		text_add_str(&v->L, buf, TS_STRONG, TL_PLAIN, 0, width);
		text_add_rich(&v->L, &it->q->prompt, TL_PARA, 2, width);
		t = ui_answer_text(ui, it->q, &it->answer);
		if (t)
			ui_add_answer(&v->L, _("Your answer:"), t, 0, 2, width);
		free(t);
		t = ui_right_answer_text(ui, it->q);
		if (t)
			ui_add_answer(&v->L, _("Right answer:"), t, 0, 2, width);
		free(t);
		if (it->q->explain.n) {
			text_add_str(&v->L, _("Why:"), TS_EM, TL_PLAIN, 2, width);
			text_add_rich(&v->L, &it->q->explain, TL_PARA, 4, width);
		}
	}
}

static void review_draw(struct ui *ui, struct screen *sc, struct rect body)
{
	struct review *v = sc->data;
	int w = body.w < UI_READ_WIDTH ? body.w : UI_READ_WIDTH;

	review_layout(ui, v, w - 2);
	v->h = body.h;
	ui_scroll(&v->top, (int)v->L.n, v->h, ACT_NONE);
	ui_put_layout(ui, &v->L, v->top, (struct rect){ body.y, body.x, body.h,
							w - 2 });
	ui->cursor_y = body.y;
	ui->cursor_x = body.x;
	if (v->top > 0)
		ui_put(ui, body.y, body.x + w - 1, ui_sym(ui, SY_MORE_UP), 1,
		       A_BOLD);
	if (v->top + v->h < (int)v->L.n)
		ui_put(ui, body.y + body.h - 1, body.x + w - 1,
		       ui_sym(ui, SY_MORE_DOWN), 1, A_BOLD);
}

static unsigned review_cond(struct ui *ui, struct screen *sc)
{
	struct review *v = sc->data;

	(void)ui;
	return (int)v->L.n > v->h ? KC_SCROLL : 0;
}

static enum ui_next review_key(struct ui *ui, struct screen *sc,
			       enum action a, int arg, int k)
{
	struct review *v = sc->data;

	(void)ui;
	(void)arg;
	(void)k;
	if (ui_scroll(&v->top, (int)v->L.n, v->h, a))
		return UN_STAY;
	return a == ACT_BACK ? UN_POP : UN_STAY;
}

static void review_leave(struct ui *ui, struct screen *sc)
{
	struct review *v = sc->data;

	(void)ui;
	free(v->items);
	text_layout_release(&v->L);
	free(v);
}

/* A text to scroll and leave, the keys of the sources screen. */
static const struct screen_ops review_ops = {
	.name = "review",
	.keys = KS_SOURCES,
	.cond = review_cond,
	.draw = review_draw,
	.key = review_key,
	.leave = review_leave,
};

static void review_push(struct ui *ui, const struct pick *pk)
{
	struct review *v = calloc(1, sizeof(*v));
	struct err e = { 0 };

	if (!v)
		return;
	v->m = pk->m;
	v->number = pk->number;
	v->width = -1;
	v->h = 1;
	text_layout_init(&v->L);
	if (session_attempt_review(ui->s, pk->c, pk->m, pk->number, &v->items,
				   &v->n, &e) < 0)
		snprintf(v->error, sizeof(v->error),
			 _("This attempt could not be read: %s"), e.msg);
	ui_push(ui, &review_ops, v);
}
