/* Unit tests for quiz.c and quiz_words.c: marking of every type, partial
 * scoring, the pass rule with critical questions, drawing, permutations,
 * the stored text form, the best attempt and answers in words. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "quiz.h"

/* ---- building questions -------------------------------------------------- */

static struct option opts_buf[16][8];
static char *items_buf[16][8];
static struct pair pairs_buf[16][8];
static char *accept_buf[16][4];
static int nbuf;

static struct question q_choice(enum question_type t, const char *correct,
				int points)
{
	/* correct: "10100" = options 0 and 2 are correct */
	struct question q = { 0 };
	struct option *o = opts_buf[nbuf++];
	static const char *const texts[] = { "alpha", "beta", "gamma", "delta",
					     "epsilon", "zeta", "eta", "theta" };

	q.id = "qc";
	q.type = t;
	q.points = points;
	q.noptions = strlen(correct);
	for (size_t i = 0; i < q.noptions; i++) {
		o[i].text = (char *)texts[i];
		o[i].correct = correct[i] == '1';
		o[i].why = NULL;
	}
	q.options = o;
	return q;
}

static struct question q_text(const char *a, const char *b, bool ignore_case)
{
	struct question q = { 0 };
	char **acc = accept_buf[nbuf++];

	q.id = "qt";
	q.type = Q_TEXT;
	q.points = 1;
	acc[0] = (char *)a;
	acc[1] = (char *)b;
	q.accept = acc;
	q.naccept = b ? 2 : 1;
	q.ignore_case = ignore_case;
	return q;
}

static struct question q_order(size_t n)
{
	struct question q = { 0 };
	char **it = items_buf[nbuf++];
	static const char *const texts[] = { "first", "second", "third",
					     "fourth", "fifth" };

	q.id = "qo";
	q.type = Q_ORDER;
	q.points = 1;
	for (size_t i = 0; i < n; i++)
		it[i] = (char *)texts[i];
	q.items = it;
	q.nitems = n;
	return q;
}

static struct question q_match(size_t n)
{
	struct question q = { 0 };
	struct pair *p = pairs_buf[nbuf++];
	static const char *const l[] = { "L1", "L2", "L3", "L4" };
	static const char *const r[] = { "R1", "R2", "R3", "R4" };

	q.id = "qm";
	q.type = Q_MATCH;
	q.points = 1;
	for (size_t i = 0; i < n; i++) {
		p[i].left = (char *)l[i];
		p[i].right = (char *)r[i];
	}
	q.pairs = p;
	q.npairs = n;
	return q;
}

static struct quiz_answer picks(enum question_type t, size_t n, ...)
{
	struct quiz_answer a;
	va_list ap;

	memset(&a, 0, sizeof(a));
	a.type = t;
	va_start(ap, n);
	for (size_t i = 0; i < n; i++)
		a.picks[i] = (size_t)va_arg(ap, int);
	va_end(ap);
	a.npicks = n;
	return a;
}

static struct quiz_answer typed(const char *s)
{
	struct quiz_answer a;

	memset(&a, 0, sizeof(a));
	a.type = Q_TEXT;
	strcpy(a.text, s);
	return a;
}

static void setup_reset(void)
{
	nbuf = 0;
}

/* ---- marking ----------------------------------------------------------------- */

static void single_marks_right_and_wrong(void **state)
{
	struct question q;
	struct quiz_answer a;
	struct quiz_mark m;

	(void)state;
	setup_reset();
	q = q_choice(Q_SINGLE, "010", 2);
	a = picks(Q_SINGLE, 1, 1);
	assert_int_equal(quiz_mark(&q, &a, &m), 0);
	assert_true(m.correct);
	assert_true(m.points == 2 && m.max == 2);
	a = picks(Q_SINGLE, 1, 2);
	assert_int_equal(quiz_mark(&q, &a, &m), 0);
	assert_false(m.correct);
	assert_true(m.points == 0);
	/* out of range, no pick, two picks, wrong type */
	a = picks(Q_SINGLE, 1, 3);
	assert_int_equal(quiz_mark(&q, &a, &m), -1);
	a = picks(Q_SINGLE, 0);
	assert_int_equal(quiz_mark(&q, &a, &m), -1);
	a = picks(Q_SINGLE, 2, 0, 1);
	assert_int_equal(quiz_mark(&q, &a, &m), -1);
	a = picks(Q_MULTIPLE, 1, 1);
	assert_int_equal(quiz_mark(&q, &a, &m), -1);
}

