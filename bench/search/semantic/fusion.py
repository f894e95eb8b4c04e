#!/usr/bin/env python3
"""Fusion experiments on a dump of Semantic.java (`dump` mode): every ranking is scored on every judged
set at once, success@3 / MRR@10 per set, their mean, and the lowest set.

    python3 bench/search/semantic/fusion.py DUMP.jsonl [SYSTEM-REGEX]
"""
import json, math, re, sys
from collections import defaultdict

DEPTH = 100

def load(path):
    meta, qs = {}, []
    for line in open(path):
        o = json.loads(line)
        if 'pages' in o:
            meta[o['set']] = o['pages']
        else:
            qs.append(o)
    return meta, qs

def set_name(o):
    s = o['set']
    if s == 'artsy-readme':
        return s + (' chat' if o['q'].get('style') == 'chat' else '')
    return s

def metrics(ranked, relevant):
    rank = 0
    for i, p in enumerate(ranked[:10]):
        if p in relevant:
            rank = i + 1
            break
    return (1 if 0 < rank <= 3 else 0), (1 / rank if rank else 0)

def vec_scores(o, kind):
    v = o['vec']
    if kind == 'first':
        return dict(v['first'])
    if kind == 'stripped':
        return dict(v['stripped'])
    if kind.startswith('second*'):
        lam = float(kind.split('*')[1])
        return {p: c + lam * v['second'][p] for p, c in v['first'].items()}
    if kind.startswith('mean*'):
        lam = float(kind.split('*')[1])
        return {p: c + lam * v['mean'][p] for p, c in v['first'].items()}
    out = dict(v['first'])
    parts = kind.split('+')[1:]
    for part in parts:
        src = v['deeper'] if part == 'deeper' else v['page']
        for p, c in src.items():
            out[p] = max(out.get(p, -1), c)
    return out

def top(d, n):
    return sorted(d.items(), key=lambda e: (-e[1], e[0]))[:n]

def ranked(d):
    return [p for p, _ in sorted(d.items(), key=lambda e: (-e[1], e[0]))]

def lexical(o):
    return [p for p, _ in o['lex']]

def vector(o, kind):
    return ranked(vec_scores(o, kind))

def linear(o, a, kind='first', lexnorm='top', vecnorm='minmax'):
    score = defaultdict(float)
    lex = o['lex'][:DEPTH]
    if lex and lexnorm == 'z':
        mean = sum(s for _, s in lex) / len(lex)
        sd = math.sqrt(sum((s - mean) ** 2 for _, s in lex) / len(lex)) or 1
        for p, s in lex:
            score[p] += a * (s - mean) / sd
    elif lex:
        hi = lex[0][1]
        lo = lex[-1][1] if lexnorm == 'minmax' else 0
        for p, s in lex:
            x = (s - lo) / (hi - lo) if hi > lo else 1
            score[p] += a * x
    vec = top(vec_scores(o, kind), DEPTH)
    hi, lo = vec[0][1], vec[-1][1]
    if vecnorm == 'minmax':
        for p, c in vec:
            score[p] += (1 - a) * ((c - lo) / (hi - lo) if hi > lo else 1)
    elif vecnorm == 'z':
        mean = sum(c for _, c in vec) / len(vec)
        sd = math.sqrt(sum((c - mean) ** 2 for _, c in vec) / len(vec)) or 1
        for p, c in vec:
            score[p] += (1 - a) * (c - mean) / sd
    elif vecnorm == 'top':
        for p, c in vec:
            score[p] += (1 - a) * c / hi
    return ranked(score)

def coverage(o, n_pages):
    """Each page's share of the query's idf mass (the words it matches anywhere), 0..1."""
    total, cov = 0.0, defaultdict(float)
    for w in o.get('words', []):
        n = len(w['pages'])
        idf = math.log(1 + (n_pages - n + 0.5) / (n + 0.5))
        total += idf
        for p in w['pages']:
            cov[p] += idf
    return {p: c / total for p, c in cov.items()} if total else {}

