/* Unit tests for cert_code.c, cert_text.c, cert_pdf.c and cert_file.c.
 * The PDF is checked through poppler's pdftotext (spawned without a shell):
 * what a reader or a search finds in it, and where every word lies. */
/* cmocka.h needs these first, in this order */
/* clang-format off */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
/* clang-format on */

#include <dirent.h>
#include <errno.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cert.h"

extern char **environ;

static const unsigned char key[CERT_KEY_BYTES] = {
    0x3c, 0x91, 0x07, 0xaa, 0x5e, 0x12, 0xf0, 0x44, 0x8b, 0x19, 0x6d,
    0x23, 0xc4, 0x7e, 0x01, 0x99, 0x55, 0x2a, 0xe3, 0x10, 0x6f, 0xb2,
    0x48, 0x0d, 0x9c, 0x31, 0x77, 0xfe, 0x02, 0x5b, 0xa6, 0x88};

static const struct cert_module_line two_modules[] = {
    {"Understanding child trafficking", 92, "2025-03-01"},
    {"Working with interpreters", -1, "2025-03-02"},
};

static const struct cert_module_line eight_modules[] = {
    {"Understanding child trafficking", 92, "2025-03-01"},
    {"Indicators and first response", 85, "2025-03-02"},
    {"Safeguarding referrals across borders", 100, "2025-03-03"},
    {"Working with interpreters and cultural mediators in interviews "
     "with children who have crossed several borders",
     -1, "2025-03-04"},
    {"Legal frameworks: the Palermo Protocol, EU directives and national "
     "law in practice, with case law from six countries",
     78, "2025-03-05"},
    {"Joint investigation teams", 88, "2025-03-06"},
    {"Interviewing children", 95, "2025-03-07"},
    {"Case study: the ICARUS network", 90, "2025-03-08"},
};

static struct cert_fields sample(void)
{
	struct cert_fields f = {
	    .serial = 123,
	    .learner_id = "6f1c1d9e-8f7a-4a52-9d1e-0b7e3c2a1f00",
	    .learner_name = "Ștefania Țăranu",
	    .course_id = "ctac-core",
	    .course_title = "Child trafficking and cross-border collaboration",
	    .course_version = 3,
	    .cert_title = NULL,
	    .issued = "2025-03-14",
	    .expires = "2027-03-14",
	    .modules = two_modules,
	    .nmodules = 2,
	    .issuer = "NSPCC Child Trafficking Advice Centre",
	};
	return f;
}

static void code_of(const struct cert_fields *f, char out[CERT_CODE_LEN + 1])
{
	struct err e = {0};

	if (cert_code(key, f, out, &e) < 0)
		fail_msg("cert_code: %s", e.msg);
}

/* ---- codes ---------------------------------------------------------- */

static void code_round_trips_through_format_and_parse(void **state)
{
	struct cert_fields f = sample();
	char code[CERT_CODE_LEN + 1], fmt[CERT_CODE_FMT_SIZE],
	    back[CERT_CODE_LEN + 1];
	unsigned long serial = 0;
	struct err e = {0};
	size_t i;

	(void)state;
	code_of(&f, code);
	assert_int_equal(strlen(code), CERT_CODE_LEN);
	for (i = 0; i < CERT_CODE_LEN; i++)
		assert_non_null(
		    strchr("0123456789ABCDEFGHJKMNPQRSTVWXYZ", code[i]));
	cert_code_format(code, fmt, sizeof fmt);
	assert_int_equal(strlen(fmt), 19);
	assert_true(fmt[4] == '-' && fmt[9] == '-' && fmt[14] == '-');
	assert_memory_equal(fmt, code, 4);
	assert_memory_equal(fmt + 15, code + 12, 4);
	assert_int_equal(cert_code_parse(fmt, back, &serial, &e), 0);
	assert_string_equal(back, code);
	assert_int_equal(serial, 123);
	assert_int_equal(cert_code_check(key, &f, code), 1);
	assert_int_equal(cert_code_check(key, &f, fmt), 1);
	/* Deterministic: the same fields give the same code. */
	code_of(&f, back);
	assert_string_equal(back, code);
}

