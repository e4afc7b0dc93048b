/* coord_seed.c - test-only program: trainees and their progress through
 * the real store API, for the coordinator tests and benches.
 *
 *   coord_seed DB learner NAME ROLE ORG COUNTRY
 *       creates a trainee (PIN 123456); prints the id
 *   coord_seed DB done ID COURSE MODULE VERSION NPAGES [PERCENT]
 *       reads every page, passes a quiz with PERCENT (none when absent),
 *       completes the module
 *   coord_seed DB started ID COURSE MODULE NPAGES
 *       reads the first page only
 *   coord_seed DB many N COURSE MODULE[:PERCENT],...
 *       N trainees "Trainee N" who completed every module listed
 *
 * Errors: "error: message" on stderr, exit 1.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"

static int fail(const struct err *e)
{
	fprintf(stderr, "error: %s\n", e->msg);
	return 1;
}

static int complete(struct store *s, const char *id, const char *course,
		    const char *module, int version, int npages, int percent,
		    struct err *e)
{
	static const char *const qids[] = { "q1", "q2" };
	struct attempt a;

	for (int p = 0; p < npages; p++)
		if (store_page_read(s, id, course, module, 0, "", p, npages, e) < 0)
			return -1;
	if (percent >= 0) {
		if (store_attempt_start(s, id, course, module, "check", qids, 2, 7,
					&a, e) < 0)
			return -1;
		if (store_answer_record(s, a.id, "q1", "1", percent >= 50, 1, e) < 0 ||
		    store_answer_record(s, a.id, "q2", "true", percent >= 100, 1, e) < 0 ||
		    store_attempt_finish(s, a.id, percent / 50.0, percent, true, e) < 0) {
			attempt_release(&a);
			return -1;
		}
		attempt_release(&a);
	}
	return store_module_complete(s, id, course, module, version,
				     "0000000000000000000000000000000000000000000000000000000000000000",
				     e);
}

int main(int argc, char **argv)
{
	struct err e = { 0, "" };
	struct learner l;
	struct store *s;
	int rc = 0;

	if (argc < 3) {
		fprintf(stderr, "usage: coord_seed DB learner|done|started|many ...\n");
		return 2;
	}
	s = store_open(argv[1], 0, &e);
	if (!s)
		return fail(&e);
	store_test_fast_hash(s);
	if (!strcmp(argv[2], "learner") && argc == 7) {
		if (store_learner_create(s, argv[3], argv[4], argv[5], argv[6],
					 "123456", &l, &e) < 0)
			rc = fail(&e);
		else {
			printf("%s\n", l.id);
			learner_release(&l);
		}
	} else if (!strcmp(argv[2], "done") && argc >= 8) {
		if (complete(s, argv[3], argv[4], argv[5], atoi(argv[6]),
			     atoi(argv[7]), argc > 8 ? atoi(argv[8]) : -1, &e) < 0)
			rc = fail(&e);
	} else if (!strcmp(argv[2], "started") && argc == 7) {
		if (store_page_read(s, argv[3], argv[4], argv[5], 0, "", 0,
				    atoi(argv[6]), &e) < 0)
			rc = fail(&e);
	} else if (!strcmp(argv[2], "many") && argc == 6) {
		long n = atol(argv[3]);

		for (long i = 1; rc == 0 && i <= n; i++) {
			char name[64], *mods = strdup(argv[5]), *save = NULL;

			snprintf(name, sizeof(name), "Trainee %ld", i);
			if (!mods || store_learner_create(s, name, "police", "Org",
							  "RO", "123456", &l, &e) < 0) {
				rc = mods ? fail(&e) : 1;
				free(mods);
				break;
			}
			for (char *m = strtok_r(mods, ",", &save); m && rc == 0;
			     m = strtok_r(NULL, ",", &save)) {
				char *colon = strchr(m, ':');
				int pct = colon ? atoi(colon + 1) : -1;

				if (colon)
					*colon = '\0';
				if (complete(s, l.id, argv[4], m, 1, 1, pct, &e) < 0)
					rc = fail(&e);
			}
			learner_release(&l);
			free(mods);
		}
	} else {
		fprintf(stderr, "coord_seed: bad arguments\n");
		rc = 2;
	}
	store_close(s);
	return rc;
}
