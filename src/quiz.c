/* quiz.c - drawing, shuffling, marking and the pass rule.
 *
 * Pure logic over the course model.  Randomness comes only from the seed an
 * attempt was started with, so a resumed attempt (after a crash) draws the
 * same questions and shows them in the same order.
 */
#include "quiz.h"

#include <glib.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fold.h"

/* ---- a small deterministic PRNG --------------------------------------- */

/* splitmix64: tiny, well mixed, and identical on every platform. */
static uint64_t mix_next(uint64_t *state)
{
	uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* A uniform value in 0..bound-1 (rejection sampling: no modulo bias). */
static size_t mix_below(uint64_t *state, size_t bound)
{
	uint64_t b = bound, limit = UINT64_MAX - UINT64_MAX % b, r;

	do
		r = mix_next(state);
	while (r >= limit);
	return (size_t)(r % b);
}

/* FNV-1a over a string, so each question id gets its own stream. */
static uint64_t hash_str(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	for (; s && *s; s++) {
		h ^= (unsigned char)*s;
		h *= 0x100000001b3ULL;
	}
	return h;
}

static void shuffle(uint64_t *state, size_t *v, size_t n)
{
	for (size_t i = n; i > 1; i--) {
		size_t j = mix_below(state, i);
		size_t t = v[i - 1];

		v[i - 1] = v[j];
		v[j] = t;
	}
}

void quiz_permute(unsigned long seed, const char *qid, size_t n, size_t *perm)
{
	uint64_t state = (uint64_t)seed ^ hash_str(qid);

	for (size_t i = 0; i < n; i++)
		perm[i] = i;
	shuffle(&state, perm, n);
}

static int cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return x < y ? -1 : x > y;
}

size_t quiz_draw(const struct quiz *qz, unsigned long seed, size_t *idx)
{
	uint64_t state = (uint64_t)seed ^ hash_str(qz->id) ^ 0x64726177ULL;
	size_t n = qz->nquestions, ncrit = 0, nother = 0, want;

	for (size_t i = 0; i < n; i++)
		if (qz->questions[i].critical)
			ncrit++;
	want = qz->draw > 0 && (size_t)qz->draw < n ? (size_t)qz->draw : n;
	if (want < ncrit)
		want = ncrit;   /* the loader refuses this; never drop a critical */

	/* Criticals first, then the others; a partial Fisher-Yates over the
	 * others picks the rest. */
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (qz->questions[i].critical)
			idx[k++] = i;
	for (size_t i = 0; i < n; i++)
		if (!qz->questions[i].critical)
			idx[ncrit + nother++] = i;
	for (size_t i = 0; i < want - ncrit; i++) {
		size_t j = i + mix_below(&state, nother - i);
		size_t t = idx[ncrit + i];

		idx[ncrit + i] = idx[ncrit + j];
		idx[ncrit + j] = t;
	}
	if (qz->shuffle)
		shuffle(&state, idx, want);
	else
		qsort(idx, want, sizeof(*idx), cmp_size);
	return want;
}

/* ---- marking ------------------------------------------------------------ */

/* A permutation of 0..n-1 (ORDER and MATCH answers). */
static bool is_permutation(const struct quiz_answer *a, size_t n)
{
	bool seen[64] = { false };

	if (n == 0 || n > 64 || a->npicks != n)
		return false;
	for (size_t i = 0; i < n; i++) {
		if (a->picks[i] >= n || seen[a->picks[i]])
			return false;
		seen[a->picks[i]] = true;
	}
	return true;
}

static bool fits(const struct question *q, const struct quiz_answer *a)
{
	bool seen[64] = { false };

	if (!a || a->type != q->type)
		return false;
	switch (q->type) {
	case Q_SINGLE:
		return a->npicks == 1 && a->picks[0] < q->noptions;
	case Q_MULTIPLE:
		if (a->npicks > q->noptions || a->npicks > 64)
			return false;
		for (size_t i = 0; i < a->npicks; i++) {
			if (a->picks[i] >= q->noptions || a->picks[i] >= 64 ||
			    seen[a->picks[i]])
				return false;
			seen[a->picks[i]] = true;
		}
		return true;
	case Q_TRUEFALSE:
		return true;
	case Q_TEXT:
		return memchr(a->text, '\0', sizeof(a->text)) != NULL &&
		       g_utf8_validate(a->text, -1, NULL);
	case Q_ORDER:
		return is_permutation(a, q->nitems);
	case Q_MATCH:
		return is_permutation(a, q->npairs);
	}
	return false;
}

