#!/usr/bin/env bash
# Issue 3's acceptance walk on the real thing: ./run.sh (already built), the official @microsoft/signalr client
# through the demo users, then ./run.sh stopped and started again and the case checked in storage; the last stop is
# an impatient user's: Ctrl-C, and Ctrl-C again while it stops, and nothing may be left running.
# Uses ./run.sh's default ports and its .azurite/data; refuses to run when they are taken (a ./run.sh is up).
set -euo pipefail
# Job control: each ./run.sh gets a process group of its own (as in a terminal), which a Ctrl-C reaches as a whole;
# without it a script's background job ignores SIGINT.
set -m
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

log_dir="$(mktemp -d "${TMPDIR:-/tmp}/orleanscases-smoke.XXXXXX")"
run_pid=""
ctrl_c="Ctrl-C twice left nothing running"

stop_run() {
  [[ -n "$run_pid" ]] || return 0
  # SIGTERM, not SIGINT: a background job of a script ignores SIGINT. run.sh stops web, silo and Azurite on either.
  kill -TERM "$run_pid" 2>/dev/null || true
  wait "$run_pid" 2>/dev/null || true
  run_pid=""
}
trap 'stop_run; rm -rf "$log_dir"' EXIT

start_run() {
  RUN_NO_BUILD=1 ./run.sh >"$log_dir/run-$1.log" 2>&1 &
  run_pid=$!
  for _ in $(seq 1 180); do
    if grep -q "Press Ctrl-C" "$log_dir/run-$1.log"; then return 0; fi
    if ! kill -0 "$run_pid" 2>/dev/null; then break; fi
    sleep 1
  done
  echo "run-smoke: ./run.sh did not come up; its output:" >&2
  tail -n 40 "$log_dir/run-$1.log" >&2
  return 1
}

# ignores_sigint PID: whether the process was started with SIGINT ignored (bit 2 of SigIgn). A script started in the
# background by a shell without job control is, and so is all it starts: no trap can undo that, so no Ctrl-C
# reaches it, as none reaches such a process from a terminal.
ignores_sigint() {
  local mask
  mask="$(awk '/^SigIgn:/ { print $2 }' "/proc/$1/status" 2>/dev/null)" || return 1
  (((16#${mask:-0} & 2) != 0))
}

# interrupt_run: SIGINT to ./run.sh's process group, as a terminal's Ctrl-C; a second one once it is stopping.
interrupt_run() {
  local log="$log_dir/run-$1.log" pids=() pid
  pids+=("$(cat .run/web.pid)" "$(cat .run/silo.pid)" "$(deploy/local/azurite.sh pid)")
  if ignores_sigint "$run_pid"; then
    echo "run-smoke: this run was started with SIGINT ignored (in the background, without job control): the Ctrl-C check cannot run here; stopping ./run.sh with SIGTERM" >&2
    stop_run
    ctrl_c="SIGINT ignored here: Ctrl-C not checked"
    return 0
  fi
  kill -INT -- "-$run_pid"
  for _ in $(seq 1 100); do
    grep -q "stopping web" "$log" && break
    sleep 0.1
  done
  kill -INT -- "-$run_pid"
  # Bounded: a ./run.sh that does not stop on Ctrl-C is the finding, not a reason to wait for ever.
  for _ in $(seq 1 600); do
    kill -0 "$run_pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$run_pid" 2>/dev/null; then
    echo "run-smoke: ./run.sh still runs 60 s after Ctrl-C twice; it said:" >&2
    tail -n 20 "$log" >&2
    stop_run
    return 1
  fi
  wait "$run_pid" 2>/dev/null || true
  run_pid=""
  grep -q "still stopping" "$log" || { echo "run-smoke: the second Ctrl-C was not acknowledged; ./run.sh said:" >&2; tail -n 20 "$log" >&2; return 1; }
  for pid in "${pids[@]}"; do
    # A process that has exited but is not reaped yet (a zombie, its cmdline empty) is not running.
    if [[ -s "/proc/$pid/cmdline" ]]; then
      echo "run-smoke: pid $pid ($(tr '\0' ' ' <"/proc/$pid/cmdline")) still runs after Ctrl-C twice" >&2
      return 1
    fi
  done
}

start_run first
case_id="$(node tests/e2e/signalr-smoke.mjs walk)"
echo "run-smoke: live delivery as designed for case $case_id"
stop_run
start_run second
node tests/e2e/signalr-smoke.mjs check "$case_id"
interrupt_run second
echo "run-smoke: passed ($ctrl_c)"
