/* textcol.h - text in terminal columns: display width of UTF-8 (combining
 * marks take no column, East Asian wide characters two), and writing a
 * value into a column of fixed width.  Independent of the locale, so
 * reports line up the same under LANG=C. */
#ifndef CK_TEXTCOL_H
#define CK_TEXTCOL_H

#include <stddef.h>
#include <stdio.h>

/* Columns s takes once shown as textcol_put shows it (NULL -> 0). */
size_t textcol_width(const char *s);

/* Writes s into exactly `width` columns: cut (ending with "…") when wider,
 * padded with spaces when narrower (no padding when pad is 0, for the last
 * column).  Control, bidi-override and zero-width characters are left out
 * and invalid UTF-8 bytes are shown as "?", so a typed name can never move
 * the cursor or reorder the line.  Returns 0, or -1 on a stream error. */
int textcol_put(FILE *out, const char *s, size_t width, int pad);

/* Writes text wrapped at spaces to `width` columns, the lines after the
 * first indented by `indent`; a word wider than a line gets a line of its
 * own.  Ends with a newline.  0 or -1. */
int textcol_wrap(FILE *out, const char *text, size_t width, size_t indent);

/* A column of a table that must fit the terminal. */
struct textcol_col {
	size_t want;   /* widest value (and heading), capped by the caller */
	size_t min;    /* narrowest it may become (0: never narrowed) */
	int drop;      /* 0: always shown; otherwise dropped when the table is
			* too wide, the highest first: TEXTCOL_DROP_EARLY and
			* above before any column is narrowed, the others
			* only after every column reached its minimum */
};
#define TEXTCOL_DROP_EARLY 10

/* Chooses widths so that the columns with two spaces between them fit in
 * `width`: out[i] is the width of column i, 0 when it is left out.  A
 * table that cannot fit even then keeps its minimum widths. */
void textcol_fit(const struct textcol_col *c, size_t n, size_t width,
		 size_t *out);

#endif
