#!/usr/bin/env bash
# Checkout benchmark through the edge, issue 11: SHOPPERS concurrent guest shoppers (default 64), each in a closed
# loop: new cart → add one unit of the next demo SKU → place the order (POST /api/shop/v1/orders with its own
# Idempotency-Key; retried with the same key after a connection error, a 5xx or a 409 "still running") → pay on the
# sandbox's hosted page (GET it, POST …/pay). Targets: >= 200 orders/s sustained on 2 cores, place-order p99 <= 300 ms.
# Then MariaDB is checked: every acknowledged order exists, none was acknowledged for two keys, no order of the run
# exists beyond those acknowledged (and the checkouts whose every attempt failed), each SKU's stock moved by exactly
# the units acknowledged, every paid order reached PAID. Prints Markdown tables (orders/s, p50/p99 per step, the
# integrity counts, stock before/after per SKU) for docs/benchmarks.md.
#
#   dmz-api/bench/checkout.sh [port-offset] [seconds] [-- ShopperLoad options]   default offset 0, 60 s
#   e.g. dmz-api/bench/checkout.sh 0 60 -- --quote        (also ask for a quote before placing)
#        dmz-api/bench/checkout.sh 0 0 -- --orders 5000    (until 5,000 orders are acknowledged after the warm-up)
#        dmz-api/bench/checkout.sh 0 60 -- --no-pay        (orders left unpaid: they hold their stock for 30 min, and
#                                                           the next run on these SKUs waits until they are cancelled)
#
# Before the run the driver raises each demo SKU's stock to at least 500,000 units (--stock) in MariaDB (the bench's
# own appliance, never a shop's). Checkout is limited to 60 a minute per client address: each shopper's cart names
# its own address of 198.18.0.0/15 in X-Forwarded-For (believed by the demo edge from loopback), so run it on the
# appliance's machine, with nothing else ordering on that appliance (the run's orders are those placed after it
# starts). The driver is dmz-api/bench/ShopperLoad.java (JDK 25, the MariaDB JDBC driver from ~/.m2, the database
# password from var/secrets). Exit status: 1 on a lost or duplicated order, a stock mismatch, an order not PAID, or
# (without --allow-errors) any failed request. Takes warm-up 10 s + the seconds + up to 60 s of checks.
set -euo pipefail
OFFSET="${1:-0}"
SECONDS_EACH="${2:-60}"
shift $(( $# < 2 ? $# : 2 ))
[ "${1:-}" = -- ] && shift
. "$(dirname "$0")/lib.sh"
use_appliance_db "$OFFSET"
EDGE="http://127.0.0.1:$((8080 + OFFSET))"
require_edge "$EDGE"
SECONDS_OPTION=(--seconds "$SECONDS_EACH")
[ "$SECONDS_EACH" = 0 ] && SECONDS_OPTION=()
exec "$JAVA" -cp "$DRIVER" "$ROOT/dmz-api/bench/ShopperLoad.java" checkout --base "$EDGE" \
    --shoppers "${SHOPPERS:-64}" "${SECONDS_OPTION[@]}" "$@"
