#!/usr/bin/env python3
"""Prints the slowest test classes of JUnit XML reports (surefire's and failsafe's TEST-*.xml).

usage: slowest.py [-n 10] DIR...   (each DIR is searched for TEST-*.xml, subfolders included)

A class run in more than one pass (Java 17, then 21+) is listed once per report, with the pass's
folder, so that each pass's share shows.
"""
import argparse
import pathlib
import sys
import xml.etree.ElementTree as ET


def suites(dirs):
    for d in dirs:
        for report in sorted(pathlib.Path(d).rglob("TEST-*.xml")):
            try:
                root = ET.parse(report).getroot()
            except ET.ParseError as e:
                print(f"slowest: cannot read {report}: {e}", file=sys.stderr)
                continue
            for suite in ([root] if root.tag == "testsuite" else root.iter("testsuite")):
                yield report.parent, suite


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=10, help="how many classes (10)")
    parser.add_argument("dirs", nargs="+")
    args = parser.parse_args()
    rows = []
    total = 0.0
    for folder, suite in suites(args.dirs):
        seconds = float(suite.get("time") or 0)
        total += seconds
        rows.append((seconds, suite.get("name"), int(suite.get("tests") or 0), folder))
    rows.sort(key=lambda r: r[0], reverse=True)
    print(f"== the {min(args.n, len(rows))} slowest test classes of {len(rows)} "
          f"({total:.0f} s in all, summed over the JVMs that ran them side by side)")
    for seconds, name, tests, folder in rows[: args.n]:
        print(f"{seconds:8.1f} s  {name}  ({tests} tests, {folder})")


if __name__ == "__main__":
    main()
