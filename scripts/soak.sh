#!/usr/bin/env bash
# The soak's long run: `scripts/soak.sh [MINUTES]` (default 10) runs the web host (`rdinvest serve` on 127.0.0.1) under
# steady mixed load — reads, imports, approval steps, calculations from 4 workers — and checks zero 5xx, the working
# set at the end within 10 % of minute 2, and no growth in open sockets or database sessions. On PostgreSQL when
# RDINVEST_TEST_PG is set, else SQLite. Figures (with a sample every 5 s) go to artifacts/soak/summary.jsonl.
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=${1:-10}
mkdir -p artifacts/soak
report="$(pwd)/artifacts/soak/summary.jsonl"
dotnet build tests/RdInvest.IntegrationTests -nologo -v q >/dev/null
status=0
RDINVEST_SOAK_MINUTES=$minutes RDINVEST_SOAK_REPORT=$report dotnet test tests/RdInvest.IntegrationTests --no-build -nologo -v q \
  --filter "FullyQualifiedName~SoakTests" >artifacts/soak/soak.log 2>&1 || status=1
echo "soak of $minutes min: $([ $status = 0 ] && echo 'all checks passed' || echo 'FAILED: see artifacts/soak/soak.log')"
tail -n 1 "$report" | head -c 1500; echo
exit $status
