/* quiz.h - the quiz engine: drawing, shuffling, marking and the pass rule.
 * Pure logic over the course model; no I/O.
 *
 * Indexes in a `struct quiz_answer` always refer to the MODEL order
 * (question->options[], ->items[], ->pairs[]), never to the order shown;
 * front ends map what the trainee picked on screen back through the
 * permutation from quiz_permute().
 */
#ifndef CK_QUIZ_H
#define CK_QUIZ_H

#include <stdbool.h>
#include <stddef.h>

#include "course.h"

struct quiz_answer {
	enum question_type type;
	/* SINGLE: picks[0]; MULTIPLE: every picked option;
	 * ORDER: item indexes in the order the trainee put them (nitems);
	 * MATCH: picks[i] = index of the pair whose right side the trainee
	 *        matched to pair i's left side (npairs). */
	size_t picks[64];
	size_t npicks;
	bool tf;                 /* TRUEFALSE */
	char text[512];          /* TEXT: as typed */
};

struct quiz_mark {
	bool correct;            /* fully right */
	double points;           /* earned, 0..max (partial scoring) */
	double max;              /* question->points */
	const char *accepted;    /* TEXT, when right: the <accept> text that
				    matched (borrowed from the question) */
};

/* Marks an answer.  A typed (TEXT) answer is compared with each <accept>
 * through fold_answer() (fold.h): case, spacing, diacritics, punctuation at
 * the ends and acronym dots do not count, and '*' in an accepted text
 * matches any run of characters; case="exact" also asks for the capitals
 * where the accepted text has them.  -1 when the answer does not fit the question (wrong
 * type, index out of range, duplicates in ORDER/MATCH). */
int quiz_mark(const struct question *q, const struct quiz_answer *a,
	      struct quiz_mark *out);

/* Text form kept in the store, and back.  encode: caller frees.
 * decode: -1 when the text does not fit the question. */
char *quiz_answer_encode(const struct question *q, const struct quiz_answer *a);
int quiz_answer_decode(const struct question *q, const char *s,
		       struct quiz_answer *out);

/* How a front end words answers (quiz_words.c): every field is borrowed
 * text put between the parts (NULL counts as ""), so the line mode and
 * the full screen keep their own look from one piece of code. */
struct quiz_words {
	const char *sep;         /* between options picked: "; " */
	const char *nothing;     /* no option picked */
	const char *yes, *no;    /* a true/false answer */
	const char *or_sep;      /* between accepted text answers */
	const char *or_end;      /* after them, when there are several */
	const char *then_sep;    /* between order items */
	bool numbered;           /* order: "1. " before each item */
	const char *pair_sep;    /* between match pairs */
	const char *pair_join;   /* between a left side and its right side */
};

/* An answer in words, for feedback and review: the options picked, the
 * order given, each left side with the right side matched to it.  Picks
 * out of range are left out.  NULL when out of memory; caller frees. */
char *quiz_answer_words(const struct question *q, const struct quiz_answer *a,
			const struct quiz_words *style);
/* The right answer in words, the same way.  Caller frees. */
char *quiz_right_words(const struct question *q, const struct quiz_words *style);

/* Points as people write them: rounded to one decimal at most, no
 * trailing ".0" ("2", "0.7", "12.5"). */
void quiz_points_text(double v, char *buf, size_t n);
/* The verdict on an answer, in the words both front ends show: "right",
 * "wrong", "partly right: 2 of 3 correct choices (0.7 of 1 point)", and
 * "not answered" when a or m is NULL.  Caller frees. */
char *quiz_mark_words(const struct question *q, const struct quiz_answer *a,
		      const struct quiz_mark *m);
/* An attempt's total: "2.7 of 4 points (66%)".  Caller frees. */
char *quiz_score_words(double score, double max, int percent);

/* Picks the questions of one attempt: `draw` of them (all when 0), every
 * critical question included, shuffled when quiz->shuffle.  Writes question
 * indexes to idx (room for quiz->nquestions), returns how many. */
size_t quiz_draw(const struct quiz *qz, unsigned long seed, size_t *idx);

/* A deterministic permutation of 0..n-1 for showing a question's options,
 * order items or match right-hand sides: the same seed and question id give
 * the same order (so a resumed attempt looks the same). */
void quiz_permute(unsigned long seed, const char *qid, size_t n, size_t *perm);

struct quiz_result {
	double score, max;
	int percent;             /* floor(100 * score / max) */
	bool passed;             /* percent >= pass and no critical missed */
	size_t ncritical_missed;
	const struct question *critical_missed[64];
};

/* The pass rule over one attempt's questions and their marks. */
void quiz_result(const struct quiz *qz, const struct question *const *qs,
		 const struct quiz_mark *marks, size_t n,
		 struct quiz_result *out);

/* Added by the session work: which finished attempt counts.  A passed
 * attempt beats a failed one, then the higher percent, then the earlier. */
struct quiz_attempt_summary {
	bool finished;
	bool passed;
	int percent;
};
/* Index of the attempt that counts, -1 when none is finished. */
int quiz_best_attempt(const struct quiz_attempt_summary *v, size_t n);

#endif
