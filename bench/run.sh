#!/usr/bin/env bash
# Filing throughput: `POST /api/v1/filings` through the whole service (wrk) against the same rows
# written as one raw transaction (pgbench), on the same PostgreSQL server, with the same number
# of concurrent clients. See docs/benchmarks.md.
#
# The comparison runs the service with the notice-delivery worker paused, so that both sides do
# the same database work (the raw transaction queues the two notices but does not deliver them);
# one more run at the best pool size shows the rate with delivery running, as deployed.
#
#   bash bench/run.sh
#
# Environment (all optional):
#   DATABASE_URL           server to use (only scheme, credentials, host and port are taken; a
#                          fresh database arb_bench_<timestamp> is created and dropped there);
#                          default postgres://postgres@127.0.0.1:5432
#   CARGO_TARGET_DIR       where the release binary is built (default target)
#   BENCH_BIN              use this prebuilt `arbitration` binary instead of building one
#   BENCH_SECONDS          measured duration of each run (default 20)
#   BENCH_WARMUP_SECONDS   unmeasured warm-up before each run (default 5)
#   BENCH_THREADS          wrk threads / pgbench -j (default 2)
#   BENCH_CONNECTIONS      wrk connections / pgbench clients (default 16)
#   BENCH_POOL_SIZES       server pool sizes to try, best one is compared (default "4 8 16")
#   BENCH_REQUIRE_TARGET   1: exit 3 when the endpoint reaches less than 50 % of the raw rate
#
# Exit status: 0 for a valid run, 1 when the run is invalid (a non-201 response, a socket error
# or a failed pgbench transaction) or cannot be set up, 3 as above.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD

SECONDS_RUN=${BENCH_SECONDS:-20}
WARMUP=${BENCH_WARMUP_SECONDS:-5}
THREADS=${BENCH_THREADS:-2}
CONNECTIONS=${BENCH_CONNECTIONS:-16}
POOL_SIZES=${BENCH_POOL_SIZES:-"4 8 16"}
TARGET_PERCENT=50
BENCH_NAME=bench

# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"

# --- tools -----------------------------------------------------------------------------------
require_tools

# --- build -----------------------------------------------------------------------------------
build_binary

# --- database and server --------------------------------------------------------------------
name_database arb_bench
WORK=$(mktemp -d /tmp/arb-bench.XXXXXX)

clean_up_on_exit

create_database

start_service() { # pool size, delivery (paused|running)
    local poll=86400000   # the worker polls once at start-up, then sleeps a day
    [[ ${2:-paused} == running ]] && poll=1000
    start_server "$1" APP__EMAIL__POLL_INTERVAL_MS=$poll
}


row_counts() {
    sql -c "SELECT (SELECT count(*) FROM cases) || ' cases, ' || (SELECT count(*) FROM case_events)
        || ' case_events, ' || (SELECT count(*) FROM case_parties) || ' case_parties, '
        || (SELECT count(*) FROM case_claims) || ' case_claims, ' || (SELECT count(*) FROM outbox) || ' outbox'"
}
# Bytes stored for one case across the five tables (row images, TOAST included).
case_bytes() {
    sql -c "SELECT (SELECT sum(pg_column_size(c.*)) FROM cases c WHERE id = '$1')
        + (SELECT sum(pg_column_size(e.*)) FROM case_events e WHERE case_id = '$1')
        + (SELECT sum(pg_column_size(p.*)) FROM case_parties p WHERE case_id = '$1')
        + (SELECT sum(pg_column_size(k.*)) FROM case_claims k WHERE case_id = '$1')
        + (SELECT sum(pg_column_size(o.*)) FROM outbox o WHERE case_id = '$1')"
}

first_pool=${POOL_SIZES%% *}
log "starting the server (pool $first_pool) to create the worker account"
start_service "$first_pool"
register_worker

# --- equivalence check: one filing through the endpoint, one raw transaction ------------------
log "checking that one filing and one raw transaction write the same rows"
code=$(curl -sS -o "$WORK/filing.json" -w '%{http_code}' -X POST "$BASE/api/v1/filings" \
    -H 'Content-Type: application/json' -H "Authorization: Bearer $TOKEN" --data-binary @bench/filing.json)
