/* Unit tests for text.c: widths, wrapping, page layout, the line editor. */
#include <locale.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "text.h"

/* decomposed: s + U+0326 COMBINING COMMA BELOW (Romanian ș) */
#define S_COMMA "s\xCC\xA6"
/* decomposed: e + U+0323 dot below + U+0302 circumflex (Vietnamese ệ) */
#define E_VIET "e\xCC\xA3\xCC\x82"

static int setup(void **state)
{
	(void)state;
	return setlocale(LC_ALL, "C.UTF-8") ? 0 : -1;
}

static void widths_of_ascii_wide_and_combining(void **state)
{
	(void)state;
	assert_true(text_utf8());
	assert_int_equal(text_width("abc", 3), 3);
	assert_int_equal(text_width("日本", strlen("日本")), 4);
	assert_int_equal(text_width(S_COMMA, strlen(S_COMMA)), 1);
	assert_int_equal(text_width("ș", strlen("ș")), 1);
	assert_int_equal(text_width(E_VIET, strlen(E_VIET)), 1);
	assert_int_equal(text_width("Vi" E_VIET "t", strlen("Vi" E_VIET "t")), 4);
	/* an invalid byte counts as one replacement column */
	assert_int_equal(text_width("a\xff" "b", 3), 3);
}

static void decode_rejects_bad_sequences(void **state)
{
	unsigned cp;

	(void)state;
	assert_int_equal(text_decode("\xC3\xA9", 2, &cp), 2);
	assert_int_equal(cp, 0xE9);
	assert_int_equal(text_decode("\xC0\xAF", 2, &cp), 1);   /* overlong */
	assert_int_equal(cp, 0xFFFD);
	assert_int_equal(text_decode("\xED\xA0\x80", 3, &cp), 1); /* surrogate */
	assert_int_equal(cp, 0xFFFD);
	assert_int_equal(text_decode("\xE6\x97", 2, &cp), 1);   /* truncated */
	assert_int_equal(text_decode("", 0, &cp), 0);
}

static void fit_keeps_marks_with_their_base(void **state)
{
	const char *s = "a\xCC\x86" S_COMMA "b";   /* ă ș b, decomposed */
	int w;

	(void)state;
	/* one column: "a" and its breve, never "a" alone */
	assert_int_equal(text_fit(s, strlen(s), 1, &w), 3);
	assert_int_equal(w, 1);
	assert_int_equal(text_fit(s, strlen(s), 2, &w), 6);
	assert_int_equal(w, 2);
	assert_int_equal(text_fit(s, strlen(s), 9, &w), strlen(s));
	assert_int_equal(w, 3);
	/* a wide character does not fit in one remaining column */
	assert_int_equal(text_fit("日本語", strlen("日本語"), 3, &w), 3);
	assert_int_equal(w, 2);
	assert_int_equal(text_fit("日", 3, 1, &w), 0);
	assert_int_equal(w, 0);
}

static void check_lines(const struct text_layout *L, int width)
{
	for (size_t i = 0; i < L->n; i++) {
		const struct text_line *ln = &L->v[i];
		size_t len = strlen(ln->text), covered = 0;
		unsigned cp;

		assert_int_equal(ln->width, text_width(ln->text, len));
		if (text_width(ln->text, len) > 0)
			assert_true(ln->indent + ln->width <= width ||
				    ln->width <= 2);
		/* no line starts with a combining mark or a space */
		if (len) {
			text_decode(ln->text, len, &cp);
			assert_true(text_cp_width(cp) > 0);
			assert_true(ln->text[0] != ' ');
			assert_true(ln->text[len - 1] != ' ');
		}
		for (size_t r = 0; r < ln->nruns; r++) {
			assert_int_equal(ln->runs[r].off, covered);
			covered += ln->runs[r].len;
		}
		assert_int_equal(covered, len);
	}
}

static void wrap(struct text_layout *L, const char *s, int indent, int width)
{
	text_layout_init(L);
	assert_int_equal(text_add_str(L, s, 0, TL_PARA, indent, width), 0);
	check_lines(L, width);
}

