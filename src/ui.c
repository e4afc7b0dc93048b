/* ui.c - the full-screen front end: terminal set-up and restore, signals,
 * the main loop, the screen stack and the painting helpers every screen
 * uses.  See ui.h. */
#define _XOPEN_SOURCE 700        /* sigaction, wcwidth through text.h */
#include "ui.h"

#include <errno.h>
#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "i18n.h"

/* ---- signals ------------------------------------------------------------ */

/* SIGTERM, SIGHUP, SIGINT (and SIGQUIT outside --kiosk) only set this flag;
 * the main loop sees it within its half-second key timeout and leaves the
 * normal way, restoring the terminal with endwin(). */
static volatile sig_atomic_t got_signal;

/* For a crash: what to write to put the terminal back, fetched before the
 * crash so the handler only calls write(2), tcsetattr(3) and raise(3). */
static char crash_seq[256];
static size_t crash_len;
static int crash_fd = -1;
static struct termios crash_tio;
static bool crash_tio_ok;

static void on_quit_signal(int sig)
{
	got_signal = sig;
}

static void on_crash(int sig)
{
	if (crash_fd >= 0) {
		ssize_t r = write(crash_fd, crash_seq, crash_len);

		(void)r;
		if (crash_tio_ok)
			tcsetattr(crash_fd, TCSANOW, &crash_tio);
	}
	/* SA_RESETHAND put the default action back: die of the same cause */
	raise(sig);
}

static const int quit_signals[] = { SIGTERM, SIGHUP, SIGINT, SIGQUIT };
static const int crash_signals[] = { SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL };
static const int kiosk_ignored[] = { SIGINT, SIGQUIT, SIGTSTP };
#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

struct saved_signals {
	struct sigaction quit[NELEM(quit_signals)];
	struct sigaction crash[NELEM(crash_signals)];
	struct sigaction kiosk[NELEM(kiosk_ignored)];
};

static void set_signals(struct saved_signals *sv, bool kiosk)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on_quit_signal;
	for (size_t i = 0; i < NELEM(quit_signals); i++)
		sigaction(quit_signals[i], &sa, &sv->quit[i]);
	sa.sa_handler = on_crash;
	sa.sa_flags = SA_RESETHAND | SA_NODEFER;
	for (size_t i = 0; i < NELEM(crash_signals); i++)
		sigaction(crash_signals[i], &sa, &sv->crash[i]);
	/* --kiosk: Ctrl-C, Ctrl-\ and Ctrl-Z do nothing (raw mode makes them
	 * keys; ignoring the signals covers any that still arrive).  Set
	 * before newterm so ncurses installs no SIGTSTP handler of its own. */
	sa.sa_flags = 0;
	sa.sa_handler = SIG_IGN;
	for (size_t i = 0; kiosk && i < NELEM(kiosk_ignored); i++)
		sigaction(kiosk_ignored[i], &sa, &sv->kiosk[i]);
}

static void restore_signals(const struct saved_signals *sv, bool kiosk)
{
	for (size_t i = 0; kiosk && i < NELEM(kiosk_ignored); i++)
		sigaction(kiosk_ignored[i], &sv->kiosk[i], NULL);
	for (size_t i = 0; i < NELEM(crash_signals); i++)
		sigaction(crash_signals[i], &sv->crash[i], NULL);
	for (size_t i = 0; i < NELEM(quit_signals); i++)
		sigaction(quit_signals[i], &sv->quit[i], NULL);
}

static void crash_add(const char *cap)
{
	const char *s = tigetstr((char *)cap);
	size_t n;

	if (!s || s == (char *)-1)
		return;
	n = strlen(s);
	/* padding specs ($<5>) are harmless to the terminals we meet */
	if (crash_len + n < sizeof(crash_seq)) {
		memcpy(crash_seq + crash_len, s, n);
		crash_len += n;
	}
}

/* ---- can this terminal do full screen? ---------------------------------- */

