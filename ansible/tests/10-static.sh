# ansible/test.sh, part 10: ansible-lint, --syntax-check of every playbook, role variables documented, the vault encrypted, site.yml failing early.
# Sourced by ansible/test.sh (its variables and helpers), never run alone.
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
check "every role has a README.md and a meta/argument_specs.yml whose options are exactly its defaults, each with a type and a description" python3 - <<'PY'
import pathlib, sys, yaml
errors = []
for role in sorted(p for p in pathlib.Path("roles").iterdir() if p.is_dir()):
    if not (role / "README.md").is_file():
        errors.append(f"{role.name}: no README.md")
    defaults = set(yaml.safe_load((role / "defaults/main.yml").read_text()) or {})
    try:
        options = yaml.safe_load((role / "meta/argument_specs.yml").read_text())["argument_specs"]["main"]["options"]
    except (OSError, KeyError, TypeError) as e:
        errors.append(f"{role.name}: no argument_specs main options ({e})"); continue
    for name in sorted(defaults - set(options)):
        errors.append(f"{role.name}: {name} in defaults/main.yml, not in meta/argument_specs.yml")
    for name in sorted(set(options) - defaults):
        errors.append(f"{role.name}: {name} in meta/argument_specs.yml, not in defaults/main.yml")
    for name, spec in options.items():
        if not spec.get("type") or not spec.get("description"):
            errors.append(f"{role.name}: {name} needs a type and a description")
print("\n".join(errors)); sys.exit(1 if errors else 0)
PY
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
# Shoppers' personal data at rest: without the key file internal-was can store no name, address or order (it refuses
# them), so a production node must get the file from the vault, where the app reads it, owned by the app and 0600.
check "example inventory: internal-was gets its PII key file from the vault (0600, the path it reads)" bash -c '
    t="$(mktemp -d)"; trap "rm -rf \"$t\"" EXIT
    cp -r inventory/example/. "$t/"; rm -f "$t/group_vars/all/vault.yml"
    show() { ansible -i "$t/hosts.yml" "$1" -c local -m ansible.builtin.debug -a "var=$2" 2>&1; }
    show was-1 java_app__env | grep -q "\"ONSHORE_ACCOUNTS_PII_KEYFILE\": \"/etc/onshore/pii/keys\"" &&
    grep -A2 "^java_app__secret_files:" inventory/example/group_vars/internal_was.yml | grep -q "path: /etc/onshore/pii/keys" &&
    grep -q "content: \"{{ vault_pii_keys }}\"" inventory/example/group_vars/internal_was.yml &&
    grep -q "^vault_pii_keys: |" inventory/example/vault.example.yml &&
    grep -q "^        - vault_pii_keys$" site.yml &&
    grep -A8 "name: Write the application.s secret files" roles/java_app/tasks/main.yml | grep -q "mode: \"0600\""'
# The edge's Redis in production: without Sentinels configured, dmz-api would look for Redis on its own host and
# refuse every login and checkout (outage policy "closed"). Resolved from the example inventory (vault left out:
# no secret is needed to render these).
check "example inventory: dmz-api finds Redis through every Sentinel, and both firewalls let the dmz-api nodes reach 6379/26379" bash -c '
    t="$(mktemp -d)"; trap "rm -rf \"$t\"" EXIT
    cp -r inventory/example/. "$t/"; rm -f "$t/group_vars/all/vault.yml"
    show() { ansible -i "$t/hosts.yml" "$1" -c local -m ansible.builtin.debug -a "var=$2" 2>&1; }
    show dmz-api-1 java_app__env | grep -q "\"SPRING_DATA_REDIS_SENTINEL_NODES\": \"10.30.0.60:26379,10.30.0.61:26379,10.30.0.62:26379\"" &&
    show dmz-api-1 java_app__env | grep -q "\"SPRING_DATA_REDIS_SENTINEL_MASTER\": \"onshore\"" &&
    [ "$(show fw-inner-1 nftables__redis_hosts | grep -c "\"10.30.0.6[012]\"")" = 3 ] &&
    [ "$(show dmz-api-1 nftables__redis_hosts | grep -c "\"10.30.0.6[012]\"")" = 3 ] &&
    grep -q "REDIS_HOSTS" roles/nftables/vars/main.yml &&
    show redis-1 nftables__service_sources | grep -q "\"10.20.0.21\"" && show redis-1 nftables__service_sources | grep -q "\"10.20.0.22\""'
