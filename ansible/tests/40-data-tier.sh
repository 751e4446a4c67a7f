# ansible/test.sh, part 40: the data tier the converge started: MariaDB replication, Redis + Sentinel (failover drill), Kafka, Keycloak, NAS.
# Sourced by ansible/test.sh (its variables and helpers), never run alone.
# ---------------------------------------------------------------- the data tier the converge started
inhost() { local ip="$1"; shift; ip netns exec "$NS" chroot "$HOSTS/$ip" "$@"; }
sql() { local ip="$1"; shift; inhost "$ip" mariadb -N -B -e "$*"; }            # root, unix socket
app_sql() { inhost 10.30.0.51 mariadb -h "$1" -u onshore -p"$(lab_secret mariadb__app_password)" -N -B -D onshore -e "$2"; }
status() { sql "$1" "SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = '$2'"; }
replica_field() { inhost "$1" mariadb -B -e "SHOW SLAVE STATUS\G" | sed -n "s/^ *$2: //p"; }
wait_for() { local i; for i in $(seq 1 "$1"); do "${@:2}" >/dev/null 2>&1 && return 0; sleep 0.5; done; return 1; }
# Start what a converged systemd unit would (no systemd here): its Environment= and EnvironmentFile=, as its
# User=, in the host's chroot; the process keeps the overlay as its root, so it is stopped by PID on exit.
start_unit() { # IP UNIT LOG
    local ip="$1" unit="$HOSTS/$1/etc/systemd/system/$2" user home envs=() e
    user="$(sed -n 's/^User=//p' "$unit")"
    home="$(inhost "$ip" getent passwd "$user" | cut -d: -f6)"
    while read -r e; do e="${e#\"}"; envs+=("${e%\"}"); done < <(sed -n 's/^Environment=//p' "$unit")
    inhost "$ip" env -i PATH=/usr/local/bin:/usr/bin:/bin HOME="$home" USER="$user" "${envs[@]}" /bin/sh -c \
        'set -a; for f in $1; do . "${f#-}"; done; set +a; shift; exec setpriv --reuid="$1" --regid="$1" --init-groups -- $2' \
        _ "$(sed -n 's/^EnvironmentFile=//p' "$unit" | tr '\n' ' ')" "$user" "$(sed -n 's/^ExecStart=//p' "$unit")" > "$3" 2>&1 &
}
rcli() { local ip="$1" port="$2"; shift 2; inhost "$ip" redis-cli --no-auth-warning -h "$ip" -p "$port" -a "$(lab_secret redis__password)" "$@"; }
settings="$(sql 10.30.0.51 "SELECT CONCAT_WS(' ', @@gtid_strict_mode, @@sync_binlog, @@innodb_flush_log_at_trx_commit, @@rpl_semi_sync_master_enabled, @@rpl_semi_sync_master_wait_point, @@log_bin, @@skip_name_resolve, @@read_only)")"
check "MariaDB primary 10.30.0.51 runs the role's settings: gtid_strict_mode, sync_binlog=1, innodb_flush_log_at_trx_commit=1, semi-sync master ON, AFTER_SYNC, binlog on, read-write ($settings)" \
    test "$settings" = "ON 1 1 ON AFTER_SYNC ON ON OFF"
check "MariaDB replica 10.30.0.52 replicates with GTID (Slave_Pos), IO and SQL threads running, read_only, semi-sync slave ON" bash -c '
    [ "$1" = Yes ] && [ "$2" = Yes ] && [ "$3" = Slave_Pos ] && [ "$4" = 1 ] && [ "$5" = ON ]' _ \
    "$(replica_field 10.30.0.52 Slave_IO_Running)" "$(replica_field 10.30.0.52 Slave_SQL_Running)" \
    "$(replica_field 10.30.0.52 Using_Gtid)" "$(sql 10.30.0.52 'SELECT @@read_only')" "$(status 10.30.0.52 RPL_SEMI_SYNC_SLAVE_STATUS)"
