/* store.c - opening the progress database safely: paths and modes, the
 * header and version checks, quick_check, pragmas; the connection helpers
 * shared by the other store_*.c files.  The schema is in store_schema.c.
 */
#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "store_int.h"

#define BUSY_TIMEOUT_MS 5000

/* ---- small helpers ------------------------------------------------------ */

time_t store_now(const struct store *s)
{
	if (!s)
		return time(NULL);
	return (s->frozen_at ? s->frozen_at : time(NULL)) + s->clock_offset;
}

void store_time_text(const struct store *s, char out[STORE_TIME_LEN + 1])
{
	time_t t = store_now(s);
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, STORE_TIME_LEN + 1, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

void store_uuid(char out[STORE_ID_LEN + 1])
{
	unsigned char b[16];

	randombytes_buf(b, sizeof(b));
	b[6] = (unsigned char)((b[6] & 0x0f) | 0x40); /* version 4 */
	b[8] = (unsigned char)((b[8] & 0x3f) | 0x80); /* RFC 4122 variant */
	snprintf(out, STORE_ID_LEN + 1,
		 "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
		 "%02x%02x%02x%02x%02x%02x",
		 b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9],
		 b[10], b[11], b[12], b[13], b[14], b[15]);
}

int store_bind_text(sqlite3_stmt *st, int i, const char *v)
{
	if (!v)
		return sqlite3_bind_null(st, i);
	return sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
}

char *store_col_dup(sqlite3_stmt *st, int i, bool *oom)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	char *c;

	if (!t)
		return NULL;
	c = strdup((const char *)t);
	if (!c)
		*oom = true;
	return c;
}

void store_col_copy(sqlite3_stmt *st, int i, char *out, size_t size)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	snprintf(out, size, "%s", t ? (const char *)t : "");
}

int store_backoff_seconds(long fails)
{
	if (fails < 3)
		return 0;
	if (fails - 3 >= 9)
		return 300;
	int w = 1 << (fails - 3);
	return w > 300 ? 300 : w;
}

/* A hash of "not-a-pin-dummy" with the interactive limits: checking a
 * secret against it takes as long as against a real one. */
static const char dummy_interactive[] =
	"$argon2id$v=19$m=65536,t=2,p=1$8pYEEYykAdhCd1BcjebGfg$"
	"jv+zaHbbqMMLqI+fes4jk7F4PbAFwr+M3wNt+Uc4RKI";

int store_pwhash(struct store *s, const char *secret, char **out,
		 struct err *e)
{
	char buf[crypto_pwhash_STRBYTES];
	unsigned long long ops = crypto_pwhash_OPSLIMIT_INTERACTIVE;
	size_t mem = crypto_pwhash_MEMLIMIT_INTERACTIVE;

	if (s->fast_hash) {
		ops = crypto_pwhash_OPSLIMIT_MIN;
		mem = crypto_pwhash_MEMLIMIT_MIN;
	}
	if (crypto_pwhash_str(buf, secret, strlen(secret), ops, mem) != 0)
		return err_set(e, ERR_GENERIC,
			       "not enough memory to hash the secret");
	*out = strdup(buf);
	sodium_memzero(buf, sizeof(buf));
	if (!*out)
		return err_set(e, ERR_GENERIC, "out of memory");
	return 0;
}

int store_pwverify(struct store *s, const char *hash, const char *secret)
{
	const char *h = hash;

	if (!h) {
		h = dummy_interactive;
		if (s->fast_hash) {
			if (!s->dummy_hash &&
			    store_pwhash(s, "not-a-pin-dummy", &s->dummy_hash,
					 NULL) < 0)
				return 0;
			h = s->dummy_hash;
		}
	}
	if (crypto_pwhash_str_verify(h, secret, strlen(secret)) != 0)
		return 0;
	return hash != NULL;
}

/* ---- errors, statements, transactions --------------------------------- */

static int damaged(int code, const char *path, const char *why, struct err *e)
{
	return err_set(e, code,
		       "%s is damaged (%s). It was left untouched: coursekiosk "
		       "never repairs, recreates or overwrites it. Keep it for "
		       "the coordinator. To save what is readable, run "
		       "`sqlite3 FILE .recover > rescue.sql`, or "
		       "`coursekiosk --db FILE backup COPY.db` (which opens it "
		       "read-only).",
		       path, why);
}

