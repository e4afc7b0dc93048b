/* Unit tests for keys.c: the key table, the bar and help built from it. */
#include <locale.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "keys.h"
#include "text.h"

static int setup(void **state)
{
	(void)state;
	return setlocale(LC_ALL, "C.UTF-8") ? 0 : -1;
}

static void maps_keys_to_actions(void **state)
{
	int arg = 0;

	(void)state;
	assert_int_equal(keys_lookup(KS_WELCOME, KC_QUIT, 'n', NULL), ACT_NEW_TRAINEE);
	assert_int_equal(keys_lookup(KS_WELCOME, KC_QUIT, 's', NULL), ACT_SIGN_IN);
	assert_int_equal(keys_lookup(KS_WELCOME, KC_QUIT, 'q', NULL), ACT_QUIT);
	assert_int_equal(keys_lookup(KS_WELCOME, KC_LOCKED, 'q', NULL), ACT_QUIT);
	assert_int_equal(keys_lookup(KS_WELCOME, KC_QUIT, 'c', NULL), ACT_COORD);
	assert_int_equal(keys_lookup(KS_MODULES, 0, 'j', NULL), ACT_DOWN);
	assert_int_equal(keys_lookup(KS_MODULES, 0, K_UP, NULL), ACT_UP);
	assert_int_equal(keys_lookup(KS_MODULES, 0, K_ENTER, NULL), ACT_CHOOSE);
	assert_int_equal(keys_lookup(KS_MODULES, 0, 'q', NULL), ACT_BACK);
	assert_int_equal(keys_lookup(KS_MODULES, 0, K_ESC, NULL), ACT_BACK);
	assert_int_equal(keys_lookup(KS_SINGLE, 0, '3', &arg), ACT_PICK);
	assert_int_equal(arg, 3);
	assert_int_equal(keys_lookup(KS_SINGLE, 0, '0', &arg), ACT_NONE);
	assert_int_equal(keys_lookup(KS_MULTI, 0, ' ', NULL), ACT_TOGGLE);
	assert_int_equal(keys_lookup(KS_TF, 0, 't', NULL), ACT_TRUE);
	assert_int_equal(keys_lookup(KS_ORDER, 0, ' ', NULL), ACT_TOGGLE);
	assert_int_equal(keys_lookup(KS_MATCH, 0, K_RIGHT, NULL), ACT_RIGHT);
	assert_int_equal(keys_lookup(KS_MATCH, 0, '2', &arg), ACT_PICK);
	assert_int_equal(arg, 2);
}

static void conditions_switch_bindings(void **state)
{
	(void)state;
	/* next page, then "take the quiz" on the last page */
	assert_int_equal(keys_lookup(KS_READER, KC_NEXT, 'n', NULL), ACT_NEXT_PAGE);
	assert_int_equal(keys_lookup(KS_READER, KC_NEXT, K_RIGHT, NULL), ACT_NEXT_PAGE);
	assert_int_equal(keys_lookup(KS_READER, KC_QUIZ, 'n', NULL), ACT_QUIZ);
	assert_int_equal(keys_lookup(KS_READER, 0, 'n', NULL), ACT_NONE);
	assert_int_equal(keys_lookup(KS_READER, KC_PREV, K_LEFT, NULL), ACT_PREV_PAGE);
	assert_int_equal(keys_lookup(KS_READER, 0, 'p', NULL), ACT_NONE);
	assert_int_equal(keys_lookup(KS_SINGLE, 0, 'h', NULL), ACT_NONE);
	assert_int_equal(keys_lookup(KS_SINGLE, KC_HINT, 'h', NULL), ACT_HINT);
	assert_int_equal(keys_lookup(KS_READER, KC_SCROLL, K_PGDN, NULL), ACT_PGDN);
	assert_int_equal(keys_lookup(KS_READER, KC_SCROLL, ' ', NULL), ACT_PGDN);
	/* an answer not saved yet: Enter retries, nothing offers to go on */
	assert_int_equal(keys_lookup(KS_FEEDBACK, KC_SAVED, K_ENTER, NULL), ACT_CHOOSE);
	assert_int_equal(keys_lookup(KS_FEEDBACK, KC_SAVED, 'r', NULL), ACT_NONE);
	assert_int_equal(keys_lookup(KS_FEEDBACK, KC_RETRY, K_ENTER, NULL), ACT_RETRY);
	assert_int_equal(keys_lookup(KS_FEEDBACK, KC_RETRY, 'r', NULL), ACT_RETRY);
	assert_null(keys_find(KS_FEEDBACK, KC_RETRY, ACT_CHOOSE));
}

