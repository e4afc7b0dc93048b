/* cert_code.c - verification codes of certificates: the MAC over the
 * certificate's fields, its base32 text form, and reading it back as people
 * type it.  See cert.h for the format.
 */
#include "cert.h"
#include "cert_priv.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <glib.h>
#include <sodium.h>

/* Crockford's base32 without I L O U: nothing a reader can confuse. */
static const char b32[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

#define SERIAL_CHARS 4
#define MAC_CHARS (CERT_CODE_LEN - SERIAL_CHARS)

/* Bumped if the encoding below ever changes, so old codes never collide with
 * new ones. */
static const char mac_domain[] = "coursekiosk-cert-v1";

static int is_invisible(gunichar c)
{
	/* C0 and C1 controls, bidi embeddings/overrides/isolates and marks,
	 * zero-width space, word joiner and invisible operators, BOM.  ZWNJ
	 * and ZWJ stay: Persian and Indic names need them to be spelled
	 * right. */
	return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x061c ||
	       c == 0x200b || c == 0x200e || c == 0x200f ||
	       (c >= 0x202a && c <= 0x202e) || (c >= 0x2060 && c <= 0x2064) ||
	       (c >= 0x2066 && c <= 0x2069) || c == 0xfeff;
}

char *cert_text_clean(const char *s)
{
	GString *kept;
	gchar *nfc;
	char *out, *start, *end;
	const char *p;

	if (!s || !g_utf8_validate(s, -1, NULL))
		return NULL;
	kept = g_string_sized_new(strlen(s));
	for (p = s; *p; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);

		/* A tab or line break typed into a name is still a gap. */
		if (c == '\t' || c == '\n' || c == '\r')
			g_string_append_c(kept, ' ');
		else if (!is_invisible(c))
			g_string_append_unichar(kept, c);
	}
	nfc = g_utf8_normalize(kept->str, -1, G_NORMALIZE_NFC);
	g_string_free(kept, TRUE);
	if (!nfc)
		return NULL;
	start = nfc;
	while (*start && g_unichar_isspace(g_utf8_get_char(start)))
		start = g_utf8_next_char(start);
	end = start + strlen(start);
	while (end > start) {
		char *prev = g_utf8_prev_char(end);

		if (!g_unichar_isspace(g_utf8_get_char(prev)))
			break;
		end = prev;
	}
	/* Copied into malloc'd memory: callers free() it, not g_free(). */
	out = malloc((size_t)(end - start) + 1);
	if (out) {
		memcpy(out, start, (size_t)(end - start));
		out[end - start] = '\0';
	}
	g_free(nfc);
	return out;
}

int cert_date_parse(const char *s, int *y, int *m, int *d)
{
	static const int mdays[] = {31, 28, 31, 30, 31, 30,
				    31, 31, 30, 31, 30, 31};
	int i, yy, mm, dd, leap;

	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !isdigit((unsigned char)s[i]))
			return -1;
	yy = atoi(s);
	mm = atoi(s + 5);
	dd = atoi(s + 8);
	if (yy < 1 || mm < 1 || mm > 12 || dd < 1)
		return -1;
	leap = (yy % 4 == 0 && yy % 100 != 0) || yy % 400 == 0;
	if (dd > mdays[mm - 1] + (mm == 2 && leap))
		return -1;
	if (y)
		*y = yy;
	if (m)
		*m = mm;
	if (d)
		*d = dd;
	return 0;
}

int cert_date_long(const char *ymd, char *out, size_t outsz, struct err *e)
{
	static const char *const months[] = {"January", "February", "March",
					     "April",	"May",	    "June",
					     "July",	"August",   "September",
					     "October", "November", "December"};
	int y, m, d;

	if (cert_date_parse(ymd, &y, &m, &d) < 0)
		return err_set(e, ERR_INVALID,
			       "'%s' is not a date (YYYY-MM-DD)",
			       ymd ? ymd : "(none)");
	snprintf(out, outsz, "%d %s %d", d, months[m - 1], y);
	return 0;
}

