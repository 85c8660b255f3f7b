#!/usr/bin/env bash
# Load test of the wijkaanpak's concurrency guarantees (docs/benchmarks.md, "Wijkaanpak: concurrent edits").
# Two app instances (`leefkracht serve`) on one private PostgreSQL cluster; wrk drives both at once with reads,
# comments and versioned status changes on the same few agreements (edits.lua). Afterwards the database is
# checked against what the clients were told: every 2xx write is in the audit trail exactly once, no update is lost.
#
#   bash bench/wijkaanpak/run.sh [seconds=20] [connections per instance=16]
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${1:-20}
connections=${2:-16}
cli=artifacts/bin/Leefkracht.Cli/release/leefkracht
[ -x "$cli" ] || dotnet build src/Leefkracht.Cli -c Release >/dev/null

eval "$(bash scripts/postgres-test-server.sh start)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  bash scripts/postgres-test-server.sh stop "$LEEFKRACHT_TEST_PG_DIR" || true
}
trap cleanup EXIT
export LEEFKRACHT_DB="$LEEFKRACHT_TEST_PG"
pg() {
  local conn
  conn=$(sed -E 's/Host=([^;]*);Port=([^;]*);Database=([^;]*);Username=([^;]*);Password=([^;]*)/host=\1 port=\2 dbname=\3 user=\4 password=\5/' <<<"$LEEFKRACHT_TEST_PG")
  psql "$conn" -At -c "$1"
}

"$cli" import data/sample/utrecht >/dev/null
password=$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
for name in coordinator-a coordinator-b; do
  printf '%s\n' "$password" | "$cli" account add --name "$name" --party "Gemeente Utrecht" --party-type gemeente --role coordinator >/dev/null
done

port_a=5181; port_b=5182
"$cli" serve --urls "http://127.0.0.1:$port_a" >/tmp/wk-bench-a.log 2>&1 & pids+=($!)
"$cli" serve --urls "http://127.0.0.1:$port_b" >/tmp/wk-bench-b.log 2>&1 & pids+=($!)
for port in $port_a $port_b; do
  for _ in $(seq 60); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 1; done
done

# login NAME PORT -> sets COOKIE and CSRF (cookies read from Set-Cookie: they are Secure, so curl would not send them over http)
login() {
  local headers body
  headers=$(mktemp)
  body=$(curl -sf -D "$headers" -H 'Content-Type: application/json' -d "{\"userName\":\"$1\",\"password\":\"$password\"}" "http://127.0.0.1:$2/api/v1/auth/login")
  COOKIE=$(grep -i '^set-cookie:' "$headers" | sed -E 's/^[Ss]et-[Cc]ookie: ([^;]*);.*/\1/' | paste -sd ';' | sed 's/;/; /g')
  CSRF=$(sed -E 's/.*"token":"([^"]*)".*/\1/' <<<"$body")
  rm -f "$headers"
}
api() { # METHOD PATH BODY -> JSON on stdout
  curl -sf -X "$1" -H 'Content-Type: application/json' -H "Cookie: $COOKIE" -H "X-CSRF-TOKEN: $CSRF" -d "$3" "http://127.0.0.1:$port_a$2"
}

