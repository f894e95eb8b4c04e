#!/usr/bin/env bash
# Runs Semantic.java with one model's classpath, under GNU time (peak RSS on the last line of stderr).
#   bash bench/search/semantic/run.sh MODEL MODE ARGS...     (from the repository root)
# MODEL is minilm-q, minilm or e5-q (a profile of pom.xml beside this script). Needs target/docpulse.jar
# (mvn -B -q -o package -DskipTests) and network access to Maven Central the first time.
# DOCPULSE_JAR: another docpulse jar; SEMANTIC_PROJECT: the folder the judged sets' roots are relative to;
# SEMANTIC_WORK: where classpaths, classes and caches go (default /tmp/docpulse-semantic).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
model=$1; shift
work=${SEMANTIC_WORK:-/tmp/docpulse-semantic}
mkdir -p "$work"
cp="$work/cp-$model.txt"
[ -s "$cp" ] || mvn -B -q -f "$here/pom.xml" -P "$model" dependency:build-classpath -Dmdep.outputFile="$cp" >&2
jar=${DOCPULSE_JAR:-$repo/target/docpulse.jar}
classes="$work/classes-$model"
if [ ! -f "$classes/Semantic.class" ] || [ "$here/Semantic.java" -nt "$classes/Semantic.class" ]; then
  mkdir -p "$classes"
  javac -nowarn -d "$classes" -cp "$jar:$(cat "$cp")" "$here/Semantic.java"
fi
mode=$1; shift
# the batch settings docpulse's launcher gives its own JVM (decision 0007), so RSS compares
exec /usr/bin/time -f "peak-rss-kib %M wall-s %e cpu-s %U+%S" java -XX:+UseSerialGC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 \
  ${JAVA_OPTS:-} -Ddocpulse.projectDir="${SEMANTIC_PROJECT:-$repo}" -cp "$classes:$(cat "$cp"):$jar" Semantic "$mode" "$model" "$@"
