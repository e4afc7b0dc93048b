/* cli_learners.c - `coursekiosk learners` (who is enrolled and how far
 * they got) and `coursekiosk learner delete ID` (erasure of a trainee's
 * personal data, after a confirmation, recorded in the audit log). */
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "cli_coord.h"
#include "coordinator.h"
#include "i18n.h"
#include "store.h"
#include "textcol.h"

static const char learners_help[] =
	"usage: coursekiosk learners [--course ID] [--find TEXT] [--wide]\n"
	"\n"
	"Lists trainees (erased ones as \"(erased)\") with, for each course, how\n"
	"many of its modules they completed (\"4 of 6\") and whether the course\n"
	"is complete.  One row per trainee and course.\n"
	"\n"
	"  --course ID   only this course\n"
	"  --find TEXT   only trainees whose name contains TEXT, accents and\n"
	"                case ignored (\"taranu\" finds \"Țăranu\")\n"
	"  --wide        every column in full, whatever the width\n"
	"\n"
	"The table fits the width ($COLUMNS, else the terminal, else 80): the\n"
	"id is shortened to its first 8 characters (enough for the other\n"
	"commands), less important columns are left out, and names cut are\n"
	"listed in full under the table.\n";

static const char learner_help[] =
	"usage: coursekiosk learner delete ID [--yes]\n"
	"\n"
	"Erases a trainee's personal data: name, organisation, PIN and answers.\n"
	"Anonymous counts (modules started, completed, scores) stay for the\n"
	"reports.  ID is the trainee's id from `coursekiosk learners` (or a\n"
	"unique start of it, 6 characters or more).\n"
	"\n"
	"On a terminal it asks to confirm by typing the trainee's name or \"yes\".\n"
	"Without a terminal it refuses unless --yes is given.\n"
	"\n"
	"  -y, --yes   erase without asking\n"
	"\n"
	"The erasure is recorded in the audit log (learner-erased) by id only.\n";

/* Completed modules per "learner id \t course id" (counts of the modules
 * the loaded course still has). */
struct done_ctx {
	GHashTable *done;
	const struct catalog *cat;
};

static int count_row(const struct report_row *r, void *arg)
{
	struct done_ctx *x = arg;
	const struct course *c;
	char *key;

	if (r->state != MODULE_COMPLETE)
		return 0;
	c = catalog_find(x->cat, r->course_id);
	if (!c || !course_find_module(c, r->module_id))
		return 0;
	key = g_strdup_printf("%s\t%s", r->learner_id, r->course_id);
	g_hash_table_insert(x->done, key,
			    GINT_TO_POINTER(GPOINTER_TO_INT(g_hash_table_lookup(x->done, key)) + 1));
	return 0;
}

enum { L_ID, L_NAME, L_ROLE, L_ORG, L_COUNTRY, L_SEEN, L_COURSE, L_DONE,
       L_COMPLETE, LCOLS };
static const char *const lhead[LCOLS] = {
	"Id", "Name", "Role", "Organisation", "Country", "Last seen (UTC)",
	"Course", "Modules", "Complete",
};
/* Widest a column grows unless --wide, narrowest it becomes, and which
 * go first when the table does not fit (see textcol_fit). */
static const size_t lcap[LCOLS] = { 36, 28, 13, 24, 14, 16, 28, 12, 8 };
static const size_t lmin[LCOLS] = { 0, 20, 0, 8, 0, 0, 10, 0, 0 };
static const int ldrop[LCOLS] = { 1, 0, 13, 11, 14, 12, 0, 0, 0 };

struct lrow {
	const char *v[LCOLS];
	char id[STORE_ID_LEN + 1], seen[17], done[32];
};

static void put_line(const char *const *v, const size_t *w, const char *mark)
{
	int last = -1;
	bool first = true;

	for (int i = 0; i < LCOLS; i++)
		if (w[i])
			last = i;
	for (int i = 0; i < LCOLS; i++) {
		if (!w[i])
			continue;
		if (!first)
			fputs("  ", stdout);
		first = false;
		if (i == L_NAME && mark && textcol_width(v[i]) > w[i] &&
		    strlen(mark) + 2 < w[i]) {
			/* cut: the footnote number leads to the name in full */
			textcol_put(stdout, v[i], w[i] - strlen(mark), 1);
			fputs(mark, stdout);
			continue;
		}
		textcol_put(stdout, v[i], w[i], i != last);
	}
	putc('\n', stdout);
}

