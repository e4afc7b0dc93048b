/* xlsx.c - spreadsheets with libxlsxwriter (see xlsx.h). */
#include "xlsx.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "i18n.h"
#include "textcol.h"

struct xlsx {
	lxw_workbook *wb;
	lxw_worksheet *ws;
	lxw_format *date, *datetime;
	double *width;           /* per column, in characters */
	size_t ncols;
	lxw_error err;           /* the first error, LXW_NO_ERROR if none */
};

static void seen(struct xlsx *x, size_t col, double w, lxw_error r)
{
	if (col < x->ncols && w > x->width[col])
		x->width[col] = w;
	if (r != LXW_NO_ERROR && x->err == LXW_NO_ERROR)
		x->err = r;
}

struct xlsx *xlsx_new(const char *path, const char *sheet,
		      const char *const *heads, size_t ncols, struct err *e)
{
	struct xlsx *x = calloc(1, sizeof(*x));
	lxw_format *bold;

	if (!x || !(x->width = calloc(ncols ? ncols : 1, sizeof(double)))) {
		free(x);
		err_set(e, ERR_GENERIC, _("out of memory"));
		return NULL;
	}
	x->ncols = ncols;
	x->wb = workbook_new(path);
	if (!x->wb || !(x->ws = workbook_add_worksheet(x->wb, sheet))) {
		err_set(e, ERR_GENERIC, _("cannot start the spreadsheet %s"), path);
		if (x->wb)
			workbook_close(x->wb);
		free(x->width);
		free(x);
		return NULL;
	}
	bold = workbook_add_format(x->wb);
	format_set_bold(bold);
	x->date = workbook_add_format(x->wb);
	format_set_num_format(x->date, "yyyy-mm-dd");
	x->datetime = workbook_add_format(x->wb);
	format_set_num_format(x->datetime, "yyyy-mm-dd hh:mm");
	for (size_t i = 0; i < ncols; i++)
		seen(x, i, (double)textcol_width(heads[i]),
		     worksheet_write_string(x->ws, 0, (lxw_col_t)i, heads[i], bold));
	worksheet_freeze_panes(x->ws, 1, 0);
	return x;
}

void xlsx_text(struct xlsx *x, size_t row, size_t col, const char *s)
{
	if (!s || !*s)
		return;
	seen(x, col, (double)textcol_width(s),
	     worksheet_write_string(x->ws, (lxw_row_t)row, (lxw_col_t)col, s, NULL));
}

void xlsx_number(struct xlsx *x, size_t row, size_t col, double v)
{
	seen(x, col, 6, worksheet_write_number(x->ws, (lxw_row_t)row,
					       (lxw_col_t)col, v, NULL));
}

void xlsx_date(struct xlsx *x, size_t row, size_t col, const char *iso)
{
	lxw_datetime dt = { 0 };
	int n = 0;

	if (!iso || !*iso)
		return;
	if (strlen(iso) == 10 &&
	    sscanf(iso, "%4d-%2d-%2d%n", &dt.year, &dt.month, &dt.day, &n) == 3 &&
	    n == 10) {
		seen(x, col, 10, worksheet_write_datetime(x->ws, (lxw_row_t)row,
			     (lxw_col_t)col, &dt, x->date));
		return;
	}
	if (strlen(iso) == 20 &&
	    sscanf(iso, "%4d-%2d-%2dT%2d:%2d:%lfZ", &dt.year, &dt.month, &dt.day,
		   &dt.hour, &dt.min, &dt.sec) == 6) {
		seen(x, col, 16, worksheet_write_datetime(x->ws, (lxw_row_t)row,
			     (lxw_col_t)col, &dt, x->datetime));
		return;
	}
	xlsx_text(x, row, col, iso);
}

int xlsx_close(struct xlsx *x, struct err *e)
{
	lxw_error r;

	for (size_t i = 0; i < x->ncols; i++) {
		double w = x->width[i] + 2;

		worksheet_set_column(x->ws, (lxw_col_t)i, (lxw_col_t)i,
				     w > 60 ? 60 : w, NULL);
	}
	r = workbook_close(x->wb);
	if (x->err == LXW_NO_ERROR)
		x->err = r;
	r = x->err;
	free(x->width);
	free(x);
	if (r != LXW_NO_ERROR)
		return err_set(e, ERR_GENERIC, _("cannot write the spreadsheet: %s"),
			       lxw_strerror(r));
	return 0;
}
