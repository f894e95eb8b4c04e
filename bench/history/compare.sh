#!/usr/bin/env bash
# docpulse's history stage on a synthetic repository: correctness against git, and speed against
# one `git log` per file (what MkDocs' git-revision-date(-localized) plugin does).
#
#   bench/history/compare.sh [FILES] [COMMITS]          defaults: 3000 5000
#
# 1. REPO (default /tmp/dp-hist-repo-FILESxCOMMITS) is made with make-repo.sh if it is missing.
# 2. The per-file approach, timed once: for every Markdown file under REPO/docs,
#    `git -C REPO log -1 --format=%cI -- docs/FILE` (sequential, one git process per file).
#    Its output is also the ground truth -> WORK/gitlog.tsv.
# 3. docpulse build --content REPO/docs --out WORK/site --cache-dir WORK/cache
#    (SOURCE_DATE_EPOCH = last commit + 1 day) -> WORK/site/report.json
# 4. diffdates.py: report.json lastUpdated vs git, both as UTC instants, for EVERY Markdown file;
#    prints equal/different and each difference with its explanation; also checks docpulse
#    (date, author, commit count) against one `git log --full-history --no-merges --name-only` pass.
# 5. Timings: (a) docpulse's history pass = "history" ms - "links" ms from `check -q -vv`
#    (RUNS runs, median); (a') the same with JGit's DEBUG log off (-vv turns it on: thousands of
#    lines; -Dorg.slf4j.simpleLogger.log.org.eclipse.jgit=warn keeps only docpulse's timings); (b) the whole `check -q` process (hyperfine, 1 warm-up, RUNS runs;
#    a plain loop if hyperfine is missing); (c) the per-file loop of step 2.
#    Ratio (c) / (a).
# 6. With BLOOM=1 (default): the per-file loop again on a copy of REPO that has a commit-graph
#    with changed-path Bloom filters (`git commit-graph write --reachable --changed-paths`),
#    the best case for per-file git log.
# Output: a summary on stdout, also saved as results/synthetic-FILESxCOMMITS.txt next to this
# script; raw files stay in WORK.
#
# Environment (all optional): REPO=DIR, WORK=DIR (default /tmp/dp-hist-work-FILESxCOMMITS),
# DOCPULSE_JAR (default /tmp/dp-hist.jar; copied into WORK first), RUNS (3), BLOOM (1),
# OVERLAP / BRANCH_EVERY (passed to make-repo.sh).
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
FILES="${1:-3000}"
COMMITS="${2:-5000}"
REPO="${REPO:-/tmp/dp-hist-repo-${FILES}x${COMMITS}}"
WORK="${WORK:-/tmp/dp-hist-work-${FILES}x${COMMITS}}"
DOCPULSE_JAR="${DOCPULSE_JAR:-/tmp/dp-hist.jar}"
RUNS="${RUNS:-3}"
BLOOM="${BLOOM:-1}"
OUT="$HERE/results/synthetic-${FILES}x${COMMITS}.txt"
export LC_ALL=C.UTF-8

