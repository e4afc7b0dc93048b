/* keys.c - the key table: bindings, bar and help text in one place. */
#include "keys.h"

#include <stdio.h>
#include <string.h>

#include "text.h"

#define S(x) (1u << KS_##x)
#define ALL ((1u << KS_COUNT) - 1)
#define TEXTS (S(FORM) | S(TEXT) | S(PASS) | S(PASS_NEW) | S(COORD_FORM))
/* The coordinator passphrase, before coordinator mode or to leave. */
#define PASSES (S(PASS) | S(PASS_NEW))
/* Screens of several typed fields. */
#define FIELDS (S(FORM) | S(PASS_NEW) | S(COORD_FORM))
#define COORD (S(COORD_MENU) | S(COORD_LIST) | S(COORD_TRAINEE) | \
	       S(COORD_STATS) | S(COORD_FORM) | S(COORD_MESSAGE) | \
	       S(COORD_CLOSED))
/* screens of scrolled text */
#define SCROLLED (S(READER) | S(SOURCES) | S(RESULTS) | S(FEEDBACK) | \
		  S(HELP) | S(NOTE) | S(QINTRO) | S(MESSAGE) | \
		  S(COORD_TRAINEE) | S(COORD_STATS))
#define PAGED (S(READER) | S(SOURCES) | S(RESULTS) | S(HELP) | S(FEEDBACK) | \
	       S(COORD_TRAINEE) | S(COORD_STATS))
/* screens with a list or text to move through */
#define QUESTIONS (S(SINGLE) | S(MULTI) | S(TF) | S(ORDER) | S(MATCH))

