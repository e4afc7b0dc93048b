/* ui_welcome.c - the first screen: the kiosk, its courses, "New trainee"
 * and "Sign in".  Nothing here lists or hints at other trainees. */
#include "ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct welcome {
	int sel;                 /* 0 new trainee, 1 sign in */
};

static const char *const choices[] = { "New trainee", "Sign in" };

static void draw(struct ui *ui, struct screen *sc, struct rect body)
{
	struct welcome *w = sc->data;
	const struct catalog *cat = session_catalog(ui->s);
	int y = body.y, width = body.w < UI_READ_WIDTH ? body.w : UI_READ_WIDTH;
	int bottom = body.y + body.h - 4;   /* room kept for the two choices */
	char line[300];

	ui_put(ui, y++, body.x, "Welcome", width, ui_attr(ui, R_TITLE));
	ui_put(ui, y++, body.x,
	       "Learn at your own pace. Your answers are saved as you go.",
	       width, A_NORMAL);
	y++;
	if (!cat || cat->ncourses == 0) {
		ui_put(ui, y++, body.x,
		       "No courses are installed on this kiosk yet.", width,
		       A_NORMAL);
	} else {
		ui_put(ui, y++, body.x, cat->ncourses == 1 ?
		       "The course on this kiosk:" : "Courses on this kiosk:",
		       width, A_BOLD);
		for (size_t i = 0; i < cat->ncourses && y < bottom; i++) {
			const struct course *c = cat->courses[i];
			struct text_layout L;
			int minutes = 0;

			for (size_t m = 0; m < c->nmodules; m++)
				minutes += c->modules[m].minutes;
			snprintf(line, sizeof(line), "(%zu module%s, about %d min)",
				 c->nmodules, c->nmodules == 1 ? "" : "s", minutes);
			/* the title wraps, with its size after it; the summary
			 * gets two lines at most */
			text_layout_init(&L);
			text_add_str(&L, c->title, TS_STRONG, TL_ITEM, 4, width);
			text_add_str(&L, line, 0, TL_PLAIN, 4, width);
			for (size_t k = 0; k < L.n && y < bottom; k++)
				ui_put_line(ui, y++, body.x, &L.v[k], width,
					    L.v[k].kind == TL_PLAIN ? A_DIM : A_NORMAL);
			text_layout_release(&L);
			if (c->summary) {
				text_layout_init(&L);
				text_add_str(&L, c->summary, 0, TL_PLAIN, 4, width);
				for (size_t k = 0; k < L.n && k < 2 && y < bottom; k++) {
					if (k == 1 && L.n > 2)
						ui_put_trunc(ui, y++, body.x + 4, L.v[k].text,
							     L.v[k].width - 1, A_NORMAL);
					else
						ui_put_line(ui, y++, body.x, &L.v[k], width,
							    A_NORMAL);
				}
				text_layout_release(&L);
			}
			y++;
		}
	}
	y += 1;
	if (y > body.y + body.h - 2)
		y = body.y + body.h - 2;
	for (int i = 0; i < 2; i++) {
		snprintf(line, sizeof(line), "  %s  ", choices[i]);
		if (w->sel == i)
			ui_put(ui, y + i, body.x, ui_sym(ui, SY_SELECT), 2, A_BOLD);
		ui_put(ui, y + i, body.x + 2, line, width,
		       w->sel == i ? A_REVERSE | A_BOLD : A_BOLD);
		ui_put(ui, y + i, body.x + 20,
		       i == 0 ? "first time here: make your account"
			      : "continue where you stopped",
		       width - 20, A_DIM);
	}
}

static void quit_yes(struct ui *ui, void *arg)
{
	(void)arg;
	ui->quit = true;
}

static enum ui_next key(struct ui *ui, struct screen *sc, enum action a,
			int arg, int k)
{
	struct welcome *w = sc->data;

	(void)arg;
	(void)k;
	switch (a) {
	case ACT_UP:
	case ACT_DOWN:
		w->sel = !w->sel;
		break;
	case ACT_CHOOSE:
		if (w->sel == 0)
			ui_register_push(ui);
		else
			ui_signin_push(ui);
		break;
	case ACT_NEW_TRAINEE:
		ui_register_push(ui);
		break;
	case ACT_SIGN_IN:
		ui_signin_push(ui);
		break;
	case ACT_COORD:
		ui_coordinator(ui);
		break;
	case ACT_QUIT:
		if (ui->o->kiosk)
			ui_pass_push(ui);
		else
			ui_confirm_push(ui, "Quit coursekiosk?", quit_yes, NULL);
		break;
	default:
		break;
	}
	return UN_STAY;
}

static void leave(struct ui *ui, struct screen *sc)
{
	(void)ui;
	free(sc->data);
}

static const struct screen_ops welcome_ops = {
	.name = "welcome",
	.keys = KS_WELCOME,
	.draw = draw,
	.key = key,
	.leave = leave,
};

void ui_welcome_push(struct ui *ui)
{
	struct welcome *w = calloc(1, sizeof(*w));

	if (!w) {
		ui->quit = true;
		return;
	}
	ui_push(ui, &welcome_ops, w);
}
