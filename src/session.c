/* session.c - the trainee's use cases, shared by both front ends.
 *
 * The session holds who is signed in, the open module and the quiz attempt
 * in progress.  It never prints; every recording call returns 0 only after
 * the store committed, so a front end may then say "saved".
 */
#include "session.h"

#include <glib.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

const char *const session_role_ids[] = {
	"social-worker", "police", "border", "other",
};
const char *const session_role_labels[] = {
	"Social worker", "Police officer", "Border official", "Other",
};
const size_t session_nroles =
	sizeof(session_role_ids) / sizeof(session_role_ids[0]);

struct session {
	struct store *st;
	const struct catalog *cat;
	bool preview;            /* coursekiosk preview: nothing is locked */

	bool signed_in;
	struct learner learner;

	const struct course *course;
	const struct module *mod;

	/* The attempt in progress, questions in the order shown. */
	bool in_quiz;
	struct attempt att;
	const struct question **qs;
	struct quiz_answer *answers;
	struct quiz_mark *marks;
	bool *answered;
	size_t nqs;

	/* An answer the store could not commit yet (index into qs). */
	bool pending;
	size_t pending_at;
	char *pending_enc;

	struct quiz_review_item *review;
	size_t nreview;
};

struct session *session_new(struct store *st, const struct catalog *cat)
{
	struct session *s = calloc(1, sizeof(*s));

	if (!s)
		return NULL;
	s->st = st;
	s->cat = cat;
	return s;
}

static void quiz_clear(struct session *s)
{
	if (s->in_quiz)
		attempt_release(&s->att);
	memset(&s->att, 0, sizeof(s->att));
	free(s->qs);
	free(s->answers);
	free(s->marks);
	free(s->answered);
	free(s->pending_enc);
	s->qs = NULL;
	s->answers = NULL;
	s->marks = NULL;
	s->answered = NULL;
	s->pending_enc = NULL;
	s->pending = false;
	s->nqs = 0;
	s->in_quiz = false;
}

static void review_clear(struct session *s)
{
	free(s->review);
	s->review = NULL;
	s->nreview = 0;
}

static void close_module(struct session *s)
{
	quiz_clear(s);
	review_clear(s);
	s->mod = NULL;
	s->course = NULL;
}

void session_signout(struct session *s)
{
	if (!s)
		return;
	close_module(s);
	if (s->signed_in)
		learner_release(&s->learner);
	memset(&s->learner, 0, sizeof(s->learner));
	s->signed_in = false;
}

void session_free(struct session *s)
{
	if (!s)
		return;
	session_signout(s);
	free(s);
}

void session_set_preview(struct session *s, bool on)
{
	s->preview = on;
}

bool session_preview(const struct session *s)
{
	return s->preview;
}

const struct catalog *session_catalog(const struct session *s)
{
	return s->cat;
}

const struct learner *session_learner(const struct session *s)
{
	return s && s->signed_in ? &s->learner : NULL;
}

/* ---- trainee ---------------------------------------------------------------- */

/* Text a person typed: UTF-8, no control characters, at most `max` bytes. */
static int check_field(const char *what, const char *v, size_t max,
		       bool required, struct err *e)
{
	bool blank = true;

	if (!v)
		v = "";
	if (strlen(v) > max)
		return err_set(e, ERR_INVALID, "%s is too long (at most %zu "
			       "characters)", what, max);
	if (!g_utf8_validate(v, -1, NULL))
		return err_set(e, ERR_INVALID, "%s is not valid text", what);
	for (const char *p = v; *p; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);

		if (g_unichar_iscntrl(c) || g_unichar_type(c) == G_UNICODE_FORMAT)
			return err_set(e, ERR_INVALID, "%s contains a control "
				       "character", what);
		if (!g_unichar_isspace(c))
			blank = false;
	}
	if (required && blank)
		return err_set(e, ERR_INVALID, "%s is needed", what);
	return 0;
}

