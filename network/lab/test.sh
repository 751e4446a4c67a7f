#!/usr/bin/env bash
# Onshore network lab test: builds the lab (up.sh), asserts the zone design end to end, measures
# failover under load, tears everything down (down.sh) even on failure.
#
#   internet ──► edge fw/IPS ──► WAF (TLS, CRS) ──► DMZ L4 VIP ──► dmz-api ×2
#                                                        inner fw (DMZ → internal VIP:8081 only)
#                                                    internal L4 VIP ──► internal-was ×2
#   (full diagram: network/lab/up.sh)
#
# Prints PASS/FAIL/SKIP per check and "N passed, N failed, N skipped". Figures are written to
# $OSL_RESULTS (default /tmp/osl-lab-results.json) for docs/benchmarks.md.
set -uo pipefail
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# shellcheck source=../../scripts/suite.sh
. "$REPO/scripts/suite.sh"
# One lab per machine (fixed osl-* names).
suite_lock network-lab "$@"
suite_init lab
RESULTS="${OSL_RESULTS:-/tmp/osl-lab-results.json}"
TMP="$(mktemp -d /tmp/osl-labtest.XXXXXX)"

not() { ! "$@"; }
finish() {
    if [ "$FAILED" -gt 0 ] && [ -d "$STATE/logs" ]; then
        rm -rf /tmp/osl-lab-failed-logs && cp -r "$STATE/logs" /tmp/osl-lab-failed-logs
        echo "logs of the failed run kept in /tmp/osl-lab-failed-logs"
    fi
    "$HERE/down.sh" >/dev/null 2>&1 || true
    rm -rf "$TMP"
    suite_summary
}
trap finish EXIT
trap 'exit 130' INT TERM

echo '{}' > "$RESULTS"
record() { python3 - "$RESULTS" "$1" "$2" <<'EOF'
import json, sys
p, k, v = sys.argv[1:]
d = json.load(open(p))
try:
    d[k] = json.loads(v)
except ValueError:
    d[k] = v
json.dump(d, open(p, "w"), indent=1)
EOF
}

# up_failure ERROR_LINE: why up.sh failed, for the output of a CI run (where nothing else of the lab can be read): its
# ERROR line, the end of the log that line names (up.sh keeps the logs of a failed start in /tmp/osl-lab-failed-logs),
# the free space where the state lives.
up_failure() {
    local log
    if [ -n "$1" ]; then echo "     [lab] ERROR: $1"; else echo "     no ERROR line; up.sh ended with:"; tail -n 5 "$TMP/up.out" | sed 's/^/       /'; fi
    log="$(sed -n 's|.*(see [^ ]*/logs/\([^ )]*\.log\)).*|\1|p' <<< "$1")"
    if [ -n "$log" ] && [ -f "/tmp/osl-lab-failed-logs/$log" ]; then
        echo "     the end of $log:"
        tail -n 15 "/tmp/osl-lab-failed-logs/$log" | sed 's/^/       /'
    fi
    echo "     free space: $(df -h --output=avail,target "$(dirname "$STATE")" 2>/dev/null | tail -n 1)"
}
# The lab starts a dozen services at once on a busy machine; a start that fails is shown (up_failure) and tried once
# more. One failed in CI within 17 s and left nothing to read (stop 28). Both failing fails the check; a second try
# that came up says so in the check's line, with the first one's error.
up_errors=()
for try in 1 2; do
    "$HERE/up.sh" > "$TMP/up.out" 2>&1; up_rc=$?
    cat "$TMP/up.out"
    [ "$up_rc" = 0 ] && break
    up_errors+=("$(sed -n 's/^\[lab\] ERROR: //p' "$TMP/up.out" | head -n 1)")
    echo "     lab start $try of 2 failed:"
    up_failure "${up_errors[-1]}"
done
if [ "${#up_errors[@]}" = 2 ]; then
    fail "lab comes up (both starts failed, see above and /tmp/osl-lab-failed-logs)"
    exit 1
fi
pass "lab comes up ($(ip netns list | grep -c '^osl-') namespaces${up_errors:+; at the second start, the first failed: ${up_errors[0]:-no ERROR line}})"

# probe NS host:port... -> prints "host:port open|closed" for each, all in parallel (1.5 s timeout)
probe() {
    local n="$1"; shift
    ip netns exec "$n" python3 - "$@" <<'EOF'
import socket, sys, concurrent.futures as cf
def one(t):
    h, p = t.rsplit(":", 1)
    try:
        socket.create_connection((h, int(p)), 1.5).close()
        return t, "open"
    except OSError:
        return t, "closed"
with cf.ThreadPoolExecutor(32) as ex:
    for t, r in ex.map(one, sys.argv[1:]):
        print(t, r)
EOF
}
counter() { ip netns exec "$1" nft list counter inet "$2" "$3" | awk '/packets/ {print $2}'; }
all_closed() { local out; out="$(probe "$@")"; ! grep -q ' open$' <<<"$out" || { grep ' open$' <<<"$out" | sed 's/^/    unexpectedly open: /'; return 1; }; }
all_open() { local out; out="$(probe "$@")"; ! grep -q ' closed$' <<<"$out" || { grep ' closed$' <<<"$out" | sed 's/^/    unexpectedly closed: /'; return 1; }; }
inet_curl() { ip netns exec osl-inet curl -sk --max-time 10 "$@"; }
status_of() { inet_curl -o /dev/null -w '%{http_code}' "$@"; }