static void fill_row(struct lrow *row, const struct learner *l,
		     const struct course *c, GHashTable *done, bool wide)
{
	snprintf(row->id, sizeof(row->id), "%.*s", wide ? STORE_ID_LEN : 8, l->id);
	row->v[L_ID] = row->id;
	row->v[L_NAME] = l->erased ? "(erased)" : (l->name ? l->name : "");
	row->v[L_ROLE] = l->role ? l->role : "";
	row->v[L_ORG] = l->org ? l->org : "";
	row->v[L_COUNTRY] = l->country ? l->country : "";
	row->seen[0] = '\0';
	if (l->last_seen && strlen(l->last_seen) >= 16) {
		memcpy(row->seen, l->last_seen, 16);
		row->seen[10] = ' ';
		row->seen[16] = '\0';
	}
	row->v[L_SEEN] = row->seen;
	row->v[L_COURSE] = c ? c->id : "";
	row->v[L_DONE] = row->v[L_COMPLETE] = "";
	if (c) {
		char *key = g_strdup_printf("%s\t%s", l->id, c->id);
		size_t n = (size_t)GPOINTER_TO_INT(g_hash_table_lookup(done, key));

		g_free(key);
		snprintf(row->done, sizeof(row->done), "%zu of %zu", n, c->nmodules);
		row->v[L_DONE] = row->done;
		row->v[L_COMPLETE] = n >= c->nmodules ? "yes" : "no";
	}
}

int cmd_learners(int argc, char **argv, const struct globals *g)
{
	const char *course = NULL, *find = NULL;
	bool wide = false;
	const struct coord_opt opts[] = {
		{ "course", 0, &course, NULL },
		{ "find", 0, &find, NULL },
		{ "wide", 0, NULL, &wide },
		{ 0 },
	};
	struct catalog cat = { 0 };
	const struct course *only = NULL;
	struct done_ctx x = { 0 };
	struct learner *v = NULL;
	struct err e = { 0 };
	struct store *s;
	struct textcol_col col[LCOLS];
	size_t n = 0, w[LCOLS], ncourses, nnotes = 0;
	int nops, r, status = EXIT_FAIL;
	char **notes = NULL;

	r = coord_parse("learners", argc, argv, opts, &nops, learners_help);
	if (r)
		return r == 1 ? EXIT_OK : r;
	if (nops) {
		coord_fail("learners", "unexpected '%s'\nTry 'coursekiosk learners --help'.",
			   argv[1]);
		return EXIT_USAGE;
	}
	s = coord_open_store("learners", g, STORE_READONLY);
	if (!s)
		return EXIT_FAIL;
	x.done = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	x.cat = &cat;
	if (coord_load_catalog("learners", g, &cat) < 0)
		goto done;
	catalog_drop_templates(&cat);   /* template courses: for trainers */
	if (course && !(only = coord_find_course("learners", g, &cat, course)))
		goto done;
	if (coordinator_find(s, find, &v, &n, &e) < 0 ||
	    store_report_each(s, course, count_row, &x, &e) < 0) {
		coord_fail_err("learners", &e);
		goto done;
	}
	if (!n) {
		fprintf(stderr, "coursekiosk: learners: no trainees%s\n",
			find ? " match" : " yet");
		status = EXIT_OK;
		goto done;
	}
	ncourses = only ? 1 : cat.ncourses;
	for (int i = 0; i < LCOLS; i++) {
		col[i].want = textcol_width(lhead[i]);
		col[i].min = lmin[i];
		col[i].drop = ldrop[i];
	}
	notes = calloc(n, sizeof(*notes));
	for (int pass = 0; pass < 2; pass++) {
		if (pass) {
			if (wide)
				for (int j = 0; j < LCOLS; j++)
					w[j] = col[j].want;
			else
				textcol_fit(col, LCOLS, coord_terminal_width(), w);
			put_line(lhead, w, NULL);
		}
		for (size_t i = 0; i < n; i++) {
			char mark[24] = "";

			for (size_t k = 0; k < (ncourses ? ncourses : 1); k++) {
				const struct course *c =
					only ? only : ncourses ? cat.courses[k] : NULL;
				struct lrow row;

				fill_row(&row, &v[i], c, x.done, wide);
				if (pass) {
					if (textcol_width(row.v[L_NAME]) > w[L_NAME] &&
					    !v[i].erased && notes) {
						if (!mark[0]) {
							notes[nnotes] = g_strdup_printf(
								"[%zu] %s (%s)", nnotes + 1,
								v[i].name, v[i].id);
							nnotes++;
						}
						snprintf(mark, sizeof(mark), "[%zu]", nnotes);
					}
					put_line(row.v, w, mark[0] ? mark : NULL);
					continue;
				}
				for (int j = 0; j < LCOLS; j++) {
					size_t cw = textcol_width(row.v[j]);

					if (!wide && cw > lcap[j])
						cw = lcap[j];
					if (cw > col[j].want)
						col[j].want = cw;
				}
			}
		}
	}
	if (nnotes) {
		fputs(_("\nNames in full:\n"), stdout);
		for (size_t i = 0; i < nnotes; i++) {
			textcol_wrap(stdout, notes[i],
				     wide ? (size_t)-1 : coord_terminal_width(), 4);
		}
	}
	status = fflush(stdout) == 0 ? EXIT_OK : EXIT_FAIL;
done:
	for (size_t i = 0; i < nnotes; i++)
		g_free(notes[i]);
	free(notes);
	learner_list_free(v, n);
	g_hash_table_destroy(x.done);
	catalog_release(&cat);
	store_close(s);
	return status;
}