static int check_pin(const char *pin, struct err *e)
{
	size_t n = pin ? strlen(pin) : 0;

	if (n < 4)
		return err_set(e, ERR_INVALID, "the PIN needs at least 4 digits");
	if (n > 64)
		return err_set(e, ERR_INVALID, "the PIN is too long");
	for (size_t i = 0; i < n; i++)
		if (pin[i] < '0' || pin[i] > '9')
			return err_set(e, ERR_INVALID, "the PIN may only "
				       "contain digits");
	return 0;
}

static bool role_known(const char *role)
{
	for (size_t i = 0; role && i < session_nroles; i++)
		if (!strcmp(role, session_role_ids[i]))
			return true;
	return false;
}

int session_register(struct session *s, const char *name, const char *role,
		     const char *org, const char *country, const char *pin,
		     struct err *e)
{
	char *n = NULL, *o = NULL, *c = NULL;
	struct learner l;
	int rc = -1;

	if (check_field("the name", name, 200, true, e) ||
	    check_field("the organisation", org, 200, false, e) ||
	    check_field("the country", country, 100, false, e))
		return -1;
	if (!role_known(role))
		return err_set(e, ERR_INVALID, "unknown role '%s'",
			       role ? role : "");
	if (check_pin(pin, e))
		return -1;
	/* stored trimmed, each run of white space one space */
	n = text_squeeze(name);
	o = text_squeeze(org);
	c = text_squeeze(country);
	if (!n || !o || !c) {
		err_set(e, ERR_GENERIC, "out of memory");
		goto out;
	}
	memset(&l, 0, sizeof(l));
	if (store_learner_create(s->st, n, role, o, c, pin, &l, e))
		goto out;
	session_signout(s);
	s->learner = l;
	s->signed_in = true;
	rc = 0;
out:
	free(n);
	free(o);
	free(c);
	return rc;
}

int session_signin(struct session *s, const char *name, const char *pin,
		   int *wait_s, struct err *e)
{
	struct learner l;
	char *n;
	int rc, w = 0;

	if (wait_s)
		*wait_s = 0;
	n = text_squeeze(name);
	if (!n)
		return err_set(e, ERR_GENERIC, "out of memory");
	memset(&l, 0, sizeof(l));
	rc = store_learner_signin(s->st, n, pin ? pin : "", &l, &w, e);
	free(n);
	if (wait_s)
		*wait_s = w;
	if (rc)
		return -1;
	session_signout(s);
	s->learner = l;
	s->signed_in = true;
	return 0;
}

/* ---- courses and modules ------------------------------------------------------ */

static int need_learner(const struct session *s, struct err *e)
{
	if (!s->signed_in)
		return err_set(e, ERR_DENIED, "nobody is signed in");
	return 0;
}

/* Progress of one module; a module never opened reads as not started. */
static int get_progress(struct session *s, const struct course *c,
			const struct module *m, struct progress *p,
			struct err *e)
{
	memset(p, 0, sizeof(*p));
	if (store_progress_get(s->st, s->learner.id, c->id, m->id, p, e)) {
		if (e && e->code == ERR_NOTFOUND) {
			err_clear(e);
			memset(p, 0, sizeof(*p));
			p->best_score = -1;
			return 0;
		}
		return -1;
	}
	return 0;
}

/* Attempts of the module: finished count, and the one that counts. */
struct attempt_tally {
	int finished;
	int best_percent;        /* -1 none */
	bool passed;
	bool open;               /* an unfinished attempt: */
	int answered, total;     /* ... how far it got */
};

static int tally_attempts(struct session *s, const struct course *c,
			  const struct module *m, struct attempt_tally *t,
			  struct err *e)
{
	struct attempt *v = NULL;
	struct quiz_attempt_summary *sum;
	size_t n = 0;
	int best;