static void parse_accepts_what_people_type(void **state)
{
	struct cert_fields f = sample();
	char code[CERT_CODE_LEN + 1], in[80], out[CERT_CODE_LEN + 1];
	unsigned long serial;
	size_t i, o;

	(void)state;
	code_of(&f, code);
	/* lower case, spaces in odd places, tabs, leading blanks */
	for (i = 0, o = 0; i < CERT_CODE_LEN; i++) {
		if (i == 3 || i == 9)
			in[o++] = ' ';
		if (i == 6)
			in[o++] = '\t';
		in[o++] = (char)(code[i] >= 'A' ? code[i] + 32 : code[i]);
	}
	in[o] = '\0';
	assert_int_equal(cert_code_parse(in, out, &serial, NULL), 0);
	assert_string_equal(out, code);
	assert_int_equal(serial, 123);
	assert_int_equal(cert_code_check(key, &f, in), 1);
	/* the QR code's text */
	snprintf(in, sizeof in, "  coursekiosk-verify:%s", code);
	assert_int_equal(cert_code_parse(in, out, NULL, NULL), 0);
	assert_string_equal(out, code);
	/* I and L read as 1, O as 0 */
	assert_int_equal(
	    cert_code_parse("OOI1-aaaa-bbbb-cccc", out, &serial, NULL), 0);
	assert_string_equal(out, "0011AAAABBBBCCCC");
	assert_int_equal(serial, 33);
	assert_int_equal(
	    cert_code_parse("ool1 AAAA BBBB CCCC", out, NULL, NULL), 0);
	assert_string_equal(out, "0011AAAABBBBCCCC");
}

static void parse_rejects_what_cannot_be_a_code(void **state)
{
	struct err e = {0};
	char out[CERT_CODE_LEN + 1];

	(void)state;
	assert_int_equal(cert_code_parse("003V-4PQD-W100-K19", out, NULL, &e),
			 -1);
	assert_int_equal(e.code, ERR_INVALID);
	assert_non_null(strstr(e.msg, "16"));
	assert_int_equal(cert_code_parse("003V-4PQD-W100-K19ZZ", out, NULL, &e),
			 -1);
	assert_int_equal(cert_code_parse("003V-4PQD-W100-K19U", out, NULL, &e),
			 -1);
	assert_non_null(strstr(e.msg, "'U'"));
	assert_int_equal(cert_code_parse("003V.4PQD.W100.K19Z", out, NULL, &e),
			 -1);
	assert_int_equal(
	    cert_code_parse("003V-4PQD-W100-K19\xc3\xa9", out, NULL, &e), -1);
	/* serial 0 is never issued */
	assert_int_equal(cert_code_parse("0000-4PQD-W100-K19Z", out, NULL, &e),
			 -1);
	assert_int_equal(cert_code_parse("", out, NULL, &e), -1);
	assert_int_equal(cert_code_parse(NULL, out, NULL, &e), -1);
	assert_int_equal(cert_code_check(key, NULL, "003V-4PQD-W100-K19Z"), 0);
}

static void one_changed_character_is_rejected(void **state)
{
	static const char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
	struct cert_fields f = sample();
	char code[CERT_CODE_LEN + 1], bad[CERT_CODE_LEN + 1];
	size_t i, a;

	(void)state;
	code_of(&f, code);
	for (i = 0; i < CERT_CODE_LEN; i++) {
		for (a = 0; a < 32; a++) {
			if (alphabet[a] == code[i])
				continue;
			memcpy(bad, code, sizeof bad);
			bad[i] = alphabet[a];
			if (cert_code_check(key, &f, bad) != 0)
				fail_msg("%s accepted for %s", bad, code);
		}
	}
	/* two neighbours swapped */
	memcpy(bad, code, sizeof bad);
	for (i = 4; i + 1 < CERT_CODE_LEN; i++) {
		if (code[i] != code[i + 1])
			break;
	}
	bad[i] = code[i + 1];
	bad[i + 1] = code[i];
	assert_int_equal(cert_code_check(key, &f, bad), 0);
	assert_int_equal(cert_code_check(key, &f, code), 1);
}