[[ $code == 201 ]] || die "POST /api/v1/filings answered $code: $(head -c 500 "$WORK/filing.json")"
endpoint_case=$(jq -r .id "$WORK/filing.json")
endpoint_rows=$(row_counts)
endpoint_bytes=$(case_bytes "$endpoint_case")
reset_tables
"$PGBENCH" -n -M prepared -t 1 -c 1 -f bench/filing.sql -D uid="$WORKER_ID" "$BENCH_URL" >"$WORK/pgbench-check.log" 2>&1 \
    || { cat "$WORK/pgbench-check.log" >&2; die "bench/filing.sql failed"; }
raw_rows=$(row_counts)
raw_bytes=$(case_bytes "$(sql -c "SELECT id FROM cases LIMIT 1")")
echo "one endpoint filing writes:  $endpoint_rows" >&2
echo "one raw transaction writes:  $raw_rows" >&2
[[ $endpoint_rows == "$raw_rows" ]] || die "bench/filing.sql no longer writes what the endpoint writes"
reset_tables

# --- endpoint: wrk ---------------------------------------------------------------------------
export BENCH_TOKEN=$TOKEN BENCH_BODY_FILE=$ROOT/bench/filing.json
run_wrk() { # seconds, output file
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$1s" --timeout 10s --latency -s bench/filing.lua "$BASE/api/v1/filings" >"$2" 2>&1 \
        || { cat "$2" >&2; die "wrk failed"; }
}
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$2"; }

measure_endpoint() { # pool, delivery, label -> sets LINE
    local pool=$1 delivery=$2 label=$3 out=$WORK/wrk-$3.txt line stored created
    start_service "$pool" "$delivery"
    log "endpoint, pool $pool, notice delivery $delivery: warm-up ${WARMUP}s, then ${SECONDS_RUN}s with $CONNECTIONS connections"
    run_wrk "$WARMUP" "$WORK/wrk-warmup-$label.txt"
    reset_tables
    check_quiet
    run_wrk "$SECONDS_RUN" "$out"
    line=$(grep '^BENCH ' "$out" || true)
    [[ -n $line ]] || { cat "$out" >&2; die "wrk printed no summary"; }
    if grep -q '^BENCH-ERROR' "$out"; then
        cat "$out" >&2
        die "invalid run ($label): $(grep '^BENCH-ERROR' "$out")"
    fi
    stored=$(sql -c "SELECT count(*) FROM cases")
    created=$(field created "$line")
    # Filings committed by requests still in flight when wrk stopped may add a few rows.
    ((stored >= created)) || die "wrk counted $created filings but the database holds $stored"
    echo "endpoint $label: $line" >&2
    stop_server
    LINE=$line
}

best_rate=0; best_pool=""
declare -A wrk_lines
stop_server
for pool in $POOL_SIZES; do
    measure_endpoint "$pool" paused "pool$pool"
    wrk_lines[$pool]=$LINE
    rate=$(field rate "$LINE")
    if awk -v a="$rate" -v b="$best_rate" 'BEGIN { exit !(a > b) }'; then
        best_rate=$rate; best_pool=$pool
    fi
done
measure_endpoint "$best_pool" running "pool$best_pool-delivery"
running_line=$LINE