	t->finished = 0;
	t->best_percent = -1;
	t->passed = false;
	t->open = false;
	t->answered = t->total = 0;
	if (!m->quiz)
		return 0;
	if (store_attempt_list(s->st, s->learner.id, c->id, m->id, &v, &n, e))
		return -1;
	sum = calloc(n ? n : 1, sizeof(*sum));
	if (!sum) {
		attempt_list_free(v, n);
		return err_set(e, ERR_GENERIC, "out of memory");
	}
	for (size_t i = 0; i < n; i++) {
		sum[i].finished = v[i].finished;
		sum[i].passed = v[i].passed;
		sum[i].percent = v[i].percent;
		t->finished += v[i].finished;
		if (!v[i].finished) {
			/* the newest unfinished one, as store_attempt_current */
			t->open = true;
			t->total = (int)v[i].nqids;
			t->answered = (int)(v[i].nanswers < v[i].nqids
					    ? v[i].nanswers : v[i].nqids);
		}
	}
	best = quiz_best_attempt(sum, n);
	if (best >= 0) {
		t->best_percent = sum[best].percent;
		t->passed = sum[best].passed;
	}
	free(sum);
	attempt_list_free(v, n);
	return 0;
}

static bool module_locked(const struct course *c, const struct module *m,
			  const enum module_state *states)
{
	for (size_t r = 0; r < m->nrequires; r++)
		for (size_t j = 0; j < c->nmodules; j++)
			if (!strcmp(c->modules[j].id, m->requires[r]) &&
			    states[j] != MODULE_COMPLETE)
				return true;
	return false;
}

int session_course_status(struct session *s, const struct course *c,
			  struct module_status *out, struct err *e)
{
	enum module_state *states;
	int rc = -1;

	if (need_learner(s, e))
		return -1;
	states = calloc(c->nmodules ? c->nmodules : 1, sizeof(*states));
	if (!states)
		return err_set(e, ERR_GENERIC, "out of memory");
	for (size_t i = 0; i < c->nmodules; i++) {
		const struct module *m = &c->modules[i];
		struct module_status *ms = &out[i];
		struct attempt_tally t;
		struct progress p;

		if (get_progress(s, c, m, &p, e))
			goto out;
		if (tally_attempts(s, c, m, &t, e)) {
			progress_release(&p);
			goto out;
		}
		memset(ms, 0, sizeof(*ms));
		ms->module = m;
		ms->state = states[i] = p.state;
		ms->npages = (int)m->npages;
		ms->pages_seen = p.pages_seen < ms->npages ? p.pages_seen
							    : ms->npages;
		ms->best_score = t.best_percent;
		ms->attempts = t.finished;
		ms->passed = t.passed;
		ms->attempts_left = -1;
		ms->attempt_open = t.open;
		ms->answered = t.answered;
		ms->total = t.total;
		if (m->quiz && m->quiz->attempts > 0)
			ms->attempts_left = t.finished >= m->quiz->attempts
				? 0 : m->quiz->attempts - t.finished;
		progress_release(&p);
	}
	for (size_t i = 0; i < c->nmodules; i++)
		out[i].locked = !s->preview &&
				out[i].state != MODULE_COMPLETE &&
				module_locked(c, &c->modules[i], states);
	rc = 0;
out:
	free(states);
	return rc;
}

bool session_course_complete(struct session *s, const struct course *c)
{
	struct module_status *v;
	bool all = true;

	if (!s->signed_in || !c->nmodules)
		return false;
	v = calloc(c->nmodules, sizeof(*v));
	if (!v || session_course_status(s, c, v, NULL))
		all = false;
	for (size_t i = 0; all && i < c->nmodules; i++)
		if (v[i].state != MODULE_COMPLETE)
			all = false;
	free(v);
	return all;
}

/* ---- reading ----------------------------------------------------------------------- */