/* '*' in pat matches any run of bytes of s (both folded, valid UTF-8: a
 * literal run starts on a character, so it can only match on one). */
static bool glob_match(const char *pat, const char *s)
{
	const char *star = NULL, *from = NULL;

	while (*s) {
		if (*pat == '*') {
			star = pat++;
			from = s;
		} else if (*pat == *s) {
			pat++;
			s++;
		} else if (star) {
			pat = star + 1;
			s = ++from;
		} else {
			return false;
		}
	}
	while (*pat == '*')
		pat++;
	return *pat == '\0';
}

/* case="exact": where the letters are capitals, "U" for each capital and
 * "l" for each other letter (marks and everything else left out; '*' kept
 * in an accepted answer).  NULL when out of memory. */
static char *case_shape(const char *s, bool pattern)
{
	gchar *nfd = g_utf8_normalize(s, -1, G_NORMALIZE_NFD);
	GString *b;

	if (!nfd)
		return NULL;
	b = g_string_new(NULL);
	for (const char *p = nfd; *p; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);

		if (pattern && c == '*')
			g_string_append_c(b, '*');
		else if (g_unichar_isalpha(c))
			g_string_append_c(b, g_unichar_isupper(c) ||
					      g_unichar_istitle(c) ? 'U' : 'l');
	}
	g_free(nfd);
	return g_string_free(b, FALSE);
}

static bool same_case(const char *accept, const char *typed)
{
	char *want = case_shape(accept, true), *got = case_shape(typed, false);
	bool same = want && got && glob_match(want, got);

	g_free(want);
	g_free(got);
	return same;
}

/* The rule: fold_answer() of both, the accepted text's '*' a wildcard;
 * with case="exact" the capitals must also stand where they do in the
 * accepted text.  Returns the <accept> text that matched, or NULL. */
static const char *text_accepted(const struct question *q, const char *typed)
{
	char *want, *got = fold_answer(typed, false);
	const char *hit = NULL;

	if (!got)
		return NULL;
	for (size_t i = 0; *got && i < q->naccept && !hit; i++) {
		want = fold_answer(q->accept[i], true);
		if (want && *want && glob_match(want, got) &&
		    (q->ignore_case || same_case(q->accept[i], typed)))
			hit = q->accept[i];
		free(want);
	}
	free(got);
	return hit;
}

static double multiple_points(const struct question *q,
			      const struct quiz_answer *a, bool *all_right)
{
	size_t c = 0, w = 0, right = 0, wrong = 0;
	double share;

	for (size_t i = 0; i < q->noptions; i++)
		q->options[i].correct ? c++ : w++;
	for (size_t i = 0; i < a->npicks; i++)
		q->options[a->picks[i]].correct ? right++ : wrong++;
	*all_right = right == c && wrong == 0;
	if (*all_right)
		return q->points;
	if (!q->partial || c == 0)
		return 0;
	share = (double)right / (double)c - (w ? (double)wrong / (double)w : 0);
	return share > 0 ? share * q->points : 0;
}

int quiz_mark(const struct question *q, const struct quiz_answer *a,
	      struct quiz_mark *out)
{
	bool right = false;
	double pts = -1;

