/* cli_stubs.c - TEMPORARY during development: weak placeholders so the
 * binary links while commands are being written.  Removed before release. */
#include <stdio.h>

#include "cli.h"

#define STUB(name)                                                       \
	__attribute__((weak)) int name(int argc, char **argv,              \
				       const struct globals *g)            \
	{                                                                  \
		(void)argc; (void)g;                                       \
		fprintf(stderr, "coursekiosk: %s: not implemented yet\n",  \
			argv[0]);                                          \
		return EXIT_FAIL;                                          \
	}

STUB(cmd_kiosk)
STUB(cmd_validate)
STUB(cmd_backup)
STUB(cmd_report)
STUB(cmd_learners)
STUB(cmd_learner)
STUB(cmd_certificate)
STUB(cmd_certificates)
STUB(cmd_verify)
STUB(cmd_revoke)
STUB(cmd_audit)
STUB(cmd_passwd)
