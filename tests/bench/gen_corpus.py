#!/usr/bin/env python3
"""Writes a corpus of course folders for the load benchmark.

usage: gen_corpus.py DIR [COURSES] [MODULES_PER_COURSE]
Every module is valid, about 8 KB, and uses every kind of block and
question, so the benchmark exercises the whole loader.
"""
import os
import random
import sys

WORDS = ("child trafficking safeguarding border police social worker referral "
         "agency protocol consent exploitation evidence interview record "
         "partner country authority victim support network guidance case "
         "review risk assessment information sharing cooperation").split()


def words(r, n):
    return " ".join(r.choice(WORDS) for _ in range(n))


def module(r, cid, mid, n):
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           f'<module format="1" id="{mid}" version="1" xml:lang="en">',
           f'  <title>{words(r, 6).capitalize()}</title>',
           '  <meta minutes="20" audience="social-work police border" '
           'content-note="Describes exploitation."/>']
    for l in range(3):
        out.append(f'  <lesson id="l{l}" title="{words(r, 4)}">')
        for p in range(3):
            out.append(f'    <page id="l{l}p{p}" title="{words(r, 3)}">')
            out.append(f'      <h>{words(r, 3)}</h>')
            out.append(f'      <p>{words(r, 9)} <em>{words(r, 2)}</em> '
                       f'{words(r, 7)} <strong>{words(r, 2)}</strong> '
                       f'{words(r, 6)}<cite ref="s1"/></p>')
            out.append(f'      <list><item>{words(r, 4)}</item>'
                       f'<item>{words(r, 4)}</item></list>')
            out.append(f'      <note kind="key">{words(r, 5)}</note>')
            out.append('      <cite ref="s1 s2"/>')
            out.append('    </page>')
        out.append('  </lesson>')
    out.append('  <quiz id="check" title="Check" pass="80" draw="6">')
    out.append(f'    <single id="q1" critical="yes"><prompt>{words(r, 8)}?</prompt>'
               f'<option correct="yes">{words(r, 3)}<why>{words(r, 6)}</why></option>'
               f'<option>{words(r, 3)}</option><option>{words(r, 3)}</option>'
               f'<hint>{words(r, 4)}</hint><explain>{words(r, 8)}</explain></single>')
    out.append(f'    <multiple id="q2" scoring="partial"><prompt>{words(r, 8)}</prompt>'
               f'<option correct="yes">{words(r, 3)}</option>'
               f'<option correct="yes">{words(r, 3)}</option>'
               f'<option>{words(r, 3)}</option></multiple>')
    out.append(f'    <truefalse id="q3" answer="true"><prompt>{words(r, 8)}</prompt>'
               f'<explain>{words(r, 6)}</explain></truefalse>')
    out.append(f'    <text id="q4"><prompt>{words(r, 8)}</prompt>'
               f'<accept>{words(r, 1)}</accept><accept>{words(r, 2)}</accept></text>')
    out.append(f'    <order id="q5"><prompt>{words(r, 6)}</prompt><item>{words(r, 2)}</item>'
               f'<item>{words(r, 2)}</item><item>{words(r, 2)}</item></order>')
    out.append(f'    <match id="q6"><prompt>{words(r, 6)}</prompt>'
               f'<pair left="{words(r, 1)}" right="{words(r, 2)}"/>'
               f'<pair left="{words(r, 1)}" right="{words(r, 2)}"/></match>')
    for q in range(7, 9):
        out.append(f'    <single id="q{q}"><prompt>{words(r, 8)}</prompt>'
                   f'<option>{words(r, 3)}</option>'
                   f'<option correct="yes">{words(r, 3)}</option></single>')
    out.append('  </quiz>')
    out.append('  <sources>')
    out.append(f'    <source id="s1" publisher="NSPCC" year="2015" '
               f'url="nspcc.org.uk/{mid}">{words(r, 7)}</source>')
    out.append(f'    <source id="s2">{words(r, 5)}</source>')
    out.append('  </sources>')
    out.append('</module>')
    return "\n".join(out) + "\n"


def main():
    top = sys.argv[1]
    ncourses = int(sys.argv[2]) if len(sys.argv) > 2 else 50
    nmods = int(sys.argv[3]) if len(sys.argv) > 3 else 20
    r = random.Random(42)
    for c in range(ncourses):
        cid = f"course-{c:03d}"
        d = os.path.join(top, cid)
        os.makedirs(d, exist_ok=True)
        man = ['<?xml version="1.0" encoding="UTF-8"?>',
               f'<course format="1" id="{cid}" version="1" xml:lang="en">',
               f'  <title>{words(r, 5)}</title>',
               f'  <summary>{words(r, 20)}</summary>']
        for m in range(nmods):
            mid = f"m{m:03d}"
            fn = f"{m:03d}-{mid}.xml"
            req = f' requires="m{m - 1:03d}"' if m else ""
            man.append(f'  <module href="{fn}"{req}/>')
            with open(os.path.join(d, fn), "w") as f:
                f.write(module(r, cid, mid, m))
        man.append('  <certificate title="Certificate" valid-for="P2Y"/>')
        man.append('</course>')
        with open(os.path.join(d, "course.xml"), "w") as f:
            f.write("\n".join(man) + "\n")


main()
