/* Unit tests for diag.c and err.c. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "diag.h"
#include "err.h"

static void sorts_by_file_line_col_keeping_order(void **state)
{
	struct diags d;

	(void)state;
	diags_init(&d);
	diags_add(&d, "b.xml", 3, 1, "third");
	diags_add(&d, "a.xml", 9, 2, "second");
	diags_add(&d, "a.xml", 1, 5, "first");
	diags_add(&d, "b.xml", 3, 1, "fourth");
	diags_sort(&d);
	assert_int_equal(d.n, 4);
	assert_string_equal(d.v[0].msg, "first");
	assert_string_equal(d.v[1].msg, "second");
	assert_string_equal(d.v[2].msg, "third");
	assert_string_equal(d.v[3].msg, "fourth");
	diags_release(&d);
	assert_int_equal(d.n, 0);
}

static void err_set_formats_and_returns_minus_one(void **state)
{
	struct err e;

	(void)state;
	assert_int_equal(err_set(&e, ERR_INVALID, "bad %s at %d", "x", 3), -1);
	assert_int_equal(e.code, ERR_INVALID);
	assert_string_equal(e.msg, "bad x at 3");
	err_prefix(&e, "%s: ", "f.xml");
	assert_string_equal(e.msg, "f.xml: bad x at 3");
	assert_int_equal(err_set(NULL, ERR_GENERIC, "ignored"), -1);
	err_clear(&e);
	assert_string_equal(e.msg, "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sorts_by_file_line_col_keeping_order),
		cmocka_unit_test(err_set_formats_and_returns_minus_one),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
