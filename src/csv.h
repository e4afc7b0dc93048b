/* csv.h - RFC 4180 output: fields separated by commas, records ended by
 * CRLF, a field quoted when it holds a comma, a double quote, CR or LF, and
 * double quotes inside it doubled.  UTF-8 passes through unchanged, but a
 * control character is never written raw: C0 controls other than tab, CR
 * and LF, DEL and C1 controls become U+FFFD (the replacement character). */
#ifndef CK_CSV_H
#define CK_CSV_H

#include <stdbool.h>
#include <stdio.h>

/* Whether s must be quoted (NULL and "" need not). */
bool csv_needs_quotes(const char *s);

/* Writes one field (NULL as empty), preceded by a comma unless first.
 * Returns 0, or -1 when the stream reports an error. */
int csv_field(FILE *out, const char *s, bool first);

/* The same for free text typed by a trainee (name, organisation ...): a
 * value a spreadsheet would run as a formula (first character = + - @, tab
 * or CR) gets a leading apostrophe, the usual defence against CSV
 * injection; every other value is written as csv_field would. */
int csv_field_text(FILE *out, const char *s, bool first);

/* The UTF-8 byte-order mark, first in a file meant for Excel (which then
 * reads it as UTF-8, not the Windows code page).  0 or -1. */
int csv_bom(FILE *out);

/* Ends the record with CRLF.  0 or -1. */
int csv_end(FILE *out);

#endif
