#!/usr/bin/env bash
# Latency and throughput of the dashboard API on loopback, measured with wrk (Debian package `wrk`).
# Usage: bash bench/web/wrk.sh [database]   (default: $LEEFKRACHT_DB; run `leefkracht demo --no-serve` first)
# Starts `leefkracht serve` on 127.0.0.1:5099, warms the caches, then runs wrk with 2 threads and 32 connections for
# 20 s per endpoint; every request loop is bounded in time and targets loopback only.
set -euo pipefail
cd "$(dirname "$0")/../.."
db=${1:-${LEEFKRACHT_DB:?pass a database or set LEEFKRACHT_DB}}
dotnet build src/Leefkracht.Cli -c Release -v q >/dev/null
artifacts/bin/Leefkracht.Cli/release/leefkracht serve --db "$db" --urls http://127.0.0.1:5099 >/dev/null 2>&1 &
server=$!
trap 'kill $server' EXIT
for _ in $(seq 60); do curl -sf http://127.0.0.1:5099/healthz >/dev/null && break; sleep 1; done

profile=/api/v1/areas/BU03440111?year=2024
layer='/api/v1/map/buurt?year=2024&detail=low'
# First requests: computed from the store (cold caches), then cached.
for url in "$profile" "$layer"; do
  curl -s -o /dev/null -H 'Accept-Encoding: br' -w "first request $url: %{time_total} s, %{size_download} bytes\n" "http://127.0.0.1:5099$url"
done
for url in "$profile" "$layer"; do
  echo "== wrk $url"
  wrk -t2 -c32 -d20s --latency -H 'Accept-Encoding: br' "http://127.0.0.1:5099$url"
done
