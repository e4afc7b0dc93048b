/* plain_blocks.c - the line mode's form of the elements added in course
 * format 1.1: numbered lists, tables (each row as "header: value" lines,
 * which a screen reader reads in order), case stems and glossary terms. */
#include "plain_int.h"

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>

#include "i18n.h"

void plain_show_list(struct plain *p, const struct block *b)
{
	for (size_t i = 0; i < b->nitems; i++) {
		char head[32];

		if (!b->numbered) {
			plain_wrap_rich(p, "  - ", "    ", &b->items[i]);
			continue;
		}
		snprintf(head, sizeof(head), "  %zu. ", i + 1);
		plain_wrap_rich(p, head, "     ", &b->items[i]);
	}
}

static bool all_header(const struct table_row *r)
{
	for (size_t k = 0; k < r->ncells; k++)
		if (!r->cells[k].header)
			return false;
	return r->ncells > 0;
}

void plain_show_table(struct plain *p, const struct block *b)
{
	const struct table_row *head = b->nrows && all_header(&b->rows[0])
				       ? &b->rows[0] : NULL;
	size_t first = head ? 1 : 0;

	plain_say(p, _("Table, %zu rows:\n"), b->nrows - first);
	for (size_t r = first; r < b->nrows; r++) {
		const struct table_row *row = &b->rows[r];

		plain_say(p, _("  Row %zu.\n"), r - first + 1);
		for (size_t k = 0; k < row->ncells; k++) {
			char *v = rich_flatten(&row->cells[k].text);
			char *h = head && k < head->ncells
				  ? rich_flatten(&head->cells[k].text) : NULL;
			char *t = g_strdup_printf("%s%s%s", h && *h ? h : "",
						  h && *h ? ": " : "",
						  v ? v : "");

			plain_wrap(p, "    ", "      ", t);
			g_free(t);
			free(h);
			free(v);
		}
	}
}

void plain_show_case(struct plain *p, const struct module *m,
		     const struct case_stem *cs)
{
	if (!cs)
		return;
	plain_say(p, _("Case: %s\n"), cs->title ? cs->title : cs->id);
	for (size_t i = 0; i < cs->nblocks; i++)
		plain_show_block(p, m, &cs->blocks[i]);
	plain_say(p, _("(End of the case.)\n"));
}

void plain_show_terms(struct plain *p, const struct gloss_entry *const *e,
		      size_t n)
{
	if (n == 0) {
		plain_say(p, _("No glossary terms here.\n"));
		return;
	}
	plain_say(p, _("Terms (%zu):\n"), n);
	for (size_t i = 0; i < n; i++) {
		char *d = rich_flatten(&e[i]->def);
		char *head = g_strdup_printf("  %s: ", e[i]->term);

		plain_wrap(p, head, "    ", d ? d : "");
		g_free(head);
		free(d);
	}
}
