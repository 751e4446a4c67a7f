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
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
JAR="${3:-$ROOT/dmz-api/target/dmz-api.jar}"
JDK="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
SHOPPERS="$ROOT/dmz-api/bench/many-shoppers.lua"
REDIS_PORT=$((OFFSET + 6379)); UPSTREAM_PORT=$((OFFSET + 8081)); EDGE_PORT=$((OFFSET + 8080))
PASSWORD="bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
EDGE_PASSWORD="edge-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
EDGE_RULES="$(sed -n 's/^user {{ redis__edge_user }} \(.*\) >{{ redis__edge_password }}$/\1/p' \
    "$ROOT/ansible/roles/redis/templates/etc/redis/redis.conf.j2")"
[ -n "$EDGE_RULES" ] || { echo "no edge user in ansible/roles/redis/templates/etc/redis/redis.conf.j2" >&2; exit 2; }
for tool in redis-server wrk curl; do
    command -v "$tool" >/dev/null || { echo "$tool is missing (apt-get install redis-server wrk curl)" >&2; exit 2; }
done
[ -f "$JAR" ] || { echo "$JAR is missing: ./mvnw -pl dmz-api -am package -DskipTests" >&2; exit 2; }
WORK="$(mktemp -d)"
PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

(umask 077; printf 'port %s\nbind 127.0.0.1\nrequirepass %s\nuser edge %s >%s\nsave ""\nappendonly no\ndaemonize no\n' \
    "$REDIS_PORT" "$PASSWORD" "$EDGE_RULES" "$EDGE_PASSWORD" > "$WORK/redis.conf")
redis-server "$WORK/redis.conf" >"$WORK/redis.log" 2>&1 &
PIDS+=($!)
"$JDK/bin/java" -Xmx256m "$ROOT/dmz-api/bench/StubPage.java" "$UPSTREAM_PORT" >"$WORK/upstream.log" 2>&1 &
PIDS+=($!)
"$JDK/bin/java" -Xmx512m -jar "$JAR" --server.port="$EDGE_PORT" \
    --spring.data.redis.port="$REDIS_PORT" --spring.data.redis.username=edge --spring.data.redis.password="$EDGE_PASSWORD" \
    --onshore.gateway.internal-was-url="http://127.0.0.1:$UPSTREAM_PORT" \
    --onshore.gateway.keycloak-url="http://127.0.0.1:$UPSTREAM_PORT" --onshore.waiting-room.enabled=false \
    >"$WORK/edge.log" 2>&1 &
EDGE_PID=$!
PIDS+=($EDGE_PID)
for _ in $(seq 1 240); do
    curl -fsS -o /dev/null "http://127.0.0.1:$EDGE_PORT/actuator/health/liveness" 2>/dev/null \
        && curl -fsS -o /dev/null "http://127.0.0.1:$UPSTREAM_PORT/id-id/p/cached" 2>/dev/null && break
    sleep 0.5
done
curl -fsS -o /dev/null "http://127.0.0.1:$EDGE_PORT/id-id/p/cached" || { tail -30 "$WORK/edge.log" >&2; exit 1; }

ms() { # wrk latency ("812.00us", "3.41ms", "1.02s") -> milliseconds
    awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$EDGE_PID/stat"; } # the edge's user + system time, in clock ticks
run() { # connections url -> "req/s p50 p99 errors edge-CPU-µs-per-request"
    local out rps p50 p99 bad requests before after
    before=$(cpu_ticks)
    out=$(wrk -t2 -c"$1" -d"${SECONDS_EACH}s" --latency -s "$SHOPPERS" "$2")
    after=$(cpu_ticks)
    rps=$(awk '/Requests\/sec/ { printf "%d", $2 }' <<<"$out")
    requests=$(awk '/requests in/ { print $1 }' <<<"$out")
    p50=$(awk '$1 == "50%" { print $2 }' <<<"$out"); p99=$(awk '$1 == "99%" { print $2 }' <<<"$out")
    bad=$(awk '/Non-2xx/ { n = $NF } END { print n + 0 }' <<<"$out")
    echo "$rps $(ms "$p50") $(ms "$p99") $bad $(awk -v t=$((after - before)) -v n="$requests" -v hz="$(getconf CLK_TCK)" \
        'BEGIN { printf "%d", (n > 0 ? t * 1e6 / hz / n : 0) }')"
}
echo "warm-up: 15 s per URL at 16 connections" >&2
for path in cached uncached; do
    wrk -t2 -c16 -d15s -s "$SHOPPERS" "http://127.0.0.1:$EDGE_PORT/id-id/p/$path" >/dev/null
    wrk -t2 -c16 -d5s -s "$SHOPPERS" "http://127.0.0.1:$UPSTREAM_PORT/id-id/p/$path" >/dev/null
done

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) ($(date -u +%H:%M:%S) UTC)"
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
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg) ($(date -u +%H:%M:%S) UTC)"
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
