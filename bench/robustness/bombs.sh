#!/usr/bin/env bash
# The import's resource limits against the files of issue 18: a gzip bomb of one endless line, a gzip bomb of short
# lines, and a plain 50 MB line. Builds each file, imports it into a new store with the command line under
# /usr/bin/time -v, and prints the answer, the exit code, the peak RSS and the wall time (docs/benchmarks.md,
# docs/security.md). Each must be refused (exit 2) within 512 MB and a few seconds, and leave the store empty.
# Usage: bash bench/robustness/bombs.sh [work folder]   (default: a temporary folder, removed at the end; needs ~15 MB
# of disk for the bombs and 50 MB for the line; building the 6 GB bomb costs about a minute of one core)
set -euo pipefail
cd "$(dirname "$0")/../.."
work=${1:-$(mktemp -d)}
[ $# -eq 0 ] && trap 'rm -rf "$work"' EXIT
mkdir -p "$work"
cli=artifacts/bin/Leefkracht.Cli/release/leefkracht
[ -x "$cli" ] || dotnet build src/Leefkracht.Cli -c Release -v q >/dev/null

# The files, as issue 18 made them (`yes` ends by SIGPIPE when head has enough: not a failure).
[ -f "$work/line.csv.gz" ] || head -c 1200000000 /dev/zero | tr '\0' x | gzip -9 > "$work/line.csv.gz"
[ -f "$work/lines.csv.gz" ] || { yes 'BU03440111;2024;population;1234' || true; } | head -c 6000000000 | gzip -9 > "$work/lines.csv.gz"
[ -f "$work/line50.csv" ] || { printf 'area_code;'; head -c 52428800 /dev/zero | tr '\0' x; printf '\n'; } > "$work/line50.csv"

echo "| file | size | exit | answer | max RSS | wall time |"
echo "|---|---|---|---|---|---|"
for file in line.csv.gz lines.csv.gz line50.csv; do
  rm -f "$work/new.db"*
  set +e
  /usr/bin/time -v "$cli" import "$work/$file" --db "$work/new.db" > "$work/out.txt" 2> "$work/err.txt"
  code=$?
  set -e
  rss=$(grep 'Maximum resident set size' "$work/err.txt" | awk '{print $NF}')
  wall=$(grep 'Elapsed (wall clock)' "$work/err.txt" | awk '{print $NF}')
  answer=$(grep -v -E '^\s|^Command exited' "$work/err.txt" | grep -m1 -o -E '(line [0-9]+ is longer|expands more than|larger than)[^.]*' || echo '?')
  size=$(du -h "$work/$file" | cut -f1)
  echo "| $file | $size | $code | $answer | $((rss / 1024)) MB | $wall |"
  # Nothing was stored: the store has no import.
  stored=$("$cli" imports --db "$work/new.db" 2>/dev/null | grep -c -E '^\s*#?[0-9]' || true)
  [ "$stored" -eq 0 ] || echo "  (!) the store holds $stored import(s) after $file"
done
