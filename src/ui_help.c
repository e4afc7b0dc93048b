/* ui_help.c - the help overlay: every key that works on the screen below,
 * from the same table as the bar, plus how to hide the screen at once. */
#include "ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct help {
	enum key_screen ks;
	unsigned cond;
	struct text_layout L;
	int width, top, h;
};

#define NAME_W 15

static void layout(struct ui *ui, struct help *h, int width)
{
	const struct key_binding *v[128];
	size_t n;

	if (h->width == width)
		return;
	text_layout_release(&h->L);
	h->width = width;
	n = keys_for(h->ks, h->cond, v, 128);
	for (size_t i = 0; i < n; i++) {
		if (!v[i]->help)
			continue;
		/* a later binding of the same action and key is shadowed */
		bool seen = false;

		for (size_t j = 0; j < i; j++)
			if (v[j]->action == v[i]->action && v[j]->help)
				seen = true;
		if (seen)
			continue;
		size_t from = h->L.n;

		text_add_str(&h->L, v[i]->help, 0, TL_PLAIN, NAME_W + 1, width);
		if (from < h->L.n) {
			/* stash the key name in the first line's spare columns */
			h->L.v[from].note = (enum note_kind)i;
		}
		(void)ui;
	}
	text_add_blank(&h->L);
	text_add_str(&h->L, keys_help_note(h->ks), TS_EM, TL_PLAIN, 1, width);
}

static void draw(struct ui *ui, struct screen *sc, struct rect body)
{
	struct help *h = sc->data;
	const struct key_binding *v[128];
	size_t n = keys_for(h->ks, h->cond, v, 128);
	int w = body.w - 4 > 72 ? 72 : body.w - 4;
	struct rect box;
	int inner_w = w - 4;

	layout(ui, h, inner_w);
	box.h = (int)h->L.n + 4;
	if (box.h > body.h)
		box.h = body.h;
	box.w = w;
	box.y = body.y + (body.h - box.h) / 2;
	box.x = body.x + (body.w - box.w) / 2;
	ui_box(ui, box, A_BOLD);
	ui_put(ui, box.y, box.x + 2, " Help: keys on this screen ", box.w - 4, A_BOLD);
	h->h = box.h - 4;
	if (h->h < 1)
		h->h = 1;
	ui_scroll(&h->top, (int)h->L.n, h->h, ACT_NONE);
	for (int i = 0; i < h->h && h->top + i < (int)h->L.n; i++) {
		const struct text_line *ln = &h->L.v[h->top + i];
		int y = box.y + 2 + i;

		if (ln->first && ln->kind == TL_PLAIN && ln->indent == NAME_W + 1 &&
		    (size_t)ln->note < n)
			ui_put(ui, y, box.x + 2, keys_name(v[ln->note], ui->utf8),
			       NAME_W, ui_attr(ui, R_BARKEY));
		ui_put_line(ui, y, box.x + 2, ln, inner_w, A_NORMAL);
	}
	if (h->top + h->h < (int)h->L.n)
		ui_put(ui, box.y + box.h - 1, box.x + box.w - 4,
		       ui_sym(ui, SY_MORE_DOWN), 1, A_BOLD);
}

static unsigned cond(struct ui *ui, struct screen *sc)
{
	struct help *h = sc->data;

	(void)ui;
	return (int)h->L.n > h->h ? KC_SCROLL : 0;
}

static enum ui_next key(struct ui *ui, struct screen *sc, enum action a,
			int arg, int k)
{
	struct help *h = sc->data;

	(void)ui;
	(void)arg;
	(void)k;
	if (ui_scroll(&h->top, (int)h->L.n, h->h, a))
		return UN_STAY;
	return a == ACT_BACK || a == ACT_CHOOSE ? UN_POP : UN_STAY;
}

static void leave(struct ui *ui, struct screen *sc)
{
	struct help *h = sc->data;

	(void)ui;
	text_layout_release(&h->L);
	free(h);
}

static const struct screen_ops help_ops = {
	.name = "help",
	.keys = KS_HELP,
	.cond = cond,
	.draw = draw,
	.key = key,
	.leave = leave,
	.overlay = true,
};

void ui_help_push(struct ui *ui, enum key_screen ks, unsigned cond_now)
{
	struct help *h = calloc(1, sizeof(*h));

	if (!h)
		return;
	h->ks = ks;
	h->cond = cond_now;
	h->width = -1;
	h->h = 1;
	text_layout_init(&h->L);
	ui_push(ui, &help_ops, h);
}
