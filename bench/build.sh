#!/usr/bin/env bash
# Whole-site build benchmark: docpulse vs hugo vs mkdocs on the same Markdown pages.
#
#   bench/build.sh [corpus ...]      default: artsy-readme cse-playbook rust-rfcs cpp-docs
#
# For each corpus it builds the corpus' tree/ with all three tools in the same run and reports
# the median whole-process wall time (hyperfine), the peak RSS (GNU time, one run), the number
# of HTML files each tool wrote and their median size, and docpulse's ratio to hugo and mkdocs.
# Output: a Markdown report on stdout and in bench/results/build-YYYY-MM-DD.md.
#
# Environment (all optional):
#   CORPORA=DIR        folder of corpora (default: <repo>/../shared/corpora)
#   DOCPULSE_JAR=FILE  jar to benchmark (default: <repo>/target/docpulse.jar); copied to a temp dir first
#   TOOLS="..."        subset of "docpulse hugo mkdocs" (default: all three)
#   RUNS=N WARMUP=N    hyperfine runs / warmups per tool for normal corpora (default 5 / 1)
#   RUNS_LARGE=N WARMUP_LARGE=N   same for cpp-docs (default 3 / 0: one GNU-time run precedes it)
#   LARGE_CORPORA="..."  which corpora count as large (default: cpp-docs)
#   RESULTS=FILE       report file (default: bench/results/build-YYYY-MM-DD.md)
#   WAIT_IDLE=SECONDS  wait up to that long before timing each corpus for other processes to go idle
#   KEEP=1             keep the temp folder (outputs, logs) instead of deleting it
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "$0")" && pwd)"
REPO_DIR="$(cd "$BENCH_DIR/.." && pwd)"
CORPORA="${CORPORA:-$BENCH_DIR/../../shared/corpora}"
DOCPULSE_JAR="${DOCPULSE_JAR:-$REPO_DIR/target/docpulse.jar}"
TOOLS="${TOOLS:-docpulse hugo mkdocs}"
RUNS="${RUNS:-5}"
WARMUP="${WARMUP:-1}"
RUNS_LARGE="${RUNS_LARGE:-3}"
WARMUP_LARGE="${WARMUP_LARGE:-0}"
LARGE_CORPORA="${LARGE_CORPORA:-cpp-docs}"
TODAY="$(date +%F)"
RESULTS="${RESULTS:-$BENCH_DIR/results/build-$TODAY.md}"

if [ "$#" -gt 0 ]; then CORPUS_LIST=("$@"); else CORPUS_LIST=(artsy-readme cse-playbook rust-rfcs cpp-docs); fi

die() { echo "build.sh: $*" >&2; exit 1; }
log() { echo "[$(date +%T)] $*" >&2; }
has_tool() { case " $TOOLS " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }

[ -d "$CORPORA" ] || die "corpora folder not found: $CORPORA (set CORPORA=...)"
CORPORA="$(cd "$CORPORA" && pwd)"
for t in $TOOLS; do
  case "$t" in docpulse|hugo|mkdocs) ;; *) die "unknown tool in TOOLS: $t" ;; esac
done
need=(hyperfine python3)
has_tool hugo && need+=(hugo)
has_tool mkdocs && need+=(mkdocs)
has_tool docpulse && need+=(java)
for c in "${need[@]}"; do
  command -v "$c" >/dev/null 2>&1 || die "$c not found: run bench/setup.sh first"
done
[ -x /usr/bin/time ] || die "/usr/bin/time (GNU time) not found: run bench/setup.sh first"
for c in "${CORPUS_LIST[@]}"; do
  [ -d "$CORPORA/$c/tree" ] || die "no such corpus: $CORPORA/$c/tree"
done

WORK="$(mktemp -d /tmp/docpulse-bench.XXXXXX)"
if [ "${KEEP:-0}" = 1 ]; then
  trap 'log "kept temp folder $WORK"' EXIT
else
  trap 'rm -rf "$WORK"' EXIT
fi