static int need_text(const char *s, const char *what, struct err *e)
{
	if (!s || !*s)
		return err_set(e, ERR_INVALID, "certificate has no %s", what);
	if (!g_utf8_validate(s, -1, NULL))
		return err_set(e, ERR_INVALID,
			       "certificate %s is not valid UTF-8", what);
	return 0;
}

int cert_fields_check(const struct cert_fields *f, struct err *e)
{
	size_t i;

	if (!f)
		return err_set(e, ERR_INVALID, "no certificate fields");
	if (f->serial < 1 || f->serial > CERT_SERIAL_MAX)
		return err_set(e, ERR_INVALID,
			       "certificate serial %lu is out of range: "
			       "codes carry serials 1 to %lu",
			       f->serial, CERT_SERIAL_MAX);
	if (need_text(f->learner_id, "learner id", e) < 0 ||
	    need_text(f->learner_name, "learner name", e) < 0 ||
	    need_text(f->course_id, "course id", e) < 0 ||
	    need_text(f->course_title, "course title", e) < 0)
		return -1;
	if (f->course_version < 1)
		return err_set(e, ERR_INVALID,
			       "certificate course version %d is not >= 1",
			       f->course_version);
	if (cert_date_parse(f->issued, NULL, NULL, NULL) < 0)
		return err_set(e, ERR_INVALID,
			       "certificate issue date '%s' is not YYYY-MM-DD",
			       f->issued ? f->issued : "(none)");
	if (f->expires && cert_date_parse(f->expires, NULL, NULL, NULL) < 0)
		return err_set(e, ERR_INVALID,
			       "certificate expiry date '%s' is not YYYY-MM-DD",
			       f->expires);
	if ((f->cert_title && !g_utf8_validate(f->cert_title, -1, NULL)) ||
	    (f->issuer && !g_utf8_validate(f->issuer, -1, NULL)))
		return err_set(
		    e, ERR_INVALID,
		    "certificate title or issuer is not valid UTF-8");
	if (f->nmodules && !f->modules)
		return err_set(e, ERR_INVALID, "certificate modules missing");
	for (i = 0; i < f->nmodules; i++) {
		const struct cert_module_line *ml = &f->modules[i];

		if (need_text(ml->title, "module title", e) < 0)
			return -1;
		if (ml->score < -1 || ml->score > 100)
			return err_set(e, ERR_INVALID,
				       "module '%s' has score %d (not 0-100)",
				       ml->title, ml->score);
		if (ml->completed &&
		    cert_date_parse(ml->completed, NULL, NULL, NULL) < 0)
			return err_set(e, ERR_INVALID,
				       "module '%s' completion date '%s' is "
				       "not YYYY-MM-DD",
				       ml->title, ml->completed);
	}
	return 0;
}

static void mac_u64(crypto_auth_hmacsha512256_state *st, uint64_t v)
{
	unsigned char b[8];
	int i;

	for (i = 7; i >= 0; i--, v >>= 8)
		b[i] = (unsigned char)(v & 0xff);
	crypto_auth_hmacsha512256_update(st, b, sizeof b);
}

/* Length-prefixed, so no two different field lists encode the same. */
static void mac_str(crypto_auth_hmacsha512256_state *st, const char *s)
{
	size_t n = strlen(s);

	mac_u64(st, (uint64_t)n);
	crypto_auth_hmacsha512256_update(st, (const unsigned char *)s, n);
}

int cert_code(const unsigned char key[CERT_KEY_BYTES],
	      const struct cert_fields *f, char out[CERT_CODE_LEN + 1],
	      struct err *e)
{
	crypto_auth_hmacsha512256_state st;
	unsigned char mac[crypto_auth_hmacsha512256_BYTES];
	uint64_t bits;
	char *name;
	int i;