static bool terminal_usable(void)
{
	const char *term = getenv("TERM");
	const char *cup;
	int err = 0;
	bool ok;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return false;
	if (!term || !*term || !strcmp(term, "dumb"))
		return false;
	/* setupterm only reads the terminfo entry: nothing is written */
	if (setupterm((char *)term, STDOUT_FILENO, &err) != OK || err != 1)
		return false;
	cup = tigetstr("cup");
	ok = cup && cup != (char *)-1;
	del_curterm(cur_term);
	cur_term = NULL;
	return ok;
}

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* ---- the screen stack ------------------------------------------------- */

void ui_push(struct ui *ui, const struct screen_ops *ops, void *data)
{
	struct screen *sc = calloc(1, sizeof(*sc));

	if (!sc) {
		if (ops->leave) {
			struct screen tmp = { ops, data, NULL };

			ops->leave(ui, &tmp);
		}
		ui_status(ui, ST_ERROR, "Out of memory.");
		return;
	}
	sc->ops = ops;
	sc->data = data;
	sc->below = ui->top;
	ui->top = sc;
}

void ui_pop(struct ui *ui)
{
	struct screen *sc = ui->top;

	if (!sc)
		return;
	ui->top = sc->below;
	if (sc->ops->leave)
		sc->ops->leave(ui, sc);
	free(sc);
	if (ui->top && ui->top->ops->resume)
		ui->top->ops->resume(ui, ui->top);
}

static void pop_all(struct ui *ui)
{
	while (ui->top) {
		struct screen *sc = ui->top;

		ui->top = sc->below;
		if (sc->ops->leave)
			sc->ops->leave(ui, sc);
		free(sc);
	}
}

void ui_home(struct ui *ui)
{
	if (ui->o->preview) {
		ui->quit = true;   /* preview: leaving the trainee ends it */
		return;
	}
	pop_all(ui);
	if (session_learner(ui->s))
		session_signout(ui->s);
	ui->status[0] = '\0';
	ui_welcome_push(ui);
}

void ui_status(struct ui *ui, enum ui_status_kind k, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(ui->status, sizeof(ui->status), fmt, ap);
	va_end(ap);
	ui->status_kind = k;
}

/* ---- painting ------------------------------------------------------------ */

enum { PAIR_HEADER = 1, PAIR_BARKEY, PAIR_RIGHT, PAIR_WRONG, PAIR_KEY,
       PAIR_HISTORY, PAIR_WARNING, PAIR_CITE, PAIR_TITLE, PAIR_PROGRESS };

static void init_colours(struct ui *ui)
{
	const char *nc = getenv("NO_COLOR");

	ui->color = false;
	if ((nc && *nc) || !has_colors() || start_color() != OK)
		return;
	use_default_colors();
	ui->color = true;
	init_pair(PAIR_HEADER, COLOR_WHITE, COLOR_BLUE);
	init_pair(PAIR_BARKEY, COLOR_BLUE, -1);
	init_pair(PAIR_RIGHT, COLOR_GREEN, -1);
	init_pair(PAIR_WRONG, COLOR_RED, -1);
	init_pair(PAIR_KEY, COLOR_CYAN, -1);
	init_pair(PAIR_HISTORY, COLOR_MAGENTA, -1);
	init_pair(PAIR_WARNING, COLOR_YELLOW, -1);
	init_pair(PAIR_CITE, COLOR_CYAN, -1);
	init_pair(PAIR_TITLE, COLOR_BLUE, -1);
	init_pair(PAIR_PROGRESS, COLOR_GREEN, -1);
}

