/* ui_coord.c - coordinator mode: the passphrase (set on first use), the
 * idle time-out, and the menu of coordinator screens. */
#include "ui_coord.h"

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ui_form.h"

#define PASS_MIN 10

static long clock_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int idle_limit(const struct ui *ui)
{
	const char *c = getenv("CK_TEST_COORD_IDLE_SECONDS");
	const char *t = getenv("CK_TEST_IDLE_SECONDS");
	int s = COORD_IDLE_S;

	/* test hooks: this mode's own limit, or the UI's (seconds) */
	if (c && *c && atoi(c) > 0)
		return atoi(c);
	if (t && *t && atoi(t) > 0)
		return atoi(t);
	if (ui->o->idle_timeout > 0 && ui->o->idle_timeout * 60 < s)
		s = ui->o->idle_timeout * 60;
	return s;
}

bool coord_is_closed(struct coord *co)
{
	if (!co->closed && clock_ms() - co->last_key_ms >= (long)co->idle_s * 1000)
		co->closed = true;
	return co->closed;
}

enum key_screen coord_keys(struct coord *co, enum key_screen own)
{
	return coord_is_closed(co) ? KS_COORD_CLOSED : own;
}

bool coord_draw_closed(struct ui *ui, struct coord *co, struct rect body)
{
	struct text_layout L;
	char msg[200];
	int n = co->idle_s >= 60 ? co->idle_s / 60 : co->idle_s;

	if (!coord_is_closed(co))
		return false;
	/* the limit is whole minutes except under the test hooks */
	snprintf(msg, sizeof(msg), "Coordinator mode closed after %d %s%s "
		 "without activity. Press any key for the welcome screen.", n,
		 co->idle_s >= 60 ? "minute" : "second", n == 1 ? "" : "s");
	text_layout_init(&L);
	text_add_str(&L, msg, TS_STRONG, TL_PARA, 0,
		     body.w < UI_READ_WIDTH ? body.w : UI_READ_WIDTH);
	ui_put_layout(ui, &L, 0, body);
	text_layout_release(&L);
	return true;
}

bool coord_key_alive(struct coord *co)
{
	if (coord_is_closed(co))
		return false;
	co->last_key_ms = clock_ms();
	return true;
}

/* ---- a message ---------------------------------------------------------- */

struct coord_message {
	struct coord *co;
	char title[120];
	char text[1000];
};

static void message_draw(struct ui *ui, struct screen *sc, struct rect body)
{
	struct coord_message *m = sc->data;

	/* the screen below already shows the closed notice */
	if (coord_is_closed(m->co))
		return;
	ui_message_draw(ui, m->title, m->text, body);
}

static enum key_screen message_keys(struct ui *ui, struct screen *sc)
{
	struct coord_message *m = sc->data;

	(void)ui;
	return coord_keys(m->co, KS_COORD_MESSAGE);
}

static enum ui_next message_key(struct ui *ui, struct screen *sc,
				enum action a, int arg, int k)
{
	struct coord_message *m = sc->data;

	(void)ui;
	(void)arg;
	(void)k;
	if (!coord_key_alive(m->co))
		return UN_HOME;
	return a == ACT_CHOOSE || a == ACT_BACK ? UN_POP : UN_STAY;
}

static void message_leave(struct ui *ui, struct screen *sc)
{
	(void)ui;
	free(sc->data);
}

static const struct screen_ops message_ops = {
	.name = "coordinator: message",
	.keys = KS_COORD_MESSAGE,
	.keys_now = message_keys,
	.draw = message_draw,
	.key = message_key,
	.leave = message_leave,
	.overlay = true,
};

void coord_message_push(struct ui *ui, struct coord *co, const char *title,
			const char *text)
{
	struct coord_message *m = calloc(1, sizeof(*m));

	if (!m)
		return;
	m->co = co;
	snprintf(m->title, sizeof(m->title), "%s", title);
	snprintf(m->text, sizeof(m->text), "%s", text);
	ui_push(ui, &message_ops, m);
}