static void multiple_all_or_nothing(void **state)
{
	struct question q;
	struct quiz_answer a;
	struct quiz_mark m;

	(void)state;
	setup_reset();
	q = q_choice(Q_MULTIPLE, "1010", 1);
	a = picks(Q_MULTIPLE, 2, 2, 0);
	assert_int_equal(quiz_mark(&q, &a, &m), 0);
	assert_true(m.correct);
	assert_true(m.points == 1);
	a = picks(Q_MULTIPLE, 1, 0);
	assert_int_equal(quiz_mark(&q, &a, &m), 0);
	assert_false(m.correct);
	assert_true(m.points == 0);
	a = picks(Q_MULTIPLE, 3, 0, 2, 3);
	assert_int_equal(quiz_mark(&q, &a, &m), 0);
	assert_false(m.correct);
	assert_true(m.points == 0);
	a = picks(Q_MULTIPLE, 0);
	assert_int_equal(quiz_mark(&q, &a, &m), 0);
	assert_false(m.correct);
	a = picks(Q_MULTIPLE, 2, 0, 0);
	assert_int_equal(quiz_mark(&q, &a, &m), -1);
}

static void multiple_partial_scoring(void **state)
{
	struct question q;
	struct quiz_answer a;
	struct quiz_mark m;

	(void)state;
	setup_reset();
	/* c = 3 correct (0,1,2), w = 2 wrong (3,4), 6 points */
	q = q_choice(Q_MULTIPLE, "11100", 6);
	q.partial = true;
	a = picks(Q_MULTIPLE, 1, 0);            /* +1/3 */
	assert_int_equal(quiz_mark(&q, &a, &m), 0);
	assert_false(m.correct);
	assert_true(fabs(m.points - 2.0) < 1e-9);
	a = picks(Q_MULTIPLE, 3, 0, 1, 3);      /* 2/3 - 1/2 */
	assert_int_equal(quiz_mark(&q, &a, &m), 0);
	assert_true(fabs(m.points - 1.0) < 1e-9);
	a = picks(Q_MULTIPLE, 3, 0, 3, 4);      /* 1/3 - 1 -> floored at 0 */
	assert_int_equal(quiz_mark(&q, &a, &m), 0);
	assert_true(m.points == 0);
	a = picks(Q_MULTIPLE, 3, 2, 1, 0);
	assert_int_equal(quiz_mark(&q, &a, &m), 0);
	assert_true(m.correct);
	assert_true(m.points == 6 && m.max == 6);
	/* every option correct: w = 0, no division by zero */
	q = q_choice(Q_MULTIPLE, "11", 2);
	q.partial = true;
	a = picks(Q_MULTIPLE, 1, 1);
	assert_int_equal(quiz_mark(&q, &a, &m), 0);
	assert_true(fabs(m.points - 1.0) < 1e-9);
}

static void truefalse_marks(void **state)
{
	struct question q = { 0 };
	struct quiz_answer a = { 0 };
	struct quiz_mark m;

	(void)state;
	q.id = "tf";
	q.type = Q_TRUEFALSE;
	q.points = 1;
	q.answer = false;
	a.type = Q_TRUEFALSE;
	a.tf = false;
	assert_int_equal(quiz_mark(&q, &a, &m), 0);
	assert_true(m.correct);
	a.tf = true;
	assert_int_equal(quiz_mark(&q, &a, &m), 0);
	assert_false(m.correct);
}

static void text_collapses_space_and_ignores_case(void **state)
{
	struct question q;
	struct quiz_answer a;
	struct quiz_mark m;

	(void)state;
	setup_reset();
	q = q_text("Child Trafficking", "trafficking", true);
	a = typed("  child   TRAFFICKING ");
	assert_int_equal(quiz_mark(&q, &a, &m), 0);
	assert_true(m.correct);
	a = typed("Trafficking");
	assert_int_equal(quiz_mark(&q, &a, &m), 0);
	assert_true(m.correct);
	a = typed("child\ttrafficking\n");
	assert_int_equal(quiz_mark(&q, &a, &m), 0);
	assert_true(m.correct);
	/* no-break and em spaces count as white space too */
	a = typed("\xc2\xa0" "child\xe2\x80\x83" "trafficking\xc2\xa0");
	assert_int_equal(quiz_mark(&q, &a, &m), 0);
	assert_true(m.correct);
	a = typed("childtrafficking");
	assert_int_equal(quiz_mark(&q, &a, &m), 0);
	assert_false(m.correct);
	a = typed("");
	assert_int_equal(quiz_mark(&q, &a, &m), 0);
	assert_false(m.correct);
	/* Romanian: composed s-comma vs s + combining comma below, any case */
	q = q_text("\xc8\x98tefan", NULL, true);          /* "Ștefan" */
	a = typed("s\xcc\xa6tefan");                      /* "ș" decomposed */
	assert_int_equal(quiz_mark(&q, &a, &m), 0);
	assert_true(m.correct);
	/* not UTF-8 */
	a = typed("\xff\xfe");
	assert_int_equal(quiz_mark(&q, &a, &m), -1);
}

