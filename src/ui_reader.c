/* ui_reader.c - the lesson reader: one page at a time, wrapped to the
 * window, scrolled within a long page, "Page n of m", the module's
 * sources one key away, and the contents (every page of the module, to go
 * back to any page reached).
 *
 * Reading works like less: n (or Right) first reads on down a long page
 * and only turns it at its end.  A page counts as read only once its last
 * line was on screen: that is when session_page_shown() records it. */
#include "ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"

struct reader {
	const struct course *c;
	const struct module *m;
	int page, npages;
	const struct page *pg;
	const struct lesson *lesson;
	struct text_layout L;
	int width, top, text_h;
	bool recorded;           /* this page's end was on screen and saved */
};

static void show_page(struct reader *r, int page)
{
	if (page < 0 || page >= r->npages)
		return;
	r->page = page;
	r->pg = module_page(r->m, (size_t)page, &r->lesson);
	r->top = 0;
	r->width = -1;           /* lay out again */
	r->recorded = false;
}

/* The end of the page is on screen: record it (once per showing). */
static void page_read(struct ui *ui, struct reader *r)
{
	struct err e = { 0 };
	bool completed = false;

	if (r->recorded)
		return;
	r->recorded = true;
	if (session_page_shown(ui->s, r->page, &e) < 0) {
		ui_status(ui, ST_ERROR, _("Your place could not be saved: %s"),
			  e.msg);
		return;
	}
	if (!r->m->quiz && r->page == r->npages - 1 &&
	    session_check_complete(ui->s, &completed, &e) == 0 && completed)
		ui_status(ui, ST_OK, _("You have completed this module."));
}

static void layout(struct reader *r, int width)
{
	if (r->width == width)
		return;
	text_layout_release(&r->L);
	r->width = width;
	if (r->pg && text_layout_page(&r->L, r->pg, width) < 0)
		text_layout_release(&r->L);
}

static bool more_below(const struct reader *r)
{
	return r->top + r->text_h < (int)r->L.n;
}

static void draw(struct ui *ui, struct screen *sc, struct rect body)
{
	struct reader *r = sc->data;
	int w = body.w < UI_READ_WIDTH ? body.w : UI_READ_WIDTH, y = body.y;
	char buf[300];
	const char *foot;
	struct text_layout T;

	if (!r->pg)
		return;
	layout(r, w);
	snprintf(buf, sizeof(buf), _("Page %d of %d"), r->page + 1, r->npages);
	int pw = (int)strlen(buf);
	ui_put(ui, y, body.x + w - pw, buf, pw, A_BOLD);
	snprintf(buf, sizeof(buf), "%s %s %s", r->m->title, ui_sym(ui, SY_ARROW),
		 r->lesson ? r->lesson->title : "");
	ui_put_trunc(ui, y++, body.x, buf, w - pw - 2, A_DIM);
	/* the title is wrapped, never cut (at most 3 lines) */
	text_layout_init(&T);
	if (r->pg->title &&
	    text_add_str(&T, r->pg->title, 0, TL_PLAIN, 0, w) == 0) {
		ui->cursor_y = y;        /* a screen reader starts at the title */
		ui->cursor_x = body.x;
		for (size_t i = 0; i < T.n && i < 3; i++)
			ui_put_line(ui, y++, body.x, &T.v[i], w,
				    ui_attr(ui, R_TITLE) | A_UNDERLINE);
	}
	text_layout_release(&T);
	/* one line for "more above", then the text, then the foot line:
	 * neither indicator ever covers text */
	int above_y = y++;
	r->text_h = body.y + body.h - 1 - y;
	if (r->text_h < 1)
		r->text_h = 1;
	ui_scroll(&r->top, (int)r->L.n, r->text_h, ACT_NONE);
	if (r->top > 0) {
		snprintf(buf, sizeof(buf), _("%s More above: PgUp"),
			 ui_sym(ui, SY_MORE_UP));
		ui_put(ui, above_y, body.x, buf, w, A_DIM | A_BOLD);
	}
	ui_put_layout(ui, &r->L, r->top, (struct rect){ y, body.x, r->text_h, w });
	if (ui->cursor_y < 0) {
		ui->cursor_y = y;
		ui->cursor_x = body.x;
	}
	if (more_below(r)) {
		snprintf(buf, sizeof(buf), _("%s More below: n, Space or PgDn"),
			 ui_sym(ui, SY_MORE_DOWN));
		foot = buf;
	} else {
		page_read(ui, r);
		if (r->page + 1 < r->npages)
			foot = _("End of page. Press n for the next page.");
		else if (r->m->quiz)
			foot = _("You have reached the last page. Press n to take "
				 "the quiz.");
		else
			foot = _("End of the module. Esc goes back to the list.");
	}
	ui_put(ui, body.y + body.h - 1, body.x, foot, w, A_DIM | A_BOLD);
}

