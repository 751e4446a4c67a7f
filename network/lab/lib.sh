# Onshore network lab: the paths and helpers shared by up.sh, real.sh and test.sh (sourced).
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
NET="$(dirname "$HERE")"
REPO="$(dirname "$NET")"
STATE="${OSL_STATE:-/run/osl-lab}"
JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"

# lab_jar NAME -> NAME/target/NAME.jar as this lab run deploys it: extracted at the run's start (up.sh) in Spring
# Boot's tools layout (its jar + lib/) and run on the JDK's own class path. Extracted once, so a build while the lab
# runs (./mvnw verify rewrites the jars in place) does not change what a node a drill restarts late runs: it runs the
# files its peer runs. Not the fat jar: from it a restarted internal-was hung at start in the lab (twice, CI once), its
# main thread blocked in the nested-jar loader (FileDataBlock$FileAccess.ensureOpen) while virtual threads loaded
# classes, a lock-ordering deadlock open upstream (spring-projects/spring-boot#51463, PR #51552).
lab_jar() { echo "$STATE/apps/$1/$1.jar"; }

log() { printf '[lab] %s\n' "$*" >&2; }
die() { printf '[lab] ERROR: %s\n' "$*" >&2; exit 1; }
ns() { local n="$1"; shift; ip netns exec "$n" "$@"; }

# start NAME NS CMD... : background process in NS, pid recorded, output to logs/NAME.log
start() {
    local name="$1" n="$2"; shift 2
    ip netns exec "$n" "$@" > "$STATE/logs/$name.log" 2>&1 &
    echo $! > "$STATE/pids/$name"
}

# poll TIMEOUT_S CMD... : poll a condition until it holds (0) or the time is up (1)
poll() {
    local end=$((SECONDS + $1)); shift
    until "$@" >/dev/null 2>&1; do
        [ "$SECONDS" -lt "$end" ] || return 1
        sleep 0.2
    done
}
# wait_until DESCRIPTION TIMEOUT_S CMD... : poll a readiness condition, die on timeout
wait_until() { local what="$1"; shift; poll "$@" || die "timeout waiting for $what"; }
# wait_ready DESCRIPTION NAME CMD... : poll CMD while the process started as NAME lives; die as soon as it exits.
# A loaded machine only makes a JVM slower, so no clock decides: OSL_HANG_GUARD_S (default 1200 s) only ends a hang.
wait_ready() {
    local what="$1" name="$2" end=$((SECONDS + ${OSL_HANG_GUARD_S:-1200})) t0=$SECONDS; shift 2
    until "$@" >/dev/null 2>&1; do
        [ ! -f "$STATE/pids/$name" ] || kill -0 "$(cat "$STATE/pids/$name")" 2>/dev/null || die "$what: $name exited (see $STATE/logs/$name.log)"
        [ "$SECONDS" -lt "$end" ] || die "$what: not ready after $((SECONDS - t0)) s (hang guard OSL_HANG_GUARD_S)"
        sleep 0.5
    done
    log "$what ready after $((SECONDS - t0)) s"
}
http_ok() { ip netns exec "$1" curl -fsS -o /dev/null --max-time 10 "${@:2}"; }
tcp_open() { ip netns exec "$1" python3 -c "import socket,sys;socket.create_connection((sys.argv[1],int(sys.argv[2])),1)" "$2" "$3"; }

# lb_cmd LB_NS COMMAND : a command on that balancer's HAProxy runtime API (admin socket), prints the answer
lb_cmd() {
    python3 - "$STATE/run/${1#osl-}/admin.sock" "$2" <<'PY'
import socket, sys
s = socket.socket(socket.AF_UNIX)
s.connect(sys.argv[1])
s.sendall(sys.argv[2].encode() + b"\n")
data = b""
while chunk := s.recv(65536):
    data += chunk
print(data.decode().strip())
PY
}

# lb_stat_field LB_NS PROXY SERVER FIELD : one column of HAProxy's "show stat" (SERVER may be BACKEND); 0 if empty
lb_stat_field() {
    lb_cmd "$1" "show stat" | awk -F, -v p="$2" -v s="$3" -v f="$4" '
        NR == 1 {sub(/^# /, ""); for (i = 1; i <= NF; i++) col[$i] = i; next}
        $1 == p && $2 == s {v = $col[f]; print (v == "" ? 0 : v)}'
}
