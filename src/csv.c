/* csv.c - RFC 4180 fields and records. */
#include "csv.h"

#include <string.h>

bool csv_needs_quotes(const char *s)
{
	return s && s[strcspn(s, ",\"\r\n")] != '\0';
}

/* Length of the control character at s, or 0: C0 controls other than
 * tab, CR and LF, DEL, and C1 controls (U+0080-U+009F, "\xc2\x80".."\xc2\x9f"). */
static size_t control_at(const unsigned char *s)
{
	if ((*s < 0x20 && *s != '\t' && *s != '\r' && *s != '\n') || *s == 0x7f)
		return 1;
	if (s[0] == 0xc2 && s[1] >= 0x80 && s[1] <= 0x9f)
		return 2;
	return 0;
}

static int put_text(FILE *out, const char *s, bool quoted)
{
	for (const unsigned char *p = (const unsigned char *)s; *p;) {
		size_t c = control_at(p);

		if (c) {
			/* never raw: U+FFFD REPLACEMENT CHARACTER marks it */
			if (fputs("\xef\xbf\xbd", out) == EOF)
				return -1;
			p += c;
			continue;
		}
		if (quoted && *p == '"' && putc('"', out) == EOF)
			return -1;
		if (putc(*p, out) == EOF)
			return -1;
		p++;
	}
	return 0;
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
	if (put_text(out, s, q) < 0)
		return -1;
	return q && putc('"', out) == EOF ? -1 : 0;
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

int csv_bom(FILE *out)
{
	return fputs("\xef\xbb\xbf", out) == EOF ? -1 : 0;
}
