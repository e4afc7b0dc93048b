#!/usr/bin/env python3
"""A trainee completes a whole course through `coursekiosk --plain` driven
through pipes, for tests/e2e/coordinator.sh.

usage: coord_complete.py DB COURSES_DIR COURSE_FOLDER NAME

Reuses the line-mode helpers of plain_drive.py (answers are read from the
course XML, never hard-coded).  Prints "ok - ..." / "not ok - ..." lines.
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import plain_drive as pd  # noqa: E402


def module_lines(lst):
    """Module number -> its whole entry in the list (wrapped lines joined)."""
    out, cur = {}, None
    for line in lst.split("\n"):
        m = re.match(r"^  (\d+)\. (.*)$", line)
        if m:
            cur = int(m.group(1))
            out[cur] = m.group(2)
        elif cur is not None and line.startswith("     "):
            out[cur] += " " + line.strip()
        else:
            cur = None
    return out


def main():
    db, courses_dir, folder, name = sys.argv[1:5]
    course = pd.Course(folder)
    k = pd.Kiosk(db, courses_dir)
    try:
        pd.register(k, name)
        pd.open_course(k, course)
        lst = ""
        for _round in range(len(course.modules) * 2):
            lst = pd.module_list(k)
            lines = module_lines(lst)
            target = None
            for i, _m in enumerate(course.modules):
                line = lines[i + 1]
                if ": complete" in line or ": locked" in line:
                    continue
                target = i
                break
            if target is None:
                break
            m = course.modules[target]
            pd.open_module(k, course, target)
            pd.read_module(k)
            if m["questions"]:
                first = pd.start_quiz(k)
                res = pd.answer_questions(k, course, True, first=first,
                                          module=m["id"])
                if "Result: passed." not in res:
                    raise AssertionError("%s not passed:\n%s" %
                                         (m["id"], res[-1500:]))
                k.send("")
                k.prompt("Choose: ")
            k.send("b")
        pd.check("line mode: %s completes every module of %s" %
                 (name, course.title),
                 all(": complete" in module_lines(lst).get(i + 1, "")
                     for i in range(len(course.modules))), lst[-1500:])
        k.send("s")
        rc = k.close()
        pd.check("line mode: exits 0 after signing out", rc == 0,
                 "exit %s" % rc)
    except (AssertionError, TimeoutError, EOFError, AttributeError,
            ValueError) as ex:
        pd.not_ok("line mode: %s completes the course" % name, ex,
                  "transcript tail:", k.all[-2500:])
        k.p.kill()
    return 0


if __name__ == "__main__":
    sys.exit(main())
