/* cli_report.c - `coursekiosk report`: one row per trainee and module, as
 * a table for the terminal or as RFC 4180 CSV for a spreadsheet.  Rows
 * stream from the store; nothing is held in memory but column widths. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cli_coord.h"
#include "csv.h"
#include "store.h"
#include "textcol.h"

static const char help[] =
	"usage: coursekiosk report [--course ID] [--format table|csv] [-o FILE]\n"
	"\n"
	"One row per trainee and module with progress: name, role, organisation,\n"
	"country, course, module, version done, state, best score, attempts,\n"
	"first seen and completed at (UTC).\n"
	"\n"
	"  --course ID      only this course (default: every course)\n"
	"  --format table   columns aligned for a terminal (the default)\n"
	"  --format csv     RFC 4180 CSV in UTF-8, with a header row, for a\n"
	"                   spreadsheet; adds the trainee's id as last column\n"
	"  -o, --output FILE  write to FILE (created 0600, replaced whole) instead\n"
	"                   of standard output\n"
	"\n"
	"The export is recorded in the audit log (report-exported).\n";

enum { C_NAME, C_ROLE, C_ORG, C_COUNTRY, C_COURSE, C_MODULE, C_VERSION,
       C_STATE, C_BEST, C_ATTEMPTS, C_FIRST, C_COMPLETED, C_LEARNER, NCOLS };

static const char *const csv_head[NCOLS] = {
	"name", "role", "organisation", "country", "course", "module",
	"version", "state", "best_score", "attempts", "first_seen",
	"completed_at", "learner_id",
};
static const char *const table_head[NCOLS] = {
	"Name", "Role", "Organisation", "Country", "Course", "Module",
	"Version", "State", "Best", "Attempts", "First seen (UTC)",
	"Completed (UTC)", "",
};
/* Widest a table column grows; the CSV has everything in full. */
static const size_t table_cap[NCOLS] = {
	28, 13, 24, 14, 28, 24, 7, 11, 4, 8, 16, 16, 0,
};

static const char *state_name(enum module_state st)
{
	switch (st) {
	case MODULE_COMPLETE:
		return "complete";
	case MODULE_IN_PROGRESS:
		return "in progress";
	default:
		return "not started";
	}
}

/* "2026-11-28T20:40:43Z" -> "2026-11-28 20:40" for the table. */
static const char *short_time(const char *iso, char buf[17])
{
	if (!iso || strlen(iso) < 16)
		return iso ? iso : "";
	memcpy(buf, iso, 16);
	buf[10] = ' ';
	buf[16] = '\0';
	return buf;
}

/* The row's cells as text: numbers in bufs, absent values as "". */
struct cells {
	const char *v[NCOLS];
	char version[16], best[16], attempts[16], first[17], completed[17];
};

static void row_cells(const struct report_row *r, struct cells *c, bool table)
{
	/* An erased trainee has no name left; the table says so. */
	c->v[C_NAME] = r->name ? r->name : table ? "(erased)" : "";
	c->v[C_ROLE] = r->role ? r->role : "";
	c->v[C_ORG] = r->org ? r->org : "";
	c->v[C_COUNTRY] = r->country ? r->country : "";
	c->v[C_COURSE] = r->course_id;
	c->v[C_MODULE] = r->module_id;
	c->version[0] = c->best[0] = '\0';
	if (r->version > 0)
		snprintf(c->version, sizeof(c->version), "%d", r->version);
	if (r->best_score >= 0)
		snprintf(c->best, sizeof(c->best), "%d", r->best_score);
	snprintf(c->attempts, sizeof(c->attempts), "%d", r->attempts);
	c->v[C_VERSION] = c->version;
	c->v[C_STATE] = state_name(r->state);
	c->v[C_BEST] = c->best;
	c->v[C_ATTEMPTS] = c->attempts;
	c->v[C_FIRST] = table ? short_time(r->first_seen, c->first)
			      : (r->first_seen ? r->first_seen : "");
	c->v[C_COMPLETED] = table ? short_time(r->completed_at, c->completed)
				  : (r->completed_at ? r->completed_at : "");
	c->v[C_LEARNER] = r->learner_id;
}

struct report_ctx {
	FILE *out;
	size_t width[NCOLS];
	size_t rows;
	bool failed;             /* a write failed */
	const struct catalog *cat;   /* to leave template courses out */
};

static int csv_row(const struct report_row *r, void *arg)
{
	struct report_ctx *x = arg;
	struct cells c;
	int bad = 0;

	if (catalog_is_template(x->cat, r->course_id))
		return 0;

	row_cells(r, &c, false);
	for (int i = 0; i < NCOLS; i++)
		bad |= i <= C_COUNTRY ? csv_field_text(x->out, c.v[i], i == 0)
				      : csv_field(x->out, c.v[i], i == 0);
	bad |= csv_end(x->out);
	x->rows++;
	x->failed = bad != 0;
	return bad;
}

