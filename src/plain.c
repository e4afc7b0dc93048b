/* plain.c - the line mode: the kiosk's flows as numbered menus and typed
 * answers, one line at a time.
 *
 * For screen readers, braille displays, TERM=dumb and scripts: no cursor
 * movement, colour or box drawing, everything printed in reading order.
 * Input is read line by line; end of input at any point leaves cleanly,
 * and everything already answered is saved (each answer is committed by
 * the session before "Saved." is printed).
 */
#include "kiosk.h"

#include <errno.h>
#include <glib.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#define WIDTH 76
#define LINE_MAX_LEN 1024

enum flow {
	FL_OK,       /* carry on */
	FL_BACK,     /* back to the previous menu */
	FL_SIGNOUT,  /* signed out (asked, or idle) */
	FL_QUIT,     /* end of input or quit: leave the program */
};

enum got { GOT_EOF, GOT_LINE, GOT_IDLE };

struct plain {
	struct session *s;
	const struct kiosk_options *o;
	FILE *in, *out;
	int fd;                  /* -1: read `in` with fgets */
	bool tty_in;             /* input typed at a terminal */
	char buf[4096];
	size_t blen, bpos;
	bool eof;
	char line[LINE_MAX_LEN];
};

/* ---- output ---------------------------------------------------------------- */

static void say(struct plain *p, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void say(struct plain *p, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfprintf(p->out, fmt, ap);
	va_end(ap);
}

static int text_width(const char *s, size_t len)
{
	int w = 0;

	for (const char *q = s; q < s + len && *q; q = g_utf8_next_char(q)) {
		gunichar c = g_utf8_get_char(q);

		if (g_unichar_iszerowidth(c))
			continue;
		w += g_unichar_iswide(c) ? 2 : 1;
	}
	return w;
}

/* Prints text wrapped at WIDTH columns: `first` before the first line,
 * `rest` (spaces, same width) before the others. */
static void wrap(struct plain *p, const char *first, const char *rest,
		 const char *text)
{
	int indent = text_width(first, strlen(first)), col = indent;
	const char *q = text;
	bool start = true;

	fputs(first, p->out);
	while (*q) {
		const char *w = q;
		size_t len;
		int ww;

		while (*w == ' ')
			w++;
		if (!*w)
			break;
		len = strcspn(w, " ");
		ww = text_width(w, len);
		if (!start && col + 1 + ww > WIDTH) {
			fputc('\n', p->out);
			fputs(rest, p->out);
			col = indent;
			start = true;
		}
		if (!start) {
			fputc(' ', p->out);
			col++;
		}
		fwrite(w, 1, len, p->out);
		col += ww;
		start = false;
		q = w + len;
	}
	fputc('\n', p->out);
}

static void wrap_rich(struct plain *p, const char *first, const char *rest,
		      const struct rich *r)
{
	char *t = rich_flatten(r);

	wrap(p, first, rest, t ? t : "");
	free(t);
}

/* ---- input ---------------------------------------------------------------- */

static int idle_ms(const struct plain *p)
{
	if (p->o->idle_timeout <= 0 || !session_learner(p->s) || p->fd < 0)
		return -1;
	return p->o->idle_timeout * 60 * 1000;
}

/* Reads one line into p->line (without its newline).  Lines longer than
 * the buffer are cut; the rest of such a line is dropped. */
static enum got read_line(struct plain *p)
{
	size_t n = 0;
	bool cut = false;

	fflush(p->out);
	if (p->fd < 0) {
		if (!fgets(p->line, sizeof(p->line), p->in))
			return GOT_EOF;
		n = strlen(p->line);
		if (n && p->line[n - 1] != '\n' && !feof(p->in)) {
			int c;

			while ((c = fgetc(p->in)) != EOF && c != '\n')
				;
		}
		goto done;
	}
	for (;;) {
		while (p->bpos < p->blen) {
			char c = p->buf[p->bpos++];

			if (c == '\n')
				goto done;
			if (n + 1 < sizeof(p->line))
				p->line[n++] = c;
			else
				cut = true;
		}
		if (p->eof) {
			if (n == 0 && !cut)
				return GOT_EOF;
			goto done;
		}
		int ms = idle_ms(p);
		if (ms >= 0) {
			struct pollfd pf = { .fd = p->fd, .events = POLLIN };
			int r = poll(&pf, 1, ms);

			if (r == 0)
				return GOT_IDLE;
			if (r < 0 && errno == EINTR)
				continue;
		}
		ssize_t r = read(p->fd, p->buf, sizeof(p->buf));
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			p->eof = true;
			continue;
		}
		p->blen = (size_t)r;
		p->bpos = 0;
	}
done:
	p->line[n] = '\0';
	n = strlen(p->line);
	while (n && (p->line[n - 1] == '\n' || p->line[n - 1] == '\r'))
		p->line[--n] = '\0';
	return GOT_LINE;
}

