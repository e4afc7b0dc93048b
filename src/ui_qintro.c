/* ui_qintro.c - before a quiz: what it is, the pass mark, attempts, and
 * that every answer is saved at once (so leaving is safe). */
#include "ui.h"

#include <stdio.h>
#include <stdlib.h>

struct qintro {
	const struct course *c;
	const struct module *m;
	struct module_status st;
	bool have_st;
	struct text_layout L;
	int width, top, h;
};

static void load(struct ui *ui, struct qintro *q)
{
	struct module_status *st = calloc(q->c->nmodules, sizeof(*st));
	struct err e = { 0 };

	q->have_st = false;
	if (st && session_course_status(ui->s, q->c, st, &e) == 0)
		for (size_t i = 0; i < q->c->nmodules; i++)
			if (st[i].module == q->m) {
				q->st = st[i];
				q->have_st = true;
			}
	free(st);
	q->width = -1;
}

static bool can_start(const struct qintro *q)
{
	return q->m->quiz && (!q->have_st || q->st.attempts_left != 0);
}

static void layout(struct ui *ui, struct qintro *q, int width)
{
	const struct quiz *qz = q->m->quiz;
	char buf[400];
	size_t n;

	(void)ui;
	if (q->width == width)
		return;
	text_layout_release(&q->L);
	q->width = width;
	if (!qz)
		return;
	text_add_str(&q->L, qz->title, 0, TL_HEADING, 0, width);
	text_add_blank(&q->L);
	n = qz->draw ? (size_t)qz->draw : qz->nquestions;
	snprintf(buf, sizeof(buf), "%zu question%s. To pass you need %d%%%s.", n,
		 n == 1 ? "" : "s", qz->pass,
		 qz->attempts ? "" : "; you may try as often as you like");
	text_add_str(&q->L, buf, 0, TL_PARA, 0, width);
	if (qz->attempts && q->have_st) {
		snprintf(buf, sizeof(buf), "Attempts: %d of %d used.",
			 q->st.attempts, qz->attempts);
		text_add_str(&q->L, buf, 0, TL_PARA, 0, width);
	}
	if (q->have_st && q->st.best_score >= 0) {
		snprintf(buf, sizeof(buf), "Your best score so far: %d%%%s.",
			 q->st.best_score, q->st.passed ? " (passed)" : "");
		text_add_str(&q->L, buf, 0, TL_PARA, 0, width);
	}
	text_add_blank(&q->L);
	text_add_str(&q->L, qz->feedback == FEEDBACK_IMMEDIATE
		     ? "After each answer you see whether it was right, and why."
		     : "You see your results and every right answer at the end.",
		     0, TL_PARA, 0, width);
	text_add_str(&q->L,
		     "Every answer is saved the moment you give it. If you stop, "
		     "you continue later with the next question.", 0, TL_PARA, 0,
		     width);
	text_add_blank(&q->L);
	if (!can_start(q))
		text_add_str(&q->L, "You have used all your attempts at this quiz.",
			     TS_STRONG, TL_PARA, 0, width);
	else
		text_add_str(&q->L, "Press Enter to begin.", TS_STRONG, TL_PARA, 0,
			     width);
}

static void draw(struct ui *ui, struct screen *sc, struct rect body)
{
	struct qintro *q = sc->data;
	int w = body.w < UI_READ_WIDTH ? body.w : UI_READ_WIDTH;

	layout(ui, q, w);
	q->h = body.h;
	ui_scroll(&q->top, (int)q->L.n, body.h, ACT_NONE);
	ui_put_layout(ui, &q->L, q->top, (struct rect){ body.y, body.x, body.h, w });
}

static unsigned cond(struct ui *ui, struct screen *sc)
{
	struct qintro *q = sc->data;

	(void)ui;
	return (can_start(q) ? KC_QUIZ : 0) | ((int)q->L.n > q->h ? KC_SCROLL : 0);
}

static enum ui_next key(struct ui *ui, struct screen *sc, enum action a,
			int arg, int k)
{
	struct qintro *q = sc->data;
	const struct course *c = q->c;
	const struct module *m = q->m;
	enum quiz_begin how;
	struct err e = { 0 };

	(void)arg;
	(void)k;
	if (ui_scroll(&q->top, (int)q->L.n, q->h, a))
		return UN_STAY;
	switch (a) {
	case ACT_CHOOSE:
		if (session_quiz_begin(ui->s, &how, &e) < 0) {
			ui_status(ui, ST_ERROR, "%s", e.msg);
			break;
		}
		switch (how) {
		case QUIZ_STARTED:
		case QUIZ_RESUMED:
			ui_pop(ui);
			ui_question_push(ui);
			if (how == QUIZ_RESUMED)
				ui_status(ui, ST_INFO,
					  "Welcome back: you continue where you stopped.");
			break;
		case QUIZ_NO_ATTEMPTS_LEFT:
			ui_status(ui, ST_INFO, "You have used all your attempts at this quiz.");
			break;
		case QUIZ_NOT_READ:
			ui_status(ui, ST_INFO, "Please read every page first.");
			ui_pop(ui);
			ui_reader_push(ui, c, m, 0);
			break;
		case QUIZ_NO_QUIZ:
			ui_status(ui, ST_INFO, "This module has no quiz.");
			break;
		}
		break;
	case ACT_REREAD:
		ui_pop(ui);
		ui_reader_push(ui, c, m, 0);
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
	struct qintro *q = sc->data;

	(void)ui;
	text_layout_release(&q->L);
	free(q);
}

static const struct screen_ops qintro_ops = {
	.name = "quiz intro",
	.keys = KS_QINTRO,
	.cond = cond,
	.draw = draw,
	.key = key,
	.leave = leave,
};

void ui_qintro_push(struct ui *ui, const struct course *c, const struct module *m)
{
	struct qintro *q = calloc(1, sizeof(*q));

	if (!q)
		return;
	q->c = c;
	q->m = m;
	q->h = 1;
	text_layout_init(&q->L);
	load(ui, q);
	ui_push(ui, &qintro_ops, q);
}
