/* cli_report.c - `coursekiosk report`: one row per trainee and module of
 * each course (not started ones too), as a table that fits the terminal,
 * as RFC 4180 CSV, or as an .xlsx spreadsheet.  The rows come from the
 * coordinator core (coordinator_report); this file only shows them. */
#include <errno.h>
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cli_coord.h"
#include "coordinator.h"
#include "csv.h"
#include "i18n.h"
#include "isodate.h"
#include "safewrite.h"
#include "store.h"
#include "textcol.h"
#include "xlsx.h"

static const char help[] =
	"usage: coursekiosk report [--course ID] [--since DATE] [--until DATE]\n"
	"                          [--organisation TEXT] [--status STATE]\n"
	"                          [--format table|csv|xlsx] [--wide] [--excel]\n"
	"                          [--raw] [-o FILE|-] [--force]\n"
	"\n"
	"One row per trainee and module of each course, trainees and modules not\n"
	"started included (state \"not started\"), modules in course order.\n"
	"Trainees are sorted by their folded name (accents and case ignored, the\n"
	"same on every kiosk whatever its locale).\n"
	"\n"
	"  --course ID         only this course (default: every course)\n"
	"  --since DATE        only trainees active on or after DATE (YYYY-MM-DD:\n"
	"                      last seen then or later)\n"
	"  --until DATE        only trainees registered on or before DATE\n"
	"  --organisation TEXT only trainees whose organisation contains TEXT\n"
	"                      (accents and case ignored)\n"
	"  --status STATE      only rows in STATE: not-started, in-progress or\n"
	"                      complete\n"
	"  --format table      columns for a terminal (the default); fits the\n"
	"                      width ($COLUMNS, else the terminal, else 80):\n"
	"                      less important columns are left out, names cut\n"
	"                      are listed in full under the table\n"
	"  --wide              the table with every column, whatever the width\n"
	"  --format csv        RFC 4180 CSV in UTF-8 with a header row, adding\n"
	"                      trainee and module ids and the certificate's\n"
	"                      serial, issue date and expiry\n"
	"  --excel             CSV for a double-click in Excel: starts with the\n"
	"                      UTF-8 byte-order mark (records end in CRLF always)\n"
	"  --raw               CSV without the formula guard: by default a value\n"
	"                      typed by a trainee that starts with = + - @ (or a\n"
	"                      tab or CR) gets a leading ' so that a spreadsheet\n"
	"                      does not run it as a formula\n"
	"  --format xlsx       an Excel spreadsheet: dates as dates, scores as\n"
	"                      numbers, header row frozen (needs -o FILE)\n"
	"  -o, --output FILE   write to FILE (mode 0600, written whole or not at\n"
	"                      all) instead of standard output; - is standard\n"
	"                      output.  An existing file is kept unless --force;\n"
	"                      links, devices and folders are never replaced; a\n"
	"                      FIFO gets the whole report once it is ready\n"
	"  --force             replace an existing FILE\n"
	"\n"
	"The export is recorded in the audit log (report-exported) once it is\n"
	"ready to leave; a report that fails is not recorded as exported.\n";

/* ---- CSV and xlsx ---------------------------------------------------------- */

enum { C_NAME, C_ROLE, C_ORG, C_COUNTRY, C_COURSE, C_MODULE, C_VERSION,
       C_STATE, C_BEST, C_ATTEMPTS, C_FIRST, C_COMPLETED, C_LEARNER,
       C_MODULE_ID, C_SERIAL, C_ISSUED, C_EXPIRES, NCOLS };

/* The first thirteen as in the first release, so scripts keep working. */
static const char *const csv_head[NCOLS] = {
	"name", "role", "organisation", "country", "course", "module",
	"version", "state", "best_score", "attempts", "first_seen",
	"completed_at", "learner_id", "module_id", "certificate_serial",
	"certificate_issued", "certificate_expires",
};

struct cells {
	const char *v[NCOLS];
	char version[16], best[16], attempts[16], serial[24];
};

