/* plain.c - the line mode: the kiosk's flows as numbered menus and typed
 * answers, one line at a time.
 *
 * For screen readers, braille displays, TERM=dumb and scripts: no cursor
 * movement, colour or box drawing, everything printed in reading order.
 * Input is read line by line; end of input at any point leaves cleanly,
 * and everything already answered is saved (each answer is committed by
 * the session before "Saved." is printed).
 *
 * This file holds the menus, welcome, registration, sign-in and
 * plain_run; plain_io.c the output and input, plain_quiz.c the quiz,
 * plain_read.c the pages and sources (shared through plain_int.h).
 */
#include "plain_int.h"

#include <glib.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ---- menus --------------------------------------------------------------- */

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
		plain_report_error(p, "Your progress could not be read", &e);
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
			plain_report_error(p, "Your progress could not be "
					      "saved", &e);
		else if (completed)
			plain_say(p, "You have completed the module \"%s\".\n",
				  m->title);
		if (completed && session_course_complete(p->s, c))
			plain_say(p, "You have completed the course \"%s\". "
				     "A coordinator can print your "
				     "certificate.\n", c->title);
		if (!module_status_of(p, c, m, &ms))
			return FL_BACK;
		plain_say(p, "\nModule: %s\n", m->title);
		if (m->minutes)
			plain_say(p, "About %d minutes. ", m->minutes);
		plain_say(p, "%d of %d pages read.\n", ms.pages_seen,
			  ms.npages);
		if (ms.state == MODULE_COMPLETE)
			plain_say(p, "This module is complete.\n");
		if (m->quiz) {
			if (ms.best_score >= 0)
				plain_say(p, "Quiz: best score %d%%, %s. ",
					  ms.best_score,
					  ms.passed ? "passed"
						    : "not passed yet");
			else
				plain_say(p, "Quiz: not taken yet. ");
			if (m->quiz->attempts > 0)
				plain_say(p, "%d of %d attempts used.",
					  ms.attempts, m->quiz->attempts);
			plain_say(p, "\n");
		}
		plain_say(p, "  1. Read (from page %d of %zu)\n", page + 1,
			  m->npages);
		if (m->quiz)
			plain_say(p, "  2. Take the quiz\n");
		plain_say(p, "  %d. Sources\n", m->quiz ? 3 : 2);
		plain_say(p, "  b. Back to the modules\n");
		v = plain_ask(p, "Choose: ", &f);
		if (!v)
			return f;
		if (plain_is(v, "b"))
			return FL_OK;
		if (plain_is(v, "1")) {
			f = plain_read_pages(p, &page);
			if (f != FL_OK)
				return f;
		} else if (m->quiz && plain_is(v, "2")) {
			f = plain_run_quiz(p);
			if (f != FL_OK)
				return f;
		} else if (plain_is(v, m->quiz ? "3" : "2")) {
			plain_show_sources(p, m);
		} else {
			plain_say(p, "Please type one of the numbers, or b.\n");
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
		plain_say(p, "\"%s\" opens when you have completed:", m->title);
		for (size_t i = 0; i < m->nrequires; i++)
			plain_say(p, "%s \"%s\"", i ? "," : "",
				  module_title(c, m->requires[i]));
		plain_say(p, ".\n");
		return FL_OK;
	}
	if (m->content_note) {
		char *v;

		plain_say(p, "\n");
		plain_wrap(p, "Content note: ", "  ", m->content_note);
		for (;;) {
			v = plain_ask(p,
				      "Type y to continue, or b to go back: ",
				      &f);
			if (!v)
				return f;
			if (plain_is(v, "y") || plain_is(v, "Y"))
				break;
			if (plain_is(v, "b") || plain_is(v, "n"))
				return FL_OK;
		}
	}
	if (session_open_module(p->s, c, m, &page, &e)) {
		plain_report_error(p, "The module could not be opened", &e);
		return FL_OK;
	}
	return module_menu(p, c, m, page);
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
			plain_report_error(p, "Your progress could not be read",
					   &e);
			f = FL_BACK;
			break;
		}
		plain_say(p, "\nCourse: %s\n", c->title);
		if (c->summary)
			plain_wrap(p, "", "", c->summary);
		plain_say(p, "Modules:\n");
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
			plain_wrap(p, head, "     ", t);
			g_free(t);
		}
		if (session_course_complete(p->s, c))
			plain_say(p, "You have completed this course. A "
				     "coordinator can print your "
				     "certificate.\n");
		in = plain_ask(p, "Type a module number, b for your courses "
				  "or s to sign out: ", &f);
		if (!in)
			break;
		if (plain_is(in, "b")) {
			f = FL_OK;
			break;
		}
		if (plain_is(in, "s")) {
			f = FL_SIGNOUT;
			break;
		}
		n = plain_menu_number(in, c->nmodules);
		if (!n) {
			plain_say(p, "Please type a module number, b or s.\n");
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
		plain_say(p, "\nSigned in as %s.\nYour courses:\n", l->name);
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
			plain_say(p, "  %zu. %s: %zu of %zu modules complete\n",
				  i + 1, c->title, done, c->nmodules);
		}
		plain_say(p, "  s. Sign out\n");
		v = plain_ask(p, "Choose: ", &f);
		if (!v)
			return f;
		if (plain_is(v, "s"))
			return FL_SIGNOUT;
		n = plain_menu_number(v, cat->ncourses);
		if (!n) {
			plain_say(p, "Please type a course number or s.\n");
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

		plain_say(p, "\nGoodbye, %s. Your progress is saved.\n", name);
		session_signout(p->s);
	}
	return f == FL_QUIT ? FL_QUIT : FL_OK;
}

