#!/usr/bin/env bash
# Azurite, the local Azure Storage emulator, for development and tests.
#
#   deploy/local/azurite.sh start              start in the background; waits until blob, queue and table accept
#                                              connections; prints the connection string (no-op when already running)
#   deploy/local/azurite.sh stop               SIGTERM (Azurite flushes its stores), wait for the exit, remove the pid file
#   deploy/local/azurite.sh status             exit 0 when running, 1 when not
#   deploy/local/azurite.sh connection-string  print the connection string for the configured ports
#   deploy/local/azurite.sh pid                print the pid when running (exit 1 when not)
#
# Environment (all optional):
#   AZURITE_BLOB_PORT, AZURITE_QUEUE_PORT, AZURITE_TABLE_PORT   default 10000, 10001, 10002
#   AZURITE_DATA           data folder (default <repo>/.azurite/data; kept across runs)
#   AZURITE_START_TIMEOUT  seconds to wait for the ports (default 30)
#   AZURITE_STOP_TIMEOUT   seconds to wait for the exit after SIGTERM before SIGKILL (default 20)
#   AZURITE_IN_MEMORY=1    keep everything in memory (--inMemoryPersistence): nothing survives a stop, and no periodic
#                          save of the whole store (Azurite serializes every table to disk every 5 s when it changed)
# The pid file and the log live next to the data folder: <parent of AZURITE_DATA>/azurite-<tableport>.pid and .log.
#
# Sourcing this file (`source deploy/local/azurite.sh`) only defines the functions, among them
# `azurite_connection_string [blob queue table]`.
set -euo pipefail

AZURITE_REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

# The well-known development account of the Azure Storage emulators (public, not a secret).
AZURITE_ACCOUNT_NAME="devstoreaccount1"
AZURITE_ACCOUNT_KEY="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="

# azurite_connection_string [blob-port queue-port table-port]: ports default to the AZURITE_*_PORT variables.
azurite_connection_string() {
  local blob="${1:-${AZURITE_BLOB_PORT:-10000}}"
  local queue="${2:-${AZURITE_QUEUE_PORT:-10001}}"
  local table="${3:-${AZURITE_TABLE_PORT:-10002}}"
  printf 'DefaultEndpointsProtocol=http;AccountName=%s;AccountKey=%s;BlobEndpoint=http://127.0.0.1:%s/%s;QueueEndpoint=http://127.0.0.1:%s/%s;TableEndpoint=http://127.0.0.1:%s/%s;\n' \
    "$AZURITE_ACCOUNT_NAME" "$AZURITE_ACCOUNT_KEY" \
    "$blob" "$AZURITE_ACCOUNT_NAME" "$queue" "$AZURITE_ACCOUNT_NAME" "$table" "$AZURITE_ACCOUNT_NAME"
}

# azurite_port_open PORT: true when something accepts TCP connections on 127.0.0.1:PORT.
azurite_port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# azurite_pid_alive PID: true when PID is a live (not zombie) process.
azurite_pid_alive() {
  local pid="$1" stat
  kill -0 "$pid" 2>/dev/null || return 1
  stat="$(cat "/proc/$pid/stat" 2>/dev/null)" || return 1
  stat="${stat##*) }"
  [[ "${stat%% *}" != "Z" ]]
}

# pid_exit_within PID SECONDS: waits for PID to exit; when it is still alive after SECONDS, SIGKILLs it and fails.
# A script that sets STOP_NOW=1 (see stop_signals in apps.sh) cuts every such wait short.
pid_exit_within() {
  local pid="$1" timeout="$2" waited=0
  while azurite_pid_alive "$pid"; do
    if ((waited >= timeout * 10)) || [[ "${STOP_NOW:-0}" == 1 ]]; then
      kill -KILL "$pid" 2>/dev/null || true
      sleep 0.2
      return 1
    fi
    sleep 0.1
    waited=$((waited + 1))
  done
}

