#!/usr/bin/env python3
"""Leave one set out: for each judged set, pick the system of fusion.py with the best mean over the OTHER
sets (success@3 + MRR@10), then score it on the held-out set, next to the baseline (the hybrid docpulse
ships). A setting that only fits the sets it was picked on shows here as no gain on the held-out set.

    python3 bench/search/semantic/crossval.py DUMP.jsonl [SYSTEM-REGEX]
"""
import importlib.util, os, re, sys
spec = importlib.util.spec_from_file_location('fusion', os.path.join(os.path.dirname(__file__), 'fusion.py'))
f = importlib.util.module_from_spec(spec); spec.loader.exec_module(f)

BASELINE = 'linear a=0.3 lex/top vec/minmax first'

meta, qs = f.load(sys.argv[1])
f.N_PAGES.update({k: len(v) for k, v in meta.items()})
if 'second' in qs[0]['vec']:
    f.KINDS.extend(['stripped', 'second*0.25', 'second*0.5', 'mean*0.25', 'mean*0.5'])
pattern = re.compile(sys.argv[2]) if len(sys.argv) > 2 else None
sets = [s for s in f.ORDER if any(f.set_name(o) == s for o in qs)]
results = {name: f.evaluate(qs, fn) for name, fn in f.systems().items()
           if name == BASELINE or not pattern or pattern.search(name)}
print('| held-out set | picked on the other five | its score there (s@3 / MRR@10) | baseline there | picked, on the held-out set | baseline, on the held-out set |')
print('|---|---|---|---|---|---|')
gain3 = gainr = 0
for held in sets:
    others = [s for s in sets if s != held]
    def mean(name):
        r = results[name]
        return (sum(r[s][0] for s in others) / len(others), sum(r[s][1] for s in others) / len(others))
    best = max(results, key=lambda n: (sum(mean(n)), n == BASELINE))
    b, p = results[BASELINE][held], results[best][held]
    gain3 += (p[0] - b[0]) / len(sets)
    gainr += (p[1] - b[1]) / len(sets)
    print(f'| {held} | {best} | {mean(best)[0]:.3f} / {mean(best)[1]:.3f} | {mean(BASELINE)[0]:.3f} / {mean(BASELINE)[1]:.3f} '
          f'| {p[0]:.3f} / {p[1]:.3f} | {b[0]:.3f} / {b[1]:.3f} |')
print(f'\nmean change on the held-out sets: success@3 {gain3:+.3f}, MRR@10 {gainr:+.3f} ({len(results)} systems)')