static const struct key_binding table[] = {
	/* ---- welcome ---- */
	{ S(WELCOME), ACT_UP, { K_UP, 'k' }, "↑↓", "Up/Dn", "move",
	  "Move between New trainee and Sign in", 0 },
	{ S(WELCOME), ACT_DOWN, { K_DOWN, 'j' }, "↓", "Dn", NULL, NULL, 0 },
	{ S(WELCOME), ACT_CHOOSE, { K_ENTER }, "Enter", "Enter", "choose",
	  "Choose the highlighted item", 0 },
	{ S(WELCOME), ACT_NEW_TRAINEE, { 'n' }, "n", "n", "new trainee",
	  "Register as a new trainee", 0 },
	{ S(WELCOME), ACT_SIGN_IN, { 's' }, "s", "s", "sign in",
	  "Sign in with your name and PIN", 0 },
	{ S(WELCOME), ACT_COORD, { 'c' }, "c", "c", NULL,
	  "Coordinator mode", 0 },
	{ S(WELCOME), ACT_QUIT, { 'q', K_ESC }, "q", "q", "quit",
	  "Quit coursekiosk (asks first)", KC_QUIT },
	{ S(WELCOME), ACT_QUIT, { 'q', K_ESC }, "q", "q", "leave",
	  "Leave the kiosk (needs the coordinator passphrase)", KC_LOCKED },

	/* ---- forms: name, PIN ... ---- */
	{ FIELDS, ACT_NEXT_FIELD, { K_TAB, K_DOWN }, "Tab", "Tab", "next field",
	  "Go to the next field", 0 },
	{ FIELDS, ACT_PREV_FIELD, { K_BTAB, K_UP }, "Shift-Tab", "Shift-Tab",
	  NULL, "Go to the previous field", 0 },
	{ FIELDS, ACT_CHOOSE, { K_ENTER }, "Enter", "Enter", "continue",
	  "Next field; on the last one, send the form", 0 },
	{ FIELDS, ACT_LEFT, { K_LEFT }, "←→", "Left/Right", NULL,
	  "Move in the text, or change the choice (Space too)", 0 },
	{ FIELDS | S(PASS), ACT_RIGHT, { K_RIGHT }, "→", "Right", NULL, NULL, 0 },
	{ S(PASS), ACT_LEFT, { K_LEFT }, "←→", "Left/Right", NULL,
	  "Move in the text", 0 },

	/* ---- module list ---- */
	{ S(MODULES), ACT_UP, { K_UP, 'k' }, "↑↓", "Up/Dn", "move",
	  "Move between modules", 0 },
	{ S(MODULES), ACT_DOWN, { K_DOWN, 'j' }, "↓", "Dn", NULL, NULL, 0 },
	{ S(MODULES), ACT_CHOOSE, { K_ENTER }, "Enter", "Enter", "open",
	  "Open the highlighted module", 0 },
	{ S(MODULES), ACT_BACK, { K_ESC, 'q' }, "Esc/q", "Esc/q", "sign out",
	  "Sign out (asks first); your progress is kept", 0 },
	{ S(MODULES), ACT_RECORD, { 'r' }, "r", "r", "my record",
	  "Your record: progress, time, past attempts and certificates", 0 },

	/* ---- content note, quiz intro, messages ---- */
	{ S(NOTE), ACT_CHOOSE, { K_ENTER }, "Enter", "Enter", "continue",
	  "Continue to the module", 0 },
	{ S(QINTRO), ACT_CHOOSE, { K_ENTER }, "Enter", "Enter", "start",
	  "Start or continue the quiz", KC_QUIZ },
	{ S(QINTRO), ACT_REREAD, { 'r' }, "r", "r", "read again",
	  "Read the module's pages again", 0 },
	{ S(MESSAGE), ACT_CHOOSE, { K_ENTER }, "Enter", "Enter", "OK",
	  "Close this message", 0 },

	/* ---- lesson reader ---- */
	/* like less: n reads on down the page first, then turns it (the
	 * reader sets KC_BELOW instead of KC_NEXT/KC_QUIZ while text is
	 * left below) */
	{ S(READER), ACT_PGDN, { 'n', K_RIGHT }, "n/→", "n/Right",
	  "more", "Read on: scroll down; at the end of the page, the next "
	  "page (or the quiz after the last)", KC_BELOW },
	{ S(READER), ACT_NEXT_PAGE, { 'n', K_RIGHT }, "n/→", "n/Right",
	  "next page", "Next page", KC_NEXT },
	{ S(READER), ACT_QUIZ, { 'n', K_RIGHT }, "n/→", "n/Right",
	  "quiz", "After the last page: go to the quiz", KC_QUIZ },
	{ S(READER), ACT_PREV_PAGE, { 'p', K_LEFT }, "p/←", "p/Left",
	  "previous", "Previous page", KC_PREV },
	{ SCROLLED,
	  ACT_UP, { K_UP, 'k' }, "↑↓", "Up/Dn", "scroll",
	  "Scroll the text a line", KC_SCROLL },
	{ SCROLLED,
	  ACT_DOWN, { K_DOWN, 'j' }, "↓", "Dn", NULL, NULL, KC_SCROLL },
	{ SCROLLED,
	  ACT_PGDN, { K_PGDN, ' ' }, "PgDn/PgUp", "PgDn/PgUp", NULL,
	  "Scroll a screen down (Space too) or up", KC_SCROLL },
	{ SCROLLED,
	  ACT_PGUP, { K_PGUP }, "PgUp", "PgUp", NULL, NULL, KC_SCROLL },
	{ PAGED, ACT_HOME, { K_HOME, 'g' }, "Home", "Home", NULL, NULL, KC_SCROLL },
	{ PAGED, ACT_END, { K_END, 'G' }, "End", "End", NULL, NULL, KC_SCROLL },
	{ S(READER), ACT_SOURCES, { 's' }, "s", "s", "sources",
	  "The module's sources (what [s1] refers to)", 0 },
	{ S(READER), ACT_TERMS, { 'd' }, "d", "d", NULL,
	  "What the glossary terms on this page mean", 0 },
	{ S(READER), ACT_CONTENTS, { 't' }, "t", "t", "pages",
	  "Contents: the module's pages; go to any page you have reached", 0 },
	{ S(READER), ACT_NOTE, { 'c' }, "c", "c", NULL,
	  "Show the module's content note again", KC_NOTE },

	/* ---- contents of a module ---- */
	{ S(CONTENTS), ACT_UP, { K_UP, 'k' }, "↑↓", "Up/Dn", "move",
	  "Move between the pages you have reached", 0 },
	{ S(CONTENTS), ACT_DOWN, { K_DOWN, 'j' }, "↓", "Dn", NULL, NULL, 0 },
	{ S(CONTENTS), ACT_CHOOSE, { K_ENTER }, "Enter", "Enter", "open",
	  "Open the highlighted page", 0 },
	{ S(CONTENTS), ACT_NOTE, { 'c' }, "c", "c", NULL,
	  "Show the module's content note again", KC_NOTE },

	/* ---- the trainee's own record ---- */
	{ S(RECORD), ACT_UP, { K_UP, 'k' }, "↑↓", "Up/Dn", "move",
	  "Move between your quiz attempts", 0 },
	{ S(RECORD), ACT_DOWN, { K_DOWN, 'j' }, "↓", "Dn", NULL, NULL, 0 },
	{ S(RECORD), ACT_CHOOSE, { K_ENTER }, "Enter", "Enter", "review",
	  "Review the highlighted attempt: your answers, the right answers "
	  "and the explanations", 0 },
	{ S(RECORD), ACT_PGDN, { K_PGDN, ' ' }, "PgDn/PgUp", "PgDn/PgUp",
	  NULL, "Scroll a screen down (Space too) or up", 0 },
	{ S(RECORD), ACT_PGUP, { K_PGUP }, "PgUp", "PgUp", NULL, NULL, 0 },

	/* ---- quiz questions ---- */
	{ S(SINGLE) | S(TF) | S(MULTI), ACT_UP, { K_UP, 'k' }, "↑↓", "Up/Dn",
	  "move", "Move between the options", 0 },
	{ S(SINGLE) | S(TF) | S(MULTI), ACT_DOWN, { K_DOWN, 'j' }, "↓", "Dn",
	  NULL, NULL, 0 },
	{ S(SINGLE), ACT_PICK, { K_DIGITS }, "1-9", "1-9", "choose",
	  "Choose an option by its number", 0 },
	/* nothing is chosen when a question opens: Space chooses the
	 * highlighted option, moving only highlights */
	{ S(SINGLE) | S(TF), ACT_TOGGLE, { ' ' }, "Space", "Space", NULL,
	  "Choose the highlighted option", 0 },
	{ S(MULTI), ACT_TOGGLE, { ' ' }, "Space", "Space", "tick",
	  "Tick or untick the highlighted option", 0 },
	{ S(MULTI), ACT_PICK, { K_DIGITS }, "1-9", "1-9", "tick",
	  "Tick or untick an option by its number", 0 },
	{ S(TF), ACT_TRUE, { 't' }, "t", "t", "true", "Answer True", 0 },
	{ S(TF), ACT_FALSE, { 'f' }, "f", "f", "false", "Answer False", 0 },
	{ S(TF), ACT_PICK, { K_DIGITS }, "1/2", "1/2", NULL,
	  "Pick True (1) or False (2)", 0 },
	{ S(ORDER), ACT_UP, { K_UP, 'k' }, "↑↓", "Up/Dn", "move",
	  "Move the highlight, or the picked-up item", 0 },
	{ S(ORDER), ACT_DOWN, { K_DOWN, 'j' }, "↓", "Dn", NULL, NULL, 0 },
	{ S(ORDER), ACT_TOGGLE, { ' ' }, "Space", "Space", "put down",
	  "Put the item down where it is", KC_GRAB },
	{ S(ORDER), ACT_TOGGLE, { ' ' }, "Space", "Space", "pick up",
	  "Pick up the highlighted item, move it, put it down", 0 },
	{ S(MATCH), ACT_UP, { K_UP, 'k' }, "↑↓", "Up/Dn", "row",
	  "Move between the items on the left", 0 },
	{ S(MATCH), ACT_DOWN, { K_DOWN, 'j' }, "↓", "Dn", NULL, NULL, 0 },
	{ S(MATCH), ACT_RIGHT, { K_RIGHT, ' ', 'l' }, "←→", "Left/Right",
	  "change", "Change the match of the highlighted item", 0 },
	{ S(MATCH), ACT_LEFT, { K_LEFT }, "←", "Left", NULL,
	  NULL, 0 },
	{ S(MATCH), ACT_PICK, { K_DIGITS }, "1-9", "1-9", "match",
	  "Match the highlighted item to choice n", 0 },
	{ S(TEXT), ACT_LEFT, { K_LEFT }, "←→", "Left/Right", NULL,
	  "Move in the text (Home, End, Backspace, Delete work too)", 0 },
	{ S(TEXT), ACT_RIGHT, { K_RIGHT }, "→", "Right", NULL, NULL, 0 },
	{ S(TEXT) | FIELDS | S(PASS), ACT_HOME, { K_HOME }, "Home", "Home",
	  NULL, NULL, 0 },
	{ S(TEXT) | FIELDS | S(PASS), ACT_END, { K_END }, "End", "End", NULL,
	  NULL, 0 },
	{ QUESTIONS | S(TEXT), ACT_CHOOSE, { K_ENTER }, "Enter", "Enter",
	  "answer", "Give your answer (it is saved at once)", 0 },
	{ QUESTIONS, ACT_HINT, { 'h' }, "h", "h", "hint", "Show a hint",
	  KC_HINT },
	{ S(TEXT), ACT_HINT, { K_F2 }, "F2", "F2", "hint", "Show a hint",
	  KC_HINT },
	{ QUESTIONS | S(TEXT), ACT_BACK, { K_ESC }, "Esc", "Esc", "leave quiz",
	  "Leave the quiz; answers given so far are kept", 0 },
	/* Space and Home/End belong to the answer on question screens: only
	 * the page keys scroll a question longer than the screen. */
	{ QUESTIONS | S(TEXT), ACT_PGDN, { K_PGDN }, "PgDn", "PgDn", "more",
	  "Scroll the question a screen down (PgUp: back up)", KC_SCROLL },
	{ QUESTIONS | S(TEXT), ACT_PGUP, { K_PGUP }, "PgUp", "PgUp", NULL, NULL,
	  KC_SCROLL },

	/* ---- feedback, results, save errors ---- */
	/* an unsaved answer never offers to go on: Enter retries too */
	{ S(FEEDBACK), ACT_CHOOSE, { K_ENTER }, "Enter", "Enter", "continue",
	  "Go on: the next question, or your results after the last", KC_SAVED },
	/* the answer is saved: there is no going back to it, only out */
	{ S(FEEDBACK), ACT_BACK, { K_ESC, 'q' }, "Esc/q", "Esc/q", "leave quiz",
	  "Leave the quiz; your answers so far are saved", KC_SAVED },
	{ S(FEEDBACK), ACT_BACK, { K_ESC, 'q' }, "Esc/q", "Esc/q", NULL,
	  "Says the answer is not saved yet (r tries again)", KC_RETRY },
	{ S(FEEDBACK), ACT_RETRY, { 'r', K_ENTER }, "r", "r", "retry saving",
	  "Try to save the answer again (nothing is lost)", KC_RETRY },
	{ S(RESULTS), ACT_CHOOSE, { K_ENTER }, "Enter", "Enter", "modules",
	  "Back to the list of modules", 0 },

	/* ---- sources, help, confirmations, passphrase ---- */
	{ S(CONFIRM), ACT_YES, { 'y' }, "y", "y", "yes", "Yes", 0 },
	{ S(CONFIRM), ACT_NO, { 'n', K_ESC }, "n", "n", "no", "No", 0 },
	{ S(PASS), ACT_CHOOSE, { K_ENTER }, "Enter", "Enter", "unlock",
	  "Check the passphrase", 0 },
	{ S(HELP), ACT_BACK, { K_ESC, 'q', '?', K_F1 }, "Esc", "Esc", "close",
	  "Close the help", 0 },

	/* ---- coordinator mode ---- */
	{ S(COORD_MENU), ACT_UP, { K_UP, 'k' }, "↑↓", "Up/Dn", "move",
	  "Move between the items", 0 },
	{ S(COORD_MENU), ACT_DOWN, { K_DOWN, 'j' }, "↓", "Dn", NULL, NULL, 0 },
	{ S(COORD_MENU), ACT_CHOOSE, { K_ENTER }, "Enter", "Enter", "open",
	  "Open the highlighted item", 0 },
	{ S(COORD_MENU), ACT_BACK, { K_ESC, 'q' }, "Esc/q", "Esc/q", "leave",
	  "Leave coordinator mode (back to the welcome screen)", 0 },
	{ S(COORD_LIST), ACT_UP, { K_UP, 'k' }, "↑↓", "Up/Dn", "move",
	  "Move between the trainees found", 0 },
	{ S(COORD_LIST), ACT_DOWN, { K_DOWN, 'j' }, "↓", "Dn", NULL, NULL, 0 },
	{ S(COORD_LIST), ACT_PGDN, { K_PGDN }, "PgDn/PgUp", "PgDn/PgUp",
	  "page", "Move a screen down or up (Home, End: first, last)",
	  KC_SCROLL },
	{ S(COORD_LIST), ACT_PGUP, { K_PGUP }, "PgUp", "PgUp", NULL, NULL,
	  KC_SCROLL },
	{ S(COORD_LIST), ACT_HOME, { K_HOME, 'g' }, "Home", "Home", NULL, NULL,
	  KC_SCROLL },
	{ S(COORD_LIST), ACT_END, { K_END, 'G' }, "End", "End", NULL, NULL,
	  KC_SCROLL },
	{ S(COORD_LIST), ACT_CHOOSE, { K_ENTER }, "Enter", "Enter", "open",
	  "Open the highlighted trainee's record", 0 },
	{ S(COORD_LIST), ACT_BACK, { K_ESC, 'q' }, "Esc/q", "Esc/q", "back",
	  "Back to the search", 0 },
	{ S(COORD_TRAINEE), ACT_CERT, { 'c', 'C' }, "c", "c", "certificate",
	  "Write the certificate to a PDF or text file (issued the first "
	  "time, reprinted after)", KC_CERT },
	{ S(COORD_TRAINEE) | S(COORD_STATS), ACT_BACK, { K_ESC, 'q' }, "Esc/q",
	  "Esc/q", "back", "Back to the previous screen", 0 },
	{ S(COORD_MESSAGE), ACT_CHOOSE, { K_ENTER, K_ESC, 'q' }, "Enter",
	  "Enter", "OK", "Close this message (Esc and q too)", 0 },
	{ S(COORD_CLOSED), ACT_CHOOSE, { K_ENTER, K_ESC, 'q', ' ' }, "Enter",
	  "Enter", "welcome screen", "Back to the welcome screen (any key "
	  "does)", 0 },

	/* ---- everywhere ---- */
	{ ALL & ~TEXTS & ~S(SMALL) & ~S(CONFIRM) & ~S(WELCOME) &
	  ~S(COORD_MESSAGE) & ~S(COORD_CLOSED) & ~S(FEEDBACK), ACT_BACK,
	  { K_ESC, 'q' },
	  "Esc/q", "Esc/q", "back", "Go back", 0 },
	{ TEXTS, ACT_BACK, { K_ESC }, "Esc", "Esc", "back",
	  "Go back without sending", 0 },
	{ ALL & ~TEXTS & ~S(SMALL) & ~S(HELP) & ~S(COORD_CLOSED), ACT_HELP,
	  { '?', K_F1 }, "?",
	  "?", "help", "This help", 0 },
	{ TEXTS, ACT_HELP, { K_F1 }, "F1", "F1", "help", "This help", 0 },
	{ ALL & ~COORD & ~PASSES, ACT_HIDE, { K_F12 }, "F12", "F12", NULL,
	  "Hide at once: blank to the welcome screen and sign out "
	  "(progress is kept)", 0 },
	{ PASSES, ACT_HIDE, { K_F12 }, "F12", "F12", NULL,
	  "Hide at once: blank to the welcome screen", 0 },
	{ COORD, ACT_HIDE, { K_F12 }, "F12", "F12", NULL,
	  "Hide at once: blank to the welcome screen and close coordinator "
	  "mode", 0 },
	/* on a typed answer F2 is the hint (above) */
	{ ALL & ~COORD & ~PASSES & ~S(TEXT) & ~S(SMALL) & ~S(COORD_FORM),
	  ACT_LINE_MODE, { K_F2 }, "F2", "F2", NULL,
	  "Switch to the line mode (for a screen reader or braille display) "
	  "for the rest of the session; you stay signed in", 0 },
	{ ALL, ACT_HIDE_HALF, { KEY_CTRL('l') }, "Ctrl-L Ctrl-L",
	  "Ctrl-L Ctrl-L", NULL, "Pressed twice quickly: the same as F12", 0 },
};