static void every_covered_field_changes_the_mac(void **state)
{
	struct cert_fields base = sample(), f;
	char orig[CERT_CODE_LEN + 1], got[CERT_CODE_LEN + 1];
	unsigned char other_key[CERT_KEY_BYTES];
	int i;

	(void)state;
	code_of(&base, orig);
	for (i = 0; i < 9; i++) {
		f = base;
		switch (i) {
		case 0:
			f.serial = 124;
			break;
		case 1:
			f.learner_id = "6f1c1d9e-8f7a-4a52-9d1e-0b7e3c2a1f01";
			break;
		case 2:
			f.learner_name = "Ștefania Țăranu-Pop";
			break;
		case 3:
			f.learner_name = "Stefania Taranu";
			break;
		case 4:
			f.course_id = "ctac-core2";
			break;
		case 5:
			f.course_version = 4;
			break;
		case 6:
			f.issued = "2025-03-15";
			break;
		case 7:
			f.expires = "2027-03-15";
			break;
		case 8:
			f.expires = NULL;
			break;
		}
		code_of(&f, got);
		/* The MAC part, not only the serial part, must change. */
		if (memcmp(got + 4, orig + 4, CERT_CODE_LEN - 4) == 0)
			fail_msg("field change %d kept the MAC %s", i, got);
		assert_int_equal(cert_code_check(key, &f, orig), 0);
		assert_int_equal(cert_code_check(key, &base, got), 0);
	}
	/* Moving bytes between fields must not give the same encoding. */
	f = base;
	f.learner_id = "6f1c1d9e-8f7a-4a52-9d1e-0b7e3c2a1f00Ș";
	f.learner_name = "tefania Țăranu";
	code_of(&f, got);
	assert_string_not_equal(got, orig);
	/* Another installation's key. */
	memcpy(other_key, key, sizeof other_key);
	other_key[0] ^= 1;
	assert_int_equal(cert_code_check(other_key, &base, orig), 0);
	/* What is printed but not covered may change (a course title
	 * fixed for a typo does not void earlier certificates). */
	f = base;
	f.course_title = "Another title";
	f.modules = NULL;
	f.nmodules = 0;
	f.issuer = NULL;
	assert_int_equal(cert_code_check(key, &f, orig), 1);
}

static void name_is_compared_in_nfc_without_invisibles(void **state)
{
	struct cert_fields f = sample();
	char nfc[CERT_CODE_LEN + 1], other[CERT_CODE_LEN + 1];

	(void)state;
	code_of(&f, nfc);
	/* S + combining comma below, T + combining comma below, a + breve */
	f.learner_name = "S\xcc\xa6tefania T\xcc\xa6\x61\xcc\x86ranu";
	code_of(&f, other);
	assert_string_equal(other, nfc);
	/* zero-width space, a bidi override, surrounding blanks */
	f.learner_name = "  \xe2\x80\x8bȘtefania \xe2\x80\xaeȚăranu\t";
	code_of(&f, other);
	assert_string_equal(other, nfc);
}

static void text_clean_and_dates(void **state)
{
	char *s, buf[40];
	struct err e = {0};

	(void)state;
	s = cert_text_clean(" Nguye\xcc\x82\xcc\x83n Thi\xcc\xa3 \x01\xc2\x85"
			    "A\xcc\x81nh ");
	assert_non_null(s);
	assert_string_equal(s, "Nguyễn Thị Ánh");
	free(s);
	assert_null(cert_text_clean("bad \xff utf-8"));
	assert_null(cert_text_clean(NULL));
	assert_int_equal(cert_date_long("2024-02-29", buf, sizeof buf, &e), 0);
	assert_string_equal(buf, "29 February 2024");
	assert_int_equal(cert_date_long("2025-02-29", buf, sizeof buf, &e), -1);
	assert_int_equal(cert_date_long("2025-13-01", buf, sizeof buf, &e), -1);
	assert_int_equal(cert_date_long("2025-1-01", buf, sizeof buf, &e), -1);
}

