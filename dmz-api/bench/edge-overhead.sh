#!/usr/bin/env bash
# Gateway overhead benchmark, issue 12: the same page straight from the upstream and through one dmz-api node (the
# packaged jar, rate limits on as in production, counting in a real redis-server as the ACL user edge), wrk at 64
# and 256 connections with many-shoppers.lua (every request its own client address). The upstream is StubPage.java,
# a product page's bytes from the JDK's HTTP server: /p/cached answers at once, /p/uncached after ~1 ms of work, so
# what differs between the two columns is the edge alone. Targets: edge >= 50 % of direct (cached), >= 85 %
# (uncached), <= 1 ms added at p50. Prints a Markdown table for docs/benchmarks.md.
#
#   dmz-api/bench/edge-overhead.sh [port-offset] [seconds] [jar]   default offset 26000, 10 s per measurement,
#                                                                  dmz-api/target/dmz-api.jar
#   JFR=edge.jfr dmz-api/bench/edge-overhead.sh ...   then records the edge (profile settings, 1 ms samples) during
#                                                     one more cached measurement at 64 connections, after the table
#
# CPU per request: the edge JVM's user + system time (/proc) during a measurement over the requests wrk counted,
# which a loaded machine skews far less than throughput. Non-2xx answers: the edge's own refusals are listed after
# the table (its log). Ports: edge 8080 + offset, upstream 8081 + offset, Redis 6379 + offset. Needs redis-server,
# wrk, curl, JDK 25 (JAVA_HOME or /usr/lib/jvm/temurin-25-jdk-amd64). Stops everything it started on exit. Record
# the load average it prints next to the figures: on a shared machine compare only runs taken minutes apart.
set -euo pipefail
OFFSET="${1:-26000}"
SECONDS_EACH="${2:-10}"
. "$(dirname "$0")/lib.sh"
JAR="${3:-$ROOT/dmz-api/target/dmz-api.jar}"
REDIS_PORT=$((OFFSET + 6379)); UPSTREAM_PORT=$((OFFSET + 8081)); EDGE_PORT=$((OFFSET + 8080))
require_tools redis-server wrk curl
require_jar "$JAR"
start_work

start_redis_with_edge_user "$REDIS_PORT"
"$JAVA" -Xmx256m "$ROOT/dmz-api/bench/StubPage.java" "$UPSTREAM_PORT" >"$WORK/upstream.log" 2>&1 &
PIDS+=($!)
start_edge "$JAR" "$EDGE_PORT" "$REDIS_PORT" "$UPSTREAM_PORT" --onshore.waiting-room.enabled=false
both_answer() {
    curl -fsS -o /dev/null "http://127.0.0.1:$EDGE_PORT/actuator/health/liveness" \
        && curl -fsS -o /dev/null "http://127.0.0.1:$UPSTREAM_PORT/id-id/p/cached"
}
await 240 both_answer || true
curl -fsS -o /dev/null "http://127.0.0.1:$EDGE_PORT/id-id/p/cached" || { tail -30 "$WORK/edge.log" >&2; exit 1; }

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$EDGE_PID/stat"; } # the edge's user + system time, in clock ticks
run() { # connections url -> "req/s p50 p99 errors edge-CPU-µs-per-request"
    local out rps p50 p99 bad requests before after
    before=$(cpu_ticks)
    out=$(wrk -t2 -c"$1" -d"${SECONDS_EACH}s" --latency -s "$MANY_SHOPPERS" "$2")
    after=$(cpu_ticks)
    rps=$(awk '/Requests\/sec/ { printf "%d", $2 }' <<<"$out")
    requests=$(awk '/requests in/ { print $1 }' <<<"$out")
    p50=$(awk '$1 == "50%" { print $2 }' <<<"$out"); p99=$(awk '$1 == "99%" { print $2 }' <<<"$out")
    bad=$(awk '/Non-2xx/ { n = $NF } END { print n + 0 }' <<<"$out")
    echo "$rps $(ms "$p50" 2) $(ms "$p99" 2) $bad $(awk -v t=$((after - before)) -v n="$requests" -v hz="$(getconf CLK_TCK)" \
        'BEGIN { printf "%d", (n > 0 ? t * 1e6 / hz / n : 0) }')"
}
echo "warm-up: 15 s per URL at 16 connections" >&2
for path in cached uncached; do
    wrk -t2 -c16 -d15s -s "$MANY_SHOPPERS" "http://127.0.0.1:$EDGE_PORT/id-id/p/$path" >/dev/null
    wrk -t2 -c16 -d5s -s "$MANY_SHOPPERS" "http://127.0.0.1:$UPSTREAM_PORT/id-id/p/$path" >/dev/null
done

echo "load average before: $(load_average) ($(date -u +%H:%M:%S) UTC)"
echo
echo "| page | connections | direct req/s | edge req/s | edge share | direct p50 / p99 | edge p50 / p99 | added p50 | edge non-2xx | edge CPU per request |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for path in cached uncached; do
    for c in 64 256; do
        read -r drps dp50 dp99 _ <<<"$(run "$c" "http://127.0.0.1:$UPSTREAM_PORT/id-id/p/$path")"
        read -r erps ep50 ep99 ebad ecpu <<<"$(run "$c" "http://127.0.0.1:$EDGE_PORT/id-id/p/$path")"
        share=$(awk -v e="$erps" -v d="$drps" 'BEGIN { printf "%d", (d > 0 ? 100 * e / d : 0) }')
        added=$(awk -v e="$ep50" -v d="$dp50" 'BEGIN { printf "%+.2f", e - d }')
        echo "| $path | $c | $drps | $erps | $share % | $dp50 / $dp99 ms | $ep50 / $ep99 ms | $added ms | $ebad | $ecpu µs |"
    done
done
echo
echo "load average after: $(load_average) ($(date -u +%H:%M:%S) UTC)"
echo "edge log: $(grep -c ' WARN \| ERROR ' "$WORK/edge.log" || true) warnings or errors" >&2
grep ' WARN \| ERROR ' "$WORK/edge.log" | cut -c1-300 | sort | uniq -c | sort -rn | head -5 >&2 || true
echo "edge refusals by status and reason (non-2xx above):" >&2
sed -n 's/.*Rejected [A-Z]* .* from [^:]*: \([0-9]* [^(]*\).*/\1/p' "$WORK/edge.log" | sort | uniq -c | sort -rn | head -5 >&2 || true
if [ -n "${JFR:-}" ]; then
    "$JDK/bin/jcmd" "$EDGE_PID" JFR.start settings=profile "jdk.ExecutionSample#period=1ms" \
        filename="$(realpath -m "$JFR")" name=bench >/dev/null
    read -r erps ep50 ep99 ebad ecpu <<<"$(run 64 "http://127.0.0.1:$EDGE_PORT/id-id/p/cached")"
    "$JDK/bin/jcmd" "$EDGE_PID" JFR.stop name=bench >/dev/null
    echo "JFR during cached, 64 connections: $erps req/s, p50 $ep50 ms ($JFR)"
fi
