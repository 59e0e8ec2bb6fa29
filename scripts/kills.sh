#!/usr/bin/env bash
# The kill harness's long run: `scripts/kills.sh [KILLS]` (default 200) SIGKILLs the real `rdinvest` process KILLS times,
# round-robin over every operation (import, approval transition, subsidy-round approval, notification release, user
# disable) and every pause point inside it, on SQLite — and again on PostgreSQL when RDINVEST_TEST_PG is set (then
# KILLS are split between the two). Every kill is checked: tables as before, `audit verify`, `analytics check` when
# the command exists, the re-run reaches the never-killed outcome. Figures go to artifacts/kills/summary.jsonl, and one
# line per kill that passed every check to artifacts/kills/summary.jsonl.progress (how far a run cut short came).
set -euo pipefail
cd "$(dirname "$0")/.."
kills=${1:-${RDINVEST_KILLS:-200}}
mkdir -p artifacts/kills
report="$(pwd)/artifacts/kills/summary.jsonl"
dotnet build tests/RdInvest.IntegrationTests -nologo -v q >/dev/null
start=$(date +%s)
run() {
  RDINVEST_KILLS=$2 RDINVEST_KILLS_REPORT=$report dotnet test tests/RdInvest.IntegrationTests --no-build -nologo -v q \
    --filter "FullyQualifiedName~KillHarnessTests" >"artifacts/kills/$1.log" 2>&1
}
status=0
if [ -n "${RDINVEST_TEST_PG:-}" ]; then
  half=$(( (kills + 1) / 2 ))
  (unset RDINVEST_TEST_PG; run sqlite "$half") & sqlite=$!
  run postgres $(( kills - half )) || status=1
  wait $sqlite || status=1
else
  run sqlite "$kills" || status=1
fi
echo "$kills kills in $(( $(date +%s) - start )) s ($([ $status = 0 ] && echo 'all checks passed' || echo 'FAILED: see artifacts/kills/*.log')); figures:"
tail -n 2 "$report"
exit $status