# Copy the jar first so that a rebuild of target/ during the run does not change what is measured.
if has_tool docpulse; then
  [ -f "$DOCPULSE_JAR" ] || die "docpulse jar not found: $DOCPULSE_JAR (build it, or set TOOLS=\"hugo mkdocs\")"
  cp "$DOCPULSE_JAR" "$WORK/docpulse.jar"
  bash "$BENCH_DIR/cds-archive.sh" "$WORK/docpulse.jar"
  JAR_SHA="$(sha256sum "$WORK/docpulse.jar" | cut -c1-12)"
fi

# ---------------------------------------------------------------- helpers (python, no deps)
# stats.py html DIR -> "count median_bytes generated_lists has_404"
cat > "$WORK/stats.py" <<'PY'
import json, os, statistics, sys

def html_stats(root):
    sizes, generated, has404 = [], 0, 0
    for d, _, files in os.walk(root):
        for f in files:
            if not f.endswith('.html'):
                continue
            p = os.path.join(d, f)
            sizes.append(os.path.getsize(p))
            if d == root and f == '404.html':
                has404 = 1
            with open(p, 'rb') as fh:
                if b'<meta name="bench-generated">' in fh.read(300):
                    generated += 1
    med = int(statistics.median(sizes)) if sizes else 0
    print(len(sizes), med, generated, has404)

def hyperfine(path):
    # prints one line per command: name median min max mean_user+sys runs
    for r in json.load(open(path))['results']:
        print(r['command'], r['median'], r['min'], r['max'], r['user'] + r['system'], len(r['times']))

def busy():
    # CPU seconds the machine has been busy since boot (user+nice+system+irq+softirq)
    f = open('/proc/stat').readline().split()[1:]
    print(sum(int(f[i]) for i in (0, 1, 2, 5, 6)) / os.sysconf('SC_CLK_TCK'))

def count_md(root):
    print(sum(1 for d, _, fs in os.walk(root) for f in fs if f.endswith('.md')))

def patch_for_hugo(root):
    # Hugo (0.111) takes a file whose first non-blank character is '-', '+', '{' or '<!--' as the
    # start of front matter and stops with "invalid YAML delimiter" (rust-rfcs: '- Feature Name:').
    # Give every Markdown file without front matter an empty one; the rendered body is unchanged.
    n = 0
    for d, _, files in os.walk(root):
        for f in files:
            if not f.endswith('.md'):
                continue
            p = os.path.join(d, f)
            with open(p, 'rb') as fh:
                b = fh.read()
            s = b.lstrip()
            first = s.split(b'\n', 1)[0].rstrip(b'\r \t')
            if first in (b'---', b'+++') or s[:1] == b'{':
                continue
            with open(p, 'wb') as fh:
                fh.write(b'---\n---\n' + b)
            n += 1
    print(n)

{'html': html_stats, 'hyperfine': hyperfine, 'md': count_md, 'busy': busy, 'patch': patch_for_hugo}[sys.argv[1]](*sys.argv[2:])
PY
py() { python3 "$WORK/stats.py" "$@"; }

ratio() { python3 -c "import sys; a,b=float(sys.argv[1]),float(sys.argv[2]); print(f'{a/b:.2f}' if b > 0 else 'n/a')" "$1" "$2"; }

# WAIT_IDLE=SECONDS: before timing a corpus, wait up to that long for the machine to be idle
# (other processes using under 10% of all CPUs over 5 s). 0 (default): do not wait.
wait_idle() {
  local limit="${WAIT_IDLE:-0}" start b0 b1
  [ "$limit" -gt 0 ] || return 0
  start="$(date +%s)"
  while :; do
    b0="$(py busy)"; sleep 5; b1="$(py busy)"
    if python3 -c "import sys; sys.exit(0 if float(sys.argv[2])-float(sys.argv[1]) < 0.1*5*$(nproc) else 1)" "$b0" "$b1"; then
      return 0
    fi
    if [ $(( $(date +%s) - start )) -ge "$limit" ]; then
      log "$1: machine still busy after ${limit}s, timing anyway"; return 0
    fi
    log "$1: machine busy with other processes, waiting (WAIT_IDLE=$limit)"; sleep 10
  done
}

