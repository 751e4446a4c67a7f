# Shared by the dmz-api bench scripts: sourced (`. "$(dirname "$0")/lib.sh"`), never run. Sets ROOT (the repository),
# JDK and JAVA (JAVA_HOME or Temurin 25), MANY_SHOPPERS (many-shoppers.lua); the functions below exit 2 when something the
# benchmark needs is missing, as the scripts always did.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
JDK="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAVA="$JDK/bin/java"
MANY_SHOPPERS="$ROOT/dmz-api/bench/many-shoppers.lua"

# require_tools TOOL...: each on PATH.
require_tools() {
    local tool
    for tool in "$@"; do
        command -v "$tool" >/dev/null || { echo "$tool is missing (apt-get install ${tool/redis-cli/redis-tools})" >&2; exit 2; }
    done
}

# require_edge URL: the edge at URL answers its liveness probe.
require_edge() {
    curl -fsS -o /dev/null "$1/actuator/health/liveness" || { echo "nothing answers at $1 (./onshore up?)" >&2; exit 2; }
}

# require_jar JAR: the packaged dmz-api.
require_jar() {
    [ -f "$1" ] || { echo "$1 is missing: ./mvnw -pl dmz-api -am package -DskipTests" >&2; exit 2; }
}

# use_appliance_db OFFSET: DRIVER (the MariaDB JDBC driver from ~/.m2), BENCH_DB_PORT and BENCH_DB_PASSWORD_FILE for the
# appliance whose ports are shifted by OFFSET.
use_appliance_db() {
    DRIVER="$(ls "$HOME"/.m2/repository/org/mariadb/jdbc/mariadb-java-client/*/mariadb-java-client-*.jar 2>/dev/null | grep -v sources | tail -1)"
    [ -n "$DRIVER" ] || { echo "the MariaDB JDBC driver is not in ~/.m2 (build the project once)" >&2; exit 2; }
    export BENCH_DB_PORT=$((3306 + $1))
    export BENCH_DB_PASSWORD_FILE="${BENCH_DB_PASSWORD_FILE:-$ROOT/var/secrets/master/db-app-password}"
    [ -r "$BENCH_DB_PASSWORD_FILE" ] || { echo "$BENCH_DB_PASSWORD_FILE unreadable: is the appliance up (./onshore up)?" >&2; exit 2; }
}

random_hex() { head -c "$1" /dev/urandom | od -An -tx1 | tr -d ' \n'; }

load_average() { cut -d' ' -f1-3 /proc/loadavg; }

# start_work: WORK, a scratch directory, and PIDS, the processes started into it; on exit each is stopped by its PID
# and the directory removed.
start_work() {
    WORK="$(mktemp -d)"
    PIDS=()
    trap stop_work EXIT
}
stop_work() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }

# start_redis_with_edge_user PORT: a redis-server in WORK (password PASSWORD) with the ACL user edge (password
# EDGE_PASSWORD) under EDGE_RULES, word for word the Ansible redis role's rules (ansible/tests/10-static.sh keeps them
# equal to devstack's Appliance.EDGE_REDIS_RULES and dmz-api's EdgeAclIntegrationTests).
start_redis_with_edge_user() {
    PASSWORD="bench-$(random_hex 12)"
    EDGE_PASSWORD="edge-$(random_hex 12)"
    EDGE_RULES="$(sed -n 's/^user {{ redis__edge_user }} \(.*\) >{{ redis__edge_password }}$/\1/p' \
        "$ROOT/ansible/roles/redis/templates/etc/redis/redis.conf.j2")"
    [ -n "$EDGE_RULES" ] || { echo "no edge user in ansible/roles/redis/templates/etc/redis/redis.conf.j2" >&2; exit 2; }
    (umask 077; printf 'port %s\nbind 127.0.0.1\nrequirepass %s\nuser edge %s >%s\nsave ""\nappendonly no\ndaemonize no\n' \
        "$1" "$PASSWORD" "$EDGE_RULES" "$EDGE_PASSWORD" > "$WORK/redis.conf")
    redis-server "$WORK/redis.conf" >"$WORK/redis.log" 2>&1 &
    PIDS+=($!)
}