static void text_exact_case(void **state)
{
	struct question q;
	struct quiz_answer a;
	struct quiz_mark m;

	(void)state;
	setup_reset();
	q = q_text("NRM", NULL, false);
	a = typed(" NRM ");
	assert_int_equal(quiz_mark(&q, &a, &m), 0);
	assert_true(m.correct);
	a = typed("nrm");
	assert_int_equal(quiz_mark(&q, &a, &m), 0);
	assert_false(m.correct);
}

/* ---- typed answers: folding, tidying and wildcards ---------------------- */

static struct question q_texts(const char *const *acc, size_t n,
			       bool ignore_case)
{
	struct question q = q_text(acc[0], NULL, ignore_case);

	for (size_t i = 0; i < n && i < 4; i++)
		q.accept[i] = (char *)acc[i];
	q.naccept = n;
	return q;
}

/* Marks `s` and returns the accepted text that matched (NULL: wrong). */
static const char *accepted(const struct question *q, const char *s)
{
	struct quiz_answer a = typed(s);
	struct quiz_mark m;

	assert_int_equal(quiz_mark(q, &a, &m), 0);
	assert_true(m.correct == (m.accepted != NULL));
	return m.accepted;
}

static void text_ignores_punctuation_at_ends_and_acronym_dots(void **state)
{
	static const char *const acc[] = { "DGASPC" };
	struct question q;

	(void)state;
	setup_reset();
	q = q_texts(acc, 1, true);
	assert_ptr_equal(accepted(&q, "DGASPC."), q.accept[0]);
	assert_ptr_equal(accepted(&q, "D.G.A.S.P.C."), q.accept[0]);
	assert_ptr_equal(accepted(&q, "d.g.a.s.p.c"), q.accept[0]);
	assert_ptr_equal(accepted(&q, "  (dgaspc) "), q.accept[0]);
	assert_ptr_equal(accepted(&q, "\xc2\xab" "DGASPC" "\xc2\xbb"), q.accept[0]);
	assert_ptr_equal(accepted(&q, "\"DGASPC\"!"), q.accept[0]);
	/* inside the answer, spaces and other punctuation still count */
	assert_null(accepted(&q, "DGAS PC"));
	assert_null(accepted(&q, "DGAS-PC"));
	assert_null(accepted(&q, "D.G.A.S.P."));
	assert_null(accepted(&q, "..."));
	assert_null(accepted(&q, ""));
}

static void text_dots_and_signs_that_are_not_acronyms_stay(void **state)
{
	static const char *const s47[] = { "s47" }, *const num[] = { "3.5" },
			  *const minus[] = { "5" };
	struct question q;

	(void)state;
	setup_reset();
	q = q_texts(s47, 1, true);
	assert_null(accepted(&q, "s.47"));
	assert_ptr_equal(accepted(&q, "S47."), q.accept[0]);
	q = q_texts(num, 1, true);
	assert_null(accepted(&q, "35"));
	assert_ptr_equal(accepted(&q, "3.5."), q.accept[0]);
	q = q_texts(minus, 1, true);
	assert_null(accepted(&q, "-5"));
	assert_ptr_equal(accepted(&q, "5!"), q.accept[0]);
}

static void text_apostrophes_inside_words_are_dropped(void **state)
{
	static const char *const acc[] = { "NGOs", "O'Brien" };
	struct question q;

	(void)state;
	setup_reset();
	q = q_texts(acc, 2, true);
	assert_ptr_equal(accepted(&q, "NGO's"), q.accept[0]);
	assert_ptr_equal(accepted(&q, "ngo\xe2\x80\x99s"), q.accept[0]);
	assert_ptr_equal(accepted(&q, "OBrien"), q.accept[1]);
	assert_ptr_equal(accepted(&q, "o\xe2\x80\x99" "brien"), q.accept[1]);
	/* an apostrophe at the end is punctuation at the end */
	assert_ptr_equal(accepted(&q, "NGOs'"), q.accept[0]);
}

static void text_diacritics_and_cedillas_fold(void **state)
{
	/* comma below: U+0218 U+021A; cedilla: U+015E U+0162 */
	static const char *const acc[] = { "\xc8\x98tefan \xc8\x9a\xc4\x83ranu",
					   "St\xc4\x83nescu" };
	struct question q;

	(void)state;
	setup_reset();
	q = q_texts(acc, 2, true);
	assert_ptr_equal(accepted(&q, "\xc5\x9e" "tefan \xc5\xa2\xc4\x83ranu"),
			 q.accept[0]);
	assert_ptr_equal(accepted(&q, "stefan taranu"), q.accept[0]);
	assert_ptr_equal(accepted(&q, "stanescu"), q.accept[1]);
	assert_ptr_equal(accepted(&q, "STANESCU."), q.accept[1]);
	assert_null(accepted(&q, "stanesku"));
}

