#!/usr/bin/env bash
# Scale check: builds whole corpora with the jar and checks that no page is lost.
#
#   bench/corpora/check.sh [corpus ...]     default: artsy-readme cse-playbook rust-rfcs cpp-docs
#
# This is the check of src/test/java/io/docpulse/render/CorporaBuildTest, run on corpora too large
# for every test run (rust-rfcs has 653 pages, cpp-docs 9,746). `mvn verify` keeps the two small
# corpora; run this script before a change that could drop pages at scale (content discovery,
# routes, rendering, the output folder), and after `mvn -q package`.
#
# For each corpus it runs, with no config file and the default theme,
#
#   java -jar docpulse.jar build --content <corpus>/tree --out <tmp>/out --cache-dir <tmp>/cache -q
#
# and checks, as the test does:
#   - the build exits 0;
#   - report.json's "pages" array has one entry per .md file (any case) of tree/ that is not under a
#     folder whose name starts with a dot (nor itself named so);
#   - at least that many index.html files were written.
# It prints one line per corpus, "PASS" or "FAIL", with the counts and the build's wall time
# (a cold build: fresh output and cache folders, JVM start-up included), and the end of
# docpulse's output when a build fails.
#
# Exit codes: 0 every corpus passed, 1 at least one failed, 2 usage error (no jar, no corpus).
#
# Environment (all optional):
#   CORPORA=DIR        folder of corpora, each as <corpus>/tree/ (default: <repo>/../shared/corpora)
#   DOCPULSE_JAR=FILE  jar to check (default: <repo>/target/docpulse.jar); copied to a temp dir first,
#                      so a rebuild of target/ during the run does not change what is checked
#   JAVA_OPTS="..."    extra options for java (for example -Xmx2g)
#   KEEP=1             keep the temp folder (outputs, logs) instead of deleting it
#
# It needs java and python3 (standard library only). It writes nothing outside its temp folder
# under /tmp, and never writes to the corpora.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
REPO_DIR="$(cd "$HERE/../.." && pwd)"
CORPORA="${CORPORA:-$REPO_DIR/../shared/corpora}"
DOCPULSE_JAR="${DOCPULSE_JAR:-$REPO_DIR/target/docpulse.jar}"
read -r -a JAVA_ARGS <<< "${JAVA_OPTS:-}"

if [ "$#" -gt 0 ]; then CORPUS_LIST=("$@"); else CORPUS_LIST=(artsy-readme cse-playbook rust-rfcs cpp-docs); fi

die() { echo "check.sh: $*" >&2; exit 2; }

for c in java python3; do command -v "$c" >/dev/null 2>&1 || die "$c not found"; done
[ -d "$CORPORA" ] || die "corpora folder not found: $CORPORA (set CORPORA=...)"
CORPORA="$(cd "$CORPORA" && pwd)"
for c in "${CORPUS_LIST[@]}"; do
  [ -d "$CORPORA/$c/tree" ] || die "no such corpus: $CORPORA/$c/tree"
done
[ -f "$DOCPULSE_JAR" ] || die "jar not found: $DOCPULSE_JAR (run mvn -q package -DskipTests, or set DOCPULSE_JAR=...)"

WORK="$(mktemp -d /tmp/docpulse-corpora.XXXXXX)"
if [ "${KEEP:-0}" = 1 ]; then
  trap 'echo "check.sh: kept $WORK" >&2' EXIT
else
  trap 'rm -rf "$WORK"' EXIT
fi
cp "$DOCPULSE_JAR" "$WORK/docpulse.jar"

# The number of entries in report.json's "pages" array (-1 when the file or the array is missing).
report_pages() {
  python3 - "$1" <<'PY'
import json, sys
try:
    with open(sys.argv[1], encoding="utf-8") as f:
        pages = json.load(f).get("pages")
    print(len(pages) if isinstance(pages, list) else -1)
except (OSError, ValueError):
    print(-1)
PY
}

failed=0
for c in "${CORPUS_LIST[@]}"; do
  tree="$CORPORA/$c/tree"
  run="$WORK/$c"
  mkdir -p "$run"
  # .md files not under a dot-folder: paths relative to tree/, so no component of the corpora's
  # own path (such as ..) counts as hidden
  markdown=$(cd "$tree" && find . -iname '*.md' -not -path '*/.*' | wc -l)

  start=$(date +%s%N)
  set +e
  java "${JAVA_ARGS[@]}" -jar "$WORK/docpulse.jar" build --content "$tree" --out "$run/out" \
    --cache-dir "$run/cache" -q >"$run/log" 2>&1
  code=$?
  set -e
  end=$(date +%s%N)
  secs=$(awk -v ns="$((end - start))" 'BEGIN { printf "%.1f", ns / 1e9 }')

  pages=$(report_pages "$run/out/report.json")
  html=0
  [ -d "$run/out" ] && html=$(find "$run/out" -name index.html | wc -l)

  why=()
  [ "$code" -eq 0 ] || why+=("exit code $code")
  [ "$pages" -eq "$markdown" ] || why+=("report.json has $pages pages, expected $markdown")
  [ "$html" -ge "$markdown" ] || why+=("$html index.html files, expected at least $markdown")
  if [ "${#why[@]}" -eq 0 ]; then
    echo "PASS $c: $markdown .md files, $pages pages in report.json, $html index.html; ${secs} s"
  else
    failed=1
    msg=$(IFS=';'; echo "${why[*]}" | sed 's/;/; /g')
    echo "FAIL $c: $msg; ${secs} s"
    tail -n 20 "$run/log" | sed 's/^/    /'
  fi
  # free the disk space of a big output before the next corpus
  [ "${KEEP:-0}" = 1 ] || rm -rf "$run/out" "$run/cache"
done
exit "$failed"