static void wraps_at_exact_width(void **state)
{
	struct text_layout L;

	(void)state;
	wrap(&L, "aaa bbb", 0, 7);
	assert_int_equal(L.n, 1);
	assert_string_equal(L.v[0].text, "aaa bbb");
	text_layout_release(&L);

	wrap(&L, "aaa bbb", 0, 6);
	assert_int_equal(L.n, 2);
	assert_string_equal(L.v[0].text, "aaa");
	assert_string_equal(L.v[1].text, "bbb");
	assert_true(L.v[0].first);
	assert_false(L.v[1].first);
	text_layout_release(&L);

	/* white space collapses; leading and trailing space go */
	wrap(&L, "  one \t two\n\nthree  ", 0, 40);
	assert_int_equal(L.n, 1);
	assert_string_equal(L.v[0].text, "one two three");
	text_layout_release(&L);

	/* indent counts against the width */
	wrap(&L, "aaa bbb", 4, 10);
	assert_int_equal(L.n, 2);
	assert_int_equal(L.v[1].indent, 4);
	text_layout_release(&L);

	wrap(&L, "", 0, 10);
	assert_int_equal(L.n, 0);
	text_layout_release(&L);
}

static void cuts_long_words(void **state)
{
	struct text_layout L;

	(void)state;
	wrap(&L, "x abcdefghij y", 0, 4);
	assert_int_equal(L.n, 4);
	assert_string_equal(L.v[0].text, "x");
	assert_string_equal(L.v[1].text, "abcd");
	assert_string_equal(L.v[2].text, "efgh");
	assert_string_equal(L.v[3].text, "ij y");
	text_layout_release(&L);

	/* a run of decomposed ș cut into lines of three, marks kept */
	wrap(&L, S_COMMA S_COMMA S_COMMA S_COMMA S_COMMA S_COMMA S_COMMA, 0, 3);
	assert_int_equal(L.n, 3);
	assert_int_equal(strlen(L.v[0].text), 9);
	assert_int_equal(L.v[0].width, 3);
	assert_int_equal(L.v[2].width, 1);
	text_layout_release(&L);

	/* width 1 and a wide character: one per line, no endless loop */
	wrap(&L, "日本", 0, 1);
	assert_int_equal(L.n, 2);
	text_layout_release(&L);
	wrap(&L, "abc", 5, 3);    /* indent beyond the width */
	assert_true(L.n >= 1);
	text_layout_release(&L);
}

static void breaks_between_wide_characters(void **state)
{
	struct text_layout L;

	(void)state;
	wrap(&L, "日本語のテキスト", 0, 6);
	assert_int_equal(L.n, 3);
	assert_string_equal(L.v[0].text, "日本語");
	assert_string_equal(L.v[1].text, "のテキ");
	assert_string_equal(L.v[2].text, "スト");
	text_layout_release(&L);

	/* odd width: a wide character never straddles the edge */
	wrap(&L, "日本語", 0, 5);
	assert_int_equal(L.n, 2);
	assert_int_equal(L.v[0].width, 4);
	text_layout_release(&L);

	/* mixed Latin and CJK */
	wrap(&L, "Tokyo 東京 station", 0, 8);
	check_lines(&L, 8);
	assert_string_equal(L.v[0].text, "Tokyo 東");
	text_layout_release(&L);
}

static void diacritics_wrap_by_columns_not_bytes(void **state)
{
	struct text_layout L;
	const char *viet = "Vi" E_VIET "t Nam";    /* 8 columns, 14 bytes */
	const char *ro = "Fe\xC8\x99" "e \xC8\x99i ro\xC8\x9Bi";  /* precomposed */

	(void)state;
	wrap(&L, viet, 0, 8);
	assert_int_equal(L.n, 1);
	assert_int_equal(L.v[0].width, 8);
	text_layout_release(&L);
	wrap(&L, viet, 0, 7);
	assert_int_equal(L.n, 2);
	assert_string_equal(L.v[0].text, "Vi" E_VIET "t");
	text_layout_release(&L);
	wrap(&L, ro, 0, 8);
	assert_int_equal(L.n, 2);
	assert_string_equal(L.v[0].text, "Fe\xC8\x99" "e \xC8\x99i");
	assert_int_equal(L.v[0].width, 7);
	text_layout_release(&L);
}

