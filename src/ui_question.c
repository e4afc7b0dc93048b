/* ui_question.c - one quiz question at a time, all six types:
 * single and truefalse (arrows or digits, Enter), multiple (Space or digits
 * tick, Enter), text (a small UTF-8 line editor), order (Space picks an item
 * up, arrows move it) and match (arrows and digits choose the right-hand
 * side of each item).  Everything the trainee picked lives here, so a
 * resize redraws it unchanged.  The session marks and saves. */
#include "ui.h"

#include "i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXN 64                  /* quiz_answer holds 64 picks */

struct qscreen {
	const struct question *q;
	struct quiz_position pos;
	size_t n;                /* rows: options, items or pairs */
	size_t perm[MAXN];       /* display position -> model index */
	size_t cur;              /* highlighted row */
	long chosen;             /* single, true/false: the row chosen, -1
				  * none (nothing is chosen when it opens) */
	bool moved;              /* order: the trainee moved an item */
	bool fresh;              /* not drawn yet: type-ahead still to flush */
	long shown_ms;           /* when it was first drawn */
	bool ticked[MAXN];       /* multiple, by display position */
	size_t order[MAXN];      /* order: model indexes as arranged now */
	bool grabbed;
	long match[MAXN];        /* match: left i -> pair of the right side, -1 */
	struct text_edit ed;
	size_t view;
	bool hint;
	bool advance;            /* the answer is in: next question on resume */
	bool paged;              /* scrolled with PgDn/PgUp since the last move:
				  * do not pull the view back to the row */
	int top, h;              /* the scrolled part: first line, height */
	int nlines;              /* lines of the scrolled part */
	int line_of[MAXN + 1];   /* first layout line of each row, for scrolling */
	int end_of[MAXN + 1];
	int choice_line[MAXN];   /* match: first line of each choice */
	bool pinned;             /* match: choices in their own layout, kept
				  * on screen under the scrolled part */
};

/* Match: the scrolled part keeps at least this many lines when the
 * choices are pinned under it (the highlighted row and some context). */
#define MIN_SCROLLED 3

static void finish(struct ui *ui)
{
	struct quiz_outcome out;
	struct err e = { 0 };

	memset(&out, 0, sizeof(out));
	if (session_quiz_finish(ui->s, &out, &e) < 0) {
		ui_pop(ui);
		ui_status(ui, ST_ERROR, "Your results could not be saved: %s "
			  "Your answers are kept; open the module to try again.", e.msg);
		return;
	}
	ui_pop(ui);
	ui_results_push(ui, &out);
}

/* Loads the next unanswered question; false when the quiz is done (and
 * the results screen replaced this one). */
static bool load(struct ui *ui, struct qscreen *qs)
{
	struct quiz_position pos;
	const struct question *q = session_quiz_current(ui->s, &pos);

	if (!q) {
		finish(ui);   /* frees qs with this screen */
		return false;
	}
	memset(qs, 0, sizeof(*qs));
	qs->pos = pos;
	qs->q = q;
	switch (q->type) {
	case Q_SINGLE:
	case Q_MULTIPLE: qs->n = q->noptions; break;
	case Q_TRUEFALSE: qs->n = 2; break;
	case Q_TEXT: qs->n = 0; break;
	case Q_ORDER: qs->n = q->nitems; break;
	case Q_MATCH: qs->n = q->npairs; break;
	}
	if (qs->n > MAXN)
		qs->n = MAXN;
	for (size_t i = 0; i < qs->n; i++)
		qs->perm[i] = i;
	if (q->type != Q_TRUEFALSE && q->type != Q_TEXT && qs->n)
		session_quiz_layout(ui->s, q, qs->perm, qs->n);
	for (size_t i = 0; i < qs->n; i++) {
		qs->order[i] = qs->perm[i];
		qs->match[i] = -1;
	}
	text_edit_init(&qs->ed, sizeof(((struct quiz_answer *)0)->text) - 1);
	qs->chosen = -1;
	qs->fresh = true;
	qs->h = 1;
	qs->paged = true;        /* a new question shows from its prompt */
	return true;
}

