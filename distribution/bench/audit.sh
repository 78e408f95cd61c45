#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Audit benchmark: N generated clones (a mix of clean, dirty, ahead, unpushed-branch and stashed), timed in one run:
#   (a) a full audit through the CLI (JVM start included; the median of the runs after the first, which
#       records the launcher's start-up cache, as every cron run after an installation's first does),
#   (b) a re-audit when nothing changed, through the running server ({"mode":"changed"}; the run's own duration),
#   (c) the reference: `git status --porcelain=v2 --branch` over the same clones, 2 in parallel.
# Usage: distribution/bench/audit.sh [N...]   (default: 100 1000; needs the built distribution, git, curl)
# Prints figures; asserts nothing. RUNS=3 sets the repetitions (median reported).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
APP=${APP:-$here/../target/gitops-auditor}
RUNS=${RUNS:-3}
sizes=("${@:-100 1000}")
# shellcheck disable=SC2206 # split "100 1000" into words on purpose
sizes=(${sizes[*]})
[ -x "$APP/bin/gitops-auditor" ] || { echo "build first: ./mvnw package -DskipTests (no $APP)" >&2; exit 1; }
WORK=$(mktemp -d)
trap 'kill "${SERVER_PID:-0}" 2>/dev/null || true; rm -rf "$WORK"' EXIT
# shellcheck source=clones.sh
. "$here/clones.sh"

now_ms() { echo $(($(date +%s%N) / 1000000)); }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

for n in "${sizes[@]}"; do
  dir=$WORK/repos-$n
  rm -rf "$WORK/template.git" "$dir"
  t0=$(now_ms)
  generate_clones "$WORK" "$dir" "$n"
  echo "== $n clones (generated in $(($(now_ms) - t0)) ms)"

  # (c) the reference loop
  ref=$(for _ in $(seq 1 "$RUNS"); do
    t0=$(now_ms)
    find "$dir" -mindepth 1 -maxdepth 1 -type d -print0 | xargs -0 -P2 -I{} git -C {} status --porcelain=v2 --branch >/dev/null
    echo $(($(now_ms) - t0))
  done | median)

  # (a) the CLI, full audit. The first run of an installation records the launcher's start-up cache (an AOT
  # cache on Java 25+, written as the JVM exits); cron's later runs start from it, so the median is of those.
  export GITOPS_AUDITOR_CACHE_DIR=$WORK/cache-$n
  t0=$(now_ms)
  # (its stderr holds the JVM's "Picked up JAVA_TOOL_OPTIONS" line from the process that writes the cache)
  "$APP/bin/gitops-auditor" audit --root "$dir" --format json --fail-on never -q >"$WORK/report.json" 2>"$WORK/first.err"
  first=$(($(now_ms) - t0))
  cli=$(for _ in $(seq 1 "$RUNS"); do
    t0=$(now_ms)
    "$APP/bin/gitops-auditor" audit --root "$dir" --format json --fail-on never -q >"$WORK/report.json"
    echo $(($(now_ms) - t0))
  done | median)
  findings=$(grep -o '"type":"[A-Z_]*"' "$WORK/report.json" | sort | uniq -c | awk '{printf "%s %s, ", $1, $2}' | sed 's/"type"://g; s/"//g')

  # (b) the server: a full run, then "changed" runs with nothing changed
  data=$WORK/data-$n
  GITOPS_AUDITOR_PLUGINS_AUDIT_ROOTS=$dir GITOPS_AUDITOR_PLUGINS_AUDIT_SCHEDULE=off \
    GITOPS_AUDITOR_AOT=off "$APP/bin/gitops-auditor" serve --data-dir "$data" --port 0 >"$WORK/out.log" 2>"$WORK/err.log" &
  SERVER_PID=$!
  port=""
  for _ in $(seq 1 600); do
    port=$(sed -n 's|.* listening on http://127.0.0.1:\([0-9]*\).*|\1|p' "$WORK/out.log" | head -n 1)
    [ -n "$port" ] && break
    sleep 0.1
  done
  token=$("$APP/bin/gitops-auditor" token create --data-dir "$data" --name bench --scope write 2>/dev/null | tail -n 1)
  api() { curl -s -H "Authorization: Bearer $token" -H 'Content-Type: application/json' "$@"; }
  wait_idle() { for _ in $(seq 1 3000); do api "http://127.0.0.1:$port/api/audit/summary" | grep -q '"running"' || return 0; sleep 0.05; done; }
  run_ms() { # run_ms MODE: the run's own duration (finishedAt - startedAt), from the API
    local id
    id=$(api -X POST --data "{\"mode\":\"$1\"}" "http://127.0.0.1:$port/api/audit/runs" | sed -n 's/.*"runId":\([0-9]*\).*/\1/p')
    wait_idle
    api "http://127.0.0.1:$port/api/audit/runs/$id" | python3 -c 'import json,sys,datetime as d
r=json.load(sys.stdin); p=lambda s: d.datetime.fromisoformat(s.replace("Z","+00:00"))
print(round((p(r["finishedAt"])-p(r["startedAt"])).total_seconds()*1000))'
  }
  cold=$(run_ms full)
  full=$(for _ in $(seq 1 "$RUNS"); do run_ms full; done | median)
  sleep 1
  changed=$(for _ in $(seq 1 "$RUNS"); do run_ms changed; done | median)
  rss=$(ps -o rss= -p "$SERVER_PID" | awk '{printf "%d", $1/1024}')
  kill -TERM "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""

  echo "(c) git status --porcelain=v2 --branch, 2 in parallel: ${ref} ms"
  echo "(a) gitops-auditor audit (CLI, full, JVM start included): ${cli} ms   ratio a/c = $(awk "BEGIN {printf \"%.2f\", $cli/$ref}")"
  echo "    first CLI run of an installation (records the start-up cache as it exits): ${first} ms"
  echo "    server full run: first after start ${cold} ms; warm ${full} ms   ratio warm/c = $(awk "BEGIN {printf \"%.2f\", $full/$ref}")"
  echo "(b) server re-audit, nothing changed: ${changed} ms   (aim: < 50 ms for 1,000)"
  echo "    server RSS after the runs: ${rss} MiB"
  echo "    findings: ${findings%, }"
done
