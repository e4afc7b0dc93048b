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
};

struct diags {
	struct diag *v;
	size_t n, cap;
};

void diags_init(struct diags *d);
void diags_release(struct diags *d);
/* Appends a problem; on allocation failure the problem is counted but
 * its text is replaced by "out of memory". */
void diags_add(struct diags *d, const char *file, int line, int col,
	       const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* Sorts by file, then line, then column (stable), so output is in file order. */
void diags_sort(struct diags *d);
/* Prints "FILE:LINE:COL: message\n" for each. */
void diags_print(const struct diags *d, FILE *out);

#endif
