/* course.c - lookups over a loaded course. */
#include "course.h"

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