/* coursekiosk preview: signed in already; the module (or the modules). */
static void plain_preview_start(struct plain *p)
{
	const struct catalog *cat = session_catalog(p->s);
	const struct course *c = cat->ncourses ? cat->courses[0] : NULL;
	const struct module *m = c && p->o->preview_module
				 ? course_find_module(c, p->o->preview_module)
				 : NULL;
	struct module_status *v;

	if (!c)
		return;
	plain_say(p, "Preview of \"%s\": nothing is recorded. Type reload "
		  "at any prompt to load the course files again.\n", c->title);
	v = calloc(c->nmodules, sizeof(*v));
	if (m && v && session_course_status(p->s, c, v, NULL) == 0) {
		enum flow f = open_module(p, c, m, &v[m - c->modules]);

		free(v);
		if (f == FL_QUIT || p->reload)
			return;
	} else {
		free(v);
	}
	module_list(p, c);
	if (!p->reload)
		plain_say(p, "End of the preview.\n");
}

/* ---- welcome, registration, sign in -------------------------------------- */

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

	plain_say(p, "\nNew trainee\nYour name is shown on your certificate. "
		     "Leave the name empty to go back.\n");
	if (!(v = plain_ask(p, "Full name: ", &f)))
		goto out;
	if (!*v) {
		f = FL_BACK;
		goto out;
	}
	name = g_strdup(v);
	plain_say(p, "Your role:\n");
	for (size_t i = 0; i < session_nroles; i++)
		plain_say(p, "  %zu. %s\n", i + 1, session_role_labels[i]);
	for (;;) {
		if (!(v = plain_ask(p, "Choose a number: ", &f)))
			goto out;
		if ((r = plain_menu_number(v, session_nroles)))
			break;
		plain_say(p, "Please type a number from 1 to %zu.\n",
			  session_nroles);
	}
	role = session_role_ids[r - 1];
	if (!(v = plain_ask(p, "Organisation (may be left empty): ", &f)))
		goto out;
	org = g_strdup(v);
	if (!(v = plain_ask(p, "Country (may be left empty): ", &f)))
		goto out;
	country = g_strdup(v);
	for (;;) {
		if (!(v = plain_ask_secret(p, "Choose a PIN of at least 4 "
					      "digits (it is not shown): ",
					   &f)))
			goto out;
		if (!pin_ok(v)) {
			plain_say(p, "The PIN needs at least 4 digits, and "
				     "only digits.\n");
			continue;
		}
		g_free(pin);
		pin = g_strdup(v);
		if (!(v = plain_ask_secret(p, "Type the PIN again: ", &f)))
			goto out;
		if (!strcmp(v, pin))
			break;
		plain_say(p, "The two PINs differ. Please choose again.\n");
	}
	memset(p->line, 0, sizeof(p->line));
	if (session_register(p->s, name, role, org, country, pin, &e)) {
		plain_report_error(p, "You could not be registered", &e);
		f = FL_BACK;
		goto out;
	}
	plain_say(p, "Welcome, %s. You are registered and signed in.\n",
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

	plain_say(p, "\nSign in\nLeave the name empty to go back.\n");
	if (!(v = plain_ask(p, "Full name: ", &f)))
		return f;
	if (!*v)
		return FL_BACK;
	name = g_strdup(v);
	if (!(v = plain_ask_secret(p, "PIN (it is not shown): ", &f))) {
		g_free(name);
		return f;
	}
	rc = session_signin(p->s, name, v, &wait_s, &e);
	memset(p->line, 0, sizeof(p->line));
	g_free(name);
	if (rc) {
		if (e.code == ERR_WAIT)
			plain_say(p, "Too many wrong PINs. Please wait %d "
				     "second%s before trying again.\n", wait_s,
				  wait_s == 1 ? "" : "s");
		else if (e.code == ERR_DENIED && wait_s > 0)
			plain_say(p, "That name and PIN do not match. Please "
				     "wait %d second%s before trying again.\n",
				  wait_s, wait_s == 1 ? "" : "s");
		else if (e.code == ERR_DENIED)
			plain_say(p, "That name and PIN do not match. Please "
				     "try again.\n");
		else
			plain_report_error(p, "Signing in failed", &e);
		return FL_BACK;
	}
	plain_say(p, "Welcome back, %s.\n", session_learner(p->s)->name);
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
		plain_say(p, "This kiosk is locked and no coordinator "
			     "passphrase is set, so it cannot be closed "
			     "here.\n");
		return false;
	}
	if (!(v = plain_ask_secret(p, "Coordinator passphrase (it is not "
				      "shown): ", &f)))
		return f == FL_QUIT;
	if (store_coord_check(p->o->store, v, &wait_s, &e) == 0) {
		memset(p->line, 0, sizeof(p->line));
		return true;
	}
	memset(p->line, 0, sizeof(p->line));
	if (e.code == ERR_WAIT)
		plain_say(p, "Too many wrong passphrases. Please wait %d "
			     "seconds.\n", wait_s);
	else
		plain_say(p, "That passphrase is not right.\n");
	return false;
}

