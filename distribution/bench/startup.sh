#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Start time of the assembled distribution: from process launch to the first HTTP 200 of
# /api/platform/health, with a fresh data folder each run and the example plugin installed.
# Two series per variant: "cold" (no class-data-sharing archive: the first start after an
# install or upgrade) and "restart" (the archive the launcher keeps from an earlier start).
# Prints each run, the medians, and the resident memory right after the first 200.
#
#   distribution/bench/startup.sh                      # 5 runs with $JAVA_OPTS as it is
#   RUNS=9 distribution/bench/startup.sh               # more runs
#   distribution/bench/startup.sh "" "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
#                                                      # one series per JAVA_OPTS variant
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

# One start: prints the run and appends to times/rsses.
one_start() {
  local run=$1 start_ms rss port plugins t0
  WORK_DIR=$(fresh_data_dir)
  port=$(free_port)
  t0=$(now_us)
  start_server "$WORK_DIR" "$port"
  wait_for_health "$WORK_DIR" "$port"
  rss=$(rss_mib)
  start_ms=$(((READY_US - t0) / 1000))
  # Not timed: prove the third-party plugin really is there.
  plugins=$(http_status "http://$HOST:$port/api/hello/greetings")
  [ "$plugins" = 200 ] || echo "  warning: /api/hello/greetings answered $plugins: the example plugin is not serving" >&2
  if [ "$run" -gt 0 ]; then
    printf '    run %d: %5d ms to first 200, RSS %4d MiB\n' "$run" "$start_ms" "$rss"
    times+=("$start_ms")
    rsses+=("$rss")
  fi
  stop_server
  rm -rf "$WORK_DIR"
  WORK_DIR=""
}

summary() {
  printf '    median: %d ms to first 200 (min %d, max %d), RSS median %d MiB\n' \
    "$(median "${times[@]}")" "$(printf '%s\n' "${times[@]}" | sort -n | head -n 1)" \
    "$(printf '%s\n' "${times[@]}" | sort -n | tail -n 1)" "$(median "${rsses[@]}")"
}

# Both series with the JAVA_OPTS given.
series() {
  local opts=$1 run
  local -a times=() rsses=()
  export JAVA_OPTS=$opts
  echo "JAVA_OPTS='${opts}'"
  echo "  cold (no class-data archive):"
  for run in $(seq 1 "$RUNS"); do
    CACHE_DIR=$(mktemp -d "${TMPDIR:-/tmp}/gitops-auditor-cds.XXXXXX")
    export GITOPS_AUDITOR_CACHE_DIR=$CACHE_DIR
    one_start "$run"
    rm -rf "$CACHE_DIR"
  done
  summary
  times=()
  rsses=()
  echo "  restart (archive from an earlier start):"
  CACHE_DIR=$(mktemp -d "${TMPDIR:-/tmp}/gitops-auditor-cds.XXXXXX")
  export GITOPS_AUDITOR_CACHE_DIR=$CACHE_DIR
  one_start 0 # unmeasured: writes the archive
  for run in $(seq 1 "$RUNS"); do
    one_start "$run"
  done
  summary
  rm -rf "$CACHE_DIR"
  CACHE_DIR=""
}

java_bin=${JAVA_HOME:-}/bin/java
[ -x "$DIST/runtime/bin/java" ] && java_bin=$DIST/runtime/bin/java
echo "GitOps Auditor cold start: $RUNS runs per variant, $(nproc) CPUs, $("$java_bin" -version 2>&1 | head -n 1)"
echo "distribution: $DIST (plugins: example hello plugin in each fresh data folder)"
if [ $# -eq 0 ]; then
  series "${JAVA_OPTS:-}"
else
  for variant in "$@"; do
    series "$variant"
  done
fi
