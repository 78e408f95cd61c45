#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# WebSocket fan-out of the assembled distribution, on loopback: one server (fresh data folder, the
# example plugin and a small benchmark plugin, fanout/plugin/, compiled here against lib/),
# CLIENTS WebSocket connections subscribed to fanout.tick, and RATE events a second published on it
# for SECONDS seconds. Prints the delivery latency (publish to receipt) over every delivery (p50,
# p90, p99, p99.9, max), the events lost, the connections the server closed, and the server's RSS
# (and its peak) before and after.
#
#   distribution/bench/fanout.sh
#   CLIENTS=200 RATE=100 DURATION=10 distribution/bench/fanout.sh
#   JAVA_OPTS='-Xmx256m' distribution/bench/fanout.sh
#
# The client (fanout/FanoutClient.java, JDK only) and the server share this machine's CPUs: the
# figures are for this machine as a whole. Figures only: it never judges them. Aim (issue #12):
# 1,000 clients, 1,000 events a second, p99 <= 50 ms, none lost.
set -euo pipefail

# shellcheck source=common.sh
. "$(dirname "$0")/common.sh"

CLIENTS=${CLIENTS:-1000}
RATE=${RATE:-1000}
SECONDS_=${DURATION:-30}
for setting in CLIENTS RATE SECONDS_; do
  case ${!setting} in '' | *[!0-9]* | 0) die "$setting must be a whole number above 0, got '${!setting}'" ;; esac
done
[ "$CLIENTS" -le 10000 ] || die "CLIENTS must be at most 10000 (websocket.max-connections-per-credential)"
[ "$RATE" -le 100000 ] && [ "$SECONDS_" -le 3600 ] || die "RATE must be at most 100000 and DURATION at most 3600"

require_distribution
# javac for the benchmark plugin and the client: the bundled runtime has no compiler, so a JDK.
if [ -z "${JAVA_HOME:-}" ] || [ ! -x "$JAVA_HOME/bin/javac" ]; then
  # shellcheck source=../../.mvn/find-jdk.sh
  . "$REPO_DIR/.mvn/find-jdk.sh"
  set +f
fi
[ -x "${JAVA_HOME:-}/bin/javac" ] || die "a JDK (javac) is needed to build the benchmark plugin; set JAVA_HOME"

WORK_DIR=""
cleanup() {
  stop_server
  if [ -n "$WORK_DIR" ]; then rm -rf "$WORK_DIR"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

WORK_DIR=$(fresh_data_dir)
mkdir -p "$WORK_DIR/fanout-classes"
"$JAVA_HOME/bin/javac" -nowarn --module-path "$DIST/lib" -d "$WORK_DIR/fanout-classes" \
  $(find "$BENCH_DIR/fanout/plugin" -name '*.java') || die "the benchmark plugin did not compile against $DIST/lib"
"$JAVA_HOME/bin/jar" --create --file "$WORK_DIR/data/plugins/fanout-bench.jar" -C "$WORK_DIR/fanout-classes" .

PORT=$(free_port)
BASE="http://$HOST:$PORT"
# One token holds every connection, so the per-credential cap is raised to CLIENTS.
GITOPS_AUDITOR_WEBSOCKET_MAX_CONNECTIONS_PER_CREDENTIAL=$CLIENTS start_server "$WORK_DIR" "$PORT"
wait_for_health "$WORK_DIR" "$PORT"
make_token "$WORK_DIR"
[ "$(TOKEN=$TOKEN http_status "$BASE/api/platform/plugins/fanout")" = 200 ] ||
  die "the benchmark plugin did not load (log: $WORK_DIR/server.log)"

echo "GitOps Auditor WebSocket fan-out: $CLIENTS clients, $RATE events/s for $SECONDS_ s, $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$("${JAVA_HOME}/bin/java" -version 2>&1 | head -n 1); JAVA_OPTS='${JAVA_OPTS:-}'; server RSS before $(rss_mib) MiB"
"$JAVA_HOME/bin/java" -Xss256k "$BENCH_DIR/fanout/FanoutClient.java" "$BASE" "$TOKEN" "$CLIENTS" "$RATE" "$SECONDS_" |
  sed 's/^/  /'
echo "  server RSS after: $(rss_mib) MiB (peak $(awk '/^VmHWM:/ { printf "%.0f", $2 / 1024 }' "/proc/$SERVER_PID/status") MiB); load average $(cut -d' ' -f1-3 /proc/loadavg)"
