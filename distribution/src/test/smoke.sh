#!/usr/bin/env bash
# Smoke test of the tarball, as a user meets it:
#
#   distribution/src/test/smoke.sh distribution/target/gitops-auditor-VERSION-linux-x64.tar.gz
#
# Run by './mvnw verify' (the distribution module's verify phase). It unpacks the tarball into a temporary
# folder and, with an empty environment and a PATH that holds no java at all, so only the bundled runtime can
# run it:
#   - checks the layout (bin, lib, plugins, conf, runtime, systemd, docs) and the runtime's modules;
#   - starts 'serve' on a free 127.0.0.1 port with a temporary data folder: health, the setup secret, the API
#     closed without a credential, the dashboard shell at / (and a deep link) open to all, plugin list (none
#     yet) with a token made by 'token create';
#   - stops it with SIGTERM: exit 143, "stopped cleanly"; on Java 25+ that first start trained the AOT cache;
#   - drops the example third-party plugin into plugins/, restarts (now from the AOT cache): the plugin is
#     STARTED, its REST endpoint and its UI bundle (served from inside its jar) answer; writes a greeting,
#     takes a 'backup' while the server runs, writes a second greeting;
#   - stops, 'restore's the backup, starts again: the first greeting is there (the data persisted), the
#     second is not (the restore worked); 'plugins' lists the plugin;
#   - runs the 'audit' CLI over real clones (JSON report, exit codes); as root, runs it again as 'nobody' over
#     a tree holding folders nobody may not read: each is an UNREADABLE "permission denied: <path>" finding,
#     the other clones are reported as usual, the exit code is the worst finding's and stdout is valid JSON
#     (on the run that trains the AOT cache, too); a clone owned by root is refused (git's safe.directory
#     rule) and reported unreadable with the settings that allow it, then read once safe.directory in nobody's
#     git config lists it; then serves with the audit watching the clones;
#   - lints the unit with 'systemd-analyze verify' and prints its 'systemd-analyze security' exposure when
#     systemd-analyze is installed, shellchecks the scripts when shellcheck is; skips each with a notice if not.
# Prints "ok"/"FAIL" per check and, last, "smoke: N passed, M failed" on its own line; exits 1 on any failure.
# Only loopback traffic; every wait is bounded; the temporary folder is removed at the end.
set -uo pipefail

TARBALL=${1:?usage: smoke.sh TARBALL}
[ -f "$TARBALL" ] || {
  echo "smoke: no tarball at $TARBALL: build it first (./mvnw package)" >&2
  exit 1
}
TARBALL=$(cd "$(dirname "$TARBALL")" && pwd -P)/$(basename "$TARBALL")
HOST=127.0.0.1

passed=0
failed=0
skipped=0
ok() {
  passed=$((passed + 1))
  echo "ok    $*"
}
fail() {
  failed=$((failed + 1))
  echo "FAIL  $*"
}
skip() {
  skipped=$((skipped + 1))
  echo "skip  $*"
}
check() { # check DESCRIPTION COMMAND...: passes when the command succeeds
  local what=$1
  shift
  if "$@" >/dev/null 2>&1; then ok "$what"; else fail "$what"; fi
}

WORK=$(mktemp -d "${TMPDIR:-/tmp}/gitops-auditor-smoke.XXXXXX")
SERVER_PID=""
# shellcheck disable=SC2317 # called by the trap
cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -KILL "$SERVER_PID" 2>/dev/null
    wait "$SERVER_PID" 2>/dev/null
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

finish() {
  echo "smoke: $passed passed, $failed failed${skipped:+, $skipped skipped}"
  [ "$failed" = 0 ]
  exit
}

# --- Unpack -----------------------------------------------------------------------------------------------
name=$(basename "$TARBALL" -linux-x64.tar.gz)
if tar -xzf "$TARBALL" -C "$WORK"; then ok "unpacks ($(du -h "$TARBALL" | cut -f1))"; else
  fail "unpacks"
  finish
