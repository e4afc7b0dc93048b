# tests/e2e/ui_lib.bash - helpers for the full-screen UI tests (ui_*.sh);
# source it after lib.bash.  The UI runs in a private tmux server at 80x24
# on the fixture course, with its own database.
export LANG=C.UTF-8 LC_ALL=C.UTF-8
UI_COURSES=${UI_COURSES:-$CK_ROOT/tests/fixtures/ui-course}
UI_DB=$CK_TMP/progress.db
UI_SLOW=1
UI_VG=
if [ "${CK_VALGRIND:-}" = 1 ]; then
	UI_VG="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite --log-file=$CK_TMP/vg.%p"
	UI_SLOW=6
fi

# ui_start [ENV=VALUE ...] -- [ARGS...]: starts the kiosk in the pane; when
# it ends the pane shows "exit status N".
ui_start() {
	# the pane speaks tmux: its TERM must match for Home, End and F keys
	local envs=()
	while [ $# -gt 0 ] && [ "$1" != -- ]; do envs+=("$1"); shift; done
	[ "${1:-}" = -- ] && shift
	local cmd
	cmd="env TERM=tmux-256color LANG=C.UTF-8 ${envs[*]} $UI_VG '$CK_BIN' --courses '$UI_COURSES' --db '$UI_DB' $*; echo \"exit status \$?\"; sleep 3600"
	tmx -u -f /dev/null new-session -d -s ck -x 80 -y 24 "$cmd"
	tmx set-option -t ck remain-on-exit on >/dev/null 2>&1 || true
}

# ui_pid: the kiosk's process id (the child of the pane's shell).
ui_pid() {
	local shell
	shell=$(tmx display-message -p -t ck '#{pane_pid}')
	pgrep -P "$shell" | head -n1
}

# wait_for NAME PATTERN [SECONDS]: ok/not ok on whether PATTERN shows.
wait_for() {
	local name=$1 pat=$2 secs=${3:-10}
	if tmux_wait "$pat" $((secs * UI_SLOW)); then ok "$name"; return 0; fi
	not_ok "$name" "no /$pat/ on screen:" "$(tmux_screen)"
	return 1
}

# must NAME PATTERN [SECONDS]: like wait_for, but stops the script on failure.
must() {
	wait_for "$@" || { tmux_stop; exit 1; }
}

# keys ARGS...: send keys, then a short pause so the UI takes them in order.
keys() {
	tmux_keys "$@"
	sleep 0.15
}

# type_text TEXT: literal text.
type_text() {
	tmx send-keys -t ck -l -- "$1"
	sleep 0.15
}

# option_number TEXT: the number shown before an option, item or choice.
option_number() {
	tmux_screen | grep -F -- "$1" | head -n1 |
		sed -E 's/^[^0-9]*([0-9]+)[.]? .*/\1/'
}

# ui_register NAME PIN: from the welcome screen to the module list.
ui_register() {
	keys n
	must "registration form shows" 'New trainee'
	type_text "$1"
	keys Tab Tab
	type_text "Test org"
	keys Tab
	type_text "România"
	keys Tab
	type_text "$2"
	keys Tab
	type_text "$2"
	keys Enter
}

# ui_signin NAME PIN
ui_signin() {
	keys s
	must "sign-in form shows" 'Sign in'
	type_text "$1"
	keys Tab
	type_text "$2"
	keys Enter
}

# ui_stop: stops the tmux server and waits until it is gone, so the next
# one can start on the same socket.
ui_stop() {
	local i=0
	tmux_stop
	while [ $i -lt 100 ] && tmx ls >/dev/null 2>&1; do sleep 0.05; i=$((i + 1)); done
	rm -f "$TMUX_SOCK"
}

# ui_read_on PATTERN: presses n (read on down the page, then the next page)
# until PATTERN shows, at most 30 times; ok/not ok like wait_for.
ui_read_on() {
	local pat=$1 i=0
	while [ $i -lt 30 ]; do
		tmux_wait "$pat" 1 && { ok "read on to /$pat/"; return 0; }
		keys n
		i=$((i + 1))
	done
	wait_for "read on to /$pat/" "$pat" 2
}
