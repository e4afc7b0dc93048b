/* csv.c - RFC 4180 fields and records. */
#include "csv.h"

#include <string.h>

bool csv_needs_quotes(const char *s)
{
	return s && s[strcspn(s, ",\"\r\n")] != '\0';
}

/* One field, with an optional apostrophe in front of the value (inside the
 * quotes when quoting is due). */
static int put_field(FILE *out, const char *s, bool first, bool apostrophe)
{
	bool q = csv_needs_quotes(s);

	if (!first && putc(',', out) == EOF)
		return -1;
	if (!s)
		return 0;
	if (q && putc('"', out) == EOF)
		return -1;
	if (apostrophe && putc('\'', out) == EOF)
		return -1;
	if (!q)
		return fputs(s, out) == EOF ? -1 : 0;
	for (; *s; s++) {
		if (*s == '"' && putc('"', out) == EOF)
			return -1;
		if (putc(*s, out) == EOF)
			return -1;
	}
	return putc('"', out) == EOF ? -1 : 0;
}

int csv_field(FILE *out, const char *s, bool first)
{
	return put_field(out, s, first, false);
}

int csv_field_text(FILE *out, const char *s, bool first)
{
	return put_field(out, s, first, s && *s && strchr("=+-@\t\r", *s));
}

int csv_end(FILE *out)
{
	return fputs("\r\n", out) == EOF ? -1 : 0;
}
