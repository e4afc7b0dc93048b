#!/usr/bin/env bash
# Full-screen UI, questions with long content at 80x24 and 60x18: a 5-pair
# match question shows every item AND every choice without scrolling, and
# keeps the choices on screen at 60x18 while the rows scroll; an order
# question's feedback lists one item a line; a long multiple-choice
# question scrolls with PgDn/PgUp at 60x18 (tests/fixtures/match-course).
. "$CK_ROOT/tests/e2e/lib.bash"
UI_COURSES=$CK_ROOT/tests/fixtures/match-course
. "$CK_ROOT/tests/e2e/ui_lib.bash"

lefts=('DGASPC' 'ANITP' 'DIICOT' 'Single Competent Authority' 'Romanian consulate')
rights=('Child-protection service of a county or sector'
	'Coordinates anti-trafficking work in Romania'
	'Specialist prosecutors for organised crime'
	'Makes NRM decisions in the UK'
	'Must report unaccompanied children')
order=('Make the child safe and call for help at once'
       'Record what you saw and what the child said'
       'Refer the child to the National Referral Mechanism'
       'Share what is known with the partner agency abroad')

# all_shown NAME TEXT...: ok when every TEXT is on the screen now.
all_shown() {
	local name=$1 scr missing=()
	shift
	scr=$(tmux_screen)
	for t in "$@"; do grep -qF -- "$t" <<<"$scr" || missing+=("$t"); done
	if [ ${#missing[@]} -eq 0 ]; then ok "$name"; else
		not_ok "$name" "missing: ${missing[*]}" "$scr"; fi
}

# choice_number TEXT: the number of a choice, read below "Choices:".
choice_number() {
	tmux_screen | sed -n '/Choices:/,$p' | grep -F -- "$1" | head -n1 |
		sed -E 's/^[^0-9]*([0-9]+)\..*/\1/'
}

ui_start
must "welcome" 'Welcome'
ui_register "Ana Test" 4711
must "registered" 'Signed in: Ana Test' 20
keys Enter
must "reader" 'Page 1 of 1'
ui_read_on 'Press Enter to begin'
must "quiz intro" 'Press Enter to begin'
keys Enter
must "match question" 'Question 1 of 3'

# 80x24, nothing pressed since the question opened
all_shown "80x24: the whole prompt shows" 'Match each body to its role' 'only one is right for each body'
all_shown "80x24: every item shows" "${lefts[@]}"
all_shown "80x24: every choice shows" "${rights[@]}"
wait_for "80x24: the instruction shows" "Type a choice's number for each item" 1
if tmux_screen | head -n 21 | grep -q '[↓↑]'; then not_ok "80x24: nothing to scroll" "$(tmux_screen)"
else ok "80x24: nothing to scroll"; fi

# match every item by the choice's number; rows grow, choices stay
i=0
for r in "${rights[@]}"; do
	n=$(choice_number "$r")
	if [ -z "$n" ]; then not_ok "choice '$r' numbered under Choices:" "$(tmux_screen)"; fi
	keys "$n"
	i=$((i + 1))
done
wait_for "every item matched" 'e\) Romanian consulate → [0-9]\. Must report' 2
all_shown "80x24 when matched: every choice still shows" "${rights[@]}"
all_shown "80x24 when matched: every item still shows" "${lefts[@]}"
if tmux_screen | grep -q 'not matched yet'; then
	not_ok "no row left unmatched" "$(tmux_screen)"; else ok "no row left unmatched"; fi

# 60x18 (the smallest): the highlighted row and every choice together
tmx resize-window -t ck -x 60 -y 18
must "60x18 shows the question" 'Question 1 of 3'
all_shown "60x18: every choice shows" "${rights[@]}"
wait_for "60x18: the highlighted row shows" '▸ e\) Romanian consulate' 1
keys Up Up Up Up
wait_for "60x18: moving up shows the first row" '▸ a\) DGASPC' 2
all_shown "60x18: every choice still shows" "${rights[@]}"
tmx resize-window -t ck -x 80 -y 24
must "back at 80x24" 'Question 1 of 3'
keys Enter
must "match answered right" '✓ right'
keys Enter

# order: answer wrong on purpose, then the right answer one item a line
must "order question" 'Question 2 of 3'
# an untouched order is no answer (the order shown is never right)
keys Enter
wait_for "an untouched order answers nothing" 'Put the items in order first' 2
# move the first row down one; should that make it right, once more
keys Space Down Space
order_right() {
	local scr i
	scr=$(tmux_screen)
	for ((i = 0; i < ${#order[@]}; i++)); do
		grep -Eq -- "$((i + 1))\. +${order[$i]}" <<<"$scr" || return 1
	done
}
if order_right; then keys Space Down Space; fi
keys Enter
must "order answered wrong" '✗ wrong'
scr=$(tmux_screen)
sed -n '/Right answer:/,$p' <<<"$scr" >"$CK_TMP/right.txt"
bad=0
for ((i = 0; i < ${#order[@]}; i++)); do
	grep -Eq "^ +$((i + 1))\. ${order[$i]}\$" "$CK_TMP/right.txt" || bad=1
done
if [ $bad = 0 ]; then ok "order feedback: one item a line"; else
	not_ok "order feedback: one item a line" "$scr"; fi
if grep -q 'Your answer:' <<<"$scr" &&
   [ "$(sed -n '/Your answer:/,/Right answer:/p' <<<"$scr" | grep -Ec '^ +[1-4]\. ')" = 4 ]; then
	ok "order feedback: the trainee's order one item a line"
else not_ok "order feedback: the trainee's order one item a line" "$scr"; fi
keys Enter

# a long multiple-choice question at 60x18: PgDn and PgUp scroll it
must "multiple question" 'Question 3 of 3'
tmx resize-window -t ck -x 60 -y 18
must "60x18 multiple" 'Question 3 of 3'
wait_for "60x18: the prompt shows first" 'Which of these can be signs' 1
if tmux_screen | grep -q 'Last option'; then
	not_ok "60x18: the last option is below the screen" "$(tmux_screen)"
else ok "60x18: the last option is below the screen"; fi
keys NPage NPage
wait_for "PgDn scrolls to the last option" 'Last option: the child owes' 2
keys PPage PPage
wait_for "PgUp scrolls back to the prompt" 'Which of these can be signs' 2
tmx resize-window -t ck -x 80 -y 24
must "back at 80x24 for the answer" 'Question 3 of 3'
for t in 'An adult who is not a parent' 'rehearsed' 'does not know the address' \
	 'Someone else pays' 'afraid to speak' 'Last option'; do
	n=$(option_number "$t")
	keys "$n"
done
keys Enter
must "multiple answered right" '✓ right'
keys Enter
must "results" 'Your score: 66%'
keys Enter
must "modules" 'Complete, best score 66%'
keys q
must "sign out asks" 'Sign out now'
keys y
must "welcome again" 'Welcome'
keys q
must "quit asks" 'Quit coursekiosk'
keys y
must "quits cleanly" 'exit status 0' 20
