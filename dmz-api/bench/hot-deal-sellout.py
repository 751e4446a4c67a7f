#!/usr/bin/env python3
"""Hot-deal sell-out: BUYERS simulated buyers for one deal, through the real edge (waiting room) and checkout.

Each buyer has its own client address (X-Forwarded-For from loopback, a trusted proxy of the demo edge), so the
waiting room sees BUYERS clients. Phase 1, the rush: every buyer opens the deal's product page and takes a ticket
(arrival order = ticket number). Phase 2: the buyers poll the waiting room's JSON status as its page script does;
an admitted buyer gets a pass and at once places its order (POST /api/shop/v1/hot-deals/<id>/checkout with an
Idempotency-Key and its own e-mail address, quantity 1), again with the same key after a failure (up to 5 tries). Meanwhile one ordinary shopper browses another product
page in a closed loop: its latencies are the browsing p50/p99 during the rush. Prints one JSON line.
"""
import argparse
import http.client
import json
import re
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

ADDRESS = {"country": "ID", "recipient": "Ani Wijaya", "addressLine1": "Jl. Merdeka No. 1", "city": "Bandung",
           "region": "Jawa Barat", "postalCode": "40115", "phone": "+62 812 0000 0000"}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", required=True, help="the edge, e.g. http://127.0.0.1:8080")
    ap.add_argument("--deal", required=True)
    ap.add_argument("--sku", required=True)
    ap.add_argument("--browse", default="/id-id/p/HS-VITC-1000")
    ap.add_argument("--buyers", type=int, default=10000)
    ap.add_argument("--threads", type=int, default=48)
    ap.add_argument("--poll", type=float, default=2.0, help="seconds between one buyer's polls (the page's own)")
    ap.add_argument("--max-seconds", type=float, default=900)
    a = ap.parse_args()
    base = urlsplit(a.base)
    run = uuid.uuid4().hex[:8]
    lock = threading.Lock()
    local = threading.local()

    def conn():
        c = getattr(local, "c", None)
        if c is None:
            c = local.c = http.client.HTTPConnection(base.hostname, base.port, timeout=30)
        return c

    def request(method, path, headers, body=None):
        for attempt in (1, 2):
            try:
                c = conn()
                c.request(method, path, body=body, headers=headers)
                r = c.getresponse()
                data = r.read()
                return r.status, r.getheader("Set-Cookie", "") or "", data
            except (OSError, http.client.HTTPException):
                local.c = None
                if attempt == 2:
                    return 0, "", b""

    buyers = [{"n": i, "ip": f"10.{(i >> 16) & 255}.{(i >> 8) & 255}.{i & 255 or 1}", "cookies": {},
               "ticket": None, "state": "new", "admitted_at": None, "ordered_at": None, "status": None}
              for i in range(1, a.buyers + 1)]

    def headers(b, accept="application/json"):
        h = {"X-Forwarded-For": b["ip"], "Accept": accept, "Accept-Language": "id-ID"}
        if b["cookies"]:
            h["Cookie"] = "; ".join(f"{k}={v}" for k, v in b["cookies"].items())
        return h

    def keep(b, set_cookie):
        for name, value in re.findall(r"(onshore_(?:ticket|pass)_[\w-]+)=([^;,\s]+)", set_cookie):
            b["cookies"][name] = value
            if name.startswith("onshore_ticket_"):
                m = re.match(r"t1\.[\w-]+\.(\d+)\.", value)
                b["ticket"] = int(m.group(1)) if m else None

    def arrive(b):
        st, sc, _ = request("GET", f"/id-id/p/{a.sku}", headers(b, "text/html"))
        keep(b, sc)
        b["state"] = "closed" if st == 410 else "admitted" if any(k.startswith("onshore_pass_") for k in b["cookies"]) \
            else "waiting" if b["ticket"] else f"refused-{st}"

    def checkout(b):
        body = json.dumps({"quantity": 1, "address": ADDRESS, "shippingMethod": "standard",
                           "email": f"sellout-{run}-{b['n']}@example.com"})
        h = headers(b)
        h.update({"Content-Type": "application/json", "Idempotency-Key": f"{run}-{b['n']}"})
        # As the storefront does: after a failure (no answer, 5xx) or while the pass or the key is busy, the same
        # request again with the same pass and Idempotency-Key (the edge gave the pass back; still one order).
        for attempt in range(1, 6):
            st, _, data = request("POST", f"/api/shop/v1/hot-deals/{a.deal}/checkout", h, body)
            busy = st == 409 and (b"pass-in-use" in data or b"idempotency-key/running" in data)
            if st not in (0, 502, 503, 504) and not busy:
                break
            b["retries"] = b.get("retries", 0) + 1
            time.sleep(attempt)
        b["status"] = st
        b["ordered_at"] = time.time()
        b["state"] = "done"
        if st != 201:
            m = re.search(rb'"type":"([^"]+)"', data)
            b["problem"] = m.group(1).decode().rsplit("/problems/", 1)[-1] if m else None

    browse = {"lat": [], "errors": 0}
    stop = threading.Event()

    def browser():
        h = {"Accept": "text/html", "X-Forwarded-For": "192.0.2.200"}
        c = http.client.HTTPConnection(base.hostname, base.port, timeout=30)
        while not stop.is_set():
            t0 = time.time()
            try:
                c.request("GET", a.browse, headers=h)
                r = c.getresponse()
                r.read()
                ok = r.status == 200
            except (OSError, http.client.HTTPException):
                ok = False
                c = http.client.HTTPConnection(base.hostname, base.port, timeout=30)
            browse["lat"].append((time.time() - t0) * 1000)
            browse["errors"] += 0 if ok else 1
            time.sleep(0.1)  # under the pages class's 1,200 a minute per address

    bt = threading.Thread(target=browser, daemon=True)
    bt.start()
    t0 = time.time()
    with ThreadPoolExecutor(a.threads) as pool:
        list(pool.map(arrive, buyers))
    t_arrived = time.time()

    def shard(k):
        mine = buyers[k::a.threads]
        while time.time() - t0 < a.max_seconds:
            waiting = [b for b in mine if b["state"] in ("waiting", "admitted")]
            if not waiting:
                return
            round_start = time.time()
            for b in waiting:
                if b["state"] == "waiting":
                    st, sc, data = request("GET", f"/waiting-room/{a.deal}/status", headers(b))
                    keep(b, sc)
                    state = (re.search(rb'"state":"(\w+)"', data) or [None, b""])[1].decode() if st == 200 else ""
                    if st == 410 or state == "closed":
                        b["state"] = "closed"
                    elif state == "admitted" or any(k.startswith("onshore_pass_") for k in b["cookies"]):
                        b["state"] = "admitted"
                if b["state"] == "admitted":
                    b["admitted_at"] = time.time()
                    checkout(b)
            time.sleep(max(0.0, a.poll - (time.time() - round_start)))

    with ThreadPoolExecutor(a.threads) as pool:
        list(pool.map(shard, range(a.threads)))
    stop.set()
    bt.join(timeout=35)
    done = [b for b in buyers if b["state"] == "done"]
    orders = sorted((b for b in done if b["status"] == 201), key=lambda b: b["ordered_at"])
    last = orders[-1]["ordered_at"] if orders else time.time()
    tickets = sorted(b["ticket"] for b in orders if b["ticket"])
    # Fairness: the buyers served are the earliest arrivals; count how many winners arrived after a loser who
    # was admitted (tickets are admitted strictly in order, so any loser before a winner is a refused checkout).
    first_n = sum(1 for t in tickets if t <= len(orders))
    refused = {}
    for b in done:
        if b["status"] != 201:
            key = f"{b['status']} {b.get('problem')}"
            refused[key] = refused.get(key, 0) + 1
    lat = sorted(browse["lat"]) or [0]
    print(json.dumps({
        "buyers": a.buyers, "tickets": sum(1 for b in buyers if b["ticket"]),
        "arrival_s": round(t_arrived - t0, 1), "orders_201": len(orders),
        "sell_out_s_from_first_ticket": round(last - t0, 1),
        "closed_told": sum(1 for b in buyers if b["state"] == "closed"),
        "still_waiting": sum(1 for b in buyers if b["state"] == "waiting"),
        "refused": refused, "checkout_retries": sum(b.get("retries", 0) for b in buyers),
        "winners_among_first_tickets": f"{first_n}/{len(orders)}",
        "max_winning_ticket": tickets[-1] if tickets else None,
        "browse_requests": len(browse["lat"]), "browse_errors": browse["errors"],
        "browse_p50_ms": round(lat[len(lat) // 2], 1), "browse_p99_ms": round(lat[int(len(lat) * 0.99)], 1)}))


if __name__ == "__main__":
    main()
