#!/usr/bin/env bash
# The national multi-year store (issue 17 item 4): every KWB year 2013-2025 at the 2024 size, generated from the real
# 2024 national file by bench/national/generate_years.py (drift, noise and code changes documented there and in
# docs/benchmarks.md), imported into one store; then the time of the import, the store's size, a national score, a
# trend and a watchlist, and the latency of one area profile from a fresh `serve` (p50/p99 of sequential requests).
# Not part of the test suite: it takes minutes (`bash bench/national/multi-year.sh sqlite 2024 2025 20` is a quick check).
#
# Usage (repository root): bash bench/national/multi-year.sh sqlite|postgres [FIRST LAST [REQUESTS]]
# postgres starts a private server with scripts/postgres-test-server.sh and stops it afterwards.
set -euo pipefail
cd "$(dirname "$0")/../.."
kind=${1:?sqlite or postgres}
first=${2:-2013}
last=${3:-2025}
requests=${4:-500}
work=$(mktemp -d)
L=(dotnet "${LEEFKRACHT_BENCH_CLI:-artifacts/bin/Leefkracht.Cli/release/leefkracht.dll}")
cleanup() {
  [[ -n "${server:-}" ]] && kill "$server" 2>/dev/null || true
  [[ -n "${LEEFKRACHT_TEST_PG_DIR:-}" ]] && bash scripts/postgres-test-server.sh stop "$LEEFKRACHT_TEST_PG_DIR" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

python3 bench/national/generate_years.py "$work/years" "$first" "$last" 2>"$work/generate.log"
if [[ $kind == postgres ]]; then
  eval "$(bash scripts/postgres-test-server.sh start)"
  db=$LEEFKRACHT_TEST_PG
else
  db=$work/national.db
fi

seconds() { local s e; s=$(date +%s.%N); "$@" >/dev/null; e=$(date +%s.%N); echo "$e - $s" | bc -l; }
row() { printf '| %s | %.2f s |\n' "$1" "$2"; }

echo "| what ($kind, $first-$last, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)) | |"
echo "|---|---:|"
import_s=$(seconds "${L[@]}" import --db "$db" "$work"/years/*.csv.gz)
row "import of $((last - first + 1)) years ($(ls "$work"/years | wc -l) files, $(( $(zcat "$work"/years/*.csv.gz | wc -l) - $(ls "$work"/years | wc -l) )) rows)" "$import_s"
if [[ $kind == postgres ]]; then
  # psql wants a URL, not the Npgsql key=value string.
  part() { tr ';' '\n' <<<"$db" | sed -n "s/^$1=//p"; }
  size=$(PGPASSWORD=$(part Password) psql -h "$(part Host)" -p "$(part Port)" -U "$(part Username)" -d "$(part Database)" -tAc "SELECT pg_database_size(current_database())")
else
  size=$(stat -c %s "$db")
fi
printf '| store size | %.0f MB |\n' "$(echo "$size / 1048576" | bc -l)"
row "\`score --year $last --level buurt --format csv\` (first, computes)" "$(seconds "${L[@]}" score --db "$db" --year "$last" --level buurt --format csv)"
row "\`score --year $last --level buurt --format csv\` (again)" "$(seconds "${L[@]}" score --db "$db" --year "$last" --level buurt --format csv)"
row "\`trend --from $first --to $last --level buurt --format csv\`" "$(seconds "${L[@]}" trend --db "$db" --from "$first" --to "$last" --level buurt --format csv)"
row "\`watchlist --year $last --level buurt --format csv\` (first, computes and stores)" "$(seconds "${L[@]}" watchlist --db "$db" --year "$last" --level buurt --format csv)"
row "\`watchlist --year $last --level buurt --format csv\` (stored)" "$(seconds "${L[@]}" watchlist --db "$db" --year "$last" --level buurt --format csv)"

port=$((20000 + RANDOM % 20000))
start=$(date +%s.%N)
"${L[@]}" serve --db "$db" --urls "http://127.0.0.1:$port" >"$work/serve.log" 2>&1 &
server=$!
until curl -sf "http://127.0.0.1:$port/healthz" >/dev/null; do sleep 0.1; done
url="http://127.0.0.1:$port/api/v1/areas/BU03440111?year=$last"
first_ms=$(curl -s -o /dev/null -w '%{time_total}' "$url")
row "fresh \`serve\`: start to \`/healthz\`" "$(echo "$(date +%s.%N) - $start" | bc -l)"
row "fresh \`serve\`: first profile (BU03440111, $last) after \`/healthz\`" "$first_ms"
for _ in $(seq "$requests"); do curl -s -o /dev/null -w '%{time_total}\n' "$url"; done | sort -g >"$work/latency"
p50=$(sed -n "$((requests / 2))p" "$work/latency")
p99=$(sed -n "$((requests * 99 / 100))p" "$work/latency")
printf '| profile latency, %d sequential requests after the first (curl) | p50 %.1f ms, p99 %.1f ms |\n' "$requests" "$(echo "$p50 * 1000" | bc -l)" "$(echo "$p99 * 1000" | bc -l)"