attr_t ui_attr(struct ui *ui, enum ui_role r)
{
	bool c = ui->color;

	switch (r) {
	case R_NORMAL: return A_NORMAL;
	case R_HEADER: return c ? COLOR_PAIR(PAIR_HEADER) | A_BOLD : A_REVERSE;
	case R_BAR: return A_NORMAL;
	case R_BARKEY: return c ? COLOR_PAIR(PAIR_BARKEY) | A_BOLD : A_BOLD;
	case R_SELECT: return A_REVERSE;
	case R_RIGHT: return c ? COLOR_PAIR(PAIR_RIGHT) | A_BOLD : A_BOLD;
	case R_WRONG: return c ? COLOR_PAIR(PAIR_WRONG) | A_BOLD : A_BOLD;
	case R_NOTE_KEY: return c ? COLOR_PAIR(PAIR_KEY) : A_NORMAL;
	case R_NOTE_HISTORY: return c ? COLOR_PAIR(PAIR_HISTORY) : A_NORMAL;
	case R_NOTE_WARNING: return c ? COLOR_PAIR(PAIR_WARNING) : A_NORMAL;
	case R_CITE: return c ? COLOR_PAIR(PAIR_CITE) : A_NORMAL;
	case R_DIM: return A_DIM;
	case R_TITLE: return c ? COLOR_PAIR(PAIR_TITLE) | A_BOLD : A_BOLD;
	case R_FIELD: return A_UNDERLINE;
	case R_PROGRESS: return c ? COLOR_PAIR(PAIR_PROGRESS) : A_NORMAL;
	case R_COUNT: break;
	}
	return A_NORMAL;
}

int ui_put(struct ui *ui, int y, int x, const char *s, int maxw, attr_t a)
{
	size_t len, fit;
	int w;

	if (!s || y < 0 || y >= ui->rows || x < 0 || x >= ui->cols || maxw <= 0)
		return 0;
	if (maxw > ui->cols - x)
		maxw = ui->cols - x;
	len = strlen(s);
	fit = text_fit(s, len, maxw, &w);
	if (!fit)
		return 0;
	/* the highlighted choice holds the terminal cursor, unless the
	 * screen put it somewhere itself: a screen reader follows it */
	if ((a & A_REVERSE) && ui->focus_auto && ui->cursor_y < 0) {
		ui->cursor_y = y;
		ui->cursor_x = x;
	}
	attrset(a);
	mvaddnstr(y, x, s, (int)fit);
	attrset(A_NORMAL);
	return w;
}

int ui_put_trunc(struct ui *ui, int y, int x, const char *s, int maxw,
		 attr_t a)
{
	const char *dots = ui->utf8 ? "…" : "...";
	int dw = ui->utf8 ? 1 : 3, w;
	size_t len, fit;
	char *cut;

	if (!s || maxw <= dw)
		return ui_put(ui, y, x, s, maxw, a);
	len = strlen(s);
	if (text_width(s, len) <= maxw)
		return ui_put(ui, y, x, s, maxw, a);
	fit = text_fit(s, len, maxw - dw, &w);
	while (fit > 0 && s[fit - 1] == ' ')
		fit--;
	cut = malloc(fit + 4);
	if (!cut)
		return ui_put(ui, y, x, s, maxw, a);
	memcpy(cut, s, fit);
	strcpy(cut + fit, dots);
	w = ui_put(ui, y, x, cut, maxw, a);
	free(cut);
	return w;
}

void ui_fill(struct ui *ui, int y, int x, int w, attr_t a)
{
	if (y < 0 || y >= ui->rows || x < 0)
		return;
	if (w > ui->cols - x)
		w = ui->cols - x;
	if (w <= 0)
		return;
	attrset(a);
	mvhline(y, x, ' ', w);
	attrset(A_NORMAL);
}

static attr_t run_attr(struct ui *ui, unsigned st)
{
	attr_t a = A_NORMAL;

	if (st & TS_EM)
		a |= ui->italic ? A_ITALIC : A_UNDERLINE;
	if (st & TS_STRONG)
		a |= A_BOLD;
	if (st & TS_CITE)
		a |= ui_attr(ui, R_CITE);
	return a;
}

static enum ui_role note_role(enum note_kind k)
{
	switch (k) {
	case NOTE_KEY: return R_NOTE_KEY;
	case NOTE_HISTORY: return R_NOTE_HISTORY;
	case NOTE_WARNING: return R_NOTE_WARNING;
	}
	return R_NORMAL;
}