static void line_cells(const struct report_line *r, struct cells *c)
{
	const struct learner *l = r->l;

	memset(c, 0, sizeof(*c));
	c->v[C_NAME] = l->name ? l->name : "";
	c->v[C_ROLE] = l->role ? l->role : "";
	c->v[C_ORG] = l->org ? l->org : "";
	c->v[C_COUNTRY] = l->country ? l->country : "";
	c->v[C_COURSE] = r->course_id;
	c->v[C_MODULE] = r->module_title;
	if (r->version > 0)
		snprintf(c->version, sizeof(c->version), "%d", r->version);
	if (r->best_score >= 0)
		snprintf(c->best, sizeof(c->best), "%d", r->best_score);
	snprintf(c->attempts, sizeof(c->attempts), "%d", r->attempts);
	c->v[C_VERSION] = c->version;
	c->v[C_STATE] = coordinator_state_name(r->state);
	c->v[C_BEST] = c->best;
	c->v[C_ATTEMPTS] = c->attempts;
	c->v[C_FIRST] = l->created ? l->created : "";
	c->v[C_COMPLETED] = r->completed_at ? r->completed_at : "";
	c->v[C_LEARNER] = l->id;
	c->v[C_MODULE_ID] = r->module_id;
	if (r->cert)
		snprintf(c->serial, sizeof(c->serial), "%lu", r->cert->serial);
	c->v[C_SERIAL] = c->serial;
	c->v[C_ISSUED] = r->cert ? r->cert->issued : "";
	c->v[C_EXPIRES] = r->cert && r->cert->expires ? r->cert->expires : "";
}

static int write_csv(const struct coord_report *rep, FILE *out, bool excel,
		     bool raw)
{
	int bad = 0;

	if (excel)
		bad |= csv_bom(out);
	for (int i = 0; i < NCOLS; i++)
		bad |= csv_field(out, csv_head[i], i == 0);
	bad |= csv_end(out);
	for (size_t k = 0; k < rep->n && !bad; k++) {
		struct cells c;

		line_cells(&rep->v[k], &c);
		for (int i = 0; i < NCOLS; i++)
			bad |= i <= C_COUNTRY && !raw
				       ? csv_field_text(out, c.v[i], i == 0)
				       : csv_field(out, c.v[i], i == 0);
		bad |= csv_end(out);
	}
	return bad ? -1 : 0;
}

static int write_xlsx(const struct coord_report *rep, const char *path,
		      struct err *e)
{
	struct xlsx *x = xlsx_new(path, "Report", csv_head, NCOLS, e);

	if (!x)
		return -1;
	for (size_t k = 0; k < rep->n; k++) {
		const struct report_line *r = &rep->v[k];
		struct cells c;

		line_cells(r, &c);
		for (int i = 0; i < NCOLS; i++) {
			size_t row = k + 1;

			switch (i) {
			case C_VERSION:
				if (r->version > 0)
					xlsx_number(x, row, (size_t)i, r->version);
				break;
			case C_BEST:
				if (r->best_score >= 0)
					xlsx_number(x, row, (size_t)i, r->best_score);
				break;
			case C_ATTEMPTS:
				xlsx_number(x, row, (size_t)i, r->attempts);
				break;
			case C_SERIAL:
				if (r->cert)
					xlsx_number(x, row, (size_t)i,
						    (double)r->cert->serial);
				break;
			case C_FIRST:
			case C_COMPLETED:
			case C_ISSUED:
			case C_EXPIRES:
				xlsx_date(x, row, (size_t)i, c.v[i]);
				break;
			default:
				/* a spreadsheet cell typed as text is never
				 * run as a formula: no guard needed */
				xlsx_text(x, row, (size_t)i, c.v[i]);
			}
		}
	}
	return xlsx_close(x, e);
}

/* ---- the table ---------------------------------------------------------------- */

