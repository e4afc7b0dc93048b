/* plain_quiz.c - the line mode's quiz: questions shown as numbered
 * lists, typed answers parsed, feedback, save failures and the results
 * with the review.
 */
#include "plain_int.h"
#include "i18n.h"

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void how_to_answer(struct plain *p)
{
	plain_say(p, "How to answer:\n"
		     "  - one choice: type its number, for example: 2\n"
		     "  - \"choose all that apply\": type every number that"
		     " applies, for example: 1 3\n"
		     "  - true or false: type t or f\n"
		     "  - put in order: type the numbers from first to"
		     " last, for example: 3 1 2\n"
		     "  - matching: type each number with its letter,"
		     " for example: 1b 2a 3c\n"
		     "  - typed answer: type it and press Enter\n"
		     "  - h shows a hint; b leaves the quiz (your answers"
		     " are kept and you continue later)\n");
}

static void show_question(struct plain *p, const struct question *q,
			  const struct quiz_position *pos, const size_t *perm)
{
	char head[64];

	plain_say(p, "\nQuestion %zu of %zu", pos->index + 1, pos->total);
	if (q->critical && q->points != 1)
		plain_say(p, " (must be answered right to pass; %d points)",
			  q->points);
	else if (q->critical)
		plain_say(p, " (must be answered right to pass)");
	else if (q->points != 1)
		plain_say(p, " (%d points)", q->points);
	plain_say(p, "\n");
	if (q->stem)
		plain_show_case(p, session_module(p->s), q->stem);
	plain_wrap_rich(p, "", "", &q->prompt);
	switch (q->type) {
	case Q_SINGLE:
	case Q_MULTIPLE:
		plain_say(p, q->type == Q_SINGLE
				? "Choose one answer (type its number):\n"
				: "Choose every answer that applies (type the"
				  " numbers, for example 1 3):\n");
		for (size_t k = 0; k < q->noptions; k++) {
			snprintf(head, sizeof(head), "  %zu. ", k + 1);
			plain_wrap(p, head, "     ", q->options[perm[k]].text);
		}
		break;
	case Q_TRUEFALSE:
		plain_say(p, "True or false? Type t for true or f for "
			     "false.\n");
		break;
	case Q_TEXT:
		plain_say(p, "Type your answer.\n");
		break;
	case Q_ORDER:
		plain_say(p, "Put these in the right order (type the numbers "
			     "from first to last, for example 3 1 2):\n");
		for (size_t k = 0; k < q->nitems; k++) {
			snprintf(head, sizeof(head), "  %zu. ", k + 1);
			plain_wrap(p, head, "     ", q->items[perm[k]]);
		}
		break;
	case Q_MATCH:
		plain_say(p, "Match each numbered item with a lettered one "
			     "(type each number with its letter, for example "
			     "1b 2a 3c):\n");
		for (size_t k = 0; k < q->npairs; k++) {
			snprintf(head, sizeof(head), "  %zu. ", k + 1);
			plain_wrap(p, head, "     ", q->pairs[k].left);
		}
		plain_say(p, "with:\n");
		for (size_t k = 0; k < q->npairs; k++) {
			snprintf(head, sizeof(head), "  %c. ", (char)('a' + k));
			plain_wrap(p, head, "     ", q->pairs[perm[k]].right);
		}
		break;
	}
}

/* Numbers separated by spaces or commas, each 1..max; -1 when not. */
static int parse_numbers(const char *v, size_t max, size_t *out, size_t room,
			 size_t *n)
{
	*n = 0;
	while (*v) {
		char *end;
		unsigned long x;

		if (*v == ' ' || *v == ',' || *v == '\t') {
			v++;
			continue;
		}
		if (*v < '0' || *v > '9' || *n >= room)
			return -1;
		x = strtoul(v, &end, 10);
		if (x < 1 || x > max)
			return -1;
		out[(*n)++] = x - 1;
		v = end;
	}
	return 0;
}

