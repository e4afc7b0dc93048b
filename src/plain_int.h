/* plain_int.h - private to src/plain*.c (the line mode): the state of a
 * run, how a flow ends, and the pieces the files share.
 *
 * plain.c: menus, welcome, registration, sign-in and plain_run;
 * plain_io.c: printing and reading lines; plain_quiz.c: the quiz;
 * plain_read.c: pages and sources.
 */
#ifndef CK_PLAIN_INT_H
#define CK_PLAIN_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "kiosk.h"

#define PLAIN_LINE_MAX 1024

enum flow {
	FL_OK,       /* carry on */
	FL_BACK,     /* back to the previous menu */
	FL_SIGNOUT,  /* signed out (asked, or idle) */
	FL_QUIT,     /* end of input or quit: leave the program */
};

struct plain {
	struct session *s;
	const struct kiosk_options *o;
	FILE *in, *out;
	int fd;                  /* -1: read `in` with fgets */
	bool tty_in;             /* input typed at a terminal */
	char buf[4096];
	size_t blen, bpos;
	bool eof;
	char line[PLAIN_LINE_MAX];
};

/* ---- output (plain_io.c) ------------------------------------------------- */

void plain_say(struct plain *p, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Word-wrapped text: `first` before the first line, `rest` before the
 * others. */
void plain_wrap(struct plain *p, const char *first, const char *rest,
		const char *text);
void plain_wrap_rich(struct plain *p, const char *first, const char *rest,
		     const struct rich *r);
/* "what: message" on a line of its own. */
void plain_report_error(struct plain *p, const char *what,
			const struct err *e);

/* ---- input (plain_io.c) -------------------------------------------------- */

/* Prompts and reads a line (trimmed, in p->line); NULL at end of input or
 * when idle (then *f says which: FL_QUIT or FL_SIGNOUT). */
char *plain_ask(struct plain *p, const char *prompt, enum flow *f);
/* The same for a PIN or passphrase: not echoed at a terminal. */
char *plain_ask_secret(struct plain *p, const char *prompt, enum flow *f);
bool plain_is(const char *v, const char *word);
/* 1..max from a menu answer; 0 when it is not one. */
size_t plain_menu_number(const char *v, size_t max);

/* ---- quiz (plain_quiz.c) ------------------------------------------------- */

/* Takes (or resumes) the quiz of the session's open module. */
enum flow plain_run_quiz(struct plain *p);

/* ---- reading (plain_read.c) ---------------------------------------------- */

void plain_show_sources(struct plain *p, const struct module *m);
void plain_show_block(struct plain *p, const struct module *m,
		      const struct block *b);
/* plain_blocks.c: lists, tables, case stems, glossary terms. */
void plain_show_list(struct plain *p, const struct block *b);
void plain_show_table(struct plain *p, const struct block *b);
void plain_show_case(struct plain *p, const struct module *m,
		     const struct case_stem *cs);
void plain_show_terms(struct plain *p, const struct gloss_entry *const *e,
		      size_t n);
/* Pages of the session's open module from *page, which follows the
 * trainee's place. */
enum flow plain_read_pages(struct plain *p, int *page);

#endif