_azurite_config() {
  AZ_BLOB_PORT="${AZURITE_BLOB_PORT:-10000}"
  AZ_QUEUE_PORT="${AZURITE_QUEUE_PORT:-10001}"
  AZ_TABLE_PORT="${AZURITE_TABLE_PORT:-10002}"
  local p
  for p in "$AZ_BLOB_PORT" "$AZ_QUEUE_PORT" "$AZ_TABLE_PORT"; do
    if ! [[ "$p" =~ ^[0-9]+$ ]] || ((p < 1 || p > 65535)); then
      echo "azurite: invalid port '$p'" >&2
      return 2
    fi
  done
  AZ_DATA="${AZURITE_DATA:-$AZURITE_REPO_ROOT/.azurite/data}"
  mkdir -p "$AZ_DATA"
  AZ_DATA="$(cd "$AZ_DATA" && pwd)"
  local state_dir
  state_dir="$(dirname "$AZ_DATA")"
  AZ_PID_FILE="$state_dir/azurite-$AZ_TABLE_PORT.pid"
  AZ_LOG_FILE="$state_dir/azurite-$AZ_TABLE_PORT.log"
  AZ_BIN="$AZURITE_REPO_ROOT/node_modules/.bin/azurite"
}

# Prints the pid of the Azurite this pid file records, when that process is alive and is Azurite.
_azurite_running_pid() {
  [[ -f "$AZ_PID_FILE" ]] || return 1
  local pid
  pid="$(tr -dc '0-9' <"$AZ_PID_FILE")"
  [[ -n "$pid" ]] || return 1
  azurite_pid_alive "$pid" || return 1
  # Guard against a recycled pid: the process must be Azurite.
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q azurite || return 1
  echo "$pid"
}

_azurite_log_tail() {
  if [[ -s "$AZ_LOG_FILE" ]]; then
    echo "--- last lines of $AZ_LOG_FILE ---" >&2
    tail -n 30 "$AZ_LOG_FILE" >&2
    echo "---" >&2
  fi
}

_azurite_kill() {
  local pid="$1" timeout="${AZURITE_STOP_TIMEOUT:-20}"
  kill -TERM "$pid" 2>/dev/null || true
  # A test may have paused Azurite (SIGSTOP): let it see the SIGTERM.
  kill -CONT "$pid" 2>/dev/null || true
  pid_exit_within "$pid" "$timeout" ||
    echo "azurite: pid $pid did not exit within ${timeout}s after SIGTERM; sent SIGKILL" >&2
}