kind() { cat "$STATE/run/$1.kind" 2>/dev/null || echo stub; }
KIND_DMZ="$(kind dmz1)" KIND_WAS="$(kind was1)" KIND_KC="$(kind kc)" KIND_DATA="$(kind data)"
echo "     upstreams: dmz-api=$KIND_DMZ internal-was=$KIND_WAS admin=$(kind admin) keycloak=$KIND_KC mariadb/redis/kafka=$KIND_DATA (NAS: stub)"
record upstreams "{\"dmz-api\": \"$KIND_DMZ\", \"internal-was\": \"$KIND_WAS\", \"admin\": \"$(kind admin)\", \"keycloak\": \"$KIND_KC\", \"data\": \"$KIND_DATA\"}"
# The real storefront lives under a market path; the stand-ins answer anything.
HOME_PATH=/; [ "$KIND_WAS" = real ] && HOME_PATH=/id-id/
STOREFRONT=(/id-id/ /id-id/p/HS-VITC-1000 "/id-id/search?q=vitamin")

# ---------------------------------------------------------------- exposure from the internet
check "internet: HTTPS on the public VIP answers 200 for $HOME_PATH through WAF, L4, dmz-api ($KIND_DMZ), internal L4, WAS ($KIND_WAS)" \
    test "$(status_of "https://203.0.113.10$HOME_PATH")" = 200
check "internet: HTTP :80 only redirects to HTTPS (301)" test "$(status_of http://203.0.113.10/p/1)" = 301
before="$(counter osl-edge onshore_edge forward_dropped)"
VIP_PORTS=(22 8080 8081 8082 8090 8180 9000 3306 6379 26379 9092 9093 2049 8405)
check "internet: every other port on the public VIP is closed (${VIP_PORTS[*]})" \
    all_closed osl-inet "${VIP_PORTS[@]/#/203.0.113.10:}"
INSIDE=(10.20.0.10:8080 10.20.0.21:8080 10.20.0.22:8080 10.20.0.2:8405 10.30.0.10:8081 10.30.0.21:8081
        10.30.0.30:8082 10.30.0.40:8180 10.30.0.40:9000 10.30.0.51:3306 10.30.0.52:3306 10.30.0.60:6379
        10.30.0.60:26379 10.30.0.70:9092 10.30.0.70:9093 10.30.0.80:2049 10.30.0.80:25 10.40.0.10:22)
check "internet: DMZ, internal and ops hosts unreachable (${#INSIDE[@]} targets: gateway, L4, WAS, admin, Keycloak+mgmt, MariaDB, Redis+Sentinel, Kafka, NAS, mail relay)" \
    all_closed osl-inet "${INSIDE[@]}"
after="$(counter osl-edge onshore_edge forward_dropped)"
check "edge firewall counted the dropped probes (forward_dropped +$((after - before)) >= ${#INSIDE[@]})" test $((after - before)) -ge ${#INSIDE[@]}
for path in /admin /admin/products /actuator/health /actuator/env /realms/master/protocol/openid-connect/token \
            /realms/shoppers/admin/ /realms/operators/protocol/openid-connect/auth /api/admin/orders; do
    s="$(status_of "https://203.0.113.10$path")"
    case "$s" in 403 | 404) pass "internet: $path refused ($s)" ;; *) fail "internet: $path answered $s" ;; esac
done

# ---------------------------------------------------------------- TLS
tls() { ip netns exec osl-inet openssl s_client -connect 203.0.113.10:443 -servername shop.onshore.test "$@" </dev/null >/dev/null 2>&1; }
check "TLS 1.3 accepted" tls -tls1_3
check "TLS 1.2 accepted" tls -tls1_2
check "TLS 1.1 refused by the server" not tls -tls1_1 -cipher 'DEFAULT:@SECLEVEL=0'
check "TLS 1.0 refused by the server" not tls -tls1 -cipher 'DEFAULT:@SECLEVEL=0'
check "HSTS header on HTTPS responses" bash -c "ip netns exec osl-inet curl -sk -D - -o /dev/null https://203.0.113.10$HOME_PATH | grep -qi '^strict-transport-security: max-age=63072000'"

# ---------------------------------------------------------------- DMZ -> internal
check "DMZ (dmz-api node): internal L4 VIP :8081 reachable" all_open osl-dmz1 10.30.0.10:8081
before="$(counter osl-ifw onshore_inner dmz_to_redis)"
check "DMZ (dmz-api nodes): Redis :6379 and Sentinel :26379 reachable (row 12: rate limits, waiting room)" \
    all_open osl-dmz1 10.30.0.60:6379 10.30.0.60:26379
check "DMZ (dmz-api node 2): Redis :6379 and Sentinel :26379 reachable" all_open osl-dmz2 10.30.0.60:6379 10.30.0.60:26379
after="$(counter osl-ifw onshore_inner dmz_to_redis)"
check "inner firewall counted the dmz-api nodes' Redis connections (dmz_to_redis +$((after - before)) >= 4)" test $((after - before)) -ge 4
DENY=(10.30.0.21:8081 10.30.0.22:8081 10.30.0.30:8082 10.30.0.40:8180 10.30.0.40:9000 10.30.0.51:3306
      10.30.0.52:3306 10.30.0.70:9092 10.30.0.70:9093 10.30.0.80:2049
      10.30.0.80:25 10.30.0.10:22 10.30.0.2:8405 10.40.0.10:22)
check "DMZ (dmz-api node, host fw + inner fw): nothing else internal reachable (${#DENY[@]} targets)" all_closed osl-dmz1 "${DENY[@]}"
DENY+=(10.30.0.60:6379 10.30.0.60:26379)
before="$(counter osl-ifw onshore_inner dmz_denied)"
check "DMZ (L4 node, inner fw alone): nothing internal but the VIP reachable, Redis neither (only the dmz-api nodes may)" all_closed osl-dlb1 "${DENY[@]}"
after="$(counter osl-ifw onshore_inner dmz_denied)"
check "inner firewall counted the denied DMZ probes (dmz_denied +$((after - before)) >= ${#DENY[@]})" test $((after - before)) -ge ${#DENY[@]}
for path in /actuator/health /realms/master/ /admin/ /admin-api/orders; do
    s="$(ip netns exec osl-dmz1 curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://10.30.0.10:8081$path")"
    check "DMZ: internal L4 refuses $path from the DMZ ($s)" test "$s" = 404
