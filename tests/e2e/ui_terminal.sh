#!/usr/bin/env bash
# Full-screen UI and the terminal: resizing (to 20x5, 1x1 and back) with
# nothing lost mid-quiz, NO_COLOR, the terminal restored after SIGTERM,
# SIGHUP, SIGINT, SIGSEGV and SIGABRT, and no full screen where the
# terminal cannot do it.
. "$CK_ROOT/tests/e2e/lib.bash"
. "$CK_ROOT/tests/e2e/ui_lib.bash"

colour_re=$'\e\\[[0-9;]*(3[0-7]|4[0-7]|38;|48;)[0-9;]*m'

# ---- resizing mid-quiz ----
ui_start
must "welcome" 'Welcome'
tmx capture-pane -e -p -t ck >"$CK_TMP/colour.txt"
if grep -Eq "$colour_re" "$CK_TMP/colour.txt"; then ok "colour used when allowed"; else
	not_ok "colour used when allowed" "$(head -c 300 "$CK_TMP/colour.txt" | od -c | head)"; fi
ui_register "Ioana Stan" 1357
must "registered" 'Signed in: Ioana Stan' 20
keys Enter Enter
must "reader" 'Page 1 of 2'
ui_read_on 'Press Enter to begin'
keys Enter
must "quiz started" 'Question 1 of 4'
keys 2 Enter
must "feedback on question 1" 'Question 1 of 4'
keys Enter
must "question 2" 'Question 2 of 4'
n=$(option_number 'Owes a large debt')
keys "$n"
must "an option ticked" '\[x\] +Owes a large debt'
tmx resize-window -t ck -x 20 -y 5
wait_for "20x5 asks to enlarge the window" 'Please enlarge'
keys Space Enter
tmx resize-window -t ck -x 1 -y 1
sleep 0.5
tmx resize-window -t ck -x 59 -y 24
wait_for "59 columns is still too small" 'Please enlarge'
tmx resize-window -t ck -x 80 -y 24
wait_for "back at 80x24 the question returns" 'Question 2 of 4'
wait_for "the tick survived the resizes" '\[x\] +Owes a large debt' 1
wait_for "keys pressed while too small did nothing" '\[ \] +Another adult' 1
tmx resize-window -t ck -x 60 -y 18
wait_for "60x18 shows the question" 'Question 2 of 4'
tmx resize-window -t ck -x 80 -y 24
pid=$(ui_pid)
if [ -n "$pid" ] && kill -0 "$pid"; then ok "alive after 1x1"; else not_ok "alive after 1x1"; fi
keys Escape
must "leaving the quiz asks" 'Leave the quiz'
keys y q y q y
must "quits" 'exit status 0'
ui_stop

# ---- NO_COLOR ----
ui_start NO_COLOR=1 --
must "welcome without colour" 'Welcome'
keys n
must "form without colour" 'New trainee'
tmx capture-pane -e -p -t ck >"$CK_TMP/nocolour.txt"
if grep -Eq "$colour_re" "$CK_TMP/nocolour.txt"; then
	not_ok "NO_COLOR: no colour escapes" "$(grep -Eo "$colour_re" "$CK_TMP/nocolour.txt" | head -3 | od -c)"
else ok "NO_COLOR: no colour escapes"; fi
if grep -q $'\e\\[7m' "$CK_TMP/nocolour.txt"; then ok "NO_COLOR: reverse video still marks the header"; else
	not_ok "NO_COLOR: reverse video still marks the header"; fi
ui_stop

# ---- signals: the terminal is restored ----
for sig in TERM HUP INT SEGV ABRT; do
	tmx -u -f /dev/null new-session -d -s ck -x 80 -y 24 "env -i HOME=$HOME PATH=$PATH TERM=tmux-256color LANG=C.UTF-8 bash --norc --noprofile -i"
	tmx set-option -t ck remain-on-exit on >/dev/null 2>&1
	keys "PS1='ready> '" Enter
	tmux_wait 'ready>' 5
	# a non-interactive sh runs the kiosk: an interactive bash would put
	# the tty back itself after a job killed by a signal
	cat >"$CK_TMP/run.sh" <<RUN
$UI_VG '$CK_BIN' --courses '$UI_COURSES' --db '$UI_DB'
echo "status \$?"
stty -a | tr ' ;' '\n\n' | grep -Ex -- '-?(icanon|echo)' | tr '\n' ' '
echo
echo done
RUN
	keys "sh $CK_TMP/run.sh" Enter
	must "SIG$sig: kiosk running" 'Welcome'
	on=$(tmx display-message -p -t ck '#{alternate_on}')
	pid=$(pgrep -f -- "--db $UI_DB" | head -n1)
	kill -s "$sig" "$pid"
	if tmux_wait '^done' $((10 * UI_SLOW)); then
		scr=$(tmux_screen)
		if grep -Eq '^icanon echo' <<<"$scr"; then ok "SIG$sig: terminal back in cooked mode with echo"
		else not_ok "SIG$sig: terminal back in cooked mode with echo" "$scr"; fi
		off=$(tmx display-message -p -t ck '#{alternate_on}')
		if [ "$on" = 1 ] && [ "$off" = 0 ]; then ok "SIG$sig: alternate screen left"
		else not_ok "SIG$sig: alternate screen left" "before=$on after=$off"; fi
		if ! grep -q 'Welcome' <<<"$scr"; then ok "SIG$sig: kiosk screen gone"
		else not_ok "SIG$sig: kiosk screen gone" "$scr"; fi
	else
		not_ok "SIG$sig: the kiosk stopped" "$(tmux_screen)"
	fi
	ui_stop
done

# ---- no full screen where the terminal cannot do it ----
TERM=xterm-256color "$CK_BIN" --courses "$UI_COURSES" --db "$UI_DB" \
	</dev/null >"$CK_TMP/notty.out" 2>"$CK_TMP/notty.err"
if grep -q $'\e' "$CK_TMP/notty.out"; then
	not_ok "not a tty: no escape sequences written" "$(od -c "$CK_TMP/notty.out" | head)"
else ok "not a tty: no escape sequences written"; fi
for term in dumb "" no-such-terminal; do
	tmx -u -f /dev/null new-session -d -s ck -x 80 -y 24 "env TERM=$term LANG=C.UTF-8 '$CK_BIN' --courses '$UI_COURSES' --db '$UI_DB'; echo \"exit status \$?\"; sleep 3600"
	tmx set-option -t ck remain-on-exit on >/dev/null 2>&1
	# stdin is the pane's tty; the line mode (if it takes over) ends at EOF
	tmux_wait 'exit status|[Ww]elcome|coursekiosk' 10
	tmux_wait 'exit status' 1 || keys C-d
	tmux_wait 'exit status' 5
	if [ "$(tmx display-message -p -t ck '#{alternate_on}')" = 0 ] &&
	   ! tmux_screen | grep -q 'New trainee *first time'; then
		ok "TERM='$term': no full screen"
	else not_ok "TERM='$term': no full screen" "$(tmux_screen)"; fi
	ui_stop
done