int store_fail(struct store *s, int rc, const char *what, struct err *e)
{
	const char *path = s && s->path ? s->path : "the progress database";
	char detail[200];
	int sys = 0;

	snprintf(detail, sizeof(detail), "%s",
		 s && s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc));
	if (s && s->db)
		sys = sqlite3_system_errno(s->db);
	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return err_set(e, ERR_BUSY,
			       "%s: %s is in use by another program (such "
			       "as a second kiosk), which has held it for "
			       "more than %d seconds. Nothing already saved "
			       "is lost; try again.",
			       what, path, BUSY_TIMEOUT_MS / 1000);
	case SQLITE_FULL:
		return err_set(e, ERR_FULL,
			       "%s: the disk holding %s is full. This was not "
			       "saved yet; everything saved before is safe. "
			       "Free some space and try again.",
			       what, path);
	case SQLITE_READONLY:
	case SQLITE_PERM:
		return err_set(e, ERR_READONLY,
			       "%s: %s is read-only (check the permissions of "
			       "the file and its folder): nothing can be saved "
			       "(%s).",
			       what, path, detail);
	case SQLITE_CANTOPEN:
		return err_set(e, ERR_READONLY,
			       "%s: cannot open %s or create its -wal and -shm "
			       "files: check that its folder exists and is "
			       "writable (%s).",
			       what, path, detail);
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		return damaged(ERR_CORRUPT, path, detail, e);
	case SQLITE_IOERR:
		if (sys == ENOSPC || sys == EDQUOT)
			return store_fail(s, SQLITE_FULL, what, e);
		if (sys == EROFS || sys == EACCES || sys == EPERM)
			return store_fail(s, SQLITE_READONLY, what, e);
		return err_set(e, ERR_GENERIC,
			       "%s: input/output error on %s (%s): check the "
			       "disk; nothing already saved was changed.",
			       what, path, detail);
	case SQLITE_CONSTRAINT:
		return err_set(e, ERR_INVALID, "%s: %s", what, detail);
	default:
		return err_set(e, ERR_GENERIC, "%s: %s (%s)", what, detail, path);
	}
}

sqlite3_stmt *store_stmt(struct store *s, const char *sql, struct err *e)
{
	sqlite3_stmt *st;
	int rc;

	for (size_t i = 0; i < s->ncache; i++) {
		if (s->cache[i].sql == sql) {
			st = s->cache[i].st;
			sqlite3_reset(st);
			sqlite3_clear_bindings(st);
			return st;
		}
	}
	rc = sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st,
				NULL);
	if (rc != SQLITE_OK) {
		store_fail(s, rc, "reading the progress database", e);
		return NULL;
	}
	if (s->ncache == s->capcache) {
		size_t nc = s->capcache ? s->capcache * 2 : 64;
		struct store_stmt *nv = realloc(s->cache, nc * sizeof(*nv));

		if (!nv) {
			sqlite3_finalize(st);
			err_set(e, ERR_GENERIC, "out of memory");
			return NULL;
		}
		s->cache = nv;
		s->capcache = nc;
	}
	s->cache[s->ncache].sql = sql;
	s->cache[s->ncache].st = st;
	s->ncache++;
	return st;
}

int store_exec(struct store *s, const char *sql, struct err *e)
{
	int rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);

	if (rc != SQLITE_OK)
		return store_fail(s, rc, "writing to the progress database", e);
	return 0;
}

int store_step_done(struct store *s, sqlite3_stmt *st, const char *what,
		    struct err *e)
{
	int rc = sqlite3_step(st);

	if (rc == SQLITE_DONE || rc == SQLITE_ROW) {
		sqlite3_reset(st);
		return 0;
	}
	store_fail(s, rc, what, e);
	sqlite3_reset(st);
	return -1;
}

int store_check_writable(struct store *s, struct err *e)
{
	if (s->readonly && s->damaged)
		return err_set(e, ERR_READONLY,
			       "%s is damaged and open read-only: nothing can "
			       "be saved.",
			       s->path);
	if (s->readonly && s->file_readonly)
		return err_set(e, ERR_READONLY,
			       "%s is read-only (check the permissions of the "
			       "file and its folder): nothing can be saved.",
			       s->path);
	if (s->readonly)
		return err_set(e, ERR_READONLY,
			       "%s is open read-only: nothing can be saved.",
			       s->path);
	return 0;
}

int store_begin(struct store *s, struct err *e)
{
	sqlite3_stmt *st;
	int rc;

	if (store_check_writable(s, e) < 0)
		return -1;
	/* A statement left stepping would hold an old snapshot, and BEGIN
	 * IMMEDIATE on an old snapshot fails with SQLITE_BUSY_SNAPSHOT. */
	for (size_t i = 0; i < s->ncache; i++)
		sqlite3_reset(s->cache[i].st);
	st = store_stmt(s, "BEGIN IMMEDIATE", e);
	if (!st)
		return -1;
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return store_fail(s, rc, "saving", e);
	return 0;
}