#define NTABLE (sizeof(table) / sizeof(table[0]))

_Static_assert(KS_COUNT <= 32, "a binding's screens are bits of an unsigned");

bool keys_text_screen(enum key_screen s)
{
	return (TEXTS >> s) & 1u;
}

bool keys_coord_screen(enum key_screen s)
{
	return (COORD >> s) & 1u;
}

static bool applies(const struct key_binding *b, enum key_screen s,
		    unsigned cond)
{
	return ((b->screens >> s) & 1u) && (b->cond & cond) == b->cond;
}

enum action keys_lookup(enum key_screen s, unsigned cond, int key, int *arg)
{
	if (keys_text_screen(s) && key >= ' ' && key < K_BASE)
		return ACT_NONE;   /* typed text */
	for (size_t i = 0; i < NTABLE; i++) {
		const struct key_binding *b = &table[i];

		if (!applies(b, s, cond))
			continue;
		for (size_t k = 0; k < 4 && b->keys[k]; k++) {
			if (b->keys[k] == key)
				return b->action;
			if (b->keys[k] == K_DIGITS && key >= '1' && key <= '9') {
				if (arg)
					*arg = key - '0';
				return b->action;
			}
		}
	}
	return ACT_NONE;
}

size_t keys_for(enum key_screen s, unsigned cond,
		const struct key_binding **out, size_t max)
{
	size_t n = 0;

	for (size_t i = 0; i < NTABLE && n < max; i++)
		if (applies(&table[i], s, cond))
			out[n++] = &table[i];
	return n;
}