const char *coord_sep(const struct ui *ui)
{
	return ui->utf8 ? " · " : "; ";
}

const char *coord_time(const char *iso, char buf[17])
{
	if (!iso || strlen(iso) < 16)
		return iso ? iso : "";
	memcpy(buf, iso, 16);
	buf[10] = ' ';
	buf[16] = '\0';
	return buf;
}

static void audit(struct ui *ui, const char *action)
{
	/* Best effort: a full disk must not lock the coordinator out. */
	store_audit_append(ui->o->store, action, "via=kiosk", NULL);
}

/* ---- the passphrase ------------------------------------------------------- */

static struct coord *coord_new(struct ui *ui)
{
	struct coord *co = calloc(1, sizeof(*co));

	if (co) {
		co->idle_s = idle_limit(ui);
		co->last_key_ms = clock_ms();
	}
	return co;
}

/* Replaces the passphrase form by the menu (the form's key function
 * returns right after, touching nothing). */
static enum ui_next enter(struct ui *ui)
{
	struct coord *co = coord_new(ui);

	ui_pop(ui);
	if (!co) {
		ui_status(ui, ST_ERROR, "Out of memory.");
		return UN_STAY;
	}
	coord_menu_push(ui, co);
	return UN_STAY;
}

static enum ui_next check_send(struct ui *ui, struct form *fm)
{
	struct err e = { 0 };
	int wait_s = 0;

	if (store_coord_check(ui->o->store, fm->f[0].ed.buf, &wait_s, &e) == 0) {
		audit(ui, "signin");
		return enter(ui);
	}
	if (e.code == ERR_WAIT || e.code == ERR_DENIED)
		audit(ui, "signin-failed");
	form_passphrase_refused(fm, &e, wait_s);
	return UN_STAY;
}

static enum ui_next set_send(struct ui *ui, struct form *fm)
{
	const char *p1 = fm->f[0].ed.buf, *p2 = fm->f[1].ed.buf;
	struct err e = { 0 };

	if (g_utf8_strlen(p1, -1) < PASS_MIN) {
		snprintf(fm->error, sizeof(fm->error),
			 "The passphrase needs at least %d characters.", PASS_MIN);
	} else if (strcmp(p1, p2)) {
		snprintf(fm->error, sizeof(fm->error),
			 "The two passphrases differ. Please type them again.");
	} else if (store_coord_set_passphrase(ui->o->store, p1, &e) < 0) {
		snprintf(fm->error, sizeof(fm->error), "%s", e.msg);
	} else {
		audit(ui, "passphrase-set");
		audit(ui, "signin");
		return enter(ui);
	}
	text_edit_clear(&fm->f[0].ed);
	text_edit_clear(&fm->f[1].ed);
	fm->cur = 0;
	return UN_STAY;
}

static const struct screen_ops check_ops = {
	.name = "coordinator passphrase",
	.keys = KS_PASS,
	.draw = form_screen_draw,
	.key = form_screen_key,
	.leave = form_screen_leave,
};

static const struct screen_ops set_ops = {
	.name = "coordinator passphrase (new)",
	.keys = KS_PASS_NEW,
	.draw = form_screen_draw,
	.key = form_screen_key,
	.leave = form_screen_leave,
};

void ui_coordinator(struct ui *ui)
{
	struct form *fm;
	struct err e = { 0 };
	bool has = false;

	if (!ui->o->store || store_coord_has_passphrase(ui->o->store, &has, &e) < 0) {
		ui_message_push(ui, "Coordinator mode",
				e.msg[0] ? e.msg : "The progress database is not open.");
		return;
	}
	fm = calloc(1, sizeof(*fm));
	if (!fm)
		return;
	if (has) {
		fm->title = "Coordinator mode";
		fm->intro = "For coordinators only: reports and certificates. "
			    "Type the coordinator passphrase.";
		fm->submit = "Open";
		fm->send = check_send;
		form_add(fm, F_SECRET, "Passphrase", NULL, 200);
		ui_push(ui, &check_ops, fm);
		return;
	}
	fm->title = "Coordinator mode: choose a passphrase";
	fm->intro = "No coordinator passphrase is set yet. Choose one of at least "
		    "10 characters; it opens coordinator mode (reports, "
		    "certificates) and, with --kiosk, closes the kiosk. Keep it "
		    "from trainees.";
	fm->submit = "Set and open";
	fm->send = set_send;
	form_add(fm, F_SECRET, "Passphrase", "At least 10 characters.", 200);
	form_add(fm, F_SECRET, "Again", "The same passphrase again.", 200);
	ui_push(ui, &set_ops, fm);
}