/* Turns a typed line into an answer in model order; a message on -1. */
static int parse_answer(const struct question *q, const size_t *perm,
			const char *v, struct quiz_answer *a, const char **why)
{
	size_t nums[64], n;
	bool seen[64] = { false };

	memset(a, 0, sizeof(*a));
	a->type = q->type;
	switch (q->type) {
	case Q_SINGLE:
		if (parse_numbers(v, q->noptions, nums, 64, &n) || n != 1) {
			*why = "Type the number of one answer.";
			return -1;
		}
		a->picks[0] = perm[nums[0]];
		a->npicks = 1;
		return 0;
	case Q_MULTIPLE:
		if (parse_numbers(v, q->noptions, nums, 64, &n) || n == 0) {
			*why = "Type the numbers of the answers that apply, "
			       "separated by spaces.";
			return -1;
		}
		for (size_t i = 0; i < n; i++) {
			if (seen[nums[i]])
				continue;
			seen[nums[i]] = true;
			a->picks[a->npicks++] = perm[nums[i]];
		}
		return 0;
	case Q_TRUEFALSE:
		if (!g_ascii_strcasecmp(v, "t") || !g_ascii_strcasecmp(v, "true")) {
			a->tf = true;
			return 0;
		}
		if (!g_ascii_strcasecmp(v, "f") || !g_ascii_strcasecmp(v, "false"))
			return 0;
		*why = "Type t for true or f for false.";
		return -1;
	case Q_TEXT:
		if (strlen(v) >= sizeof(a->text)) {
			*why = "That answer is too long.";
			return -1;
		}
		strcpy(a->text, v);
		return 0;
	case Q_ORDER:
		if (parse_numbers(v, q->nitems, nums, 64, &n) || n != q->nitems) {
			*why = "Type every number once, from first to last.";
			return -1;
		}
		for (size_t i = 0; i < n; i++) {
			if (seen[nums[i]]) {
				*why = "Type every number once, from first to "
				       "last.";
				return -1;
			}
			seen[nums[i]] = true;
			a->picks[i] = perm[nums[i]];
		}
		a->npicks = n;
		return 0;
	case Q_MATCH: {
		bool left_seen[26] = { false };
		size_t got = 0;

		*why = "Type each number once with one letter, for example "
		       "1b 2a 3c.";
		if (q->npairs > 26)
			return -1;
		while (*v) {
			unsigned long x;
			char *end;
			int letter;

			if (*v == ' ' || *v == ',' || *v == '\t') {
				v++;
				continue;
			}
			if (*v < '0' || *v > '9')
				return -1;
			x = strtoul(v, &end, 10);
			v = end;
			while (*v == ' ' || *v == '-' || *v == '=')
				v++;
			letter = g_ascii_tolower(*v) - 'a';
			if (x < 1 || x > q->npairs || letter < 0 ||
			    (size_t)letter >= q->npairs ||
			    left_seen[x - 1] || seen[letter])
				return -1;
			v++;
			left_seen[x - 1] = seen[letter] = true;
			a->picks[x - 1] = perm[letter];
			got++;
		}
		if (got != q->npairs)
			return -1;
		a->npicks = got;
		return 0;
	}
	}
	return -1;
}

/* Answers in words, for feedback and review (quiz_answer_words). */
static const struct quiz_words words = {
	.sep = "; ",
	.nothing = "(nothing chosen)",
	.yes = "true",
	.no = "false",
	.or_sep = " or ",
	.or_end = "",
	.then_sep = ", then ",
	.pair_sep = "; ",
	.pair_join = " goes with ",
};

static void show_mark(struct plain *p, const struct quiz_mark *m)
{
	if (m->correct)
		plain_say(p, "Right.\n");
	else if (m->points > 0)
		plain_say(p, "Partly right: %.2g of %.2g points.\n",
			  m->points, m->max);
	else
		plain_say(p, "Not right.\n");
}

static void show_whys(struct plain *p, const struct question *q,
		      const struct quiz_answer *a, const char *indent)
{
	if (q->type != Q_SINGLE && q->type != Q_MULTIPLE)
		return;
	for (size_t i = 0; i < a->npicks; i++) {
		const struct option *o = &q->options[a->picks[i]];
		char *t;

		if (!o->why)
			continue;
		t = g_strdup_printf("About \"%s\": %s", o->text, o->why);
		plain_wrap(p, indent, indent, t);
		g_free(t);
	}
}

