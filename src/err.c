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
	char head[256];
	size_t hl, ml;
	va_list ap;

	if (!e)
		return -1;
	va_start(ap, fmt);
	vsnprintf(head, sizeof(head), fmt, ap);
	va_end(ap);
	hl = strlen(head);
	if (hl >= sizeof(e->msg))
		hl = sizeof(e->msg) - 1;
	ml = strnlen(e->msg, sizeof(e->msg) - 1);
	if (hl + ml >= sizeof(e->msg))
		ml = sizeof(e->msg) - 1 - hl;
	memmove(e->msg + hl, e->msg, ml);
	memcpy(e->msg, head, hl);
	e->msg[hl + ml] = '\0';
	return -1;
}

void err_clear(struct err *e)
{
	if (e) {
		e->code = ERR_NONE;
		e->msg[0] = '\0';
	}
}
