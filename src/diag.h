/* diag.h - a list of problems found in input files, each with a place.
 *
 * The loader collects every problem here rather than stopping at the first;
 * `coursekiosk validate` prints them as "FILE:LINE:COL: message".
 */
#ifndef CK_DIAG_H
#define CK_DIAG_H

#include <stddef.h>
#include <stdio.h>

struct diag {
	char *file;   /* path as given by the user */
	int line;     /* 1-based, 0 when unknown */
	int col;      /* 1-based, 0 when unknown */
	char *msg;
	int warning;  /* 1: a warning (printed "warning: ..."), 0: a problem */
};

struct diags {
	struct diag *v;
	size_t n, cap;
	size_t nwarn;     /* how many of v are warnings */
	int warnings;     /* set by the caller: make the warning checks too
			   * (validate, preview); without it none is added */
};

void diags_init(struct diags *d);
void diags_release(struct diags *d);
/* Appends a problem; on allocation failure the problem is counted but
 * its text is replaced by "out of memory". */
void diags_add(struct diags *d, const char *file, int line, int col,
	       const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* Appends a warning when d->warnings is set (else nothing). */
void diags_warn(struct diags *d, const char *file, int line, int col,
		const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* Problems that are not warnings. */
size_t diags_errors(const struct diags *d);
/* Sorts by file, then line, then column (stable), so output is in file order. */
void diags_sort(struct diags *d);
/* Prints "FILE:LINE:COL: message\n" for each ("FILE:LINE:COL: warning:
 * message" for a warning; "FILE: message" for a problem of a whole file
 * or folder, which has no line). */
void diags_print(const struct diags *d, FILE *out);

#endif
