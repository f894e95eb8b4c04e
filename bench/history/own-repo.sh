#!/usr/bin/env bash
# docpulse's lastUpdated on this project's own docs (the content/ folder of this repository)
# against `git log -1 --format=%cI -- content/FILE`, file by file.
#
#   bench/history/own-repo.sh
#
# 1. Lists every file under content/ (Markdown pages and anything else); files that
#    `git status --porcelain` shows as modified/added/untracked are skipped (docpulse dates them
#    "now", dateSource "uncommitted").
# 2. git log -1 --format=%cI -- content/FILE for each file (the ground truth).
# 3. docpulse build --content content --out OUT --cache-dir CACHE (the repository's docpulse.yml
#    applies, as in a normal build); SOURCE_DATE_EPOCH = HEAD's committer date + 1 day.
# 4. wsonly.py lists, independently of docpulse, the commits under content/ that only move files,
#    only change whitespace or file modes, or are listed in .git-blame-ignore-revs.
# 5. diffdates.py compares the two as UTC instants and explains every difference (a commit that
#    docpulse passed over, listed in report.json ignoredCommits, or a merge commit); files that
#    are not pages (not in report.json) are listed.
# Output: stdout, also saved as results/own-repo.txt next to this script. Read-only for the
# repository (docpulse writes only OUT and CACHE).
#
# Environment (optional): OUT (/tmp/own-out), CACHE (/tmp/own-cache), DOCPULSE_JAR (/tmp/dp-hist.jar),
# WORK (/tmp/dp-hist-own, raw files).
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
OUT="${OUT:-/tmp/own-out}"
CACHE="${CACHE:-/tmp/own-cache}"
DOCPULSE_JAR="${DOCPULSE_JAR:-/tmp/dp-hist.jar}"
WORK="${WORK:-/tmp/dp-hist-own}"
export LC_ALL=C.UTF-8
mkdir -p "$WORK" "$HERE/results"

# every file under content/, relative to it; dirty ones (status of content/ only) are skipped
(cd "$REPO/content" && find . -type f -print0 | sed -z 's|^\./||' | sort -z) > "$WORK/files.z"
git -C "$REPO" -c core.quotepath=false status --porcelain=v1 -z --untracked-files=all -- content \
  | tr '\0' '\n' | sed -n 's|^.. content/||p' > "$WORK/skip.txt"

while IFS= read -r -d '' f; do
  printf '%s\t%s\n' "$f" "$(git -C "$REPO" log -1 --format=%cI -- "content/$f")"
done < "$WORK/files.z" > "$WORK/gitlog.tsv"
git -C "$REPO" log --full-history --no-merges --format='C%x09%H%x09%ct%x09%an' --name-only -- content \
  > "$WORK/onepass.txt"

SDE=$(( $(git -C "$REPO" log -1 --format=%ct) + 86400 ))
set +e
SOURCE_DATE_EPOCH="$SDE" java -jar "$DOCPULSE_JAR" build --content "$REPO/content" --out "$OUT" \
  --cache-dir "$CACHE" -q > "$WORK/build.out" 2> "$WORK/build.err"
rc=$?
set -e
[ -f "$OUT/report.json" ] || { echo "own-repo.sh: no $OUT/report.json (exit $rc)" >&2; cat "$WORK/build.err" >&2; exit 1; }

# non-pages (assets) cannot be compared: list them, keep only pages in the comparison
jq -r '.pages[].path' "$OUT/report.json" | sort > "$WORK/pages.txt"
cut -f1 "$WORK/gitlog.tsv" | sort | comm -23 - "$WORK/pages.txt" > "$WORK/not-pages.txt"
{
  echo "# docpulse lastUpdated vs git log -1 on $REPO/content ($(date -u +%Y-%m-%dT%H:%MZ))"
  echo "HEAD $(git -C "$REPO" rev-parse --short HEAD), $(git -C "$REPO" rev-list --count HEAD) commits; jar $DOCPULSE_JAR sha256 $(sha256sum "$DOCPULSE_JAR" | cut -c1-16); build exit status $rc"
  echo "files under content/: $(tr -cd '\0' < "$WORK/files.z" | wc -c); modified/untracked (skipped): $(wc -l < "$WORK/skip.txt")$( [ -s "$WORK/skip.txt" ] && printf ' (%s)' "$(paste -sd, "$WORK/skip.txt")")"
  echo "not pages (not in report.json, not compared): $(wc -l < "$WORK/not-pages.txt")$( [ -s "$WORK/not-pages.txt" ] && printf ' (%s)' "$(paste -sd, "$WORK/not-pages.txt")")"
  awk -F'\t' -v list="$WORK/not-pages.txt" 'BEGIN { while ((getline l < list) > 0) skip[l] = 1 }
    !($1 in skip)' "$WORK/gitlog.tsv" \
    > "$WORK/gitlog-pages.tsv"
  python3 "$HERE/diffdates.py" --report "$OUT/report.json" --gitlog "$WORK/gitlog-pages.tsv" --repo "$REPO" \
    --prefix content/ --skip "$WORK/skip.txt" --onepass "$WORK/onepass.txt" --max-list -1
  echo
  echo "pages with ignoredCommits (commits docpulse passed over):"
  jq -r '.pages[] | select(.ignoredCommits | length > 0) | "  \(.path): lastUpdated \(.lastUpdated) (\(.lastCommit[0:10])); passed over: " + ([.ignoredCommits[] | "\(.commit[0:10]) \(.date) \(.reason)"] | join("; "))' "$OUT/report.json"
  echo "independent check (wsonly.py: git diff-tree -M, words compared with whitespace runs as one space):"
  echo "  commits docpulse should pass over under content/: $(python3 "$HERE/wsonly.py" "$REPO" content/ | tee "$WORK/wsonly.txt" | wc -l)"
  sed 's/^/    /' "$WORK/wsonly.txt"
  echo "dateSource counts: $(jq -r '[.pages[].dateSource] | group_by(.) | map("\(.[0]) \(length)") | join(", ")' "$OUT/report.json")"
} | tee "$HERE/results/own-repo.txt"
