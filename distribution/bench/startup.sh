#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Start time of the assembled distribution: from process launch to the first HTTP 200 of
# /api/platform/health. One series per start-up cache mode (MODES, default all four, in this order):
#   none      no cache at all (GITOPS_AUDITOR_AOT=off GITOPS_AUDITOR_CDS=off): the JVM's own default CDS only
#   training  the first start of an installation on Java 25+: no AOT cache yet, so this run records one;
#             also times the stop, which includes writing the cache
#   cds       a restart with the launcher's dynamic class-data archive (GITOPS_AUDITOR_AOT=off), kept from
#             an earlier start: what Java 21-24 get
#   aot       a restart with the AOT cache (Java 25+) trained by an earlier start: what an installed
#             service gets after install.sh
# Each run prints the time to the first 200, the CPU time (user + system) the server used by then, the time
# to each plugin's STARTED (from its log line), the resident memory at the first 200 and after SETTLE
# seconds, the classes loaded (with a JDK's jstat), the stop time; each series the medians.
#
#   distribution/bench/startup.sh                      # 5 runs per mode with $JAVA_OPTS as it is
#   RUNS=9 MODES="none aot" DATA=kept distribution/bench/startup.sh
#   EXAMPLE=off distribution/bench/startup.sh          # the built-in plugins only
#   distribution/bench/startup.sh "" "-XX:TieredStopAtLevel=1"
#                                                      # the modes once per JAVA_OPTS variant
# Figures only: it never judges them. It warns when a plugin the distribution has did not start.
set -euo pipefail

# shellcheck source=common.sh
. "$(dirname "$0")/common.sh"

RUNS=${RUNS:-5}
case $RUNS in '' | *[!0-9]*) die "RUNS must be a whole number, got '$RUNS'" ;; esac
if [ "$RUNS" -lt 1 ] || [ "$RUNS" -gt 100 ]; then die "RUNS must be from 1 to 100, got $RUNS"; fi
SETTLE=${SETTLE:-5}
case $SETTLE in '' | *[!0-9]*) die "SETTLE must be a whole number of seconds, got '$SETTLE'" ;; esac
if [ "$SETTLE" -gt 300 ]; then die "SETTLE must be at most 300 s, got $SETTLE"; fi
DATA=${DATA:-fresh}
case $DATA in fresh | kept) ;; *) die "DATA must be fresh or kept, got '$DATA'" ;; esac
EXAMPLE=${EXAMPLE:-on}
case $EXAMPLE in on | off) ;; *) die "EXAMPLE must be on or off, got '$EXAMPLE'" ;; esac

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

# jstat reads the JVM's performance counters without attaching; the bundled runtime has none, a JDK does.
JSTAT=""
for candidate in "${JAVA_HOME:-/nonexistent}/bin/jstat" "$(command -v jstat || true)"; do
  if [ -n "$candidate" ] && [ -x "$candidate" ]; then
    JSTAT=$candidate
    break
  fi
done

# A data folder for a series: with the example plugin in its plugins folder unless EXAMPLE=off.
series_data_dir() {
  local dir
  dir=$(fresh_data_dir)
  [ "$EXAMPLE" = on ] || rm -f "$dir/data/plugins/hello-plugin.jar"
  echo "$dir"
}

# The plugins this distribution (plus the example, when dropped in) should start: ids the 'plugins' command
# lists as REGISTERED (not DISABLED, not FAILED) for a data folder like the benchmark's. Run once, untimed.
expected_plugins() {
  local dir
  dir=$(series_data_dir)
  GITOPS_AUDITOR_AOT=off GITOPS_AUDITOR_CDS=off "$DIST/bin/gitops-auditor" plugins --data-dir "$dir/data" \
    --plugins-dir "$dir/data/plugins" 2>/dev/null | awk 'NR > 1 && $3 == "REGISTERED" { print $1 }' || true
  rm -rf "$dir"
}

# Milliseconds from T0_US (launch) to each "plugin ID VERSION started in N ms" line of the log: "id ms" lines.
plugin_started_ms() {
  local log=$1 t0_us=$2 stamp id
  sed -n 's/^\([0-9T:.+Z-]*\) INFO PluginManager - plugin \([^ ]*\) [^ ]* started .*/\1 \2/p' "$log" |
    while read -r stamp id; do
      echo "$id $((($(date -d "$stamp" +%s%6N) - t0_us) / 1000))"
    done
}

# CPU time (user + system) the server has used so far, in ms (clock ticks from /proc/<pid>/stat).
cpu_ms() {
  local ticks
  ticks=$(getconf CLK_TCK)
  awk -v hz="$ticks" '{ sub(/^.*\) /, ""); printf "%d", ($12 + $13) * 1000 / hz }' "/proc/$SERVER_PID/stat"
}

# Classes loaded so far, or "-" without jstat.
classes_loaded() {
  if [ -n "$JSTAT" ]; then
    "$JSTAT" -class "$SERVER_PID" 2>/dev/null | awk 'NR == 2 { print $1 }' || echo "-"
  else
    echo "-"
  fi
}

