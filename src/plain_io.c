/* plain_io.c - the line mode's output and input: printing, word wrap,
 * reading lines (with the idle time-out), prompts, secrets and menu
 * numbers.
 */
#include "plain_int.h"

#include <errno.h>
#include <glib.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#define WIDTH 76

enum got { GOT_EOF, GOT_LINE, GOT_IDLE };

/* ---- output -------------------------------------------------------------- */

void plain_say(struct plain *p, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfprintf(p->out, fmt, ap);
	va_end(ap);
}

static int text_width(const char *s, size_t len)
{
	int w = 0;

	for (const char *q = s; q < s + len && *q; q = g_utf8_next_char(q)) {
		gunichar c = g_utf8_get_char(q);

		if (g_unichar_iszerowidth(c))
			continue;
		w += g_unichar_iswide(c) ? 2 : 1;
	}
	return w;
}

/* Prints text wrapped at WIDTH columns: `first` before the first line,
 * `rest` (spaces, same width) before the others. */
void plain_wrap(struct plain *p, const char *first, const char *rest,
		       const char *text)
{
	int indent = text_width(first, strlen(first)), col = indent;
	const char *q = text;
	bool start = true;

	fputs(first, p->out);
	while (*q) {
		const char *w = q;
		size_t len;
		int ww;

		while (*w == ' ')
			w++;
		if (!*w)
			break;
		len = strcspn(w, " ");
		ww = text_width(w, len);
		if (!start && col + 1 + ww > WIDTH) {
			fputc('\n', p->out);
			fputs(rest, p->out);
			col = indent;
			start = true;
		}
		if (!start) {
			fputc(' ', p->out);
			col++;
		}
		fwrite(w, 1, len, p->out);
		col += ww;
		start = false;
		q = w + len;
	}
	fputc('\n', p->out);
}

void plain_wrap_rich(struct plain *p, const char *first, const char *rest,
			    const struct rich *r)
{
	char *t = rich_flatten(r);

	plain_wrap(p, first, rest, t ? t : "");
	free(t);
}

void plain_report_error(struct plain *p, const char *what,
			       const struct err *e)
{
	plain_say(p, "%s: %s\n", what, e->msg[0] ? e->msg : "unknown error");
}

/* ---- input --------------------------------------------------------------- */

static int idle_ms(const struct plain *p)
{
	if (p->o->idle_timeout <= 0 || !session_learner(p->s) || p->fd < 0)
		return -1;
	return p->o->idle_timeout * 60 * 1000;
}

/* Reads one line into p->line (without its newline).  Lines longer than
 * the buffer are cut; the rest of such a line is dropped. */
static enum got read_line(struct plain *p)
{
	size_t n = 0;
	bool cut = false;

	fflush(p->out);
	if (p->fd < 0) {
		if (!fgets(p->line, sizeof(p->line), p->in))
			return GOT_EOF;
		n = strlen(p->line);
		if (n && p->line[n - 1] != '\n' && !feof(p->in)) {
			int c;

			while ((c = fgetc(p->in)) != EOF && c != '\n')
				;
		}
		goto done;
	}
	for (;;) {
		while (p->bpos < p->blen) {
			char c = p->buf[p->bpos++];

			if (c == '\n')
				goto done;
			if (n + 1 < sizeof(p->line))
				p->line[n++] = c;
			else
				cut = true;
		}
		if (p->eof) {
			if (n == 0 && !cut)
				return GOT_EOF;
			goto done;
		}
		int ms = idle_ms(p);
		if (ms >= 0) {
			struct pollfd pf = { .fd = p->fd, .events = POLLIN };
			int r = poll(&pf, 1, ms);

			if (r == 0)
				return GOT_IDLE;
			if (r < 0 && errno == EINTR)
				continue;
		}
		ssize_t r = read(p->fd, p->buf, sizeof(p->buf));
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			p->eof = true;
			continue;
		}
		p->blen = (size_t)r;
		p->bpos = 0;
	}
done:
	p->line[n] = '\0';
	n = strlen(p->line);
	while (n && (p->line[n - 1] == '\n' || p->line[n - 1] == '\r'))
		p->line[--n] = '\0';
	return GOT_LINE;
}

static char *trimmed(char *s)
{
	char *end;

	while (*s == ' ' || *s == '\t')
		s++;
	end = s + strlen(s);
	while (end > s && (end[-1] == ' ' || end[-1] == '\t'))
		*--end = '\0';
	return s;
}

/* Prompts and reads a line; NULL at end of input or when idle (then *f
 * says which). */
char *plain_ask(struct plain *p, const char *prompt, enum flow *f)
{
	enum got g;

again:
	plain_say(p, "%s", prompt);
	g = read_line(p);
	if (g == GOT_LINE) {
		char *v;

		/* Typed input ends its line on a terminal; from a pipe or a
		 * file nothing does, so end it here and keep the transcript
		 * one line per thing said. */
		if (!p->tty_in)
			plain_say(p, "\n");
		v = trimmed(p->line);
		if (p->o->preview && plain_is(v, "reload")) {
			if (!plain_preview_reload(p))
				goto again;
			*f = FL_QUIT;
			return NULL;
		}
		return v;
	}
	plain_say(p, "\n");
	if (g == GOT_IDLE) {
		plain_say(p, "Signed out after %d minutes without activity. "
			  "Your progress is saved.\n\n", p->o->idle_timeout);
		session_signout(p->s);
		*f = FL_SIGNOUT;
	} else {
		*f = FL_QUIT;
	}
	return NULL;
}

/* A PIN or passphrase: not echoed when typed at a terminal. */
char *plain_ask_secret(struct plain *p, const char *prompt, enum flow *f)
{
	struct termios old, quiet;
	bool tty = p->fd >= 0 && isatty(p->fd) && tcgetattr(p->fd, &old) == 0;
	char *v;

	if (tty) {
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		quiet.c_lflag |= ECHONL;
		tcsetattr(p->fd, TCSAFLUSH, &quiet);
	}
	v = plain_ask(p, prompt, f);
	if (tty)
		tcsetattr(p->fd, TCSAFLUSH, &old);
	return v;
}

bool plain_is(const char *v, const char *word)
{
	return !strcmp(v, word);
}

/* A number 1..max typed alone; 0 when it is not one. */
size_t plain_menu_number(const char *v, size_t max)
{
	char *end;
	unsigned long n;

	if (*v < '0' || *v > '9')
		return 0;
	n = strtoul(v, &end, 10);
	if (*end || n < 1 || n > max)
		return 0;
	return n;
}