void store_rollback(struct store *s)
{
	for (size_t i = 0; i < s->ncache; i++)
		sqlite3_reset(s->cache[i].st);
	if (!sqlite3_get_autocommit(s->db))
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
}

int store_commit(struct store *s, struct err *e)
{
	sqlite3_stmt *st;
	int rc;

	for (size_t i = 0; i < s->ncache; i++)
		sqlite3_reset(s->cache[i].st);
	st = store_stmt(s, "COMMIT", e);
	if (!st) {
		store_rollback(s);
		return -1;
	}
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		store_fail(s, rc, "saving", e);
		store_rollback(s);
		return -1;
	}
	return 0;
}

/* ---- paths ----------------------------------------------------------------- */

static char *join(const char *a, const char *b)
{
	size_t n = strlen(a) + strlen(b) + 1;
	char *p = malloc(n);

	if (p)
		snprintf(p, n, "%s%s", a, b);
	return p;
}

char *store_default_path(void)
{
	const char *v = getenv("COURSEKIOSK_DB");

	if (v && *v)
		return strdup(v);
	v = getenv("XDG_DATA_HOME");
	if (v && *v == '/')
		return join(v, "/coursekiosk/progress.db");
	v = getenv("HOME");
	if (!v || !*v)
		v = ".";
	return join(v, "/.local/share/coursekiosk/progress.db");
}

/* mkdir -p of the folder holding `path`; folders made here are 0700. */
static int make_parent(const char *path, struct err *e)
{
	char *dir = strdup(path), *p;
	int ret = 0;

	if (!dir)
		return err_set(e, ERR_GENERIC, "out of memory");
	p = strrchr(dir, '/');
	if (!p || p == dir) {
		free(dir);
		return 0;
	}
	*p = '\0';
	for (p = dir + 1;; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		char c = *p;
		*p = '\0';
		if (mkdir(dir, 0700) < 0 && errno != EEXIST) {
			ret = err_set(e, errno == EACCES || errno == EROFS
						 ? ERR_READONLY : ERR_GENERIC,
				      "cannot create the folder %s: %s", dir,
				      strerror(errno));
			break;
		}
		*p = c;
		if (!c)
			break;
	}
	free(dir);
	return ret;
}

/* The database and its companions must be plain files, never symlinks:
 * a link could redirect trainees' records anywhere. */
static int check_path(const char *path, bool *exists, struct err *e)
{
	static const char *const sfx[] = { "", "-wal", "-shm", "-journal" };
	struct stat st;

	*exists = false;
	for (size_t i = 0; i < sizeof(sfx) / sizeof(sfx[0]); i++) {
		char *p = join(path, sfx[i]);

		if (!p)
			return err_set(e, ERR_GENERIC, "out of memory");
		if (lstat(p, &st) < 0) {
			int er = errno;

			free(p);
			if (er == ENOENT || er == ENOTDIR)
				continue;
			return err_set(e, er == EACCES ? ERR_READONLY
						       : ERR_GENERIC,
				       "cannot reach %s: %s", path,
				       strerror(er));
		}
		free(p);
		if (S_ISLNK(st.st_mode))
			return err_set(e, ERR_INVALID,
				       "%s%s is a symbolic link: refused, so "
				       "that trainees' records cannot be "
				       "redirected to another file. Use the "
				       "real path of the database.",
				       path, sfx[i]);
		if (!S_ISREG(st.st_mode))
			return err_set(e, ERR_INVALID,
				       "%s%s is not a regular file", path,
				       sfx[i]);
		if (i == 0)
			*exists = true;
	}
	return 0;
}

/* Creates an empty 0600 file (an empty file is an empty database), so
 * SQLite never creates it with a wider mode. */
static int create_file(const char *path, struct err *e)
{
	mode_t old = umask(077);
	int fd, ret = 0;

	if (make_parent(path, e) < 0) {
		umask(old);
		return -1;
	}
	fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
		  0600);
	if (fd < 0 && errno != EEXIST) /* EEXIST: another kiosk made it */
		ret = err_set(e, errno == EACCES || errno == EROFS
					 ? ERR_READONLY : ERR_GENERIC,
			      "cannot create %s: %s", path, strerror(errno));
	if (fd >= 0)
		close(fd);
	umask(old);
	return ret;
}

/* ---- opening ---------------------------------------------------------------- */

