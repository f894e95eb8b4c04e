#!/usr/bin/env bash
# Small reproductions of what the synthetic benchmark and a look at HistoryReader turned up.
#
#   bench/history/repro.sh [WORK]          default WORK=/tmp/dp-hist-repro (replaced)
#
# Each case makes a tiny git repository under WORK, runs docpulse build on its docs/ and prints
# git's answer next to docpulse's (lastUpdated, lastAuthor, commits, dateSource, ignoredCommits).
#   1 rename-vs-parallel-edit  a branch renames docs/a.md -> docs/b.md; meanwhile main adds a
#                              sentence to docs/a.md; the merge carries the edit into b.md.
#                              docpulse drops main's edit (date, author and commit count).
#   2 move+whitespace >400     500 pages moved to another folder with trailing spaces added (one
#                              commit). Only 300 pages: passed over as "only moved the file and
#                              changed whitespace". 500 pages: every page counts as changed and
#                              loses its older history (JGit's default rename limit, 400).
#   3 created-in-ignored-rev   a page added in a commit listed in .git-blame-ignore-revs gets
#                              lastUpdated null / dateSource "unknown" (never stale).
#   4 merge-both-sides         a page changed on a branch and on main, merged cleanly: git log -1
#                              names the merge commit; docpulse (by design) the newest branch/main
#                              commit.
#   5 conflict-resolution      both sides change the same line, the merge resolves it with new
#                              words: that text exists only in the merge commit, which docpulse skips.
# Environment: DOCPULSE_JAR (default /tmp/dp-hist.jar).
set -euo pipefail

WORK="${1:-/tmp/dp-hist-repro}"
JAR="${DOCPULSE_JAR:-/tmp/dp-hist.jar}"
export LC_ALL=C.UTF-8 TZ=UTC
rm -rf "$WORK"
mkdir -p "$WORK"

g() { # g DATE AUTHOR git-args...   (fixed dates and identity; no global config needed)
  local d="$1" w="$2"; shift 2
  GIT_AUTHOR_DATE="$d" GIT_COMMITTER_DATE="$d" git -c user.name="$w" -c user.email="$w@example.org" \
    -c commit.gpgsign=false "$@"
}
new_repo() { mkdir -p "$WORK/$1/docs"; cd "$WORK/$1"; git init -q -b main .; }
docpulse() { # docpulse CASE PAGE...  -> one JSON line per page
  rm -rf "$WORK/$1.out"
  SOURCE_DATE_EPOCH=1735689600 java -jar "$JAR" build --content "$WORK/$1/docs" --out "$WORK/$1.out" \
    --cache-dir "$WORK/cache" -q >/dev/null 2>&1 || true
  local c="$1"; shift
  for p in "$@"; do
    jq -c --arg p "$p" '.pages[] | select(.path == $p) | {path, lastUpdated, lastAuthor, commits, dateSource,
      ignoredCommits: [.ignoredCommits[] | "\(.commit[0:8]) \(.reason)"]}' "$WORK/$c.out/report.json"
  done
}
gitlog() { git log --format='    %h %cI %an  %s  (parents: %p)' "$@"; }

echo "== 1 rename-vs-parallel-edit"
new_repo rename
printf '# A\n\nOriginal text of page a.\n' > docs/a.md
git add -A; g 2024-01-01T10:00:00Z Ann commit -qm init
git checkout -qb move; git mv docs/a.md docs/b.md; g 2024-01-02T10:00:00Z Bob commit -qm "move a.md to b.md"
git checkout -q main
printf '\nA new sentence added on main.\n' >> docs/a.md; g 2024-01-03T10:00:00Z Cat commit -qam "edit a.md on main"
g 2024-01-04T10:00:00Z Dan merge -q --no-ff move -m "merge move" >/dev/null
echo "  docs/b.md now:"; sed 's/^/    | /' docs/b.md
echo "  git log -- docs/b.md:"; gitlog -- docs/b.md
echo "  git log --no-merges -- docs/b.md docs/a.md:"; gitlog --no-merges -- docs/b.md docs/a.md
echo "  expected: Cat's commit of 2024-01-03 is the last real change (its sentence is in b.md), 3 commits"
echo "  docpulse:"; docpulse rename b.md | sed 's/^/    /'

