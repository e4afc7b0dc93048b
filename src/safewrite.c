/* safewrite.c - writing output files safely (see safewrite.h). */
#define _GNU_SOURCE 1
#include "safewrite.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "i18n.h"

static int test_errno = -1;   /* -1: not read from the environment yet */

void safewrite_test_fail(int en)
{
	test_errno = en;
}

static int injected(void)
{
	if (test_errno < 0) {
		const char *v = getenv("CK_TEST_SAFEWRITE_FAIL");

		test_errno = v && !strcmp(v, "ENOSPC") ? ENOSPC : 0;
	}
	return test_errno;
}

static int code_of(int en)
{
	switch (en) {
	case ENOSPC:
	case EDQUOT:
		return ERR_FULL;
	case EROFS:
		return ERR_READONLY;
	case EACCES:
	case EPERM:
		return ERR_DENIED;
	case ENOENT:
	case ENOTDIR:
		return ERR_NOTFOUND;
	default:
		return ERR_GENERIC;
	}
}

static int fail_errno(struct err *e, int en, const char *path)
{
	if (en == ENOSPC || en == EDQUOT)
		return err_set(e, ERR_FULL, _("cannot write %s: the disk is full "
			       "(nothing was written; free some space and try "
			       "again)"), path);
	return err_set(e, code_of(en), _("cannot write %s: %s"), path,
		       strerror(en));
}

bool safewrite_is_stdout(const char *path)
{
	return path && !strcmp(path, "-");
}

int safewrite_check(const char *path, int flags, enum sw_kind *kind,
		    struct err *e)
{
	struct stat st;
	enum sw_kind k = SWK_NEW;

	if (!path || !*path)
		return err_set(e, ERR_INVALID, _("no file name given"));
	if (safewrite_is_stdout(path)) {
		k = SWK_STDOUT;
	} else if (lstat(path, &st) == 0) {
		if (S_ISLNK(st.st_mode))
			return err_set(e, ERR_INVALID, _("%s is a symbolic link: "
				       "not followed and not replaced (give the "
				       "real path; -o - writes to standard "
				       "output)"), path);
		if (S_ISDIR(st.st_mode))
			return err_set(e, ERR_INVALID, _("%s is a folder: give a "
				       "file name"), path);
		if (S_ISFIFO(st.st_mode))
			k = SWK_FIFO;
		else if (!S_ISREG(st.st_mode))
			return err_set(e, ERR_INVALID, _("%s is a %s, not a "
				       "regular file: not replaced (-o - writes "
				       "to standard output)"), path,
				       S_ISSOCK(st.st_mode) ? _("socket")
							    : _("device"));
		else if (!(flags & SW_FORCE))
			return err_set(e, ERR_INVALID, _("%s already exists: not "
				       "overwritten (add --force to replace "
				       "it)"), path);
		else
			k = SWK_REPLACE;
	} else if (errno != ENOENT) {
		return fail_errno(e, errno, path);
	}
	if (kind)
		*kind = k;
	return 0;
}

/* ".NAME.tmpXXXXXX" beside path (in $TMPDIR for stdout and FIFOs: their
 * folder, such as /dev, may not take files). */
static char *tmp_name(const char *path, enum sw_kind k)
{
	const char *slash = strrchr(path, '/');
	const char *base = slash ? slash + 1 : path;
	size_t dirlen = slash ? (size_t)(slash - path) + 1 : 0;
	const char *tdir = getenv("TMPDIR");
	char *t;
	size_t n;

	if (k == SWK_STDOUT || k == SWK_FIFO) {
		if (!tdir || !*tdir)
			tdir = "/tmp";
		n = strlen(tdir) + sizeof("/.coursekiosk.tmpXXXXXX");
		t = malloc(n);
		if (t)
			snprintf(t, n, "%s/.coursekiosk.tmpXXXXXX", tdir);
		return t;
	}
	n = dirlen + 1 + strlen(base) + sizeof(".tmpXXXXXX");
	t = malloc(n);
	if (t)
		snprintf(t, n, "%.*s.%s.tmpXXXXXX", (int)dirlen, path, base);
	return t;
}

