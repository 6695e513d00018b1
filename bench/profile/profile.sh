#!/usr/bin/env bash
# Where the time of one filing goes: CPU per filing in the service, in PostgreSQL and in the load
# generator, for the raw transaction (bench/filing.sql) and for the endpoint with the outbox worker
# polling and idle, and (when `perf` is installed) the hottest functions of the service.
# Not the benchmark (that is bench/run.sh); see docs/benchmarks.md, "Where the time goes".
#
#   bash bench/profile/profile.sh
#
# Environment: as bench/run.sh (DATABASE_URL, CARGO_TARGET_DIR, BENCH_BIN, BENCH_SECONDS,
# BENCH_THREADS, BENCH_CONNECTIONS) and BENCH_POOL_SIZE (default 16). For readable perf call
# stacks build with RUSTFLAGS="-C force-frame-pointers=yes" CARGO_PROFILE_RELEASE_DEBUG=line-tables-only
# into another CARGO_TARGET_DIR and pass BENCH_BIN.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."
ROOT=$PWD
SECS=${BENCH_SECONDS:-20}
THREADS=${BENCH_THREADS:-2}
CONNECTIONS=${BENCH_CONNECTIONS:-16}
POOL=${BENCH_POOL_SIZE:-16}

BENCH_NAME=profile

# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
require_tools

if [[ -n ${BENCH_BIN:-} ]]; then
    BIN=$BENCH_BIN
else
    export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
    cargo build --release --quiet
    BIN=$CARGO_TARGET_DIR/release/arbitration
fi