static unsigned cond(struct ui *ui, struct screen *sc)
{
	struct reader *r = sc->data;
	unsigned c = 0;

	(void)ui;
	if (more_below(r))
		c |= KC_BELOW;
	else if (r->page + 1 < r->npages)
		c |= KC_NEXT;
	else if (r->m->quiz)
		c |= KC_QUIZ;
	if (r->page > 0)
		c |= KC_PREV;
	if ((int)r->L.n > r->text_h)
		c |= KC_SCROLL;
	if (r->m->content_note)
		c |= KC_NOTE;
	return c;
}

static void contents_push(struct ui *ui, struct screen *reader, bool at_open);

static enum ui_next key(struct ui *ui, struct screen *sc, enum action a,
			int arg, int k)
{
	struct reader *r = sc->data;
	const struct course *c = r->c;
	const struct module *m = r->m;

	(void)arg;
	(void)k;
	if (ui_scroll(&r->top, (int)r->L.n, r->text_h, a))
		return UN_STAY;
	switch (a) {
	case ACT_NEXT_PAGE:
		show_page(r, r->page + 1);
		break;
	case ACT_PREV_PAGE:
		show_page(r, r->page - 1);
		break;
	case ACT_QUIZ:
		ui_pop(ui);
		ui_qintro_push(ui, c, m);
		break;
	case ACT_SOURCES:
		ui_sources_push(ui, r->m, r->pg);
		break;
	case ACT_TERMS:
		ui_terms_push(ui, r->c, r->pg);
		break;
	case ACT_CONTENTS:
		contents_push(ui, sc, false);
		break;
	case ACT_NOTE:
		if (m->content_note)
			ui_note_show(ui, c, m);
		break;
	case ACT_BACK:
		return UN_POP;
	default:
		break;
	}
	return UN_STAY;
}

static void leave(struct ui *ui, struct screen *sc)
{
	struct reader *r = sc->data;

	(void)ui;
	text_layout_release(&r->L);
	free(r);
}

static const struct screen_ops reader_ops = {
	.name = "reader",
	.keys = KS_READER,
	.cond = cond,
	.draw = draw,
	.key = key,
	.leave = leave,
};

static struct reader *reader_new(const struct course *c,
				 const struct module *m, int page)
{
	struct reader *r = calloc(1, sizeof(*r));

	if (!r)
		return NULL;
	r->c = c;
	r->m = m;
	r->npages = (int)m->npages;
	r->text_h = 1;
	text_layout_init(&r->L);
	if (page < 0 || page >= r->npages)
		page = 0;
	show_page(r, page);
	return r;
}

void ui_reader_push(struct ui *ui, const struct course *c,
		    const struct module *m, int page)
{
	struct reader *r = reader_new(c, m, page);

	if (r)
		ui_push(ui, &reader_ops, r);
}

void ui_reader_push_contents(struct ui *ui, const struct course *c,
			     const struct module *m)
{
	struct reader *r = reader_new(c, m, 0);

	if (!r)
		return;
	ui_push(ui, &reader_ops, r);
	if (ui->top && ui->top->data == r)
		contents_push(ui, ui->top, true);
}

/* ---- contents: the module's pages ---------------------------------------- */

struct contents {
	struct screen *reader;   /* the reader below, whose page is set */
	bool at_open;            /* opened with the module: Esc leaves both */
	int reached;             /* pages 0..reached-1 may be opened */
	int read;                /* pages 0..read-1 were read */
	int sel, top, h;
};

/* Screen lines: one per lesson title, one per page. */
static int contents_line_of(const struct module *m, int page)
{
	int y = 0, n = 0;

	for (size_t l = 0; l < m->nlessons; l++) {
		y++;
		for (size_t p = 0; p < m->lessons[l].npages; p++, n++, y++)
			if (n == page)
				return y;
	}
	return y;
}

