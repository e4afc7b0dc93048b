/* ui_form.h - labelled input fields for the screens that ask for text:
 * registration, sign-in and the kiosk passphrase (ui_form.c). */
#ifndef CK_UI_FORM_H
#define CK_UI_FORM_H

#include "ui.h"

enum field_kind {
	F_TEXT,
	F_PIN,                   /* digits only, shown as * */
	F_SECRET,                /* any text, shown as * */
	F_CHOICE,                /* one of choices[], changed with ←→/Space */
};

struct field {
	const char *label;
	const char *help;        /* shown under the field when it has focus */
	enum field_kind kind;
	struct text_edit ed;
	size_t view;             /* first byte shown */
	const char *const *choices;
	size_t nchoices, choice;
};

struct form {
	const char *title;
	const char *intro;       /* may be NULL */
	const char *submit;      /* the button's label */
	struct field f[8];
	size_t n;
	size_t cur;              /* 0..n-1 a field, n the button */
	char error[512];
	/* called on the button (or Enter in the last field); returns what
	 * the screen should do next */
	enum ui_next (*send)(struct ui *ui, struct form *fm);
	void *arg;
};

struct field *form_add(struct form *fm, enum field_kind kind,
		       const char *label, const char *help, size_t max);
void form_draw(struct ui *ui, struct form *fm, struct rect body);
enum ui_next form_key(struct ui *ui, struct form *fm, enum action a, int key);
/* Wipes secrets from memory before the form goes. */
void form_wipe(struct form *fm);

/* After a refused passphrase in field 0: says why (wrong, or wait for the
 * back-off, or the store's error), clears the field and focuses it. */
void form_passphrase_refused(struct form *fm, const struct err *e, int wait_s);

/* screen_ops callbacks for a screen whose data is a malloc'd form: draw it,
 * pass keys to it, and on leaving wipe and free it. */
void form_screen_draw(struct ui *ui, struct screen *sc, struct rect body);
enum ui_next form_screen_key(struct ui *ui, struct screen *sc, enum action a,
			     int arg, int k);
void form_screen_leave(struct ui *ui, struct screen *sc);

#endif
