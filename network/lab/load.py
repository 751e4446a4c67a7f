#!/usr/bin/env python3
"""Closed-loop HTTPS load through the lab's public VIP, optionally killing a process mid-run.

Each worker keeps one TLS connection (like a browser) and sends GET page views (--paths: the real
storefront's pages) and, every --post-every requests, a POST checkout carrying an Idempotency-Key
(retriable by the L4 tier; stand-in mode only until the shop has a checkout API). Prints one JSON
line: total, ok (2xx/3xx), failed (by reason, after one in-flight retry), retried_in_flight, latency
p50/p99/max in ms, kill time. With --until-file the run ends when that file appears (--duration is then
the upper bound), so a whole procedure (a rolling restart) can be put under load.
"""
import argparse
import http.client
import json
import os
import signal
import ssl
import threading
import time
import uuid


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--host", default="203.0.113.10")
    ap.add_argument("--source", default=None)
    ap.add_argument("--threads", type=int, default=6)
    ap.add_argument("--duration", type=float, default=10)
    ap.add_argument("--until-file", default=None, help="stop early once this file exists")
    ap.add_argument("--kill-pid", type=int, default=0)
    ap.add_argument("--kill-at", type=float, default=3)
    ap.add_argument("--kill-signal", default="KILL")
    ap.add_argument("--paths", default="", help="comma-separated GET paths to cycle through (real storefront)")
    ap.add_argument("--post-every", type=int, default=5, help="every Nth request is a checkout POST; 0: none")
    a = ap.parse_args()

    paths = [p for p in a.paths.split(",") if p]
    ctx = ssl.create_default_context()
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    lock = threading.Lock()
    stats = {"total": 0, "ok": 0, "retried": 0, "failed": {}, "lat": [], "fail_t": []}
    run_id = uuid.uuid4().hex[:12]
    t_start = time.time()
    stop = t_start + a.duration

    def conn():
        return http.client.HTTPSConnection(a.host, 443, context=ctx, timeout=15,
                                           source_address=(a.source, 0) if a.source else None)

    def running():
        return time.time() < stop and not (a.until_file and os.path.exists(a.until_file))

    def worker(n):
        c = conn()
        i = 0
        while running():
            i += 1
            t0 = time.time()
            # A connection that breaks mid-request is retried once on a new connection, as browsers do for
            # idempotent requests (GETs; checkout POSTs carry an Idempotency-Key): "in-flight retries".
            for attempt in (1, 2):
                try:
                    if a.post_every and i % a.post_every == 0:
                        body = json.dumps({"cartId": f"{n}-{i}", "paymentMethod": "card"})
                        c.request("POST", "/api/checkout", body=body, headers={
                            "Host": "shop.onshore.test", "Content-Type": "application/json",
                            "Idempotency-Key": f"{run_id}-{n}-{i}"})
                    elif paths:
                        c.request("GET", paths[(n + i) % len(paths)], headers={"Host": "shop.onshore.test"})
                    else:
                        c.request("GET", f"/p/{n}-{i}?currency=IDR", headers={"Host": "shop.onshore.test"})
                    r = c.getresponse()
                    r.read()
                    reason = None if r.status < 400 else f"http_{r.status}"
                    break
                except (OSError, http.client.HTTPException) as e:
                    reason = type(e).__name__
                    c.close()
                    c = conn()
                    with lock:
                        stats["fail_t"].append(time.time() - t_start)
                        if attempt == 1:
                            stats["retried"] += 1
            with lock:
                stats["total"] += 1
                stats["lat"].append((time.time() - t0) * 1000)
                if reason:
                    stats["failed"][reason] = stats["failed"].get(reason, 0) + 1
                    stats["fail_t"].append(time.time() - t_start)
                else:
                    stats["ok"] += 1
            if reason is None and r.getheader("Connection", "").lower() == "close":
                c.close()
                c = conn()

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(a.threads)]
    for t in threads:
        t.start()
    killed_at = None
    if a.kill_pid:
        time.sleep(a.kill_at)
        try:
            os.kill(a.kill_pid, getattr(signal, "SIG" + a.kill_signal))
            killed_at = round(time.time() - t_start, 2)
        except ProcessLookupError:
            killed_at = "pid-gone"
    for t in threads:
        t.join()
    elapsed = time.time() - t_start
    lat = sorted(stats["lat"]) or [0]
    print(json.dumps({"total": stats["total"], "ok": stats["ok"], "failed": sum(stats["failed"].values()),
                      "failed_by": stats["failed"], "retried_in_flight": stats["retried"], "p50_ms": round(lat[len(lat) // 2], 1),
                      "p99_ms": round(lat[int(len(lat) * 0.99)], 1), "max_ms": round(lat[-1], 1),
                      "rps": round(stats["total"] / elapsed, 1), "duration_s": round(elapsed, 1), "killed_at_s": killed_at,
                      "outage_s": round(max(stats["fail_t"]) - min(stats["fail_t"]), 2) if stats["fail_t"] else 0}))


if __name__ == "__main__":
    main()
