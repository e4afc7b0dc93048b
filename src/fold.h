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

#include <stdbool.h>

/* The folded form of s (UTF-8), the caller's to free; NULL when s is NULL,
 * not valid UTF-8, or memory ran out. */
char *fold_key(const char *s);

/* The form in which typed quiz answers are compared: fold_key() of the
 * text after three tidying steps done first (on NFC text), so people may
 * write an answer as they would by hand:
 *
 *   1. an apostrophe (' ` ’ ‘ ʼ ′) between two letters or digits is
 *      dropped: "NGO's" = "NGOs", "O’Brien" = "OBrien";
 *   2. the dots of an acronym are dropped: a run of at least two single
 *      letters each followed by a dot (the last dot optional), standing as
 *      a word of its own: "D.G.A.S.P.C." = "DGASPC", "U.K" = "UK"
 *      ("s.47" and "3.5" are left as they are);
 *   3. punctuation at either end is dropped, with the white space around
 *      it: "DGASPC." = "(DGASPC)" = "«DGASPC»" = "DGASPC" (Unicode
 *      punctuation, except % # & @, and a minus sign before a digit at the
 *      start: "-5" stays "-5"; symbols such as + $ ° stay).
 *
 * With `pattern` (an author's <accept> text) every '*' is a wildcard: it
 * is kept (runs of them made one) and never dropped as punctuation; a
 * literal '*' cannot be asked for.  Without it, '*' is ordinary
 * punctuation.  NULL when s is NULL, not UTF-8, or memory ran out; the
 * caller frees. */
char *fold_answer(const char *s, bool pattern);

#endif
