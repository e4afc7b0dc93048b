/* fold.h - the one folding rule for comparing what people type.
 *
 * Names at sign-in, typed quiz answers, searches and report sort keys all
 * compare text through fold_key(), so "ioana stanescu-turcanu" finds
 * "Ioana Stănescu-Țurcanu" and every kiosk sorts names the same way,
 * whatever its locale.  The rule, in order:
 *
 *   1. canonical decomposition (NFD), so accents become separate marks;
 *   2. every combining mark dropped (ș with comma below and ş with cedilla
 *      both become s; Vietnamese stacked marks go too);
 *   3. case folded (g_utf8_casefold: full folding, ß -> ss);
 *   4. each remaining non-ASCII letter transliterated to ASCII with GLib's
 *      locale-independent table (g_str_to_ascii(c, "C"): Ł -> l, æ -> ae);
 *      a letter with no transliteration (đ, я, 日) is kept as it is, so
 *      names in other scripts still compare among themselves;
 *   5. runs of white space made one space, both ends trimmed.
 *
 * It is deliberately independent of the locale: g_str_tokenize_and_fold()
 * transliterates per locale and g_utf8_casefold() alone keeps accents.
 */
#ifndef CK_FOLD_H
#define CK_FOLD_H

/* The folded form of s (UTF-8), the caller's to free; NULL when s is NULL,
 * not valid UTF-8, or memory ran out. */
char *fold_key(const char *s);

#endif
