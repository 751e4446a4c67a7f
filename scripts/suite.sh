# Shared opening of the infrastructure test suites (network/test.sh, network/lab/test.sh, ansible/test.sh,
# monitoring/test.sh); sourced, never run. Gives each suite the same counters, PASS/FAIL/SKIP lines, the
# "N passed, N failed, N skipped" summary, its machine-wide lock and its Debian packages.
#
#   . "$REPO/scripts/suite.sh"; suite_init network
#   pass WHAT | fail WHAT | skip WHAT      one line "PASS network: WHAT", counted
#   skip_required WHAT                     a SKIP that CI counts as a FAIL (CI=true): what must run there
#   check WHAT CMD...                      PASS when CMD succeeds, else FAIL and CMD's last lines
#   suite_summary                          "N passed, N failed, N skipped" (call from the EXIT trap)
#   suite_lock NAME                        one run per machine: re-executes the suite under flock
#   suite_packages PKG...                  apt-get install what is missing, waiting for another dpkg run

suite_init() {
    SUITE="$1" PASSED=0 FAILED=0 SKIPPED=0
}
pass() { PASSED=$((PASSED + 1)); echo "PASS $SUITE: $*"; }
fail() { FAILED=$((FAILED + 1)); echo "FAIL $SUITE: $*"; }
skip() { SKIPPED=$((SKIPPED + 1)); echo "SKIP $SUITE: $*"; }
skip_required() {
    if [ "${CI:-}" = true ]; then fail "$* (a skip is a failure in CI: CI=true)"; else skip "$*"; fi
}
# CHECK_TAIL: how many lines of a failed command's output to show (default 25).
check() {
    local what="$1" out; shift
    if out="$("$@" 2>&1)"; then pass "$what"; else fail "$what"; echo "$out" | tail -n "${CHECK_TAIL:-25}" | sed 's/^/    /'; fi
}
suite_summary() { echo "$PASSED passed, $FAILED failed, $SKIPPED skipped"; }

# One lab per machine (fixed osl-* names): a second run waits for the first instead of tearing its lab down.
# flock -o keeps the lock in flock itself, so daemons the suite starts never inherit it. Call before anything
# else, with the suite's "$@".
suite_lock() {
    local name="$1" lock="/run/lock/osl-$1.lock" var; shift
    var="OSL_LOCKED_${name//-/_}"
    [ -n "${!var:-}" ] && return 0
    export "$var=1"
    flock -n "$lock" true || echo "another run holds $lock; waiting for it"
    exec flock -o "$lock" "$BASH" "$0" "$@"
}

suite_packages() {
    local missing=() p apt=(apt-get -o DPkg::Lock::Timeout=600)
    for p in "$@"; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p"); done
    [ ${#missing[@]} = 0 ] && return 0
    echo "installing: ${missing[*]}"
    # DPkg::Lock::Timeout: another engineer's or suite's apt run holds the dpkg lock; wait for it, do not fail.
    DEBIAN_FRONTEND=noninteractive "${apt[@]}" install -y -qq "${missing[@]}" >/dev/null 2>&1 \
        || { DEBIAN_FRONTEND=noninteractive "${apt[@]}" update -qq >/dev/null 2>&1 &&
             DEBIAN_FRONTEND=noninteractive "${apt[@]}" install -y -qq "${missing[@]}" >/dev/null 2>&1; } \
        || { fail "apt-get install ${missing[*]}"; return 1; }
}
