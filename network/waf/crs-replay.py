#!/usr/bin/env python3
"""Replay OWASP CRS regression tests against Onshore's WAF tier.

Reads both test formats:
  * CRS 3.x / ftw:   tests[].test_title, stages[].stage.{input,output},
                     output.log_contains / no_log_contains (regex), status, expect_error
  * CRS 4.x / go-ftw: rule_id + tests[].test_id, stages[].{input,output},
                     output.log.expect_ids / no_expect_ids, output.status, expect_error

Modes
  detection  WAF in DetectionOnly at PL4 (how upstream runs them). A test passes when the rule ids
             the WAF logged for that request (JSON audit log, matched by a unique X-Onshore-Test
             header) satisfy log_contains / no_log_contains, or the status matches.
  blocking   WAF blocking at the production paranoia level. Only "attack tests" are replayed:
             positive tests (log_contains) of rules whose paranoia level <= production level.
             A test passes when the request never reaches the backend (backend access log) and
             the client got 403/400.
  benign     Replay a benign corpus (benign-corpus.py) in blocking mode; any request that does not
             reach the backend is a false positive.

--local starts a private nginx + ModSecurity in network namespace osl-crs (loopback only) with
the repository's WAF configuration, and stops it afterwards. Without --local, --target is used
(status-only verdicts: the lab replays a sample through the real edge that way).

Only the Python 3 standard library plus PyYAML (python3-yaml, a dependency of ansible) is used.
"""
from __future__ import annotations

import argparse
import base64
import concurrent.futures as cf
import json
import os
import re
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

try:
    import yaml
except ImportError:  # pragma: no cover - test.sh installs python3-yaml
    sys.exit("crs-replay: python3-yaml is required (apt-get install python3-yaml)")

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
CRS_RULES = Path("/usr/share/modsecurity-crs/rules")
MARKER = "X-Onshore-Test"
NETNS = "osl-crs"


# ---------------------------------------------------------------- test loading

class Case:
    __slots__ = ("title", "rule", "file", "enabled", "input", "out")

    def __init__(self, title, rule, file, enabled, inp, out):
        self.title, self.rule, self.file, self.enabled, self.input, self.out = title, rule, file, enabled, inp, out


def _ids_from(pattern):
    return re.findall(r"(\d{6})", pattern or "")


def load_cases(root: Path) -> list[Case]:
    cases = []
    for f in sorted(root.rglob("*.yaml")):
        for doc in yaml.safe_load_all(f.read_text(encoding="utf-8")):
            if not doc or "tests" not in doc:
                continue
            meta = doc.get("meta", {}) or {}
            enabled = meta.get("enabled", True) is not False
            m = re.match(r"(\d{6})", f.name)
            file_rule = str(doc.get("rule_id") or (m.group(1) if m else ""))
            for t in doc["tests"]:
                if "test_title" in t:
                    title = str(t["test_title"])
                else:  # go-ftw: rule_id at top, numeric test_id
                    title = f"{file_rule}-{t.get('test_id')}"
                stages = t.get("stages") or []
                if len(stages) != 1:
                    # Multi-stage tests do not occur in 3.3.4; count them as skipped if they ever do.
                    cases.append(Case(title, file_rule, f, False, {}, {"multistage": True}))
                    continue
                st = stages[0].get("stage", stages[0])
                out = dict(st.get("output") or {})
                if "log" in out:  # go-ftw
                    lg = out.pop("log") or {}
                    if lg.get("expect_ids"):
                        out["expect_ids"] = [str(i) for i in lg["expect_ids"]]
                    if lg.get("no_expect_ids"):
                        out["no_expect_ids"] = [str(i) for i in lg["no_expect_ids"]]
                    if lg.get("match_regex"):
                        out["log_contains"] = lg["match_regex"]
                    if lg.get("no_match_regex"):
                        out["no_log_contains"] = lg["no_match_regex"]
                enabled_t = enabled and t.get("enabled", True) is not False
                cases.append(Case(title, file_rule, f, enabled_t, dict(st.get("input") or {}), out))
    return cases


