#!/usr/bin/env bash
# Full-screen UI, the whole trainee path in tmux at 80x24: register, read a
# module (content note, pages, scrolling, sources), answer its quiz right
# and wrong with immediate feedback, see results and the review, take the
# second module's order and match questions (deferred feedback), finish the
# course, sign out, sign in again (a wrong PIN first), quit.
. "$CK_ROOT/tests/e2e/lib.bash"
. "$CK_ROOT/tests/e2e/ui_lib.bash"

ui_start
must "welcome screen" 'Welcome'
wait_for "welcome lists the course" 'Safeguarding across borders'
wait_for "welcome offers New trainee and Sign in" 'New trainee' 1
wait_for "welcome offers Sign in" 'Sign in' 1
wait_for "key bar on the welcome screen" 'n new trainee.*s sign in.*q quit.*\? help' 1

keys '?'
wait_for "help lists the quick-hide key" 'F12 +Hide at once'
keys Escape
must "help closes" 'Welcome'

# registration: the PINs must match, and are never shown
keys n
must "registration form" 'New trainee'
type_text "Ana Popescu"
keys Tab Right Tab
type_text "Salvați Copiii"
keys Tab
type_text "România"
keys Tab
type_text 4711
keys Tab
type_text 9999
keys Enter
wait_for "different PINs are refused" 'PINs are not the same'
if tmux_screen | grep -Eq '4711|9999'; then
	not_ok "PIN never echoed" "$(tmux_screen)"
else ok "PIN never echoed"; fi
type_text 4711
keys Tab
type_text 4711
keys Enter
must "registered and signed in" 'Signed in: Ana Popescu' 20
wait_for "module list shows states" 'Not started'
wait_for "second module is locked" 'Locked: complete "Recognising the signs" first' 1
wait_for "estimated minutes shown" '15 min' 1

# reading
keys Enter
must "content note before the module" 'Before you begin'
wait_for "content note text" 'describes the exploitation of children' 1
keys Enter
must "reader opens at page 1" 'Page 1 of 2'
wait_for "Romanian diacritics shown" 'Ștefan and Ioana travel from Brașov' 1
wait_for "Vietnamese shown" 'Tiếng Việt: a family in Hà Nội' 1
wait_for "wide characters shown" '日本語のテキスト' 1
wait_for "key point note labelled" 'Key point' 1
wait_for "inline citation marker" 'nationality \[s1\]' 1
keys n
must "next page" 'Page 2 of 2'
wait_for "long page offers scrolling" 'More below' 1
wait_for "n reads on while text is left below" 'n/→ more' 1
keys NPage NPage
wait_for "scrolled to the end of the page" 'Bottom of the long page'
wait_for "last page offers the quiz" 'n/→ quiz' 1
wait_for "warning note labelled" 'Warning' 1
keys s
must "sources open from the reader" 'Sources of "Recognising the signs"'
wait_for "cited source marked" 'cited on the page you are reading' 1
keys Escape
must "back in the reader" 'Page 2 of 2'

# quiz, with immediate feedback
keys n
must "quiz intro" 'Press Enter to begin'
wait_for "quiz intro shows the pass mark" 'you need 75%' 1
keys Enter
must "first question" 'Question 1 of 4'
wait_for "critical question flagged" 'must be right to pass' 1
keys h
wait_for "hint on request" 'Think of the UN Convention'
n=$(option_number 'Under 18')
keys "$n" Enter
must "right answer marked with a word and symbol" '✓ right'
wait_for "why shown" 'Yes: the UN definition' 1
wait_for "explanation shown" 'anyone under 18' 1
keys Enter
must "second question" 'Question 2 of 4'
n=$(option_number 'Another adult holds the passport')
keys "$n"
wait_for "Space/digit ticks a box" '\[x\] +Another adult' 2
keys Enter
must "wrong answer marked" '✗ wrong'
wait_for "right answer given" 'Right answer:' 1
keys Enter
must "true/false question" 'Question 3 of 4'
keys f Enter
must "true/false right" '✓ right'
keys Enter
must "text question" 'Question 4 of 4'
type_text "nrm"
wait_for "typed answer shows" 'Your answer: nrm'
keys Enter
must "text answer right" '✓ right'
keys Enter
must "results" 'Your score: 75%'
wait_for "pass mark on results" 'Pass mark: 75%' 1
wait_for "passed shown in words" '✓ Passed' 1
wait_for "review of every question" 'Review of every question' 1
keys End
wait_for "review reaches the last question" 'Name the UK referral framework'
keys Enter
must "back to modules, module complete" 'Complete, best score 75%'
wait_for "second module unlocked" 'Not started'

# module 2: order and match, deferred feedback
keys Down Enter
must "second module opens" 'Page 1 of 1'
ui_read_on 'results and every right answer at the end'
must "second quiz intro" 'results and every right answer at the end'
keys Enter
must "order question" 'Put these steps in order'
pos=1
for item in 'Make the child safe' 'Record what you saw' 'Refer to the NRM'; do
	n=$(option_number "$item")
	keys Up Up Up Up
	for ((i = 1; i < n; i++)); do keys Down; done
	keys Space
	for ((i = n; i > pos; i--)); do keys Up; done
	keys Space
	pos=$((pos + 1))
done
if tmux_screen | grep -A2 -E '1\. +Make the child safe' | grep -Eq '3\. +Refer to the NRM'; then
	ok "order items moved into place"
else not_ok "order items moved into place" "$(tmux_screen)"; fi
keys Enter
must "deferred: saved without a verdict" 'Answer saved'
wait_for "match question" 'Match each agency'
for right in 'Investigate the crime' 'Care for the child' 'Spot signs at arrival'; do
	n=$(tmux_screen | sed -n '/Choices:/,$p' | grep -F -- "$right" | sed -E 's/^[^0-9]*([0-9]+)\..*/\1/')
	keys "$n"
done
wait_for "every item matched" 'c\) +Border force' 1
if tmux_screen | grep -q 'not matched yet'; then
	not_ok "no row left unmatched" "$(tmux_screen)"; else ok "no row left unmatched"; fi
keys Enter
must "course complete on results" 'coordinator can print your certificate'
wait_for "second quiz passed" 'Your score: 100%' 1
keys Enter
must "module list says the course is complete" 'Course complete. A coordinator can print'

# sign out, sign in again
keys Escape
must "sign out asks first" 'Sign out now'
keys y
must "signed out to the welcome screen" 'You are signed out'
if tmux_screen | grep -q 'Signed in'; then
	not_ok "nobody signed in after sign-out"; else ok "nobody signed in after sign-out"; fi
ui_signin "Ana Popescu" 1111
must "wrong PIN refused" 'do not match'
type_text 4711
keys Enter
must "signed in again" 'Welcome back, Ana Popescu'
wait_for "progress kept" 'Complete, best score 100%'

keys q
must "q on modules asks to sign out" 'Sign out now'
keys y
must "welcome again" 'Welcome'
keys q
must "quit asks first" 'Quit coursekiosk'
keys y
must "quits cleanly" 'exit status 0'