# The opening itself lives in the rule sets (the network lab loads the same files): before the chain's final drop. An
# "add rule" appended after the table (as the role once rendered it) lands behind that drop and never matches.
check "rule sets: the dmz-api nodes' Redis/Sentinel opening comes before the final drop (inner.nft from_dmz, dmz-host.nft output), none appended by the role" python3 - <<'PY'
import pathlib, re, sys
net = pathlib.Path("../network/nftables")
errors = []
for name, chain, drop in (("inner.nft", "from_dmz", "counter name dmz_denied drop"),
                          ("dmz-host.nft", "output", "counter name output_dropped drop")):
    body = re.search(r"chain " + chain + r" \{(.*?)\n    \}", (net / name).read_text(), re.S)
    lines = [l.strip() for l in body.group(1).splitlines()] if body else []
    opening = [i for i, l in enumerate(lines) if "ip daddr $REDIS_HOSTS tcp dport $REDIS_PORTS" in l and l.endswith("accept")]
    final = [i for i, l in enumerate(lines) if l == drop]
    if not opening or not final or opening[0] > final[0]:
        errors.append(f"{name}: no Redis opening before '{drop}' in chain {chain}")
if re.search(r"^(add|insert) rule", pathlib.Path("roles/nftables/templates/etc/nftables.d/onshore.nft.j2").read_text(), re.M):
    errors.append("onshore.nft.j2 adds rules of its own")
print("\n".join(errors)); sys.exit(1 if errors else 0)
PY
# internal-was has no Redis client (docs/security/redis-acl.md): the Redis hosts admit the dmz-api nodes and one another
# (replication, Sentinels), nobody else, in the example and the lab inventory.
check "inventories: the Redis hosts' firewall admits exactly the dmz-api nodes and the Redis servers (no internal-was)" python3 - <<'PY'
import pathlib, sys, yaml
errors = []
for inv in ("example", "lab"):
    hosts = yaml.safe_load(pathlib.Path(f"inventory/{inv}/hosts.yml").read_text())["all"]["children"]
    group = lambda g: {str(h["ansible_host"]) for h in (hosts.get(g) or {}).get("hosts", {}).values()}
    # The lab inventory has no gateways (the network lab runs them): the plan's two dmz-api addresses.
    expected = (group("dmz_api") or {"10.20.0.21", "10.20.0.22"}) | group("redis")
    sources = {str(a) for a in yaml.safe_load(pathlib.Path(f"inventory/{inv}/group_vars/redis.yml").read_text())["nftables__service_sources"]}
    was = group("internal_was") or {"10.30.0.21", "10.30.0.22"}
    if sources != expected or sources & was:
        errors.append(f"{inv}: redis.yml admits {sorted(sources)}, expected {sorted(expected)}")
