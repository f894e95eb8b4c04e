#!/usr/bin/env python3
"""Independent check of the commits docpulse should pass over: every non-merge commit's changes
under PREFIX (git's own rename detection, -M) whose old and new text are the same once every run
of whitespace counts as one space (move-only, whitespace-only, mode-only), plus commits listed in
.git-blame-ignore-revs.

    wsonly.py REPO PREFIX        e.g. wsonly.py /work/main content/

Prints one line per such (commit, path): "<commit> <path> <kind>", newest first.
"""
import os
import re
import subprocess
import sys


def git(repo, *args, text=True):
    return subprocess.run(["git", "-C", repo, *args], check=True, capture_output=True, text=text).stdout


def words(b):
    return " ".join(b.decode("utf-8", "replace").split())


def main():
    repo, prefix = sys.argv[1], sys.argv[2].rstrip("/")
    ignore = set()
    p = os.path.join(repo, ".git-blame-ignore-revs")
    if os.path.exists(p):
        for line in open(p, encoding="utf-8"):
            line = line.split("#", 1)[0].strip()
            if re.fullmatch(r"[0-9a-fA-F]{40}", line):
                ignore.add(line.lower())
    commits = git(repo, "rev-list", "--no-merges", "--full-history", "HEAD", "--", prefix).split()
    for c in commits:
        out = git(repo, "diff-tree", "-r", "-M", "--root", "--no-commit-id", "-z", c, "--", prefix)
        parts = out.split("\0")
        i = 0
        while i < len(parts) - 1:
            meta = parts[i].split()
            if not meta:
                i += 1
                continue
            old_mode, new_mode, old_id, new_id, status = meta[0][1:], meta[1], meta[2], meta[3], meta[4]
            if status[0] in "RC":
                old_path, new_path = parts[i + 1], parts[i + 2]
                i += 3
            else:
                old_path = new_path = parts[i + 1]
                i += 2
            kind = None
            if c in ignore:
                kind = "listed in .git-blame-ignore-revs"
            elif status[0] == "R":
                if old_id == new_id:
                    kind = f"move only (from {old_path})"
                elif words(git(repo, "cat-file", "blob", old_id, text=False)) == words(
                        git(repo, "cat-file", "blob", new_id, text=False)):
                    kind = f"move + whitespace (from {old_path})"
            elif status[0] == "M":
                if old_id == new_id:
                    kind = "mode only"
                elif words(git(repo, "cat-file", "blob", old_id, text=False)) == words(
                        git(repo, "cat-file", "blob", new_id, text=False)):
                    kind = "whitespace only"
            if kind:
                print(f"{c} {new_path} {kind}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
