/* course_text.c - checking and tidying text from course files.
 *
 * Course text reaches the terminal and printed certificates, so characters
 * that can hide or reorder what is shown are refused rather than silently
 * stripped: the trainer sees where they are and decides what was meant.
 */
#include "course.h"

#include <glib.h>
#include <stdlib.h>
#include <string.h>

/* Decodes one UTF-8 sequence at s[0..len); returns its length, or 0 when
 * it is not well-formed (overlong, surrogate, beyond U+10FFFF, cut off). */
size_t utf8_decode(const unsigned char *s, size_t len, unsigned *cp)
{
	unsigned c = s[0], min;
	size_t n;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xc2 && c <= 0xdf) {
		n = 2;
		c &= 0x1f;
		min = 0x80;
	} else if (c >= 0xe0 && c <= 0xef) {
		n = 3;
		c &= 0x0f;
		min = 0x800;
	} else if (c >= 0xf0 && c <= 0xf4) {
		n = 4;
		c &= 0x07;
		min = 0x10000;
	} else {
		return 0;
	}
	if (len < n)
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return n;
}

bool text_char_forbidden(unsigned cp)
{
	if (cp < 0x20)
		return cp != '\t' && cp != '\n' && cp != '\r';
	if (cp >= 0x7f && cp <= 0x9f)
		return true;
	if (cp >= 0x200b && cp <= 0x200d)   /* zero-width space, (non-)joiner */
		return true;
	if (cp >= 0x202a && cp <= 0x202e)   /* bidi embeddings and overrides */
		return true;
	if (cp >= 0x2066 && cp <= 0x2069)   /* bidi isolates */
		return true;
	return cp == 0x2060 || cp == 0xfeff; /* word joiner, zero-width no-break */
}

const char *text_char_name(unsigned cp)
{
	if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f))
		return "control character";
	if (cp >= 0x202a && cp <= 0x202e)
		return "bidirectional override";
	if (cp >= 0x2066 && cp <= 0x2069)
		return "bidirectional isolate";
	return "zero-width character";
}

long text_find_forbidden(const char *s, size_t len, unsigned *cp)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	while (i < len) {
		unsigned c;
		size_t n;

		if (p[i] < 0x80) {
			/* fast path: printable ASCII */
			if (p[i] >= 0x20 && p[i] != 0x7f) {
				i++;
				continue;
			}
			c = p[i];
			n = 1;
		} else {
			n = utf8_decode(p + i, len - i, &c);
			if (n == 0) {
				if (cp)
					*cp = 0xfffd;
				return (long)i;
			}
		}
		if (text_char_forbidden(c)) {
			if (cp)
				*cp = c;
			return (long)i;
		}
		i += n;
	}
	return -1;
}

/* XML white space, as a table: every byte of every text passes here. */
static const unsigned char xml_space[256] = {
	['\t'] = 1, ['\n'] = 1, ['\r'] = 1, [' '] = 1,
};

size_t text_collapse(char *s)
{
	unsigned char *r = (unsigned char *)s, *w;

	/* Most text needs no change: skip to the first run to collapse. */
	for (;; r++) {
		if (!*r)
			return (size_t)(r - (unsigned char *)s);
		if (xml_space[*r] && (*r != ' ' || xml_space[r[1]]))
			break;
	}
	w = r;
	while (*r) {
		if (xml_space[*r]) {
			*w++ = ' ';
			while (xml_space[*++r])
				;
			continue;
		}
		*w++ = *r++;
	}
	*w = '\0';
	return (size_t)(w - (unsigned char *)s);
}

char *text_squeeze(const char *s)
{
	GString *b = g_string_new(NULL);
	bool space = false;
	char *out;

	for (const char *p = s ? s : ""; *p; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);

		if (g_unichar_isspace(c)) {
			space = b->len > 0;
			continue;
		}
		if (space)
			g_string_append_c(b, ' ');
		space = false;
		g_string_append_unichar(b, c);
	}
	out = strdup(b->str);
	g_string_free(b, TRUE);
	return out;
}

size_t text_tidy(char *s)
{
	size_t n = text_collapse(s);

	if (n && s[n - 1] == ' ')
		s[--n] = '\0';
	if (n && s[0] == ' ') {
		memmove(s, s + 1, n);
		n--;
	}
	return n;
}
