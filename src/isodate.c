/* isodate.c - date arithmetic on "YYYY-MM-DD" without the C library's
 * time zones. */
#include "isodate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int y, int m)
{
	static const int d[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return m == 2 && leap(y) ? 29 : d[m - 1];
}

/* Days since 1970-01-01 (Howard Hinnant's days_from_civil). */
static long days_from_civil(int y, int m, int d)
{
	long yy = y - (m <= 2);
	long era = (yy >= 0 ? yy : yy - 399) / 400;
	long yoe = yy - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;

	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

/* y 1..9999, m and d valid: the modulos only tell the compiler so. */
static void format(char out[ISODATE_SIZE], int y, int m, int d)
{
	snprintf(out, ISODATE_SIZE, "%04u-%02u-%02u", (unsigned)y % 10000u,
		 (unsigned)m % 100u, (unsigned)d % 100u);
}

int isodate_parse(const char *s, int *y, int *m, int *d, struct err *e)
{
	int yy, mm, dd;

	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		goto bad;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			goto bad;
	yy = atoi(s);
	mm = atoi(s + 5);
	dd = atoi(s + 8);
	if (yy < 1 || mm < 1 || mm > 12 || dd < 1 || dd > month_days(yy, mm))
		goto bad;
	*y = yy;
	*m = mm;
	*d = dd;
	return 0;
bad:
	return err_set(e, ERR_INVALID, "'%s' is not a date (YYYY-MM-DD)",
		       s ? s : "");
}

int isodate_add(const char *from, int years, int months, int days,
		char out[ISODATE_SIZE], struct err *e)
{
	int y, m, d;
	long total;

	if (isodate_parse(from, &y, &m, &d, e) < 0)
		return -1;
	if (years < 0 || months < 0 || days < 0 || years > 9999 ||
	    months > 120000 || days > 3660000)
		return err_set(e, ERR_INVALID, "period out of range");
	total = (long)y * 12 + (m - 1) + (long)years * 12 + months;
	y = (int)(total / 12);
	m = (int)(total % 12) + 1;
	if (y > 9999)
		return err_set(e, ERR_INVALID, "date past the year 9999");
	if (d > month_days(y, m))
		d = month_days(y, m);
	civil_from_days(days_from_civil(y, m, d) + days, &y, &m, &d);
	if (y > 9999)
		return err_set(e, ERR_INVALID, "date past the year 9999");
	format(out, y, m, d);
	return 0;
}

int isodate_today(char out[ISODATE_SIZE], struct err *e)
{
	const char *now = getenv("COURSEKIOSK_NOW");
	int y, m, d;

	if (now && *now) {
		if (isodate_parse(now, &y, &m, &d, e) < 0)
			return err_prefix(e, "COURSEKIOSK_NOW: ");
		format(out, y, m, d);
		return 0;
	}
	civil_from_days((long)(time(NULL) / 86400), &y, &m, &d);
	format(out, y, m, d);
	return 0;
}
