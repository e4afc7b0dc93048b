/* slug.c - file-name slugs from names. */
#include "slug.h"

#include <glib.h>
#include <stdlib.h>
#include <string.h>

char *slug_make(const char *name, size_t max)
{
	char *ascii, *out;
	const char *p;
	size_t n = 0;
	int dash = 0;

	if (!name || !g_utf8_validate(name, -1, NULL))
		return strdup("");
	/* "C" locale: glib's own transliteration table, not the user's. */
	ascii = g_str_to_ascii(name, "C");
	if (!ascii)
		return NULL;
	out = malloc(max + 1);
	if (!out) {
		g_free(ascii);
		return NULL;
	}
	for (p = ascii; *p && n < max; p++) {
		char c = *p;

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			if (dash && n > 0 && n + 1 < max)
				out[n++] = '-';
			else if (dash && n > 0)
				break;
			out[n++] = c;
			dash = 0;
		} else {
			dash = 1;
		}
	}
	/* a word cut short reads oddly in a file name: drop it when an
	 * earlier "-" allows */
	if (n == max && !dash && g_ascii_isalnum(*p)) {
		size_t k = n;

		while (k > 0 && out[k - 1] != '-')
			k--;
		if (k > 1)
			n = k - 1;
	}
	out[n] = '\0';
	g_free(ascii);
	return out;
}
