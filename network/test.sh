#!/usr/bin/env bash
# Onshore network tests: static checks of every rule set and config, the CRS regression replay,
# the benign-corpus false-positive check, then the namespace lab (network/lab/test.sh).
#   network/test.sh [static | lab | all]   (default all)
# Runs as root without a TTY; installs its Debian packages; cleans up what it started.
# Ends with "N passed, N failed, N skipped"; exit status 1 on any failure.
set -uo pipefail

NET="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(dirname "$NET")"
CRS_TESTS="${OSL_CRS_TESTS:-$REPO/../shared/crs-regression}"
# shellcheck source=../scripts/suite.sh
. "$REPO/scripts/suite.sh"
# The static part's namespaces have fixed names (osl-nftchk, osl-crs): one static run per machine at a time.
[ "${1:-all}" = lab ] || suite_lock network-static "$@"
WORK="$(mktemp -d /tmp/osl-nettest.XXXXXX)"
export PYTHONPYCACHEPREFIX="$WORK/pycache"
suite_init network
CHECK_TAIL=15

cleanup() {
    ip netns del osl-nftchk 2>/dev/null || true
    ip netns del osl-crs 2>/dev/null || true
    # (the lab is torn down by lab/test.sh under its lock; a down.sh here would end another run's lab)
    rm -rf "$WORK"
}
trap 'cleanup; suite_summary' EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------- tools
suite_packages nftables nginx libnginx-mod-http-modsecurity modsecurity-crs haproxy keepalived fail2ban \
    python3 python3-yaml curl openssl gettext-base iproute2 || exit 1
[ "$(id -u)" = 0 ] || { fail "must run as root (network namespaces, nftables)"; exit 1; }

