#!/usr/bin/env bash
# The documented national fetch, `leefkracht fetch kwb --years FIRST-LAST` with no gemeente (issue 15, docs/data-import.md
# "How long a national fetch takes"), timed through the real command line against the tests' fake StatLine feed on
# localhost: every year serves the real national 2024 key file (18,310 regions, 11 columns, the real 2024
# DataProperties) under that year's table id, in pages of 10,000 rows (bench/Leefkracht.Benchmarks FakeSourcesHost).
# Then the same command again (the cache: 304s, "already imported"). Prints a markdown table with the machine's load.
# Not part of the test suite: it takes minutes.
#
# Run as bench/fetch/all.sh it times `leefkracht fetch --all --years FIRST-LAST` instead (bench/fetch/all.sh, which sources this
# file): the fake then serves every source fetch --all reads as far as the shared data have them
# (`fake-sources FIRST LAST all`, FakeSourcesHost.ServeTheRest).
#
# Usage (repository root): bash bench/fetch/national.sh [FIRST LAST]   (default 2013 2025; sqlite store)
set -euo pipefail
cd "$(dirname "$0")/../.."
mode=${mode:-kwb}
first=${1:-2013}
last=${2:-2025}
work=$(mktemp -d)
cleanup() {
  [[ -n "${FAKE_PID:-}" ]] && kill "$FAKE_PID" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

dotnet build -c Release src/Leefkracht.Cli >/dev/null
dotnet build -c Release bench/Leefkracht.Benchmarks >/dev/null
L=(dotnet artifacts/bin/Leefkracht.Cli/release/leefkracht.dll)
if [[ $mode == all ]]; then
  source bench/fetch/all.sh
  exit
fi

coproc FAKE { exec dotnet artifacts/bin/Leefkracht.Benchmarks/release/Leefkracht.Benchmarks.dll fake-sources "$first" "$last"; }
# Bash unsets FAKE_PID once the coprocess has ended (under set -u the wait below would then fail): keep it.
fake_pid=$FAKE_PID
read -r feed <&"${FAKE[0]}"

fetch() {
  local log=$1 s e
  s=$(date +%s.%N)
  "${L[@]}" fetch kwb --years "$first-$last" --db "$work/national.db" --cache "$work/cache" --statline-url "$feed" --lang en >"$log"
  e=$(date +%s.%N)
  echo "$e - $s" | bc -l
}
# The fetch's own lines, which the console wraps at 80 columns: "kwb 2024 (85984NED, NL): 18310 rows; 4 responses,
# 4 downloaded (10092.2 KB), 0 unchanged (304)", "stored: import #1: 18310 areas, 201410 values", "1 files: 1 stored,
# 0 already imported, 0 rejected.".
sum() { tr -s ' \n' ' ' <"$2" | grep -oE "$1" | grep -oE '^[0-9.]+' | paste -sd+ | bc -l; }
mb() { echo "$(du -sb "$1" | cut -f1) / 1000000" | bc -l; }

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
first_s=$(fetch "$work/first.log")
store_mb=$(mb "$work/national.db")
second_s=$(fetch "$work/second.log")
exec {FAKE[1]}>&-
summary=$(cat <&"${FAKE[0]}" || true)
wait "$fake_pid" 2>/dev/null || true

years=$((last - first + 1))
echo "| \`fetch kwb --years $first-$last\` against the fake ($years national years, $(nproc) cores, load before $load_before, after $(cut -d' ' -f1-3 /proc/loadavg)) | |"
echo "|---|---:|"
printf '| first run: time | %.1f s |\n' "$first_s"
printf '| first run: responses (downloaded) | %s (%s) |\n' "$(sum '[0-9]+ responses' "$work/first.log")" "$(sum '[0-9]+ downloaded' "$work/first.log")"
printf '| first run: downloaded | %.1f MB |\n' "$(echo "$(sum '[0-9.]+ KB' "$work/first.log") * 1024 / 1000000" | bc -l)"
printf '| first run: values stored | %s |\n' "$(sum '[0-9]+ values' "$work/first.log")"
printf '| download cache (`cache/http`) | %.1f MB |\n' "$(mb "$work/cache/http")"
printf '| assembled CSV files (`cache/staged`) | %.1f MB |\n' "$(mb "$work/cache/staged")"
printf '| SQLite store after the first run | %.1f MB |\n' "$store_mb"
printf '| second run: time | %.1f s |\n' "$second_s"
printf '| second run: responses (304) | %s (%s) |\n' "$(sum '[0-9]+ responses' "$work/second.log")" "$(sum '[0-9]+ unchanged' "$work/second.log")"
printf '| second run: already imported | %s of %s years |\n' "$(sum '[0-9]+ already imported' "$work/second.log")" "$years"
echo
echo "fake: $summary"
