#!/usr/bin/env bash
# Reproducible builds: builds the published modules twice from clean and compares every jar and SBOM byte for byte.
# Usage (from the repository root): bash build/reproducible-check.sh [extra Maven arguments, e.g. -o]
# Prints one line per artifact and exits non-zero if any differs. docs/releasing.md keeps the last result.
set -euo pipefail
MODULES=bom,core,geo,routing,engine,json,store-jdbc,simulation
OUT="$(mktemp -d "${TMPDIR:-/tmp}/gridgov-repro.XXXXXX")"
trap 'rm -rf "$OUT"' EXIT

build() { # $1: where to copy the artifacts
  mvn -B -ntp -q -Dstyle.color=never "${@:2}" clean package -DskipTests -pl "$MODULES" -am >"$OUT/$(basename "$1").log" 2>&1 \
    || { cat "$OUT/$(basename "$1").log" >&2; exit 1; }
  mkdir -p "$1"
  for m in ${MODULES//,/ }; do
    [ -d "$m/target" ] || continue # the BOM is a POM only
    find "$m/target" -maxdepth 1 -type f \( -name '*.jar' -o -name '*-cyclonedx.json' \) -exec cp {} "$1/" \;
  done
}

build "$OUT/first" "$@"
build "$OUT/second" "$@"
status=0
count=0
for f in "$OUT/first"/*; do
  name="$(basename "$f")"
  count=$((count + 1))
  if cmp -s "$f" "$OUT/second/$name"; then
    echo "same      $(sha256sum "$f" | cut -c1-16)  $name"
  else
    echo "DIFFERENT $name"
    status=1
  fi
done
[ "$count" -gt 0 ] || { echo "no artifacts were built" >&2; exit 1; }
echo "$count artifacts compared: $([ $status -eq 0 ] && echo 'all byte-identical' || echo 'some differ')"
exit $status
