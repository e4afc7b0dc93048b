/* cli_passwd.c - `coursekiosk passwd`: sets or changes the coordinator
 * passphrase of the kiosk's coordinator mode. */
#include <glib.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "cli.h"
#include "cli_coord.h"
#include "store.h"

#define PASS_MIN 10

static const char help[] =
	"usage: coursekiosk passwd\n"
	"\n"
	"Sets the coordinator passphrase (at least 10 characters) that opens\n"
	"the kiosk's coordinator mode, or changes it: the current one is asked\n"
	"first, and wrong ones make the next try wait longer.\n"
	"\n"
	"On a terminal the passphrase is typed twice without echo.  From a pipe,\n"
	"lines are read instead: the current passphrase (only when one is set),\n"
	"the new one, and the new one again.\n"
	"\n"
	"The command-line tools themselves need no passphrase: they work for\n"
	"whoever can read the database file (mode 0600).\n";

static struct termios saved_tio;
static volatile sig_atomic_t echo_off;

/* A signal while echo is off must not leave the terminal silent. */
static void restore_and_reraise(int sig)
{
	if (echo_off)
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_tio);
	signal(sig, SIG_DFL);
	raise(sig);
}

/* Reads a line (without its newline) from stdin, echo off on a tty.  NULL
 * on EOF.  The caller wipes and frees it. */
static char *read_secret(const char *prompt, bool tty)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP };
	struct sigaction sa, old[5];
	struct termios tio;
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;

	if (tty) {
		fputs(prompt, stderr);
		fflush(stderr);
		if (tcgetattr(STDIN_FILENO, &saved_tio) == 0) {
			memset(&sa, 0, sizeof(sa));
			sa.sa_handler = restore_and_reraise;
			for (int i = 0; i < 5; i++)
				sigaction(sigs[i], &sa, &old[i]);
			tio = saved_tio;
			tio.c_lflag &= ~(tcflag_t)ECHO;
			tio.c_lflag |= ECHONL;
			echo_off = tcsetattr(STDIN_FILENO, TCSAFLUSH, &tio) == 0;
		}
	}
	len = getline(&line, &cap, stdin);
	if (echo_off) {
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_tio);
		echo_off = 0;
		for (int i = 0; i < 5; i++)
			sigaction(sigs[i], &old[i], NULL);
	}
	if (len < 0) {
		if (line)
			explicit_bzero(line, cap);
		free(line);
		return NULL;
	}
	while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
		line[--len] = '\0';
	return line;
}

static void wipe(char *s)
{
	if (s) {
		explicit_bzero(s, strlen(s));
		free(s);
	}
}

static size_t chars(const char *s)
{
	return g_utf8_validate(s, -1, NULL) ? (size_t)g_utf8_strlen(s, -1)
					    : strlen(s);
}

int cmd_passwd(int argc, char **argv, const struct globals *g)
{
	const struct coord_opt opts[] = { { 0 } };
	char *cur = NULL, *p1 = NULL, *p2 = NULL;
	bool tty = isatty(STDIN_FILENO), has = false;
	struct err e = { 0 };
	struct store *s;
	int nops, r, wait_s = 0, status = EXIT_FAIL;

	r = coord_parse("passwd", argc, argv, opts, &nops, help);
	if (r)
		return r == 1 ? EXIT_OK : r;
	if (nops) {
		coord_fail("passwd", "unexpected '%s'\nTry 'coursekiosk passwd --help'.",
			   argv[1]);
		return EXIT_USAGE;
	}
	s = coord_open_store("passwd", g, COORD_CREATE);
	if (!s)
		return EXIT_FAIL;
	if (store_coord_has_passphrase(s, &has, &e) < 0) {
		coord_fail_err("passwd", &e);
		goto done;
	}
	if (has) {
		cur = read_secret("Current coordinator passphrase: ", tty);
		if (!cur) {
			coord_fail("passwd", "no passphrase given; nothing changed");
			goto done;
		}
		if (store_coord_check(s, cur, &wait_s, &e) < 0) {
			if (e.code == ERR_WAIT || e.code == ERR_DENIED)
				coord_audit("passwd", s, "signin-failed", "via=passwd");
			if (e.code == ERR_WAIT)
				coord_fail("passwd", "too many wrong passphrases: try "
					   "again in %d second%s", wait_s,
					   wait_s == 1 ? "" : "s");
			else if (e.code == ERR_DENIED)
				coord_fail("passwd", "wrong passphrase; nothing changed");
			else
				coord_fail_err("passwd", &e);
			goto done;
		}
	}
	p1 = read_secret("New coordinator passphrase (at least 10 characters): ",
			 tty);
	if (!p1) {
		coord_fail("passwd", "no passphrase given; nothing changed");
		goto done;
	}
	if (chars(p1) < PASS_MIN) {
		coord_fail("passwd", "the passphrase must have at least %d "
			   "characters; nothing changed", PASS_MIN);
		goto done;
	}
	p2 = read_secret("The same again: ", tty);
	if (!p2 || strcmp(p1, p2)) {
		coord_fail("passwd", "the two passphrases differ; nothing changed");
		goto done;
	}
	if (store_coord_set_passphrase(s, p1, &e) < 0) {
		coord_fail_err("passwd", &e);
		goto done;
	}
	if (coord_audit("passwd", s, has ? "passphrase-changed" : "passphrase-set",
			"via=passwd") < 0)
		goto done;
	printf("Coordinator passphrase %s.\n", has ? "changed" : "set");
	status = EXIT_OK;
done:
	wipe(cur);
	wipe(p1);
	wipe(p2);
	store_close(s);
	return status;
}
