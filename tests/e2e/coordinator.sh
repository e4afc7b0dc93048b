#!/usr/bin/env bash
# tests/e2e/coordinator.sh - the coordinator's commands end to end: a
# trainee completes a course through the line mode, a certificate is issued
# (PDF and text), verified, altered, revoked and expired; the report as a
# table and as CSV (parsed back with Python's csv module and compared with
# the database); learners; bulk certificates; erasure (the name leaves the
# database file); the audit trail and its tampering; passwd; printing.
. "$(dirname "$0")/lib.bash"
cd "$CK_ROOT" || exit 1

build=${CK_BUILD:-build}
case $build in /*) ;; *) build=$CK_ROOT/$build ;; esac
SEED=$build/tests/tools/coord_seed
db=$CK_TMP/coord.db
export COURSEKIOSK_DB=$db

# The shipped course when it is in this tree and loads, else the fixture
# course; CK_COORD_COURSES=DIR CK_COORD_COURSE=ID pick another.
if [ -n "${CK_COORD_COURSES:-}" ]; then
	courses=$CK_COORD_COURSES course=$CK_COORD_COURSE
elif [ -f courses/cross-border-safeguarding/course.xml ] &&
	ck validate courses/cross-border-safeguarding >/dev/null 2>&1; then
	courses=courses course=cross-border-safeguarding
else
	courses=tests/fixtures/coord course=short-course
fi
folder=$courses/$course
export CK_ROOT
title=$(python3 -c 'import sys, xml.etree.ElementTree as E
print(" ".join(E.parse(sys.argv[1]).getroot().findtext("title").split()))' "$folder/course.xml")
cc() { ck --courses "$courses" "$@"; }
nmod=$(grep -c '<module ' "$folder/course.xml")

# ---- nothing yet ---------------------------------------------------------------
expect_status "report without a database fails" 1 cc report
expect_grep "it names the missing database" "$CK_TMP/err" "no progress database at"
if [ ! -e "$db" ]; then ok "report creates no database"; else not_ok "report creates no database"; fi

# ---- a trainee completes the course in the line mode ---------------------------
name="Ștefania Țăranu"
CK_TMP=$CK_TMP python3 tests/e2e/coord_complete.py "$db" "$courses" "$folder" "$name"
id=$(sqlite3 "$db" "SELECT id FROM learner WHERE name = '$name'")
[ -n "$id" ] && ok "the trainee is in the database" || not_ok "the trainee is in the database"

# Others, through the store API: one halfway, awkward names for the CSV.
m1=$(sed -n 's/.*<module href="\([^"]*\)".*/\1/p' "$folder/course.xml" | head -n1)
mod1=$(sed -n 's/.*<module [^>]*id="\([^"]*\)".*/\1/p' "$folder/$m1" | head -n1)
half=$("$SEED" "$db" learner "Nguyễn Thị Minh" police 'Poliția "Nord", Iași' VN)
"$SEED" "$db" started "$half" "$course" "$mod1" 3
odd=$("$SEED" "$db" learner 'Smith, John "Jack"' border '=HYPERLINK("x")' UK)
"$SEED" "$db" started "$odd" "$course" "$mod1" 3
nl=$("$SEED" "$db" learner 'Wang Fang 王芳' border 'Unit 7; Border Force' UK)
"$SEED" "$db" started "$nl" "$course" "$mod1" 3

# ---- report ---------------------------------------------------------------------
expect_status "report (table) exits 0" 0 cc report --course "$course" --wide
cp "$CK_TMP/out" "$CK_TMP/table.txt"
expect_grep "the table shows the trainee" "$CK_TMP/table.txt" "^Ștefania Țăranu +$id +police"
rows=$(grep -c "^Ștefania Țăranu" "$CK_TMP/table.txt")
[ "$rows" = "$nmod" ] && ok "one table row per module ($nmod)" || not_ok "one table row per module ($nmod)" "got $rows"
python3 - "$CK_TMP/table.txt" <<'PY' && ok "table columns line up by display width" || not_ok "table columns line up by display width"
import sys, unicodedata
def width(s):
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
start = [i for i, l in enumerate(lines) if l.startswith("Name ")][0]
head = lines[start]
col = head.index("Course")   # characters == columns in the ASCII header
for l in lines[start + 1:]:
    if not l:
        break
    # the text before the course id takes exactly `col` columns
    pos = None
    for j in range(len(l)):
        if width(l[:j]) == col:
            pos = j
            break
    assert pos is not None and l[pos - 2:pos] == "  " and l[pos] != " ", l
