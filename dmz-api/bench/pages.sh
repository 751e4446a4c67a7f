#!/usr/bin/env bash
# Storefront page benchmark through the edge (dmz-api), issues 4 and 14: product, category and search pages side by
# side with trivial endpoints, in the same run, at 64 and 256 connections. Prints a Markdown table for
# docs/benchmarks.md. Needs a running appliance (./onshore up) and wrk (apt-get install wrk).
#
#   dmz-api/bench/pages.sh [--allow-errors] [base-url] [seconds]   default http://localhost:8080, 10 s per measurement
#
# The load is many shoppers, not one address: every request names its own client in X-Forwarded-For (from
# many-shoppers.lua, 131,072 addresses), which the edge believes from loopback (a trusted proxy of the demo), so its
# per-address rate limits (1,200 pages a minute) are not what is measured. Run it on the appliance's machine (the
# edge must see the benchmark arrive from a trusted proxy). The table is printed in any case; the script then exits
# 1 if any measurement had a non-2xx answer or a socket error (connect, read, write, timeout), unless --allow-errors.
# About 3.5 min with the default 10 s (warm-up 6 × WARMUP_SECONDS, default 8, then 12 measurements).
#
# Trivial endpoints: dmz-api's own liveness (the edge answers it without an upstream: the strictest baseline) and a
# 5.8 KB static file of internal-was through the edge (the same proxy hop as a page, no rendering).
set -euo pipefail
ALLOW_ERRORS=0
if [ "${1:-}" = --allow-errors ]; then ALLOW_ERRORS=1; shift; fi
BASE="${1:-http://localhost:8080}"
SECONDS_EACH="${2:-10}"
. "$(dirname "$0")/lib.sh"
require_tools wrk
require_edge "$BASE"

TRIVIAL=/actuator/health/liveness
STATIC=/css/storefront.css
# The pages of issue 14: a product, a category, a popular search and a rare one (one product), as "label path".
PAGES=("product page|/id-id/p/HS-VITC-1000" "category page|/id-id/c/health.vitamins"
    "search, popular query|/id-id/search?q=vitamin" "search, rare query|/id-id/search?q=psyllium")
for path in "$STATIC" "${PAGES[@]#*|}"; do
    code=$(curl -s -o /dev/null -w '%{http_code}' "$BASE$path")
    [ "$code" = 200 ] || { echo "$BASE$path answered $code" >&2; exit 2; }
done

start_failures
run() { measure "$1" "$2" "$BASE$2"; } # connections path

WARMUP="${WARMUP_SECONDS:-8}"
echo "warm-up: $WARMUP s per URL at 16 connections" >&2
for path in "$TRIVIAL" "$STATIC" "${PAGES[@]#*|}"; do wrk -t2 -c16 -d"${WARMUP}s" -s "$MANY_SHOPPERS" "$BASE$path" >/dev/null; done

echo "load average before: $(load_average)"
echo
echo "| connections | URL | req/s | share of edge liveness | share of static via edge | p50 ms | p99 ms | timeouts | non-2xx |"
echo "|---|---|---|---|---|---|---|---|---|"
for c in 64 256; do
    read -r t_rps t_p50 t_p99 t_to t_bad < <(run "$c" "$TRIVIAL")
    read -r s_rps s_p50 s_p99 s_to s_bad < <(run "$c" "$STATIC")
    echo "| $c | edge liveness (trivial) \`$TRIVIAL\` | $t_rps | 100 % | | $t_p50 | $t_p99 | $t_to | $t_bad |"
    echo "| $c | static file via edge \`$STATIC\` | $s_rps | $(share "$s_rps" "$t_rps") | 100 % | $s_p50 | $s_p99 | $s_to | $s_bad |"
    for page in "${PAGES[@]}"; do
        read -r p_rps p_p50 p_p99 p_to p_bad < <(run "$c" "${page#*|}")
        echo "| $c | ${page%%|*} \`${page#*|}\` | $p_rps | $(share "$p_rps" "$t_rps") | $(share "$p_rps" "$s_rps") | $p_p50 | $p_p99 | $p_to | $p_bad |"
    done
done
echo
echo "load average after: $(load_average)"
report_failures
