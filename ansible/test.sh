#!/usr/bin/env bash
# Onshore Ansible tests: ansible-lint (production profile), --syntax-check of every playbook,
# fail-early checks of site.yml, a real converge of the roles, twice (idempotence), against lab hosts,
# then the daemons those roles started are exercised, and the restore drill and failover playbooks run.
#
# Lab host = an overlay copy of this machine's root (lower "/", upper a scratch dir) entered with
# the community.general.chroot connection, from inside network namespace osl-ans. Why: there is no
# systemd (PID 1 is not systemd) so systemd-nspawn cannot boot a container, there is no Docker, and
# no mirror-independent Debian rootfs; the overlay gives a disposable Debian 12 with the real tools
# (nft, nginx + ModSecurity, haproxy, fail2ban, mariadbd, redis, prometheus) so rendered files are
# validated by those tools, while every write lands in the scratch dir.
#   osl-lab-host (network-facing roles): files only, no services.
#   data hosts, one overlay each, addresses on osl-ans's loopback:
#     10.30.0.51 lab-db-1 MariaDB primary   10.30.0.52 lab-db-2 MariaDB replica (both: backups role, mysqld_exporter :9104)
#     10.30.0.60 lab-redis-1 Redis primary + Sentinel   10.30.0.61 lab-redis-2, 10.30.0.62 lab-redis-3 replica + Sentinel
#                (three Sentinels: a majority survives the loss of a whole server; the drill below loses one;
#                all: redis_exporter :9121)
#     10.30.0.70 lab-kafka-1 Kafka KRaft (broker + controller + JMX exporter agent :7071; started by this script
#                from the converged unit)
#     10.30.0.40 lab-keycloak-1 Keycloak unpacked, configured, built (kc.sh build), its schema and account created
#                on the MariaDB primary, realms imported (started by this script from the converged unit)
#     10.30.0.80 lab-nas-1 NFS exports (rendered, exportfs-checked; the kernel has no nfsd)
#     10.30.0.90 lab-mon-1 Prometheus + Alertmanager + blackbox exporter (127.0.0.1:9115); Prometheus scrapes
#                the exporters above and the checks read what it has through its HTTP API
#   Every data host also runs the node exporter on its address :9100 (node_exporter role; textfile collector
#   with the backups' metrics on the database hosts).
#   These roles start their daemons through the Debian init scripts (no systemd); every process whose root
#   is one of the overlays is stopped by PID on exit.
# Ends with "N passed, N failed, N skipped"; exit status 1 on any failure.
set -uo pipefail
# One lab per machine (fixed osl-* names): a second run waits here for the first to finish instead of
# tearing its lab down. flock -o keeps the lock in flock itself, so daemons started below never inherit it.
if [ -z "${OSL_ANSIBLE_LAB_LOCKED:-}" ]; then
    export OSL_ANSIBLE_LAB_LOCKED=1
    flock -n /run/lock/osl-ansible-lab.lock true || echo "another run holds /run/lock/osl-ansible-lab.lock; waiting for it"
    exec flock -o /run/lock/osl-ansible-lab.lock "$BASH" "${BASH_SOURCE[0]}" "$@"
fi

ANS="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(dirname "$ANS")"
ROOT=/tmp/osl-ansible
NS=osl-ans
PASSED=0 FAILED=0 SKIPPED=0
pass() { PASSED=$((PASSED + 1)); echo "PASS ansible: $*"; }
fail() { FAILED=$((FAILED + 1)); echo "FAIL ansible: $*"; }
skip() { SKIPPED=$((SKIPPED + 1)); echo "SKIP ansible: $*"; }
check() { local what="$1"; shift; local out; if out="$("$@" 2>&1)"; then pass "$what"; else fail "$what"; echo "$out" | tail -n 25 | sed 's/^/    /'; fi; }

