#!/usr/bin/env bash
# tests/e2e/course_content.sh - the shipped course keeps the promises of its
# issue: it validates; every module has sources and cites them; every cite
# resolves; every question has an explanation; every question type is used;
# at least 60 questions; pass marks 70-80; safeguarding essentials critical;
# modules that describe abuse carry a content note; history is labelled.
. "$(dirname "$0")/lib.bash"
cd "$CK_ROOT" || exit 1

course=courses/cross-border-safeguarding
expect_status "coursekiosk validate courses passes" 0 ck validate courses
expect_grep "validate prints its summary" "$CK_TMP/out" '^ok: 2 courses, '
expect_status "the shipped course validates on its own" 0 ck validate "$course"

python3 - "$course" <<'PY'
import os, re, sys
import xml.etree.ElementTree as ET

folder = sys.argv[1]
TYPES = ["single", "multiple", "truefalse", "text", "order", "match"]

def check(name, cond, detail=""):
    print(("ok - " if cond else "not ok - ") + name)
    if not cond and detail:
        print("    " + str(detail)[:600])

man = ET.parse(os.path.join(folder, "course.xml")).getroot()
mods = []
for m in man.findall("module"):
    root = ET.parse(os.path.join(folder, m.get("href"))).getroot()
    mods.append((m.get("href"), root))

check("six modules or more", len(mods) >= 6, len(mods))
total = 0
types = set()
for href, root in mods:
    mid = root.get("id")
    sources = {s.get("id"): s for s in root.findall("sources/source")}
    check("%s: has sources" % mid, len(sources) > 0)
    check("%s: every source has a publisher and a year" % mid,
          all(s.get("publisher") and s.get("year") for s in sources.values()),
          [k for k, s in sources.items() if not (s.get("publisher") and s.get("year"))])
    refs = set()
    for c in root.iter("cite"):
        refs.update(c.get("ref").split())
    check("%s: every cite resolves to a source" % mid, refs <= set(sources),
          refs - set(sources))
    check("%s: every source is cited" % mid, set(sources) <= refs,
          set(sources) - refs)
    meta = root.find("meta")
    minutes = int(meta.get("minutes"))
    check("%s: 15-30 minutes" % mid, 15 <= minutes <= 30, minutes)
    quiz = root.find("quiz")
    check("%s: has a quiz" % mid, quiz is not None)
    if quiz is None:
        continue
    qs = [q for q in quiz if q.tag in TYPES]
    total += len(qs)
    types.update(q.tag for q in qs)
    check("%s: at least 10 questions" % mid, len(qs) >= 10, len(qs))
    check("%s: every question has an explanation" % mid,
          all(q.find("explain") is not None and
              "".join(q.find("explain").itertext()).strip() for q in qs),
          [q.get("id") for q in qs if q.find("explain") is None])
    p = int(quiz.get("pass", "80"))
    check("%s: pass mark 70-80" % mid, 70 <= p <= 80, p)
    check("%s: has a critical question" % mid,
          any(q.get("critical") == "yes" for q in qs))
    text = " ".join(root.itertext()).lower()
    if re.search(r"exploit|abuse|violence", text):
        check("%s: describes abuse, so carries a content note" % mid,
              bool(meta.get("content-note")))
check("at least 60 questions in all (%d)" % total, total >= 60, total)
check("every question type is used", set(TYPES) <= types, set(TYPES) - types)

# History is labelled: the 2015-era arrangements appear in history notes.
alltext = {}
for href, root in mods:
    hist = " ".join(" ".join(n.itertext()) for n in root.iter("note")
                    if n.get("kind") == "history")
    alltext[root.get("id")] = hist
hist = " ".join(alltext.values())
for term in ["Brussels", "2019", "advocate"]:
    check("history notes mention %s" % term, term.lower() in hist.lower())

# The helplines are given exactly as in the brief.
joined = " ".join(" ".join(r.itertext()) for _, r in mods)
for number in ["0808 800 5000", "help@nspcc.org.uk", "08000 121 700"]:
    check("the course gives %s" % number, number in joined)
# The framework is never presented as the NSPCC's or ICARUS's own model:
# where those words appear, they are denied ("NOT the ICARUS model").
claims = [m.group(0) for m in re.finditer(
    r'(?i)(\w+\W+){0,3}"?(the ICARUS model|the NSPCC framework)', joined)
    if not re.search(r"(?i)\bnot\b", m.group(0))]
check("the ICARUS model or NSPCC framework is named only to say the course "
      "does not teach it", not claims, claims)
PY
