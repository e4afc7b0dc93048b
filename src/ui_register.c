/* ui_register.c - a new trainee: name, role, organisation, country and a
 * PIN typed twice (never shown).  The session checks and creates. */
#include "ui_form.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { F_NAME, F_ROLE, F_ORG, F_COUNTRY, F_PIN1, F_PIN2 };

static bool pin_ok(const char *p)
{
	size_t n = strlen(p);

	if (n < 4)
		return false;
	for (size_t i = 0; i < n; i++)
		if (p[i] < '0' || p[i] > '9')
			return false;
	return true;
}

static enum ui_next send(struct ui *ui, struct form *fm)
{
	struct err e = { 0 };
	const char *pin = fm->f[F_PIN1].ed.buf;

	if (!fm->f[F_NAME].ed.len) {
		snprintf(fm->error, sizeof(fm->error), "Please type your full name.");
		fm->cur = F_NAME;
		return UN_STAY;
	}
	if (!pin_ok(pin)) {
		snprintf(fm->error, sizeof(fm->error),
			 "Choose a PIN of at least 4 digits.");
		fm->cur = F_PIN1;
		return UN_STAY;
	}
	if (strcmp(pin, fm->f[F_PIN2].ed.buf) != 0) {
		snprintf(fm->error, sizeof(fm->error),
			 "The two PINs are not the same. Please type them again.");
		text_edit_clear(&fm->f[F_PIN1].ed);
		text_edit_clear(&fm->f[F_PIN2].ed);
		fm->cur = F_PIN1;
		return UN_STAY;
	}
	if (session_register(ui->s, fm->f[F_NAME].ed.buf,
			     session_role_ids[fm->f[F_ROLE].choice],
			     fm->f[F_ORG].ed.buf, fm->f[F_COUNTRY].ed.buf, pin,
			     &e) < 0) {
		snprintf(fm->error, sizeof(fm->error), "%s",
			 e.msg[0] ? e.msg : "Could not create your account.");
		return UN_STAY;
	}
	/* signed in: the module list replaces this form */
	ui_pop(ui);
	ui_modules_push(ui);
	ui_status(ui, ST_OK, "Welcome, %s. Your account is saved.",
		  session_learner(ui->s) ? session_learner(ui->s)->name : "");
	return UN_STAY;
}

static const struct screen_ops register_ops = {
	.name = "register",
	.keys = KS_FORM,
	.draw = form_screen_draw,
	.key = form_screen_key,
	.leave = form_screen_leave,
};

void ui_register_push(struct ui *ui)
{
	struct form *fm = calloc(1, sizeof(*fm));
	struct field *f;

	if (!fm)
		return;
	fm->title = "New trainee";
	fm->intro = "Your name appears on your certificate. Only you and the "
		    "course coordinators see your progress.";
	fm->submit = "Create my account";
	fm->send = send;
	form_add(fm, F_TEXT, "Full name", "As it should appear on your certificate.", 120);
	f = form_add(fm, F_CHOICE, "Role", "Change with the arrow keys or Space.", 0);
	f->choices = session_role_labels;
	f->nchoices = session_nroles;
	form_add(fm, F_TEXT, "Organisation", "Optional.", 120);
	form_add(fm, F_TEXT, "Country", "Optional.", 60);
	form_add(fm, F_PIN, "PIN", "At least 4 digits. You need it to sign in again.", 12);
	form_add(fm, F_PIN, "PIN again", "The same PIN once more.", 12);
	ui_push(ui, &register_ops, fm);
}