static const char *instruction(struct ui *ui, const struct qscreen *qs)
{
	switch (qs->q->type) {
	case Q_SINGLE: return _("Choose one answer (arrows and Space, or its number), then press Enter.");
	case Q_MULTIPLE: return "Tick every answer that applies (Space or its number), then press Enter.";
	case Q_TRUEFALSE: return _("True or false? Choose (t or f, or arrows and Space), then press Enter.");
	case Q_TEXT: return "Type your answer, then press Enter.";
	case Q_ORDER: return qs->grabbed
		? (ui->utf8 ? "Move the item with ↑↓, then Space to put it down."
			    : "Move the item with Up/Down, then Space to put it down.")
		: "Put these in the right order: Space picks an item up, "
		  "the arrows move it, Space puts it down. Enter when done.";
	case Q_MATCH: return ui->utf8
		? "Type a choice's number for each item (or ←→). Enter when all are matched."
		: "Type a choice's number for each item (or Left/Right). Enter when all "
		  "are matched.";
	}
	return "";
}

/* The text of row i as shown. */
static const char *row_text(const struct qscreen *qs, size_t i)
{
	const struct question *q = qs->q;

	switch (q->type) {
	case Q_SINGLE:
	case Q_MULTIPLE: return q->options[qs->perm[i]].text;
	case Q_TRUEFALSE: return i == 0 ? "True" : "False";
	case Q_ORDER: return q->items[qs->order[i]];
	case Q_MATCH: return q->pairs[i].left;
	case Q_TEXT: break;
	}
	return "";
}

/* Match: "Police → 2. Investigate the crime" on one row, so five pairs
 * and their choices fit together on a 24-line screen. */
static void match_row(struct ui *ui, const struct qscreen *qs, size_t i,
		      struct text_layout *L, int width)
{
	const struct question *q = qs->q;
	long r = qs->match[i];
	char buf[600];

	if (r >= 0) {
		size_t k = 0;

		while (k < qs->n && qs->perm[k] != (size_t)r)
			k++;
		snprintf(buf, sizeof(buf), "%s %s %zu. %s", q->pairs[i].left,
			 ui_sym(ui, SY_ARROW), k + 1, q->pairs[r].right);
	} else {
		snprintf(buf, sizeof(buf), "%s %s (not matched yet)",
			 q->pairs[i].left, ui_sym(ui, SY_ARROW));
	}
	text_add_str(L, buf, 0, TL_PLAIN, 5, width);
}

static void build_choices(struct qscreen *qs, struct text_layout *L, int width)
{
	memset(qs->choice_line, -1, sizeof(qs->choice_line));
	text_add_blank(L);
	text_add_str(L, "Choices:", TS_STRONG, TL_PLAIN, 0, width);
	for (size_t k = 0; k < qs->n; k++) {
		qs->choice_line[k] = (int)L->n;
		text_add_str(L, qs->q->pairs[qs->perm[k]].right, 0, TL_PLAIN, 6,
			     width);
	}
}

/* The question as laid-out lines: prompt, hint, instruction (unless
 * `terse`: the key bar says the same) and rows. */
static void build(struct ui *ui, struct qscreen *qs, struct text_layout *L,
		  int width, bool terse)
{
	const struct question *q = qs->q;

	if (q->stem && text_layout_case(L, q->stem, width) == 0)
		text_add_blank(L);   /* the case stem above the prompt */
	text_add_rich(L, &q->prompt, TL_PARA, 0, width);
	if (qs->hint && q->hint.n) {
		size_t from = L->n;

		text_add_blank(L);
		text_add_str(L, "Hint", TS_STRONG, TL_NOTE_LABEL, 4, width);
		text_add_rich(L, &q->hint, TL_NOTE, 4, width);
		for (size_t i = from; i < L->n; i++)
			L->v[i].note = NOTE_KEY;
	}
	text_add_blank(L);
	if (!terse) {
		text_add_str(L, instruction(ui, qs), TS_EM, TL_PLAIN, 0, width);
		text_add_blank(L);
	}
	for (size_t i = 0; i < qs->n; i++) {
		qs->line_of[i] = (int)L->n;
		if (q->type == Q_MATCH)
			match_row(ui, qs, i, L, width);
		else
			text_add_str(L, row_text(qs, i), 0, TL_PLAIN, 9, width);
		qs->end_of[i] = (int)L->n;
	}
}

