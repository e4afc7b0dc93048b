/* text_blocks.c - layout of the course elements added in format 1.1:
 * numbered lists, simple tables, case stems and glossary terms.  Pure
 * (no curses), over the styled lines of text.c. */
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"

static int push(struct text_layout *L, struct text_line *ln)
{
	if (L->n == L->cap) {
		size_t cap = L->cap ? L->cap * 2 : 32;
		struct text_line *v = realloc(L->v, cap * sizeof(*v));

		if (!v)
			return -1;
		L->v = v;
		L->cap = cap;
	}
	L->v[L->n++] = *ln;
	return 0;
}

/* Puts `label` (in `style`) before the text of line ln, `cols` columns
 * wide, taken from the line's indent. */
static int prefix_line(struct text_line *ln, const char *label, unsigned style,
		       int cols)
{
	size_t ll = strlen(label), tl = strlen(ln->text);
	char *t = malloc(ll + tl + 1);
	struct text_run *runs = malloc((ln->nruns + 1) * sizeof(*runs));

	if (!t || !runs) {
		free(t);
		free(runs);
		return -1;
	}
	memcpy(t, label, ll);
	memcpy(t + ll, ln->text, tl + 1);
	runs[0] = (struct text_run){ 0, ll, style };
	for (size_t i = 0; i < ln->nruns; i++) {
		runs[i + 1] = ln->runs[i];
		runs[i + 1].off += ll;
	}
	free(ln->text);
	free(ln->runs);
	ln->text = t;
	ln->runs = runs;
	ln->nruns++;
	ln->width += cols;
	ln->indent -= cols;
	return 0;
}

int text_layout_list(struct text_layout *L, const struct block *bl, int width)
{
	int ind = 4;
	char label[32];

	if (!bl->numbered) {
		for (size_t i = 0; i < bl->nitems; i++)
			if (text_add_rich(L, &bl->items[i], TL_ITEM, 4, width) < 0)
				return -1;
		return 0;
	}
	snprintf(label, sizeof(label), "%zu.", bl->nitems);
	if ((int)strlen(label) + 1 > ind)
		ind = (int)strlen(label) + 1;
	for (size_t i = 0; i < bl->nitems; i++) {
		size_t from = L->n;
		int n;

		if (text_add_rich(L, &bl->items[i], TL_PARA, ind, width) < 0)
			return -1;
		if (L->n == from)
			continue;
		n = snprintf(label, sizeof(label), "%zu.", i + 1);
		while (n < ind && n < (int)sizeof(label) - 1)
			label[n++] = ' ';
		label[n] = '\0';
		if (prefix_line(&L->v[from], label, 0, ind) < 0)
			return -1;
	}
	return 0;
}

/* ---- tables ---------------------------------------------------------------- */

static bool header_row(const struct table_row *r)
{
	for (size_t k = 0; k < r->ncells; k++)
		if (!r->cells[k].header)
			return false;
	return r->ncells > 0;
}

/* One line of text made of cells padded to their columns. */
static int table_line(struct text_layout *L, char **cells, const int *cw,
		      const int *colw, size_t ncols, unsigned style)
{
	struct text_line ln = { .kind = TL_PLAIN, .first = true };
	size_t len = 1;
	char *p;

	for (size_t k = 0; k < ncols; k++)
		len += strlen(cells[k]) + (size_t)colw[k] + 2;
	ln.text = p = malloc(len);
	ln.runs = malloc(sizeof(*ln.runs));
	if (!ln.text || !ln.runs) {
		free(ln.text);
		free(ln.runs);
		return -1;
	}
	for (size_t k = 0; k < ncols; k++) {
		bool last = k + 1 == ncols;

		p = stpcpy(p, cells[k]);
		ln.width += cw[k];
		for (int pad = cw[k]; !last && pad < colw[k] + 2; pad++) {
			*p++ = ' ';
			ln.width++;
		}
	}
	*p = '\0';
	ln.runs[0] = (struct text_run){ 0, strlen(ln.text), style };
	ln.nruns = 1;
	if (push(L, &ln) < 0) {
		free(ln.text);
		free(ln.runs);
		return -1;
	}
	return 0;
}

/* Wide: every cell on one line, columns lined up.  Returns 1 when the
 * table does not fit `width` that way (nothing added). */