yes0="$(status 10.30.0.51 RPL_SEMI_SYNC_MASTER_YES_TX)"; no0="$(status 10.30.0.51 RPL_SEMI_SYNC_MASTER_NO_TX)"
app_sql 10.30.0.51 "CREATE TABLE IF NOT EXISTS drill (id INT AUTO_INCREMENT PRIMARY KEY, batch CHAR(2) NOT NULL, at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6))"
for i in $(seq 1 50); do echo "INSERT INTO drill (batch) VALUES ('a');"; done | inhost 10.30.0.51 mariadb -h 10.30.0.51 -u onshore -p"$(lab_secret mariadb__app_password)" -D onshore
yes1="$(status 10.30.0.51 RPL_SEMI_SYNC_MASTER_YES_TX)"; no1="$(status 10.30.0.51 RPL_SEMI_SYNC_MASTER_NO_TX)"
check "MariaDB primary: semi-sync ON with $(status 10.30.0.51 RPL_SEMI_SYNC_MASTER_CLIENTS) replica; 51 commits of the app user over TCP, $((yes1 - yes0)) acknowledged by the replica, $((no1 - no0)) without" \
    test "$(status 10.30.0.51 RPL_SEMI_SYNC_MASTER_STATUS):$((yes1 - yes0)):$((no1 - no0))" = "ON:51:0"
replica_equal() { [ "$(sql 10.30.0.52 'CHECKSUM TABLE onshore.drill')" = "$(sql 10.30.0.51 'CHECKSUM TABLE onshore.drill')" ]; }
check "MariaDB replica: same rows as the primary (CHECKSUM TABLE), at GTID $(sql 10.30.0.51 'SELECT @@gtid_binlog_pos')" wait_for 20 replica_equal
ro_out="$(app_sql 10.30.0.52 "INSERT INTO drill (batch) VALUES ('x')" 2>&1)"
check "MariaDB replica refuses writes from the app user (read_only)" grep -q 'read-only' <<<"$ro_out"
# Keycloak after the semi-sync count above (its schema migration commits on the same primary); it starts while
# Redis and Kafka are checked.
if [ -n "$KEYCLOAK_ZIP" ]; then
    kc_t0=$SECONDS
    start_unit 10.30.0.40 keycloak.service "$ROOT/keycloak.out"
fi

check "Redis 10.30.0.60, .61 and .62 answer PONG with the password, NOAUTH without" bash -c '
    [ "$1$2$3" = PONGPONGPONG ] && grep -q NOAUTH <<<"$4"' _ "$(rcli 10.30.0.60 6379 ping)" "$(rcli 10.30.0.61 6379 ping)" \
    "$(rcli 10.30.0.62 6379 ping)" "$(inhost 10.30.0.60 redis-cli -h 10.30.0.60 ping 2>&1)"
redis_linked() { rcli 10.30.0.61 6379 info replication | grep -q 'master_link_status:up' && rcli 10.30.0.62 6379 info replication | grep -q 'master_link_status:up'; }
wait_for 40 redis_linked
check "Redis: 10.30.0.61 and 10.30.0.62 replicate 10.30.0.60 (links up); a write on the primary is acknowledged by 2 replicas (WAIT) and read back on both" bash -c '
    [ "$1" = OK ] && [ "$2" = 2 ] && [ "$3" = "$5" ] && [ "$4" = "$5" ]' _ "$(rcli 10.30.0.60 6379 set lab:probe "v$$")" \
    "$(rcli 10.30.0.60 6379 wait 2 2000)" "$(rcli 10.30.0.61 6379 get lab:probe)" "$(rcli 10.30.0.62 6379 get lab:probe)" "v$$"
sentinels_agree() { rcli 10.30.0.60 26379 sentinel ckquorum onshore | grep -q '^OK 3 usable Sentinels'; }
wait_for 40 sentinels_agree
ckq="$(rcli 10.30.0.61 26379 sentinel ckquorum onshore 2>&1)"
check "Redis Sentinel (3 nodes, password): quorum and failover authorization reachable ($ckq), primary 10.30.0.60" bash -c '
    grep -q "^OK 3 usable Sentinels" <<<"$1" && [ "$2" = 10.30.0.60 ]' _ "$ckq" "$(rcli 10.30.0.61 26379 sentinel get-master-addr-by-name onshore | head -1)"
check "Redis Sentinel refuses clients without the password" grep -q NOAUTH <<<"$(inhost 10.30.0.60 redis-cli -h 10.30.0.60 -p 26379 sentinel masters 2>&1)"

