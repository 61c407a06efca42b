#!/usr/bin/env bash
# Runs every test of OrleansCases.sln against a private, throw-away Azurite.
#
#   ./test.sh                             all tests
#   ./test.sh --filter "Category!=Slow"   extra arguments go to `dotnet test` (and leave out the ./run.sh and
#                                         benchmark smoke tests)
#
# Installs what the tests need (npm ci when node_modules is missing or stale; Debian's chromium for the browser
# tests when it is missing; dotnet restore), starts its own Azurite on 127.0.0.1:10100/10101/10102
# (TEST_AZURITE_BLOB_PORT, TEST_AZURITE_QUEUE_PORT, TEST_AZURITE_TABLE_PORT) with its data in a fresh temporary
# folder, so it never clashes with a running ./run.sh, and exports for the tests:
#   ORLEANSCASES_TEST_STORAGE       connection string of that Azurite
# (Tests that need a storage outage pause an Azurite of their own, never this shared one.)
# On exit Azurite is stopped and the folder deleted. The exit code is dotnet test's; the last line reads
# "N passed, N failed" (", N skipped" when some were skipped).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

AZURITE=deploy/local/azurite.sh
TMP_PREFIX="${TMPDIR:-/tmp}/orleanscases-test."
export AZURITE_BLOB_PORT="${TEST_AZURITE_BLOB_PORT:-10100}"
export AZURITE_QUEUE_PORT="${TEST_AZURITE_QUEUE_PORT:-10101}"
export AZURITE_TABLE_PORT="${TEST_AZURITE_TABLE_PORT:-10102}"
# English output, so the summary lines below can be parsed.
export DOTNET_CLI_UI_LANGUAGE=en
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

test_dir=""
summary=""
# The original stdout and stderr: a signal can arrive while a command runs with its output redirected.
exec 3>&1 4>&2

# shellcheck disable=SC2317 # invoked by the traps
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  exec 1>&3 2>&4
  if [[ -n "$test_dir" ]]; then
    AZURITE_DATA="$test_dir/data" "$AZURITE" stop >/dev/null || true
    rm -rf "$test_dir"
  fi
  [[ -z "$summary" ]] || echo "$summary"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# A test run that was killed outright (SIGKILL) leaves its Azurite and folder behind: clear them away.
for stale in "$TMP_PREFIX"*; do
  [[ -d "$stale" && -f "$stale/owner.pid" ]] || continue
  owner="$(tr -dc '0-9' <"$stale/owner.pid")"
  [[ -n "$owner" ]] && kill -0 "$owner" 2>/dev/null && continue
  for pid_file in "$stale"/azurite-*.pid; do
    [[ -f "$pid_file" ]] || continue
    port="${pid_file##*/azurite-}"
    port="${port%.pid}"
    AZURITE_DATA="$stale/data" AZURITE_TABLE_PORT="$port" "$AZURITE" stop >/dev/null || true
  done
  rm -rf "$stale"
done

if [[ ! -d node_modules || package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund
fi
# The browser tests drive Debian's Chromium through Playwright, which must never download a browser (it cannot here).
# Where apt-get cannot run, say so and go on: only the browser tests need it, and they name what is missing.
if ! command -v chromium >/dev/null; then
  sudo_cmd=()
  ((EUID == 0)) || sudo_cmd=(sudo)
  if ! { "${sudo_cmd[@]}" apt-get update -qq && DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq chromium >/dev/null; }; then
    echo "test.sh: could not install chromium with apt-get; the browser tests (Category=Browser) will fail" >&2
  fi
fi
dotnet restore OrleansCases.sln

test_dir="$(mktemp -d "${TMP_PREFIX}XXXXXX")"
echo "$$" >"$test_dir/owner.pid"
export AZURITE_DATA="$test_dir/data"
"$AZURITE" start >/dev/null 3>&- 4>&-
ORLEANSCASES_TEST_STORAGE="$("$AZURITE" connection-string)"
export ORLEANSCASES_TEST_STORAGE
echo "test.sh: Azurite pid $("$AZURITE" pid) on 127.0.0.1:$AZURITE_BLOB_PORT/$AZURITE_QUEUE_PORT/$AZURITE_TABLE_PORT, data in $AZURITE_DATA"

log="$test_dir/dotnet-test.log"
set +e
dotnet test OrleansCases.sln -c Release --no-restore "$@" 2>&1 3>&- 4>&- | tee "$log"
rc=${PIPESTATUS[0]}
set -e

# One line per test assembly: "Passed!  - Failed:     0, Passed:    42, Skipped:     0, Total:    42, Duration: ..."
read -r passed failed skipped runs < <(
  sed -nE 's/^[[:space:]]*(Passed|Failed)! +- +Failed: *([0-9]+), *Passed: *([0-9]+), *Skipped: *([0-9]+), *Total: *([0-9]+).*/\2 \3 \4/p' "$log" |
    awk '{ f += $1; p += $2; s += $3; n++ } END { printf "%d %d %d %d\n", p, f, s, n }'
)
if ((rc != 0 && failed == 0)); then
  echo "test.sh: dotnet test exited with $rc without a failed test ($runs test assemblies reported): a build error, a crash or an aborted run; see the output above." >&2
fi
# Last, two checks of whole programs, each counted as one test, only on a full run (no extra arguments) that passed:
# the product's front door itself, ./run.sh driven by the official JavaScript SignalR client
# (ORLEANSCASES_SKIP_E2E=1 leaves it out), and the benchmark's smoke mode, every scenario on both systems for
# seconds, which fails when a scenario did not run or a delivery went missing (ORLEANSCASES_SKIP_BENCHMARK=1).
whole_program() {
  if "$@" 3>&- 4>&-; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    rc=1
  fi
}
if ((rc == 0 && $# == 0)) && [[ "${ORLEANSCASES_SKIP_E2E:-0}" != 1 ]]; then
  whole_program tests/e2e/run-smoke.sh
fi
if ((rc == 0 && $# == 0)) && [[ "${ORLEANSCASES_SKIP_BENCHMARK:-0}" != 1 ]]; then
  echo "test.sh: benchmark smoke (benchmark/run.sh --smoke), results in $test_dir/benchmark"
  # `dotnet test` builds the test projects, not the benchmark: run.sh builds what is missing (incremental).
  whole_program benchmark/run.sh --smoke --out "$test_dir/benchmark"
fi

summary="$passed passed, $failed failed"
((skipped == 0)) || summary+=", $skipped skipped"
exit "$rc"
