/* cert_text.c - the plain-text certificate: the same facts as the PDF, for
 * e-mail, screen readers and archives.  Left-aligned, so no column depends
 * on how wide a terminal draws a name with combining marks.
 */
#include "cert.h"
#include "cert_priv.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static int put_clean(FILE *out, const char *label, const char *s)
{
	char *c = cert_text_clean(s);
	int rc;

	if (!c)
		return -1;
	rc = fprintf(out, "%s%s\n", label, c);
	free(c);
	return rc < 0 ? -1 : 0;
}

static int write_body(const struct cert_fields *f, const char *fmt, FILE *out,
		      struct err *e)
{
	char issued[40], expires[40];
	size_t i;

	if (cert_date_long(f->issued, issued, sizeof issued, e) < 0)
		return -1;
	if (f->expires &&
	    cert_date_long(f->expires, expires, sizeof expires, e) < 0)
		return -1;
	if (put_clean(out, "",
		      f->cert_title ? f->cert_title : CERT_DEFAULT_TITLE) < 0)
		return err_set(e, ERR_INVALID, "certificate title is not text");
	if (f->issuer && *f->issuer && put_clean(out, "", f->issuer) < 0)
		return err_set(e, ERR_INVALID, "issuer is not text");
	fputs("\nThis is to certify that\n\n", out);
	if (put_clean(out, "    ", f->learner_name) < 0)
		return err_set(e, ERR_INVALID, "learner name is not text");
	fputs("\nhas successfully completed the course\n\n", out);
	if (put_clean(out, "    ", f->course_title) < 0)
		return err_set(e, ERR_INVALID, "course title is not text");
	fprintf(out, "    Version %d\n", f->course_version);
	if (f->nmodules) {
		fputs("\nModules\n    Score   Completed    Module\n", out);
		for (i = 0; i < f->nmodules; i++) {
			const struct cert_module_line *ml = &f->modules[i];
			char score[16];

			if (ml->score >= 0)
				snprintf(score, sizeof score, "%3d %%",
					 ml->score);
			else
				snprintf(score, sizeof score, "  -  ");
			fprintf(out, "    %-8s%-13s", score,
				ml->completed ? ml->completed : "-");
			if (put_clean(out, "", ml->title) < 0)
				return err_set(e, ERR_INVALID,
					       "module title is not text");
		}
	}
	fprintf(out, "\nIssued        %s\n", issued);
	fprintf(out, "Valid until   %s\n", f->expires ? expires : "no expiry");
	fprintf(out, "Certificate   No. %06lu\n", f->serial);
	fprintf(out, "Code          %s\n", fmt);
	fprintf(out, "\nTo check this certificate: coursekiosk verify %s\n",
		fmt);
	return 0;
}

int cert_write_text(const struct cert_fields *f, const char *code, FILE *out,
		    struct err *e)
{
	char norm[CERT_CODE_LEN + 1], fmt[CERT_CODE_FMT_SIZE];

	if (cert_fields_check(f, e) < 0)
		return -1;
	if (cert_code_parse(code, norm, NULL, e) < 0)
		return err_prefix(e, "certificate code: ");
	cert_code_format(norm, fmt, sizeof fmt);
	errno = 0;
	if (write_body(f, fmt, out, e) < 0)
		return -1;
	if (fflush(out) != 0 || ferror(out))
		return err_set(e, ERR_GENERIC,
			       "cannot write the certificate text: %s",
			       strerror(errno ? errno : EIO));
	return 0;
}

int cert_write_text_path(const struct cert_fields *f, const char *code,
			 const char *path, struct err *e)
{
	struct cert_tmpfile t;

	/* Checked before a file is created, so bad input leaves nothing. */
	if (cert_fields_check(f, e) < 0 ||
	    cert_code_parse(code, NULL, NULL, e) < 0)
		return -1;
	if (cert_tmp_open(&t, path, e) < 0)
		return -1;
	if (cert_write_text(f, code, t.fp, e) < 0) {
		cert_tmp_abort(&t);
		return -1;
	}
	return cert_tmp_commit(&t, e);
}