def rule_paranoia_levels() -> dict[str, int]:
    levels = {}
    for conf in CRS_RULES.glob("*.conf"):
        text = conf.read_text(encoding="utf-8", errors="replace")
        # Split into rule chunks at each id:NNNNNN and read the paranoia-level tag inside.
        for m in re.finditer(r"id:(\d{6}),(.*?)(?=id:\d{6},|\Z)", text, re.S):
            pl = re.search(r"paranoia-level/(\d)", m.group(2))
            levels[m.group(1)] = int(pl.group(1)) if pl else 1
    return levels


def positive_ids(c: Case) -> list[str]:
    return c.out.get("expect_ids") or _ids_from(c.out.get("log_contains"))


# ---------------------------------------------------------------- HTTP on raw sockets

def build_request(inp: dict, marker: str) -> bytes:
    if "encoded_request" in inp:
        raw = base64.b64decode(inp["encoded_request"])
        return _inject_marker(raw, marker)
    if "raw_request" in inp:
        raw = inp["raw_request"]
        raw = raw.encode("utf-8", "surrogateescape") if isinstance(raw, str) else raw
        return _inject_marker(raw, marker)
    method = str(inp.get("method", "GET"))
    uri = str(inp.get("uri", "/"))
    version = str(inp.get("version", "HTTP/1.1"))
    headers = list((inp.get("headers") or {}).items())
    data = inp.get("data")
    if isinstance(data, list):
        data = "\r\n".join(str(x) for x in data)
    body = b""
    if data is not None:
        body = str(data).encode("utf-8", "surrogateescape")
    names = {str(k).lower() for k, _ in headers}
    if body and not inp.get("stop_magic"):
        if "content-length" not in names and "transfer-encoding" not in names:
            headers.append(("Content-Length", str(len(body))))
        if "content-type" not in names:
            headers.append(("Content-Type", "application/x-www-form-urlencoded"))
    headers.append((MARKER, marker))
    head = f"{method} {uri} {version}\r\n" if version else f"{method} {uri}\r\n"
    for k, v in headers:
        head += f"{k}: {v}\r\n"
    return head.encode("utf-8", "surrogateescape") + b"\r\n" + body


def _inject_marker(raw: bytes, marker: str) -> bytes:
    i = raw.find(b"\r\n")
    if i < 0:
        return raw
    return raw[: i + 2] + f"{MARKER}: {marker}\r\n".encode() + raw[i + 2:]


SOURCE = None


def send(host: str, port: int, payload: bytes, tls: bool, timeout: float = 5.0):
    """Returns (status or None, error or None)."""
    try:
        s = socket.create_connection((host, port), timeout=timeout,
                                     source_address=(SOURCE, 0) if SOURCE else None)
        if tls:
            ctx = ssl.create_default_context()
            ctx.check_hostname = False
            ctx.verify_mode = ssl.CERT_NONE
            s = ctx.wrap_socket(s, server_hostname="shop.onshore.test")
        s.sendall(payload)
        buf = b""
        while b"\r\n\r\n" not in buf:
            chunk = s.recv(65536)
            if not chunk:
                break
            buf += chunk
        head, _, rest = buf.partition(b"\r\n\r\n")
        m = re.match(rb"HTTP/\d(?:\.\d)? (\d{3})", head)
        status = int(m.group(1)) if m else None
        # Drain the body so the server does not log a reset; bounded by Content-Length / close.
        cl = re.search(rb"(?im)^content-length:\s*(\d+)", head)
        if cl:
            need = int(cl.group(1)) - len(rest)
            while need > 0:
                chunk = s.recv(min(65536, need))
                if not chunk:
                    break
                need -= len(chunk)
        elif re.search(rb"(?im)^transfer-encoding:\s*chunked", head):
            while not rest.endswith(b"0\r\n\r\n"):
                chunk = s.recv(65536)
                if not chunk:
                    break
                rest += chunk
        s.close()
        return status, None if status else "no status line"
    except (OSError, ssl.SSLError) as e:
        return None, type(e).__name__