static void text_screens_type_printable_keys(void **state)
{
	enum key_screen texts[] = { KS_FORM, KS_TEXT, KS_PASS, KS_COORD_FORM };

	(void)state;
	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		assert_true(keys_text_screen(texts[i]));
		assert_int_equal(keys_lookup(texts[i], ~0u, 'q', NULL), ACT_NONE);
		assert_int_equal(keys_lookup(texts[i], ~0u, '?', NULL), ACT_NONE);
		assert_int_equal(keys_lookup(texts[i], ~0u, '1', NULL), ACT_NONE);
		assert_int_equal(keys_lookup(texts[i], ~0u, 0x219, NULL), ACT_NONE);
		assert_int_equal(keys_lookup(texts[i], 0, K_ESC, NULL), ACT_BACK);
		assert_int_equal(keys_lookup(texts[i], 0, K_F1, NULL), ACT_HELP);
	}
	assert_false(keys_text_screen(KS_READER));
	assert_int_equal(keys_lookup(KS_TEXT, 0, K_ENTER, NULL), ACT_CHOOSE);
	assert_int_equal(keys_lookup(KS_TEXT, KC_HINT, K_F2, NULL), ACT_HINT);
	assert_int_equal(keys_lookup(KS_FORM, 0, K_TAB, NULL), ACT_NEXT_FIELD);
	assert_int_equal(keys_lookup(KS_READER, 0, '?', NULL), ACT_HELP);
}

static void hide_works_everywhere(void **state)
{
	(void)state;
	for (int s = 0; s < KS_COUNT; s++) {
		assert_int_equal(keys_lookup(s, 0, K_F12, NULL), ACT_HIDE);
		assert_int_equal(keys_lookup(s, 0, KEY_CTRL('l'), NULL), ACT_HIDE_HALF);
		/* Ctrl-C, Ctrl-Z and Ctrl-\ are bound to nothing */
		assert_int_equal(keys_lookup(s, ~0u, KEY_CTRL('c'), NULL), ACT_NONE);
		assert_int_equal(keys_lookup(s, ~0u, KEY_CTRL('z'), NULL), ACT_NONE);
		assert_int_equal(keys_lookup(s, ~0u, KEY_CTRL('\\'), NULL), ACT_NONE);
	}
}

/* What the bar shows is what the keys do: for every screen and every
 * combination of conditions, each bar item's first key performs it. */
static void bar_never_lies(void **state)
{
	(void)state;
	for (int s = 0; s < KS_COUNT; s++) {
		for (unsigned c = 0; c <= KC_ALL; c++) {
			const struct key_binding *v[128];
			size_t n;

			/* never together: a next page and the quiz after the
			 * last; quitting freely and a locked kiosk */
			if ((c & (KC_NEXT | KC_QUIZ)) == (KC_NEXT | KC_QUIZ) ||
			    ((c & KC_BELOW) && (c & (KC_NEXT | KC_QUIZ))) ||
			    (c & (KC_QUIT | KC_LOCKED)) == (KC_QUIT | KC_LOCKED))
				continue;
			n = keys_for(s, c, v, 128);
			for (size_t i = 0; i < n; i++) {
				int k = v[i]->keys[0], arg;

				if (!v[i]->bar)
					continue;
				if (k == K_DIGITS)
					k = '1';
				assert_int_equal(keys_lookup(s, c, k, &arg),
						 v[i]->action);
				assert_non_null(v[i]->help);
			}
		}
	}
}

