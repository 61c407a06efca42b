#!/usr/bin/env bash
# A real OrleansCases cluster on this machine, everything on 127.0.0.1: Azurite, two silos on Azure Table clustering
# and two web front-ends that find the gateways through the same membership table.
#
#   deploy/local/cluster.sh                      npm ci (when needed), build (Release), start it all; Ctrl-C stops it all
#   CLUSTER_NO_BUILD=1 deploy/local/cluster.sh   skip the build (use what is in bin/$CLUSTER_CONFIGURATION)
#
# Environment (all optional):
#   CLUSTER_NO_BUILD        1: do not build (RUN_NO_BUILD=1 is honoured too)
#   CLUSTER_CONFIGURATION   the build to run, Release (default) or Debug
#   CLUSTER_STORAGE         an Azure Storage connection string to use instead of starting an Azurite, e.g. the
#                           Azurite of ./test.sh: CLUSTER_STORAGE="$ORLEANSCASES_TEST_STORAGE"
#   CLUSTER_AZURITE_BLOB_PORT, _QUEUE_PORT, _TABLE_PORT
#                           the ports of the Azurite it starts otherwise (default 10010, 10011, 10012: beside, not on,
#                           ./run.sh's); its data lives in $CLUSTER_RUN_DIR/azurite and is kept across runs
#   CLUSTER_SERVICE_ID      Cluster:ServiceId (default orleanscases); "unique" picks a fresh one for this run, so rows
#                           and queues of earlier runs (stale membership, stream queues) never matter
#   CLUSTER_CLUSTER_ID      Cluster:ClusterId (default local)
#   CLUSTER_STREAMS         AzureQueue (default) or Memory; see "Streams" below
#   CLUSTER_SILO_PORTS      silo-to-silo ports of silo1 and silo2 (default "11111 11112")
#   CLUSTER_GATEWAY_PORTS   their gateway ports (default "30000 30001")
#   CLUSTER_SILO_HTTP_PORTS their health endpoints (default "5090 5091")
#   CLUSTER_WEB_PORTS       the web front-ends web1 and web2 (default "5080 5081")
#   CLUSTER_RUN_DIR         pid files, logs and Azurite data (default <repo>/.run/cluster)
#   CLUSTER_READY_TIMEOUT   seconds to wait for every /health/ready (default 90)
#
# Files in $CLUSTER_RUN_DIR: silo1.pid silo2.pid web1.pid web2.pid (a test kills a silo through them), the logs
# silo1.log silo2.log web1.log web2.log, cluster.pid (this script) and, when it starts one, Azurite's pid and log.
# Every process runs in its own session, so a Ctrl-C reaches this script only and it stops them in order: webs,
# silos, then the Azurite it started. SIGTERM does the same (a backgrounded script ignores SIGINT: send SIGTERM).
# A silo or web that dies while the cluster runs is reported and the rest keeps running (that is what a cluster is
# for); the script exits non-zero once no silo or no web is left.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
ROOT="$PWD"

# shellcheck source=deploy/local/azurite.sh
source "$ROOT/deploy/local/azurite.sh" # azurite_connection_string, azurite_pid_alive, azurite_port_open
# shellcheck source=deploy/local/apps.sh
source "$ROOT/deploy/local/apps.sh" # say, fail, start_app, app_pid, stop_apps, wait_ready ...
AZURITE="$ROOT/deploy/local/azurite.sh"
SCRIPT_NAME=cluster.sh

CONFIGURATION="${CLUSTER_CONFIGURATION:-Release}"
RUN_DIR="${CLUSTER_RUN_DIR:-$ROOT/.run/cluster}"
READY_TIMEOUT="${CLUSTER_READY_TIMEOUT:-90}"
CLUSTER_ID="${CLUSTER_CLUSTER_ID:-local}"
# Streams: Azure Queue by default. With memory streams an event lives in a queue grain of one silo until it is
# delivered, so a silo that dies takes its undelivered events with it; the web bridge would fill those gaps from the
# stored feed (it polls the feed heads every 2 s), but only late. Azure queues keep an event until a pulling agent
# has delivered it, and the surviving silo takes over the dead one's queues, so delivery continues from storage.
# The price is one queue message per event (see README, "Storage writes per transition").
STREAMS="${CLUSTER_STREAMS:-AzureQueue}"
read -r -a SILO_PORTS <<<"${CLUSTER_SILO_PORTS:-11111 11112}"
read -r -a GATEWAY_PORTS <<<"${CLUSTER_GATEWAY_PORTS:-30000 30001}"
read -r -a SILO_HTTP_PORTS <<<"${CLUSTER_SILO_HTTP_PORTS:-5090 5091}"
read -r -a WEB_PORTS <<<"${CLUSTER_WEB_PORTS:-5080 5081}"
SILO_DIR="$ROOT/silo/OrleansCases.Silo"
WEB_DIR="$ROOT/web/OrleansCases.Web"
SILO_DLL="$SILO_DIR/bin/$CONFIGURATION/net10.0/OrleansCases.Silo.dll"
WEB_DLL="$WEB_DIR/bin/$CONFIGURATION/net10.0/OrleansCases.Web.dll"
APPS=(web1 web2 silo1 silo2)

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

