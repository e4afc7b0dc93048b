#!/usr/bin/env bash
# Fault tests of the progress store, through the test driver
# (tests/tools/store_driver.c) and the sqlite3 shell: kill -9 of a writer,
# two writers at once, a full disk, damaged files, symlinks, file modes,
# read-only files and folders (as an unprivileged user).
. "$(dirname "$0")/lib.bash"

build=${CK_BUILD:-build}
case $build in /*) ;; *) build=$CK_ROOT/$build ;; esac
DRV=$build/tests/tools/store_driver
if [ ! -x "$DRV" ]; then
	not_ok "store driver built" "missing $DRV (make tests)"
	exit 0
fi

# present DB PREFIX ACKFILE: every acknowledged answer is in the database.
missing_acks() {
	local db=$1 prefix=$2 acks=$3
	sqlite3 "$db" "SELECT qid FROM answer WHERE qid LIKE '$prefix-%'" |
		sort >"$CK_TMP/present"
	sed -n 's/^ack \(.*\)$/\1/p' "$acks" | sort >"$CK_TMP/acked"
	comm -23 "$CK_TMP/acked" "$CK_TMP/present"
}

# ---- kill -9 at random moments ---------------------------------------------
db=$CK_TMP/kill/progress.db
A=$("$DRV" init "$db")
bad=() total=0 runs=25
for i in $(seq "$runs"); do
	size=$(( (RANDOM % 2) ? 40 : 3000 ))
	"$DRV" record "$db" "$A" 1000000 "k$i" "$size" >"$CK_TMP/ack.$i" 2>"$CK_TMP/err.$i" &
	pid=$!
	sleep "$(printf '0.%03d' $((RANDOM % 250 + 5)))"
	kill -9 "$pid"
	wait "$pid" 2>/dev/null
	ic=$(sqlite3 "$db" "PRAGMA integrity_check" 2>&1)
	miss=$(missing_acks "$db" "k$i" "$CK_TMP/ack.$i")
	n=$(grep -c '^ack ' "$CK_TMP/ack.$i")
	total=$((total + n))
	[ "$ic" = ok ] || bad+=("run $i: integrity_check: $ic")
	[ -z "$miss" ] || bad+=("run $i: acknowledged but missing: $(echo $miss | head -c 200)")
	grep -q . "$CK_TMP/err.$i" && bad+=("run $i: $(head -c 300 "$CK_TMP/err.$i")")
done
if [ ${#bad[@]} -eq 0 ] && [ "$total" -gt 0 ]; then
	ok "kill -9 of a writer $runs times: integrity ok, all $total acknowledged answers kept"
else
	not_ok "kill -9 of a writer $runs times" "${bad[@]}" "acknowledged: $total"
fi
if "$DRV" open "$db" >/dev/null 2>"$CK_TMP/err"; then
	ok "the store opens after the kills (quick_check passes)"
else
	not_ok "the store opens after the kills" "$(cat "$CK_TMP/err")"
fi

# ---- two writers at once -------------------------------------------------------
db=$CK_TMP/two/progress.db
A=$("$DRV" init "$db")
"$DRV" record "$db" "$A" 300 w1 >"$CK_TMP/w1" 2>"$CK_TMP/w1.err" &
p1=$!
"$DRV" record "$db" "$A" 300 w2 >"$CK_TMP/w2" 2>"$CK_TMP/w2.err" &
p2=$!
wait "$p1"; r1=$?
wait "$p2"; r2=$?
c1=$(sqlite3 "$db" "SELECT count(*) FROM answer WHERE qid LIKE 'w1-%'")
c2=$(sqlite3 "$db" "SELECT count(*) FROM answer WHERE qid LIKE 'w2-%'")
seqs=$(sqlite3 "$db" "SELECT count(DISTINCT seq) FROM answer WHERE attempt_id = '$A'")
if [ "$r1" = 0 ] && [ "$r2" = 0 ] && [ "$c1" = 300 ] && [ "$c2" = 300 ] &&
	[ "$seqs" = 600 ] && ! grep -qi locked "$CK_TMP/w1.err" "$CK_TMP/w2.err"; then
	ok "two writers at once: both finish, 600 answers, no lock error"
else
	not_ok "two writers at once" "exit $r1 $r2, rows $c1 $c2, seqs $seqs" \
		"$(cat "$CK_TMP/w1.err" "$CK_TMP/w2.err" | head -c 400)"
fi

# ---- a full disk ---------------------------------------------------------------
mnt=$CK_TMP/mnt
mkdir -p "$mnt"
mounted=
if [ "$(id -u)" = 0 ] && mount -t tmpfs -o size=400k,mode=0700 tmpfs "$mnt" 2>/dev/null; then
	mounted=1
	trap 'umount "$mnt" 2>/dev/null; tmux_stop' EXIT
fi
db=$mnt/progress.db
A=$("$DRV" init "$db")
if [ -n "$mounted" ]; then
	head -c 100000 /dev/zero >"$mnt/filler"
	"$DRV" record "$db" "$A" 100000 f 2000 >"$CK_TMP/full" 2>"$CK_TMP/full.err"
	rc=$?
	how="a 400 KiB tmpfs"
else
	"$DRV" record "$db" "$A" 100000 f 2000 60 >"$CK_TMP/full" 2>"$CK_TMP/full.err"
	rc=$?
	how="max_page_count (no mount here)"
fi
n=$(grep -c '^ack ' "$CK_TMP/full")
if [ "$rc" = 3 ] && grep -q 'error FULL: .*full' "$CK_TMP/full.err" && [ "$n" -gt 0 ]; then
	ok "full disk ($how): clear ERR_FULL after $n answers"
else
	not_ok "full disk ($how)" "exit $rc, $n acks" "$(cat "$CK_TMP/full.err")"
fi
ic=$(sqlite3 "$db" "PRAGMA integrity_check" 2>&1)
miss=$(missing_acks "$db" f "$CK_TMP/full")
if [ "$ic" = ok ] && [ -z "$miss" ]; then
	ok "full disk: nothing already saved was harmed"
else
	not_ok "full disk: nothing already saved was harmed" "$ic" "$miss"
fi
if [ -n "$mounted" ]; then
	rm -f "$mnt/filler"
	if "$DRV" record "$db" "$A" 3 g 10 >/dev/null 2>"$CK_TMP/err"; then
		ok "full disk: saving works again once space is freed"
	else
		not_ok "full disk: saving works again once space is freed" "$(cat "$CK_TMP/err")"
	fi
	umount "$mnt"
	trap tmux_stop EXIT
fi

# ---- damaged files -----------------------------------------------------------
db=$CK_TMP/junk.db
head -c 20000 /dev/urandom >"$db"
cp "$db" "$CK_TMP/junk.orig"
"$DRV" open "$db" >/dev/null 2>"$CK_TMP/err"
rc=$?
if [ "$rc" = 6 ] && grep -q 'damaged' "$CK_TMP/err" && grep -q 'left untouched' "$CK_TMP/err" &&
	cmp -s "$db" "$CK_TMP/junk.orig" && [ ! -e "$db-wal" ]; then
	ok "garbage header: refused as damaged, file unchanged"
else
	not_ok "garbage header: refused as damaged, file unchanged" "exit $rc" "$(cat "$CK_TMP/err")"
fi

db=$CK_TMP/page/progress.db
A=$("$DRV" init "$db")
"$DRV" record "$db" "$A" 20 p 100 >/dev/null
printf 'this page was overwritten by a failing disk.............' |
	dd of="$db" bs=1 seek=4096 conv=notrunc status=none
cp "$db" "$CK_TMP/page.orig"
"$DRV" open "$db" >/dev/null 2>"$CK_TMP/err"
rc=$?
out=$("$DRV" open "$db" ro 2>&1)
if [ "$rc" = 6 ] && grep -q 'damaged' "$CK_TMP/err" && grep -q 'recover' "$CK_TMP/err" &&
	[ "$out" = "ok readonly=1 damaged=1" ] && cmp -s "$db" "$CK_TMP/page.orig"; then
	ok "damaged page: refused for writing, readable read-only, file unchanged"
else
	not_ok "damaged page" "exit $rc; ro: $out" "$(cat "$CK_TMP/err")"
fi
if ck --db "$db" backup "$CK_TMP/rescue.db" >/dev/null 2>"$CK_TMP/err" &&
	[ -f "$CK_TMP/rescue.db" ] && cmp -s "$db" "$CK_TMP/page.orig"; then
	ok "damaged page: backup copies what is there, read-only"
else
	not_ok "damaged page: backup copies what is there" "$(cat "$CK_TMP/err")"
fi

# ---- a newer database --------------------------------------------------------------
db=$CK_TMP/newer/progress.db
"$DRV" init "$db" >/dev/null
sqlite3 "$db" "PRAGMA user_version=9"
cp "$db" "$CK_TMP/newer.orig"
"$DRV" open "$db" >/dev/null 2>"$CK_TMP/err"
rc=$?
if [ "$rc" = 7 ] && grep -q 'newer coursekiosk' "$CK_TMP/err" && cmp -s "$db" "$CK_TMP/newer.orig"; then
	ok "a database from a newer coursekiosk is refused and left untouched"
else
	not_ok "newer database refused" "exit $rc" "$(cat "$CK_TMP/err")"
fi

# ---- symlinks and modes ---------------------------------------------------------------
db=$CK_TMP/modes/a/b/progress.db
A=$(umask 022; "$DRV" init "$db")
"$DRV" record "$db" "$A" 1 m >/dev/null
ln -s "$db" "$CK_TMP/link.db"
"$DRV" open "$CK_TMP/link.db" >/dev/null 2>"$CK_TMP/err"
rc=$?
if [ "$rc" = 1 ] && grep -q 'symbolic link' "$CK_TMP/err"; then
	ok "a symlinked database path is refused"
else
	not_ok "a symlinked database path is refused" "exit $rc" "$(cat "$CK_TMP/err")"
fi
expect_status "backup through a symlinked path is refused" 1 ck --db "$CK_TMP/link.db" backup "$CK_TMP/l.db"
modes=$(stat -c '%a' "$db" "$CK_TMP/modes/a" "$CK_TMP/modes/a/b" | tr '\n' ' ')
if [ "$modes" = "600 700 700 " ]; then
	ok "database 0600, folders 0700 (under umask 022)"
else
	not_ok "database 0600, folders 0700" "got $modes"
fi
# -wal and -shm while a writer is running
"$DRV" record "$db" "$A" 200 m2 >/dev/null &
pid=$!
for _ in $(seq 50); do [ -e "$db-wal" ] && break; sleep 0.01; done
wm=$(stat -c '%a' "$db-wal" "$db-shm" 2>/dev/null | tr '\n' ' ')
wait "$pid"
if [ "$wm" = "600 600 " ]; then ok "-wal and -shm are 0600"; else not_ok "-wal and -shm are 0600" "got '$wm'"; fi

# ---- as an unprivileged user (root ignores modes) ------------------------------------
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
	nb=(setpriv --reuid=65534 --regid=65534 --clear-groups)
	ro=$(mktemp -d /tmp/ck-ro.XXXXXX)
	chmod 755 "$ro"
	mkdir "$ro/d" "$ro/out"
	chown 65534:65534 "$ro/d" "$ro/out"
	"${nb[@]}" "$DRV" open "$db" >/dev/null 2>"$CK_TMP/err"
	rc=$?
	if [ "$rc" != 0 ] && grep -qi 'permission denied' "$CK_TMP/err"; then
		ok "another user cannot open a 0600 database"
	else
		not_ok "another user cannot open a 0600 database" "exit $rc" "$(cat "$CK_TMP/err")"
	fi
	A=$("${nb[@]}" "$DRV" init "$ro/d/p.db")
	"${nb[@]}" "$DRV" record "$ro/d/p.db" "$A" 3 before >/dev/null
	chmod 0400 "$ro/d/p.db"
	cp "$ro/d/p.db" "$CK_TMP/ro.orig"
	"${nb[@]}" "$DRV" record "$ro/d/p.db" "$A" 1 x >/dev/null 2>"$CK_TMP/err"
	rc=$?
	if [ "$rc" = 4 ] && grep -q 'read-only' "$CK_TMP/err" && cmp -s "$ro/d/p.db" "$CK_TMP/ro.orig"; then
		ok "read-only file: clear ERR_READONLY, file unchanged"
	else
		not_ok "read-only file" "exit $rc" "$(cat "$CK_TMP/err")"
	fi
	"${nb[@]}" env HOME="$ro/out" "$CK_BIN" --db "$ro/d/p.db" backup "$ro/out/copy.db" >/dev/null 2>"$CK_TMP/err"
	rc=$?
	n=$(sqlite3 "$ro/out/copy.db" "SELECT count(*) FROM answer WHERE qid LIKE 'before-%'" 2>&1)
	if [ "$rc" = 0 ] && [ "$n" = 3 ]; then
		ok "read-only file: backup still works"
	else
		not_ok "read-only file: backup still works" "exit $rc, rows $n" "$(cat "$CK_TMP/err")"
	fi
	rm -f "$ro/d/p.db-wal" "$ro/d/p.db-shm"
	chmod 0600 "$ro/d/p.db"
	chmod 0500 "$ro/d"
	"${nb[@]}" "$DRV" record "$ro/d/p.db" "$A" 1 y >/dev/null 2>"$CK_TMP/err"
	rc=$?
	if [ "$rc" = 4 ] && grep -q 'READONLY' "$CK_TMP/err" && cmp -s "$ro/d/p.db" "$CK_TMP/ro.orig"; then
		ok "read-only folder: clear ERR_READONLY, file unchanged"
	else
		not_ok "read-only folder" "exit $rc" "$(cat "$CK_TMP/err")"
	fi
	chmod 0700 "$ro/d"
	rm -rf "$ro"
else
	ok "# skip unprivileged tests: not root or no setpriv"
fi
