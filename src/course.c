/* course.c - lookups over a loaded course. */
#include "course.h"

#include <stdlib.h>
#include <string.h>

const struct course *catalog_find(const struct catalog *cat, const char *id)
{
	for (size_t i = 0; cat && i < cat->ncourses; i++)
		if (!strcmp(cat->courses[i]->id, id))
			return cat->courses[i];
	return NULL;
}

const struct module *course_find_module(const struct course *c, const char *id)
{
	for (size_t i = 0; c && i < c->nmodules; i++)
		if (!strcmp(c->modules[i].id, id))
			return &c->modules[i];
	return NULL;
}

const struct source *module_find_source(const struct module *m, const char *id)
{
	for (size_t i = 0; m && i < m->nsources; i++)
		if (!strcmp(m->sources[i].id, id))
			return &m->sources[i];
	return NULL;
}

const struct gloss_entry *course_find_term(const struct course *c,
					   const char *id)
{
	for (size_t i = 0; c && id && i < c->nglossary; i++)
		if (!strcmp(c->glossary[i].id, id))
			return &c->glossary[i];
	return NULL;
}

struct terms {
	const struct course *c;
	const struct gloss_entry **out;
	size_t max, n;
};

static void terms_rich(struct terms *t, const struct rich *r)
{
	for (size_t i = 0; i < r->n; i++) {
		const struct gloss_entry *e;
		bool seen = false;

		if (r->spans[i].kind != SPAN_TERM)
			continue;
		e = course_find_term(t->c, span_term_ref(&r->spans[i]));
		if (!e)
			continue;
		for (size_t k = 0; k < t->n && k < t->max; k++)
			seen |= t->out[k] == e;
		if (seen)
			continue;
		if (t->n < t->max)
			t->out[t->n] = e;
		t->n++;
	}
}

static void terms_blocks(struct terms *t, const struct block *b, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		terms_rich(t, &b[i].text);
		for (size_t k = 0; k < b[i].nitems; k++)
			terms_rich(t, &b[i].items[k]);
		for (size_t r = 0; r < b[i].nrows; r++)
			for (size_t k = 0; k < b[i].rows[r].ncells; k++)
				terms_rich(t, &b[i].rows[r].cells[k].text);
	}
}

size_t page_terms(const struct course *c, const struct page *p,
		  const struct gloss_entry **out, size_t max)
{
	struct terms t = { c, out, max, 0 };

	if (p)
		terms_blocks(&t, p->blocks, p->nblocks);
	return t.n;
}

size_t question_terms(const struct course *c, const struct question *q,
		      const struct gloss_entry **out, size_t max)
{
	struct terms t = { c, out, max, 0 };

	if (!q)
		return 0;
	if (q->stem)
		terms_blocks(&t, q->stem->blocks, q->stem->nblocks);
	terms_rich(&t, &q->prompt);
	terms_rich(&t, &q->hint);
	return t.n;
}

void question_fix_last(const struct question *q, size_t *perm, size_t n)
{
	size_t w = 0;

	if (!q || !q->fixed_last || q->noptions < n || n < 2)
		return;
	/* stable: the others keep their shuffled order, then the fixed
	 * ones in file order */
	for (size_t k = 0; k < n; k++)
		if (!q->fixed_last[perm[k]])
			perm[w++] = perm[k];
	for (size_t i = 0; i < n && w < n; i++)
		if (q->fixed_last[i])
			perm[w++] = i;
}

const char *span_term_ref(const struct span *sp)
{
	if (!sp || sp->kind != SPAN_TERM || !sp->text)
		return NULL;
	return sp->text + strlen(sp->text) + 1;
}

const struct page *module_page(const struct module *m, size_t n,
			       const struct lesson **lesson)
{
	for (size_t i = 0; m && i < m->nlessons; i++) {
		if (n < m->lessons[i].npages) {
			if (lesson)
				*lesson = &m->lessons[i];
			return &m->lessons[i].pages[n];
		}
		n -= m->lessons[i].npages;
	}
	return NULL;
}

size_t course_count_pages(const struct course *c)
{
	size_t n = 0;

	for (size_t i = 0; i < c->nmodules; i++)
		n += c->modules[i].npages;
	return n;
}

size_t course_count_questions(const struct course *c)
{
	size_t n = 0;

	for (size_t i = 0; i < c->nmodules; i++)
		if (c->modules[i].quiz)
			n += c->modules[i].quiz->nquestions;
	return n;
}

const char *question_type_name(enum question_type t)
{
	static const char *const names[] = {
		[Q_SINGLE] = "single", [Q_MULTIPLE] = "multiple",
		[Q_TRUEFALSE] = "truefalse", [Q_TEXT] = "text",
		[Q_ORDER] = "order", [Q_MATCH] = "match",
	};
	return (unsigned)t < sizeof(names) / sizeof(names[0]) ? names[t] : "?";
}

const char *note_kind_name(enum note_kind k)
{
	switch (k) {
	case NOTE_KEY: return "key";
	case NOTE_HISTORY: return "history";
	case NOTE_WARNING: return "warning";
	}
	return "?";
}

const char *question_kind_name(enum question_kind k)
{
	switch (k) {
	case QK_RECALL: return "recall";
	case QK_DECISION: return "decision";
	case QK_NONE: break;
	}
	return "";
}

char *rich_flatten(const struct rich *r)
{
	size_t len = 1;
	char *out, *p;

	for (size_t i = 0; i < r->n; i++)
		len += strlen(r->spans[i].text) + 4 + (r->spans[i].kind == SPAN_CITE
			? strlen(r->spans[i].text) : 0);
	out = p = malloc(len);
	if (!out)
		return NULL;
	for (size_t i = 0; i < r->n; i++) {
		const char *t = r->spans[i].text;

		if (r->spans[i].kind != SPAN_CITE) {
			p = stpcpy(p, t);
			continue;
		}
		/* "s1 s2" -> "[s1, s2]", preceded by a space unless at start */
		if (p > out && p[-1] != ' ')
			*p++ = ' ';
		*p++ = '[';
		for (; *t; t++) {
			if (*t == ' ') {
				while (t[1] == ' ')
					t++;
				if (t[1])
					p = stpcpy(p, ", ");
			} else {
				*p++ = *t;
			}
		}
		*p++ = ']';
	}
	*p = '\0';
	return out;
}