enum { T_NAME, T_ID, T_ROLE, T_ORG, T_COUNTRY, T_COURSE, T_MODULE, T_VERSION,
       T_STATE, T_BEST, T_ATTEMPTS, T_FIRST, T_COMPLETED, T_CERT, TCOLS };

static const char *const table_head[TCOLS] = {
	"Name", "Id", "Role", "Organisation", "Country", "Course", "Module",
	"Version", "State", "Best", "Attempts", "First seen (UTC)",
	"Completed (UTC)", "Certificate",
};

struct table {
	const struct report_line **rows;   /* one course's rows */
	size_t n;
	bool wide;
	struct textcol_col col[TCOLS];
	size_t w[TCOLS];
	GHashTable *note;        /* learner id -> footnote number (cut names) */
	GPtrArray *noted;        /* learners in footnote order */
	bool module_cut;
};

struct tcells {
	const char *v[TCOLS];
	char id[STORE_ID_LEN + 1], module[600], version[16], best[16],
	     attempts[16], first[17], completed[17], cert[24];
};

/* "2026-11-28T20:40:43Z" -> "2026-11-28 20:40", or the date alone. */
static const char *short_time(const char *iso, char buf[17], bool with_time)
{
	size_t n = with_time ? 16 : 10;

	if (!iso || strlen(iso) < n)
		return iso ? iso : "";
	memcpy(buf, iso, n);
	buf[10] = ' ';
	buf[n] = '\0';
	return buf;
}

static void table_cells(const struct table *t, const struct report_line *r,
			struct tcells *c)
{
	const struct learner *l = r->l;

	memset(c, 0, sizeof(*c));
	c->v[T_NAME] = l->name ? l->name : "(erased)";
	snprintf(c->id, sizeof(c->id), "%.*s", t->wide ? STORE_ID_LEN : 8, l->id);
	c->v[T_ID] = c->id;
	c->v[T_ROLE] = l->role ? l->role : "";
	c->v[T_ORG] = l->org ? l->org : "";
	c->v[T_COUNTRY] = l->country ? l->country : "";
	c->v[T_COURSE] = r->course_id;
	snprintf(c->module, sizeof(c->module), "%zu %s", r->module_no,
		 r->module_title);
	c->v[T_MODULE] = c->module;
	if (r->version > 0)
		snprintf(c->version, sizeof(c->version), "%d", r->version);
	c->v[T_VERSION] = c->version;
	c->v[T_STATE] = coordinator_state_name(r->state);
	if (r->best_score >= 0)
		snprintf(c->best, sizeof(c->best), "%d", r->best_score);
	c->v[T_BEST] = c->best;
	snprintf(c->attempts, sizeof(c->attempts), "%d", r->attempts);
	c->v[T_ATTEMPTS] = c->attempts;
	c->v[T_FIRST] = short_time(l->created, c->first, true);
	c->v[T_COMPLETED] = short_time(r->completed_at, c->completed, t->wide);
	if (r->cert)
		snprintf(c->cert, sizeof(c->cert), "%06lu", r->cert->serial);
	c->v[T_CERT] = c->cert;
}

/* Widest a column grows in the table that fits (0: as wide as its values);
 * the narrowest it may become; which columns go first when it does not
 * fit (see textcol_fit): the name stays widest longest, the organisation
 * goes before anything is narrowed (--wide and the CSV have it). */
static const size_t tcap[TCOLS] = { 28, 0, 13, 24, 14, 28, 34, 0, 0, 0, 0, 0, 0, 0 };
static const size_t tmin[TCOLS] = { 20, 0, 0, 8, 0, 10, 12, 0, 0, 0, 0, 0, 0, 0 };
static const int tdrop[TCOLS] = {
	[T_NAME] = 0, [T_ID] = 1, [T_ROLE] = 13, [T_ORG] = 10, [T_COUNTRY] = 14,
	[T_COURSE] = 18, [T_MODULE] = 0, [T_VERSION] = 17, [T_STATE] = 0,
	[T_BEST] = 0, [T_ATTEMPTS] = 15, [T_FIRST] = 16, [T_COMPLETED] = 3,
	[T_CERT] = 11,
};