static void show_feedback(struct plain *p, const struct question *q,
			  const struct quiz_answer *a,
			  const struct quiz_feedback *fb)
{
	char *t;

	if (!fb->show_now)
		return;
	show_mark(p, &fb->mark);
	if (fb->mark.accepted && strcmp(fb->mark.accepted, a->text))
		plain_wrap(p, _("Accepted as: "), "  ", fb->mark.accepted);
	show_whys(p, q, a, "");
	if (!fb->mark.correct) {
		t = quiz_right_words(q, &words);
		plain_wrap(p, "The right answer: ", "  ", t ? t : "");
		free(t);
	}
	if (q->explain.n)
		plain_wrap_rich(p, "Explanation: ", "  ", &q->explain);
}

/* The answer could not be committed: it stays pending until the store
 * takes it, or the trainee leaves. */
static enum flow save_failed(struct plain *p, const struct err *e0)
{
	struct err e = *e0;
	enum flow f = FL_OK;

	for (;;) {
		char *v;

		plain_report_error(p, "Your answer could not be saved", &e);
		v = plain_ask(p, "Type r to try again, or b to leave the quiz "
				 "(this answer would then be lost): ", &f);
		if (!v) {
			/* Leaving anyway: one last try, so nothing is lost
			 * that can be kept. */
			err_clear(&e);
			if (session_retry_save(p->s, &e) == 0)
				plain_say(p, "Saved.\n");
			else
				plain_say(p, "Your last answer was not "
					     "saved.\n");
			return f;
		}
		if (plain_is(v, "b"))
			return FL_BACK;
		if (!plain_is(v, "r"))
			continue;
		err_clear(&e);
		if (session_retry_save(p->s, &e) == 0) {
			plain_say(p, "Saved.\n");
			return FL_OK;
		}
	}
}

static void show_results(struct plain *p, const struct quiz *qz,
			 const struct quiz_outcome *oc)
{
	const struct quiz_result *r = &oc->result;

	plain_say(p, "\nResults: %s\n", qz->title);
	plain_say(p, "Score: %.4g of %.4g points (%d%%). Pass mark: %d%%.\n",
		  r->score, r->max, r->percent, oc->pass);
	plain_say(p, "Result: %s.\n", r->passed ? "passed" : "not passed");
	if (r->ncritical_missed) {
		plain_say(p, "Questions that must be answered right to pass, "
			     "and were missed:\n");
		for (size_t i = 0; i < r->ncritical_missed && i < 64; i++)
			plain_wrap_rich(p, "  - ", "    ",
					&r->critical_missed[i]->prompt);
	}
	plain_say(p, "\nReview:\n");
	for (size_t i = 0; i < oc->nreview; i++) {
		const struct quiz_review_item *it = &oc->review[i];
		char head[64], *t;

		snprintf(head, sizeof(head), "Question %zu of %zu: ", i + 1,
			 oc->nreview);
		plain_wrap_rich(p, head, "  ", &it->q->prompt);
		t = quiz_answer_words(it->q, &it->answer, &words);
		plain_wrap(p, "  Your answer: ", "    ", t ? t : "");
		free(t);
		plain_say(p, "  ");
		show_mark(p, &it->mark);
		show_whys(p, it->q, &it->answer, "  ");
		t = quiz_right_words(it->q, &words);
		plain_wrap(p, "  The right answer: ", "    ", t ? t : "");
		free(t);
		if (it->q->explain.n)
			plain_wrap_rich(p, "  Explanation: ", "    ",
					&it->q->explain);
	}
}

static enum flow finish_quiz(struct plain *p)
{
	const struct course *c = session_course(p->s);
	const struct module *m = session_module(p->s);
	struct quiz_outcome oc;
	struct err e = { 0 };
	enum flow f = FL_OK;

