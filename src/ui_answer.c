/* ui_answer.c - a quiz answer, and a question's right answer, as text for
 * the feedback and review screens: the core words it (quiz_answer_words),
 * this file gives the full screen's look.  Order items and match pairs
 * come one a line, so a long answer never runs together. */
#include "ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void ui_words(struct ui *ui, struct quiz_words *st, char *join,
		     size_t n)
{
	snprintf(join, n, " %s ", ui_sym(ui, SY_ARROW));
	*st = (struct quiz_words){
		.sep = "; ",
		.nothing = "(nothing picked)",
		.yes = "True",
		.no = "False",
		.or_sep = " or ",
		.then_sep = "\n",
		.numbered = true,
		.pair_sep = "\n",
		.pair_join = join,
	};
}

char *ui_answer_text(struct ui *ui, const struct question *q,
		     const struct quiz_answer *a)
{
	struct quiz_words st;
	char join[16];

	ui_words(ui, &st, join, sizeof(join));
	return quiz_answer_words(q, a, &st);
}

char *ui_right_answer_text(struct ui *ui, const struct question *q)
{
	struct quiz_words st;
	char join[16];

	ui_words(ui, &st, join, sizeof(join));
	return quiz_right_words(q, &st);
}

void ui_add_answer(struct text_layout *L, const char *label, const char *s,
		   unsigned style, int indent, int width)
{
	const char *nl = strchr(s, '\n');

	if (label && !nl) {
		size_t n = strlen(label) + strlen(s) + 2;
		char *t = malloc(n);

		if (!t)
			return;
		snprintf(t, n, "%s %s", label, s);
		text_add_str(L, t, style, TL_PLAIN, indent, width);
		free(t);
		return;
	}
	if (label) {
		text_add_str(L, label, style, TL_PLAIN, indent, width);
		indent += 2;
	}
	for (;;) {
		size_t len = nl ? (size_t)(nl - s) : strlen(s);
		char *t = strndup(s, len);

		if (!t)
			return;
		text_add_str(L, t, style, TL_PLAIN, indent, width);
		free(t);
		if (!nl)
			break;
		s = nl + 1;
		nl = strchr(s, '\n');
	}
}

char *ui_verdict_text(struct ui *ui, const struct question *q,
		      const struct quiz_answer *a, const struct quiz_mark *m)
{
	char *w = quiz_mark_words(q, a, m), *out;
	const char *sym;
	size_t n;

	if (!w)
		return NULL;
	/* the symbols of ui_mark_word(), in UTF-8 or ASCII */
	if (a && m && m->correct)
		sym = ui->utf8 ? "✓" : "[+]";
	else if (a && m && m->points > 0)
		sym = ui->utf8 ? "~" : "[~]";
	else
		sym = ui->utf8 ? "✗" : "[x]";
	n = strlen(sym) + strlen(w) + 2;
	out = malloc(n);
	if (out)
		snprintf(out, n, "%s %s", sym, w);
	free(w);
	return out;
}
