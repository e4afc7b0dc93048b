/* xlsx.h - a one-sheet spreadsheet (.xlsx) with typed cells, written with
 * libxlsxwriter (the only file that includes it).  Core: never prints.
 *
 * libxlsxwriter opens its target by name with fopen(): give it the private
 * temporary of a safewrite opened with SW_BY_PATH, and commit that. */
#ifndef CK_XLSX_H
#define CK_XLSX_H

#include <stddef.h>

#include "err.h"

struct xlsx;

/* A workbook with one sheet named `sheet`; the header row is bold and
 * frozen, so it stays in view while scrolling. */
struct xlsx *xlsx_new(const char *path, const char *sheet,
		      const char *const *heads, size_t ncols, struct err *e);
/* Cells of the data rows (row 1 is the first after the header); NULL or
 * "" leaves a cell empty. */
void xlsx_text(struct xlsx *x, size_t row, size_t col, const char *s);
void xlsx_number(struct xlsx *x, size_t row, size_t col, double v);
/* "YYYY-MM-DD" (a date) or "YYYY-MM-DDTHH:MM:SSZ" (a date and time);
 * anything else is written as text. */
void xlsx_date(struct xlsx *x, size_t row, size_t col, const char *iso);
/* Sets the column widths (in characters) from what was written, writes
 * the file and frees x.  0, or -1 with e set. */
int xlsx_close(struct xlsx *x, struct err *e);

#endif
