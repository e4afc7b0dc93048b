#!/usr/bin/env bash
# tests/e2e/coordinator_ui.sh - coordinator mode of the full-screen kiosk,
# in a private tmux server: the passphrase set on first use, finding a
# trainee, their modules, writing a certificate that `verify` accepts, the
# course statistics with the most-missed question, a wrong passphrase
# (audited), and the idle time-out that hides everything.
. "$(dirname "$0")/lib.bash"
cd "$CK_ROOT" || exit 1

build=${CK_BUILD:-build}
case $build in /*) ;; *) build=$CK_ROOT/$build ;; esac
SEED=$build/tests/tools/coord_seed
courses=$CK_ROOT/tests/fixtures/coord
db=$CK_TMP/ui.db
mkdir -p "$HOME"

id=$("$SEED" "$db" learner "Ștefania Țăranu" social-worker "DGASPC Sector 1" RO)
"$SEED" "$db" done "$id" short-course basics 1 2 50
"$SEED" "$db" done "$id" short-course referral 1 1
other=$("$SEED" "$db" learner "Ion Popescu" police "IGPF" RO)
"$SEED" "$db" started "$other" short-course basics 2

# kiosk [ENV=VALUE...]: starts the full-screen kiosk in tmux (fresh server).
n=0
kiosk() {
	n=$((n + 1))
	TMUX_SOCK=$CK_TMP/tmux-$n.sock
	tmux_start 100 30 env LANG=C.UTF-8 LC_ALL=C.UTF-8 HOME="$HOME" "$@" \
		"$CK_BIN" --db "$db" --courses "$courses"
	tmux_wait 'New trainee|new trainee' 10
}
type_line() { tmux_keys -l "$1"; tmux_keys Enter; }
# Esc alone: a key right behind it would make it an escape sequence.
esc() { sleep 0.2; tmux_keys Escape; sleep 0.4; }
check_screen() { # NAME PATTERN [SECONDS]
	if tmux_wait "$2" "${3:-10}"; then ok "$1"; else not_ok "$1" "$(tmux_screen)"; fi
}

# ---- first use: the passphrase is chosen here ---------------------------------
kiosk
tmux_keys c
check_screen "first use asks to choose a passphrase" "choose a passphrase"
tmux_keys -l "short"; tmux_keys Tab; type_line "short"
check_screen "a short passphrase is refused" "at least 10 characters"
tmux_keys -l "coord-pass-1"; tmux_keys Tab; type_line "coord-pass-1"
check_screen "then coordinator mode opens" "Find a trainee by name"
if tmux_screen | grep -q "coord-pass"; then not_ok "the passphrase is never shown"; else ok "the passphrase is never shown"; fi

# ---- a trainee -------------------------------------------------------------------
tmux_keys Enter
check_screen "find asks for a name" "Find a trainee"
type_line "ștef"
check_screen "the trainee is found (case-insensitive)" "Ștefania Țăranu"
check_screen "their modules show state, best score and attempts" "complete · best 50% · 1 attempt"
check_screen "and the dates" "completed 20[0-9][0-9]-"
check_screen "the course is complete" "2 of 2 modules complete"
tmux_keys c
check_screen "c offers to write the certificate" "Write the certificate"
tmux_keys Enter
check_screen "the certificate is written" "Certificate No\. 000001 issued"
pdf=$HOME/coursekiosk-certificates/stefania-taranu-short-course.pdf
if [ -s "$pdf" ] && pdftotext "$pdf" - | grep -q "Ștefania Țăranu"; then
	ok "the PDF names the trainee"; else not_ok "the PDF names the trainee" "$(ls -la "$HOME"/coursekiosk-certificates 2>&1)"; fi
code=$(pdftotext "$pdf" - 2>/dev/null | grep -oE '[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}' | head -n1)
expect_status "its code verifies" 0 ck --db "$db" verify "$code"
tmux_keys Enter
check_screen "the trainee's screen shows the certificate" "Certificate No\. 000001 issued"
esc; esc
check_screen "back to the menu" "Find a trainee by name"

# Someone who has not completed: no certificate offered.
tmux_keys Enter
type_line "popescu"
check_screen "a second trainee" "Ion Popescu"
check_screen "their module in progress" "in progress"
if tmux_screen | grep -q "Press c"; then not_ok "no certificate offered when incomplete"; else ok "no certificate offered when incomplete"; fi
esc; esc

# ---- statistics ---------------------------------------------------------------------
tmux_keys Down; tmux_keys Enter
check_screen "statistics per module" "started 2 · completed 1 · average best score 50%"
check_screen "the most-missed question with its prompt" "1\. Agencies should share what they know"
check_screen "how often it was missed" "wrong 1 of 1 answers"
esc
tmux_keys Down; tmux_keys Down; tmux_keys Enter
check_screen "leaving coordinator mode returns to the welcome screen" "New trainee|new trainee"

# ---- a wrong passphrase ----------------------------------------------------------------
tmux_keys c
check_screen "now the passphrase is asked" "Type the coordinator"
type_line "not-the-passphrase"
check_screen "a wrong passphrase is refused" "not right"
type_line "coord-pass-1"
check_screen "the right one opens it" "Find a trainee by name"
tmux_stop
ck --db "$db" audit >"$CK_TMP/audit.txt"
for a in passphrase-set signin signin-failed certificate-issued; do
	expect_grep "audit has $a" "$CK_TMP/audit.txt" " $a "
done

# ---- idle ---------------------------------------------------------------------------------
kiosk CK_TEST_COORD_IDLE_SECONDS=2
tmux_keys c
type_line "coord-pass-1"
tmux_keys Enter
type_line "ștef"
check_screen "the trainee is shown" "Ștefania Țăranu"
check_screen "after 2 s idle coordinator mode closes" "Coordinator mode closed" 8
if tmux_screen | grep -q "Țăranu"; then not_ok "nothing of the trainee stays on screen" "$(tmux_screen)"; else ok "nothing of the trainee stays on screen"; fi
tmux_keys x
check_screen "a key returns to the welcome screen" "New trainee|new trainee"
tmux_stop
