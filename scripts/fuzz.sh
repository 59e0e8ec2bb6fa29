#!/usr/bin/env bash
# Fuzzes every importer (CSV and XLSX) through the real import path: `scripts/fuzz.sh [INPUTS] [WORKERS] [SEED]`.
# Each worker is a test process with its own database and its own seed (SEED + worker number; SEED defaults to a random
# one, printed, so a run can be replayed). The figures go to artifacts/fuzz/summary.jsonl (one line per worker, with
# its seed and the commit), and every 10,000 inputs each worker appends a line to artifacts/fuzz/summary.jsonl.progress,
# so a run cut short still says how far it came. Inputs that fail are kept in artifacts/fuzz-crashes/.
# With RDINVEST_TEST_PG set it fuzzes on PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
inputs=${1:-1000000}
workers=${2:-$(nproc)}
seed=${3:-$(( (RANDOM << 15) | RANDOM ))}
commit=$(git rev-parse HEAD 2>/dev/null || echo unknown)
dotnet build tests/RdInvest.IntegrationTests -c Release -nologo -v q >/dev/null
mkdir -p artifacts/fuzz
per=$(( (inputs + workers - 1) / workers ))
# The databases and input files live in memory when /dev/shm exists: durability is not what the fuzz tests, and a disk
# shared with other work would set the pace.
base=$( [ -d /dev/shm ] && echo /dev/shm || echo "${TMPDIR:-/tmp}" )/rdinvest-fuzz-$$
echo "fuzzing $(( per * workers )) inputs with $workers workers, seed $seed (worker w uses $seed + w), commit $commit"
start=$(date +%s)
pids=()
for w in $(seq 1 "$workers"); do
  mkdir -p "$base/$w"
  # No thread-pool spinning: two workers share the cores, a spinning idle thread only takes time from the other.
  TMPDIR="$base/$w" DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0 \
  RDINVEST_FUZZ_INPUTS=$per RDINVEST_FUZZ_SEED=$(( seed + w )) RDINVEST_FUZZ_WORKER=$w RDINVEST_FUZZ_COMMIT=$commit \
    dotnet test tests/RdInvest.IntegrationTests -c Release --no-build -nologo -v q \
    --filter "FullyQualifiedName~ImportFuzzTests" >"artifacts/fuzz-worker-$w.log" 2>&1 &
  pids+=($!)
done
status=0
for p in "${pids[@]}"; do wait "$p" || status=1; done
rm -rf "$base"
seconds=$(( $(date +%s) - start ))
echo "$(( per * workers )) inputs in $seconds s ($(( per * workers / (seconds > 0 ? seconds : 1) )) inputs/s) with $workers workers; per worker:"
tail -n "$workers" artifacts/fuzz/summary.jsonl
exit $status
