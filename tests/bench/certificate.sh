#!/usr/bin/env bash
# bench certificate: 100 certificates (A4 PDF with QR) written at once with
# `coursekiosk certificates --course ID --out-dir DIR`: each issued (serial,
# code in the issuing transaction, audit entry) and rendered.  Prints the
# median over several runs, each on a fresh copy of the same database, and
# the reprint time (second pass over the same trainees).
set -u
cd "$(dirname "$0")/../.." || exit 2
build=${CK_BUILD:-build}
BIN=${CK_BIN:-./coursekiosk}
SEED=$build/tests/tools/coord_seed
N=${CK_BENCH_CERTS:-100}
RUNS=${CK_BENCH_RUNS:-3}
courses=tests/fixtures/coord
[ -x "$SEED" ] || { echo "bench certificate: build $SEED first (make tests)" >&2; exit 2; }
dir=$(mktemp -d "${CK_BENCH_DIR:-$build}/bench-cert.XXXXXX") || exit 2
trap 'rm -rf "$dir"' EXIT

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

"$SEED" "$dir/seed.db" many "$N" short-course basics:100,referral || exit 1
issue=() reprint=()
for r in $(seq "$RUNS"); do
	rm -rf "$dir/run.db"* "$dir/out"
	sqlite3 "$dir/seed.db" ".backup '$dir/run.db'" || exit 1
	t0=$(now_ms)
	"$BIN" --db "$dir/run.db" --courses "$courses" certificates \
		--course short-course --out-dir "$dir/out" >/dev/null 2>&1 || exit 1
	issue+=($(( $(now_ms) - t0 )))
	n=$(ls "$dir/out"/*.pdf | wc -l)
	[ "$n" = "$N" ] || { echo "bench certificate: $n PDFs of $N" >&2; exit 1; }
	t0=$(now_ms)
	"$BIN" --db "$dir/run.db" --courses "$courses" certificates \
		--course short-course --out-dir "$dir/out" >/dev/null 2>&1 || exit 1
	reprint+=($(( $(now_ms) - t0 )))
done
t=$(printf '%s\n' "${issue[@]}" | median)
rp=$(printf '%s\n' "${reprint[@]}" | median)
echo "bench certificate ms_per_cert=$(awk -v t="$t" -v n="$N" 'BEGIN { printf "%.1f", t / n }') total_ms=$t certs=$N reprint_ms_per_cert=$(awk -v t="$rp" -v n="$N" 'BEGIN { printf "%.1f", t / n }')"
