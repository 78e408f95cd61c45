#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Throughput and latency of the assembled distribution under wrk, on loopback: one server (fresh
# data folder, example plugin installed), a warm-up, then a bounded measured run per endpoint:
#   GET /api/platform/version   the kernel's cheapest JSON endpoint
#   GET /api/hello/greetings    a third-party plugin endpoint reading SQLite (20 rows seeded)
# Prints requests/s, p99 latency and errors per endpoint, and the server's RSS after the load.
#
#   distribution/bench/load.sh
#   DURATION=30s CONNECTIONS=64 distribution/bench/load.sh
#   JAVA_OPTS='-Xmx64m -XX:+UseSerialGC' distribution/bench/load.sh
#
# wrk and the server share this machine's CPUs: the figures are for this machine as a whole.
# Figures only: it never judges them.
set -euo pipefail

# shellcheck source=common.sh
. "$(dirname "$0")/common.sh"

THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-16}
DURATION=${DURATION:-10s}
# The JIT needs ~20 s of load on 2 cores to settle: a 5 s warm-up measured a third of the steady rate.
WARMUP=${WARMUP:-20s}
for setting in THREADS CONNECTIONS; do
  case ${!setting} in '' | *[!0-9]*) die "$setting must be a whole number, got '${!setting}'" ;; esac
done
for setting in DURATION WARMUP; do
  # wrk's own units; a bound keeps a typo from running for hours.
  [[ ${!setting} =~ ^([1-9][0-9]?|[1-5][0-9]{2}|600)s$ ]] || die "$setting must be 1s to 600s, got '${!setting}'"
done

command -v wrk >/dev/null || die "wrk is needed (apt-get install -y wrk)"
require_distribution

WORK_DIR=""
cleanup() {
  stop_server
  if [ -n "$WORK_DIR" ]; then rm -rf "$WORK_DIR"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

WORK_DIR=$(fresh_data_dir)
PORT=$(free_port)
BASE="http://$HOST:$PORT"
start_server "$WORK_DIR" "$PORT"
wait_for_health "$WORK_DIR" "$PORT"
make_token "$WORK_DIR"
[ "$(http_status "$BASE/api/hello/greetings")" = 200 ] || die "the example plugin is not serving /api/hello/greetings (log: $WORK_DIR/server.log)"

# Give the plugin endpoint something to read: 20 greetings (its default page size).
for i in $(seq 1 20); do
  curl -s -o /dev/null --max-time 5 -H 'Content-Type: application/json' -H "Authorization: Bearer $TOKEN" \
    -d "{\"name\": \"bench $i\"}" "$BASE/api/hello/greetings"
done

java_bin=${JAVA_HOME:-}/bin/java
[ -x "$DIST/runtime/bin/java" ] && java_bin=$DIST/runtime/bin/java
echo "GitOps Auditor under wrk: -t$THREADS -c$CONNECTIONS -d$DURATION after a $WARMUP warm-up per endpoint, $(nproc) CPUs"
echo "$("$java_bin" -version 2>&1 | head -n 1); JAVA_OPTS='${JAVA_OPTS:-}'; RSS after start $(rss_mib) MiB"

# measure PATH: a warm-up run (discarded), then the measured run; prints its figures.
measure() {
  local url=$BASE$1 out rps p99 errors non2xx
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -H "Authorization: Bearer $TOKEN" "$url" >/dev/null
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "Authorization: Bearer $TOKEN" "$url")
  rps=$(awk '/^Requests\/sec:/ { print $2 }' <<<"$out")
  p99=$(awk '$1 == "99%" { print $2 }' <<<"$out")
  errors=$(awk '/Socket errors:/ { sub(/.*Socket errors: /, ""); print }' <<<"$out")
  non2xx=$(awk '/Non-2xx or 3xx responses:/ { print $NF }' <<<"$out")
  printf '  GET %-24s %10s req/s   p99 %8s   non-2xx %s%s\n' "$1" "$rps" "$p99" "${non2xx:-0}" \
    "${errors:+   socket errors: $errors}"
  if [ -n "${VERBOSE:-}" ]; then printf '%s\n' "$out" | sed 's/^/    /'; fi
}

measure /api/platform/version
measure /api/hello/greetings
echo "  RSS after the load: $(rss_mib) MiB"
