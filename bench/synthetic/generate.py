#!/usr/bin/env python3
"""Writes a synthetic docs site of N pages (default 50,000) for scale runs of docpulse.

Deterministic (fixed seed): the same N gives the same files. Pages are spread over folders of
about 100, with front matter on a third of them, 3-8 sections each, prose drawn from a Zipf-like
vocabulary of real English words and made-up product terms, lists, a code block on every other page,
and links to other pages (a few with #anchors, a few broken), so that every stage has work to do.

usage: generate.py OUT_DIR [PAGES]
"""
import os
import random
import sys

out = sys.argv[1]
pages = int(sys.argv[2]) if len(sys.argv) > 2 else 50_000
rnd = random.Random(20261203)

base = ("the of and to a in is that for it as with be on not this by are or from at an which but have can "
        "you your we our will when if all one they more use page team run build deploy service config "
        "release review owner on-call incident runbook process onboarding access request approve merge "
        "branch test pipeline cluster database backup restore alert metric dashboard latency error retry "
        "timeout queue worker schedule cache index search query result report health check link image "
        "guide policy security secret token rotate key vendor budget hiring interview feedback goal "
        "quarter planning estimate story sprint retro meeting async decision record status proposed "
        "accepted rejected customer support ticket escalate severity priority migrate upgrade version").split()
made = ["".join(rnd.choice("bcdfghklmnprstvz") + rnd.choice("aeiou") for _ in range(rnd.randint(2, 4)))
        for _ in range(30_000)]
vocab = base + made
weights = [1.0 / (i + 1) ** 1.05 for i in range(len(vocab))]
cum = []
total = 0.0
for w in weights:
    total += w
    cum.append(total)


def words(n):
    return " ".join(rnd.choices(vocab, cum_weights=cum, k=n))


def sentence():
    s = words(rnd.randint(6, 22))
    return s[0].upper() + s[1:] + "."


folders = max(1, pages // 100)
paths = [f"area-{i % folders:04d}/page-{i:06d}.md" for i in range(pages)]
headings = {}
for i, p in enumerate(paths):
    headings[p] = [words(rnd.randint(1, 4)).title() for _ in range(rnd.randint(3, 8))]

for i, p in enumerate(paths):
    full = os.path.join(out, p)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    title = words(rnd.randint(2, 6)).title() + f" {i}"
    lines = []
    if i % 3 == 0:
        lines += ["---", f"title: \"{title}\"", f"owner: \"@team-{i % 37}\"", f"weight: {i % 10}", "---", ""]
    lines += [f"# {title}", "", " ".join(sentence() for _ in range(rnd.randint(1, 3))), ""]
    for h in headings[p]:
        lines += [f"## {h}", ""]
        for _ in range(rnd.randint(1, 3)):
            para = [sentence() for _ in range(rnd.randint(2, 6))]
            if rnd.random() < 0.5:
                target = rnd.choice(paths)
                rel = os.path.relpath(target, os.path.dirname(p))
                anchor = ""
                if rnd.random() < 0.2:
                    anchor = "#" + headings[target][0].lower().replace(" ", "-")
                if rnd.random() < 0.01:
                    rel = rel.replace(".md", "-gone.md")
                para.insert(rnd.randint(0, len(para)), f"See [{words(3)}]({rel}{anchor}).")
            lines += [" ".join(para), ""]
        if rnd.random() < 0.3:
            lines += [f"- {words(rnd.randint(3, 9))}" for _ in range(rnd.randint(2, 6))] + [""]
    if i % 2 == 0:
        lines += ["```sh", f"docpulse build --content {words(1)} --out {words(1)}", "```", ""]
    with open(full, "w") as f:
        f.write("\n".join(lines))
print(f"wrote {pages} pages under {out}")