PART="${1:-all}"   # static: all but the lab; lab: only the lab (./onshore test runs them apart); all
case "$PART" in static | lab | all) ;; *) fail "unknown part $PART (static, lab or all)"; exit 2 ;; esac
if [ "$PART" != lab ]; then
# ---------------------------------------------------------------- static checks
ip netns del osl-nftchk 2>/dev/null; ip netns add osl-nftchk
for f in "$NET"/nftables/*.nft; do
    check "nft -c -f nftables/$(basename "$f")" ip netns exec osl-nftchk nft -c -f "$f"
done
# Default drop and a counted, logged final rule in every base chain that filters input/forward, chain by chain.
for f in "$NET"/nftables/*.nft; do
    check "nftables/$(basename "$f"): every input/forward base chain ($(python3 "$NET/nftables/base-chains.py" --list "$f")) has policy drop and ends with a logged, counted drop" \
        python3 "$NET/nftables/base-chains.py" "$f"
done
# Row 22: from inside, only the Prometheus host reaches the WAF nodes (perimeter), on their exporter ports only.
check "edge.nft/inner.nft: new flows into the perimeter are only internet -> WAF VIP 80/443 and Prometheus -> WAF nodes' node exporter + mtail (row 22)" bash -c '
    e="$(grep -E "oifname \\\$PER_IF .*accept" "$1")"; i="$(grep -F "\$WAF_NODES" "$2" | grep -v "^define")"
    [ "$(wc -l <<<"$e")" = 2 ] && grep -q "iifname \$EXT_IF oifname \$PER_IF ip daddr \$WAF_VIP tcp dport { 80, 443 } ct state new" <<<"$e" &&
    grep -q "iifname \$DMZ_IF oifname \$PER_IF ip saddr \$MONITORING ip daddr \$WAF_NODES tcp dport \$WAF_MONITORING_PORTS ct state new" <<<"$e" &&
    [ "$(wc -l <<<"$i")" = 1 ] && grep -q "iifname \$INT_IF oifname \$DMZ_IF ip saddr \$MONITORING ip daddr \$WAF_NODES tcp dport \$WAF_MONITORING_PORTS ct state new" <<<"$i" &&
    grep -qx "define WAF_MONITORING_PORTS = { 9100, 3903 }" "$1" && grep -qx "define WAF_MONITORING_PORTS = { 9100, 3903 }" "$2" || { echo "$e"; echo "$i"; exit 1; }' _ \
    "$NET/nftables/edge.nft" "$NET/nftables/inner.nft"
export ONSHORE_LB_RUN="$WORK" ONSHORE_LB_VIP=127.0.0.1 ONSHORE_LB_NODE_IP=127.0.0.1 ONSHORE_UP1=127.0.0.1:1 \
    ONSHORE_UP2=127.0.0.1:2 ONSHORE_KEYCLOAK=127.0.0.1:3 ONSHORE_DMZ_NET=10.20.0.0/24
for f in "$NET"/haproxy/*.cfg; do check "haproxy -c haproxy/$(basename "$f")" haproxy -c -q -f "$f"; done

ip -n osl-nftchk link add eth0 type veth peer name eth1
KA_ROUTER_ID=t KA_IFACE=eth0 KA_VRID=51 KA_PRIORITY=100 KA_VIP=10.20.0.10/24 KA_PEER=10.20.0.3 KA_SELF=10.20.0.2 \
    KA_CHECK=/bin/true KA_AUTH=testtest envsubst < "$NET/keepalived/keepalived.conf.tmpl" > "$WORK/keepalived.conf"
check "keepalived -t keepalived/keepalived.conf.tmpl (rendered)" ip netns exec osl-nftchk keepalived -t -f "$WORK/keepalived.conf"
ip netns del osl-nftchk

mkdir -p "$WORK/waf/modsecurity" "$WORK/waf/tmp" "$WORK/waf/log"
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=t -keyout "$WORK/waf/k" -out "$WORK/waf/c" 2>/dev/null
cp "$NET"/waf/modsecurity/*.conf "$WORK/waf/modsecurity/"
sed -i -e "s|/etc/onshore/waf/modsecurity|$WORK/waf/modsecurity|g" -e "s|/var/log/onshore/waf|$WORK/waf/log|g" \
    "$WORK/waf/modsecurity/main-blocking.conf"
WAF_LISTEN=127.0.0.1 WAF_SERVER_NAME=t WAF_CERT="$WORK/waf/c" WAF_KEY="$WORK/waf/k" WAF_UPSTREAM=127.0.0.1:1 \
    WAF_LOG_DIR="$WORK/waf/log" WAF_MODSEC_MAIN="$WORK/waf/modsecurity/main-blocking.conf" \
    envsubst '${WAF_LISTEN} ${WAF_SERVER_NAME} ${WAF_CERT} ${WAF_KEY} ${WAF_UPSTREAM} ${WAF_LOG_DIR} ${WAF_MODSEC_MAIN}' \
    < "$NET/waf/nginx/onshore-waf.conf.tmpl" > "$WORK/waf/site.conf"
printf 'pid %s/nginx.pid;\nerror_log %s/err.log;\nload_module /usr/lib/nginx/modules/ngx_http_modsecurity_module.so;\nevents {}\nhttp { client_body_temp_path %s/tmp; include %s/site.conf; }\n' \
    "$WORK/waf" "$WORK/waf" "$WORK/waf" "$WORK/waf" > "$WORK/waf/nginx.conf"
check "nginx -t WAF config (TLS, ModSecurity, CRS 3.3.4, Onshore exclusions)" nginx -q -t -c "$WORK/waf/nginx.conf"
check "WAF TLS policy: only TLSv1.2/TLSv1.3, HSTS always" \
    bash -c "grep -q 'ssl_protocols TLSv1.2 TLSv1.3;' '$NET/waf/nginx/onshore-waf.conf.tmpl' && grep -q 'Strict-Transport-Security' '$NET/waf/nginx/onshore-waf.conf.tmpl'"

printf '%s\n' \
  '198.51.100.66 - [2026-05-01T10:00:00+00:00] "GET /?q=union+select HTTP/1.1" 403 146 rt=0.000 uct=- ua="x" rid=1' \
  '198.51.100.67 - [2026-05-01T10:00:01+00:00] "POST /api/cart/items HTTP/1.1" 429 60 rt=0.001 uct=0.000 ua="x" rid=2' \
  '198.51.100.10 - [2026-05-01T10:00:02+00:00] "GET / HTTP/1.1" 200 91 rt=0.010 uct=0.000 ua="x" rid=3' > "$WORK/access.log"
check "IPS filter matches WAF 403 and gateway 429 lines, not 200 (fail2ban-regex)" \
    bash -c "fail2ban-regex '$WORK/access.log' '$NET/ips/filter-onshore-waf.conf' | grep -q 'Lines: 3 lines, 0 ignored, 2 matched, 1 missed'"
check "python scripts compile" python3 -m py_compile "$NET/waf/crs-replay.py" "$NET/waf/benign-corpus.py" \
    "$NET/lab/stub.py" "$NET/lab/load.py" "$NET/lab/login.py"
mkdir -p "$WORK/goftw"
cat > "$WORK/goftw/942100.yaml" <<'YAML'
---
meta: {author: onshore, description: go-ftw (CRS 4) format sample}
rule_id: 942100
tests:
  - test_id: 1
    stages:
      - input: {dest_addr: 127.0.0.1, port: 80, method: POST, uri: /, data: "var=1 OR 1=1"}
        output:
          log: {expect_ids: [942100]}
  - test_id: 2
    stages:
      - input: {uri: "/?q=vitamin"}
        output:
          log: {no_expect_ids: [942100]}
YAML
check "replay runner reads the CRS 4 go-ftw format too (rule_id/test_id, log.expect_ids)" python3 -c "
import importlib.util, sys
spec = importlib.util.spec_from_file_location('r', '$NET/waf/crs-replay.py'); m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)
from pathlib import Path
c = m.load_cases(Path('$WORK/goftw'))
assert [x.title for x in c] == ['942100-1', '942100-2'], [x.title for x in c]
assert c[0].out['expect_ids'] == ['942100'] and c[1].out['no_expect_ids'] == ['942100'], [x.out for x in c]
assert m.judge_detection(c[0], 200, None, [('942100', 'SQLi')])[0] and not m.judge_detection(c[1], 200, None, [('942100', 'x')])[0]
"
# bash -n reads only its first file: one call per script.
check "shell scripts parse (lab/up.sh, down.sh, test.sh, real.sh, lib.sh)" bash -c 'for f in "$@"; do bash -n "$f" || exit 1; done' _ \
    "$NET/lab/up.sh" "$NET/lab/down.sh" "$NET/lab/test.sh" "$NET/lab/real.sh" "$NET/lab/lib.sh"

# The blocking WAF passes the application's 5xx through as a status: CRS 950100 would block it in phase 4,
# after the headers are sent, and so cut the connection (lab: every 504 of a VIP gap became "no answer").
check "WAF (blocking, production PL): an upstream 500/502/503/504 reaches the client as that status, not a cut connection" \
    python3 "$NET/waf/crs-replay.py" upstream-errors
# ---------------------------------------------------------------- WAF: CRS regression + benign corpus
if [ -d "$CRS_TESTS" ]; then
    check "CRS 3.3.4 regression replay, DetectionOnly PL4: >= 97% pass, every failure listed in waf/crs-replay-overrides.yaml" \
        python3 "$NET/waf/crs-replay.py" replay --local --mode detection --tests "$CRS_TESTS" --min-rate 97 \
        --json-out "$WORK/crs-detection.json"
    check "CRS 3.3.4 attack tests (PL<=2), blocking at production PL2: >= 99% never reach the backend" \
        python3 "$NET/waf/crs-replay.py" replay --local --mode blocking --paranoia 2 --tests "$CRS_TESTS" --min-rate 99 \
        --json-out "$WORK/crs-blocking.json"
    for m in detection blocking; do
        [ -f "$WORK/crs-$m.json" ] && echo "     crs $m: $(python3 -c "import json,sys;d=json.load(open(sys.argv[1]));print(f\"replayed={d['replayed']} passed={d['passed']} pass_rate={d['pass_rate']}% overridden={d['overridden']} elapsed={d['elapsed_s']}s\")" "$WORK/crs-$m.json")"
    done
else
    skip "CRS regression replay: $CRS_TESTS not found (lives in ../shared next to the repository)"
    skip "CRS blocking replay: $CRS_TESTS not found"
fi
python3 "$NET/waf/benign-corpus.py" --count 6000 --seed 20260501 --out "$WORK/benign.jsonl"
out="$(python3 "$NET/waf/crs-replay.py" benign --local --corpus "$WORK/benign.jsonl" 2>&1)"; rc=$?
echo "$out" | grep -v '\[notice\]' | sed 's/^/     /'
if [ $rc = 0 ]; then pass "benign corpus (6,000 storefront/checkout/login requests, 14 scripts) passes the blocking WAF: 0 false positives"
else fail "benign corpus has false positives"; fi

fi

# ---------------------------------------------------------------- lab
if [ "$PART" = static ]; then
    :
elif [ "${OSL_SKIP_LAB:-0}" = 1 ]; then
    skip "namespace lab (OSL_SKIP_LAB=1)"
else
    "$NET/lab/test.sh" > "$WORK/lab.out" 2>&1
    grep -E '^(PASS|FAIL|SKIP) |^     ' "$WORK/lab.out"
    summary="$(tail -n 1 "$WORK/lab.out")"
    if [[ "$summary" =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed,\ ([0-9]+)\ skipped$ ]]; then
        PASSED=$((PASSED + BASH_REMATCH[1])) FAILED=$((FAILED + BASH_REMATCH[2])) SKIPPED=$((SKIPPED + BASH_REMATCH[3]))
    else
        fail "lab test did not finish (last lines below)"
        tail -n 20 "$WORK/lab.out" | sed 's/^/    /'
    fi
fi
[ "$FAILED" = 0 ]