# --- raw: pgbench ----------------------------------------------------------------------------
run_pgbench() { # seconds, output file, extra args...
    local secs=$1 out=$2
    shift 2
    "$PGBENCH" -n -M prepared -c "$CONNECTIONS" -j "$THREADS" -T "$secs" -f "$ROOT/bench/filing.sql" \
        -D uid="$WORKER_ID" "$@" "$BENCH_URL" >"$out" 2>&1 || { cat "$out" >&2; die "pgbench failed"; }
}
log "raw transaction: warm-up ${WARMUP}s, then ${SECONDS_RUN}s with $CONNECTIONS clients"
run_pgbench "$WARMUP" "$WORK/pgbench-warmup.txt"
reset_tables
mkdir -p "$WORK/pglog"
check_quiet
run_pgbench "$SECONDS_RUN" "$WORK/pgbench.txt" -r -l --log-prefix="$WORK/pglog/pgbench_log"
failed=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$WORK/pgbench.txt")
[[ -z $failed || $failed == 0 ]] || { cat "$WORK/pgbench.txt" >&2; die "invalid run: $failed failed pgbench transactions"; }
tps=$(sed -n 's/^tps = \([0-9.]*\) (without initial connection time)/\1/p' "$WORK/pgbench.txt")
[[ -n $tps ]] || { cat "$WORK/pgbench.txt" >&2; die "no tps in the pgbench output"; }
# Per-transaction log: field 3 is the latency in microseconds.
read -r p50 p90 p99 pmax < <(cat "$WORK"/pglog/pgbench_log.* | awk '{ print $3 }' | sort -n | awk '
    { v[NR] = $1 }
    END { printf "%.2f %.2f %.2f %.2f\n", v[int(NR*0.50)+1]/1000, v[int(NR*0.90)+1]/1000, v[int(NR*0.99)+1]/1000, v[NR]/1000 }')

# --- report ----------------------------------------------------------------------------------
if [[ -n ${BENCH_BIN:-} ]]; then
    SOURCE="prebuilt binary $BIN"
else
    SOURCE="work tree at commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
    [[ -z $(git status --porcelain -- src migrations config Cargo.toml Cargo.lock 2>/dev/null) ]] \
        || SOURCE="$SOURCE with uncommitted changes"
fi
pg_version=$(sql -c "SHOW server_version")
ratio=$(awk -v a="$best_rate" -v b="$tps" 'BEGIN { printf "%.1f", 100 * a / b }')
met=$(awk -v r="$ratio" -v t="$TARGET_PERCENT" 'BEGIN { print (r >= t) ? "yes" : "NO" }')
cat <<END_HEADER

Filing throughput — $(date -u +%Y-%m-%dT%H:%M:%SZ), $SOURCE
machine: $(nproc) CPUs, $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) RAM, PostgreSQL $pg_version at $AUTHORITY
load: ${SECONDS_RUN}s measured after ${WARMUP}s warm-up, $CONNECTIONS connections/clients, $THREADS threads, loopback
rows per filing: $endpoint_rows (stored bytes: endpoint $endpoint_bytes, raw $raw_bytes)

endpoint POST /api/v1/filings (wrk, bench/filing.lua), notice delivery paused:
END_HEADER
row() { # label, BENCH line
    printf '  %-22s %8.1f filings/s   p50 %6.2f ms  p90 %6.2f ms  p99 %6.2f ms  max %7.2f ms  (%s created, 0 errors)\n' \
        "$1" "$(field rate "$2")" "$(field p50_ms "$2")" "$(field p90_ms "$2")" "$(field p99_ms "$2")" \
        "$(field max_ms "$2")" "$(field created "$2")"
}
for pool in $POOL_SIZES; do row "pool $pool" "${wrk_lines[$pool]}"; done
echo "endpoint with notice delivery running (as deployed):"
row "pool $best_pool" "$running_line"
running_ratio=$(awk -v a="$(field rate "$running_line")" -v b="$tps" 'BEGIN { printf "%.1f", 100 * a / b }')
cat <<END_REPORT
raw transaction (pgbench -M prepared, bench/filing.sql):
  $(printf '%-22s %8.1f tx/s        p50 %6.2f ms  p90 %6.2f ms  p99 %6.2f ms  max %7.2f ms  (0 failed)' "$CONNECTIONS clients" "$tps" "$p50" "$p90" "$p99" "$pmax")

ratio endpoint/raw: $ratio % (pool $best_pool, delivery paused)   target >= $TARGET_PERCENT %: $met
                    $running_ratio % (pool $best_pool, delivery running)
END_REPORT
if ((BUSY_WARNINGS)); then
    echo "WARNING: $BUSY_WARNINGS measured run(s) started on a busy machine; repeat on an idle one."
fi
echo
echo "pgbench per-statement latencies (ms):"
sed -n '/statement latencies/,$p' "$WORK/pgbench.txt" | tail -n +2 | cut -c1-110

if [[ $met != yes && ${BENCH_REQUIRE_TARGET:-0} == 1 ]]; then exit 3; fi
