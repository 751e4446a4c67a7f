#!/usr/bin/env python3
"""Closed-loop HTTPS load through the lab's public VIP, optionally killing a process mid-run.

Each worker keeps one TLS connection (like a browser) and sends GET page views (--paths: the real
storefront's pages) and, every --post-every requests, a POST checkout carrying an Idempotency-Key
(retriable by the L4 tier; stand-ins only). With --checkout-every N, every Nth iteration is instead a
real purchase through the store API: new cart, add a line, place the order (Idempotency-Key; a broken
connection or a 502/503/504 is retried with the same key and body, a 409 "still running" is asked
again), then pay on the sandbox's page (a 5xx Pay clicked again); each acknowledged order (201) is appended to --ledger as one
JSON line (run, email, number, paid) for the caller to find in MariaDB. Prints one JSON line: total,
ok (2xx/3xx), failed (by reason, after one in-flight retry), retried_in_flight, latency p50/p99/max in
ms, kill time, and the checkouts' figures. With --until-file the run ends when that file appears (--duration is then
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
    ap.add_argument("--checkout-every", type=int, default=0, help="every Nth iteration is a real store-API purchase")
    ap.add_argument("--ledger", default=None, help="append each acknowledged order here (JSON lines)")
    ap.add_argument("--skus", default="HS-VITC-1000,HS-VITD-2000", help="what the purchases buy, in turn")
    a = ap.parse_args()

    paths = [p for p in a.paths.split(",") if p]
    ctx = ssl.create_default_context()
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    lock = threading.Lock()
    stats = {"total": 0, "ok": 0, "retried": 0, "failed": {}, "lat": [], "fail_t": [],
             "checkouts": 0, "acked": 0, "paid": 0, "order_retries": 0, "refused": {}}
    skus = [s for s in a.skus.split(",") if s]
    ledger_lock = threading.Lock()
    run_id = uuid.uuid4().hex[:12]
    t_start = time.time()
    stop = t_start + a.duration

    def conn():
        return http.client.HTTPSConnection(a.host, 443, context=ctx, timeout=15,
                                           source_address=(a.source, 0) if a.source else None)

    def running():
        return time.time() < stop and not (a.until_file and os.path.exists(a.until_file))

    BACKOFF = (0.3, 0.5, 1, 1.5, 2, 2, 2, 2, 2, 2)

    def broke(attempt):
        """A request's connection broke (the caller opens a new one): when, for the outage; a first try's break is
        an in-flight retry."""
        with lock:
            stats["fail_t"].append(time.time() - t_start)
            if attempt == 1:
                stats["retried"] += 1

    def record(t0, reason):
        """One request answered or given up, after its retries: its latency since t0, and ok or its failure."""
        with lock:
            stats["total"] += 1
            stats["lat"].append((time.time() - t0) * 1000)
            if reason:
                stats["failed"][reason] = stats["failed"].get(reason, 0) + 1
                stats["fail_t"].append(time.time() - t_start)
            else:
                stats["ok"] += 1

    def send(box, method, path, body=None, headers=None, retry_5xx=False):
        """One purchase request on the worker's connection, counted like a page view except that a 4xx is the
        shop's answer (a refusal, counted apart), not a failure: a broken connection is retried once on a new
        one; with retry_5xx (the order POST, safe under its Idempotency-Key) a 502/503/504 or a 409 "still
        running" is asked again, up to 10 times over about 15 s: longer than the key's lease in the lab (5 s), so
        that the retry of an order whose node was killed after placing it gets that order."""
        h = {"Host": "shop.onshore.test"}
        h.update(headers or {})
        t0 = time.time()
        status, data, reason = None, b"", None
        for attempt in range(1, 12):
            try:
                box[0].request(method, path, body=body, headers=h)
                r = box[0].getresponse()
                data = r.read()
                status = r.status
                if r.getheader("Connection", "").lower() == "close":
                    box[0].close()
                    box[0] = conn()
                if retry_5xx and attempt < 11 and (status in (502, 503, 504) or (
                        status == 409 and b"idempotency-key/running" in data)):
                    with lock:
                        stats["order_retries"] += 1
                    time.sleep(BACKOFF[attempt - 1])
                    continue
                reason = None if status < 500 else f"http_{status}"
                if 400 <= status < 500:
                    with lock:
                        key = f"{path.split('/')[4] if path.startswith('/api/') else 'pay'} {status}"
                        stats["refused"][key] = stats["refused"].get(key, 0) + 1
                break
            except (OSError, http.client.HTTPException) as e:
                reason = type(e).__name__
                box[0].close()
                box[0] = conn()
                broke(attempt)
                if attempt >= (11 if retry_5xx else 2):
                    break
        record(t0, reason)
        return status, data

    address = {"country": "ID", "recipient": "Ani Wijaya", "addressLine1": "Jl. Merdeka No. 1", "city": "Bandung",
               "region": "Jawa Barat", "postalCode": "40115", "phone": "+62 812 0000 0000"}

    def purchase(box, n, i):
        with lock:
            stats["checkouts"] += 1
        json_h = {"Content-Type": "application/json"}
        # A cart POST cut off by a node's death is sent again: at worst a second cart or a line of 2, which the
        # count of acknowledged orders does not mind (only the order POST needs its Idempotency-Key).
        st, data = send(box, "POST", "/api/shop/v1/cart", json.dumps({"market": "ID"}), json_h, retry_5xx=True)
        if st != 201:
            return
        token = json.loads(data)["token"]
        cart_h = dict(json_h, **{"Cart-Token": token})
        st, data = send(box, "POST", "/api/shop/v1/cart/lines",
                        json.dumps({"sku": skus[(n + i) % len(skus)], "quantity": 1}), cart_h, retry_5xx=True)
        if st != 200:
            return
        email = f"lab-{run_id}-{n}-{i}@example.com"
        body = json.dumps({"address": address, "shippingMethod": "standard", "email": email})
        st, data = send(box, "POST", "/api/shop/v1/orders", body,
                        dict(cart_h, **{"Idempotency-Key": f"{run_id}-{n}-{i}"}), retry_5xx=True)
        if st != 201:
            return
        placed = json.loads(data)
        number = placed["order"]["number"]
        with lock:
            stats["acked"] += 1
        pay_path = "/sandbox-pay/" + placed["paymentUrl"].split("/sandbox-pay/", 1)[1] + "/pay"
        # Pay again after a 502/503/504, as a shopper does on the provider's page when a node died under the first
        # click: the payment is captured once whatever the clicks (the webhook's state guard), so a second Pay is
        # safe; without it a Pay cut off by a kill -9 of its node was a failed request (CI: 1 of 915).
        st, _ = send(box, "POST", pay_path, b"", {"Content-Type": "application/x-www-form-urlencoded"},
                     retry_5xx=True)
        paid = st is not None and 200 <= st < 400
        if paid:
            with lock:
                stats["paid"] += 1
        if a.ledger:
            with ledger_lock, open(a.ledger, "a") as f:
                f.write(json.dumps({"run": run_id, "email": email, "number": number, "paid": paid}) + "\n")

    def worker(n):
        c = conn()
        i = 0
        while running():
            i += 1
            if a.checkout_every and i % a.checkout_every == 0:
                box = [c]
                try:
                    purchase(box, n, i)
                except (ValueError, KeyError, IndexError) as e:  # an answer not shaped as the API says
                    with lock:
                        stats["failed"][type(e).__name__] = stats["failed"].get(type(e).__name__, 0) + 1
                c = box[0]
                continue
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
                    broke(attempt)
            record(t0, reason)
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
                      "outage_s": round(max(stats["fail_t"]) - min(stats["fail_t"]), 2) if stats["fail_t"] else 0,
                      "checkouts": stats["checkouts"], "orders_acked": stats["acked"], "orders_paid": stats["paid"],
                      "order_retries": stats["order_retries"], "orders_refused": stats["refused"]}))


if __name__ == "__main__":
    main()
