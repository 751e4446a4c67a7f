#!/usr/bin/env bash
# Store API benchmark through the edge (dmz-api), issue 11: the headless store API's product list, search and product
# detail (/api/shop/v1/..., the OpenAPI at /api/shop/v1/openapi.json) side by side with the edge's trivial endpoint,
# in the same run, at 64 connections (CONNECTIONS="64 256" for more). Prints a Markdown table for docs/benchmarks.md.
# Needs a running appliance (./onshore up) and wrk (apt-get install wrk).
#
#   dmz-api/bench/store-api.sh [--allow-errors] [base-url] [seconds]   default http://localhost:8080, 10 s each
#
# Requests are anonymous, as a headless client sends them: market and locale in the query (Indonesia, id-ID),
# Accept: application/json, no If-None-Match (every answer is a full 200). The search takes five queries in turn
# (Latin, Hangul, Han), the product detail five SKUs in turn. Every request names its own client address in
# X-Forwarded-For (many-shoppers.lua), believed from loopback, so the edge's per-address limits (api 600, search
# 120 a minute) are not what is measured: run it on the appliance's machine. The table is printed in any case; the
# script then exits 1 if any measurement had a non-2xx answer or a socket error, unless --allow-errors.
# About 1 min 15 s with the defaults (warm-up 4 × WARMUP_SECONDS, default 8, then 4 measurements of 10 s).
set -euo pipefail
ALLOW_ERRORS=0
if [ "${1:-}" = --allow-errors ]; then ALLOW_ERRORS=1; shift; fi
BASE="${1:-http://localhost:8080}"
SECONDS_EACH="${2:-10}"
CONNECTIONS="${CONNECTIONS:-64}"
. "$(dirname "$0")/lib.sh"
require_tools wrk
require_edge "$BASE"

API=/api/shop/v1
CONTEXT="market=ID&locale=id-ID"
TRIVIAL=/actuator/health/liveness
LIST="$API/products?$CONTEXT"
SEARCHES=("$API/search?q=vitamin&$CONTEXT" "$API/search?q=kolagen&$CONTEXT" "$API/search?q=omega+3&$CONTEXT"
    "$API/search?q=%EB%B9%84%ED%83%80%EB%AF%BC&$CONTEXT" "$API/search?q=%E7%BB%B4%E7%94%9F%E7%B4%A0&$CONTEXT")
DETAILS=()
for sku in HS-VITC-1000 HS-PROBIO-50B HS-COLLAGEN-30 HS-LUTEIN-60 HS-MULTI-WOMEN; do DETAILS+=("$API/products/$sku?$CONTEXT"); done
for path in "$LIST" "${SEARCHES[@]}" "${DETAILS[@]}"; do
    code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Accept: application/json' "$BASE$path")
    [ "$code" = 200 ] || { echo "$BASE$path answered $code" >&2; exit 2; }
done

start_failures
run() { # connections name path...: the paths in turn
    local c="$1" name="$2"
    shift 2
    measure "$c" "$name" -H 'Accept: application/json' "$BASE$1" -- "$@"
}

WARMUP="${WARMUP_SECONDS:-8}"
echo "warm-up: $WARMUP s per endpoint at 16 connections" >&2
for paths in "$TRIVIAL" "$LIST" "${SEARCHES[*]}" "${DETAILS[*]}"; do
    # shellcheck disable=SC2086 # the lists are space-separated paths
    set -- $paths
    wrk -t2 -c16 -d"${WARMUP}s" -H 'Accept: application/json' -s "$MANY_SHOPPERS" "$BASE$1" -- "$@" >/dev/null
done

echo "machine: $(nproc) cores, load average before: $(load_average)"
echo
echo "| connections | endpoint | req/s | share of edge liveness | p50 ms | p99 ms | timeouts | non-2xx |"
echo "|---|---|---|---|---|---|---|---|"
for c in $CONNECTIONS; do
    read -r t_rps t_p50 t_p99 t_to t_bad < <(run "$c" liveness "$TRIVIAL")
    read -r l_rps l_p50 l_p99 l_to l_bad < <(run "$c" "product list" "$LIST")
    read -r s_rps s_p50 s_p99 s_to s_bad < <(run "$c" search "${SEARCHES[@]}")
    read -r d_rps d_p50 d_p99 d_to d_bad < <(run "$c" "product detail" "${DETAILS[@]}")
    echo "| $c | edge liveness (trivial) \`$TRIVIAL\` | $t_rps | 100 % | $t_p50 | $t_p99 | $t_to | $t_bad |"
    echo "| $c | product list \`$LIST\` | $l_rps | $(share "$l_rps" "$t_rps") | $l_p50 | $l_p99 | $l_to | $l_bad |"
    echo "| $c | search \`$API/search?q=…&$CONTEXT\` (5 queries in turn) | $s_rps | $(share "$s_rps" "$t_rps") | $s_p50 | $s_p99 | $s_to | $s_bad |"
    echo "| $c | product detail \`$API/products/{sku}?$CONTEXT\` (5 SKUs in turn) | $d_rps | $(share "$d_rps" "$t_rps") | $d_p50 | $d_p99 | $d_to | $d_bad |"
done
echo
echo "load average after: $(load_average)"
report_failures