static void serial_limits(void **state)
{
	struct cert_fields f = sample();
	char code[CERT_CODE_LEN + 1], fmt[CERT_CODE_FMT_SIZE];
	unsigned long serial;
	struct err e = {0};

	(void)state;
	f.serial = 1;
	code_of(&f, code);
	assert_memory_equal(code, "0001", 4);
	f.serial = CERT_SERIAL_MAX;
	code_of(&f, code);
	assert_memory_equal(code, "ZZZZ", 4);
	cert_code_format(code, fmt, sizeof fmt);
	assert_int_equal(cert_code_parse(fmt, NULL, &serial, &e), 0);
	assert_int_equal(serial, 1048575);
	assert_int_equal(cert_code_check(key, &f, fmt), 1);
	f.serial = CERT_SERIAL_MAX + 1;
	assert_int_equal(cert_code(key, &f, code, &e), -1);
	assert_int_equal(e.code, ERR_INVALID);
	assert_non_null(strstr(e.msg, "1048576"));
	assert_non_null(strstr(e.msg, "1048575"));
	f.serial = 0;
	assert_int_equal(cert_code(key, &f, code, &e), -1);
	assert_non_null(strstr(e.msg, "out of range"));
}

static void invalid_fields_are_refused(void **state)
{
	struct cert_fields f;
	char code[CERT_CODE_LEN + 1];
	struct err e = {0};
	int i;

	(void)state;
	for (i = 0; i < 9; i++) {
		f = sample();
		switch (i) {
		case 0:
			f.issued = "2025-02-30";
			break;
		case 1:
			f.expires = "someday";
			break;
		case 2:
			f.course_version = 0;
			break;
		case 3:
			f.learner_name = "";
			break;
		case 4:
			f.learner_name = "\xe2\x80\x8b \t";
			break;
		case 5:
			f.learner_name = "Ana \xc3";
			break;
		case 6:
			f.learner_id = NULL;
			break;
		case 7:
			f.course_id = "";
			break;
		case 8:
			f.issued = NULL;
			break;
		}
		e.msg[0] = '\0';
		if (cert_code(key, &f, code, &e) != -1)
			fail_msg("case %d accepted", i);
		assert_true(e.msg[0] != '\0');
		assert_int_equal(e.code, ERR_INVALID);
	}
}

static void format_truncates_safely(void **state)
{
	char out[8];

	(void)state;
	cert_code_format("ABCDEFGHJKMNPQRS", out, sizeof out);
	assert_string_equal(out, "ABCD-EF");
	cert_code_format("ABCDEFGHJKMNPQRS", out, 5);
	assert_string_equal(out, "ABCD");
	cert_code_format("ABCDEFGHJKMNPQRS", out, 1);
	assert_string_equal(out, "");
}

/* ---- text ----------------------------------------------------------- */

static char *text_of(const struct cert_fields *f, const char *code)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	struct err e = {0};

	assert_non_null(fp);
	if (cert_write_text(f, code, fp, &e) < 0)
		fail_msg("cert_write_text: %s", e.msg);
	fclose(fp);
	return buf;
}

static void text_has_every_fact(void **state)
{
	struct cert_fields f = sample();
	char code[CERT_CODE_LEN + 1], fmt[CERT_CODE_FMT_SIZE];
	char *t;

	(void)state;
	code_of(&f, code);
	cert_code_format(code, fmt, sizeof fmt);
	t = text_of(&f, code);
	assert_non_null(strstr(t, "Ștefania Țăranu"));
	assert_non_null(strstr(t, "Child trafficking and cross-border "
				  "collaboration"));
	assert_non_null(strstr(t, "Version 3"));
	assert_non_null(strstr(t, "No. 000123"));
	assert_non_null(strstr(t, fmt));
	assert_non_null(strstr(t, "14 March 2025"));
	assert_non_null(strstr(t, "14 March 2027"));
	assert_non_null(strstr(t, "92 %   2025-03-01   Understanding"));
	assert_non_null(strstr(t, "Working with interpreters"));
	assert_non_null(strstr(t, "coursekiosk verify"));
	assert_non_null(strstr(t, "Certificate of completion"));
	assert_true(t[strlen(t) - 1] == '\n');
	free(t);
	f.expires = NULL;
	f.issuer = NULL;
	f.cert_title = "Certificate of attendance";
	f.learner_name = "Nguye\xcc\x82\xcc\x83n Thi\xcc\xa3 A\xcc\x81nh";
	code_of(&f, code);
	t = text_of(&f, code);
	assert_non_null(strstr(t, "no expiry"));
	assert_non_null(strstr(t, "Certificate of attendance"));
	assert_non_null(strstr(t, "Nguyễn Thị Ánh")); /* printed in NFC */
	assert_null(strstr(t, "NSPCC"));
	free(t);
}