require_tools dotnet node npm curl setsid
[[ "$CONFIGURATION" =~ ^(Release|Debug)$ ]] || fail "CLUSTER_CONFIGURATION must be Release or Debug, not '$CONFIGURATION'"
[[ "$STREAMS" =~ ^(AzureQueue|Memory)$ ]] || fail "CLUSTER_STREAMS must be AzureQueue or Memory, not '$STREAMS'"
for list in SILO_PORTS GATEWAY_PORTS SILO_HTTP_PORTS WEB_PORTS; do
  declare -n ports="$list"
  ((${#ports[@]} == 2)) || fail "CLUSTER_${list} must name two ports, e.g. \"${ports[*]:-1 2}\""
  for port in "${ports[@]}"; do
    if ! [[ "$port" =~ ^[0-9]+$ ]] || ((port < 1 || port > 65535)); then
      fail "invalid port '$port' in CLUSTER_${list}"
    fi
  done
  unset -n ports
done

SERVICE_ID="${CLUSTER_SERVICE_ID:-orleanscases}"
if [[ "$SERVICE_ID" == unique ]]; then
  # Lowercase letters and digits only (Azure table and queue names derive from it), at most 31 characters.
  SERVICE_ID="$(printf 'cluster%s%04x%04x' "$(date +%s)" "$RANDOM" "$RANDOM")"
fi
[[ "$SERVICE_ID" =~ ^[a-z][a-z0-9]{2,30}$ ]] || fail "CLUSTER_SERVICE_ID must be 3-31 lowercase letters and digits, starting with a letter"

mkdir -p "$RUN_DIR"
RUN_DIR="$(cd "$RUN_DIR" && pwd)"

# One cluster.sh per run folder.
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
  stop_signals "webs, silos and Azurite"
  stop_apps 30 web1 web2
  stop_apps 45 silo1 silo2
  if ((azurite_started)); then
    azurite_stop || true # in this shell, not a child: a Ctrl-C cannot cut it short
    rm -f "$RUN_DIR/azurite.owned"
  fi
  rm -f "$RUN_DIR/cluster.pid"
  exit "$rc"
}
trap shutdown EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# A cluster.sh that was killed outright (SIGKILL) leaves its processes behind: stop them first.
stop_apps 30 web1 web2
stop_apps 45 silo1 silo2

if [[ ! -d node_modules || package-lock.json -nt node_modules/.package-lock.json ]]; then
  say "installing npm packages (Azurite)"
  npm ci --no-audit --no-fund
fi

if [[ "${CLUSTER_NO_BUILD:-${RUN_NO_BUILD:-0}}" == 1 ]]; then
  say "CLUSTER_NO_BUILD=1: skipping the build"
else
  say "building ($CONFIGURATION)"
  dotnet build OrleansCases.sln -c "$CONFIGURATION"
fi
[[ -f "$SILO_DLL" ]] || fail "$SILO_DLL not found (build failed, or CLUSTER_NO_BUILD=1 before a first build)"
[[ -f "$WEB_DLL" ]] || fail "$WEB_DLL not found (build failed, or CLUSTER_NO_BUILD=1 before a first build)"

for port in "${SILO_PORTS[@]}" "${GATEWAY_PORTS[@]}" "${SILO_HTTP_PORTS[@]}" "${WEB_PORTS[@]}"; do
  azurite_port_open "$port" &&
    fail "port $port on 127.0.0.1 is already in use (a ./run.sh, another cluster.sh?); choose others with the CLUSTER_*_PORTS variables"
done

# Azurite: the connection string given, or one of our own with its data in the run folder.
azurite_pid=""
azurite_log=""
if [[ -n "${CLUSTER_STORAGE:-}" ]]; then
  connection_string="$CLUSTER_STORAGE"
  storage_line="the given CLUSTER_STORAGE"
else
  export AZURITE_BLOB_PORT="${CLUSTER_AZURITE_BLOB_PORT:-10010}"
  export AZURITE_QUEUE_PORT="${CLUSTER_AZURITE_QUEUE_PORT:-10011}"
  export AZURITE_TABLE_PORT="${CLUSTER_AZURITE_TABLE_PORT:-10012}"
  export AZURITE_DATA="$RUN_DIR/azurite"
  if "$AZURITE" status >/dev/null 2>&1; then
    # Ours only when an earlier cluster.sh of this folder started it and was killed before it could stop it.
    [[ -f "$RUN_DIR/azurite.owned" ]] || fail "an Azurite on this data folder runs already and is not ours; stop it ($AZURITE stop with AZURITE_DATA=$AZURITE_DATA)"
    say "Azurite left running by an earlier cluster.sh; using it"
  else
    "$AZURITE" start >/dev/null 3>&- 4>&-
  fi
  azurite_started=1
  touch "$RUN_DIR/azurite.owned"
  azurite_pid="$("$AZURITE" pid)"
  connection_string="$(azurite_connection_string)"
  azurite_log="$RUN_DIR/azurite-$AZURITE_TABLE_PORT.log"
  storage_line="Azurite (pid $azurite_pid) blob/queue/table 127.0.0.1:$AZURITE_BLOB_PORT/$AZURITE_QUEUE_PORT/$AZURITE_TABLE_PORT, data in $AZURITE_DATA"
fi

# check_started NAME...: while starting, every named process (azurite, silo1, ...) must still run.
check_started() {
  local name
  for name in "$@"; do
    case "$name" in
      azurite) [[ -z "$azurite_pid" ]] || azurite_pid_alive "$azurite_pid" || { report_died Azurite "$azurite_log"; exit 1; } ;;
      *) app_pid "$name" >/dev/null || { report_died "$name" "$RUN_DIR/$name.log"; exit 1; } ;;
    esac
  done
}

