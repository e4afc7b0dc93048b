/* Unit tests for the coordinators' pure helpers: csv.c, textcol.c, slug.c,
 * isodate.c. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "csv.h"
#include "isodate.h"
#include "slug.h"
#include "textcol.h"

/* Runs fn into a memory stream and returns what it wrote (caller frees). */
struct mem {
	char *buf;
	size_t len;
	FILE *f;
};

static void mem_open(struct mem *m)
{
	m->buf = NULL;
	m->len = 0;
	m->f = open_memstream(&m->buf, &m->len);
	assert_non_null(m->f);
}

static char *mem_close(struct mem *m)
{
	fclose(m->f);
	return m->buf;
}

static void csv_quotes_only_when_needed(void **state)
{
	(void)state;
	assert_false(csv_needs_quotes(NULL));
	assert_false(csv_needs_quotes(""));
	assert_false(csv_needs_quotes("Ștefania Țăranu"));
	assert_true(csv_needs_quotes("Smith, John"));
	assert_true(csv_needs_quotes("say \"hi\""));
	assert_true(csv_needs_quotes("a\nb"));
	assert_true(csv_needs_quotes("a\rb"));
}

static void csv_record_follows_rfc4180(void **state)
{
	struct mem m;
	char *s;

	(void)state;
	mem_open(&m);
	assert_int_equal(csv_field(m.f, "plain", true), 0);
	assert_int_equal(csv_field(m.f, "Smith, John", false), 0);
	assert_int_equal(csv_field(m.f, "the \"chief\"", false), 0);
	assert_int_equal(csv_field(m.f, NULL, false), 0);
	assert_int_equal(csv_field(m.f, "two\r\nlines", false), 0);
	assert_int_equal(csv_field(m.f, "Nguyễn Thị Minh", false), 0);
	assert_int_equal(csv_end(m.f), 0);
	s = mem_close(&m);
	assert_string_equal(s, "plain,\"Smith, John\",\"the \"\"chief\"\"\",,"
			       "\"two\r\nlines\",Nguyễn Thị Minh\r\n");
	free(s);
}

static void csv_text_defuses_formulas(void **state)
{
	struct mem m;
	char *s;

	(void)state;
	mem_open(&m);
	csv_field_text(m.f, "=HYPERLINK(\"x\")", true);
	csv_field_text(m.f, "+1", false);
	csv_field_text(m.f, "@SUM(A1)", false);
	csv_field_text(m.f, "-2,3", false);
	csv_field_text(m.f, "Anna", false);
	csv_field_text(m.f, "", false);
	csv_end(m.f);
	s = mem_close(&m);
	assert_string_equal(s, "\"'=HYPERLINK(\"\"x\"\")\",'+1,'@SUM(A1),"
			       "\"'-2,3\",Anna,\r\n");
	free(s);
}

static void width_counts_columns_not_bytes(void **state)
{
	(void)state;
	assert_int_equal(textcol_width(NULL), 0);
	assert_int_equal(textcol_width(""), 0);
	assert_int_equal(textcol_width("abc"), 3);
	/* precomposed ș ț ă */
	assert_int_equal(textcol_width("Ștefania Țăranu"), 15);
	/* e + combining acute, Vietnamese stacked marks (decomposed) */
	assert_int_equal(textcol_width("e\xcc\x81"), 1);
	assert_int_equal(textcol_width("Nguye\xcc\x82\xcc\x83n"), 6);
	/* wide CJK */
	assert_int_equal(textcol_width("\xe7\x8e\x8b\xe8\x8a\xb3"), 4);
	/* controls and bidi overrides take no column; a bad byte one */
	assert_int_equal(textcol_width("a\x1b[2Jb"), 5);
	assert_int_equal(textcol_width("a\xe2\x80\xae" "b"), 2);
	assert_int_equal(textcol_width("a\xff" "b"), 3);
}

static char *put(const char *s, size_t w, int pad)
{
	struct mem m;

	mem_open(&m);
	assert_int_equal(textcol_put(m.f, s, w, pad), 0);
	return mem_close(&m);
}

