/* store_backup.c - consistent copies of the live database through SQLite's
 * backup API (never a plain file copy, which can catch a half-written WAL).
 */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store_int.h"

static int same_file(const struct stat *a, const char *path, const char *sfx)
{
	char p[4096];
	struct stat b;

	snprintf(p, sizeof(p), "%s%s", path, sfx);
	return stat(p, &b) == 0 && a->st_dev == b.st_dev && a->st_ino == b.st_ino;
}

static int copy_fail(sqlite3 *d, int rc, const char *dest, struct err *e)
{
	const char *msg = d ? sqlite3_errmsg(d) : sqlite3_errstr(rc);

	if ((rc & 0xff) == SQLITE_FULL ||
	    (d && sqlite3_system_errno(d) == ENOSPC))
		return err_set(e, ERR_FULL,
			       "the disk holding %s is full: no backup was "
			       "written; the database itself is unharmed.",
			       dest);
	if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
		return err_set(e, ERR_BUSY,
			       "the database is busy: no backup was written; "
			       "try again.");
	return err_set(e, ERR_GENERIC, "cannot write the backup %s: %s", dest,
		       msg);
}

static int sync_path(const char *path, int flags)
{
	int fd = open(path, flags | O_CLOEXEC);
	int ret = 0;

	if (fd < 0)
		return -1;
	if (fsync(fd) < 0 && errno != EINVAL)
		ret = -1;
	close(fd);
	return ret;
}

/* Puts tmp at dest without replacing anything that appeared meanwhile;
 * falls back to a checked rename where hard links are not supported (FAT
 * sticks). */
static int place(const char *tmp, const char *dest, bool overwrite,
		 struct err *e)
{
	struct stat st;

	if (overwrite) {
		if (rename(tmp, dest) == 0)
			return 0;
	} else if (link(tmp, dest) == 0) {
		unlink(tmp);
		return 0;
	} else if (errno == EEXIST) {
		return err_set(e, ERR_INVALID,
			       "%s already exists: not overwritten", dest);
	} else if (lstat(dest, &st) < 0 && errno == ENOENT &&
		   rename(tmp, dest) == 0) {
		return 0;
	}
	return err_set(e, errno == ENOSPC ? ERR_FULL : ERR_GENERIC,
		       "cannot write the backup %s: %s", dest, strerror(errno));
}

int store_backup_to(struct store *s, const char *dest, bool overwrite,
		    struct err *e)
{
	sqlite3 *d = NULL;
	sqlite3_backup *b;
	struct stat st;
	char *tmp = NULL, *dir = NULL;
	mode_t old;
	int fd, rc, ret = -1;

	if (!dest || !*dest)
		return err_set(e, ERR_INVALID, "no backup file given");
	if (lstat(dest, &st) == 0) {
		if (!overwrite)
			return err_set(e, ERR_INVALID,
				       "%s already exists: not overwritten "
				       "(use --force to replace it)",
				       dest);
		if (!S_ISREG(st.st_mode))
			return err_set(e, ERR_INVALID,
				       "%s is not a regular file: not replaced",
				       dest);
		if (same_file(&st, s->path, "") ||
		    same_file(&st, s->path, "-wal") ||
		    same_file(&st, s->path, "-shm"))
			return err_set(e, ERR_INVALID,
				       "%s is the database itself: a backup "
				       "must go to another file",
				       dest);
	}
	tmp = malloc(strlen(dest) + sizeof(".tmp-XXXXXX"));
	if (!tmp)
		return err_set(e, ERR_GENERIC, "out of memory");
	sprintf(tmp, "%s.tmp-XXXXXX", dest);
	old = umask(077);
	fd = mkstemp(tmp);
	umask(old);
	if (fd < 0) {
		err_set(e, errno == ENOSPC ? ERR_FULL
			   : (errno == EACCES || errno == EROFS) ? ERR_READONLY
								 : ERR_GENERIC,
			"cannot create the backup %s: %s", dest, strerror(errno));
		free(tmp);
		return -1;
	}
	close(fd);
	rc = sqlite3_open_v2(tmp, &d, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW,
			     NULL);
	if (rc != SQLITE_OK) {
		copy_fail(d, rc, dest, e);
		goto out;
	}
	b = sqlite3_backup_init(d, "main", s->db, "main");
	if (!b) {
		copy_fail(d, sqlite3_errcode(d), dest, e);
		goto out;
	}
	rc = sqlite3_backup_step(b, -1);
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE) {
		copy_fail(d, rc, dest, e);
		goto out;
	}
	/* A single self-contained file, whatever the source's mode. */
	rc = sqlite3_exec(d, "PRAGMA journal_mode=DELETE", NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		copy_fail(d, rc, dest, e);
		goto out;
	}
	rc = sqlite3_close(d);
	d = NULL;
	if (rc != SQLITE_OK || sync_path(tmp, O_RDONLY) < 0) {
		copy_fail(NULL, SQLITE_IOERR, dest, e);
		goto out;
	}
	if (place(tmp, dest, overwrite, e) < 0)
		goto out;
	free(tmp);
	tmp = NULL;
	dir = strdup(dest);
	if (dir)
		sync_path(dirname(dir), O_RDONLY | O_DIRECTORY);
	ret = 0;
out:
	sqlite3_close(d);
	if (tmp) {
		unlink(tmp);
		free(tmp);
	}
	free(dir);
	return ret;
}

int store_backup(struct store *s, const char *dest, struct err *e)
{
	return store_backup_to(s, dest, false, e);
}
