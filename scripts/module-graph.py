#!/usr/bin/env python3
"""The core's module graph, from its `crate::`/`super::` paths (tests left out), and its
cycles (strongly connected components).

    scripts/module-graph.py [core/src] [--check]   # --check: exit 1 when there is a cycle

A read of the source as text (comments and doc links left out), not of the compiler's
view: good enough to show which modules lean on which, and to keep the graph acyclic.
"""
import os, re, sys
args = [a for a in sys.argv[1:] if a != '--check']
root = args[0] if args else 'core/src'
mods = {}
for dirpath, _, files in os.walk(root):
    for f in files:
        if not f.endswith('.rs'): continue
        path = os.path.join(dirpath, f)
        rel = os.path.relpath(path, root)
        top = rel.split(os.sep)[0].removesuffix('.rs')
        if top in ('lib', 'main'): continue
        text = open(path).read()
        # drop test modules: crude, everything after '#[cfg(test)]'
        text = text.split('#[cfg(test)]')[0]
        # comments and doc links name modules without depending on them
        text = re.sub(r'//.*', '', text)
        deps = set(re.findall(r'\bcrate::([a-z_]+)', text))
        deps |= set(re.findall(r'\bsuper::([a-z_]+)', text)) if os.sep in rel else set()
        mods.setdefault(top, set()).update(d for d in deps if d != top)
names = sorted(mods)
edges = {m: sorted(d for d in mods[m] if d in mods) for m in names}
# Tarjan SCC
index = {}; low = {}; stack = []; on = set(); sccs = []; i = [0]
def visit(v):
    index[v] = low[v] = i[0]; i[0] += 1; stack.append(v); on.add(v)
    for w in edges[v]:
        if w not in index: visit(w); low[v] = min(low[v], low[w])
        elif w in on: low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        comp = []
        while True:
            w = stack.pop(); on.discard(w); comp.append(w)
            if w == v: break
        sccs.append(sorted(comp))
sys.setrecursionlimit(10000)
for v in names:
    if v not in index: visit(v)
cycles = [c for c in sccs if len(c) > 1]
print(f"{len(names)} modules, {sum(len(e) for e in edges.values())} edges")
for m in names: print(f"  {m} -> {', '.join(edges[m])}")
print(f"{len(cycles)} cycle(s):")
for c in cycles: print("  " + " <-> ".join(c))
sys.exit(1 if cycles and "--check" in sys.argv else 0)