static void prefix(struct ui *ui, const struct qscreen *qs, size_t i,
		   char *buf, size_t n)
{
	const char *sel = i == qs->cur ? ui_sym(ui, SY_SELECT) : " ";

	switch (qs->q->type) {
	case Q_SINGLE:
	case Q_TRUEFALSE:
		snprintf(buf, n, "%s %zu %s", sel, i + 1,
			 (long)i == qs->chosen ? (ui->utf8 ? "(•)" : "(*)") : "( )");
		break;
	case Q_MULTIPLE:
		snprintf(buf, n, "%s %zu %s", sel, i + 1, qs->ticked[i] ? "[x]" : "[ ]");
		break;
	case Q_ORDER:
		snprintf(buf, n, "%s %zu. %s", sel, i + 1,
			 qs->grabbed && i == qs->cur ? (ui->utf8 ? "⇕" : "=") : " ");
		break;
	case Q_MATCH:
		snprintf(buf, n, "%s %c)", sel, (int)('a' + i % 26));
		break;
	case Q_TEXT:
		buf[0] = '\0';
		break;
	}
}

/* Match: the number before choice line li, drawn at row y. */
static void choice_number(struct ui *ui, const struct qscreen *qs, int li,
			  int y, int x)
{
	char buf[16];

	for (size_t c = 0; c < qs->n; c++) {
		if (qs->choice_line[c] == li) {
			snprintf(buf, sizeof(buf), "%zu.", c + 1);
			ui_put(ui, y, x + 2, buf, 4, A_BOLD);
		}
	}
}

static void draw(struct ui *ui, struct screen *sc, struct rect body)
{
	struct qscreen *qs = sc->data;
	const struct question *q = qs->q;
	int w = body.w < UI_READ_WIDTH ? body.w : UI_READ_WIDTH, y = body.y;
	int tw = w - 2;          /* text stops short of the more-up/down marks */
	struct text_layout L, C;
	int H, cfrom = 0;
	char buf[200];

	if (!q)
		return;
	if (qs->fresh) {
		/* keys typed before this question showed never answer it */
		qs->fresh = false;
		qs->shown_ms = ui_typeahead_flush();
	}
	snprintf(buf, sizeof(buf), "Question %zu of %zu", qs->pos.index + 1,
		 qs->pos.total);
	int hw = ui_put(ui, y, body.x, buf, w, ui_attr(ui, R_TITLE));
	if (q->critical)
		ui_put(ui, y, body.x + hw + 2, "(must be right to pass)", w - hw - 2,
		       A_DIM);
	if (qs->pos.attempts_allowed)
		snprintf(buf, sizeof(buf), "Attempt %d of %d", qs->pos.attempt,
			 qs->pos.attempts_allowed);
	else
		snprintf(buf, sizeof(buf), "Attempt %d", qs->pos.attempt);
	ui_put(ui, y, body.x + w - (int)strlen(buf), buf, (int)strlen(buf), A_DIM);
	y += 2;

	text_layout_init(&L);
	text_layout_init(&C);
	build(ui, qs, &L, tw, false);
	H = body.y + body.h - y - (q->type == Q_TEXT ? 2 : 0);
	if (H < 1)
		H = 1;
	/* Match: the choices stay on screen under the rows, so a trainee
	 * never has to scroll between an item and what it may match.  When
	 * space is short the blank line above "Choices:" goes first, then
	 * the instruction (the key bar says it too), then the rows scroll
	 * above the choices; only when even that cannot fit do the choices
	 * join the scrolled text. */
	qs->pinned = false;
	if (q->type == Q_MATCH) {
		build_choices(qs, &C, tw);
		if ((int)(L.n + C.n) <= H) {
			qs->pinned = true;
		} else if ((int)C.n - 1 + MIN_SCROLLED <= H) {
			qs->pinned = true;
			cfrom = 1;
			if ((int)(L.n + C.n) - 1 > H) {
				text_layout_release(&L);
				build(ui, qs, &L, tw, true);
			}
		} else {
			text_layout_release(&C);
			build_choices(qs, &L, tw);
		}
	}
	qs->h = H;
	if (qs->pinned) {
		int rest = H - ((int)C.n - cfrom);

		qs->h = (int)L.n < rest ? (int)L.n : rest;
	}
	qs->nlines = (int)L.n;
	/* keep the highlighted row in view, unless the trainee paged away */
	if (qs->n && !qs->paged) {
		int a = qs->line_of[qs->cur], b = qs->end_of[qs->cur];

		if (b > qs->top + qs->h)
			qs->top = b - qs->h;
		if (a < qs->top)
			qs->top = a;
	}
	ui_scroll(&qs->top, (int)L.n, qs->h, ACT_NONE);
	for (int i = 0; i < qs->h && qs->top + i < (int)L.n; i++) {
		int li = qs->top + i;
		attr_t a = A_NORMAL;

		for (size_t r = 0; r < qs->n; r++) {
			if (li < qs->line_of[r] || li >= qs->end_of[r])
				continue;
			if (r == qs->cur)
				a = qs->grabbed ? A_REVERSE | A_BOLD : A_BOLD;
			if (li == qs->line_of[r]) {
				prefix(ui, qs, r, buf, sizeof(buf));
				ui_put(ui, y + i, body.x, buf,
				       q->type == Q_MATCH ? 5 : 9,
				       r == qs->cur ? A_BOLD : A_NORMAL);
			}
		}
		if (!qs->pinned)
			choice_number(ui, qs, li, y + i, body.x);
		ui_put_line(ui, y + i, body.x, &L.v[li], w, a);
	}
	if (qs->top > 0)
		ui_put(ui, y, body.x + w - 1, ui_sym(ui, SY_MORE_UP), 1, A_BOLD);
	if (qs->top + qs->h < (int)L.n)
		ui_put(ui, y + qs->h - 1, body.x + w - 1, ui_sym(ui, SY_MORE_DOWN),
		       1, A_BOLD);
	for (int i = cfrom; qs->pinned && i < (int)C.n; i++) {
		int cy = y + qs->h + i - cfrom;

		choice_number(ui, qs, i, cy, body.x);
		ui_put_line(ui, cy, body.x, &C.v[i], w, A_NORMAL);
	}
	text_layout_release(&C);
	if (q->type == Q_TEXT) {
		/* the answer field right under the question, when it fits */
		int by = y + (int)L.n - qs->top + 1, bx = body.x + 13,
		    bw = w - 13 > 50 ? 50 : w - 13;

		if (by > body.y + body.h - 1)
			by = body.y + body.h - 1;
		ui_put(ui, by, body.x, "Your answer:", 12, A_BOLD);
		ui_fill(ui, by, bx, bw, ui_attr(ui, R_FIELD));
		qs->view = text_edit_view(&qs->ed, bw, qs->view);
		ui_put(ui, by, bx, qs->ed.buf + qs->view, bw, ui_attr(ui, R_FIELD));
		ui->cursor_y = by;
		ui->cursor_x = bx + text_width(qs->ed.buf + qs->view,
					       qs->ed.cur - qs->view);
	}
	text_layout_release(&L);
}

