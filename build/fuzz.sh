#!/usr/bin/env bash
# The long fuzz run (docs/quality.md): each Jazzer fuzz target in fuzzing mode (-Pfuzz sets JAZZER_FUZZ=1) for the
# time its @FuzzTest(maxDuration) allows (5 minutes), one target per Maven run (Jazzer fuzzes one target per JVM).
#
#   build/fuzz.sh [TARGET...]        TARGET is module:Class#method, e.g. core:RegionCsvFuzzTest#read; default all
#
# Each target's libFuzzer output goes to target/fuzz-logs/<Class>-<method>.log; the summary line per target
# ("Done N runs in S second(s)" or the finding) is printed at the end. A finding fails that target's run and leaves its input in the
# target's seed directory (src/test/resources/.../<Class>Inputs/<method>/crash-*), where the default build replays
# it. Runs niced; bounded by an outer timeout of FUZZ_TIMEOUT seconds per target (default: FUZZ_SECONDS, else 300,
# plus 300; Jazzer stops itself after its time and prints "Done N runs"; a run killed by the timeout may leave a
# crash-* file of the input it was on when killed, which is no finding: replay it with the default build before
# keeping it).
# Compiles the targets' modules once first; each target's run then only recompiles stale sources.
#
# Longer or shorter runs: FUZZ_SECONDS (libFuzzer's -max_total_time, overriding the 5 minutes of @FuzzTest) and
# FUZZ_RUNS (libFuzzer's -runs: stop after that many inputs), passed to Jazzer as jazzer.internal.arg.* (appended
# after its own arguments, so they win). The >= 10M-input long run of one target (docs/quality.md):
#   FUZZ_SECONDS=3600 FUZZ_RUNS=10000000 build/fuzz.sh core:SlaPolicyFuzzTest#parse
# A short smoke run of every target: FUZZ_SECONDS=10 build/fuzz.sh
set -uo pipefail
root=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
cd "$root"
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(
    core:RegionCsvFuzzTest#read
    core:SlaPolicyFuzzTest#parse
    core:DayListFuzzTest#applyDayList
    core:PeopleCsvFuzzTest#readPolicy
    core:PeopleCsvFuzzTest#readRoster
    routing:PolicyTableFuzzTest#parse
    simulation:ScenarioFileFuzzTest#parse
    json:CaseJsonFuzzTest#read
  )
fi
mkdir -p target/fuzz-logs
fuzz_args=()
if [ -n "${FUZZ_SECONDS:-}" ] || [ -n "${FUZZ_RUNS:-}" ]; then
  fuzz_args+=(-Djazzer.internal.arg.0=gridgov-fuzz)
  n=1
  if [ -n "${FUZZ_SECONDS:-}" ]; then
    fuzz_args+=("-Djazzer.internal.arg.$n=-max_total_time=$FUZZ_SECONDS")
    n=$((n + 1))
  fi
  if [ -n "${FUZZ_RUNS:-}" ]; then
    fuzz_args+=("-Djazzer.internal.arg.$n=-runs=$FUZZ_RUNS")
  fi
fi
outer=${FUZZ_TIMEOUT:-$(( ${FUZZ_SECONDS:-300} + 300 ))}
# Only the targets' modules (and what they need): a whole-reactor test-compile cannot resolve simulation-cli's
# requires of the report module, an automatic module only once its jar is packaged.
modules=$(printf '%s\n' "${targets[@]%%:*}" | sort -u | paste -sd, -)
nice -n 10 mvn -B -ntp -q -Dstyle.color=never test-compile -pl "$modules" -am >target/fuzz-logs/compile.log 2>&1 \
  || { echo "compilation failed: target/fuzz-logs/compile.log" >&2; exit 1; }
summary=()
for t in "${targets[@]}"; do
  module=${t%%:*}
  test=${t#*:}
  class=${test%%#*}
  log=target/fuzz-logs/${test//#/-}.log
  echo "== fuzzing $t (log: $log)"
  timeout "$outer" nice -n 10 mvn -B -ntp -Dstyle.color=never -Pfuzz test -pl "$module" -am \
    -Dmaven.compiler.useIncrementalCompilation=false -Dtest="$test" -Dsurefire.failIfNoSpecifiedTests=false \
    "${fuzz_args[@]}" >"$log" 2>&1
  rc=$?
  done_line=$(grep -E "^Done [0-9]+ runs" "$log" | tail -1)
  last=$(grep -E "^#[0-9]+" "$log" | tail -1 | cut -c1-120)
  finding=$(grep -E "== Java Exception|FuzzTestFindingException|Stack overflow|out-of-memory|timeout after" "$log" | head -1)
  summary+=("$t rc=$rc ${done_line:-last: $last} ${finding:+FINDING: $finding}")
done
echo
echo "== summary"
printf '%s\n' "${summary[@]}"
