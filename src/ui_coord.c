/* ui_coord.c - coordinator mode, reached with `c` on the welcome screen.
 *
 * For now it points to the command-line tools.  This is the place for the
 * coordinator screens (reports, certificates): push them from here, after
 * checking the coordinator passphrase (store_coord_check via ui->o->store). */
#include "ui.h"

void ui_coordinator(struct ui *ui)
{
	ui_message_push(ui, "Coordinator mode",
			"Coordinator mode: use the coursekiosk report/certificate "
			"commands. For example: coursekiosk report, coursekiosk "
			"certificate. See coursekiosk --help.");
}
