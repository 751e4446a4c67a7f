#!/usr/bin/env bash
# Add-to-cart benchmark through the edge, issue 11: 64 guest shoppers (CONNECTIONS), each with its own cart (the
# store API gives a guest a Cart-Token: POST /api/shop/v1/cart), adding lines (POST /api/shop/v1/cart/lines, one unit
# of the next demo SKU, 5 lines a cart, then a new cart) in a closed loop. Target: add-to-cart p99 <= 200 ms at 64
# connections. Prints a Markdown table (req/s, p50, p99, errors of adding and of new carts) for docs/benchmarks.md.
#
#   dmz-api/bench/add-to-cart.sh [port-offset] [seconds] [-- ShopperLoad options]   default offset 0, 30 s
#   e.g. dmz-api/bench/add-to-cart.sh 0 60 -- --warmup 15 --adds-per-cart 10
#
# The driver is dmz-api/bench/ShopperLoad.java (JDK 25 HttpClient, one virtual thread per shopper; wrk cannot keep a
# cart per connection). Each cart's requests name one client address of 198.18.0.0/15 in X-Forwarded-For (believed
# by the demo edge from loopback), so the per-address limit (api 600 a minute) counts shoppers, not this machine: run
# it on the appliance's machine against ./onshore up. Exits 1 if any request failed (--allow-errors: 0). About
# warm-up 10 s + the seconds + 5 s.
set -euo pipefail
OFFSET="${1:-0}"
SECONDS_EACH="${2:-30}"
shift $(( $# < 2 ? $# : 2 ))
[ "${1:-}" = -- ] && shift
. "$(dirname "$0")/lib.sh"
EDGE="http://127.0.0.1:$((8080 + OFFSET))"
require_edge "$EDGE"
exec "$JAVA" "$ROOT/dmz-api/bench/ShopperLoad.java" add-to-cart --base "$EDGE" --shoppers "${CONNECTIONS:-64}" \
    --seconds "$SECONDS_EACH" "$@"