static enum key_screen keys_now(struct ui *ui, struct screen *sc)
{
	struct qscreen *qs = sc->data;

	(void)ui;
	if (!qs->q)
		return KS_SINGLE;
	switch (qs->q->type) {
	case Q_SINGLE: return KS_SINGLE;
	case Q_MULTIPLE: return KS_MULTI;
	case Q_TRUEFALSE: return KS_TF;
	case Q_TEXT: return KS_TEXT;
	case Q_ORDER: return KS_ORDER;
	case Q_MATCH: return KS_MATCH;
	}
	return KS_SINGLE;
}

static unsigned cond(struct ui *ui, struct screen *sc)
{
	struct qscreen *qs = sc->data;

	(void)ui;
	return (qs->q && qs->q->hint.n && !qs->hint ? KC_HINT : 0) |
	       (qs->grabbed ? KC_GRAB : 0) |
	       (qs->nlines > qs->h ? KC_SCROLL : 0);
}

static bool make_answer(struct ui *ui, struct qscreen *qs, struct quiz_answer *a)
{
	const struct question *q = qs->q;
	size_t unmatched = 0;

	memset(a, 0, sizeof(*a));
	a->type = q->type;
	switch (q->type) {
	case Q_SINGLE:
	case Q_TRUEFALSE:
		if (qs->chosen < 0 || (size_t)qs->chosen >= qs->n) {
			ui_status(ui, ST_INFO, "%s", q->type == Q_SINGLE
				  ? _("Choose an answer first: arrows and Space, or its number.")
				  : _("Choose an answer first: t for true, f for false."));
			return false;
		}
		if (q->type == Q_TRUEFALSE) {
			a->tf = qs->chosen == 0;
			break;
		}
		a->picks[0] = qs->perm[qs->chosen];
		a->npicks = 1;
		break;
	case Q_MULTIPLE:
		for (size_t i = 0; i < qs->n; i++)
			if (qs->ticked[i])
				a->picks[a->npicks++] = qs->perm[i];
		if (!a->npicks) {
			ui_status(ui, ST_INFO, "Tick at least one answer (Space), then press Enter.");
			return false;
		}
		break;
	case Q_TEXT:
		if (!qs->ed.len) {
			ui_status(ui, ST_INFO, "Type your answer first.");
			return false;
		}
		snprintf(a->text, sizeof(a->text), "%s", qs->ed.buf);
		break;
	case Q_ORDER:
		/* the order shown first is never the right one (see
		 * session_quiz_layout): an untouched order is no answer */
		if (!qs->moved) {
			ui_status(ui, ST_INFO, "%s", _("Put the items in order first: "
				  "Space picks one up, the arrows move it."));
			return false;
		}
		for (size_t i = 0; i < qs->n; i++)
			a->picks[i] = qs->order[i];
		a->npicks = qs->n;
		break;
	case Q_MATCH:
		for (size_t i = 0; i < qs->n; i++) {
			if (qs->match[i] < 0)
				unmatched++;
			a->picks[i] = (size_t)qs->match[i];
		}
		a->npicks = qs->n;
		if (unmatched) {
			ui_status(ui, ST_INFO, "Match every item first (%zu still to match).",
				  unmatched);
			return false;
		}
		break;
	}
	return true;
}