	if (cert_fields_check(f, e) < 0)
		return -1;
	if (sodium_init() < 0)
		return err_set(e, ERR_GENERIC, "libsodium cannot start");
	name = cert_text_clean(f->learner_name);
	if (!name || !*name) {
		free(name);
		return err_set(e, ERR_INVALID,
			       "certificate has no learner name");
	}
	crypto_auth_hmacsha512256_init(&st, key, CERT_KEY_BYTES);
	mac_str(&st, mac_domain);
	mac_u64(&st, f->serial);
	mac_str(&st, f->learner_id);
	mac_str(&st, name);
	mac_str(&st, f->course_id);
	mac_u64(&st, (uint64_t)f->course_version);
	mac_str(&st, f->issued);
	/* A presence flag: no expiry must differ from any expiry string. */
	mac_u64(&st, f->expires != NULL);
	if (f->expires)
		mac_str(&st, f->expires);
	crypto_auth_hmacsha512256_final(&st, mac);
	free(name);

	for (i = SERIAL_CHARS - 1; i >= 0; i--)
		out[SERIAL_CHARS - 1 - i] = b32[(f->serial >> (5 * i)) & 31];
	bits = 0;
	for (i = 0; i < 8; i++)
		bits = bits << 8 | mac[i];
	/* The top 60 of the first 64 bits of the MAC. */
	for (i = 0; i < MAC_CHARS; i++)
		out[SERIAL_CHARS + i] = b32[(bits >> (59 - 5 * i)) & 31];
	out[CERT_CODE_LEN] = '\0';
	sodium_memzero(&st, sizeof st);
	return 0;
}

void cert_code_format(const char *code, char *out, size_t outsz)
{
	size_t i, o = 0;

	if (!outsz)
		return;
	for (i = 0; code && code[i] && o + 1 < outsz; i++) {
		if (i && i % 4 == 0) {
			out[o++] = '-';
			if (o + 1 >= outsz)
				break;
		}
		out[o++] = code[i];
	}
	out[o] = '\0';
}

static int b32_value(int c)
{
	const char *p;

	c = toupper(c);
	if (c == 'I' || c == 'L')
		c = '1';
	else if (c == 'O')
		c = '0';
	p = c ? strchr(b32, c) : NULL;
	return p ? (int)(p - b32) : -1;
}

int cert_code_parse(const char *input, char out[CERT_CODE_LEN + 1],
		    unsigned long *serial, struct err *e)
{
	char code[CERT_CODE_LEN + 1];
	size_t plen = strlen(CERT_QR_PREFIX), n = 0;
	unsigned long s = 0;
	const char *p;
	int i;

	if (!input)
		return err_set(e, ERR_INVALID, "no verification code");
	while (*input == ' ' || *input == '\t')
		input++;
	if (strncasecmp(input, CERT_QR_PREFIX, plen) == 0)
		input += plen;
	for (p = input; *p; p++) {
		int v;

		if (*p == ' ' || *p == '-' || *p == '\t' || *p == '\n' ||
		    *p == '\r')
			continue;
		v = b32_value((unsigned char)*p);
		if (v < 0) {
			if ((unsigned char)*p >= 0x20 &&
			    (unsigned char)*p < 0x7f)
				return err_set(e, ERR_INVALID,
					       "'%c' cannot be part of a "
					       "verification code",
					       *p);
			return err_set(e, ERR_INVALID,
				       "a verification code has only letters "
				       "and digits");
		}
		if (n < CERT_CODE_LEN)
			code[n] = b32[v];
		n++;
	}
	if (n != CERT_CODE_LEN)
		return err_set(e, ERR_INVALID,
			       "a verification code has %d letters and digits, "
			       "not %zu",
			       CERT_CODE_LEN, n);
	code[n] = '\0';
	for (i = 0; i < SERIAL_CHARS; i++)
		s = s << 5 | (unsigned long)b32_value(code[i]);
	if (s == 0)
		return err_set(e, ERR_INVALID,
			       "'%s' carries no certificate serial", code);
	if (out)
		memcpy(out, code, sizeof code);
	if (serial)
		*serial = s;
	return 0;
}

int cert_code_check(const unsigned char key[CERT_KEY_BYTES],
		    const struct cert_fields *f, const char *code)
{
	char want[CERT_CODE_LEN + 1], got[CERT_CODE_LEN + 1];

	if (cert_code_parse(code, got, NULL, NULL) < 0 ||
	    cert_code(key, f, want, NULL) < 0)
		return 0;
	return sodium_memcmp(want, got, CERT_CODE_LEN) == 0;
}