static void text_refuses_a_bad_code(void **state)
{
	struct cert_fields f = sample();
	struct err e = {0};
	FILE *fp = tmpfile();

	(void)state;
	assert_non_null(fp);
	assert_int_equal(cert_write_text(&f, "not a code", fp, &e), -1);
	assert_non_null(strstr(e.msg, "code"));
	fclose(fp);
}

/* ---- files and PDF ------------------------------------------------------ */

static char tmpdir[256];

static int make_tmpdir(void **state)
{
	const char *t = getenv("TMPDIR");

	(void)state;
	snprintf(tmpdir, sizeof tmpdir, "%s/ck-cert.XXXXXX",
		 t && *t ? t : "/tmp");
	return mkdtemp(tmpdir) ? 0 : -1;
}

static int remove_tmpdir(void **state)
{
	DIR *d = opendir(tmpdir);
	struct dirent *de;
	char p[512];

	(void)state;
	while (d && (de = readdir(d))) {
		if (de->d_name[0] == '.' &&
		    (!de->d_name[1] || !strcmp(de->d_name, "..")))
			continue;
		snprintf(p, sizeof p, "%s/%s", tmpdir, de->d_name);
		unlink(p);
	}
	if (d)
		closedir(d);
	rmdir(tmpdir);
	cert_release_fonts();
	return 0;
}

/* Entries in tmpdir, hidden temporaries included. */
static int files_in_tmpdir(void)
{
	DIR *d = opendir(tmpdir);
	struct dirent *de;
	int n = 0;

	assert_non_null(d);
	while ((de = readdir(d)))
		if (strcmp(de->d_name, ".") && strcmp(de->d_name, ".."))
			n++;
	closedir(d);
	return n;
}

static char *slurp(const char *path)
{
	FILE *fp = fopen(path, "rb");
	char *buf;
	long n;

	assert_non_null(fp);
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	fseek(fp, 0, SEEK_SET);
	buf = malloc((size_t)n + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)n, fp), (size_t)n);
	buf[n] = '\0';
	fclose(fp);
	return buf;
}

/* Runs pdftotext (extra option opt, or NULL) on pdf; returns its output. */
static char *pdftotext(const char *pdf, const char *opt)
{
	char out[512];
	char *argv[8];
	int n = 0, status;
	pid_t pid;

	snprintf(out, sizeof out, "%s/pdftotext.out", tmpdir);
	argv[n++] = "pdftotext";
	argv[n++] = "-enc";
	argv[n++] = "UTF-8";
	if (opt)
		argv[n++] = (char *)opt;
	argv[n++] = (char *)pdf;
	argv[n++] = out;
	argv[n] = NULL;
	if (posix_spawnp(&pid, "pdftotext", NULL, NULL, argv, environ) != 0)
		fail_msg("cannot run pdftotext (Debian: poppler-utils)");
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	return slurp(out);
}