void ui_put_line(struct ui *ui, int y, int x, const struct text_line *ln,
		 int maxw, attr_t base)
{
	int col = ln->indent;

	switch (ln->kind) {
	case TL_HEADING:
		base |= ui_attr(ui, R_TITLE);
		break;
	case TL_ITEM:
		if (ln->first)
			ui_put(ui, y, x + ln->indent - 2, ui_sym(ui, SY_BULLET),
			       maxw - ln->indent + 2, base);
		break;
	case TL_NOTE_LABEL:
	case TL_NOTE: {
		attr_t na = ui_attr(ui, note_role(ln->note));

		ui_put(ui, y, x + 1, ui_sym(ui, SY_BAR), maxw - 1, na | A_BOLD);
		if (ln->kind == TL_NOTE_LABEL)
			base |= na | A_BOLD;
		break;
	}
	case TL_CITE:
		base |= ui_attr(ui, R_CITE);
		break;
	default:
		break;
	}
	for (size_t r = 0; r < ln->nruns && col < maxw; r++) {
		char *piece = strndup(ln->text + ln->runs[r].off, ln->runs[r].len);

		if (!piece)
			return;
		col += ui_put(ui, y, x + col, piece, maxw - col,
			      base | run_attr(ui, ln->runs[r].style));
		free(piece);
	}
}

int ui_put_layout(struct ui *ui, const struct text_layout *L, int top,
		  struct rect r)
{
	int shown = 0;

	for (int i = 0; i < r.h && top + i < (int)L->n; i++, shown++)
		ui_put_line(ui, r.y + i, r.x, &L->v[top + i], r.w, A_NORMAL);
	return shown;
}

void ui_box(struct ui *ui, struct rect r, attr_t a)
{
	if (r.w < 2 || r.h < 2)
		return;
	for (int y = r.y; y < r.y + r.h; y++)
		ui_fill(ui, y, r.x, r.w, A_NORMAL);
	attrset(a);
	if (r.y >= 0 && r.y + r.h <= ui->rows && r.x >= 0 &&
	    r.x + r.w <= ui->cols) {
		mvhline(r.y, r.x + 1, ACS_HLINE, r.w - 2);
		mvhline(r.y + r.h - 1, r.x + 1, ACS_HLINE, r.w - 2);
		mvvline(r.y + 1, r.x, ACS_VLINE, r.h - 2);
		mvvline(r.y + 1, r.x + r.w - 1, ACS_VLINE, r.h - 2);
		mvaddch(r.y, r.x, ACS_ULCORNER);
		mvaddch(r.y, r.x + r.w - 1, ACS_URCORNER);
		mvaddch(r.y + r.h - 1, r.x, ACS_LLCORNER);
		mvaddch(r.y + r.h - 1, r.x + r.w - 1, ACS_LRCORNER);
	}
	attrset(A_NORMAL);
}

const char *ui_sym(struct ui *ui, enum ui_sym s)
{
	static const char *const utf[] = {
		[SY_RIGHT] = "✓", [SY_WRONG] = "✗", [SY_PARTLY] = "~",
		[SY_BULLET] = "•", [SY_ARROW] = "→", [SY_SELECT] = "▸",
		[SY_BAR] = "│", [SY_MORE_DOWN] = "↓", [SY_MORE_UP] = "↑",
		[SY_FULL] = "█", [SY_EMPTY] = "░", [SY_LOCK] = "·",
	};
	static const char *const ascii[] = {
		[SY_RIGHT] = "+", [SY_WRONG] = "x", [SY_PARTLY] = "~",
		[SY_BULLET] = "*", [SY_ARROW] = "->", [SY_SELECT] = ">",
		[SY_BAR] = "|", [SY_MORE_DOWN] = "v", [SY_MORE_UP] = "^",
		[SY_FULL] = "#", [SY_EMPTY] = "-", [SY_LOCK] = "-",
	};
	return ui->utf8 ? utf[s] : ascii[s];
}

