#!/usr/bin/env bash
# Onshore monitoring tests: the alert rules (promtool check rules), their unit tests (promtool test rules: one
# case per alert, "X fires when Y"), the rules' metadata (severity, summary, description, runbook_url pointing at
# an existing runbook heading), the Grafana dashboards (well-formed JSON, every query parses as PromQL via a
# throw-away recording-rules file, every metric in rules and panels listed in metrics.yml), the mtail program
# (mtail --compile_only) and the Alertmanager routing template's shape.
# Ends with "N passed, N failed, N skipped"; exit status 1 on any failure.
set -uo pipefail

MON="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../scripts/suite.sh
. "$(dirname "$MON")/scripts/suite.sh"
suite_init monitoring
TMP="$(mktemp -d /tmp/osl-monitoring.XXXXXX)"
trap 'rm -rf "$TMP"; suite_summary' EXIT
trap 'exit 130' INT TERM

suite_packages prometheus mtail python3-yaml || exit 1
cd "$MON"

check "promtool check rules: $(grep -c '^ *- alert:' rules/*.yml | awk -F: '{s+=$NF} END {print s}') alerts in rules/" promtool check rules rules/*.yml
check "promtool test rules: $(grep -c '^- name:\|^  - name:' tests/*.yml | awk -F: '{s+=$NF} END {print s}') cases in tests/" promtool test rules tests/*.yml
check "every alert has severity (critical|warning), summary, description and a runbook_url to an existing runbook heading; every alert has a test case named after it with \"fires when\"" python3 - <<'PY'
import glob, re, sys, yaml
errors = []
names = set()
for f in sorted(glob.glob("rules/*.yml")):
    for g in yaml.safe_load(open(f))["groups"]:
        for r in g["rules"]:
            if "alert" not in r:
                continue
            a = r["alert"]; names.add(a)
            if r.get("labels", {}).get("severity") not in ("critical", "warning"):
                errors.append(f"{a}: severity must be critical or warning")
            ann = r.get("annotations", {})
            for k in ("summary", "description", "runbook_url"):
                if not ann.get(k):
                    errors.append(f"{a}: no {k}")
            m = re.search(r"/monitoring/runbooks/([\w-]+\.md)#([\w-]+)$", ann.get("runbook_url", ""))
            if not m:
                errors.append(f"{a}: runbook_url must point at monitoring/runbooks/<file>.md#<anchor>")
                continue
            try:
                heads = [h.strip().lower() for h in re.findall(r"^#+ (.+)$", open("runbooks/" + m.group(1)).read(), re.M)]
            except OSError:
                errors.append(f"{a}: runbook {m.group(1)} missing"); continue
            if m.group(2) not in [re.sub(r"[^\w-]", "", h.replace(" ", "-")) for h in heads]:
                errors.append(f"{a}: no heading #{m.group(2)} in runbooks/{m.group(1)}")
tested = set()
for f in sorted(glob.glob("tests/*.yml")):
    for t in yaml.safe_load(open(f))["tests"]:
        n = t.get("name", "")
        if not re.match(r"^\w+ (fires|does not fire) when ", n):
            errors.append(f"test case name must read 'X fires when Y': {n!r}")
        for art in t.get("alert_rule_test", []):
            if art["alertname"] not in n.split()[0]:
                errors.append(f"test case {n!r} checks {art['alertname']}")
            if art.get("exp_alerts") and " fires when " in n:
                tested.add(art["alertname"])
for a in sorted(names - tested):
    errors.append(f"{a}: no test case where it fires")
print("\n".join(errors)); sys.exit(1 if errors else 0)
PY

# PromQL of the panels: promtool parses them as recording rules; metric names must be known (metrics.yml).
check "dashboards: well-formed Grafana JSON, every panel has a datasource and at least one query, every query parses (promtool)" python3 - "$TMP" <<'PY'
import glob, json, sys, yaml
tmp = sys.argv[1]; errors = []; rules = []
for f in sorted(glob.glob("dashboards/*.json")):
    try:
        d = json.load(open(f))
    except ValueError as e:
        errors.append(f"{f}: {e}"); continue
    for k in ("uid", "title", "panels"):
        if k not in d: errors.append(f"{f}: no {k}")
    for p in d.get("panels", []):
        if not p.get("targets"): errors.append(f"{f}: panel {p.get('title')!r} has no query")
        if p.get("datasource", {}).get("type") != "prometheus": errors.append(f"{f}: panel {p.get('title')!r} datasource")
        for t in p.get("targets", []):
            rules.append({"record": f"dashboard:panel_{p['id']}_{t['refId']}", "expr": t["expr"]})
yaml.safe_dump({"groups": [{"name": "dashboard-queries", "rules": rules}]}, open(f"{tmp}/dashboards.rules.yml", "w"))
print("\n".join(errors)); sys.exit(1 if errors else 0)
PY
check "dashboards: $(grep -c '"expr"' dashboards/*.json | awk -F: '{s+=$NF} END {print s}') panel queries pass promtool's PromQL parser" promtool check rules "$TMP/dashboards.rules.yml"
check "every metric used by an alert rule or a dashboard panel is listed in metrics.yml with its producer" python3 - <<'PY'
import glob, json, re, sys, yaml
known = yaml.safe_load(open("metrics.yml"))["metrics"]
KEYWORDS = {"and", "or", "unless", "by", "without", "on", "ignoring", "group_left", "group_right", "offset", "bool", "inf", "nan"}
def metrics(expr):
    e = re.sub(r'"(?:[^"\\]|\\.)*"', '""', expr)                 # strings
    e = re.sub(r"\{[^}]*\}", "", e)                               # label matchers
    e = re.sub(r"\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)", "", e)
    e = re.sub(r"\[[^\]]*\]", "", e)                              # ranges
    e = re.sub(r"\b\d+(\.\d+)?(e\d+)?[smhdwy]?\b", "", e)          # numbers and durations (offset 5m)
    out = set()
    for m in re.finditer(r"[A-Za-z_:][A-Za-z0-9_:]*", e):
        name = m.group(0); rest = e[m.end():].lstrip()
        if rest.startswith("(") or name in KEYWORDS or re.fullmatch(r"\d+[smhdwy]", name):
            continue
        out.add(name)
    return out
errors = []
exprs = []
for f in glob.glob("rules/*.yml"):
    for g in yaml.safe_load(open(f))["groups"]:
        exprs += [(f"{f} {r.get('alert') or r.get('record')}", r["expr"]) for r in g["rules"]]
for f in glob.glob("dashboards/*.json"):
    for p in json.load(open(f))["panels"]:
        exprs += [(f"{f} panel {p['title']!r}", t["expr"]) for t in p["targets"]]
for where, e in exprs:
    for m in sorted(metrics(e)):
        if m not in known:
            errors.append(f"{where}: metric {m} not in metrics.yml")
missing = sorted(k for k, v in known.items() if v.get("status") == "missing")
print("\n".join(errors)); sys.exit(1 if errors else 0)
PY
missing="$(python3 -c 'import yaml; m=yaml.safe_load(open("metrics.yml"))["metrics"]; print(" ".join(sorted(k for k,v in m.items() if v["status"]=="missing")))')"
if [ -n "$missing" ]; then
    skip "$(wc -w <<<"$missing") metrics have no producer deployed yet (rules and panels ready, see metrics.yml 'needs'): $missing"
else
    pass "every metric the rules and panels use has a producer the roles deploy (metrics.yml: none missing)"
fi
mkdir -p "$TMP/mtail"; cp mtail/*.mtail "$TMP/mtail/"
check "mtail program compiles (mtail --compile_only)" mtail --compile_only --progs "$TMP/mtail" --logtostderr
check "mtail program counts a ModSecurity denial from the WAF's nginx error log by phase and rule id" bash -c '
    printf "%s\n" "2026/11/21 08:00:00 [error] 12#12: *5 [client 198.51.100.7] ModSecurity: Access denied with code 403 (phase 2). Matched \"Operator \`Ge'"'"' with parameter \`5'"'"' against variable \`TX:ANOMALY_SCORE'"'"' (Value: \`5'"'"' ) [file \"/usr/share/modsecurity-crs/rules/REQUEST-949-BLOCKING-EVALUATION.conf\"] [line \"80\"] [id \"949110\"] [rev \"\"] [msg \"Inbound Anomaly Score Exceeded (Total Score: 5)\"], client: 198.51.100.7, server: shop, request: \"GET /?q=1%27%20or%201=1 HTTP/1.1\", host: \"shop\"" > "$1/error.log"
    mtail --one_shot --one_shot_format=prometheus --progs "$1/mtail" --logs "$1/error.log" --logtostderr 2>/dev/null \
        | grep -E "^onshore_waf_blocked_requests_total\{.*phase=\"2\".*rule_id=\"949110\".*\} 1$"' _ "$TMP"
[ "$FAILED" = 0 ]
