#!/usr/bin/env bash
# Internal link findings: docpulse versus an independent checker (Debian's linkchecker 10).
#
#   bench/links/compare.sh [corpus ...]     default: artsy-readme cse-playbook rust-rfcs
#                                           (cpp-docs works too; see LC_ANCHORS below)
#
# For each corpus:
#   1. docpulse build --content TREE --out WORK/C/site -v   (findings on stderr -> docpulse.txt;
#      the same findings, with details.target, in site/report.json)
#   2. linkchecker on the built site, external links off, recursive, anchors on (AnchorCheck):
#        a. over http://127.0.0.1:PORT/ served by serve.py (folders answer with index.html,
#           like a real web server; loopback only, nothing leaves the machine)  -> lc-http.csv
#        b. over file://WORK/C/site/index.html, as a plain file:// run       -> lc-file.csv
#           (linkchecker cannot check `folder/#anchor` there: every docpulse page URL is a folder)
#   3. analyze.py maps both to (source page, target, #fragment) keys, attributes each failing URL
#      to every page linking to it, and classifies the differences -> results/C.md, results/C.json
#   4. timings: `docpulse check -q -vv` RUNS times (median; link resolution = "links" ms minus
#      "parse" ms from the DEBUG stage lines; whole process wall time with GNU time), and the
#      linkchecker runs' wall times (one run each).
# Output: results/C.md + results/C.json per corpus, results/timings.tsv, and a summary on stdout.
#
# Environment (all optional):
#   CORPORA=DIR        folder with <corpus>/tree (default: <repo>/../shared/corpora)
#   DOCPULSE_JAR=FILE  jar to use (default: <repo>/target/docpulse.jar); copied into WORK first
#   WORK=DIR           scratch folder (default: /tmp/docpulse-links); sites and raw CSVs stay there
#   RUNS=N             docpulse check runs for timing (default 3)
#   FILE_MODE=0|1      the file:// linkchecker run (default: 1, but 0 for cpp-docs, whose
#                      site-absolute /windows/... links would all be file:///windows/... misses)
#   LC_ANCHORS=0       linkchecker without AnchorCheck
#   LC_STRIP_TOC=0|1   serve pages without the theme's "On this page" box (default: 1 for cpp-docs,
#                      0 otherwise). With AnchorCheck, linkchecker fetches and parses a page once per
#                      distinct #fragment URL; cpp-docs' 105,000 headings would take hours.
#   LC_TIME_LIMIT=S    stop the AnchorCheck run after S seconds (SIGINT; its CSV keeps what it
#                      checked). Default: none, but 2400 for cpp-docs. Keys it never reached are
#                      classified "c" (not checked), not counted as docpulse false positives.
#   LC_NOANCHOR_RUN=0|1  also run linkchecker without AnchorCheck (fast: each page fetched once),
#                      so every page and file is checked even if the AnchorCheck run was cut off.
#                      Default: 1 for cpp-docs, 0 otherwise.
#   LC_THREADS=N       linkchecker threads (default 8)
#   PORT=N             first port for the local server (default 18431)
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
CORPORA="${CORPORA:-$REPO/../shared/corpora}"
DOCPULSE_JAR="${DOCPULSE_JAR:-$REPO/target/docpulse.jar}"
WORK="${WORK:-/tmp/docpulse-links}"
RUNS="${RUNS:-3}"
FILE_MODE_SET="${FILE_MODE:-}"
LC_ANCHORS="${LC_ANCHORS:-1}"
LC_THREADS="${LC_THREADS:-8}"
PORT="${PORT:-18431}"
RESULTS="$HERE/results"

if [ "$#" -gt 0 ]; then CORPUS_LIST=("$@"); else CORPUS_LIST=(artsy-readme cse-playbook rust-rfcs); fi

die() { echo "compare.sh: $*" >&2; exit 1; }
log() { echo "[$(date +%T)] $*" >&2; }

[ -d "$CORPORA" ] || die "corpora folder not found: $CORPORA (set CORPORA=...)"
CORPORA="$(cd "$CORPORA" && pwd)"
[ -f "$DOCPULSE_JAR" ] || die "jar not found: $DOCPULSE_JAR (set DOCPULSE_JAR=...)"
for c in java python3; do command -v "$c" >/dev/null || die "$c not found"; done
if ! command -v linkchecker >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    log "installing Debian's linkchecker"
    apt-get install -y linkchecker >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y linkchecker >/dev/null; }
  else
    die "linkchecker not found: apt-get install linkchecker"
  fi
fi
[ -x /usr/bin/time ] || die "/usr/bin/time (GNU time) not found: apt-get install time"
for c in "${CORPUS_LIST[@]}"; do [ -d "$CORPORA/$c/tree" ] || die "no such corpus: $CORPORA/$c/tree"; done

