#!/usr/bin/env bash
# Server time of the reading pages (divisions, units, targets, parks, assessment) on the demo data: starts
# `rdinvest serve --demo` on a fresh SQLite file, signs in as the role that reads each page, loads each page once to
# warm up and then N times (default 20), and prints the median and the slowest time to first byte per page as a
# Markdown table (docs/PERFORMANCE.md, "Web pages: reading pages"). Usage:
#   dotnet build src/RdInvest.Cli -c Release && bench/reading-pages.sh [N] [CONFIGURATION]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
config=${2:-release}
dll=artifacts/bin/RdInvest.Cli/$config/rdinvest.dll
[ -f "$dll" ] || { echo "build first: dotnet build src/RdInvest.Cli -c Release" >&2; exit 2; }
dir=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base=http://127.0.0.1:$port
dotnet "$dll" serve --demo --urls "$base" --db "$dir/demo.db" >"$dir/serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$dir"' EXIT
for _ in $(seq 1 180); do curl -sf "$base/health" >/dev/null 2>&1 && break; sleep 1; done

login() { # login USER JAR
  local tok
  tok=$(curl -s -c "$2" -b "$2" "$base/login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
  curl -s -c "$2" -b "$2" -o /dev/null -X POST "$base/login" --data-urlencode "UserName=$1" \
    --data-urlencode "Password=rdinvest-demo" --data-urlencode "__RequestVerificationToken=$tok"
}
login demo-admin "$dir/admin.jar"
login demo-city "$dir/city.jar"
county=$(grep -o 'demo-county *county_officer *[0-9]*' "$dir/serve.log" | awk '{print $3}' || true)
unit=$(grep -o 'demo-enterprise *enterprise *[0-9A-Z]*' "$dir/serve.log" | awk '{print $3}' || true)
county=${county:-150202}

measure() { # measure JAR PATH → "median max" in ms (time to first byte, i.e. the server's time plus loopback)
  local jar=$1 path=$2 t code
  code=$(curl -s -b "$jar" -o /dev/null -w '%{http_code}' "$base$path")
  [ "$code" = 200 ] || { echo "$path: HTTP $code" >&2; echo "- -"; return; }
  for _ in $(seq 1 "$runs"); do
    curl -s -b "$jar" -o /dev/null -w '%{time_starttransfer} %{time_pretransfer}\n' "$base$path"
  done | awk '{print ($1-$2)*1000}' | sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.0f %.0f\n", m, a[NR]}'
}

echo "RdInvest reading pages — $runs loads each, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg), $(date -u '+%Y-%m-%d %H:%M') UTC, $config"
echo
echo "| page | reader | median ms | slowest ms |"
echo "|---|---|---:|---:|"
while read -r role jar path; do
  read -r med max < <(measure "$dir/$jar.jar" "$path")
  echo "| \`$path\` | $role | $med | $max |"
done <<ROWS
region_admin admin /divisions
region_admin admin /divisions/150200
region_admin admin /divisions/$county
city_officer city /divisions/150200
region_admin admin /units
region_admin admin /units/$unit
region_admin admin /units?sort=rd&desc=true&page=3
region_admin admin /targets
city_officer city /targets
region_admin admin /parks
region_admin admin /assessment
city_officer city /assessment
region_admin admin /divisions/150200?table=children&handler=table&sort=rd_total&desc=true
region_admin admin /units?table=units&handler=xlsx
ROWS