# ---------------------------------------------------------------- local WAF in a namespace

NGINX_MAIN = """\
worker_processes 2;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
load_module /usr/lib/nginx/modules/ngx_http_modsecurity_module.so;
events {{ worker_connections 1024; }}
http {{
    client_body_temp_path {tmp}/body; proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fcgi; uwsgi_temp_path {tmp}/uwsgi; scgi_temp_path {tmp}/scgi;
    access_log off;
    client_max_body_size 1m;
    large_client_header_buffers 4 16k;
    log_format marker '$http_x_onshore_test';
    server {{
        listen 127.0.0.1:80 default_server;
        modsecurity on;
        modsecurity_rules_file {tmp}/main.conf;
        access_log {tmp}/edge.log marker;
        location / {{ proxy_pass http://127.0.0.1:8081; proxy_set_header {marker} $http_x_onshore_test; }}
    }}
    server {{
        listen 127.0.0.1:8081;
        modsecurity off;
        access_log {tmp}/backend.log marker;
        location / {{ default_type text/plain; return 200 "ok\\n"; }}
        location = /__upstream-status/500 {{ default_type text/html; return 500 "<p>busy</p>\\n"; }}
        location = /__upstream-status/502 {{ default_type text/html; return 502 "<p>busy</p>\\n"; }}
        location = /__upstream-status/503 {{ default_type text/html; return 503 "<p>busy</p>\\n"; }}
        location = /__upstream-status/504 {{ default_type text/html; return 504 "<p>busy</p>\\n"; }}
    }}
}}
"""


class LocalWaf:
    def __init__(self, mode: str):
        self.mode = mode
        self.tmp = Path(tempfile.mkdtemp(prefix="osl-crs-"))
        self.pid = None

    def __enter__(self):
        t = self.tmp
        for d in ("body", "proxy", "fcgi", "uwsgi", "scgi"):
            (t / d).mkdir()
        mods = HERE / "modsecurity"
        if self.mode == "detection":
            pl = ('SecAction "id:900000,phase:1,nolog,pass,t:none,setvar:tx.paranoia_level=4"\n'
                  'SecAction "id:900001,phase:1,nolog,pass,t:none,setvar:tx.executing_paranoia_level=4"\n')
            (t / "paranoia.conf").write_text(pl)
            engine, audit, pl_file = "DetectionOnly", "SecAuditEngine On", t / "paranoia.conf"
        else:
            engine, audit, pl_file = "On", "", mods / "crs-paranoia-production.conf"
        main = (mods / "main-blocking.conf").read_text()
        main = main.replace("/etc/onshore/waf/modsecurity/crs-paranoia-production.conf", str(pl_file))
        main = main.replace("/etc/onshore/waf/modsecurity", str(mods))
        main = main.replace("SecRuleEngine On", f"SecRuleEngine {engine}\n{audit}")
        main = main.replace("/var/log/onshore/waf/modsec_audit.json", str(t / "audit.json"))
        (t / "main.conf").write_text(main)
        (t / "nginx.conf").write_text(NGINX_MAIN.format(tmp=t, marker=MARKER))
        subprocess.run(["ip", "netns", "del", NETNS], stderr=subprocess.DEVNULL)
        subprocess.run(["ip", "netns", "add", NETNS], check=True)
        subprocess.run(["ip", "-n", NETNS, "link", "set", "lo", "up"], check=True)
        r = subprocess.run(["ip", "netns", "exec", NETNS, "nginx", "-q", "-t", "-c", str(t / "nginx.conf")],
                           capture_output=True, text=True)
        if r.returncode:
            self.__exit__(None, None, None)
            raise SystemExit(f"crs-replay: nginx -t failed:\n{r.stderr}")
        subprocess.run(["ip", "netns", "exec", NETNS, "nginx", "-c", str(t / "nginx.conf")], check=True)
        deadline = time.time() + 20
        while time.time() < deadline:
            if (t / "nginx.pid").exists():
                self.pid = int((t / "nginx.pid").read_text())
                probe = subprocess.run(["ip", "netns", "exec", NETNS, "python3", "-c",
                                        "import socket;socket.create_connection(('127.0.0.1',80),1)"],
                                       capture_output=True)
                if probe.returncode == 0:
                    return self
            time.sleep(0.1)
        self.__exit__(None, None, None)
        raise SystemExit("crs-replay: nginx did not become ready")

    def __exit__(self, *exc):
        if self.pid:
            try:
                os.kill(self.pid, signal.SIGQUIT)
                for _ in range(50):
                    os.kill(self.pid, 0)
                    time.sleep(0.1)
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        subprocess.run(["ip", "netns", "del", NETNS], stderr=subprocess.DEVNULL)
        if os.environ.get("OSL_KEEP_TMP") != "1":
            shutil.rmtree(self.tmp, ignore_errors=True)


