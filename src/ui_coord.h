/* ui_coord.h - coordinator mode of the full-screen kiosk (ui_coord*.c):
 * what its screens share.
 *
 * Reached with `c` on the welcome screen and the coordinator passphrase
 * (set there on first use).  Every coordinator screen checks the shared
 * idle clock when it is drawn (twice a second): after COORD_IDLE_S without
 * a key (a shorter --idle-timeout; test hooks CK_TEST_COORD_IDLE_SECONDS
 * and CK_TEST_IDLE_SECONDS, in seconds) it shows
 * nothing but a "closed" notice, and the next key returns to the welcome
 * screen.  Screens never pop the stack while it is being drawn.
 */
#ifndef CK_UI_COORD_H
#define CK_UI_COORD_H

#include "ui.h"

#define COORD_IDLE_S 300

struct coord {
	long last_key_ms;
	int idle_s;
	bool closed;             /* timed out: nothing is shown any more */
};

/* True when coordinator mode timed out (checks the clock). */
bool coord_is_closed(struct coord *co);
/* A screen's key table screen: its own, or KS_COORD_CLOSED once timed out
 * (the bar then says how to leave). */
enum key_screen coord_keys(struct coord *co, enum key_screen own);
/* Call at the start of a coordinator screen's draw: true when coordinator
 * mode timed out (the notice is drawn; draw nothing else). */
bool coord_draw_closed(struct ui *ui, struct coord *co, struct rect body);
/* Call at the start of its key function: false when timed out (the key
 * then returns UN_HOME); otherwise the clock restarts. */
bool coord_key_alive(struct coord *co);

/* The screens. */
void coord_menu_push(struct ui *ui, struct coord *co);   /* takes co */
void coord_find_push(struct ui *ui, struct coord *co);
void coord_trainee_push(struct ui *ui, struct coord *co, const char *id);
void coord_stats_push(struct ui *ui, struct coord *co, const struct course *c);
/* A message box that hides when coordinator mode times out. */
void coord_message_push(struct ui *ui, struct coord *co, const char *title,
			const char *text);

/* Between the parts of a line: " · ", or "; " without UTF-8. */
const char *coord_sep(const struct ui *ui);

/* "2026-11-28T20:56:28Z" -> "2026-11-28 20:56" (buf of 17). */
const char *coord_time(const char *iso, char buf[17]);

#endif
