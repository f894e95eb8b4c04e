#!/usr/bin/env bash
# Scale run: builds a synthetic site of PAGES pages (default 50,000) with every analysis on, and
# prints wall time, CPU time and peak RSS (GNU time). The site is generated once into $WORK.
#   bash bench/synthetic/run.sh [PAGES]
# The issue's bar: 50,000 pages under 3 GiB peak RSS, with the JVM's default settings.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
pages=${1:-50000}
WORK=${WORK:-/tmp/docpulse-synthetic-$pages}
jar=${JAR:-$repo/target/docpulse.jar}
[ -f "$jar" ] || { echo "run.sh: $jar not found: run mvn -B -q package -DskipTests" >&2; exit 2; }
# generated into a temporary folder and renamed, so an interrupted run never leaves half a site
if [ ! -d "$WORK/tree" ]; then
  rm -rf "$WORK/tree.partial"
  python3 "$here/generate.py" "$WORK/tree.partial" "$pages"
  mv "$WORK/tree.partial" "$WORK/tree"
fi
rm -rf "$WORK/out" "$WORK/cache"
echo "pages: $pages; markdown: $(du -sh "$WORK/tree" | cut -f1); load: $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/time -f "wall %e s, CPU %U user + %S sys s, peak RSS %M KB" \
  java -jar "$jar" build --content "$WORK/tree" --out "$WORK/out" --cache-dir "$WORK/cache" -q >/dev/null 2>"$WORK/stderr" || true
tail -1 "$WORK/stderr"