# ---------------------------------------------------------------- running

def run_in_netns_pool(cases, jobs, host, port, tls):
    """Sends every case; returns {title: (marker, status, error)}.

    Runs the sender inside the namespace by re-executing this script there (sockets must be
    opened in osl-crs). Cases are passed as JSON on stdin.
    """
    payloads = [(c.title, uuid.uuid4().hex, base64.b64encode(build_request(c.input, "@M@")).decode()) for c in cases]
    if NETNS_ACTIVE:
        cmd = ["ip", "netns", "exec", NETNS, sys.executable, __file__, "_send",
               "--host", host, "--port", str(port), "--jobs", str(jobs)] + (["--tls"] if tls else [])
        r = subprocess.run(cmd, input=json.dumps(payloads), capture_output=True, text=True)
        if r.returncode:
            raise SystemExit(f"crs-replay: sender failed: {r.stderr}")
        return {t: tuple(v) for t, v in json.loads(r.stdout).items()}
    return _send_all(payloads, host, port, tls, jobs)


NETNS_ACTIVE = False


def _send_all(payloads, host, port, tls, jobs):
    def one(p):
        title, marker, b64 = p
        raw = base64.b64decode(b64).replace(b"@M@", marker.encode())
        status, err = send(host, port, raw, tls)
        return title, (marker, status, err)
    with cf.ThreadPoolExecutor(jobs) as ex:
        return dict(ex.map(one, payloads))


# Rules whose match is the WAF's own refusal: CRS anomaly evaluation (inbound, outbound) and Onshore's
# request-body guards (onshore-modsecurity.conf).
WAF_BLOCKING_RULES = {"949110", "959100", "200002", "200003", "200004", "200005", "200007"}


def read_audit(path: Path) -> dict[str, list[tuple[str, str]]]:
    """marker -> [(rule id, message)]"""
    found: dict[str, list] = {}
    if not path.exists():
        return found
    dec = json.JSONDecoder()
    text = path.read_text(encoding="utf-8", errors="replace")
    i = 0
    while i < len(text):
        while i < len(text) and text[i] in " \r\n\t":
            i += 1
        if i >= len(text):
            break
        try:
            rec, i = dec.raw_decode(text, i)
        except json.JSONDecodeError:
            nl = text.find("\n", i)
            i = len(text) if nl < 0 else nl + 1
            continue
        tr = rec.get("transaction", {})
        hdrs = {k.lower(): v for k, v in (tr.get("request", {}).get("headers") or {}).items()}
        marker = hdrs.get(MARKER.lower())
        if not marker:
            continue
        msgs = [(str(m.get("details", {}).get("ruleId", "")), m.get("message", "")) for m in tr.get("messages", [])]
        found.setdefault(marker, []).extend(msgs)
    return found