static void bar_fits_and_has_help(void **state)
{
	char buf[512];
	int used;

	(void)state;
	used = keys_bar(KS_READER, KC_NEXT | KC_PREV, true, 80, buf, sizeof(buf));
	assert_non_null(strstr(buf, "n/→ next page"));
	assert_non_null(strstr(buf, "p/← previous"));
	assert_non_null(strstr(buf, "s sources"));
	assert_non_null(strstr(buf, "? help"));
	assert_null(strstr(buf, "n/→ quiz"));
	assert_int_equal(used, text_width(buf, strlen(buf)));
	assert_true(used <= 80);

	keys_bar(KS_ORDER, 0, true, 80, buf, sizeof(buf));
	assert_non_null(strstr(buf, "Space pick up"));
	keys_bar(KS_ORDER, KC_GRAB, true, 80, buf, sizeof(buf));
	assert_non_null(strstr(buf, "Space put down"));
	assert_null(strstr(buf, "pick up"));

	keys_bar(KS_READER, KC_QUIZ | KC_PREV, true, 80, buf, sizeof(buf));
	assert_non_null(strstr(buf, "n/→ quiz"));

	/* a long page in the middle of a module: the contents and the help
	 * still fit the bar of an 80-column screen (78 inside) */
	keys_bar(KS_READER, KC_NEXT | KC_PREV | KC_SCROLL, true, 78, buf,
		 sizeof(buf));
	assert_non_null(strstr(buf, "t pages"));
	assert_non_null(strstr(buf, "? help"));
	keys_bar(KS_READER, KC_QUIZ | KC_PREV | KC_SCROLL, true, 78, buf,
		 sizeof(buf));
	assert_non_null(strstr(buf, "t pages"));
	assert_non_null(strstr(buf, "? help"));
	/* unread text below: n reads on, it does not turn the page */
	assert_int_equal(keys_lookup(KS_READER, KC_BELOW | KC_PREV, 'n', NULL),
			 ACT_PGDN);
	assert_int_equal(keys_lookup(KS_READER, KC_NEXT, 'n', NULL),
			 ACT_NEXT_PAGE);
	assert_int_equal(keys_lookup(KS_READER, 0, 't', NULL), ACT_CONTENTS);
	assert_int_equal(keys_lookup(KS_READER, KC_NOTE, 'c', NULL), ACT_NOTE);
	assert_int_equal(keys_lookup(KS_READER, 0, 'c', NULL), ACT_NONE);
	assert_int_equal(keys_lookup(KS_MODULES, 0, 'r', NULL), ACT_RECORD);
	assert_int_equal(keys_lookup(KS_MODULES, 0, K_F2, NULL), ACT_LINE_MODE);
	assert_int_equal(keys_lookup(KS_READER, 0, K_F2, NULL), ACT_LINE_MODE);
	assert_int_equal(keys_lookup(KS_TEXT, KC_HINT, K_F2, NULL), ACT_HINT);

	/* narrow: fewer items, never wider than asked */
	for (int cols = 0; cols < 80; cols++) {
		used = keys_bar(KS_MULTI, KC_HINT, true, cols, buf, sizeof(buf));
		assert_true(used <= cols);
		assert_int_equal(used, text_width(buf, strlen(buf)));
	}

	/* ASCII fallback has only ASCII */
	keys_bar(KS_MODULES, 0, false, 200, buf, sizeof(buf));
	for (const char *p = buf; *p; p++)
		assert_true((unsigned char)*p < 0x80);
	assert_non_null(strstr(buf, "Up/Dn move"));
	assert_non_null(strstr(buf, "Esc/q sign out"));
	/* the screen's own label wins over the global "back" */
	assert_null(strstr(buf, "back"));

	keys_bar(KS_WELCOME, KC_LOCKED, true, 200, buf, sizeof(buf));
	assert_non_null(strstr(buf, "q leave"));
	assert_null(strstr(buf, "quit"));
	keys_bar(KS_WELCOME, KC_QUIT, true, 200, buf, sizeof(buf));
	assert_non_null(strstr(buf, "q quit"));

	/* text screens advertise F1, not '?' */
	keys_bar(KS_TEXT, KC_HINT, true, 200, buf, sizeof(buf));
	assert_non_null(strstr(buf, "F1 help"));
	assert_non_null(strstr(buf, "F2 hint"));
	assert_null(strstr(buf, "? help"));
}

static void help_lists_hide_keys(void **state)
{
	const struct key_binding *v[128];
	size_t n = keys_for(KS_READER, 0, v, 128);
	int found = 0;

	(void)state;
	for (size_t i = 0; i < n; i++)
		if (v[i]->action == ACT_HIDE || v[i]->action == ACT_HIDE_HALF)
			found++;
	assert_int_equal(found, 2);
}

static const enum key_screen coord_screens[] = {
	KS_COORD_MENU, KS_COORD_LIST, KS_COORD_TRAINEE, KS_COORD_STATS,
	KS_COORD_FORM, KS_COORD_MESSAGE, KS_COORD_CLOSED,
};
#define NCOORD (sizeof(coord_screens) / sizeof(coord_screens[0]))