int session_open_module(struct session *s, const struct course *c,
			const struct module *m, int *page, struct err *e)
{
	struct module_status *v;
	size_t i;
	int last = 0;

	if (need_learner(s, e))
		return -1;
	for (i = 0; i < c->nmodules && &c->modules[i] != m; i++)
		;
	if (i == c->nmodules)
		return err_set(e, ERR_NOTFOUND, "module '%s' is not part of "
			       "course '%s'", m->id, c->id);
	v = calloc(c->nmodules, sizeof(*v));
	if (!v)
		return err_set(e, ERR_GENERIC, "out of memory");
	if (session_course_status(s, c, v, e)) {
		free(v);
		return -1;
	}
	if (v[i].locked) {
		free(v);
		return err_set(e, ERR_DENIED, "'%s' opens when the modules it "
			       "builds on are complete", m->title);
	}
	free(v);
	{
		struct progress p;

		if (get_progress(s, c, m, &p, e))
			return -1;
		last = p.last_page;
		progress_release(&p);
	}
	if (last < 0 || m->npages == 0)
		last = 0;
	else if ((size_t)last >= m->npages)
		last = (int)m->npages - 1;
	close_module(s);
	s->course = c;
	s->mod = m;
	if (page)
		*page = last;
	/* Idempotent; catches up a completion a failed write left out. */
	session_check_complete(s, NULL, NULL);
	return 0;
}

const struct module *session_module(const struct session *s)
{
	return s->mod;
}

const struct course *session_course(const struct session *s)
{
	return s->course;
}

static int need_module(const struct session *s, struct err *e)
{
	if (need_learner(s, e))
		return -1;
	if (!s->mod)
		return err_set(e, ERR_INVALID, "no module is open");
	return 0;
}

int session_page_shown(struct session *s, int n, struct err *e)
{
	if (need_module(s, e))
		return -1;
	if (n < 0 || (size_t)n >= s->mod->npages)
		return err_set(e, ERR_INVALID, "no page %d in '%s'", n + 1,
			       s->mod->title);
	return store_page_read(s->st, s->learner.id, s->course->id,
			       s->mod->id, s->mod->version, s->mod->hash, n,
			       (int)s->mod->npages, e);
}

int session_check_complete(struct session *s, bool *completed, struct err *e)
{
	struct attempt_tally t;
	struct progress p;
	bool done;

	if (completed)
		*completed = false;
	if (need_module(s, e))
		return -1;
	if (get_progress(s, s->course, s->mod, &p, e))
		return -1;
	done = p.state == MODULE_COMPLETE;
	if (done || (size_t)p.pages_seen < s->mod->npages) {
		progress_release(&p);
		return 0;
	}
	progress_release(&p);
	if (tally_attempts(s, s->course, s->mod, &t, e))
		return -1;
	if (s->mod->quiz && !t.passed)
		return 0;
	if (store_module_complete(s->st, s->learner.id, s->course->id,
				  s->mod->id, s->mod->version, s->mod->hash, e))
		return -1;
	if (completed)
		*completed = true;
	return 0;
}

/* ---- quiz ------------------------------------------------------------------------------ */

static int quiz_alloc(struct session *s, size_t n, struct err *e)
{
	size_t k = n ? n : 1;

	s->qs = calloc(k, sizeof(*s->qs));
	s->answers = calloc(k, sizeof(*s->answers));
	s->marks = calloc(k, sizeof(*s->marks));
	s->answered = calloc(k, sizeof(*s->answered));
	if (!s->qs || !s->answers || !s->marks || !s->answered)
		return err_set(e, ERR_GENERIC, "out of memory");
	return 0;
}

static const struct question *find_question(const struct quiz *qz,
					    const char *id)
{
	for (size_t i = 0; i < qz->nquestions; i++)
		if (!strcmp(qz->questions[i].id, id))
			return &qz->questions[i];
	return NULL;
}

/* Takes over an unfinished attempt found in the store: its questions in
 * the order shown, and the answers already committed. */
static int adopt_attempt(struct session *s, struct err *e)
{
	const struct quiz *qz = s->mod->quiz;

	if (quiz_alloc(s, s->att.nqids, e))
		return -1;
	for (size_t i = 0; i < s->att.nqids; i++) {
		/* A question removed from a changed module is skipped. */
		const struct question *q = find_question(qz, s->att.qids[i]);

		if (q)
			s->qs[s->nqs++] = q;
	}
	for (size_t r = 0; r < s->att.nanswers; r++) {
		const struct answer_row *row = &s->att.answers[r];

		for (size_t i = 0; i < s->nqs; i++) {
			if (strcmp(s->qs[i]->id, row->qid))
				continue;
			/* An answer that no longer fits is asked again. */
			if (quiz_answer_decode(s->qs[i], row->answer,
					       &s->answers[i]) ||
			    quiz_mark(s->qs[i], &s->answers[i], &s->marks[i]))
				break;
			s->answered[i] = true;
			break;
		}
	}
	return 0;
}