# One start: prints the run and appends to the series' figures (run 0 is not measured).
one_start() {
  local run=$1 start_ms stop_ms rss settled port t0 cpu classes started id ms missing line
  if [ "$DATA" = fresh ] || [ -z "$WORK_DIR" ]; then
    [ -z "$WORK_DIR" ] || rm -rf "$WORK_DIR"
    WORK_DIR=$(series_data_dir)
  fi
  port=$(free_port)
  t0=$(now_us)
  start_server "$WORK_DIR" "$port"
  wait_for_health "$WORK_DIR" "$port"
  cpu=$(cpu_ms)
  rss=$(rss_mib)
  start_ms=$(((READY_US - t0) / 1000))
  # Not timed from here on.
  classes=$(classes_loaded)
  sleep "$SETTLE"
  settled=$(rss_mib)
  started=$(plugin_started_ms "$WORK_DIR/server.log" "$t0")
  missing=""
  for id in $EXPECTED; do
    if ! grep -q "^$id " <<<"$started"; then
      missing="$missing $id"
      line=$(grep -m 1 "plugin $id " "$WORK_DIR/server.log" || echo "no log line about it")
      echo "  warning: plugin $id did not start: $line" >&2
    fi
  done
  t0=$(now_us)
  stop_server
  stop_ms=$((($(now_us) - t0) / 1000))
  if [ "$run" -gt 0 ]; then
    printf '    run %d: %5d ms to first 200, CPU %5d ms, RSS %4d MiB (%4d after %ds), %5s classes, stop %5d ms; STARTED:%s\n' \
      "$run" "$start_ms" "$cpu" "$rss" "$settled" "$SETTLE" "$classes" "$stop_ms" "$(awk '{ printf "%s %s %s ms", (NR > 1 ? "," : ""), $1, $2 }' <<<"$started")"
    times+=("$start_ms")
    cpus+=("$cpu")
    rsses+=("$rss")
    settles+=("$settled")
    stops+=("$stop_ms")
    [ "$classes" = "-" ] || classcounts+=("$classes")
    while read -r id ms; do
      [ -n "$id" ] || continue
      plugin_ms["$id"]="${plugin_ms[$id]:-} $ms"
    done <<<"$started"
  fi
  # The last run's own account of its boot phases, for the series summary.
  READY_LINE=$(sed -n 's/.* INFO Platform - ready in/ready in/p' "$WORK_DIR/server.log" | tail -n 1)
  if [ "$DATA" = fresh ]; then
    rm -rf "$WORK_DIR"
    WORK_DIR=""
  fi
}

summary() {
  local id plugins=""
  for id in "${!plugin_ms[@]}"; do
    # shellcheck disable=SC2086 # the list is space-separated numbers
    plugins="$plugins $id $(median ${plugin_ms[$id]}) ms,"
  done
  printf '    median: %d ms to first 200 (min %d, max %d), CPU %d ms, RSS %d MiB (%d after %ds), %s classes, stop %d ms;' \
    "$(median "${times[@]}")" "$(printf '%s\n' "${times[@]}" | sort -n | head -n 1)" \
    "$(printf '%s\n' "${times[@]}" | sort -n | tail -n 1)" "$(median "${cpus[@]}")" "$(median "${rsses[@]}")" \
    "$(median "${settles[@]}")" "$SETTLE" "$([ "${#classcounts[@]}" -gt 0 ] && median "${classcounts[@]}" || echo "-")" \
    "$(median "${stops[@]}")"
  echo " STARTED:${plugins%,}"
  echo "    last run's boot: $READY_LINE"
}

new_cache_dir() {
  [ -z "$CACHE_DIR" ] || rm -rf "$CACHE_DIR"
  CACHE_DIR=$(mktemp -d "${TMPDIR:-/tmp}/gitops-auditor-cache.XXXXXX")
  export GITOPS_AUDITOR_CACHE_DIR=$CACHE_DIR
}

# The modes with the JAVA_OPTS given.
series() {
  local opts=$1 mode run
  local -a times=() cpus=() rsses=() settles=() stops=() classcounts=()
  local -A plugin_ms=()
  export JAVA_OPTS=$opts
  echo "JAVA_OPTS='${opts}'"
  for mode in $MODES; do
    times=()
    cpus=()
    rsses=()
    settles=()
    stops=()
    classcounts=()
    plugin_ms=()
    unset GITOPS_AUDITOR_AOT GITOPS_AUDITOR_CDS
    [ -z "$WORK_DIR" ] || rm -rf "$WORK_DIR"
    WORK_DIR=""
    case $mode in
      none)
        echo "  none (no start-up cache: GITOPS_AUDITOR_AOT=off GITOPS_AUDITOR_CDS=off):"
        export GITOPS_AUDITOR_AOT=off GITOPS_AUDITOR_CDS=off
        new_cache_dir
        [ "$DATA" = fresh ] || one_start 0 # unmeasured: creates the data folder the restarts use
        for run in $(seq 1 "$RUNS"); do one_start "$run"; done
        ;;
      training)
        echo "  training (first start on Java 25+: records the AOT cache, written during the stop):"
        [ "$DATA" = fresh ] || {
          new_cache_dir
          one_start 0
        }
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
EXPECTED=$(expected_plugins | tr '\n' ' ')
echo "GitOps Auditor cold start: $RUNS runs per mode, $(nproc) CPUs, load average $(cut -d ' ' -f 1-3 /proc/loadavg)," \
  "$("$java_bin" -version 2>&1 | head -n 1)"
echo "distribution: $DIST; plugins expected to start: ${EXPECTED:-none (the kernel alone)}; data: $DATA" \
  "$([ "$DATA" = fresh ] && echo "(a new data folder each start)" || echo "(one per series: restarts)")"
[ -n "$JSTAT" ] || echo "(no jstat found: class counts need a JDK's jstat on PATH or in JAVA_HOME)"
if [ $# -eq 0 ]; then
  series "${JAVA_OPTS:-}"
else
  for variant in "$@"; do
    series "$variant"
  done
fi
