#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Start time of the assembled distribution: from process launch to the first HTTP 200 of
# /api/platform/health, with a fresh data folder each run and the example plugin installed.
# One series per start-up cache mode (MODES, default all four, in this order):
#   none      no cache at all (GITOPS_AUDITOR_AOT=off GITOPS_AUDITOR_CDS=off): the JVM's own default CDS only
#   training  the first start of an installation on Java 25+: no AOT cache yet, so this run records one;
#             also times the stop, which includes writing the cache
#   cds       a restart with the launcher's dynamic class-data archive (GITOPS_AUDITOR_AOT=off), kept from
#             an earlier start: what Java 21-24 get
#   aot       a restart with the AOT cache (Java 25+) trained by an earlier start: what an installed
#             service gets after install.sh
# Prints each run, the medians, and the resident memory right after the first 200.
#
#   distribution/bench/startup.sh                      # 5 runs per mode with $JAVA_OPTS as it is
#   RUNS=9 MODES="cds aot" distribution/bench/startup.sh
#   distribution/bench/startup.sh "" "-XX:TieredStopAtLevel=1"
#                                                      # the modes once per JAVA_OPTS variant
# Figures only: it never judges them.
set -euo pipefail

# shellcheck source=common.sh
. "$(dirname "$0")/common.sh"

RUNS=${RUNS:-5}
case $RUNS in '' | *[!0-9]*) die "RUNS must be a whole number, got '$RUNS'" ;; esac
if [ "$RUNS" -lt 1 ] || [ "$RUNS" -gt 100 ]; then die "RUNS must be from 1 to 100, got $RUNS"; fi

require_distribution

WORK_DIR=""
CACHE_DIR=""
cleanup() {
  stop_server
  if [ -n "$WORK_DIR" ]; then rm -rf "$WORK_DIR"; fi
  if [ -n "$CACHE_DIR" ]; then rm -rf "$CACHE_DIR"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

MODES=${MODES:-none training cds aot}
for mode in $MODES; do
  case $mode in none | training | cds | aot) ;; *) die "MODES: unknown mode '$mode' (none, training, cds, aot)" ;; esac
done

# One start: prints the run and appends to times/rsses (and stops when the stop is timed).
one_start() {
  local run=$1 start_ms stop_ms rss port plugins t0
  WORK_DIR=$(fresh_data_dir)
  port=$(free_port)
  t0=$(now_us)
  start_server "$WORK_DIR" "$port"
  wait_for_health "$WORK_DIR" "$port"
  rss=$(rss_mib)
  start_ms=$(((READY_US - t0) / 1000))
  # Not timed: prove the third-party plugin really started (health is open without a credential).
  plugins=$(curl -s --max-time 1 "http://$HOST:$port/api/platform/health" || true)
  [[ $plugins == *'"STARTED":1'* ]] || echo "  warning: the example plugin did not start: $plugins" >&2
  t0=$(now_us)
  stop_server
  stop_ms=$((($(now_us) - t0) / 1000))
  if [ "$run" -gt 0 ]; then
    printf '    run %d: %5d ms to first 200, RSS %4d MiB, stop %5d ms\n' "$run" "$start_ms" "$rss" "$stop_ms"
    times+=("$start_ms")
    rsses+=("$rss")
    stops+=("$stop_ms")
  fi
  rm -rf "$WORK_DIR"
  WORK_DIR=""
}

summary() {
  printf '    median: %d ms to first 200 (min %d, max %d), RSS median %d MiB, stop median %d ms\n' \
    "$(median "${times[@]}")" "$(printf '%s\n' "${times[@]}" | sort -n | head -n 1)" \
    "$(printf '%s\n' "${times[@]}" | sort -n | tail -n 1)" "$(median "${rsses[@]}")" "$(median "${stops[@]}")"
}

new_cache_dir() {
  [ -z "$CACHE_DIR" ] || rm -rf "$CACHE_DIR"
  CACHE_DIR=$(mktemp -d "${TMPDIR:-/tmp}/gitops-auditor-cache.XXXXXX")
  export GITOPS_AUDITOR_CACHE_DIR=$CACHE_DIR
}

# The modes with the JAVA_OPTS given.
series() {
  local opts=$1 mode run
  local -a times=() rsses=() stops=()
  export JAVA_OPTS=$opts
  echo "JAVA_OPTS='${opts}'"
  for mode in $MODES; do
    times=()
    rsses=()
    stops=()
    unset GITOPS_AUDITOR_AOT GITOPS_AUDITOR_CDS
    case $mode in
      none)
        echo "  none (no start-up cache: GITOPS_AUDITOR_AOT=off GITOPS_AUDITOR_CDS=off):"
        export GITOPS_AUDITOR_AOT=off GITOPS_AUDITOR_CDS=off
        new_cache_dir
        for run in $(seq 1 "$RUNS"); do one_start "$run"; done
        ;;
      training)
        echo "  training (first start on Java 25+: records the AOT cache, written during the stop):"
        for run in $(seq 1 "$RUNS"); do
          new_cache_dir
          one_start "$run"
        done
        ;;
      cds)
        echo "  cds (restart with the dynamic class-data archive: GITOPS_AUDITOR_AOT=off):"
        export GITOPS_AUDITOR_AOT=off
        new_cache_dir
        one_start 0 # unmeasured: writes the archive
        for run in $(seq 1 "$RUNS"); do one_start "$run"; done
        ;;
      aot)
        echo "  aot (restart with the AOT cache trained by an earlier start):"
        new_cache_dir
        one_start 0 # unmeasured: the training run
        for run in $(seq 1 "$RUNS"); do one_start "$run"; done
        ;;
    esac
    summary
  done
  rm -rf "$CACHE_DIR"
  CACHE_DIR=""
}

java_bin=${JAVA_HOME:-}/bin/java
[ -x "$DIST/runtime/bin/java" ] && java_bin=$DIST/runtime/bin/java
echo "GitOps Auditor cold start: $RUNS runs per mode, $(nproc) CPUs, $("$java_bin" -version 2>&1 | head -n 1)"
echo "distribution: $DIST (plugins: example hello plugin in each fresh data folder)"
if [ $# -eq 0 ]; then
  series "${JAVA_OPTS:-}"
else
  for variant in "$@"; do
    series "$variant"
  done
fi