done
check "operators' network: admin :8082 and Keycloak :8180 reachable" all_open osl-ops 10.30.0.30:8082 10.30.0.40:8180
check "operators' network: Keycloak management :9000 and data ports closed" \
    all_closed osl-ops 10.30.0.40:9000 10.30.0.51:3306 10.30.0.60:6379 10.30.0.70:9092

# ---------------------------------------------------------------- the real internal services
if [ "$KIND_WAS" = real ]; then
    # shellcheck source=real.sh
    . "$HERE/real.sh"
    # Once: one successful row per migration the jar carries, no version twice, no failed row.
    jar_migrations="$(unzip -Z1 "$(lab_jar internal-was)" 2>/dev/null | grep -cE '(^|/)db/migration/V[^/]*\.sql$')"
    # SQL migrations only: the jar's file count is theirs (a Java migration, type JDBC, is a class, not a .sql file);
    # a failed migration of either kind still fails the check.
    flyway="$(db_query "SELECT SUM(success = 1 AND type = 'SQL'), COUNT(DISTINCT CASE WHEN type = 'SQL' THEN version END), SUM(success = 0) FROM flyway_schema_history WHERE version IS NOT NULL" 2>/dev/null | tr '\t' ' ')"
    p="$(db_query "SELECT COUNT(*) FROM product" 2>/dev/null)"
    check "MariaDB (real, 10.30.0.51): Flyway applied each of the jar's $jar_migrations migrations exactly once for both WAS nodes (applied, distinct versions, failed: $flyway), demo catalog has $p products" \
        test "$flyway" = "$jar_migrations $jar_migrations 0" -a "$jar_migrations" -gt 0 -a "${p:-0}" -gt 0
    semi="$(status_of_db RPL_SEMI_SYNC_MASTER_STATUS)/$(status_of_db RPL_SEMI_SYNC_MASTER_CLIENTS)"
    acked="$(status_of_db RPL_SEMI_SYNC_MASTER_YES_TX)" unacked="$(status_of_db RPL_SEMI_SYNC_MASTER_NO_TX)"
    check "MariaDB primary: semi-sync ON with 1 replica (status/clients $semi), $acked commits acknowledged by the replica, $unacked without" \
        test "$semi" = ON/1 -a "${unacked:-1}" = 0
    same_gtid() { [ "$(db_query 'SELECT @@gtid_binlog_pos')" = "$(db_query 'SELECT @@gtid_slave_pos' 10.30.0.52)" ]; }
    end=$((SECONDS + 10)); until same_gtid || [ $SECONDS -ge $end ]; do sleep 0.3; done
    rp="$(db_query "SELECT COUNT(*) FROM product" 10.30.0.52 2>/dev/null)"
    replica_equal() { [ "$rp" = "$p" ] && same_gtid; }
    check "MariaDB replica (real, 10.30.0.52): same GTID as the primary ($(db_query 'SELECT @@gtid_slave_pos' 10.30.0.52)), $rp products" \
        replica_equal
    replica_read_only() { ! db_query "CREATE TABLE lab_write_probe (id INT)" 10.30.0.52 2>/dev/null; }
    check "MariaDB replica refuses writes from the app user (read_only)" replica_read_only
    check "Redis (real, 10.30.0.60): Redis and Sentinel answer PONG to the default user's password on the Redis host" redis_ping
    check "Redis and Sentinel: refuse commands without the password (NOAUTH)" bash -c \
        "ip netns exec osl-redis redis-cli -h 10.30.0.60 ping 2>&1 | grep -q NOAUTH && ip netns exec osl-redis redis-cli -h 10.30.0.60 -p 26379 ping 2>&1 | grep -q NOAUTH"
    # internal-was has no Redis client (docs/security/redis-acl.md): no Redis secret, and its hosts cannot reach Redis.
    was_without_redis() {
        ! ls "$REAL_SECRETS/internal-was/" | grep -i redis || { echo "internal-was holds a Redis secret"; return 1; }
        local pid jpid; pid="$(cat "$STATE/pids/was1")"; jpid="$(pgrep -P "$pid" | head -1)"; jpid="${jpid:-$pid}"
        [ -r "/proc/$jpid/cmdline" ] && ! grep -a -q "spring.data.redis" "/proc/$jpid/cmdline" || { echo "was1 ($jpid) is started with Redis settings"; return 1; }
        all_closed osl-was1 10.30.0.60:6379 10.30.0.60:26379
    }
    check "internal-was: no Redis password or settings, and its nodes cannot reach Redis or Sentinel (Redis host firewall)" was_without_redis
    # The hop key: generated for this run (0600), the same bytes in dmz-api's and internal-was's configtree, and
    # both WAS nodes started with it (without one they log that no request will carry a shopper context).
    hop_wired() {
        local f
        for f in "$REAL_SECRETS/hop-key" "$REAL_SECRETS/dmz-api/onshore.hop.key" \
            "$REAL_SECRETS/internal-was/onshore.hop.keys.current"; do
            [ "$(stat -c %a "$f" 2>/dev/null)" = 600 ] || { echo "$f missing or not 0600"; return 1; }
        done
        cmp -s "$REAL_SECRETS/dmz-api/onshore.hop.key" "$REAL_SECRETS/internal-was/onshore.hop.keys.current" \
            || { echo "dmz-api and internal-was hold different hop keys"; return 1; }
        ! grep -l "No hop key" "$STATE/logs/was1.log" "$STATE/logs/was2.log"
    }
    check "hop key: generated for this lab run (0600), dmz-api signs with the key both internal-was nodes accept" hop_wired
    # A site change (a market no page uses) is sent; each WAS node's cms follower must consume it and commit past it.
    # The broker creates no topic on first use (like the kafka role's): the topic exists only because internal-was
    # created its events' topics at start (KafkaTopics), else the send times out.
    offsets="$(kafka_probe 10.30.0.70:9092 onshore.cms.site-changed onshore-was-cms- 2 2>&1)"; rc=$?
    echo "$offsets" | grep '^offsets:' | sed 's/^/     /'
    check "Kafka (real, 10.30.0.70 KRaft, no auto-created topics): a record sent to onshore.cms.site-changed (a topic internal-was created) is consumed and its offset committed by both WAS nodes' consumer groups" \
        test $rc = 0
    check "Keycloak (real): shoppers' JWKS through the internal VIP from the DMZ" bash -c \
        "ip netns exec osl-dmz1 curl -fsS --max-time 10 http://10.30.0.10:8081/realms/shoppers/protocol/openid-connect/certs | grep -q '\"kty\"'"
    check "Keycloak (real): operators' realm and admin console answer on the operators' network" bash -c \
        "ip netns exec osl-ops curl -fsS -o /dev/null --max-time 10 http://10.30.0.40:8180/realms/operators/.well-known/openid-configuration && ip netns exec osl-ops curl -fsS -o /dev/null --max-time 10 http://10.30.0.40:8180/admin/master/console/"
    s="$(ip netns exec osl-dmz1 curl -s -o /dev/null -w '%{http_code}' --max-time 5 http://10.30.0.10:8081/admin/master/console/)"
    check "Keycloak admin console refused from the DMZ through the internal VIP ($s)" test "$s" = 404
    check "admin (real): ready on the operators' network" \
        ip netns exec osl-ops curl -fsS -o /dev/null --max-time 10 http://10.30.0.30:8082/actuator/health/readiness
    # Logins the way browsers do them, against the real Keycloak: an operator from the operators' network
    # (password + TOTP, wrong code refused), a shopper from the internet through WAF, L4 and gateway.
    out="$(ip netns exec osl-ops python3 "$HERE/login.py" operator --admin http://10.30.0.30:8082 --user operator \
        --password-file "$STATE/secrets/demo-operator-password" --totp-file "$STATE/secrets/demo-operator-totp-key" \
        --expect HS-VITC-1000 2>&1)"; rc=$?
    echo "$out" | sed 's/^/     /'
    check "operator login (real OIDC): password, then TOTP (a wrong code refused), then the admin's catalog" test $rc = 0
    out="$(ip netns exec osl-inet python3 "$HERE/login.py" shopper --public https://shop.onshore.test \
        --resolve shop.onshore.test:203.0.113.10 --client onshore-storefront --redirect https://shop.onshore.test/ \
        --user shopper@onshore.test --password-file "$STATE/secrets/demo-shopper-password" 2>&1)"; rc=$?
    echo "$out" | sed 's/^/     /'
    check "shopper login from the internet through WAF + gateway (code + PKCE, credentials POST not blocked, issuer public)" test $rc = 0
    for path in "${STOREFRONT[@]}"; do
        body="$(inet_curl -w '\n%{http_code}' "https://203.0.113.10$path")"
        st="${body##*$'\n'}"
        title="$(grep -o '<title>[^<]*' <<<"$body" | head -1 | sed 's/<title>//')"
        check "storefront (real) from the internet: $path -> $st \"$title\"" test "$st" = 200 -a -n "$title"
    done
    # The gateways keep their rate limits and waiting room in Redis as the ACL user edge (docs/security/redis-acl.md),
    # found through the Sentinel as in production: every client of Redis and of the Sentinel is a dmz-api node as
    # edge, or the Redis host itself (replication, Sentinel, this redis-cli); nobody uses the default user remotely.
    edge_clients() { # PORT -> prints "addr user" of each client; fails unless both gateways are edge and nothing else is remote
        local list; list="$(redis_cli "$1" client list)" || return 1
        awk '{for (i = 1; i <= NF; i++) {split($i, kv, "="); f[kv[1]] = kv[2]}; sub(/:[0-9]+$/, "", f["addr"]); print f["addr"], f["user"]}' <<<"$list" | sort | uniq -c
        awk '{for (i = 1; i <= NF; i++) {split($i, kv, "="); f[kv[1]] = kv[2]}; sub(/:[0-9]+$/, "", f["addr"]); a = f["addr"]; u = f["user"]
              if (a == "10.20.0.21" || a == "10.20.0.22") { if (u != "edge") bad = 1; seen[a] = 1 } else if (a != "10.30.0.60") bad = 1 }
             END { exit (bad || !seen["10.20.0.21"] || !seen["10.20.0.22"]) }' <<<"$list"
    }
    out="$(edge_clients 6379)"; rc=$?; echo "$out" | sed 's/^/     redis clients: /'
    check "Redis: both dmz-api nodes connected as the ACL user edge (CLIENT LIST), no other remote client" test $rc = 0
    out="$(edge_clients 26379)"; rc=$?; echo "$out" | sed 's/^/     sentinel clients: /'
    check "Sentinel: both dmz-api nodes ask it for the primary as the ACL user edge, no other remote client" test $rc = 0
    # Rate limits on: one address over the login class's production limit (30 a minute) gets 429 with Retry-After
    # from the gateway, through WAF and L4, and the count lives in Redis (rl:*). .88 is used for nothing else.
    login_limited() {
        local i st=
        for i in $(seq 1 70); do
            st="$(ip netns exec osl-inet curl -sk -o /dev/null -D "$TMP/rl-headers" -w '%{http_code}' --max-time 10 \
                --interface 198.51.100.88 -H 'Accept: text/html' \
                "https://203.0.113.10/realms/shoppers/protocol/openid-connect/auth?client_id=onshore-storefront&response_type=code&scope=openid")"
            # No redirect_uri: an absolute URL in a parameter, with the lab's numeric Host, scores 8 at the WAF (931130 +
            # 920350) and is refused there (403), and ten refusals get .88 banned (000). Either ends the probe at once.
            case "$st" in 429 | 403 | 000) break ;; esac
        done
        echo "request $i answered $st; $(grep -i '^retry-after' "$TMP/rl-headers" | tr -d '\r')"
        [ "$st" = 429 ] && [ "$i" -gt 30 ] && grep -qi '^retry-after: [0-9]' "$TMP/rl-headers" &&
            [ -n "$(redis_cli 6379 --scan --pattern 'rl:*' | head -1)" ]
    }
    out="$(login_limited)"; rc=$?
    check "rate limits on: the 31st login request in a minute from one internet address gets 429 with Retry-After from the gateway ($out), counted in Redis (rl:*)" test $rc = 0
    wr="$(inet_curl -o /dev/null -w '%{http_code} %{content_type}' "https://203.0.113.10/waiting-room/waiting-room.js")"
    check "waiting room on: the gateway answers its own /waiting-room/waiting-room.js from the internet ($wr)" \
        bash -c '[[ "$1" == "200 text/javascript"* ]]' _ "$wr"
