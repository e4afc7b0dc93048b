/* cert_priv.h - shared between the cert_*.c files only. */
#ifndef CK_CERT_PRIV_H
#define CK_CERT_PRIV_H

#include <stdio.h>

#include "err.h"

/* Strict "YYYY-MM-DD" of a real day; 0 or -1.  y, m, d may be NULL. */
int cert_date_parse(const char *s, int *y, int *m, int *d);

/* A file written next to its final path and renamed into place, so readers
 * never see half of it. */
struct cert_tmpfile {
	char *tmp;	  /* temporary path (malloc'd) */
	const char *path; /* final path (borrowed) */
	FILE *fp;
};

int cert_tmp_open(struct cert_tmpfile *t, const char *path, struct err *e);
/* Flushes, syncs, closes and renames; on failure removes the temporary. */
int cert_tmp_commit(struct cert_tmpfile *t, struct err *e);
/* Closes and removes the temporary; safe after a failed open or commit. */
void cert_tmp_abort(struct cert_tmpfile *t);

#endif
