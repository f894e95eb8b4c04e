#!/usr/bin/env bash
# MkDocs 1.4's lunr search on the judged sets (issue 14): builds each set's document root with
# `mkdocs build`, then replays the site's search box on its search/search_index.json with npm lunr 2.3.9
# (the version MkDocs 1.4 ships in its search plugin) exactly as MkDocs' search worker does
# (bench/search/lunr/replay.js says how), and prints success@3 and MRR@10.
#
#   bench/search/lunr.sh [-v] bench/search/judged-*.json        (from the repository root)
#
# Needs mkdocs 1.4, node and npm; installs lunr into bench/search/lunr/node_modules the first time
# (npm ci, from package-lock.json). LUNR_WORK: where the built sites go (default: a temp folder,
# deleted at the end). The mkdocs project is the one bench/build.sh makes: site_name, docs_dir,
# use_directory_urls: true, MkDocs' default theme and search plugin.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
verbose=""
if [ "${1:-}" = "-v" ]; then verbose="-v"; shift; fi
[ "$#" -gt 0 ] || { echo "usage: bench/search/lunr.sh [-v] JUDGED_JSON..." >&2; exit 2; }
for c in mkdocs node npm python3; do command -v "$c" >/dev/null || { echo "lunr.sh: $c not found" >&2; exit 2; }; done
# the Python that runs mkdocs, to ask MkDocs itself for each page's URL
mkpy=$(head -n1 "$(command -v mkdocs)" | sed -n 's/^#! *//p'); [ -n "$mkpy" ] || mkpy=python3
[ -d "$here/lunr/node_modules/lunr" ] || (cd "$here/lunr" && npm ci --no-audit --no-fund >&2)
if [ -n "${LUNR_WORK:-}" ]; then work=$LUNR_WORK; mkdir -p "$work"; else work=$(mktemp -d); trap 'rm -rf "$work"' EXIT; fi
for judged in "$@"; do
  root=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["root"])' "$judged")
  docs=$(cd "$repo" && cd "$root" && pwd)
  name=$(echo "$docs" | tr '/' '_')
  site="$work/$name"
  if [ ! -f "$site/urlmap.json" ]; then
    mkdir -p "$site"
    printf 'site_name: bench\ndocs_dir: %s\nuse_directory_urls: true\n' "$docs" > "$site/mkdocs.yml"
    mkdocs build -q --config-file "$site/mkdocs.yml" --site-dir "$site/out" 2> "$site/mkdocs.log" \
      || { cat "$site/mkdocs.log" >&2; exit 3; }
    # page URL -> source path, by MkDocs' own rules (README.md as index, use_directory_urls)
    "$mkpy" - "$site/mkdocs.yml" "$site/urlmap.json" <<'PY'
import json, sys
from mkdocs.config import load_config
from mkdocs.structure.files import get_files
cfg = load_config(sys.argv[1])
# the index writes the home page's URL "./" as "" (search_index.py strips the leading "./")
m = {f.url[2:] if f.url.startswith('./') else f.url: f.src_uri for f in get_files(cfg) if f.is_documentation_page()}
json.dump(m, open(sys.argv[2], 'w'), sort_keys=True)
PY
  fi
  node "$here/lunr/replay.js" "$site/out/search/search_index.json" "$site/urlmap.json" "$judged" $verbose
done
