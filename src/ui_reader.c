/* ui_reader.c - the lesson reader: one page at a time, wrapped to the
 * window, scrolled within a long page, "Page n of m", and the module's
 * sources one key away.  Each page shown is recorded, so reopening the
 * module resumes at the last page read. */
#include "ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct reader {
	const struct course *c;
	const struct module *m;
	int page, npages;
	const struct page *pg;
	const struct lesson *lesson;
	struct text_layout L;
	int width, top, text_h;
};

static void show_page(struct ui *ui, struct reader *r, int page)
{
	struct err e = { 0 };
	bool completed = false;

	if (page < 0 || page >= r->npages)
		return;
	r->page = page;
	r->pg = module_page(r->m, (size_t)page, &r->lesson);
	r->top = 0;
	r->width = -1;           /* lay out again */
	if (session_page_shown(ui->s, page, &e) < 0) {
		ui_status(ui, ST_ERROR, "Your place could not be saved: %s", e.msg);
		return;
	}
	if (!r->m->quiz && page == r->npages - 1 &&
	    session_check_complete(ui->s, &completed, &e) == 0 && completed)
		ui_status(ui, ST_OK, "You have completed this module.");
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

static void draw(struct ui *ui, struct screen *sc, struct rect body)
{
	struct reader *r = sc->data;
	int w = body.w < UI_READ_WIDTH ? body.w : UI_READ_WIDTH, y = body.y;
	char buf[300];
	const char *foot;

	if (!r->pg)
		return;
	layout(r, w);
	snprintf(buf, sizeof(buf), "Page %d of %d", r->page + 1, r->npages);
	int pw = (int)strlen(buf);
	ui_put(ui, y, body.x + w - pw, buf, pw, A_BOLD);
	snprintf(buf, sizeof(buf), "%s %s %s", r->m->title, ui_sym(ui, SY_ARROW),
		 r->lesson ? r->lesson->title : "");
	ui_put_trunc(ui, y++, body.x, buf, w - pw - 2, A_DIM);
	if (r->pg->title)
		ui_put_trunc(ui, y++, body.x, r->pg->title, w,
			     ui_attr(ui, R_TITLE) | A_UNDERLINE);
	y++;
	r->text_h = body.y + body.h - 1 - y;
	if (r->text_h < 1)
		r->text_h = 1;
	ui_scroll(&r->top, (int)r->L.n, r->text_h, ACT_NONE);
	ui_put_layout(ui, &r->L, r->top, (struct rect){ y, body.x, r->text_h, w });
	if (r->top + r->text_h < (int)r->L.n)
		foot = ui->utf8 ? "↓ More below: PgDn or Space" : "v More below: PgDn or Space";
	else if (r->page + 1 < r->npages)
		foot = "End of page. Press n for the next page.";
	else if (r->m->quiz)
		foot = "You have reached the last page. Press n to take the quiz.";
	else
		foot = "End of the module. Esc goes back to the list.";
	ui_put(ui, body.y + body.h - 1, body.x, foot, w, A_DIM | A_BOLD);
}

static unsigned cond(struct ui *ui, struct screen *sc)
{
	struct reader *r = sc->data;
	unsigned c = 0;

	(void)ui;
	if (r->page + 1 < r->npages)
		c |= KC_NEXT;
	else if (r->m->quiz)
		c |= KC_QUIZ;
	if (r->page > 0)
		c |= KC_PREV;
	if ((int)r->L.n > r->text_h)
		c |= KC_SCROLL;
	return c;
}

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
		show_page(ui, r, r->page + 1);
		break;
	case ACT_PREV_PAGE:
		show_page(ui, r, r->page - 1);
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

void ui_reader_push(struct ui *ui, const struct course *c,
		    const struct module *m, int page)
{
	struct reader *r = calloc(1, sizeof(*r));

	if (!r)
		return;
	r->c = c;
	r->m = m;
	r->npages = (int)m->npages;
	r->text_h = 1;
	text_layout_init(&r->L);
	if (page < 0 || page >= r->npages)
		page = 0;
	ui_push(ui, &reader_ops, r);
	show_page(ui, r, page);
}