fi

# ---------------------------------------------------------------- WAF through the whole chain
CRS="${OSL_CRS_TESTS:-$REPO/../shared/crs-regression}"
if [ -d "$CRS" ]; then
    out="$(ip netns exec osl-inet python3 "$NET/waf/crs-replay.py" replay --mode blocking --paranoia 2 \
        --tests "$CRS" --target 203.0.113.10:443 --tls --source 198.51.100.77 --sample 4 --jobs 6 \
        --min-rate 99 --json-out "$TMP/crs.json" 2>&1)"
    rc=$?
    echo "$out" | sed 's/^/     /' | head -12
    record crs_sample "$(cat "$TMP/crs.json" 2>/dev/null || echo null)"
    check "WAF blocks >= 99% of a CRS regression sample (every 4th PL<=2 attack test) sent from the internet" test $rc = 0
else
    skip "WAF CRS sample: $CRS not found"
fi
python3 "$NET/waf/benign-corpus.py" --count 6000 --seed 424242 --out "$TMP/benign.jsonl"
out="$(ip netns exec osl-inet python3 "$NET/waf/crs-replay.py" benign --corpus "$TMP/benign.jsonl" \
    --sample 20 --target 203.0.113.10:443 --tls --source 198.51.100.77 --jobs 6 \
    --audit-log "$STATE/logs/waf/modsec_audit.json" 2>&1)"