static void certificate_key_is_in_the_table(void **state)
{
	const struct key_binding *b;
	char buf[512];

	(void)state;
	/* c writes the certificate, only when one can be written */
	assert_int_equal(keys_lookup(KS_COORD_TRAINEE, KC_CERT, 'c', NULL), ACT_CERT);
	assert_int_equal(keys_lookup(KS_COORD_TRAINEE, KC_CERT | KC_SCROLL, 'C',
				     NULL), ACT_CERT);
	assert_int_equal(keys_lookup(KS_COORD_TRAINEE, 0, 'c', NULL), ACT_NONE);
	assert_int_equal(keys_lookup(KS_COORD_STATS, KC_ALL, 'c', NULL), ACT_NONE);
	/* nowhere else */
	for (int s = 0; s < KS_COUNT; s++)
		if (s != KS_COORD_TRAINEE)
			assert_int_not_equal(keys_lookup(s, KC_ALL & ~KC_QUIT, 'c',
							 NULL), ACT_CERT);

	keys_bar(KS_COORD_TRAINEE, KC_CERT, true, 80, buf, sizeof(buf));
	assert_string_equal(buf, "c certificate  Esc/q back  ? help");
	keys_bar(KS_COORD_TRAINEE, KC_CERT | KC_SCROLL, true, 80, buf, sizeof(buf));
	assert_string_equal(buf, "↑↓ scroll  c certificate  Esc/q back  ? help");
	keys_bar(KS_COORD_TRAINEE, 0, true, 80, buf, sizeof(buf));
	assert_string_equal(buf, "Esc/q back  ? help");

	/* what the screen text names */
	b = keys_find(KS_COORD_TRAINEE, KC_CERT, ACT_CERT);
	assert_non_null(b);
	assert_string_equal(keys_name(b, true), "c");
	assert_non_null(strstr(b->help, "certificate"));
	assert_null(keys_find(KS_COORD_TRAINEE, 0, ACT_CERT));
}

static void coordinator_bars_are_their_own(void **state)
{
	char buf[512];

	(void)state;
	keys_bar(KS_COORD_MENU, 0, true, 80, buf, sizeof(buf));
	assert_string_equal(buf, "↑↓ move  Enter open  Esc/q leave  ? help");
	keys_bar(KS_COORD_MENU, 0, false, 80, buf, sizeof(buf));
	assert_string_equal(buf, "Up/Dn move  Enter open  Esc/q leave  ? help");
	keys_bar(KS_COORD_LIST, 0, true, 80, buf, sizeof(buf));
	assert_string_equal(buf, "↑↓ move  Enter open  Esc/q back  ? help");
	keys_bar(KS_COORD_LIST, KC_SCROLL, true, 80, buf, sizeof(buf));
	assert_string_equal(buf, "↑↓ move  PgDn/PgUp page  Enter open  Esc/q back  "
			    "? help");
	keys_bar(KS_COORD_STATS, 0, true, 80, buf, sizeof(buf));
	assert_string_equal(buf, "Esc/q back  ? help");
	keys_bar(KS_COORD_STATS, KC_SCROLL, true, 80, buf, sizeof(buf));
	assert_string_equal(buf, "↑↓ scroll  Esc/q back  ? help");
	keys_bar(KS_COORD_FORM, 0, true, 80, buf, sizeof(buf));
	assert_string_equal(buf, "Tab next field  Enter continue  Esc back  F1 help");
	keys_bar(KS_COORD_MESSAGE, 0, true, 80, buf, sizeof(buf));
	assert_string_equal(buf, "Enter OK  ? help");
	/* timed out: the bar only says how to leave, and ? is no help */
	keys_bar(KS_COORD_CLOSED, KC_QUIT, true, 80, buf, sizeof(buf));
	assert_string_equal(buf, "Enter welcome screen");
	assert_int_equal(keys_lookup(KS_COORD_CLOSED, 0, '?', NULL), ACT_NONE);
	assert_int_equal(keys_lookup(KS_COORD_CLOSED, 0, K_ESC, NULL), ACT_CHOOSE);
	assert_int_equal(keys_lookup(KS_COORD_CLOSED, 0, K_F12, NULL), ACT_HIDE);

	assert_int_equal(keys_lookup(KS_COORD_MENU, 0, 'q', NULL), ACT_BACK);
	assert_int_equal(keys_lookup(KS_COORD_MENU, 0, K_DOWN, NULL), ACT_DOWN);
	assert_int_equal(keys_lookup(KS_COORD_LIST, KC_SCROLL, K_PGDN, NULL), ACT_PGDN);
	assert_int_equal(keys_lookup(KS_COORD_STATS, KC_SCROLL, ' ', NULL), ACT_PGDN);
	assert_int_equal(keys_lookup(KS_COORD_MESSAGE, 0, 'q', NULL), ACT_CHOOSE);
}

