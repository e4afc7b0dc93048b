/* store_driver.c - test-only program driving the store from shell tests:
 * kill -9 at random moments, two writers at once, a full disk, read-only
 * files, and the `record` bench.
 *
 *   store_driver init DB                  trainee + attempt; prints its id
 *   store_driver record DB ATTEMPT N PREFIX [BYTES [PAGES]]
 *       records answers PREFIX-1 .. PREFIX-N (answer text of BYTES bytes;
 *       max_page_count PAGES), printing "ack PREFIX-i" only after
 *       store_answer_record returned 0
 *   store_driver open DB [ro]             prints "ok readonly=R damaged=D"
 *
 * Errors print "error CODE: message" on stderr; exit 1 (3 for FULL, 4
 * READONLY, 5 BUSY, 6 CORRUPT, 7 TOONEW).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"

static const char *code_name(int c)
{
	static const char *const names[] = {
		"NONE", "GENERIC", "INVALID", "NOTFOUND", "DENIED", "BUSY",
		"FULL", "READONLY", "CORRUPT", "TOONEW", "WAIT",
	};
	if (c >= 0 && c < (int)(sizeof(names) / sizeof(names[0])))
		return names[c];
	return "?";
}

static int fail(const struct err *e)
{
	fprintf(stderr, "error %s: %s\n", code_name(e->code), e->msg);
	switch (e->code) {
	case ERR_FULL: return 3;
	case ERR_READONLY: return 4;
	case ERR_BUSY: return 5;
	case ERR_CORRUPT: return 6;
	case ERR_TOONEW: return 7;
	default: return 1;
	}
}

static int init(const char *db)
{
	static const char *const qids[] = { "q1", "q2", "q3" };
	struct err e = { 0, "" };
	struct learner l;
	struct attempt a;
	struct store *s = store_open(db, 0, &e);
	int rc = 0;

	if (!s)
		return fail(&e);
	store_test_fast_hash(s);
	if (store_learner_create(s, "Driver Trainee", "police", "Org", "RO",
				 "123456", &l, &e) < 0) {
		store_close(s);
		return fail(&e);
	}
	if (store_attempt_start(s, l.id, "course", "module", "quiz", qids, 3,
				42, &a, &e) < 0) {
		rc = fail(&e);
	} else {
		printf("%s\n", a.id);
		attempt_release(&a);
	}
	learner_release(&l);
	store_close(s);
	return rc;
}

static int record(const char *db, const char *attempt, long n,
		  const char *prefix, long bytes, long pages)
{
	struct err e = { 0, "" };
	struct store *s = store_open(db, 0, &e);
	char *text, qid[128];
	int rc = 0;

	if (!s)
		return fail(&e);
	if (bytes < 1)
		bytes = 1;
	text = malloc((size_t)bytes + 1);
	if (!text) {
		store_close(s);
		return 1;
	}
	memset(text, 'a', (size_t)bytes);
	text[bytes] = '\0';
	if (pages > 0 && store_test_limit_pages(s, (int)pages, &e) < 0)
		rc = fail(&e);
	for (long i = 1; rc == 0 && i <= n; i++) {
		snprintf(qid, sizeof(qid), "%s-%ld", prefix, i);
		if (store_answer_record(s, attempt, qid, text, i % 2, 1.0,
					&e) < 0) {
			rc = fail(&e);
			break;
		}
		printf("ack %s\n", qid);
		fflush(stdout);
	}
	free(text);
	store_close(s);
	return rc;
}

static int open_only(const char *db, bool ro)
{
	struct err e = { 0, "" };
	struct store *s = store_open(db, ro ? STORE_READONLY : 0, &e);

	if (!s)
		return fail(&e);
	printf("ok readonly=%d damaged=%d\n", store_readonly(s),
	       store_damaged(s));
	store_close(s);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc >= 3 && !strcmp(argv[1], "init"))
		return init(argv[2]);
	if (argc >= 6 && !strcmp(argv[1], "record"))
		return record(argv[2], argv[3], atol(argv[4]), argv[5],
			      argc > 6 ? atol(argv[6]) : 8,
			      argc > 7 ? atol(argv[7]) : 0);
	if (argc >= 3 && !strcmp(argv[1], "open"))
		return open_only(argv[2], argc > 3 && !strcmp(argv[3], "ro"));
	fprintf(stderr, "usage: store_driver init DB | record DB ATTEMPT N "
			"PREFIX [BYTES [PAGES]] | open DB [ro]\n");
	return 2;
}
