# tests/e2e/lib.bash - helpers for end-to-end tests; source it.
# Each test prints "ok - NAME" or "not ok - NAME" (tests/run counts them).
# CK_BIN is the binary; CK_TMP a private scratch folder (HOME and
# XDG_DATA_HOME already point inside it); CK_ROOT the source tree.
set -u
: "${CK_BIN:?}" "${CK_ROOT:?}"
CK_TMP=${CK_TMP:-$(mktemp -d)}
mkdir -p "$CK_TMP"

ok() { echo "ok - $*"; }
not_ok() { echo "not ok - $1"; shift; [ $# -gt 0 ] && printf '    %s\n' "$@"; return 0; }

# ck ARGS...: runs the binary (under valgrind when CK_VALGRIND=1; a memory
# error then exits 99).
ck() {
	if [ "${CK_VALGRIND:-}" = 1 ]; then
		valgrind -q --error-exitcode=99 --leak-check=full \
			--errors-for-leak-kinds=definite "$CK_BIN" "$@"
	else
		"$CK_BIN" "$@"
	fi
}

# expect_status NAME WANT CMD...: runs CMD, checks its exit status.
expect_status() {
	local name=$1 want=$2 got
	shift 2
	"$@" >"$CK_TMP/out" 2>"$CK_TMP/err"
	got=$?
	if [ "$got" -eq "$want" ]; then ok "$name"; else
		not_ok "$name" "exit $got, wanted $want" "stderr: $(head -c 600 "$CK_TMP/err")"
	fi
}

# expect_grep NAME FILE PATTERN: FILE contains PATTERN (extended regex).
expect_grep() {
	if grep -Eq -- "$3" "$2"; then ok "$1"; else
		not_ok "$1" "no /$3/ in $2:" "$(head -c 800 "$2")"
	fi
}

# expect_no_grep NAME FILE PATTERN
expect_no_grep() {
	if grep -Eq -- "$3" "$2"; then
		not_ok "$1" "unexpected /$3/ in $2:" "$(grep -E -- "$3" "$2" | head -n 5)"
	else ok "$1"; fi
}

# ---- tmux: a private server of fixed size ---------------------------------
TMUX_SOCK=$CK_TMP/tmux.sock
tmx() { tmux -S "$TMUX_SOCK" "$@"; }
# tmux_start W H CMD...: starts CMD in a new detached session "ck".
tmux_start() {
	local w=$1 h=$2
	shift 2
	tmx -f /dev/null new-session -d -s ck -x "$w" -y "$h" "$@"
	tmx set-option -t ck remain-on-exit on >/dev/null 2>&1 || true
}
tmux_screen() { tmx capture-pane -p -t ck 2>/dev/null; }
# tmux_wait PATTERN [SECONDS]: polls the screen until PATTERN shows.
tmux_wait() {
	local pat=$1 limit=${2:-10} i=0
	while [ "$i" -lt $((limit * 20)) ]; do
		tmux_screen | grep -Eq -- "$pat" && return 0
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}
tmux_keys() { tmx send-keys -t ck "$@"; }
tmux_stop() { tmx kill-server >/dev/null 2>&1 || true; }
trap tmux_stop EXIT
