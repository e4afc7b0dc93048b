#!/usr/bin/env bash
# tests/e2e/coordinator_ui.sh - coordinator mode of the full-screen kiosk,
# in a private tmux server: the passphrase set on first use, finding a
# trainee, their modules, writing a certificate that `verify` accepts, the
# course statistics with the most-missed question, a wrong passphrase
# (audited), and the idle time-out that hides everything.  The bottom bar
# and the help come from the key table's coordinator screens (KS_COORD_*):
# checked on every coordinator screen, with `c` for the certificate; and a
# resize to 20x5 and back.  80x24, as a kiosk terminal.
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
	tmux_start 80 24 env LANG=C.UTF-8 LC_ALL=C.UTF-8 HOME="$HOME" "$@" \
		"$CK_BIN" --db "$db" --courses "$courses"
	tmux_wait 'New trainee|new trainee' 10
}
type_line() { tmux_keys -l "$1"; tmux_keys Enter; }
# Esc alone: a key right behind it would make it an escape sequence.
esc() { sleep 0.2; tmux_keys Escape; sleep 0.4; }
check_screen() { # NAME PATTERN [SECONDS]
	if tmux_wait "$2" "${3:-10}"; then ok "$1"; else not_ok "$1" "$(tmux_screen)"; fi
}
# the bottom bar: the last line drawn
bar() { tmux_screen | grep -v '^ *$' | tail -n1; }
# check_bar NAME TEXT [ABSENT]: the bar shows TEXT (fixed string) and, when
# given, not ABSENT.
check_bar() {
	local i=0
	while [ $i -lt 100 ] && ! bar | grep -qF -- "$2"; do sleep 0.05; i=$((i + 1)); done
	if ! bar | grep -qF -- "$2"; then
		not_ok "$1" "bar: $(bar)"
	elif [ -n "${3:-}" ] && bar | grep -qF -- "$3"; then
		not_ok "$1" "bar has '$3': $(bar)"
	else ok "$1"; fi
}
# help_has NAME PATTERN: ? opens the help, PATTERN shows, Esc closes it.
help_has() {
	tmux_keys '?'
	check_screen "$1" "$2"
	esc
}

# ---- first use: the passphrase is chosen here ---------------------------------
kiosk
tmux_keys c
check_screen "first use asks to choose a passphrase" "choose a passphrase"
tmux_keys F1
check_screen "help on choosing the passphrase speaks to the coordinator" "This screen is for the kiosk's coordinator"
if tmux_screen | grep -q "progress"; then
	not_ok "no trainee progress note on the new passphrase help"
else ok "no trainee progress note on the new passphrase help"; fi
esc
tmux_keys -l "short"; tmux_keys Tab; type_line "short"
check_screen "a short passphrase is refused" "at least 10 characters"
tmux_keys -l "coord-pass-1"; tmux_keys Tab; type_line "coord-pass-1"
check_screen "then coordinator mode opens" "Find a trainee by name"
if tmux_screen | grep -q "coord-pass"; then not_ok "the passphrase is never shown"; else ok "the passphrase is never shown"; fi
check_bar "menu bar from the table: Esc/q leaves, nobody is signed out" \
	"↑↓ move  Enter open  Esc/q leave  ? help" "sign out"
help_has "menu help: Esc/q leaves coordinator mode" "Esc/q +Leave coordinator mode"
help_has "coordinator help ends with the coordinator note" "Coordinator mode closes by itself"
if tmux_screen | grep -q "Your progress is saved"; then
	not_ok "no trainee note in coordinator help"; else ok "no trainee note in coordinator help"; fi

# ---- a trainee -------------------------------------------------------------------
tmux_keys Enter
check_screen "find asks for a name" "Find a trainee"
check_bar "find form bar: text keys only" "Tab next field  Enter continue  Esc back  F1 help"
type_line "ștef"
check_screen "the trainee is found (case-insensitive)" "Ștefania Țăranu"
check_screen "their modules show state, best score and attempts" "complete · best 50% · 1 attempt"
check_screen "and the dates" "completed 20[0-9][0-9]-"
check_screen "the course is complete" "2 of 2 modules complete"
check_bar "trainee bar offers c for the certificate" "c certificate  Esc/q back  ? help"
check_screen "the screen text names the key from the table" "Press c to write the certificate"
help_has "trainee help lists c" "c +Write the certificate"
# resize to 20x5 and back: the record and its bar come back
tmx resize-window -t ck -x 20 -y 5
check_screen "at 20x5 only a request to enlarge" "Please enlarge"
tmux_keys c
sleep 0.3
tmx resize-window -t ck -x 80 -y 24
check_screen "back at 80x24 the record returns" "2 of 2 modules complete"
check_bar "and its bar" "c certificate  Esc/q back"
if tmux_screen | grep -q "Write the certificate"; then
	not_ok "keys do nothing while the window is too small"; else ok "keys do nothing while the window is too small"; fi
tmux_keys c
check_screen "c offers to write the certificate" "Write the certificate of Ștefania Țăranu"
check_bar "certificate form bar" "Enter continue  Esc back  F1 help"
tmux_keys Enter
check_screen "the certificate is written" "Certificate No\. 000001 issued"
check_bar "certificate message bar: Enter OK" "Enter OK" "back"
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
check_bar "no c on the bar when incomplete" "Esc/q back  ? help" "certificate"
tmux_keys c
sleep 0.5
if tmux_screen | grep -q "Write the certificate"; then not_ok "c does nothing when incomplete"; else ok "c does nothing when incomplete"; fi
esc
check_screen "back to the find form" "Find a trainee"
# nothing typed: every trainee, in a list with its own bar
for _ in 1 2 3 4 5 6 7; do tmux_keys BSpace; done
tmux_keys Enter
check_screen "an empty search lists every trainee" "All 2 trainees"
check_bar "list bar from the table" "↑↓ move  Enter open  Esc/q back  ? help" "sign out"
help_has "list help: Esc/q goes back to the search" "Esc/q +Back to the search"
esc; esc
check_screen "back to the menu" "Find a trainee by name"

# ---- statistics ---------------------------------------------------------------------
tmux_keys Down; tmux_keys Enter
check_screen "statistics per module" "started 2 · completed 1 · average best score 50%"
check_screen "the most-missed question with its prompt" "1\. Agencies should share what they know"
check_screen "how often it was missed" "wrong 1 of 1 answers"
check_bar "statistics bar" "Esc/q back  ? help" "sign out"
esc
tmux_keys Down; tmux_keys Down; tmux_keys Enter
check_screen "leaving coordinator mode returns to the welcome screen" "New trainee|new trainee"

# ---- a wrong passphrase ----------------------------------------------------------------
tmux_keys c
check_screen "now the passphrase is asked" "Type the coordinator"
tmux_keys F1
check_screen "passphrase help says how to set or change it" "passwd sets or changes it"
if tmux_screen | grep -q "sign out\|progress"; then
	not_ok "passphrase help does not talk of signing out or progress"
else ok "passphrase help does not talk of signing out or progress"; fi
esc
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
check_bar "the closed notice's bar only leaves" "Enter welcome screen" "back"
tmux_keys x
check_screen "a key returns to the welcome screen" "New trainee|new trainee"
tmux_stop
