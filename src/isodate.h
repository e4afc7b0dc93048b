/* isodate.h - calendar dates as "YYYY-MM-DD" (UTC), for certificates. */
#ifndef CK_ISODATE_H
#define CK_ISODATE_H

#include "err.h"

#define ISODATE_SIZE 11

/* 0 when s is a real date "YYYY-MM-DD" (year 1..9999), else -1
 * (ERR_INVALID). */
int isodate_parse(const char *s, int *y, int *m, int *d, struct err *e);

/* from + years, months, days: years and months first, a day past the end
 * of the month becoming its last day (2024-02-29 + P1Y = 2025-02-28), then
 * the days.  0, or -1 on an invalid date or a result past 9999. */
int isodate_add(const char *from, int years, int months, int days,
		char out[ISODATE_SIZE], struct err *e);

/* Today in UTC.  $COURSEKIOSK_NOW=YYYY-MM-DD, when set, replaces it: a
 * testing aid to see how certificates age (documented in coursekiosk(1)).
 * -1 when COURSEKIOSK_NOW is set but not a date. */
int isodate_today(char out[ISODATE_SIZE], struct err *e);

#endif
