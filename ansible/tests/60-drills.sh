# ansible/test.sh, part 60: backup, restore drill, point in time, the metrics catalogue, MariaDB failover and restores after it.
# Sourced by ansible/test.sh (its variables and helpers), never run alone.
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
