#!/usr/bin/env bash
# Runs every test of the solution (Release build) and ends with one line "N passed, N failed".
# Usage: bash scripts/test.sh [extra dotnet test arguments]
set -uo pipefail
cd "$(dirname "$0")/.."

log=$(mktemp)
trap 'rm -f "$log"' EXIT

dotnet test --configuration Release "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Microsoft.Testing.Platform ends with a summary block: "total: N", "failed: N", "succeeded: N", "skipped: N".
passed=$(grep -E '^\s*succeeded: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+')
failed=$(grep -E '^\s*failed: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+')
if [ -z "$passed" ] && [ -z "$failed" ]; then
  # No summary: the build failed or the runner crashed before any test ran.
  echo "0 passed, 1 failed"
  exit 1
fi
passed=${passed:-0}
failed=${failed:-0}
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1  # the runner failed without a failing test (for example a test host crash); do not report green
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
