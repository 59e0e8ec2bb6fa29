#!/usr/bin/env bash
# Adds a migration NAME to both migration sets (SQLite and PostgreSQL) from the one model.
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: scripts/add-migration.sh NAME}
dotnet tool restore >/dev/null
for ctx in Sqlite:SqliteRdInvestDb Postgres:NpgsqlRdInvestDb; do
  dir=${ctx%%:*}; context=${ctx##*:}
  dotnet ef migrations add "$name" --project src/RdInvest --startup-project src/RdInvest.Cli \
    --context "$context" --output-dir "Data/Migrations/$dir" --namespace "RdInvest.Data.Migrations.$dir"
done
