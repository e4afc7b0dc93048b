/* quiz_words.c - a quiz answer, and a question's right answer, in words:
 * one piece of code for both front ends, each with its own separators
 * (struct quiz_words).  Indexes in answers are model order. */
#include "quiz.h"

#include <glib.h>
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
