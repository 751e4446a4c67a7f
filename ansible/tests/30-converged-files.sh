# ansible/test.sh, part 30: the files the converge wrote, validated by the tools that read them.
# Sourced by ansible/test.sh (its variables and helpers), never run alone.
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
check "dmz-api unit runs the jar extracted on the host (Boot tools layout: app jar + lib/, not the fat jar)" bash -c "
    u='$ROOT/merged/etc/systemd/system/onshore-dmz-api.service'
    grep -q '^ExecStart=.* -jar /opt/onshore/dmz-api/app/dmz-api.jar\$' \$u &&
    unzip -p '$ROOT/merged/opt/onshore/dmz-api/app/dmz-api.jar' META-INF/MANIFEST.MF | grep -q '^Class-Path: lib/' &&
    [ \$(ls '$ROOT/merged/opt/onshore/dmz-api/app/lib' | wc -l) -gt 50 ]"
check "secrets file and private key are 0600/0640 root-owned" bash -c "
    [ \"\$(stat -c %a:%U '$ROOT/merged/etc/onshore/dmz-api/secrets.env')\" = 600:root ] &&
    [ \"\$(stat -c %a:%U '$ROOT/merged/etc/onshore/waf/tls/shop.key')\" = 640:root ]"
check "sshd hardening drop-in written (no root, keys only, admin group)" bash -c "
    f='$ROOT/merged/etc/ssh/sshd_config.d/onshore.conf'
    grep -q '^PermitRootLogin no' \$f && grep -q '^PasswordAuthentication no' \$f && grep -q '^AllowGroups onshore-admins' \$f"
check "nothing leaked onto the real host (all writes in the overlay's upper dir)" \
    bash -c "[ ! -e /etc/nftables.d/onshore.nft ] && [ ! -e /etc/systemd/system/onshore-dmz-api.service ] && [ -e '$ROOT/upper/etc/nftables.d/onshore.nft' ]"
