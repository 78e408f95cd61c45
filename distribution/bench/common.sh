# shellcheck shell=bash source-path=SCRIPTDIR
# Helpers shared by the benchmark scripts (sourced, not run). Linux only: /proc, GNU tools.
# All traffic goes to 127.0.0.1; every wait is bounded.

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
REPO_DIR=$(cd "$BENCH_DIR/../.." && pwd -P)
DIST=${DIST:-$BENCH_DIR/../target/gitops-auditor}
HOST=127.0.0.1

die() {
  echo "bench: $*" >&2
  exit 1
}

# Checks the assembled distribution is there and that a Java 21+ will be found by the launcher.
require_distribution() {
  [ -x "$DIST/bin/gitops-auditor" ] ||
    die "no assembled distribution at $DIST: build it first with './mvnw -o -q package -DskipTests' (repository root)"
  DIST=$(cd "$DIST" && pwd -P)
  [ -f "$DIST/example-plugins/hello-plugin.jar" ] || die "$DIST/example-plugins/hello-plugin.jar is missing: rebuild the distribution"
  command -v curl >/dev/null || die "curl is needed (apt-get install -y curl)"
  if [ ! -x "$DIST/runtime/bin/java" ]; then
    # The machine's default java may be older than 21: pick a JDK the way ./mvnw does (keeps a suitable JAVA_HOME).
    # shellcheck source=../../.mvn/find-jdk.sh
    . "$REPO_DIR/.mvn/find-jdk.sh"
    set +f # find-jdk.sh leaves globbing off, as ./mvnw wants it
  fi
}

# Microseconds since the epoch, without forking when bash has EPOCHREALTIME (bash 5+).
now_us() {
  if [ -n "${EPOCHREALTIME:-}" ]; then
    local t=${EPOCHREALTIME/[.,]/}
    echo "$t"
  else
    echo $(($(date +%s%N) / 1000))
  fi
}

# A TCP port on 127.0.0.1 that nothing answers on (at most 50 tries).
free_port() {
  local i port
  for i in $(seq 1 50); do
    port=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
    if ! (exec 3<>"/dev/tcp/$HOST/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  die "no free port found after $i tries"
}

# A fresh data folder with the example plugin in its plugins folder ("all plugins present").
fresh_data_dir() {
  local dir
  dir=$(mktemp -d "${TMPDIR:-/tmp}/gitops-auditor-bench.XXXXXX")
  mkdir -p "$dir/data/plugins"
  cp "$DIST/example-plugins/hello-plugin.jar" "$dir/data/plugins/"
  echo "$dir"
}

# start_server DIR PORT: starts bin/gitops-auditor serve in the background; sets SERVER_PID.
# The launcher execs java, so SERVER_PID is the JVM itself. Flags win over any config and environment.
start_server() {
  "$DIST/bin/gitops-auditor" serve --data-dir "$1/data" --plugins-dir "$1/data/plugins" \
    --bind "$HOST" --port "$2" >"$1/server.log" 2>&1 &
  SERVER_PID=$!
}

# http_status URL: the HTTP status code, or 000 when nothing answered within a second. Sends $TOKEN when set.
http_status() {
  curl -s -o /dev/null -w '%{http_code}' --max-time 1 ${TOKEN:+-H "Authorization: Bearer $TOKEN"} "$1" || true
}

# make_token DIR: an API token with the WRITE scope for the server of DIR (the CLI works while it runs);
# sets TOKEN. The API needs a credential for everything but health and version.
make_token() {
  TOKEN=$("$DIST/bin/gitops-auditor" token create --data-dir "$1/data" --name "bench-$$" --scope write | tail -n 1)
  [[ $TOKEN == gat_* ]] || die "could not create an API token: $TOKEN"
}

# wait_for_health DIR PORT: polls /api/platform/health every ~20 ms until it answers 200 (at most
# 60 s, or until the server dies). Sets READY_US to the moment the first 200 arrived.
wait_for_health() {
  local i
  for i in $(seq 1 3000); do
    if [ "$(http_status "http://$HOST:$2/api/platform/health")" = 200 ]; then
      # shellcheck disable=SC2034 # read by the scripts that source this file
      READY_US=$(now_us)
      return 0
    fi
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
      tail -n 20 "$1/server.log" >&2
      die "the server exited before answering (log above)"
    fi
    sleep 0.02
  done
  tail -n 20 "$1/server.log" >&2
  die "no HTTP 200 from /api/platform/health within 60 s"
}

# Resident memory of the server in MiB (VmRSS from /proc/<pid>/status).
rss_mib() {
  awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$SERVER_PID/status"
}

# Stops the server with SIGTERM and waits for it (SIGKILL after 120 s: a training run writes its AOT cache
# as it stops); safe to call twice.
stop_server() {
  local i
  [ -n "${SERVER_PID:-}" ] || return 0
  kill -TERM "$SERVER_PID" 2>/dev/null || true
  for i in $(seq 1 1200); do
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$SERVER_PID" 2>/dev/null; then
    echo "bench: the server did not stop within 120 s of SIGTERM; killing it" >&2
    kill -KILL "$SERVER_PID" 2>/dev/null || true
  fi
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=
}

# median of the numbers given as arguments (mean of the two middle ones for an even count).
median() {
  printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END {
    if (NR % 2) printf "%d", v[(NR + 1) / 2]; else printf "%d", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