static int measure_row(const struct report_row *r, void *arg)
{
	struct report_ctx *x = arg;
	struct cells c;

	if (catalog_is_template(x->cat, r->course_id))
		return 0;
	row_cells(r, &c, true);
	for (int i = 0; i < C_LEARNER; i++) {
		size_t w = textcol_width(c.v[i]);

		if (w > x->width[i])
			x->width[i] = w > table_cap[i] ? table_cap[i] : w;
	}
	x->rows++;
	return 0;
}

static int put_table_line(struct report_ctx *x, const char *const *v)
{
	int bad = 0;

	for (int i = 0; i < C_LEARNER; i++) {
		bad |= textcol_put(x->out, v[i], x->width[i], i + 1 < C_LEARNER);
		if (i + 1 < C_LEARNER)
			bad |= fputs("  ", x->out) == EOF;
	}
	bad |= putc('\n', x->out) == EOF;
	x->failed = bad != 0;
	return bad;
}

static int table_row(const struct report_row *r, void *arg)
{
	struct cells c;

	if (catalog_is_template(((struct report_ctx *)arg)->cat, r->course_id))
		return 0;

	row_cells(r, &c, true);
	return put_table_line(arg, c.v);
}

static int write_report(struct store *s, const char *course, bool csv,
			const struct catalog *cat, FILE *out, size_t *rows)
{
	struct report_ctx x = { .out = out, .cat = cat };
	struct err e = { 0 };

	if (csv) {
		for (int i = 0; i < NCOLS; i++)
			csv_field(out, csv_head[i], i == 0);
		csv_end(out);
		if (store_report_each(s, course, csv_row, &x, &e) < 0 && !x.failed)
			goto fail;
		*rows = x.rows;
		return x.failed ? -1 : 0;
	}
	/* Two passes: the widths first, so every column lines up. */
	for (int i = 0; i < C_LEARNER; i++)
		x.width[i] = textcol_width(table_head[i]);
	if (store_report_each(s, course, measure_row, &x, &e) < 0)
		goto fail;
	*rows = x.rows;
	if (!x.rows)
		return 0;
	put_table_line(&x, table_head);
	if (store_report_each(s, course, table_row, &x, &e) < 0 && !x.failed)
		goto fail;
	return x.failed ? -1 : 0;
fail:
	coord_fail_err("report", &e);
	return -2;
}

int cmd_report(int argc, char **argv, const struct globals *g)
{
	const char *course = NULL, *format = "table", *output = NULL;
	const struct coord_opt opts[] = {
		{ "course", 0, &course, NULL },
		{ "format", 0, &format, NULL },
		{ "output", 'o', &output, NULL },
		{ 0 },
	};
	struct coord_out out;
	struct store *s;
	size_t rows = 0;
	int nops, r, status = EXIT_FAIL;
	bool csv;

	r = coord_parse("report", argc, argv, opts, &nops, help);
	if (r)
		return r == 1 ? EXIT_OK : r;
	if (nops) {
		coord_fail("report", "unexpected '%s'\nTry 'coursekiosk report --help'.",
			   argv[1]);
		return EXIT_USAGE;
	}
	if (strcmp(format, "table") && strcmp(format, "csv")) {
		coord_fail("report", "--format is table or csv, not '%s'", format);
		return EXIT_USAGE;
	}
	csv = !strcmp(format, "csv");
	s = coord_open_store("report", g, 0);
	if (!s)
		return EXIT_FAIL;
	/* Logged before any personal data leaves: no export goes unrecorded. */
	if (coord_audit("report", s, "report-exported", "format=%s course=%s output=%s",
			format, course ? course : "all",
			output && strcmp(output, "-") ? output : "stdout") < 0)
		goto done;
	if (coord_out_open("report", output, &out) < 0)
		goto done;
	if (out.f == stdout) {
		/* Large buffer: the CSV of a big event is tens of thousands of
		 * lines. */
		static char buf[1 << 16];
		setvbuf(stdout, buf, _IOFBF, sizeof(buf));
	}
	{
		/* only to know the template courses: a folder that cannot
		 * be read leaves nothing out */
		struct catalog cat = { 0 };
		struct diags d;

		diags_init(&d);
		catalog_load(&cat, g->courses, &d, NULL);
		diags_release(&d);
		r = write_report(s, course, csv, &cat, out.f, &rows);
		catalog_release(&cat);
	}
	if (r == -1)
		coord_fail("report", "writing %s: %s", out.path ? out.path : "the report",
			   strerror(errno));
	if (coord_out_close("report", &out, r == 0) < 0)
		goto done;
	if (!rows && !csv)
		fprintf(stderr, "coursekiosk: report: no progress recorded%s%s\n",
			course ? " for course " : "", course ? course : "");
	status = EXIT_OK;
done:
	store_close(s);
	return status;
}
