/* keys.h - every key binding of the full-screen kiosk, in one table.
 *
 * Pure (no curses): the UI translates curses keys into the key codes below,
 * asks keys_lookup() for the action, and builds the bottom bar and the help
 * overlay from the same table, so what the bar says is what the keys do.
 */
#ifndef CK_KEYS_H
#define CK_KEYS_H

#include <stdbool.h>
#include <stddef.h>

/* Key codes: a printable character is its Unicode code point; control
 * characters are their ASCII codes (KEY_CTRL('l') == 12); the rest follow. */
#define KEY_CTRL(c) ((c) & 0x1f)
enum key_code {
	K_NONE = 0,
	K_TAB = 9,
	K_ENTER = 13,
	K_ESC = 27,
	K_BASE = 0x110000,       /* beyond Unicode */
	K_UP = K_BASE, K_DOWN, K_LEFT, K_RIGHT,
	K_PGUP, K_PGDN, K_HOME, K_END,
	K_BTAB,                  /* shift-tab */
	K_BACKSPACE, K_DELETE,
	K_F1, K_F2, K_F12,
	K_RESIZE,
	K_DIGITS,                /* in the table only: 1 to 9, arg = digit */
	K_F5,                    /* preview: reload the course files */
};

/* What a screen sees.  Screens ignore actions that do not apply. */
enum action {
	ACT_NONE,
	ACT_UP, ACT_DOWN, ACT_LEFT, ACT_RIGHT, ACT_PGUP, ACT_PGDN, ACT_HOME, ACT_END,
	ACT_CHOOSE,                /* Enter: open, choose, submit, continue */
	ACT_TOGGLE,                /* Space: toggle / pick up / cycle */
	ACT_PICK,                  /* a digit: arg = 1..9 */
	ACT_BACK,                  /* Esc or q */
	ACT_HELP,
	ACT_NEXT_FIELD, ACT_PREV_FIELD,
	ACT_NEW_TRAINEE, ACT_SIGN_IN, ACT_COORD, ACT_QUIT,
	ACT_SIGN_OUT,
	ACT_NEXT_PAGE, ACT_PREV_PAGE, ACT_SOURCES, ACT_QUIZ, ACT_REREAD,
	ACT_HINT, ACT_RETRY, ACT_TRUE, ACT_FALSE,
	ACT_YES, ACT_NO,
	ACT_HIDE,                  /* F12: blank to the welcome screen, sign out */
	ACT_HIDE_HALF,             /* Ctrl-L: redraw; twice quickly = ACT_HIDE */
	ACT_CERT,                  /* coordinator: write a certificate */
	ACT_TERMS,                 /* reader: the glossary terms of the page */
	ACT_CONTENTS,              /* reader: the module's list of pages */
	ACT_NOTE,                  /* reader: the module's content note again */
	ACT_LINE_MODE,             /* F2: the line mode for the rest of the session */
	ACT_RECORD,                /* module list: the trainee's own record */
};

/* Screens, for the table (one bit each). */
enum key_screen {
	KS_WELCOME, KS_FORM, KS_MODULES, KS_NOTE, KS_READER, KS_SOURCES,
	KS_QINTRO, KS_SINGLE, KS_MULTI, KS_TF, KS_TEXT, KS_ORDER, KS_MATCH,
	KS_FEEDBACK, KS_RESULTS, KS_HELP, KS_CONFIRM, KS_PASS, KS_MESSAGE,
	KS_SMALL,
	KS_PASS_NEW,             /* the coordinator passphrase, set twice */
	/* coordinator mode (ui_coord*.c) */
	KS_COORD_MENU,           /* find a trainee, statistics, leave */
	KS_COORD_LIST,           /* the trainees a search found */
	KS_COORD_TRAINEE,        /* one trainee's record */
	KS_COORD_STATS,          /* a course's statistics */
	KS_COORD_FORM,           /* find, certificate file (typed text) */
	KS_COORD_MESSAGE,        /* a certificate was written */
	KS_COORD_CLOSED,         /* timed out: any key leaves */
	KS_CONTENTS,             /* reader: the module's pages */
	KS_RECORD,               /* the trainee's own record and attempts */
	KS_COUNT
};