static void submit(struct ui *ui, struct qscreen *qs)
{
	struct quiz_answer a;
	struct quiz_feedback fb;
	struct err e = { 0 };

	if (qs->grabbed) {
		qs->grabbed = false;    /* Enter puts the item down first */
		return;
	}
	if (!make_answer(ui, qs, &a))
		return;
	memset(&fb, 0, sizeof(fb));
	if (session_quiz_answer(ui->s, &a, &fb, &e) < 0) {
		if (session_pending_save(ui->s)) {
			qs->advance = true;
			ui_feedback_push(ui, qs->q, &qs->pos, &a, &fb, true, e.msg);
		} else {
			ui_status(ui, ST_ERROR, "%s", e.msg);
		}
		return;
	}
	if (fb.show_now) {
		qs->advance = true;
		ui_feedback_push(ui, qs->q, &qs->pos, &a, &fb, false, NULL);
		return;
	}
	ui_status(ui, ST_INFO, "Answer saved.");
	load(ui, qs);
}

/* Match: give row `row` the right side shown as choice k; a right side
 * belongs to one row at a time. */
static void match_pick(struct qscreen *qs, size_t row, size_t k)
{
	long r = (long)qs->perm[k];

	for (size_t i = 0; i < qs->n; i++)
		if (qs->match[i] == r)
			qs->match[i] = -1;
	qs->match[row] = r;
}

static void match_cycle(struct qscreen *qs, int by)
{
	size_t k = 0;

	if (!qs->n)
		return;
	if (qs->match[qs->cur] >= 0) {
		while (k < qs->n && qs->perm[k] != (size_t)qs->match[qs->cur])
			k++;
		k = by > 0 ? (k + 1) % qs->n : (k + qs->n - 1) % qs->n;
	} else if (by < 0) {
		k = qs->n - 1;
	}
	match_pick(qs, qs->cur, k);
}

static void leave_yes(struct ui *ui, void *arg)
{
	(void)arg;
	ui_pop(ui);
	ui_status(ui, ST_INFO, "Your answers so far are saved. Open the module to continue.");
}

