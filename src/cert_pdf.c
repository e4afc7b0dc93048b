/* cert_pdf.c - the printable certificate: A4 portrait, drawn with cairo and
 * laid out with pango in DejaVu Serif / Sans / Sans Mono (fonts-dejavu-core:
 * only its regular and bold faces, so nothing is synthesised).
 *
 * The page is three bands inside a double frame: the title at the top, the
 * learner, course and module table in the middle (vertically centred in
 * whatever space is left), and at the bottom the dates, a signature line
 * and the verification block with its QR code.  Every text that comes from
 * people (name, titles) is fitted: shrunk to a floor, then wrapped, then
 * ellipsized, so nothing ever runs over the frame.
 */
#include "cert.h"
#include "cert_priv.h"

#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <glib.h>
#include <pango/pangocairo.h>
#include <qrencode.h>

/* A4 in points. */
#define PAGE_W 595.276
#define PAGE_H 841.890
#define MARGIN_X 78.0 /* text column inside the frame */
#define COL_W (PAGE_W - 2 * MARGIN_X)
#define TABLE_W 400.0
#define BOTTOM_TOP 618.0 /* where the bottom band starts */

struct rgb {
	double r, g, b;
};
static const struct rgb ink = {0.13, 0.13, 0.15};
static const struct rgb navy = {0.11, 0.20, 0.33};
static const struct rgb gold = {0.66, 0.54, 0.30};
static const struct rgb muted = {0.40, 0.40, 0.43};
static const struct rgb hair = {0.78, 0.76, 0.72};

struct shown_module {
	char *title;
	char score[16], date[16];
};

/* The texts as they will be shown (cert_text_clean), owned here. */
struct shown {
	char *title, *issuer, *name, *course;
	char version[32], serial[48], issued[40], expires[40];
	char code[CERT_CODE_FMT_SIZE], qr[64], verify[128];
	struct shown_module *modules;
	size_t nmodules;
};

struct pen {
	cairo_t *cr;
	PangoLayout *ly;
};

enum face { SERIF, SERIF_BOLD, SANS, SANS_BOLD, MONO_BOLD };

static void colour(cairo_t *cr, struct rgb c)
{
	cairo_set_source_rgb(cr, c.r, c.g, c.b);
}

/* Sets up the shared layout for one piece of text.  width <= 0: one line,
 * no wrapping.  max_lines > 0: wrap, and ellipsize after that many lines. */