# ------------------------------------------------------------------ per-corpus site setup
setup_hugo() { # $1 corpus dir, $2 project dir
  local tree="$1/tree" dir="$2"
  mkdir -p "$dir/site/layouts/_default"
  cp -r "$tree" "$dir/site/content"
  chmod -R u+w "$dir/site/content"
  HUGO_PATCHED="$(py patch "$dir/site/content")"
  cat > "$dir/site/config.toml" <<EOF
baseURL = "http://localhost/"
title = "bench"
cacheDir = "$dir/cache"
disablePathToLower = true
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
[markup.goldmark.renderer]
unsafe = true
EOF
  local head='<!DOCTYPE html><html><head><meta charset="utf-8">'
  echo "$head<title>{{ .Title }}</title></head><body>{{ .Content }}</body></html>" \
    > "$dir/site/layouts/_default/single.html"
  # list.html serves the home page and section pages; those hugo made up itself (no .md file)
  # are marked so that the report can tell them apart from pages rendered from Markdown.
  echo "$head{{ if not .File }}<meta name=\"bench-generated\">{{ end }}<title>{{ .Title }}</title></head><body>{{ .Content }}</body></html>" \
    > "$dir/site/layouts/_default/list.html"
}

setup_mkdocs() { # $1 corpus dir, $2 project dir
  mkdir -p "$2"
  cat > "$2/mkdocs.yml" <<EOF
site_name: bench
docs_dir: $1/tree
use_directory_urls: true
EOF
}

tool_cmd() { # $1 tool, $2 project dir -> command line
  case "$1" in
    docpulse) echo "java -jar $WORK/docpulse.jar build --content $CORPUS_DIR/tree --out $2/out --cache-dir $2/cache" ;;
    hugo)     echo "hugo --source $2/site --destination $2/out" ;;
    mkdocs)   echo "mkdocs build --config-file $2/mkdocs.yml --site-dir $2/out" ;;
  esac
}
# Every timed run is a cold build: output and caches are removed before it.
prep_cmd() { echo "rm -rf $1/out $1/cache"; }

# ------------------------------------------------------------------------------- machine
tool_version() {
  case "$1" in
    docpulse) echo "docpulse.jar sha256 $JAR_SHA (repo commit $(git -C "$REPO_DIR" rev-parse --short HEAD 2>/dev/null || echo none))" ;;
    hugo)     hugo version 2>&1 | head -n1 ;;
    mkdocs)   mkdocs --version 2>&1 | head -n1 ;;
  esac
}
{
  echo "# docpulse build benchmark, $TODAY"
  echo
  echo "- machine: $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), $(free -g | awk '/^Mem:/{print $2}') GiB RAM, $(uname -sr)"
  echo "- java: $(java -version 2>&1 | head -n1) / $(java -version 2>&1 | sed -n 3p)"
  for t in $TOOLS; do echo "- $t: $(tool_version "$t")"; done
  echo "- hyperfine: $(hyperfine --version | head -n1); GNU time for peak RSS"
  echo "- runs: $RUNS (warmup $WARMUP); for ${LARGE_CORPORA}: $RUNS_LARGE (warmup $WARMUP_LARGE, after the GNU time run)"
  echo "- load average at start: $(cut -d' ' -f1-3 /proc/loadavg) (anything else running on the machine skews the numbers)"
  echo "- every run is a cold build: output folder and the tool's cache dir are deleted before each run"
} > "$WORK/header.md"

HUGO_PATCH_NOTE=""; OTHER_LOAD=""
ROWS="$WORK/rows.md"; RATIOS="$WORK/ratios.md"; NOTES="$WORK/notes.md"
: > "$ROWS"; : > "$RATIOS"; : > "$NOTES"

