/* ui.h - shared parts of the full-screen front end (ui*.c only).
 *
 * A screen is a small table of functions (struct screen_ops); screens sit
 * on a stack, the top one gets the keys.  Every frame is laid out for the
 * current size and painted from scratch onto stdscr (no sub-windows, so no
 * window is ever created with a size of 0 or less).  Screens translate
 * actions from the key table into session calls; they never score.
 */
#ifndef CK_UI_H
#define CK_UI_H

#include <curses.h>
#include <stdbool.h>

#include "keys.h"
#include "kiosk.h"
#include "session.h"
#include "text.h"

#define UI_MIN_COLS 60
#define UI_MIN_ROWS 18
#define UI_READ_WIDTH 76         /* lines longer than this are hard to read */

struct ui;
struct screen;

/* What a screen's key function asks for. */
enum ui_next { UN_STAY, UN_POP, UN_HOME, UN_QUIT };

struct rect {
	int y, x, h, w;
};

struct screen_ops {
	const char *name;
	enum key_screen keys;
	/* optional: the key table screen now (questions differ by type) */
	enum key_screen (*keys_now)(struct ui *ui, struct screen *sc);
	/* optional: KC_* conditions that hold now */
	unsigned (*cond)(struct ui *ui, struct screen *sc);
	void (*draw)(struct ui *ui, struct screen *sc, struct rect body);
	enum ui_next (*key)(struct ui *ui, struct screen *sc, enum action a,
			    int arg, int key);
	/* optional: the screen is on top again after the one above left */
	void (*resume)(struct ui *ui, struct screen *sc);
	/* optional: frees sc->data */
	void (*leave)(struct ui *ui, struct screen *sc);
	bool overlay;            /* drawn over the screen below it */
};

struct screen {
	const struct screen_ops *ops;
	void *data;
	struct screen *below;
};

enum ui_role {
	R_NORMAL, R_HEADER, R_BAR, R_BARKEY, R_SELECT, R_RIGHT, R_WRONG,
	R_NOTE_KEY, R_NOTE_HISTORY, R_NOTE_WARNING, R_CITE, R_DIM, R_TITLE,
	R_FIELD, R_PROGRESS, R_COUNT
};

enum ui_status_kind { ST_INFO, ST_OK, ST_ERROR };

struct ui {
	struct session *s;
	const struct kiosk_options *o;
	bool utf8, color, italic;
	int rows, cols;
	struct screen *top;
	char status[320];
	enum ui_status_kind status_kind;
	bool quit;
	int cursor_y, cursor_x;  /* where a screen wants the cursor; -1 none */
	bool focus_auto;         /* while painting screens: the first
				  * highlighted (A_REVERSE) text takes the
				  * cursor when the screen set none */
	int idle_warn;           /* seconds before an idle sign-out; -1 none */
	bool line_mode;          /* F2: leave for the line mode, signed in */
	const char *kiosk_name;
	bool reload;             /* preview: F5 found the files fine */
};

/* ---- the screen stack (ui.c) -------------------------------------------- */