static void welcome(struct plain *p)
{
	const struct catalog *cat = session_catalog(p->s);

	plain_say(p, "\ncoursekiosk: training kiosk\n");
	plain_say(p, "Courses on this kiosk:\n");
	for (size_t i = 0; i < cat->ncourses; i++) {
		const struct course *c = cat->courses[i];

		plain_say(p, "  - %s (%zu module%s)\n", c->title, c->nmodules,
			  c->nmodules == 1 ? "" : "s");
	}
	plain_say(p, "  1. New trainee\n  2. Sign in\n  q. Quit\n");
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
	if (o->preview) {
		plain_preview_start(&p);
		fflush(out);
		return p.reload ? PREVIEW_RELOAD : 0;
	}
	for (;;) {
		char *v;

		welcome(&p);
		v = plain_ask(&p, "Choose: ", &f);
		if (!v)
			break;
		if (plain_is(v, "1"))
			f = new_trainee(&p);
		else if (plain_is(v, "2"))
			f = sign_in(&p);
		else if (plain_is(v, "q") || plain_is(v, "Q")) {
			if (may_quit(&p))
				break;
			continue;
		} else {
			plain_say(&p, "Please type 1, 2 or q.\n");
			continue;
		}
		if (f == FL_QUIT)
			break;
	}
	if (session_learner(s))
		session_signout(s);
	plain_say(&p, "Goodbye.\n");
	fflush(out);
	return 0;
}