def judge_detection(c: Case, status, err, msgs) -> tuple[bool, str]:
    log = " ".join(f'[id "{rid}"] [msg "{msg}"]' for rid, msg in msgs)
    out = c.out
    checks = []
    if "status" in out:
        want = out["status"] if isinstance(out["status"], list) else [out["status"]]
        checks.append((status in [int(x) for x in want], f"status {status} not in {want}"))
    if out.get("expect_error"):
        checks.append((err is not None or (status or 0) >= 400, f"expected error, got {status}"))
    if "log_contains" in out:
        checks.append((re.search(out["log_contains"], log) is not None, f"missing {out['log_contains']!s}"))
    if "no_log_contains" in out:
        checks.append((re.search(out["no_log_contains"], log) is None, f"unexpected {out['no_log_contains']!s}"))
    for rid in out.get("expect_ids", []):
        checks.append((f'id "{rid}"' in log, f"missing {rid}"))
    for rid in out.get("no_expect_ids", []):
        checks.append((f'id "{rid}"' not in log, f"unexpected {rid}"))
    if not checks:
        return True, "no assertion"
    # ftw semantics: status OR log assertions; a status match satisfies the test.
    if "status" in out and checks[0][0]:
        return True, ""
    failed = [why for ok, why in checks if not ok]
    return not failed, "; ".join(failed)