	if (session_quiz_finish(p->s, &oc, &e)) {
		plain_report_error(p, "The quiz could not be closed", &e);
		return FL_BACK;
	}
	show_results(p, m->quiz, &oc);
	plain_say(p, "\n");
	if (oc.module_completed)
	plain_say(p, "You have completed the module \"%s\".\n",
		  m->title);
	if (oc.course_completed)
	plain_say(p, "You have completed the course \"%s\". A "
		     "coordinator can print your certificate.\n",
		  c->title);
	if (!oc.result.passed) {
		struct module_status *v = calloc(c->nmodules, sizeof(*v));

		if (v && session_course_status(p->s, c, v, &e) == 0) {
			for (size_t i = 0; i < c->nmodules; i++) {
				if (v[i].module != m)
					continue;
				if (v[i].attempts_left == 0)
					plain_say(p, "No attempts are left for "
						     "this quiz.\n");
				else if (v[i].attempts_left > 0)
					plain_say(p, "You may try again: %d "
						     "attempt%s left.\n",
						  v[i].attempts_left,
						  v[i].attempts_left == 1
						  ? "" : "s");
				else
					plain_say(p, "You may try again.\n");
			}
		}
		free(v);
	}
	if (!plain_ask(p, "Press Enter to go back to the module. ", &f))
		return f;
	return FL_OK;
}

enum flow plain_run_quiz(struct plain *p)
{
	const struct module *m = session_module(p->s);
	enum quiz_begin how;
	struct err e = { 0 };
	enum flow f = FL_OK;

	if (session_quiz_begin(p->s, &how, &e)) {
		plain_report_error(p, "The quiz could not start", &e);
		return FL_OK;
	}
	switch (how) {
	case QUIZ_NO_QUIZ:
		plain_say(p, "This module has no quiz.\n");
		return FL_OK;
	case QUIZ_NO_ATTEMPTS_LEFT:
		plain_say(p, "You have used every attempt at this quiz.\n");
		return FL_OK;
	case QUIZ_NOT_READ:
		plain_say(p, "Please read every page of the module before the "
			     "quiz.\n");
		return FL_OK;
	case QUIZ_STARTED:
	case QUIZ_RESUMED:
		break;
	}
	{
		struct quiz_position pos;
		const struct quiz *qz = m->quiz;

		session_quiz_current(p->s, &pos);
		plain_say(p, "\nQuiz: %s\n", qz->title);
		plain_say(p, "%zu question%s. Pass mark: %d%%. Attempt %d",
			  pos.total, pos.total == 1 ? "" : "s", qz->pass,
			  pos.attempt);
		if (qz->attempts > 0)
			plain_say(p, " of %d", qz->attempts);
		plain_say(p, ".\n%s\n",
			  qz->feedback == FEEDBACK_IMMEDIATE
			  ? "You see whether each answer is right as you go."
			  : "You see your results at the end.");
		if (how == QUIZ_RESUMED)
			plain_say(p, "Continuing your unfinished attempt at "
				     "question %zu.\n", pos.index + 1);
		how_to_answer(p);
	}
	for (;;) {
		struct quiz_position pos;
		const struct question *q = session_quiz_current(p->s, &pos);
		size_t perm[64], n;
		struct quiz_answer a;
		struct quiz_feedback fb;
		const char *why = NULL;
		char *v;

		if (!q)
			return finish_quiz(p);
		n = q->type == Q_ORDER ? q->nitems
		  : q->type == Q_MATCH ? q->npairs : q->noptions;
		if (n > 64)
			n = 64;
		session_quiz_layout(p->s, q, perm, n);
		show_question(p, q, &pos, perm);
		for (;;) {
			v = plain_ask(p, "Answer: ", &f);
			if (!v)
				return f;
			if (plain_is(v, "b"))
				return FL_OK;
			if (plain_is(v, "h")) {
				if (q->hint.n)
					plain_wrap_rich(p, "Hint: ", "  ",
							&q->hint);
				else
					plain_say(p, "This question has no "
						     "hint.\n");
				continue;
			}
			if (!*v) {
				plain_say(p, "Please type an answer (h for a "
					     "hint, b to leave the quiz).\n");
				continue;
			}
			if (parse_answer(q, perm, v, &a, &why)) {
				plain_say(p, "%s\n", why);
				continue;
			}
			break;
		}
		err_clear(&e);
		if (session_quiz_answer(p->s, &a, &fb, &e)) {
			if (e.code == ERR_INVALID && !session_pending_save(p->s)) {
				plain_report_error(p, "That answer was not "
						      "taken", &e);
				continue;
			}
			f = save_failed(p, &e);
			if (f != FL_OK)
				return f == FL_BACK ? FL_OK : f;
		} else {
			plain_say(p, "Saved.\n");
		}
		show_feedback(p, q, &a, &fb);
	}
}
