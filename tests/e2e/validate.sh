#!/usr/bin/env bash
# End-to-end tests of `coursekiosk validate`: exit codes, message format,
# and every hostile input of issue 2, each within 2 s and 100 MB, with the
# contents of files it names never in the output.
. "$(dirname "$0")/lib.bash"
FIX=$CK_ROOT/tests/fixtures
T=$CK_TMP/validate
mkdir -p "$T"
# PATH:LINE:COL: message, or PATH: message for a whole file or folder
# (never a made-up 0:0)
FORMAT='^[^:]+(:[1-9][0-9]*:[1-9][0-9]*)?: .+$'

# ---- success, help, usage ---------------------------------------------------
expect_status "good course: exit 0" 0 ck validate "$FIX/good"
if [ "$(cat "$CK_TMP/out")" = "ok: 1 course, 2 modules, 4 pages, 6 questions" ]; then
	ok "good course: summary line"
else not_ok "good course: summary line" "stdout: $(cat "$CK_TMP/out")"; fi
if [ ! -s "$CK_TMP/err" ]; then ok "good course: nothing on stderr"; else
	not_ok "good course: nothing on stderr" "$(head -c 400 "$CK_TMP/err")"; fi

expect_status "two paths: exit 0" 0 ck validate "$FIX/good" "$FIX/good/02-quiz.xml"
expect_grep "two paths: counted together" "$CK_TMP/out" '^ok: 1 course, 3 modules, 5 pages, 12 questions$'
expect_status "manifest file: exit 0" 0 ck validate "$FIX/good/course.xml"
expect_grep "manifest file: whole course" "$CK_TMP/out" '^ok: 1 course, 2 modules'
expect_status "module file: exit 0" 0 ck validate "$FIX/good/01-intro.xml"
expect_grep "module file: summary" "$CK_TMP/out" '^ok: 0 courses, 1 module, 3 pages, 0 questions$'
expect_status "no PATH: the --courses folder (after the command)" 0 ck validate --courses "$FIX/good"
expect_status "no PATH: the --courses folder (before the command)" 0 ck --courses="$FIX/good" validate
expect_status "--help: exit 0" 0 ck validate --help
expect_grep "--help: usage text" "$CK_TMP/out" '^usage: coursekiosk validate \[--strict\] \[PATH\.\.\.\]'
expect_status "unknown option: exit 2" 2 ck validate --frobnicate "$FIX/good"
expect_grep "unknown option: says so" "$CK_TMP/err" "unknown option '--frobnicate'"
expect_status "missing path: exit 1" 1 ck validate "$T/nothing-here"
expect_grep "missing path: named" "$CK_TMP/err" "nothing-here: cannot open"

# ---- problems: format, order, all of them --------------------------------------
expect_status "bad module: exit 1" 1 ck validate "$FIX/bad/single-two-correct.xml"
expect_grep "bad module: PATH:LINE:COL: message" "$CK_TMP/err" \
	"^$FIX/bad/single-two-correct.xml:11:5: question 'q1' has 2 correct options"
if [ ! -s "$CK_TMP/out" ]; then ok "bad module: no summary on stdout"; else
	not_ok "bad module: no summary on stdout" "$(cat "$CK_TMP/out")"; fi

expect_status "two problems in one file: exit 1" 1 ck validate "$FIX/bad/cite-unknown.xml"
if [ "$(wc -l <"$CK_TMP/err")" -eq 2 ] &&
   [ "$(cut -d: -f2 "$CK_TMP/err" | tr '\n' ' ')" = "7 8 " ]; then
	ok "two problems in one file: both, in file order"
else not_ok "two problems in one file: both, in file order" "$(cat "$CK_TMP/err")"; fi

expect_status "folder of bad courses: exit 1" 1 ck validate "$FIX/bad-courses"
n=$(wc -l <"$CK_TMP/err")
if [ "$n" -ge 14 ] && ! grep -Evq "$FORMAT" "$CK_TMP/err"; then
	ok "folder of bad courses: every problem as PATH:LINE:COL: message"
else not_ok "folder of bad courses: every problem as PATH:LINE:COL: message" "$n lines" "$(head -n 20 "$CK_TMP/err")"; fi
if sort -t: -k1,1 -s "$CK_TMP/err" | cmp -s - "$CK_TMP/err"; then
	ok "folder of bad courses: in file order"