mkdir -p "$WORK" "$RESULTS"
JAR="$WORK/docpulse.jar"
cp "$DOCPULSE_JAR" "$JAR"
# linkchecker drops root privileges to `nobody`: everything it reads must be world-readable
chmod a+rx "$WORK"
chmod a+r "$JAR"

# linkchecker config: internal links only, recursive, CSV on stdout, anchors via the AnchorCheck plugin
RC="$WORK/linkcheckerrc"
{
  echo "[checking]"
  echo "threads=$LC_THREADS"
  # with serve.py's `LinkChecker` header the per-host wait is 1/maxrequestspersecond (default 10/s)
  echo "maxrequestspersecond=10000"
  echo "recursionlevel=-1"
  echo "[filtering]"
  echo "checkextern=0"
  echo "[output]"
  echo "log=csv"
  echo "verbose=1"
  echo "warnings=1"
  echo "[csv]"
  echo "separator=;"
  if [ "$LC_ANCHORS" = 1 ]; then echo "[AnchorCheck]"; fi
} > "$RC"
chmod a+r "$RC"

median() { sort -n | awk '{a[NR]=$1} END {if (NR==0) print "NA"; else if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

TIMINGS="$RESULTS/timings.tsv"
# keep other corpora's rows from earlier runs; replace the rows of the corpora run now
if [ -f "$TIMINGS" ]; then
  keep="$(awk -F'\t' -v list=" ${CORPUS_LIST[*]} " 'NR > 1 && index(list, " " $1 " ") == 0' "$TIMINGS")"
else
  keep=""
fi
printf 'corpus\tdocpulse_links_ms_median\tdocpulse_parse_ms_median\tdocpulse_check_s_median\tdocpulse_check_runs\tinternal_links_resolved\tlinkchecker_http_s\tlinkchecker_http_rows\tlinkchecker_file_s\tlinkchecker_anchors\tstrip_toc\tlinkchecker_time_limit_s\tlinkchecker_noanchor_s\tload_avg_start\n' > "$TIMINGS"
if [ -n "$keep" ]; then printf '%s\n' "$keep" >> "$TIMINGS"; fi

SERVER_PID=""
cleanup() { if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; fi; }
trap cleanup EXIT

for c in "${CORPUS_LIST[@]}"; do
  D="$WORK/$c"
  rm -rf "$D"
  mkdir -p "$D"
  chmod a+rx "$D"
  CONTENT="$CORPORA/$c/tree"
  EXTRA=()
  PREFIX=/
  FILE_MODE="${FILE_MODE_SET:-1}"
  STRIP="${LC_STRIP_TOC:-0}"
  if [ "$c" = cpp-docs ]; then
    CONTENT="$CORPORA/$c/tree/docs"
    EXTRA=(--base-url https://learn.microsoft.com/cpp/)
    PREFIX=/cpp/
    FILE_MODE="${FILE_MODE_SET:-0}"
    STRIP="${LC_STRIP_TOC:-1}"
  fi
  LIMIT="${LC_TIME_LIMIT:-0}"
  NOANCHOR="${LC_NOANCHOR_RUN:-0}"
  if [ "$c" = cpp-docs ]; then
    LIMIT="${LC_TIME_LIMIT:-2400}"
    NOANCHOR="${LC_NOANCHOR_RUN:-1}"
  fi
  SERVE_ARGS=()
  if [ "$STRIP" = 1 ]; then SERVE_ARGS=(--strip-toc); fi
  load="$(cut -d' ' -f1-3 /proc/loadavg)"

  # 1. build
  log "$c: docpulse build"
  set +e
  java -jar "$JAR" build --content "$CONTENT" "${EXTRA[@]}" --out "$D/site" --cache-dir "$D/cache" -v 2> "$D/docpulse.txt" > "$D/build.out"
  rc=$?
  set -e
  [ "$rc" -le 1 ] || die "$c: docpulse build exited $rc (see $D/docpulse.txt)"
  chmod -R a+rX "$D/site"

  # 2a. linkchecker over a loopback HTTP server
  log "$c: linkchecker over http://127.0.0.1:$PORT$PREFIX (strip toc: $STRIP)"
  python3 "$HERE/serve.py" "${SERVE_ARGS[@]}" "$D/site" "$PORT" "$PREFIX" &
  SERVER_PID=$!
  for _ in $(seq 50); do
    python3 -c "import socket,sys; s=socket.socket(); sys.exit(s.connect_ex(('127.0.0.1',$PORT)))" && break
    sleep 0.1
  done
  LIMIT_CMD=()
  if [ "$LIMIT" != 0 ]; then LIMIT_CMD=(timeout --signal=INT --kill-after=60 "$LIMIT"); fi
  /usr/bin/time -f '%e' -o "$D/lc-http.time" \
    "${LIMIT_CMD[@]}" linkchecker -f "$RC" --no-status --no-robots "http://127.0.0.1:$PORT$PREFIX" > "$D/lc-http.csv" 2> "$D/lc-http.err" || true
  NOANCHOR_ARGS=()
  lc_noanchor_s=NA
  if [ "$NOANCHOR" = 1 ]; then
    log "$c: linkchecker without AnchorCheck"
    grep -v '^\[AnchorCheck\]' "$RC" > "$WORK/linkcheckerrc-noanchor"
    chmod a+r "$WORK/linkcheckerrc-noanchor"
    /usr/bin/time -f '%e' -o "$D/lc-http-noanchor.time" \
      linkchecker -f "$WORK/linkcheckerrc-noanchor" --no-status --no-robots "http://127.0.0.1:$PORT$PREFIX" > "$D/lc-http-noanchor.csv" 2> "$D/lc-http-noanchor.err" || true
    NOANCHOR_ARGS=(--http-csv-noanchor "$D/lc-http-noanchor.csv")
    lc_noanchor_s="$(tail -1 "$D/lc-http-noanchor.time")"
  fi
  kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""
  PORT=$((PORT + 1))

  # 2b. linkchecker over file://
  FILE_ARGS=()
  lc_file_s=NA
  if [ "$FILE_MODE" = 1 ]; then
    log "$c: linkchecker over file://"
    /usr/bin/time -f '%e' -o "$D/lc-file.time" \
      linkchecker -f "$RC" --no-status "file://$D/site/index.html" > "$D/lc-file.csv" 2> "$D/lc-file.err" || true
    FILE_ARGS=(--file-csv "$D/lc-file.csv")
    lc_file_s="$(tail -1 "$D/lc-file.time")"
  fi

  # 3. compare
  log "$c: compare"
  python3 "$HERE/analyze.py" --corpus "$c" --site "$D/site" --http-csv "$D/lc-http.csv" "${NOANCHOR_ARGS[@]}" "${FILE_ARGS[@]}" \
    --excluded "$CORPORA/$c/excluded-files.tsv" --classes "$HERE/classes.tsv" \
    --json "$RESULTS/$c.json" --md "$RESULTS/$c.md" > /dev/null

  # 4. docpulse check timings (the build above warmed the cache)
  log "$c: docpulse check x$RUNS"
  : > "$D/check-times.tsv"
  for i in $(seq "$RUNS"); do
    /usr/bin/time -f '%e' -o "$D/check.time" \
      java -jar "$JAR" check -q --content "$CONTENT" "${EXTRA[@]}" --cache-dir "$D/cache" -vv > "$D/check.out" 2> "$D/check.err" || true
    parse_ms="$(sed -n 's/^DEBUG parse: .*(\([0-9]*\) ms)$/\1/p' "$D/check.err" | tail -1)"
    links_ms="$(sed -n 's/^DEBUG links: .*(\([0-9]*\) ms)$/\1/p' "$D/check.err" | tail -1)"
    nlinks="$(sed -n 's/^DEBUG links: \([0-9]*\) internal links.*/\1/p' "$D/check.err" | tail -1)"
    [ -n "$parse_ms" ] && [ -n "$links_ms" ] || die "$c: no DEBUG parse/links lines in $D/check.err"
    printf '%s\t%s\t%s\t%s\n' "$((links_ms - parse_ms))" "$parse_ms" "$(tail -1 "$D/check.time")" "$nlinks" >> "$D/check-times.tsv"
  done
  lres="$(cut -f1 "$D/check-times.tsv" | median)"
  pmed="$(cut -f2 "$D/check-times.tsv" | median)"
  cmed="$(cut -f3 "$D/check-times.tsv" | median)"
  nl="$(cut -f4 "$D/check-times.tsv" | tail -1)"
  lc_http_s="$(tail -1 "$D/lc-http.time")"
  lc_urls="$(python3 -c 'import csv,sys; print(sum(1 for r in csv.reader((l for l in open(sys.argv[1], encoding="utf-8", errors="replace") if not l.startswith(("# created by", "# Read the", "# Write comments", "# Stopped checking"))), delimiter=";")) - 1)' "$D/lc-http.csv")"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$c" "$lres" "$pmed" "$cmed" "$RUNS" "$nl" "$lc_http_s" "$lc_urls" "$lc_file_s" "$LC_ANCHORS" "$STRIP" "$LIMIT" "$lc_noanchor_s" "$load" >> "$TIMINGS"
  log "$c: links ${lres} ms (parse ${pmed} ms), check ${cmed} s; linkchecker http ${lc_http_s} s, file ${lc_file_s} s"
done

echo
for c in "${CORPUS_LIST[@]}"; do cat "$RESULTS/$c.md"; echo; done
echo "Timings (results/timings.tsv):"
column -t -s $'\t' "$TIMINGS" 2>/dev/null || cat "$TIMINGS"