name_database arb_bench_prof
WORK=$(mktemp -d /tmp/arb-profile.XXXXXX)
cleanup() {
    local rc=$?
    stop_server
    drop_database
    printf 'profile: outputs in %s\n' "$WORK" >&2
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
create_database

# CPU time (ms) used so far by one process: utime + stime from /proc (0 when it is gone).
cpu_ms() {
    local stat
    stat=$(sed 's/^.*) //' "/proc/$1/stat" 2>/dev/null) || { echo 0; return; }
    awk -v t="$TICK" '{ printf "%d\n", ($12 + $13) * 1000 / t }' <<<"$stat"
}
TICK=$(getconf CLK_TCK)
# Backends connected to the benchmark database (the service's pool or pgbench's clients).
db_pids() { sql -c "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"; }

# measure LOAD_PID [SERVICE_PID]: samples CPU until the load generator exits. Sets SVC_MS, PG_MS,
# CLIENT_MS (CPU used during the run), and SENDTO/WINDOW (PostgreSQL send() calls counted by
# perf over WINDOW seconds in the middle of the run, when perf is available).
measure() {
    local load=$1 svc=${2:-} p
    declare -A base=() last=()
    for p in "${BASE_PIDS[@]}"; do base[$p]=$(cpu_ms "$p"); done
    local svc0=0; [[ -n $svc ]] && svc0=$(cpu_ms "$svc")
    sleep 1
    local pids
    mapfile -t pids < <(db_pids)
    SENDTO=""; WINDOW=$((SECS - 4))
    local perf_pid=""
    : >"$WORK/perf-stat.txt"
    if command -v perf >/dev/null && ((${#pids[@]})); then
        (perf stat -x, -e syscalls:sys_enter_sendto -p "$(IFS=,; echo "${pids[*]}")" -- sleep "$WINDOW" \
            2>"$WORK/perf-stat.txt" >/dev/null || true) &
        perf_pid=$!
    fi
    local c=0 svc1=$svc0 line pid v
    while kill -0 "$load" 2>/dev/null; do
        # One awk per tick for every process (fields 14/15: utime/stime; comm has no spaces here).
        while read -r pid v; do
            if [[ $pid == "$load" ]]; then c=$v
            elif [[ $pid == "${svc:-x}" ]]; then svc1=$v
            else last[$pid]=$v; fi
        done < <(cd /proc && awk -v t="$TICK" '{ printf "%s %d\n", $1, ($14 + $15) * 1000 / t }' \
            /dev/null $(for p in "${pids[@]}" "$load" $svc; do [[ -r $p/stat ]] && echo "$p/stat"; done) 2>/dev/null)
        sleep 0.5
    done
    wait "$load" || true
    [[ -z $perf_pid ]] || wait "$perf_pid" || true
    PG_MS=0
    for p in "${pids[@]}"; do PG_MS=$((PG_MS + ${last[$p]:-0} - ${base[$p]:-0})); done
    SVC_MS=$((svc1 - svc0)); CLIENT_MS=$c
    SENDTO=$(awk -F, '/sendto/ { print $1 }' "$WORK/perf-stat.txt" 2>/dev/null || true)
}

RESULTS=$WORK/results.txt
: >"$RESULTS"
report() { # label count seconds
    awk -v l="$1" -v n="$2" -v s="$3" -v a="$SVC_MS" -v p="$PG_MS" -v c="$CLIENT_MS" -v m="${SENDTO:-0}" -v w="$WINDOW" 'BEGIN {
        printf "%-36s %7.1f /s  CPU ms per filing: service %5.2f  postgres %5.2f  client %5.2f  total %5.2f", l, n / s, a / n, p / n, c / n, (a + p + c) / n
        if (m > 0) printf "  | postgres sends per filing %5.1f", m / (w * n / s)
        printf "\n" }' | tee -a "$RESULTS"
}

start_server "$POOL"
register_worker
export BENCH_TOKEN=$TOKEN BENCH_BODY_FILE=$ROOT/bench/filing.json

endpoint_run() { # label
    wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -s bench/filing.lua "$BASE/api/v1/filings" >/dev/null 2>&1
    reset_tables
    local out=$WORK/wrk-${1//[^A-Za-z0-9]/_}.txt line n secs
    mapfile -t BASE_PIDS < <(db_pids)
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SECS}s" -s bench/filing.lua "$BASE/api/v1/filings" >"$out" 2>&1 &
    measure $! "$SERVER_PID"
    line=$(grep '^BENCH ' "$out")
    if grep -q '^BENCH-ERROR' "$out"; then die "errors in $1: $(cat "$out")"; fi
    n=$(sed -n 's/.* created=\([0-9]*\).*/\1/p' <<<"$line"); secs=$(sed -n 's/.* seconds=\([0-9.]*\).*/\1/p' <<<"$line")
    report "$1" "$n" "$secs"
}

pgbench_run() { # label script
    reset_tables
    local out=$WORK/pgbench-${1//[^A-Za-z0-9]/_}.txt n
    BASE_PIDS=()
    "$PGBENCH" -n -M prepared -c "$CONNECTIONS" -j "$THREADS" -T "$SECS" -f "$2" -D uid="$WORKER_ID" "$BENCH_URL" >"$out" 2>&1 &
    measure $!
    n=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$out")
    report "$1" "$n" "$SECS"
}

echo "--- CPU per filing (2 CPUs = 2000 ms of CPU per second) ---" | tee -a "$RESULTS"
pgbench_run "raw writes (bench/filing.sql)" "$ROOT/bench/filing.sql"
endpoint_run "endpoint, outbox worker polling"
stop_server
start_server "$POOL" APP__EMAIL__POLL_INTERVAL_MS=86400000
endpoint_run "endpoint, outbox worker idle"

if command -v perf >/dev/null; then
    reset_tables
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$((SECS + 2))s" -s bench/filing.lua "$BASE/api/v1/filings" >/dev/null 2>&1 &
    wpid=$!
    sleep 1
    perf record -F 999 -g -p "$SERVER_PID" -o "$WORK/perf.data" -- sleep "$SECS" >/dev/null 2>&1 || true
    wait "$wpid" || true
    if [[ -s $WORK/perf.data ]]; then
        clean() { grep -v '^#' | grep '%' | sed -E 's/[[:space:]]+-[[:space:]]+-[[:space:]]*$//; s/[[:space:]]+$//' | cut -c1-160; }
        {
            echo "--- service process: share of its CPU samples by object ---"
            perf report -i "$WORK/perf.data" --no-children --sort dso --stdio -g none 2>/dev/null | clean | head -6
            echo "--- service process: hottest functions (self) ---"
            perf report -i "$WORK/perf.data" --no-children --sort symbol --stdio -g none 2>/dev/null | clean | head -20
            echo "--- service process: inclusive share of its own code paths ---"
            perf report -i "$WORK/perf.data" --children --sort symbol --stdio -g none 2>/dev/null | clean \
                | grep -E 'arbitration::|handlebars::registry::Registry::render|serde_json::(ser|de)::|diesel_async::pg::AsyncPgConnection::with_prepared|tokio_postgres::(query|prepare)|StatementInner as core::ops::drop|__send|__libc_recv|epoll_wait' \
                | head -30
        } | tee -a "$RESULTS"
    fi
fi
echo "results: $RESULTS"