for n in 300 500; do
  echo "== 2 move+whitespace, $n pages in one commit"
  new_repo "move$n"
  mkdir -p docs/old
  awk -v n="$n" 'BEGIN { srand(7); for (i = 1; i <= n; i++) { f = "docs/old/p" i ".md"; print "# Page " i "\n" > f;
    for (l = 0; l < 6; l++) { s = ""; for (w = 0; w < 10; w++) s = s sprintf("w%d ", int(rand() * 100000)); print s "end." > f }
    close(f) } }'
  git add -A; g 2024-01-01T10:00:00Z Ann commit -qm init
  git mv docs/old docs/new; sed -i 's/ *$/  /' docs/new/*.md
  g 2024-01-02T10:00:00Z Bob commit -qam "move folder; trailing spaces"
  echo "  git diff-tree -M: $(git diff-tree -r -M --no-commit-id --name-status HEAD | grep -c '^R') renames of $n"
  echo "  expected: every page keeps 2024-01-01 (Ann), 2 commits, passed over 'only moved the file and changed whitespace'"
  echo "  docpulse (lastUpdated lastAuthor commits ignored, count):"
  rm -rf "$WORK/move$n.out"
  SOURCE_DATE_EPOCH=1735689600 java -jar "$JAR" build --content docs --out "$WORK/move$n.out" \
    --cache-dir "$WORK/cache" -q >/dev/null 2>&1 || true
  jq -r '.pages[] | "\(.lastUpdated) \(.lastAuthor) commits=\(.commits) ignored=\(.ignoredCommits | length)"' \
    "$WORK/move$n.out/report.json" | sort | uniq -c | sed 's/^/    /'
done

echo "== 3 created-in-ignored-rev"
new_repo ignorerev
printf '# A\n\nText  of   a.\n' > docs/a.md
git add -A; g 2024-01-01T10:00:00Z Ann commit -qm init
printf '# A\n\nText of a.\n' > docs/a.md; printf '# New\n\nBrand new page.\n' > docs/new.md
git add -A; g 2024-01-02T10:00:00Z Bob commit -qm "reformat a.md; add new.md"
git rev-parse HEAD > .git-blame-ignore-revs; git add -A; g 2024-01-03T10:00:00Z Cat commit -qm "ignore the reformat"
echo "  git log -- docs/new.md:"; gitlog -- docs/new.md
echo "  expected: a.md keeps 2024-01-01 (Ann); new.md is dated 2024-01-02 (Bob): that commit created it, and"
echo "            HistoryReader's own comment for this branch says 'its oldest one created it', but the code"
echo "            returns no date, so the page reads as 'unknown' (the shallow-clone state) and is never stale"
echo "  docpulse:"; docpulse ignorerev a.md new.md | sed 's/^/    /'

echo "== 4 merge-both-sides"
new_repo both
printf '# P\n\nFirst paragraph.\n\nSecond paragraph.\n' > docs/p.md
git add -A; g 2024-01-01T10:00:00Z Ann commit -qm init
git checkout -qb feat; sed -i 's/First paragraph./First paragraph, changed on the branch./' docs/p.md
g 2024-01-02T10:00:00Z Bob commit -qam "branch edit"
git checkout -q main; printf '\nThird paragraph from main.\n' >> docs/p.md
g 2024-01-03T10:00:00Z Cat commit -qam "main edit"
g 2024-01-04T10:00:00Z Dan merge -q --no-ff feat -m "merge feat" >/dev/null
echo "  git log -- docs/p.md:"; gitlog -- docs/p.md
echo "  docpulse:"; docpulse both p.md | sed 's/^/    /'

echo "== 5 conflict-resolution"
new_repo conflict
printf '# Q\n\nThe default port is 8080.\n' > docs/q.md
git add -A; g 2024-01-01T10:00:00Z Ann commit -qm init
git checkout -qb feat; sed -i 's/8080/9090/' docs/q.md; g 2024-01-02T10:00:00Z Bob commit -qam "branch: 9090"
git checkout -q main; sed -i 's/8080/7070/' docs/q.md; g 2024-01-03T10:00:00Z Cat commit -qam "main: 7070"
g 2024-01-04T10:00:00Z Dan merge -q feat >/dev/null 2>&1 || true
printf '# Q\n\nThe default port is 443 behind the proxy.\n' > docs/q.md
git add docs/q.md; g 2024-01-04T10:00:00Z Dan commit -qm "merge feat, resolved: 443"
echo "  docs/q.md now:"; sed 's/^/    | /' docs/q.md
echo "  git log -- docs/q.md:"; gitlog -- docs/q.md
echo "  docpulse:"; docpulse conflict q.md | sed 's/^/    /'
