#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Dashboard benchmark: how fast the dashboard paints with a fleet of clones behind it.
#
#   distribution/bench/dashboard.sh            # 1,000 clones, 5 loads of each page
#   N=200 RUNS=9 distribution/bench/dashboard.sh
#
# Generates N git clones (clones.sh, as audit.sh does), starts the assembled server with the audit scanning
# them and the example plugin in its plugins folder, then dashboard.mjs (playwright-core driving the system's
# Chromium, headless) creates the first admin through the API the setup page uses, waits for the start-up
# audit run to finish, and prints: Chromium's first-contentful-paint of the home page (median, min, max of
# RUNS loads, each in a fresh browser context, then in a context that has loaded it before), the time until
# the home page's audit card shows its headline, the audit overview's first paint and the time until it shows
# its figures, the time until the repositories page shows its first page of rows, and the
# size of every file the home page loads (as served, and gzipped), by shell, shared vendor modules and plugin.
# Prints figures; asserts nothing. Needs the built distribution, node_modules/ (the build's npm ci), git, curl
# and Chromium (CHROMIUM=..., default /usr/bin/chromium). Everything stays on 127.0.0.1; the temporary folder
# is removed at the end.
set -euo pipefail
# shellcheck source=common.sh
. "$(dirname "$0")/common.sh"
# shellcheck source=clones.sh
. "$BENCH_DIR/clones.sh"

N=${N:-1000}
RUNS=${RUNS:-5}
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
[[ $N =~ ^[0-9]+$ && $N -ge 1 && $N -le 10000 ]] || die "N must be 1 to 10000 clones, not '$N'"
[[ $RUNS =~ ^[0-9]+$ && $RUNS -ge 1 && $RUNS -le 50 ]] || die "RUNS must be 1 to 50, not '$RUNS'"

require_distribution
command -v git >/dev/null || die "git is needed"
command -v node >/dev/null || die "node is needed (20.19 or newer)"
[ -d "$REPO_DIR/node_modules/playwright-core" ] ||
  die "no $REPO_DIR/node_modules/playwright-core: build once with './mvnw -o -q package -DskipTests' (its npm ci installs it)"
[ -x "$CHROMIUM" ] || die "no browser at $CHROMIUM (apt-get install chromium, or set CHROMIUM=...)"

WORK=$(fresh_data_dir) # WORK/data, with the example plugin in WORK/data/plugins
trap 'stop_server; rm -rf "$WORK"' EXIT

t0=$(now_us)
generate_clones "$WORK" "$WORK/repos" "$N"
echo "== dashboard: $N clones (generated in $((($(now_us) - t0) / 1000)) ms), $RUNS loads per figure"

port=$(free_port)
# The launcher's defaults, except the start-up cache: kept out of the installation (its own folder here) and
# without the AOT training run, which would make the first start, and its stop, slower for nothing.
export GITOPS_AUDITOR_PLUGINS_AUDIT_ROOTS=$WORK/repos GITOPS_AUDITOR_CACHE_DIR=$WORK/cache GITOPS_AUDITOR_AOT=off
start_server "$WORK" "$port"
wait_for_health "$WORK" "$port"

node "$BENCH_DIR/dashboard.mjs" "http://$HOST:$port" "$WORK/data" "$N" "$RUNS" "$CHROMIUM"
echo "server RSS after the loads: $(rss_mib) MiB"