static void table_layout(struct table *t, size_t width)
{
	for (int i = 0; i < TCOLS; i++) {
		t->col[i].want = textcol_width(table_head[i]);
		t->col[i].min = tmin[i];
		t->col[i].drop = tdrop[i];
	}
	for (size_t k = 0; k < t->n; k++) {
		struct tcells c;

		table_cells(t, t->rows[k], &c);
		for (int i = 0; i < TCOLS; i++) {
			size_t w = textcol_width(c.v[i]);

			if (!t->wide && tcap[i] && w > tcap[i])
				w = tcap[i];
			if (w > t->col[i].want)
				t->col[i].want = w;
		}
	}
	if (t->wide) {
		for (int i = 0; i < TCOLS; i++)
			t->w[i] = t->col[i].want;
		return;
	}
	/* The course is the section's heading. */
	t->col[T_COURSE].want = 0;
	textcol_fit(t->col, TCOLS, width, t->w);
	t->w[T_COURSE] = 0;
}

static int put_name(struct table *t, FILE *out, const struct report_line *r,
		    const char *name, size_t w, bool pad)
{
	char mark[24];
	size_t n, mlen;

	if (textcol_width(name) <= w || !r->l->name)
		return textcol_put(out, name, w, pad);
	/* Cut: a footnote number leads to the name in full. */
	n = GPOINTER_TO_SIZE(g_hash_table_lookup(t->note, r->l->id));
	if (!n) {
		g_ptr_array_add(t->noted, (gpointer)r->l);
		n = t->noted->len;
		g_hash_table_insert(t->note, (gpointer)r->l->id, GSIZE_TO_POINTER(n));
	}
	mlen = (size_t)snprintf(mark, sizeof(mark), "[%zu]", n);
	if (mlen + 2 > w)
		return textcol_put(out, name, w, pad);
	if (textcol_put(out, name, w - mlen, 1) < 0)
		return -1;
	return fputs(mark, out) == EOF ? -1 : 0;
}

static int put_row(struct table *t, FILE *out, const char *const *v,
		   const struct report_line *r)
{
	int last = -1, bad = 0;
	bool first = true;

	for (int i = 0; i < TCOLS; i++)
		if (t->w[i])
			last = i;
	for (int i = 0; i < TCOLS; i++) {
		if (!t->w[i])
			continue;
		if (!first)
			bad |= fputs("  ", out) == EOF;
		first = false;
		if (r && i == T_NAME)
			bad |= put_name(t, out, r, v[i], t->w[i], i != last);
		else
			bad |= textcol_put(out, v[i], t->w[i], i != last);
		if (r && i == T_MODULE && textcol_width(v[i]) > t->w[i])
			t->module_cut = true;
	}
	bad |= putc('\n', out) == EOF;
	return bad ? -1 : 0;
}

/* One section per course (its title as heading), trainees in order; the
 * names cut anywhere listed in full at the end. */
