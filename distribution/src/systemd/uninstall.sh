#!/bin/sh
# Removes the GitOps Auditor service that install.sh set up.
#
#   sudo /opt/gitops-auditor/current/systemd/uninstall.sh          # keeps data, configuration and plugins
#   sudo /opt/gitops-auditor/current/systemd/uninstall.sh --purge  # removes them too (asks first)
#
# Always: stops and disables the service, removes the unit and /usr/local/bin/gitops-auditor, and the
# JVM start-up cache (/var/cache/gitops-auditor). Kept unless --purge: the data (/var/lib/gitops-auditor:
# the database and its backups), the configuration (/etc/gitops-auditor), the user gitops-auditor and the
# unpacked versions with their plugins (PREFIX, normally /opt/gitops-auditor). --yes skips the question.
set -eu

SERVICE=gitops-auditor
SERVICE_USER=gitops-auditor
CONF_DIR=/etc/gitops-auditor
DATA_DIR=/var/lib/gitops-auditor
CACHE_DIR=/var/cache/gitops-auditor
UNIT=/etc/systemd/system/$SERVICE.service
CLI_LINK=/usr/local/bin/gitops-auditor

say() { printf 'uninstall: %s\n' "$*"; }
die() {
  printf 'uninstall: error: %s\n' "$*" >&2
  exit 1
}

purge=false
yes=false
for arg in "$@"; do
  case $arg in
    --purge) purge=true ;;
    --yes) yes=true ;;
    -h | --help)
      sed -n '2,/^set -eu/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'
      exit 0
      ;;
    *) die "unknown option '$arg' (see --help)" ;;
  esac
done
[ "$(id -u)" = 0 ] || die "run it as root (sudo $0)"

APP_HOME=$(cd "$(dirname "$0")/.." && pwd -P)
PREFIX=$(dirname "$APP_HOME")

if [ -d /run/systemd/system ] && [ -e "$UNIT" ]; then
  systemctl disable --now "$SERVICE" || true
fi
rm -f "$UNIT" "$CLI_LINK"
[ -d /run/systemd/system ] && systemctl daemon-reload
rm -rf "$CACHE_DIR"
say "stopped and removed the service, $CLI_LINK and $CACHE_DIR"

if [ "$purge" = false ]; then
  say "kept $DATA_DIR, $CONF_DIR, $PREFIX and the user $SERVICE_USER (--purge removes them)"
  exit 0
fi

if [ "$yes" = false ]; then
  printf 'Delete %s (the database and its backups), %s, %s and the user %s? Type yes: ' \
    "$DATA_DIR" "$CONF_DIR" "$PREFIX" "$SERVICE_USER"
  read -r answer || answer=""
  [ "$answer" = yes ] || die "nothing more removed"
fi
rm -rf "$DATA_DIR" "$CONF_DIR"
if id "$SERVICE_USER" >/dev/null 2>&1; then
  if command -v userdel >/dev/null 2>&1; then userdel "$SERVICE_USER"; else deluser "$SERVICE_USER"; fi
fi
# Last, the folder this script runs from.
case $PREFIX in
  / | /opt | /usr | /usr/local | /home) die "refusing to delete $PREFIX: remove the unpacked versions by hand" ;;
esac
rm -rf "$PREFIX"
say "removed $DATA_DIR, $CONF_DIR, $PREFIX and the user $SERVICE_USER"
