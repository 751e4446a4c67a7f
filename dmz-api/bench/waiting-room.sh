#!/usr/bin/env bash
# Waiting-room status poll benchmark, issue 12: one dmz-api node (the packaged jar) with a real redis-server and a
# stub upstream announcing one started deal admitting 1 buyer a minute, 10,000 tickets taken through the edge (HTTP,
# no shortcut into Redis), then the status poll of the 10,001st ticket under wrk. Target: p99 <= 20 ms.
# Rate limits are off in this run (the poll's own cost; a limited poll adds one Lua call to the same Redis). The
# gateway connects as the ACL user edge with the rules devstack and production give it (docs/security/redis-acl.md);
# the run fails if it used another user or Redis refused it anything (ACL LOG).
#
#   dmz-api/bench/waiting-room.sh [port-offset] [seconds]     default offset 25000, 20 s measurement
#
# Needs: dmz-api/target/dmz-api.jar (./mvnw -pl dmz-api -am package -DskipTests), redis-server, redis-cli, wrk,
# python3, curl, JDK 25 (JAVA_HOME or /usr/lib/jvm/temurin-25-jdk-amd64). Stops everything it started on exit.
set -euo pipefail
OFFSET="${1:-25000}"
SECONDS_EACH="${2:-20}"
. "$(dirname "$0")/lib.sh"
JAR="$ROOT/dmz-api/target/dmz-api.jar"
REDIS_PORT=$((OFFSET + 379)); UPSTREAM_PORT=$((OFFSET + 81)); EDGE_PORT=$((OFFSET + 80))
KEY="$(random_hex 32)"
require_tools redis-server redis-cli wrk python3 curl
require_jar "$JAR"
start_work

start_redis_with_edge_user "$REDIS_PORT"

STARTS="$(date -u -d '-1 minute' +%Y-%m-%dT%H:%M:%SZ)"; ENDS="$(date -u -d '+1 hour' +%Y-%m-%dT%H:%M:%SZ)"
cat >"$WORK/upstream.py" <<PY
import http.server, json
DEALS = json.dumps([{"id": "bench", "paths": ["/*/p/BENCH-1"], "checkoutPaths": ["/api/shop/v1/hot-deals/bench/checkout"],
    "startsAt": "$STARTS", "endsAt": "$ENDS", "admissionsPerMinute": 1, "units": 500, "soldOut": False}]).encode()
class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = DEALS if self.path == "/api/shop/v1/hot-deals" else b"upstream"
        self.send_response(200); self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body))); self.end_headers(); self.wfile.write(body)
    def log_message(self, *args): pass
http.server.ThreadingHTTPServer(("127.0.0.1", $UPSTREAM_PORT), Handler).serve_forever()
PY
python3 "$WORK/upstream.py" &
PIDS+=($!)

EDGE_JAVA_OPTIONS=(-Xmx512m -XX:+UseSerialGC)
start_edge "$JAR" "$EDGE_PORT" "$REDIS_PORT" "$UPSTREAM_PORT" --management.server.port=-1 --onshore.gateway.pass-key="$KEY" \
    --onshore.rate-limits.enabled=false --onshore.waiting-room.tickets-per-address=1000000 --onshore.waiting-room.refresh=1s
await 240 curl -fsS -o /dev/null "http://127.0.0.1:$EDGE_PORT/actuator/health/liveness" || true
curl -fsS -o /dev/null "http://127.0.0.1:$EDGE_PORT/actuator/health/liveness" || { tail -30 "$WORK/edge.log" >&2; exit 1; }
sleep 2 # the deal list is read

rcli() { redis-cli -p "$REDIS_PORT" -a "$PASSWORD" --no-auth-warning "$@"; }
queued() { local n; n="$(rcli GET 'wr:{bench}:seq')"; echo "${n:-0}"; }
# as_edge: every client but this redis-cli is the gateway as edge, and Redis refused it nothing.
as_edge() {
    local others refused
    others="$(rcli CLIENT LIST | grep -v 'cmd=client|list')"
    refused="$(rcli ACL LOG | grep -c '^username$' || true)"
    if ! grep -q 'user=edge' <<<"$others" || grep -v 'user=edge' <<<"$others" | grep -q . || [ "$refused" != 0 ]; then
        echo "the gateway is not using the edge user alone, or was refused ($refused in ACL LOG):" >&2
        echo "$others" >&2; rcli ACL LOG >&2; exit 1
    fi
}
echo "filling the queue through the edge (every request without a cookie takes a ticket)" >&2
while [ "$(queued)" -lt 10000 ]; do
    wrk -t2 -c32 -d2s -H 'Accept: text/html' "http://127.0.0.1:$EDGE_PORT/en-us/p/BENCH-1" >/dev/null
done
# The poller's own ticket, from its own address, behind everyone queued so far.
curl -fsS -o /dev/null -c "$WORK/jar" -H 'X-Forwarded-For: 198.51.100.7' -H 'Accept: text/html' \
    "http://127.0.0.1:$EDGE_PORT/en-us/p/BENCH-1"
TICKET="$(awk '$6 == "onshore_ticket_bench" { print $7 }' "$WORK/jar")"
[ -n "$TICKET" ] || { echo "no ticket cookie" >&2; exit 1; }
STATUS_URL="http://127.0.0.1:$EDGE_PORT/waiting-room/bench/status"
SAMPLE="$(curl -fsS -H "Cookie: onshore_ticket_bench=$TICKET" -H 'X-Forwarded-For: 198.51.100.7' "$STATUS_URL")"
echo "queued before the poller: $(($(queued) - 1)); its status: $SAMPLE" >&2
grep -q '"state":"waiting"' <<<"$SAMPLE" || { echo "the poller is not waiting" >&2; exit 1; }
as_edge

poll() { wrk -t2 -c"$1" -d"$2" --latency -H "Cookie: onshore_ticket_bench=$TICKET" -H 'X-Forwarded-For: 198.51.100.7' "$STATUS_URL"; }
poll 16 5s >/dev/null # warm-up
echo "load average before: $(load_average)"
echo
echo "| connections | req/s | p50 | p90 | p99 | non-2xx | socket errors |"
echo "|---|---|---|---|---|---|---|"
for c in 16 64; do
    out="$(poll "$c" "${SECONDS_EACH}s")"
    rps=$(awk '/Requests\/sec/ { printf "%d", $2 }' <<<"$out")
    p50=$(awk '$1 == "50%" { print $2 }' <<<"$out"); p90=$(awk '$1 == "90%" { print $2 }' <<<"$out")
    p99=$(awk '$1 == "99%" { print $2 }' <<<"$out")
    bad=$(awk '/Non-2xx/ { print $NF }' <<<"$out"); errors=$(awk '/Socket errors/ { sub(/.*errors: /, ""); print }' <<<"$out")
    echo "| $c | $rps | $p50 | $p90 | $p99 | ${bad:-0} | ${errors:-none} |"
done
echo
echo "queued after: $(queued) tickets; load average after: $(load_average)"
as_edge
echo "Redis: the gateway's connections were all the ACL user edge; ACL LOG empty"