static int write_table(const struct coord_report *rep, FILE *out, bool wide,
		       size_t width)
{
	struct table t = { 0 };
	GPtrArray *courses = g_ptr_array_new();
	int bad = 0;

	t.wide = wide;
	t.note = g_hash_table_new(g_str_hash, g_str_equal);
	t.noted = g_ptr_array_new();
	t.rows = calloc(rep->n ? rep->n : 1, sizeof(*t.rows));
	if (!t.rows)
		bad = -1;
	/* the courses in the order the rows have them */
	for (size_t k = 0; k < rep->n; k++) {
		bool have = false;

		for (guint i = 0; i < courses->len && !have; i++)
			have = !strcmp(courses->pdata[i], rep->v[k].course_id);
		if (!have)
			g_ptr_array_add(courses, (gpointer)rep->v[k].course_id);
	}
	for (guint ci = 0; ci < courses->len && !bad; ci++) {
		const char *cid = courses->pdata[ci];

		t.n = 0;
		t.module_cut = false;
		for (size_t k = 0; k < rep->n; k++)
			if (!strcmp(rep->v[k].course_id, cid))
				t.rows[t.n++] = &rep->v[k];
		table_layout(&t, width);
		if (ci)
			bad |= putc('\n', out) == EOF;
		{
			char *h = g_strdup_printf("%s%s (%s)", _("Course: "),
						  t.rows[0]->course_title, cid);

			bad |= textcol_wrap(out, h, wide ? (size_t)-1 : width, 8);
			g_free(h);
		}
		bad |= put_row(&t, out, table_head, NULL);
		for (size_t k = 0; k < t.n && !bad; k++) {
			struct tcells c;

			table_cells(&t, t.rows[k], &c);
			bad |= put_row(&t, out, c.v, t.rows[k]);
		}
		if (t.module_cut) {
			bad |= fputs(_("Modules in full:\n"), out) == EOF;
			for (size_t k = 0; k < t.n && t.rows[k]->l == t.rows[0]->l; k++) {
				char *m = g_strdup_printf("%zu %s", t.rows[k]->module_no,
							  t.rows[k]->module_title);

				bad |= textcol_wrap(out, m, width, 2);
				g_free(m);
			}
		}
	}
	if (t.noted->len) {
		bad |= fputs(_("\nNames in full:\n"), out) == EOF;
		for (guint i = 0; i < t.noted->len; i++) {
			const struct learner *l = t.noted->pdata[i];

			char *m = g_strdup_printf("[%u] %s (%s)", i + 1, l->name,
						  l->id);

			bad |= textcol_wrap(out, m, width, 4);
			g_free(m);
		}
	}
	free(t.rows);
	g_ptr_array_free(courses, TRUE);
	g_hash_table_destroy(t.note);
	g_ptr_array_free(t.noted, TRUE);
	return bad ? -1 : 0;
}

/* ---- the command ------------------------------------------------------------------ */

static int parse_status(const char *s, int *st)
{
	if (!s)
		*st = -1;
	else if (!strcmp(s, "not-started"))
		*st = MODULE_NOT_STARTED;
	else if (!strcmp(s, "in-progress"))
		*st = MODULE_IN_PROGRESS;
	else if (!strcmp(s, "complete"))
		*st = MODULE_COMPLETE;
	else
		return -1;
	return 0;
}

static bool good_date(const char *s)
{
	struct err e = { 0 };
	char out[ISODATE_SIZE];

	/* a real day, strictly YYYY-MM-DD */
	return !s || (strlen(s) == 10 && isodate_add(s, 0, 0, 0, out, &e) == 0);
}