static char *trimmed(char *s)
{
	char *end;

	while (*s == ' ' || *s == '\t')
		s++;
	end = s + strlen(s);
	while (end > s && (end[-1] == ' ' || end[-1] == '\t'))
		*--end = '\0';
	return s;
}

/* Prompts and reads a line; NULL at end of input or when idle (then *f
 * says which). */
static char *ask(struct plain *p, const char *prompt, enum flow *f)
{
	enum got g;

	say(p, "%s", prompt);
	g = read_line(p);
	if (g == GOT_LINE) {
		/* Typed input ends its line on a terminal; from a pipe or a
		 * file nothing does, so end it here and keep the transcript
		 * one line per thing said. */
		if (!p->tty_in)
			say(p, "\n");
		return trimmed(p->line);
	}
	say(p, "\n");
	if (g == GOT_IDLE) {
		say(p, "Signed out after %d minutes without activity. "
		    "Your progress is saved.\n\n", p->o->idle_timeout);
		session_signout(p->s);
		*f = FL_SIGNOUT;
	} else {
		*f = FL_QUIT;
	}
	return NULL;
}

/* A PIN or passphrase: not echoed when typed at a terminal. */
static char *ask_secret(struct plain *p, const char *prompt, enum flow *f)
{
	struct termios old, quiet;
	bool tty = p->fd >= 0 && isatty(p->fd) && tcgetattr(p->fd, &old) == 0;
	char *v;

	if (tty) {
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		quiet.c_lflag |= ECHONL;
		tcsetattr(p->fd, TCSAFLUSH, &quiet);
	}
	v = ask(p, prompt, f);
	if (tty)
		tcsetattr(p->fd, TCSAFLUSH, &old);
	return v;
}

static bool is(const char *v, const char *word)
{
	return !strcmp(v, word);
}

/* A number 1..max typed alone; 0 when it is not one. */
static size_t menu_number(const char *v, size_t max)
{
	char *end;
	unsigned long n;

	if (*v < '0' || *v > '9')
		return 0;
	n = strtoul(v, &end, 10);
	if (*end || n < 1 || n > max)
		return 0;
	return n;
}

/* ---- shared pieces ---------------------------------------------------------- */

static void show_sources(struct plain *p, const struct module *m)
{
	say(p, "\nSources for \"%s\":\n", m->title);
	for (size_t i = 0; i < m->nsources; i++) {
		const struct source *src = &m->sources[i];
		GString *b = g_string_new(NULL);

		g_string_append_printf(b, "%s", src->title);
		if (src->publisher && src->year)
			g_string_append_printf(b, ". %s, %s.", src->publisher,
					       src->year);
		else if (src->publisher || src->year)
			g_string_append_printf(b, ". %s.", src->publisher
					       ? src->publisher : src->year);
		if (src->url)
			g_string_append_printf(b, " %s", src->url);
		char head[80];
		snprintf(head, sizeof(head), "  [%s] ", src->id);
		wrap(p, head, "      ", b->str);
		g_string_free(b, TRUE);
	}
	say(p, "\n");
}

static const char *state_words(const struct module_status *ms, char *buf,
			       size_t n)
{
	if (ms->locked)
		snprintf(buf, n, "locked");
	else if (ms->state == MODULE_COMPLETE && ms->best_score >= 0)
		snprintf(buf, n, "complete, score %d%%", ms->best_score);
	else if (ms->state == MODULE_COMPLETE)
		snprintf(buf, n, "complete");
	else if (ms->state == MODULE_IN_PROGRESS || ms->pages_seen > 0 ||
		 ms->attempts > 0)
		snprintf(buf, n, "in progress, %d of %d pages read (%d%%)",
			 ms->pages_seen, ms->npages,
			 ms->npages ? 100 * ms->pages_seen / ms->npages : 0);
	else
		snprintf(buf, n, "not started");
	return buf;
}

static void report_error(struct plain *p, const char *what,
			 const struct err *e)
{
	say(p, "%s: %s\n", what, e->msg[0] ? e->msg : "unknown error");
}

/* ---- quiz ------------------------------------------------------------------------ */

static void how_to_answer(struct plain *p)
{
	say(p, "How to answer:\n"
	       "  - one choice: type its number, for example: 2\n"
	       "  - \"choose all that apply\": type every number that applies,"
	       " for example: 1 3\n"
	       "  - true or false: type t or f\n"
	       "  - put in order: type the numbers from first to last,"
	       " for example: 3 1 2\n"
	       "  - matching: type each number with its letter,"
	       " for example: 1b 2a 3c\n"
	       "  - typed answer: type it and press Enter\n"
	       "  - h shows a hint; b leaves the quiz (your answers are kept"
	       " and you continue later)\n");
}