static void rich_spans_become_runs(void **state)
{
	struct span sp[] = {
		{ SPAN_TEXT, "Read " }, { SPAN_EM, "this" },
		{ SPAN_TEXT, " and " }, { SPAN_STRONG, "that" },
		{ SPAN_CITE, "s1 s2" }, { SPAN_TEXT, "." },
	};
	struct rich r = { sp, sizeof(sp) / sizeof(sp[0]) };
	struct text_layout L;

	(void)state;
	text_layout_init(&L);
	assert_int_equal(text_add_rich(&L, &r, TL_PARA, 0, 80), 0);
	check_lines(&L, 80);
	assert_int_equal(L.n, 1);
	assert_string_equal(L.v[0].text, "Read this and that [s1, s2].");
	assert_int_equal(L.v[0].nruns, 7);   /* ... "that", " ", "[s1, s2]", "." */
	assert_int_equal(L.v[0].runs[1].style, TS_EM);
	assert_int_equal(L.v[0].runs[1].off, 5);
	assert_int_equal(L.v[0].runs[1].len, 4);
	assert_int_equal(L.v[0].runs[3].style, TS_STRONG);
	assert_int_equal(L.v[0].runs[5].style, TS_CITE);
	assert_int_equal(L.v[0].runs[6].style, 0);
	text_layout_release(&L);

	/* a citation is never broken, even where its space would fit */
	text_layout_init(&L);
	assert_int_equal(text_add_rich(&L, &r, TL_PARA, 0, 20), 0);
	check_lines(&L, 20);
	assert_int_equal(L.n, 2);
	assert_string_equal(L.v[1].text, "[s1, s2].");
	text_layout_release(&L);
}

static void lays_out_a_page(void **state)
{
	struct span h[] = { { SPAN_TEXT, "Indicators" } };
	struct span p[] = { { SPAN_TEXT, "A child may show signs." } };
	struct span i1[] = { { SPAN_TEXT, "Missing from home often and for long" } };
	struct span i2[] = { { SPAN_TEXT, "New phone" } };
	struct span n[] = { { SPAN_TEXT, "Act on concern" } };
	struct rich items[] = { { i1, 1 }, { i2, 1 } };
	char *refs[] = { "s1", "s2" };
	struct block b[] = {
		{ .kind = BLOCK_H, .text = { h, 1 } },
		{ .kind = BLOCK_P, .text = { p, 1 } },
		{ .kind = BLOCK_LIST, .items = items, .nitems = 2 },
		{ .kind = BLOCK_NOTE, .note = NOTE_WARNING, .text = { n, 1 } },
		{ .kind = BLOCK_CITE, .refs = refs, .nrefs = 2 },
	};
	struct page pg = { .id = "p1", .blocks = b, .nblocks = 5 };
	struct text_layout L;
	size_t k = 0;

	(void)state;
	text_layout_init(&L);
	assert_int_equal(text_layout_page(&L, &pg, 24), 0);
	check_lines(&L, 24);
	assert_int_equal(L.v[k].kind, TL_HEADING);
	assert_string_equal(L.v[k++].text, "Indicators");
	assert_int_equal(L.v[k++].kind, TL_BLANK);
	assert_int_equal(L.v[k++].kind, TL_PARA);
	assert_int_equal(L.v[k++].kind, TL_BLANK);
	/* first item wraps with a hanging indent of 4 */
	assert_int_equal(L.v[k].kind, TL_ITEM);
	assert_true(L.v[k].first);
	assert_int_equal(L.v[k++].indent, 4);
	assert_int_equal(L.v[k].kind, TL_ITEM);
	assert_false(L.v[k].first);
	assert_int_equal(L.v[k++].indent, 4);
	while (L.v[k].kind == TL_ITEM && !(L.v[k].first &&
					   !strcmp(L.v[k].text, "New phone")))
		k++;
	assert_string_equal(L.v[k++].text, "New phone");
	assert_int_equal(L.v[k++].kind, TL_BLANK);
	assert_int_equal(L.v[k].kind, TL_NOTE_LABEL);
	assert_int_equal(L.v[k].note, NOTE_WARNING);
	assert_string_equal(L.v[k++].text, "Warning");
	assert_int_equal(L.v[k].kind, TL_NOTE);
	assert_int_equal(L.v[k].note, NOTE_WARNING);
	assert_string_equal(L.v[k++].text, "Act on concern");
	assert_int_equal(L.v[k++].kind, TL_BLANK);
	assert_int_equal(L.v[k].kind, TL_CITE);
	assert_string_equal(L.v[k++].text, "Sources: [s1, s2]");
	assert_int_equal(k, L.n);
	text_layout_release(&L);
}

