#!/usr/bin/env bash
# Issue 3's acceptance walk on the real thing: ./run.sh (already built), the official @microsoft/signalr client
# through the demo users, then ./run.sh stopped and started again and the case checked in storage.
# Uses ./run.sh's default ports and its .azurite/data; refuses to run when they are taken (a ./run.sh is up).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

log_dir="$(mktemp -d "${TMPDIR:-/tmp}/orleanscases-smoke.XXXXXX")"
run_pid=""

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

start_run first
case_id="$(node tests/e2e/signalr-smoke.mjs walk)"
echo "run-smoke: live delivery as designed for case $case_id"
stop_run
start_run second
node tests/e2e/signalr-smoke.mjs check "$case_id"
stop_run
echo "run-smoke: passed"
