#!/usr/bin/env bash
# Full-screen UI: saving an answer fails because another process holds the
# database's write lock for longer than the 5 s busy timeout.  The screen
# must say the answer is NOT saved, why, and offer r to retry; the UI still
# answers keys; once the lock is gone, r saves the answer exactly once and
# the quiz goes on.
. "$CK_ROOT/tests/e2e/lib.bash"
. "$CK_ROOT/tests/e2e/ui_lib.bash"

# the busy timeout is real time; valgrind only slows what surrounds it
BUSY_WAIT=$((5 + 10 * UI_SLOW))

answers() { sqlite3 "$UI_DB" "SELECT count(*) FROM answer;" 2>&1; }

# ---- the lock holder: sqlite3 reading its commands from a FIFO ----------
LOCK_FIFO=$CK_TMP/lock.fifo
LOCK_OUT=$CK_TMP/lock.out
LOCK_PID=
lock_take() {
	mkfifo "$LOCK_FIFO" || return 1
	sqlite3 "$UI_DB" <"$LOCK_FIFO" >"$LOCK_OUT" 2>&1 &
	LOCK_PID=$!
	exec 3>"$LOCK_FIFO"
	# WAL mode: readers never block, so take the write lock and write
	# something; the kiosk's BEGIN IMMEDIATE then waits and times out
	printf '%s\n' "BEGIN IMMEDIATE;" \
		"INSERT INTO meta VALUES('savefail-lock','x');" \
		"SELECT 'lock-held';" >&3
	local i=0
	while [ $i -lt 200 ]; do
		grep -q lock-held "$LOCK_OUT" 2>/dev/null && return 0
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}
lock_drop() {
	[ -n "$LOCK_PID" ] || return 0
	printf '%s\n' "ROLLBACK;" ".quit" >&3 2>/dev/null
	exec 3>&-
	wait "$LOCK_PID"
	local rc=$?
	LOCK_PID=
	return $rc
}
cleanup() {
	if [ -n "$LOCK_PID" ]; then
		exec 3>&- 2>/dev/null
		kill "$LOCK_PID" 2>/dev/null
	fi
	tmux_stop
}
trap cleanup EXIT

# ---- to the first question ----------------------------------------------
ui_start
must "welcome" 'Welcome'
ui_register "Ioana Lungu" 1357
must "registered" 'Signed in: Ioana Lungu' 20
keys Enter Enter
must "reader" 'Page 1 of 2'
ui_read_on 'Press Enter to begin'
must "quiz intro" 'Press Enter to begin'
keys Enter
must "question 1" 'Question 1 of 4'
got=$(answers)
if [ "$got" = 0 ]; then ok "no answer stored yet"; else
	not_ok "no answer stored yet" "answers: $got"; fi

# ---- another process holds the write lock -------------------------------
if lock_take; then ok "another process holds the write lock"; else
	not_ok "another process holds the write lock" "$(cat "$LOCK_OUT" 2>/dev/null)"
	exit 1
fi

n=$(option_number 'Under 21')
keys "$n" Enter
must "save error shown after the busy timeout" 'could not be saved' "$BUSY_WAIT"
screen=$(tmux_screen)
printf '%s\n' "$screen" >"$CK_TMP/screen.err"
expect_no_grep "not shown as saved" "$CK_TMP/screen.err" 'answer is saved|Answer saved'
expect_no_grep "no verdict before it is saved" "$CK_TMP/screen.err" '✗ wrong|✓ right|Right answer:'
expect_grep "says the database is in use by another program" "$CK_TMP/screen.err" \
	'in use by another'
expect_grep "says how long it waited" "$CK_TMP/screen.err" 'more than 5 seconds'
expect_grep "says nothing is lost" "$CK_TMP/screen.err" 'Nothing is lost'
expect_grep "tells to press r" "$CK_TMP/screen.err" 'Press r to try saving it again'
expect_grep "key bar offers r" "$CK_TMP/screen.err" 'r retry saving'
expect_no_grep "key bar does not offer to go on" "$CK_TMP/screen.err" 'Enter continue'
got=$(answers)
if [ "$got" = 0 ]; then ok "nothing in the answer table while locked"; else
	not_ok "nothing in the answer table while locked" "answers: $got"; fi

# the UI still answers keys while the lock is held
keys '?'
must "help opens while the lock is held" 'r +Try to save the answer again'
keys Escape
must "help closes back to the save error" 'could not be saved'
keys Escape
wait_for "cannot leave an unsaved answer" 'not saved yet: press r' 2
wait_for "still on the save error" 'could not be saved' 1

# retrying while still locked fails again and keeps the answer pending
keys r
must "retry while locked says still not saved" 'Still not saved' "$BUSY_WAIT"
wait_for "save error stays after a failed retry" 'could not be saved' 1
got=$(answers)
if [ "$got" = 0 ]; then ok "still nothing stored after the failed retry"; else
	not_ok "still nothing stored after the failed retry" "answers: $got"; fi

# ---- the lock goes away; r saves ----------------------------------------
if lock_drop; then ok "lock holder rolled back and ended"; else
	not_ok "lock holder rolled back and ended" "$(cat "$LOCK_OUT")"; fi
keys r
must "retry saves the answer" 'Your answer is saved' 20
wait_for "status says saved" 'Answer saved' 1
wait_for "verdict shown once saved" '✗ wrong' 1
wait_for "the pending answer is the one given" 'Your answer:' 1
wait_for "... Under 21" 'Under 21' 1
expect_no_grep "no error left on screen" <(tmux_screen) 'could not be saved|Still not saved'

got=$(sqlite3 "$UI_DB" "SELECT count(*) FROM answer;" 2>&1)
if [ "$got" = 1 ]; then ok "exactly one answer row"; else
	not_ok "exactly one answer row" "answers: $got"; fi
got=$(sqlite3 "$UI_DB" "SELECT seq, correct FROM answer;" 2>&1)
if [ "$got" = "1|0" ]; then ok "the row is the first answer, marked wrong"; else
	not_ok "the row is the first answer, marked wrong" "got: $got"; fi
got=$(sqlite3 "$UI_DB" "SELECT count(*) FROM meta WHERE key = 'savefail-lock';" 2>&1)
if [ "$got" = 0 ]; then ok "the lock holder's write was rolled back"; else
	not_ok "the lock holder's write was rolled back" "got: $got"; fi

keys Enter
must "the quiz goes on" 'Question 2 of 4'
got=$(answers)
if [ "$got" = 1 ]; then ok "still one answer row after going on"; else
	not_ok "still one answer row after going on" "answers: $got"; fi

# ---- quit cleanly ---------------------------------------------------------
keys Escape
must "asked to leave the quiz" 'Leave the quiz'
keys y
must "modules" 'Recognising the signs'
keys q
must "asked to sign out" 'Sign out now'
keys y
must "welcome again" 'Welcome'
keys q
must "asked to quit" 'Quit coursekiosk'
keys y
must "quits cleanly" 'exit status 0' 20
got=$(answers)
if [ "$got" = 1 ]; then ok "one answer row after quitting"; else
	not_ok "one answer row after quitting" "answers: $got"; fi
