#!/usr/bin/env bash
# Onshore network lab: the production zone design in network namespaces on one machine.
#
#                       osl-inet  client 198.51.100.10, attacker .66, scanner .77, crowd .88
#                          │ br-inet 198.51.100.0/24
#                       osl-edge  edge firewall (edge.nft) + IPS (fail2ban -> ips_ban set)
#            ┌─────────────┴───────────────┐
#   br-per 203.0.113.0/24           br-dmz 10.20.0.0/24  ══ DMZ ═════════════════════════
#   osl-waf1 .11  nginx+ModSecurity    osl-dlb1 .2 ┐ HAProxy + keepalived, VIP 10.20.0.10:8080
#   (public VIP .10: 80/443)           osl-dlb2 .3 ┘
#                                      osl-dmz1 .21, osl-dmz2 .22  dmz-api :8080 (dmz-host.nft)
#                                          │
#                                      osl-ifw  inner firewall (inner.nft)  .254 │ .1 │ .1
#            ┌─────────────────────────────┴───────────┐
#   br-int 10.30.0.0/24  ══ INTERNAL ══════════        br-ops 10.40.0.0/24
#   osl-ilb1 .2 ┐ HAProxy + keepalived, VIP .10:8081    osl-ops .10  operator workstation
#   osl-ilb2 .3 ┘
#   osl-was1 .21, osl-was2 .22  internal-was :8081 (internal-host.nft)
#   osl-admin .30 :8082   osl-kc .40 :8180 (+ mgmt :9000)
#   osl-db1 .51, osl-db2 .52 :3306   osl-redis .60 :6379/26379   osl-kafka .70 :9092/9093
#   osl-nas .80 :2049
#
# All bridges live in osl-sw. Traffic never leaves these namespaces. Idempotent: tears down a
# previous lab first. State (configs, logs, pids) in $OSL_STATE (default /run/osl-lab).
# Real services (real.sh) when built: dmz-api, internal-was x2, admin, Keycloak, MariaDB primary +
# replica, Redis + Sentinel, Kafka. Stand-ins (stub.py, labelled by test.sh): the NAS,
# and everything internal when OSL_LAB_REAL=0 or a jar/distribution is missing.
set -Eeuo pipefail

# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"


# ---------------------------------------------------------------- tools first
for tool in ip nft nginx haproxy keepalived fail2ban-client python3 openssl envsubst curl; do
    command -v "$tool" >/dev/null || die "missing tool: $tool (run network/test.sh, it installs them)"
done
[ "$(id -u)" = 0 ] || die "run as root"

UP_OK=0
trap '[ "$UP_OK" = 1 ] || [ "${OSL_KEEP_ON_FAIL:-0}" = 1 ] || { log "up.sh failed; tearing down (logs kept in /tmp/osl-lab-failed-logs)"; rm -rf /tmp/osl-lab-failed-logs; cp -r "$STATE/logs" /tmp/osl-lab-failed-logs 2>/dev/null; "$HERE/down.sh" >/dev/null 2>&1; }' EXIT

"$HERE/down.sh" >/dev/null 2>&1 || true
mkdir -p "$STATE"/{pids,logs,etc,run,apps}
# The three applications as this run deploys them (lib.sh lab_jar), extracted side by side.
extracting=()
for m in dmz-api internal-was admin; do
    [ -f "$REPO/$m/target/$m.jar" ] || continue
    "$JAVA_HOME/bin/java" -Djarmode=tools -jar "$REPO/$m/target/$m.jar" extract --destination "$STATE/apps/$m" \
        > "$STATE/logs/extract-$m.log" 2>&1 &
    extracting+=("$!:$m")
done
for e in "${extracting[@]}"; do
    wait "${e%%:*}" || die "extracting ${e#*:}/target/${e#*:}.jar failed (see $STATE/logs/extract-${e#*:}.log)"
done
: > "$STATE/namespaces"

# ---------------------------------------------------------------- helpers
ns_add() {
    ip netns add "$1"
    echo "$1" >> "$STATE/namespaces"
    ip -n "$1" link set lo up
}

