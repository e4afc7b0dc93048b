#!/usr/bin/env bash
# bench report: `coursekiosk report --format csv` over a generated database
# of 10,000 trainees x 6 modules (60,000 rows), against the sqlite3 shell
# running the equivalent query (same join, columns, order) to CSV.  Both
# write to a file in the same folder.  Prints the medians of several runs,
# interleaved so both see the same cache.  Target: ours < 500 ms and
# ratio <= 1.5.
set -u
cd "$(dirname "$0")/../.." || exit 2
build=${CK_BUILD:-build}
BIN=${CK_BIN:-./coursekiosk}
SEED=$build/tests/tools/coord_seed
N=${CK_BENCH_N:-10000}
RUNS=${CK_BENCH_RUNS:-5}
[ -x "$SEED" ] || { echo "bench report: build $SEED first (make tests)" >&2; exit 2; }
dir=$(mktemp -d "${CK_BENCH_DIR:-$build}/bench-report.XXXXXX") || exit 2
trap 'rm -rf "$dir"' EXIT
db=$dir/r.db

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# The schema through the store itself, then rows through the shell.
"$SEED" "$db" learner "Schema Only" other "" "" >/dev/null || exit 1
sqlite3 "$db" >/dev/null <<SQL || exit 1
PRAGMA journal_mode=WAL;
DELETE FROM learner;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $N)
INSERT INTO learner (id, name, name_key, role, org, country, pin_hash,
                     created, last_seen, erased)
SELECT printf('%08x-0000-4000-8000-%012x', i, i),
       CASE i % 3 WHEN 0 THEN 'Ștefania Țăranu ' || i
                  WHEN 1 THEN 'Nguyễn Thị Minh ' || i
                  ELSE 'Smith, John "' || i || '"' END,
       lower(printf('trainee %06d', i)),
       CASE i % 4 WHEN 0 THEN 'social-worker' WHEN 1 THEN 'police'
                  WHEN 2 THEN 'border' ELSE 'other' END,
       'DGASPC Sector ' || (i % 6 + 1) || ', București', 'RO', NULL,
       '2026-03-01T09:00:00Z', '2026-03-02T16:30:00Z', 0
FROM n;
WITH RECURSIVE m(j) AS (SELECT 1 UNION ALL SELECT j + 1 FROM m WHERE j < 6)
INSERT INTO progress (id, learner_id, course_id, module_id, state, last_page,
                      pages_seen, npages, best_score, passed, attempts,
                      version, hash, started_at, completed_at, updated_at)
SELECT printf('%08x-%04x-4000-8000-000000000000', l.rowid, j), l.id,
       'cross-border-safeguarding', 'module-' || j,
       (l.rowid + j) % 3, 0, 5, 8,
       CASE WHEN (l.rowid + j) % 3 = 0 THEN -1 ELSE 50 + (l.rowid * j) % 51 END,
       (l.rowid + j) % 3 = 2, (l.rowid + j) % 4,
       CASE WHEN (l.rowid + j) % 3 = 2 THEN 1 ELSE 0 END, '',
       '2026-03-01T09:10:00Z',
       CASE WHEN (l.rowid + j) % 3 = 2 THEN '2026-03-01T11:00:00Z' END,
       '2026-03-01T11:00:00Z'
FROM learner l, m;
COMMIT;
PRAGMA wal_checkpoint(TRUNCATE);
SQL
rows=$(sqlite3 "$db" "SELECT count(*) FROM progress")
[ "$rows" = $((N * 6)) ] || { echo "bench report: generated $rows rows" >&2; exit 1; }

query="SELECT l.name, l.role, l.org, l.country, p.course_id, p.module_id,
 CASE WHEN p.version > 0 THEN p.version ELSE '' END,
 CASE p.state WHEN 2 THEN 'complete' WHEN 1 THEN 'in progress' ELSE 'not started' END,
 CASE WHEN p.best_score >= 0 THEN p.best_score ELSE '' END, p.attempts,
 l.created, p.completed_at, l.id
 FROM progress p JOIN learner l ON l.id = p.learner_id
 ORDER BY l.name_key IS NULL, l.name_key, l.id, p.course_id, p.module_id;"

ours=() base=()
for r in $(seq "$RUNS"); do
	t0=$(now_ms)
	"$BIN" --db "$db" report --format csv -o "$dir/ours.csv" || exit 1
	ours+=($(( $(now_ms) - t0 )))
	t0=$(now_ms)
	sqlite3 -csv -header "$db" "$query" >"$dir/base.csv" || exit 1
	base+=($(( $(now_ms) - t0 )))
done
n=$(python3 -c 'import csv,sys; print(sum(1 for _ in csv.reader(open(sys.argv[1], newline="", encoding="utf-8"))) - 1)' "$dir/ours.csv")
[ "$n" = "$rows" ] || { echo "bench report: CSV has $n rows of $rows" >&2; exit 1; }
o=$(printf '%s\n' "${ours[@]}" | median)
b=$(printf '%s\n' "${base[@]}" | median)
[ "$b" -gt 0 ] || b=1
ratio=$(awk -v o="$o" -v b="$b" 'BEGIN { printf "%.2f", o / b }')
echo "bench report ratio=$ratio ours_ms=$o base_ms=$b rows=$rows target_ms=500 target_ratio=1.5"