/* ---- the menu ------------------------------------------------------------------ */

struct menu {
	struct coord *co;
	size_t sel, n;           /* items: find, one per course, leave */
};

static const struct catalog *cat_of(struct ui *ui)
{
	return session_catalog(ui->s);
}

static void menu_draw(struct ui *ui, struct screen *sc, struct rect body)
{
	struct menu *m = sc->data;
	const struct catalog *cat = cat_of(ui);
	int y = body.y;

	if (coord_draw_closed(ui, m->co, body))
		return;
	m->n = 2 + (cat ? cat->ncourses : 0);
	if (m->sel >= m->n)
		m->sel = m->n - 1;
	ui_put(ui, y++, body.x, "Coordinator mode", body.w, ui_attr(ui, R_TITLE));
	ui_put(ui, y++, body.x, "Trainees' progress, course statistics and "
	       "certificates.", body.w, A_DIM);
	y++;
	for (size_t i = 0; i < m->n && y < body.y + body.h; i++, y++) {
		char buf[400];
		bool on = i == m->sel;

		if (i == 0)
			snprintf(buf, sizeof(buf), "Find a trainee by name");
		else if (i + 1 == m->n)
			snprintf(buf, sizeof(buf), "Leave coordinator mode");
		else
			snprintf(buf, sizeof(buf), "Statistics: %s",
				 cat->courses[i - 1]->title);
		if (on)
			ui_put(ui, y, body.x, ui_sym(ui, SY_SELECT), 2, A_BOLD);
		ui_put_trunc(ui, y, body.x + 2, buf, body.w - 2,
			     on ? ui_attr(ui, R_SELECT) : A_NORMAL);
	}
}

static enum ui_next menu_key(struct ui *ui, struct screen *sc, enum action a,
			     int arg, int k)
{
	struct menu *m = sc->data;

	(void)arg;
	(void)k;
	if (!coord_key_alive(m->co))
		return UN_HOME;
	switch (a) {
	case ACT_UP:
		if (m->sel > 0)
			m->sel--;
		return UN_STAY;
	case ACT_DOWN:
		if (m->sel + 1 < m->n)
			m->sel++;
		return UN_STAY;
	case ACT_CHOOSE:
		if (m->sel == 0)
			coord_find_push(ui, m->co);
		else if (m->sel + 1 == m->n)
			return UN_POP;
		else
			coord_stats_push(ui, m->co, cat_of(ui)->courses[m->sel - 1]);
		return UN_STAY;
	case ACT_BACK:
		return UN_POP;
	default:
		return UN_STAY;
	}
}

static enum key_screen menu_keys(struct ui *ui, struct screen *sc)
{
	struct menu *m = sc->data;

	(void)ui;
	return coord_keys(m->co, KS_COORD_MENU);
}

static void menu_leave(struct ui *ui, struct screen *sc)
{
	struct menu *m = sc->data;

	audit(ui, "signout");
	free(m->co);
	free(m);
}

static const struct screen_ops menu_ops = {
	.name = "coordinator",
	.keys = KS_COORD_MENU,
	.keys_now = menu_keys,
	.draw = menu_draw,
	.key = menu_key,
	.leave = menu_leave,
};

void coord_menu_push(struct ui *ui, struct coord *co)
{
	struct menu *m = calloc(1, sizeof(*m));

	if (!m) {
		free(co);
		return;
	}
	m->co = co;
	m->n = 2;
	ui_push(ui, &menu_ops, m);
}
