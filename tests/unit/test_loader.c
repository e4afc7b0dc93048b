/* Unit tests for the course loader (course_xml*.c) and text checks
 * (course_text.c), on the fixtures under tests/fixtures. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include <sodium.h>

#include "course.h"

static char fix[2048];       /* tests/fixtures, absolute */
static char tmpdir[2048];

static const char *F(const char *rel)
{
	static char buf[8][4096];
	static int k;

	k = (k + 1) % 8;
	snprintf(buf[k], sizeof(buf[k]), "%s/%s", fix, rel);
	return buf[k];
}

static const char *T(const char *rel)
{
	static char buf[8][4096];
	static int k;

	k = (k + 1) % 8;
	snprintf(buf[k], sizeof(buf[k]), "%s/%s", tmpdir, rel);
	return buf[k];
}

/* The diag with `needle` in its message, or NULL. */
static const struct diag *find(const struct diags *d, const char *needle)
{
	for (size_t i = 0; i < d->n; i++)
		if (strstr(d->v[i].msg, needle))
			return &d->v[i];
	return NULL;
}

static void dump(const struct diags *d)
{
	for (size_t i = 0; i < d->n; i++)
		print_message("  %s:%d:%d: %s\n", d->v[i].file, d->v[i].line,
			      d->v[i].col, d->v[i].msg);
}

static void no_secret(const struct diags *d)
{
	for (size_t i = 0; i < d->n; i++) {
		assert_null(strstr(d->v[i].msg, "root:x:0"));
		assert_null(strstr(d->v[i].msg, "/bin/"));
	}
}

static long ms_since(const struct timeval *t0)
{
	struct timeval t1;

	gettimeofday(&t1, NULL);
	return (t1.tv_sec - t0->tv_sec) * 1000L +
	       (t1.tv_usec - t0->tv_usec) / 1000L;
}

/* ---- the good course ---------------------------------------------------- */

static const char *span_text(const struct rich *r, size_t i,
			     enum span_kind kind)
{
	assert_true(i < r->n);
	assert_int_equal(r->spans[i].kind, kind);
	return r->spans[i].text;
}

static void good_course_loads_every_field(void **state)
{
	struct diags d;
	struct course *c;
	const struct module *m;
	const struct page *p;

	(void)state;
	diags_init(&d);
	c = course_load(F("good"), &d);
	dump(&d);
	assert_int_equal(d.n, 0);
	assert_non_null(c);
	assert_string_equal(c->id, "fixture-course");
	assert_int_equal(c->version, 2);
	assert_string_equal(c->lang, "en");
	assert_string_equal(c->title, "Fixture course for tests");
	assert_string_equal(c->summary, "Everything the format allows, once.");
	assert_string_equal(c->cert_title, "Certificate of completion");
	assert_string_equal(c->valid_for, "P2Y6M");
	assert_int_equal(c->valid_years, 2);
	assert_int_equal(c->valid_months, 6);
	assert_int_equal(c->valid_days, 0);
	assert_int_equal(c->nmodules, 2);
	assert_int_equal(course_count_pages(c), 4);
	assert_int_equal(course_count_questions(c), 6);

	m = &c->modules[0];
	assert_string_equal(m->id, "intro");
	assert_int_equal(m->version, 1);
	assert_int_equal(m->minutes, 20);
	assert_string_equal(m->audience, "social-work police");
	assert_string_equal(m->content_note, "Mentions exploitation.");
	assert_int_equal(m->nrequires, 0);
	assert_null(m->quiz);
	assert_int_equal(m->nlessons, 2);
	assert_int_equal(m->npages, 3);
	assert_string_equal(m->lessons[0].id, "basics");
	assert_string_equal(m->lessons[0].title, "The basics");
	p = &m->lessons[0].pages[0];
	assert_string_equal(p->id, "p1");
	assert_string_equal(p->title, "First page");
	assert_int_equal(p->nblocks, 7);
	assert_int_equal(p->blocks[0].kind, BLOCK_H);
	assert_string_equal(span_text(&p->blocks[0].text, 0, SPAN_TEXT),
			    "Three elements");
	/* <p>Trafficking has an <em>act</em>, a <strong>means</strong> and a
	 *    purpose.<cite ref="palermo"/> For a  child\n the means ...</p> */
	assert_int_equal(p->blocks[1].kind, BLOCK_P);
	assert_int_equal(p->blocks[1].text.n, 7);
	assert_string_equal(span_text(&p->blocks[1].text, 0, SPAN_TEXT),
			    "Trafficking has an ");
	assert_string_equal(span_text(&p->blocks[1].text, 1, SPAN_EM), "act");
	assert_string_equal(span_text(&p->blocks[1].text, 2, SPAN_TEXT), ", a ");
	assert_string_equal(span_text(&p->blocks[1].text, 3, SPAN_STRONG),
			    "means");
	assert_string_equal(span_text(&p->blocks[1].text, 4, SPAN_TEXT),
			    " and a purpose.");
	assert_string_equal(span_text(&p->blocks[1].text, 5, SPAN_CITE),
			    "palermo");
	assert_string_equal(span_text(&p->blocks[1].text, 6, SPAN_TEXT),
			    " For a child the means is not needed.");
	assert_int_equal(p->blocks[2].kind, BLOCK_LIST);
	assert_int_equal(p->blocks[2].nitems, 2);
	assert_string_equal(span_text(&p->blocks[2].items[1], 0, SPAN_TEXT),
			    "two ");
	assert_string_equal(span_text(&p->blocks[2].items[1], 1, SPAN_EM),
			    "both");
	assert_int_equal(p->blocks[3].kind, BLOCK_NOTE);
	assert_int_equal(p->blocks[3].note, NOTE_KEY);
	assert_int_equal(p->blocks[4].note, NOTE_HISTORY);
	assert_int_equal(p->blocks[5].note, NOTE_WARNING);
	assert_int_equal(p->blocks[6].kind, BLOCK_CITE);
	assert_int_equal(p->blocks[6].nrefs, 2);
	assert_string_equal(p->blocks[6].refs[0], "palermo");
	assert_string_equal(p->blocks[6].refs[1], "ctac");
	assert_null(m->lessons[0].pages[1].title);
	assert_int_equal(m->nsources, 2);
	assert_string_equal(m->sources[0].id, "palermo");
	assert_string_equal(m->sources[0].title, "Palermo Protocol, Article 3");
	assert_string_equal(m->sources[0].publisher, "United Nations");
	assert_string_equal(m->sources[0].year, "2000");
	assert_string_equal(m->sources[0].url, "un.org/palermo");
	assert_null(m->sources[1].publisher);
	assert_non_null(module_find_source(m, "ctac"));
	assert_non_null(strstr(m->file, "01-intro.xml"));

	m = &c->modules[1];
	assert_string_equal(m->id, "quiz");
	assert_int_equal(m->nrequires, 1);
	assert_string_equal(m->requires[0], "intro");
	assert_int_equal(m->minutes, 10);
	assert_null(m->audience);
	diags_release(&d);
	course_free(c);
}

