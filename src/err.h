/* err.h - error reporting for the core, without allocation.
 *
 * A fallible core function returns 0 on success or -1 on failure and takes a
 * `struct err *` as its last parameter, which it fills with a message a user
 * can read (git's `return error(...)` plus sqlite's pzErrMsg).  Only main.c
 * and the front ends print it.  `err` may be NULL when the caller does not
 * care about the message.
 */
#ifndef CK_ERR_H
#define CK_ERR_H

#include <stddef.h>

struct err {
	int code;        /* optional machine-readable code, ERR_* below */
	char msg[512];
};

enum {
	ERR_NONE = 0,
	ERR_GENERIC,     /* anything else */
	ERR_INVALID,     /* bad input: user or file content */
	ERR_NOTFOUND,    /* no such learner, course, certificate ... */
	ERR_DENIED,      /* wrong PIN/passphrase, permission */
	ERR_BUSY,        /* locked by another process for too long */
	ERR_FULL,        /* disk full */
	ERR_READONLY,    /* database or directory is read-only */
	ERR_CORRUPT,     /* damaged database */
	ERR_TOONEW,      /* database from a newer coursekiosk */
	ERR_WAIT,        /* back-off: try again later */
	ERR_AMBIGUOUS,   /* several trainees share the name: the organisation
			    tells them apart */
};

/* Sets the message (printf-style) and code; always returns -1. */
int err_set(struct err *e, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Prefixes an existing message with more context ("opening x: " + msg). */
int err_prefix(struct err *e, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

void err_clear(struct err *e);

#endif