def covered(o, a, kind, mode, n_pages):
    """linear with the lexical side trusted as far as its best page covers the query (mode top1),
    or each page's lexical score times its own coverage (mode page)."""
    cov = coverage(o, n_pages)
    score = defaultdict(float)
    lex = o['lex'][:DEPTH]
    if lex:
        hi = lex[0][1]
        t = cov.get(lex[0][0], 0) if mode == 'top1' else 1
        for p, s in lex:
            c = t if mode == 'top1' else cov.get(p, 0)
            score[p] += a * c * s / hi
    vec = top(vec_scores(o, kind), DEPTH)
    hi, lo = vec[0][1], vec[-1][1]
    for p, c in vec:
        score[p] += (1 - a) * ((c - lo) / (hi - lo) if hi > lo else 1)
    return ranked(score)

def rrf(o, k, w, kind='first'):
    score = defaultdict(float)
    for i, (p, _) in enumerate(o['lex'][:DEPTH]):
        score[p] += 1 / (k + i + 1)
    for i, (p, _) in enumerate(top(vec_scores(o, kind), DEPTH)):
        score[p] += w / (k + i + 1)
    return ranked(score)

def evaluate(qs, fn):
    by = defaultdict(lambda: [0, 0.0, 0])
    for o in qs:
        s3, rr = metrics(fn(o), o['q']['relevant'])
        b = by[set_name(o)]
        b[0] += s3; b[1] += rr; b[2] += 1
    return {k: (v[0] / v[2], v[1] / v[2]) for k, v in by.items()}

ORDER = ['content', 'artsy-readme', 'artsy-readme chat', 'cse-playbook', 'cse-playbook-2', 'rust-rfcs']

KINDS = ['first', 'first+deeper', 'first+page', 'first+deeper+page']

def systems():
    out = {'lexical': lexical}
    for kind in KINDS:
        out['vector ' + kind] = lambda o, kind=kind: vector(o, kind)
        for a in [0.1, 0.2, 0.3, 0.4, 0.5]:
            for ln in ['top', 'minmax', 'z']:
                for vn in ['minmax', 'top', 'z']:
                    out[f'linear a={a} lex/{ln} vec/{vn} {kind}'] = lambda o, a=a, kind=kind, ln=ln, vn=vn: linear(o, a, kind, ln, vn)
        for a in [0.2, 0.3, 0.4, 0.5, 0.6]:
            for mode in ['top1', 'page']:
                out[f'covered {mode} a={a} {kind}'] = lambda o, a=a, kind=kind, mode=mode: covered(o, a, kind, mode, N_PAGES[o['set']])
        for k in [5, 10, 20, 60]:
            for w in [1.0, 1.5, 2.0, 3.0]:
                out[f'rrf k={k} w_vec={w} {kind}'] = lambda o, k=k, w=w, kind=kind: rrf(o, k, w, kind)
    return out

N_PAGES = {}

def main():
    meta, qs = load(sys.argv[1])
    N_PAGES.update({k: len(v) for k, v in meta.items()})
    pattern = re.compile(sys.argv[2]) if len(sys.argv) > 2 else None
    if 'second' in qs[0]['vec']:
        KINDS.extend(['stripped', 'second*0.25', 'second*0.5', 'mean*0.25', 'mean*0.5'])
    sets = [s for s in ORDER if any(set_name(o) == s for o in qs)]
    print('| system | ' + ' | '.join(f'{s} ({sum(1 for o in qs if set_name(o) == s)})' for s in sets) + ' | mean | lowest s@3 | sets at target |')
    print('|---|' + '---|' * (len(sets) + 3))
    rows = []
    for name, fn in systems().items():
        if pattern and not pattern.search(name):
            continue
        r = evaluate(qs, fn)
        m3 = sum(r[s][0] for s in sets) / len(sets)
        mm = sum(r[s][1] for s in sets) / len(sets)
        ok = sum(1 for s in sets if r[s][0] >= 0.85 and r[s][1] >= 0.75)
        rows.append((name, r, m3, mm, ok))
    for name, r, m3, mm, ok in rows:
        print(f'| {name} | ' + ' | '.join(f'{r[s][0]:.3f} / {r[s][1]:.3f}' for s in sets)
              + f' | {m3:.3f} / {mm:.3f} | {min(r[s][0] for s in sets):.3f} | {ok} |')

if __name__ == '__main__':
    main()