static unsigned long fresh_seed(void)
{
	/* 62 bits: stays positive in the store's signed 64-bit column. */
	unsigned long hi, lo;

	if (sodium_init() < 0)
		return (unsigned long)g_get_real_time();
	hi = randombytes_random() & 0x3fffffffU;
	lo = randombytes_random();
	return (hi << 32) | lo;
}

static int start_attempt(struct session *s, struct err *e)
{
	const struct quiz *qz = s->mod->quiz;
	unsigned long seed = fresh_seed();
	const char **ids = NULL;
	size_t *idx, n;
	int rc = -1;

	idx = calloc(qz->nquestions ? qz->nquestions : 1, sizeof(*idx));
	ids = calloc(qz->nquestions ? qz->nquestions : 1, sizeof(*ids));
	if (!idx || !ids) {
		err_set(e, ERR_GENERIC, "out of memory");
		goto out;
	}
	n = quiz_draw(qz, seed, idx);
	for (size_t i = 0; i < n; i++)
		ids[i] = qz->questions[idx[i]].id;
	memset(&s->att, 0, sizeof(s->att));
	if (store_attempt_start(s->st, s->learner.id, s->course->id,
				s->mod->id, qz->id, ids, n, seed, &s->att, e))
		goto out;
	s->in_quiz = true;
	/* The store echoes what it keeps; take the seed we drew either way. */
	s->att.seed = seed;
	if (quiz_alloc(s, n, e))
		goto out;
	for (size_t i = 0; i < n; i++)
		s->qs[i] = &qz->questions[idx[i]];
	s->nqs = n;
	rc = 0;
out:
	free(idx);
	free(ids);
	return rc;
}

int session_quiz_begin(struct session *s, enum quiz_begin *how, struct err *e)
{
	struct attempt_tally t;
	struct progress p;
	int found;

	if (need_module(s, e))
		return -1;
	quiz_clear(s);
	review_clear(s);
	if (!s->mod->quiz) {
		*how = QUIZ_NO_QUIZ;
		return 0;
	}
	memset(&s->att, 0, sizeof(s->att));
	found = store_attempt_current(s->st, s->learner.id, s->course->id,
				      s->mod->id, &s->att, e);
	if (found < 0)
		return -1;
	if (found) {
		s->in_quiz = true;
		if (adopt_attempt(s, e)) {
			quiz_clear(s);
			return -1;
		}
		*how = QUIZ_RESUMED;
		return 0;
	}
	if (get_progress(s, s->course, s->mod, &p, e))
		return -1;
	if (!s->preview && (size_t)p.pages_seen < s->mod->npages) {
		progress_release(&p);
		*how = QUIZ_NOT_READ;
		return 0;
	}
	progress_release(&p);
	if (tally_attempts(s, s->course, s->mod, &t, e))
		return -1;
	if (!s->preview && s->mod->quiz->attempts > 0 &&
	    t.finished >= s->mod->quiz->attempts) {
		*how = QUIZ_NO_ATTEMPTS_LEFT;
		return 0;
	}
	if (start_attempt(s, e)) {
		quiz_clear(s);
		return -1;
	}
	*how = QUIZ_STARTED;
	return 0;
}

static size_t next_unanswered(const struct session *s)
{
	size_t i = 0;

	while (i < s->nqs && s->answered[i])
		i++;
	return i;
}

const struct question *session_quiz_current(struct session *s,
					    struct quiz_position *pos)
{
	size_t i;

	if (!s->in_quiz)
		return NULL;
	i = next_unanswered(s);
	if (pos) {
		pos->index = i;
		pos->total = s->nqs;
		pos->attempt = s->att.number;
		pos->attempts_allowed = s->mod->quiz->attempts;
	}
	return i < s->nqs ? s->qs[i] : NULL;
}

