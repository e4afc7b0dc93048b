/* ui_form.c - labelled fields with a small UTF-8 editor each, and a button:
 * the engine behind registration, sign-in and the passphrase prompt. */
#include "ui_form.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LABEL_W 16

struct field *form_add(struct form *fm, enum field_kind kind,
		       const char *label, const char *help, size_t max)
{
	struct field *f;

	if (fm->n >= sizeof(fm->f) / sizeof(fm->f[0]))
		return NULL;
	f = &fm->f[fm->n++];
	memset(f, 0, sizeof(*f));
	f->kind = kind;
	f->label = label;
	f->help = help;
	text_edit_init(&f->ed, max);
	return f;
}

static void draw_field(struct ui *ui, struct form *fm, size_t i, int y,
		       struct rect body)
{
	struct field *f = &fm->f[i];
	bool focus = fm->cur == i;
	int bx = body.x + LABEL_W + 2, bw = body.w - LABEL_W - 2;
	attr_t box = focus ? A_REVERSE : ui_attr(ui, R_FIELD);

	if (bw > 40)
		bw = 40;
	if (focus)
		ui_put(ui, y, body.x, ui_sym(ui, SY_SELECT), 2, A_BOLD);
	ui_put(ui, y, body.x + 2, f->label, LABEL_W - 1,
	       focus ? A_BOLD : A_NORMAL);
	if (f->kind == F_CHOICE) {
		char buf[160];

		snprintf(buf, sizeof(buf), "%s %s %s", ui->utf8 ? "◂" : "<",
			 f->choices[f->choice], ui->utf8 ? "▸" : ">");
		ui_put(ui, y, bx, buf, bw, focus ? A_REVERSE : A_NORMAL);
		return;
	}
	ui_fill(ui, y, bx, bw, box);
	if (f->kind == F_TEXT) {
		f->view = text_edit_view(&f->ed, bw, f->view);
		ui_put(ui, y, bx, f->ed.buf + f->view, bw, box);
		if (focus) {
			ui->cursor_y = y;
			ui->cursor_x = bx + text_width(f->ed.buf + f->view,
						       f->ed.cur - f->view);
		}
	} else {
		/* secrets: one * per character, never the text */
		int n = text_width(f->ed.buf, f->ed.len), cur;

		if (n > bw - 1)
			n = bw - 1;
		for (int k = 0; k < n; k++)
			ui_put(ui, y, bx + k, "*", 1, box);
		cur = text_width(f->ed.buf, f->ed.cur);
		if (focus) {
			ui->cursor_y = y;
			ui->cursor_x = bx + (cur < bw - 1 ? cur : bw - 1);
		}
	}
}

void form_draw(struct ui *ui, struct form *fm, struct rect body)
{
	struct text_layout L;
	int y = body.y, need = (int)fm->n + 6;
	char button[120];

	ui_put_trunc(ui, y++, body.x, fm->title, body.w, ui_attr(ui, R_TITLE));
	text_layout_init(&L);
	if (fm->intro && body.h >= need + 2 &&
	    text_add_str(&L, fm->intro, 0, TL_PARA, 0,
			 body.w < UI_READ_WIDTH ? body.w : UI_READ_WIDTH) == 0) {
		int room = body.h - need - 1;

		for (size_t i = 0; i < L.n && (int)i < room; i++)
			ui_put_line(ui, y++, body.x, &L.v[i], body.w, A_NORMAL);
	}
	text_layout_release(&L);
	y++;
	for (size_t i = 0; i < fm->n; i++)
		draw_field(ui, fm, i, y++, body);
	y++;
	snprintf(button, sizeof(button), "[ %s ]", fm->submit);
	if (fm->cur == fm->n)
		ui_put(ui, y, body.x, ui_sym(ui, SY_SELECT), 2, A_BOLD);
	ui_put(ui, y++, body.x + LABEL_W + 2, button, body.w - LABEL_W - 2,
	       fm->cur == fm->n ? A_REVERSE | A_BOLD : A_BOLD);
	y++;
	if (fm->error[0]) {
		int x = body.x;

		x += ui_put(ui, y, x, ui_sym(ui, SY_WRONG), 2, ui_attr(ui, R_WRONG));
		ui_put(ui, y, x + 1, fm->error, body.w - 2, ui_attr(ui, R_WRONG));
	} else if (fm->cur < fm->n && fm->f[fm->cur].help) {
		ui_put(ui, y, body.x, fm->f[fm->cur].help, body.w, A_DIM);
	}
}

