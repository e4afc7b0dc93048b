#!/usr/bin/env bash
# tests/bench/startup.sh - `coursekiosk --plain` on the shipped courses with
# stdin at EOF (load and check every course, open the database, print the
# welcome screen, exit) against `xmllint --noout --relaxng` on the same
# files.  Median of 21 interleaved runs, after one warm-up each.
# Prints: bench startup ratio=R ours_ms=X base_ms=Y runs=N
set -u
cd "$(dirname "$0")/../.." || exit 2
bin=${CK_BIN:-./coursekiosk}
courses=${CK_BENCH_COURSES:-courses}
runs=${CK_BENCH_RUNS:-21}
tmp=$(mktemp -d /tmp/ck-bench.XXXXXX)
trap 'rm -rf "$tmp"' EXIT

mapfile -t files < <(find "$courses" -mindepth 2 -maxdepth 2 -name '*.xml' | sort)
if [ ${#files[@]} -eq 0 ]; then
	echo "bench startup: no course files under $courses" >&2
	exit 1
fi
db=$tmp/progress.db
# The database exists already, as on a kiosk in use.  Every course must
# load, or the figure would time an early exit.
if ! "$bin" --db "$db" --courses "$courses" --plain </dev/null >/dev/null 2>"$tmp/err" ||
	[ -s "$tmp/err" ]; then
	echo "bench startup: the kiosk did not load $courses cleanly:" >&2
	head -n 5 "$tmp/err" >&2
	exit 1
fi

ms() { # ms CMD...: wall time of one run in microseconds ($EPOCHREALTIME:
	# no clock process forked inside the measurement)
	local t0 t1
	t0=${EPOCHREALTIME/[.,]/}
	"$@" </dev/null >/dev/null 2>&1
	t1=${EPOCHREALTIME/[.,]/}
	echo $((t1 - t0))
}
median() { sort -n | awk '{v[NR]=$1} END {m=(NR%2)?v[(NR+1)/2]:(v[NR/2]+v[NR/2+1])/2; printf "%.2f", m/1000}'; }

ours() { "$bin" --db "$db" --courses "$courses" --plain; }
base() { xmllint --noout --relaxng "$courses/coursekiosk.rng" "${files[@]}"; }
ours >/dev/null 2>&1 </dev/null; base >/dev/null 2>&1 </dev/null
# Interleaved, so that a change in the machine's load between the two
# series (frequency, another process) does not land on one side only.
for _ in $(seq "$runs"); do
	ms ours >>"$tmp/ours"
	ms base >>"$tmp/base"
done
o=$(median <"$tmp/ours")
b=$(median <"$tmp/base")
r=$(awk -v o="$o" -v b="$b" 'BEGIN { printf "%.2f", (b > 0) ? o / b : 0 }')
echo "bench startup ratio=$r ours_ms=$o base_ms=$b runs=$runs files=${#files[@]}"
