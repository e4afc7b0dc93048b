/* textcol.c - display width and column output of UTF-8 text. */
#include "textcol.h"

#include <glib.h>
#include <string.h>

/* Characters a report must not pass to a terminal. */
static int hidden(gunichar c)
{
	return c < 0x20 || (c >= 0x7f && c < 0xa0) ||
	       (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) ||
	       (c >= 0x2060 && c <= 0x2069) || c == 0xfeff;
}

static int char_width(gunichar c)
{
	if (hidden(c) || g_unichar_iszerowidth(c))
		return 0;
	return g_unichar_iswide(c) ? 2 : 1;
}

/* Decodes one character at s (n bytes left); *len gets its byte length.
 * Returns (gunichar)-1 for an invalid sequence (len 1). */
static gunichar next_char(const char *s, size_t n, size_t *len)
{
	gunichar c = g_utf8_get_char_validated(s, (gssize)n);

	if (c == (gunichar)-1 || c == (gunichar)-2) {
		*len = 1;
		return (gunichar)-1;
	}
	*len = (size_t)(g_utf8_next_char(s) - s);
	return c;
}

size_t textcol_width(const char *s)
{
	size_t w = 0, n, len;

	if (!s)
		return 0;
	n = strlen(s);
	while (n) {
		gunichar c = next_char(s, n, &len);

		w += c == (gunichar)-1 ? 1 : (size_t)char_width(c);
		s += len;
		n -= len;
	}
	return w;
}

int textcol_put(FILE *out, const char *s, size_t width, int pad)
{
	size_t used = 0, n, len;
	/* Room kept for the "…" when the text does not fit. */
	size_t limit = textcol_width(s) > width ? (width ? width - 1 : 0) : width;

	n = s ? strlen(s) : 0;
	while (n) {
		gunichar c = next_char(s, n, &len);
		int w = c == (gunichar)-1 ? 1 : char_width(c);

		if (used + (size_t)w > limit)
			break;
		if (c == (gunichar)-1) {
			if (putc('?', out) == EOF)
				return -1;
		} else if (!hidden(c) && fwrite(s, 1, len, out) != len) {
			return -1;
		}
		used += (size_t)w;
		s += len;
		n -= len;
	}
	if (n && width) {
		/* Cut: zero-width marks of the last character were shown above. */
		if (fputs("\xe2\x80\xa6", out) == EOF)
			return -1;
		used++;
	}
	while (pad && used < width) {
		if (putc(' ', out) == EOF)
			return -1;
		used++;
	}
	return 0;
}

static size_t total_width(const size_t *w, size_t n)
{
	size_t t = 0, shown = 0;

	for (size_t i = 0; i < n; i++)
		if (w[i]) {
			t += w[i];
			shown++;
		}
	return t + (shown > 1 ? 2 * (shown - 1) : 0);
}

/* Leaves out the shown column with the highest drop in [lo, hi]; false
 * when there is none. */
static int drop_one(const struct textcol_col *c, size_t n, size_t *w, int lo,
		    int hi)
{
	size_t best = n;

	for (size_t i = 0; i < n; i++)
		if (w[i] && c[i].drop >= lo && c[i].drop <= hi &&
		    (best == n || c[i].drop > c[best].drop))
			best = i;
	if (best == n)
		return 0;
	w[best] = 0;
	return 1;
}

void textcol_fit(const struct textcol_col *c, size_t n, size_t width,
		 size_t *out)
{
	for (size_t i = 0; i < n; i++)
		out[i] = c[i].want ? c[i].want : 1;
	while (total_width(out, n) > width &&
	       drop_one(c, n, out, TEXTCOL_DROP_EARLY, 1 << 30))
		;
	/* Narrow the column with the most room above its minimum, one
	 * column at a time. */
	while (total_width(out, n) > width) {
		size_t best = n, room = 0;

		for (size_t i = 0; i < n; i++)
			if (out[i] && c[i].min && out[i] > c[i].min &&
			    out[i] - c[i].min > room) {
				room = out[i] - c[i].min;
				best = i;
			}
		if (best == n)
			break;
		out[best]--;
	}
	while (total_width(out, n) > width &&
	       drop_one(c, n, out, 1, TEXTCOL_DROP_EARLY - 1))
		;
}

/* Text wrapped at spaces to `width` columns, the lines after the first
 * indented by `indent`; a word wider than a line gets a line of its own.
 * Ends with a newline. */
int textcol_wrap(FILE *out, const char *text, size_t width, size_t indent)
{
	gchar **words = g_strsplit(text, " ", -1);
	size_t col = 0;
	int bad = 0;

	for (gchar **w = words; *w; w++) {
		size_t ww = textcol_width(*w);

		if (!**w)
			continue;
		if (col && col + 1 + ww > width) {
			bad |= fprintf(out, "\n%*s", (int)indent, "") < 0;
			col = indent;
		} else if (col) {
			bad |= putc(' ', out) == EOF;
			col++;
		}
		bad |= textcol_put(out, *w, ww, 0);
		col += ww;
	}
	bad |= putc('\n', out) == EOF;
	g_strfreev(words);
	return bad ? -1 : 0;
}