static void text_wildcards(void **state)
{
	static const char *const age[] = { "eighteen", "18*" },
			  *const mid[] = { "under * years" },
			  *const any[] = { "*trafficking*" },
			  *const two[] = { "s*47*" };
	struct question q;

	(void)state;
	setup_reset();
	q = q_texts(age, 2, true);
	assert_ptr_equal(accepted(&q, "18 years old"), q.accept[1]);
	assert_ptr_equal(accepted(&q, "18"), q.accept[1]);
	assert_ptr_equal(accepted(&q, "18."), q.accept[1]);
	assert_ptr_equal(accepted(&q, "18yrs"), q.accept[1]);
	assert_ptr_equal(accepted(&q, "Eighteen"), q.accept[0]);
	assert_null(accepted(&q, "118"));
	assert_null(accepted(&q, "under 18"));
	/* a '*' typed by the trainee is only punctuation */
	assert_ptr_equal(accepted(&q, "18*"), q.accept[1]);
	q = q_texts(mid, 1, true);
	assert_ptr_equal(accepted(&q, "Under 18 years"), q.accept[0]);
	assert_ptr_equal(accepted(&q, "under eighteen  years."), q.accept[0]);
	assert_null(accepted(&q, "under 18"));
	q = q_texts(any, 1, true);
	assert_ptr_equal(accepted(&q, "Child trafficking advice"), q.accept[0]);
	assert_ptr_equal(accepted(&q, "trafficking"), q.accept[0]);
	assert_null(accepted(&q, "traffic"));
	q = q_texts(two, 1, true);
	assert_ptr_equal(accepted(&q, "section 47"), q.accept[0]);
	assert_ptr_equal(accepted(&q, "s.47 of the Act"), q.accept[0]);
	assert_null(accepted(&q, "section 46"));
}

static void text_exact_case_with_the_new_rules(void **state)
{
	static const char *const nrm[] = { "NRM" }, *const ph[] = { "pH*" };
	struct question q;

	(void)state;
	setup_reset();
	q = q_texts(nrm, 1, false);
	assert_ptr_equal(accepted(&q, "N.R.M."), q.accept[0]);
	assert_ptr_equal(accepted(&q, "NRM."), q.accept[0]);
	assert_null(accepted(&q, "Nrm"));
	q = q_texts(ph, 1, false);
	assert_ptr_equal(accepted(&q, "pH 7"), q.accept[0]);
	assert_null(accepted(&q, "PH 7"));
	/* the same question ignoring case */
	q = q_texts(ph, 1, true);
	assert_ptr_equal(accepted(&q, "PH 7"), q.accept[0]);
}

static void order_all_or_nothing(void **state)
{
	struct question q;
	struct quiz_answer a;
	struct quiz_mark m;

	(void)state;
	setup_reset();
	q = q_order(3);
	a = picks(Q_ORDER, 3, 0, 1, 2);
	assert_int_equal(quiz_mark(&q, &a, &m), 0);
	assert_true(m.correct);
	a = picks(Q_ORDER, 3, 0, 2, 1);
	assert_int_equal(quiz_mark(&q, &a, &m), 0);
	assert_false(m.correct);
	assert_true(m.points == 0);
	a = picks(Q_ORDER, 3, 0, 0, 1);
	assert_int_equal(quiz_mark(&q, &a, &m), -1);
	a = picks(Q_ORDER, 2, 0, 1);
	assert_int_equal(quiz_mark(&q, &a, &m), -1);
	a = picks(Q_ORDER, 3, 0, 1, 3);
	assert_int_equal(quiz_mark(&q, &a, &m), -1);
}

static void match_all_or_nothing(void **state)
{
	struct question q;
	struct quiz_answer a;
	struct quiz_mark m;

	(void)state;
	setup_reset();
	q = q_match(3);
	a = picks(Q_MATCH, 3, 0, 1, 2);
	assert_int_equal(quiz_mark(&q, &a, &m), 0);
	assert_true(m.correct);
	a = picks(Q_MATCH, 3, 1, 0, 2);
	assert_int_equal(quiz_mark(&q, &a, &m), 0);
	assert_false(m.correct);
	a = picks(Q_MATCH, 3, 1, 1, 2);
	assert_int_equal(quiz_mark(&q, &a, &m), -1);
	/* two pairs with the same right side: either way round is right */
	q.pairs[1].right = q.pairs[0].right;
	a = picks(Q_MATCH, 3, 1, 0, 2);
	assert_int_equal(quiz_mark(&q, &a, &m), 0);
	assert_true(m.correct);
}

/* ---- the pass rule ---------------------------------------------------------- */

