#!/usr/bin/env bash
# The national store from every source, `leefkracht fetch --all --years FIRST-LAST` with no gemeente (issue 15 item 3,
# docs/data-import.md "A national store from every source"), timed through the real command line against the tests'
# fake sources on localhost (bench/Leefkracht.Benchmarks FakeSourcesHost, `fake-sources FIRST LAST all`): the real
# national KWB 2024 key file under every year's table id, with every region in every year (the years differ only in the
# country row's inhabitants: FakeSources.ServeNationalYearsWithEveryRegion), the real police and RIVM
# figures of every area, the real Haaglanden wijk boundaries as PDOK's wijken of every year, the sample's complete
# Leefbaarometer PC4 file and a postcode file per year; what the fake lacks (PDOK gemeenten and buurten, Nabijheid
# tables) answers 404 and is reported by fetch --all as failed. Then the same command again (the cache). Prints a
# markdown table with the machine's load. Not part of the test suite: it takes minutes.
#
# Usage (repository root): bash bench/fetch/all.sh [FIRST LAST]   (default 2013 2025; sqlite store)
# The build, the folders and the clean-up are national.sh's, which sources this file back with mode=all.
if [[ ${mode:-} != all ]]; then
  mode=all exec bash "$(dirname "$0")/national.sh" "$@"
fi

coproc FAKE { exec dotnet artifacts/bin/Leefkracht.Benchmarks/release/Leefkracht.Benchmarks.dll fake-sources "$first" "$last" all; }
fake_pid=$FAKE_PID
read -r feed pdok lbm postcodes <&"${FAKE[0]}"

fetch() {
  local log=$1 s e code=0
  s=$(date +%s.%N)
  COLUMNS=200 "${L[@]}" fetch --all --years "$first-$last" --db "$work/national.db" --cache "$work/cache" \
    --statline-url "$feed" --dataderden-url "$feed" --pdok-url "$pdok" --lbm-url "$lbm" --postcode-url "$postcodes" \
    --lang en >"$log" 2>"$log.err" || code=$?
  e=$(date +%s.%N)
  echo "$(echo "$e - $s" | bc -l) $code"
}
mb() { echo "$(du -sb "$1" | cut -f1) / 1000000" | bc -l; }
# The summary table's rows "│ kind │ year │ outcome │ rows │", counted per kind and outcome.
outcomes() { sed 's/│/|/g' "$1" | grep -E '^\|' | awk -F'|' 'NR>1 { gsub(/^ +| +$/, "", $2); gsub(/^ +| +$/, "", $4); split($2, k, " "); n[k[1] " " $4]++ } END { for (x in n) printf "%s %d; ", x, n[x] }' | sed 's/; $//'; }

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
read -r first_s first_code < <(fetch "$work/first.log")
store_mb=$(mb "$work/national.db")
cache_mb=$(mb "$work/cache")
read -r second_s second_code < <(fetch "$work/second.log")
exec {FAKE[1]}>&-
summary=$(cat <&"${FAKE[0]}" || true)
wait "$fake_pid" 2>/dev/null || true

echo "| \`fetch --all --years $first-$last\` against the fake ($(nproc) cores, load before $load_before, after $(cut -d' ' -f1-3 /proc/loadavg)) | |"
echo "|---|---:|"
printf '| first run: time (exit code) | %.1f s (%s) |\n' "$first_s" "$first_code"
printf '| first run: outcomes | %s |\n' "$(outcomes "$work/first.log")"
printf '| first run: %s |\n' "$(grep -oE 'fetch --all: .*' "$work/first.log" | tr -s ' ')"
printf '| download cache (`cache`, all of it) | %.1f MB |\n' "$cache_mb"
printf '| SQLite store after the first run | %.1f MB |\n' "$store_mb"
printf '| second run: time (exit code) | %.1f s (%s) |\n' "$second_s" "$second_code"
printf '| second run: %s |\n' "$(grep -oE 'fetch --all: .*' "$work/second.log" | tr -s ' ')"
echo
echo "fake: $summary"
echo "first run, stderr:"; sed 's/^/  /' "$work/first.log.err" | cut -c1-200