static void good_quiz_has_every_question_type(void **state)
{
	struct diags d;
	struct course *c;
	const struct quiz *z;
	const struct question *q;

	(void)state;
	diags_init(&d);
	c = course_load(F("good"), &d);
	assert_non_null(c);
	z = c->modules[1].quiz;
	assert_non_null(z);
	assert_string_equal(z->id, "check");
	assert_string_equal(z->title, "Check your understanding");
	assert_int_equal(z->pass, 75);
	assert_int_equal(z->attempts, 3);
	assert_true(z->shuffle);
	assert_int_equal(z->draw, 5);
	assert_int_equal(z->feedback, FEEDBACK_DEFERRED);
	assert_int_equal(z->nquestions, 6);

	q = &z->questions[0];
	assert_string_equal(q->id, "q1");
	assert_int_equal(q->type, Q_SINGLE);
	assert_int_equal(q->points, 2);
	assert_true(q->critical);
	assert_int_equal(q->noptions, 3);
	assert_true(q->options[0].correct);
	assert_string_equal(q->options[0].text, "The means");
	assert_string_equal(q->options[0].why,
			    "For children, act and purpose suffice.");
	assert_false(q->options[1].correct);
	assert_null(q->options[1].why);
	assert_false(q->options[2].correct);
	assert_string_equal(span_text(&q->prompt, 1, SPAN_EM), "not");
	assert_string_equal(span_text(&q->hint, 0, SPAN_TEXT),
			    "Think about consent.");
	assert_int_equal(q->explain.n, 1);

	q = &z->questions[1];
	assert_int_equal(q->type, Q_MULTIPLE);
	assert_true(q->partial);
	assert_int_equal(q->points, 1);
	assert_false(q->critical);
	assert_int_equal(q->hint.n, 0);
	assert_string_equal(q->options[2].why, "Not an agency.");

	q = &z->questions[2];
	assert_int_equal(q->type, Q_TRUEFALSE);
	assert_false(q->answer);

	q = &z->questions[3];
	assert_int_equal(q->type, Q_TEXT);
	assert_false(q->ignore_case);
	assert_int_equal(q->naccept, 2);
	assert_string_equal(q->accept[1], "Palermo Protocol");

	q = &z->questions[4];
	assert_int_equal(q->type, Q_ORDER);
	assert_int_equal(q->nitems, 3);
	assert_string_equal(q->items[0], "first");
	assert_string_equal(q->items[2], "third");

	q = &z->questions[5];
	assert_int_equal(q->type, Q_MATCH);
	assert_int_equal(q->npairs, 2);
	assert_string_equal(q->pairs[1].left, "Romania");
	assert_string_equal(q->pairs[1].right, "Bucharest");
	diags_release(&d);
	course_free(c);
}

