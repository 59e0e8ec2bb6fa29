#!/usr/bin/env bash
# HTTP throughput of the indicator API against a trivial endpoint of the same host, in the same run: starts
# `rdinvest serve --demo` on a fresh SQLite file (or on PostgreSQL with --db), issues an API token for the demo
# region administrator, warms both endpoints up, then runs wrk (Debian's package) with 64 connections for 30 s on
# `/health/live` and on `GET /api/v1/indicators/{code}/{year}` against 127.0.0.1 only, and prints a Markdown table:
# requests/s, the ratio to the trivial endpoint, median and p99 latency, errors (docs/PERFORMANCE.md, "HTTP").
# Goals: ≥ 50 % of the trivial endpoint's throughput, p99 < 50 ms, zero errors. Usage:
#   dotnet build src/RdInvest.Cli -c Release && bench/http.sh [--quick] [--db CONNECTION] [--code 150000] [--year 2023]
set -euo pipefail
cd "$(dirname "$0")/.."
duration=30s; warm=5s; connections=64; threads=2; code=150000; year=2023; db=""; config=release
while [ $# -gt 0 ]; do
  case $1 in
    --quick) duration=5s; warm=2s ;;
    --db) db=$2; shift ;;
    --code) code=$2; shift ;;
    --year) year=$2; shift ;;
    --config) config=$2; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
command -v wrk >/dev/null || { echo "wrk is not installed (Debian: apt-get install wrk)" >&2; exit 2; }
dll=artifacts/bin/RdInvest.Cli/$config/rdinvest.dll
[ -f "$dll" ] || { echo "build first: dotnet build src/RdInvest.Cli -c Release" >&2; exit 2; }
dir=$(mktemp -d)
db=${db:-$dir/demo.db}
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base=http://127.0.0.1:$port
dotnet "$dll" serve --demo --urls "$base" --db "$db" >"$dir/serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$dir"' EXIT
for _ in $(seq 1 300); do grep -q 'demo-admin' "$dir/serve.log" 2>/dev/null && curl -sf "$base/health/live" >/dev/null 2>&1 && break; sleep 1; done
token=$(dotnet "$dll" user token demo-admin --name bench --db "$db" 2>/dev/null | tail -1)
cat >"$dir/auth.lua" <<LUA
wrk.headers["Authorization"] = "Bearer $token"
wrk.headers["Accept"] = "application/json"
LUA
api="/api/v1/indicators/$code/$year"
status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$base$api")
[ "$status" = 200 ] || { echo "$api answered HTTP $status" >&2; cat "$dir/serve.log" >&2; exit 1; }

run() { # run PATH DURATION → "rps p50_ms p99_ms errors"
  wrk -t"$threads" -c"$connections" -d"$2" --timeout 5s --latency -s "$dir/auth.lua" "$base$1" >"$dir/wrk.txt" 2>&1
  [ -z "${BENCH_VERBOSE:-}" ] || cat "$dir/wrk.txt" >&2
  awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec/ { rps = $2 }
    /^ +50%/ { p50 = ms($2) }
    /^ +99%/ { p99 = ms($2) }
    /Non-2xx/ { err += $NF }
    /Socket errors/ { gsub(",", ""); err += $4 + $6 + $8 + $10 }
    END { printf "%.0f %.1f %.1f %d\n", rps, p50, p99, err }' "$dir/wrk.txt"
}

# The trivial endpoint first: requests of a slow endpoint still queued in the host would otherwise load its run.
run /health/live "$warm" >/dev/null
read -r t_rps t_p50 t_p99 t_err < <(run /health/live "$duration")
run "$api" "$warm" >/dev/null
read -r a_rps a_p50 a_p99 a_err < <(run "$api" "$duration")
# wrk leaves the latency at 0 when every request timed out (5 s).
[ "$t_p99" != 0.0 ] || { t_p50="> 5000"; t_p99="> 5000"; }
[ "$a_p99" != 0.0 ] || { a_p50="> 5000"; a_p99="> 5000"; }
ratio=$(awk -v a="$a_rps" -v t="$t_rps" 'BEGIN { printf "%.1f %%", (t > 0 ? 100 * a / t : 0) }')

mem=$(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
echo "RdInvest HTTP — wrk $connections connections, $threads threads, $duration per endpoint, $(nproc) cores, $mem, load $(cut -d' ' -f1 /proc/loadavg) before, $(date -u '+%Y-%m-%d %H:%M') UTC, $config, ${db##*/}"
echo
echo "| endpoint | requests/s | ratio to trivial | median ms | p99 ms | errors |"
echo "|---|---:|---:|---:|---:|---:|"
echo "| \`GET /health/live\` (trivial) | $t_rps | 100 % | $t_p50 | $t_p99 | $t_err |"
echo "| \`GET $api\` | $a_rps | $ratio | $a_p50 | $a_p99 | $a_err |"
