/* plain_read.c - the line mode's reading: a module's pages, block by
 * block, and its sources.
 */
#include "plain_int.h"

#include <glib.h>
#include <stdio.h>

/* ---- sources ------------------------------------------------------------- */

void plain_show_sources(struct plain *p, const struct module *m)
{
	plain_say(p, "\nSources for \"%s\":\n", m->title);
	for (size_t i = 0; i < m->nsources; i++) {
		const struct source *src = &m->sources[i];
		GString *b = g_string_new(NULL);

		g_string_append_printf(b, "%s", src->title);
		if (src->publisher && src->year)
			g_string_append_printf(b, ". %s, %s.", src->publisher,
					       src->year);
		else if (src->publisher || src->year)
			g_string_append_printf(b, ". %s.", src->publisher
					       ? src->publisher : src->year);
		if (src->url)
			g_string_append_printf(b, " %s", src->url);
		char head[80];
		snprintf(head, sizeof(head), "  [%s] ", src->id);
		plain_wrap(p, head, "      ", b->str);
		g_string_free(b, TRUE);
	}
	plain_say(p, "\n");
}

/* ---- pages --------------------------------------------------------------- */

void plain_show_block(struct plain *p, const struct module *m,
		      const struct block *b)
{
	static const char *const note_words[] = {
		[NOTE_KEY] = "Key point: ", [NOTE_HISTORY] = "History: ",
		[NOTE_WARNING] = "Warning: ",
	};

	switch (b->kind) {
	case BLOCK_H:
		plain_wrap_rich(p, "Heading: ", "  ", &b->text);
		break;
	case BLOCK_P:
		plain_wrap_rich(p, "", "", &b->text);
		break;
	case BLOCK_LIST:
		plain_show_list(p, b);
		break;
	case BLOCK_TABLE:
		plain_show_table(p, b);
		break;
	case BLOCK_NOTE:
		plain_wrap_rich(p, note_words[b->note], "  ", &b->text);
		break;
	case BLOCK_CITE:
		for (size_t i = 0; i < b->nrefs; i++) {
			const struct source *src = module_find_source(m, b->refs[i]);
			char *t = g_strdup_printf("Source [%s]: %s", b->refs[i],
						  src ? src->title : "");

			plain_wrap(p, "", "  ", t);
			g_free(t);
		}
		break;
	}
	plain_say(p, "\n");
}

static void show_page(struct plain *p, const struct module *m, int n)
{
	const struct lesson *l = NULL;
	const struct page *pg = module_page(m, (size_t)n, &l);

	if (!pg)
		return;
	plain_say(p, "\nPage %d of %zu. %s", n + 1, m->npages, l->title);
	if (pg->title)
		plain_say(p, ": %s", pg->title);
	plain_say(p, "\n\n");
	for (size_t i = 0; i < pg->nblocks; i++)
		plain_show_block(p, m, &pg->blocks[i]);
}

enum flow plain_read_pages(struct plain *p, int *page)
{
	const struct module *m = session_module(p->s);
	struct err e = { 0 };
	enum flow f = FL_OK;

	for (;;) {
		char *v;

		show_page(p, m, *page);
		err_clear(&e);
		if (session_page_shown(p->s, *page, &e))
			plain_report_error(p, "Your place could not be saved",
					   &e);
		for (;;) {
			v = plain_ask(p, (size_t)*page + 1 < m->npages
				      ? "Enter or n: next page; p: previous; "
					"s: sources; b: back to the module. "
				      : "This is the last page. Enter or b: "
					"back to the module; p: previous; "
					"s: sources. ",
				      &f);
			if (!v)
				return f;
			if (plain_is(v, "s")) {
				plain_show_sources(p, m);
				continue;
			}
			break;
		}
		if (plain_is(v, "p")) {
			if (*page > 0)
				(*page)--;
			continue;
		}
		if (plain_is(v, "b"))
			return FL_OK;
		if (!*v || plain_is(v, "n")) {
			if ((size_t)*page + 1 < m->npages) {
				(*page)++;
				continue;
			}
			return FL_OK;
		}
		plain_say(p, "Please type n, p, s or b.\n");
	}
}
