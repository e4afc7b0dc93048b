/* ui_coord_stats.c - coordinator mode: a course's statistics.  Per module
 * how many trainees started and completed it and their average best score,
 * then the questions most often answered wrongly, so trainers can fix an
 * unclear question or the teaching before it. */
#include "ui_coord.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MISSED_MAX 10

struct stats {
	struct coord *co;
	const struct course *c;
	struct text_layout L;
	int width, top, h;
};

static const struct question *find_question(const struct module *m,
					    const char *qid)
{
	for (size_t i = 0; m && m->quiz && i < m->quiz->nquestions; i++)
		if (!strcmp(m->quiz->questions[i].id, qid))
			return &m->quiz->questions[i];
	return NULL;
}

static void layout(struct ui *ui, struct stats *st, int width)
{
	const struct course *c = st->c;
	struct module_stats *ms = NULL;
	struct missed_question *mq = NULL;
	size_t nms = 0, nmq = 0;
	struct err e = { 0 };
	char line[600];

	if (st->width == width)
		return;
	text_layout_release(&st->L);
	text_layout_init(&st->L);
	st->width = width;
	text_add_str(&st->L, c->title, TS_STRONG, TL_HEADING, 0, width);
	if (store_module_stats(ui->o->store, c->id, &ms, &nms, &e) < 0 ||
	    store_most_missed(ui->o->store, c->id, MISSED_MAX, &mq, &nmq, &e) < 0) {
		text_add_str(&st->L, e.msg, 0, TL_PARA, 0, width);
		goto out;
	}
	text_add_blank(&st->L);
	text_add_str(&st->L, "Modules", TS_STRONG, TL_HEADING, 0, width);
	for (size_t i = 0; i < c->nmodules; i++) {
		const struct module *m = &c->modules[i];
		const struct module_stats *s = NULL;

		for (size_t k = 0; k < nms; k++)
			if (!strcmp(ms[k].module_id, m->id))
				s = &ms[k];
		text_add_str(&st->L, m->title, TS_STRONG, TL_PLAIN, 4, width);
		if (!s) {
			text_add_str(&st->L, "nobody has started it yet", 0,
				     TL_PLAIN, 8, width);
			continue;
		}
		if (s->avg_best_score >= 0 && m->quiz)
			snprintf(line, sizeof(line), "started %d%scompleted %d%s"
				 "average best score %.0f%%", s->started,
				 coord_sep(ui), s->completed, coord_sep(ui),
				 s->avg_best_score);
		else
			snprintf(line, sizeof(line), "started %d%scompleted %d",
				 s->started, coord_sep(ui), s->completed);
		text_add_str(&st->L, line, 0, TL_PLAIN, 8, width);
	}
	text_add_blank(&st->L);
	text_add_str(&st->L, "Questions most often answered wrongly", TS_STRONG,
		     TL_HEADING, 0, width);
	if (!nmq)
		text_add_str(&st->L, "None yet.", 0, TL_PLAIN, 4, width);
	for (size_t i = 0; i < nmq; i++) {
		const struct module *m = course_find_module(c, mq[i].module_id);
		const struct question *q = find_question(m, mq[i].qid);
		char *prompt = q ? rich_flatten(&q->prompt) : NULL;

		snprintf(line, sizeof(line), "%zu. %s", i + 1,
			 prompt ? prompt : mq[i].qid);
		text_add_str(&st->L, line, 0, TL_PLAIN, 4, width);
		snprintf(line, sizeof(line), "%s, question %s%swrong %d of %d "
			 "answers (%d%%)", m ? m->title : mq[i].module_id,
			 mq[i].qid, coord_sep(ui), mq[i].wrong, mq[i].answered,
			 mq[i].answered ? mq[i].wrong * 100 / mq[i].answered : 0);
		text_add_str(&st->L, line, TS_EM, TL_PLAIN, 8, width);
		free(prompt);
	}
out:
	module_stats_free(ms, nms);
	missed_free(mq, nmq);
}

static void draw(struct ui *ui, struct screen *sc, struct rect body)
{
	struct stats *st = sc->data;
	int w = body.w < UI_READ_WIDTH ? body.w : UI_READ_WIDTH;

	if (coord_draw_closed(ui, st->co, body))
		return;
	layout(ui, st, w);
	st->h = body.h;
	ui_scroll(&st->top, (int)st->L.n, body.h, ACT_NONE);
	ui_put_layout(ui, &st->L, st->top, (struct rect){ body.y, body.x, body.h, w });
	if (st->top > 0)
		ui_put(ui, body.y, body.x + w - 1, ui_sym(ui, SY_MORE_UP), 1,
		       A_BOLD);
	if (st->top + body.h < (int)st->L.n)
		ui_put(ui, body.y + body.h - 1, body.x + w - 1,
		       ui_sym(ui, SY_MORE_DOWN), 1, A_BOLD);
}

static unsigned cond(struct ui *ui, struct screen *sc)
{
	struct stats *st = sc->data;

	(void)ui;
	return (int)st->L.n > st->h ? KC_SCROLL : 0;
}

static enum key_screen keys_now(struct ui *ui, struct screen *sc)
{
	struct stats *st = sc->data;

	(void)ui;
	return coord_keys(st->co, KS_COORD_STATS);
}

static enum ui_next key(struct ui *ui, struct screen *sc, enum action a,
			int arg, int k)
{
	struct stats *st = sc->data;

	(void)ui;
	(void)arg;
	(void)k;
	if (!coord_key_alive(st->co))
		return UN_HOME;
	if (ui_scroll(&st->top, (int)st->L.n, st->h, a))
		return UN_STAY;
	return a == ACT_BACK ? UN_POP : UN_STAY;
}

static void leave(struct ui *ui, struct screen *sc)
{
	struct stats *st = sc->data;

	(void)ui;
	text_layout_release(&st->L);
	free(st);
}

static const struct screen_ops stats_ops = {
	.name = "coordinator: statistics",
	.keys = KS_COORD_STATS,
	.keys_now = keys_now,
	.cond = cond,
	.draw = draw,
	.key = key,
	.leave = leave,
};

void coord_stats_push(struct ui *ui, struct coord *co, const struct course *c)
{
	struct stats *st = calloc(1, sizeof(*st));

	if (!st)
		return;
	st->co = co;
	st->c = c;
	st->width = -1;
	st->h = 1;
	text_layout_init(&st->L);
	ui_push(ui, &stats_ops, st);
}
