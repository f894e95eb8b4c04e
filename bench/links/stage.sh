#!/usr/bin/env bash
# Link resolution cost beyond parsing, per corpus: runs `docpulse check -q -vv` RUNS times and
# reads the DEBUG stage lines ("parse: ... (T1 ms)", "links: ... (T2 ms)"; both are times since
# the start of the analysis), so link resolution = T2 - T1. Prints one TSV row per run and the
# medians. Whole-process wall time is measured too (GNU time is not needed: date +%s%N).
#
#   bench/links/stage.sh [corpus ...]      default: all four corpora
#   RUNS=5 DOCPULSE_JAR=target/docpulse.jar CORPORA=../shared/corpora
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
CORPORA=${CORPORA:-$repo/../shared/corpora}
JAR=${DOCPULSE_JAR:-$repo/target/docpulse.jar}
RUNS=${RUNS:-5}
corpora=("$@")
[ ${#corpora[@]} -eq 0 ] && corpora=(artsy-readme cse-playbook rust-rfcs cpp-docs)
cache=$(mktemp -d)
trap 'rm -rf "$cache"' EXIT
printf 'corpus\trun\tparse_ms\tlinks_ms\tinternal_links\tcheck_s\tload\n'
for c in "${corpora[@]}"; do
  tree=$CORPORA/$c/tree
  [ -d "$tree/docs" ] && [ "$c" = cpp-docs ] && tree=$tree/docs
  extra=()
  [ "$c" = cpp-docs ] && extra=(--base-url https://learn.microsoft.com/cpp/)
  rows=()
  for r in $(seq 1 "$RUNS"); do
    t0=$(date +%s%N)
    out=$(java -jar "$JAR" check -q --content "$tree" --cache-dir "$cache/$c" "${extra[@]}" -vv 2>&1 || true)
    t1=$(date +%s%N)
    parse=$(sed -n 's/.*DEBUG parse: .*(\([0-9]*\) ms).*/\1/p' <<<"$out")
    links=$(sed -n 's/.*DEBUG links: .*(\([0-9]*\) ms).*/\1/p' <<<"$out")
    n=$(sed -n 's/.*DEBUG links: \([0-9]*\) internal.*/\1/p' <<<"$out")
    load=$(cut -d' ' -f1 /proc/loadavg)
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$c" "$r" "$parse" "$((links - parse))" "$n" \
      "$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.2f", (b-a)/1e9}')" "$load"
    rows+=("$((links - parse))")
  done
  med=$(printf '%s\n' "${rows[@]}" | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}')
  printf '# %s: link resolution median %s ms over %s runs\n' "$c" "$med" "$RUNS"
done