rc=$?
echo "$out" | sed 's/^/     /' | head -8
record benign_lab "\"$(echo "$out" | grep -o 'requests=[0-9]* false_positives=[0-9]*')\""
if [ "$KIND_WAS" = real ]; then
    # A shopper's browse of the real pages in several languages: every answer must be the shop's 200.
    codes="$(for lang in id-ID en-US ko-KR zh-CN ms-MY th-TH; do for path in "${STOREFRONT[@]}" "/id-id/search?q=%EB%B9%84%ED%83%80%EB%AF%BC" \
        "/id-id/search?q=vitamin+c+1000mg" "/id-id/search?q=O%27Reilly"; do
        inet_curl -o /dev/null -w '%{http_code}\n' -H "Accept-Language: $lang" "https://203.0.113.10$path"; done; done | sort | uniq -c | tr -s ' ' | tr '\n' ';')"
    echo "     real storefront browse: status counts $codes"
    record browse_real "\"$codes\""
    check "real storefront browse (36 page views: home, product, searches in 6 languages): all 200, 0 false positives" \
        test "$codes" = " 36 200;"
fi
check "WAF passes 300 benign storefront requests (1 in 20 of a fresh 6,000 corpus (browse, search, cart, checkout, login) with 0 false positives; a 403 counts as the shop's only when the WAF's audit log, which must exist, has it without a blocking rule)" test $rc = 0

# ---------------------------------------------------------------- IPS
for i in $(seq 1 14); do
    ip netns exec osl-inet curl -sk -o /dev/null --max-time 3 --interface 198.51.100.66 \
        "https://203.0.113.10/search?q=1%27%20or%20%271%27%3D%271%20union%20select%20password%20from%20users--"
done
# The whole listing first, then the match: nft writes its listing in many small writes, so `nft ... | grep -q` under
# pipefail fails whenever grep has found the address and exited before nft's last write (SIGPIPE). Under load that
# said "not banned" 3 times in 1,500 reads of a set holding the address, and failed this check once in a CI rehearsal.
banned() {
    local set
    set="$(ip netns exec osl-edge nft list set inet onshore_edge ips_ban 2>/dev/null)"
    [[ $set == *198.51.100.66* ]]
}
# fail2ban polls the WAF's log and bans on its own time: on a loaded machine that took longer than a fixed 20 s
# although the ban came. Wait for the ban itself while the IPS lives, up to a generous bound (OSL_IPS_BAN_S).
ips_alive() { kill -0 "$(cat "$STATE/pids/ips-fail2ban")" 2>/dev/null; }
banned_or_ips_gone() { banned || ! ips_alive; }
waited_from=$SECONDS
poll "${OSL_IPS_BAN_S:-180}" banned_or_ips_gone
ban_wait=$((SECONDS - waited_from))
logged="$(grep -c '^198\.51\.100\.66 ' "$STATE/logs/waf/access.log" 2>/dev/null || true)"
banned || { ips_alive || echo "     the IPS (fail2ban) is gone"
    ip netns exec osl-edge fail2ban-client -s "$STATE/run/fail2ban/fail2ban.sock" status onshore-waf 2>&1 | sed 's/^/     /'; }
