#!/usr/bin/env bash
# Full-screen UI: kill -9 in the middle of a quiz, then sign in again and
# continue the same attempt at the next unanswered question.
. "$CK_ROOT/tests/e2e/lib.bash"
. "$CK_ROOT/tests/e2e/ui_lib.bash"

ui_start
must "welcome" 'Welcome'
ui_register "Minh Nguyễn" 2468
must "registered" 'Signed in: Minh Nguyễn' 20
keys Enter Enter
must "reader" 'Page 1 of 2'
ui_read_on 'Press Enter to begin'
must "quiz intro" 'Press Enter to begin'
keys Enter
must "question 1" 'Question 1 of 4'
n=$(option_number 'Under 21')
keys "$n" Enter
must "answer 1 given (wrong)" '✗ wrong'
keys Enter
must "question 2" 'Question 2 of 4'
n=$(option_number 'Owes a large debt')
keys "$n" Enter
must "answer 2 given" 'wrong'
keys Enter
must "question 3 showing" 'Question 3 of 4'

pid=$(ui_pid)
if [ -n "$pid" ] && kill -9 "$pid"; then ok "killed with -9 mid-quiz"; else
	not_ok "killed with -9 mid-quiz" "no pid"; fi
must "process gone" 'exit status 137'
ui_stop

ui_start
must "welcome after the crash" 'Welcome'
ui_signin "Minh Nguyễn" 2468
must "signed in after the crash" 'Signed in: Minh Nguyễn'
wait_for "module shows in progress" 'In progress'
keys Enter
must "opening the module goes to the quiz (no content note the second time)" 'Press Enter to begin'
keys Enter
must "the same attempt continues at question 3" 'Question 3 of 4'
wait_for "told it continues" 'continue where you stopped' 1
wait_for "still attempt 1" 'Attempt 1 of 3' 1
keys t Enter
must "answer 3 given" 'wrong'
keys Enter
type_text NRM
keys Enter
must "answer 4 given" '✓ right'
keys Enter
must "results after resuming" 'Your score: 25%'
wait_for "not passed in words" '✗ Not passed' 1
wait_for "the missed critical question is named" 'must be right to pass, and were not' 1
wait_for "... with its prompt" '• Up to what age is someone a child here' 1
wait_for "the answers from before the crash count" "Your answer: Under 21" 1
keys Enter
must "modules" 'Recognising the signs'
keys q y q y
must "quits" 'exit status 0'