int cmd_report(int argc, char **argv, const struct globals *g)
{
	const char *course = NULL, *format = "table", *output = NULL,
		   *since = NULL, *until = NULL, *org = NULL, *status = NULL;
	bool wide = false, excel = false, raw = false, force = false;
	const struct coord_opt opts[] = {
		{ "course", 0, &course, NULL },
		{ "format", 0, &format, NULL },
		{ "output", 'o', &output, NULL },
		{ "since", 0, &since, NULL },
		{ "until", 0, &until, NULL },
		{ "organisation", 0, &org, NULL },
		{ "organization", 0, &org, NULL },
		{ "status", 0, &status, NULL },
		{ "wide", 0, NULL, &wide },
		{ "excel", 0, NULL, &excel },
		{ "raw", 0, NULL, &raw },
		{ "force", 0, NULL, &force },
		{ 0 },
	};
	struct report_filter f = { 0 };
	struct coord_report rep = { 0 };
	struct catalog cat = { 0 };
	struct safewrite w = { 0 };
	struct err e = { 0 };
	struct store *s;
	const char *dest;
	int nops, r, status_code = EXIT_FAIL;
	bool csv, xlsx, opened = false;

	r = coord_parse("report", argc, argv, opts, &nops, help);
	if (r)
		return r == 1 ? EXIT_OK : r;
	if (nops) {
		coord_fail("report", "unexpected '%s'\nTry 'coursekiosk report --help'.",
			   argv[1]);
		return EXIT_USAGE;
	}
	if (strcmp(format, "table") && strcmp(format, "csv") && strcmp(format, "xlsx")) {
		coord_fail("report", "--format is table, csv or xlsx, not '%s'", format);
		return EXIT_USAGE;
	}
	csv = !strcmp(format, "csv");
	xlsx = !strcmp(format, "xlsx");
	if ((excel || raw) && !csv) {
		coord_fail("report", "--excel and --raw are for --format csv");
		return EXIT_USAGE;
	}
	if (wide && (csv || xlsx)) {
		coord_fail("report", "--wide is for the table (CSV and xlsx have "
			   "every column)");
		return EXIT_USAGE;
	}
	if (xlsx && (!output || safewrite_is_stdout(output)) ) {
		coord_fail("report", "--format xlsx needs -o FILE.xlsx");
		return EXIT_USAGE;
	}
	if (!good_date(since) || !good_date(until)) {
		coord_fail("report", "--since and --until take a date YYYY-MM-DD");
		return EXIT_USAGE;
	}
	if (parse_status(status, &f.status) < 0) {
		coord_fail("report", "--status is not-started, in-progress or "
			   "complete, not '%s'", status);
		return EXIT_USAGE;
	}
	f.course = course;
	f.since = since;
	f.until = until;
	f.org = org;
	dest = output ? output : "-";
	s = coord_open_reading("report", g);
	if (!s)
		return EXIT_FAIL;
	if (coord_load_catalog("report", g, &cat) < 0)
		goto done;
	if (coordinator_report(s, &cat, &f, &rep, &e) < 0) {
		coord_fail_err("report", &e);
		goto done;
	}
	/* Everything that can fail before the data leaves, then the audit
	 * entry, then the data. */
	if (safewrite_open(&w, dest, (force ? SW_FORCE : 0) | (xlsx ? SW_BY_PATH : 0),
			   &e) < 0) {
		coord_fail_err("report", &e);
		goto done;
	}
	opened = true;
	if (w.f == stdout) {
		/* Large buffer: the CSV of a big event is tens of thousands of
		 * lines. */
		static char buf[1 << 16];
		setvbuf(stdout, buf, _IOFBF, sizeof(buf));
	}
	if (w.tmp) {
		/* into the private temporary first: nothing has left yet */
		r = xlsx ? write_xlsx(&rep, w.tmp, &e)
		    : csv ? write_csv(&rep, w.f, excel, raw)
			  : write_table(&rep, w.f, wide, coord_terminal_width());
		if (r < 0) {
			if (!xlsx)
				err_set(&e, errno == ENOSPC ? ERR_FULL : ERR_GENERIC,
					"writing %s: %s", dest, strerror(errno));
			coord_fail_err("report", &e);
			goto done;
		}
	}
	if (coord_audit_export(s, &f, format, safewrite_is_stdout(dest) ? "stdout"
								     : dest) < 0)
		goto done;
	if (!w.tmp) {
		r = csv ? write_csv(&rep, stdout, excel, raw)
			: write_table(&rep, stdout, wide, coord_terminal_width());
		if (r < 0) {
			coord_fail("report", "writing standard output: %s",
				   strerror(errno));
			goto done;
		}
	}
	opened = false;
	if (safewrite_commit(&w, &e) < 0) {
		coord_fail_err("report", &e);
		goto done;
	}
	if (!rep.n)
		fprintf(stderr, "coursekiosk: report: no trainee%s\n",
			since || until || org || status ? " matches" : " has registered yet");
	status_code = EXIT_OK;
done:
	if (opened)
		safewrite_abort(&w);
	coordinator_report_release(&rep);
	catalog_release(&cat);
	store_close(s);
	return status_code;
}
