/* ui_results.c - the end of a quiz: score, pass mark, passed or not, the
 * critical questions missed, then a review of every question with the
 * trainee's answer, the right answer and the explanation. */
#include "ui.h"

#include "i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct results {
	struct quiz_outcome out;     /* review borrowed from the session */
	const struct module *m;
	struct text_layout L;
	int width, top, h;
	int verdict_line;
	int *mark_line;              /* per review item: the line of its mark */
	int *prompt_line;            /* ... and of its prompt's first line */
	bool *mark_right;
};

static void layout(struct ui *ui, struct results *r, int width)
{
	const struct quiz_result *res = &r->out.result;
	char buf[400], *s;

	if (r->width == width)
		return;
	text_layout_release(&r->L);
	r->width = width;
	text_add_str(&r->L, r->m && r->m->quiz ? r->m->quiz->title : "Quiz results",
		     0, TL_HEADING, 0, width);
	text_add_blank(&r->L);
	snprintf(buf, sizeof(buf), _("Your score: %d%%"), res->percent);
	text_add_str(&r->L, buf, TS_STRONG, TL_PLAIN, 0, width);
	s = quiz_score_words(res->score, res->max, res->percent);
	if (s) {
		snprintf(buf, sizeof(buf), _("Points: %s"), s);
		text_add_str(&r->L, buf, 0, TL_PLAIN, 0, width);
		free(s);
	}
	snprintf(buf, sizeof(buf), "Pass mark: %d%%", r->out.pass);
	text_add_str(&r->L, buf, 0, TL_PLAIN, 0, width);
	r->verdict_line = (int)r->L.n;
	snprintf(buf, sizeof(buf), "%s %s", ui_sym(ui, res->passed ? SY_RIGHT : SY_WRONG),
		 res->passed ? "Passed" : "Not passed");
	text_add_str(&r->L, buf, TS_STRONG, TL_PLAIN, 0, width);
	if (res->ncritical_missed) {
		text_add_blank(&r->L);
		text_add_str(&r->L, "These questions must be right to pass, and were not:",
			     0, TL_PARA, 0, width);
		for (size_t i = 0; i < res->ncritical_missed && i < 64; i++) {
			s = rich_flatten(&res->critical_missed[i]->prompt);
			if (s) {
				text_add_str(&r->L, s, 0, TL_ITEM, 4, width);
				free(s);
			}
		}
	}
	text_add_blank(&r->L);
	if (r->out.course_completed)
		text_add_str(&r->L, "You have completed the whole course. Well done! "
			     "A coordinator can print your certificate.", TS_STRONG,
			     TL_PARA, 0, width);
	else if (r->out.module_completed)
		text_add_str(&r->L, "You have completed this module.", TS_STRONG,
			     TL_PARA, 0, width);
	else if (!res->passed)
		text_add_str(&r->L, "Read the review below, then try the quiz again "
			     "from the module list if attempts remain.", 0, TL_PARA,
			     0, width);
	text_add_blank(&r->L);
	text_add_str(&r->L, "Review of every question", 0, TL_HEADING, 0, width);
	for (size_t i = 0; i < r->out.nreview; i++) {
		const struct quiz_review_item *it = &r->out.review[i];

		text_add_blank(&r->L);
		r->prompt_line[i] = (int)r->L.n;
		text_add_rich(&r->L, &it->q->prompt, TL_PARA, 4, width);
		r->mark_line[i] = (int)r->L.n;
		r->mark_right[i] = it->mark.correct;
		s = ui_verdict_text(ui, it->q, it->answered ? &it->answer : NULL,
				    it->answered ? &it->mark : NULL);
		text_add_str(&r->L, s ? s : "", TS_STRONG, TL_PLAIN, 4, width);
		free(s);
		s = it->answered ? ui_answer_text(ui, it->q, &it->answer) : NULL;
		if (s) {
			ui_add_answer(&r->L, "Your answer:", s, 0, 4, width);
			free(s);
		}
		if (!it->mark.correct) {
			s = ui_right_answer_text(ui, it->q);
			if (s) {
				ui_add_answer(&r->L, "Right answer:", s, TS_STRONG, 4,
					      width);
				free(s);
			}
		}
		if (it->q->explain.n)
			text_add_rich(&r->L, &it->q->explain, TL_PLAIN, 4, width);
	}
}