static int table_wide(struct text_layout *L, const struct block *bl, int width)
{
	size_t ncols = bl->rows[0].ncells;
	int *colw = calloc(ncols, sizeof(*colw));
	int *cw = calloc(bl->nrows * ncols, sizeof(*cw));
	char **txt = calloc(bl->nrows * ncols, sizeof(*txt));
	int total = 0, rc = 0;

	if (!colw || !cw || !txt) {
		rc = -1;
		goto out;
	}
	for (size_t r = 0; r < bl->nrows; r++)
		for (size_t k = 0; k < ncols; k++) {
			const struct table_row *row = &bl->rows[r];
			size_t i = r * ncols + k;
			struct text_layout one;

			/* a cell as text.c would draw it: widths measured
			 * the same way, unprintables replaced */
			text_layout_init(&one);
			if (k < row->ncells &&
			    text_add_rich(&one, &row->cells[k].text, TL_PLAIN,
					  0, 1 << 20) < 0) {
				rc = -1;
				goto out;
			}
			txt[i] = strdup(one.n ? one.v[0].text : "");
			cw[i] = one.n ? one.v[0].width : 0;
			text_layout_release(&one);
			if (!txt[i]) {
				rc = -1;
				goto out;
			}
			if (cw[i] > colw[k])
				colw[k] = cw[i];
		}
	for (size_t k = 0; k < ncols; k++)
		total += colw[k] + (k + 1 < ncols ? 2 : 0);
	if (total > width) {
		rc = 1;
		goto out;
	}
	for (size_t r = 0; r < bl->nrows && rc == 0; r++) {
		bool head = header_row(&bl->rows[r]);

		rc = table_line(L, txt + r * ncols, cw + r * ncols, colw, ncols,
				head ? TS_STRONG : 0);
		if (rc == 0 && head && r == 0) {
			/* a rule under the header row */
			char *rule = malloc((size_t)total + 1);
			char *one[1] = { rule };
			int rw[1] = { total };

			if (!rule) {
				rc = -1;
				break;
			}
			memset(rule, '-', (size_t)total);
			rule[total] = '\0';
			rc = table_line(L, one, rw, rw, 1, 0);
			free(rule);
		}
	}
out:
	for (size_t i = 0; txt && i < bl->nrows * ncols; i++)
		free(txt[i]);
	free(txt);
	free(cw);
	free(colw);
	return rc;
}

/* Narrow: each row as "header: value" lines, a blank line between rows. */
static int table_narrow(struct text_layout *L, const struct block *bl,
			int width)
{
	const struct table_row *head = header_row(&bl->rows[0]) ? &bl->rows[0]
							       : NULL;

	for (size_t r = head ? 1 : 0; r < bl->nrows; r++) {
		const struct table_row *row = &bl->rows[r];

		if (r > (head ? 1u : 0u) && text_add_blank(L) < 0)
			return -1;
		for (size_t k = 0; k < row->ncells; k++) {
			const struct rich *v = &row->cells[k].text;
			struct span *sp;
			struct rich both;
			char *label = NULL;
			int rc;

			if (head && k < head->ncells) {
				char *h = rich_flatten(&head->cells[k].text);

				if (!h)
					return -1;
				label = malloc(strlen(h) + 2);
				if (label)
					sprintf(label, "%s:", h);
				free(h);
				if (!label)
					return -1;
			}
			sp = calloc(v->n + 2, sizeof(*sp));
			if (!sp) {
				free(label);
				return -1;
			}
			both.spans = sp;
			both.n = 0;
			if (label && *label != ':') {
				sp[both.n++] = (struct span){ SPAN_STRONG, label };
				sp[both.n++] = (struct span){ SPAN_TEXT, " " };
			}
			memcpy(sp + both.n, v->spans, v->n * sizeof(*sp));
			both.n += v->n;
			rc = text_add_rich(L, &both, TL_PLAIN, k ? 2 : 0, width);
			free(sp);
			free(label);
			if (rc < 0)
				return -1;
		}
	}
	return 0;
}

int text_layout_table(struct text_layout *L, const struct block *bl, int width)
{
	int rc;

	if (!bl->nrows || !bl->rows[0].ncells)
		return 0;
	rc = table_wide(L, bl, width);
	if (rc == 1)
		rc = table_narrow(L, bl, width);
	return rc < 0 ? -1 : 0;
}

/* ---- case stems -------------------------------------------------------------- */

int text_layout_blocks(struct text_layout *L, const struct block *b, size_t n,
		       int width)
{
	struct page pg = { .blocks = (struct block *)b, .nblocks = n };

	return text_layout_page(L, &pg, width);
}

int text_layout_case(struct text_layout *L, const struct case_stem *cs,
		     int width)
{
	if (!cs)
		return 0;
	if (cs->title && text_add_str(L, cs->title, TS_STRONG, TL_HEADING, 0,
				      width) < 0)
		return -1;
	return text_layout_blocks(L, cs->blocks, cs->nblocks, width);
}

/* ---- glossary ------------------------------------------------------------------ */

int text_layout_terms(struct text_layout *L, const struct gloss_entry *const *e,
		      size_t n, int width)
{
	for (size_t i = 0; i < n; i++) {
		struct span *sp = calloc(e[i]->def.n + 2, sizeof(*sp));
		struct rich r = { sp, 0 };
		char *label;
		int rc;

		if (!sp)
			return -1;
		label = malloc(strlen(e[i]->term) + 2);
		if (!label) {
			free(sp);
			return -1;
		}
		sprintf(label, "%s:", e[i]->term);
		sp[r.n++] = (struct span){ SPAN_STRONG, label };
		sp[r.n++] = (struct span){ SPAN_TEXT, " " };
		memcpy(sp + r.n, e[i]->def.spans, e[i]->def.n * sizeof(*sp));
		r.n += e[i]->def.n;
		rc = (i > 0 ? text_add_blank(L) : 0);
		if (rc == 0)
			rc = text_add_rich(L, &r, TL_PARA, 0, width);
		free(label);
		free(sp);
		if (rc < 0)
			return -1;
	}
	return 0;
}