const struct key_binding *keys_find(enum key_screen s, unsigned cond,
				    enum action a)
{
	for (size_t i = 0; i < NTABLE; i++)
		if (table[i].action == a && applies(&table[i], s, cond))
			return &table[i];
	return NULL;
}

const char *keys_help_note(enum key_screen s)
{
	if (s == KS_PASS || s == KS_PASS_NEW)
		return "This screen is for the kiosk's coordinator. The "
		       "passphrase is not shown as it is typed. After three "
		       "wrong passphrases in a row, each further try has to "
		       "wait, longer each time. The command coursekiosk passwd "
		       "sets or changes it. F12, or Ctrl-L pressed twice, "
		       "blanks the screen to the welcome page at once.";
	if (keys_coord_screen(s))
		return "Coordinator mode closes by itself after a few minutes "
		       "without a key, hiding what was shown. F12, or Ctrl-L "
		       "pressed twice, blanks the screen to the welcome page "
		       "and closes it at once.";
	return "Your progress is saved after every page and answer. F12, or "
	       "Ctrl-L pressed twice, blanks the screen to the welcome page "
	       "and signs you out at once.";
}

const char *keys_name(const struct key_binding *b, bool utf8)
{
	return utf8 ? b->name : b->ascii;
}

size_t keys_bar_items(enum key_screen s, unsigned cond, bool utf8, int cols,
		      const struct key_binding **out, size_t max)
{
	const struct key_binding *v[NTABLE];
	size_t n = keys_for(s, cond, v, NTABLE), nout = 0;
	int used = 0;

	for (size_t i = 0; i < n && nout < max; i++) {
		const char *name = keys_name(v[i], utf8), *label = v[i]->bar;
		bool dup = false;
		int w;

		if (!label)
			continue;
		/* a global binding already covered by the screen's own */
		for (size_t j = 0; j < i; j++)
			if (v[j]->action == v[i]->action && v[j]->bar)
				dup = true;
		if (dup)
			continue;
		w = (used ? 2 : 0) + text_width(name, strlen(name)) + 1 +
		    text_width(label, strlen(label));
		if (used + w > cols)
			continue;   /* a shorter later item may still fit */
		out[nout++] = v[i];
		used += w;
	}
	return nout;
}

int keys_bar(enum key_screen s, unsigned cond, bool utf8, int cols,
	     char *buf, size_t size)
{
	const struct key_binding *v[NTABLE];
	size_t n = keys_bar_items(s, cond, utf8, cols, v, NTABLE), pos = 0;

	if (size)
		buf[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		const char *name = keys_name(v[i], utf8);

		if (pos + strlen(name) + strlen(v[i]->bar) + 4 >= size)
			break;
		pos += (size_t)snprintf(buf + pos, size - pos,
					i ? "  %s %s" : "%s %s", name,
					v[i]->bar);
	}
	return text_width(buf, pos);
}

bool keys_double_press(long *last_ms, long now_ms)
{
	bool dbl = *last_ms >= 0 && now_ms - *last_ms <= KEYS_DOUBLE_MS &&
		   now_ms >= *last_ms;

	*last_ms = dbl ? -1 : now_ms;
	return dbl;
}