void session_quiz_layout(struct session *s, const struct question *q,
			 size_t *perm, size_t n)
{
	bool shuffled;

	for (size_t i = 0; i < n; i++)
		perm[i] = i;
	if (!s->in_quiz || !q)
		return;
	switch (q->type) {
	case Q_SINGLE:
	case Q_MULTIPLE:
		/* Options keep the author's order unless the quiz shuffles:
		 * authors write "all of the above". */
		shuffled = s->mod->quiz->shuffle && !q->no_shuffle;
		break;
	case Q_ORDER:
	case Q_MATCH:
		shuffled = true;
		break;
	default:
		shuffled = false;
		break;
	}
	if (!shuffled || n < 2)
		return;
	quiz_permute(s->att.seed, q->id, n, perm);
	if (q->type == Q_SINGLE || q->type == Q_MULTIPLE)
		question_fix_last(q, perm, n);   /* fixed="last" options */
	if (q->type == Q_ORDER || q->type == Q_MATCH) {
		/* Never show an order or match already solved. */
		bool identity = true;

		for (size_t i = 0; i < n; i++)
			if (perm[i] != i)
				identity = false;
		if (identity)
			for (size_t i = 0; i < n; i++)
				perm[i] = (i + 1) % n;
	}
}

static void fill_feedback(const struct session *s, const struct question *q,
			  const struct quiz_answer *a,
			  const struct quiz_mark *m, struct quiz_feedback *fb)
{
	if (!fb)
		return;
	memset(fb, 0, sizeof(*fb));
	fb->mark = *m;
	fb->show_now = s->mod->quiz->feedback == FEEDBACK_IMMEDIATE;
	if (q->type != Q_SINGLE && q->type != Q_MULTIPLE)
		return;
	for (size_t i = 0; i < a->npicks; i++)
		if (a->picks[i] < 64)
			fb->why[a->picks[i]] = q->options[a->picks[i]].why;
}

static int save_pending(struct session *s, struct err *e)
{
	size_t i = s->pending_at;

	if (store_answer_record(s->st, s->att.id, s->qs[i]->id,
				s->pending_enc, s->marks[i].correct,
				s->marks[i].points, e))
		return -1;
	s->answered[i] = true;
	s->pending = false;
	free(s->pending_enc);
	s->pending_enc = NULL;
	return 0;
}

int session_quiz_answer(struct session *s, const struct quiz_answer *a,
			struct quiz_feedback *fb, struct err *e)
{
	const struct question *q;
	struct quiz_mark m;
	char *enc;
	size_t i;

	if (!s->in_quiz)
		return err_set(e, ERR_INVALID, "no quiz is in progress");
	i = next_unanswered(s);
	if (i >= s->nqs)
		return err_set(e, ERR_INVALID, "every question is answered");
	q = s->qs[i];
	if (quiz_mark(q, a, &m))
		return err_set(e, ERR_INVALID, "that answer does not fit the "
			       "question");
	enc = quiz_answer_encode(q, a);
	if (!enc)
		return err_set(e, ERR_GENERIC, "out of memory");
	/* A new answer to the same question replaces one still pending. */
	free(s->pending_enc);
	s->pending_enc = enc;
	s->pending = true;
	s->pending_at = i;
	s->answers[i] = *a;
	s->marks[i] = m;
	fill_feedback(s, q, a, &m, fb);
	return save_pending(s, e);
}

bool session_pending_save(const struct session *s)
{
	return s->pending;
}

int session_retry_save(struct session *s, struct err *e)
{
	if (!s->pending)
		return 0;
	return save_pending(s, e);
}

/* Closes the attempt in progress with the marks given (one per question
 * of the attempt) and fills the outcome. */
static int close_attempt(struct session *s, const struct quiz_mark *marks,
			 struct quiz_outcome *out, struct err *e)
{
	struct quiz_result r;
	bool was_complete, completed = false;
	struct quiz_review_item *rv;
	size_t n;

