#!/usr/bin/env python3
"""Counts the skipped tests of JUnit XML reports and fails on a skip that is not expected.

usage: skips.py PASS EXPECTED-SKIPS DIR...

PASS names the pass (17: the build's own JDK; 21: the Java 21+ pass). EXPECTED-SKIPS lists, one a
line, "PASS<TAB>CLASS#TEST<TAB>why": PASS is 17, 21 or any; in CLASS#TEST a * matches anything, all else
is literal; TEST is the name the report gives (a parameterized test's "name(Type)[n]"). A skip matching no
line of this pass makes the exit status 1, so that CI fails: a test that silently stops running
has lost its coverage. An expected skip that did not happen is only reported.
"""
import pathlib
import re
import sys
import xml.etree.ElementTree as ET


def expected(path, this_pass):
    rules = []
    for number, line in enumerate(pathlib.Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) < 3 or fields[0] not in ("17", "21", "any"):
            sys.exit(f"{path}:{number}: expected PASS<TAB>CLASS#TEST<TAB>why, PASS one of 17, 21, any")
        if fields[0] in (this_pass, "any"):
            rule = fields[1].strip()
            rules.append((rule, re.compile(".*".join(re.escape(part) for part in rule.split("*")))))
    return rules


def skipped(dirs):
    for d in dirs:
        for report in sorted(pathlib.Path(d).rglob("TEST-*.xml")):
            for case in ET.parse(report).getroot().iter("testcase"):
                mark = case.find("skipped")
                if mark is not None:
                    why = (mark.get("message") or mark.text or "").strip().splitlines()
                    yield f"{case.get('classname')}#{case.get('name')}", why[0] if why else ""


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    this_pass, rules_file, dirs = sys.argv[1], sys.argv[2], sys.argv[3:]
    rules = expected(rules_file, this_pass)
    used = set()
    unexpected = []
    count = 0
    for test, why in skipped(dirs):
        count += 1
        match = next((rule for rule, pattern in rules if pattern.fullmatch(test)), None)
        if match is None:
            unexpected.append((test, why))
        else:
            used.add(match)
    print(f"== pass {this_pass}: {count} tests skipped, {count - len(unexpected)} of them expected ({rules_file})")
    for rule, _ in rules:
        if rule not in used:
            print(f"   expected to skip, but did not: {rule}")
    for test, why in unexpected:
        print(f"   UNEXPECTED SKIP: {test}: {why}")
    if unexpected:
        print(f"== {len(unexpected)} unexpected skips: a tool missing here, a build that stopped a test, "
              f"or a new skip to justify in {rules_file}")
        sys.exit(1)


if __name__ == "__main__":
    main()
