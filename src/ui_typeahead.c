/* ui_typeahead.c - keys typed before a quiz screen was drawn never reach
 * it.  A question or a feedback screen calls ui_typeahead_flush() when it
 * is first drawn: whatever is waiting in the terminal's input is thrown
 * away (a double Enter on the screen before, keys typed while the answer
 * was being saved).  An Enter that still arrives within UI_BURST_MS of
 * that (the rest of one burst of input, as from a paste or a key held
 * down) is ignored too: no person reads a screen that fast. */
#include "ui.h"

#include <time.h>

long ui_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

long ui_typeahead_flush(void)
{
	flushinp();
	return ui_now_ms();
}

bool ui_enter_in_burst(long shown_ms)
{
	long d = ui_now_ms() - shown_ms;

	return shown_ms > 0 && d >= 0 && d < UI_BURST_MS;
}