login coordinator-a $port_a
programme=$(api POST /api/v1/wijkaanpak/programmes '{"name":"Load test","areaCode":"WK034403","startDate":"2025-01-01","startYear":2023,"description":"wrk"}' | sed -E 's/^\{"id":([0-9]+).*/\1/')
gemeente=$(pg "SELECT id FROM wk_parties WHERE name = 'Gemeente Utrecht'")
ids=()
for i in 1 2 3 4; do
  ids+=("$(api POST "/api/v1/wijkaanpak/programmes/$programme/agreements" "{\"title\":\"Afspraak $i\",\"ownerPartyId\":$gemeente,\"deadline\":\"2030-12-31\"}" | sed -E 's/^\{"id":([0-9]+).*/\1/')")
done
agreements=$(IFS=,; echo "${ids[*]}")
audit_before=$(pg "SELECT count(*) FROM wk_audit")

login coordinator-a $port_a; cookie_a=$COOKIE; csrf_a=$CSRF
login coordinator-b $port_b; cookie_b=$COOKIE; csrf_b=$CSRF
echo "== wrk: ${duration}s, 2 threads x $connections connections on each of 2 instances, agreements $agreements"
WK_COOKIE=$cookie_a WK_CSRF=$csrf_a WK_AGREEMENTS=$agreements wrk -t2 -c"$connections" -d"${duration}s" --latency -s bench/wijkaanpak/edits.lua "http://127.0.0.1:$port_a" >/tmp/wk-wrk-a.txt &
wrk_a=$!
WK_COOKIE=$cookie_b WK_CSRF=$csrf_b WK_AGREEMENTS=$agreements wrk -t2 -c"$connections" -d"${duration}s" --latency -s bench/wijkaanpak/edits.lua "http://127.0.0.1:$port_b" >/tmp/wk-wrk-b.txt
wait $wrk_a
for f in /tmp/wk-wrk-a.txt /tmp/wk-wrk-b.txt; do echo "-- $f"; grep -E 'Requests/sec|Latency|50%|99%|RESULT|Non-2xx' "$f"; done

sum() { grep RESULT /tmp/wk-wrk-a.txt /tmp/wk-wrk-b.txt | grep -oE "$1=[0-9]+" | cut -d= -f2 | paste -sd+ | bc; }
comments=$(sum comments); statuses=$(sum status); conflicts=$(sum conflicts); others=$(sum other)
db_comments=$(pg "SELECT count(*) FROM wk_comments WHERE agreement_id IN ($agreements)")
db_comment_audit=$(pg "SELECT count(*) FROM wk_audit WHERE entity = 'comment' AND programme_id = $programme")
db_status_audit=$(pg "SELECT count(*) FROM wk_audit WHERE entity = 'agreement' AND action = 'status' AND programme_id = $programme")
db_versions=$(pg "SELECT sum(version - 1) FROM wk_agreements WHERE id IN ($agreements)")
db_history=$(pg "SELECT count(*) FROM wk_agreement_history WHERE agreement_id IN ($agreements)")
db_audit_new=$(( $(pg "SELECT count(*) FROM wk_audit") - audit_before ))
db_comment_not_once=$(pg "SELECT count(*) FROM wk_comments c WHERE c.agreement_id IN ($agreements) AND (SELECT count(*) FROM wk_audit a WHERE a.entity = 'comment' AND a.entity_id = c.id) <> 1")
db_version_gaps=$(pg "SELECT count(*) FROM wk_agreements g WHERE g.id IN ($agreements) AND g.version - 1 <> (SELECT count(*) FROM wk_audit a WHERE a.entity = 'agreement' AND a.action = 'status' AND a.entity_id = g.id)")
in_flight=$((2 * connections))
echo "== clients: $comments comments 201, $statuses status changes 200, $conflicts 409, $others other"
echo "== database: $db_comments comments, $db_comment_audit comment audit rows, $db_status_audit status audit rows, versions advanced $db_versions, $db_history history rows, $db_audit_new audit rows in all"
echo "== comments without exactly one audit row: $db_comment_not_once; agreements whose version differs from their audited status changes: $db_version_gaps"
# wrk stops on the clock and drops the answers still in flight (at most one per connection); the server finished
# those writes, so the database may hold up to that many more than the clients counted, never fewer.
ok=1
[ "$db_comment_not_once" -eq 0 ] || ok=0
[ "$db_version_gaps" -eq 0 ] || ok=0
[ "$db_comment_audit" -eq "$db_comments" ] || ok=0
[ "$db_status_audit" -eq "$db_versions" ] || ok=0
[ "$db_history" -eq "$db_versions" ] || ok=0
[ "$db_audit_new" -eq $((db_comments + db_versions)) ] || ok=0
[ "$db_comments" -ge "$comments" ] && [ "$db_versions" -ge "$statuses" ] || ok=0
[ $((db_comments - comments + db_versions - statuses)) -le "$in_flight" ] || ok=0
[ "$others" -eq 0 ] || ok=0
echo "== writes finished on the server after wrk stopped listening: $((db_comments - comments + db_versions - statuses)) (at most $in_flight connections)"
if [ "$ok" -eq 1 ]; then echo "OK: every write is in the audit trail exactly once, every 2xx is in the database, no update lost"; else echo "MISMATCH"; exit 1; fi
