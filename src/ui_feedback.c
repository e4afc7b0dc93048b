/* ui_feedback.c - after an answer: right or wrong (always in words and a
 * symbol, not colour alone), why, and the explanation.  Also shown when
 * the answer could not be saved: then it says so and offers a retry, and
 * nothing moves on until the answer is safe. */
#include "ui.h"
#include "i18n.h"

#include "i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct feedback {
	const struct question *q;
	struct quiz_position pos;
	struct quiz_answer a;
	struct quiz_feedback fb;
	bool pending;            /* the answer is not saved yet */
	char error[512];
	struct text_layout L;
	int width, top, h;
	int verdict_line;        /* layout line of the verdict, -1 none */
	bool fresh;              /* not drawn yet: type-ahead still to flush */
	long shown_ms;
};

static void layout(struct ui *ui, struct feedback *f, int width)
{
	const struct question *q = f->q;
	char buf[300], *s;

	if (f->width == width)
		return;
	text_layout_release(&f->L);
	f->width = width;
	f->verdict_line = -1;
	if (f->pos.total) {
		snprintf(buf, sizeof(buf), _("Question %zu of %zu"),
			 f->pos.index + 1, f->pos.total);
		text_add_str(&f->L, buf, TS_STRONG, TL_PLAIN, 0, width);
		text_add_blank(&f->L);
	}
	if (f->pending) {
		text_add_str(&f->L, "Your answer could not be saved.", TS_STRONG,
			     TL_HEADING, 0, width);
		text_add_blank(&f->L);
		text_add_str(&f->L, f->error, 0, TL_PARA, 0, width);
		text_add_blank(&f->L);
		text_add_str(&f->L, "Nothing is lost: your answer is kept here. "
			     "Press r to try saving it again.", 0, TL_PARA, 0, width);
		return;
	}
	f->verdict_line = (int)f->L.n;
	s = ui_verdict_text(ui, q, &f->a, &f->fb.mark);
	text_add_str(&f->L, s ? s : "", TS_STRONG, TL_PLAIN, 0, width);
	free(s);
	text_add_blank(&f->L);
	s = ui_answer_text(ui, q, &f->a);
	if (s) {
		text_add_str(&f->L, "Your answer:", TS_STRONG, TL_PLAIN, 0, width);
		ui_add_answer(&f->L, NULL, s, 0, 2, width);
		free(s);
	}
	/* a typed answer: the accepted text it matched (fold_answer) */
	if (f->fb.mark.accepted && strcmp(f->fb.mark.accepted, f->a.text)) {
		text_add_str(&f->L, _("Accepted as:"), TS_STRONG, TL_PLAIN, 0, width);
		ui_add_answer(&f->L, NULL, f->fb.mark.accepted, 0, 2, width);
	}
	if (!f->fb.mark.correct) {
		s = ui_right_answer_text(ui, q);
		if (s) {
			text_add_str(&f->L, "Right answer:", TS_STRONG, TL_PLAIN, 0, width);
			ui_add_answer(&f->L, NULL, s, 0, 2, width);
			free(s);
		}
	}
	/* why, for each option picked that has a reason */
	if (q->type == Q_SINGLE || q->type == Q_MULTIPLE) {
		for (size_t i = 0; i < f->a.npicks && i < 64; i++) {
			size_t o = f->a.picks[i];
			const char *why;

			if (o >= q->noptions || !(why = q->options[o].why))
				continue;
			text_add_blank(&f->L);
			snprintf(buf, sizeof(buf), "About \"%s\":", q->options[o].text);
			text_add_str(&f->L, buf, TS_EM, TL_PLAIN, 0, width);
			text_add_str(&f->L, why, 0, TL_PLAIN, 2, width);
		}
	}
	if (q->explain.n) {
		size_t from = f->L.n;

		text_add_blank(&f->L);
		text_add_str(&f->L, "Explanation", TS_STRONG, TL_NOTE_LABEL, 4, width);
		text_add_rich(&f->L, &q->explain, TL_NOTE, 4, width);
		for (size_t i = from; i < f->L.n; i++)
			f->L.v[i].note = NOTE_KEY;
	}
	text_add_blank(&f->L);
	text_add_str(&f->L, f->pos.index + 1 < f->pos.total
		     ? _("Your answer is saved. Press Enter for the next question.")
		     : _("Your answer is saved. Press Enter for your results."), 0,
		     TL_PLAIN, 0, width);
}

