#!/usr/bin/env bash
# Installs (if needed) the Nu Html Checker (vnu.jar, from npm's vnu-jar package, which ships the jar and
# runs on the Java the build uses) for the test that checks report.html and the feedback pages
# (ReadableReportsFunctionalTests). Idempotent; prints where the jar is and how long it took.
set -euo pipefail
started=$(date +%s%N)
version=26.9.27
dir="${ROLLUP_VNU_DIR:-$HOME/.cache/township-rollup/vnu-$version}"
jar="$dir/node_modules/vnu-jar/build/dist/vnu.jar"
if [ ! -f "$jar" ]; then
  mkdir -p "$dir"
  npm install --silent --no-audit --no-fund --prefix "$dir" "vnu-jar@$version" >/dev/null
fi
[ -f "$jar" ] || { echo "vnu.jar is not at $jar after npm install vnu-jar@$version" >&2; exit 1; }
elapsed_ms=$(( ($(date +%s%N) - started) / 1000000 ))
echo "Nu Html Checker $version at $jar, ready in ${elapsed_ms} ms"
