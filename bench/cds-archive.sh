#!/usr/bin/env bash
# Makes the class-data archive for a copy of docpulse.jar, as `mvn package` does for
# target/docpulse.jar (see pom.xml and content/reference/cli.md#how-docpulse-runs): the archive
# belongs to the jar's path, so a copied jar needs its own. Writes docpulse.jsa next to the jar.
#   bash bench/cds-archive.sh COPIED_JAR
# Does nothing when target/ has no archive either (built with -Ddocpulse.cds.skip).
set -euo pipefail
jar=$1
repo=$(cd "$(dirname "$0")/.." && pwd)
[ -f "$repo/target/docpulse.jsa" ] || exit 0
dir=$(cd "$(dirname "$jar")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -f "$dir/docpulse.jsa"
java -XX:ArchiveClassesAtExit="$dir/docpulse.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off -XX:+UseSerialGC \
  -XX:TieredStopAtLevel=1 -Ddocpulse.launched=1 -cp "$dir/$(basename "$jar")" io.docpulse.cli.Main \
  build --content "$repo/content" --out "$work/site" --cache-dir "$work/cache" --quiet >/dev/null 2>&1 || true
