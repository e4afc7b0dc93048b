/* slug.h - a safe file-name part from a person's name. */
#ifndef CK_SLUG_H
#define CK_SLUG_H

#include <stddef.h>

/* "Ștefania Țăranu" -> "stefania-taranu": letters transliterated to ASCII,
 * lower case, every run of other characters one "-", none at either end,
 * at most max bytes (cut at a "-" when possible).  Only [a-z0-9-], so the
 * result can never name another folder or a hidden file.  "" when nothing
 * is left (a name in a script without transliteration).  Caller frees;
 * NULL only when out of memory. */
char *slug_make(const char *name, size_t max);

#endif
