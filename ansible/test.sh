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
ANS="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(dirname "$ANS")"
# shellcheck source=../scripts/suite.sh
. "$REPO/scripts/suite.sh"
# One lab per machine (fixed osl-* names and /tmp/osl-ansible).
suite_lock ansible-lab "$@"
suite_init ansible
ROOT=/tmp/osl-ansible
NS=osl-ans

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
trap 'cleanup; suite_summary' EXIT
trap 'exit 130' INT TERM

suite_packages ansible ansible-lint nftables nginx libnginx-mod-http-modsecurity modsecurity-crs haproxy keepalived \
    fail2ban openssl mariadb-server mariadb-backup mariadb-client python3-pymysql redis-server redis-sentinel \
    nfs-kernel-server nfs-common zstd gnupg rsync prometheus prometheus-alertmanager prometheus-node-exporter \
    prometheus-blackbox-exporter prometheus-mysqld-exporter prometheus-redis-exporter mtail || exit 1

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

# The checks, by concern, in order (each part uses what the earlier ones set up).
# The time each part took goes to the summary's last lines: where the suite's half hour goes.
PART_TIMES=""
for part in "$ANS"/tests/[0-9][0-9]-*.sh; do
    part_start=$SECONDS
    # shellcheck source=/dev/null
    . "$part"
    PART_TIMES+="${PART_TIMES:+, }$(basename "$part" .sh) $((SECONDS - part_start)) s"
done
echo "     time by part: $PART_TIMES"
echo "     daemons started by the converge (stopped by PID on exit): $(for p in $(lab_pids); do cat /proc/$p/comm; done 2>/dev/null | sort | uniq -c | awk '{printf "%s%s x%s", sep, $2, $1; sep=", "}')"
rm -rf "$ANSIBLE_LOCAL_TEMP"
[ "$FAILED" = 0 ]