else not_ok "folder of bad courses: in file order" "$(cut -d: -f1-3 "$CK_TMP/err")"; fi
for want in "module 'a' requires itself" "cycle: a -> c -> b -> a" \
	"requires 'nosuch'" "module id 'same'" "may not contain '..'" \
	"not an absolute path" "leads outside the course folder" \
	"is a folder, not a course file" "not a module file" \
	"not a course manifest" "has 2 correct options" "is already listed"; do
	expect_grep "folder of bad courses: $want" "$CK_TMP/err" "$want"
done

# A bad course is left out; the good one next to it still loads.
mkdir -p "$T/mixed"
ln -s "$FIX/good" "$T/mixed/good"
ln -s "$FIX/bad-courses/requires-cycle" "$T/mixed/cycle"
mkdir "$T/mixed/not-a-course"
expect_status "mixed folder: exit 1" 1 ck validate "$T/mixed"
expect_grep "mixed folder: folder without course.xml named" "$CK_TMP/err" "not-a-course: no course.xml"
expect_grep "mixed folder: the bad course named" "$CK_TMP/err" "cycle/course.xml:4:"
if [ "$(grep -vc ': warning: ' "$CK_TMP/err")" -eq 2 ]; then ok "mixed folder: only the two problems"; else
	not_ok "mixed folder: only the two problems" "$(cat "$CK_TMP/err")"; fi

# ---- hostile input ------------------------------------------------------------------
canary="CANARY-$$-$RANDOM-do-not-print"
echo "$canary" >"$T/secret.txt"
secret_first=$(head -n1 /etc/passwd)
h=$T/hostile
mkdir -p "$h"
cat >"$h/xxe-local.xml" <<EOF
<?xml version="1.0"?>
<!DOCTYPE module [ <!ENTITY s SYSTEM "file://$T/secret.txt"> ]>
<module format="1" id="m" version="1"><title>&s;</title></module>
EOF
cat >"$h/xxe-relative.xml" <<EOF
<?xml version="1.0"?>
<!DOCTYPE module [ <!ENTITY s SYSTEM "../secret.txt"> ]>
<module>&s;</module>
EOF
cat >"$h/external-dtd-local.xml" <<EOF
<?xml version="1.0"?>
<!DOCTYPE module SYSTEM "$T/secret.txt">
<module/>
EOF
cat >"$h/attr-entity.xml" <<EOF
<?xml version="1.0"?>
<!DOCTYPE module [ <!ENTITY s SYSTEM "file://$T/secret.txt"> ]>
<module id="&s;"/>
EOF
python3 - "$h" <<'EOF'
import os, random, sys
h = sys.argv[1]
def w(name, data):
    open(os.path.join(h, name), 'wb').write(data)