PY

expect_status "report --format csv -o exits 0" 0 cc report --format csv -o "$CK_TMP/r.csv"
mode=$(stat -c %a "$CK_TMP/r.csv")
[ "$mode" = 600 ] && ok "the CSV file is created 0600" || not_ok "the CSV file is created 0600" "mode $mode"
mods=$(for f in $(sed -n 's/.*<module href="\([^"]*\)".*/\1/p' "$folder/course.xml"); do
	sed -n 's/.*<module [^>]*id="\([^"]*\)".*/\1/p' "$folder/$f" | head -n1; done | paste -sd,)
if python3 - "$CK_TMP/r.csv" "$db" "$course" "$mods" <<'PY'; then ok "CSV parses back to the database's rows (RFC 4180, CRLF, UTF-8)"; else not_ok "CSV parses back to the database's rows (RFC 4180, CRLF, UTF-8)"; fi
import csv, sqlite3, sys
raw = open(sys.argv[1], "rb").read()
# every record ends with CRLF (no control characters reach the store, so
# no field holds a line break: unit tests cover quoting those)
assert b"\n" not in raw.replace(b"\r\n", b""), raw
text = raw.decode("utf-8")
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
assert text.endswith("\r\n")
assert rows[0] == ["name", "role", "organisation", "country", "course", "module",
                   "version", "state", "best_score", "attempts", "first_seen",
                   "completed_at", "learner_id", "module_id", "certificate_serial",
                   "certificate_issued", "certificate_expires"], rows[0]
def defuse(v):
    return "'" + v if v and v[0] in "=+-@\t\r" else v
states = {0: "not started", 1: "in progress", 2: "complete"}
db = sqlite3.connect(sys.argv[2])
course = sys.argv[3]
mods = sys.argv[4].split(",")
prog = {(r[0], r[1]): r[2:] for r in db.execute(
    "SELECT learner_id, module_id, version, state, best_score, attempts, completed_at "
    "FROM progress WHERE course_id = ?", (course,))}
want = []
# every trainee (not erased) and every module of the course, not started too
for lid, name, role, org, country, created in db.execute(
        "SELECT id, name, role, org, country, created FROM learner WHERE erased = 0"):
    for m in mods:
        v, st, best, att, done = prog.get((lid, m), (0, 0, -1, 0, None))
        want.append([defuse(name or ""), defuse(role or ""), defuse(org or ""),
                     defuse(country or ""), course, m, str(v) if v else "",
                     states[st], str(best) if best >= 0 else "", str(att),
                     created, done or "", lid, m])
got = [r[:5] + [r[13]] + r[6:14] for r in rows[1:] if r[4] == course]
assert sorted(got) == sorted(want), (got, want)
names = [r[0] for r in got]
assert "Ștefania Țăranu" in names and 'Smith, John "Jack"' in names
assert "'=HYPERLINK(\"x\")" in [r[2] for r in got]
PY

before=$(sqlite3 "$db" "SELECT count(*) FROM audit WHERE action = 'report-exported'")
expect_status "report --course for an unknown course fails" 1 cc report --course no-such-course
expect_grep "it says there is no such course" "$CK_TMP/err" "no course 'no-such-course'"
after=$(sqlite3 "$db" "SELECT count(*) FROM audit WHERE action = 'report-exported'")
[ "$before" = "$after" ] && ok "a failed report is not logged as exported" || not_ok "a failed report is not logged as exported" "$before -> $after"
expect_status "report --format xml is a usage error" 2 cc report --format xml
expect_status "report with an unknown option is a usage error" 2 cc report --colour
expect_status "report --help exits 0" 0 cc report --help
expect_grep "report --help shows the usage" "$CK_TMP/out" "usage: coursekiosk report"

# ---- learners ---------------------------------------------------------------------
expect_status "learners exits 0" 0 cc learners --wide
expect_grep "learners: the trainee completed $nmod of $nmod" "$CK_TMP/out" \
	"^$id +Ștefania Țăranu .* $course +$nmod of $nmod +yes"
expect_grep "learners: a wide name lines up" "$CK_TMP/out" "^$nl +Wang Fang 王芳  +border"
expect_grep "learners: halfway trainee is not complete" "$CK_TMP/out" \
	"^$half +Nguyễn Thị Minh .* 0 of $nmod +no"
