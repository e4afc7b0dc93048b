#!/usr/bin/env bash
# bench record: 2,000 answers recorded through the store, each in its own
# transaction (tests/tools/store_driver), against the sqlite3 shell
# inserting the same rows into the same schema, one transaction each, with
# the same pragmas (WAL, synchronous=FULL), in the same folder.  Prints the
# medians of several runs, interleaved so both see the same disk.
set -u
cd "$(dirname "$0")/../.." || exit 2
build=${CK_BUILD:-build}
DRV=$build/tests/tools/store_driver
N=${CK_BENCH_N:-2000}
RUNS=${CK_BENCH_RUNS:-5}
[ -x "$DRV" ] || { echo "bench record: build $DRV first (make tests)" >&2; exit 2; }
dir=$(mktemp -d "${CK_BENCH_DIR:-$build}/bench-record.XXXXXX") || exit 2
trap 'rm -rf "$dir"' EXIT

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

ours=() base=()
for r in $(seq "$RUNS"); do
	# ours: open, then N answers, each committed before the next
	rm -f "$dir"/ours.db*
	A=$("$DRV" init "$dir/ours.db") || exit 1
	t0=$(now_ms)
	"$DRV" record "$dir/ours.db" "$A" "$N" "r$r" 8 >/dev/null || exit 1
	ours+=($(( $(now_ms) - t0 )))
	n=$(sqlite3 "$dir/ours.db" "SELECT count(*) FROM answer WHERE qid LIKE 'r$r-%'")
	[ "$n" = "$N" ] || { echo "bench record: ours saved $n of $N" >&2; exit 1; }

	# baseline: the same rows through the sqlite3 shell
	rm -f "$dir"/base.db*
	B=$("$DRV" init "$dir/base.db") || exit 1
	{
		echo "PRAGMA journal_mode=WAL;"
		echo "PRAGMA synchronous=FULL;"
		echo "PRAGMA foreign_keys=ON;"
		echo ".timeout 5000"
		awk -v n="$N" -v a="$B" -v r="$r" 'BEGIN {
			for (i = 1; i <= n; i++)
				printf "BEGIN IMMEDIATE;\nINSERT INTO answer (id, attempt_id, seq, qid, answer, correct, points, at) VALUES (\x27%08d-0000-4000-8000-%012d\x27, \x27%s\x27, %d, \x27r%s-%d\x27, \x27aaaaaaaa\x27, %d, 1.0, \x272026-01-01T00:00:00Z\x27);\nCOMMIT;\n", i, i, a, i, r, i, i % 2
		}'
	} >"$dir/base.sql"
	t0=$(now_ms)
	sqlite3 "$dir/base.db" <"$dir/base.sql" >/dev/null || exit 1
	base+=($(( $(now_ms) - t0 )))
	n=$(sqlite3 "$dir/base.db" "SELECT count(*) FROM answer WHERE qid LIKE 'r$r-%'")
	[ "$n" = "$N" ] || { echo "bench record: sqlite3 saved $n of $N" >&2; exit 1; }
done
o=$(printf '%s\n' "${ours[@]}" | median)
b=$(printf '%s\n' "${base[@]}" | median)
ratio=$(awk -v o="$o" -v b="$b" 'BEGIN { printf "%.2f", (b > 0 ? o / b : 0) }')
echo "bench record ratio=$ratio ours_ms=$o base_ms=$b n=$N runs=$RUNS"
