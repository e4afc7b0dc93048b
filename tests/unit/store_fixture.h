/* store_fixture.h - a temporary database for the store's unit tests
 * (a header: helper .c files would be linked into every unit test). */
#ifndef CK_STORE_FIXTURE_H
#define CK_STORE_FIXTURE_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "store.h"

struct fx {
	char dir[64];
	char path[128];
	struct store *s;
};

static void fx_rmtree(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char p[512];
	struct stat st;

	if (!d)
		return;
	while ((de = readdir(d))) {
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		snprintf(p, sizeof(p), "%s/%s", dir, de->d_name);
		if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode))
			fx_rmtree(p);
		else
			unlink(p);
	}
	closedir(d);
	rmdir(dir);
}

static struct store *fx_open(const char *path, int flags)
{
	struct err e = { 0, "" };
	struct store *s = store_open(path, flags, &e);

	if (!s)
		fprintf(stderr, "store_open %s: %s\n", path, e.msg);
	else
		store_test_fast_hash(s);
	return s;
}

static int fx_setup(void **state)
{
	struct fx *f = calloc(1, sizeof(*f));

	if (!f)
		return -1;
	snprintf(f->dir, sizeof(f->dir), "/tmp/ck-store-XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	snprintf(f->path, sizeof(f->path), "%s/progress.db", f->dir);
	f->s = fx_open(f->path, 0);
	if (!f->s)
		return -1;
	*state = f;
	return 0;
}

static int fx_teardown(void **state)
{
	struct fx *f = *state;

	store_close(f->s);
	fx_rmtree(f->dir);
	free(f);
	return 0;
}

/* A trainee with a cheap hash; returns its id in `id`. */
static inline void fx_learner(struct store *s, const char *name, const char *pin,
		       char id[STORE_ID_LEN + 1])
{
	struct err e = { 0, "" };
	struct learner l;

	if (store_learner_create(s, name, "police", "Org", "RO", pin, &l,
				 &e) < 0) {
		fprintf(stderr, "learner_create: %s\n", e.msg);
		abort();
	}
	memcpy(id, l.id, STORE_ID_LEN + 1);
	learner_release(&l);
}

/* Whole file; NULL when missing. */
static inline unsigned char *fx_read(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	unsigned char *b = NULL;
	long n;

	*len = 0;
	if (!fp)
		return NULL;
	if (fseek(fp, 0, SEEK_END) == 0 && (n = ftell(fp)) >= 0 &&
	    fseek(fp, 0, SEEK_SET) == 0 && (b = malloc((size_t)n + 1)) &&
	    fread(b, 1, (size_t)n, fp) == (size_t)n)
		*len = (size_t)n;
	fclose(fp);
	return b;
}

static inline int fx_write(const char *path, const void *b, size_t n)
{
	FILE *fp = fopen(path, "wb");
	int ok;

	if (!fp)
		return -1;
	ok = fwrite(b, 1, n, fp) == n;
	return fclose(fp) == 0 && ok ? 0 : -1;
}

/* Occurrences of needle in the file (and its -wal, if any). */
static inline int fx_count(const char *path, const char *needle)
{
	size_t nl = strlen(needle), len;
	char p[256];
	int count = 0;

	for (int k = 0; k < 2; k++) {
		snprintf(p, sizeof(p), "%s%s", path, k ? "-wal" : "");
		unsigned char *b = fx_read(p, &len);

		for (size_t i = 0; b && i + nl <= len; i++)
			if (!memcmp(b + i, needle, nl))
				count++;
		free(b);
	}
	return count;
}

static inline unsigned long fx_be32(const unsigned char *b)
{
	return (unsigned long)b[0] << 24 | (unsigned long)b[1] << 16 |
	       (unsigned long)b[2] << 8 | b[3];
}

static inline double fx_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1000.0 + t.tv_nsec / 1e6;
}

#endif