	quiz_result(s->mod->quiz, s->qs, marks, s->nqs, &r);
	rv = calloc(s->nqs ? s->nqs : 1, sizeof(*rv));
	if (!rv)
		return err_set(e, ERR_GENERIC, "out of memory");
	was_complete = session_course_complete(s, s->course);
	if (store_attempt_finish(s->st, s->att.id, r.score, r.percent,
				 r.passed, e)) {
		free(rv);
		return -1;
	}
	n = s->nqs;
	for (size_t i = 0; i < n; i++) {
		rv[i].q = s->qs[i];
		rv[i].answered = s->answered[i];
		rv[i].answer = s->answers[i];
		rv[i].mark = marks[i];
	}
	quiz_clear(s);
	review_clear(s);
	s->review = rv;
	s->nreview = n;
	memset(out, 0, sizeof(*out));
	out->result = r;
	out->pass = s->mod->quiz->pass;
	out->review = rv;
	out->nreview = n;
	/* The attempt is closed and saved whatever happens next: should
	 * recording the completion fail, opening the module records it. */
	if (r.passed && session_check_complete(s, &completed, NULL))
		completed = false;
	out->module_completed = completed;
	out->course_completed = completed && !was_complete &&
				session_course_complete(s, s->course);
	return 0;
}

/* For session_record.c: the store, to read the signed-in trainee's own
 * rows (see session_record.h). */
struct store *session_store_(struct session *s)
{
	return s->st;
}

int session_quiz_finish(struct session *s, struct quiz_outcome *out,
			struct err *e)
{
	if (!s->in_quiz)
		return err_set(e, ERR_INVALID, "no quiz is in progress");
	if (s->pending)
		return err_set(e, ERR_INVALID, "an answer is not saved yet");
	if (next_unanswered(s) < s->nqs)
		return err_set(e, ERR_INVALID, "some questions are not "
			       "answered yet");
	return close_attempt(s, s->marks, out, e);
}

/* The marks of the attempt with every question not answered yet given
 * `full` marks (the best still possible) or none.  Caller frees. */
static struct quiz_mark *marks_with_rest(const struct session *s, bool full)
{
	struct quiz_mark *m = calloc(s->nqs ? s->nqs : 1, sizeof(*m));

	if (!m)
		return NULL;
	for (size_t i = 0; i < s->nqs; i++) {
		if (s->answered[i]) {
			m[i] = s->marks[i];
			continue;
		}
		m[i].max = s->qs[i]->points;
		m[i].correct = full;
		m[i].points = full ? m[i].max : 0;
	}
	return m;
}

enum quiz_chance session_quiz_chance(struct session *s)
{
	struct quiz_mark *m;
	struct quiz_result r;

	if (!s || !s->in_quiz || !s->mod || !s->mod->quiz)
		return QUIZ_CAN_PASS;
	m = marks_with_rest(s, true);
	if (!m)
		return QUIZ_CAN_PASS;   /* say nothing rather than guess */
	quiz_result(s->mod->quiz, s->qs, m, s->nqs, &r);
	free(m);
	if (r.ncritical_missed)
		return QUIZ_CRITICAL_MISSED;
	return r.passed ? QUIZ_CAN_PASS : QUIZ_TOO_FEW_POINTS;
}

bool session_quiz_can_pass(struct session *s)
{
	return session_quiz_chance(s) == QUIZ_CAN_PASS;
}

size_t session_quiz_ncritical(struct session *s)
{
	size_t n = 0;

	for (size_t i = 0; s && s->in_quiz && i < s->nqs; i++)
		n += s->qs[i]->critical;
	return n;
}

int session_quiz_stop(struct session *s, struct quiz_outcome *out,
		      struct err *e)
{
	struct quiz_mark *m;
	int rc;

	if (!s->in_quiz)
		return err_set(e, ERR_INVALID, "no quiz is in progress");
	if (s->pending)
		return err_set(e, ERR_INVALID, "an answer is not saved yet");
	if (session_quiz_can_pass(s))
		return err_set(e, ERR_INVALID, "this attempt can still pass");
	m = marks_with_rest(s, false);
	if (!m)
		return err_set(e, ERR_GENERIC, "out of memory");
	rc = close_attempt(s, m, out, e);
	free(m);
	return rc;
}