const char *ui_mark_word(struct ui *ui, bool correct, bool partly)
{
	if (correct)
		return ui->utf8 ? "✓ right" : "[+] right";
	if (partly)
		return ui->utf8 ? "~ partly right" : "[~] partly right";
	return ui->utf8 ? "✗ wrong" : "[x] wrong";
}

bool ui_scroll(int *top, int nlines, int height, enum action a)
{
	int max = nlines - height, page = height > 2 ? height - 1 : 1;
	bool did = true;

	if (max < 0)
		max = 0;
	switch (a) {
	case ACT_UP: *top -= 1; break;
	case ACT_DOWN: *top += 1; break;
	case ACT_PGUP: *top -= page; break;
	case ACT_PGDN: *top += page; break;
	case ACT_HOME: *top = 0; break;
	case ACT_END: *top = max; break;
	default: did = false; break;
	}
	if (*top > max)
		*top = max;
	if (*top < 0)
		*top = 0;
	return did;
}

/* ---- the frame: header, body, status, key bar ---------------------------- */

static enum key_screen screen_keys(struct ui *ui, struct screen *sc)
{
	return sc->ops->keys_now ? sc->ops->keys_now(ui, sc) : sc->ops->keys;
}

static unsigned screen_cond(struct ui *ui, struct screen *sc)
{
	unsigned c = sc->ops->cond ? sc->ops->cond(ui, sc) : 0;

	c |= ui->o->kiosk ? KC_LOCKED : KC_QUIT;
	return c;
}

static void draw_header(struct ui *ui)
{
	const struct learner *l = session_learner(ui->s);
	char right[200] = "";
	int w, rw;

	ui_fill(ui, 0, 0, ui->cols, ui_attr(ui, R_HEADER));
	w = ui_put(ui, 0, 1, "coursekiosk", ui->cols - 2, ui_attr(ui, R_HEADER));
	w += ui_put(ui, 0, 1 + w, ui->utf8 ? " · " : " - ", ui->cols - 2 - w,
		    ui_attr(ui, R_HEADER));
	w += ui_put(ui, 0, 1 + w, ui->kiosk_name, ui->cols - 2 - w,
		    ui_attr(ui, R_HEADER));
	if (l) {
		snprintf(right, sizeof(right), "Signed in: %s", l->name);
		rw = text_width(right, strlen(right));

		if (rw < ui->cols - w - 6)
			ui_put(ui, 0, ui->cols - rw - 1, right, rw,
			       ui_attr(ui, R_HEADER));
	}
}

static void draw_bar(struct ui *ui, enum key_screen ks, unsigned cond)
{
	const struct key_binding *items[40];
	size_t n = keys_bar_items(ks, cond, ui->utf8, ui->cols - 2, items, 40);
	int x = 1;

	ui_fill(ui, ui->rows - 1, 0, ui->cols, ui_attr(ui, R_BAR));
	for (size_t i = 0; i < n; i++) {
		if (i)
			x += 2;
		x += ui_put(ui, ui->rows - 1, x, keys_name(items[i], ui->utf8),
			    ui->cols - x, ui_attr(ui, R_BARKEY));
		x += ui_put(ui, ui->rows - 1, x, " ", ui->cols - x, A_NORMAL);
		x += ui_put(ui, ui->rows - 1, x, items[i]->bar, ui->cols - x,
			    ui_attr(ui, R_BAR));
	}
}

static void draw_status(struct ui *ui)
{
	int y = ui->rows - 2, x = 2;
	attr_t a = A_NORMAL;

	if (!ui->status[0])
		return;
	if (ui->status_kind == ST_ERROR) {
		a = ui_attr(ui, R_WRONG);
		x += ui_put(ui, y, x, ui_sym(ui, SY_WRONG), 2, a);
		x++;
	} else if (ui->status_kind == ST_OK) {
		a = ui_attr(ui, R_RIGHT);
		x += ui_put(ui, y, x, ui_sym(ui, SY_RIGHT), 2, a);
		x++;
	}
	ui_put(ui, y, x, ui->status, ui->cols - x - 1, a);
}

