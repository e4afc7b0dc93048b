#!/usr/bin/env bash
# tests/e2e/course_content.sh - the shipped course keeps the promises of its
# issue: it validates; every module has sources and cites them; every cite
# resolves; every question has an explanation; every question type is used;
# at least 60 questions; pass marks 70-80; safeguarding essentials critical;
# modules that describe abuse carry a content note; history is labelled.
# Second edition (issue 17): every cite is in the fact register FACTS.md;
# every question has a kind (recall or decision) and at most a quarter are
# recall; critical questions are child-protecting decisions, never
# true/false, and cover the five rules; the right option is the longest in
# at most 40% of single-choice questions; no hint gives the answer away;
# each module opens with 3-4 outcomes and ends with "What to do on Monday";
# no page is longer than two screens at 80x24; the glossary names the
# acronyms; two Romanian-side composite cases; the facts' check date.
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

# ---- second edition (issue 17) ------------------------------------------------
# The modules were rewritten one at a time: these checks apply to every
# module at version 2 or later, and the course-wide ones once all are.
mods1 = mods
mods = [(h, r) for h, r in mods1 if int(r.get("version")) >= 2]
all_second = len(mods) == len(mods1)
facts_path = os.path.join(folder, "FACTS.md")
check("FACTS.md exists", os.path.isfile(facts_path))
facts = open(facts_path, encoding="utf-8").read() if os.path.isfile(facts_path) else ""
# Rows of the register: "| where | statement | sources | items |" under a
# "## Module N: ID" heading; the quiz register "| module | question | kind |
# rule |" under "## Quiz register".
reg, qreg, section = {}, {}, None
for line in facts.splitlines():
    m = re.match(r"^## Module \d+: ([a-z0-9-]+)", line)
    if m:
        section = m.group(1); continue
    if line.startswith("## Quiz register"):
        section = "#quiz"; continue
    if line.startswith("## "):
        section = None; continue
    cells = [c.strip() for c in line.strip().strip("|").split("|")]
    if not line.startswith("|") or len(cells) < 4 or set(cells[0]) <= set("-") \
            or cells[0] in ("where", "module"):
        continue
    if section == "#quiz":
        qreg[(cells[0], cells[1])] = (cells[2], cells[3])
    elif section:
        reg.setdefault((section, cells[0]), set()).update(cells[2].split())

def cites_in(el):
    out = set()
    for c in el.iter("cite"):
        out.update(c.get("ref").split())
    return out

missing = []
for href, root in mods:
    mid = root.get("id")
    units = list(root.iter("page")) + [q for q in root.iter() if q.tag in TYPES] \
        + list(root.iter("case"))
    for u in units:
        need = cites_in(u) - reg.get((mid, u.get("id")), set())
        if need:
            missing.append("%s %s: %s" % (mid, u.get("id"), " ".join(sorted(need))))
check("every cite in the course is in FACTS.md, at its page or question",
      not missing, missing)

allq, recall, singles, longest, crit_rules = [], 0, 0, [], set()
bad_kind, bad_crit, giveaway = [], [], []
RULES = {"interpreter", "location", "age", "refer", "return"}
for href, root in mods:
    mid = root.get("id")
    quiz = root.find("quiz")
    if quiz is None:
        continue
    for q in quiz:
        if q.tag not in TYPES:
            continue
        qid = q.get("id")
        allq.append(qid)
        kind, rule = qreg.get((mid, qid), (q.get("kind"), ""))
        if q.get("kind") and q.get("kind") != kind:
            bad_kind.append("%s %s: attribute %s, register %s" % (mid, qid, q.get("kind"), kind))
        if kind not in ("recall", "decision"):
            bad_kind.append("%s %s: no kind" % (mid, qid))
        recall += kind == "recall"
        if q.get("critical") == "yes":
            if q.tag == "truefalse" or kind != "decision" or rule not in RULES:
                bad_crit.append("%s %s (%s, %s, %s)" % (mid, qid, q.tag, kind, rule))
            crit_rules.add(rule)
        if q.tag == "single":
            singles += 1
            opts = q.findall("option")
            lens = [len(" ".join((o.text or "").split())) for o in opts]
            right = [i for i, o in enumerate(opts) if o.get("correct") == "yes"][0]
            if lens[right] == max(lens):
                longest.append(qid)
        hint = q.find("hint")
        if hint is not None:
            h = " ".join("".join(hint.itertext()).split()).lower()
            answers = [o.text for o in q.findall("option") if o.get("correct") == "yes"]
            answers += [a.text for a in q.findall("accept")]
            if any(a and " ".join(a.split()).lower() in h for a in answers):
                giveaway.append("%s %s" % (mid, qid))