static void draw(struct ui *ui, struct screen *sc, struct rect body)
{
	struct feedback *f = sc->data;
	int w = body.w < UI_READ_WIDTH ? body.w : UI_READ_WIDTH;

	if (f->fresh) {
		/* a second Enter typed on the question never skips this */
		f->fresh = false;
		f->shown_ms = ui_typeahead_flush();
	}
	layout(ui, f, w);
	f->h = body.h;
	ui_scroll(&f->top, (int)f->L.n, body.h, ACT_NONE);
	for (int i = 0; i < body.h && f->top + i < (int)f->L.n; i++) {
		int li = f->top + i;
		attr_t a = A_NORMAL;

		if (li == f->verdict_line)
			a = ui_attr(ui, f->fb.mark.correct ? R_RIGHT : R_WRONG);
		if (f->pending && li == 0)
			a = ui_attr(ui, R_WRONG);
		ui_put_line(ui, body.y + i, body.x, &f->L.v[li], w, a);
	}
	if (f->top > 0)
		ui_put(ui, body.y, body.x + w - 1, ui_sym(ui, SY_MORE_UP), 1,
		       A_BOLD);
	if (f->top + body.h < (int)f->L.n)
		ui_put(ui, body.y + body.h - 1, body.x + w - 1,
		       ui_sym(ui, SY_MORE_DOWN), 1, A_BOLD);
}

static unsigned cond(struct ui *ui, struct screen *sc)
{
	struct feedback *f = sc->data;

	(void)ui;
	return (f->pending ? KC_RETRY : KC_SAVED) |
	       ((int)f->L.n > f->h ? KC_SCROLL : 0);
}

static enum ui_next key(struct ui *ui, struct screen *sc, enum action a,
			int arg, int k)
{
	struct feedback *f = sc->data;
	struct err e = { 0 };

	(void)arg;
	(void)k;
	if (ui_scroll(&f->top, (int)f->L.n, f->h, a))
		return UN_STAY;
	if (f->pending) {
		if (a == ACT_RETRY) {
			if (session_retry_save(ui->s, &e) < 0) {
				snprintf(f->error, sizeof(f->error), "%s", e.msg);
				f->width = -1;
				ui_status(ui, ST_ERROR, "Still not saved: %s", e.msg);
				return UN_STAY;
			}
			f->pending = false;
			f->width = -1;
			f->top = 0;
			ui_status(ui, ST_INFO, "Answer saved.");
			if (!f->fb.show_now)
				return UN_POP;
		} else if (a == ACT_BACK) {
			ui_status(ui, ST_ERROR, "Your answer is not saved yet: press r to try again.");
		}
		return UN_STAY;
	}
	if (a == ACT_CHOOSE && ui_enter_in_burst(f->shown_ms))
		return UN_STAY;   /* the rest of the Enter that answered */
	if (a == ACT_CHOOSE)
		return UN_POP;
	if (a == ACT_BACK) {
		/* leave the quiz: the question screen below moves on when it
		 * is on top again; take it away too */
		ui_pop(ui);   /* frees f */
		if (ui->top && !strcmp(ui->top->ops->name, "question")) {
			ui_pop(ui);
			ui_status(ui, ST_INFO, "%s", _("Your answers so far are saved. "
				  "Open the module to continue."));
		}
	}
	return UN_STAY;
}

static void leave(struct ui *ui, struct screen *sc)
{
	struct feedback *f = sc->data;

	(void)ui;
	text_layout_release(&f->L);
	free(f);
}

static const struct screen_ops feedback_ops = {
	.name = "feedback",
	.keys = KS_FEEDBACK,
	.cond = cond,
	.draw = draw,
	.key = key,
	.leave = leave,
};

void ui_feedback_push(struct ui *ui, const struct question *q,
		      const struct quiz_position *pos,
		      const struct quiz_answer *a,
		      const struct quiz_feedback *fb, bool pending,
		      const char *error)
{
	struct feedback *f = calloc(1, sizeof(*f));

	if (!f)
		return;
	f->q = q;
	if (pos)
		f->pos = *pos;
	f->fresh = true;
	f->a = *a;
	f->fb = *fb;
	f->pending = pending;
	f->width = -1;
	f->h = 1;
	snprintf(f->error, sizeof(f->error), "%s", error ? error : "");
	text_layout_init(&f->L);
	ui_push(ui, &feedback_ops, f);
}