static void module_hash_is_blake2b_of_the_file(void **state)
{
	struct diags d;
	struct module *m;
	unsigned char buf[65536], h[32];
	char hex[65];
	FILE *f;
	size_t n;

	(void)state;
	assert_true(sodium_init() >= 0);
	f = fopen(F("good/01-intro.xml"), "rb");
	assert_non_null(f);
	n = fread(buf, 1, sizeof(buf), f);
	fclose(f);
	crypto_generichash(h, sizeof(h), buf, n, NULL, 0);
	sodium_bin2hex(hex, sizeof(hex), h, sizeof(h));
	diags_init(&d);
	m = module_load(F("good/01-intro.xml"), &d);
	assert_non_null(m);
	assert_int_equal(strlen(m->hash), 64);
	assert_string_equal(m->hash, hex);
	module_free(m);
	module_free(NULL);
	diags_release(&d);
}

static void module_hash_changes_with_one_byte(void **state)
{
	struct diags d;
	struct module *a, *b;
	FILE *f;

	(void)state;
	diags_init(&d);
	a = module_load(F("good/01-intro.xml"), &d);
	assert_non_null(a);
	f = fopen(T("copy.xml"), "w");
	assert_non_null(f);
	{
		FILE *in = fopen(F("good/01-intro.xml"), "r");
		int ch;
		assert_non_null(in);
		while ((ch = fgetc(in)) != EOF)
			fputc(ch, f);
		fclose(in);
		fputc('\n', f);
	}
	fclose(f);
	b = module_load(T("copy.xml"), &d);
	assert_non_null(b);
	assert_string_not_equal(a->hash, b->hash);
	module_free(a);
	module_free(b);
	diags_release(&d);
}

/* ---- each malformed module ------------------------------------------------ */

struct bad_case {
	const char *file;       /* under tests/fixtures */
	int line;               /* expected line, -1: any */
	const char *needle;     /* in the message */
};

static const struct bad_case module_cases[] = {
	{ "bad/single-no-correct.xml", 11, "question 'q1' has no correct option" },
	{ "bad/single-two-correct.xml", 11, "has 2 correct options" },
	{ "bad/multiple-no-correct.xml", 11, "question 'q1' has no correct option" },
	{ "bad/draw-too-big.xml", 10, "draw=\"4\" but only 3 questions" },
	{ "bad/draw-below-critical.xml", 10, "draw must be at least 2" },
	{ "bad/pass-over-100.xml", 10, "pass=\"120\" is not a percentage" },
	{ "bad/dup-lesson-id.xml", 6, "lesson id 'l1' is used more than once" },
	{ "bad/dup-page-id.xml", 9, "page id 'p1' is used more than once" },
	{ "bad/dup-question-id.xml", 12, "question id 'q1' is used more than once" },
	{ "bad/dup-source-id.xml", 13, "source id 's1' is used more than once" },
	{ "bad/cite-unknown.xml", 7, "cite ref 'nope' names no <source>" },
	{ "bad/cite-unknown.xml", 8, "cite ref 'missing' names no <source>" },
	{ "bad/bidi.xml", 7, "bidirectional override U+202E" },
	{ "bad/zero-width.xml", 7, "zero-width character U+200B" },
	{ "bad/c1-control.xml", 7, "control character U+0085" },
	{ "bad/charref-bidi.xml", 7, "U+202E (written as a character reference)" },
	{ "bad/empty-text.xml", 7, "paragraph <p> is empty" },
	{ "bad/empty-text.xml", 8, "list <item> is empty" },
	{ "bad/schema-bad.xml", 8, "<script> is not allowed inside <page>" },
	{ "bad/latin1.xml", 1, "must be UTF-8" },
	{ "bad/utf16.xml", 1, "not UTF-8" },
	{ "bad/bad-utf8.xml", 2, "UTF-8" },
	{ "bad/truncated.xml", -1, "Premature end of data" },
	{ "bad/empty.xml", 0, "file is empty" },
	{ "bad/html-root.xml", 2, "root element must be <course>" },
	{ "bad/undefined-entity.xml", 2, "Entity 'nbsp' not defined" },
	{ "bad/xxe-file.xml", 2, "DOCTYPE is not allowed" },
	{ "bad/xxe-url.xml", 2, "DOCTYPE is not allowed" },
	{ "bad/external-dtd.xml", 2, "DOCTYPE is not allowed" },
	{ "bad/param-entity.xml", 2, "DOCTYPE is not allowed" },
	{ "bad/entity-bomb.xml", 2, "DOCTYPE is not allowed" },
	{ "bad/xinclude.xml", 18, "<include> is not allowed inside <page>" },
	{ "good/course.xml", 3, "not a module file" },
};