static void pass_rule_percent_and_critical(void **state)
{
	struct question qs[4];
	const struct question *ptr[4];
	struct quiz_mark marks[4];
	struct quiz qz = { 0 };
	struct quiz_result r;

	(void)state;
	memset(qs, 0, sizeof(qs));
	for (int i = 0; i < 4; i++) {
		qs[i].points = 1;
		ptr[i] = &qs[i];
		marks[i].correct = true;
		marks[i].points = 1;
		marks[i].max = 1;
	}
	qs[2].critical = true;
	qz.pass = 75;
	marks[0].correct = false;
	marks[0].points = 0;
	quiz_result(&qz, ptr, marks, 4, &r);
	assert_int_equal(r.percent, 75);
	assert_true(r.passed);
	assert_int_equal(r.ncritical_missed, 0);

	/* same score, but the one wrong is critical: failed */
	marks[0].correct = true;
	marks[0].points = 1;
	marks[2].correct = false;
	marks[2].points = 0;
	quiz_result(&qz, ptr, marks, 4, &r);
	assert_int_equal(r.percent, 75);
	assert_false(r.passed);
	assert_int_equal(r.ncritical_missed, 1);
	assert_ptr_equal(r.critical_missed[0], &qs[2]);

	/* below the pass mark */
	marks[2].correct = true;
	marks[2].points = 1;
	marks[0].points = marks[1].points = 0;
	marks[0].correct = marks[1].correct = false;
	quiz_result(&qz, ptr, marks, 4, &r);
	assert_int_equal(r.percent, 50);
	assert_false(r.passed);

	/* partial points: 0.8 of 1 on each of 4 = 80% exactly, no float loss */
	qz.pass = 80;
	for (int i = 0; i < 4; i++) {
		marks[i].points = 0.8;
		marks[i].correct = false;
	}
	qs[2].critical = false;
	quiz_result(&qz, ptr, marks, 4, &r);
	assert_int_equal(r.percent, 80);
	assert_true(r.passed);
	assert_true(fabs(r.score - 3.2) < 1e-9 && r.max == 4);
}

/* ---- drawing and permutations --------------------------------------------- */

static struct question pool[10];

static struct quiz make_pool(size_t n, int draw, bool shuffle_q,
			     const char *crit)
{
	static char ids[10][24];
	struct quiz qz = { 0 };

	memset(pool, 0, sizeof(pool));
	for (size_t i = 0; i < n; i++) {
		snprintf(ids[i], sizeof(ids[i]), "q%zu", i);
		pool[i].id = ids[i];
		pool[i].critical = crit && crit[i] == '1';
		pool[i].points = 1;
	}
	qz.id = "check";
	qz.questions = pool;
	qz.nquestions = n;
	qz.draw = draw;
	qz.shuffle = shuffle_q;
	qz.pass = 80;
	return qz;
}

static void draw_all_in_order_without_shuffle(void **state)
{
	struct quiz qz = make_pool(5, 0, false, NULL);
	size_t idx[10];

	(void)state;
	assert_int_equal(quiz_draw(&qz, 42, idx), 5);
	for (size_t i = 0; i < 5; i++)
		assert_int_equal(idx[i], i);
}

static void draw_size_and_critical_always_included(void **state)
{
	struct quiz qz = make_pool(10, 4, true, "0010000101");
	size_t idx[10];
	int saw_noncrit[10] = { 0 };

	(void)state;
	for (unsigned long seed = 1; seed < 300; seed++) {
		bool seen[10] = { false };
		size_t n = quiz_draw(&qz, seed, idx);

		assert_int_equal(n, 4);
		for (size_t i = 0; i < n; i++) {
			assert_true(idx[i] < 10);
			assert_false(seen[idx[i]]);
			seen[idx[i]] = true;
			saw_noncrit[idx[i]]++;
		}
		assert_true(seen[2] && seen[7] && seen[9]);
	}
	/* every other question is drawn some of the time */
	for (int i = 0; i < 10; i++)
		assert_true(saw_noncrit[i] > 0);
	/* a draw equal to the number of criticals gives exactly them */
	qz.draw = 3;
	assert_int_equal(quiz_draw(&qz, 7, idx), 3);
	/* draw above the pool takes all */
	qz.draw = 20;
	assert_int_equal(quiz_draw(&qz, 7, idx), 10);
}

static void draw_is_deterministic_and_sorted_without_shuffle(void **state)
{
	struct quiz qz = make_pool(10, 5, false, "1000000000");
	size_t a[10], b[10];
	bool differs = false;

	(void)state;
	assert_int_equal(quiz_draw(&qz, 99, a), 5);
	assert_int_equal(quiz_draw(&qz, 99, b), 5);
	assert_memory_equal(a, b, 5 * sizeof(size_t));
	for (size_t i = 1; i < 5; i++)
		assert_true(a[i - 1] < a[i]);
	for (unsigned long s = 100; s < 120 && !differs; s++) {
		quiz_draw(&qz, s, b);
		differs = memcmp(a, b, 5 * sizeof(size_t)) != 0;
	}
	assert_true(differs);
}

