/* ui_confirm.c - a yes/no question over the current screen. */
#include "ui.h"

#include <stdlib.h>
#include <string.h>

struct confirm {
	char question[300];
	void (*yes)(struct ui *ui, void *arg);
	void *arg;
};

static void draw(struct ui *ui, struct screen *sc, struct rect body)
{
	struct confirm *c = sc->data;
	struct text_layout L;
	int w = body.w - 4 > 56 ? 56 : body.w - 4;
	struct rect box;

	text_layout_init(&L);
	text_add_str(&L, c->question, TS_STRONG, TL_PLAIN, 0, w - 4);
	box.w = w;
	box.h = (int)L.n + 5;
	box.y = body.y + (body.h - box.h) / 2;
	box.x = body.x + (body.w - box.w) / 2;
	ui_box(ui, box, A_BOLD);
	ui_put_layout(ui, &L, 0, (struct rect){ box.y + 1, box.x + 2, (int)L.n, w - 4 });
	ui_put(ui, box.y + box.h - 2, box.x + 2, "y  yes      n  no", w - 4, A_NORMAL);
	text_layout_release(&L);
}

static enum ui_next key(struct ui *ui, struct screen *sc, enum action a,
			int arg, int k)
{
	struct confirm *c = sc->data;
	void (*yes)(struct ui *, void *) = c->yes;
	void *yarg = c->arg;

	(void)arg;
	(void)k;
	if (a == ACT_YES) {
		ui_pop(ui);
		yes(ui, yarg);
		return UN_STAY;
	}
	return a == ACT_NO || a == ACT_BACK ? UN_POP : UN_STAY;
}

static void leave(struct ui *ui, struct screen *sc)
{
	(void)ui;
	free(sc->data);
}

static const struct screen_ops confirm_ops = {
	.name = "confirm",
	.keys = KS_CONFIRM,
	.draw = draw,
	.key = key,
	.leave = leave,
	.overlay = true,
};

void ui_confirm_push(struct ui *ui, const char *question,
		     void (*yes)(struct ui *ui, void *arg), void *arg)
{
	struct confirm *c = calloc(1, sizeof(*c));

	if (!c)
		return;
	strncpy(c->question, question, sizeof(c->question) - 1);
	c->yes = yes;
	c->arg = arg;
	ui_push(ui, &confirm_ops, c);
}