static void pdf_shows_name_course_serial_and_code(void **state)
{
	static const char *const names[] = {"Ștefania Țăranu",
					    "Nguyễn Thị Ánh"};
	struct cert_fields f = sample();
	char code[CERT_CODE_LEN + 1], fmt[CERT_CODE_FMT_SIZE], path[512];
	struct err e = {0};
	struct stat st;
	char *txt, *raw;
	size_t i;

	(void)state;
	snprintf(path, sizeof path, "%s/cert.pdf", tmpdir);
	for (i = 0; i < 2; i++) {
		f.learner_name = names[i];
		f.serial = 123 + i;
		f.expires = i ? NULL : "2027-03-14";
		code_of(&f, code);
		cert_code_format(code, fmt, sizeof fmt);
		if (cert_write_pdf(&f, code, path, &e) < 0)
			fail_msg("cert_write_pdf: %s", e.msg);
		assert_int_equal(stat(path, &st), 0);
		raw = slurp(path);
		assert_memory_equal(raw, "%PDF-", 5);
		free(raw);
		txt = pdftotext(path, NULL);
		assert_non_null(strstr(txt, names[i]));
		assert_non_null(strstr(txt,
				       "Child trafficking and cross-border "
				       "collaboration"));
		assert_non_null(strstr(txt, "Version 3"));
		assert_non_null(strstr(txt, i ? "No. 000124" : "No. 000123"));
		assert_non_null(strstr(txt, fmt));
		assert_non_null(strstr(txt, "coursekiosk verify"));
		assert_non_null(strstr(txt, "14 March 2025"));
		assert_non_null(strstr(txt, i ? "No expiry" : "14 March 2027"));
		assert_non_null(strstr(txt, "Understanding child trafficking"));
		assert_non_null(strstr(txt, "92%"));
		assert_non_null(strstr(txt, "2025-03-02"));
		assert_non_null(strstr(txt, "CERTIFICATE OF COMPLETION"));
		free(txt);
	}
	assert_int_equal(files_in_tmpdir(), 2); /* cert.pdf + pdftotext.out */
}

/* pdftotext -bbox: every word of a certificate with a very long name,
 * course title and eight long modules lies inside the inner frame (31 pt
 * from each edge of A4) and on one page. */
static void pdf_long_texts_stay_inside_the_frame(void **state)
{
	struct cert_fields f = sample();
	char code[CERT_CODE_LEN + 1], path[512];
	struct err e = {0};
	char *html, *body, *p;
	int words = 0, pages = 0;

	(void)state;
	f.learner_name = "Maria-Magdalena Alexandrescu-Constantinescu von "
			 "Hohenzollern-Sigmaringen Ștefania Țăranu "
			 "Nguyễn Thị Ánh Wolfeschlegelsteinhausenbergerdorff";
	f.course_title = "Child trafficking and cross-border collaboration: "
			 "identification, referral, joint investigation and "
			 "long-term protection of children on the move in "
			 "Europe, with national Annexes";
	f.cert_title = "Certificate of successful completion and assessment";
	f.issuer = "NSPCC Child Trafficking Advice Centre (CTAC) and the "
		   "ICARUS partnership for cross-border collaboration";
	f.modules = eight_modules;
	f.nmodules = 8;
	snprintf(path, sizeof path, "%s/long.pdf", tmpdir);
	code_of(&f, code);
	if (cert_write_pdf(&f, code, path, &e) < 0)
		fail_msg("cert_write_pdf: %s", e.msg);
	/* CK_CERT_KEEP=FILE keeps the PDF, to look at it. */
	if (getenv("CK_CERT_KEEP"))
		assert_int_equal(link(path, getenv("CK_CERT_KEEP")), 0);
	html = pdftotext(path, "-bbox");
	/* Only the page: the <head> holds the PDF title with the name. */
	body = strstr(html, "<body>");
	assert_non_null(body);
	for (p = body; (p = strstr(p, "<page ")); p++)
		pages++;
	assert_int_equal(pages, 1);
	for (p = body; (p = strstr(p, "<word xMin=\"")); p++) {
		double x0, y0, x1, y1;

		if (sscanf(p,
			   "<word xMin=\"%lf\" yMin=\"%lf\" xMax=\"%lf\" "
			   "yMax=\"%lf\"",
			   &x0, &y0, &x1, &y1) != 4)
			fail_msg("cannot read %.80s", p);
		if (x0 < 31 || y0 < 31 || x1 > 595.276 - 31 || y1 > 841.89 - 31)
			fail_msg("word outside the frame: %.120s", p);
		words++;
	}
	assert_true(words > 100);
	/* Shrunk or wrapped, not cut: the name's last word is there. */
	assert_non_null(strstr(body, ">Wolfeschlegelsteinhausenbergerdorff<"));
	assert_non_null(strstr(body, ">Annexes<"));
	assert_null(strstr(body, "\xe2\x80\xa6")); /* no ellipsis anywhere */
	/* All eight rows, none folded into "and N more modules". */
	assert_non_null(strstr(body, ">2025-03-08<"));
	assert_null(strstr(body, ">more<"));
	free(html);
}