static void put_pads_and_cuts_by_width(void **state)
{
	char *s;

	(void)state;
	s = put("Țăranu", 8, 1);
	assert_string_equal(s, "Țăranu  ");
	free(s);
	s = put("Țăranu", 8, 0);
	assert_string_equal(s, "Țăranu");
	free(s);
	s = put("Ștefania Țăranu", 6, 1);
	assert_string_equal(s, "Ștefa…");
	free(s);
	/* a wide character that does not fit leaves a padded gap */
	s = put("\xe7\x8e\x8b\xe8\x8a\xb3\xe8\x8a\xb3", 4, 1);
	assert_string_equal(s, "\xe7\x8e\x8b… ");
	free(s);
	/* escape sequences never reach the terminal */
	s = put("a\x1b[2Jb", 6, 1);
	assert_string_equal(s, "a[2Jb ");
	free(s);
	s = put("x\xff", 3, 1);
	assert_string_equal(s, "x? ");
	free(s);
	s = put(NULL, 2, 1);
	assert_string_equal(s, "  ");
	free(s);
}

static void slug_is_safe_ascii(void **state)
{
	char *s;

	(void)state;
	s = slug_make("Ștefania Țăranu", 40);
	assert_string_equal(s, "stefania-taranu");
	free(s);
	s = slug_make("  ../../etc/passwd  ", 40);
	assert_string_equal(s, "etc-passwd");
	free(s);
	s = slug_make("Nguyễn Thị Minh Khai", 40);
	assert_string_equal(s, "nguyen-thi-minh-khai");
	free(s);
	s = slug_make("Anna Maria Smith", 10);
	assert_string_equal(s, "anna-maria");
	free(s);
	/* a word that does not fit goes whole */
	s = slug_make("Anna Mariana Smith", 10);
	assert_string_equal(s, "anna");
	free(s);
	s = slug_make("Annamariana", 6);
	assert_string_equal(s, "annama");
	free(s);
	s = slug_make("Анна", 40);
	assert_string_equal(s, "");
	free(s);
	s = slug_make(".hidden", 40);
	assert_string_equal(s, "hidden");
	free(s);
	s = slug_make("bad\xff", 40);
	assert_string_equal(s, "");
	free(s);
}

static void dates_add_periods(void **state)
{
	char out[ISODATE_SIZE];
	int y, m, d;

	(void)state;
	assert_int_equal(isodate_add("2025-03-14", 2, 0, 0, out, NULL), 0);
	assert_string_equal(out, "2027-03-14");
	assert_int_equal(isodate_add("2024-02-29", 1, 0, 0, out, NULL), 0);
	assert_string_equal(out, "2025-02-28");
	assert_int_equal(isodate_add("2025-01-31", 0, 1, 0, out, NULL), 0);
	assert_string_equal(out, "2025-02-28");
	assert_int_equal(isodate_add("2025-11-30", 0, 3, 1, out, NULL), 0);
	assert_string_equal(out, "2026-03-01");
	assert_int_equal(isodate_add("2025-12-31", 0, 0, 1, out, NULL), 0);
	assert_string_equal(out, "2026-01-01");
	assert_int_equal(isodate_add("2023-12-31", 0, 0, 366, out, NULL), 0);
	assert_string_equal(out, "2024-12-31");
	assert_int_equal(isodate_add("2025-02-30", 1, 0, 0, out, NULL), -1);
	assert_int_equal(isodate_add("9999-06-01", 1, 0, 0, out, NULL), -1);
	assert_int_equal(isodate_parse("2024-02-29", &y, &m, &d, NULL), 0);
	assert_int_equal(isodate_parse("2023-02-29", &y, &m, &d, NULL), -1);
	assert_int_equal(isodate_parse("2023-2-28", &y, &m, &d, NULL), -1);
}

static void today_honours_override(void **state)
{
	char out[ISODATE_SIZE];

	(void)state;
	setenv("COURSEKIOSK_NOW", "2031-07-04", 1);
	assert_int_equal(isodate_today(out, NULL), 0);
	assert_string_equal(out, "2031-07-04");
	setenv("COURSEKIOSK_NOW", "tomorrow", 1);
	assert_int_equal(isodate_today(out, NULL), -1);
	unsetenv("COURSEKIOSK_NOW");
	assert_int_equal(isodate_today(out, NULL), 0);
	assert_int_equal(strlen(out), 10);
	assert_true(strcmp(out, "2025-01-01") > 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(csv_quotes_only_when_needed),
		cmocka_unit_test(csv_record_follows_rfc4180),
		cmocka_unit_test(csv_text_defuses_formulas),
		cmocka_unit_test(width_counts_columns_not_bytes),
		cmocka_unit_test(put_pads_and_cuts_by_width),
		cmocka_unit_test(slug_is_safe_ascii),
		cmocka_unit_test(dates_add_periods),
		cmocka_unit_test(today_honours_override),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