def load_overrides(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {str(o["test"]): o["reason"] for o in data.get("overrides", [])}


def cmd_replay(a):
    global NETNS_ACTIVE, SOURCE
    SOURCE = a.source
    tests = Path(a.tests)
    if not tests.is_dir():
        print(f"SKIP crs-replay: {tests} not found (CRS regression data lives in ../shared)")
        return 0
    cases = load_cases(tests)
    enabled = [c for c in cases if c.enabled]
    levels = rule_paranoia_levels()
    overrides = load_overrides(Path(a.overrides)) if a.mode == "detection" else {}
    if a.mode == "blocking":
        sel = [c for c in enabled if positive_ids(c) and "status" not in c.out and not c.out.get("expect_error")
               and max(levels.get(r, 9) for r in positive_ids(c)) <= a.paranoia]
    else:
        sel = enabled
    if a.sample > 1:
        sel = sel[:: a.sample]
    t0 = time.time()
    if a.local:
        with LocalWaf(a.mode) as waf:
            NETNS_ACTIVE = True
            results = run_in_netns_pool(sel, a.jobs, "127.0.0.1", 80, False)
            time.sleep(0.5)  # audit/access logs are written after the response is sent
            audit = read_audit(waf.tmp / "audit.json")
            backend = set((waf.tmp / "backend.log").read_text().split()) if (waf.tmp / "backend.log").exists() else set()
    else:
        host, _, port = a.target.rpartition(":")
        results = _send_all([(c.title, uuid.uuid4().hex, base64.b64encode(build_request(c.input, "@M@")).decode())
                             for c in sel], host, int(port), a.tls, a.jobs)
        audit, backend = {}, None
    elapsed = time.time() - t0

    fails, overridden = [], []
    passed = 0
    for c in sel:
        marker, status, err = results[c.title]
        if a.mode == "detection":
            ok, why = judge_detection(c, status, err, audit.get(marker, []))
        else:
            if backend is not None:
                ok = marker not in backend
            else:  # remote: only an explicit refusal counts; a timeout proves nothing
                ok = status in (400, 403)
            why = f"not refused (status {status}, err {err})"
        if ok:
            passed += 1
        elif c.title in overrides:
            overridden.append((c, why))
        else:
            fails.append((c, why))
    n = len(sel)
    rate = 100.0 * passed / n if n else 0.0
    label = {"detection": "DetectionOnly PL4", "blocking": f"blocking PL{a.paranoia}"}[a.mode]
    if not a.local:
        label += f" via {a.target}"
    print(f"crs-replay [{label}]: files={len({c.file for c in cases})} tests={len(cases)} "
          f"enabled={len(enabled)} replayed={n} passed={passed} failed={len(fails) + len(overridden)} "
          f"(overridden={len(overridden)}) pass_rate={rate:.2f}% elapsed={elapsed:.1f}s")
    for c, why in fails[: a.show]:
        print(f"  FAIL {c.title} ({c.file.parent.name}): {why}")
    if len(fails) > a.show:
        print(f"  ... {len(fails) - a.show} more")
    unused = set(overrides) - {c.title for c, _ in overridden}
    if a.mode == "detection" and a.sample == 1 and unused:
        print(f"  note: {len(unused)} overrides now pass or are not replayed: {', '.join(sorted(unused)[:10])}")
    if a.json_out:
        Path(a.json_out).write_text(json.dumps({"mode": a.mode, "replayed": n, "passed": passed,
                                                "failed": len(fails), "overridden": len(overridden),
                                                "pass_rate": round(rate, 2), "elapsed_s": round(elapsed, 1),
                                                "failures": [c.title for c, _ in fails]}))
    ok = rate >= a.min_rate and (a.mode != "detection" or not fails)
    return 0 if ok else 1


def cmd_benign(a):
    global NETNS_ACTIVE, SOURCE
    SOURCE = a.source
    lines = [json.loads(l) for l in Path(a.corpus).read_text(encoding="utf-8").splitlines() if l.strip()]
    if a.sample > 1:
        lines = lines[:: a.sample]
    t0 = time.time()
    payloads = [(str(i), uuid.uuid4().hex, base64.b64encode(_benign_request(r)).decode()) for i, r in enumerate(lines)]
    if a.local:
        with LocalWaf("blocking") as waf:
            NETNS_ACTIVE = True
            cmd = ["ip", "netns", "exec", NETNS, sys.executable, __file__, "_send", "--host", "127.0.0.1",
                   "--port", "80", "--jobs", str(a.jobs)]
            r = subprocess.run(cmd, input=json.dumps(payloads), capture_output=True, text=True, check=True)
            results = json.loads(r.stdout)
            time.sleep(0.5)
            backend = set((waf.tmp / "backend.log").read_text().split())
            audit = read_audit(waf.tmp / "audit.json")
    else:
        host, _, port = a.target.rpartition(":")
        results = _send_all(payloads, host, int(port), a.tls, a.jobs)
        backend, audit = None, {}
        if a.audit_log:
            time.sleep(0.5)
            if not Path(a.audit_log).is_file():
                # Without it no 403 could be told from the shop's: the check would pass whatever the WAF did.
                print(f"benign-corpus: the WAF's audit log {a.audit_log} is missing", file=sys.stderr)
                return 2
            audit = read_audit(Path(a.audit_log))
    fps = []
    for i, r in enumerate(lines):
        marker, status, err = results[str(i)]
        if backend is not None:
            reached = marker in backend
        elif a.audit_log:  # remote with the WAF's audit log: a 403 is the shop's only if the WAF audited it
            # (SecAuditLogRelevantStatus logs every 403) and no blocking rule fired; an unaudited 403 is unexplained.
            ids = {rid for rid, _ in audit.get(marker, [])}
            reached = status is not None and not (status == 403 and (marker not in audit or ids & WAF_BLOCKING_RULES))
        else:  # remote: the WAF refuses with 403; any other answer means it let the request through
            reached = status is not None and status != 403
        if not reached:
            fps.append((r, status, err, sorted({rid for rid, _ in audit.get(marker, []) if rid})))
    print(f"benign-corpus [blocking production PL]: requests={len(lines)} false_positives={len(fps)} "
          f"elapsed={time.time() - t0:.1f}s")
    if backend is None:  # what the application behind the WAF answered (its own 4xx are not the WAF's)
        codes: dict = {}
        for marker, status, err in results.values():
            codes[status] = codes.get(status, 0) + 1
        print("  statuses: " + " ".join(f"{k}={v}" for k, v in sorted(codes.items(), key=lambda kv: str(kv[0]))))
    for r, status, err, ids in fps[: a.show]:
        print(f"  FP {r['method']} {r['path'][:90]} status={status} err={err} rules={','.join(ids)}")
    return 0 if not fps else 1


def _benign_request(r: dict) -> bytes:
    body = r.get("body", "").encode("utf-8")
    h = {"Host": "shop.onshore.test", "User-Agent": r.get("ua", "Mozilla/5.0"),
         "Accept": r.get("accept", "text/html,application/json;q=0.9,*/*;q=0.8"),
         "Accept-Language": r.get("lang", "en-US,en;q=0.8")}
    h.update(r.get("headers", {}))
    if body:
        h["Content-Length"] = str(len(body))
    h[MARKER] = "@M@"
    head = f"{r['method']} {r['path']} HTTP/1.1\r\n" + "".join(f"{k}: {v}\r\n" for k, v in h.items())
    return head.encode("utf-8") + b"\r\n" + body


def cmd_upstream_errors(a):
    """The application's 5xx answers reach the client as their status through the blocking WAF: a phase-4
    block after the headers were sent would only cut the connection (no status at all)."""
    bad = []
    with LocalWaf("blocking"):
        for code in (500, 502, 503, 504):
            req = (f"GET /__upstream-status/{code} HTTP/1.1\r\nHost: shop.onshore.test\r\n"
                   "User-Agent: Mozilla/5.0 onshore-test\r\nAccept: text/html\r\nConnection: close\r\n\r\n").encode()
            r = subprocess.run(["ip", "netns", "exec", NETNS, sys.executable, __file__, "_send", "--host",
                                "127.0.0.1", "--port", "80", "--jobs", "1"],
                               input=json.dumps([[str(code), "m", base64.b64encode(req).decode()]]),
                               capture_output=True, text=True, check=True)
            _, status, err = json.loads(r.stdout)[str(code)]
            print(f"     upstream {code} -> client status {status} ({err or 'ok'})")
            if status != code:
                bad.append(code)
    return 1 if bad else 0


def cmd_send(a):
    payloads = json.loads(sys.stdin.read())
    out = _send_all(payloads, a.host, a.port, a.tls, a.jobs)
    sys.stdout.write(json.dumps(out))
    return 0


def main():
    default_tests = REPO.parent / "shared" / "crs-regression"
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("replay")
    r.add_argument("--tests", default=str(default_tests))
    r.add_argument("--mode", choices=["detection", "blocking"], default="detection")
    r.add_argument("--paranoia", type=int, default=2, help="production paranoia level (blocking mode)")
    r.add_argument("--local", action="store_true", help="start a private WAF in netns osl-crs")
    r.add_argument("--target", default="127.0.0.1:80")
    r.add_argument("--tls", action="store_true")
    r.add_argument("--source", help="source address (lab: the allow-listed scanner address)")
    r.add_argument("--jobs", type=int, default=8)
    r.add_argument("--sample", type=int, default=1, help="replay every Nth selected test")
    r.add_argument("--min-rate", type=float, default=0.0)
    r.add_argument("--overrides", default=str(HERE / "crs-replay-overrides.yaml"))
    r.add_argument("--show", type=int, default=15)
    r.add_argument("--json-out")
    b = sub.add_parser("benign")
    b.add_argument("--corpus", required=True)
    b.add_argument("--local", action="store_true")
    b.add_argument("--target", default="127.0.0.1:80")
    b.add_argument("--tls", action="store_true")
    b.add_argument("--source")
    b.add_argument("--sample", type=int, default=1)
    b.add_argument("--jobs", type=int, default=8)
    b.add_argument("--show", type=int, default=15)
    b.add_argument("--audit-log", help="remote: the WAF's JSON audit log, to tell its 403s from the application's")
    sub.add_parser("upstream-errors")
    s = sub.add_parser("_send")
    s.add_argument("--host")
    s.add_argument("--port", type=int)
    s.add_argument("--tls", action="store_true")
    s.add_argument("--jobs", type=int, default=8)
    a = p.parse_args()
    return {"replay": cmd_replay, "benign": cmd_benign, "upstream-errors": cmd_upstream_errors, "_send": cmd_send}[a.cmd](a)


if __name__ == "__main__":
    sys.exit(main())