say "ServiceId $SERVICE_ID, ClusterId $CLUSTER_ID, streams $STREAMS, build $CONFIGURATION"
# What every silo and web of this cluster shares.
CLUSTER_SETTINGS=(Cluster__ServiceId="$SERVICE_ID" Cluster__ClusterId="$CLUSTER_ID" Cluster__Clustering=AzureTable Cluster__Streams="$STREAMS")
started=()
for i in 0 1; do
  start_app "silo$((i + 1))" "$SILO_DIR" "$SILO_DLL" "${CLUSTER_SETTINGS[@]}" \
    Urls="http://127.0.0.1:${SILO_HTTP_PORTS[i]}" \
    Cluster__SiloPort="${SILO_PORTS[i]}" Cluster__GatewayPort="${GATEWAY_PORTS[i]}"
  started+=("silo$((i + 1))")
done
wait_ready silo1 "http://127.0.0.1:${SILO_HTTP_PORTS[0]}/health/ready" check_started azurite "${started[@]}"
wait_ready silo2 "http://127.0.0.1:${SILO_HTTP_PORTS[1]}/health/ready" check_started azurite "${started[@]}"
# The webs read the gateways from the membership table, so they start once both silos are in it.
for i in 0 1; do
  start_app "web$((i + 1))" "$WEB_DIR" "$WEB_DLL" "${CLUSTER_SETTINGS[@]}" Urls="http://127.0.0.1:${WEB_PORTS[i]}"
  started+=("web$((i + 1))")
done
wait_ready web1 "http://127.0.0.1:${WEB_PORTS[0]}/health/ready" check_started azurite "${started[@]}"
wait_ready web2 "http://127.0.0.1:${WEB_PORTS[1]}/health/ready" check_started azurite "${started[@]}"

cat <<EOF

OrleansCases cluster is running (ServiceId $SERVICE_ID, ClusterId $CLUSTER_ID, Azure Table clustering, $STREAMS streams).

  process  pid       endpoints
  web1     $(printf '%-8s' "$(app_pid web1)")  http://localhost:${WEB_PORTS[0]}
  web2     $(printf '%-8s' "$(app_pid web2)")  http://localhost:${WEB_PORTS[1]}
  silo1    $(printf '%-8s' "$(app_pid silo1)")  silo 127.0.0.1:${SILO_PORTS[0]}, gateway :${GATEWAY_PORTS[0]}, health http://localhost:${SILO_HTTP_PORTS[0]}/health/ready
  silo2    $(printf '%-8s' "$(app_pid silo2)")  silo 127.0.0.1:${SILO_PORTS[1]}, gateway :${GATEWAY_PORTS[1]}, health http://localhost:${SILO_HTTP_PORTS[1]}/health/ready
  storage  $storage_line

  Logs: $RUN_DIR/{web1,web2,silo1,silo2}.log${azurite_log:+ and $azurite_log}
  Pid files: $RUN_DIR/{web1,web2,silo1,silo2}.pid
  Demo users as with ./run.sh (password demo-pass); a bearer token:
    curl -s http://localhost:${WEB_PORTS[0]}/api/auth/token -H 'Content-Type: application/json' \\
      -d '{"username":"asha.north","password":"demo-pass"}'

Press Ctrl-C (or send SIGTERM) to stop webs, silos$( ((azurite_started)) && echo ' and Azurite').
EOF

# Watch: report each process that dies once; keep going while a silo and a web are left.
reported=()
while :; do
  silos=0
  webs=0
  for name in "${APPS[@]}"; do
    if app_pid "$name" >/dev/null; then
      [[ "$name" == silo* ]] && silos=$((silos + 1)) || webs=$((webs + 1))
    elif [[ " ${reported[*]} " != *" $name "* ]]; then
      report_died "$name" "$RUN_DIR/$name.log"
      reported+=("$name")
    fi
  done
  ((silos > 0)) || fail "no silo is left; stopping the cluster"
  ((webs > 0)) || fail "no web is left; stopping the cluster"
  if [[ -n "$azurite_pid" ]] && ! azurite_pid_alive "$azurite_pid"; then
    report_died Azurite "$azurite_log"
    exit 1
  fi
  sleep 1 &
  wait $! || true
done
