#!/usr/bin/env bash
# Hot-deal sell-out benchmark, issue 12: BUYERS simulated buyers (default 10,000) for UNITS units (default 500) of one
# deal, through the running appliance's edge (waiting room, pass, checkout) → exactly UNITS orders, checked in
# MariaDB; time to sell out, admission fairness, and ordinary browsing p50/p99 during the rush.
#
#   dmz-api/bench/hot-deal-sellout.sh [buyers] [units] [port-offset]        against ./onshore up (offset 0)
#
# The deal is written into MariaDB as the admin API stores it (the bench holds no operator token), starting
# START_IN seconds from now (default 45: the edge reads the deal list every 5 s and the buyers arrive before the
# start), admitting ADMIT_PER_MIN buyers a minute (default 1200), one unit per customer. Needs python3 and JDK 25
# (the MariaDB JDBC driver from ~/.m2 reads and writes the database; there is no mariadb CLI here).
set -euo pipefail
BUYERS="${1:-10000}"
UNITS="${2:-500}"
OFFSET="${3:-0}"
. "$(dirname "$0")/lib.sh"
use_appliance_db "$OFFSET"
EDGE="http://127.0.0.1:$((8080 + OFFSET))"
SKU="${SKU:-HS-VITD-2000}"
sql() { "$JAVA" -cp "$DRIVER" "$ROOT/dmz-api/bench/Sql.java" "$@"; }

curl -fsS -o /dev/null "$EDGE/id-id/" || { echo "no storefront at $EDGE" >&2; exit 2; }
DEAL="$(python3 -c 'import uuid; print(uuid.uuid4())')"
START_IN="${START_IN:-45}"
sql "INSERT INTO hot_deal (id, sku, units, units_left, price_amount, price_currency, per_customer_limit, starts_at,
       ends_at, operator_zone, admissions_per_minute, status, scheduled_by, version)
     VALUES ('$DEAL', '$SKU', $UNITS, $UNITS, 99000, 'IDR', 1, UTC_TIMESTAMP(6) + INTERVAL $START_IN SECOND,
       UTC_TIMESTAMP(6) + INTERVAL 1 HOUR, 'Asia/Seoul', ${ADMIT_PER_MIN:-1200}, 'SCHEDULED', 'bench', 0)" \
    "UPDATE stock SET available = GREATEST(available, $((UNITS * 2))) WHERE sku = '$SKU'"
echo "deal $DEAL: $UNITS × $SKU, starts in ${START_IN} s; waiting for the edge to gate it" >&2
# The edge knows the deal once its status poll answers "no ticket" rather than "unknown deal" (no ticket taken).
for _ in $(seq 1 60); do
    curl -s -H 'X-Forwarded-For: 192.0.2.1' "$EDGE/waiting-room/$DEAL/status" | grep -q 'no-ticket' && break
    sleep 1
done
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo), load before: $(load_average)"
result="$(python3 "$ROOT/dmz-api/bench/hot-deal-sellout.py" --base "$EDGE" --deal "$DEAL" --sku "$SKU" \
    --buyers "$BUYERS" "${@:4}")"
echo "buyers: $result"
read -r claimed left orders < <(sql "SELECT (SELECT COUNT(*) FROM hot_deal_order WHERE deal_id = '$DEAL'),
      (SELECT units_left FROM hot_deal WHERE id = '$DEAL'),
      (SELECT COUNT(*) FROM shop_order o JOIN hot_deal_order h ON h.order_number = o.number WHERE h.deal_id = '$DEAL')")
echo "MariaDB: $orders orders claimed $claimed units of the deal's $UNITS, $left left; load after: $(load_average)"
# The bench's deal ends with the bench, so that the product's page is an ordinary page again (a sold-out deal's
# gate answers 410 until its window ends): wait until the edge has dropped it.
sql "UPDATE hot_deal SET ends_at = UTC_TIMESTAMP(6) WHERE id = '$DEAL'"
for _ in $(seq 1 90); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' -H 'X-Forwarded-For: 192.0.2.2' "$EDGE/id-id/p/$SKU")" != 410 ] && break
    sleep 1
done
[ "$claimed" = "$UNITS" ] && [ "$orders" = "$UNITS" ] && [ "$left" = 0 ] && echo "PASS exactly $UNITS orders" && exit 0
echo "FAIL: expected exactly $UNITS orders and 0 units left"
exit 1
