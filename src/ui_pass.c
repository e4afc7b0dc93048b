/* ui_pass.c - leaving a --kiosk kiosk needs the coordinator passphrase.
 * When none is set yet the kiosk refuses to close (the safer choice for an
 * unattended laptop) and says how to set one: `coursekiosk passwd`. */
#include "ui_form.h"

#include <stdio.h>
#include <stdlib.h>

static enum ui_next send(struct ui *ui, struct form *fm)
{
	struct err e = { 0 };
	int wait_s = 0;

	if (store_coord_check(ui->o->store, fm->f[0].ed.buf, &wait_s, &e) == 0)
		return UN_QUIT;
	form_passphrase_refused(fm, &e, wait_s);
	return UN_STAY;
}

static const struct screen_ops pass_ops = {
	.name = "passphrase",
	.keys = KS_PASS,
	.draw = form_screen_draw,
	.key = form_screen_key,
	.leave = form_screen_leave,
};

void ui_pass_push(struct ui *ui)
{
	struct form *fm;
	struct err e = { 0 };
	bool has = false;

	if (!ui->o->store ||
	    store_coord_has_passphrase(ui->o->store, &has, &e) < 0 || !has) {
		ui_message_push(ui, "This kiosk stays open",
				"No coordinator passphrase is set yet, so the kiosk "
				"cannot be closed from here. A coordinator sets one "
				"with the command: coursekiosk passwd");
		return;
	}
	fm = calloc(1, sizeof(*fm));
	if (!fm)
		return;
	fm->title = "Leave the kiosk";
	fm->intro = "Closing this kiosk needs the coordinator passphrase.";
	fm->submit = "Close the kiosk";
	fm->send = send;
	form_add(fm, F_SECRET, "Passphrase", NULL, 200);
	ui_push(ui, &pass_ops, fm);
}