# ------------------------------------------------------------------------------ the runs
for corpus in "${CORPUS_LIST[@]}"; do
  CORPUS_DIR="$CORPORA/$corpus"
  CW="$WORK/$corpus"
  mkdir -p "$CW"
  md_count="$(py md "$CORPUS_DIR/tree")"
  runs="$RUNS"; warmup="$WARMUP"
  case " $LARGE_CORPORA " in *" $corpus "*) runs="$RUNS_LARGE"; warmup="$WARMUP_LARGE" ;; esac
  log "$corpus: $md_count Markdown files; setting up"
  if has_tool hugo; then
    setup_hugo "$CORPUS_DIR" "$CW/hugo"
    HUGO_PATCH_NOTE+="${HUGO_PATCH_NOTE:+, }$corpus $HUGO_PATCHED/$md_count"
  fi
  if has_tool mkdocs; then setup_mkdocs "$CORPUS_DIR" "$CW/mkdocs"; fi
  if has_tool docpulse; then mkdir -p "$CW/docpulse"; fi

  declare -A RSS=() HTML=() MED=() EXTRA=() OK=()
  hf_args=()
  for t in $TOOLS; do
    dir="$CW/$t"; cmd="$(tool_cmd "$t" "$dir")"
    # One run under GNU time: checks that the build works, gives peak RSS and the output to count.
    log "$corpus: $t: GNU time run"
    eval "$(prep_cmd "$dir")"
    set +e
    /usr/bin/time -f %M -o "$dir/rss.txt" $cmd > "$dir/log.txt" 2>&1
    rc=$?
    set -e
    if [ "$rc" -ne 0 ]; then
      OK[$t]=0
      echo "- $corpus: **$t failed** (exit $rc), not timed. Last lines of its log:" >> "$NOTES"
      tail -n 5 "$dir/log.txt" | sed 's/^/    /' >> "$NOTES"
      log "$corpus: $t FAILED (exit $rc)"; tail -n 5 "$dir/log.txt" >&2
      continue
    fi
    OK[$t]=1
    RSS[$t]="$(tail -n1 "$dir/rss.txt")"
    read -r n med gen has404 < <(py html "$dir/out")
    HTML[$t]="$n"; MED[$t]="$med"
    extra=""
    if [ "$gen" -gt 0 ]; then extra="incl. $gen home/section lists"; fi
    if [ "$has404" -gt 0 ]; then extra="${extra:+$extra, }incl. 404.html"; fi
    # docpulse says "Built N pages" (pages from Markdown); show it when it differs from the count.
    built="$(grep -oE 'Built [0-9]+ pages' "$dir/log.txt" | grep -oE '[0-9]+' | head -n1 || true)"
    if [ -n "$built" ] && [ "$built" != "$n" ]; then extra="${extra:+$extra; }log: \"Built $built pages\""; fi
    EXTRA[$t]="$extra"
    warns="$(grep -ciE '^(WARNING|WARN)' "$dir/log.txt" || true)"
    if [ "$warns" -gt 0 ]; then
      echo "- $corpus: $t printed $warns warning lines (build succeeded; see \$W/$t/log.txt with KEEP=1)" >> "$NOTES"
    fi
    log "$corpus: $t: ok, $n HTML files, peak RSS ${RSS[$t]} KB"
    hf_args+=(-n "$t" --prepare "$(prep_cmd "$dir")" "$cmd")
  done

  if [ "${#hf_args[@]}" -gt 0 ]; then
    wait_idle "$corpus"
    log "$corpus: hyperfine --warmup $warmup --runs $runs"
    # Watch for other work on the machine: CPU time the whole machine spent (/proc/stat) minus
    # the CPU time of hyperfine and everything it ran (GNU time counts reaped descendants).
    busy0="$(py busy)"; t0="$(date +%s.%N)"
    /usr/bin/time -f '%U %S' -o "$CW/hf-cpu.txt" \
      hyperfine --style basic --warmup "$warmup" --runs "$runs" --export-json "$CW/hyperfine.json" "${hf_args[@]}" >&2
    busy1="$(py busy)"; t1="$(date +%s.%N)"
    read -r foreign wall pct < <(python3 -c "import sys; b0,b1,t0,t1,u,s=map(float,sys.argv[1:]); f=max(0.0,(b1-b0)-(u+s)); w=t1-t0; print(f'{f:.1f} {w:.0f} {100*f/(w*$(nproc)):.0f}')" \
      "$busy0" "$busy1" "$t0" "$t1" $(tail -n1 "$CW/hf-cpu.txt"))
    OTHER_LOAD+="${OTHER_LOAD:+, }$corpus ${pct}% (${foreign} CPU s in ${wall} s)"
    if [ "$pct" -ge 5 ]; then
      echo "- $corpus: **other processes used ${pct}% of the machine while it was timed**: its numbers are skewed, rerun on an idle machine" >> "$NOTES"
    fi
  fi
  declare -A MEDT=() MINT=() MAXT=() CPU=() NRUNS=()
  if [ -f "$CW/hyperfine.json" ]; then
    while read -r name med mn mx cpu nr; do
      MEDT[$name]="$med"; MINT[$name]="$mn"; MAXT[$name]="$mx"; CPU[$name]="$cpu"; NRUNS[$name]="$nr"
    done < <(py hyperfine "$CW/hyperfine.json")
  fi

  for t in $TOOLS; do
    if [ "${OK[$t]}" = 1 ]; then
      printf '| %s | %s | %s | %s%s | %.2f (%.2f–%.2f) | %.2f | %s | %.0f | %s |\n' \
        "$corpus" "$md_count" "$t" "${HTML[$t]}" "${EXTRA[$t]:+ (${EXTRA[$t]})}" \
        "${MEDT[$t]}" "${MINT[$t]}" "${MAXT[$t]}" "${CPU[$t]}" "${NRUNS[$t]}" \
        "$(python3 -c "print(${RSS[$t]}/1024)")" "${MED[$t]}" >> "$ROWS"
    else
      echo "| $corpus | $md_count | $t | failed | – | – | – | – | – |" >> "$ROWS"
    fi
  done
  if has_tool docpulse && [ "${OK[docpulse]}" = 1 ]; then
    row="| $corpus "
    for o in hugo mkdocs; do
      if has_tool "$o" && [ "${OK[$o]}" = 1 ]; then
        row+="| $(ratio "${MEDT[docpulse]}" "${MEDT[$o]}") | $(ratio "${RSS[docpulse]}" "${RSS[$o]}") | $(ratio "${MED[docpulse]}" "${MED[$o]}") "
      else
        row+="| n/a | n/a | n/a "
      fi
    done
    echo "$row|" >> "$RATIOS"
  fi
  unset RSS HTML MED EXTRA OK MEDT MINT MAXT CPU NRUNS
  rm -rf "$CW"/*/out "$CW"/*/cache "$CW/hugo/site/content"