/* Conditions a binding may need; screens say which hold right now. */
enum {
	KC_HINT = 1,             /* the question has a hint */
	KC_RETRY = 2,            /* an answer waits to be saved */
	KC_NEXT = 4,             /* a next page exists */
	KC_PREV = 8,             /* a previous page exists */
	KC_QUIZ = 16,            /* the quiz can be taken from here */
	KC_QUIT = 32,            /* quitting is allowed (not --kiosk) */
	KC_LOCKED = 64,          /* --kiosk: leaving needs the passphrase */
	KC_SCROLL = 128,         /* the text is longer than the screen */
	KC_GRAB = 256,           /* order: an item is picked up */
	KC_CERT = 512,           /* coordinator: a certificate can be written */
	KC_SAVED = 1024,         /* feedback: the answer is saved, may go on */
	KC_BELOW = 2048,         /* reader: unread text below (n scrolls) */
	KC_NOTE = 4096,          /* reader: the module has a content note */
};
#define KC_ALL 8191u             /* every condition bit above */

struct key_binding {
	unsigned screens;        /* bit (1u << KS_x) per screen */
	enum action action;
	int keys[4];             /* 0-terminated */
	const char *name;        /* as shown in a UTF-8 locale: "↑↓" */
	const char *ascii;       /* ASCII fallback: "Up/Dn" */
	const char *bar;         /* short label for the bar; NULL: help only */
	const char *help;        /* one line for the help overlay */
	unsigned cond;           /* KC_* bits that must all hold */
};

/* Screens where printable keys are typed text (the table then binds only
 * non-printable keys there). */
bool keys_text_screen(enum key_screen s);

/* Screens of coordinator mode. */
bool keys_coord_screen(enum key_screen s);

/* The action of `key` on screen s under conditions `cond`; *arg gets the
 * digit for ACT_PICK.  ACT_NONE when unbound (on text screens: type it). */
enum action keys_lookup(enum key_screen s, unsigned cond, int key, int *arg);

/* The bindings that apply on screen s under `cond`, in table order, with
 * the screen's own first.  Returns how many were written (at most max). */
size_t keys_for(enum key_screen s, unsigned cond,
		const struct key_binding **out, size_t max);

/* The items of the bottom bar that fit in `cols` columns (each shown as
 * "NAME label", two spaces apart): the screen's own first, then the global
 * ones, a global one left out when the screen binds the same action. */
size_t keys_bar_items(enum key_screen s, unsigned cond, bool utf8, int cols,
		      const struct key_binding **out, size_t max);

/* The bottom bar as text ("↑↓ move  Enter open  ? help"), only whole items
 * that fit in `cols` columns; the screen's items first, then the global
 * ones.  Returns the columns used. */
int keys_bar(enum key_screen s, unsigned cond, bool utf8, int cols,
	     char *buf, size_t size);

/* Ctrl-L twice within KEYS_DOUBLE_MS hides the screen.  Feed each Ctrl-L's
 * time in milliseconds; true on the second press of a quick pair. */
#define KEYS_DOUBLE_MS 1000
bool keys_double_press(long *last_ms, long now_ms);

/* The first binding of `action` on screen s under `cond` (the one the bar
 * and help show), or NULL: for screen text that names a key. */
const struct key_binding *keys_find(enum key_screen s, unsigned cond,
				    enum action a);

/* The closing note of the help overlay on screen s (what hiding does
 * there and what is kept). */
const char *keys_help_note(enum key_screen s);

/* The name of a binding's keys in the current locale. */
const char *keys_name(const struct key_binding *b, bool utf8);

#endif
