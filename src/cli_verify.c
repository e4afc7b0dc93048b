/* cli_verify.c - `coursekiosk verify CODE...` (is this certificate
 * genuine, and still valid?) and `coursekiosk revoke SERIAL`. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cert.h"
#include "cli.h"
#include "cli_coord.h"
#include "isodate.h"
#include "store.h"

static const char verify_help[] =
	"usage: coursekiosk verify CODE...\n"
	"\n"
	"Checks certificate verification codes against this installation's\n"
	"records and prints, for a genuine code, who holds the certificate (or\n"
	"\"an erased trainee\"), the course and version, the issue date, until\n"
	"when it is valid and whether it was revoked.\n"
	"\n"
	"A code may be typed with or without spaces or dashes, in either case\n"
	"(\"ABCD-EFGH-JKMN-PQRS\", \"abcd efgh jkmn pqrs\"); I and L are read as 1,\n"
	"O as 0.  A code split over several arguments is joined.\n"
	"\n"
	"Exit status: 0 when every code is valid; 1 when one is unknown,\n"
	"altered, expired or revoked.\n"
	"\n"
	"Environment: COURSEKIOSK_NOW=YYYY-MM-DD replaces today's date (UTC), to\n"
	"check how certificates age.\n";

static const char revoke_help[] =
	"usage: coursekiosk revoke SERIAL [--reason TEXT]\n"
	"\n"
	"Revokes the certificate with this serial number (\"42\", \"000042\" or\n"
	"\"No. 000042\"): `verify` then reports it as revoked.  Recorded in the\n"
	"audit log (certificate-revoked) with the reason, if given.\n";

/* Constant time: how long a comparison takes tells nothing of the code. */
static bool same_code(const char *a, const char *b)
{
	unsigned char d = 0;

	if (!a || !b || strlen(a) != CERT_CODE_LEN || strlen(b) != CERT_CODE_LEN)
		return false;
	for (size_t i = 0; i < CERT_CODE_LEN; i++)
		d |= (unsigned char)(a[i] ^ b[i]);
	return d == 0;
}

static void print_date(const char *label, const char *ymd)
{
	char buf[64];

	if (ymd && cert_date_long(ymd, buf, sizeof(buf), NULL) == 0)
		printf("  %-13s %s (%s)\n", label, buf, ymd);
	else
		printf("  %-13s %s\n", label, ymd ? ymd : "-");
}

/* Checks one parsed code; prints the verdict.  1 valid, 0 not, -1 error. */
static int verify_one(struct store *s, const struct catalog *cat,
		      const unsigned char *key, const char *code,
		      unsigned long serial, const char *today)
{
	char fmt[CERT_CODE_FMT_SIZE];
	struct cert_record rec = { 0 };
	struct err e = { 0 };
	const struct course *c;
	char *name = NULL;
	int valid = 0;

	cert_code_format(code, fmt, sizeof(fmt));
	if (store_cert_get(s, serial, &rec, &e) < 0) {
		if (e.code != ERR_NOTFOUND) {
			coord_fail_err("verify", &e);
			return -1;
		}
		printf("%s: NOT VALID - unknown: no certificate with this code was "
		       "issued here\n", fmt);
		return 0;
	}
	c = catalog_find(cat, rec.course_id);
	if (!same_code(code, rec.code)) {
		/* Nothing about the holder: codes must not reveal names. */
		printf("%s: NOT VALID - altered or mistyped: it does not match "
		       "certificate No. %06lu\n", fmt, serial);
		goto out;
	}
	if (rec.learner_name) {
		/* The record too must be what the code was made over. */
		struct cert_fields f = {
			.serial = rec.serial,
			.learner_id = rec.learner_id,
			.learner_name = rec.learner_name,
			.course_id = rec.course_id,
			.course_title = c ? c->title : rec.course_id,
			.course_version = rec.course_version,
			.issued = rec.issued,
			.expires = rec.expires,
		};

		if (!cert_code_check(key, &f, code)) {
			printf("%s: NOT VALID - the record of certificate No. %06lu "
			       "was altered\n", fmt, serial);
			goto out;
		}
		name = cert_text_clean(rec.learner_name);
	}
	if (rec.revoked)
		printf("%s: NOT VALID - revoked\n", fmt);
	else if (rec.expires && strcmp(today, rec.expires) > 0)
		printf("%s: NOT VALID - expired\n", fmt);
	else {
		printf("%s: VALID\n", fmt);
		valid = 1;
	}
	printf("  %-13s No. %06lu\n", "Certificate", rec.serial);
	printf("  %-13s %s\n", "Issued to", name ? name : "an erased trainee");
	if (c)
		printf("  %-13s %s (%s), version %d\n", "Course", c->title,
		       rec.course_id, rec.course_version);
	else
		printf("  %-13s %s, version %d\n", "Course", rec.course_id,
		       rec.course_version);
	print_date("Issued", rec.issued);
	if (rec.expires)
		print_date("Valid until", rec.expires);
	else
		printf("  %-13s %s\n", "Valid until", "no expiry");
	if (rec.revoked)
		printf("  %-13s yes, %s\n", "Revoked", rec.revoked_at ? rec.revoked_at : "");
	else
		printf("  %-13s no\n", "Revoked");
out:
	free(name);
	cert_record_release(&rec);
	return valid;
}

struct typed_code {
	const char *arg;         /* as typed */
	bool ok;                 /* parses as a code */
	char code[CERT_CODE_LEN + 1];
	unsigned long serial;
};

/* Each argument a code; but when some are not and all of them joined are
 * one, a code typed in groups ("verify ABCD EFGH JKMN PQRS").  Returns the
 * number of entries filled. */
