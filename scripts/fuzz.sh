#!/usr/bin/env bash
# Fuzzes every importer (CSV and XLSX) through the real import path: `scripts/fuzz.sh [INPUTS] [WORKERS]`.
# Each worker is a test process with its own database; the figures go to artifacts/fuzz/summary.jsonl and inputs that
# fail are kept in artifacts/fuzz-crashes/. With RDINVEST_TEST_PG set it fuzzes on PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
inputs=${1:-1000000}
workers=${2:-$(nproc)}
dotnet build tests/RdInvest.IntegrationTests -c Release -nologo -v q >/dev/null
per=$(( (inputs + workers - 1) / workers ))
start=$(date +%s)
pids=()
for w in $(seq 1 "$workers"); do
  RDINVEST_FUZZ_INPUTS=$per dotnet test tests/RdInvest.IntegrationTests -c Release --no-build -nologo -v q \
    --filter "FullyQualifiedName~ImportFuzzTests" >"artifacts/fuzz-worker-$w.log" 2>&1 &
  pids+=($!)
done
status=0
for p in "${pids[@]}"; do wait "$p" || status=1; done
echo "$(( per * workers )) inputs in $(( $(date +%s) - start )) s with $workers workers; per worker:"
tail -n "$workers" artifacts/fuzz/summary.jsonl
exit $status