done

# ------------------------------------------------------------------------------ report
{
  cat "$WORK/header.md"
  echo "- load average at end: $(cut -d' ' -f1-3 /proc/loadavg) (about 1 per busy CPU; near 2 while one tool runs on both CPUs is expected)"
  echo
  echo "## Per tool"
  echo
  echo "| corpus | .md files | tool | HTML files written | wall s, median (min–max) | CPU s (user+sys, mean) | runs | peak RSS MiB | median HTML page bytes |"
  echo "| --- | ---: | --- | --- | ---: | ---: | ---: | ---: | ---: |"
  cat "$ROWS"
  if [ -s "$RATIOS" ]; then
    echo
    echo "## docpulse ÷ other tool (below 1: docpulse is faster / smaller)"
    echo
    echo "| corpus | time ÷ hugo | RSS ÷ hugo | page size ÷ hugo | time ÷ mkdocs | RSS ÷ mkdocs | page size ÷ mkdocs |"
    echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
    cat "$RATIOS"
  fi
  echo
  echo "## Notes"
  echo
  echo "- HTML files: hugo also writes its home and section list pages (made up when a folder has no _index.md); mkdocs and docpulse write a 404.html. Median page size is over all HTML files the tool wrote."
  if [ -n "$HUGO_PATCH_NOTE" ]; then
    echo "- hugo reads a copy of tree/ in which each .md file without front matter starts with an empty one (\`---\` \`---\`): hugo 0.111 otherwise stops with \"invalid YAML delimiter\" on rust-rfcs files that start with \`- Feature Name:\` or \`<!---\`. Files given one (of all .md): $HUGO_PATCH_NOTE."
  fi
  if [ -n "$OTHER_LOAD" ]; then
    echo "- CPU used by other processes while hyperfine ran (share of all CPUs; near 0% is a clean measurement): $OTHER_LOAD."
  fi
  cat "$NOTES"
  echo
  echo "Commands (per corpus, \$W = temp project folder):"
  echo
  echo '```'
  CORPUS_DIR='$CORPORA/<corpus>'
  for t in $TOOLS; do tool_cmd "$t" "\$W/$t" | sed "s#$WORK/docpulse.jar#/tmp/.../docpulse.jar#"; done
  echo '```'
} > "$WORK/report.md"

mkdir -p "$(dirname "$RESULTS")"
cp "$WORK/report.md" "$RESULTS"
cat "$WORK/report.md"
log "report written to $RESULTS"