azurite_start() {
  _azurite_config
  local pid
  if pid="$(_azurite_running_pid)"; then
    echo "azurite: already running (pid $pid; blob/queue/table $AZ_BLOB_PORT/$AZ_QUEUE_PORT/$AZ_TABLE_PORT; data $AZ_DATA)"
    azurite_connection_string "$AZ_BLOB_PORT" "$AZ_QUEUE_PORT" "$AZ_TABLE_PORT"
    return 0
  fi
  rm -f "$AZ_PID_FILE"

  if ! command -v setsid >/dev/null; then
    echo "azurite: setsid (util-linux) is required" >&2
    return 1
  fi
  if [[ ! -x "$AZ_BIN" ]]; then
    echo "azurite: $AZ_BIN not found; run 'npm ci' in $AZURITE_REPO_ROOT first" >&2
    return 1
  fi
  local p
  for p in "$AZ_BLOB_PORT" "$AZ_QUEUE_PORT" "$AZ_TABLE_PORT"; do
    if azurite_port_open "$p"; then
      echo "azurite: port $p on 127.0.0.1 is already in use by another process;" \
        "stop it or choose other ports (AZURITE_BLOB_PORT, AZURITE_QUEUE_PORT, AZURITE_TABLE_PORT)" >&2
      return 1
    fi
  done

  : >"$AZ_LOG_FILE"
  local persistence=(--location "$AZ_DATA")
  [[ "${AZURITE_IN_MEMORY:-0}" != 1 ]] || persistence=(--inMemoryPersistence)
  # Its own session: a Ctrl-C in the terminal of the caller does not reach Azurite, so the caller decides
  # when (and in which order) to stop it. The inner shell records its pid and then becomes Azurite (exec).
  # shellcheck disable=SC2016 # $$, $1 and $@ belong to the inner shell
  setsid bash -c 'echo $$ >"$1"; shift; exec "$@"' azurite "$AZ_PID_FILE" \
    "$AZ_BIN" \
    --blobHost 127.0.0.1 --blobPort "$AZ_BLOB_PORT" \
    --queueHost 127.0.0.1 --queuePort "$AZ_QUEUE_PORT" \
    --tableHost 127.0.0.1 --tablePort "$AZ_TABLE_PORT" \
    --skipApiVersionCheck --loose --disableTelemetry --silent \
    "${persistence[@]}" \
    </dev/null >>"$AZ_LOG_FILE" 2>&1 &

  local timeout="${AZURITE_START_TIMEOUT:-30}" waited=0 ready
  pid=""
  while :; do
    [[ -n "$pid" ]] || pid="$(tr -dc '0-9' 2>/dev/null <"$AZ_PID_FILE" || true)"
    if [[ -n "$pid" ]] && ! azurite_pid_alive "$pid"; then
      echo "azurite: exited during start-up (blob/queue/table $AZ_BLOB_PORT/$AZ_QUEUE_PORT/$AZ_TABLE_PORT)" >&2
      _azurite_log_tail
      rm -f "$AZ_PID_FILE"
      return 1
    fi
    if [[ -n "$pid" ]]; then
      ready=1
      for p in "$AZ_BLOB_PORT" "$AZ_QUEUE_PORT" "$AZ_TABLE_PORT"; do
        azurite_port_open "$p" || { ready=0; break; }
      done
      ((ready)) && break
    fi
    if ((waited >= timeout * 10)); then
      echo "azurite: blob/queue/table ports $AZ_BLOB_PORT/$AZ_QUEUE_PORT/$AZ_TABLE_PORT not open within ${timeout}s" >&2
      _azurite_log_tail
      [[ -n "$pid" ]] && _azurite_kill "$pid"
      rm -f "$AZ_PID_FILE"
      return 1
    fi
    sleep 0.1
    waited=$((waited + 1))
  done

  echo "azurite: started (pid $pid; blob/queue/table $AZ_BLOB_PORT/$AZ_QUEUE_PORT/$AZ_TABLE_PORT; data $AZ_DATA; log $AZ_LOG_FILE)"
  azurite_connection_string "$AZ_BLOB_PORT" "$AZ_QUEUE_PORT" "$AZ_TABLE_PORT"
}

azurite_stop() {
  _azurite_config
  local pid
  if ! pid="$(_azurite_running_pid)"; then
    echo "azurite: not running (table port $AZ_TABLE_PORT)"
    rm -f "$AZ_PID_FILE"
    return 0
  fi
  _azurite_kill "$pid"
  rm -f "$AZ_PID_FILE"
  echo "azurite: stopped (pid $pid)"
}

azurite_status() {
  _azurite_config
  local pid
  if pid="$(_azurite_running_pid)"; then
    echo "azurite: running (pid $pid; blob/queue/table $AZ_BLOB_PORT/$AZ_QUEUE_PORT/$AZ_TABLE_PORT; data $AZ_DATA)"
    return 0
  fi
  echo "azurite: not running (table port $AZ_TABLE_PORT)"
  return 1
}

azurite_main() {
  case "${1:-}" in
    start) azurite_start ;;
    stop) azurite_stop ;;
    status) azurite_status ;;
    connection-string) azurite_connection_string ;;
    pid)
      _azurite_config
      _azurite_running_pid
      ;;
    *)
      echo "usage: $0 start|stop|status|connection-string|pid" >&2
      return 2
      ;;
  esac
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  azurite_main "$@"
fi
