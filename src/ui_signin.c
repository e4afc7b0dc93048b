/* ui_signin.c - a returning trainee: name and PIN.  Wrong PINs slow down
 * (the store's persistent back-off); the message never says whether the
 * name exists. */
#include "ui_form.h"

#include <stdio.h>
#include <stdlib.h>

static enum ui_next send(struct ui *ui, struct form *fm)
{
	struct err e = { 0 };
	int wait_s = 0;

	if (!fm->f[0].ed.len) {
		snprintf(fm->error, sizeof(fm->error), "Please type your full name.");
		fm->cur = 0;
		return UN_STAY;
	}
	if (session_signin(ui->s, fm->f[0].ed.buf, fm->f[1].ed.buf, &wait_s,
			   &e) < 0) {
		if (e.code == ERR_WAIT)
			snprintf(fm->error, sizeof(fm->error),
				 "Too many tries. Please wait %d second%s, then try again.",
				 wait_s, wait_s == 1 ? "" : "s");
		else if (e.code == ERR_DENIED)
			snprintf(fm->error, sizeof(fm->error),
				 "That name and PIN do not match. Please try again.");
		else
			snprintf(fm->error, sizeof(fm->error), "%s", e.msg);
		text_edit_clear(&fm->f[1].ed);
		fm->cur = 1;
		return UN_STAY;
	}
	ui_pop(ui);
	ui_modules_push(ui);
	ui_status(ui, ST_OK, "Welcome back, %s.",
		  session_learner(ui->s) ? session_learner(ui->s)->name : "");
	return UN_STAY;
}

static const struct screen_ops signin_ops = {
	.name = "signin",
	.keys = KS_FORM,
	.draw = form_screen_draw,
	.key = form_screen_key,
	.leave = form_screen_leave,
};

void ui_signin_push(struct ui *ui)
{
	struct form *fm = calloc(1, sizeof(*fm));

	if (!fm)
		return;
	fm->title = "Sign in";
	fm->intro = "Type your full name as you registered it, and your PIN.";
	fm->submit = "Sign in";
	fm->send = send;
	form_add(fm, F_TEXT, "Full name", NULL, 120);
	form_add(fm, F_PIN, "PIN", "The digits you chose when you registered.", 12);
	ui_push(ui, &signin_ops, fm);
}