# attach NS IFNAME BRIDGE ADDR/PREFIX : veth from the switch namespace into NS
attach() {
    local n="$1" ifn="$2" br="$3" addr="$4" peer
    peer="v${1#osl-}-${ifn}"
    peer="${peer:0:15}"
    ip -n osl-sw link add "$peer" type veth peer name "$ifn" netns "$n"
    ip -n osl-sw link set "$peer" master "$br" up
    ip -n "$n" addr add "$addr" dev "$ifn"
    ip -n "$n" link set "$ifn" up
}

# ---------------------------------------------------------------- topology
log "creating namespaces and bridges"
ns_add osl-sw
for br in br-inet br-per br-dmz br-int br-ops; do
    ip -n osl-sw link add "$br" type bridge
    ip -n osl-sw link set "$br" up
done

ns_add osl-inet
attach osl-inet eth0 br-inet 198.51.100.10/24
ip -n osl-inet addr add 198.51.100.66/24 dev eth0
# .77 is the authorised scanner (CRS replay, benign corpus): allow-listed in the IPS like a
# contracted pentest source would be, so the replay measures the WAF and not the ban.
ip -n osl-inet addr add 198.51.100.77/24 dev eth0
# .88 is one shopper too many: test.sh drives it into the gateway's per-address login limit (429).
ip -n osl-inet addr add 198.51.100.88/24 dev eth0
ip -n osl-inet route add default via 198.51.100.1

ns_add osl-edge
attach osl-edge ext0 br-inet 198.51.100.1/24
attach osl-edge per0 br-per 203.0.113.1/24
attach osl-edge dmz0 br-dmz 10.20.0.1/24
ip -n osl-edge route add 10.30.0.0/24 via 10.20.0.254
ip -n osl-edge route add 10.40.0.0/24 via 10.20.0.254
ns osl-edge sysctl -qw net.ipv4.ip_forward=1

ns_add osl-waf1
attach osl-waf1 eth0 br-per 203.0.113.11/24
# Lab runs one WAF node; it holds the public VIP statically (production: two nodes + keepalived).
ip -n osl-waf1 addr add 203.0.113.10/24 dev eth0
ip -n osl-waf1 route add default via 203.0.113.1

for i in 1 2; do
    ns_add "osl-dlb$i"
    attach "osl-dlb$i" eth0 br-dmz "10.20.0.$((i + 1))/24"
    ip -n "osl-dlb$i" route add default via 10.20.0.1
    ns "osl-dlb$i" sysctl -qw net.ipv4.ip_nonlocal_bind=1
    ns_add "osl-dmz$i"
    attach "osl-dmz$i" eth0 br-dmz "10.20.0.$((i + 20))/24"
    ip -n "osl-dmz$i" route add default via 10.20.0.1
    ip -n "osl-dmz$i" route add 10.30.0.0/24 via 10.20.0.254
    ip -n "osl-dmz$i" route add 10.40.0.0/24 via 10.20.0.254
done
# The L4 nodes reach internal monitoring and operators through the inner firewall too.
for i in 1 2; do
    ip -n "osl-dlb$i" route add 10.30.0.0/24 via 10.20.0.254
    ip -n "osl-dlb$i" route add 10.40.0.0/24 via 10.20.0.254
done

ns_add osl-ifw
attach osl-ifw dmz0 br-dmz 10.20.0.254/24
attach osl-ifw int0 br-int 10.30.0.1/24
attach osl-ifw ops0 br-ops 10.40.0.1/24
ip -n osl-ifw route add default via 10.20.0.1
ns osl-ifw sysctl -qw net.ipv4.ip_forward=1

declare -A INT_HOSTS=([ilb1]=2 [ilb2]=3 [was1]=21 [was2]=22 [admin]=30 [kc]=40 [db1]=51 [db2]=52 [redis]=60 [kafka]=70 [nas]=80)
for h in "${!INT_HOSTS[@]}"; do
    ns_add "osl-$h"
    attach "osl-$h" eth0 br-int "10.30.0.${INT_HOSTS[$h]}/24"
    ip -n "osl-$h" route add default via 10.30.0.1
done
for i in 1 2; do ns "osl-ilb$i" sysctl -qw net.ipv4.ip_nonlocal_bind=1; done

ns_add osl-ops
attach osl-ops eth0 br-ops 10.40.0.10/24
ip -n osl-ops route add default via 10.40.0.1