print("\n".join(errors)); sys.exit(1 if errors else 0)
PY
# The DMZ is the likeliest zone to be taken: dmz-api must reach Redis and the Sentinels as its own ACL user
# (redis role: redis__edge_user, limited to its keys and commands, and to master discovery on the Sentinels), never as
# the default user, whose password opens everything. Fails if dmz_api.yml names the default user or its password.
check "example inventory: dmz-api uses its own Redis ACL user, never the default user, and the role defines it on Redis and Sentinel" bash -c '
    t="$(mktemp -d)"; trap "rm -rf \"$t\"" EXIT
    cp -r inventory/example/. "$t/"; rm -f "$t/group_vars/all/vault.yml"
    show() { ansible -i "$t/hosts.yml" "$1" -c local -m ansible.builtin.debug -a "var=$2" 2>&1; }
    f=inventory/example/group_vars/dmz_api.yml; user="$(sed -n "s/^redis__edge_user: //p" roles/redis/defaults/main.yml)"
    [ -n "$user" ] && [ "$user" != default ] || { echo "redis__edge_user is empty or default"; exit 1; }
    show dmz-api-1 java_app__env | grep -q "\"SPRING_DATA_REDIS_USERNAME\": \"$user\"" || { echo "no SPRING_DATA_REDIS_USERNAME=$user"; exit 1; }
    show dmz-api-1 java_app__env | grep -q "\"SPRING_DATA_REDIS_SENTINEL_USERNAME\": \"$user\"" || { echo "no SPRING_DATA_REDIS_SENTINEL_USERNAME=$user"; exit 1; }
    for v in SPRING_DATA_REDIS_PASSWORD SPRING_DATA_REDIS_SENTINEL_PASSWORD; do
        grep -q "^  $v: \"{{ redis__edge_password }}\"$" "$f" || { echo "$v is not redis__edge_password"; exit 1; }
    done
    ! grep -v "^ *#" "$f" | grep -nE "redis__password|vault_redis_password|REDIS(_SENTINEL)?_USERNAME: \"?default" || { echo "dmz_api.yml gives the edge the default user"; exit 1; }
    grep -q "^redis__edge_password: \"{{ vault_redis_edge_password }}\"$" inventory/example/group_vars/all/main.yml &&
    grep -q "^vault_redis_edge_password:" inventory/example/vault.example.yml &&
    grep -q "^        - vault_redis_edge_password$" site.yml || { echo "redis__edge_password is not from the vault (vault_redis_edge_password)"; exit 1; }
    for conf in redis.conf.j2 sentinel.conf.j2; do
        line="$(grep "^user {{ redis__edge_user }} " "roles/redis/templates/etc/redis/$conf")"
        [ -n "$line" ] || { echo "$conf: no edge user"; exit 1; }
        case " $line " in *" -@all "*) ;; *) echo "$conf: edge user not -@all first"; exit 1;; esac
        for word in "~*" allkeys "&*" allchannels "+@all" allcommands "+@dangerous" "+@admin" nopass "+flushall" "+config" "+keys" "+acl" "+script|flush" "+sentinel|set" "+sentinel|failover"; do
            case " $line " in *" $word "*) echo "$conf: edge user has $word"; exit 1;; esac
        done
        case "$line" in *">{{ redis__edge_password }}") ;; *) echo "$conf: edge user without redis__edge_password"; exit 1;; esac
    done
    grep -q "~rl:\* ~wr:\*" roles/redis/templates/etc/redis/redis.conf.j2 || { echo "redis.conf.j2: edge keys are not rl:* wr:*"; exit 1; }'
# One set of rules in three places: what dmz-api's tests proved enough (EdgeAclIntegrationTests), devstack and this role.
check "the edge's Redis and Sentinel rules are the same in redis.conf.j2/sentinel.conf.j2, devstack and dmz-api's ACL test" python3 - <<'PY'
import pathlib, re, sys
repo = pathlib.Path("..")
def java(path, name):
    m = re.search(name + r' = ((?:"[^"]*"\s*\+?\s*)+);', (repo / path).read_text())
    return "".join(re.findall(r'"([^"]*)"', m.group(1))) if m else None
def role(template):
    m = re.search(r"^user \{\{ redis__edge_user \}\} (.*) >\{\{ redis__edge_password \}\}$",
                  pathlib.Path("roles/redis/templates/etc/redis", template).read_text(), re.M)
    return m.group(1) if m else None
test = "dmz-api/src/test/java/dev/onshore/edge/redis/EdgeAclIntegrationTests.java"
redis = {"role": role("redis.conf.j2"), "test": java(test, "REDIS_RULES"),
         "devstack": java("devstack/src/main/java/dev/onshore/devstack/Appliance.java", "EDGE_REDIS_RULES")}
sentinel = {"role": role("sentinel.conf.j2"), "test": java(test, "SENTINEL_RULES")}
errors = [f"{what}: {rules}" for what, rules in (("redis", redis), ("sentinel", sentinel))
          if None in rules.values() or len(set(rules.values())) != 1]
print("\n".join(errors)); sys.exit(1 if errors else 0)
PY
