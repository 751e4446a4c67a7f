# ansible/test.sh, part 50: Prometheus, Alertmanager, the exporters and what the lab Prometheus scrapes.
# Sourced by ansible/test.sh (its variables and helpers), never run alone.
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