# ---------------------------------------------------------------- firewalls
log "loading nftables rule sets"
ns osl-edge nft -f "$NET/nftables/edge.nft"
ns osl-ifw nft -f "$NET/nftables/inner.nft"
for i in 1 2; do ns "osl-dmz$i" nft -f "$NET/nftables/dmz-host.nft"; done
# Per-role host firewalls: same file, SERVICE_* replaced per host (ansible does this from vars).
host_fw() { # NS PORTS SOURCES
    sed -e "s|^define SERVICE_PORTS = .*|define SERVICE_PORTS = { $2 }|" \
        -e "s|^define SERVICE_SOURCES = .*|define SERVICE_SOURCES = { $3 }|" \
        "$NET/nftables/internal-host.nft" > "$STATE/etc/host-$1.nft"
    ns "$1" nft -f "$STATE/etc/host-$1.nft"
}
host_fw osl-was1 8081 "10.30.0.2, 10.30.0.3, 10.30.0.30"
host_fw osl-was2 8081 "10.30.0.2, 10.30.0.3, 10.30.0.30"
host_fw osl-admin 8082 "10.40.0.0/24"
host_fw osl-kc "8180, 9000" "10.30.0.2, 10.30.0.3, 10.30.0.21, 10.30.0.22, 10.30.0.30, 10.40.0.0/24"
host_fw osl-db1 3306 "10.30.0.21, 10.30.0.22, 10.30.0.52, 10.30.0.40"
host_fw osl-db2 3306 "10.30.0.21, 10.30.0.22, 10.30.0.51, 10.30.0.40"
# Redis's only clients are the dmz-api nodes (as the ACL user edge) and the Redis host itself (operators' redis-cli).
host_fw osl-redis "6379, 26379" "10.20.0.21, 10.20.0.22, 10.30.0.60"
host_fw osl-kafka "9092, 9093" "10.30.0.21, 10.30.0.22"
host_fw osl-nas "111, 2049, 25" "10.30.0.21, 10.30.0.22, 10.30.0.51, 10.30.0.52"

# ---------------------------------------------------------------- services
# app_jar NAME -> the module's jar as this run deploys it, when it was built
app_jar() { [ -f "$(lab_jar "$1")" ] && lab_jar "$1"; }
# shellcheck source=real.sh
. "$HERE/real.sh"
# OSL_LAB_REAL: auto (default) runs the real internal services when everything they need is built,
# 1 requires them, 0 uses stand-ins. OSL_STUBS=1 makes even dmz-api a stand-in.
REAL=0
case "${OSL_LAB_REAL:-auto}" in
    0) echo "OSL_LAB_REAL=0" > "$STATE/run/real-missing" ;;
    1) why="$(real_missing)"; [ -z "$why" ] || die "OSL_LAB_REAL=1 but $why"; REAL=1 ;;
    *) why="$(real_missing)"; if [ -z "$why" ]; then REAL=1; else echo "$why" > "$STATE/run/real-missing"; fi ;;