static void contents_draw(struct ui *ui, struct screen *sc, struct rect body)
{
	struct contents *ct = sc->data;
	const struct reader *r = ct->reader->data;
	const struct module *m = r->m;
	int w = body.w < UI_READ_WIDTH ? body.w : UI_READ_WIDTH;
	int total = contents_line_of(m, (int)m->npages), y = 0, n = 0;
	int sel_y = contents_line_of(m, ct->sel);
	char buf[400];

	snprintf(buf, sizeof(buf), _("Contents of \"%s\""), m->title);
	ui_put_trunc(ui, body.y, body.x, buf, w, ui_attr(ui, R_TITLE));
	snprintf(buf, sizeof(buf), _("You have reached %d of %zu pages."),
		 ct->reached, m->npages);
	ui_put(ui, body.y + 1, body.x, buf, w, A_DIM);
	ct->h = body.h - 3;
	if (ct->h < 1)
		ct->h = 1;
	if (sel_y < ct->top + 1)
		ct->top = sel_y > 0 ? sel_y - 1 : 0;
	if (sel_y >= ct->top + ct->h)
		ct->top = sel_y - ct->h + 1;
	if (ct->top > 0)
		ui_put(ui, body.y + 1, body.x + w - 1, ui_sym(ui, SY_MORE_UP),
		       1, A_BOLD);
	for (size_t l = 0; l < m->nlessons; l++) {
		const struct lesson *ls = &m->lessons[l];
		int sy = body.y + 3 + y - ct->top;

		if (y >= ct->top && y < ct->top + ct->h)
			ui_put_trunc(ui, sy, body.x, ls->title, w, A_BOLD);
		y++;
		for (size_t p = 0; p < ls->npages; p++, n++, y++) {
			const char *t = ls->pages[p].title;
			const char *mark;
			attr_t a;
			int x;

			sy = body.y + 3 + y - ct->top;
			if (y < ct->top || y >= ct->top + ct->h)
				continue;
			if (n < ct->read)
				mark = ui_sym(ui, SY_RIGHT);
			else if (n < ct->reached)
				mark = " ";
			else
				mark = ui_sym(ui, SY_LOCK);
			ui_put(ui, sy, body.x + 2, mark, 1,
			       n < ct->read ? ui_attr(ui, R_RIGHT) : A_DIM);
			snprintf(buf, sizeof(buf), _(" %d. %s "), n + 1,
				 t ? t : _("(untitled page)"));
			a = n >= ct->reached ? A_DIM
			    : n == ct->sel ? A_REVERSE | A_BOLD : A_NORMAL;
			x = body.x + 4;
			if (n == ct->sel) {
				ui->cursor_y = sy;
				ui->cursor_x = x + 1;
			}
			/* the focused line gets the whole width (no label) */
			ui_put_trunc(ui, sy, x, buf,
				     n == ct->sel ? w - 4 : w - 4 - 12, a);
			if (n == ct->sel)
				continue;
			if (n >= ct->reached)
				ui_put(ui, sy, body.x + w - 11, _("not reached"),
				       11, A_DIM);
			else if (n < ct->read)
				ui_put(ui, sy, body.x + w - 11, _("read"), 11,
				       A_DIM);
		}
	}
	if (ct->top + ct->h < total)
		ui_put(ui, body.y + body.h - 1, body.x, ui_sym(ui, SY_MORE_DOWN),
		       1, A_BOLD);
}

static unsigned contents_cond(struct ui *ui, struct screen *sc)
{
	struct contents *ct = sc->data;
	const struct reader *r = ct->reader->data;

	(void)ui;
	return r->m->content_note ? KC_NOTE : 0;
}

static enum ui_next contents_key(struct ui *ui, struct screen *sc,
				 enum action a, int arg, int k)
{
	struct contents *ct = sc->data;
	struct reader *r = ct->reader->data;

	(void)arg;
	(void)k;
	switch (a) {
	case ACT_UP:
		if (ct->sel > 0)
			ct->sel--;
		break;
	case ACT_DOWN:
		if (ct->sel + 1 < ct->reached)
			ct->sel++;
		break;
	case ACT_CHOOSE:
		show_page(r, ct->sel);
		return UN_POP;
	case ACT_NOTE:
		if (r->m->content_note)
			ui_note_show(ui, r->c, r->m);
		break;
	case ACT_BACK:
		if (ct->at_open) {
			ui_pop(ui);      /* the contents ... */
			return UN_POP;   /* ... and the reader under them */
		}
		return UN_POP;
	default:
		break;
	}
	return UN_STAY;
}

static void contents_leave(struct ui *ui, struct screen *sc)
{
	(void)ui;
	free(sc->data);
}

static const struct screen_ops contents_ops = {
	.name = "contents",
	.keys = KS_CONTENTS,
	.cond = contents_cond,
	.draw = contents_draw,
	.key = contents_key,
	.leave = contents_leave,
};

static void contents_push(struct ui *ui, struct screen *reader, bool at_open)
{
	struct contents *ct = calloc(1, sizeof(*ct));
	const struct reader *r = reader->data;
	struct module_status *st = calloc(r->c->nmodules + 1, sizeof(*st));
	struct err e = { 0 };

	if (!ct || !st) {
		free(ct);
		free(st);
		return;
	}
	ct->reader = reader;
	ct->at_open = at_open;
	ct->reached = 1;
	if (session_course_status(ui->s, r->c, st, &e) == 0) {
		for (size_t i = 0; i < r->c->nmodules; i++) {
			if (st[i].module != r->m)
				continue;
			ct->read = st[i].state == MODULE_COMPLETE
				? st[i].npages : st[i].pages_seen;
			/* the page after the last one read may be opened too */
			ct->reached = ct->read + 1;
		}
	}
	free(st);
	if (ct->read < r->page + 1 && r->recorded)
		ct->read = r->page + 1;
	if (ct->reached < r->page + 1)
		ct->reached = r->page + 1;
	if (ct->reached > r->npages)
		ct->reached = r->npages;
	ct->sel = at_open ? 0 : r->page;
	if (ct->sel >= ct->reached)
		ct->sel = ct->reached - 1;
	if (ct->sel < 0)
		ct->sel = 0;
	ui_push(ui, &contents_ops, ct);
}