static void bad_module_is_refused(void **state)
{
	const struct bad_case *bc = *state;
	struct diags d;
	struct module *m;
	const struct diag *g;

	diags_init(&d);
	m = module_load(F(bc->file), &d);
	if (!find(&d, bc->needle))
		dump(&d);
	assert_null(m);
	g = find(&d, bc->needle);
	assert_non_null(g);
	if (bc->line >= 0)
		assert_int_equal(g->line, bc->line);
	assert_non_null(strstr(g->file, bc->file));
	no_secret(&d);
	diags_release(&d);
}

/* <accept> "*" would accept anything, "..." nothing (fold_answer). */
static void accept_matching_all_or_nothing_is_refused(void **state)
{
	struct diags d;
	const struct diag *g;

	(void)state;
	diags_init(&d);
	assert_null(module_load(F("bad/accept-wildcard.xml"), &d));
	g = find(&d, "would accept every answer");
	assert_non_null(g);
	assert_int_equal(g->line, 14);
	g = find(&d, "is only punctuation");
	assert_non_null(g);
	assert_int_equal(g->line, 15);
	/* "18*" on line 13 is fine */
	for (size_t i = 0; i < d.n; i++)
		assert_int_not_equal(d.v[i].line, 13);
	diags_release(&d);
}

static const struct bad_case course_cases[] = {
	{ "bad-courses/requires-unknown", 5, "requires 'nosuch', but no module" },
	{ "bad-courses/requires-cycle", 4, "cycle: a -> c -> b -> a" },
	{ "bad-courses/requires-self", 4, "module 'a' requires itself" },
	{ "bad-courses/dup-module-id", 5, "module id 'same'" },
	{ "bad-courses/href-dotdot", 4, "may not contain '..'" },
	{ "bad-courses/href-absolute", 4, "not an absolute path" },
	{ "bad-courses/href-symlink", 4, "leads outside the course folder" },
	{ "bad-courses/href-missing", 4, "No such file" },
	{ "bad-courses/href-directory", 0, "is a folder" },
	{ "bad-courses/module-is-manifest", 2, "not a module file" },
	{ "bad-courses/manifest-is-module", 2, "not a course manifest" },
	{ "bad-courses/valid-for-bad", 5, "valid-for" },
	{ "bad-courses/module-bad", 11, "has 2 correct options" },
	{ "bad-courses/href-twice", 5, "'link.xml' is already listed on line 4" },
};

static void bad_course_is_refused(void **state)
{
	const struct bad_case *bc = *state;
	struct diags d;
	struct course *c;
	const struct diag *g;

	diags_init(&d);
	c = course_load(F(bc->file), &d);
	if (!find(&d, bc->needle))
		dump(&d);
	assert_null(c);
	g = find(&d, bc->needle);
	assert_non_null(g);
	assert_int_equal(g->line, bc->line);
	no_secret(&d);
	diags_release(&d);
}

/* ---- course format 1.1: glossary, course sources, cases, tables ---------- */

