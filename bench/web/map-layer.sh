#!/usr/bin/env bash
# Bytes and server times of the national buurt map layer (issue 17 item 3, docs/benchmarks.md "Map: boundaries and
# values apart"): the combined GeoJSON layer against the compact boundaries (GET /api/v1/map/buurt/geometry) and the
# values (GET /api/v1/map/buurt/values) that the dashboard now fetches apart.
# Usage: bash bench/web/map-layer.sh DATABASE [YEAR] [BOUNDARY_YEAR]
#   DATABASE       a store made by `leefkracht demo --no-serve --db DATABASE` (read only here)
#   YEAR           the year of the values (default 2024)
#   BOUNDARY_YEAR  also measure the geometry of this division year alone (e.g. 2014 after
#                  `leefkracht import --db COPY ../shared/data/boundaries/cbs_buurt_2014_wgs84_q1e3.topojson.gz`)
# Env: L (the leefkracht binary; default the Release build), PORT (default 5393).
# Sizes: raw; gzip -9; on the wire with `Accept-Encoding: br` (Kestrel's Brotli at its fastest level).
set -euo pipefail
cd "$(dirname "$0")/../.."
db=${1:?pass a database}
year=${2:-2024}
boundary_year=${3:-}
L=${L:-artifacts/bin/Leefkracht.Cli/release/leefkracht}
port=${PORT:-5393}
out=$(mktemp -d)
"$L" serve --db "$db" --urls "http://127.0.0.1:$port" >"$out/serve.log" 2>&1 &
server=$!
trap 'kill $server; rm -rf "$out"' EXIT
for _ in $(seq 240); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.5; done
api="http://127.0.0.1:$port/api/v1/map/buurt"

# One line of the table: the first request's time (the server may still compute), then the bytes.
measure() {
  local name=$1 url=$2
  local first
  first=$(curl -s -o "$out/body" -w '%{time_total}' "$url")
  local again
  again=$(curl -s -o /dev/null -w '%{time_total}' "$url")
  local wire
  wire=$(curl -s -o /dev/null -H 'Accept-Encoding: br' -w '%{size_download}' "$url")
  printf '| %s | %s | %s | %s | %s s | %s s |\n' "$name" "$(stat -c %s "$out/body")" "$(gzip -9c "$out/body" | wc -c)" "$wire" "$first" "$again"
}

echo "| request | raw B | gzip -9 B | on the wire (br) B | first | again |"
echo "|---|---:|---:|---:|---:|---:|"
for detail in low medium; do
  measure "combined GeoJSON, total, $detail" "$api?year=$year&detail=$detail"
done
values=$(curl -s "$api/values?year=$year")
version=$(jq -r .geometryVersion <<<"$values")
by=$(jq -r .boundaryYear <<<"$values")
measure "values, total" "$api/values?year=$year"
measure "values, indicator good_health_pct" "$api/values?year=$year&by=indicator&indicator=good_health_pct"
for detail in low medium full; do
  measure "geometry $by, $detail" "$api/geometry?year=$by&detail=$detail&v=$version"
done
if [[ -n $boundary_year ]]; then
  for detail in low medium full; do
    measure "geometry $boundary_year, $detail" "$api/geometry?year=$boundary_year&detail=$detail"
  done
fi