static void permute_is_a_deterministic_permutation(void **state)
{
	size_t p[8], r[8];
	int same = 0, moved = 0;

	(void)state;
	for (unsigned long seed = 0; seed < 200; seed++) {
		bool seen[8] = { false };

		quiz_permute(seed, "q1", 8, p);
		quiz_permute(seed, "q1", 8, r);
		assert_memory_equal(p, r, sizeof(p));
		for (int i = 0; i < 8; i++) {
			assert_true(p[i] < 8);
			assert_false(seen[p[i]]);
			seen[p[i]] = true;
			moved += p[i] != (size_t)i;
		}
		quiz_permute(seed, "q2", 8, r);
		same += !memcmp(p, r, sizeof(p));
	}
	/* the question id changes the order; shuffles really shuffle */
	assert_true(same < 5);
	assert_true(moved > 200 * 8 / 2);
	quiz_permute(5, "q", 1, p);
	assert_int_equal(p[0], 0);
	quiz_permute(5, "q", 0, p);
}

/* ---- stored text form -------------------------------------------------------- */

static void encode_decode_round_trip(void **state)
{
	struct question qs[6];
	struct quiz_answer in[6], out;
	char *s;

	(void)state;
	setup_reset();
	qs[0] = q_choice(Q_SINGLE, "001", 1);
	in[0] = picks(Q_SINGLE, 1, 2);
	qs[1] = q_choice(Q_MULTIPLE, "0110", 1);
	in[1] = picks(Q_MULTIPLE, 2, 2, 1);
	memset(&qs[2], 0, sizeof(qs[2]));
	qs[2].type = Q_TRUEFALSE;
	memset(&in[2], 0, sizeof(in[2]));
	in[2].type = Q_TRUEFALSE;
	in[2].tf = true;
	qs[3] = q_text("x", NULL, true);
	in[3] = typed("Ștefan, a: b,c");
	qs[4] = q_order(4);
	in[4] = picks(Q_ORDER, 4, 3, 1, 0, 2);
	qs[5] = q_match(3);
	in[5] = picks(Q_MATCH, 3, 2, 0, 1);
	for (int i = 0; i < 6; i++) {
		s = quiz_answer_encode(&qs[i], &in[i]);
		assert_non_null(s);
		assert_int_equal(quiz_answer_decode(&qs[i], s, &out), 0);
		assert_int_equal(out.type, in[i].type);
		assert_int_equal(out.npicks, in[i].npicks);
		assert_memory_equal(out.picks, in[i].picks,
				    in[i].npicks * sizeof(size_t));
		assert_int_equal(out.tf, in[i].tf);
		assert_string_equal(out.text, in[i].text);
		free(s);
	}
	/* an empty multiple answer survives too */
	in[1] = picks(Q_MULTIPLE, 0);
	s = quiz_answer_encode(&qs[1], &in[1]);
	assert_int_equal(quiz_answer_decode(&qs[1], s, &out), 0);
	assert_int_equal(out.npicks, 0);
	free(s);
	/* an answer that does not fit is not encoded */
	in[0] = picks(Q_SINGLE, 1, 7);
	assert_null(quiz_answer_encode(&qs[0], &in[0]));
}

static void decode_rejects_bad_text(void **state)
{
	struct question single, order, tf = { 0 }, text;
	struct quiz_answer out;
	char longtext[600];

	(void)state;
	setup_reset();
	single = q_choice(Q_SINGLE, "01", 1);
	order = q_order(3);
	tf.type = Q_TRUEFALSE;
	text = q_text("x", NULL, true);
	assert_int_equal(quiz_answer_decode(&single, "single:1", &out), 0);
	assert_int_equal(quiz_answer_decode(&single, "single:2", &out), -1);
	assert_int_equal(quiz_answer_decode(&single, "single:", &out), -1);
	assert_int_equal(quiz_answer_decode(&single, "single:1,0", &out), -1);
	assert_int_equal(quiz_answer_decode(&single, "single:-1", &out), -1);
	assert_int_equal(quiz_answer_decode(&single, "single:1x", &out), -1);
	assert_int_equal(quiz_answer_decode(&single, "multiple:1", &out), -1);
	assert_int_equal(quiz_answer_decode(&single, "1", &out), -1);
	assert_int_equal(quiz_answer_decode(&order, "order:0,1", &out), -1);
	assert_int_equal(quiz_answer_decode(&order, "order:0,1,1", &out), -1);
	assert_int_equal(quiz_answer_decode(&order, "order:0,,1", &out), -1);
	assert_int_equal(quiz_answer_decode(&order, "order:2,1,0", &out), 0);
	assert_int_equal(quiz_answer_decode(&tf, "truefalse:yes", &out), -1);
	assert_int_equal(quiz_answer_decode(&tf, "truefalse:false", &out), 0);
	assert_false(out.tf);
	memset(longtext, 'a', sizeof(longtext));
	memcpy(longtext, "text:", 5);
	longtext[sizeof(longtext) - 1] = '\0';
	assert_int_equal(quiz_answer_decode(&text, longtext, &out), -1);
	assert_int_equal(quiz_answer_decode(&text, "text:\xc3", &out), -1);
	assert_int_equal(quiz_answer_decode(&text, "text:", &out), 0);
}