check "IPS: attacker banned into the edge ips_ban set after repeated WAF refusals (${logged:-0} of its requests in the WAF log, waited ${ban_wait} s)" banned
before="$(counter osl-edge onshore_edge ips_dropped)"
s="$(ip netns exec osl-inet curl -sk -o /dev/null -w '%{http_code}' --max-time 3 --interface 198.51.100.66 https://203.0.113.10/)"
after="$(counter osl-edge onshore_edge ips_dropped)"
check "IPS: banned source gets no answer and the drop is counted (status '$s', ips_dropped +$((after - before)))" \
    test "$s" = 000 -a $((after - before)) -gt 0
check "IPS: other shoppers unaffected" test "$(status_of "https://203.0.113.10$HOME_PATH")" = 200

# ---------------------------------------------------------------- failover under load
LOAD_ARGS=()
# With the real shop every 4th iteration of a worker is a real purchase (cart, order with an Idempotency-Key,
# sandbox payment); each acknowledged order goes to the ledger, checked against MariaDB after the drills.
LEDGER="$TMP/orders.jsonl"
[ "$KIND_WAS" = real ] && LOAD_ARGS=(--paths "$(IFS=,; echo "${STOREFRONT[*]}")" --post-every 0 \
    --checkout-every 4 --ledger "$LEDGER")
# Enough stock for every purchase of every drill: the demo's units of the two SKUs went in the first two drills,
# and every later purchase was refused ("cart 409", insufficient stock), so the kill -9 drills had no checkout in
# flight to lose or duplicate.
if [ "$KIND_WAS" = real ]; then
    db_query "UPDATE stock SET available = GREATEST(available, 1000000) WHERE sku IN ('HS-VITC-1000', 'HS-VITD-2000')"
fi
load() { ip netns exec osl-inet python3 "$HERE/load.py" --threads 6 --duration "${LOAD_S:-12}" "${LOAD_ARGS[@]}" "$@"; }
lb_stat() { # NS -> total retries and redispatches on the holder's backend
    local px=was_nodes; [[ "$1" == osl-dlb* ]] && px=dmz_api_nodes
    echo "$(lb_stat_field "$1" "$px" BACKEND wretr) retries, $(lb_stat_field "$1" "$px" BACKEND wredis) redispatches"
}
# killed_under_load LOAD_JSON PID: load.py did send the signal mid-run (killed_at_s a number, not "pid-gone" or
# null), the process is gone, and no request failed.
killed_under_load() {
    python3 -c 'import json,sys; t=json.loads(sys.argv[1])["killed_at_s"]; sys.exit(0 if isinstance(t, (int, float)) else 1)' "$1" \
        || { echo "no kill during the load: killed_at_s=$(json_of "$1" killed_at_s)"; return 1; }
    ! kill -0 "$2" 2>/dev/null || { echo "pid $2 still alive after the kill"; return 1; }
    [ "$(failed_of "$1")" = 0 ]
}
holder() { local t="$1"; for i in 1 2; do ip -n "osl-${t}lb$i" -4 -o addr show dev eth0 | grep -q " 10.${2}.0.10/" && echo "osl-${t}lb$i"; done; }

baseline="$(load --duration 6)"
echo "     baseline: $baseline"
record load_baseline "$baseline"
json_of() { python3 -c "import json,sys;print(json.loads(sys.argv[1])[sys.argv[2]])" "$1" "$2"; }
failed_of() { json_of "$1" failed; }
check "baseline load: 0 failed requests" test "$(failed_of "$baseline")" = 0

