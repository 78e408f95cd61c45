#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Audit benchmark: N generated clones (a mix of clean, dirty, ahead, unpushed-branch and stashed), timed in one run:
#   (a) a full audit through the CLI (JVM start included; the median of the runs after the first, which
#       records the launcher's start-up cache, as every cron run after an installation's first does),
#   (b) a re-audit when nothing changed, through the running server ({"mode":"changed"}; the run's own duration),
#   (c) the reference: `git status --porcelain=v2 --branch` over the same clones, 2 in parallel.
# Usage: distribution/bench/audit.sh [N...]   (default: 100 1000; needs the built distribution, git, curl, python3)
# Prints figures; asserts nothing. RUNS=3 sets the repetitions (median reported). DIST=... measures another
# unpacked distribution.
set -euo pipefail
# shellcheck source=common.sh
. "$(dirname "$0")/common.sh"
# shellcheck source=clones.sh
. "$BENCH_DIR/clones.sh"

RUNS=${RUNS:-3}
[[ $RUNS =~ ^[0-9]+$ && $RUNS -ge 1 && $RUNS -le 50 ]] || die "RUNS must be 1 to 50, not '$RUNS'"
sizes=("${@:-100 1000}")
# shellcheck disable=SC2206 # split "100 1000" into words on purpose
sizes=(${sizes[*]})
require_distribution
command -v git >/dev/null || die "git is needed"
command -v python3 >/dev/null || die "python3 is needed (it reads the run's times from the API)"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/gitops-auditor-bench.XXXXXX")
trap 'stop_server; rm -rf "$WORK"' EXIT

now_ms() { echo $(($(now_us) / 1000)); }
# timed_runs CMD...: the elapsed ms of RUNS runs of CMD, one per line
timed_runs() { for _ in $(seq 1 "$RUNS"); do t0=$(now_ms); "$@"; echo $(($(now_ms) - t0)); done; }

git_status_loop() { # git_status_loop DIR
  find "$1" -mindepth 1 -maxdepth 1 -type d -print0 | xargs -0 -P2 -I{} git -C {} status --porcelain=v2 --branch >/dev/null
}
cli_audit() { "$DIST/bin/gitops-auditor" audit --root "$1" --format json --fail-on never -q >"$WORK/report.json"; }

api() { curl -s -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' "$@"; }
wait_idle() { for _ in $(seq 1 3000); do api "http://$HOST:$port/api/audit/summary" | grep -q '"running"' || return 0; sleep 0.05; done; }
run_ms() { # run_ms MODE: the run's own duration (finishedAt - startedAt), from the API
  local id
  id=$(api -X POST --data "{\"mode\":\"$1\"}" "http://$HOST:$port/api/audit/runs" | sed -n 's/.*"runId":\([0-9]*\).*/\1/p')
  wait_idle
  api "http://$HOST:$port/api/audit/runs/$id" | python3 -c 'import json,sys,datetime as d
r=json.load(sys.stdin); p=lambda s: d.datetime.fromisoformat(s.replace("Z","+00:00"))
print(round((p(r["finishedAt"])-p(r["startedAt"])).total_seconds()*1000))'
}

for n in "${sizes[@]}"; do
  [[ $n =~ ^[0-9]+$ && $n -ge 1 && $n -le 10000 ]] || die "N must be 1 to 10000 clones, not '$n'"
  dir=$WORK/repos-$n
  t0=$(now_ms)
  generate_clones "$WORK" "$dir" "$n"
  echo "== $n clones (generated in $(($(now_ms) - t0)) ms)"

  # (c) the reference loop
  # shellcheck disable=SC2046 # one number per line, on purpose
  ref=$(median $(timed_runs git_status_loop "$dir"))

  # (a) the CLI, full audit. The first run of an installation records the launcher's start-up cache (an AOT
  # cache on Java 25+, written as the JVM exits); cron's later runs start from it, so the median is of those.
  export GITOPS_AUDITOR_CACHE_DIR=$WORK/cache-$n
  t0=$(now_ms)
  # (its stderr holds the JVM's "Picked up JAVA_TOOL_OPTIONS" line from the process that writes the cache)
  cli_audit "$dir" 2>"$WORK/first.err"
  first=$(($(now_ms) - t0))
  # shellcheck disable=SC2046
  cli=$(median $(timed_runs cli_audit "$dir"))
  findings=$(grep -o '"type":"[A-Z_]*"' "$WORK/report.json" | sort | uniq -c | awk '{printf "%s %s, ", $1, $2}' | sed 's/"type"://g; s/"//g')

  # (b) the server: a full run, then "changed" runs with nothing changed
  server=$WORK/server-$n
  mkdir -p "$server/data/plugins"
  port=$(free_port)
  GITOPS_AUDITOR_PLUGINS_AUDIT_ROOTS=$dir GITOPS_AUDITOR_PLUGINS_AUDIT_SCHEDULE=off GITOPS_AUDITOR_AOT=off \
    start_server "$server" "$port"
  wait_for_health "$server" "$port"
  make_token "$server"
  cold=$(run_ms full)
  # shellcheck disable=SC2046
  full=$(median $(for _ in $(seq 1 "$RUNS"); do run_ms full; done))
  sleep 1
  # shellcheck disable=SC2046
  changed=$(median $(for _ in $(seq 1 "$RUNS"); do run_ms changed; done))
  rss=$(rss_mib)
  stop_server

  echo "(c) git status --porcelain=v2 --branch, 2 in parallel: ${ref} ms"
  echo "(a) gitops-auditor audit (CLI, full, JVM start included): ${cli} ms   ratio a/c = $(awk "BEGIN {printf \"%.2f\", $cli/$ref}")"
  echo "    first CLI run of an installation (records the start-up cache as it exits): ${first} ms"
  echo "    server full run: first after start ${cold} ms; warm ${full} ms   ratio warm/c = $(awk "BEGIN {printf \"%.2f\", $full/$ref}")"
  echo "(b) server re-audit, nothing changed: ${changed} ms   (aim: < 50 ms for 1,000)"
  echo "    server RSS after the runs: ${rss} MiB"
  echo "    findings: ${findings%, }"
done