/* ---- best attempt ----------------------------------------------------------- */

static void best_attempt_prefers_passed_then_higher(void **state)
{
	struct quiz_attempt_summary v[5] = {
		{ true, false, 90 },   /* high but a critical missed */
		{ true, true, 80 },
		{ false, false, 0 },   /* unfinished: never counts */
		{ true, true, 85 },
		{ true, true, 85 },    /* tie: the earlier stays */
	};

	(void)state;
	assert_int_equal(quiz_best_attempt(v, 5), 3);
	assert_int_equal(quiz_best_attempt(v, 1), 0);
	assert_int_equal(quiz_best_attempt(&v[2], 1), -1);
	assert_int_equal(quiz_best_attempt(v, 0), -1);
}

/* ---- answers in words ------------------------------------------------------ */

static const struct quiz_words line_words = {
	.sep = "; ", .nothing = "(nothing chosen)", .yes = "true", .no = "false",
	.or_sep = " (or: ", .or_end = ")", .then_sep = ", then ",
	.pair_sep = "; ", .pair_join = " goes with ",
};

static const struct quiz_words screen_words = {
	.sep = " / ", .nothing = "(none)", .yes = "True", .no = "False",
	.or_sep = " or ", .then_sep = "\n", .numbered = true,
	.pair_sep = "\n", .pair_join = " -> ",
};