static int too_new(const char *path, long version, struct err *e)
{
	return err_set(e, ERR_TOONEW,
		       "%s was written by a newer coursekiosk (database schema "
		       "version %ld; this coursekiosk knows versions up to %d). "
		       "It was left untouched: use the newer coursekiosk, or "
		       "another --db.",
		       path, version, store_known_version());
}

/* Reads the 100-byte header before SQLite opens the file, so that a file
 * that is not a database, or one from a newer coursekiosk, is refused
 * without SQLite creating -wal or -shm files beside it. */
static int precheck_header(const char *path, struct err *e)
{
	unsigned char h[100];
	ssize_t n = 0, r;
	long version;
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);

	if (fd < 0)
		return err_set(e, errno == EACCES ? ERR_DENIED : ERR_GENERIC,
			       "cannot read %s: %s", path, strerror(errno));
	while (n < (ssize_t)sizeof(h) &&
	       (r = read(fd, h + n, sizeof(h) - (size_t)n)) > 0)
		n += r;
	close(fd);
	if (n == 0)
		return 0; /* an empty file is an empty database */
	if (n < (ssize_t)sizeof(h) || memcmp(h, "SQLite format 3", 16) != 0)
		return damaged(ERR_CORRUPT, path,
			       "it is not an SQLite database: its header is "
			       "wrong", e);
	version = (long)((unsigned long)h[60] << 24 | (unsigned long)h[61] << 16 |
			 (unsigned long)h[62] << 8 | h[63]);
	if (version > store_known_version())
		return too_new(path, version, e);
	return 0;
}

static int pragma_int(struct store *s, const char *sql, long *out,
		      struct err *e)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);

	if (rc == SQLITE_OK) {
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			*out = (long)sqlite3_column_int64(st, 0);
			rc = SQLITE_OK;
		} else if (rc == SQLITE_DONE) {
			*out = 0;
			rc = SQLITE_OK;
		}
	}
	if (rc != SQLITE_OK)
		store_fail(s, rc, "opening the progress database", e);
	sqlite3_finalize(st);
	return rc == SQLITE_OK ? 0 : -1;
}

/* 0 ok, 1 damaged (why filled), -1 other error. */
static int quick_check(struct store *s, char *why, size_t size, struct err *e)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(s->db, "PRAGMA quick_check", -1, &st, NULL);
	int ret = 0;

	if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const unsigned char *t = sqlite3_column_text(st, 0);

		if (!t || strcmp((const char *)t, "ok") != 0) {
			snprintf(why, size, "quick_check: %s",
				 t ? (const char *)t : "?");
			ret = 1;
		}
	} else if ((rc & 0xff) == SQLITE_CORRUPT ||
		   (rc & 0xff) == SQLITE_NOTADB) {
		snprintf(why, size, "quick_check: %s", sqlite3_errmsg(s->db));
		ret = 1;
	} else if (rc != SQLITE_DONE) {
		ret = store_fail(s, rc, "checking the progress database", e);
	}
	sqlite3_finalize(st);
	return ret;
}

static int set_wal(struct store *s, struct err *e)
{
	if (!strcmp(s->path, STORE_MEMORY))
		return 0;   /* nothing on disk: no journal to choose */
	/* Two kiosks starting at once on a new file may briefly collide. */
	for (int tries = 0;; tries++) {
		sqlite3_stmt *st;
		int rc = sqlite3_prepare_v2(s->db, "PRAGMA journal_mode=WAL",
					    -1, &st, NULL);
		bool wal = false;

		if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
			const unsigned char *m = sqlite3_column_text(st, 0);

			wal = m && !strcmp((const char *)m, "wal");
			rc = SQLITE_OK;
		}
		sqlite3_finalize(st);
		if (wal)
			return 0;
		if ((rc & 0xff) != SQLITE_BUSY || tries >= 50) {
			if (rc == SQLITE_OK)
				return err_set(e, ERR_GENERIC,
					       "%s: cannot switch to WAL mode",
					       s->path);
			return store_fail(s, rc, "opening the progress database",
					  e);
		}
		usleep(100000);
	}
}

static int check_header(struct store *s, long *version, struct err *e)
{
	long appid = 0, ntables = 0;

	/* Reading before anything else: a garbage file fails here with
	 * SQLITE_NOTADB, and nothing has been written to it. */
	if (pragma_int(s, "PRAGMA user_version", version, e) < 0 ||
	    pragma_int(s, "PRAGMA application_id", &appid, e) < 0)
		return -1;
	if (*version > store_known_version())
		return too_new(s->path, *version, e);
	if (pragma_int(s, "SELECT count(*) FROM sqlite_schema", &ntables, e) < 0)
		return -1;
	if ((appid != 0 && appid != STORE_APP_ID) ||
	    (*version == 0 && ntables > 0) ||
	    (*version > 0 && appid != STORE_APP_ID))
		return err_set(e, ERR_INVALID,
			       "%s is an SQLite database, but not a coursekiosk "
			       "one. It was left untouched; use another --db.",
			       s->path);
	return 0;
}

