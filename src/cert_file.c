/* cert_file.c - writing a certificate file atomically: into a temporary
 * file in the same folder, then rename(2) over the final name, so an
 * interrupted or failed write (disk full, killed) never leaves a half PDF
 * that looks like a certificate.
 */
#include "cert_priv.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int errno_code(int en)
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

int cert_tmp_open(struct cert_tmpfile *t, const char *path, struct err *e)
{
	const char *slash, *base;
	struct stat st;
	size_t dirlen, n;
	int fd;

	memset(t, 0, sizeof *t);
	if (!path || !*path)
		return err_set(e, ERR_INVALID,
			       "no file name for the certificate");
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		return err_set(e, ERR_INVALID,
			       "cannot write certificate '%s': it is a folder",
			       path);
	slash = strrchr(path, '/');
	base = slash ? slash + 1 : path;
	if (!*base)
		return err_set(e, ERR_INVALID,
			       "cannot write certificate '%s': no file name",
			       path);
	dirlen = slash ? (size_t)(slash - path) + 1 : 0;
	n = dirlen + 1 + strlen(base) + sizeof ".tmpXXXXXX";
	t->tmp = malloc(n);
	if (!t->tmp)
		return err_set(e, ERR_GENERIC, "out of memory");
	/* A hidden name, so a folder listing never shows a half file. */
	snprintf(t->tmp, n, "%.*s.%s.tmpXXXXXX", (int)dirlen, path, base);
	fd = mkstemp(t->tmp);
	if (fd < 0) {
		int en = errno;

		free(t->tmp);
		t->tmp = NULL;
		return err_set(e, errno_code(en),
			       "cannot write certificate '%s': %s", path,
			       strerror(en));
	}
	t->fp = fdopen(fd, "wb");
	if (!t->fp) {
		int en = errno;

		close(fd);
		unlink(t->tmp);
		free(t->tmp);
		t->tmp = NULL;
		return err_set(e, errno_code(en),
			       "cannot write certificate '%s': %s", path,
			       strerror(en));
	}
	t->path = path;
	return 0;
}

int cert_tmp_commit(struct cert_tmpfile *t, struct err *e)
{
	mode_t mask;
	int en = 0;

	if (!t->fp)
		return err_set(e, ERR_GENERIC, "certificate file not open");
	/* mkstemp makes 0600; a certificate is an ordinary document, so give
	 * it the mode any new file gets (main sets a strict umask anyway). */
	mask = umask(0);
	umask(mask);
	errno = 0;
	if (fflush(t->fp) != 0 || ferror(t->fp))
		en = errno ? errno : EIO;
	else if (fchmod(fileno(t->fp), 0666 & ~mask) != 0 ||
		 fsync(fileno(t->fp)) != 0)
		en = errno;
	if (fclose(t->fp) != 0 && !en)
		en = errno;
	t->fp = NULL;
	if (!en && rename(t->tmp, t->path) != 0)
		en = errno;
	if (en) {
		cert_tmp_abort(t);
		return err_set(e, errno_code(en),
			       "cannot write certificate '%s': %s", t->path,
			       strerror(en));
	}
	free(t->tmp);
	t->tmp = NULL;
	return 0;
}

void cert_tmp_abort(struct cert_tmpfile *t)
{
	if (t->fp)
		fclose(t->fp);
	t->fp = NULL;
	if (t->tmp)
		unlink(t->tmp);
	free(t->tmp);
	t->tmp = NULL;
}