/* Checks and frees a worded answer. */
static void words_are(char *got, const char *want)
{
	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

static void words_of_options(void **state)
{
	struct question q;
	struct quiz_answer a;

	(void)state;
	setup_reset();
	q = q_choice(Q_MULTIPLE, "10100", 1);
	a = picks(Q_MULTIPLE, 2, 2, 0);
	words_are(quiz_answer_words(&q, &a, &line_words), "gamma; alpha");
	words_are(quiz_answer_words(&q, &a, &screen_words), "gamma / alpha");
	a = picks(Q_MULTIPLE, 0);
	words_are(quiz_answer_words(&q, &a, &line_words), "(nothing chosen)");
	words_are(quiz_answer_words(&q, &a, &screen_words), "(none)");
	/* a pick out of range is left out, and does not start a separator */
	a = picks(Q_MULTIPLE, 2, 9, 1);
	words_are(quiz_answer_words(&q, &a, &line_words), "beta");
	words_are(quiz_right_words(&q, &line_words), "alpha; gamma");
	q = q_choice(Q_SINGLE, "010", 1);
	a = picks(Q_SINGLE, 1, 2);
	words_are(quiz_answer_words(&q, &a, &screen_words), "gamma");
	words_are(quiz_right_words(&q, &screen_words), "beta");
}

static void words_of_true_false_and_text(void **state)
{
	struct question q = { 0 };
	struct quiz_answer a;

	(void)state;
	setup_reset();
	q.type = Q_TRUEFALSE;
	q.answer = false;
	memset(&a, 0, sizeof(a));
	a.type = Q_TRUEFALSE;
	a.tf = true;
	words_are(quiz_answer_words(&q, &a, &line_words), "true");
	words_are(quiz_answer_words(&q, &a, &screen_words), "True");
	words_are(quiz_right_words(&q, &line_words), "false");
	words_are(quiz_right_words(&q, &screen_words), "False");

	q = q_text("NRM", "National Referral Mechanism", true);
	a = typed("  the nrm ");
	words_are(quiz_answer_words(&q, &a, &line_words), "  the nrm ");
	words_are(quiz_right_words(&q, &line_words),
		  "NRM (or: National Referral Mechanism)");
	words_are(quiz_right_words(&q, &screen_words),
		  "NRM or National Referral Mechanism");
	q = q_text("NRM", NULL, true);
	words_are(quiz_right_words(&q, &line_words), "NRM");
}

static void words_of_order(void **state)
{
	struct question q;
	struct quiz_answer a;

	(void)state;
	setup_reset();
	q = q_order(3);
	a = picks(Q_ORDER, 3, 2, 0, 1);
	words_are(quiz_answer_words(&q, &a, &line_words),
		  "third, then first, then second");
	words_are(quiz_answer_words(&q, &a, &screen_words),
		  "1. third\n2. first\n3. second");
	words_are(quiz_right_words(&q, &line_words),
		  "first, then second, then third");
	words_are(quiz_right_words(&q, &screen_words),
		  "1. first\n2. second\n3. third");
}

static void words_of_match(void **state)
{
	struct question q;
	struct quiz_answer a;
	const struct quiz_words bare = { .pair_join = "=" };

	(void)state;
	setup_reset();
	q = q_match(3);
	a = picks(Q_MATCH, 3, 1, 0, 2);
	words_are(quiz_answer_words(&q, &a, &line_words),
		  "L1 goes with R2; L2 goes with R1; L3 goes with R3");
	words_are(quiz_answer_words(&q, &a, &screen_words),
		  "L1 -> R2\nL2 -> R1\nL3 -> R3");
	words_are(quiz_right_words(&q, &line_words),
		  "L1 goes with R1; L2 goes with R2; L3 goes with R3");
	/* unset separators count as empty text */
	words_are(quiz_right_words(&q, &bare), "L1=R1L2=R2L3=R3");
	/* a right side out of range is left out */
	a = picks(Q_MATCH, 3, 7, 0, 2);
	words_are(quiz_answer_words(&q, &a, &line_words),
		  "L2 goes with R1; L3 goes with R3");
}

/* Points and marks read as people say them, the same for both front ends
 * (quiz_words.c): one decimal at most, no "2.000000". */
static void marks_in_words(void **state)
{
	struct question q;
	struct quiz_answer a;
	struct quiz_mark m;
	char buf[32], *w;

	(void)state;
	setup_reset();
	quiz_points_text(2.0, buf, sizeof(buf));
	assert_string_equal(buf, "2");
	quiz_points_text(2.0 / 3.0, buf, sizeof(buf));
	assert_string_equal(buf, "0.7");
	quiz_points_text(12.25, buf, sizeof(buf));
	assert_true(!strcmp(buf, "12.2") || !strcmp(buf, "12.3"));
	quiz_points_text(-0.0001, buf, sizeof(buf));
	assert_string_equal(buf, "0");
	quiz_points_text(0.96, buf, sizeof(buf));
	assert_string_equal(buf, "1");

	/* 3 correct of 5, partial: 2 right picks and none wrong */
	q = q_choice(Q_MULTIPLE, "11100", 1);
	q.partial = true;
	a = picks(Q_MULTIPLE, 2, 0, 2);
	assert_int_equal(quiz_mark(&q, &a, &m), 0);
	w = quiz_mark_words(&q, &a, &m);
	assert_string_equal(w, "partly right: 2 of 3 correct choices "
			       "(0.7 of 1 point)");
	free(w);
	/* a wrong pick is named too */
	a = picks(Q_MULTIPLE, 3, 0, 1, 3);
	assert_int_equal(quiz_mark(&q, &a, &m), 0);
	w = quiz_mark_words(&q, &a, &m);
	assert_string_equal(w, "partly right: 2 of 3 correct choices, and 1 "
			       "wrong one (0.2 of 1 point)");
	free(w);
	a = picks(Q_MULTIPLE, 3, 0, 1, 2);
	assert_int_equal(quiz_mark(&q, &a, &m), 0);
	w = quiz_mark_words(&q, &a, &m);
	assert_string_equal(w, "right");
	free(w);
	a = picks(Q_MULTIPLE, 1, 4);
	assert_int_equal(quiz_mark(&q, &a, &m), 0);
	w = quiz_mark_words(&q, &a, &m);
	assert_string_equal(w, "wrong");
	free(w);
	w = quiz_mark_words(&q, NULL, NULL);
	assert_string_equal(w, "not answered");
	free(w);
	w = quiz_score_words(8.0 / 3.0, 4, 66);
	assert_string_equal(w, "2.7 of 4 points (66%)");
	free(w);
	w = quiz_score_words(1, 1, 100);
	assert_string_equal(w, "1 of 1 point (100%)");
	free(w);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(single_marks_right_and_wrong),
		cmocka_unit_test(marks_in_words),
		cmocka_unit_test(multiple_all_or_nothing),
		cmocka_unit_test(multiple_partial_scoring),
		cmocka_unit_test(truefalse_marks),
		cmocka_unit_test(text_collapses_space_and_ignores_case),
		cmocka_unit_test(text_exact_case),
		cmocka_unit_test(text_ignores_punctuation_at_ends_and_acronym_dots),
		cmocka_unit_test(text_dots_and_signs_that_are_not_acronyms_stay),
		cmocka_unit_test(text_apostrophes_inside_words_are_dropped),
		cmocka_unit_test(text_diacritics_and_cedillas_fold),
		cmocka_unit_test(text_wildcards),
		cmocka_unit_test(text_exact_case_with_the_new_rules),
		cmocka_unit_test(order_all_or_nothing),
		cmocka_unit_test(match_all_or_nothing),
		cmocka_unit_test(pass_rule_percent_and_critical),
		cmocka_unit_test(draw_all_in_order_without_shuffle),
		cmocka_unit_test(draw_size_and_critical_always_included),
		cmocka_unit_test(draw_is_deterministic_and_sorted_without_shuffle),
		cmocka_unit_test(permute_is_a_deterministic_permutation),
		cmocka_unit_test(encode_decode_round_trip),
		cmocka_unit_test(decode_rejects_bad_text),
		cmocka_unit_test(best_attempt_prefers_passed_then_higher),
		cmocka_unit_test(words_of_options),
		cmocka_unit_test(words_of_true_false_and_text),
		cmocka_unit_test(words_of_order),
		cmocka_unit_test(words_of_match),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