expect_status "learners --find" 0 cc learners --find "ștefania"
if grep -q "Țăranu" "$CK_TMP/out" && ! grep -q "Nguyễn" "$CK_TMP/out"; then
	ok "learners --find filters by name"; else not_ok "learners --find filters by name" "$(cat "$CK_TMP/out")"; fi

# ---- certificates -------------------------------------------------------------------
expect_status "no certificate for an incomplete trainee" 1 \
	cc certificate --learner "$half" --course "$course" -o "$CK_TMP/no.pdf"
expect_grep "the error names what is missing" "$CK_TMP/err" "has not completed.*Missing:"
[ ! -e "$CK_TMP/no.pdf" ] && ok "no file for an incomplete trainee" || not_ok "no file for an incomplete trainee"
expect_status "certificate: -o FILE.doc is a usage error" 2 \
	cc certificate --learner "$id" --course "$course" -o "$CK_TMP/c.doc"
expect_status "certificate without --course is a usage error" 2 \
	cc certificate --learner "$id" -o "$CK_TMP/c.pdf"
expect_status "certificate for an unknown trainee fails" 1 \
	cc certificate --learner 00000000-0000-4000-8000-000000000000 --course "$course" -o "$CK_TMP/c.pdf"

expect_status "certificate issued (PDF, id prefix)" 0 \
	cc certificate --learner "${id:0:8}" --course "$course" -o "$CK_TMP/c.pdf"
