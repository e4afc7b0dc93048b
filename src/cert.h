/* cert.h - certificates: verification codes and the PDF / plain-text
 * rendering.  Pure core: no terminal, no database.  The store keeps the
 * fields of every issued certificate; `verify` looks them up by the serial a
 * code carries and calls cert_code_check().
 *
 * The code is 16 characters of Crockford-style base32 (digits and letters
 * without I L O U), printed "ABCD-EFGH-JKMN-PQRS":
 *   - 4 characters (20 bits) carry the serial, so it can be found again;
 *   - 12 characters (60 bits) are a truncated MAC (libsodium crypto_auth,
 *     HMAC-SHA512-256, with the installation's secret key) over a canonical,
 *     length-prefixed encoding of: serial, learner id, learner name
 *     (cert_text_clean: NFC, invisible controls removed), course id, course
 *     version, issue date, expiry date (or its absence).
 * Anyone can read the serial; nobody without the key can make or alter a
 * code.  60 bits make guessing a valid code for a given serial hopeless by
 * hand or by script against a kiosk.
 */
#ifndef CK_CERT_H
#define CK_CERT_H

#include <stddef.h>
#include <stdio.h>

#include "err.h"

struct cert_module_line {
	const char *title;
	int score;	       /* percent 0..100, -1 = module has no quiz */
	const char *completed; /* "YYYY-MM-DD" */
};

struct cert_fields {
	unsigned long serial;	  /* per installation, 1..CERT_SERIAL_MAX;
				     printed "No. 000123" */
	const char *learner_id;	  /* UUID; not printed, covered by the MAC */
	const char *learner_name; /* as typed, UTF-8 */
	const char *course_id;
	const char *course_title;
	int course_version;	/* >= 1 */
	const char *cert_title; /* NULL -> CERT_DEFAULT_TITLE */
	const char *issued;	/* "YYYY-MM-DD" (UTC) */
	const char *expires;	/* "YYYY-MM-DD", or NULL = never expires */
	const struct cert_module_line *modules; /* printed, not in the MAC */
	size_t nmodules;
	const char *issuer; /* optional line, e.g. organisation; NULL */
};

#define CERT_DEFAULT_TITLE "Certificate of completion"
#define CERT_KEY_BYTES 32     /* == crypto_auth_KEYBYTES */
#define CERT_CODE_LEN 16      /* characters, without separators */
#define CERT_CODE_FMT_SIZE 20 /* "ABCD-EFGH-JKMN-PQRS" + NUL */
/* The serial lives in 4 base32 characters: 20 bits.  An installation that
 * issues more than 1,048,575 certificates needs a new key / code version. */
#define CERT_SERIAL_MAX 0xFFFFFUL
/* Prefix of the text in the QR code: "COURSEKIOSK-VERIFY:ABCD-EFGH-..." */
#define CERT_QR_PREFIX "COURSEKIOSK-VERIFY:"

/* Computes the 16-character code (NUL-terminated) of the fields.  Fails
 * (ERR_INVALID) on a serial of 0 or above CERT_SERIAL_MAX, a missing or
 * invalid field (dates must be real "YYYY-MM-DD" dates, the name valid
 * UTF-8 and not empty once cleaned, version >= 1). */
int cert_code(const unsigned char key[CERT_KEY_BYTES],
	      const struct cert_fields *f, char out[CERT_CODE_LEN + 1],
	      struct err *e);

/* Writes "ABCD-EFGH-JKMN-PQRS" (groups of 4, dashes between) into out.
 * outsz should be CERT_CODE_FMT_SIZE; the result is always terminated and
 * truncated when out is too small. */
void cert_code_format(const char *code, char *out, size_t outsz);

/* Reads a code as a person types it: spaces and dashes anywhere, either
 * case, I and L read as 1, O as 0, and an optional CERT_QR_PREFIX (what a
 * QR scanner returns).  On success stores the normalised 16 characters in
 * out and the serial it carries in *serial (either may be NULL) and returns
 * 0; returns -1 (ERR_INVALID) when the input cannot be a code. */
int cert_code_parse(const char *input, char out[CERT_CODE_LEN + 1],
		    unsigned long *serial, struct err *e);

/* Checks a code (any form cert_code_parse accepts) against the fields, in
 * constant time.  Returns 1 when it matches, 0 otherwise (also for a code
 * that does not parse or fields that are invalid). */
int cert_code_check(const unsigned char key[CERT_KEY_BYTES],
		    const struct cert_fields *f, const char *code);

/* Checks what every function here needs: serial in range, ids, name and
 * course title present and valid UTF-8, version >= 1, real dates, module
 * scores -1..100.  0, or -1 with ERR_INVALID and a message naming the
 * field. */
int cert_fields_check(const struct cert_fields *f, struct err *e);

/* Writes the A4 PDF certificate to path, atomically: a temporary file in the
 * same folder, renamed over path once complete, so a failure never leaves a
 * half-written file.  code is the certificate's code in any form
 * cert_code_parse accepts.  The file's mode follows the umask. */
int cert_write_pdf(const struct cert_fields *f, const char *code,
		   const char *path, struct err *e);

/* The plain-text certificate (UTF-8, ends with a newline) to a stream;
 * fails on a write error of the stream. */
int cert_write_text(const struct cert_fields *f, const char *code, FILE *out,
		    struct err *e);

/* The same, to a file written atomically like cert_write_pdf. */
int cert_write_text_path(const struct cert_fields *f, const char *code,
			 const char *path, struct err *e);

/* Frees what cairo, pango and fontconfig keep for the life of the process
 * once a PDF has been drawn (about 180 kB of font caches, the same for one
 * certificate or a thousand, which valgrind reports as lost).  Call it at
 * most once, just before exit and after the last cert_write_pdf(), so leak
 * checks stay clean.  Harmless when no PDF was drawn. */
void cert_release_fonts(void);

/* What the certificate shows and the MAC covers for a piece of text: NFC,
 * without C0/C1 controls, bidi overrides/isolates or zero-width characters,
 * surrounding white space trimmed.  Returns a string to free with free(),
 * or NULL when s is NULL or not valid UTF-8. */
char *cert_text_clean(const char *s);

/* "2025-03-14" -> "14 March 2025".  Returns 0, or -1 (ERR_INVALID) when the
 * date is not a real YYYY-MM-DD date. */
int cert_date_long(const char *ymd, char *out, size_t outsz, struct err *e);

#endif
