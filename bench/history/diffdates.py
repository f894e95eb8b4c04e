#!/usr/bin/env python3
"""Compare docpulse's report.json dates with git's, page by page, and explain every difference.

    diffdates.py --report R --gitlog T --repo REPO --prefix docs/ [--skip FILE] [--onepass FILE]

--gitlog  TSV "path<TAB>%cI" from `git log -1 --format=%cI -- PREFIX/path`, one line per Markdown
          file (path relative to the content folder); an empty date means git knows no commit.
--skip    paths (relative to the content folder) left out of the comparison, e.g. files that
          `git status --porcelain` shows as modified or untracked.
--onepass output of `git log --full-history --no-merges --format='C%x09%H%x09%ct%x09%an'
          --name-only -- PREFIX`: gives, for each path, the newest non-merge commit (docpulse's
          intended answer: merges are skipped) and the number of non-merge commits touching it.
Both instants are normalized to UTC before comparing. For each difference it looks up git's
commit (is it a merge?) and docpulse's ignoredCommits, and says which explanation fits;
a difference no rule explains is printed as UNEXPLAINED. Exit status 0 (the counts are the result).
"""
import argparse
import json
import subprocess
import sys
from datetime import datetime, timezone


def instant(s):
    if not s:
        return None
    return datetime.fromisoformat(s.replace("Z", "+00:00")).astimezone(timezone.utc)


def fmt(dt):
    return dt.strftime("%Y-%m-%dT%H:%M:%SZ") if dt else "null"


def git(repo, *args):
    return subprocess.run(["git", "-C", repo, *args], check=True, capture_output=True,
                          text=True).stdout


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--report", required=True)
    ap.add_argument("--gitlog", required=True)
    ap.add_argument("--repo", required=True)
    ap.add_argument("--prefix", required=True)
    ap.add_argument("--skip")
    ap.add_argument("--onepass")
    ap.add_argument("--max-list", type=int, default=200)
    a = ap.parse_args()
    prefix = a.prefix if a.prefix.endswith("/") or a.prefix == "" else a.prefix + "/"

    with open(a.report, encoding="utf-8") as f:
        pages = {p["path"]: p for p in json.load(f)["pages"]}
    truth = {}
    with open(a.gitlog, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                continue
            path, _, date = line.partition("\t")
            truth[path] = date
    skip = set()
    if a.skip:
        with open(a.skip, encoding="utf-8") as f:
            skip = {l.rstrip("\n") for l in f if l.strip()}

    newest, count = {}, {}
    if a.onepass:
        cur = None
        with open(a.onepass, encoding="utf-8") as f:
            for line in f:
                line = line.rstrip("\n")
                if line.startswith("C\t"):
                    _, h, ct, an = line.split("\t", 3)
                    cur = (h, datetime.fromtimestamp(int(ct), timezone.utc), an)
                elif line and cur:
                    if not line.startswith(prefix):
                        continue
                    p = line[len(prefix):]
                    newest.setdefault(p, cur)
                    count[p] = count.get(p, 0) + 1

    equal, diff, skipped, missing = 0, [], [], []
    for path in sorted(truth):
        if path in skip:
            skipped.append(path)
            continue
        page = pages.get(path)
        if page is None:
            missing.append(path)
            continue
        g, d = instant(truth[path]), instant(page.get("lastUpdated"))
        if g == d:
            equal += 1
        else:
            diff.append((path, g, d, page))
    extra = sorted(p for p in pages if p not in truth)

    print(f"files compared: {len(truth) - len(skipped)} (skipped as modified/untracked: {len(skipped)})")
    print(f"equal: {equal}")
    print(f"different: {len(diff)}")
    print(f"in the folder but not in report.json: {len(missing)}" + (" " + ", ".join(missing[:20]) if missing else ""))
    print(f"in report.json but not a file compared: {len(extra)}" + (" " + ", ".join(extra[:20]) if extra else ""))

    kinds = {}
    lines = []
    for path, g, d, page in diff:
        full = prefix + path
        out = git(a.repo, "log", "-1", "--format=%H%x09%P%x09%cI%x09%an%x09%s", "--", full).strip()
        h, parents, ci, an, subject = (out.split("\t", 4) + [""] * 5)[:5]
        merge = len(parents.split()) > 1
        ign = {i["commit"]: i for i in page.get("ignoredCommits", [])}
        dp_commit = page.get("lastCommit") or ""
        why, kind = None, "UNEXPLAINED"
        if h in ign:
            kind = "skipped-by-docpulse"
            why = f"docpulse passed over {h[:10]} ({ign[h]['reason']}) and kept the older change {dp_commit[:10]}"
        elif merge:
            nm = newest.get(path)
            if nm and nm[0] == dp_commit:
                kind = "merge-commit"
                why = (f"git log -1 names merge {h[:10]} '{subject}' (the page was changed on both sides, so the "
                       f"merge is TREESAME to neither parent and git log shows it); docpulse skips merges by design "
                       f"and gives the newest non-merge commit {dp_commit[:10]} ({fmt(nm[1])})")
            else:
                kind = "merge-commit-other"
                why = (f"git log -1 names merge {h[:10]}; docpulse gave {dp_commit[:10] or 'no commit'}, "
                       f"newest non-merge commit is {nm[0][:10] if nm else '?'}")
        kinds[kind] = kinds.get(kind, 0) + 1
        lines.append(f"  {kind}: {path}: git {fmt(g)} ({h[:10]}{' merge' if merge else ''}, {ci}) vs docpulse "
                     f"{fmt(d)} ({dp_commit[:10] or page.get('dateSource')})" + (f"\n      {why}" if why else ""))
    if diff:
        print("differences by kind: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
        shown = lines if a.max_list < 0 else lines[: a.max_list]
        print("differences:")
        print("\n".join(shown))
        if len(shown) < len(lines):
            print(f"  ... and {len(lines) - len(shown)} more")

    if a.onepass:
        # docpulse's own semantics (merges skipped) against one independent `git log --no-merges` pass
        bad_date, bad_author, bad_count = [], [], []
        for path, page in pages.items():
            if path in skip or path not in truth:
                continue
            nm = newest.get(path)
            ignored = page.get("ignoredCommits") or []
            if nm and not ignored:
                if instant(page.get("lastUpdated")) != nm[1]:
                    bad_date.append(f"{path}: docpulse {page.get('lastUpdated')} vs newest non-merge {fmt(nm[1])}")
                elif page.get("lastAuthor") != nm[2]:
                    bad_author.append(f"{path}: docpulse {page.get('lastAuthor')!r} vs git {nm[2]!r}")
            if count.get(path, 0) != page.get("commits"):
                bad_count.append(f"{path}: docpulse {page.get('commits')} vs git log --no-merges {count.get(path, 0)}")
        print(f"newest non-merge commit (pages with no ignoredCommits): date differs {len(bad_date)}, "
              f"author differs {len(bad_author)}; commit count differs {len(bad_count)}")
        for l in (bad_date + bad_author + bad_count)[:30]:
            print("  " + l)
    return 0


if __name__ == "__main__":
    sys.exit(main())
