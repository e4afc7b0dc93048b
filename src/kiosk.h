/* kiosk.h - the two trainee front ends, started by cmd_kiosk (kiosk.c). */
#ifndef CK_KIOSK_H
#define CK_KIOSK_H

#include <stdbool.h>
#include <stdio.h>

#include "err.h"
#include "session.h"
#include "store.h"

struct kiosk_options {
	bool plain;              /* --plain */
	bool kiosk;              /* --kiosk: locked for unattended laptops */
	int idle_timeout;        /* --idle-timeout MINUTES; 0 = none
				  * (default 10 with --kiosk) */
	struct store *store;     /* for the coordinator passphrase */
	/* coursekiosk preview (cli_preview.c): the signed-in trainer starts at
	 * the course's modules (or opens `preview_module`); F5 in the full
	 * screen or "reload" in the line mode calls preview_reload, which
	 * returns 0 when the files on disk load (the front end then returns
	 * PREVIEW_RELOAD so the caller starts it again over them), or -1 with
	 * validate's messages in *problems (shown in place; caller frees). */
	bool preview;
	const char *preview_module;
	int (*preview_reload)(void *arg, char **problems);
	void *preview_arg;
	bool no_citations;       /* --no-citations: the line mode leaves out
				  * "(source 3)" */
};

enum { PREVIEW_RELOAD = 4 };

/* Full screen (ui*.c).  Returns 0 on a normal exit, 1 on an error, and
 * UI_UNAVAILABLE when the terminal cannot do full screen (not a tty, TERM
 * unset/unknown/dumb, no cursor addressing): the caller then says so and
 * falls back to the line mode. */
enum { UI_UNAVAILABLE = 3 };
/* ... and UI_LINE_MODE when the trainee pressed F2: the caller goes on in
 * the line mode with the same session (still signed in). */
enum { UI_LINE_MODE = 4 };
int ui_run(struct session *s, const struct kiosk_options *o);

/* Line mode (plain*.c): numbered menus and typed answers, reading `in` line
 * by line; EOF at any point exits cleanly with everything saved. */
int plain_run(struct session *s, const struct kiosk_options *o, FILE *in,
	      FILE *out);

#endif