# start_edge JAR EDGE_PORT REDIS_PORT UPSTREAM_PORT [ARGUMENT...]: one dmz-api node, counting in the Redis of
# start_redis_with_edge_user as the user edge, in front of the upstream; its log in WORK/edge.log, its PID in EDGE_PID.
# EDGE_JAVA_OPTIONS (an array) overrides the heap of 512 MB.
start_edge() {
    local jar="$1" edge_port="$2" redis_port="$3" upstream_port="$4"
    shift 4
    "$JAVA" "${EDGE_JAVA_OPTIONS[@]:--Xmx512m}" -jar "$jar" --server.port="$edge_port" \
        --spring.data.redis.port="$redis_port" --spring.data.redis.username=edge --spring.data.redis.password="$EDGE_PASSWORD" \
        --onshore.gateway.internal-was-url="http://127.0.0.1:$upstream_port" \
        --onshore.gateway.keycloak-url="http://127.0.0.1:$upstream_port" "$@" >"$WORK/edge.log" 2>&1 &
    EDGE_PID=$!
    PIDS+=($EDGE_PID)
}

# await TRIES COMMAND...: runs COMMAND every 0.5 s until it succeeds, at most TRIES times; fails if it never did.
await() {
    local tries="$1"
    shift
    for _ in $(seq 1 "$tries"); do
        "$@" 2>/dev/null && return 0
        sleep 0.5
    done
    return 1
}

# ms LATENCY [DECIMALS]: wrk's latency ("812.00us", "3.41ms", "1.02s") in milliseconds, 1 decimal unless told.
ms() {
    awk -v v="$1" -v d="${2:-1}" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%." d "f", n }'
}

share() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f %%", (b > 0 ? 100 * a / b : 0) }'; }

# measure CONNECTIONS NAME WRK-ARGUMENT... -> "req/s p50 p99 timeouts non2xx" (ms), wrk with MANY_SHOPPERS for
# SECONDS_EACH; a measurement with a non-2xx answer or a socket error is noted in $FAILURES (see start_failures).
measure() {
    local c="$1" name="$2" out
    shift 2
    out=$(wrk -t2 -c"$c" -d"${SECONDS_EACH}s" --latency -s "$MANY_SHOPPERS" "$@")
    local rps p50 p99 timeouts non2xx socket
    rps=$(awk '/Requests\/sec/ { printf "%d", $2 }' <<<"$out")
    p50=$(awk '$1 == "50%" { print $2 }' <<<"$out")
    p99=$(awk '$1 == "99%" { print $2 }' <<<"$out")
    timeouts=$(awk '/Socket errors/ { gsub(",", ""); print $NF }' <<<"$out")
    non2xx=$(awk '/Non-2xx/ { print $NF }' <<<"$out")
    socket=$(awk '/Socket errors/ { gsub(",", ""); print $4 + $6 + $8 + $10 }' <<<"$out")
    if [ "${non2xx:-0}" != 0 ] || [ "${socket:-0}" != 0 ]; then
        echo "$c connections $name: ${non2xx:-0} non-2xx; socket errors: $(awk '/Socket errors/ { sub(/^ *Socket errors: /, ""); print }' <<<"$out")" >>"$FAILURES"
    fi
    echo "$rps $(ms "$p50") $(ms "$p99") ${timeouts:-0} ${non2xx:-0}"
}

# start_failures: FAILURES, where measure notes the measurements with errors (in WORK: see start_work).
start_failures() {
    start_work
    FAILURES="$WORK/failures"
    : >"$FAILURES"
}

# report_failures: lists the measurements with errors, if any, and then exits 1 unless ALLOW_ERRORS=1.
report_failures() {
    if [ -s "$FAILURES" ]; then
        echo
        echo "measurements with errors (the figures above are not a clean result):" >&2
        sed 's/^/  /' "$FAILURES" >&2
        [ "${ALLOW_ERRORS:-0}" = 1 ] || exit 1
    fi
}
