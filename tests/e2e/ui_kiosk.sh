#!/usr/bin/env bash
# Full-screen UI with --kiosk: Ctrl-C, Ctrl-Z and Ctrl-\ do nothing;
# leaving needs the coordinator passphrase (refused while none is set);
# an idle trainee is signed out; F12 and Ctrl-L twice hide at once.
. "$CK_ROOT/tests/e2e/lib.bash"
. "$CK_ROOT/tests/e2e/ui_lib.bash"

# ---- idle sign-out (test hook: seconds instead of minutes) ----
ui_start CK_TEST_IDLE_SECONDS=3 -- --kiosk
must "kiosk welcome" 'Welcome'
wait_for "bar says q leaves, not quits" 'q leave' 1
if tmux_screen | grep -q 'q quit'; then not_ok "no plain quit in kiosk mode"; else ok "no plain quit in kiosk mode"; fi
ui_register "Elena Radu" 8642
must "registered" 'Signed in: Elena Radu' 20
keys Enter Enter
must "reading" 'Page 1 of 2'
wait_for "idle trainee signed out" 'signed out after .* without activity' 15
wait_for "back on the welcome screen" 'New trainee' 1
if tmux_screen | grep -q 'Signed in'; then not_ok "nobody signed in after idling" "$(tmux_screen)"
else ok "nobody signed in after idling"; fi
ui_stop

# ---- lock and quick-hide ----
ui_start -- --kiosk
must "kiosk welcome" 'Welcome'
pid=$(ui_pid)
keys C-c
keys C-z
keys 'C-\'
sleep 0.5
if kill -0 "$pid" 2>/dev/null && tmux_screen | grep -q 'New trainee'; then
	ok "Ctrl-C, Ctrl-Z and Ctrl-\\ do nothing"
else not_ok "Ctrl-C, Ctrl-Z and Ctrl-\\ do nothing" "$(tmux_screen)"; fi
kill -INT "$pid"
sleep 0.3
if kill -0 "$pid" 2>/dev/null; then ok "SIGINT ignored in kiosk mode"; else not_ok "SIGINT ignored in kiosk mode"; fi

keys q
must "no passphrase set: the kiosk stays open" 'This kiosk stays open'
wait_for "says how to set one" 'coursekiosk passwd' 1
keys Enter
must "still running" 'Welcome'

ui_signin "Elena Radu" 8642
must "signed in" 'Signed in: Elena Radu'
keys Enter Enter
must "reading" 'Page 1 of 2'
keys F12
if tmux_wait 'New trainee' 2 && ! tmux_screen | grep -q 'Signed in'; then
	ok "F12 hides at once and signs out"
else not_ok "F12 hides at once and signs out" "$(tmux_screen)"; fi

ui_signin "Elena Radu" 8642
must "signed in again" 'Signed in: Elena Radu'
keys Enter Enter
must "reading again, at the last page read" 'Page 1 of 2'
keys C-l
sleep 1.3
if tmux_screen | grep -q 'Page 1 of 2'; then ok "one Ctrl-L only redraws"; else
	not_ok "one Ctrl-L only redraws" "$(tmux_screen)"; fi
keys C-l C-l
if tmux_wait 'New trainee' 2 && ! tmux_screen | grep -q 'Signed in'; then
	ok "Ctrl-L twice hides at once and signs out"
else not_ok "Ctrl-L twice hides at once and signs out" "$(tmux_screen)"; fi

# ---- leaving with the passphrase set by `coursekiosk passwd` ---------------
if printf 'kiosk-secret-42\nkiosk-secret-42\n' |
	"$CK_BIN" --db "$UI_DB" passwd >/dev/null 2>&1; then
	keys q
	must "passphrase asked" 'Leave the kiosk'
	type_text "wrong-secret-00"
	wait_for "passphrase never echoed" 'Passphrase +\*+' 1
	keys Enter
	must "wrong passphrase refused" 'not right'
	type_text "kiosk-secret-42"
	keys Enter
	must "right passphrase closes the kiosk" 'exit status 0' 20
else
	not_ok "coursekiosk passwd sets the passphrase from a pipe"
fi
ui_stop