# Sentinel failover drill: the primary's whole server is lost (its Redis and its Sentinel, SIGKILL). The two
# remaining Sentinels (a majority of three) must promote a replica; the application's next write needs one
# replica (min-replicas-to-write 1); the old primary, started again, must become a replica of the new one.
host_pids() { local p; for p in $(lab_pids); do [ "$(readlink "/proc/$p/root")" = "$HOSTS/$1" ] && echo "$p"; done; }
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1f", b - a}'; }
master_of() { rcli "$1" 26379 sentinel get-master-addr-by-name onshore 2>/dev/null | head -1; }
promoted() { local a b; a="$(master_of 10.30.0.61)"; b="$(master_of 10.30.0.62)"; [ -n "$a" ] && [ "$a" != 10.30.0.60 ] && [ "$a" = "$b" ] &&
    rcli "$a" 6379 info replication | grep -q '^role:master'; }
r_pids="$(host_pids 10.30.0.60)"; r_comms="$(for p in $r_pids; do cat "/proc/$p/comm"; done | sort | paste -sd ' ')"
t_kill="$(now)"
kill -9 $r_pids
if wait_for 120 promoted; then
    t_promoted="$(now)"; new_primary="$(master_of 10.30.0.61)"
    wrote() { [ "$(rcli "$new_primary" 6379 set lab:after-failover "w$$")" = OK ]; }
    wait_for 60 wrote; t_write="$(now)"
    acked="$(rcli "$new_primary" 6379 wait 1 5000)"
    check "Redis Sentinel failover drill: primary 10.30.0.60 lost with its Sentinel (kill -9 of $r_comms); the Sentinels on .61 and .62 promoted $new_primary after $(secs "$t_kill" "$t_promoted") s (down-after-milliseconds $(sed -n 's/^sentinel down-after-milliseconds onshore //p' "$HOSTS/10.30.0.61/etc/redis/sentinel.onshore.conf")); first write accepted after $(secs "$t_kill" "$t_write") s, acknowledged by $acked replica" \
        test "$acked" = 1
    inhost 10.30.0.60 service redis-server start >/dev/null 2>&1
    inhost 10.30.0.60 service redis-sentinel start >/dev/null 2>&1
    t_start="$(now)"
    rejoined() { local i; i="$(rcli 10.30.0.60 6379 info replication)" && grep -q '^role:slave' <<<"$i" && grep -q "^master_host:$new_primary" <<<"$i" &&
        grep -q 'master_link_status:up' <<<"$i" && [ "$(rcli 10.30.0.60 6379 get lab:after-failover)" = "w$$" ]; }
    wait_for 120 rejoined; rj=$?
    check "Redis: the old primary 10.30.0.60, started again, rejoined as a replica of $new_primary within $(secs "$t_start" "$(now)") s and holds the write made after the failover; $(rcli 10.30.0.61 26379 sentinel ckquorum onshore 2>&1 | cut -d. -f1)" \
        test "$rj" = 0
    # The infra team runs the playbook again after the failover (as they will): the role must follow the
    # promoted primary, not the inventory's first server, and lose no write.
    rcli "$new_primary" 6379 set lab:before-reconverge "r$$" >/dev/null
    rout="$(converge redis)"; rrc=$?
    topology() { [ "$(master_of 10.30.0.61)" = "$new_primary" ] && rcli "$new_primary" 6379 info replication | grep -q '^connected_slaves:2' &&
        for ip in 10.30.0.60 10.30.0.61 10.30.0.62; do [ "$(rcli "$ip" 6379 get lab:before-reconverge)" = "r$$" ] || return 1; done; }
    wait_for 120 topology; trc=$?
    check "Redis: converging the redis hosts again after the failover keeps $new_primary primary (Sentinel and redis.conf), both others replicate it, the last write is on all three" \
        test "$rrc$trc" = 00
    [ "$rrc" = 0 ] || echo "$rout" | grep -E 'fatal|FAILED|msg' | head -n 10 | sed 's/^/    /'
    [ "$trc" = 0 ] || { echo "    sentinel says $(master_of 10.30.0.61)"; for ip in 10.30.0.60 10.30.0.61 10.30.0.62; do echo "    $ip: $(rcli "$ip" 6379 info replication | grep -E '^(role|master_host|connected_slaves)' | tr '\r\n' '  ')"; done; }
else
    fail "Redis Sentinel failover drill: no replica promoted within 60 s of losing 10.30.0.60 (Sentinels say: $(master_of 10.30.0.61) / $(master_of 10.30.0.62))"
    tail -n 15 "$HOSTS/10.30.0.61/var/log/redis/redis-sentinel.log" | sed 's/^/    /'
fi

