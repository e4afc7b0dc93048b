/* ui_note.c - the content note shown before a module that has one: what
 * the module covers, and that the trainee can stop or hide at any time. */
#include "ui.h"

#include <stdlib.h>

struct note {
	const struct course *c;
	const struct module *m;
	struct text_layout L;
	int width, top;
	bool again;              /* asked for from the reader: Enter closes */
};

static void layout(struct ui *ui, struct note *n, int width)
{
	(void)ui;
	if (n->width == width && n->L.n)
		return;
	text_layout_release(&n->L);
	n->width = width;
	text_add_str(&n->L, n->m->title, 0, TL_HEADING, 0, width);
	text_add_blank(&n->L);
	text_add_str(&n->L, "Before you begin", TS_STRONG, TL_NOTE_LABEL, 4, width);
	text_add_str(&n->L, n->m->content_note, 0, TL_NOTE, 4, width);
	for (size_t i = 0; i < n->L.n; i++)
		n->L.v[i].note = NOTE_WARNING;
	text_add_blank(&n->L);
	text_add_str(&n->L,
		     "You can stop at any time: Esc goes back, and F12 (or Ctrl-L "
		     "pressed twice) hides the screen at once. Your progress is "
		     "kept. If this topic affects you personally, please talk to "
		     "your trainer or coordinator.", 0, TL_PARA, 0, width);
}

static void draw(struct ui *ui, struct screen *sc, struct rect body)
{
	struct note *n = sc->data;
	int w = body.w < UI_READ_WIDTH ? body.w : UI_READ_WIDTH;

	layout(ui, n, w);
	ui_scroll(&n->top, (int)n->L.n, body.h, ACT_NONE);
	ui_put_layout(ui, &n->L, n->top, (struct rect){ body.y, body.x, body.h, w });
}

static unsigned cond(struct ui *ui, struct screen *sc)
{
	struct note *n = sc->data;

	return (int)n->L.n > ui->rows - 5 ? KC_SCROLL : 0;
}

static enum ui_next key(struct ui *ui, struct screen *sc, enum action a,
			int arg, int k)
{
	struct note *n = sc->data;
	const struct course *c = n->c;
	const struct module *m = n->m;

	(void)arg;
	(void)k;
	if (ui_scroll(&n->top, (int)n->L.n, ui->rows - 5, a))
		return UN_STAY;
	if (a == ACT_BACK)
		return UN_POP;
	if (a == ACT_CHOOSE && n->again)
		return UN_POP;
	if (a == ACT_CHOOSE) {
		ui_pop(ui);
		ui_open_module(ui, c, m, false);
	}
	return UN_STAY;
}

static void leave(struct ui *ui, struct screen *sc)
{
	struct note *n = sc->data;

	(void)ui;
	text_layout_release(&n->L);
	free(n);
}

static const struct screen_ops note_ops = {
	.name = "note",
	.keys = KS_NOTE,
	.cond = cond,
	.draw = draw,
	.key = key,
	.leave = leave,
};

void ui_note_push(struct ui *ui, const struct course *c, const struct module *m)
{
	struct note *n = calloc(1, sizeof(*n));

	if (!n)
		return;
	n->c = c;
	n->m = m;
	text_layout_init(&n->L);
	ui_push(ui, &note_ops, n);
}

void ui_note_show(struct ui *ui, const struct course *c, const struct module *m)
{
	ui_note_push(ui, c, m);
	if (ui->top && ui->top->ops == &note_ops)
		((struct note *)ui->top->data)->again = true;
}
