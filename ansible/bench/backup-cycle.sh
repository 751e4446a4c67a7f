#!/usr/bin/env bash
# Benchmark of the backup target in docs/RELIABILITY.md ("nightly backup -> prepare -> restore into a scratch
# instance -> checksums equal ... whole cycle <= 10 min for 5 GB") with the roles' own files: the mariadb and backups
# roles are converged by ansible-playbook into a throw-away overlay of this machine's root (the same kind of lab
# host as ansible/test.sh's, entered with the chroot connection inside its own network namespace), ~GB of InnoDB
# data is loaded, then the backups role's onshore-backup runs (mariabackup | zstd | gpg to the backup path) and the
# restore drill's steps (playbooks/restore-drill.yml) run one by one, each timed: SHA-256 check, gpg | zstd -d |
# mbstream, mariabackup --prepare, a scratch mariadbd on the restored files, CHECKSUM TABLE ... EXTENDED of every
# table on the live server and on the scratch instance (equal = pass). Not a CI test: it takes minutes and a few
# times GB of disk under /tmp, and competes for CPU with whatever else runs (the load average is printed).
#   bash ansible/bench/backup-cycle.sh [GB]     (default 5, decimals allowed; figures go to stdout, the overlay is removed on exit)
set -euo pipefail
GB="${1:-5}"
ANS="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
B=/tmp/osl-bench-backup
# Not osl-*: network/lab/down.sh stops every process in any osl-* namespace.
NS=onshore-bench-backup
exec 9>/run/lock/osl-bench-backup.lock
flock -n 9 || { echo "another backup benchmark is running"; exit 1; }