static void additions_load_into_the_model(void **state)
{
	struct diags d;
	struct course *c;
	const struct module *m;
	const struct page *p;
	const struct block *b;
	const struct quiz *z;
	const struct gloss_entry *terms[4];

	(void)state;
	diags_init(&d);
	c = course_load(F("v11"), &d);
	dump(&d);
	assert_int_equal(d.n, 0);
	assert_non_null(c);
	/* glossary */
	assert_int_equal(c->nglossary, 2);
	assert_string_equal(c->glossary[0].id, "nrm");
	assert_string_equal(c->glossary[0].term, "NRM");
	assert_string_equal(span_text(&c->glossary[0].def, 1, SPAN_EM), "UK");
	assert_string_equal(span_text(&c->glossary[0].def, 3, SPAN_CITE), "cs1");
	assert_ptr_equal(course_find_term(c, "dgaspc"), &c->glossary[1]);
	assert_null(course_find_term(c, "nope"));
	/* course sources, taken by ref with their titles */
	assert_int_equal(c->nsources, 2);
	m = &c->modules[0];
	assert_int_equal(m->nsources, 3);
	assert_string_equal(m->sources[0].id, "cs1");
	assert_true(m->sources[0].from_course);
	assert_string_equal(m->sources[0].title, "NRM guidance");
	assert_string_equal(m->sources[0].publisher, "Home Office");
	assert_string_equal(m->sources[0].url, "gov.uk/nrm");
	assert_false(m->sources[2].from_course);
	assert_non_null(module_find_source(m, "cs2"));
	/* terms */
	p = &m->lessons[0].pages[0];
	b = &p->blocks[0];
	assert_string_equal(span_text(&b->text, 1, SPAN_TERM), "NRM");
	assert_string_equal(span_term_ref(&b->text.spans[1]), "nrm");
	assert_string_equal(span_text(&b->text, 2, SPAN_TEXT), " and the ");
	/* an empty <term ref="dgaspc"/> shows the entry's term */
	assert_string_equal(span_text(&b->text, 3, SPAN_TERM), "DGASPC");
	assert_null(span_term_ref(&b->text.spans[0]));
	assert_int_equal(page_terms(c, p, terms, 4), 2);
	assert_ptr_equal(terms[0], &c->glossary[0]);
	assert_ptr_equal(terms[1], &c->glossary[1]);
	assert_int_equal(page_terms(c, p, terms, 1), 2);   /* counted */
	/* numbered list */
	assert_int_equal(p->blocks[1].kind, BLOCK_LIST);
	assert_true(p->blocks[1].numbered);
	assert_int_equal(p->blocks[1].nitems, 2);
	/* table */
	b = &p->blocks[2];
	assert_int_equal(b->kind, BLOCK_TABLE);
	assert_int_equal(b->nrows, 3);
	assert_int_equal(b->rows[0].ncells, 2);
	assert_true(b->rows[0].cells[0].header);
	assert_false(b->rows[1].cells[0].header);
	assert_string_equal(span_text(&b->rows[1].cells[0].text, 0, SPAN_TEXT),
			    "NCA");
	assert_string_equal(span_text(&b->rows[1].cells[1].text, 1, SPAN_CITE),
			    "cs1");
	assert_string_equal(span_text(&b->rows[2].cells[1].text, 0, SPAN_EM),
			    "Romania");
	/* cases and question attributes */
	z = m->quiz;
	assert_int_equal(z->ncases, 2);
	assert_int_equal(z->nquestions, 4);
	assert_string_equal(z->cases[0].id, "case-a");
	assert_string_equal(z->cases[0].title, "Case A");
	assert_int_equal(z->cases[0].nblocks, 2);
	assert_int_equal(z->cases[0].blocks[1].kind, BLOCK_LIST);
	assert_null(z->cases[1].title);
	assert_ptr_equal(z->questions[0].stem, &z->cases[0]);
	assert_ptr_equal(z->questions[1].stem, &z->cases[0]);
	assert_ptr_equal(z->questions[2].stem, &z->cases[1]);
	assert_null(z->questions[3].stem);
	assert_int_equal(z->questions[0].kind, QK_DECISION);
	assert_int_equal(z->questions[1].kind, QK_RECALL);
	assert_int_equal(z->questions[2].kind, QK_NONE);
	assert_string_equal(question_kind_name(QK_DECISION), "decision");
	assert_false(z->questions[0].no_shuffle);
	assert_true(z->questions[1].no_shuffle);
	assert_non_null(z->questions[0].fixed_last);
	assert_false(z->questions[0].fixed_last[0]);
	assert_true(z->questions[0].fixed_last[2]);
	assert_null(z->questions[1].fixed_last);
	assert_false(z->questions[2].ignore_case);    /* letter-case="exact" */
	assert_true(z->questions[3].ignore_case);
	course_free(c);
	diags_release(&d);
}

static void fixed_last_stays_last(void **state)
{
	struct option o[4] = { { "a", true, NULL }, { "none", false, NULL },
			       { "b", false, NULL }, { "c", false, NULL } };
	bool fixed[4] = { false, true, false, false };
	struct question q = { .type = Q_SINGLE, .options = o, .noptions = 4,
			      .fixed_last = fixed };
	size_t perm[4] = { 1, 3, 0, 2 };

	(void)state;
	question_fix_last(&q, perm, 4);
	assert_int_equal(perm[0], 3);
	assert_int_equal(perm[1], 0);
	assert_int_equal(perm[2], 2);
	assert_int_equal(perm[3], 1);
	q.fixed_last = NULL;       /* nothing fixed: unchanged */
	question_fix_last(&q, perm, 4);
	assert_int_equal(perm[3], 1);
	assert_int_equal(perm[0], 3);
}

struct placed_case {
	const char *file;       /* under tests/fixtures */
	int line, col;
	const char *needle;
	bool course;            /* load as a course folder */
};

static const struct placed_case placed_cases[] = {
	{ "bad/text-case-old.xml", 7, 19, "Write letter-case=\"exact\"", false },
	{ "bad/case-unknown.xml", 7, 21, "this quiz has no <case id=\"nosuch\">", false },
	{ "bad/case-dup.xml", 8, 11, "case id 'c1' is used more than once", false },
	{ "bad/table-ragged.xml", 8, 7, "has 1 cell but the first row has 2", false },
	{ "bad-courses/term-unknown", 6, 36, "has no <entry id=\"nmr\">", true },
	{ "bad-courses/source-ref-unknown", 9, 13, "no <source id=\"cs9\">", true },
};

