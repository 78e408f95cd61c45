#!/bin/sh
# Installs (or upgrades to) the GitOps Auditor this script belongs to as a systemd service.
#
#   sudo /opt/gitops-auditor/gitops-auditor-VERSION/systemd/install.sh [--no-aot-training]
#   sudo systemctl enable --now gitops-auditor      # first install
#   sudo systemctl restart gitops-auditor           # upgrade
#
# Run it from the unpacked tarball, normally /opt/gitops-auditor/gitops-auditor-VERSION/ (any folder works:
# PREFIX below is the folder the tarball was unpacked into). It is safe to run again; it never touches the
# database nor an existing configuration file. Steps:
#   - system user and group gitops-auditor (no login, no home of its own)
#   - /etc/gitops-auditor/gitops-auditor.yml from conf/ (kept if present; the new default goes beside it
#     as gitops-auditor.yml.dist)
#   - /var/lib/gitops-auditor (data, 0700) and /var/cache/gitops-auditor (JVM start-up cache, 0700)
#   - PREFIX/plugins for third-party plugin jars, shared by every version
#   - PREFIX/current -> this version (the switch of an upgrade; the previous version stays on disk)
#   - /etc/systemd/system/gitops-auditor.service, then systemctl daemon-reload
#   - /usr/local/bin/gitops-auditor: the CLI with the service's folders, run as the service user
#   - a training run that writes the AOT cache, so the first start is already fast (Java 25+ runtime;
#     --no-aot-training skips it)
# It does not start, stop or enable the service.
set -eu

SERVICE=gitops-auditor
SERVICE_USER=gitops-auditor
CONF_DIR=/etc/gitops-auditor
DATA_DIR=/var/lib/gitops-auditor
CACHE_DIR=/var/cache/gitops-auditor
UNIT_DIR=/etc/systemd/system
CLI_LINK=/usr/local/bin/gitops-auditor

say() { printf 'install: %s\n' "$*"; }
die() {
  printf 'install: error: %s\n' "$*" >&2
  exit 1
}

aot_training=true
for arg in "$@"; do
  case $arg in
    --no-aot-training) aot_training=false ;;
    -h | --help)
      sed -n '2,/^set -eu/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'
      exit 0
      ;;
    *) die "unknown option '$arg' (see --help)" ;;
  esac
done

[ "$(id -u)" = 0 ] || die "run it as root (sudo $0)"
[ "$(uname -s)" = Linux ] || die "this tarball is for Linux"

APP_HOME=$(cd "$(dirname "$0")/.." && pwd -P)
PREFIX=$(dirname "$APP_HOME")
VERSION_DIR=$(basename "$APP_HOME")
if [ ! -x "$APP_HOME/bin/gitops-auditor" ] || [ ! -f "$APP_HOME/systemd/gitops-auditor.service" ]; then
  die "$APP_HOME does not look like an unpacked GitOps Auditor (bin/gitops-auditor, systemd/ missing)"
fi
case $PREFIX in
  *[!A-Za-z0-9/._-]*) die "unpack the tarball under a path without spaces or special characters (not '$PREFIX')" ;;
esac

# 1. The service user.
if id "$SERVICE_USER" >/dev/null 2>&1; then
  say "user $SERVICE_USER exists"
else
  nologin=/usr/sbin/nologin
  [ -x "$nologin" ] || nologin=/sbin/nologin
  [ -x "$nologin" ] || nologin=/bin/false
  if command -v useradd >/dev/null 2>&1; then
    useradd --system --user-group --home-dir "$DATA_DIR" --no-create-home --shell "$nologin" \
      --comment "GitOps Auditor service" "$SERVICE_USER"
  elif command -v adduser >/dev/null 2>&1; then # BusyBox, Alpine
    addgroup -S "$SERVICE_USER"
    adduser -S -D -H -h "$DATA_DIR" -s "$nologin" -G "$SERVICE_USER" -g "GitOps Auditor service" "$SERVICE_USER"
  else
    die "neither useradd nor adduser found: create the system user $SERVICE_USER by hand, then run this again"
  fi
  say "created system user $SERVICE_USER"