w('deep.xml', b'<?xml version="1.0"?>\n' + b'<p>' * 100000 + b'</p>' * 100000)
w('deep-unclosed.xml', b'<module>' * 100000)
r = random.Random(3)
w('random.xml', bytes(r.randrange(256) for _ in range(200000)))
w('random-text.xml', b'<?xml version="1.0"?>\n<module>' + bytes(r.randrange(256) for _ in range(100000)))
w('over-cap.xml', b'<?xml version="1.0"?>\n<module>' + b'<!-- pad -->' * 400000 + b'</module>\n')
w('many-attrs.xml', b'<?xml version="1.0"?>\n<module ' + b' '.join(b'a%d="x"' % i for i in range(200000))[:3000000] + b'/>\n')
w('long-name.xml', b'<?xml version="1.0"?>\n<' + b'a' * 3000000 + b'/>\n')
w('bidi-flood.xml', b'<?xml version="1.0"?>\n<module>' + '\u202e'.encode() * 1000000 + b'</module>\n')
w('nul.xml', b'<?xml version="1.0"?>\n<module>\x00</module>\n')
w('many-comments.xml', b'<?xml version="1.0"?>\n<module>' + b'<!---->' * 500000 + b'</module>\n')
w('many-xmlns.xml', b'<?xml version="1.0"?>\n<module ' + b' '.join(b'xmlns:a%d="u%d"' % (i, i) for i in range(100000)) + b'/>\n')
head = b'<?xml version="1.0"?>\n<module format="1" id="m" version="1"><title>t</title><meta minutes="1"/><lesson id="l" title="t"><page id="p"><p>'
tail = b'</p></page></lesson><sources><source id="s1">x</source></sources></module>\n'
w('cite-flood.xml', head + (b'<cite ref="' + b' '.join([b'zz'] * 20) + b'"/>') * 49900 + tail)
w('em-flood.xml', head + b'<em>a</em> b ' * 49000 + b'<bad/>' + tail)
EOF
mkfifo "$h/fifo.xml"
mkdir "$h/a-folder.xml"
cases=(
	"$FIX/bad/truncated.xml" "$FIX/bad/empty.xml" "$FIX/bad/bad-utf8.xml"
	"$FIX/bad/utf16.xml" "$FIX/bad/html-root.xml" "$FIX/bad/entity-bomb.xml"
	"$FIX/bad/xxe-file.xml" "$FIX/bad/xxe-url.xml" "$FIX/bad/external-dtd.xml"
	"$FIX/bad/param-entity.xml" "$FIX/bad/xinclude.xml" "$FIX/bad/latin1.xml"
	"$h/xxe-local.xml" "$h/xxe-relative.xml" "$h/external-dtd-local.xml"
	"$h/attr-entity.xml" "$h/deep.xml" "$h/deep-unclosed.xml" "$h/random.xml"
	"$h/random-text.xml" "$h/over-cap.xml" "$h/many-attrs.xml"
	"$h/long-name.xml" "$h/bidi-flood.xml" "$h/nul.xml" "$h/fifo.xml"
	"$h/many-comments.xml" "$h/many-xmlns.xml" "$h/cite-flood.xml"
	"$h/em-flood.xml"
	"$FIX/bad-courses/href-directory" "$FIX/bad-courses/href-symlink"
	"$FIX/bad-courses/href-absolute" "/dev/zero"
)
budget_checks=1
[ "${CK_VALGRIND:-}" = 1 ] || [ "${CK_SANITIZE:-}" = 1 ] && budget_checks=0
for f in "${cases[@]}"; do
	name=hostile:$(basename "$f")
	start=$(date +%s%N)
	timeout 10 /usr/bin/time -f %M -o "$T/mem" "$CK_BIN" validate "$f" \
		>"$T/out" 2>"$T/err"
	rc=$?
	ms=$((($(date +%s%N) - start) / 1000000))
	kb=$(tail -n1 "$T/mem")
	if [ "$rc" -ne 1 ]; then
		not_ok "$name: exit 1" "exit $rc" "$(head -c 300 "$T/err")"
	elif ! grep -Eq "$FORMAT" "$T/err" || grep -Evq "$FORMAT" "$T/err"; then
		not_ok "$name: exit 1" "bad message format" "$(head -c 300 "$T/err")"
	else ok "$name: exit 1 with PATH:LINE:COL: message"; fi
	if [ "$budget_checks" = 1 ]; then
		if [ "$ms" -lt 2000 ] && [ "${kb:-999999}" -lt 102400 ]; then
			ok "$name: ${ms} ms, ${kb} KB (under 2 s and 100 MB)"
		else not_ok "$name: under 2 s and 100 MB" "$ms ms, $kb KB"; fi
	fi
	if grep -qF -e "$canary" -e "$secret_first" "$T/out" "$T/err"; then
		not_ok "$name: no contents of a named file in the output" "$(grep -F -e "$canary" -e "$secret_first" "$T/err" | head -3)"
	else ok "$name: no contents of a named file in the output"; fi
done

# An unreadable file (root reads anything, so run as nobody when root).
u=$(mktemp -d /tmp/ck-unreadable.XXXXXX)
chmod 755 "$u"
cp "$FIX/good/01-intro.xml" "$u/locked.xml"
chmod 000 "$u/locked.xml"
as=()
if [ "$(id -u)" = 0 ]; then as=(setpriv --reuid=65534 --regid=65534 --clear-groups); fi
"${as[@]}" "$CK_BIN" validate "$u/locked.xml" >"$T/out" 2>"$T/err"
rc=$?
if [ "$rc" -eq 1 ] && grep -q "locked.xml: cannot open: Permission denied" "$T/err"; then
	ok "unreadable file: exit 1, cannot open"
else not_ok "unreadable file: exit 1, cannot open" "exit $rc" "$(cat "$T/err")"; fi
rm -rf "$u"

# Problems are capped per file, so a flood stays readable.
"$CK_BIN" validate "$h/bidi-flood.xml" >"$T/out" 2>"$T/err"
n=$(wc -l <"$T/err")
if [ "$n" -le 52 ] && grep -q "too many problems" "$T/err"; then
	ok "flood of problems: capped per file ($n lines)"
else not_ok "flood of problems: capped per file" "$n lines"; fi