static int setup(struct store *s, bool ro, struct err *e)
{
	char why[300];
	long version = 0;
	int q;

	if (check_header(s, &version, e) < 0)
		return -1;
	q = quick_check(s, why, sizeof(why), e);
	if (q < 0)
		return -1;
	if (q > 0) {
		if (!ro)
			return damaged(ERR_CORRUPT, s->path, why, e);
		s->damaged = true;
	}
	if (!ro && sqlite3_db_readonly(s->db, "main") == 1)
		s->readonly = s->file_readonly = true;
	if (store_exec(s, "PRAGMA foreign_keys=ON", e) < 0)
		return -1;
	if (!s->readonly) {
		if (set_wal(s, e) < 0 ||
		    store_exec(s, "PRAGMA synchronous=FULL", e) < 0 ||
		    store_exec(s, "PRAGMA secure_delete=ON", e) < 0)
			return -1;
	}
	if (version < store_known_version()) {
		if (s->readonly)
			return err_set(e, ERR_READONLY,
				       "%s needs upgrading to schema version "
				       "%d but is read-only; open it once "
				       "with write access.",
				       s->path, store_known_version());
		if (store_migrate(s, (int)version, e) < 0)
			return -1;
	}
	return 0;
}

struct store *store_open(const char *path, int flags, struct err *e)
{
	bool ro = flags & STORE_READONLY, exists;
	struct store *s;
	int rc;

	if (sodium_init() < 0) {
		err_set(e, ERR_GENERIC, "cannot initialise libsodium");
		return NULL;
	}
	if (!path || !*path) {
		err_set(e, ERR_INVALID, "no database path given");
		return NULL;
	}
	if (!strcmp(path, STORE_MEMORY)) {
		/* preview: an in-memory database, no file created or read */
		exists = true;
		ro = false;
	} else if (check_path(path, &exists, e) < 0) {
		return NULL;
	}
	if (!exists) {
		if (ro) {
			err_set(e, ERR_NOTFOUND, "no progress database at %s",
				path);
			return NULL;
		}
		if (create_file(path, e) < 0 || check_path(path, &exists, e) < 0)
			return NULL;
	}
	if (strcmp(path, STORE_MEMORY) && precheck_header(path, e) < 0)
		return NULL;
	s = calloc(1, sizeof(*s));
	if (!s || !(s->path = strdup(path))) {
		free(s);
		err_set(e, ERR_GENERIC, "out of memory");
		return NULL;
	}
	s->readonly = ro;
	rc = sqlite3_open_v2(path, &s->db,
			     (ro ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) |
				     SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_EXRESCODE,
			     NULL);
	if (rc != SQLITE_OK) {
		store_fail(s, rc, "opening the progress database", e);
		goto fail;
	}
	sqlite3_busy_timeout(s->db, BUSY_TIMEOUT_MS);
	if (setup(s, ro, e) < 0)
		goto fail;
	return s;
fail:
	store_close(s);
	return NULL;
}

void store_close(struct store *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->ncache; i++)
		sqlite3_finalize(s->cache[i].st);
	free(s->cache);
	sqlite3_close(s->db);
	free(s->dummy_hash);
	free(s->path);
	free(s);
}

bool store_readonly(const struct store *s)
{
	return s->readonly;
}

bool store_damaged(const struct store *s)
{
	return s->damaged;
}

const char *store_path(const struct store *s)
{
	return s->path;
}

/* ---- test hooks ---------------------------------------------------------- */

int store_test_limit_pages(struct store *s, int pages, struct err *e)
{
	char sql[64];

	snprintf(sql, sizeof(sql), "PRAGMA max_page_count=%d", pages);
	return store_exec(s, sql, e);
}

int store_test_exec(struct store *s, const char *sql, struct err *e)
{
	return store_exec(s, sql, e);
}

void store_test_fast_hash(struct store *s)
{
	s->fast_hash = true;
}

void store_test_clock(struct store *s, long offset_s)
{
	s->clock_offset = offset_s;
}

void store_test_freeze_clock(struct store *s, time_t at)
{
	s->frozen_at = at;
}

void store_test_busy_timeout(struct store *s, int ms)
{
	sqlite3_busy_timeout(s->db, ms);
}
