#!/usr/bin/env bash
# The benchmark: OrleansCases beside the Socket.IO peer, both started here, driven by one load process.
#
#   benchmark/run.sh                        every scenario at the issue's sizes (about 25 minutes); writes benchmark/results
#   benchmark/run.sh --smoke                seconds per scenario, tiny sizes: checks the benchmark works (./test.sh runs it)
#   benchmark/run.sh --scenarios S1,idle    a subset: idle, S1 (delivery), S2 (connections), S3 (throughput), S4 (catch-up)
#   benchmark/run.sh --loads light,synthetic  a subset of S1's loads (light, demo spread, synthetic)
#   benchmark/run.sh --seconds 60           measured seconds per S1 run (default 30)
#   benchmark/run.sh --product ../before    the silo and web built in another checkout (before/after figures)
#   benchmark/run.sh --azurite-in-memory    Azurite without its periodic save of the whole store to disk
#   benchmark/run.sh --out DIR              where results.json, report.md and the charts go
#   benchmark/run.sh --set Key=Value        extra setting for silo and web (an environment variable; ':' becomes '__')
#   BENCH_NO_BUILD=1 benchmark/run.sh       skip the build
#
# Needs the repository's npm packages (Azurite) and the peer's (benchmark/peer); installs them when missing. Listens on
# 127.0.0.1 only, on ports away from ./run.sh and ./test.sh (benchmark/OrleansCases.Benchmark/Targets/Ports.cs).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

if [[ ! -d node_modules || package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund
fi
if [[ ! -d benchmark/peer/node_modules || benchmark/peer/package-lock.json -nt benchmark/peer/node_modules/.package-lock.json ]]; then
  npm ci --prefix benchmark/peer --no-audit --no-fund
fi
if [[ "${BENCH_NO_BUILD:-0}" != 1 ]]; then
  dotnet build OrleansCases.sln -c Release -v quiet -nologo
fi
# S2 holds 10,000 sockets in the load process and as many in the web or node it drives (which inherit this limit);
# root may raise the hard limit (seen here: 20,000), anyone else goes up to it.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
exec dotnet benchmark/OrleansCases.Benchmark/bin/Release/net10.0/OrleansCases.Benchmark.dll "$@"
