#!/usr/bin/env bash
# The README's test command. Builds, starts a throwaway PostgreSQL (installing Debian's package when missing),
# runs the whole suite on SQLite and again on PostgreSQL, stops the cluster and prints
# `N passed, N failed[, N skipped]`. Under CI=true a PostgreSQL that cannot start fails the run.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work=$(mktemp -d /tmp/rdinvest-test.XXXXXX)
chmod 755 "$work"
results="$work/results"
mkdir -p "$results"
pgdata=""
pgbin=""

log() { printf '[test] %s\n' "$*" >&2; }

cleanup() {
  if [ -n "$pgdata" ] && [ -f "$pgdata/postmaster.pid" ]; then
    run_pg "$pgbin/pg_ctl -D $pgdata -m immediate -w stop" >/dev/null 2>&1
  fi
  rm -rf "$work"
}
trap cleanup EXIT

run_pg() {
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$1"; else bash -c "$1"; fi
}

find_pg_bin() {
  for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/initdb" ] && { echo "$d"; return 0; }
  done
  return 1
}

start_pg() {
  pgbin=$(find_pg_bin) || {
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      log "installing PostgreSQL from Debian's packages"
      (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >&2 || return 1
      pgbin=$(find_pg_bin) || return 1
    else
      return 1
    fi
  }
  local port=55432
  while (echo >/dev/tcp/127.0.0.1/$port) 2>/dev/null; do port=$((port + 1)); done
  pgdata="$work/pgdata"
  mkdir -p "$pgdata"
  local pw=rdinvest-test
  echo "$pw" > "$work/pwfile"
  if [ "$(id -u)" = 0 ]; then chown -R postgres "$pgdata" "$work/pwfile"; fi
  run_pg "$pgbin/initdb -D $pgdata -U postgres --auth=scram-sha-256 --pwfile=$work/pwfile -E UTF8 --locale=C.UTF-8" >"$work/initdb.log" 2>&1 || { cat "$work/initdb.log" >&2; return 1; }
  run_pg "$pgbin/pg_ctl -D $pgdata -l $pgdata/server.log -o '-p $port -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 -k $pgdata' -w start" >&2 || return 1
  export RDINVEST_PG_ADMIN="Host=127.0.0.1;Port=$port;Username=postgres;Password=$pw;Database=postgres"
  log "PostgreSQL on 127.0.0.1:$port"
}

log "building"
# Reports need Chromium, Noto CJK fonts, poppler-utils and the chart script's npm packages.
scripts/setup-report-tools.sh >&2 || log "report tools could not be installed"
dotnet build RdInvest.slnx -c Debug -nologo -v q >"$work/build.log" 2>&1 || { cat "$work/build.log"; echo "0 passed, 1 failed"; exit 1; }

run_suite() {
  local name=$1
  dotnet test RdInvest.slnx --no-build -nologo -v q \
    --logger "trx;LogFilePrefix=$name" --results-directory "$results/$name" >"$work/$name.log" 2>&1
  # The failed tests by name (from the TRX files), then the per-assembly summaries.
  find "$results/$name" -name '*.trx' -exec grep -ho 'testName="[^"]*"[^>]*outcome="Failed"' {} + 2>/dev/null \
    | sed 's/testName="\([^"]*\)".*/  FAILED [\1]/; s/&quot;/"/g' | head -100 | sed "s/FAILED \[/FAILED ($name) [/" >&2
  grep -E '^(Passed|Failed)!' "$work/$name.log" >&2
}

# The browser suite (tests/RdInvest.BrowserTests) needs /usr/bin/chromium, installed above; it runs on SQLite and
# skips itself under PostgreSQL. Its screenshots stay in artifacts/TestResults/browser-screenshots.
export RDINVEST_SCREENSHOTS="$root/artifacts/TestResults/browser-screenshots"
log "suite on SQLite"
(unset RDINVEST_TEST_PG; run_suite sqlite)

if start_pg; then
  export RDINVEST_TEST_PG="$RDINVEST_PG_ADMIN"
  log "suite on PostgreSQL"
  run_suite postgres
else
  log "PostgreSQL could not start"
  if [ "${CI:-}" = "true" ]; then
    echo "PostgreSQL could not start under CI=true" >&2
    pg_failed=1
  fi
fi

passed=0; failed=0; skipped=0
for f in $(find "$results" -name '*.trx'); do
  counters=$(grep -o '<Counters [^>]*>' "$f" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); passed=$((passed + ${p:-0}))
  x=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters"); failed=$((failed + ${x:-0}))
  t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters")
  # Skipped tests are in total but not executed (the TRX's notExecuted counter stays 0 for them).
  skipped=$((skipped + ${t:-0} - ${e:-0}))
done
[ "${pg_failed:-0}" = 1 ] && failed=$((failed + 1))
if [ -z "$(find "$results" -name '*.trx')" ]; then failed=$((failed + 1)); fi
if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
