#!/usr/bin/env bash
# Tears down the lab built by up.sh: stops every process it started (by recorded PID, then any
# process still inside an osl-* namespace the lab created), deletes those namespaces and the state. The other
# suites' namespaces (osl-crs, osl-nftchk of network/test.sh static; osl-ans of ansible/test.sh) are not the lab's.
# Safe to run any number of times.
set -uo pipefail
STATE="${OSL_STATE:-/run/osl-lab}"

namespaces() {
    { [ -f "$STATE/namespaces" ] && cat "$STATE/namespaces"; ip netns list 2>/dev/null | awk '$1 ~ /^osl-/ && $1 != "osl-crs" && $1 != "osl-ans" && $1 != "osl-nftchk" {print $1}'; } | sort -u
}

# Recorded PIDs first (graceful), then whatever still runs inside our namespaces.
if [ -d "$STATE/pids" ]; then
    for f in "$STATE"/pids/*; do
        [ -f "$f" ] || continue
        pid="$(cat "$f")"
        kill -TERM "$pid" 2>/dev/null || true
    done
fi
for n in $(namespaces); do
    for pid in $(ip netns pids "$n" 2>/dev/null); do kill -TERM "$pid" 2>/dev/null || true; done
done
for _ in $(seq 1 30); do
    left=0
    for n in $(namespaces); do [ -n "$(ip netns pids "$n" 2>/dev/null)" ] && left=1; done
    [ "$left" = 0 ] && break
    sleep 0.1
done
for n in $(namespaces); do
    for pid in $(ip netns pids "$n" 2>/dev/null); do kill -KILL "$pid" 2>/dev/null || true; done
done
for n in $(namespaces); do ip netns del "$n" 2>/dev/null || true; done
rm -rf "$STATE"
echo "[lab] down"