void ui_push(struct ui *ui, const struct screen_ops *ops, void *data);
void ui_pop(struct ui *ui);
/* Back to the welcome screen, signing out (progress is always saved). */
void ui_home(struct ui *ui);
void ui_status(struct ui *ui, enum ui_status_kind k, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* ---- painting (ui.c) ---------------------------------------------------- */

attr_t ui_attr(struct ui *ui, enum ui_role r);
/* Puts s at (y, x), clipped to `maxw` columns and to the screen, never
 * splitting a character.  Returns the columns used. */
int ui_put(struct ui *ui, int y, int x, const char *s, int maxw, attr_t a);
/* The same, ending in "…" when s is wider than maxw. */
int ui_put_trunc(struct ui *ui, int y, int x, const char *s, int maxw,
		 attr_t a);
/* Blanks w columns at (y, x) in attribute a. */
void ui_fill(struct ui *ui, int y, int x, int w, attr_t a);
/* Paints a laid-out line with its styles at (y, x + its indent). */
void ui_put_line(struct ui *ui, int y, int x, const struct text_line *ln,
		 int maxw, attr_t base);
/* Paints lines [top, top + r.h) of L into r; returns lines shown. */
int ui_put_layout(struct ui *ui, const struct text_layout *L, int top,
		  struct rect r);
/* A box (frame) and a cleared inside, for overlays. */
void ui_box(struct ui *ui, struct rect r, attr_t a);
/* The symbol for a meaning, in UTF-8 or ASCII. */
enum ui_sym { SY_RIGHT, SY_WRONG, SY_PARTLY, SY_BULLET, SY_ARROW, SY_SELECT,
	      SY_BAR, SY_MORE_DOWN, SY_MORE_UP, SY_FULL, SY_EMPTY, SY_LOCK };
const char *ui_sym(struct ui *ui, enum ui_sym s);
/* "✓ right" / "✗ wrong" / "~ partly right" (or ASCII). */
const char *ui_mark_word(struct ui *ui, bool correct, bool partly);

/* A scrolled text: keeps top within range and moves it by an action.
 * Returns true when the action was a scroll. */
bool ui_scroll(int *top, int nlines, int height, enum action a);

/* ---- screens (one per file) ------------------------------------------ */

void ui_welcome_push(struct ui *ui);
void ui_register_push(struct ui *ui);
void ui_signin_push(struct ui *ui);
void ui_modules_push(struct ui *ui);
/* Opens a module (content note first when it has one). */
void ui_open_module(struct ui *ui, const struct course *c,
		    const struct module *m, bool show_note);
void ui_note_push(struct ui *ui, const struct course *c,
		  const struct module *m);
/* The content note again, on request: Enter or Esc closes it. */
void ui_note_show(struct ui *ui, const struct course *c,
		  const struct module *m);
void ui_reader_push(struct ui *ui, const struct course *c,
		    const struct module *m, int page);
/* The reader at the module's contents (a module reopened when complete). */
void ui_reader_push_contents(struct ui *ui, const struct course *c,
			     const struct module *m);
/* The signed-in trainee's own record (ui_record.c). */
void ui_record_push(struct ui *ui);
void ui_sources_push(struct ui *ui, const struct module *m,
		     const struct page *cited_on);
/* The glossary entries of a page (ui_terms.c). */
void ui_terms_push(struct ui *ui, const struct course *c,
		   const struct page *pg);
/* coursekiosk preview (ui_terms.c): the first screen, and F5. */
void ui_preview_start(struct ui *ui);
void ui_preview_reload(struct ui *ui);
void ui_qintro_push(struct ui *ui, const struct course *c,
		    const struct module *m);
void ui_question_push(struct ui *ui);
/* pos: where the question stands in the attempt (its number is shown). */
void ui_feedback_push(struct ui *ui, const struct question *q,
		      const struct quiz_position *pos,
		      const struct quiz_answer *a,
		      const struct quiz_feedback *fb, bool pending,
		      const char *error);
void ui_results_push(struct ui *ui, const struct quiz_outcome *out);
void ui_help_push(struct ui *ui, enum key_screen ks, unsigned cond);
/* A yes/no question; `yes` runs after the question is gone. */
void ui_confirm_push(struct ui *ui, const char *question,
		     void (*yes)(struct ui *ui, void *arg), void *arg);
void ui_message_push(struct ui *ui, const char *title, const char *text);
/* The message box alone, for screens with messages of their own. */
void ui_message_draw(struct ui *ui, const char *title, const char *text,
		     struct rect body);
/* Leaving a --kiosk kiosk: asks for the coordinator passphrase. */
void ui_pass_push(struct ui *ui);
/* Coordinator mode (ui_coord.c): the place for coordinator screens. */
void ui_coordinator(struct ui *ui);

/* ---- type-ahead on quiz screens (ui_typeahead.c) ----------------------- */

/* An Enter this soon after a quiz screen appeared is the rest of the
 * burst of input that opened it, not the trainee's. */
#define UI_BURST_MS 15
long ui_now_ms(void);
/* Throws away every key waiting in the terminal's input; returns now. */
long ui_typeahead_flush(void);
/* true when an Enter now falls within UI_BURST_MS of shown_ms. */
bool ui_enter_in_burst(long shown_ms);

/* ---- quiz answers as text (ui_answer.c); caller frees ----------------- */

char *ui_answer_text(struct ui *ui, const struct question *q,
		     const struct quiz_answer *a);
char *ui_right_answer_text(struct ui *ui, const struct question *q);
/* The verdict with its symbol: "✓ right", "~ partly right: 2 of 3
 * correct choices (0.7 of 1 point)" (quiz_mark_words); a or m NULL: not
 * answered. */
char *ui_verdict_text(struct ui *ui, const struct question *q,
		      const struct quiz_answer *a, const struct quiz_mark *m);
/* Adds an answer text to L, each of its lines ('\n') a line of its own:
 * after `label` on the same line when it is one line, else under the
 * label, indented two more. */
void ui_add_answer(struct text_layout *L, const char *label, const char *s,
		   unsigned style, int indent, int width);

#endif