fi
APP=$WORK/$name
if [ -d "$APP" ] && [ "$(find "$WORK" -mindepth 1 -maxdepth 1 | wc -l)" = 1 ]; then
  ok "one top-level folder $name/"
else
  fail "one top-level folder $name/ (found: $(ls "$WORK"))"
  finish
fi

# --- Layout -----------------------------------------------------------------------------------------------
check "bin/gitops-auditor is executable" test -x "$APP/bin/gitops-auditor"
check "lib/ holds the kernel and plugin API" compgen -G "$APP/lib/platform-core-*.jar"
check "plugins/ holds only its README" test "$(ls "$APP/plugins")" = README.md
check "conf/gitops-auditor.yml is there" test -f "$APP/conf/gitops-auditor.yml"
check "runtime/bin/java is executable" test -x "$APP/runtime/bin/java"
check "runtime/lib/jspawnhelper is executable (child processes)" test -x "$APP/runtime/lib/jspawnhelper"
check "systemd/ holds the unit and install scripts" test -f "$APP/systemd/gitops-auditor.service" -a \
  -x "$APP/systemd/install.sh" -a -x "$APP/systemd/uninstall.sh" -a -x "$APP/systemd/gitops-auditor-cli"
check "docs/ holds the user guide" test -f "$APP/docs/install.md" -a -f "$APP/docs/configuration.md"
check "docs/ holds the screenshots the guide shows" test -f "$APP/docs/screenshots/audit-overview.png" -a -f "$APP/docs/screenshots/audit-overview-375.png"
check "no build leftovers (cache/)" test ! -e "$APP/cache"
runtime_modules=$(sed -n 's/^MODULES="\(.*\)"/\1/p' "$APP/runtime/release")
runtime_java=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$APP/runtime/release")
if [[ " $runtime_modules " == *" jdk.zipfs "* && " $runtime_modules " == *" java.sql "* &&
  " $runtime_modules " != *" jdk.compiler "* && " $runtime_modules " != *" jdk.jlink "* ]]; then
  ok "runtime: $(wc -w <<<"$runtime_modules") JDK modules (jdk.zipfs, java.sql; no compiler, no jlink), $(du -sh "$APP/runtime" | cut -f1)"
else
  fail "runtime modules: $runtime_modules"
fi

# --- A PATH without any java, an empty environment --------------------------------------------------------
# Only the tools the launcher and this script call, linked into one folder: no JDK can be found by accident.
mkdir -p "$WORK/path"
for tool in sh bash dirname readlink sed head tail mkdir tr stat cksum cut cat rm mv ls env uname id; do
  if location=$(command -v "$tool"); then ln -s "$location" "$WORK/path/$tool"; fi
done
# The launcher with nothing of this shell's environment. A plain command, not a function: started with '&',
# its PID is the JVM's (env and the launcher exec), which is what SIGTERM must reach.
clean_env=(env -i PATH="$WORK/path" HOME="$WORK/home" LANG=C.UTF-8 GITOPS_AUDITOR_CACHE_DIR="$WORK/cache")
run_app() { "${clean_env[@]}" "$APP/bin/gitops-auditor" "$@"; }
check "no java on the test PATH" test -z "$(PATH=$WORK/path command -v java)"
if out=$(run_app version 2>&1) && [[ $out == "GitOps Auditor "* ]]; then ok "version: $out"; else fail "version: $out"; fi