int safewrite_open(struct safewrite *w, const char *path, int flags,
		   struct err *e)
{
	mode_t old;
	int fd, en;

	memset(w, 0, sizeof(*w));
	if (safewrite_check(path, flags, &w->kind, e) < 0)
		return -1;
	w->path = path;
	w->flags = flags;
	if (w->kind == SWK_STDOUT && !(flags & SW_BY_PATH)) {
		/* Streams straight out: a pipe cannot take a half back. */
		w->f = stdout;
		return 0;
	}
	w->tmp = tmp_name(path, w->kind);
	if (!w->tmp)
		return err_set(e, ERR_GENERIC, _("out of memory"));
	old = umask(077);
	fd = mkostemp(w->tmp, O_CLOEXEC);   /* O_EXCL, 0600 */
	en = errno;
	umask(old);
	if (fd < 0) {
		free(w->tmp);
		w->tmp = NULL;
		return fail_errno(e, en, path);
	}
	if (flags & SW_BY_PATH) {
		close(fd);
		return 0;
	}
	w->f = fdopen(fd, "wb");
	if (!w->f) {
		en = errno;
		close(fd);
		safewrite_abort(w);
		return fail_errno(e, en, path);
	}
	return 0;
}

void safewrite_abort(struct safewrite *w)
{
	if (w->f && w->f != stdout)
		fclose(w->f);
	w->f = NULL;
	if (w->tmp) {
		unlink(w->tmp);
		free(w->tmp);
	}
	w->tmp = NULL;
}

static void sync_dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash ? strndup(path, slash == path ? 1 : (size_t)(slash - path))
			  : strdup(".");
	int fd;

	if (!dir)
		return;
	fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
	free(dir);
}

/* Copies the temporary into an open FIFO or stdout. */
static int copy_into(int from, int to)
{
	char buf[1 << 15];
	ssize_t n;

	while ((n = read(from, buf, sizeof(buf))) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		for (ssize_t off = 0; off < n;) {
			ssize_t m = write(to, buf + off, (size_t)(n - off));

			if (m < 0) {
				if (errno == EINTR)
					continue;
				return -1;
			}
			off += m;
		}
	}
	return 0;
}

/* Puts tmp at path: without replacing anything that appeared meanwhile
 * unless SW_FORCE (renameat2 RENAME_NOREPLACE, else link, else a checked
 * rename on file systems that have neither). */
static int place(struct safewrite *w)
{
	struct stat st;

	if (w->flags & SW_FORCE) {
		if (lstat(w->path, &st) == 0 && !S_ISREG(st.st_mode)) {
			errno = EEXIST;
			return -1;
		}
		return rename(w->tmp, w->path);
	}
#ifdef SYS_renameat2
	if (syscall(SYS_renameat2, AT_FDCWD, w->tmp, AT_FDCWD, w->path,
		    1 /* RENAME_NOREPLACE */) == 0)
		return 0;
	if (errno != EINVAL && errno != ENOSYS)
		return -1;
#endif
	if (link(w->tmp, w->path) == 0) {
		unlink(w->tmp);
		return 0;
	}
	if (errno == EEXIST)
		return -1;
	if (lstat(w->path, &st) == 0) {
		errno = EEXIST;
		return -1;
	}
	return rename(w->tmp, w->path);
}

