#include "err.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

int err_set(struct err *e, int code, const char *fmt, ...)
{
	va_list ap;

	if (!e)
		return -1;
	e->code = code;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof(e->msg), fmt, ap);
	va_end(ap);
	return -1;
}

int err_prefix(struct err *e, const char *fmt, ...)
{
	char head[256], old[sizeof(e->msg)];
	va_list ap;

	if (!e)
		return -1;
	va_start(ap, fmt);
	vsnprintf(head, sizeof(head), fmt, ap);
	va_end(ap);
	memcpy(old, e->msg, sizeof(old));
	old[sizeof(old) - 1] = '\0';
	{
		/* head + old, cut to fit (memcpy: gcc warns on a possibly
		 * truncating snprintf) */
		size_t h = strlen(head), o = strlen(old), cap = sizeof(e->msg) - 1;

		if (h > cap)
			h = cap;
		if (o > cap - h)
			o = cap - h;
		memcpy(e->msg, head, h);
		memcpy(e->msg + h, old, o);
		e->msg[h + o] = '\0';
	}
	return -1;
}

void err_clear(struct err *e)
{
	if (e) {
		e->code = ERR_NONE;
		e->msg[0] = '\0';
	}
}