DATA=$WORK/data
server_env=() # extra VAR=value settings for the server, on top of the clean environment
PORT=""
BASE=""
# start_server LABEL: serve in the background on a free port; waits (60 s at most) for the ready line.
start_server() {
  local t0 _
  : >"$WORK/out.log"
  : >"$WORK/err.log"
  t0=$(date +%s%N)
  "${clean_env[@]}" "${server_env[@]}" "$APP/bin/gitops-auditor" serve --data-dir "$DATA" --bind "$HOST" --port 0 \
    >"$WORK/out.log" 2>"$WORK/err.log" &
  SERVER_PID=$!
  PORT=""
  for _ in $(seq 1 600); do
    PORT=$(sed -n "s|.* listening on http://$HOST:\([0-9]*\).*|\1|p" "$WORK/out.log" | head -n 1)
    [ -z "$PORT" ] || break
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.1
  done
  if [ -z "$PORT" ]; then
    fail "$1: no 'listening on' line within 60 s"
    sed 's/^/      /' "$WORK/err.log" | tail -n 20
    return 1
  fi
  BASE="http://$HOST:$PORT"
  ok "$1: listening on port $PORT after $((($(date +%s%N) - t0) / 1000000)) ms"
}

# stop_server LABEL: SIGTERM, then exit status 143 and a clean shutdown within 120 s.
stop_server() {
  local _ status
  kill -TERM "$SERVER_PID"
  for _ in $(seq 1 1200); do
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$SERVER_PID" 2>/dev/null; then
    fail "$1: still running 120 s after SIGTERM"
    kill -KILL "$SERVER_PID"
  fi
  wait "$SERVER_PID"
  status=$?
  SERVER_PID=""
  if [ "$status" = 143 ] && grep -q "stopped cleanly" "$WORK/err.log"; then
    ok "$1: SIGTERM -> exit 143, stopped cleanly"
  else
    fail "$1: SIGTERM -> exit $status; log:"
    tail -n 20 "$WORK/err.log" | sed 's/^/      /'
  fi
}