bench_pids() { local p r; for p in /proc/[0-9]*; do r="$(readlink "$p/root" 2>/dev/null)" || continue; case "$r" in "$B"/*) echo "${p#/proc/}" ;; esac; done; }
cleanup() {
    local pids i
    set +e
    pids="$(bench_pids)"
    if [ -n "$pids" ]; then
        kill $pids 2>/dev/null || true
        for i in $(seq 1 60); do pids="$(for p in $pids; do [ -e "/proc/$p" ] && echo "$p"; done)"; [ -z "$pids" ] && break; sleep 0.5; done
        [ -n "$pids" ] && kill -9 $pids 2>/dev/null || true
    fi
    awk -v r="$B/" 'index($2, r) == 1 {print $2}' /proc/mounts | sort -r | while read -r m; do umount -l "$m"; done
    ip netns del "$NS" 2>/dev/null || true
    rm -rf "$B"
}
trap cleanup EXIT
cleanup
mkdir -p "$B"/{upper,work,merged}
mount -t overlay overlay -o "lowerdir=/,upperdir=$B/upper,workdir=$B/work" "$B/merged"
mount -t proc proc "$B/merged/proc"
mount --bind /dev "$B/merged/dev"
ip netns add "$NS"
ip -n "$NS" link set lo up
inroot() { ip netns exec "$NS" chroot "$B/merged" "$@"; }
sql() { inroot mariadb -N -B -e "$*"; }
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1f", b - a}'; }

# ---- converge the mariadb and backups roles (random secrets, 0600, removed with the overlay)
cat > "$B/hosts.yml" <<INV
all:
  vars: {ansible_connection: community.general.chroot, ansible_python_interpreter: /usr/bin/python3}
  children:
    mariadb:
      children:
        mariadb_primary: {hosts: {bench-db-1: {ansible_host: $B/merged, mariadb__server_id: 1}}}
        mariadb_replica: {hosts: {}}
INV
cat > "$B/converge.yml" <<'PLAY'
- name: Converge MariaDB and its backups for the benchmark
  hosts: mariadb
  gather_facts: true
  gather_subset: [min]
  roles:
    - role: mariadb
    - role: backups
PLAY
(umask 077; for v in mariadb__root_password mariadb__replication_password mariadb__app_password backups__encryption_passphrase; do
    echo "$v: $(openssl rand -hex 16)"; done > "$B/secrets.yml")
t0="$(now)"
ANSIBLE_CONFIG="$ANS/ansible.cfg" ANSIBLE_PIPELINING=True ip netns exec "$NS" ansible-playbook -i "$B/hosts.yml" "$B/converge.yml" \
    -e "@$B/secrets.yml" -e mariadb__bind=127.0.0.1 -e mariadb__innodb_buffer_pool_size=1G -e mariadb__semi_sync_timeout_ms=100 \
    -e backups__mount_nas=false -e backups__target=/srv/backups > "$B/converge.log" 2>&1 \
    || { tail -n 30 "$B/converge.log"; exit 1; }
echo "converged mariadb + backups roles into $B/merged ($(secs "$t0" "$(now)") s)"

# ---- load ~GB of InnoDB data: four sysbench-like tables, 200k-row chunks, not binlogged (not what is measured)
sql "CREATE DATABASE IF NOT EXISTS onshore"
for t in 1 2 3 4; do
    sql "CREATE TABLE IF NOT EXISTS onshore.bench$t (id BIGINT AUTO_INCREMENT PRIMARY KEY, k INT NOT NULL, c CHAR(120) NOT NULL,
         pad VARCHAR(1024) NOT NULL, at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), KEY k (k)) ENGINE=InnoDB"
done
size() { sql "SELECT COALESCE(SUM(data_length + index_length), 0) FROM information_schema.tables WHERE table_schema = 'onshore'"; }
want="$(awk -v g="$GB" 'BEGIN {printf "%d", g * 1024 * 1024 * 1024}')"
t0="$(now)"; n=0
while [ "$(size)" -lt "$want" ]; do
    t=$((n % 4 + 1)); n=$((n + 1))
    sql "USE onshore; SET SESSION sql_log_bin = 0; INSERT INTO onshore.bench$t (k, c, pad) SELECT FLOOR(RAND() * 1000000), SHA2(RAND(), 384) ,
         CONCAT(SHA2(RAND(), 512), SHA2(RAND(), 512), SHA2(RAND(), 512), SHA2(RAND(), 512), SHA2(RAND(), 512), MD5(RAND())) FROM seq_1_to_200000"
    sql "ANALYZE TABLE onshore.bench$t" > /dev/null
done
rows="$(sql "SELECT SUM(n) FROM (SELECT COUNT(*) n FROM onshore.bench1 UNION ALL SELECT COUNT(*) FROM onshore.bench2 UNION ALL SELECT COUNT(*) FROM onshore.bench3 UNION ALL SELECT COUNT(*) FROM onshore.bench4) c")"
datadir_bytes="$(du -sb --exclude='binlog.*' "$B/merged/var/lib/mysql" | cut -f1)"
echo "loaded $rows rows: InnoDB data+index $(size) bytes, datadir $datadir_bytes bytes ($(secs "$t0" "$(now)") s)"
sql "SET GLOBAL innodb_max_dirty_pages_pct = 0"; sleep 5   # start the backup from a flushed buffer pool, as at night

# ---- the cycle
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
cycle0="$(now)"
t0="$(now)"
bout="$(inroot /usr/local/sbin/onshore-backup 2>&1)" || { echo "backup failed: $bout"; exit 1; }
bout="$(tail -n 1 <<<"$bout")"
t_backup="$(secs "$t0" "$(now)")"
bdir="$(ls -d "$B"/merged/srv/backups/bench-db-1/full/*Z | tail -n 1)"
bsize="$(stat -c %s "$bdir/backup.xbstream.zst.gpg")"
echo "backup: $bout"
scratch=/var/tmp/onshore-restore-drill
inroot mkdir -p -m 0700 "$scratch"
t0="$(now)"
(cd "$bdir" && sha256sum --quiet -c SHA256SUMS)
t_sha="$(secs "$t0" "$(now)")"
t0="$(now)"
inroot bash -o pipefail -c "gpg --batch --pinentry-mode loopback --decrypt --passphrase-file /etc/onshore/backup.passphrase \
    /srv/backups/bench-db-1/full/$(basename "$bdir")/backup.xbstream.zst.gpg 2>/dev/null | zstd -d -q | mbstream -x -C $scratch"
t_unpack="$(secs "$t0" "$(now)")"
t0="$(now)"
inroot mariabackup --prepare --target-dir="$scratch" > "$B/prepare.log" 2>&1
t_prepare="$(secs "$t0" "$(now)")"
t0="$(now)"
inroot chown -R mysql:mysql "$scratch"
inroot mariadbd --no-defaults --user=mysql --datadir="$scratch" --socket="$scratch/mysqld.sock" --pid-file="$scratch/mysqld.pid" \
    --skip-networking --skip-slave-start --skip-log-bin --innodb-buffer-pool-size=512M --log-error="$scratch/error.log" > /dev/null 2>&1 &
for i in $(seq 1 600); do [ -S "$B/merged$scratch/mysqld.sock" ] && break; sleep 0.2; done
t_start="$(secs "$t0" "$(now)")"
tables="onshore.bench1, onshore.bench2, onshore.bench3, onshore.bench4"
t0="$(now)"
live="$(sql "CHECKSUM TABLE $tables EXTENDED")"
t_ck_live="$(secs "$t0" "$(now)")"
t0="$(now)"
restored="$(inroot mariadb -S "$scratch/mysqld.sock" -N -B -e "CHECKSUM TABLE $tables EXTENDED")"
t_ck_scratch="$(secs "$t0" "$(now)")"
total="$(secs "$cycle0" "$(now)")"
[ -n "$live" ] && [ "$live" = "$restored" ] && verdict="EQUAL" || verdict="DIFFERENT"
cat <<REPORT
machine: $(nproc) cores ($(sed -n 's/^model name\t: //p' /proc/cpuinfo | head -1)), $(free -g | awk '/^Mem:/ {print $2}') GB RAM, $(df -h /tmp | awk 'NR == 2 {print $1}') ($(findmnt -no FSTYPE -T /tmp)), $(. /etc/os-release; echo "$PRETTY_NAME"), $(mariadbd --version | awk '{print $3}')
load average (1/5/15 min): before the cycle $load_before, after $(cut -d' ' -f1-3 /proc/loadavg)
data: $rows rows in 4 tables, InnoDB data+index $(size) bytes, datadir $datadir_bytes bytes
backup (onshore-backup: mariabackup | zstd -T0 | gpg AES256): ${t_backup} s, $bsize bytes on the backup path
restore: sha256 check ${t_sha} s, gpg -d | zstd -d | mbstream -x ${t_unpack} s, mariabackup --prepare ${t_prepare} s, scratch start ${t_start} s
checksums (CHECKSUM TABLE ... EXTENDED, 4 tables): live ${t_ck_live} s, scratch ${t_ck_scratch} s: $verdict
whole cycle: ${total} s
REPORT
[ "$verdict" = EQUAL ] && exit 0
exit 1