# Rolling restart of the internal-was tier under load, node by node, the way playbooks/rolling-update.yml
# does it in production: drain the node on both internal balancers, wait until its sessions are gone, stop
# it (SIGTERM: graceful), start it, gate on readiness, put it back, wait until both balancers see it UP.
drained() { local lb; for lb in osl-ilb1 osl-ilb2; do [ "$(lb_stat_field "$lb" was_nodes "$1" scur)" = 0 ] || return 1; done; }
serving() { local lb; for lb in osl-ilb1 osl-ilb2; do [ "$(lb_stat_field "$lb" was_nodes "$1" status)" = UP ] || return 1; done; }
# not_ready NODE: why a restarted node is not ready, on stderr (the suite's log): its log's last lines and where
# its main thread is (a start that hangs shows there).
not_ready() {
    local pid jpid
    pid="$(cat "$STATE/pids/$1")"; jpid="$(pgrep -P "$pid" | head -1)"; jpid="${jpid:-$pid}"
    { echo "     $1 not ready: last log lines"; tail -n 15 "$STATE/logs/$1.log" | cut -c1-300 | sed 's/^/       /'
      echo "     $1 main thread:"; "$JAVA_HOME/bin/jcmd" "$jpid" Thread.print 2>&1 \
        | awk '/^"main"/{p=1} p&&/^$/{exit} p' | head -n 40 | sed 's/^/       /'; } >&2
}
roll_was() { # NODE SERVER IP -> prints the seconds the node was out of rotation; 1 on a failed step
    local node="$1" server="$2" ip="$3" t0=$SECONDS lb pid jpid
    for lb in osl-ilb1 osl-ilb2; do lb_cmd "$lb" "set server was_nodes/$server state drain" >/dev/null; done
    poll 30 drained "$server" || { echo "sessions on $server did not drain"; return 1; }
    pid="$(cat "$STATE/pids/$node")"; jpid="$(pgrep -P "$pid" | head -1)"; jpid="${jpid:-$pid}"
    kill -TERM "$jpid"
    poll 60 not kill -0 "$jpid" || { echo "$node did not stop on SIGTERM"; return 1; }
    start_was "$node" "osl-$node" "$ip"
    # A restarted node on the lab's 2 shared cores (11 JVMs, the ansible suite converging beside it) took 250-290 s
    # to be ready (CI once missed 300 s); production nodes start in about a tenth of that.
    poll 540 http_ok osl-ilb1 "http://$ip:8081/actuator/health/readiness" || { echo "$node not ready"; not_ready "$node"; return 1; }
    for lb in osl-ilb1 osl-ilb2; do lb_cmd "$lb" "set server was_nodes/$server state ready" >/dev/null; done
    poll 30 serving "$server" || { echo "$server not UP on both balancers"; return 1; }
    echo $((SECONDS - t0))
}
if [ "$KIND_WAS" = real ]; then
    rm -f "$TMP/rolled"
    load --duration 1500 --until-file "$TMP/rolled" > "$TMP/rolling.json" &
    lpid=$!
    sleep 2
    # One node at a time, and never the second while the first is not back (max_fail_percentage: 0).
    w1="$(roll_was was1 was-1 10.30.0.21)"; rc1=$?
    w2="not rolled" rc2=1
    [ $rc1 = 0 ] && { w2="$(roll_was was2 was-2 10.30.0.22)"; rc2=$?; }
    sleep 2
    touch "$TMP/rolled"
    wait "$lpid"
    r="$(cat "$TMP/rolling.json")"
    echo "     rolling restart of internal-was under load: was1 out of rotation ${w1} s, was2 ${w2} s; $r"
    record rolling_restart_was "{\"was1_s\": \"$w1\", \"was2_s\": \"$w2\", \"load\": $r}"
    check "rolling restart of both internal-was nodes (drain on both L4, SIGTERM, start, readiness gate, undrain) under load: $(failed_of "$r") of $(json_of "$r" total) requests failed, $(json_of "$r" retried_in_flight) retried in flight" \
        test "$rc1$rc2" = 00 -a "$(failed_of "$r")" = 0
fi

for target in dmz1 was1; do
    pid="$(cat "$STATE/pids/$target")"
    kind="$(cat "$STATE/run/$target.kind")"
    # The java/python process is the child of "ip netns exec"; find the real listener pid.
    real_pid="$(pgrep -P "$pid" | head -1)"; real_pid="${real_pid:-$pid}"
    if [ "$target" = dmz1 ]; then h="$(holder d 20)"; else h="$(holder i 30)"; fi
    r="$(load --kill-pid "$real_pid" --kill-at 3)"
    echo "     kill -9 $target ($kind, pid $real_pid) under load: $r; L4 ($h): $(lb_stat "$h")"
    record "kill_$target" "$r"
    f="$(failed_of "$r")" rt="$(json_of "$r" retried_in_flight)" at="$(json_of "$r" killed_at_s)"
    check "kill -9 one $( [ "$target" = dmz1 ] && echo dmz-api || echo internal-was ) node ($kind, pid $real_pid) under load: killed at ${at} s and gone, $f failed requests ($rt in flight, retried once by the client; the L4 retried the rest)" \
        killed_under_load "$r" "$real_pid"
done

# L4 node loss: stop HAProxy on the VIP holder; keepalived moves the VIP to the peer.
h="$(holder d 20)"
hpid="$(cat "$STATE/pids/${h#osl-}-haproxy")"
hpid_real="$(pgrep -P "$hpid" | head -1)"; hpid_real="${hpid_real:-$hpid}"
r="$(load --kill-pid "$hpid_real" --kill-at 3 --duration 12)"
nh="$(holder d 20)"
echo "     kill -9 HAProxy on $h (VIP holder) under load: $r; VIP now on $nh"
record kill_dmz_l4_holder "$r"
check "DMZ L4 node loss: HAProxy (pid $hpid_real) killed at $(json_of "$r" killed_at_s) s under load, VIP moved from $h to $nh" \
    bash -c '[ -n "$1" ] && [ "$1" != "$2" ] && [[ "$3" =~ ^[0-9.]+$ ]] && ! kill -0 "$4" 2>/dev/null' _ "$nh" "$h" "$(json_of "$r" killed_at_s)" "$hpid_real"
f="$(failed_of "$r")"
total="$(python3 -c "import json,sys;print(json.loads(sys.argv[1])['total'])" "$r")"
# Connections on the dead balancer are lost (no connection state sync) and new ones fail until
# keepalived moves the VIP: the closed-loop clients retry at once, so count the outage window.
win="$(python3 -c "import json,sys;print(json.loads(sys.argv[1])['outage_s'])" "$r")"
check "DMZ L4 node loss: outage window ${win}s, $f of $total requests failed (bound: window <= 3 s)" \
    python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) <= 3.0 else 1)" "$win"

if [ "$KIND_DMZ" = stub ]; then
    skip "real dmz-api in the lab: dmz-api/target/dmz-api.jar absent (run ./mvnw -DskipTests package); the checks above ran on stand-ins"
fi
if [ "$KIND_WAS" = stub ]; then
    skip "real internal-was/admin/Keycloak/MariaDB/Redis/Kafka in the lab: $(cat "$STATE/run/real-missing" 2>/dev/null || echo 'not available') (stand-ins used; build with ./mvnw -DskipTests package)"