static enum ui_next key(struct ui *ui, struct screen *sc, enum action a,
			int arg, int k)
{
	struct qscreen *qs = sc->data;
	const struct question *q = qs->q;

	if (!q)
		return UN_POP;
	if (a == ACT_PGUP || a == ACT_PGDN) {
		ui_scroll(&qs->top, qs->nlines, qs->h, a);
		qs->paged = true;
		return UN_STAY;
	}
	/* anything else brings the highlighted row back into view */
	qs->paged = false;
	switch (a) {
	case ACT_UP:
	case ACT_DOWN:
		if (!qs->n)
			break;
		/* the row was out of view: this press only shows it, so
		 * nothing moves that the trainee has not seen */
		if (qs->line_of[qs->cur] < qs->top ||
		    qs->end_of[qs->cur] > qs->top + qs->h)
			break;
		if (q->type == Q_ORDER && qs->grabbed) {
			size_t to = a == ACT_UP ? qs->cur - (qs->cur > 0)
					      : qs->cur + (qs->cur + 1 < qs->n);
			size_t t = qs->order[to];

			qs->order[to] = qs->order[qs->cur];
			qs->order[qs->cur] = t;
			qs->moved = qs->moved || to != qs->cur;
			qs->cur = to;
		} else if (a == ACT_UP && qs->cur > 0) {
			qs->cur--;
		} else if (a == ACT_DOWN && qs->cur + 1 < qs->n) {
			qs->cur++;
		}
		break;
	case ACT_PICK:
		if ((size_t)arg > qs->n || arg < 1)
			break;
		if (q->type == Q_MATCH) {
			match_pick(qs, qs->cur, (size_t)arg - 1);
			if (qs->cur + 1 < qs->n)
				qs->cur++;
		} else {
			qs->cur = (size_t)arg - 1;
			if (q->type == Q_MULTIPLE)
				qs->ticked[qs->cur] = !qs->ticked[qs->cur];
			else if (q->type == Q_SINGLE || q->type == Q_TRUEFALSE)
				qs->chosen = (long)qs->cur;
		}
		break;
	case ACT_TOGGLE:
		if (q->type == Q_MULTIPLE && qs->n)
			qs->ticked[qs->cur] = !qs->ticked[qs->cur];
		else if ((q->type == Q_SINGLE || q->type == Q_TRUEFALSE) && qs->n)
			qs->chosen = (long)qs->cur;
		else if (q->type == Q_ORDER)
			qs->grabbed = !qs->grabbed;
		break;
	case ACT_TRUE:
	case ACT_FALSE:
		qs->cur = a == ACT_TRUE ? 0 : 1;
		qs->chosen = (long)qs->cur;
		break;
	case ACT_LEFT:
	case ACT_RIGHT:
		if (q->type == Q_MATCH)
			match_cycle(qs, a == ACT_RIGHT ? 1 : -1);
		else if (q->type == Q_TEXT && a == ACT_LEFT)
			text_edit_left(&qs->ed);
		else if (q->type == Q_TEXT)
			text_edit_right(&qs->ed);
		break;
	case ACT_HOME:
		text_edit_home(&qs->ed);
		break;
	case ACT_END:
		text_edit_end(&qs->ed);
		break;
	case ACT_HINT:
		qs->hint = true;
		break;
	case ACT_CHOOSE:
		/* the rest of the burst of keys that opened this question */
		if (ui_enter_in_burst(qs->shown_ms))
			break;
		submit(ui, qs);
		break;
	case ACT_BACK:
		ui_confirm_push(ui, "Leave the quiz? Your answers so far are saved, "
				"and you can continue later.", leave_yes, NULL);
		break;
	case ACT_NONE:
		if (q->type != Q_TEXT)
			break;
		if (k == K_BACKSPACE)
			text_edit_backspace(&qs->ed);
		else if (k == K_DELETE)
			text_edit_delete(&qs->ed);
		else if (k >= ' ' && k < K_BASE)
			text_edit_insert(&qs->ed, (unsigned)k);
		break;
	default:
		break;
	}
	return UN_STAY;
}

static void resume(struct ui *ui, struct screen *sc)
{
	struct qscreen *qs = sc->data;

	if (qs->advance) {
		qs->advance = false;
		load(ui, qs);
	}
}

static void leave(struct ui *ui, struct screen *sc)
{
	(void)ui;
	free(sc->data);
}

static const struct screen_ops question_ops = {
	.name = "question",
	.keys = KS_SINGLE,
	.keys_now = keys_now,
	.cond = cond,
	.draw = draw,
	.key = key,
	.resume = resume,
	.leave = leave,
};

void ui_question_push(struct ui *ui)
{
	struct qscreen *qs = calloc(1, sizeof(*qs));

	if (!qs)
		return;
	ui_push(ui, &question_ops, qs);
	if (ui->top && ui->top->data == qs)
		load(ui, qs);
}