if [[ "$EXCLUDE" != *kafka* ]]; then
    # No init script for Kafka (the role ships a systemd unit): start what the unit would (its Environment= lines,
    # JMX exporter agent included, and its ExecStart), as the kafka user.
    kunit="$HOSTS/10.30.0.70/etc/systemd/system/kafka.service"
    inhost 10.30.0.70 su kafka -s /bin/sh -c "exec env $(sed -n 's/^Environment=//p' "$kunit" | tr '\n' ' ') \
        $(sed -n 's/^ExecStart=//p' "$kunit")" > "$ROOT/kafka.out" 2>&1 &
    kafka_up() { ip netns exec "$NS" bash -c 'exec 3<>/dev/tcp/10.30.0.70/9092' 2>/dev/null; }
    t0=$SECONDS
    kafka_topics() { inhost 10.30.0.70 env JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 KAFKA_HEAP_OPTS=-Xmx128m \
        /opt/$KAFKA_TOP/bin/kafka-topics.sh --bootstrap-server 10.30.0.70:9092 "$@"; }
    if wait_for 180 kafka_up && kafka_topics --create --topic lab.probe --partitions 3 >/dev/null 2>&1; then
        desc="$(kafka_topics --describe --topic lab.probe 2>&1)"
        check "Kafka (KRaft, storage formatted by the role, cluster id $(sed -n 's/^cluster.id=//p' "$HOSTS/10.30.0.70/var/lib/kafka/data/meta.properties")) starts from the converged server.properties and serves a new topic: 3 partitions led by node 1 ($((SECONDS - t0)) s)" \
            test "$(grep -c 'Leader: 1' <<<"$desc")" = 3
    else
        fail "Kafka did not start from the converged configuration"; tail -n 15 "$ROOT/kafka.out" | sed 's/^/    /'
    fi
