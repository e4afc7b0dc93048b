/* ui_sources.c - the module's sources: what the [s1] markers refer to,
 * with the ones cited on the page being read marked. */
#include "ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct sources {
	const struct module *m;
	const struct page *pg;
	struct text_layout L;
	int width, top, h;
};

static bool cites_in(const struct rich *r, const char *id)
{
	for (size_t i = 0; i < r->n; i++) {
		const char *t = r->spans[i].text;
		size_t n = strlen(id);

		if (r->spans[i].kind != SPAN_CITE)
			continue;
		for (const char *p = strstr(t, id); p; p = strstr(p + 1, id))
			if ((p == t || p[-1] == ' ') && (p[n] == ' ' || !p[n]))
				return true;
	}
	return false;
}

static bool cited_on(const struct page *pg, const char *id)
{
	for (size_t b = 0; pg && b < pg->nblocks; b++) {
		const struct block *bl = &pg->blocks[b];

		if (cites_in(&bl->text, id))
			return true;
		for (size_t i = 0; i < bl->nitems; i++)
			if (cites_in(&bl->items[i], id))
				return true;
		for (size_t i = 0; i < bl->nrefs; i++)
			if (!strcmp(bl->refs[i], id))
				return true;
	}
	return false;
}

static void layout(struct ui *ui, struct sources *s, int width)
{
	char buf[600];

	if (s->width == width)
		return;
	text_layout_release(&s->L);
	s->width = width;
	snprintf(buf, sizeof(buf), "Sources of \"%s\"", s->m->title);
	text_add_str(&s->L, buf, 0, TL_HEADING, 0, width);
	for (size_t i = 0; i < s->m->nsources; i++) {
		const struct source *src = &s->m->sources[i];
		struct span sp[3] = { { SPAN_CITE, src->id }, { SPAN_TEXT, " " },
				      { SPAN_STRONG, src->title } };
		struct rich r = { sp, 3 };

		text_add_blank(&s->L);
		text_add_rich(&s->L, &r, TL_PARA, 0, width);
		buf[0] = '\0';
		if (src->publisher)
			snprintf(buf, sizeof(buf), "%s", src->publisher);
		if (src->year)
			snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf), "%s%s",
				 buf[0] ? ", " : "", src->year);
		if (buf[0])
			text_add_str(&s->L, buf, 0, TL_PLAIN, 4, width);
		if (src->url)
			text_add_str(&s->L, src->url, TS_CITE, TL_PLAIN, 4, width);
		if (cited_on(s->pg, src->id)) {
			snprintf(buf, sizeof(buf), "%s cited on the page you are reading",
				 ui_sym(ui, SY_ARROW));
			text_add_str(&s->L, buf, TS_EM, TL_PLAIN, 4, width);
		}
	}
}

static void draw(struct ui *ui, struct screen *sc, struct rect body)
{
	struct sources *s = sc->data;
	int w = body.w < UI_READ_WIDTH ? body.w : UI_READ_WIDTH;

	layout(ui, s, w);
	s->h = body.h;
	ui_scroll(&s->top, (int)s->L.n, body.h, ACT_NONE);
	ui_put_layout(ui, &s->L, s->top, (struct rect){ body.y, body.x, body.h, w });
	if (s->top + body.h < (int)s->L.n)
		ui_put(ui, body.y + body.h - 1, body.x + w - 1,
		       ui_sym(ui, SY_MORE_DOWN), 1, A_BOLD);
}

static unsigned cond(struct ui *ui, struct screen *sc)
{
	struct sources *s = sc->data;

	(void)ui;
	return (int)s->L.n > s->h ? KC_SCROLL : 0;
}

static enum ui_next key(struct ui *ui, struct screen *sc, enum action a,
			int arg, int k)
{
	struct sources *s = sc->data;

	(void)ui;
	(void)arg;
	(void)k;
	if (ui_scroll(&s->top, (int)s->L.n, s->h, a))
		return UN_STAY;
	return a == ACT_BACK ? UN_POP : UN_STAY;
}

static void leave(struct ui *ui, struct screen *sc)
{
	struct sources *s = sc->data;

	(void)ui;
	text_layout_release(&s->L);
	free(s);
}

static const struct screen_ops sources_ops = {
	.name = "sources",
	.keys = KS_SOURCES,
	.cond = cond,
	.draw = draw,
	.key = key,
	.leave = leave,
};

void ui_sources_push(struct ui *ui, const struct module *m,
		     const struct page *cited_on_page)
{
	struct sources *s = calloc(1, sizeof(*s));

	if (!s)
		return;
	s->m = m;
	s->pg = cited_on_page;
	s->width = -1;
	s->h = 1;
	text_layout_init(&s->L);
	ui_push(ui, &sources_ops, s);
}