static void replaces_what_cannot_be_shown(void **state)
{
	struct text_layout L;

	(void)state;
	wrap(&L, "a\xff" "b\x1b[31mc", 0, 40);
	assert_int_equal(L.n, 1);
	assert_null(strchr(L.v[0].text, '\x1b'));
	assert_non_null(strstr(L.v[0].text, "\xEF\xBF\xBD"));
	text_layout_release(&L);
}

static void every_width_is_respected(void **state)
{
	const char *s = "Copiii traficați " E_VIET " 日本語テキスト and "
			"a-very-long-unbroken-identifier-for-testing, "
			"Fe\xC8\x99" "e " S_COMMA "i ro\xC8\x9Bi.";

	(void)state;
	for (int w = 1; w < 60; w++) {
		struct text_layout L;

		wrap(&L, s, 0, w);
		assert_true(L.n > 0);
		text_layout_release(&L);
	}
}

static void editor_handles_clusters(void **state)
{
	struct text_edit ed;

	(void)state;
	text_edit_init(&ed, 0);
	assert_int_equal(text_edit_insert(&ed, 'V'), 0);
	assert_int_equal(text_edit_insert(&ed, 'e'), 0);
	assert_int_equal(text_edit_insert(&ed, 0x323), 0);
	assert_int_equal(text_edit_insert(&ed, 0x302), 0);
	assert_string_equal(ed.buf, "V" E_VIET);
	/* left skips the whole ệ; backspace removes it whole */
	text_edit_left(&ed);
	assert_int_equal(ed.cur, 1);
	text_edit_right(&ed);
	assert_int_equal(ed.cur, ed.len);
	text_edit_backspace(&ed);
	assert_string_equal(ed.buf, "V");
	/* refused: controls, zero-width and bidi overrides */
	assert_int_equal(text_edit_insert(&ed, 0x1b), -1);
	assert_int_equal(text_edit_insert(&ed, 0x200B), -1);
	assert_int_equal(text_edit_insert(&ed, 0x202E), -1);
	assert_int_equal(text_edit_insert(&ed, 0x65E5), 0);    /* 日 */
	text_edit_home(&ed);
	text_edit_delete(&ed);
	assert_string_equal(ed.buf, "日");
	text_edit_end(&ed);
	assert_int_equal(ed.cur, 3);
	text_edit_clear(&ed);
	assert_int_equal(ed.len, 0);

	/* the byte limit holds */
	text_edit_init(&ed, 4);
	assert_int_equal(text_edit_insert(&ed, 0x65E5), 0);
	assert_int_equal(text_edit_insert(&ed, 0x65E5), -1);
	assert_int_equal(text_edit_insert(&ed, 'a'), 0);
	assert_int_equal(text_edit_insert(&ed, 'b'), -1);
}

static void editor_view_follows_cursor(void **state)
{
	struct text_edit ed;
	size_t start = 0;

	(void)state;
	text_edit_init(&ed, 0);
	for (int i = 0; i < 30; i++)
		text_edit_insert(&ed, 'a' + i % 26);
	start = text_edit_view(&ed, 10, start);
	assert_true(text_width(ed.buf + start, ed.cur - start) <= 9);
	assert_true(start > 0);
	text_edit_home(&ed);
	assert_int_equal(text_edit_view(&ed, 10, start), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(widths_of_ascii_wide_and_combining),
		cmocka_unit_test(decode_rejects_bad_sequences),
		cmocka_unit_test(fit_keeps_marks_with_their_base),
		cmocka_unit_test(wraps_at_exact_width),
		cmocka_unit_test(cuts_long_words),
		cmocka_unit_test(breaks_between_wide_characters),
		cmocka_unit_test(diacritics_wrap_by_columns_not_bytes),
		cmocka_unit_test(rich_spans_become_runs),
		cmocka_unit_test(lays_out_a_page),
		cmocka_unit_test(replaces_what_cannot_be_shown),
		cmocka_unit_test(every_width_is_respected),
		cmocka_unit_test(editor_handles_clusters),
		cmocka_unit_test(editor_view_follows_cursor),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}