/* Reads one line from stdin without its newline; NULL on EOF. */
static char *read_line(void)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t len = getline(&line, &cap, stdin);

	if (len < 0) {
		free(line);
		return NULL;
	}
	while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
		line[--len] = '\0';
	return line;
}

static bool confirmed(const struct learner *l)
{
	char *answer, *a;
	bool yes;

	fprintf(stderr,
		"This erases the personal data of %s (%s): name, organisation, PIN\n"
		"and answers, for good.  Anonymous counts stay in the reports.\n"
		"Type the trainee's name or \"yes\" to erase: ",
		l->name ? l->name : "(no name)", l->id);
	fflush(stderr);
	answer = read_line();
	if (!answer)
		return false;
	a = g_strstrip(answer);
	yes = !strcmp(a, "yes") || (l->name && *a && !strcmp(a, l->name));
	free(answer);
	return yes;
}

static int learner_delete(const char *id, bool yes, const struct globals *g)
{
	struct learner l = { 0 };
	struct err e = { 0 };
	struct store *s;
	int status = EXIT_FAIL, rc;

	s = coord_open_store("learner", g, 0);
	if (!s)
		return EXIT_FAIL;
	if (coord_find_learner("learner", s, id, &l) < 0)
		goto done;
	if (l.erased) {
		coord_fail("learner", "trainee %s was already erased", l.id);
		goto done;
	}
	if (!yes) {
		if (!isatty(STDIN_FILENO)) {
			coord_fail("learner", "no terminal to confirm on; add --yes "
				   "to erase %s without asking", l.id);
			goto done;
		}
		if (!confirmed(&l)) {
			coord_fail("learner", "not confirmed; nothing erased");
			goto done;
		}
	}
	rc = coordinator_erase(s, l.id, &e);
	if (rc < 0) {
		coord_fail_err("learner", &e);
		goto done;
	}
	printf("Erased the personal data of trainee %s.\n", l.id);
	if (rc > 0)
		fprintf(stderr, "coursekiosk learner: warning: another program "
			"was reading the database, so old copies of the erased "
			"data stay in %s and its -wal file until the next "
			"checkpoint after it stops reading (the last program to "
			"close the database makes one).\n", store_path(s));
	status = EXIT_OK;
done:
	learner_release(&l);
	store_close(s);
	return status;
}

int cmd_learner(int argc, char **argv, const struct globals *g)
{
	bool yes = false;
	const struct coord_opt opts[] = {
		{ "yes", 'y', NULL, &yes },
		{ 0 },
	};
	int nops, r;

	r = coord_parse("learner", argc, argv, opts, &nops, learner_help);
	if (r)
		return r == 1 ? EXIT_OK : r;
	if (nops != 2 || strcmp(argv[1], "delete")) {
		coord_fail("learner", "usage: coursekiosk learner delete ID [--yes]");
		return EXIT_USAGE;
	}
	return learner_delete(argv[2], yes, g);
}
