/* ui_terms.c - a scrolled list over the reader: the glossary terms of the
 * page being read with their definitions (key t), and, in `coursekiosk
 * preview`, the start screen and validate's messages after F5. */
#include "ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"

struct tlist {
	char title[200];
	const struct course *c;
	const struct page *pg;   /* terms of this page, or NULL */
	char *text;              /* else these lines ('\n'), owned */
	struct text_layout L;
	int width, top, h;
};

static void layout(struct tlist *t, int width)
{
	if (t->width == width)
		return;
	text_layout_release(&t->L);
	t->width = width;
	text_add_str(&t->L, t->title, 0, TL_HEADING, 0, width);
	text_add_blank(&t->L);
	if (!t->text) {
		const struct gloss_entry *e[64];
		size_t n = page_terms(t->c, t->pg, e, 64);

		if (n == 0)
			text_add_str(&t->L, _("No glossary terms on this page."),
				     TS_EM, TL_PLAIN, 0, width);
		text_layout_terms(&t->L, e, n < 64 ? n : 64, width);
		return;
	}
	for (char *p = t->text; *p;) {
		char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		char *line = strndup(p, n);
		size_t from = t->L.n;

		if (!line)
			break;
		text_add_str(&t->L, line, 0, TL_PLAIN, 2, width);
		if (from < t->L.n)
			t->L.v[from].indent = 0;   /* the rest hangs under it */
		free(line);
		p += n + (nl ? 1 : 0);
	}
}

static void draw(struct ui *ui, struct screen *sc, struct rect body)
{
	struct tlist *t = sc->data;
	int w = body.w < UI_READ_WIDTH ? body.w : UI_READ_WIDTH;

	layout(t, w);
	t->h = body.h;
	ui_scroll(&t->top, (int)t->L.n, body.h, ACT_NONE);
	ui_put_layout(ui, &t->L, t->top, (struct rect){ body.y, body.x, body.h, w });
	if (t->top + body.h < (int)t->L.n)
		ui_put(ui, body.y + body.h - 1, body.x + w - 1,
		       ui_sym(ui, SY_MORE_DOWN), 1, A_BOLD);
}

static unsigned cond(struct ui *ui, struct screen *sc)
{
	struct tlist *t = sc->data;

	(void)ui;
	return (int)t->L.n > t->h ? KC_SCROLL : 0;
}

static enum ui_next key(struct ui *ui, struct screen *sc, enum action a,
			int arg, int k)
{
	struct tlist *t = sc->data;

	(void)ui;
	(void)arg;
	(void)k;
	if (ui_scroll(&t->top, (int)t->L.n, t->h, a))
		return UN_STAY;
	return a == ACT_BACK ? UN_POP : UN_STAY;
}

static void leave(struct ui *ui, struct screen *sc)
{
	struct tlist *t = sc->data;

	(void)ui;
	text_layout_release(&t->L);
	free(t->text);
	free(t);
}

static const struct screen_ops tlist_ops = {
	.name = "terms",
	.keys = KS_SOURCES,       /* scroll, Esc back */
	.cond = cond,
	.draw = draw,
	.key = key,
	.leave = leave,
};

static struct tlist *tlist_new(const char *title)
{
	struct tlist *t = calloc(1, sizeof(*t));

	if (!t)
		return NULL;
	snprintf(t->title, sizeof(t->title), "%s", title);
	t->width = -1;
	t->h = 1;
	text_layout_init(&t->L);
	return t;
}

void ui_terms_push(struct ui *ui, const struct course *c,
		   const struct page *pg)
{
	struct tlist *t = tlist_new(_("Terms on this page"));

	if (!t)
		return;
	t->c = c;
	t->pg = pg;
	ui_push(ui, &tlist_ops, t);
}

/* ---- coursekiosk preview --------------------------------------------------- */

void ui_preview_start(struct ui *ui)
{
	const struct catalog *cat = session_catalog(ui->s);
	const struct course *c = cat->ncourses ? cat->courses[0] : NULL;
	const struct module *m = c && ui->o->preview_module
				 ? course_find_module(c, ui->o->preview_module)
				 : NULL;

	ui_modules_push(ui);
	if (m)
		ui_open_module(ui, c, m, false);
	ui_status(ui, ST_INFO, _("Preview: nothing is recorded. F5 reloads "
				 "the course files."));
}

void ui_preview_reload(struct ui *ui)
{
	char *problems = NULL;
	struct tlist *t;

	if (!ui->o->preview_reload)
		return;
	if (ui->o->preview_reload(ui->o->preview_arg, &problems) == 0) {
		free(problems);
		ui->reload = true;
		ui->quit = true;
		return;
	}
	t = tlist_new(_("The course files have problems (still showing the "
			"last good version; fix them and press F5 again)"));
	if (!t) {
		free(problems);
		return;
	}
	t->text = problems ? problems : strdup(_("The course could not be "
						   "loaded."));
	ui_push(ui, &tlist_ops, t);
}