check("every question has a kind, in FACTS.md or its kind attribute", not bad_kind, bad_kind)
check("at most a quarter of the questions are recall (%d of %d)" % (recall, len(allq)),
      4 * recall <= len(allq), recall)
check("critical questions are decisions that protect a child, never true/false",
      not bad_crit, bad_crit)
if all_second:
    check("the critical questions cover the five rules", RULES <= crit_rules,
          RULES - crit_rules)
check("the right option is the longest in at most 40%% of single-choice "
      "questions (%d of %d)" % (len(longest), singles),
      10 * len(longest) <= 4 * singles, longest)
check("no hint contains the right answer", not giveaway, giveaway)
joined2 = " ".join(" ".join(r.itertext()) for _, r in mods) + " " + \
    " ".join(man.itertext())
for term in ["built on the 2015 ICARUS training", "three countries from which",
             "This is why, in 2015", "help find out about her family"]:
    check("the first edition's error is gone: %s" % term,
          term.lower() not in joined2.lower())
check("no order question over the course's steps (they overlap)",
      not [q.get("id") for _, r in mods for q in r.iter("order")
           if "step" in " ".join(q.find("prompt").itertext()).lower()])

# Structure: outcomes first, "What to do on Monday" last, page length.
def flat(e):
    out = [e.text or ""]
    for c in e:
        out.append("[" + ", ".join(c.get("ref").split()) + "]" if c.tag == "cite"
                   else "".join(c.itertext()))
        out.append(c.tail or "")
    return " ".join("".join(out).split())

import textwrap
long_pages = []
for href, root in mods:
    mid = root.get("id")
    pages = root.findall("lesson/page")
    first = [p for p in pages[:3] if p.get("id") == "outcomes"]
    n = len(first[0].findall("list/item")) if first else 0
    check("%s: opens with 3-4 learning outcomes" % mid, 3 <= n <= 4, n)
    last = pages[-1]
    check("%s: ends with 'What to do on Monday'" % mid,
          last.get("title") == "What to do on Monday" and
          len(last.findall(".//item")) >= 3, last.get("title"))
    for pg in pages:
        # The reader's text column is at most 76 wide at 80x24, with a title
        # line and a blank line between blocks; two screens hold about 40
        # lines of text.  The estimate is generous with the margin.
        n = 2
        for b in pg:
            if b.tag == "list":
                n += sum(len(textwrap.wrap(flat(i), 72)) for i in b)
            elif b.tag == "cite":
                n += 1
            else:
                n += len(textwrap.wrap(flat(b), 70 if b.tag == "note" else 74))
            n += 1
        if n > 38:
            long_pages.append("%s %s (%d lines)" % (mid, pg.get("id"), n))
check("no page longer than two screens at 80x24", not long_pages, long_pages)

# The course states when its facts were checked.
if all_second:
  summary = " ".join("".join(man.find("summary").itertext()).split())
  check("course.xml states the date the facts were checked",
        re.search(r"checked .*\d{1,2} \w+ 20\d\d", summary), summary)
# "Free to move, invisible to care" is explained where it is introduced.
intro = [p for _, r in mods for p in r.iter("page")
         if "free to move, invisible to care" in " ".join(p.itertext()).lower()]
check("Free to Move, Invisible to Care is explained where introduced",
      intro and '"free to move"' in " ".join(intro[0].itertext()).lower()
      and '"invisible to care"' in " ".join(intro[0].itertext()).lower())

PY
