/* quiz_words.c - a quiz answer, and a question's right answer, in words:
 * one piece of code for both front ends, each with its own separators
 * (struct quiz_words).  Indexes in answers are model order. */
#include "quiz.h"

#include "i18n.h"

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *w(const char *s)
{
	return s ? s : "";
}

/* The text built, in the C heap (callers free() it); NULL when out of
 * memory. */
static char *done(GString *b)
{
	char *out = strdup(b->str);

	g_string_free(b, TRUE);
	return out;
}

static void order_item(GString *b, const struct quiz_words *st, size_t i,
		       const char *item)
{
	if (i)
		g_string_append(b, w(st->then_sep));
	if (st->numbered)
		g_string_append_printf(b, "%zu. ", i + 1);
	g_string_append(b, item);
}

static void pair(GString *b, const struct quiz_words *st, size_t i,
		 const char *left, const char *right)
{
	g_string_append_printf(b, "%s%s%s%s", i ? w(st->pair_sep) : "", left,
			       w(st->pair_join), right);
}

char *quiz_answer_words(const struct question *q, const struct quiz_answer *a,
			const struct quiz_words *st)
{
	GString *b = g_string_new(NULL);
	size_t n = a->npicks < 64 ? a->npicks : 64, k = 0;

	switch (q->type) {
	case Q_SINGLE:
	case Q_MULTIPLE:
		for (size_t i = 0; i < n; i++)
			if (a->picks[i] < q->noptions)
				g_string_append_printf(b, "%s%s", k++ ? w(st->sep) : "",
						       q->options[a->picks[i]].text);
		if (!k)
			g_string_append(b, w(st->nothing));
		break;
	case Q_TRUEFALSE:
		g_string_append(b, w(a->tf ? st->yes : st->no));
		break;
	case Q_TEXT:
		g_string_append(b, a->text);
		break;
	case Q_ORDER:
		for (size_t i = 0; i < n; i++)
			if (a->picks[i] < q->nitems)
				order_item(b, st, k++, q->items[a->picks[i]]);
		break;
	case Q_MATCH:
		for (size_t i = 0; i < n && i < q->npairs; i++)
			if (a->picks[i] < q->npairs)
				pair(b, st, k++, q->pairs[i].left,
				     q->pairs[a->picks[i]].right);
		break;
	}
	return done(b);
}

char *quiz_right_words(const struct question *q, const struct quiz_words *st)
{
	GString *b = g_string_new(NULL);
	size_t k = 0;

	switch (q->type) {
	case Q_SINGLE:
	case Q_MULTIPLE:
		for (size_t i = 0; i < q->noptions; i++)
			if (q->options[i].correct)
				g_string_append_printf(b, "%s%s", k++ ? w(st->sep) : "",
						       q->options[i].text);
		break;
	case Q_TRUEFALSE:
		g_string_append(b, w(q->answer ? st->yes : st->no));
		break;
	case Q_TEXT:
		for (size_t i = 0; i < q->naccept; i++)
			g_string_append_printf(b, "%s%s", i ? w(st->or_sep) : "",
					       q->accept[i]);
		if (q->naccept > 1)
			g_string_append(b, w(st->or_end));
		break;
	case Q_ORDER:
		for (size_t i = 0; i < q->nitems; i++)
			order_item(b, st, i, q->items[i]);
		break;
	case Q_MATCH:
		for (size_t i = 0; i < q->npairs; i++)
			pair(b, st, i, q->pairs[i].left, q->pairs[i].right);
		break;
	}
	return done(b);
}

/* ---- marks and points in words ----------------------------------------- */

void quiz_points_text(double v, char *buf, size_t n)
{
	size_t len;

	if (!buf || !n)
		return;
	if (v > -0.05 && v < 0.05)
		v = 0;           /* never "-0" */
	snprintf(buf, n, "%.1f", v);
	len = strlen(buf);
	if (len >= 2 && !strcmp(buf + len - 2, ".0"))
		buf[len - 2] = '\0';
}

/* "0.7 of 1 point", "2 of 3 points" */
static void points_of(GString *b, double got, double max)
{
	char g[32], m[32];

	quiz_points_text(got, g, sizeof(g));
	quiz_points_text(max, m, sizeof(m));
	g_string_append_printf(b, max > 0.95 && max < 1.05
			       ? _("%s of %s point") : _("%s of %s points"), g, m);
}

char *quiz_mark_words(const struct question *q, const struct quiz_answer *a,
		      const struct quiz_mark *m)
{
	GString *b = g_string_new(NULL);

	if (!a || !m) {
		g_string_append(b, _("not answered"));
		return done(b);
	}
	if (m->correct) {
		g_string_append(b, _("right"));
		return done(b);
	}
	if (m->points <= 0) {
		g_string_append(b, _("wrong"));
		return done(b);
	}
	g_string_append(b, _("partly right"));
	if (q && q->type == Q_MULTIPLE && a->type == Q_MULTIPLE) {
		size_t want = 0, right = 0, wrong = 0;

		for (size_t i = 0; i < q->noptions; i++)
			want += q->options[i].correct;
		for (size_t i = 0; i < a->npicks && i < 64; i++)
			if (a->picks[i] < q->noptions)
				q->options[a->picks[i]].correct ? right++ : wrong++;
		g_string_append_printf(b, want == 1
				       ? _(": %zu of %zu correct choice")
				       : _(": %zu of %zu correct choices"),
				       right, want);
		if (wrong)
			g_string_append_printf(b, wrong == 1
					       ? _(", and %zu wrong one")
					       : _(", and %zu wrong ones"), wrong);
	}
	g_string_append(b, " (");
	points_of(b, m->points, m->max);
	g_string_append(b, ")");
	return done(b);
}

char *quiz_score_words(double score, double max, int percent)
{
	GString *b = g_string_new(NULL);

	points_of(b, score, max);
	g_string_append_printf(b, " (%d%%)", percent);
	return done(b);
}
