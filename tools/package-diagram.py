#!/usr/bin/env python3
"""Draws src/main/java/echolab's packages and what each uses, from the code itself, as a Mermaid
graph in docs/architecture.md (between its `packages:begin` and `packages:end` comments).

A package uses another when one of its classes names a class of the other: an import, or a name
written out in full in the code (comments do not count). Sub-packages are folded into their
package (engine.child into engine, observe.check into observe, sync.step into sync), except
ui's, which are drawn one by one inside ui. Run it after moving code between packages:

    python3 tools/package-diagram.py
"""
import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
SOURCES = os.path.join(ROOT, 'src', 'main', 'java', 'echolab')
DOC = os.path.join(ROOT, 'docs', 'architecture.md')
BEGIN, END = '<!-- packages:begin -->', '<!-- packages:end -->'
CORE = ['engine', 'sync', 'events', 'clients', 'lab', 'observe', 'lessons', 'bench', 'cli']


def package(parts):
    """The drawn package of a package path such as ['ui', 'diagram'] or ['engine', 'child']."""
    if not parts:
        return 'Main'
    if parts[0] == 'ui' and len(parts) > 1:
        return 'ui.' + parts[1]
    return parts[0]


def strip_comments(source):
    source = re.sub(r'/\*.*?\*/', '', source, flags=re.S)
    source = re.sub(r'"(?:\\.|[^"\\])*"', '""', source)
    return re.sub(r'//[^\n]*', '', source)


def uses():
    edges = set()
    for folder, _, files in os.walk(SOURCES):
        for name in files:
            if not name.endswith('.java'):
                continue
            here = package(os.path.relpath(folder, SOURCES).replace('.', '').split(os.sep) if folder != SOURCES else [])
            code = strip_comments(open(os.path.join(folder, name), encoding='utf-8').read())
            code = re.sub(r'^package [\w.]+;', '', code, flags=re.M)
            for m in re.finditer(r'\becholab\.((?:[a-z]\w*\.)*)[A-Z]', code):
                there = package([p for p in m.group(1).split('.') if p])
                if there != here:
                    edges.add((here, there))
    return edges


def mermaid(edges):
    nodes = sorted({n for e in edges for n in e})
    ui = [n for n in nodes if n.startswith('ui.')]
    lines = ['```mermaid', 'flowchart LR']
    lines.append('  Main["Main (the jar\'s entry)"]')
    lines.append('  subgraph window["ui: JavaFX, the only packages that know it"]')
    lines.append('    ui["ui (the app shell)"]')
    for n in ui:
        lines.append('    %s["%s"]' % (n.replace('.', '_'), n))
    lines.append('  end')
    for n in CORE:
        if n in nodes:
            lines.append('  %s' % n)
    for a, b in sorted(edges):
        lines.append('  %s --> %s' % (a.replace('.', '_'), b.replace('.', '_')))
    lines.append('```')
    return '\n'.join(lines)


def main():
    block = mermaid(uses())
    doc = open(DOC, encoding='utf-8').read()
    if BEGIN not in doc or END not in doc:
        sys.exit('docs/architecture.md has no %s ... %s block' % (BEGIN, END))
    head, rest = doc.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    open(DOC, 'w', encoding='utf-8').write(head + BEGIN + '\n' + block + '\n' + END + tail)


if __name__ == '__main__':
    main()