fi

# 2. Folders. Data and cache belong to the service user only; configuration and code belong to root.
install -d -m 0755 -o root -g root "$CONF_DIR"
install -d -m 0700 -o "$SERVICE_USER" -g "$SERVICE_USER" "$DATA_DIR" "$CACHE_DIR"
chmod 0700 "$DATA_DIR" "$CACHE_DIR"
install -d -m 0755 -o root -g root "$PREFIX/plugins"
if [ ! -e "$PREFIX/plugins/README.md" ]; then
  install -m 0644 "$APP_HOME/plugins/README.md" "$PREFIX/plugins/README.md"
fi
say "data $DATA_DIR (0700), cache $CACHE_DIR (0700), plugins $PREFIX/plugins"

# 3. Configuration: readable by the service, never overwritten.
if [ -e "$CONF_DIR/gitops-auditor.yml" ]; then
  install -m 0640 -o root -g "$SERVICE_USER" "$APP_HOME/conf/gitops-auditor.yml" "$CONF_DIR/gitops-auditor.yml.dist"
  say "kept $CONF_DIR/gitops-auditor.yml (this version's default is beside it: gitops-auditor.yml.dist)"
else
  install -m 0640 -o root -g "$SERVICE_USER" "$APP_HOME/conf/gitops-auditor.yml" "$CONF_DIR/gitops-auditor.yml"
  say "wrote $CONF_DIR/gitops-auditor.yml (every setting commented out: the defaults apply)"
fi

# 4. Switch PREFIX/current to this version (a relative link, so PREFIX can move as a whole).
if [ -e "$PREFIX/current" ] && [ ! -L "$PREFIX/current" ]; then
  die "$PREFIX/current exists and is not a symbolic link: move it away first"
fi
previous=""
if [ -L "$PREFIX/current" ]; then previous=$(readlink "$PREFIX/current"); fi
ln -sfn "$VERSION_DIR" "$PREFIX/current.new"
mv -T "$PREFIX/current.new" "$PREFIX/current"
if [ -n "$previous" ] && [ "$previous" != "$VERSION_DIR" ]; then
  say "switched $PREFIX/current from $previous to $VERSION_DIR (restart the service to run it)"
else
  say "$PREFIX/current -> $VERSION_DIR"
fi

# 5. The unit, with this PREFIX.
sed "s|/opt/gitops-auditor|$PREFIX|g" "$APP_HOME/systemd/gitops-auditor.service" >"$UNIT_DIR/$SERVICE.service.new"
chmod 0644 "$UNIT_DIR/$SERVICE.service.new"
mv "$UNIT_DIR/$SERVICE.service.new" "$UNIT_DIR/$SERVICE.service"
say "installed $UNIT_DIR/$SERVICE.service"
if [ -d /run/systemd/system ]; then
  systemctl daemon-reload
else
  say "systemd is not running here: the unit is installed but was not loaded"
fi

# 6. The CLI for operators: the service's folders and configuration, as the service user (so a backup or a
#    migrate never leaves root-owned files in the data folder).
sed "s|/opt/gitops-auditor|$PREFIX|g" "$APP_HOME/systemd/gitops-auditor-cli" >"$CLI_LINK.new"
chmod 0755 "$CLI_LINK.new"
mv "$CLI_LINK.new" "$CLI_LINK"
say "installed $CLI_LINK (e.g. sudo gitops-auditor plugins)"