int safewrite_commit(struct safewrite *w, struct err *e)
{
	const char *shown = w->kind == SWK_STDOUT ? _("standard output") : w->path;
	enum sw_kind now = SWK_NEW; /* set by safewrite_check */
	struct stat st;
	int fd = -1, en = 0;

	if (!w->path)
		return err_set(e, ERR_GENERIC, _("no output open"));
	if (!w->tmp) {
		/* straight to stdout */
		if (fflush(stdout) != 0 || ferror(stdout))
			return fail_errno(e, errno ? errno : EIO, shown);
		w->f = NULL;
		return 0;
	}
	errno = 0;
	if (w->f) {
		if (fflush(w->f) != 0 || ferror(w->f))
			en = errno ? errno : EIO;
		else if (fsync(fileno(w->f)) != 0)
			en = errno;
		if (fclose(w->f) != 0 && !en)
			en = errno ? errno : EIO;
		w->f = NULL;
	}
	if (!en && injected())
		en = injected();
	/* Opened again by name: with SW_BY_PATH a library wrote (or renamed
	 * a file over) it; it must still be a regular file of ours. */
	if (!en) {
		fd = open(w->tmp, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
		if (fd < 0 || fstat(fd, &st) != 0)
			en = errno;
		else if (!S_ISREG(st.st_mode) || st.st_uid != geteuid())
			en = EPERM;
		else if (fsync(fd) != 0 || fchmod(fd, 0600) != 0)
			en = errno;
	}
	if (en) {
		if (fd >= 0)
			close(fd);
		safewrite_abort(w);
		return fail_errno(e, en, shown);
	}
	if (w->kind == SWK_STDOUT || w->kind == SWK_FIFO) {
		int to = STDOUT_FILENO;

		if (w->kind == SWK_FIFO) {
			/* Blocks until a reader opens the other end. */
			to = open(w->path, O_WRONLY | O_NOFOLLOW | O_CLOEXEC);
			if (to < 0 || fstat(to, &st) != 0 || !S_ISFIFO(st.st_mode)) {
				en = to < 0 ? errno : EEXIST;
				if (to >= 0)
					close(to);
				close(fd);
				safewrite_abort(w);
				if (en == EEXIST)
					return err_set(e, ERR_INVALID, _("%s is no "
						       "longer a FIFO: not written"),
						       w->path);
				return fail_errno(e, en, shown);
			}
		} else {
			fflush(stdout);
		}
		if (copy_into(fd, to) < 0)
			en = errno;
		if (w->kind == SWK_FIFO && close(to) != 0 && !en)
			en = errno;
		close(fd);
		safewrite_abort(w);
		return en ? fail_errno(e, en, shown) : 0;
	}
	close(fd);
	/* The target is checked again: something may have appeared. */
	if (safewrite_check(w->path, w->flags, &now, e) < 0 ||
	    (now != SWK_NEW && now != SWK_REPLACE)) {
		safewrite_abort(w);
		if (now == SWK_FIFO)
			return err_set(e, ERR_INVALID, _("%s became a FIFO while "
				       "writing: not replaced"), w->path);
		return -1;
	}
	if (place(w) != 0) {
		en = errno;
		safewrite_abort(w);
		if (en == EEXIST)
			return err_set(e, ERR_INVALID, _("%s appeared while "
				       "writing: not overwritten (add --force to "
				       "replace it)"), w->path);
		return fail_errno(e, en, w->path);
	}
	free(w->tmp);
	w->tmp = NULL;
	sync_dir_of(w->path);
	return 0;
}

int safewrite_mkdir(const char *dir, struct err *e)
{
	struct stat st;

	if (!dir || !*dir)
		return err_set(e, ERR_INVALID, _("no folder given"));
	if (lstat(dir, &st) == 0) {
		if (S_ISLNK(st.st_mode)) {
			/* A link to a folder is how USB sticks are often
			 * reached (/media/...): follow it, but only to a
			 * folder. */
			if (stat(dir, &st) == 0 && S_ISDIR(st.st_mode))
				return 0;
		}
		if (S_ISDIR(st.st_mode))
			return 0;
		return err_set(e, ERR_INVALID, _("%s is not a folder"), dir);
	}
	if (errno != ENOENT)
		return fail_errno(e, errno, dir);
	if (mkdir(dir, 0700) != 0 && errno != EEXIST)
		return err_set(e, code_of(errno), _("cannot create the folder "
			       "%s: %s"), dir, strerror(errno));
	return 0;
}