static void draw_small(struct ui *ui)
{
	struct text_layout L;

	erase();
	text_layout_init(&L);
	if (text_add_str(&L, "Please enlarge the window", TS_STRONG, TL_PLAIN,
			 0, ui->cols) == 0) {
		int y = (ui->rows - (int)L.n) / 2;

		if (y < 0)
			y = 0;
		for (size_t i = 0; i < L.n && y + (int)i < ui->rows; i++) {
			int x = (ui->cols - L.v[i].width) / 2;

			ui_put_line(ui, y + (int)i, x < 0 ? 0 : x, &L.v[i],
				    ui->cols, A_BOLD);
		}
	}
	text_layout_release(&L);
}

static void draw_screen(struct ui *ui, struct screen *sc, struct rect body)
{
	if (sc->ops->overlay && sc->below) {
		draw_screen(ui, sc->below, body);
		/* the cursor belongs to the pop-up, not to what is under it */
		ui->cursor_y = ui->cursor_x = -1;
	}
	sc->ops->draw(ui, sc, body);
}

/* The idle warning: a box over everything, counting down. */
static void draw_idle_warning(struct ui *ui, struct rect body)
{
	struct text_layout L;
	char buf[300];
	int w = body.w - 4 > 60 ? 60 : body.w - 4;
	struct rect box;

	snprintf(buf, sizeof(buf), _("Nothing was pressed for a while. You "
		 "will be signed out in %d second%s (your progress is saved). "
		 "Press any key to stay."), ui->idle_warn,
		 ui->idle_warn == 1 ? "" : "s");
	text_layout_init(&L);
	text_add_str(&L, buf, TS_STRONG, TL_PLAIN, 0, w - 4);
	box.w = w;
	box.h = (int)L.n + 4;
	box.y = body.y + (body.h - box.h) / 2;
	box.x = body.x + (body.w - box.w) / 2;
	ui_box(ui, box, A_BOLD);
	ui_put(ui, box.y, box.x + 2, _(" Still there? "), box.w - 4, A_BOLD);
	ui_put_layout(ui, &L, 0, (struct rect){ box.y + 2, box.x + 2,
						(int)L.n, w - 4 });
	ui->cursor_y = box.y + 2;
	ui->cursor_x = box.x + 2;
	text_layout_release(&L);
}

static void draw_all(struct ui *ui)
{
	struct rect body;

	getmaxyx(stdscr, ui->rows, ui->cols);
	ui->cursor_y = ui->cursor_x = -1;
	if (ui->rows < 2 || ui->cols < 2) {
		/* Nothing readable fits, and ncurses 6.4 reads before a line
		 * of one column when it updates it (seen with valgrind after a
		 * resize to 1x1): leave the screen alone until it grows. */
		return;
	}
	if (ui->rows < UI_MIN_ROWS || ui->cols < UI_MIN_COLS) {
		draw_small(ui);
		curs_set(0);
		refresh();
		return;
	}
	erase();
	body.y = 2;
	body.x = 2;
	body.h = ui->rows - 5;
	body.w = ui->cols - 4;
	draw_header(ui);
	ui->focus_auto = true;
	draw_screen(ui, ui->top, body);
	ui->focus_auto = false;
	if (ui->idle_warn >= 0)
		draw_idle_warning(ui, body);
	draw_status(ui);
	draw_bar(ui, screen_keys(ui, ui->top), screen_cond(ui, ui->top));
	if (ui->cursor_y >= 0 && ui->cursor_x >= 0) {
		move(ui->cursor_y, ui->cursor_x);
		curs_set(1);
	} else {
		curs_set(0);
	}
	refresh();
}

/* ---- keys ------------------------------------------------------------------ */