log() { echo "[$(date +%T)] $*" >&2; }
die() { echo "compare.sh: $*" >&2; exit 1; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
# `time` prints "wall_ms cpu_ms" (cpu = user + sys of the command and its children)
TIMEFORMAT='%3R %3U %3S'
fix_time() { awk '{ printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000 }'; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

for c in git java python3 jq; do command -v "$c" >/dev/null || die "$c not found"; done
[ -f "$DOCPULSE_JAR" ] || die "jar not found: $DOCPULSE_JAR"

if [ ! -d "$REPO/.git" ]; then
  log "making $REPO ($FILES files, $COMMITS commits)"
  t0=$(now_ms)
  "$HERE/make-repo.sh" "$REPO" "$FILES" "$COMMITS"
  log "made in $(( ($(now_ms) - t0) / 1000 )) s"
fi
[ -z "$(git -C "$REPO" status --porcelain)" ] || die "$REPO has uncommitted changes"

mkdir -p "$WORK" "$HERE/results"
cp "$DOCPULSE_JAR" "$WORK/docpulse.jar"
JAR="$WORK/docpulse.jar"
SDE=$(( $(git -C "$REPO" log -1 --format=%ct) + 86400 ))
export SOURCE_DATE_EPOCH="$SDE"

# ---- the per-file approach (also the ground truth) -----------------------------------------
(cd "$REPO/docs" && find . -type f -name '*.md' -print0 | sed -z 's|^\./||' | sort -z) > "$WORK/files.z"
NFILES=$(tr -cd '\0' < "$WORK/files.z" | wc -c)
per_file() { # per_file REPO -> path<TAB>%cI lines
  while IFS= read -r -d '' f; do
    printf '%s\t%s\n' "$f" "$(git -C "$1" log -1 --format=%cI -- "docs/$f")"
  done < "$WORK/files.z"
}
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
log "per-file git log over $NFILES files"
{ time per_file "$REPO" > "$WORK/gitlog.tsv"; } 2> "$WORK/perfile.time"
read -r PERFILE_MS PERFILE_CPU < <(tail -1 "$WORK/perfile.time" | fix_time)
log "per-file loop: $PERFILE_MS ms (cpu $PERFILE_CPU ms)"

# ---- docpulse build + comparison ----------------------------------------------------------
rm -rf "$WORK/site" "$WORK/cache"
log "docpulse build"
set +e
java -jar "$JAR" build --content "$REPO/docs" --out "$WORK/site" --cache-dir "$WORK/cache" -q \
  > "$WORK/build.out" 2> "$WORK/build.err"
BUILD_RC=$?
set -e
[ -f "$WORK/site/report.json" ] || die "build wrote no report.json (exit $BUILD_RC; see $WORK/build.err)"
git -C "$REPO" log --full-history --no-merges --format='C%x09%H%x09%ct%x09%an' --name-only -- docs \
  > "$WORK/onepass.txt"
python3 "$HERE/diffdates.py" --report "$WORK/site/report.json" --gitlog "$WORK/gitlog.tsv" \
  --repo "$REPO" --prefix docs/ --onepass "$WORK/onepass.txt" --max-list -1 > "$WORK/compare.txt"

# ---- timings -------------------------------------------------------------------------------------
# -vv also sets JGit's loggers to DEBUG (thousands of stderr lines); the "quiet" variant keeps
# docpulse's stage timings but sets org.eclipse.jgit back to warn with a system property.
check_vv() { # check_vv NAME [java options...] -> WORK/NAME.tsv: run, parse, links, history, wall ms, cpu ms
  local name="$1" i wall cpu links hist parse; shift
  : > "$WORK/$name.tsv"
  for (( i = 1; i <= RUNS; i++ )); do
    { time java "$@" -jar "$JAR" check --content "$REPO/docs" --cache-dir "$WORK/cache" -q -vv \
      > /dev/null 2> "$WORK/$name-$i.err" || true; } 2> "$WORK/$name-$i.time"
    read -r wall cpu < <(tail -1 "$WORK/$name-$i.time" | fix_time)
    links=$(sed -n 's/^DEBUG links: .*(\([0-9]*\) ms)$/\1/p' "$WORK/$name-$i.err")
    hist=$(sed -n 's/^DEBUG history: .*(\([0-9]*\) ms)$/\1/p' "$WORK/$name-$i.err")
    parse=$(sed -n 's/^DEBUG parse: .*(\([0-9]*\) ms)$/\1/p' "$WORK/$name-$i.err")
    [ -n "$links" ] && [ -n "$hist" ] || die "no stage timings in $WORK/$name-$i.err"
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$i" "$parse" "$links" "$hist" "$wall" "$cpu" >> "$WORK/$name.tsv"
  done
}
log "docpulse check -q -vv x $RUNS"
check_vv check-vv
log "docpulse check -q -vv, JGit log at warn, x $RUNS"
check_vv check-vv-quiet -Dorg.slf4j.simpleLogger.log.org.eclipse.jgit=warn
HIST_MS=$(awk '{print $4 - $3}' "$WORK/check-vv.tsv" | median)
HISTQ_MS=$(awk '{print $4 - $3}' "$WORK/check-vv-quiet.tsv" | median)
VV_WALL_MS=$(cut -f5 "$WORK/check-vv.tsv" | median)
VV_LINES=$(wc -l < "$WORK/check-vv-1.err")
JGIT_LINES=$(grep -c '^DEBUG file=\|^DEBUG readpipe\|^DEBUG loading config\|^DEBUG register\|^DEBUG Cleanup' "$WORK/check-vv-1.err" || true)

log "docpulse check -q (whole process) x $RUNS"
if command -v hyperfine >/dev/null; then
  hyperfine -N -i --warmup 1 --runs "$RUNS" --export-json "$WORK/check-hyperfine.json" \
    "java -jar $JAR check --content $REPO/docs --cache-dir $WORK/cache -q" > "$WORK/check-hyperfine.txt" 2>&1
  CHECK_MS=$(jq '.results[0].median * 1000 | round' "$WORK/check-hyperfine.json")
  CHECK_CPU=$(jq '(.results[0].user + .results[0].system) * 1000 | round' "$WORK/check-hyperfine.json")
  CHECK_HOW="hyperfine -N --warmup 1 --runs $RUNS, median"
else
  : > "$WORK/check-wall.txt"
  for (( i = 1; i <= RUNS; i++ )); do
    { time java -jar "$JAR" check --content "$REPO/docs" --cache-dir "$WORK/cache" -q > /dev/null 2>&1 || true; } \
      2> "$WORK/check-$i.time"
    tail -1 "$WORK/check-$i.time" | fix_time >> "$WORK/check-wall.txt"
  done
  CHECK_MS=$(cut -d' ' -f1 "$WORK/check-wall.txt" | median)
  CHECK_CPU=$(cut -d' ' -f2 "$WORK/check-wall.txt" | median)
  CHECK_HOW="wall clock, $RUNS runs, median"
fi

BLOOM_MS=""
if [ "$BLOOM" = 1 ]; then
  log "per-file git log again, with changed-path Bloom filters (on a copy)"
  rm -rf "$WORK/repo-bloom"
  cp -a "$REPO" "$WORK/repo-bloom"
  git -C "$WORK/repo-bloom" commit-graph write --reachable --changed-paths 2>/dev/null
  { time per_file "$WORK/repo-bloom" > "$WORK/gitlog-bloom.tsv"; } 2> "$WORK/perfile-bloom.time"
  read -r BLOOM_MS BLOOM_CPU < <(tail -1 "$WORK/perfile-bloom.time" | fix_time)
  cmp -s "$WORK/gitlog.tsv" "$WORK/gitlog-bloom.tsv" || log "WARNING: Bloom-filter run gave other dates"
  rm -rf "$WORK/repo-bloom"
fi

# ---- summary ---------------------------------------------------------------------------------------
{
  echo "# docpulse history stage vs git: $FILES files x $COMMITS commits ($(date -u +%Y-%m-%dT%H:%MZ))"
  echo "repo: $REPO  ($(git -C "$REPO" rev-list --count HEAD) commits, $(git -C "$REPO" rev-list --merges --count HEAD) merges, HEAD $(git -C "$REPO" rev-parse --short HEAD))"
  echo "jar: $DOCPULSE_JAR  sha256 $(sha256sum "$JAR" | cut -c1-16)"
  echo "machine: nproc $(nproc); $(java -version 2>&1 | head -1); $(git --version)"
  echo "load average before the timings: $LOAD_BEFORE; after: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "SOURCE_DATE_EPOCH=$SDE; build exit status $BUILD_RC"
  echo
  echo "## lastUpdated: report.json vs git log -1 --format=%cI -- docs/FILE (UTC instants)"
  cat "$WORK/compare.txt"
  echo
  echo "## timings"
  echo "check -q -vv runs (run, parse ms, links ms, history ms [cumulative], process wall ms, process cpu ms):"
  sed 's/^/  /' "$WORK/check-vv.tsv"
  echo "the same with -Dorg.slf4j.simpleLogger.log.org.eclipse.jgit=warn (no JGit DEBUG lines):"
  sed 's/^/  /' "$WORK/check-vv-quiet.tsv"
  echo "(a) docpulse history pass (history - links, median of $RUNS, plain -vv): $HIST_MS ms"
  echo "(a') the same with JGit's DEBUG log off: $HISTQ_MS ms"
  echo "(b) docpulse whole check process ($CHECK_HOW): $CHECK_MS ms wall, $CHECK_CPU ms cpu (mean)   [with -vv: $VV_WALL_MS ms; -vv printed $VV_LINES stderr lines, $JGIT_LINES of them JGit's DEBUG log]"
  echo "(c) per-file git log loop, $NFILES files, once: $PERFILE_MS ms wall ($(( PERFILE_MS * 1000 / NFILES )) us/file), $PERFILE_CPU ms cpu"
  [ -n "$BLOOM_MS" ] && echo "(c') the same loop with changed-path Bloom filters: $BLOOM_MS ms wall, $BLOOM_CPU ms cpu"
  awk -v c="$PERFILE_MS" -v a="$HIST_MS" -v b="$CHECK_MS" -v q="$HISTQ_MS" 'BEGIN {
    printf "ratio per-file git log / docpulse history pass: %.1fx   (per-file / whole check process: %.1fx)\n", c / a, c / b
    printf "ratio per-file git log / history pass with JGit log off: %.1fx\n", c / q }'
  [ -n "$BLOOM_MS" ] && awk -v c="$BLOOM_MS" -v a="$HIST_MS" 'BEGIN { printf "ratio with Bloom filters / history pass: %.1fx\n", c / a }'
} | tee "$OUT"
log "summary saved to $OUT"
