#!/usr/bin/env bash
# Runs OrleansCases locally: Azurite, one silo and one web front-end, all on loopback.
#
#   ./run.sh                  npm ci (when needed), build (Release), start everything; Ctrl-C stops it all
#   RUN_NO_BUILD=1 ./run.sh   skip the build (use what is in bin/Release)
#
# Azurite keeps its data in .azurite/data (git-ignored), so a restart loses nothing. Logs: .run/silo.log,
# .run/web.log, .azurite/azurite-10002.log. Ctrl-C (or SIGTERM) stops web, silo and Azurite, in that order.
# When a process dies early, its log tail is printed, the rest is stopped and run.sh exits non-zero.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
ROOT="$PWD"

# shellcheck source=deploy/local/azurite.sh
source "$ROOT/deploy/local/azurite.sh" # azurite_connection_string, azurite_pid_alive, azurite_port_open
# shellcheck source=deploy/local/apps.sh
source "$ROOT/deploy/local/apps.sh" # say, fail, start_app, app_pid, stop_apps, wait_ready ...
AZURITE="$ROOT/deploy/local/azurite.sh"
SCRIPT_NAME=run.sh

RUN_DIR="$ROOT/.run"
SILO_DIR="$ROOT/silo/OrleansCases.Silo"
WEB_DIR="$ROOT/web/OrleansCases.Web"
SILO_DLL="$SILO_DIR/bin/Release/net10.0/OrleansCases.Silo.dll"
WEB_DLL="$WEB_DIR/bin/Release/net10.0/OrleansCases.Web.dll"
SILO_READY_URL="http://127.0.0.1:5090/health/ready"
WEB_READY_URL="http://127.0.0.1:5080/health/ready"
READY_TIMEOUT=90 # seconds, for each of silo and web
# Ports the silo (HTTP 5090, silo 11111, gateway 30000) and the web (5080) bind by default.
APP_PORTS=(5080 5090 11111 30000)

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

require_tools dotnet node npm curl setsid
mkdir -p "$RUN_DIR"
claim_run_dir

azurite_started=0
stopping=0
# The original stdout and stderr: a signal can arrive while a function runs with its output redirected.
exec 3>&1 4>&2

# shellcheck disable=SC2317 # invoked by the traps
shutdown() {
  local rc=$?
  trap - EXIT
  exec 1>&3 2>&4
  ((stopping)) && exit "$rc"
  stopping=1
  stop_signals "web, silo and Azurite"
  stop_apps 30 web
  stop_apps 45 silo
  if ((azurite_started)); then
    azurite_stop || true # in this shell, not a child: a Ctrl-C cannot cut it short
    rm -f "$RUN_DIR/azurite.owned"
  elif "$AZURITE" status >/dev/null 2>&1; then
    say "leaving Azurite running: it was running before run.sh started (deploy/local/azurite.sh stop)"
  fi
  rm -f "$RUN_DIR/run.pid"
  exit "$rc"
}
trap shutdown EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# A run.sh that was killed outright (SIGKILL) leaves its silo and web behind: stop them first.
stop_apps 30 web
stop_apps 45 silo

if [[ ! -d node_modules || package-lock.json -nt node_modules/.package-lock.json ]]; then
  say "installing npm packages (Azurite)"
  npm ci --no-audit --no-fund
fi

if [[ "${RUN_NO_BUILD:-0}" == 1 ]]; then
  say "RUN_NO_BUILD=1: skipping the build"
else
  say "building (Release)"
  dotnet build OrleansCases.sln -c Release
fi
[[ -f "$SILO_DLL" ]] || fail "$SILO_DLL not found (build failed, or RUN_NO_BUILD=1 before a first build)"
[[ -f "$WEB_DLL" ]] || fail "$WEB_DLL not found (build failed, or RUN_NO_BUILD=1 before a first build)"

for port in "${APP_PORTS[@]}"; do
  azurite_port_open "$port" && fail "port $port on 127.0.0.1 is already in use (another silo or web still running?)"
done

if "$AZURITE" status >/dev/null 2>&1; then
  if [[ -f "$RUN_DIR/azurite.owned" ]]; then
    say "Azurite left running by an earlier run.sh; using it"
    azurite_started=1
  else
    say "Azurite is already running; using it"
  fi
else
  "$AZURITE" start >/dev/null 3>&- 4>&-
  azurite_started=1
fi
((azurite_started)) && touch "$RUN_DIR/azurite.owned"
azurite_pid="$("$AZURITE" pid)"
connection_string="$(azurite_connection_string)"
azurite_log="$(dirname "${AZURITE_DATA:-$ROOT/.azurite/data}")/azurite-${AZURITE_TABLE_PORT:-10002}.log"

# check_alive NAME...: every named process (azurite, silo, web) is still running; when one died, its log tail is
# printed and run.sh exits non-zero (the EXIT trap stops the rest).
check_alive() {
  local name
  for name in "$@"; do
    case "$name" in
      azurite) azurite_pid_alive "$azurite_pid" || { report_died Azurite "$azurite_log"; exit 1; } ;;
      *) app_pid "$name" >/dev/null || { report_died "$name" "$RUN_DIR/$name.log"; exit 1; } ;;
    esac
  done
}

start_app silo "$SILO_DIR" "$SILO_DLL"
wait_ready silo "$SILO_READY_URL" check_alive azurite silo
start_app web "$WEB_DIR" "$WEB_DLL"
wait_ready web "$WEB_READY_URL" check_alive azurite silo web

cat <<EOF

OrleansCases is running.

  Portal        http://localhost:5080
  Silo health   http://localhost:5090/health/ready
  Azurite       blob/queue/table 127.0.0.1:${AZURITE_BLOB_PORT:-10000}/${AZURITE_QUEUE_PORT:-10001}/${AZURITE_TABLE_PORT:-10002}, data in ${AZURITE_DATA:-.azurite/data}
  Logs          .run/silo.log, .run/web.log, ${azurite_log#"$ROOT"/}

Demo logins (Development only; every password is demo-pass):

  user              role        region
  asha.north        asha        north
  asha2.north       asha        north
  chw.north         chw         north
  clinician.north   clinician   north
  clinician2.north  clinician   north
  asha.south        asha        south
  chw.south         chw         south
  clinician.south   clinician   south
  admin             admin       (all)

  Browsers sign in with POST /api/auth/login (a session cookie); API and load clients get a bearer token:
    curl -s http://localhost:5080/api/auth/token -H 'Content-Type: application/json' \\
      -d '{"username":"asha.north","password":"demo-pass"}'

Press Ctrl-C to stop web, silo and Azurite.
EOF

while :; do
  check_alive web silo azurite
  sleep 1 &
  wait $! || true
done