else
    # Every order the shop acknowledged (201) during the drills above is in MariaDB exactly once, and no
    # purchase (one e-mail address each) became two orders, whatever node or balancer died under it.
    acked="$(grep -c . "$LEDGER" 2>/dev/null || echo 0)"
    numbers="$(python3 -c 'import json,sys; print(",".join("\x27%s\x27" % json.loads(l)["number"] for l in open(sys.argv[1]) if l.strip()))' "$LEDGER" 2>/dev/null)"
    found="$( [ -n "$numbers" ] && db_query "SELECT COUNT(*) FROM shop_order WHERE number IN ($numbers)" || echo 0)"
    # The e-mail address is encrypted at rest (a LIKE on it matched nothing: "0 placed, 0 duplicated" whatever
    # happened); a guest order also carries its address's blind index, and every purchase of load.py has an address
    # of its own. So: the guest orders placed since a minute before the first acknowledged one, and how many
    # addresses they have between them.
    dup=0 placed=0 paid=0
    if [ -n "$numbers" ]; then
        read -r placed distinct paid < <(db_query "SELECT COUNT(*), COUNT(DISTINCT email_index), COALESCE(SUM(status = 'PAID'), 0) FROM shop_order WHERE email_index IS NOT NULL AND placed_at >= (SELECT MIN(placed_at) - INTERVAL 1 MINUTE FROM shop_order WHERE number IN ($numbers))")
        dup=$((placed - distinct))
    fi
    lost=$((acked - found))
    # Placed but never answered: an order whose node died before answering and whose retries ran out.
    unanswered=$((placed - acked))
    echo "     checkouts under the drills: $acked acknowledged, $found of them in MariaDB, $placed orders placed in all ($unanswered never answered), $dup duplicated, $lost lost, $paid paid"
    record checkouts_under_drills "{\"acknowledged\": $acked, \"found\": $found, \"placed\": $placed, \"unanswered\": $unanswered, \"duplicated\": $dup, \"lost\": $lost, \"paid\": $paid}"
    check "checkouts under load through the drills (rolling restart, kill -9 dmz-api, kill -9 internal-was, DMZ L4 loss): $acked orders acknowledged, 0 lost ($lost), 0 duplicated ($dup) in the lab's MariaDB" \
        test "$acked" -gt 0 -a "$lost" = 0 -a "$dup" = 0 -a "$placed" -ge "$acked"
    # The order-placed mail of each of those orders, through the lab's relay (stub.py smtp keeps every message;
    # internal-was names the order and the kind of mail in X-Onshore-Order / X-Onshore-Mail). A mail whose node died
    # before or while sending it is sent again by the event registry (EventRetries; staleness 2-5 min), so a few may
    # still be on their way: counted, not failed. SMTP cannot be exactly once: a node killed (-9) after the relay
    # took a mail but before its ledger row committed sends it again. The bound allows that for the one kill -9
    # (a few mails in flight, EventRetries runs 6 at a time), not a redelivery that ignores the ledger.
    # Waits up to 30 s for every order's mail (one Python run, each file's headers read once): a mail a kill -9 left
    # to EventRetries comes minutes later, and 30 rounds of parsing every mail again held one core for 5 min (stop 29).
    mails() { python3 - "$LEDGER" "$STATE/mail" 30 <<'PY'
import collections, email.parser, email.policy, json, pathlib, sys, time
numbers = {json.loads(l)["number"] for l in open(sys.argv[1]) if l.strip()}
deadline = time.monotonic() + float(sys.argv[3])
parser = email.parser.BytesHeaderParser(policy=email.policy.default)
seen, read = collections.Counter(), set()
while True:
    for f in sorted(pathlib.Path(sys.argv[2]).glob("*.eml")):
        if f.name in read:
            continue
        read.add(f.name)
        with open(f, "rb") as fp:
            m = parser.parse(fp)
        if m["X-Onshore-Order"] in numbers:
            seen[(str(m["X-Onshore-Order"]), str(m["X-Onshore-Mail"]))] += 1
    placed = sum(1 for n in numbers if seen[(n, "PLACED")])
    if placed >= len(numbers) or time.monotonic() > deadline:
        break
    time.sleep(2)
print(len(numbers), placed, sum(1 for c in seen.values() if c > 1), sum(seen.values()))
PY
    }
    m_orders=0 m_mailed=0 m_twice=0 m_total=0
    read -r m_orders m_mailed m_twice m_total < <(mails 2>/dev/null || echo "0 0 0 0")
    echo "     order mails through the lab's relay: $m_mailed of $m_orders acknowledged orders got their order-placed mail; $m_twice (order, kind) mailed twice; $m_total mails about them"
    record order_mails "{\"orders\": $m_orders, \"placed_mailed\": $m_mailed, \"mailed_twice\": $m_twice, \"mails\": $m_total}"
    check "order mails through the lab's relay: $m_mailed of $m_orders acknowledged orders got their order-placed mail, $m_twice (order, kind) mailed twice (bound: 6, the mails in flight at the kill -9)" \
        test "$m_mailed" -gt 0 -a "$m_twice" -le 6
fi
if [ "$KIND_WAS" = real ] && [ "$KIND_DMZ" = real ]; then
    # Through every drill above the edge user's rules sufficed: Redis and the Sentinel refused it nothing.
    acl_refusals() { echo "$(redis_cli 6379 acl log | grep -c '^username$' ) on Redis, $(redis_cli 26379 acl log | grep -c '^username$') on the Sentinel"; }
    n="$(acl_refusals)"
    check "Redis ACL LOG after the drills: no command, key or channel of the gateways refused ($n)" test "$n" = "0 on Redis, 0 on the Sentinel"
fi
skip "NAS (NFS) in the lab: still a TCP stand-in"
[ "$FAILED" = 0 ]