static void cycle(struct field *f, int by)
{
	if (f->nchoices)
		f->choice = by < 0 ? (f->choice + f->nchoices - 1) % f->nchoices
				   : (f->choice + 1) % f->nchoices;
}

enum ui_next form_key(struct ui *ui, struct form *fm, enum action a, int key)
{
	struct field *f = fm->cur < fm->n ? &fm->f[fm->cur] : NULL;

	(void)ui;
	switch (a) {
	case ACT_NEXT_FIELD:
		fm->cur = (fm->cur + 1) % (fm->n + 1);
		return UN_STAY;
	case ACT_PREV_FIELD:
		fm->cur = (fm->cur + fm->n) % (fm->n + 1);
		return UN_STAY;
	case ACT_CHOOSE:
		if (fm->cur + 1 < fm->n) {
			fm->cur++;
			return UN_STAY;
		}
		fm->error[0] = '\0';
		return fm->send(ui, fm);
	case ACT_BACK:
		return UN_POP;
	case ACT_LEFT:
	case ACT_RIGHT:
		if (f && f->kind == F_CHOICE)
			cycle(f, a == ACT_LEFT ? -1 : 1);
		else if (f && a == ACT_LEFT)
			text_edit_left(&f->ed);
		else if (f)
			text_edit_right(&f->ed);
		return UN_STAY;
	case ACT_HOME:
		if (f)
			text_edit_home(&f->ed);
		return UN_STAY;
	case ACT_END:
		if (f)
			text_edit_end(&f->ed);
		return UN_STAY;
	default:
		break;
	}
	if (a != ACT_NONE || !f)
		return UN_STAY;
	if (f->kind == F_CHOICE) {
		if (key == ' ')
			cycle(f, 1);
		return UN_STAY;
	}
	if (key == K_BACKSPACE) {
		text_edit_backspace(&f->ed);
	} else if (key == K_DELETE) {
		text_edit_delete(&f->ed);
	} else if (key >= ' ' && key < K_BASE) {
		fm->error[0] = '\0';
		if (f->kind == F_PIN && (key < '0' || key > '9'))
			snprintf(fm->error, sizeof(fm->error),
				 "The PIN is digits only (0 to 9).");
		else if (text_edit_insert(&f->ed, (unsigned)key) < 0 &&
			 f->ed.len + 4 > f->ed.max)
			snprintf(fm->error, sizeof(fm->error),
				 "That is as long as this field can be.");
	}
	return UN_STAY;
}

void form_wipe(struct form *fm)
{
	for (size_t i = 0; i < fm->n; i++) {
		volatile char *p = fm->f[i].ed.buf;

		for (size_t k = 0; k < sizeof(fm->f[i].ed.buf); k++)
			p[k] = 0;
	}
}

void form_screen_draw(struct ui *ui, struct screen *sc, struct rect body)
{
	form_draw(ui, sc->data, body);
}

enum ui_next form_screen_key(struct ui *ui, struct screen *sc, enum action a,
			     int arg, int k)
{
	(void)arg;
	return form_key(ui, sc->data, a, k);
}

void form_screen_leave(struct ui *ui, struct screen *sc)
{
	(void)ui;
	form_wipe(sc->data);
	free(sc->data);
}

void form_passphrase_refused(struct form *fm, const struct err *e, int wait_s)
{
	if (e->code == ERR_WAIT)
		snprintf(fm->error, sizeof(fm->error),
			 "Too many tries. Please wait %d seconds.", wait_s);
	else if (e->code == ERR_DENIED)
		snprintf(fm->error, sizeof(fm->error),
			 "That passphrase is not right.");
	else
		snprintf(fm->error, sizeof(fm->error), "%s", e->msg);
	text_edit_clear(&fm->f[0].ed);
	fm->cur = 0;
}