	if (!q || !out || !fits(q, a))
		return -1;
	out->accepted = NULL;
	switch (q->type) {
	case Q_SINGLE:
		right = q->options[a->picks[0]].correct;
		break;
	case Q_MULTIPLE:
		pts = multiple_points(q, a, &right);
		break;
	case Q_TRUEFALSE:
		right = a->tf == q->answer;
		break;
	case Q_TEXT:
		out->accepted = text_accepted(q, a->text);
		right = out->accepted != NULL;
		break;
	case Q_ORDER:
		/* By text, so two identical items may swap places. */
		right = true;
		for (size_t i = 0; i < q->nitems; i++)
			if (strcmp(q->items[a->picks[i]], q->items[i]))
				right = false;
		break;
	case Q_MATCH:
		right = true;
		for (size_t i = 0; i < q->npairs; i++)
			if (strcmp(q->pairs[a->picks[i]].right,
				   q->pairs[i].right))
				right = false;
		break;
	}
	out->correct = right;
	out->max = q->points;
	out->points = pts >= 0 ? pts : (right ? q->points : 0);
	return 0;
}

/* ---- the stored text form -------------------------------------------------- */

char *quiz_answer_encode(const struct question *q, const struct quiz_answer *a)
{
	GString *b;

	if (!q || !fits(q, a))
		return NULL;
	b = g_string_new(question_type_name(q->type));
	g_string_append_c(b, ':');
	switch (q->type) {
	case Q_TRUEFALSE:
		g_string_append(b, a->tf ? "true" : "false");
		break;
	case Q_TEXT:
		g_string_append(b, a->text);
		break;
	default:
		for (size_t i = 0; i < a->npicks; i++)
			g_string_append_printf(b, "%s%zu", i ? "," : "",
					       a->picks[i]);
		break;
	}
	/* Hand back plain malloc'd memory: callers free() it. */
	char *out = strdup(b->str);
	g_string_free(b, TRUE);
	return out;
}

static int decode_list(const char *s, struct quiz_answer *out)
{
	out->npicks = 0;
	if (!*s)
		return 0;
	for (;;) {
		char *end;
		unsigned long v;

		if (*s < '0' || *s > '9' || out->npicks >= 64)
			return -1;
		v = strtoul(s, &end, 10);
		if (end - s > 4)
			return -1;
		out->picks[out->npicks++] = v;
		if (!*end)
			return 0;
		if (*end != ',')
			return -1;
		s = end + 1;
	}
}

int quiz_answer_decode(const struct question *q, const char *s,
		       struct quiz_answer *out)
{
	const char *name;
	size_t len;

	if (!q || !s || !out)
		return -1;
	name = question_type_name(q->type);
	len = strlen(name);
	if (strncmp(s, name, len) || s[len] != ':')
		return -1;
	s += len + 1;
	memset(out, 0, sizeof(*out));
	out->type = q->type;
	switch (q->type) {
	case Q_TRUEFALSE:
		if (!strcmp(s, "true"))
			out->tf = true;
		else if (strcmp(s, "false"))
			return -1;
		break;
	case Q_TEXT:
		if (strlen(s) >= sizeof(out->text))
			return -1;
		strcpy(out->text, s);
		break;
	default:
		if (decode_list(s, out))
			return -1;
		break;
	}
	return fits(q, out) ? 0 : -1;
}

/* ---- the pass rule ------------------------------------------------------------ */

void quiz_result(const struct quiz *qz, const struct question *const *qs,
		 const struct quiz_mark *marks, size_t n,
		 struct quiz_result *out)
{
	memset(out, 0, sizeof(*out));
	for (size_t i = 0; i < n; i++) {
		out->score += marks[i].points;
		out->max += marks[i].max;
		if (qs[i]->critical && !marks[i].correct) {
			if (out->ncritical_missed < 64)
				out->critical_missed[out->ncritical_missed] = qs[i];
			out->ncritical_missed++;
		}
	}
	/* The epsilon keeps 4 x 0.2 points from flooring to 79%. */
	out->percent = out->max > 0
		? (int)floor(100.0 * out->score / out->max + 1e-9) : 100;
	if (out->percent > 100)
		out->percent = 100;
	out->passed = out->percent >= qz->pass && out->ncritical_missed == 0;
}

int quiz_best_attempt(const struct quiz_attempt_summary *v, size_t n)
{
	int best = -1;

	for (size_t i = 0; i < n; i++) {
		if (!v[i].finished)
			continue;
		if (best < 0 || (v[i].passed && !v[best].passed) ||
		    (v[i].passed == v[best].passed &&
		     v[i].percent > v[best].percent))
			best = (int)i;
	}
	return best;
}