static void style(struct pen *p, enum face face, double size, double spacing,
		  const char *text, double width, PangoAlignment align,
		  int max_lines)
{
	static const char *const family[] = {"DejaVu Serif", "DejaVu Serif",
					     "DejaVu Sans", "DejaVu Sans",
					     "DejaVu Sans Mono"};
	PangoFontDescription *fd = pango_font_description_new();
	PangoAttrList *attrs = pango_attr_list_new();

	pango_font_description_set_family(fd, family[face]);
	pango_font_description_set_weight(
	    fd, face == SERIF_BOLD || face == SANS_BOLD || face == MONO_BOLD
		    ? PANGO_WEIGHT_BOLD
		    : PANGO_WEIGHT_NORMAL);
	/* Absolute: one pango unit is one PDF point, whatever the dpi. */
	pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
	pango_layout_set_font_description(p->ly, fd);
	pango_font_description_free(fd);
	if (spacing > 0)
		pango_attr_list_insert(attrs, pango_attr_letter_spacing_new((
						  int)(spacing * PANGO_SCALE)));
	pango_layout_set_attributes(p->ly, attrs);
	pango_attr_list_unref(attrs);
	pango_layout_set_text(p->ly, text, -1);
	pango_layout_set_alignment(p->ly, align);
	pango_layout_set_wrap(p->ly, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_width(p->ly,
			       width > 0 ? (int)(width * PANGO_SCALE) : -1);
	pango_layout_set_height(p->ly, max_lines > 0 ? -max_lines : -1);
	pango_layout_set_ellipsize(p->ly, max_lines > 0 ? PANGO_ELLIPSIZE_END
							: PANGO_ELLIPSIZE_NONE);
}

static double text_h(struct pen *p)
{
	PangoRectangle r;

	pango_layout_get_extents(p->ly, NULL, &r);
	return (double)r.height / PANGO_SCALE;
}

static double text_w(struct pen *p)
{
	PangoRectangle r;

	pango_layout_get_extents(p->ly, NULL, &r);
	return (double)r.width / PANGO_SCALE;
}

static double baseline(struct pen *p)
{
	return (double)pango_layout_get_baseline(p->ly) / PANGO_SCALE;
}

/* Draws the current layout with its box at x, y (when draw); returns its
 * height. */
static double put(struct pen *p, double x, double y, struct rgb c, int draw)
{
	if (draw) {
		colour(p->cr, c);
		cairo_move_to(p->cr, x, y);
		pango_cairo_show_layout(p->cr, p->ly);
	}
	return text_h(p);
}

/* Fits text into `width`, centred: the largest size from hi down to
 * one_line that keeps it on one line; else the largest size from one_line
 * down to lo at which it wraps onto at most `lines` lines; else lo on up to
 * max_lines lines, ellipsized after them. */
static void fit(struct pen *p, enum face face, double hi, double one_line,
		double lo, double spacing, const char *text, double width,
		int lines, int max_lines)
{
	double size;

	for (size = hi; size >= one_line; size -= 0.5) {
		style(p, face, size, spacing, text, -1, PANGO_ALIGN_CENTER, 0);
		if (text_w(p) <= width) {
			pango_layout_set_width(p->ly,
					       (int)(width * PANGO_SCALE));
			return;
		}
	}
	for (size = one_line; size >= lo; size -= 0.5) {
		style(p, face, size, spacing, text, width, PANGO_ALIGN_CENTER,
		      lines);
		if (!pango_layout_is_ellipsized(p->ly))
			return;
	}
	style(p, face, lo, spacing, text, width, PANGO_ALIGN_CENTER, max_lines);
}

static void hline(cairo_t *cr, struct rgb c, double w, double x0, double x1,
		  double y)
{
	colour(cr, c);
	cairo_set_line_width(cr, w);
	cairo_move_to(cr, x0, y);
	cairo_line_to(cr, x1, y);
	cairo_stroke(cr);
}

static void diamond(cairo_t *cr, double x, double y, double r)
{
	cairo_move_to(cr, x, y - r);
	cairo_line_to(cr, x + r, y);
	cairo_line_to(cr, x, y + r);
	cairo_line_to(cr, x - r, y);
	cairo_close_path(cr);
	cairo_fill(cr);
}

/* A gold rule with a small diamond in its middle. */
static void ornament(cairo_t *cr, double cx, double y, double half)
{
	hline(cr, gold, 0.7, cx - half, cx - 8, y);
	hline(cr, gold, 0.7, cx + 8, cx + half, y);
	diamond(cr, cx, y, 3.2);
}

static void frame(cairo_t *cr)
{
	const double o = 24, i = 31;

	colour(cr, navy);
	cairo_set_line_width(cr, 2.6);
	cairo_rectangle(cr, o, o, PAGE_W - 2 * o, PAGE_H - 2 * o);
	cairo_stroke(cr);
	colour(cr, gold);
	cairo_set_line_width(cr, 0.8);
	cairo_rectangle(cr, i, i, PAGE_W - 2 * i, PAGE_H - 2 * i);
	cairo_stroke(cr);
	diamond(cr, i, i, 4);
	diamond(cr, PAGE_W - i, i, 4);
	diamond(cr, i, PAGE_H - i, 4);
	diamond(cr, PAGE_W - i, PAGE_H - i, 4);
}

/* Issuer, title and ornament; returns the y below them. */
static double top_band(struct pen *p, const struct shown *s)
{
	double y = 68;

	if (s->issuer) {
		fit(p, SANS, 9, 8, 7, 0.5, s->issuer, COL_W, 2, 2);
		y += put(p, MARGIN_X, y, muted, 1) + 14;
	} else {
		y += 12;
	}
	/* Spaced capitals; the spacing stays under a tenth of the size, or
	 * text extraction (pdftotext, screen readers) splits the words. */
	fit(p, SERIF, 28, 19, 16, 1.8, s->title, COL_W, 2, 2);
	y += put(p, MARGIN_X, y, navy, 1) + 16;
	ornament(p->cr, PAGE_W / 2, y, 72);
	return y + 4;
}

/* The module table at scale k (1 = full size); titles wrap onto 3 lines
 * unless `tight`, when they are ellipsized on one.  At most `rows` rows,
 * then a line "and N more modules".  Returns its height. */
static double table(struct pen *p, const struct shown *s, double y, int draw,
		    double k, int tight, size_t rows)
{
	const double x0 = (PAGE_W - TABLE_W) / 2, date_w = 74 * k,
		     score_w = 48 * k, gap = 14 * k,
		     title_w = TABLE_W - date_w - score_w - 2 * gap,
		     pad = 5.5 * k;
	double y0 = y, h, base;
	size_t i;

	style(p, SANS, 6.8 * k, 1.3, "MODULE", -1, PANGO_ALIGN_LEFT, 0);
	put(p, x0, y, muted, draw);
	style(p, SANS, 6.8 * k, 1.3, "SCORE", score_w, PANGO_ALIGN_RIGHT, 0);
	put(p, x0 + title_w + gap, y, muted, draw);
	style(p, SANS, 6.8 * k, 1.3, "COMPLETED", date_w, PANGO_ALIGN_RIGHT, 0);
	y += put(p, x0 + TABLE_W - date_w, y, muted, draw) + 3.5 * k;
	if (draw)
		hline(p->cr, gold, 0.6, x0, x0 + TABLE_W, y);
	for (i = 0; i < s->nmodules && i < rows; i++) {
		const struct shown_module *m = &s->modules[i];

		y += pad;
		style(p, SERIF, 10 * k, 0, m->title, title_w, PANGO_ALIGN_LEFT,
		      tight ? 1 : 2);
		h = put(p, x0, y, ink, draw);
		base = baseline(p);
		/* Numbers sit on the baseline of the title's first line. */
		style(p, SANS, 9.5 * k, 0, m->score, score_w, PANGO_ALIGN_RIGHT,
		      0);
		put(p, x0 + title_w + gap, y + base - baseline(p), ink, draw);
		style(p, SANS, 9.5 * k, 0, m->date, date_w, PANGO_ALIGN_RIGHT,
		      0);
		put(p, x0 + TABLE_W - date_w, y + base - baseline(p), ink,
		    draw);
		y += h + pad;
		if (draw && i + 1 < s->nmodules && i + 1 < rows)
			hline(p->cr, hair, 0.35, x0, x0 + TABLE_W, y);
	}
	if (rows < s->nmodules) {
		char more[64];

		snprintf(more, sizeof more, "and %zu more modules",
			 s->nmodules - rows);
		style(p, SANS, 8 * k, 0, more, -1, PANGO_ALIGN_LEFT, 0);
		y += pad + put(p, x0, y + pad, muted, draw);
	}
	if (draw)
		hline(p->cr, gold, 0.6, x0, x0 + TABLE_W, y);
	return y - y0;
}

/* Learner, course and modules; returns the height. */
static double middle(struct pen *p, const struct shown *s, double y, int draw,
		     double k, int tight, size_t rows)
{
	double y0 = y;

	style(p, SANS, 10.5, 0.3, "This is to certify that", COL_W,
	      PANGO_ALIGN_CENTER, 0);
	y += put(p, MARGIN_X, y, muted, draw) + 12;
	/* Two lines at most while 13 pt allows; a name is never cut while
	 * four lines can hold it. */
	fit(p, SERIF, 32, 20, 13, 0, s->name, COL_W, 2, 4);
	y += put(p, MARGIN_X, y, ink, draw) + 7;
	if (draw)
		hline(p->cr, gold, 0.6, PAGE_W / 2 - 140, PAGE_W / 2 + 140, y);
	y += 18;
	style(p, SANS, 10.5, 0.3, "has successfully completed the course",
	      COL_W, PANGO_ALIGN_CENTER, 0);
	y += put(p, MARGIN_X, y, muted, draw) + 12;
	fit(p, SERIF_BOLD, 19, 15, 11, 0, s->course, COL_W, 3, 4);
	y += put(p, MARGIN_X, y, navy, draw) + 5;
	style(p, SANS, 9.5, 0.3, s->version, COL_W, PANGO_ALIGN_CENTER, 0);
	y += put(p, MARGIN_X, y, muted, draw);
	if (s->nmodules) {
		y += 30;
		y += table(p, s, y, draw, k, tight, rows);
	}
	return y - y0;
}

/* Value over a rule over a small label, centred on cx. */
static void signed_field(struct pen *p, double cx, double y, const char *value,
			 const char *label)
{
	const double w = 128;

	if (value) {
		fit(p, SERIF, 12, 9, 9, 0, value, w, 1, 1);
		put(p, cx - w / 2, y + 14 - baseline(p), ink, 1);
	}
	hline(p->cr, muted, 0.5, cx - w / 2, cx + w / 2, y + 19);
	style(p, SANS, 6.5, 1.3, label, w, PANGO_ALIGN_CENTER, 0);
	put(p, cx - w / 2, y + 23, muted, 1);
}

static void qr_draw(cairo_t *cr, const QRcode *qr, double x, double y,
		    double size)
{
	double m = size / qr->width;
	int r, c, run;

	colour(cr, ink);
	for (r = 0; r < qr->width; r++) {
		for (c = 0; c < qr->width; c += run ? run : 1) {
			run = 0;
			while (c + run < qr->width &&
			       (qr->data[r * qr->width + c + run] & 1))
				run++;
			/* Runs, not single modules: no hairline seams
			 * between neighbours in a viewer. */
			if (run)
				cairo_rectangle(cr, x + c * m, y + r * m,
						run * m, m);
		}
	}
	cairo_fill(cr);
}

static int bottom_band(struct pen *p, const struct shown *s, struct err *e)
{
	const double qr_size = 80, y = BOTTOM_TOP, vy = BOTTOM_TOP + 70;
	const double tx = MARGIN_X, tw = COL_W - qr_size - 24;
	double ty, th = 0;
	QRcode *qr;
	int pass;

	signed_field(p, MARGIN_X + COL_W / 6, y, s->issued, "DATE OF ISSUE");
	signed_field(p, MARGIN_X + COL_W / 2, y, s->expires, "VALID UNTIL");
	signed_field(p, MARGIN_X + COL_W * 5 / 6, y, NULL, "SIGNATURE");

	qr = QRcode_encodeString(s->qr, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
	if (!qr)
		return err_set(e, ERR_GENERIC,
			       "cannot make the certificate's QR code");
	qr_draw(p->cr, qr, MARGIN_X + COL_W - qr_size, vy, qr_size);
	QRcode_free(qr);

	/* Two passes: measure the text block, then centre it on the QR. */
	for (pass = 0; pass < 2; pass++) {
		ty = pass ? vy + (qr_size - th) / 2 : 0;
		style(p, SANS, 6.5, 1.3, "CERTIFICATE NO.", tw,
		      PANGO_ALIGN_LEFT, 0);
		ty += put(p, tx, ty, muted, pass) + 2;
		style(p, SANS_BOLD, 10, 0.4, s->serial, tw, PANGO_ALIGN_LEFT,
		      0);
		ty += put(p, tx, ty, ink, pass) + 8;
		style(p, SANS, 6.5, 1.3, "VERIFICATION CODE", tw,
		      PANGO_ALIGN_LEFT, 0);
		ty += put(p, tx, ty, muted, pass) + 2;
		style(p, MONO_BOLD, 14, 0.6, s->code, tw, PANGO_ALIGN_LEFT, 0);
		ty += put(p, tx, ty, navy, pass) + 6;
		style(p, SANS, 7.5, 0, s->verify, tw, PANGO_ALIGN_LEFT, 2);
		ty += put(p, tx, ty, muted, pass);
		th = ty;
	}
	return 0;
}

static void shown_release(struct shown *s)
{
	size_t i;

	free(s->title);
	free(s->issuer);
	free(s->name);
	free(s->course);
	for (i = 0; s->modules && i < s->nmodules; i++)
		free(s->modules[i].title);
	free(s->modules);
	memset(s, 0, sizeof *s);
}

static int shown_init(struct shown *s, const struct cert_fields *f,
		      const char *code, struct err *e)
{
	char norm[CERT_CODE_LEN + 1];
	size_t i;

	memset(s, 0, sizeof *s);
	if (cert_fields_check(f, e) < 0)
		return -1;
	if (cert_code_parse(code, norm, NULL, e) < 0)
		return err_prefix(e, "certificate code: ");
	cert_code_format(norm, s->code, sizeof s->code);
	snprintf(s->qr, sizeof s->qr, "%s%s", CERT_QR_PREFIX, s->code);
	snprintf(s->verify, sizeof s->verify,
		 "Check it on the issuing kiosk: coursekiosk verify %s",
		 s->code);
	snprintf(s->serial, sizeof s->serial, "No. %06lu", f->serial);
	snprintf(s->version, sizeof s->version, "Version %d",
		 f->course_version);
	if (cert_date_long(f->issued, s->issued, sizeof s->issued, e) < 0)
		return -1;
	if (!f->expires)
		snprintf(s->expires, sizeof s->expires, "No expiry");
	else if (cert_date_long(f->expires, s->expires, sizeof s->expires, e) <
		 0)
		return -1;
	s->title =
	    cert_text_clean(f->cert_title ? f->cert_title : CERT_DEFAULT_TITLE);
	if (s->title) {
		gchar *up = g_utf8_strup(s->title, -1);

		free(s->title);
		s->title = up ? strdup(up) : NULL;
		g_free(up);
	}
	s->name = cert_text_clean(f->learner_name);
	s->course = cert_text_clean(f->course_title);
	if (f->issuer && *f->issuer)
		s->issuer = cert_text_clean(f->issuer);
	if (!s->title || !s->name || !s->course ||
	    (f->issuer && *f->issuer && !s->issuer))
		goto oom;
	if (f->nmodules) {
		s->modules = calloc(f->nmodules, sizeof *s->modules);
		if (!s->modules)
			goto oom;
		s->nmodules = f->nmodules;
	}
	for (i = 0; i < s->nmodules; i++) {
		const struct cert_module_line *ml = &f->modules[i];
		struct shown_module *m = &s->modules[i];

		m->title = cert_text_clean(ml->title);
		if (!m->title)
			goto oom;
		if (ml->score >= 0)
			snprintf(m->score, sizeof m->score, "%d%%", ml->score);
		else
			/* An em dash: this module has no quiz. */
			snprintf(m->score, sizeof m->score, "\u2014");
		snprintf(m->date, sizeof m->date, "%s",
			 ml->completed ? ml->completed : "\u2014");
	}
	return 0;
oom:
	shown_release(s);
	return err_set(e, ERR_GENERIC, "out of memory");
}

/* Lays the middle band out at the largest scale that fits between top and
 * bottom, then draws it a little above the centre of the free space. */
static void place_middle(struct pen *p, const struct shown *s, double top,
			 double bottom)
{
	double k = 1, h = 0;
	int tight = 0;
	size_t rows = s->nmodules;

	for (;;) {
		h = middle(p, s, top, 0, k, tight, rows);
		if (h <= bottom - top)
			break;
		if (k > 0.72)
			k -= 0.04;
		else if (!tight)
			tight = 1;
		else if (rows > 1)
			rows--;
		else
			break;
	}
	if (h < bottom - top)
		top += (bottom - top - h) * 0.42;
	middle(p, s, top, 1, k, tight, rows);
}

struct sink {
	FILE *fp;
};

static cairo_status_t sink_write(void *closure, const unsigned char *data,
				 unsigned int len)
{
	struct sink *k = closure;

	return fwrite(data, 1, len, k->fp) == len ? CAIRO_STATUS_SUCCESS
						  : CAIRO_STATUS_WRITE_ERROR;
}

static int render(const struct shown *s, FILE *fp, struct err *e)
{
	struct sink k = {fp};
	cairo_surface_t *surf;
	cairo_font_options_t *fo;
	struct pen p = {NULL, NULL};
	char meta[600];
	int rc = -1;

	surf =
	    cairo_pdf_surface_create_for_stream(sink_write, &k, PAGE_W, PAGE_H);
	if (cairo_surface_status(surf) != CAIRO_STATUS_SUCCESS) {
		err_set(e, ERR_GENERIC, "cannot start the PDF: %s",
			cairo_status_to_string(cairo_surface_status(surf)));
		goto out;
	}
	snprintf(meta, sizeof meta, "%s \u2014 %s", s->title, s->name);
	cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_TITLE, meta);
	cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_CREATOR,
				       "coursekiosk");
	p.cr = cairo_create(surf);
	p.ly = pango_cairo_create_layout(p.cr);
	/* Unhinted metrics: positions computed for print, not a screen. */
	fo = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(pango_layout_get_context(p.ly),
					     fo);
	cairo_font_options_destroy(fo);
	pango_layout_context_changed(p.ly);

	cairo_set_source_rgb(p.cr, 1, 1, 1);
	cairo_paint(p.cr);
	frame(p.cr);
	place_middle(&p, s, top_band(&p, s) + 26, BOTTOM_TOP - 34);
	if (bottom_band(&p, s, e) < 0)
		goto out;
	cairo_show_page(p.cr);
	if (cairo_status(p.cr) != CAIRO_STATUS_SUCCESS) {
		err_set(e, ERR_GENERIC, "cannot draw the certificate: %s",
			cairo_status_to_string(cairo_status(p.cr)));
		goto out;
	}
	cairo_surface_finish(surf);
	if (cairo_surface_status(surf) != CAIRO_STATUS_SUCCESS) {
		err_set(e, ERR_GENERIC, "cannot write the PDF: %s",
			cairo_status_to_string(cairo_surface_status(surf)));
		goto out;
	}
	rc = 0;
out:
	if (p.ly)
		g_object_unref(p.ly);
	if (p.cr)
		cairo_destroy(p.cr);
	cairo_surface_destroy(surf);
	return rc;
}

int cert_write_pdf(const struct cert_fields *f, const char *code,
		   const char *path, struct err *e)
{
	struct cert_tmpfile t;
	struct shown s;
	int rc = -1;

	/* Everything is checked before a file is created. */
	if (shown_init(&s, f, code, e) < 0)
		return -1;
	if (cert_tmp_open(&t, path, e) < 0)
		goto out;
	if (render(&s, t.fp, e) < 0) {
		cert_tmp_abort(&t);
		err_prefix(e, "%s: ", path);
		goto out;
	}
	rc = cert_tmp_commit(&t, e);
out:
	shown_release(&s);
	return rc;
}

void cert_release_fonts(void)
{
	/* Order matters: pango's font map holds fontconfig patterns and
	 * cairo font faces. */
	pango_cairo_font_map_set_default(NULL);
	cairo_debug_reset_static_data();
	FcFini();
}
