# ansible/test.sh, part 20: the lab hosts (overlays in netns osl-ans), the artifacts, and the converge of every role, twice (idempotence).
# Sourced by ansible/test.sh (its variables and helpers), never run alone.
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
    # Everything below runs on the overlays: without them the lab's checks (converge, idempotence, the daemons,
    # the drills) did not run at all. A developer's machine may lack overlayfs; CI must not pass without them.
    skip_required "converge and every lab check after it ($(grep -cE '^ *(check|pass) ' "$ANS"/tests/[2-9]*.sh | awk -F: '{s += $NF} END {print s}') checks): overlayfs not available on this kernel"
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
    # The role extracts the jar on the host (java -Djarmode=tools): a placeholder file cannot stand in for it.
    fail "java_app needs dmz-api/target/dmz-api.jar: build it first (./mvnw -pl dmz-api -am package -DskipTests)"
    exit 1
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
exec "${JAVA_HOME:-/usr}/bin/java" ${KAFKA_HEAP_OPTS:--Xmx256m} -XX:+UseSerialGC -XX:TieredStopAtLevel=1 $KAFKA_OPTS -cp "$base/libs/*" "$@"
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
(umask 077; for v in mariadb__root_password mariadb__replication_password mariadb__app_password mariadb__exporter_password redis__password redis__edge_password \
        backups__encryption_passphrase keycloak__db_password keycloak__admin_password keycloak__admin_client_secret \
        keycloak__service_client_secret keycloak__erasure_client_secret; do echo "$v: $(openssl rand -hex 16)"; done > "$SECRETS")
lab_secret() { sed -n "s/^$1: //p" "$SECRETS"; }
# ansible_host of a data host is its address and, relative to $HOSTS, its chroot directory.
converge() { # [GROUP]: all lab hosts, or only that group's
    local limit=("${LIMIT[@]}")
    [ -n "${1:-}" ] && limit=(--limit "$1$EXCLUDE")
    # Pipelining: modules go to the chroot's python on stdin instead of as files (the chroot plugin supports it).
    # The slowest tasks and each role's time (ansible.posix's profile callbacks) end the output; printed below.
    (cd "$HOSTS" && ANSIBLE_PIPELINING=True ANSIBLE_CALLBACKS_ENABLED=ansible.posix.profile_tasks,ansible.posix.profile_roles \
        ANSIBLE_PROFILE_TASKS_TASK_OUTPUT_LIMIT=8 ip netns exec "$NS" ansible-playbook -i "$ANS/inventory/lab/hosts.yml" "$ANS/playbooks/lab-converge.yml" \
        -e "lab_artifact_dir=$ARTIFACTS" -e "keycloak__version=${KEYCLOAK_VERSION:-26.7.3}" -e "@$SECRETS" "${limit[@]}" 2>&1)
}
start=$SECONDS
out1="$(converge)"; rc1=$?
touch "$ROOT/hosts-converged-once"
echo "$out1" | grep -E '^(osl-lab-host|lab-)' | sed 's/^/     first converge:  /'
echo "$out1" | grep -E ' -{3,} [0-9.]+s$' | sed -E 's/ -{3,} / /; s/^/     first converge, time: /'
if [ $rc1 = 0 ]; then
    pass "converge common, nftables(edge; internal_host on the data hosts), node_exporter (${#DATA_IPS[@]} data hosts), waf + mtail, ips, haproxy(dmz), java_app(dmz-api, $jar_note), mariadb + mysqld_exporter (primary + replica), redis + sentinel + redis_exporter (3 nodes), kafka + JMX exporter agent, keycloak, nas, backups, monitoring + blackbox on 10 lab hosts ($((SECONDS - start)) s)"
else
    fail "converge on the lab hosts"; echo "$out1" | grep -E 'fatal|FAILED|ERROR|msg' | head -n 15 | sed 's/^/    /'
fi
start=$SECONDS
out2="$(converge)"; rc2=$?
recap2="$(echo "$out2" | grep -E '^(osl-lab-host|lab-)')"
echo "$recap2" | sed 's/^/     second converge: /'
echo "$out2" | grep -E ' -{3,} [0-9.]+s$' | sed -E 's/ -{3,} / /; s/^/     second converge, time: /'
if [ $rc2 = 0 ] && [ -n "$recap2" ] && ! grep -qv 'changed=0 ' <<<"$recap2"; then
    pass "second converge changes nothing on any host (idempotent, $((SECONDS - start)) s)"
else
    fail "second converge is not idempotent"; echo "$out2" | grep -B2 -E "^(changed|fatal):" | head -n 20 | sed "s/^/    /"
    # A service started again by the second converge had stopped since the first: its own log says why.
    find "$HOSTS"/*/var/log -name '*.log' -newer "$ROOT/hosts-converged-once" 2>/dev/null | while read -r log; do
        echo "    --- ${log#"$HOSTS"/} (last lines)"; tail -n 12 "$log" | sed 's/^/    /'
    done | head -n 120
fi