static void show_question(struct plain *p, const struct question *q,
			  const struct quiz_position *pos, const size_t *perm)
{
	char head[64];

	say(p, "\nQuestion %zu of %zu", pos->index + 1, pos->total);
	if (q->critical && q->points != 1)
		say(p, " (must be answered right to pass; %d points)", q->points);
	else if (q->critical)
		say(p, " (must be answered right to pass)");
	else if (q->points != 1)
		say(p, " (%d points)", q->points);
	say(p, "\n");
	wrap_rich(p, "", "", &q->prompt);
	switch (q->type) {
	case Q_SINGLE:
	case Q_MULTIPLE:
		say(p, q->type == Q_SINGLE
			? "Choose one answer (type its number):\n"
			: "Choose every answer that applies (type the numbers,"
			  " for example 1 3):\n");
		for (size_t k = 0; k < q->noptions; k++) {
			snprintf(head, sizeof(head), "  %zu. ", k + 1);
			wrap(p, head, "     ", q->options[perm[k]].text);
		}
		break;
	case Q_TRUEFALSE:
		say(p, "True or false? Type t for true or f for false.\n");
		break;
	case Q_TEXT:
		say(p, "Type your answer.\n");
		break;
	case Q_ORDER:
		say(p, "Put these in the right order (type the numbers from first"
		       " to last, for example 3 1 2):\n");
		for (size_t k = 0; k < q->nitems; k++) {
			snprintf(head, sizeof(head), "  %zu. ", k + 1);
			wrap(p, head, "     ", q->items[perm[k]]);
		}
		break;
	case Q_MATCH:
		say(p, "Match each numbered item with a lettered one (type each "
		       "number with its letter, for example 1b 2a 3c):\n");
		for (size_t k = 0; k < q->npairs; k++) {
			snprintf(head, sizeof(head), "  %zu. ", k + 1);
			wrap(p, head, "     ", q->pairs[k].left);
		}
		say(p, "with:\n");
		for (size_t k = 0; k < q->npairs; k++) {
			snprintf(head, sizeof(head), "  %c. ", (char)('a' + k));
			wrap(p, head, "     ", q->pairs[perm[k]].right);
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
		say(p, "Right.\n");
	else if (m->points > 0)
		say(p, "Partly right: %.2g of %.2g points.\n", m->points, m->max);
	else
		say(p, "Not right.\n");
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
		wrap(p, indent, indent, t);
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
	show_whys(p, q, a, "");
	if (!fb->mark.correct) {
		t = quiz_right_words(q, &words);
		wrap(p, "The right answer: ", "  ", t ? t : "");
		free(t);
	}
	if (q->explain.n)
		wrap_rich(p, "Explanation: ", "  ", &q->explain);
}

/* The answer could not be committed: it stays pending until the store
 * takes it, or the trainee leaves. */
static enum flow save_failed(struct plain *p, const struct err *e0)
{
	struct err e = *e0;
	enum flow f = FL_OK;

	for (;;) {
		char *v;

		report_error(p, "Your answer could not be saved", &e);
		v = ask(p, "Type r to try again, or b to leave the quiz (this "
			   "answer would then be lost): ", &f);
		if (!v) {
			/* Leaving anyway: one last try, so nothing is lost
			 * that can be kept. */
			err_clear(&e);
			if (session_retry_save(p->s, &e) == 0)
				say(p, "Saved.\n");
			else
				say(p, "Your last answer was not saved.\n");
			return f;
		}
		if (is(v, "b"))
			return FL_BACK;
		if (!is(v, "r"))
			continue;
		err_clear(&e);
		if (session_retry_save(p->s, &e) == 0) {
			say(p, "Saved.\n");
			return FL_OK;
		}
	}
}

static void show_results(struct plain *p, const struct quiz *qz,
			 const struct quiz_outcome *oc)
{
	const struct quiz_result *r = &oc->result;

	say(p, "\nResults: %s\n", qz->title);
	say(p, "Score: %.4g of %.4g points (%d%%). Pass mark: %d%%.\n",
	    r->score, r->max, r->percent, oc->pass);
	say(p, "Result: %s.\n", r->passed ? "passed" : "not passed");
	if (r->ncritical_missed) {
		say(p, "Questions that must be answered right to pass, and were "
		       "missed:\n");
		for (size_t i = 0; i < r->ncritical_missed && i < 64; i++)
			wrap_rich(p, "  - ", "    ", &r->critical_missed[i]->prompt);
	}
	say(p, "\nReview:\n");
	for (size_t i = 0; i < oc->nreview; i++) {
		const struct quiz_review_item *it = &oc->review[i];
		char head[64], *t;

		snprintf(head, sizeof(head), "Question %zu of %zu: ", i + 1,
			 oc->nreview);
		wrap_rich(p, head, "  ", &it->q->prompt);
		t = quiz_answer_words(it->q, &it->answer, &words);
		wrap(p, "  Your answer: ", "    ", t ? t : "");
		free(t);
		say(p, "  ");
		show_mark(p, &it->mark);
		show_whys(p, it->q, &it->answer, "  ");
		t = quiz_right_words(it->q, &words);
		wrap(p, "  The right answer: ", "    ", t ? t : "");
		free(t);
		if (it->q->explain.n)
			wrap_rich(p, "  Explanation: ", "    ", &it->q->explain);
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
		report_error(p, "The quiz could not be closed", &e);
		return FL_BACK;
	}
	show_results(p, m->quiz, &oc);
	say(p, "\n");
	if (oc.module_completed)
		say(p, "You have completed the module \"%s\".\n", m->title);
	if (oc.course_completed)
		say(p, "You have completed the course \"%s\". A coordinator can "
		       "print your certificate.\n", c->title);
	if (!oc.result.passed) {
		struct module_status *v = calloc(c->nmodules, sizeof(*v));

		if (v && session_course_status(p->s, c, v, &e) == 0) {
			for (size_t i = 0; i < c->nmodules; i++) {
				if (v[i].module != m)
					continue;
				if (v[i].attempts_left == 0)
					say(p, "No attempts are left for this "
					       "quiz.\n");
				else if (v[i].attempts_left > 0)
					say(p, "You may try again: %d attempt%s "
					    "left.\n", v[i].attempts_left,
					    v[i].attempts_left == 1 ? "" : "s");
				else
					say(p, "You may try again.\n");
			}
		}
		free(v);
	}
	if (!ask(p, "Press Enter to go back to the module. ", &f))
		return f;
	return FL_OK;
}

static enum flow run_quiz(struct plain *p)
{
	const struct module *m = session_module(p->s);
	enum quiz_begin how;
	struct err e = { 0 };
	enum flow f = FL_OK;

	if (session_quiz_begin(p->s, &how, &e)) {
		report_error(p, "The quiz could not start", &e);
		return FL_OK;
	}
	switch (how) {
	case QUIZ_NO_QUIZ:
		say(p, "This module has no quiz.\n");
		return FL_OK;
	case QUIZ_NO_ATTEMPTS_LEFT:
		say(p, "You have used every attempt at this quiz.\n");
		return FL_OK;
	case QUIZ_NOT_READ:
		say(p, "Please read every page of the module before the quiz.\n");
		return FL_OK;
	case QUIZ_STARTED:
	case QUIZ_RESUMED:
		break;
	}
	{
		struct quiz_position pos;
		const struct quiz *qz = m->quiz;

		session_quiz_current(p->s, &pos);
		say(p, "\nQuiz: %s\n", qz->title);
		say(p, "%zu question%s. Pass mark: %d%%. Attempt %d", pos.total,
		    pos.total == 1 ? "" : "s", qz->pass, pos.attempt);
		if (qz->attempts > 0)
			say(p, " of %d", qz->attempts);
		say(p, ".\n%s\n", qz->feedback == FEEDBACK_IMMEDIATE
			? "You see whether each answer is right as you go."
			: "You see your results at the end.");
		if (how == QUIZ_RESUMED)
			say(p, "Continuing your unfinished attempt at question "
			       "%zu.\n", pos.index + 1);
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
			v = ask(p, "Answer: ", &f);
			if (!v)
				return f;
			if (is(v, "b"))
				return FL_OK;
			if (is(v, "h")) {
				if (q->hint.n)
					wrap_rich(p, "Hint: ", "  ", &q->hint);
				else
					say(p, "This question has no hint.\n");
				continue;
			}
			if (!*v) {
				say(p, "Please type an answer (h for a hint, b to "
				       "leave the quiz).\n");
				continue;
			}
			if (parse_answer(q, perm, v, &a, &why)) {
				say(p, "%s\n", why);
				continue;
			}
			break;
		}
		err_clear(&e);
		if (session_quiz_answer(p->s, &a, &fb, &e)) {
			if (e.code == ERR_INVALID && !session_pending_save(p->s)) {
				report_error(p, "That answer was not taken", &e);
				continue;
			}
			f = save_failed(p, &e);
			if (f != FL_OK)
				return f == FL_BACK ? FL_OK : f;
		} else {
			say(p, "Saved.\n");
		}
		show_feedback(p, q, &a, &fb);
	}
}

/* ---- reading ------------------------------------------------------------------------ */

static void show_block(struct plain *p, const struct module *m,
		       const struct block *b)
{
	static const char *const note_words[] = {
		[NOTE_KEY] = "Key point: ", [NOTE_HISTORY] = "History: ",
		[NOTE_WARNING] = "Warning: ",
	};

	switch (b->kind) {
	case BLOCK_H:
		wrap_rich(p, "Heading: ", "  ", &b->text);
		break;
	case BLOCK_P:
		wrap_rich(p, "", "", &b->text);
		break;
	case BLOCK_LIST:
		for (size_t i = 0; i < b->nitems; i++)
			wrap_rich(p, "  - ", "    ", &b->items[i]);
		break;
	case BLOCK_NOTE:
		wrap_rich(p, note_words[b->note], "  ", &b->text);
		break;
	case BLOCK_CITE:
		for (size_t i = 0; i < b->nrefs; i++) {
			const struct source *src = module_find_source(m, b->refs[i]);
			char *t = g_strdup_printf("Source [%s]: %s", b->refs[i],
						  src ? src->title : "");

			wrap(p, "", "  ", t);
			g_free(t);
		}
		break;
	}
	say(p, "\n");
}

static void show_page(struct plain *p, const struct module *m, int n)
{
	const struct lesson *l = NULL;
	const struct page *pg = module_page(m, (size_t)n, &l);

	if (!pg)
		return;
	say(p, "\nPage %d of %zu. %s", n + 1, m->npages, l->title);
	if (pg->title)
		say(p, ": %s", pg->title);
	say(p, "\n\n");
	for (size_t i = 0; i < pg->nblocks; i++)
		show_block(p, m, &pg->blocks[i]);
}

static enum flow read_pages(struct plain *p, int *page)
{
	const struct module *m = session_module(p->s);
	struct err e = { 0 };
	enum flow f = FL_OK;

	for (;;) {
		char *v;

		show_page(p, m, *page);
		err_clear(&e);
		if (session_page_shown(p->s, *page, &e))
			report_error(p, "Your place could not be saved", &e);
		for (;;) {
			v = ask(p, (size_t)*page + 1 < m->npages
				? "Enter or n: next page; p: previous; s: sources; "
				  "b: back to the module. "
				: "This is the last page. Enter or b: back to the "
				  "module; p: previous; s: sources. ",
				&f);
			if (!v)
				return f;
			if (is(v, "s")) {
				show_sources(p, m);
				continue;
			}
			break;
		}
		if (is(v, "p")) {
			if (*page > 0)
				(*page)--;
			continue;
		}
		if (is(v, "b"))
			return FL_OK;
		if (!*v || is(v, "n")) {
			if ((size_t)*page + 1 < m->npages) {
				(*page)++;
				continue;
			}
			return FL_OK;
		}
		say(p, "Please type n, p, s or b.\n");
	}
}

/* ---- menus ------------------------------------------------------------------------ */

static bool module_status_of(struct plain *p, const struct course *c,
			     const struct module *m, struct module_status *out)
{
	struct module_status *v = calloc(c->nmodules, sizeof(*v));
	struct err e = { 0 };
	bool ok = false;

	if (v && session_course_status(p->s, c, v, &e) == 0) {
		for (size_t i = 0; i < c->nmodules; i++)
			if (v[i].module == m) {
				*out = v[i];
				ok = true;
			}
	} else if (v) {
		report_error(p, "Your progress could not be read", &e);
	}
	free(v);
	return ok;
}

static enum flow module_menu(struct plain *p, const struct course *c,
			     const struct module *m, int page)
{
	struct err e = { 0 };
	enum flow f = FL_OK;

	for (;;) {
		struct module_status ms;
		bool completed = false;
		char *v;

		err_clear(&e);
		if (session_check_complete(p->s, &completed, &e))
			report_error(p, "Your progress could not be saved", &e);
		else if (completed)
			say(p, "You have completed the module \"%s\".\n",
			    m->title);
		if (completed && session_course_complete(p->s, c))
			say(p, "You have completed the course \"%s\". A "
			       "coordinator can print your certificate.\n",
			    c->title);
		if (!module_status_of(p, c, m, &ms))
			return FL_BACK;
		say(p, "\nModule: %s\n", m->title);
		if (m->minutes)
			say(p, "About %d minutes. ", m->minutes);
		say(p, "%d of %d pages read.\n", ms.pages_seen, ms.npages);
		if (ms.state == MODULE_COMPLETE)
			say(p, "This module is complete.\n");
		if (m->quiz) {
			if (ms.best_score >= 0)
				say(p, "Quiz: best score %d%%, %s. ", ms.best_score,
				    ms.passed ? "passed" : "not passed yet");
			else
				say(p, "Quiz: not taken yet. ");
			if (m->quiz->attempts > 0)
				say(p, "%d of %d attempts used.", ms.attempts,
				    m->quiz->attempts);
			say(p, "\n");
		}
		say(p, "  1. Read (from page %d of %zu)\n", page + 1, m->npages);
		if (m->quiz)
			say(p, "  2. Take the quiz\n");
		say(p, "  %d. Sources\n", m->quiz ? 3 : 2);
		say(p, "  b. Back to the modules\n");
		v = ask(p, "Choose: ", &f);
		if (!v)
			return f;
		if (is(v, "b"))
			return FL_OK;
		if (is(v, "1")) {
			f = read_pages(p, &page);
			if (f != FL_OK)
				return f;
		} else if (m->quiz && is(v, "2")) {
			f = run_quiz(p);
			if (f != FL_OK)
				return f;
		} else if (is(v, m->quiz ? "3" : "2")) {
			show_sources(p, m);
		} else {
			say(p, "Please type one of the numbers, or b.\n");
		}
	}
}

static const char *module_title(const struct course *c, const char *id)
{
	const struct module *m = course_find_module(c, id);

	return m ? m->title : id;
}

static enum flow open_module(struct plain *p, const struct course *c,
			     const struct module *m,
			     const struct module_status *ms)
{
	struct err e = { 0 };
	enum flow f = FL_OK;
	int page = 0;

	if (ms->locked) {
		say(p, "\"%s\" opens when you have completed:", m->title);
		for (size_t i = 0; i < m->nrequires; i++)
			say(p, "%s \"%s\"", i ? "," : "",
			    module_title(c, m->requires[i]));
		say(p, ".\n");
		return FL_OK;
	}
	if (m->content_note) {
		char *v;

		say(p, "\n");
		wrap(p, "Content note: ", "  ", m->content_note);
		for (;;) {
			v = ask(p, "Type y to continue, or b to go back: ", &f);
			if (!v)
				return f;
			if (is(v, "y") || is(v, "Y"))
				break;
			if (is(v, "b") || is(v, "n"))
				return FL_OK;
		}
	}
	if (session_open_module(p->s, c, m, &page, &e)) {
		report_error(p, "The module could not be opened", &e);
		return FL_OK;
	}
	return module_menu(p, c, m, page);
}

/* "locked" + ": first complete "A" and "B"" (takes over and frees t). */
static char *add_requires(const struct course *c, const struct module *m,
			  char *t)
{
	GString *b = g_string_new(t);

	g_free(t);
	g_string_append(b, ": first complete");
	for (size_t i = 0; i < m->nrequires; i++) {
		const struct module *r = course_find_module(c, m->requires[i]);

		g_string_append_printf(b, "%s\"%s\"",
				       i == 0 ? " "
				       : i + 1 == m->nrequires ? " and " : ", ",
				       r ? r->title : m->requires[i]);
	}
	return g_string_free(b, FALSE);
}

static enum flow module_list(struct plain *p, const struct course *c)
{
	struct module_status *v = calloc(c->nmodules, sizeof(*v));
	struct err e = { 0 };
	enum flow f = FL_OK;

	if (!v)
		return FL_QUIT;
	for (;;) {
		char *in, buf[96];
		size_t n;

		err_clear(&e);
		if (session_course_status(p->s, c, v, &e)) {
			report_error(p, "Your progress could not be read", &e);
			f = FL_BACK;
			break;
		}
		say(p, "\nCourse: %s\n", c->title);
		if (c->summary)
			wrap(p, "", "", c->summary);
		say(p, "Modules:\n");
		for (size_t i = 0; i < c->nmodules; i++) {
			const struct module_status *ms = &v[i];
			char head[32], *t;

			snprintf(head, sizeof(head), "  %zu. ", i + 1);
			char minutes[32] = "";

			if (ms->module->minutes)
				snprintf(minutes, sizeof(minutes),
					 " (about %d minutes)", ms->module->minutes);
			t = g_strdup_printf("%s%s: %s", ms->module->title, minutes,
					    state_words(ms, buf, sizeof(buf)));
			if (ms->locked)
				t = add_requires(c, ms->module, t);
			wrap(p, head, "     ", t);
			g_free(t);
		}
		if (session_course_complete(p->s, c))
			say(p, "You have completed this course. A coordinator "
			       "can print your certificate.\n");
		in = ask(p, "Type a module number, b for your courses or s to "
			    "sign out: ", &f);
		if (!in)
			break;
		if (is(in, "b")) {
			f = FL_OK;
			break;
		}
		if (is(in, "s")) {
			f = FL_SIGNOUT;
			break;
		}
		n = menu_number(in, c->nmodules);
		if (!n) {
			say(p, "Please type a module number, b or s.\n");
			continue;
		}
		f = open_module(p, c, &c->modules[n - 1], &v[n - 1]);
		if (f == FL_QUIT || f == FL_SIGNOUT)
			break;
	}
	free(v);
	return f;
}

static enum flow course_list(struct plain *p)
{
	const struct catalog *cat = session_catalog(p->s);
	enum flow f = FL_OK;

	for (;;) {
		const struct learner *l = session_learner(p->s);
		char *v;
		size_t n;

		if (!l)
			return FL_SIGNOUT;
		say(p, "\nSigned in as %s.\nYour courses:\n", l->name);
		for (size_t i = 0; i < cat->ncourses; i++) {
			const struct course *c = cat->courses[i];
			struct module_status *st = calloc(c->nmodules + 1,
							  sizeof(*st));
			struct err e = { 0 };
			size_t done = 0;

			if (st && session_course_status(p->s, c, st, &e) == 0)
				for (size_t k = 0; k < c->nmodules; k++)
					done += st[k].state == MODULE_COMPLETE;
			free(st);
			say(p, "  %zu. %s: %zu of %zu modules complete\n", i + 1,
			    c->title, done, c->nmodules);
		}
		say(p, "  s. Sign out\n");
		v = ask(p, "Choose: ", &f);
		if (!v)
			return f;
		if (is(v, "s"))
			return FL_SIGNOUT;
		n = menu_number(v, cat->ncourses);
		if (!n) {
			say(p, "Please type a course number or s.\n");
			continue;
		}
		f = module_list(p, cat->courses[n - 1]);
		if (f == FL_QUIT || f == FL_SIGNOUT)
			return f;
	}
}

static enum flow signed_in(struct plain *p)
{
	enum flow f = course_list(p);

	if (session_learner(p->s)) {
		const char *name = session_learner(p->s)->name;

		say(p, "\nGoodbye, %s. Your progress is saved.\n", name);
		session_signout(p->s);
	}
	return f == FL_QUIT ? FL_QUIT : FL_OK;
}

/* ---- welcome, registration, sign in ----------------------------------------- */

static bool pin_ok(const char *pin)
{
	size_t n = strlen(pin);

	if (n < 4)
		return false;
	for (size_t i = 0; i < n; i++)
		if (pin[i] < '0' || pin[i] > '9')
			return false;
	return true;
}

static enum flow new_trainee(struct plain *p)
{
	char *name = NULL, *org = NULL, *country = NULL, *pin = NULL;
	const char *role;
	struct err e = { 0 };
	enum flow f = FL_OK;
	char *v;
	size_t r;

	say(p, "\nNew trainee\nYour name is shown on your certificate. "
	       "Leave the name empty to go back.\n");
	if (!(v = ask(p, "Full name: ", &f)))
		goto out;
	if (!*v) {
		f = FL_BACK;
		goto out;
	}
	name = g_strdup(v);
	say(p, "Your role:\n");
	for (size_t i = 0; i < session_nroles; i++)
		say(p, "  %zu. %s\n", i + 1, session_role_labels[i]);
	for (;;) {
		if (!(v = ask(p, "Choose a number: ", &f)))
			goto out;
		if ((r = menu_number(v, session_nroles)))
			break;
		say(p, "Please type a number from 1 to %zu.\n", session_nroles);
	}
	role = session_role_ids[r - 1];
	if (!(v = ask(p, "Organisation (may be left empty): ", &f)))
		goto out;
	org = g_strdup(v);
	if (!(v = ask(p, "Country (may be left empty): ", &f)))
		goto out;
	country = g_strdup(v);
	for (;;) {
		if (!(v = ask_secret(p, "Choose a PIN of at least 4 digits (it is "
				     "not shown): ", &f)))
			goto out;
		if (!pin_ok(v)) {
			say(p, "The PIN needs at least 4 digits, and only "
			       "digits.\n");
			continue;
		}
		g_free(pin);
		pin = g_strdup(v);
		if (!(v = ask_secret(p, "Type the PIN again: ", &f)))
			goto out;
		if (!strcmp(v, pin))
			break;
		say(p, "The two PINs differ. Please choose again.\n");
	}
	memset(p->line, 0, sizeof(p->line));
	if (session_register(p->s, name, role, org, country, pin, &e)) {
		report_error(p, "You could not be registered", &e);
		f = FL_BACK;
		goto out;
	}
	say(p, "Welcome, %s. You are registered and signed in.\n",
	    session_learner(p->s)->name);
	f = signed_in(p);
out:
	if (pin)
		memset(pin, 0, strlen(pin));
	g_free(name);
	g_free(org);
	g_free(country);
	g_free(pin);
	return f;
}

static enum flow sign_in(struct plain *p)
{
	struct err e = { 0 };
	enum flow f = FL_OK;
	char *name, *v;
	int wait_s = 0, rc;

	say(p, "\nSign in\nLeave the name empty to go back.\n");
	if (!(v = ask(p, "Full name: ", &f)))
		return f;
	if (!*v)
		return FL_BACK;
	name = g_strdup(v);
	if (!(v = ask_secret(p, "PIN (it is not shown): ", &f))) {
		g_free(name);
		return f;
	}
	rc = session_signin(p->s, name, v, &wait_s, &e);
	memset(p->line, 0, sizeof(p->line));
	g_free(name);
	if (rc) {
		if (e.code == ERR_WAIT)
			say(p, "Too many wrong PINs. Please wait %d second%s "
			       "before trying again.\n", wait_s,
			    wait_s == 1 ? "" : "s");
		else if (e.code == ERR_DENIED && wait_s > 0)
			say(p, "That name and PIN do not match. Please wait %d "
			       "second%s before trying again.\n", wait_s,
			    wait_s == 1 ? "" : "s");
		else if (e.code == ERR_DENIED)
			say(p, "That name and PIN do not match. Please try "
			       "again.\n");
		else
			report_error(p, "Signing in failed", &e);
		return FL_BACK;
	}
	say(p, "Welcome back, %s.\n", session_learner(p->s)->name);
	return signed_in(p);
}

/* In kiosk mode only a coordinator may close the program. */
static bool may_quit(struct plain *p)
{
	struct err e = { 0 };
	enum flow f = FL_OK;
	bool has = false;
	int wait_s = 0;
	char *v;

	if (!p->o->kiosk)
		return true;
	if (!p->o->store ||
	    store_coord_has_passphrase(p->o->store, &has, &e) ||
	    !has) {
		say(p, "This kiosk is locked and no coordinator passphrase is "
		       "set, so it cannot be closed here.\n");
		return false;
	}
	if (!(v = ask_secret(p, "Coordinator passphrase (it is not shown): ",
			     &f)))
		return f == FL_QUIT;
	if (store_coord_check(p->o->store, v, &wait_s, &e) == 0) {
		memset(p->line, 0, sizeof(p->line));
		return true;
	}
	memset(p->line, 0, sizeof(p->line));
	if (e.code == ERR_WAIT)
		say(p, "Too many wrong passphrases. Please wait %d seconds.\n",
		    wait_s);
	else
		say(p, "That passphrase is not right.\n");
	return false;
}

static void welcome(struct plain *p)
{
	const struct catalog *cat = session_catalog(p->s);

	say(p, "\ncoursekiosk: training kiosk\n");
	say(p, "Courses on this kiosk:\n");
	for (size_t i = 0; i < cat->ncourses; i++) {
		const struct course *c = cat->courses[i];

		say(p, "  - %s (%zu module%s)\n", c->title, c->nmodules,
		    c->nmodules == 1 ? "" : "s");
	}
	say(p, "  1. New trainee\n  2. Sign in\n  q. Quit\n");
}

int plain_run(struct session *s, const struct kiosk_options *o, FILE *in,
	      FILE *out)
{
	struct plain p;
	enum flow f = FL_OK;

	memset(&p, 0, sizeof(p));
	p.s = s;
	p.o = o;
	p.in = in;
	p.out = out;
	p.fd = fileno(in);
	p.tty_in = p.fd >= 0 && isatty(p.fd);
	if (o->kiosk) {
		/* Locked: the keyboard cannot stop or suspend the kiosk. */
		signal(SIGINT, SIG_IGN);
		signal(SIGQUIT, SIG_IGN);
		signal(SIGTSTP, SIG_IGN);
	}
	for (;;) {
		char *v;

		welcome(&p);
		v = ask(&p, "Choose: ", &f);
		if (!v)
			break;
		if (is(v, "1"))
			f = new_trainee(&p);
		else if (is(v, "2"))
			f = sign_in(&p);
		else if (is(v, "q") || is(v, "Q")) {
			if (may_quit(&p))
				break;
			continue;
		} else {
			say(&p, "Please type 1, 2 or q.\n");
			continue;
		}
		if (f == FL_QUIT)
			break;
	}
	if (session_learner(s))
		session_signout(s);
	say(&p, "Goodbye.\n");
	fflush(out);
	return 0;
}
