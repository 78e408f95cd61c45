#!/bin/sh
# For the run profile only (./mvnw -Prun); not part of the installed distribution.
#
#   serve-while-maven-runs.sh LAUNCHER ARGS...
#
# Runs the assembled launcher for Maven and makes sure the server stops when Maven does.
# Ctrl-C in a terminal reaches every process of the foreground group, but a SIGTERM sent to
# Maven alone would leave the server running as an orphan: exec-maven-plugin does not stop a
# synchronous child when Maven shuts down. So: forward TERM/INT/HUP to the server, and watch
# Maven (our parent) and stop the server once Maven is gone.
set -u

launcher=$1
shift
maven_pid=$PPID

"$launcher" "$@" &
server=$!

trap 'kill -TERM "$server" 2>/dev/null || true' TERM INT HUP

# The watch ends as soon as either Maven or the server is gone.
(
  while kill -0 "$maven_pid" 2>/dev/null && kill -0 "$server" 2>/dev/null; do
    sleep 1
  done
  kill -TERM "$server" 2>/dev/null || true
) &
watcher=$!

status=0
wait "$server" || status=$?
# A trapped signal interrupts 'wait' while the server is still shutting down: wait for it to finish.
while kill -0 "$server" 2>/dev/null; do
  wait "$server" || status=$?
done
kill "$watcher" 2>/dev/null || true
exit "$status"