# PIDs of the processes whose root directory is one of the lab overlays (daemons the converge started).
lab_pids() {
    local p r
    for p in /proc/[0-9]*; do
        r="$(readlink "$p/root" 2>/dev/null)" || continue
        case "$r" in "$ROOT"/*) echo "${p#/proc/}" ;; esac
    done
}
stop_lab_daemons() {
    local pids i
    pids="$(lab_pids)"
    [ -z "$pids" ] && return 0
    kill $pids 2>/dev/null
    for i in $(seq 1 60); do
        pids="$(for p in $pids; do [ -e "/proc/$p" ] && echo "$p"; done)"
        [ -z "$pids" ] && return 0
        sleep 0.5
    done
    kill -9 $pids 2>/dev/null
}
teardown_root() {
    stop_lab_daemons
    # Deepest mounts first (binds and proc inside the overlays, then the overlays).
    awk -v r="$ROOT/" 'index($2, r) == 1 {print $2}' /proc/mounts | sort -r | while read -r m; do umount -l "$m"; done
    rm -rf "$ROOT"
}
cleanup() {
    teardown_root
    ip netns del "$NS" 2>/dev/null || true
    rm -f "$ANS/inventory/example/group_vars/all/vault.yml"
    [ -n "${VAULT_DIR:-}" ] && rm -rf "$VAULT_DIR"
}
trap 'cleanup; echo "$PASSED passed, $FAILED failed, $SKIPPED skipped"' EXIT
trap 'exit 130' INT TERM

PKGS=(ansible ansible-lint nftables nginx libnginx-mod-http-modsecurity modsecurity-crs haproxy keepalived fail2ban openssl
      mariadb-server mariadb-backup mariadb-client python3-pymysql redis-server redis-sentinel nfs-kernel-server
      nfs-common zstd gnupg rsync prometheus prometheus-alertmanager prometheus-node-exporter
      prometheus-blackbox-exporter prometheus-mysqld-exporter prometheus-redis-exporter mtail)
missing=()
for p in "${PKGS[@]}"; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
    echo "installing: ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1 \
        || { fail "apt-get install ${missing[*]}"; exit 1; }
fi

cd "$ANS"
export ANSIBLE_CONFIG="$ANS/ansible.cfg" ANSIBLE_NOCOLOR=1 ANSIBLE_FORCE_COLOR=0
# No vault password is ever committed: the example vault is encrypted here, with a random password, from the
# plaintext placeholders in vault.example.yml, and removed again on exit.
VAULT_DIR="$(mktemp -d /tmp/osl-vault.XXXXXX)"
chmod 700 "$VAULT_DIR"
head -c 32 /dev/urandom | base64 > "$VAULT_DIR/password"
chmod 600 "$VAULT_DIR/password"
export ANSIBLE_VAULT_PASSWORD_FILE="$VAULT_DIR/password"
install -m 0600 inventory/example/vault.example.yml inventory/example/group_vars/all/vault.yml
ansible-vault encrypt inventory/example/group_vars/all/vault.yml >/dev/null
export ANSIBLE_LOCAL_TEMP="$(mktemp -d /tmp/osl-ansible-tmp.XXXXXX)"

check "ansible-lint --profile production (0 violations)" ansible-lint --offline --profile production -q --nocolor
for p in site.yml playbooks/*.yml; do
    check "ansible-playbook --syntax-check $p" ansible-playbook -i inventory/example/hosts.yml --syntax-check "$p"
done
check "every role documents its variables in defaults/main.yml with the role prefix" bash -c '
    rc=0
    for d in roles/*/; do r=$(basename "$d"); f="$d/defaults/main.yml"
        [ -f "$f" ] || { echo "no defaults: $r"; rc=1; continue; }
        grep -E "^[a-z_]+:" "$f" | grep -v "^${r}__" && { echo "unprefixed in $r"; rc=1; }
        for v in $(grep -oE "^${r}__[a-z_]+" "$f"); do grep -q "^# ${v}" "$f" || grep -q "^# .*${v}" "$f" || { echo "undocumented $v"; rc=1; }; done
    done; exit $rc'
check "the example vault is encrypted" bash -c "head -1 inventory/example/group_vars/all/vault.yml | grep -q '^\$ANSIBLE_VAULT;1.1;AES256'"

# site.yml must stop before touching a server when the inventory is incomplete.
broken="$(mktemp -d /tmp/osl-ansible-inv.XXXXXX)"
cp -r inventory/example/group_vars "$broken/"
python3 - "$ANS/inventory/example/hosts.yml" "$broken/hosts.yml" <<'EOF'
import sys, yaml
inv = yaml.safe_load(open(sys.argv[1]))
del inv["all"]["children"]["kafka"]
yaml.safe_dump(inv, open(sys.argv[2], "w"))
EOF
out="$(ansible-playbook -i "$broken/hosts.yml" site.yml 2>&1)"; rc=$?
rm -rf "$broken"
if [ $rc != 0 ] && grep -q "inventory group 'kafka' is missing or empty" <<<"$out" && ! grep -q 'Harden every server' <<<"$out"; then
    pass "site.yml fails early with a clear message when a group is missing (kafka)"
else
    fail "site.yml did not fail early on a missing group"; echo "$out" | tail -n 10 | sed 's/^/    /'
fi

# ---------------------------------------------------------------- converge on the lab hosts
DATA_IPS=(10.30.0.40 10.30.0.51 10.30.0.52 10.30.0.60 10.30.0.61 10.30.0.62 10.30.0.70 10.30.0.80 10.30.0.90)
HOSTS="$ROOT/hosts"
teardown_root
ip netns del "$NS" 2>/dev/null
overlay() { # UPPER_BASE MOUNTPOINT
    mkdir -p "$1"/{upper,work} "$2"
    mount -t overlay overlay -o "lowerdir=/,upperdir=$1/upper,workdir=$1/work" "$2" 2>/dev/null || return 1
    mount -t proc proc "$2/proc"
    mount --bind /dev "$2/dev"
}
mkdir -p "$ROOT/artifacts"
if ! overlay "$ROOT" "$ROOT/merged"; then
    skip "converge: overlayfs not available on this kernel"
    exit $((FAILED > 0))
fi
for ip in "${DATA_IPS[@]}"; do overlay "$ROOT/ovl/$ip" "$HOSTS/$ip"; done
ip netns add "$NS"
ip -n "$NS" link set lo up
# No dummy interface module in this kernel: the data hosts' addresses live on the namespace's loopback.
for ip in "${DATA_IPS[@]}"; do ip -n "$NS" addr add "$ip/32" dev lo; done
# As on a backup WAF/L4 node, the VIP is not local: the roles set ip_nonlocal_bind (per netns).
ip netns exec "$NS" sysctl -qw net.ipv4.ip_nonlocal_bind=1
ARTIFACTS="$ROOT/artifacts"
if [ -f "$REPO/dmz-api/target/dmz-api.jar" ]; then
    # Snapshot: the build may replace the jar between the two converges.
    cp "$REPO/dmz-api/target/dmz-api.jar" "$ARTIFACTS/"; jar_note="real dmz-api.jar"
else
    echo placeholder > "$ARTIFACTS/dmz-api.jar"; jar_note="placeholder jar (dmz-api not built)"
fi
# The Apache Kafka tgz the role unpacks is not reachable here (no internet; Maven Central has the jars, not the
# distribution): assemble one with the same layout from Maven Central's kafka_2.13 + kafka-tools and their runtime
# dependencies, with thin launchers under the distribution's script names (java -cp libs/* <the class the real
# script runs>). The role then unpacks it and formats the KRaft storage with it for real.
KAFKA_VERSION=4.1.2
KAFKA_TOP="kafka_2.13-$KAFKA_VERSION"
JMX_EXPORTER_VERSION=1.0.1   # = kafka__jmx_exporter_version
build_kafka_archive() {
    local d="$ROOT/kafka-build" f
    mkdir -p "$d/$KAFKA_TOP/bin"
    cat > "$d/pom.xml" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <groupId>dev.onshore.lab</groupId><artifactId>kafka-dist</artifactId><version>1</version><packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka_2.13</artifactId><version>$KAFKA_VERSION</version></dependency>
    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka-tools</artifactId><version>$KAFKA_VERSION</version></dependency>
  </dependencies></project>
EOF
    "$REPO/mvnw" -B -q -f "$d/pom.xml" dependency:copy-dependencies -DoutputDirectory="$d/$KAFKA_TOP/libs" \
        -DincludeScope=runtime > "$d/mvn.log" 2>&1 || { tail -5 "$d/mvn.log"; return 1; }
    cat > "$d/$KAFKA_TOP/bin/kafka-run-class.sh" <<'EOF'
#!/bin/sh
# Lab launcher with the distribution's contract: JAVA_HOME, KAFKA_HEAP_OPTS, KAFKA_OPTS, libs/*.
base="$(cd "$(dirname "$0")/.." && pwd)"
exec "${JAVA_HOME:-/usr}/bin/java" ${KAFKA_HEAP_OPTS:--Xmx256m} -XX:+UseSerialGC $KAFKA_OPTS -cp "$base/libs/*" "$@"
EOF
    for f in kafka-server-start.sh:kafka.Kafka kafka-storage.sh:kafka.tools.StorageTool kafka-topics.sh:org.apache.kafka.tools.TopicCommand; do
        printf '#!/bin/sh\nexec "$(dirname "$0")/kafka-run-class.sh" %s "$@"\n' "${f#*:}" > "$d/$KAFKA_TOP/bin/${f%%:*}"
    done
    chmod 755 "$d/$KAFKA_TOP"/bin/*.sh
    tar -C "$d" -cf - "$KAFKA_TOP" | gzip -1 > "$ARTIFACTS/$KAFKA_TOP.tgz"
    # The JMX exporter agent the role installs next to it (kafka__archive_dir), from Maven Central as well.
    "$REPO/mvnw" -B -q -f "$d/pom.xml" dependency:copy -Dartifact="io.prometheus.jmx:jmx_prometheus_javaagent:$JMX_EXPORTER_VERSION" \
        -DoutputDirectory="$ARTIFACTS" >> "$d/mvn.log" 2>&1 || { tail -5 "$d/mvn.log"; return 1; }
}
EXCLUDE=""
t0=$SECONDS
if kafka_note="$(build_kafka_archive 2>&1)"; then
    echo "     Kafka $KAFKA_VERSION archive assembled from Maven Central jars ($(du -h "$ARTIFACTS/$KAFKA_TOP.tgz" | cut -f1), $((SECONDS - t0)) s)"
else
    skip "Kafka: could not assemble the archive from Maven Central ($kafka_note); kafka not converged"
    EXCLUDE+=':!kafka'
fi
KEYCLOAK_ZIP="$(ls "$HOME"/.m2/repository/org/keycloak/keycloak-quarkus-dist/*/keycloak-quarkus-dist-*.zip 2>/dev/null | sort -V | tail -1)"
KEYCLOAK_VERSION="$(basename "$KEYCLOAK_ZIP" .zip | sed 's/^keycloak-quarkus-dist-//')"
if [ -n "$KEYCLOAK_ZIP" ]; then
    cp "$KEYCLOAK_ZIP" "$ARTIFACTS/"
else
    skip "Keycloak: no keycloak-quarkus-dist zip in the local Maven repository (the devstack build fetches it); keycloak not converged"
    EXCLUDE+=':!keycloak'
fi
LIMIT=()
[ -n "$EXCLUDE" ] && LIMIT=(--limit "all$EXCLUDE")
# Lab secrets, fresh per run, handed over as a 0600 extra-vars file (never in git).
SECRETS="$ROOT/lab-secrets.yml"
(umask 077; for v in mariadb__root_password mariadb__replication_password mariadb__app_password mariadb__exporter_password redis__password \
        backups__encryption_passphrase keycloak__db_password keycloak__admin_password keycloak__admin_client_secret \
        keycloak__service_client_secret; do echo "$v: $(openssl rand -hex 16)"; done > "$SECRETS")
lab_secret() { sed -n "s/^$1: //p" "$SECRETS"; }
# ansible_host of a data host is its address and, relative to $HOSTS, its chroot directory.
converge() { # [GROUP]: all lab hosts, or only that group's
    local limit=("${LIMIT[@]}")
    [ -n "${1:-}" ] && limit=(--limit "$1$EXCLUDE")
    # Pipelining: modules go to the chroot's python on stdin instead of as files (the chroot plugin supports it).
    (cd "$HOSTS" && ANSIBLE_PIPELINING=True ip netns exec "$NS" ansible-playbook -i "$ANS/inventory/lab/hosts.yml" "$ANS/playbooks/lab-converge.yml" \
        -e "lab_artifact_dir=$ARTIFACTS" -e "keycloak__version=${KEYCLOAK_VERSION:-26.7.3}" -e "@$SECRETS" "${limit[@]}" 2>&1)
}
start=$SECONDS
out1="$(converge)"; rc1=$?
echo "$out1" | grep -E '^(osl-lab-host|lab-)' | sed 's/^/     first converge:  /'
if [ $rc1 = 0 ]; then
    pass "converge common, nftables(edge; internal_host on the data hosts), node_exporter (${#DATA_IPS[@]} data hosts), waf + mtail, ips, haproxy(dmz), java_app(dmz-api, $jar_note), mariadb + mysqld_exporter (primary + replica), redis + sentinel + redis_exporter (3 nodes), kafka + JMX exporter agent, keycloak, nas, backups, monitoring + blackbox on 10 lab hosts ($((SECONDS - start)) s)"
else
    fail "converge on the lab hosts"; echo "$out1" | grep -E 'fatal|FAILED|ERROR|msg' | head -n 15 | sed 's/^/    /'
fi
start=$SECONDS
out2="$(converge)"; rc2=$?
recap2="$(echo "$out2" | grep -E '^(osl-lab-host|lab-)')"
echo "$recap2" | sed 's/^/     second converge: /'
if [ $rc2 = 0 ] && [ -n "$recap2" ] && ! grep -qv 'changed=0 ' <<<"$recap2"; then
    pass "second converge changes nothing on any host (idempotent, $((SECONDS - start)) s)"
else
    fail "second converge is not idempotent"; echo "$out2" | grep -B2 -E "^(changed|fatal):" | head -n 20 | sed "s/^/    /"
fi

inroot() { ip netns exec "$NS" chroot "$ROOT/merged" "$@"; }
check "converged /etc/nftables.conf loads in the kernel check (nft -c)" inroot nft -c -f /etc/nftables.conf
check "converged edge rule set is network/nftables/edge.nft with inventory defines" \
    bash -c "grep -q 'define WAF_VIP = 203.0.113.10' '$ROOT/merged/etc/nftables.d/onshore.nft' && grep -q 'set ips_ban' '$ROOT/merged/etc/nftables.d/onshore.nft'"
check "converged nginx + ModSecurity + CRS configuration passes nginx -t" inroot nginx -t -q
check "converged HAProxy configuration passes haproxy -c with the unit's environment" inroot env \
    ONSHORE_LB_VIP=10.20.0.10 ONSHORE_LB_NODE_IP=10.20.0.2 ONSHORE_LB_RUN=/tmp ONSHORE_UP1=10.20.0.21:8080 \
    ONSHORE_UP2=10.20.0.22:8080 ONSHORE_KEYCLOAK=10.30.0.40:8180 ONSHORE_DMZ_NET=10.20.0.0/24 haproxy -c -q -f /etc/haproxy/haproxy.cfg
check "converged keepalived configuration passes keepalived -t" bash -c "
    ip -n $NS link add eth0 type veth peer name eth1 2>/dev/null; ip netns exec $NS chroot '$ROOT/merged' keepalived -t -f /etc/keepalived/keepalived.conf"
check "converged fail2ban configuration parses (fail2ban-client -t)" inroot fail2ban-client -t
check "dmz-api unit is hardened (NoNewPrivileges, ProtectSystem=strict, PrivateTmp, dedicated user)" bash -c "
    u='$ROOT/merged/etc/systemd/system/onshore-dmz-api.service'
    grep -q '^NoNewPrivileges=true' \$u && grep -q '^ProtectSystem=strict' \$u && grep -q '^PrivateTmp=true' \$u && grep -q '^User=dmz-api' \$u"
check "secrets file and private key are 0600/0640 root-owned" bash -c "
    [ \"\$(stat -c %a:%U '$ROOT/merged/etc/onshore/dmz-api/secrets.env')\" = 600:root ] &&
    [ \"\$(stat -c %a:%U '$ROOT/merged/etc/onshore/waf/tls/shop.key')\" = 640:root ]"
check "sshd hardening drop-in written (no root, keys only, admin group)" bash -c "
    f='$ROOT/merged/etc/ssh/sshd_config.d/onshore.conf'
    grep -q '^PermitRootLogin no' \$f && grep -q '^PasswordAuthentication no' \$f && grep -q '^AllowGroups onshore-admins' \$f"
check "nothing leaked onto the real host (all writes in the overlay's upper dir)" \
    bash -c "[ ! -e /etc/nftables.d/onshore.nft ] && [ ! -e /etc/systemd/system/onshore-dmz-api.service ] && [ -e '$ROOT/upper/etc/nftables.d/onshore.nft' ]"

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

prom_ready() { ip netns exec "$NS" curl -sf http://10.30.0.90:9090/-/ready; }
check "Prometheus started by the monitoring role answers ready on 10.30.0.90:9090" wait_for 60 prom_ready
check "rendered prometheus.yml passes promtool check config (rules included)" inhost 10.30.0.90 promtool check config /etc/prometheus/prometheus.yml
rules_in_git="$(cat "$REPO"/monitoring/rules/*.yml | grep -c '^ *- alert:')"
rules_loaded() { [ "$(ip netns exec "$NS" curl -sf http://10.30.0.90:9090/api/v1/rules | python3 -c 'import json,sys; print(sum(len(g["rules"]) for g in json.load(sys.stdin)["data"]["groups"]))')" = "$rules_in_git" ]; }
check "Prometheus loaded all $rules_in_git alert rules of monitoring/rules" wait_for 20 rules_loaded
am_ready() { ip netns exec "$NS" curl -sf http://10.30.0.90:9093/-/ready; }
check "Alertmanager answers ready on 10.30.0.90:9093 with the rendered routing (amtool check-config)" bash -c "
    $(declare -f am_ready wait_for); NS=$NS; wait_for 60 am_ready && ip netns exec $NS chroot $HOSTS/10.30.0.90 amtool check-config /etc/prometheus/alertmanager.yml"

# ---------------------------------------------------------------- exporters, and what the lab Prometheus scrapes
check "internal host firewalls of lab-db-1, lab-redis-1, lab-kafka-1 (rendered by the nftables role, nft -c): the exporter ports only from the Prometheus host (MONITORING = 10.30.0.90)" bash -c '
    for hp in 10.30.0.51:9104 10.30.0.60:9121 10.30.0.70:7071; do f="$1/${hp%:*}/etc/nftables.d/onshore.nft"
        grep -qx "define MONITORING = { 10.30.0.90 }" "$f" && grep -qx "define MONITORING_PORTS = { 9100, ${hp#*:} }" "$f" &&
        grep -q "ip saddr \$MONITORING tcp dport \$MONITORING_PORTS ct state new accept" "$f" &&
        ! grep "SERVICE_SOURCES = " "$f" | grep -q 10.30.0.90 || { echo "$f"; cat "$f"; exit 1; }
    done' _ "$HOSTS"
# Java's HTTP server (the JMX agent) binds an IPv6 socket: [::ffff:10.30.0.70]:7071 is 10.30.0.70:7071.
listeners="$(ip netns exec "$NS" ss -Hltn | awk '{print $4}' | sed -E 's/^\[::ffff:([0-9.]+)\]/\1/' | sort -u)"
check "exporters listen on their host's address only: node exporter on each of the ${#DATA_IPS[@]} data hosts :9100, mysqld_exporter 10.30.0.51/52:9104, redis_exporter 10.30.0.60/61:9121, Kafka's JMX agent 10.30.0.70:7071, blackbox 127.0.0.1:9115" bash -c '
    for a in ${@:2} 10.30.0.51:9104 10.30.0.52:9104 10.30.0.60:9121 10.30.0.61:9121 10.30.0.70:7071 127.0.0.1:9115; do grep -qx "$a" <<<"$1" || { echo "no listener on $a"; exit 1; }; done
    if grep -E "^(\*|0\.0\.0\.0|\[::\]):(9100|9104|9121|7071|9115)$" <<<"$1"; then echo "listening on all addresses"; exit 1; fi' _ "$listeners" "${DATA_IPS[@]/%/:9100}"
exporter_privs="$(sql 10.30.0.51 "SHOW GRANTS FOR 'prometheus'@'localhost'" | sed -n 's/^GRANT \(.*\) ON \*\.\* TO .*/\1/p')"
exporter_accounts="$(sql 10.30.0.51 "SELECT GROUP_CONCAT(CONCAT(User, '@', Host)) FROM mysql.user WHERE User = 'prometheus'")"
check "mysqld_exporter's MariaDB account ($exporter_accounts: $exporter_privs) is local-socket only with PROCESS and SLAVE MONITOR only; its credentials file is 0600 prometheus on both hosts, as is redis_exporter's password file" bash -c '
    [ "$1" = "PROCESS, SLAVE MONITOR" ] && [ "$2" = prometheus@localhost ] || exit 1
    for f in 10.30.0.51/etc/mysql/prometheus-mysqld-exporter.cnf 10.30.0.52/etc/mysql/prometheus-mysqld-exporter.cnf \
             10.30.0.60/etc/onshore/prometheus-redis-exporter.json 10.30.0.61/etc/onshore/prometheus-redis-exporter.json; do
        [ "$(stat -c %a:%U "$3/$f")" = 600:prometheus ] || { echo "$f: $(stat -c %a:%U "$3/$f")"; exit 1; }
    done' _ "$exporter_privs" "$exporter_accounts" "$HOSTS"
check "converged mtail program on the WAF host compiles there, reads the WAF's error log (/etc/default/mtail)" bash -c "
    ip netns exec $NS chroot '$ROOT/merged' mtail --compile_only --progs /etc/mtail --logtostderr &&
    grep -qx 'LOGS=/var/log/onshore/waf/error.log' '$ROOT/merged/etc/default/mtail' && [ -s '$ROOT/merged/etc/mtail/modsecurity.mtail' ]"

# Jobs the lab cannot bring up, with the reason (printed as SKIP). Every other job must have all targets up.
# Jobs whose targets cannot be up in the lab, with the reason (SKIPped, not failed). None at present.
declare -A LAB_DOWN_JOBS=()
prom_api() { ip netns exec "$NS" curl -sf --get "http://10.30.0.90:9090/api/v1/$1" "${@:2}"; }
jobs_up() { # prints "job up/total" per job; exits 1 while an expected job has a target not up
    prom_api targets | python3 -c '
import json, sys
down = set(sys.argv[1:]); rc = 0; jobs = {}
for t in json.load(sys.stdin)["data"]["activeTargets"]:
    j = jobs.setdefault(t["labels"]["job"], [0, 0]); j[1] += 1; j[0] += t["health"] == "up"
for job, (up, total) in sorted(jobs.items()):
    print(job, f"{up}/{total}")
    if job not in down and up != total: rc = 1
sys.exit(rc)' "${!LAB_DOWN_JOBS[@]}"
}
wait_for 120 jobs_up
jobs_state="$(jobs_up)"; jobs_rc=$?
required_jobs=(prometheus node mariadb redis redis_sentinel kafka tls)
[[ "$EXCLUDE" == *keycloak* ]] || required_jobs+=(keycloak)
for job in "${required_jobs[@]}"; do
    grep -q "^$job " <<<"$jobs_state" || { jobs_rc=1; jobs_state+=$'\n'"$job: no target in the scrape configuration"; }
done
check "the lab Prometheus scrapes every exporter job with up == 1 on each target: $(grep -vE "^($(IFS='|'; echo "${!LAB_DOWN_JOBS[*]}")) " <<<"$jobs_state" | tr '\n' ' ')" test "$jobs_rc" = 0
[ "$jobs_rc" = 0 ] || echo "$jobs_state" | sed 's/^/    /'
for job in "${!LAB_DOWN_JOBS[@]}"; do
    skip "job $job ($(sed -n "s/^$job //p" <<<"$jobs_state") targets up): ${LAB_DOWN_JOBS[$job]}"
done

prom_value() { prom_api query --data-urlencode "query=$1" | python3 -c 'import json,sys; print(" ".join(sorted(r["metric"].get("instance", "") + "=" + r["value"][1] for r in json.load(sys.stdin)["data"]["result"])))'; }
# After the Sentinel drill above the Redis primary is the promoted server, with the two others as its replicas.
redis_primary="${new_primary:-10.30.0.60}"
expected="replica io/sql: 10.30.0.52:9104=2; semi-sync on writable: 10.30.0.51:9104=1; redis master: $redis_primary:9121=1; its replicas: $redis_primary:9121=2; sentinels: 10.30.0.60:26379=3 10.30.0.61:26379=3 10.30.0.62:26379=3; lab.probe partitions under-replicated/reported: =0/=3; alerts: "
scraped_state() { echo "replica io/sql: $(prom_value 'mysql_slave_status_slave_io_running + mysql_slave_status_slave_sql_running'); semi-sync on writable: $(prom_value 'mysql_global_status_rpl_semi_sync_master_status and on (instance) mysql_global_variables_read_only == 0'); redis master: $(prom_value 'redis_instance_info{role="master"}'); its replicas: $(prom_value 'redis_connected_slaves and on (instance) redis_instance_info{role="master"}'); sentinels: $(prom_value 'redis_sentinel_master_sentinels'); lab.probe partitions under-replicated/reported: $(prom_value 'sum(kafka_cluster_partition_underreplicated{topic="lab.probe"})')/$(prom_value 'count(kafka_cluster_partition_underreplicated{topic="lab.probe"})'); alerts: $(prom_value 'ALERTS{alertname=~"MariaDB.*|Redis.*|Kafka.*"}')"; }
scraped_as_expected() { [ "$(scraped_state)" = "$expected" ]; }
# (the lab.probe topic is created shortly before: a JMX scrape must have seen all its partitions)
wait_for 150 scraped_as_expected
state="$(scraped_state)"
check "the alert rules' inputs, as scraped, match the lab's state and none of the MariaDB/Redis/Kafka alerts is pending or firing ($state)" test "$state" = "$expected"
[ "$state" = "$expected" ] || echo "    expected: $expected"

# ---------------------------------------------------------------- backup, restore drill, point in time, failover
for ip in 10.30.0.51 10.30.0.52; do
    mkdir -p "$HOSTS/$ip/mnt/nas/backups"
    mount --bind "$HOSTS/10.30.0.80/srv/nas/backups" "$HOSTS/$ip/mnt/nas/backups"
done
for i in $(seq 1 200); do echo "INSERT INTO drill (batch) VALUES ('a');"; done | inhost 10.30.0.51 mariadb -D onshore
at_backup="$(sql 10.30.0.51 'CHECKSUM TABLE onshore.drill' | cut -f2)"
t0=$SECONDS
bout="$(inhost 10.30.0.51 /usr/local/sbin/onshore-backup 2>&1)"; brc=$?
echo "     $bout"
bdir="$(ls -d "$HOSTS"/10.30.0.80/srv/nas/backups/lab-db-1/full/*Z 2>/dev/null | tail -1)"
check "backup script (mariabackup | zstd | gpg) wrote a complete backup of lab-db-1 to the NAS path with GTID, SHA256SUMS and node-exporter metrics ($(du -b "$bdir/backup.xbstream.zst.gpg" 2>/dev/null | cut -f1) bytes, $((SECONDS - t0)) s)" bash -c "
    [ $brc = 0 ] && [ -s '$bdir/gtid' ] && (cd '$bdir' && sha256sum --quiet -c SHA256SUMS) &&
    grep -q '^onshore_backup_last_success_timestamp_seconds ' '$HOSTS/10.30.0.51/var/lib/prometheus/node-exporter/onshore_backup.prom'"
# The node exporter serves that file (textfile collector): the lab Prometheus must have the same values.
backup_prom="$HOSTS/10.30.0.51/var/lib/prometheus/node-exporter/onshore_backup.prom"
backup_scraped() { # "<timestamp> <size>" as lab-db-1's node exporter serves them, once both are scraped
    local ts size
    ts="$(prom_value 'onshore_backup_last_success_timestamp_seconds{job="node",instance="10.30.0.51:9100"}')"
    size="$(prom_value 'onshore_backup_size_bytes{job="node",instance="10.30.0.51:9100"}')"
    [ -n "$ts" ] && [ -n "$size" ] && echo "${ts#*=} ${size#*=}"
}
wait_for 90 backup_scraped
read -r scraped_ts scraped_size <<<"$(backup_scraped)"
scraped_age="$(awk -v t="${scraped_ts:-x}" 'BEGIN { if (t ~ /^[0-9]+$/) print systime() - t; else print "unknown" }')"
check "the lab Prometheus scraped lab-db-1's backup metrics from its node exporter (job node, 10.30.0.51:9100): last success $scraped_age s ago (0..3599), size ${scraped_size:-none} bytes (> 0), both as onshore-backup wrote them" bash -c '
    [[ "$4" =~ ^[0-9]+$ ]] && [ "$4" -lt 3600 ] && [[ "$2" =~ ^[0-9]+$ ]] && [ "$2" -gt 0 ] &&
    [ "$(awk "/^onshore_backup_last_success_timestamp_seconds /{print \$2}" "$3")" = "$1" ] &&
    [ "$(awk "/^onshore_backup_size_bytes /{print \$2}" "$3")" = "$2" ] || { echo "scraped: ts=$1 size=$2"; cat "$3"; exit 1; }' _ "${scraped_ts:-}" "${scraped_size:-}" "$backup_prom" "$scraped_age"
# After the backup: batch b1, a moment, batch b2 (PITR target = the moment).
for i in $(seq 1 120); do echo "INSERT INTO drill (batch) VALUES ('b1');"; done | inhost 10.30.0.51 mariadb -D onshore
sleep 1.1   # binlog event times have one-second resolution: the moment must fall between b1 and b2
moment="$(sql 10.30.0.51 'SELECT NOW()')"
sleep 1.1
for i in $(seq 1 80); do echo "INSERT INTO drill (batch) VALUES ('b2');"; done | inhost 10.30.0.51 mariadb -D onshore
drill() {
    (cd "$HOSTS" && ANSIBLE_PIPELINING=True ip netns exec "$NS" ansible-playbook -i "${DRILL_INVENTORY:-$ANS/inventory/lab/hosts.yml}" \
        "$ANS/playbooks/restore-drill.yml" -e "@$SECRETS" "$@" 2>&1)
}
report() { sed -n "s/^$1=//p" "$HOSTS/10.30.0.52/var/tmp/onshore-restore-drill.report"; }
t0=$SECONDS
dout="$(drill)"; drc=$?
dsecs=$((SECONDS - t0))
if [ $drc = 0 ] && [ "$(report checksum_at_backup | cut -f2)" = "$at_backup" ] && [ "$(report checksum_scratch)" = "$(report checksum_replica)" ]; then
    pass "restore drill (playbooks/restore-drill.yml, $dsecs s): newest backup restored into a scratch instance equals the primary at the backup's GTID $(report backup_gtid) (checksum $at_backup); rolled forward with the archived binlogs it equals the replica at GTID $(report replica_gtid) (prepare $(report prepare_seconds), roll-forward $(report rollforward_seconds))"
else
    fail "restore drill"; echo "$dout" | grep -E 'fatal|FAILED|msg' | head -n 10 | sed 's/^/    /'; sed 's/^/    /' "$HOSTS/10.30.0.52/var/tmp/onshore-restore-drill.report" 2>/dev/null
fi
t0=$SECONDS
pout="$(drill -e "restore_drill_stop_datetime='$moment'")"; prc=$?
psecs=$((SECONDS - t0))
pitr="$(inhost 10.30.0.52 mariadb -S /var/tmp/onshore-restore-drill/mysqld.sock -N -B -e "SELECT GROUP_CONCAT(batch, ':', n ORDER BY batch) FROM (SELECT batch, COUNT(*) n FROM onshore.drill GROUP BY batch) c" 2>&1)"
inhost 10.30.0.52 mariadb-admin -S /var/tmp/onshore-restore-drill/mysqld.sock shutdown >/dev/null 2>&1
if [ $prc = 0 ] && [ "$pitr" = "a:250,b1:120" ]; then
    pass "point-in-time restore to $moment ($psecs s): backup + binlogs up to that second hold batches a and b1, none of b2 ($pitr)"
else
    fail "point-in-time restore to $moment: expected a:250,b1:120, got '$pitr'"; echo "$pout" | grep -E 'fatal|FAILED|msg' | head -n 10 | sed 's/^/    /'
fi

# Every metric metrics.yml calls scraped must exist in the lab Prometheus, unless its producer cannot run in
# the lab (matched on the producer text; reason printed as SKIP). Missing ones are listed as SKIP too. Checked
# here, after the backup and the drill's binlog archive wrote their node exporter textfile metrics.
LAB_ABSENT_PRODUCERS='[
  ["internal-was|Actuator", "the Spring applications are not deployed in the lab (no dmz_api, internal_was or admin hosts)"],
  ["job tls", "no HTTPS endpoint runs in the lab (the WAF host is converged files-only), so no probe gets a certificate"],
  ["WAF nodes", "the WAF host is converged files-only in the lab (nginx and mtail not started, no address to scrape); its mtail program is compiled there instead"]
]'
metrics_present() {
    python3 - "$REPO/monitoring/metrics.yml" "$LAB_ABSENT_PRODUCERS" "$1" <<'EOF'
import json, re, subprocess, sys, urllib.parse, yaml
metrics = yaml.safe_load(open(sys.argv[1]))["metrics"]; absent = json.loads(sys.argv[2]); mode = sys.argv[3]
def exists(name):
    out = subprocess.run(["ip", "netns", "exec", "osl-ans", "curl", "-sf", "--get", "--data-urlencode",
                          f'query=count({{__name__="{name}"}})', "http://10.30.0.90:9090/api/v1/query"],
                         capture_output=True, text=True).stdout
    return bool(out) and len(json.loads(out)["data"]["result"]) > 0
found, lost, skipped = [], [], {}
for name, m in metrics.items():
    if m["status"] != "scraped":
        skipped.setdefault(f"status {m['status']} in metrics.yml ({m.get('needs', '')})", []).append(name); continue
    reason = next((r for pat, r in absent if re.search(pat, m["producer"])), None)
    if reason:
        skipped.setdefault(reason, []).append(name)
    else:
        (found if exists(name) else lost).append(name)
if mode == "report":
    print(json.dumps({"found": found, "lost": lost, "skipped": skipped}))
sys.exit(1 if lost else 0)
EOF
}
wait_for 60 metrics_present check
report="$(metrics_present report)"
found="$(python3 -c 'import json,sys; print(" ".join(json.loads(sys.argv[1])["found"]))' "$report")"
lost="$(python3 -c 'import json,sys; print(" ".join(json.loads(sys.argv[1])["lost"]))' "$report")"
check "$(wc -w <<<"$found") metrics of metrics.yml (status scraped, producer deployed in the lab) have series in the lab Prometheus: $found" test -z "$lost"
[ -z "$lost" ] || echo "    no series for: $lost"
while IFS=$'\t' read -r reason names; do
    skip "$names: $reason"
done < <(python3 -c 'import json,sys; [print(r + "\t" + " ".join(n)) for r, n in json.loads(sys.argv[1])["skipped"].items()]' "$report")

t0=$SECONDS
fout="$(cd "$HOSTS" && ANSIBLE_PIPELINING=True ip netns exec "$NS" ansible-playbook -i "$ANS/inventory/lab/hosts.yml" \
    "$ANS/playbooks/failover.yml" -e "@$SECRETS" 2>&1)"; frc=$?
fsecs=$((SECONDS - t0))
yes0="$(status 10.30.0.52 RPL_SEMI_SYNC_MASTER_YES_TX)"
app_sql 10.30.0.52 "INSERT INTO drill (batch) VALUES ('c')" 2>/dev/null; crc=$?
yes1="$(status 10.30.0.52 RPL_SEMI_SYNC_MASTER_YES_TX)"
state="rc=$frc new-primary: read_only=$(sql 10.30.0.52 'SELECT @@read_only') semi-sync=$(status 10.30.0.52 RPL_SEMI_SYNC_MASTER_STATUS) clients=$(status 10.30.0.52 RPL_SEMI_SYNC_MASTER_CLIENTS) acked-app-write=$((yes1 - yes0)); old primary: io=$(replica_field 10.30.0.51 Slave_IO_Running) sql=$(replica_field 10.30.0.51 Slave_SQL_Running) semi-sync-slave=$(status 10.30.0.51 RPL_SEMI_SYNC_SLAVE_STATUS) read_only=$(sql 10.30.0.51 'SELECT @@read_only')"
replica_equal_rev() { [ "$(sql 10.30.0.51 'CHECKSUM TABLE onshore.drill')" = "$(sql 10.30.0.52 'CHECKSUM TABLE onshore.drill')" ]; }
if [ "$state" = "rc=0 new-primary: read_only=0 semi-sync=ON clients=1 acked-app-write=1; old primary: io=Yes sql=Yes semi-sync-slave=ON read_only=1" ] && [ $crc = 0 ] && wait_for 20 replica_equal_rev; then
    pass "failover playbook ($fsecs s): replica promoted, old primary rejoined as semi-sync replica, the first app write on the new primary acknowledged, tables equal ($state)"
else
    fail "failover playbook: $state"; echo "$fout" | grep -E 'fatal|FAILED|msg' | head -n 10 | sed 's/^/    /'
fi

# After the failover, as an operator does (failover.yml): the inventory swapped, lab-db-2 primary. Path 1: a backup on
# the new primary, more writes, a point-in-time restore on the new replica (the newest backup, rolled forward with
# the new primary's binlogs to a moment after it). Path 2: a backup on the demoted server (its GTID is one of the new
# primary's, 0-2-N), restored to a later moment with the new primary's binlogs: the case that failed with "Binary
# logs never reached expected GTID state 0-2-464" when the drill replayed the demoted server's own, older archive.
batch() { local i; for i in $(seq 1 "$3"); do echo "INSERT INTO drill (batch) VALUES ('$2');"; done | inhost "$1" mariadb -D onshore; }
counts() { inhost "$1" mariadb -S /var/tmp/onshore-restore-drill/mysqld.sock -N -B -e "SELECT GROUP_CONCAT(batch, ':', n ORDER BY batch) FROM (SELECT batch, COUNT(*) n FROM onshore.drill GROUP BY batch) c" 2>&1; }
after="$ROOT/inventory-after-failover"
mkdir -p "$after" && cp -r "$ANS/inventory/lab/group_vars" "$after/"
python3 - "$ANS/inventory/lab/hosts.yml" "$after/hosts.yml" <<'EOF'
import sys, yaml
inv = yaml.safe_load(open(sys.argv[1]))
db = inv["all"]["children"]["mariadb"]["children"]
db["mariadb_primary"], db["mariadb_replica"] = db["mariadb_replica"], db["mariadb_primary"]
yaml.safe_dump(inv, open(sys.argv[2], "w"))
EOF
pitr_after_failover() { # LABEL BACKUP_IP BATCH
    local out rc moment got want t0=$SECONDS bk
    batch 10.30.0.52 "$3" 100
    bk="$(inhost "$2" /usr/local/sbin/onshore-backup 2>&1 | tail -1)"
    batch 10.30.0.52 "${3}1" 60; sleep 1.1; moment="$(sql 10.30.0.52 'SELECT NOW()')"; sleep 1.1; batch 10.30.0.52 "${3}2" 40
    want="$(sql 10.30.0.52 "SELECT GROUP_CONCAT(batch, ':', n ORDER BY batch) FROM (SELECT batch, COUNT(*) n FROM onshore.drill WHERE batch <> '${3}2' GROUP BY batch) c")"
    out="$(DRILL_INVENTORY="$after/hosts.yml" drill -e "restore_drill_stop_datetime='$moment'")"; rc=$?
    got="$(counts 10.30.0.51)"
    inhost 10.30.0.51 mariadb-admin -S /var/tmp/onshore-restore-drill/mysqld.sock shutdown >/dev/null 2>&1
    if [ $rc = 0 ] && [ "$got" = "$want" ]; then
        pass "after the failover, $1: $(sed -n 's/.* gtid=\([^ ]*\).*/backup at GTID \1/p' <<<"$bk"), restored on the new replica to $moment with lab-db-2's binlogs ($((SECONDS - t0)) s): every batch up to that second, none after ($got)"
    else
        fail "after the failover, $1: expected $want, got '$got' ($bk)"; echo "$out" | grep -E 'fatal|FAILED|msg|stderr' | head -n 10 | sed 's/^/    /'
    fi
}
pitr_after_failover "backup on the new primary lab-db-2 + point-in-time restore" 10.30.0.52 d
wait_for 40 replica_equal_rev
pitr_after_failover "backup on the demoted lab-db-1 + point-in-time restore" 10.30.0.51 e
echo "     daemons started by the converge (stopped by PID on exit): $(for p in $(lab_pids); do cat /proc/$p/comm; done 2>/dev/null | sort | uniq -c | awk '{printf "%s%s x%s", sep, $2, $1; sep=", "}')"
rm -rf "$ANSIBLE_LOCAL_TEMP"
[ "$FAILED" = 0 ]