/* Nothing on a coordinator screen talks of signing out (nobody is signed
 * in) or of a trainee's progress; the help ends with the coordinator note. */
static void coordinator_help_speaks_to_coordinators(void **state)
{
	(void)state;
	for (int s = 0; s < KS_COUNT; s++) {
		bool coord = false;

		for (size_t i = 0; i < NCOORD; i++)
			coord |= (int)coord_screens[i] == s;
		assert_int_equal(keys_coord_screen(s), coord);
	}
	for (size_t i = 0; i < NCOORD; i++) {
		const struct key_binding *v[128];
		size_t n;

		for (unsigned c = 0; c <= KC_ALL; c++) {
			n = keys_for(coord_screens[i], c, v, 128);
			for (size_t k = 0; k < n; k++) {
				assert_null(v[k]->bar && strstr(v[k]->bar, "sign out")
						    ? v[k]->bar : NULL);
				assert_null(v[k]->help && strstr(v[k]->help, "sign out")
						    ? v[k]->help : NULL);
				assert_null(v[k]->help && strstr(v[k]->help, "Sign out")
						    ? v[k]->help : NULL);
			}
		}
		assert_non_null(strstr(keys_help_note(coord_screens[i]),
				       "Coordinator mode"));
		assert_null(strstr(keys_help_note(coord_screens[i]), "progress"));
	}
	assert_non_null(strstr(keys_help_note(KS_READER), "progress"));
}

/* The passphrase screens come before coordinator mode (or close the
 * kiosk): nobody is signed in there, so their help speaks to the
 * coordinator, not of a trainee's progress or signing out. */
static void passphrase_help_speaks_to_coordinators(void **state)
{
	const enum key_screen pass[] = { KS_PASS, KS_PASS_NEW };

	(void)state;
	for (size_t i = 0; i < 2; i++) {
		const struct key_binding *v[128];
		size_t n = keys_for(pass[i], 0, v, 128);
		const char *note = keys_help_note(pass[i]);

		for (size_t k = 0; k < n; k++) {
			const char *h = v[k]->help ? v[k]->help : "";

			assert_null(strstr(h, "sign out") ? h : NULL);
			assert_null(strstr(h, "progress") ? h : NULL);
		}
		assert_non_null(strstr(note, "coordinator"));
		assert_non_null(strstr(note, "coursekiosk passwd"));
		assert_null(strstr(note, "progress"));
		/* typed text is never taken as a command */
		assert_int_equal(keys_lookup(pass[i], 0, 'q', NULL), ACT_NONE);
	}
	/* the new passphrase is typed twice: Tab moves between the fields */
	assert_int_equal(keys_lookup(KS_PASS_NEW, 0, K_TAB, NULL), ACT_NEXT_FIELD);
	assert_int_equal(keys_lookup(KS_PASS_NEW, 0, K_ENTER, NULL), ACT_CHOOSE);
}

static void ctrl_l_twice_quickly_hides(void **state)
{
	long last = -1;

	(void)state;
	assert_false(keys_double_press(&last, 1000));
	assert_true(keys_double_press(&last, 1500));
	/* a third press starts a new pair */
	assert_false(keys_double_press(&last, 1600));
	assert_false(keys_double_press(&last, 3000));
	assert_true(keys_double_press(&last, 3000 + KEYS_DOUBLE_MS));
	assert_false(keys_double_press(&last, 10000));
	/* clock going backwards never counts */
	assert_false(keys_double_press(&last, 9000));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(maps_keys_to_actions),
		cmocka_unit_test(conditions_switch_bindings),
		cmocka_unit_test(text_screens_type_printable_keys),
		cmocka_unit_test(hide_works_everywhere),
		cmocka_unit_test(bar_never_lies),
		cmocka_unit_test(passphrase_help_speaks_to_coordinators),
		cmocka_unit_test(bar_fits_and_has_help),
		cmocka_unit_test(help_lists_hide_keys),
		cmocka_unit_test(ctrl_l_twice_quickly_hides),
		cmocka_unit_test(certificate_key_is_in_the_table),
		cmocka_unit_test(coordinator_bars_are_their_own),
		cmocka_unit_test(coordinator_help_speaks_to_coordinators),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}
