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
SHOPPERS="$(cd "$(dirname "$0")" && pwd)/many-shoppers.lua"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }
curl -fsS -o /dev/null "$BASE/actuator/health/liveness" || { echo "nothing answers at $BASE (./onshore up?)" >&2; exit 2; }

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

ms() { # wrk latency ("812.00us", "3.41ms", "1.02s") -> milliseconds
    awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.1f", n }'
}
FAILURES="$(mktemp)"
trap 'rm -f "$FAILURES"' EXIT
run() { # connections name path... -> "req/s p50 p99 timeouts non2xx"; a measurement with errors is noted in $FAILURES
    local c="$1" name="$2" out
    shift 2
    out=$(wrk -t2 -c"$c" -d"${SECONDS_EACH}s" --latency -H 'Accept: application/json' -s "$SHOPPERS" "$BASE$1" -- "$@")
    local rps p50 p99 timeouts non2xx socket
    rps=$(awk '/Requests\/sec/ { printf "%d", $2 }' <<<"$out")
    p50=$(awk '$1 == "50%" { print $2 }' <<<"$out")
    p99=$(awk '$1 == "99%" { print $2 }' <<<"$out")
    timeouts=$(awk '/Socket errors/ { gsub(",", ""); print $NF }' <<<"$out")
    non2xx=$(awk '/Non-2xx/ { print $NF }' <<<"$out")
    socket=$(awk '/Socket errors/ { gsub(",", ""); print $4 + $6 + $8 + $10 }' <<<"$out")
    if [ "${non2xx:-0}" != 0 ] || [ "${socket:-0}" != 0 ]; then
        echo "$c connections $name: ${non2xx:-0} non-2xx; socket errors: $(awk '/Socket errors/ { sub(/^ *Socket errors: /, ""); print }' <<<"$out")" >>"$FAILURES"
    fi
    echo "$rps $(ms "$p50") $(ms "$p99") ${timeouts:-0} ${non2xx:-0}"
}

WARMUP="${WARMUP_SECONDS:-8}"
echo "warm-up: $WARMUP s per endpoint at 16 connections" >&2
for paths in "$TRIVIAL" "$LIST" "${SEARCHES[*]}" "${DETAILS[*]}"; do
    # shellcheck disable=SC2086 # the lists are space-separated paths
    set -- $paths
    wrk -t2 -c16 -d"${WARMUP}s" -H 'Accept: application/json' -s "$SHOPPERS" "$BASE$1" -- "$@" >/dev/null
done

echo "machine: $(nproc) cores, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| connections | endpoint | req/s | share of edge liveness | p50 ms | p99 ms | timeouts | non-2xx |"
echo "|---|---|---|---|---|---|---|---|"
share() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f %%", (b > 0 ? 100 * a / b : 0) }'; }
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
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -s "$FAILURES" ]; then
    echo
    echo "measurements with errors (the figures above are not a clean result):" >&2
    sed 's/^/  /' "$FAILURES" >&2
    [ "$ALLOW_ERRORS" = 1 ] || exit 1
fi