cp "$CK_TMP/out" "$CK_TMP/issued.txt"
serial=$(sed -n 's/^Certificate No\. \([0-9]*\) issued.*/\1/p' "$CK_TMP/issued.txt")
code=$(sed -n 's/.*(code \([0-9A-Z-]*\)).*/\1/p' "$CK_TMP/issued.txt")
[ -n "$serial" ] && [ ${#code} = 19 ] && ok "serial and code printed" || not_ok "serial and code printed" "$(cat "$CK_TMP/issued.txt")"
pdftotext -layout "$CK_TMP/c.pdf" "$CK_TMP/c.txt" 2>/dev/null
expect_grep "the PDF shows the name with diacritics" "$CK_TMP/c.txt" "Ștefania Țăranu"
python3 - "$CK_TMP/c.txt" "$title" <<'PY' && ok "the PDF shows the course title" || not_ok "the PDF shows the course title"
import sys
print(" ".join(open(sys.argv[1], encoding="utf-8").read().split()).find(sys.argv[2]) >= 0 or exit(1))
PY
expect_grep "the PDF shows the serial" "$CK_TMP/c.txt" "$serial"
expect_grep "the PDF shows the code" "$CK_TMP/c.txt" "$code"
# The PDF renderer is a plugin: a binary without it says so and still
# writes text certificates; nothing half-written is left behind.
mkdir -p "$CK_TMP/lonely"
cp "$CK_BIN" "$CK_TMP/lonely/coursekiosk"
lonely() { "$CK_TMP/lonely/coursekiosk" --db "$db" --courses "$courses" "$@"; }
expect_status "without the PDF renderer a PDF certificate fails" 1 \
	lonely certificate --learner "$id" --course "$course" -o "$CK_TMP/lonely.pdf"
expect_grep "it names the missing renderer" "$CK_TMP/err" "cannot load the PDF renderer coursekiosk-pdf.so"
[ ! -e "$CK_TMP/lonely.pdf" ] && ok "no PDF file without the renderer" || not_ok "no PDF file without the renderer"
expect_status "without the renderer a text certificate still works" 0 \
	lonely certificate --learner "$id" --course "$course" -o -
expect_grep "the text certificate has the code" "$CK_TMP/out" "$code"
expect_status "certificate as text on stdout" 0 \
	cc certificate --learner "$id" --course "$course" -o -
expect_grep "the text certificate carries the same code (a reprint)" "$CK_TMP/out" "$code"
expect_status "certificate as a .txt file" 0 \
	cc certificate --learner "$id" --course "$course" -o "$CK_TMP/c.txt2.txt"
expect_grep "a second request reprints the same serial" "$CK_TMP/out" "No\. $serial reprinted"
expect_grep "the text file names the trainee" "$CK_TMP/c.txt2.txt" "Ștefania Țăranu"

# ---- verify -------------------------------------------------------------------------------
expect_status "verify accepts the code" 0 cc verify "$code"
expect_grep "verify says VALID" "$CK_TMP/out" "VALID"
expect_grep "verify names the holder" "$CK_TMP/out" "Issued to +Ștefania Țăranu"
expect_grep "verify names course and version" "$CK_TMP/out" "Course +.*\($course\), version [0-9]+"
expect_grep "verify gives the expiry" "$CK_TMP/out" "Valid until"
lower=$(echo "$code" | tr 'A-Z-' 'a-z ')
expect_status "verify accepts lower case with spaces (one argument)" 0 cc verify "$lower"
expect_status "verify accepts the groups as separate arguments" 0 cc verify $lower
expect_status "verify accepts it without separators" 0 cc verify "$(echo "$code" | tr -d -)"
# One character changed (a character that is not read as another).
last=${code: -1}
if [ "$last" = Z ]; then repl=Y; else repl=Z; fi
bad=${code:0:18}$repl
expect_status "verify rejects a code with one character changed" 1 cc verify "$bad"
expect_grep "it says altered or mistyped" "$CK_TMP/out" "NOT VALID - altered"
expect_no_grep "an altered code reveals no name" "$CK_TMP/out" "Țăranu"
expect_status "verify rejects an unknown serial" 1 cc verify "ZZZZ-${code:5}"
expect_status "verify rejects what is not a code" 1 cc verify "hello"
expect_status "verify with no code is a usage error" 2 cc verify

# Expired: the course's validity, seen from later dates (COURSEKIOSK_NOW).
exp=$(sqlite3 "$db" "SELECT expires FROM certificate WHERE serial = $((10#$serial))")
after=$(python3 -c "import datetime,sys; print(datetime.date.fromisoformat(sys.argv[1]) + datetime.timedelta(days=1))" "$exp")
COURSEKIOSK_NOW=$exp expect_status "valid on its last day" 0 cc verify "$code"
COURSEKIOSK_NOW=$after expect_status "verify rejects an expired certificate" 1 cc verify "$code"
expect_grep "it says expired" "$CK_TMP/out" "NOT VALID - expired"
COURSEKIOSK_NOW=someday expect_status "a bad COURSEKIOSK_NOW is refused" 1 cc verify "$code"

# The record altered in the database (the code kept): detected.
sqlite3 "$db" ".backup '$CK_TMP/alt.db'"
sqlite3 "$CK_TMP/alt.db" "UPDATE certificate SET expires = '2099-01-01' WHERE serial = $((10#$serial))"
expect_status "verify detects an altered record" 1 ck --db "$CK_TMP/alt.db" verify "$code"
expect_grep "it says the record was altered" "$CK_TMP/out" "record .* was altered"

# ---- bulk ------------------------------------------------------------------------------------
mods=$(for f in $(sed -n 's/.*<module href="\([^"]*\)".*/\1/p' "$folder/course.xml"); do
	sed -n 's/.*<module [^>]*id="\([^"]*\)".*/\1/p' "$folder/$f" | head -n1; done | paste -sd,)
"$SEED" "$db" many 3 "$course" "$mods"
expect_status "certificates --out-dir exits 0" 0 cc certificates --course "$course" --out-dir "$CK_TMP/out-certs"
n=$(ls "$CK_TMP/out-certs"/*.pdf 2>/dev/null | wc -l)
[ "$n" = 4 ] && ok "one PDF per trainee who completed (4)" || not_ok "one PDF per trainee who completed (4)" "$(ls "$CK_TMP/out-certs")"
[ -e "$CK_TMP/out-certs/$serial-stefania-taranu.pdf" ] && ok "file named serial + slug" || not_ok "file named serial + slug" "$(ls "$CK_TMP/out-certs")"
expect_grep "bulk reprints the existing one" "$CK_TMP/out" "^$serial +reprinted"
expect_grep "bulk issues the others" "$CK_TMP/out" "issued +.*trainee-3\.pdf"
expect_grep "bulk says who has not completed" "$CK_TMP/err" "3 trainees have not completed"

# ---- revoke ------------------------------------------------------------------------------------
s3=$(sed -n 's/^\([0-9]*\) *issued .*trainee-3\.pdf$/\1/p' "$CK_TMP/out")
code3=$(pdftotext "$CK_TMP/out-certs/$s3-trainee-3.pdf" - | grep -oE '[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}' | head -n1)
expect_status "the bulk certificate verifies" 0 cc verify "$code3"
expect_status "revoke exits 0" 0 cc revoke "$s3" --reason "issued in error"
expect_status "verify rejects a revoked certificate" 1 cc verify "$code3"
expect_grep "it says revoked" "$CK_TMP/out" "NOT VALID - revoked"
expect_status "revoking twice is harmless" 0 cc revoke "No. $s3"
expect_status "revoke of an unknown serial fails" 1 cc revoke 99999
expect_status "revoke of nonsense is a usage error" 2 cc revoke abc
expect_status "bulk skips the revoked one" 0 cc certificates --course "$course" --out-dir "$CK_TMP/out-certs2"
expect_grep "it says so" "$CK_TMP/err" "skipped .*revoked"
[ ! -e "$CK_TMP/out-certs2/$s3-trainee-3.pdf" ] && ok "no file for the revoked one" || not_ok "no file for the revoked one"

# ---- printing -----------------------------------------------------------------------------------
mkdir -p "$CK_TMP/nolp" "$CK_TMP/fakelp"
PATH=$CK_TMP/nolp:/usr/bin:/bin
if command -v lp >/dev/null; then lp_path=$CK_TMP/nolp; else lp_path=/usr/bin:/bin; fi
PATH=$lp_path expect_status "--print without lp fails" 1 \
	"$CK_BIN" --courses "$courses" certificate --learner "$id" --course "$course" -o "$CK_TMP/p.pdf" --print
expect_grep "it says lp is missing" "$CK_TMP/err" "lp command is not installed"
[ -s "$CK_TMP/p.pdf" ] && ok "the file is still written" || not_ok "the file is still written"
cat >"$CK_TMP/fakelp/lp" <<EOF
#!/bin/sh
printf '%s\n' "\$@" > "$CK_TMP/lp.args"
EOF
chmod +x "$CK_TMP/fakelp/lp"
PATH=$CK_TMP/fakelp:$PATH expect_status "--print spawns lp" 0 \
	cc certificate --learner "$id" --course "$course" -o "$CK_TMP/-odd name.pdf" --print
if [ "$(cat "$CK_TMP/lp.args" 2>/dev/null)" = "$(printf -- '--\n%s' "$CK_TMP/-odd name.pdf")" ]; then
	ok "lp gets a fixed argument list: -- FILE"; else not_ok "lp gets a fixed argument list: -- FILE" "$(cat "$CK_TMP/lp.args")"; fi
printf '#!/bin/sh\nexit 1\n' >"$CK_TMP/fakelp/lp"
PATH=$CK_TMP/fakelp:$PATH expect_status "a failing lp is an error" 1 \
	cc certificate --learner "$id" --course "$course" -o "$CK_TMP/p.pdf" --print --force
expect_grep "it suggests checking the printer" "$CK_TMP/err" "lp failed"

# ---- erasure ----------------------------------------------------------------------------------------
expect_status "learner delete without a terminal or --yes refuses" 1 cc learner delete "$id" </dev/null
expect_grep "it asks for --yes" "$CK_TMP/err" "add --yes"
expect_status "learner with no subcommand is a usage error" 2 cc learner "$id"
expect_status "learner delete --yes" 0 cc learner delete "$id" --yes
expect_no_grep "nobody else reading: no warning" "$CK_TMP/err" "warning"
# No checkpoint from outside: the erasure itself leaves no copy behind.
hits=$(cat "$db" "$db-wal" 2>/dev/null | grep -c -a "Țăranu")
[ "$hits" = 0 ] && ok "the name is gone from the database file and WAL" || not_ok "the name is gone from the database file and WAL" "$hits hits"
expect_status "deleting again fails" 1 cc learner delete "$id" --yes
expect_status "the erased trainee's certificate still verifies" 0 cc verify "$code"
expect_grep "verify says an erased trainee" "$CK_TMP/out" "an erased trainee"
expect_status "report after erasure" 0 cc report
expect_grep "the report shows (erased)" "$CK_TMP/out" "^\(erased\)"
expect_no_grep "the report no longer shows the name" "$CK_TMP/out" "Țăranu"
expect_status "no certificate for an erased trainee" 1 \
	cc certificate --learner "$id" --course "$course" -o "$CK_TMP/e.pdf"

# Confirmation on a terminal (tmux): "no" keeps, the name erases.
cat >"$CK_TMP/del.sh" <<EOF
#!/bin/sh
"$CK_BIN" --db "$db" learner delete "$half"
echo "exit=\$?"
sleep 30
EOF
chmod +x "$CK_TMP/del.sh"
tmux_start 100 20 "$CK_TMP/del.sh"
if tmux_wait 'Type the trainee' 10; then
	tmux_keys "no" Enter
	tmux_wait 'exit=1' 10 && ok "tty: a wrong answer erases nothing" || not_ok "tty: a wrong answer erases nothing" "$(tmux_screen)"
else not_ok "tty: confirmation asked" "$(tmux_screen)"; fi
tmux_stop
# A fresh server on its own socket: no race with the one going away.
TMUX_SOCK=$CK_TMP/tmux-del2.sock
tmux_start 100 20 "$CK_TMP/del.sh"
if tmux_wait 'Type the trainee' 10; then
	tmux_keys -l "Nguyễn Thị Minh"
	tmux_keys Enter
	tmux_wait 'exit=0' 10 && ok "tty: typing the name erases" || not_ok "tty: typing the name erases" "$(tmux_screen)"
else not_ok "tty: confirmation asked again" "$(tmux_screen)"; fi
tmux_stop
erased=$(sqlite3 "$db" "SELECT erased FROM learner WHERE id = '$half'")
[ "$erased" = 1 ] && ok "the trainee confirmed on the tty is erased" || not_ok "the trainee confirmed on the tty is erased"

# Another program in a read transaction (longer than the 5 s the erasure
# waits): the erasure is done, but the coordinator is told that old copies
# stay in the files until that reader lets go.
rm -f "$CK_TMP/reading"
python3 - "$db" "$CK_TMP/reading" <<'PY' &
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN")
c.execute("SELECT count(*) FROM learner").fetchall()
open(sys.argv[2], "w").close()
time.sleep(7)
c.execute("COMMIT")
c.close()
PY
reader=$!
for _ in $(seq 100); do [ -e "$CK_TMP/reading" ] && break; sleep 0.05; done
expect_status "erasure while another program reads still erases" 0 cc learner delete "$nl" --yes
expect_grep "and warns that old copies stay until the reader lets go" "$CK_TMP/err" \
	"warning: another program was reading the database"
wait "$reader"
erased=$(sqlite3 "$db" "SELECT erased FROM learner WHERE id = '$nl'")
[ "$erased" = 1 ] && ok "the trainee erased under a reader is erased" || not_ok "the trainee erased under a reader is erased" "erased=$erased"
# the next program to close the database checkpoints it
expect_status "a report after the reader closed" 0 cc report
hits=$(cat "$db" "$db-wal" 2>/dev/null | grep -c -a "王芳")
[ "$hits" = 0 ] && ok "then the name is gone from the files" || not_ok "then the name is gone from the files" "$hits hits"

# ---- passwd -----------------------------------------------------------------------------------------
expect_status "passwd: too short" 1 sh -c "printf 'short\nshort\n' | \"$CK_BIN\" passwd"
expect_status "passwd: two different" 1 sh -c "printf 'longenough1\nlongenough2\n' | \"$CK_BIN\" passwd"
expect_status "passwd: set" 0 sh -c "printf 'longenough1\nlongenough1\n' | \"$CK_BIN\" passwd"
expect_status "passwd: wrong current one" 1 sh -c "printf 'wrong-current\nnew-passphrase\nnew-passphrase\n' | \"$CK_BIN\" passwd"
expect_grep "it says wrong" "$CK_TMP/err" "wrong passphrase"
expect_status "passwd: change" 0 sh -c "printf 'longenough1\nnew-passphrase\nnew-passphrase\n' | \"$CK_BIN\" passwd"
expect_grep "it says changed" "$CK_TMP/out" "changed"
cat >"$CK_TMP/pw.sh" <<EOF
#!/bin/sh
"$CK_BIN" --db "$db" passwd
echo "exit=\$?"
sleep 30
EOF
chmod +x "$CK_TMP/pw.sh"
TMUX_SOCK=$CK_TMP/tmux-pw.sock
tmux_start 100 20 "$CK_TMP/pw.sh"
if tmux_wait 'Current coordinator passphrase' 10; then
	tmux_keys -l "new-passphrase"; tmux_keys Enter
	tmux_wait 'New coordinator' 10
	tmux_keys -l "tty-passphrase-1"; tmux_keys Enter
	tmux_wait 'same again' 10
	tmux_keys -l "tty-passphrase-1"; tmux_keys Enter
	if tmux_wait 'exit=0' 10 && ! tmux_screen | grep -q 'passphrase-1\|new-passphrase'; then
		ok "tty: passphrases typed without echo"
	else not_ok "tty: passphrases typed without echo" "$(tmux_screen)"; fi
else not_ok "tty: passwd prompts" "$(tmux_screen)"; fi
tmux_stop

# ---- audit --------------------------------------------------------------------------------------------
expect_status "audit lists entries" 0 cc audit
for a in report-exported certificate-issued certificate-reprinted certificate-revoked learner-erased passphrase-set passphrase-changed signin-failed; do
	expect_grep "audit has $a" "$CK_TMP/out" " $a "
done
expect_no_grep "the audit log holds no names" "$CK_TMP/out" "Țăranu|Nguyễn"
expect_status "audit --verify: intact" 0 cc audit --verify
expect_grep "it says intact" "$CK_TMP/out" "intact"
sqlite3 "$db" ".backup '$CK_TMP/t1.db'"
sqlite3 "$CK_TMP/t1.db" "UPDATE audit SET detail = 'format=csv course=all output=nowhere' WHERE seq = 2"
expect_status "audit --verify: an edited entry breaks the chain" 1 ck --db "$CK_TMP/t1.db" audit --verify
expect_grep "it names the entry" "$CK_TMP/out" "BROKEN at entry 2"
sqlite3 "$db" ".backup '$CK_TMP/t2.db'"
sqlite3 "$CK_TMP/t2.db" "DELETE FROM audit WHERE seq = 3"
expect_status "audit --verify: a deleted entry breaks the chain" 1 ck --db "$CK_TMP/t2.db" audit --verify
expect_status "audit with an operand is a usage error" 2 cc audit now

# Anchors: --verify prints the newest entry; a whole rewrite of the chain
# (every hash recomputed) passes the chain check but not the anchor.
expect_status "audit --verify prints an anchor" 0 cc audit --verify
anchor=$(sed -n 's/^anchor: //p' "$CK_TMP/out")
if [[ $anchor =~ ^[1-9][0-9]*:[0-9a-f]{64}$ ]]; then ok "the anchor is SEQ:HASH"; else not_ok "the anchor is SEQ:HASH" "$anchor"; fi
expect_status "the anchor matches the log it came from" 0 cc audit --verify --anchor "$anchor"
expect_grep "it says so" "$CK_TMP/out" "anchor ${anchor%%:*} matches"
expect_status "an upper-case anchor is the same anchor" 0 cc audit --verify --anchor "${anchor^^}"
sqlite3 "$db" ".backup '$CK_TMP/t3.db'"
python3 - "$CK_TMP/t3.db" <<'PY' || not_ok "rewrite the whole chain"
import hashlib, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
def field(h, s):
    b = s.encode()
    h.update(len(b).to_bytes(8, "little"))
    h.update(b)
rows = db.execute("SELECT seq, at, action, detail FROM audit ORDER BY seq").fetchall()
prev = "0" * 64
for seq, at, action, detail in rows:
    if seq == 2:
        detail = "format=csv course=all output=nowhere"
    h = hashlib.blake2b(digest_size=32)
    for f in (prev, str(seq), at, action, detail):
        field(h, f)
    new = h.hexdigest()
    db.execute("UPDATE audit SET detail = ?, prev = ?, hash = ? WHERE seq = ?",
               (detail, prev, new, seq))
    prev = new
db.execute("UPDATE meta SET value = ? WHERE key = 'audit_head'",
           ("%d %s" % (rows[-1][0], prev),))
db.commit()
PY
expect_status "a rewritten chain still looks intact to the chain check" 0 ck --db "$CK_TMP/t3.db" audit --verify
expect_status "but not against the anchor" 1 ck --db "$CK_TMP/t3.db" audit --verify --anchor "$anchor"
expect_grep "it says the log does not match" "$CK_TMP/out" "does NOT match the anchor"
expect_grep "and why" "$CK_TMP/err" "rewritten since the anchor was taken"
expect_status "an anchor past the end fails" 1 cc audit --verify --anchor "999999:${anchor#*:}"
expect_grep "the entry is missing" "$CK_TMP/err" "entry 999999 is missing"
expect_status "a malformed anchor is a usage error" 2 cc audit --verify --anchor "12:nothex"
expect_status "--anchor without --verify is a usage error" 2 cc audit --anchor "$anchor"