TOKEN="" # an API token (WRITE scope), made with 'token create' after the first start
http() { # http METHOD PATH [BODY]: prints "STATUS BODY"
  local args=(-s --max-time 10 -o "$WORK/body" -w '%{http_code}' -X "$1")
  [ -z "$TOKEN" ] || args+=(-H "Authorization: Bearer $TOKEN")
  [ $# -lt 3 ] || args+=(-H 'Content-Type: application/json' --data "$3")
  local status
  status=$(curl "${args[@]}" "$BASE$2")
  echo "$status $(cat "$WORK/body" 2>/dev/null)"
}
expect() { # expect DESCRIPTION RESPONSE PATTERN (a bash glob)
  # shellcheck disable=SC2053 # the pattern is a glob on purpose
  if [[ $2 == $3 ]]; then ok "$1"; else fail "$1: got ${2:0:300}"; fi
}

# --- First start: no plugins ------------------------------------------------------------------------------
if start_server "first start (fresh data folder)"; then
  exe=$(readlink "/proc/$SERVER_PID/exe" 2>/dev/null || true)
  if [ "$exe" = "$APP/runtime/bin/java" ]; then ok "the JVM is the bundled runtime ($exe)"; else fail "the JVM is $exe, not $APP/runtime/bin/java"; fi
  expect "health: UP" "$(http GET /api/platform/health)" '200 *"status":"UP"*'
  expect "the API needs a credential" "$(http GET /api/platform/plugins)" '401 *'
  expect "the dashboard shell at /, with its import map, for anyone" "$(http GET /)" '200 *<script type="importmap">*'
  expect "a dashboard deep link is the shell too" "$(http GET /p/hello/greetings)" '200 *<div id="root">*'
  if [ -f "$DATA/setup-secret" ] && [ "$(stat -c %a "$DATA/setup-secret")" = 600 ] && grep -q setup-secret "$WORK/out.log"; then
    ok "first start: a 0600 setup secret, and where it is"
  else
    fail "first start: no 0600 $DATA/setup-secret announced on stdout"
  fi
  if out=$(run_app token create --data-dir "$DATA" --name smoke --scope write 2>&1) && TOKEN=$(tail -n 1 <<<"$out") && [[ $TOKEN == gat_* ]]; then
    ok "'token create' while the server runs"
  else
    fail "'token create': $out"
    TOKEN=""
  fi
  expect "plugin list with the token: only the built-in audit, with its UI bundle" "$(http GET /api/platform/plugins)" \
    '200 \[{"id":"audit"*"state":"STARTED"*"entry":"/ui/audit/index.js"*}\]'
  expect "the audit UI bundle is served from its jar" "$(http GET /ui/audit/index.js)" '200 *definePlugin*'
  stop_server "first stop"
fi
check "the database file exists" test -s "$DATA/gitops-auditor.db"
if [ "${runtime_java:-0}" -ge 25 ]; then
  # The training run's output, NAME.aot.PID.tmp, is complete once the JVM removed its .config.
  caches=$(find "$WORK/cache" -name 'gitops-auditor-serve-*.aot.*.tmp' 2>/dev/null)
  if [ -n "$caches" ] && ! compgen -G "$WORK/cache/*.config" >/dev/null; then
    ok "the first start trained the AOT cache ($(du -h "$caches" | cut -f1))"
  else
    fail "no AOT cache after the first stop (cache folder: $(ls "$WORK/cache" 2>&1))"
  fi
else
  skip "AOT cache: the bundled runtime is Java $runtime_java (needs 25+)"
fi

# --- Drop in the example third-party plugin, restart ------------------------------------------------------
cp "$APP/example-plugins/hello-plugin.jar" "$APP/plugins/"
if start_server "restart with the example plugin in plugins/"; then
  if [ "${runtime_java:-0}" -ge 25 ]; then
    if grep -q '\[error\]\[aot\]' "$WORK/err.log"; then
      fail "the AOT cache was rejected: $(grep -m 3 aot "$WORK/err.log")"
    elif compgen -G "$WORK/cache/gitops-auditor-serve-*.aot" >/dev/null && ps -o args= -p "$SERVER_PID" | grep -q -- '-XX:AOTCache='; then
      ok "the restart runs from the AOT cache"
    else
      fail "the restart does not use the AOT cache: $(ls "$WORK/cache"); $(ps -o args= -p "$SERVER_PID" | grep -o -- '-XX:AOT[^ ]*')"
    fi
  fi
  expect "plugin list: hello STARTED from plugins/" "$(http GET /api/platform/plugins)" \
    '200 *"id":"hello"*"state":"STARTED"*"source":"hello-plugin.jar"*'
  expect "health counts it (and the built-in audit)" "$(http GET /api/platform/health)" '200 *"STARTED":2*'
  expect "the plugin's REST endpoint answers" "$(http GET /api/hello/greetings)" '200 \[*'
  expect "the plugin's UI bundle is served from its jar" "$(http GET /ui/hello/index.js)" '200 ?*'
  # The handshake only (curl speaks no WebSocket): 101 and the upgrade, then curl gives up after 3 s.
  handshake=$(curl -s -i -N --http1.1 --max-time 3 -H "Authorization: Bearer $TOKEN" -H 'Connection: Upgrade' \
    -H 'Upgrade: websocket' -H 'Sec-WebSocket-Version: 13' -H 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==' \
    "$BASE/ws" | head -n 1 | tr -d '\r')
  expect "WebSocket upgrade on /ws" "$handshake" 'HTTP/1.1 101*'
  expect "a greeting is stored" "$(http POST /api/hello/greetings '{"name": "smoke"}')" '201 *"name":"smoke"*'
  if out=$(run_app backup --data-dir "$DATA" --to "$WORK/backup.db" 2>&1) && [ -s "$WORK/backup.db" ]; then
    ok "'backup' while the server runs ($(du -h "$WORK/backup.db" | cut -f1))"
  else
    fail "'backup': $out"
  fi
  expect "a second greeting, after the backup" "$(http POST /api/hello/greetings '{"name": "later"}')" '201 *'
  stop_server "stop with the plugin"
fi

# --- Restore the backup; the data persisted across restarts -----------------------------------------------
if out=$(run_app restore --data-dir "$DATA" --from "$WORK/backup.db" 2>&1); then
  ok "'restore' with the server stopped"
else
  fail "'restore': $out"
fi
if start_server "third start"; then
  greetings=$(http GET /api/hello/greetings)
  expect "the greeting from before the backup is there" "$greetings" '200 *"message":"Hello, smoke!"*'
  if [[ $greetings != *later* ]]; then ok "the greeting from after the backup is gone (restored)"; else fail "the restore did not replace the database: $greetings"; fi
  stop_server "third stop"
fi
if out=$(run_app plugins --data-dir "$DATA" 2>&1) && [[ $out == *hello*REGISTERED*hello-plugin.jar* ]]; then
  ok "'plugins' lists the plugin"
else
  fail "'plugins': $out"
fi

# --- The audit plugin: the CLI for cron, then the server watching real clones --------------------------------
REPOS=$WORK/repos
mkdir -p "$REPOS"
(
  set -e
  export GIT_AUTHOR_NAME=smoke GIT_AUTHOR_EMAIL=smoke@example.org GIT_COMMITTER_NAME=smoke GIT_COMMITTER_EMAIL=smoke@example.org
  git init -q --bare -b main "$WORK/remote.git"
  git init -q -b main "$REPOS/pushed" && cd "$REPOS/pushed" && echo one >file && git add file && git commit -qm one
  git remote add origin "$WORK/remote.git" && git push -q -u origin main
  git init -q -b main "$REPOS/local notes" && cd "$REPOS/local notes" && echo x >x && git add x && git commit -qm x
) >"$WORK/git.log" 2>&1 || fail "could not build test repositories: $(tail -n 3 "$WORK/git.log")"
json=$(run_app audit --root "$REPOS" --format json -q 2>"$WORK/audit.err")
status=$?
if [ "$status" = 5 ] && [[ $json == *'"schema":"https://gitops-auditor.io/schemas/audit-run-v1.json"'* ]] && [[ $json == *NO_REMOTE* ]]; then
  ok "'audit' CLI: JSON report, exit 5 for a repository whose commits exist only here"
else
  fail "'audit' CLI: exit $status, ${json:0:200} $(cat "$WORK/audit.err")"
fi
run_app audit --root "$REPOS" --fail-on bogus >/dev/null 2>"$WORK/audit.err"
status=$?
if [ "$status" = 2 ] && grep -q "unknown severity 'bogus'" "$WORK/audit.err"; then ok "'audit' CLI: a bad option is exit 2 with a message"; else fail "'audit' CLI bad option: exit $status $(cat "$WORK/audit.err")"; fi

# --- The audit CLI as a user who may not read everything: permission denied ---------------------------------
# chmod 000 stops everyone but root (CAP_DAC_OVERRIDE), so this part switches to 'nobody', which needs root and
# setpriv or runuser. nobody gets a tree of its own: a clone with a remote and one without (read as usual), a
# clone whose .git it may not enter, one whose objects/ it may not, and a folder it may not list; plus its own
# home and launcher cache folder (a fresh cache: this run is an AOT training run on Java 25+). It reaches the
# installation through $WORK, which it may cross but not list for the time of the run (the tarball's files are
# world-readable).
as_nobody=()
if [ "$(id -u)" != 0 ]; then
  skip "audit as 'nobody' (permission denied): needs root to switch users (running as $(id -un))"
elif ! id nobody >/dev/null 2>&1; then
  skip "audit as 'nobody' (permission denied): this system has no user 'nobody'"
elif command -v setpriv >/dev/null 2>&1; then
  as_nobody=(setpriv --reuid="$(id -u nobody)" --regid="$(id -g nobody)" --clear-groups)
elif command -v runuser >/dev/null 2>&1; then
  as_nobody=(runuser -u nobody --)
else
  skip "audit as 'nobody' (permission denied): neither setpriv nor runuser is installed (util-linux)"
fi
if [ ${#as_nobody[@]} -gt 0 ]; then
  NOBODY=$WORK/nobody
  mkdir -p "$NOBODY/repos/private/inside" "$NOBODY/home" "$NOBODY/cache"
  (
    set -e
    git init -q --bare -b main "$NOBODY/remote.git"
    for clone in pushed notes locked sealed; do
      git init -q -b main "$NOBODY/repos/$clone"
      git -C "$NOBODY/repos/$clone" -c user.name=smoke -c user.email=smoke@example.org commit -q --allow-empty -m one
    done
    git -C "$NOBODY/repos/pushed" remote add origin "$NOBODY/remote.git"
    git -C "$NOBODY/repos/pushed" push -q -u origin main
    git init -q -b main "$NOBODY/repos/rootowned"
    git -C "$NOBODY/repos/rootowned" -c user.name=smoke -c user.email=smoke@example.org commit -q --allow-empty -m one
  ) >"$WORK/git.log" 2>&1 || fail "could not build the repositories for 'nobody': $(tail -n 3 "$WORK/git.log")"
  chown -R "$(id -u nobody):$(id -g nobody)" "$NOBODY"
  # rootowned stays root's, readable by all: like git ("dubious ownership"), the audit refuses to open it.
  chown -R 0:0 "$NOBODY/repos/rootowned"
  chmod -R a+rX "$NOBODY/repos/rootowned"
  chmod 000 "$NOBODY/repos/locked/.git" "$NOBODY/repos/sealed/.git/objects" "$NOBODY/repos/private"
  chmod 711 "$WORK"
  if ! "${as_nobody[@]}" test -x "$APP/bin/gitops-auditor"; then
    skip "audit as 'nobody' (permission denied): nobody cannot reach $APP (is a folder above $WORK closed to others?)"
  else
    "${as_nobody[@]}" env -i PATH="$WORK/path" HOME="$NOBODY/home" LANG=C.UTF-8 GITOPS_AUDITOR_CACHE_DIR="$NOBODY/cache" \
      "$APP/bin/gitops-auditor" audit --root "$NOBODY/repos" --format json -q >"$WORK/nobody.json" 2>"$WORK/nobody.err"
    status=$?
    if [ "$status" = 5 ]; then
      ok "'audit' as nobody: exit 5 (the worst finding is high), not an error"
    else
      fail "'audit' as nobody: exit $status; $(grep -v '^[[:space:]]*at ' "$WORK/nobody.err" | head -n 5)"
    fi
    # What cron would mail: with -q, nothing but the line of the JVM that writes the start-up cache (this is the
    # installation's first audit for nobody). Java takes nobody's home from the password database
    # (/nonexistent), where JGit cannot save its settings; that and the unreadable folders were logged by JGit
    # as errors with stack traces, and the JVM announced each step of writing the cache.
    if grep -v '^Picked up JAVA_TOOL_OPTIONS:' "$WORK/nobody.err" >"$WORK/nobody.noise"; then
      fail "'audit -q' as nobody: unexpected lines on stderr: $(grep -v '^[[:space:]]*at ' "$WORK/nobody.noise" | head -n 3)"
    else
      ok "'audit -q' as nobody: stderr is quiet (no stack trace, no cache announcements)"
    fi
    if ! command -v python3 >/dev/null 2>&1; then
      skip "audit as 'nobody': python3 is not installed, the JSON report was not parsed"
    elif ! python3 -m json.tool "$WORK/nobody.json" >/dev/null 2>"$WORK/json.err"; then
      fail "'audit' as nobody: stdout is not valid JSON ($(cat "$WORK/json.err")): $(tail -c 300 "$WORK/nobody.json")"
    else
      ok "'audit' as nobody: stdout is valid JSON (python3 -m json.tool)"
      # One line per repository: name, state, then each finding as TYPE=message, tab-separated.
      report=$(python3 -c '
import json, sys
for r in json.load(open(sys.argv[1]))["repositories"]:
    print("\t".join([r["name"], r["state"]] + [f["type"] + "=" + f["message"] for f in r["findings"]]))
' "$WORK/nobody.json")
      # NAME STATE FINDING: that repository is in that state and has that finding (among others: sealed's
      # config could be read, so its missing remote is a finding too).
      denied="UNREADABLE=The repository cannot be read: permission denied:"
      for expected in "locked	BROKEN	$denied $NOBODY/repos/locked/.git" \
        "sealed	BROKEN	$denied $NOBODY/repos/sealed/.git/objects" \
        "private	BROKEN	UNREADABLE=The repository cannot be read: cannot list this folder: permission denied: $NOBODY/repos/private"; do
        repository=${expected%%	*}
        line=$(grep -m 1 "^$repository	" <<<"$report")
        if [[ "$line	" == "${expected%	*}"*"	${expected##*	}	"* ]]; then
          ok "'audit' as nobody: $repository is unreadable, permission denied"
        else
          fail "'audit' as nobody: expected '$expected', got: ${line:-nothing for $repository}"
        fi
      done
      if grep -qx 'pushed	LOCAL_ONLY	LOCAL_ONLY=.*' <<<"$report" && grep -qx 'notes	AT_RISK	NO_REMOTE=.*' <<<"$report" &&
        [ "$(wc -l <<<"$report")" = 6 ]; then
        ok "'audit' as nobody: the readable clones are reported as usual (pushed local-only, notes without a remote)"
      else
        fail "'audit' as nobody: the readable clones: $report"
      fi
      line=$(grep -m 1 '^rootowned	' <<<"$report")
      # (Its config was read by the folder scan, as for sealed: no remote is a finding too.)
      if [[ $line == "rootowned	BROKEN	"*"UNREADABLE=The repository cannot be read: $NOBODY/repos/rootowned is owned by uid 0, not by this service"*"git.safe-directories"*"safe.directory"* ]]; then
        ok "'audit' as nobody: a clone owned by root is refused and reported unreadable, naming the settings that allow it"
      else
        fail "'audit' as nobody: the clone owned by root: ${line:-nothing for rootowned}"
      fi
      # safe.directory in the service user's own git config allows it, as for git (XDG_CONFIG_HOME: Java takes
      # nobody's home from the password database, /nonexistent).
      mkdir -p "$NOBODY/xdg/git"
      printf '[safe]\n\tdirectory = %s\n' "$NOBODY/repos/rootowned" >"$NOBODY/xdg/git/config"
      chown -R "$(id -u nobody):$(id -g nobody)" "$NOBODY/xdg"
      "${as_nobody[@]}" env -i PATH="$WORK/path" HOME="$NOBODY/home" XDG_CONFIG_HOME="$NOBODY/xdg" LANG=C.UTF-8 \
        GITOPS_AUDITOR_CACHE_DIR="$NOBODY/cache" "$APP/bin/gitops-auditor" audit --root "$NOBODY/repos/rootowned" \
        --format json -q >"$WORK/nobody-safe.json" 2>"$WORK/nobody-safe.err"
      line=$(python3 -c '
import json, sys
for r in json.load(open(sys.argv[1]))["repositories"]:
    print("\t".join([r["name"], r["state"]] + [f["type"] for f in r["findings"]]))
' "$WORK/nobody-safe.json" 2>&1)
      if [[ $line == "rootowned	AT_RISK	NO_REMOTE" ]]; then
        ok "'audit' as nobody: safe.directory in nobody's git config lets the clone owned by root be read"
      else
        fail "'audit' as nobody with safe.directory: ${line:0:300} $(head -n 3 "$WORK/nobody-safe.err")"
      fi
    fi
  fi
  chmod 700 "$WORK"
  chmod 700 "$NOBODY/repos/locked/.git" "$NOBODY/repos/sealed/.git/objects" "$NOBODY/repos/private"
fi

server_env=(GITOPS_AUDITOR_PLUGINS_AUDIT_ROOTS="$REPOS")
if start_server "start auditing $REPOS"; then
  summary=""
  for _ in $(seq 1 100); do
    summary=$(http GET /api/audit/summary)
    [[ $summary == *'"current":{'*'"repositories":2'* ]] && break
    sleep 0.2
  done
  expect "the start-up audit found both clones" "$summary" '200 *"current":{*"repositories":2*'
  expect "the pushed clone is local-only (no GitHub owner configured) with nothing at risk" \
    "$(http GET '/api/audit/repositories?q=pushed')" '200 *"state":"LOCAL_ONLY"*"risk":{"level":"NONE"*'
  echo edit >>"$REPOS/pushed/file"
  changed=""
  for _ in $(seq 1 100); do
    changed=$(http GET '/api/audit/repositories?q=pushed')
    [[ $changed == *UNCOMMITTED_CHANGES* ]] && break
    sleep 0.2
  done
  expect "an edit on disk shows without a run (watcher)" "$changed" '200 *"state":"AT_RISK"*UNCOMMITTED_CHANGES*'
  expect "a re-audit of what changed is accepted" "$(http POST /api/audit/runs '{"mode":"changed"}')" '202 *"mode":"changed"*'
  sleep 1
  expect "the run history has the re-audit on top" "$(http GET '/api/audit/runs?limit=1')" '200 {"items":[{"id":*,"trigger":"manual","mode":"changed"*'
  expect "a run exports as CSV" "$(http GET '/api/audit/runs/1/export?format=csv')" '200 repository,key,state,risk,severity,finding,message*'
  expect "a bad filter is a problem, not a 500" "$(http GET '/api/audit/repositories?state=shiny')" '400 *"detail":"state must be among*'
  stop_server "stop the audit"
fi
server_env=()

# --- The unit and the scripts -----------------------------------------------------------------------------
unit=$APP/systemd/gitops-auditor.service
for line in 'User=gitops-auditor' 'ExecStart=/opt/gitops-auditor/current/bin/gitops-auditor serve' \
  'SuccessExitStatus=143' 'Restart=on-failure' 'NoNewPrivileges=yes' 'ProtectSystem=strict' 'PrivateTmp=yes' \
  'StateDirectory=gitops-auditor' 'Environment=GITOPS_AUDITOR_CACHE_DIR=/var/cache/gitops-auditor'; do
  check "unit: $line" grep -qx "$line" "$unit"
done
check "unit: never root" test -z "$(grep -E '^User=(root|0)?$' "$unit")"
if command -v systemd-analyze >/dev/null 2>&1; then
  # As install.sh would write it for this folder, with the 'current' link it points through.
  ln -s "$name" "$WORK/current"
  sed "s|/opt/gitops-auditor|$WORK|g" "$unit" >"$WORK/gitops-auditor.service"
  if out=$(systemd-analyze verify --man=no "$WORK/gitops-auditor.service" 2>&1) && [ -z "$out" ]; then
    ok "systemd-analyze verify: clean"
  else
    fail "systemd-analyze verify: $out"
  fi
  if out=$(systemd-analyze security --offline=true --no-pager "$WORK/gitops-auditor.service" 2>&1); then
    ok "systemd-analyze security: $(grep -o 'Overall exposure level.*' <<<"$out" | sed 's/\x1b\[[0-9;]*m//g')"
  else
    skip "systemd-analyze security --offline needs systemd 252+: $(head -n 1 <<<"$out")"
  fi
else
  skip "systemd-analyze is not installed: the unit file was not verified (apt-get install systemd)"
fi
if command -v shellcheck >/dev/null 2>&1; then
  check "shellcheck: launcher, install.sh, uninstall.sh, CLI wrapper" shellcheck "$APP/bin/gitops-auditor" \
    "$APP/systemd/install.sh" "$APP/systemd/uninstall.sh" "$APP/systemd/gitops-auditor-cli"
else
  skip "shellcheck is not installed: the scripts were not linted (apt-get install shellcheck)"
fi
expect "install.sh --help" "$(sh "$APP/systemd/install.sh" --help 2>&1)" '*systemctl enable --now gitops-auditor*'

finish
