/* safewrite.h - every file a command writes goes through here (reports,
 * certificates, backups, exports).  Core: never prints.
 *
 * The rules:
 * - The data goes to a private temporary file in the target's folder
 *   (".NAME.tmpXXXXXX", O_EXCL, mode 0600), is flushed and fsynced, and is
 *   then renamed into place: a failure (full disk, killed) never leaves a
 *   partial file under the final name.  The file ends up 0600.
 * - An existing file is never replaced without SW_FORCE (--force), and even
 *   then only a regular file: a symbolic link, device, socket or folder is
 *   refused whatever the flags (root must not turn /dev/full into a
 *   regular file).
 * - A FIFO named explicitly is written INTO, never replaced: the complete
 *   output is copied into it once it is ready (a script reading from
 *   `mkfifo` gets all of it or nothing).
 * - "-" is standard output.
 * - Folders made for output (safewrite_mkdir) are 0700.
 */
#ifndef CK_SAFEWRITE_H
#define CK_SAFEWRITE_H

#include <stdbool.h>
#include <stdio.h>

#include "err.h"

enum {
	SW_FORCE = 1,     /* an existing regular file may be replaced */
	SW_BY_PATH = 2,   /* a library writes the temporary by its name
			   * (w->tmp, e.g. fopen() in libxlsxwriter): w->f is
			   * NULL; it may even rename another file over it */
};

enum sw_kind { SWK_NEW, SWK_REPLACE, SWK_FIFO, SWK_STDOUT };

struct safewrite {
	FILE *f;          /* write here (stdout for "-"), NULL with SW_BY_PATH */
	char *tmp;        /* the private temporary (NULL: straight to stdout) */
	const char *path; /* the final path (borrowed); "-" for stdout */
	int flags;
	enum sw_kind kind;
};

/* True for "-" (standard output). */
bool safewrite_is_stdout(const char *path);

/* Whether path may be written under these flags (see the rules above);
 * 0, or -1 with ERR_INVALID and a message saying why not (and naming
 * --force where it would help).  *kind is set when not NULL. */
int safewrite_check(const char *path, int flags, enum sw_kind *kind,
		    struct err *e);

/* Checks path and opens the temporary (or stdout).  0, or -1 with e set
 * (ERR_INVALID, ERR_FULL, ERR_READONLY, ERR_DENIED, ERR_NOTFOUND). */
int safewrite_open(struct safewrite *w, const char *path, int flags,
		   struct err *e);

/* Flushes and syncs the temporary, checks the target again and moves the
 * data into place (rename; or copy into a FIFO / stdout).  On failure the
 * temporary is removed and nothing is left under path. */
int safewrite_commit(struct safewrite *w, struct err *e);

/* Removes the temporary; safe after a failed open or commit, and twice. */
void safewrite_abort(struct safewrite *w);

/* Makes folder dir (mode 0700) when missing; an existing folder is used as
 * it is, a symbolic link or anything else than a folder is refused. */
int safewrite_mkdir(const char *dir, struct err *e);

/* For tests: an errno to fail the next fsync/rename of a commit with
 * (ENOSPC to act as a full disk), 0 to stop.  Also read from the
 * environment variable CK_TEST_SAFEWRITE_FAIL=ENOSPC. */
void safewrite_test_fail(int en);

#endif