# 7. AOT cache training: one short run of 'serve' as the service user, with the service's runtime, cache
#    folder and JVM options, but on a free loopback port with an empty data folder and no third-party plugins
#    (nothing of the real installation is touched). The launcher sees no cache for this version and records
#    one; the JVM writes it when the run is stopped. Without it the service's own first start trains instead.
train_aot() {
  work=$(mktemp -d "${TMPDIR:-/tmp}/gitops-auditor-training.XXXXXX")
  mkdir "$work/data" "$work/plugins"
  chown -R "$SERVICE_USER:$SERVICE_USER" "$work"
  # The service's environment: no JAVA_OPTS nor JAVA_HOME from this shell (they would change the cache key).
  # Not through a shell function: started with '&', $! must be the JVM itself (setpriv, env and the launcher
  # exec), so that SIGTERM below reaches it.
  if command -v setpriv >/dev/null 2>&1; then
    set -- setpriv --reuid="$SERVICE_USER" --regid="$SERVICE_USER" --init-groups --
  else
    set -- runuser -u "$SERVICE_USER" --
  fi
  "$@" env -i PATH=/usr/local/bin:/usr/bin:/bin LANG=C.UTF-8 GITOPS_AUDITOR_CACHE_DIR="$CACHE_DIR" \
    "$APP_HOME/bin/gitops-auditor" serve --data-dir "$work/data" --plugins-dir "$work/plugins" \
    --bind 127.0.0.1 --port 0 >"$work/out.log" 2>"$work/err.log" &
  pid=$!
  port=""
  i=0
  while [ $i -lt 600 ] && kill -0 "$pid" 2>/dev/null; do # up to 60 s
    port=$(sed -n 's|.* listening on http://127\.0\.0\.1:\([0-9]*\).*|\1|p' "$work/out.log" | head -n 1)
    [ -z "$port" ] || break
    sleep 0.1
    i=$((i + 1))
  done
  if [ -n "$port" ] && command -v curl >/dev/null 2>&1; then
    # A few requests (to the routes open without a credential), so the request path is in the cache too.
    for path in /api/platform/health /api/platform/version /api/platform/plugins; do
      curl -s -o /dev/null --max-time 10 "http://127.0.0.1:$port$path" || true
    done
  fi
  kill -TERM "$pid" 2>/dev/null || true
  i=0
  while [ $i -lt 1800 ] && kill -0 "$pid" 2>/dev/null; do # up to 180 s: the JVM writes the cache as it exits
    sleep 0.1
    i=$((i + 1))
  done
  if kill -0 "$pid" 2>/dev/null; then
    kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
  status=1
  # Written as NAME.aot.PID.tmp; complete once the JVM removed NAME.aot.PID.tmp.config. The service's next
  # start renames it to NAME.aot. (A NAME.aot already there means this run used an existing cache.)
  for cache in "$CACHE_DIR"/gitops-auditor-serve-*.aot "$CACHE_DIR"/gitops-auditor-serve-*.aot."$pid".tmp; do
    if [ -s "$cache" ] && [ ! -e "$cache.config" ]; then
      say "AOT cache ready: $cache ($(du -h "$cache" | cut -f1))"
      status=0
    fi
  done
  if [ "$status" != 0 ]; then
    if [ -z "$port" ]; then
      say "the training run did not start; its error output:"
      sed 's/^/    /' "$work/err.log" >&2
    fi
  fi
  rm -rf "$work"
  return "$status"
}

java_version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$APP_HOME/runtime/release" 2>/dev/null || true)
if [ "$aot_training" = false ]; then
  say "skipped the AOT cache training (--no-aot-training): the service's first start trains it"
elif [ "${java_version:-0}" -lt 25 ]; then
  say "the bundled runtime is Java ${java_version:-unknown}: no AOT cache (Java 25+); a class-data archive is used"
else
  say "training the AOT cache (one short run on a loopback port, about 10 s)"
  train_aot || say "the AOT cache training did not finish: no harm, the service's first start trains it instead"
fi

say "done. First install: systemctl enable --now $SERVICE. Upgrade: systemctl restart $SERVICE."
