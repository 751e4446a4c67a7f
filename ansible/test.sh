#!/usr/bin/env bash
# Onshore Ansible tests: ansible-lint (production profile), --syntax-check of every playbook,
# fail-early checks of site.yml, and a real converge of the network-facing roles, twice
# (idempotence), against a lab host.
#
# Lab host = an overlay copy of this machine's root (lower "/", upper a scratch dir) entered with
# the community.general.chroot connection, from inside network namespace osl-ans. Why: there is no
# systemd (PID 1 is not systemd) so systemd-nspawn cannot boot a container, there is no Docker, and
# no mirror-independent Debian rootfs; the overlay gives a disposable Debian 12 with the real tools
# (nft, nginx + ModSecurity, haproxy, fail2ban) so rendered files are validated by those tools,
# while every write lands in the scratch dir. Services are not started there (no init).
# Ends with "N passed, N failed, N skipped"; exit status 1 on any failure.
set -uo pipefail

ANS="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(dirname "$ANS")"
ROOT=/tmp/osl-ansible
NS=osl-ans
PASSED=0 FAILED=0 SKIPPED=0
pass() { PASSED=$((PASSED + 1)); echo "PASS ansible: $*"; }
fail() { FAILED=$((FAILED + 1)); echo "FAIL ansible: $*"; }
skip() { SKIPPED=$((SKIPPED + 1)); echo "SKIP ansible: $*"; }
check() { local what="$1"; shift; local out; if out="$("$@" 2>&1)"; then pass "$what"; else fail "$what"; echo "$out" | tail -n 25 | sed 's/^/    /'; fi; }

teardown_root() {
    for m in "$ROOT/merged/dev" "$ROOT/merged/proc" "$ROOT/merged"; do
        mountpoint -q "$m" 2>/dev/null && umount -l "$m"
    done
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

PKGS=(ansible ansible-lint nftables nginx libnginx-mod-http-modsecurity modsecurity-crs haproxy keepalived fail2ban openssl)
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

# ---------------------------------------------------------------- converge on the lab host
teardown_root
ip netns del "$NS" 2>/dev/null
mkdir -p "$ROOT"/{upper,work,merged,artifacts}
if ! mount -t overlay overlay -o "lowerdir=/,upperdir=$ROOT/upper,workdir=$ROOT/work" "$ROOT/merged" 2>/dev/null; then
    skip "converge: overlayfs not available on this kernel"
    exit $((FAILED > 0))
fi
mount -t proc proc "$ROOT/merged/proc"
mount --bind /dev "$ROOT/merged/dev"
ip netns add "$NS"
ip -n "$NS" link set lo up
# As on a backup WAF/L4 node, the VIP is not local: the roles set ip_nonlocal_bind (per netns).
ip netns exec "$NS" sysctl -qw net.ipv4.ip_nonlocal_bind=1
ARTIFACTS="$ROOT/artifacts"
if [ -f "$REPO/dmz-api/target/dmz-api.jar" ]; then
    # Snapshot: the build may replace the jar between the two converges.
    cp "$REPO/dmz-api/target/dmz-api.jar" "$ARTIFACTS/"; jar_note="real dmz-api.jar"
else
    echo placeholder > "$ARTIFACTS/dmz-api.jar"; jar_note="placeholder jar (dmz-api not built)"
fi
converge() {
    ip netns exec "$NS" ansible-playbook -i inventory/lab/hosts.yml playbooks/lab-converge.yml \
        -e "lab_artifact_dir=$ARTIFACTS" 2>&1
}
start=$SECONDS
out1="$(converge)"; rc1=$?
echo "$out1" | grep -E '^osl-lab-host' | sed 's/^/     first converge:  /'
if [ $rc1 = 0 ]; then
    pass "converge common, nftables(edge), waf, ips, haproxy(dmz), java_app(dmz-api, $jar_note) on the lab host ($((SECONDS - start)) s)"
else
    fail "converge on the lab host"; echo "$out1" | grep -E 'fatal|FAILED|ERROR|msg' | head -n 15 | sed 's/^/    /'
fi
out2="$(converge)"; rc2=$?
recap2="$(echo "$out2" | grep -E '^osl-lab-host')"
echo "$recap2" | sed 's/^/     second converge: /'
if [ $rc2 = 0 ] && grep -q 'changed=0' <<<"$recap2"; then
    pass "second converge changes nothing (idempotent)"
else
    fail "second converge is not idempotent"; echo "$out2" | grep -B2 -E "^changed:" | head -n 20 | sed "s/^/    /"
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
skip "converge of keycloak, mariadb, redis, kafka, nas, backups, monitoring: lint + syntax only (packages/archives not on this machine, services need systemd)"
rm -rf "$ANSIBLE_LOCAL_TEMP"
[ "$FAILED" = 0 ]