static void placed_problem_is_reported(void **state)
{
	const struct placed_case *pc = *state;
	struct diags d;
	const struct diag *g;
	void *x;

	diags_init(&d);
	if (pc->course) {
		x = course_load(F(pc->file), &d);
		course_free(x);
	} else {
		x = module_load(F(pc->file), &d);
		module_free(x);
	}
	if (!find(&d, pc->needle))
		dump(&d);
	assert_null(x);
	g = find(&d, pc->needle);
	assert_non_null(g);
	assert_int_equal(g->line, pc->line);
	assert_int_equal(g->col, pc->col);
	diags_release(&d);
}

/* ---- hostile input generated here ----------------------------------------- */

static void write_file(const char *path, const char *head, const char *unit,
		       size_t times, const char *tail)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(head, f);
	for (size_t i = 0; i < times; i++)
		fputs(unit, f);
	fputs(tail, f);
	fclose(f);
}

static void refused_quickly(const char *path, const char *needle)
{
	struct diags d;
	struct timeval t0;
	struct module *m;

	diags_init(&d);
	gettimeofday(&t0, NULL);
	m = module_load(path, &d);
	assert_true(ms_since(&t0) < 2000);
	if (!find(&d, needle))
		dump(&d);
	assert_null(m);
	assert_non_null(find(&d, needle));
	diags_release(&d);
}

static void write_deep(const char *path, int levels)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs("<?xml version=\"1.0\"?>\n", f);
	for (int i = 0; i < levels; i++)
		fputs("<p>", f);
	for (int i = 0; i < levels; i++)
		fputs("</p>", f);
	fclose(f);
}

static void deep_nesting_is_refused(void **state)
{
	(void)state;
	/* 100,000 levels: more elements than a file may hold */
	write_deep(T("deep.xml"), 100000);
	refused_quickly(T("deep.xml"), "more than 50000 elements");
	/* 40,000 levels: within the element limit, refused by depth */
	write_deep(T("deep.xml"), 40000);
	refused_quickly(T("deep.xml"), "nested too deeply");
}

static void too_many_attributes_are_refused(void **state)
{
	FILE *f = fopen(T("attrs.xml"), "w");

	(void)state;
	assert_non_null(f);
	fputs("<?xml version=\"1.0\"?>\n<module", f);
	for (int i = 0; i < 100000; i++)
		fprintf(f, " a%d='x'", i);
	fputs("/>\n", f);
	fclose(f);
	refused_quickly(T("attrs.xml"), "more than 64 attributes");
}

static void file_over_the_cap_is_refused(void **state)
{
	(void)state;
	write_file(T("big.xml"), "<?xml version=\"1.0\"?>\n<module>",
		   "<!-- padding padding padding padding padding padding -->\n",
		   (COURSE_FILE_MAX / 50) + 10, "</module>\n");
	refused_quickly(T("big.xml"), "too large");
}

static void random_bytes_are_refused(void **state)
{
	unsigned char buf[65536];
	FILE *f;

	(void)state;
	srand(7);
	for (size_t i = 0; i < sizeof(buf); i++)
		buf[i] = (unsigned char)rand();
	f = fopen(T("random.xml"), "wb");
	assert_non_null(f);
	fwrite(buf, 1, sizeof(buf), f);
	fclose(f);
	refused_quickly(T("random.xml"), "");
}

static void fifo_and_devices_do_not_hang(void **state)
{
	(void)state;
	unlink(T("fifo.xml"));
	assert_int_equal(mkfifo(T("fifo.xml"), 0600), 0);
	refused_quickly(T("fifo.xml"), "not a regular file");
	refused_quickly("/dev/zero", "not a regular file");
	refused_quickly(T(""), "is a folder");
	refused_quickly(T("does-not-exist.xml"), "cannot open");
}

static void problems_per_file_are_capped(void **state)
{
	struct diags d;

	(void)state;
	/* 500 bidi characters: each is a problem, but only 50 are listed */
	write_file(T("many.xml"), "<?xml version=\"1.0\"?>\n<module>",
		   "\xe2\x80\xae", 500, "</module>\n");
	diags_init(&d);
	assert_null(module_load(T("many.xml"), &d));
	assert_true(d.n >= 50 && d.n <= 52);
	assert_non_null(find(&d, "too many problems"));
	diags_release(&d);
}

/* ---- folders of courses ---------------------------------------------------- */

