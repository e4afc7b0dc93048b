/* ui_answer.c - a quiz answer, and a question's right answer, as one line
 * of text for the feedback and review screens.  Indexes are model order. */
#include "ui.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct sb {
	char *s;
	size_t n, cap;
	bool oom;
};

static void sb_add(struct sb *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void sb_add(struct sb *b, const char *fmt, ...)
{
	va_list ap;
	int len;

	if (b->oom)
		return;
	va_start(ap, fmt);
	len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (len < 0)
		return;
	if (b->n + (size_t)len + 1 > b->cap) {
		size_t cap = (b->n + (size_t)len + 1) * 2;
		char *s = realloc(b->s, cap);

		if (!s) {
			b->oom = true;
			return;
		}
		b->s = s;
		b->cap = cap;
	}
	va_start(ap, fmt);
	vsnprintf(b->s + b->n, b->cap - b->n, fmt, ap);
	va_end(ap);
	b->n += (size_t)len;
}

static char *sb_done(struct sb *b)
{
	if (b->oom) {
		free(b->s);
		return NULL;
	}
	if (!b->s)
		return strdup("");
	return b->s;
}

char *ui_answer_text(struct ui *ui, const struct question *q,
		     const struct quiz_answer *a)
{
	struct sb b = { 0 };
	const char *arrow = ui_sym(ui, SY_ARROW);

	switch (q->type) {
	case Q_SINGLE:
	case Q_MULTIPLE:
		for (size_t i = 0; i < a->npicks && i < 64; i++)
			if (a->picks[i] < q->noptions)
				sb_add(&b, "%s%s", i ? "; " : "",
				       q->options[a->picks[i]].text);
		if (!a->npicks)
			sb_add(&b, "(nothing picked)");
		break;
	case Q_TRUEFALSE:
		sb_add(&b, "%s", a->tf ? "True" : "False");
		break;
	case Q_TEXT:
		sb_add(&b, "%s", a->text);
		break;
	case Q_ORDER:
		for (size_t i = 0; i < a->npicks && i < 64; i++)
			if (a->picks[i] < q->nitems)
				sb_add(&b, "%s%zu. %s", i ? "  " : "", i + 1,
				       q->items[a->picks[i]]);
		break;
	case Q_MATCH:
		for (size_t i = 0; i < a->npicks && i < q->npairs && i < 64; i++)
			if (a->picks[i] < q->npairs)
				sb_add(&b, "%s%s %s %s", i ? "; " : "",
				       q->pairs[i].left, arrow,
				       q->pairs[a->picks[i]].right);
		break;
	}
	return sb_done(&b);
}

char *ui_right_answer_text(struct ui *ui, const struct question *q)
{
	struct sb b = { 0 };
	const char *arrow = ui_sym(ui, SY_ARROW);
	size_t k = 0;

	switch (q->type) {
	case Q_SINGLE:
	case Q_MULTIPLE:
		for (size_t i = 0; i < q->noptions; i++)
			if (q->options[i].correct)
				sb_add(&b, "%s%s", k++ ? "; " : "", q->options[i].text);
		break;
	case Q_TRUEFALSE:
		sb_add(&b, "%s", q->answer ? "True" : "False");
		break;
	case Q_TEXT:
		for (size_t i = 0; i < q->naccept; i++)
			sb_add(&b, "%s%s", i ? " or " : "", q->accept[i]);
		break;
	case Q_ORDER:
		for (size_t i = 0; i < q->nitems; i++)
			sb_add(&b, "%s%zu. %s", i ? "  " : "", i + 1, q->items[i]);
		break;
	case Q_MATCH:
		for (size_t i = 0; i < q->npairs; i++)
			sb_add(&b, "%s%s %s %s", i ? "; " : "", q->pairs[i].left,
			       arrow, q->pairs[i].right);
		break;
	}
	return sb_done(&b);
}