static int read_codes(int nargs, char **args, struct typed_code *v)
{
	int nok = 0;
	size_t len = 1;
	char *joined;

	for (int i = 0; i < nargs; i++) {
		v[i].arg = args[i];
		v[i].ok = cert_code_parse(args[i], v[i].code, &v[i].serial, NULL) == 0;
		nok += v[i].ok;
		len += strlen(args[i]);
	}
	if (nok == nargs || nargs == 1)
		return nargs;
	joined = calloc(len, 1);
	if (!joined)
		return nargs;
	for (int i = 0; i < nargs; i++)
		strcat(joined, args[i]);
	if (cert_code_parse(joined, v[0].code, &v[0].serial, NULL) == 0) {
		v[0].arg = args[0];
		v[0].ok = true;
		free(joined);
		return 1;
	}
	free(joined);
	/* v[0] was overwritten only on success: parse it again as typed. */
	v[0].ok = cert_code_parse(args[0], v[0].code, &v[0].serial, NULL) == 0;
	return nargs;
}

int cmd_verify(int argc, char **argv, const struct globals *g)
{
	const struct coord_opt opts[] = { { 0 } };
	char today[ISODATE_SIZE];
	unsigned char key[CERT_KEY_BYTES];
	struct typed_code *v = NULL;
	struct catalog cat = { 0 };
	struct diags d;
	struct err e = { 0 };
	struct store *s = NULL;
	int nops, r, n, status = EXIT_FAIL;
	bool all_valid = true;

	r = coord_parse("verify", argc, argv, opts, &nops, verify_help);
	if (r)
		return r == 1 ? EXIT_OK : r;
	if (!nops) {
		coord_fail("verify", "which code?\nTry 'coursekiosk verify --help'.");
		return EXIT_USAGE;
	}
	if (isodate_today(today, &e) < 0) {
		coord_fail_err("verify", &e);
		return EXIT_FAIL;
	}
	v = calloc((size_t)nops, sizeof(*v));
	if (!v) {
		coord_fail("verify", "out of memory");
		return EXIT_FAIL;
	}
	n = read_codes(nops, argv + 1, v);
	s = coord_open_store("verify", g, STORE_READONLY);
	if (!s)
		goto done;
	/* For course titles only: a course folder that is gone is no reason
	 * not to answer. */
	diags_init(&d);
	catalog_load(&cat, g->courses, &d, NULL);
	diags_release(&d);
	if (store_secret_key(s, key, &e) < 0) {
		coord_fail_err("verify", &e);
		goto done;
	}
	for (int i = 0; i < n; i++) {
		if (i)
			putchar('\n');
		if (!v[i].ok) {
			printf("%s: NOT VALID - not a verification code "
			       "(16 letters and digits)\n", v[i].arg);
			all_valid = false;
			continue;
		}
		r = verify_one(s, &cat, key, v[i].code, v[i].serial, today);
		if (r < 0)
			goto done;
		all_valid &= r == 1;
	}
	status = all_valid ? EXIT_OK : EXIT_FAIL;
done:
	explicit_bzero(key, sizeof(key));
	fflush(stdout);
	free(v);
	catalog_release(&cat);
	store_close(s);
	return status;
}

/* "42", "000042", "No. 000042", "No.42" -> 42. */
static int parse_serial(const char *a, unsigned long *out)
{
	char *end;

	if (!strncasecmp(a, "no.", 3))
		a += 3;
	while (*a == ' ')
		a++;
	if (!isdigit((unsigned char)*a))
		return -1;
	errno = 0;
	*out = strtoul(a, &end, 10);
	return *end || errno || *out == 0 ? -1 : 0;
}

int cmd_revoke(int argc, char **argv, const struct globals *g)
{
	const char *reason = NULL;
	const struct coord_opt opts[] = {
		{ "reason", 0, &reason, NULL },
		{ 0 },
	};
	struct cert_record rec = { 0 };
	struct err e = { 0 };
	unsigned long serial;
	struct store *s;
	int nops, r, status = EXIT_FAIL;

	r = coord_parse("revoke", argc, argv, opts, &nops, revoke_help);
	if (r)
		return r == 1 ? EXIT_OK : r;
	if (nops != 1) {
		coord_fail("revoke", "give one serial number\n"
			   "Try 'coursekiosk revoke --help'.");
		return EXIT_USAGE;
	}
	if (parse_serial(argv[1], &serial) < 0) {
		coord_fail("revoke", "'%s' is not a serial number (like 000042)", argv[1]);
		return EXIT_USAGE;
	}
	s = coord_open_store("revoke", g, 0);
	if (!s)
		return EXIT_FAIL;
	if (store_cert_get(s, serial, &rec, &e) < 0) {
		if (e.code == ERR_NOTFOUND)
			coord_fail("revoke", "no certificate No. %06lu", serial);
		else
			coord_fail_err("revoke", &e);
		goto done;
	}
	if (rec.revoked) {
		printf("Certificate No. %06lu was already revoked (%s).\n", serial,
		       rec.revoked_at ? rec.revoked_at : "");
		status = EXIT_OK;
		goto done;
	}
	if (store_cert_revoke(s, serial, &e) < 0) {
		coord_fail_err("revoke", &e);
		goto done;
	}
	if (coord_audit("revoke", s, "certificate-revoked", "serial=%lu learner=%s "
			"course=%s version=%d%s%s", serial, rec.learner_id,
			rec.course_id, rec.course_version, reason ? " reason=" : "",
			reason ? reason : "") < 0)
		goto done;
	printf("Certificate No. %06lu revoked.\n", serial);
	status = EXIT_OK;
done:
	cert_record_release(&rec);
	store_close(s);
	return status;
}
