#!/usr/bin/env bash
# The README's "run the platform" command: builds RdInvest, initialises an SQLite database with the real
# reference data and the synthetic demo population, and serves the web UI (default http://127.0.0.1:5080).
# Options are passed to `rdinvest serve` (e.g. --urls http://0.0.0.0:8080); RDINVEST_DB picks the database.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
[ -x scripts/setup-report-tools.sh ] && scripts/setup-report-tools.sh
dotnet build src/RdInvest.Cli -c Release -nologo -v q
# `serve --demo` creates one account per role and prints them; the password is documented in the README.
echo "演示账户 / demo accounts: demo-admin demo-analyst demo-city demo-county demo-park demo-enterprise demo-finance demo-auditor demo-security demo-bank — 密码 / password: rdinvest-demo" >&2
exec dotnet artifacts/bin/RdInvest.Cli/release/rdinvest.dll serve --demo "$@"
