/* Unit tests for safewrite.c: the one way a command writes a file. */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include "safewrite.h"

static char dir[64];

static int setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/ck-sw-XXXXXX");
	return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static char *path_of(const char *name)
{
	static char p[128];

	snprintf(p, sizeof(p), "%s/%s", dir, name);
	return p;
}

static char *slurp(const char *p)
{
	static char buf[256];
	FILE *f = fopen(p, "rb");
	size_t n;

	if (!f)
		return NULL;
	n = fread(buf, 1, sizeof(buf) - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

/* Files in dir other than those named (no temporaries left behind). */
static int count_files(void)
{
	char cmd[160];
	FILE *p;
	int n = 0, c;

	snprintf(cmd, sizeof(cmd), "ls -A '%s'", dir);
	p = popen(cmd, "r");
	while ((c = fgetc(p)) != EOF)
		n += c == '\n';
	pclose(p);
	return n;
}

static int write_all(const char *p, int flags, const char *text, struct err *e)
{
	struct safewrite w;

	if (safewrite_open(&w, p, flags, e) < 0)
		return -1;
	fputs(text, w.f);
	return safewrite_commit(&w, e);
}

static void new_file_is_private_and_complete(void **state)
{
	struct err e = { 0 };
	struct stat st;
	char *p = path_of("a.csv");

	(void)state;
	umask(022);
	assert_int_equal(write_all(p, 0, "hello\n", &e), 0);
	assert_string_equal(slurp(p), "hello\n");
	assert_int_equal(stat(p, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_int_equal(count_files(), 1);
}

static void existing_file_needs_force(void **state)
{
	struct err e = { 0 };
	char *p = path_of("b.csv");

	(void)state;
	assert_int_equal(write_all(p, 0, "one", &e), 0);
	assert_int_equal(write_all(p, 0, "two", &e), -1);
	assert_int_equal(e.code, ERR_INVALID);
	assert_non_null(strstr(e.msg, "--force"));
	assert_string_equal(slurp(p), "one");
	assert_int_equal(write_all(p, SW_FORCE, "two", &e), 0);
	assert_string_equal(slurp(p), "two");
	assert_int_equal(count_files(), 1);
}

static void file_appearing_meanwhile_is_kept(void **state)
{
	struct err e = { 0 };
	struct safewrite w;
	char *p = path_of("c.csv");
	FILE *f;

	(void)state;
	assert_int_equal(safewrite_open(&w, p, 0, &e), 0);
	fputs("mine", w.f);
	f = fopen(p, "w");
	fputs("theirs", f);
	fclose(f);
	assert_int_equal(safewrite_commit(&w, &e), -1);
	assert_string_equal(slurp(p), "theirs");
	assert_int_equal(count_files(), 1);
}

static void links_devices_and_folders_are_refused(void **state)
{
	struct err e = { 0 };
	char p[128], link[128];

	(void)state;
	snprintf(p, sizeof(p), "%s", path_of("target"));
	assert_int_equal(write_all(p, 0, "kept", &e), 0);
	snprintf(link, sizeof(link), "%s", path_of("link"));
	assert_int_equal(symlink(p, link), 0);
	assert_int_equal(write_all(link, SW_FORCE, "x", &e), -1);
	assert_non_null(strstr(e.msg, "symbolic link"));
	assert_string_equal(slurp(p), "kept");
	assert_int_equal(write_all("/dev/null", SW_FORCE, "x", &e), -1);
	assert_non_null(strstr(e.msg, "device"));
	assert_int_equal(write_all(dir, SW_FORCE, "x", &e), -1);
	assert_non_null(strstr(e.msg, "folder"));
	assert_int_equal(count_files(), 2);
}

static void full_disk_leaves_nothing(void **state)
{
	struct err e = { 0 };
	char *p = path_of("full.csv");

	(void)state;
	safewrite_test_fail(ENOSPC);
	assert_int_equal(write_all(p, 0, "data", &e), -1);
	safewrite_test_fail(0);
	assert_int_equal(e.code, ERR_FULL);
	assert_non_null(strstr(e.msg, "full"));
	assert_int_equal(access(p, F_OK), -1);
	assert_int_equal(count_files(), 0);
}

static void abort_leaves_nothing(void **state)
{
	struct err e = { 0 };
	struct safewrite w;

	(void)state;
	assert_int_equal(safewrite_open(&w, path_of("d.csv"), 0, &e), 0);
	fputs("half", w.f);
	safewrite_abort(&w);
	safewrite_abort(&w);
	assert_int_equal(count_files(), 0);
}

static void fifo_is_written_into_not_replaced(void **state)
{
	struct err e = { 0 };
	struct stat st;
	char *p = path_of("pipe");
	char got[64] = "";
	int fds[2];
	pid_t pid;

	(void)state;
	assert_int_equal(mkfifo(p, 0600), 0);
	assert_int_equal(pipe(fds), 0);
	pid = fork();
	if (pid == 0) {
		int fd = open(p, O_RDONLY);
		char b[64];
		ssize_t n = read(fd, b, sizeof(b));

		if (n > 0 && write(fds[1], b, (size_t)n) < 0)
			_exit(2);
		_exit(n > 0 ? 0 : 1);
	}
	close(fds[1]);
	assert_int_equal(write_all(p, 0, "through the fifo", &e), 0);
	assert_true(read(fds[0], got, sizeof(got) - 1) > 0);
	close(fds[0]);
	waitpid(pid, NULL, 0);
	assert_string_equal(got, "through the fifo");
	assert_int_equal(lstat(p, &st), 0);
	assert_true(S_ISFIFO(st.st_mode));
}

static void by_path_writer_may_rename_over_the_temporary(void **state)
{
	struct err e = { 0 };
	struct safewrite w;
	struct stat st;
	char *p = path_of("lib.xlsx");
	char other[160];
	FILE *f;

	(void)state;
	assert_int_equal(safewrite_open(&w, p, SW_BY_PATH, &e), 0);
	assert_null(w.f);
	assert_non_null(w.tmp);
	snprintf(other, sizeof(other), "%s.other", w.tmp);
	f = fopen(other, "w");
	fputs("library output", f);
	fclose(f);
	chmod(other, 0644);
	assert_int_equal(rename(other, w.tmp), 0);
	assert_int_equal(safewrite_commit(&w, &e), 0);
	assert_string_equal(slurp(p), "library output");
	assert_int_equal(stat(p, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_int_equal(count_files(), 1);
}

static void folders_are_private(void **state)
{
	struct err e = { 0 };
	struct stat st;
	char *p = path_of("out");

	(void)state;
	assert_int_equal(safewrite_mkdir(p, &e), 0);
	assert_int_equal(safewrite_mkdir(p, &e), 0);
	assert_int_equal(stat(p, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0700);
	assert_int_equal(safewrite_mkdir("/dev/null", &e), -1);
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(new_file_is_private_and_complete),
		T(existing_file_needs_force),
		T(file_appearing_meanwhile_is_kept),
		T(links_devices_and_folders_are_refused),
		T(full_disk_leaves_nothing),
		T(abort_leaves_nothing),
		T(fifo_is_written_into_not_replaced),
		T(by_path_writer_may_rename_over_the_temporary),
		T(folders_are_private),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
