/* Unit tests for text_blocks.c: numbered lists, tables at any width, case
 * stems and glossary terms laid out as styled lines. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "course.h"
#include "text.h"

static struct course *c;

static int setup(void **state)
{
	struct diags d;

	(void)state;
	setlocale(LC_ALL, "C.UTF-8");
	diags_init(&d);
	c = course_load("tests/fixtures/v11", &d);
	diags_release(&d);
	return c ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	course_free(c);
	return 0;
}

static const struct page *page(void)
{
	return &c->modules[0].lessons[0].pages[0];
}

static void dump(const struct text_layout *L)
{
	for (size_t i = 0; i < L->n; i++)
		print_message("  %2d|%*s%s|\n", L->v[i].width, L->v[i].indent, "",
			      L->v[i].text);
}

static void numbered_list_has_numbers_and_hanging_indent(void **state)
{
	struct text_layout L;
	const struct block *b = &page()->blocks[1];

	(void)state;
	text_layout_init(&L);
	assert_int_equal(text_layout_list(&L, b, 12), 0);
	dump(&L);
	assert_int_equal(L.n, 3);
	assert_string_equal(L.v[0].text, "1.  first");
	assert_int_equal(L.v[0].indent, 0);
	assert_int_equal(L.v[0].width, 9);
	assert_string_equal(L.v[1].text, "2.  second");
	/* the wrapped rest hangs under the text, not the number */
	assert_string_equal(L.v[2].text, "referral");
	assert_int_equal(L.v[2].indent, 4);
	for (size_t i = 0; i < L.n; i++)
		assert_true(L.v[i].indent + L.v[i].width <= 12);
	text_layout_release(&L);
}

static void wide_table_lines_up_columns(void **state)
{
	struct text_layout L;
	const struct block *b = &page()->blocks[2];

	(void)state;
	text_layout_init(&L);
	assert_int_equal(text_layout_table(&L, b, 76), 0);
	dump(&L);
	assert_int_equal(L.n, 4);     /* header, rule, two rows */
	assert_string_equal(L.v[0].text, "Body   Country");
	assert_int_equal(L.v[0].runs[0].style, TS_STRONG);
	assert_string_equal(L.v[1].text, "---------------");
	assert_string_equal(L.v[2].text, "NCA    UK [cs1]");
	assert_string_equal(L.v[3].text, "ANITP  Romania");
	text_layout_release(&L);
}

static void narrow_table_gives_header_value_lines(void **state)
{
	struct text_layout L;
	const struct block *b = &page()->blocks[2];

	(void)state;
	text_layout_init(&L);
	assert_int_equal(text_layout_table(&L, b, 14), 0);
	dump(&L);
	assert_string_equal(L.v[0].text, "Body: NCA");
	assert_int_equal(L.v[0].runs[0].style, TS_STRONG);
	assert_string_equal(L.v[1].text, "Country: UK");
	assert_int_equal(L.v[1].indent, 2);
	assert_string_equal(L.v[2].text, "[cs1]");
	assert_int_equal(L.v[3].kind, TL_BLANK);
	assert_string_equal(L.v[4].text, "Body: ANITP");
	for (size_t i = 0; i < L.n; i++)
		assert_true(L.v[i].indent + L.v[i].width <= 14);
	/* even one column wide: never wider than asked, nothing lost */
	text_layout_release(&L);
	text_layout_init(&L);
	assert_int_equal(text_layout_table(&L, b, 3), 0);
	assert_true(L.n > 8);
	text_layout_release(&L);
}

static void page_layout_draws_the_new_blocks(void **state)
{
	struct text_layout L;

	(void)state;
	text_layout_init(&L);
	assert_int_equal(text_layout_page(&L, page(), 76), 0);
	dump(&L);
	assert_true(L.n > 6);
	assert_non_null(strstr(L.v[0].text, "Refer to the NRM and the DGASPC."));
	/* the term is styled as a term */
	assert_int_equal(L.v[0].runs[1].style, TS_TERM);
	text_layout_release(&L);
}

static void case_and_terms_are_laid_out(void **state)
{
	struct text_layout L;
	const struct quiz *z = c->modules[0].quiz;
	const struct gloss_entry *e[4];
	size_t n = page_terms(c, page(), e, 4);

	(void)state;
	text_layout_init(&L);
	assert_int_equal(text_layout_case(&L, &z->cases[0], 40), 0);
	dump(&L);
	assert_string_equal(L.v[0].text, "Case A");
	assert_int_equal(L.v[0].kind, TL_HEADING);
	assert_int_equal(L.v[1].kind, TL_BLANK);
	assert_non_null(strstr(L.v[2].text, "A girl of 15"));
	text_layout_release(&L);
	text_layout_init(&L);
	assert_int_equal(text_layout_terms(&L, e, n, 76), 0);
	dump(&L);
	assert_string_equal(L.v[0].text,
			    "NRM: National Referral Mechanism: the UK framework. [cs1]");
	assert_int_equal(L.v[1].kind, TL_BLANK);
	assert_string_equal(L.v[2].text,
			    "DGASPC: The county child-protection directorate.");
	text_layout_release(&L);
	assert_int_equal(question_terms(c, &z->questions[0], e, 4), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(numbered_list_has_numbers_and_hanging_indent),
		cmocka_unit_test(wide_table_lines_up_columns),
		cmocka_unit_test(narrow_table_gives_header_value_lines),
		cmocka_unit_test(page_layout_draws_the_new_blocks),
		cmocka_unit_test(case_and_terms_are_laid_out),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
