#!/usr/bin/env bash
# What run.sh and deploy/local/cluster.sh share: starting, finding, waiting for and stopping silo and web processes.
# Sourced, after deploy/local/azurite.sh (azurite_pid_alive, pid_exit_within). The sourcing script sets SCRIPT_NAME
# (for messages), RUN_DIR (pid files and logs), READY_TIMEOUT (seconds) and connection_string before calling these.
# shellcheck disable=SC2154 # connection_string, RUN_DIR, READY_TIMEOUT and SCRIPT_NAME come from the sourcing script

say() { echo "$SCRIPT_NAME: $*"; }
fail() {
  echo "$SCRIPT_NAME: $*" >&2
  exit 1
}

# require_tools TOOL...: each must be on PATH.
require_tools() {
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null || fail "'$tool' is required but not found on PATH"
  done
}

# claim_run_dir: one instance of the script per run folder; records this one in $RUN_DIR/$SCRIPT_NAME.pid.
claim_run_dir() {
  local pid_file="$RUN_DIR/${SCRIPT_NAME%.sh}.pid" other
  if [[ -f "$pid_file" ]]; then
    other="$(tr -dc '0-9' <"$pid_file")"
    if [[ -n "$other" && "$other" != "$$" ]] && azurite_pid_alive "$other" &&
      tr '\0' ' ' <"/proc/$other/cmdline" 2>/dev/null | grep -qF "$SCRIPT_NAME"; then
      fail "already running (pid $other); stop it with Ctrl-C in its terminal or: kill $other"
    fi
  fi
  echo "$$" >"$pid_file"
}

# app_pid NAME: the pid of a live silo*/web* process that this run folder's script started.
app_pid() {
  local name="$1" pid_file="$RUN_DIR/$1.pid" pid dll
  [[ -f "$pid_file" ]] || return 1
  pid="$(tr -dc '0-9' <"$pid_file")"
  [[ -n "$pid" ]] && azurite_pid_alive "$pid" || return 1
  [[ "$name" == silo* ]] && dll="OrleansCases.Silo.dll" || dll="OrleansCases.Web.dll"
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF "$dll" || return 1
  echo "$pid"
}

# stop_signals WHAT: for a script's shutdown. A terminal's Ctrl-C reaches the script and the commands it runs, so
# the stop itself must not die of the next one and leave processes behind: a second Ctrl-C (or SIGTERM) only says
# what is still stopping, a third stops it at once (SIGKILL to what is left; Azurite may then lose its last writes).
stop_signals() {
  STOP_WHAT="$1"
  STOP_SIGNALS=0
  STOP_NOW=0
  trap _stop_signal INT TERM
}
# shellcheck disable=SC2317 # invoked by the trap
_stop_signal() {
  STOP_SIGNALS=$((STOP_SIGNALS + 1))
  if ((STOP_SIGNALS == 1)); then
    say "still stopping $STOP_WHAT; press Ctrl-C once more to kill them at once"
  else
    STOP_NOW=1
    say "stopping at once: SIGKILL to what is still running"
  fi
}

# stop_apps TIMEOUT NAME...: SIGTERM to all at once (graceful host shutdown), then SIGKILL to any still running
# TIMEOUT seconds after that (one deadline for all of them, as they stop side by side).
stop_apps() {
  local timeout="$1" name pid started=$SECONDS left pids=()
  shift
  for name in "$@"; do
    if pid="$(app_pid "$name")"; then
      say "stopping $name (pid $pid)"
      kill -TERM "$pid" 2>/dev/null || true
      pids+=("$pid")
    fi
  done
  for pid in "${pids[@]}"; do
    left=$((timeout - (SECONDS - started)))
    pid_exit_within "$pid" $((left > 0 ? left : 0)) || say "pid $pid did not stop within ${timeout}s; killed it"
    wait "$pid" 2>/dev/null || true # reap it when it is our child
  done
  for name in "$@"; do
    rm -f "$RUN_DIR/$name.pid"
  done
}

# start_app NAME DIR DLL [VAR=VALUE...]: runs `dotnet DLL` in DIR (its content root: appsettings.json, wwwroot) in
# Development, on $connection_string, with the given settings, in its own session so that a Ctrl-C reaches the
# script only and it stops the processes in order; output goes to $RUN_DIR/NAME.log.
start_app() {
  local name="$1" dir="$2" dll="$3" pid_file="$RUN_DIR/$1.pid"
  shift 3
  rm -f "$pid_file"
  (
    cd "$dir" || exit 1
    export ASPNETCORE_ENVIRONMENT=Development DOTNET_ENVIRONMENT=Development
    export Storage__ConnectionString="$connection_string"
    local setting
    for setting in "$@"; do
      export "${setting?}"
    done
    # shellcheck disable=SC2016 # $$, $1 and $@ belong to the inner shell
    exec setsid bash -c 'echo $$ >"$1"; shift; exec "$@"' "$name" "$pid_file" dotnet "$dll"
  ) </dev/null >"$RUN_DIR/$name.log" 2>&1 3>&- 4>&- &
  local waited=0
  until [[ -s "$pid_file" ]]; do
    ((waited < 100)) || fail "$name did not start"
    sleep 0.05
    waited=$((waited + 1))
  done
  say "$name started (pid $(cat "$pid_file")); log $RUN_DIR/$name.log"
}

# report_died NAME LOG: says that a process exited on its own, with the tail of its log.
report_died() {
  local name="$1" log="$2"
  echo "$SCRIPT_NAME: $name exited unexpectedly; last lines of $log:" >&2
  echo "----------------------------------------------------------------" >&2
  tail -n 40 "$log" >&2 || true
  echo "----------------------------------------------------------------" >&2
}

# wait_ready NAME URL CHECK...: until URL answers 200, running the command CHECK... (which exits when something
# died) between tries; exits non-zero after READY_TIMEOUT seconds.
wait_ready() {
  local name="$1" url="$2" waited=0
  shift 2
  say "waiting for $name: $url"
  until curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null; do
    "$@"
    if ((waited >= READY_TIMEOUT * 2)); then
      echo "$SCRIPT_NAME: $name not ready within ${READY_TIMEOUT}s ($url); last lines of $RUN_DIR/$name.log:" >&2
      tail -n 40 "$RUN_DIR/$name.log" >&2 || true
      exit 1
    fi
    sleep 0.5
    waited=$((waited + 1))
  done
}
