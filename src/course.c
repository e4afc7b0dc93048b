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

bool catalog_is_template(const struct catalog *cat, const char *id)
{
	const struct course *c = catalog_find(cat, id);

	return c && c->is_template;
}

void catalog_drop_templates(struct catalog *cat)
{
	size_t k = 0;

	for (size_t i = 0; cat && i < cat->ncourses; i++) {
		if (cat->courses[i]->is_template)
			course_free(cat->courses[i]);
		else
			cat->courses[k++] = cat->courses[i];
	}
	if (cat)
		cat->ncourses = k;
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
