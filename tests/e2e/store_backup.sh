#!/usr/bin/env bash
# `coursekiosk backup FILE`: a consistent 0600 copy, never over an existing
# file without --force, usage errors, and the audit entry.
. "$(dirname "$0")/lib.bash"

build=${CK_BUILD:-build}
case $build in /*) ;; *) build=$CK_ROOT/$build ;; esac
DRV=$build/tests/tools/store_driver

# No database yet: nothing is created.
expect_status "backup without a database fails" 1 ck backup "$CK_TMP/none.db"
expect_grep "backup without a database says so" "$CK_TMP/err" "no progress database"
if [ ! -e "$XDG_DATA_HOME/coursekiosk/progress.db" ] && [ ! -e "$CK_TMP/none.db" ]; then
	ok "backup creates no database"
else
	not_ok "backup creates no database"
fi

# The default path ($XDG_DATA_HOME) with answers being written meanwhile.
db=$XDG_DATA_HOME/coursekiosk/progress.db
A=$("$DRV" init "$db")
"$DRV" record "$db" "$A" 50 b >/dev/null
"$DRV" record "$db" "$A" 400 live >/dev/null &
pid=$!
expect_status "backup while a kiosk writes" 0 ck backup "$CK_TMP/copy.db"
wait "$pid"
expect_grep "backup warns that the copy holds the key" "$CK_TMP/out" "secret key"
if [ "$(stat -c %a "$CK_TMP/copy.db")" = 600 ] &&
	[ "$(sqlite3 "$CK_TMP/copy.db" 'PRAGMA integrity_check')" = ok ] &&
	[ "$(sqlite3 "$CK_TMP/copy.db" "SELECT count(*) FROM answer WHERE qid LIKE 'b-%'")" = 50 ] &&
	[ "$(sqlite3 "$CK_TMP/copy.db" 'PRAGMA journal_mode')" = delete ] &&
	[ ! -e "$CK_TMP/copy.db-wal" ]; then
	ok "the copy is 0600, whole, and one self-contained file"
else
	not_ok "the copy is 0600, whole, and one self-contained file" \
		"$(stat -c %a "$CK_TMP/copy.db") $(sqlite3 "$CK_TMP/copy.db" 'PRAGMA integrity_check; PRAGMA journal_mode')"
fi
live=$(sqlite3 "$CK_TMP/copy.db" "SELECT count(*) FROM answer WHERE qid LIKE 'live-%'")
seqok=$(sqlite3 "$CK_TMP/copy.db" "SELECT count(*) = coalesce(max(CAST(substr(qid, 6) AS INTEGER)), 0) FROM answer WHERE qid LIKE 'live-%'")
if [ "$seqok" = 1 ]; then
	ok "the copy is a consistent snapshot ($live of the concurrent answers, in order, no gaps)"
else
	not_ok "the copy is a consistent snapshot" "live=$live"
fi

cp "$CK_TMP/copy.db" "$CK_TMP/copy.orig"
expect_status "an existing file is not overwritten" 1 ck backup "$CK_TMP/copy.db"
expect_grep "the refusal says why" "$CK_TMP/err" "already exists.*--force"
if cmp -s "$CK_TMP/copy.db" "$CK_TMP/copy.orig"; then ok "the existing file is unchanged"; else not_ok "the existing file is unchanged"; fi
expect_status "--force replaces it" 0 ck backup --force "$CK_TMP/copy.db"
n=$(sqlite3 "$CK_TMP/copy.db" "SELECT count(*) FROM answer WHERE qid LIKE 'live-%'")
if [ "$n" = 400 ]; then ok "the replaced copy is current"; else not_ok "the replaced copy is current" "$n"; fi
expect_status "never over the database itself" 1 ck backup --force "$db"
expect_grep "says it is the database" "$CK_TMP/err" "database itself"
expect_status "--db elsewhere" 0 ck backup "$CK_TMP/copy2.db" --db "$db"
expect_status "COURSEKIOSK_DB is honoured" 1 env COURSEKIOSK_DB="$CK_TMP/nothing.db" "$CK_BIN" backup "$CK_TMP/copy3.db"

n=$(sqlite3 "$db" "SELECT count(*) FROM audit WHERE action = 'backup-made'")
if [ "$n" = 3 ]; then ok "each backup is in the audit log"; else not_ok "each backup is in the audit log" "$n entries"; fi

expect_status "no FILE is a usage error" 2 ck backup
expect_status "two FILEs are a usage error" 2 ck backup a.db b.db
expect_status "an unknown option is a usage error" 2 ck backup --frobnicate x.db
expect_status "--help" 0 ck backup --help
expect_status "a missing folder fails cleanly" 1 ck backup "$CK_TMP/no/such/dir/x.db"
expect_grep "and says why" "$CK_TMP/err" "No such file or directory"
if ls "$CK_TMP"/*.tmp-* >/dev/null 2>&1; then not_ok "no temporary files left"; else ok "no temporary files left"; fi