static int translate(int r, wint_t ch)
{
	if (r == KEY_CODE_YES) {
		switch (ch) {
		case KEY_UP: return K_UP;
		case KEY_DOWN: return K_DOWN;
		case KEY_LEFT: return K_LEFT;
		case KEY_RIGHT: return K_RIGHT;
		case KEY_PPAGE: return K_PGUP;
		case KEY_NPAGE: return K_PGDN;
		case KEY_HOME: return K_HOME;
		case KEY_END: return K_END;
		case KEY_BTAB: return K_BTAB;
		case KEY_BACKSPACE: return K_BACKSPACE;
		case KEY_DC: return K_DELETE;
		case KEY_ENTER: return K_ENTER;
		case KEY_RESIZE: return K_RESIZE;
		}
		if (ch == (wint_t)KEY_F(1))
			return K_F1;
		if (ch == (wint_t)KEY_F(2))
			return K_F2;
		if (ch == (wint_t)KEY_F(12))
			return K_F12;
		if (ch == (wint_t)KEY_F(5))
			return K_F5;
		return K_NONE;
	}
	switch (ch) {
	case '\r':
	case '\n': return K_ENTER;
	case 127:
	case 8: return K_BACKSPACE;
	}
	return (int)ch;
}

/* An Esc with more bytes right behind it is a key this terminal's
 * description does not know, not the Esc key: drop the lot rather than go
 * back a screen by surprise. */
static bool escape_sequence(void)
{
	wint_t ch;
	bool more = false;

	timeout(0);
	while (get_wch(&ch) != ERR)
		more = true;
	timeout(500);
	return more;
}

/* Everything a key can do before the screen sees it. */
static void dispatch(struct ui *ui, int key, long *ctrl_l_ms)
{
	struct screen *sc = ui->top;
	bool small = ui->rows < UI_MIN_ROWS || ui->cols < UI_MIN_COLS;
	enum key_screen ks = small ? KS_SMALL : screen_keys(ui, sc);
	unsigned cond = screen_cond(ui, sc);
	int arg = 0;
	enum action a = keys_lookup(ks, cond, key, &arg);
	enum ui_next next;

	if (a == ACT_HIDE_HALF) {
		if (!keys_double_press(ctrl_l_ms, now_ms())) {
			clearok(curscr, TRUE);   /* the usual Ctrl-L: redraw */
			return;
		}
		a = ACT_HIDE;
	}
	if (a == ACT_HIDE) {
		ui_home(ui);
		return;
	}
	if (small)
		return;   /* nothing else until the window is big enough */
	ui->status[0] = '\0';
	if (key == K_F5 && ui->o->preview) {
		ui_preview_reload(ui);
		return;
	}
	if (a == ACT_HELP) {
		ui_help_push(ui, ks, cond);
		return;
	}
	if (a == ACT_LINE_MODE) {
		/* kiosk.c carries on in the line mode, same trainee */
		ui->line_mode = true;
		ui->quit = true;
		return;
	}
	next = sc->ops->key(ui, sc, a, arg, key);
	switch (next) {
	case UN_STAY: break;
	case UN_POP: ui_pop(ui); break;
	case UN_HOME: ui_home(ui); break;
	case UN_QUIT: ui->quit = true; break;
	}
}

static int idle_seconds(const struct kiosk_options *o)
{
	const char *t = getenv("CK_TEST_IDLE_SECONDS");
	int min = o->idle_timeout;

	/* test hook: seconds instead of minutes, for the end-to-end tests */
	if (t && *t)
		return atoi(t);
	/* kiosk.c already made it 10 for --kiosk unless told otherwise */
	return min > 0 ? min * 60 : 0;
}

/* Seconds of warning before an idle sign-out: 30, for real time-outs
 * (whole minutes); none for the tests' short ones unless asked. */
static int idle_warn_seconds(int idle)
{
	const char *t = getenv("CK_TEST_IDLE_WARN_SECONDS");

	if (t && *t)
		return atoi(t);
	return idle >= 60 ? 30 : 0;
}

