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

/* ---- typed answers ------------------------------------------------------ */

static bool is_apostrophe(gunichar c)
{
	return c == '\'' || c == '`' || c == 0x2019 || c == 0x2018 ||
	       c == 0x02BC || c == 0x00B4 || c == 0x2032;
}

/* Punctuation dropped at the ends of an answer. */
static bool end_punct(gunichar c, bool pattern)
{
	if (c == '%' || c == '#' || c == '&' || c == '@' ||
	    (pattern && c == '*'))
		return false;
	switch (g_unichar_type(c)) {
	case G_UNICODE_CONNECT_PUNCTUATION:
	case G_UNICODE_DASH_PUNCTUATION:
	case G_UNICODE_OPEN_PUNCTUATION:
	case G_UNICODE_CLOSE_PUNCTUATION:
	case G_UNICODE_INITIAL_PUNCTUATION:
	case G_UNICODE_FINAL_PUNCTUATION:
	case G_UNICODE_OTHER_PUNCTUATION:
		return true;
	default:
		return false;
	}
}

/* Letters of an acronym "a.b.c." starting at u[i] (a word start): how many
 * code points the run takes, 0 when there is no acronym there. */
static size_t acronym_at(const gunichar *u, size_t n, size_t i)
{
	size_t j = i, k = 0;

	while (j < n && g_unichar_isalpha(u[j])) {
		if (j + 1 < n && u[j + 1] == '.') {
			k++;
			j += 2;
			continue;
		}
		/* a last letter without its dot ends the run */
		if (k && (j + 1 == n || !g_unichar_isalnum(u[j + 1]))) {
			k++;
			j++;
		}
		break;
	}
	if (k < 2 || (j < n && g_unichar_isalnum(u[j])))
		return 0;
	return j - i;
}

char *fold_answer(const char *s, bool pattern)
{
	gchar *nfc, *tidy;
	gunichar *u;
	glong n = 0;
	size_t a, b, m = 0;
	char *r;

	if (!s || !g_utf8_validate(s, -1, NULL))
		return NULL;
	nfc = g_utf8_normalize(s, -1, G_NORMALIZE_NFC);
	u = nfc ? g_utf8_to_ucs4_fast(nfc, -1, &n) : NULL;
	g_free(nfc);
	if (!u)
		return NULL;
	/* 1 and 2: apostrophes inside words, dots of acronyms */
	for (size_t i = 0; i < (size_t)n; i++) {
		size_t len;

		if (is_apostrophe(u[i]) && i > 0 && i + 1 < (size_t)n &&
		    g_unichar_isalnum(u[i - 1]) && g_unichar_isalnum(u[i + 1]))
			continue;
		if ((i == 0 || !g_unichar_isalnum(u[i - 1])) &&
		    (len = acronym_at(u, (size_t)n, i)) > 0) {
			for (size_t k = i; k < i + len; k++)
				if (u[k] != '.')
					u[m++] = u[k];
			i += len - 1;
			continue;
		}
		u[m++] = u[i];
	}
	/* 3: punctuation and space at the ends */
	a = 0;
	b = m;
	while (a < b && (g_unichar_isspace(u[a]) ||
			 (end_punct(u[a], pattern) &&
			  !(u[a] == '-' && a + 1 < b && g_unichar_isdigit(u[a + 1])))))
		a++;
	while (b > a && (g_unichar_isspace(u[b - 1]) ||
			 end_punct(u[b - 1], pattern)))
		b--;
	if (pattern) {
		/* runs of wildcards are one */
		size_t w = a;

		for (size_t i = a; i < b; i++)
			if (!(u[i] == '*' && w > a && u[w - 1] == '*'))
				u[w++] = u[i];
		b = w;
	}
	tidy = g_ucs4_to_utf8(u + a, (glong)(b - a), NULL, NULL, NULL);
	g_free(u);
	if (!tidy)
		return NULL;
	r = fold_key(tidy);
	g_free(tidy);
	return r;
}