static void draw(struct ui *ui, struct screen *sc, struct rect body)
{
	struct results *r = sc->data;
	int w = body.w < UI_READ_WIDTH ? body.w : UI_READ_WIDTH;
	char num[24];

	layout(ui, r, w);
	r->h = body.h;
	ui_scroll(&r->top, (int)r->L.n, body.h, ACT_NONE);
	for (int i = 0; i < body.h && r->top + i < (int)r->L.n; i++) {
		int li = r->top + i;
		const struct text_line *ln = &r->L.v[li];
		attr_t a = A_NORMAL;

		if (li == r->verdict_line)
			a = ui_attr(ui, r->out.result.passed ? R_RIGHT : R_WRONG);
		for (size_t k = 0; k < r->out.nreview; k++)
			if (r->mark_line[k] == li)
				a = ui_attr(ui, r->mark_right[k] ? R_RIGHT : R_WRONG);
		for (size_t k = 0; k < r->out.nreview; k++) {
			if (r->prompt_line[k] == li) {
				/* the number hangs in front of the prompt */
				snprintf(num, sizeof(num), "%zu.", k + 1);
				ui_put(ui, body.y + i, body.x, num, 4, A_BOLD);
				a = A_BOLD;
			}
		}
		ui_put_line(ui, body.y + i, body.x, ln, w, a);
	}
	if (r->top + body.h < (int)r->L.n)
		ui_put(ui, body.y + body.h - 1, body.x + w - 1,
		       ui_sym(ui, SY_MORE_DOWN), 1, A_BOLD);
}

static unsigned cond(struct ui *ui, struct screen *sc)
{
	struct results *r = sc->data;

	(void)ui;
	return (int)r->L.n > r->h ? KC_SCROLL : 0;
}

static enum ui_next key(struct ui *ui, struct screen *sc, enum action a,
			int arg, int k)
{
	struct results *r = sc->data;

	(void)ui;
	(void)arg;
	(void)k;
	if (ui_scroll(&r->top, (int)r->L.n, r->h, a))
		return UN_STAY;
	if (a == ACT_CHOOSE || a == ACT_BACK)
		return UN_POP;
	return UN_STAY;
}

static void leave(struct ui *ui, struct screen *sc)
{
	struct results *r = sc->data;

	(void)ui;
	text_layout_release(&r->L);
	free(r->mark_line);
	free(r->prompt_line);
	free(r->mark_right);
	free(r);
}

static const struct screen_ops results_ops = {
	.name = "results",
	.keys = KS_RESULTS,
	.cond = cond,
	.draw = draw,
	.key = key,
	.leave = leave,
};

void ui_results_push(struct ui *ui, const struct quiz_outcome *out)
{
	struct results *r = calloc(1, sizeof(*r));

	if (!r)
		return;
	r->out = *out;
	r->m = session_module(ui->s);
	r->width = -1;
	r->h = 1;
	r->mark_line = calloc(out->nreview + 1, sizeof(*r->mark_line));
	r->mark_right = calloc(out->nreview + 1, sizeof(*r->mark_right));
	r->prompt_line = calloc(out->nreview + 1, sizeof(*r->prompt_line));
	if (!r->mark_line || !r->mark_right || !r->prompt_line) {
		free(r->mark_line);
		free(r->prompt_line);
		free(r->mark_right);
		free(r);
		return;
	}
	text_layout_init(&r->L);
	ui_push(ui, &results_ops, r);
	if (out->course_completed)
		ui_status(ui, ST_OK, "Course complete: a coordinator can print your certificate.");
	else if (out->module_completed)
		ui_status(ui, ST_OK, "Module complete.");
}