/* Something would be lost to an idle sign-out: a trainee, a form. */
static bool idle_matters(struct ui *ui)
{
	return session_learner(ui->s) != NULL ||
	       !(ui->top && !ui->top->below &&
		 !strcmp(ui->top->ops->name, "welcome"));
}

static void idle_signout(struct ui *ui, int secs)
{
	bool someone = session_learner(ui->s) != NULL;

	/* half-typed forms go too: the next person sees a clean screen */
	if (!idle_matters(ui))
		return;
	ui_home(ui);
	if (someone)
		ui_status(ui, ST_INFO,
			  "You were signed out after %d minute%s without activity. "
			  "Your progress is saved.", secs / 60 ? secs / 60 : 1,
			  secs / 60 > 1 ? "s" : "");
}

int ui_run(struct session *s, const struct kiosk_options *o)
{
	struct ui ui = { .s = s, .o = o, .cursor_y = -1, .cursor_x = -1,
			 .idle_warn = -1 };
	struct saved_signals sv;
	SCREEN *scr;
	long last_key, ctrl_l_ms = -1;
	int idle = idle_seconds(o), warn = idle_warn_seconds(idle), rc = 0;

	setlocale(LC_ALL, "");
	if (!terminal_usable())
		return UI_UNAVAILABLE;
	crash_tio_ok = tcgetattr(STDIN_FILENO, &crash_tio) == 0;
	got_signal = 0;
	set_signals(&sv, o->kiosk);
	scr = newterm(NULL, stdout, stdin);
	if (!scr) {
		restore_signals(&sv, o->kiosk);
		return UI_UNAVAILABLE;
	}
	set_term(scr);
	crash_len = 0;
	crash_add("sgr0");
	crash_add("cnorm");
	crash_add("rmkx");
	crash_add("rmcup");
	crash_fd = STDOUT_FILENO;

	ui.utf8 = text_utf8();
	ui.italic = tigetstr("sitm") && tigetstr("sitm") != (char *)-1;
	ui.kiosk_name = getenv("COURSEKIOSK_NAME");
	if (!ui.kiosk_name || !*ui.kiosk_name)
		ui.kiosk_name = "Training kiosk";
	if (o->kiosk)
		raw();
	else
		cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	timeout(500);
	curs_set(0);
	init_colours(&ui);

	if (o->preview)
		ui_preview_start(&ui);
	else
		ui_welcome_push(&ui);
	last_key = now_ms();
	while (!ui.quit && !got_signal && ui.top) {
		wint_t ch = 0;
		int r, key;

		draw_all(&ui);
		r = get_wch(&ch);
		if (r == ERR) {
			long left = (long)idle * 1000 - (now_ms() - last_key);

			if (idle > 0 && left <= 0) {
				ui.idle_warn = -1;
				idle_signout(&ui, idle);
				last_key = now_ms();
			} else if (idle > 0 && left <= (long)warn * 1000 &&
				   idle_matters(&ui)) {
				ui.idle_warn = (int)((left + 999) / 1000);
			}
			continue;
		}
		key = translate(r, ch);
		if (key == K_ESC && escape_sequence())
			continue;
		if (key == K_RESIZE || key == K_NONE)
			continue;   /* drawn again at the new size */
		last_key = now_ms();
		if (ui.idle_warn >= 0) {
			/* this key only says "still here": it does nothing else */
			ui.idle_warn = -1;
			continue;
		}
		dispatch(&ui, key, &ctrl_l_ms);
	}
	pop_all(&ui);
	if (session_learner(s) && !ui.line_mode)
		session_signout(s);
	endwin();
	crash_fd = -1;
	delscreen(scr);
	restore_signals(&sv, o->kiosk);
	if (ui.reload && !got_signal)
		rc = PREVIEW_RELOAD;
	if (got_signal) {
		/* leave as the signal asked, the terminal already restored */
		fprintf(stderr, "coursekiosk: stopped by signal %d; progress is saved.\n",
			(int)got_signal);
		rc = 1;
	} else if (ui.line_mode) {
		rc = UI_LINE_MODE;
	}
	return rc;
}
