#!/usr/bin/env bash
# tests/bench/load.sh - loading a corpus of 1,000 modules (about 8 MB, in
# 50 course folders): `coursekiosk validate` against `xmllint --noout
# --relaxng` with the same schema on the same files.  Prints
#   bench load ratio=R ours_ms=X base_ms=Y ours_mib=A base_mib=B mem_ratio=M
# (medians of CK_BENCH_RUNS runs each, default 7, run alternately; peak
# memory is the maximum resident set size from /usr/bin/time).
# Target (issue 2): ratio <= 1.5 and mem_ratio <= 1.5.
set -u
cd "$(dirname "$0")/../.." || exit 2
BIN=${CK_BIN:-./coursekiosk}
RUNS=${CK_BENCH_RUNS:-7}
for tool in python3 xmllint /usr/bin/time; do
	command -v "$tool" >/dev/null || { echo "bench load: needs $tool" >&2; exit 2; }
done
tmp=$(mktemp -d /tmp/ck-bench-load.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
python3 tests/bench/gen_corpus.py "$tmp/courses" 50 20 || exit 2
files=("$tmp"/courses/*/*.xml)
bytes=$(cat "${files[@]}" | wc -c)

# Both must accept the corpus, or the comparison means nothing.
if ! "$BIN" validate "$tmp/courses" >"$tmp/summary" 2>"$tmp/err"; then
	echo "bench load: coursekiosk validate rejects the corpus:" >&2
	head -n 5 "$tmp/err" >&2
	exit 1
fi
if ! xmllint --noout --relaxng courses/coursekiosk.rng "${files[@]}" 2>"$tmp/err"; then
	echo "bench load: xmllint rejects the corpus" >&2
	grep -v validates "$tmp/err" | head -n 5 >&2
	exit 1
fi

# run NAME CMD...: one timed run; appends "ms kb" to $tmp/NAME
run() {
	local name=$1 start end
	shift
	start=$(date +%s%N)
	/usr/bin/time -f %M -o "$tmp/mem" "$@" >/dev/null 2>&1
	end=$(date +%s%N)
	echo "$(((end - start) / 1000000)) $(tail -n1 "$tmp/mem")" >>"$tmp/$name"
}
median() { # FILE COLUMN
	cut -d' ' -f"$2" "$1" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}
ours=("$BIN" validate "$tmp/courses")
base=(xmllint --noout --relaxng courses/coursekiosk.rng "${files[@]}")
"${ours[@]}" >/dev/null 2>&1; "${base[@]}" >/dev/null 2>&1   # warm the cache
for _ in $(seq "$RUNS"); do
	run ours "${ours[@]}"
	run base "${base[@]}"
done
oms=$(median "$tmp/ours" 1) bms=$(median "$tmp/base" 1)
okb=$(median "$tmp/ours" 2) bkb=$(median "$tmp/base" 2)
awk -v oms="$oms" -v bms="$bms" -v okb="$okb" -v bkb="$bkb" -v n="${#files[@]}" -v b="$bytes" 'BEGIN {
	if (bms < 1) bms = 1
	printf "bench load ratio=%.2f ours_ms=%d base_ms=%d ours_mib=%.1f base_mib=%.1f mem_ratio=%.2f files=%d mb=%.1f\n",
		oms / bms, oms, bms, okb / 1024, bkb / 1024, okb / bkb, n, b / 1e6
}'