static void pdf_write_failures_are_clear_and_leave_nothing(void **state)
{
	struct cert_fields f = sample();
	char code[CERT_CODE_LEN + 1], path[512];
	struct err e = {0};
	int before;

	(void)state;
	code_of(&f, code);
	before = files_in_tmpdir();
	/* a folder that does not exist */
	snprintf(path, sizeof path, "%s/no/such/dir/c.pdf", tmpdir);
	assert_int_equal(cert_write_pdf(&f, code, path, &e), -1);
	assert_non_null(strstr(e.msg, path));
	assert_non_null(strstr(e.msg, strerror(ENOENT)));
	assert_int_equal(cert_write_text_path(&f, code, path, &e), -1);
	assert_non_null(strstr(e.msg, path));
	/* a path through a regular file (root ignores modes, this not) */
	snprintf(path, sizeof path, "%s/pdftotext.out/c.pdf", tmpdir);
	assert_int_equal(cert_write_pdf(&f, code, path, &e), -1);
	assert_non_null(strstr(e.msg, path));
	/* the path is a folder */
	assert_int_equal(cert_write_pdf(&f, code, tmpdir, &e), -1);
	assert_non_null(strstr(e.msg, "folder"));
	/* bad input: refused before any file exists */
	snprintf(path, sizeof path, "%s/bad.pdf", tmpdir);
	f.issued = "2025-02-30";
	assert_int_equal(cert_write_pdf(&f, code, path, &e), -1);
	assert_int_equal(cert_write_text_path(&f, code, path, &e), -1);
	f.issued = "2025-03-14";
	assert_int_equal(cert_write_pdf(&f, "nonsense", path, &e), -1);
	assert_int_equal(access(path, F_OK), -1);
	assert_int_equal(files_in_tmpdir(), before);
}

static void files_are_replaced_whole(void **state)
{
	struct cert_fields f = sample();
	char code[CERT_CODE_LEN + 1], fmt[CERT_CODE_FMT_SIZE], path[512];
	struct err e = {0};
	FILE *fp;
	char *t;
	int before;

	(void)state;
	code_of(&f, code);
	cert_code_format(code, fmt, sizeof fmt);
	snprintf(path, sizeof path, "%s/cert.txt", tmpdir);
	fp = fopen(path, "w");
	assert_non_null(fp);
	/* longer than the certificate: a non-truncating write would leave
	 * its tail behind */
	for (int i = 0; i < 2000; i++)
		fputs("stale stale stale\n", fp);
	fclose(fp);
	before = files_in_tmpdir();
	if (cert_write_text_path(&f, code, path, &e) < 0)
		fail_msg("cert_write_text_path: %s", e.msg);
	t = slurp(path);
	assert_null(strstr(t, "stale"));
	assert_non_null(strstr(t, fmt));
	assert_non_null(strstr(t, "Ștefania Țăranu"));
	free(t);
	assert_int_equal(files_in_tmpdir(), before); /* no temporaries */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(code_round_trips_through_format_and_parse),
	    cmocka_unit_test(parse_accepts_what_people_type),
	    cmocka_unit_test(parse_rejects_what_cannot_be_a_code),
	    cmocka_unit_test(one_changed_character_is_rejected),
	    cmocka_unit_test(every_covered_field_changes_the_mac),
	    cmocka_unit_test(name_is_compared_in_nfc_without_invisibles),
	    cmocka_unit_test(text_clean_and_dates),
	    cmocka_unit_test(serial_limits),
	    cmocka_unit_test(invalid_fields_are_refused),
	    cmocka_unit_test(format_truncates_safely),
	    cmocka_unit_test(text_has_every_fact),
	    cmocka_unit_test(text_refuses_a_bad_code),
	    cmocka_unit_test(pdf_shows_name_course_serial_and_code),
	    cmocka_unit_test(pdf_long_texts_stay_inside_the_frame),
	    cmocka_unit_test(pdf_write_failures_are_clear_and_leave_nothing),
	    cmocka_unit_test(files_are_replaced_whole),
	};
	return cmocka_run_group_tests(tests, make_tmpdir, remove_tmpdir);
}