static void catalog_leaves_out_bad_courses(void **state)
{
	struct catalog cat;
	struct diags d;
	struct err e;
	char dir[4200];

	(void)state;
	snprintf(dir, sizeof(dir), "%s/cat", tmpdir);
	mkdir(dir, 0700);
	assert_int_equal(symlink(F("good"), T("cat/a-good")), 0);
	assert_int_equal(symlink(F("bad-courses/requires-cycle"),
				 T("cat/b-cycle")), 0);
	mkdir(T("cat/c-empty"), 0700);
	write_file(T("cat/README.txt"), "plain files are ignored\n", "", 0, "");
	diags_init(&d);
	assert_int_equal(catalog_load(&cat, dir, &d, &e), 0);
	assert_int_equal(cat.ncourses, 1);
	assert_string_equal(cat.courses[0]->id, "fixture-course");
	assert_non_null(catalog_find(&cat, "fixture-course"));
	assert_non_null(find(&d, "cycle"));
	assert_non_null(find(&d, "no course.xml"));
	assert_int_equal(d.n, 2);
	catalog_release(&cat);
	diags_release(&d);

	/* a course folder itself is a catalog of one */
	diags_init(&d);
	assert_int_equal(catalog_load(&cat, F("good"), &d, &e), 0);
	assert_int_equal(cat.ncourses, 1);
	catalog_release(&cat);
	assert_int_equal(catalog_load(&cat, T("nowhere"), &d, &e), -1);
	assert_non_null(strstr(e.msg, "nowhere"));
	catalog_release(&cat);
	diags_release(&d);
}

static void check_path_counts_and_reports(void **state)
{
	struct load_stats st = { 0 };
	struct diags d;

	(void)state;
	diags_init(&d);
	assert_int_equal(course_check_path(F("good"), &d, &st), 0);
	assert_int_equal(st.courses, 1);
	assert_int_equal(st.modules, 2);
	assert_int_equal(st.pages, 4);
	assert_int_equal(st.questions, 6);
	assert_int_equal(course_check_path(F("good/02-quiz.xml"), &d, &st), 0);
	assert_int_equal(st.courses, 1);
	assert_int_equal(st.modules, 3);
	assert_int_equal(st.questions, 12);
	assert_int_equal(course_check_path(F("good/course.xml"), &d, &st), 0);
	assert_int_equal(st.courses, 2);
	/* one report per problem, even for a file checked on its own */
	assert_int_equal(course_check_path(F("bad/bidi.xml"), &d, &st), 1);
	assert_int_equal(course_check_path(F("bad-courses"), &d, &st), 16);
	diags_release(&d);
}

/* ---- text ---------------------------------------------------------------- */

static void text_forbidden_characters(void **state)
{
	unsigned cp;

	(void)state;
	assert_int_equal(text_find_forbidden("plain text\tand\nlines", 20, &cp), -1);
	assert_int_equal(text_find_forbidden("Ro\xc8\x99u", 5, &cp), -1);
	assert_int_equal(text_find_forbidden("ab\x1b[2J", 6, &cp), 2);
	assert_int_equal(cp, 0x1b);
	assert_int_equal(text_find_forbidden("a\xc2\x85", 3, &cp), 1);
	assert_int_equal(cp, 0x85);
	assert_int_equal(text_find_forbidden("x\xe2\x80\xae", 4, &cp), 1);
	assert_int_equal(cp, 0x202e);
	assert_int_equal(text_find_forbidden("x\xe2\x81\xa6", 4, &cp), 1);
	assert_int_equal(text_find_forbidden("xy\xef\xbb\xbf", 5, &cp), 2);
	assert_int_equal(text_find_forbidden("\xe2\x80\x8b", 3, &cp), 0);
	assert_int_equal(text_find_forbidden("\xe2\x81\xa0", 3, &cp), 0);
	/* malformed UTF-8: overlong, surrogate, cut off */
	assert_int_equal(text_find_forbidden("a\xc0\xaf", 3, &cp), 1);
	assert_int_equal(cp, 0xfffd);
	assert_int_equal(text_find_forbidden("\xed\xa0\x80", 3, &cp), 0);
	assert_int_equal(text_find_forbidden("ab\xe2\x80", 4, &cp), 2);
	assert_string_equal(text_char_name(0x202e), "bidirectional override");
	assert_string_equal(text_char_name(0x2067), "bidirectional isolate");
	assert_string_equal(text_char_name(0x200d), "zero-width character");
	assert_string_equal(text_char_name(0x7f), "control character");
}

static void text_white_space(void **state)
{
	char a[] = "  two   words\n\t here  ", b[] = " \n\t ", c[] = "x";
	char e[] = "keep  \n";

	(void)state;
	assert_int_equal(text_tidy(a), 14);
	assert_string_equal(a, "two words here");
	assert_int_equal(text_tidy(b), 0);
	assert_string_equal(b, "");
	assert_int_equal(text_tidy(c), 1);
	assert_int_equal(text_collapse(e), 5);
	assert_string_equal(e, "keep ");
}

