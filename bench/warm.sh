#!/usr/bin/env bash
# Warm builds: what a second build costs when the cache folder is kept.
#
#   bench/warm.sh [corpus ...]      default: artsy-readme cse-playbook rust-rfcs
#
# For each corpus (a copy of its tree/ under /tmp, so that pages can be edited), with hyperfine:
#   cold    the output and cache folders removed before each run (as bench/build.sh times it)
#   warm    nothing changed since the last build, the cache kept
#   edited  one page changed before each run (a line appended to the same page), the cache kept
#   search  `docpulse search` with the cache of the last build (JVM start included)
# and prints the medians, and warm and edited as a share of cold.
#
# Environment: CORPORA, DOCPULSE_JAR as for build.sh; RUNS (default 3); PAGE, the page to edit
# (default: the corpus' first .md file in sorted order); QUERY, the search (default "how to").
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "$0")" && pwd)"
REPO_DIR="$(cd "$BENCH_DIR/.." && pwd)"
CORPORA="${CORPORA:-$REPO_DIR/../shared/corpora}"
DOCPULSE_JAR="${DOCPULSE_JAR:-$REPO_DIR/target/docpulse.jar}"
RUNS="${RUNS:-3}"
QUERY="${QUERY:-how to}"
if [ "$#" -gt 0 ]; then LIST=("$@"); else LIST=(artsy-readme cse-playbook rust-rfcs); fi
command -v hyperfine >/dev/null || { echo "warm.sh: hyperfine not found: run bench/setup.sh" >&2; exit 2; }
[ -f "$DOCPULSE_JAR" ] || { echo "warm.sh: no jar at $DOCPULSE_JAR (mvn -q package)" >&2; exit 2; }

WORK="$(mktemp -d /tmp/docpulse-warm.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
cp "$DOCPULSE_JAR" "$WORK/docpulse.jar"
bash "$(dirname "$0")/cds-archive.sh" "$WORK/docpulse.jar"
J="java -jar $WORK/docpulse.jar"

median() { python3 -c "import json,sys; print('%.2f' % json.load(open(sys.argv[1]))['results'][0]['median'])" "$1"; }

echo "| corpus | cold s | warm s | warm ÷ cold | one page edited s | edited ÷ cold | search s |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
for corpus in "${LIST[@]}"; do
  src="$CORPORA/$corpus/tree"
  [ -d "$src" ] || { echo "warm.sh: no corpus $src" >&2; exit 2; }
  tree="$WORK/$corpus/tree"
  mkdir -p "$WORK/$corpus"
  cp -r "$src" "$tree"
  chmod -R u+w "$tree"
  page="${PAGE:-$(cd "$tree" && find . -name '*.md' | sort | sed -n 1p)}"
  out="$WORK/$corpus/out"; cache="$WORK/$corpus/cache"
  build="$J build --content $tree --out $out --cache-dir $cache -q"
  hyperfine --style none -r "$RUNS" -i --prepare "rm -rf $out $cache" --export-json "$WORK/cold.json" "$build" >/dev/null
  $build >/dev/null 2>&1 || true
  hyperfine --style none -r "$RUNS" -i --export-json "$WORK/warm.json" "$build" >/dev/null
  hyperfine --style none -r "$RUNS" -i --prepare "echo 'One more line, edited for the benchmark.' >> $tree/$page" \
    --export-json "$WORK/edited.json" "$build" >/dev/null
  hyperfine --style none -r "$RUNS" -i --export-json "$WORK/search.json" \
    "$J search --content $tree --cache-dir $cache $QUERY" >/dev/null
  c="$(median "$WORK/cold.json")"; w="$(median "$WORK/warm.json")"; e="$(median "$WORK/edited.json")"
  s="$(median "$WORK/search.json")"
  echo "| $corpus | $c | $w | $(python3 -c "print('%.2f' % ($w/$c))") | $e | $(python3 -c "print('%.2f' % ($e/$c))") | $s |"
done