esac
[ "${OSL_STUBS:-0}" = 1 ] && REAL=0
start_stub() { # NAME NS IP PORT [FORWARD]
    echo stub > "$STATE/run/$1.kind"
    start "$1" "$2" python3 "$HERE/stub.py" http --bind "$3:$4" --name "$1" ${5:+--forward "$5"}
}
# lab_rate_limits FILE: dmz-api's own rate-limit classes (its application.yml) with every limit but login's 100 times
# higher: the lab's load and browse checks come from one internet address, standing for a crowd. Login keeps its
# production limit, which test.sh reaches from the internet (429).
lab_rate_limits() {
    python3 - "$REPO/dmz-api/src/main/resources/application.yml" "$1" <<'PY'
import sys, yaml
classes = yaml.safe_load(open(sys.argv[1]))["onshore"]["rate-limits"]["classes"]
for c in classes:
    if c["name"] != "login":
        c["per-ip"] *= 100
        c["per-shopper"] *= 100
yaml.safe_dump({"onshore": {"rate-limits": {"classes": classes}}}, open(sys.argv[2], "w"), sort_keys=False)
PY
}
start_dmz() { # NAME NS IP : dmz-api: the internal VIP, and with the real services Redis through its Sentinel
    local jar redis=()
    if [ "${OSL_STUBS:-0}" != 1 ] && jar="$(app_jar dmz-api)"; then
        echo real > "$STATE/run/$1.kind"
        # The hop key (0600, generated for this lab run, never in the repository): dmz-api signs every request
        # to internal-was with it, and internal-was (start_was) believes the shopper context of signed ones only.
        mkdir -p "$REAL_SECRETS" && chmod 700 "$REAL_SECRETS"
        if [ "$REAL" = 1 ]; then
            # As in production (ansible dmz_api.yml): the primary found through the Sentinel, as the ACL user edge
            # with its own password (never the default user's), rate limits and the waiting room on.
            configtree "$REAL_SECRETS/dmz-api" onshore.hop.key=hop-key onshore.gateway.pass-key=gateway-pass-key \
                spring.data.redis.password=redis-edge-password spring.data.redis.sentinel.password=redis-edge-password
            lab_rate_limits "$STATE/etc/dmz-api-lab.yml"
            redis=(SPRING_DATA_REDIS_SENTINEL_MASTER=onshore SPRING_DATA_REDIS_SENTINEL_NODES=10.30.0.60:26379
                   SPRING_DATA_REDIS_USERNAME=edge SPRING_DATA_REDIS_SENTINEL_USERNAME=edge
                   SPRING_CONFIG_ADDITIONAL_LOCATION="file:$STATE/etc/dmz-api-lab.yml")
        else
            # Stand-ins: no Redis to count in, so no rate limits and no waiting room (login and checkout would fail
            # closed).
            configtree "$REAL_SECRETS/dmz-api" onshore.hop.key=hop-key onshore.gateway.pass-key=gateway-pass-key
            redis=(ONSHORE_RATELIMITS_ENABLED=false ONSHORE_WAITINGROOM_ENABLED=false)
        fi
        start "$1" "$2" env SPRING_CONFIG_IMPORT="optional:configtree:$REAL_SECRETS/dmz-api/" \
            SERVER_ADDRESS="$3" SERVER_PORT=8080 "${redis[@]}" \
            ONSHORE_GATEWAY_INTERNALWASURL=http://10.30.0.10:8081 ONSHORE_GATEWAY_KEYCLOAKURL=http://10.30.0.10:8081 \
            "$JAVA_HOME/bin/java" -XX:+UseSerialGC -Xmx256m -XX:TieredStopAtLevel=1 -jar "$jar"
    else
        start_stub "$1" "$2" "$3" 8080 10.30.0.10:8081
    fi
}

log "starting upstreams"
if [ "$REAL" = 1 ]; then
    start_real_internal
else
    start_stub was1 osl-was1 10.30.0.21 8081
    start_stub was2 osl-was2 10.30.0.22 8081
    start_stub admin osl-admin 10.30.0.30 8082
    # Keycloak stand-in: public port 8180 and management port 9000 (the lab proves 9000 stays closed).
    echo stub > "$STATE/run/kc.kind"
    start kc osl-kc python3 "$HERE/stub.py" http --bind 10.30.0.40:8180 --name keycloak
    start kc-mgmt osl-kc python3 "$HERE/stub.py" http --bind 10.30.0.40:9000 --name keycloak-management
    echo stub > "$STATE/run/data.kind"
    start db1 osl-db1 python3 "$HERE/stub.py" tcp --bind 10.30.0.51 --ports 3306 --name mariadb-primary
    start redis osl-redis python3 "$HERE/stub.py" tcp --bind 10.30.0.60 --ports 6379,26379 --name redis
    start kafka osl-kafka python3 "$HERE/stub.py" tcp --bind 10.30.0.70 --ports 9092,9093 --name kafka
fi
start_dmz dmz1 osl-dmz1 10.20.0.21
start_dmz dmz2 osl-dmz2 10.20.0.22
[ "$REAL" = 1 ] || start db2 osl-db2 python3 "$HERE/stub.py" tcp --bind 10.30.0.52 --ports 3306 --name mariadb-replica
# Not yet real in either mode: the NAS (reachability stand-in).
start nas osl-nas python3 "$HERE/stub.py" tcp --bind 10.30.0.80 --ports 2049 --name nas
# The brand's mail relay, on the NAS host here: it keeps every order mail in $STATE/mail for the checks.
start mail osl-nas python3 "$HERE/stub.py" smtp --bind 10.30.0.80 --port 25 --dir "$STATE/mail"