fi
if [ -n "$KEYCLOAK_ZIP" ]; then
    kc="/opt/keycloak-$KEYCLOAK_VERSION"
    kc_mode="$(inhost 10.30.0.40 stat -c %a:%U:%G "$kc/conf/keycloak.conf")"   # names from the lab host's passwd
    kc_built="$(inhost 10.30.0.40 unzip -p "$kc/lib/quarkus/generated-bytecode.jar" META-INF/keycloak-persisted.properties | tr -d '\r' | grep -E '^kc\.(db|health-enabled|metrics-enabled)=' | sort | tr '\n' ' ')"
    check "Keycloak $KEYCLOAK_VERSION: unpacked, keycloak.conf rendered ($kc_mode, proxy headers, management port 9000), built by the role with JDK 25 (kc.sh build persisted: $kc_built)" bash -c '
        [ "$1" = 640:root:keycloak ] && [ "$2" = "kc.db=mariadb kc.health-enabled=true kc.metrics-enabled=true " ] &&
        grep -q "^proxy-headers=xforwarded" "$3/conf/keycloak.conf" && grep -q "^http-management-port=9000" "$3/conf/keycloak.conf"' \
        _ "$kc_mode" "$kc_built" "$HOSTS/10.30.0.40$kc"
    kc_host="$(sed -n 's/^hostname=//p' "$HOSTS/10.30.0.40$kc/conf/keycloak.conf")"
    kc_get() { ip netns exec "$NS" curl -sf "$@"; }
    json() { python3 -c "import json, sys; d = json.load(sys.stdin); print($1)"; }
    kc_ready() { kc_get http://10.30.0.40:9000/health/ready | grep -q '"status": *"UP"'; }
    if wait_for 480 kc_ready; then
        kc_secs=$((SECONDS - kc_t0))
        issuers="$(for r in shoppers operators; do kc_get "http://10.30.0.40:8180/realms/$r/.well-known/openid-configuration" | json 'd["issuer"]'; done | tr '\n' ' ')"
        check "Keycloak started from the converged unit (as keycloak, --optimized --import-realm, heap $(sed -n 's/^Environment="JAVA_OPTS_KC_HEAP=\(.*\)"$/\1/p' "$HOSTS/10.30.0.40/etc/systemd/system/keycloak.service")): management port 9000 /health/ready UP after ${kc_secs} s; OIDC discovery of the imported realms on the public port 8180 names the configured hostname $kc_host as issuer ($issuers)" \
            test "$issuers" = "$kc_host/realms/shoppers $kc_host/realms/operators "
        kc_token="$(printf %s "$(lab_secret keycloak__admin_password)" | kc_get --data-urlencode password@- -d grant_type=password -d client_id=admin-cli \
            -d username=bootstrap-admin http://10.30.0.40:8180/realms/master/protocol/openid-connect/token | json 'd["access_token"]')"
        kc_admin() { kc_get -H "Authorization: Bearer $kc_token" "http://10.30.0.40:8180/admin/realms/operators$1"; }
        ops="$(kc_admin "" | json 'd["bruteForceProtected"], d["failureFactor"], d["sslRequired"]')"
        totp="$(kc_admin /authentication/required-actions/CONFIGURE_TOTP | json 'd["enabled"], d["defaultAction"]')"
        users="$(kc_admin /users | json 'len(d)')"
        check "Keycloak operators realm as imported (admin API, bootstrap admin from the vault): brute-force protection after 5 failures, TLS for external clients ($ops); TOTP (CONFIGURE_TOTP) a default required action ($totp); no demo users imported ($users users listed)" \
            test "$ops|$totp|$users" = "True 5 external|True True|0"
        # The client secret placeholder was filled from the vault: the service account gets a token with the
        # configured issuer, the internal-was audience and its realm role.
        svc="$(printf %s "$(lab_secret keycloak__service_client_secret)" | kc_get --data-urlencode client_secret@- -d grant_type=client_credentials \
            -d client_id=onshore-admin-service http://10.30.0.40:8180/realms/operators/protocol/openid-connect/token | json 'd["access_token"].split(".")[1]' |
            python3 -c 'import base64, json, sys; t = sys.stdin.read().strip(); d = json.loads(base64.urlsafe_b64decode(t + "=" * (-len(t) % 4))); print(d["iss"], d["aud"], ",".join(d["realm_access"]["roles"]))')"
        check "Keycloak operators realm: onshore-admin-service authenticates with the client secret from the vault (\${ONSHORE_SERVICE_CLIENT_SECRET} filled at import): token iss, aud, roles = $svc" \
            test "$svc" = "$kc_host/realms/operators onshore-internal-was internal-api"
        kc_schema() { sql "$1" "SELECT CONCAT(COUNT(*), ' tables, realms ', (SELECT GROUP_CONCAT(NAME ORDER BY NAME) FROM keycloak.REALM)) FROM information_schema.tables WHERE table_schema = 'keycloak'"; }
        kc_replicated() { [ "$(kc_schema 10.30.0.52)" = "$(kc_schema 10.30.0.51)" ]; }
        kc_grants="$(sql 10.30.0.51 "SELECT GROUP_CONCAT(CONCAT(user, '@', host)) FROM mysql.user WHERE user = 'keycloak'"): $(sql 10.30.0.51 "SHOW GRANTS FOR 'keycloak'@'10.30.0.40'" | sed 's/ TO .*//' | paste -sd ';')"
        kc_from="$(sql 10.30.0.51 "SELECT GROUP_CONCAT(DISTINCT SUBSTRING_INDEX(host, ':', 1)) FROM information_schema.processlist WHERE user = 'keycloak'")"
        wait_for 40 kc_replicated; kc_rep=$?
        check "Keycloak's schema on the MariaDB primary ($(kc_schema 10.30.0.51)) replicated to the replica; its account only from the Keycloak host and only on its database ($kc_grants), connected from $kc_from" bash -c '
            [ "$1" = 0 ] && grep -q "realms master,operators,shoppers$" <<<"$2" && [ "$3" = "keycloak@10.30.0.40: GRANT USAGE ON *.*;GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, DROP, REFERENCES, INDEX, ALTER ON \`keycloak\`.*" ] && [ "$4" = 10.30.0.40 ]' \
            _ "$kc_rep" "$(kc_schema 10.30.0.52)" "$kc_grants" "$kc_from"
    else
        fail "Keycloak did not answer ready on 10.30.0.40:9000 within 240 s of its start"; tail -n 25 "$ROOT/keycloak.out" | sed 's/^/    /'
    fi
fi
check "NAS: rendered /etc/exports parses (exportfs -ra wrote the export table: backups and media, all_squash to uid 2001)" bash -c "
    grep -q '^/srv/nas/backups.10.30.0.51(.*all_squash.*anonuid=2001' '$HOSTS/10.30.0.80/var/lib/nfs/etab' &&
    [ \"\$(stat -c %u:%a '$HOSTS/10.30.0.80/srv/nas/backups')\" = 2001:770 ]"
skip "NAS: the NFS server is not started and nothing mounts it (this kernel has neither nfsd nor an NFS client); the database hosts get lab-nas-1's /srv/nas/backups by bind mount"
