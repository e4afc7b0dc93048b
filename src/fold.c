/* fold.c - the one folding rule (see fold.h). */
#include "fold.h"

#include <glib.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* Appends the folded form of one code point c (already case folded and
 * free of marks) to out. */
static void append_letter(GString *out, gunichar c)
{
	char buf[8];
	gchar *ascii;
	int n;

	if (c < 0x80) {
		g_string_append_c(out, (char)c);
		return;
	}
	n = g_unichar_to_utf8(c, buf);
	buf[n] = '\0';
	ascii = g_str_to_ascii(buf, "C");
	if (ascii && !strchr(ascii, '?')) {
		for (char *p = ascii; *p; p++)
			g_string_append_c(out, g_ascii_tolower(*p));
	} else {
		g_string_append(out, buf);
	}
	g_free(ascii);
}

char *fold_key(const char *s)
{
	gchar *nfd, *folded;
	GString *out;
	bool space = false;
	char *r;

	if (!s || !g_utf8_validate(s, -1, NULL))
		return NULL;
	nfd = g_utf8_normalize(s, -1, G_NORMALIZE_NFD);
	if (!nfd)
		return NULL;
	/* Marks go before case folding, which may compose nothing back but
	 * can itself decompose (ǰ): fold, then drop marks once more below. */
	folded = g_utf8_casefold(nfd, -1);
	g_free(nfd);
	if (!folded)
		return NULL;
	nfd = g_utf8_normalize(folded, -1, G_NORMALIZE_NFD);
	g_free(folded);
	if (!nfd)
		return NULL;
	out = g_string_sized_new(strlen(nfd));
	for (const char *p = nfd; *p; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);

		if (g_unichar_ismark(c))
			continue;
		if (g_unichar_isspace(c)) {
			space = out->len > 0;
			continue;
		}
		if (space)
			g_string_append_c(out, ' ');
		space = false;
		append_letter(out, c);
	}
	g_free(nfd);
	r = strdup(out->str);
	g_string_free(out, TRUE);
	return r;
}