log "starting L4 balancers (HAProxy + keepalived)"
lb() { # TIER IDX NODE_IP VIP CFG UP1 UP2 VRID PEER
    local tier="$1" i="$2" nip="$3" vip="$4" cfg="$5" up1="$6" up2="$7" vrid="$8" peer="$9"
    local n="osl-${1}lb${2}" run="$STATE/run/${1}lb${2}"
    mkdir -p "$run"
    start "${tier}lb$i-haproxy" "$n" env ONSHORE_LB_VIP="$vip" ONSHORE_LB_NODE_IP="$nip" ONSHORE_LB_RUN="$run" \
        ONSHORE_UP1="$up1" ONSHORE_UP2="$up2" ONSHORE_KEYCLOAK=10.30.0.40:8180 ONSHORE_DMZ_NET=10.20.0.0/24 \
        haproxy -W -db -f "$NET/haproxy/$cfg"
    KA_ROUTER_ID="${tier}lb$i" KA_IFACE=eth0 KA_VRID="$vrid" KA_PRIORITY=$((110 - i * 10)) KA_VIP="$vip/24" \
        KA_PEER="$peer" KA_SELF="$nip" KA_AUTH=osllab01 \
        KA_CHECK="/usr/bin/curl -fsS -o /dev/null --max-time 2 http://$nip:8405/healthz" \
        envsubst < "$NET/keepalived/keepalived.conf.tmpl" > "$run/keepalived.conf"
    start "${tier}lb$i-keepalived" "$n" keepalived -n -l -D -f "$run/keepalived.conf" \
        -p "$run/keepalived.pid" -r "$run/vrrp.pid" -c "$run/checkers.pid"
}
lb d 1 10.20.0.2 10.20.0.10 haproxy-dmz.cfg 10.20.0.21:8080 10.20.0.22:8080 51 10.20.0.3
lb d 2 10.20.0.3 10.20.0.10 haproxy-dmz.cfg 10.20.0.21:8080 10.20.0.22:8080 51 10.20.0.2
lb i 1 10.30.0.2 10.30.0.10 haproxy-internal.cfg 10.30.0.21:8081 10.30.0.22:8081 52 10.30.0.3
lb i 2 10.30.0.3 10.30.0.10 haproxy-internal.cfg 10.30.0.21:8081 10.30.0.22:8081 52 10.30.0.2

log "starting WAF (nginx + ModSecurity + CRS)"
W="$STATE/etc/waf"
mkdir -p "$W"/{modsecurity,tmp} "$STATE/logs/waf"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=shop.onshore.test" \
    -addext "subjectAltName=DNS:shop.onshore.test" -keyout "$W/tls.key" -out "$W/tls.crt" 2>/dev/null
