#!/usr/bin/env bash
# Storefront page benchmark through the edge (dmz-api), issue 4: the product detail and category pages side by
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
# About 2 min with the default 10 s (warm-up 4 × WARMUP_SECONDS, default 8, then 8 measurements).
#
# Trivial endpoints: dmz-api's own liveness (the edge answers it without an upstream: the strictest baseline) and a
# 5.8 KB static file of internal-was through the edge (the same proxy hop as a page, no rendering).
set -euo pipefail
ALLOW_ERRORS=0
if [ "${1:-}" = --allow-errors ]; then ALLOW_ERRORS=1; shift; fi
BASE="${1:-http://localhost:8080}"
SECONDS_EACH="${2:-10}"
SHOPPERS="$(cd "$(dirname "$0")" && pwd)/many-shoppers.lua"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }
curl -fsS -o /dev/null "$BASE/actuator/health/liveness" || { echo "nothing answers at $BASE (./onshore up?)" >&2; exit 2; }

TRIVIAL=/actuator/health/liveness
STATIC=/css/storefront.css
PRODUCT=/id-id/p/HS-VITC-1000
CATEGORY=/id-id/c/health.vitamins
for path in "$PRODUCT" "$CATEGORY" "$STATIC"; do
    code=$(curl -s -o /dev/null -w '%{http_code}' "$BASE$path")
    [ "$code" = 200 ] || { echo "$BASE$path answered $code" >&2; exit 2; }
done

ms() { # wrk latency ("812.00us", "3.41ms", "1.02s") -> milliseconds
    awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.1f", n }'
}
FAILURES="$(mktemp)"
trap 'rm -f "$FAILURES"' EXIT
run() { # connections path -> "req/s p50 p99 timeouts non2xx"; a measurement with errors is noted in $FAILURES
    local out
    out=$(wrk -t2 -c"$1" -d"${SECONDS_EACH}s" --latency -s "$SHOPPERS" "$BASE$2")
    local rps p50 p99 timeouts non2xx socket
    rps=$(awk '/Requests\/sec/ { printf "%d", $2 }' <<<"$out")
    p50=$(awk '$1 == "50%" { print $2 }' <<<"$out")
    p99=$(awk '$1 == "99%" { print $2 }' <<<"$out")
    timeouts=$(awk '/Socket errors/ { gsub(",", ""); print $NF }' <<<"$out")
    non2xx=$(awk '/Non-2xx/ { print $NF }' <<<"$out")
    socket=$(awk '/Socket errors/ { gsub(",", ""); print $4 + $6 + $8 + $10 }' <<<"$out")
    if [ "${non2xx:-0}" != 0 ] || [ "${socket:-0}" != 0 ]; then
        echo "$1 connections $2: ${non2xx:-0} non-2xx; socket errors: $(awk '/Socket errors/ { sub(/^ *Socket errors: /, ""); print }' <<<"$out")" >>"$FAILURES"
    fi
    echo "$rps $(ms "$p50") $(ms "$p99") ${timeouts:-0} ${non2xx:-0}"
}

WARMUP="${WARMUP_SECONDS:-8}"
echo "warm-up: $WARMUP s per URL at 16 connections" >&2
for path in "$TRIVIAL" "$STATIC" "$PRODUCT" "$CATEGORY"; do wrk -t2 -c16 -d"${WARMUP}s" -s "$SHOPPERS" "$BASE$path" >/dev/null; done

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| connections | URL | req/s | share of edge liveness | share of static via edge | p50 ms | p99 ms | timeouts | non-2xx |"
echo "|---|---|---|---|---|---|---|---|---|"
for c in 64 256; do
    read -r t_rps t_p50 t_p99 t_to t_bad < <(run "$c" "$TRIVIAL")
    read -r s_rps s_p50 s_p99 s_to s_bad < <(run "$c" "$STATIC")
    read -r p_rps p_p50 p_p99 p_to p_bad < <(run "$c" "$PRODUCT")
    read -r k_rps k_p50 k_p99 k_to k_bad < <(run "$c" "$CATEGORY")
    share() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f %%", (b > 0 ? 100 * a / b : 0) }'; }
    echo "| $c | edge liveness (trivial) \`$TRIVIAL\` | $t_rps | 100 % | | $t_p50 | $t_p99 | $t_to | $t_bad |"
    echo "| $c | static file via edge \`$STATIC\` | $s_rps | $(share "$s_rps" "$t_rps") | 100 % | $s_p50 | $s_p99 | $s_to | $s_bad |"
    echo "| $c | product page \`$PRODUCT\` | $p_rps | $(share "$p_rps" "$t_rps") | $(share "$p_rps" "$s_rps") | $p_p50 | $p_p99 | $p_to | $p_bad |"
    echo "| $c | category page \`$CATEGORY\` | $k_rps | $(share "$k_rps" "$t_rps") | $(share "$k_rps" "$s_rps") | $k_p50 | $k_p99 | $k_to | $k_bad |"
done
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -s "$FAILURES" ]; then
    echo
    echo "measurements with errors (the figures above are not a clean result):" >&2
    sed 's/^/  /' "$FAILURES" >&2
    [ "$ALLOW_ERRORS" = 1 ] || exit 1
fi
