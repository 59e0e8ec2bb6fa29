#!/usr/bin/env bash
# Adds a migration NAME to both migration sets (SQLite and PostgreSQL) from the one model.
# To regenerate the one Initial migration: delete src/RdInvest/Data/Migrations/{Sqlite,Postgres}/* and run
# `scripts/add-migration.sh Initial`. The hand-written PostgreSQL migration that partitions rd_records by year lives in
# src/RdInvest/Data/Partitioning/ (not in those folders), so it survives; its id sorts after any generated one.
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: scripts/add-migration.sh NAME}
dotnet tool restore >/dev/null
for ctx in Sqlite:SqliteRdInvestDb Postgres:NpgsqlRdInvestDb; do
  dir=${ctx%%:*}; context=${ctx##*:}
  dotnet ef migrations add "$name" --project src/RdInvest --startup-project src/RdInvest.Cli \
    --context "$context" --output-dir "Data/Migrations/$dir" --namespace "RdInvest.Data.Migrations.$dir"
done
# EF places the model snapshots by namespace under src/RdInvest/RdInvest/…; keep them beside their migrations.
if [ -d src/RdInvest/RdInvest/Data/Migrations ]; then
  for dir in Sqlite Postgres; do
    mv src/RdInvest/RdInvest/Data/Migrations/$dir/*.cs src/RdInvest/Data/Migrations/$dir/ 2>/dev/null || true
  done
  rm -rf src/RdInvest/RdInvest
fi
