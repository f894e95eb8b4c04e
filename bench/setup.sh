#!/usr/bin/env bash
# Installs the tools bench/build.sh needs, from Debian's packages, only when missing:
#   hugo, mkdocs, hyperfine, GNU time (/usr/bin/time).
# Needs root (or sudo) and the Debian package mirror; nothing else from the network.
set -euo pipefail

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

missing=()
command -v hugo      >/dev/null 2>&1 || missing+=(hugo)
command -v mkdocs    >/dev/null 2>&1 || missing+=(mkdocs)
command -v hyperfine >/dev/null 2>&1 || missing+=(hyperfine)
[ -x /usr/bin/time ]                 || missing+=(time)
command -v java      >/dev/null 2>&1 || missing+=(default-jre-headless)

if [ "${#missing[@]}" -eq 0 ]; then
  echo "setup: all tools present, nothing to install"
else
  echo "setup: installing ${missing[*]}"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

echo "hugo:      $(hugo version 2>&1 | head -n1)"
echo "mkdocs:    $(mkdocs --version 2>&1 | head -n1)"
echo "hyperfine: $(hyperfine --version 2>&1 | head -n1)"
echo "time:      $(/usr/bin/time --version 2>&1 | head -n1)"
echo "java:      $(java -version 2>&1 | head -n1)"
