#!/usr/bin/env bash
# Bytes a reader's browser downloads for a first query, docpulse's site search next to Pagefind's,
# on the same built site, in headless Debian chromium over HTTP (python3's http.server on 127.0.0.1).
#
#   [CONTENT=DIR] bench/search/site-bytes.sh SITE QUERIES OUT.tsv
#
# With CONTENT (the folder SITE was built from), each query is also asked of `docpulse search`
# (target/docpulse.jar) and the table says whether the site put the same page first.
#
# SITE is a site docpulse built (site-output/ or --out). Pagefind (npm) indexes it once, into
# SITE/pagefind/, with --root-selector main so that it reads the page text and not the navigation,
# as docpulse does; its run time is printed. Each query is a fresh browser (no cache): load the
# search code and whatever index files the query needs, rank, and fetch the title, URL and snippet
# of the best 10 results. Bytes are as sent over HTTP (no compression: docpulse's shards are plain
# JavaScript, Pagefind's are already gzipped); the gzipped size of docpulse's files is given too,
# as a server with compression on would send them.
set -euo pipefail
site=$(cd "$1" && pwd); queries=$2; out=$3
here=$(cd "$(dirname "$0")" && pwd)
pagefind=${PAGEFIND:-$(command -v pagefind || echo "$HOME/.cache/docpulse-bench/node_modules/.bin/pagefind")}
if [ ! -x "$pagefind" ]; then
  mkdir -p "$HOME/.cache/docpulse-bench" && (cd "$HOME/.cache/docpulse-bench" && npm install --silent pagefind)
fi
if [ ! -d "$site/pagefind" ]; then
  start=$(date +%s.%N)
  "$pagefind" --site "$site" --root-selector main --quiet
  echo "pagefind index: $(echo "$(date +%s.%N) - $start" | bc) s, $(du -sb "$site/pagefind" | cut -f1) bytes" >&2
fi
root=$(mktemp -d); trap 'kill $server 2>/dev/null; rm -rf "$root"' EXIT
ln -s "$site" "$root/site"; cp "$here/harness/"*.html "$root/"
port=$((20000 + RANDOM % 20000))
(cd "$root" && exec python3 -m http.server "$port" --bind 127.0.0.1 >/dev/null 2>&1) & server=$!
sleep 1
printf 'tool\tquery\tbytes\tgzip_bytes\tfiles\tms\ttop\tterminal_top\n' > "$out"
jar="$here/../../target/docpulse.jar"
while IFS= read -r q; do
  [ -z "$q" ] && continue
  terminal=""
  if [ -n "${CONTENT:-}" ]; then
    terminal=$(java -jar "$jar" search --content "$CONTENT" --json --limit 1 -- "$q" 2>/dev/null \
      | python3 -c 'import json, sys; r = json.load(sys.stdin)["results"]; print(r[0]["url"].lstrip("/").split("#")[0] if r else "")')
  fi
  enc=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$q")
  for tool in docpulse pagefind; do
    profile=$(mktemp -d)
    json=$(timeout 120 chromium --headless --no-sandbox --disable-gpu --user-data-dir="$profile" \
      --virtual-time-budget=60000 --dump-dom "http://127.0.0.1:$port/$tool.html#$enc" 2>/dev/null \
      | python3 -c 'import sys, re, html; m = re.search(r"<pre id=\"out\">(.*?)</pre>", sys.stdin.read(), re.S); print(html.unescape(m.group(1)) if m else "{}")')
    rm -rf "$profile"
    python3 - "$tool" "$site" "$json" "$terminal" >> "$out" <<'PY'
import gzip, json, os, sys
tool, site, raw, terminal = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
r = json.loads(raw or "{}")
if "bytes" not in r:
    print(f"{tool}\t{r.get('q', '?')}\tERROR\t\t\t\t{r.get('error', 'no output')}")
    sys.exit()
gz = sum(len(gzip.compress(open(os.path.join(site, f), "rb").read(), 9)) if tool == "docpulse"
         else os.path.getsize(os.path.join(site, f)) for f in r["files"] if os.path.isfile(os.path.join(site, f)))
top = r["results"][0].split("#")[0] if r["results"] else ""
print(f"{tool}\t{r['q']}\t{r['bytes']}\t{gz}\t{len(r['files'])}\t{r['ms']}\t{top}\t{terminal}")
PY
  done
done < "$queries"
python3 - "$out" <<'PY'
import csv, statistics, sys
rows = [r for r in csv.DictReader(open(sys.argv[1]), delimiter="\t") if r["bytes"] != "ERROR"]
for tool in ("docpulse", "pagefind"):
    mine = [r for r in rows if r["tool"] == tool]
    if not mine: continue
    b = sorted(int(r["bytes"]) for r in mine); g = sorted(int(r["gzip_bytes"]) for r in mine)
    print(f"{tool}: {len(mine)} queries, bytes median {statistics.median(b):.0f} (p90 {b[int(len(b) * 0.9) - 1]}), "
          f"gzip median {statistics.median(g):.0f}, files median {statistics.median(int(r['files']) for r in mine):.0f}")
    judged = [r for r in mine if r["terminal_top"]]
    if judged:
        same = sum(1 for r in judged if r["top"] == r["terminal_top"])
        print(f"  same first page as docpulse search: {same} of {len(judged)} ({100 * same / len(judged):.1f}%)")
PY
