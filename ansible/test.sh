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
#     10.30.0.51 lab-db-1 MariaDB primary   10.30.0.52 lab-db-2 MariaDB replica (both: backups role)
#     10.30.0.60 lab-redis-1 Redis primary + Sentinel   10.30.0.61 lab-redis-2, 10.30.0.62 lab-redis-3 replica + Sentinel
#                (three Sentinels: a majority survives the loss of a whole server; the drill below loses one)
#     10.30.0.70 lab-kafka-1 Kafka KRaft (broker + controller; started by this script from the converged files)
#     10.30.0.40 lab-keycloak-1 Keycloak unpacked, configured, built (kc.sh build), its schema and account created
#                on the MariaDB primary, realms imported (started by this script from the converged unit)
#     10.30.0.80 lab-nas-1 NFS exports (rendered, exportfs-checked; the kernel has no nfsd)
#     10.30.0.90 lab-mon-1 Prometheus + Alertmanager
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
      prometheus-blackbox-exporter)
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
# Lab launcher with the distribution's contract: JAVA_HOME, KAFKA_HEAP_OPTS, libs/*.
base="$(cd "$(dirname "$0")/.." && pwd)"
exec "${JAVA_HOME:-/usr}/bin/java" ${KAFKA_HEAP_OPTS:--Xmx256m} -XX:+UseSerialGC -cp "$base/libs/*" "$@"
EOF
    for f in kafka-server-start.sh:kafka.Kafka kafka-storage.sh:kafka.tools.StorageTool kafka-topics.sh:org.apache.kafka.tools.TopicCommand; do
        printf '#!/bin/sh\nexec "$(dirname "$0")/kafka-run-class.sh" %s "$@"\n' "${f#*:}" > "$d/$KAFKA_TOP/bin/${f%%:*}"
    done
    chmod 755 "$d/$KAFKA_TOP"/bin/*.sh
    tar -C "$d" -cf - "$KAFKA_TOP" | gzip -1 > "$ARTIFACTS/$KAFKA_TOP.tgz"
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
(umask 077; for v in mariadb__root_password mariadb__replication_password mariadb__app_password redis__password \
        backups__encryption_passphrase keycloak__db_password keycloak__admin_password keycloak__admin_client_secret \
        keycloak__service_client_secret; do echo "$v: $(openssl rand -hex 16)"; done > "$SECRETS")
lab_secret() { sed -n "s/^$1: //p" "$SECRETS"; }
# ansible_host of a data host is its address and, relative to $HOSTS, its chroot directory.
converge() {
    # Pipelining: modules go to the chroot's python on stdin instead of as files (the chroot plugin supports it).
    (cd "$HOSTS" && ANSIBLE_PIPELINING=True ip netns exec "$NS" ansible-playbook -i "$ANS/inventory/lab/hosts.yml" "$ANS/playbooks/lab-converge.yml" \
        -e "lab_artifact_dir=$ARTIFACTS" -e "keycloak__version=${KEYCLOAK_VERSION:-26.7.3}" -e "@$SECRETS" "${LIMIT[@]}" 2>&1)
}
start=$SECONDS
out1="$(converge)"; rc1=$?
echo "$out1" | grep -E '^(osl-lab-host|lab-)' | sed 's/^/     first converge:  /'
if [ $rc1 = 0 ]; then
    pass "converge common, nftables(edge), waf, ips, haproxy(dmz), java_app(dmz-api, $jar_note), mariadb (primary + replica), redis + sentinel (3 nodes), kafka, keycloak, nas, backups, monitoring on 10 lab hosts ($((SECONDS - start)) s)"
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
else
    fail "Redis Sentinel failover drill: no replica promoted within 60 s of losing 10.30.0.60 (Sentinels say: $(master_of 10.30.0.61) / $(master_of 10.30.0.62))"
    tail -n 15 "$HOSTS/10.30.0.61/var/log/redis/redis-sentinel.log" | sed 's/^/    /'
fi

if [[ "$EXCLUDE" != *kafka* ]]; then
    # No init script for Kafka (the role ships a systemd unit): start what the unit would, as the kafka user.
    inhost 10.30.0.70 su kafka -s /bin/sh -c "JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 LOG_DIR=/var/log/kafka \
        exec /opt/$KAFKA_TOP/bin/kafka-server-start.sh /etc/kafka/server.properties" > "$ROOT/kafka.out" 2>&1 &
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