chmod 600 "$W/tls.key"
cp "$NET"/waf/modsecurity/*.conf "$W/modsecurity/"
sed -i -e "s|/etc/onshore/waf/modsecurity|$W/modsecurity|g" \
    -e "s|/var/log/onshore/waf|$STATE/logs/waf|g" "$W/modsecurity/main-blocking.conf"
WAF_LISTEN=203.0.113.10 WAF_SERVER_NAME=shop.onshore.test WAF_CERT="$W/tls.crt" WAF_KEY="$W/tls.key" \
    WAF_UPSTREAM=10.20.0.10:8080 WAF_LOG_DIR="$STATE/logs/waf" WAF_MODSEC_MAIN="$W/modsecurity/main-blocking.conf" \
    envsubst '${WAF_LISTEN} ${WAF_SERVER_NAME} ${WAF_CERT} ${WAF_KEY} ${WAF_UPSTREAM} ${WAF_LOG_DIR} ${WAF_MODSEC_MAIN}' \
    < "$NET/waf/nginx/onshore-waf.conf.tmpl" > "$W/onshore-waf.conf"
cat > "$W/nginx.conf" <<EOF
worker_processes 2;
pid $STATE/run/waf-nginx.pid;
error_log $STATE/logs/waf/error.log warn;
load_module /usr/lib/nginx/modules/ngx_http_modsecurity_module.so;
events { worker_connections 2048; }
http {
    client_body_temp_path $W/tmp/body; proxy_temp_path $W/tmp/proxy;
    fastcgi_temp_path $W/tmp/fcgi; uwsgi_temp_path $W/tmp/uwsgi; scgi_temp_path $W/tmp/scgi;
    include /etc/nginx/mime.types;
    include $W/onshore-waf.conf;
}
EOF
ns osl-waf1 nginx -q -t -c "$W/nginx.conf"
start waf1-nginx osl-waf1 nginx -g 'daemon off;' -c "$W/nginx.conf"

log "starting IPS (fail2ban in the edge namespace)"
F="$STATE/etc/fail2ban"
mkdir -p "$F"/{filter.d,action.d,jail.d} "$STATE/run/fail2ban" "$STATE/logs/ips"
cp -r /etc/fail2ban/fail2ban.conf /etc/fail2ban/jail.conf /etc/fail2ban/paths-*.conf "$F/"
cp /etc/fail2ban/filter.d/common.conf /etc/fail2ban/filter.d/recidive.conf "$F/filter.d/"
cp "$NET/ips/filter-onshore-waf.conf" "$F/filter.d/onshore-waf.conf"
cp "$NET/ips/action-onshore-nft-set.conf" "$F/action.d/onshore-nft-set.conf"
sed -e "s|/var/log/onshore/ips|$STATE/logs/ips|; s|/run/fail2ban|$STATE/run/fail2ban|g" \
    -e "s|^dbfile = .*|dbfile = :memory:|" "$NET/ips/fail2ban.local" > "$F/fail2ban.local"
sed -e "s|/var/log/onshore/waf|$STATE/logs/waf|; s|/var/log/onshore/ips|$STATE/logs/ips|" \
    -e "s|^ignoreip = .*|& 198.51.100.77|" "$NET/ips/jail.local" > "$F/jail.local"
touch "$STATE/logs/waf/access.log" "$STATE/logs/ips/fail2ban.log"
start ips-fail2ban osl-edge fail2ban-client -f -x -c "$F" -s "$STATE/run/fail2ban/fail2ban.sock" \
    -p "$STATE/run/fail2ban/fail2ban.pid" start

# ---------------------------------------------------------------- readiness
log "waiting for readiness"
# Each application is awaited until it is ready or its process exits (wait_ready), however long a loaded machine
# takes to start a JVM.
if [ "$REAL" = 1 ]; then
    wait_ready "internal-was 1 (Flyway, demo data)" was1 http_ok osl-ilb1 http://10.30.0.21:8081/actuator/health/readiness
    start_was was2 osl-was2 10.30.0.22
    wait_ready "Keycloak (realms imported)" keycloak http_ok osl-ilb1 http://10.30.0.40:8180/realms/shoppers/.well-known/openid-configuration
    start_admin
else
    wait_ready "internal-was 1" was1 http_ok osl-ilb1 http://10.30.0.21:8081/actuator/health/readiness
fi
wait_ready "internal-was 2" was2 http_ok osl-ilb1 http://10.30.0.22:8081/actuator/health/readiness
wait_ready "dmz-api 1" dmz1 http_ok osl-dlb1 http://10.20.0.21:8080/actuator/health/readiness
wait_ready "dmz-api 2" dmz2 http_ok osl-dlb1 http://10.20.0.22:8080/actuator/health/readiness
vip_on() { ip -n "$1" -4 -o addr show dev eth0 | grep -q " $2/"; }
vip_held() { vip_on osl-dlb1 10.20.0.10 || vip_on osl-dlb2 10.20.0.10; }
ivip_held() { vip_on osl-ilb1 10.30.0.10 || vip_on osl-ilb2 10.30.0.10; }
wait_until "DMZ VIP" 30 vip_held
wait_until "internal VIP" 30 ivip_held
wait_ready "admin" admin http_ok osl-ops http://10.30.0.30:8082/actuator/health/readiness
HOME_PATH=/; [ "$REAL" = 1 ] && HOME_PATH=/id-id/
wait_ready "internal L4 -> WAS" ilb1-haproxy http_ok osl-dmz1 "http://10.30.0.10:8081$HOME_PATH"
wait_ready "WAF" waf1-nginx tcp_open osl-inet 203.0.113.10 443
wait_ready "end to end" waf1-nginx http_ok osl-inet --insecure "https://203.0.113.10$HOME_PATH"
wait_ready "IPS socket" ips-fail2ban test -S "$STATE/run/fail2ban/fail2ban.sock"
UP_OK=1
log "lab is up (state in $STATE); upstream kinds: $(cd "$STATE/run" && for f in *.kind; do printf '%s=%s ' "${f%.kind}" "$(cat "$f")"; done)"
