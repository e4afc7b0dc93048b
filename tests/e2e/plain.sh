#!/usr/bin/env bash
# tests/e2e/plain.sh - the line mode through pipes: a whole course from
# registration to completion (the fixture course, and the shipped course
# when present), end of input at every step, kill -9 mid-quiz and resume,
# "Saved." only after the commit (a locked database), the wrong-PIN
# back-off, attempts cap and review, pages, notes, sources and hints.
# The right answers are read from the course XML (plain_drive.py).
. "$(dirname "$0")/lib.bash"
cd "$CK_ROOT" || exit 1

# The fixture course (a converted copy while the loader disagrees with
# format.md; see loader_form_copy in plain_drive.py).
fx=$(python3 tests/e2e/plain_drive.py --fixture-path)
export CK_PLAIN_FIXTURE=$fx

# Start-up with nothing to read: the welcome screen, then a clean exit.
expect_status "stdin at EOF exits 0" 0 ck --db "$CK_TMP/eof.db" \
	--courses "$fx" --plain </dev/null
expect_grep "the welcome screen lists courses and choices" "$CK_TMP/out" \
	'Kiosk test course \(3 modules\)'
expect_grep "welcome offers new trainee and sign in" "$CK_TMP/out" \
	'1\. New trainee'

# Not a terminal and no --plain: falls back to the line mode and says so.
expect_status "no terminal: falls back to the line mode" 0 ck \
	--db "$CK_TMP/fb.db" --courses "$fx" </dev/null
expect_grep "the fallback is explained on stderr" "$CK_TMP/err" \
	'cannot do full screen .*using the line mode'

# A folder without any loadable course: exit 1 with a message.
mkdir -p "$CK_TMP/empty"
expect_status "no course loaded: exit 1" 1 ck --db "$CK_TMP/none.db" \
	--courses "$CK_TMP/empty" --plain </dev/null
expect_status "bad option: exit 2" 2 ck --plain --idle-timeout soon </dev/null
expect_status "--help: exit 0" 0 ck --help

# The database file is private.
mode=$(stat -c %a "$CK_TMP/eof.db" 2>/dev/null)
if [ "$mode" = 600 ]; then ok "database created 0600"; else
	not_ok "database created 0600" "mode $mode"; fi

python3 tests/e2e/plain_drive.py

# At a terminal the PIN is not echoed (termios), in a private tmux server.
if command -v tmux >/dev/null; then
	tmux_start 80 24 "$CK_BIN" --db "$CK_TMP/tty.db" --courses "$fx" --plain
	if tmux_wait 'Choose:' 10; then
		tmux_keys 1 Enter 'Tty Person' Enter 1 Enter Enter Enter
		tmux_wait 'PIN of at least 4 digits' 10
		tmux_keys 97531 Enter
		if tmux_wait 'Type the PIN again' 10 &&
			! tmux_screen | grep -q 97531; then
			ok "the PIN is not echoed at a terminal"
		else
			not_ok "the PIN is not echoed at a terminal" "$(tmux_screen)"
		fi
		tmux_keys 97531 Enter
		if tmux_wait 'Signed in as Tty Person' 10 &&
			! tmux_screen | grep -q 97531; then
			ok "echo comes back after the PIN"
			tmux_keys s Enter
			tmux_keys abc
			if tmux_wait 'Choose: abc' 10; then ok "typed text echoes again"; else
				not_ok "typed text echoes again" "$(tmux_screen)"; fi
		else
			not_ok "echo comes back after the PIN" "$(tmux_screen)"
		fi
	else
		not_ok "line mode starts in tmux" "$(tmux_screen)"
	fi
	tmux_stop
fi

# --kiosk: leaving needs the coordinator passphrase; none is set here.
printf 'q\n' | ck --db "$CK_TMP/k.db" --courses "$fx" --plain --kiosk \
	>"$CK_TMP/out" 2>"$CK_TMP/err"
expect_grep "--kiosk: q does not quit without a coordinator" "$CK_TMP/out" \
	'locked and no coordinator passphrase is set'
