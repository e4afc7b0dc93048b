/* ui_message.c - a short message in a box over the current screen. */
#include "ui.h"

#include <stdlib.h>
#include <string.h>

struct message {
	char title[120];
	char text[1000];
};

void ui_message_draw(struct ui *ui, const char *title, const char *text,
		     struct rect body)
{
	struct text_layout L;
	int w = body.w - 4 > 64 ? 64 : body.w - 4;
	struct rect box;

	text_layout_init(&L);
	text_add_str(&L, text, 0, TL_PARA, 0, w - 4);
	box.w = w;
	box.h = (int)L.n + 6;
	if (box.h > body.h)
		box.h = body.h;
	box.y = body.y + (body.h - box.h) / 2;
	box.x = body.x + (body.w - box.w) / 2;
	ui_box(ui, box, A_BOLD);
	ui_put(ui, box.y + 1, box.x + 2, title, w - 4, ui_attr(ui, R_TITLE));
	ui_put_layout(ui, &L, 0, (struct rect){ box.y + 3, box.x + 2, box.h - 5, w - 4 });
	ui_put(ui, box.y + box.h - 2, box.x + 2, "Press Enter", w - 4, A_DIM);
	text_layout_release(&L);
}

static void draw(struct ui *ui, struct screen *sc, struct rect body)
{
	struct message *m = sc->data;

	ui_message_draw(ui, m->title, m->text, body);
}

static enum ui_next key(struct ui *ui, struct screen *sc, enum action a,
			int arg, int k)
{
	(void)ui;
	(void)sc;
	(void)arg;
	(void)k;
	return a == ACT_CHOOSE || a == ACT_BACK ? UN_POP : UN_STAY;
}

static void leave(struct ui *ui, struct screen *sc)
{
	(void)ui;
	free(sc->data);
}

static const struct screen_ops message_ops = {
	.name = "message",
	.keys = KS_MESSAGE,
	.draw = draw,
	.key = key,
	.leave = leave,
	.overlay = true,
};

void ui_message_push(struct ui *ui, const char *title, const char *text)
{
	struct message *m = calloc(1, sizeof(*m));

	if (!m)
		return;
	strncpy(m->title, title, sizeof(m->title) - 1);
	strncpy(m->text, text, sizeof(m->text) - 1);
	ui_push(ui, &message_ops, m);
}