static void text_squeeze_any_unicode_space(void **state)
{
	/* no-break space, em space, line separator, form feed, tab */
	static const char *const cases[][2] = {
		{ "\xc2\xa0 Ana\xe2\x80\x83\tPopescu\xe2\x80\xa8\f", "Ana Popescu" },
		{ "  two   words\n\t here  ", "two words here" },
		{ "Ștefan", "Ștefan" },
		{ " \n\t ", "" },
		{ "", "" },
	};
	char *t;

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		t = text_squeeze(cases[i][0]);
		assert_non_null(t);
		assert_string_equal(t, cases[i][1]);
		free(t);
	}
	t = text_squeeze(NULL);
	assert_non_null(t);
	assert_string_equal(t, "");
	free(t);
}

static int setup(void **state)
{
	const char *root = getenv("CK_ROOT");

	(void)state;
	snprintf(fix, sizeof(fix), "%.1900s/tests/fixtures", root ? root : ".");
	if (fix[0] != '/') {
		char cwd[1024];
		if (!getcwd(cwd, sizeof(cwd)))
			return -1;
		snprintf(fix, sizeof(fix), "%s/%.900s/tests/fixtures", cwd,
			 root ? root : ".");
	}
	snprintf(tmpdir, sizeof(tmpdir), "/tmp/ck-loader.XXXXXX");
	return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	/* no system(): remove what the tests made, one by one */
	const char *files[] = { "copy.xml", "deep.xml", "big.xml", "random.xml",
				"fifo.xml", "many.xml", "attrs.xml", "cat/a-good",
				"cat/b-cycle", "cat/README.txt" };
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++)
		unlink(T(files[i]));
	rmdir(T("cat/c-empty"));
	rmdir(T("cat"));
	rmdir(tmpdir);
	return 0;
}

#define BAD_MODULE(i) \
	cmocka_unit_test_prestate(bad_module_is_refused, (void *)&module_cases[i])
#define BAD_COURSE(i) \
	cmocka_unit_test_prestate(bad_course_is_refused, (void *)&course_cases[i])

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(good_course_loads_every_field),
		cmocka_unit_test(additions_load_into_the_model),
		cmocka_unit_test(fixed_last_stays_last),
#define P(i) cmocka_unit_test_prestate(placed_problem_is_reported, (void *)&placed_cases[i])
		P(0), P(1), P(2), P(3), P(4), P(5),
#undef P
		cmocka_unit_test(good_quiz_has_every_question_type),
		cmocka_unit_test(module_hash_is_blake2b_of_the_file),
		cmocka_unit_test(module_hash_changes_with_one_byte),
		BAD_MODULE(0), BAD_MODULE(1), BAD_MODULE(2), BAD_MODULE(3),
		BAD_MODULE(4), BAD_MODULE(5), BAD_MODULE(6), BAD_MODULE(7),
		BAD_MODULE(8), BAD_MODULE(9), BAD_MODULE(10), BAD_MODULE(11),
		BAD_MODULE(12), BAD_MODULE(13), BAD_MODULE(14), BAD_MODULE(15),
		BAD_MODULE(16), BAD_MODULE(17), BAD_MODULE(18), BAD_MODULE(19),
		BAD_MODULE(20), BAD_MODULE(21), BAD_MODULE(22), BAD_MODULE(23),
		BAD_MODULE(24), BAD_MODULE(25), BAD_MODULE(26), BAD_MODULE(27),
		BAD_MODULE(28), BAD_MODULE(29), BAD_MODULE(30), BAD_MODULE(31),
		BAD_MODULE(32),
		BAD_COURSE(0), BAD_COURSE(1), BAD_COURSE(2), BAD_COURSE(3),
		BAD_COURSE(4), BAD_COURSE(5), BAD_COURSE(6), BAD_COURSE(7),
		BAD_COURSE(8), BAD_COURSE(9), BAD_COURSE(10), BAD_COURSE(11),
		BAD_COURSE(12), BAD_COURSE(13),
		cmocka_unit_test(deep_nesting_is_refused),
		cmocka_unit_test(too_many_attributes_are_refused),
		cmocka_unit_test(file_over_the_cap_is_refused),
		cmocka_unit_test(random_bytes_are_refused),
		cmocka_unit_test(fifo_and_devices_do_not_hang),
		cmocka_unit_test(problems_per_file_are_capped),
		cmocka_unit_test(catalog_leaves_out_bad_courses),
		cmocka_unit_test(check_path_counts_and_reports),
		cmocka_unit_test(text_forbidden_characters),
		cmocka_unit_test(text_white_space),
		cmocka_unit_test(text_squeeze_any_unicode_space),
		cmocka_unit_test(accept_matching_all_or_nothing_is_refused),
	};

	_Static_assert(sizeof(module_cases) / sizeof(module_cases[0]) == 33,
		       "every module case is listed in main()");
	_Static_assert(sizeof(course_cases) / sizeof(course_cases[0]) == 14,
		       "every course case is listed in main()");
	return cmocka_run_group_tests(tests, setup, teardown);
}
