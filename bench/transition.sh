#!/usr/bin/env bash
# Transition throughput: one case command through the whole service (wrk on
# `POST /api/v1/cases/{id}/{action}`) against the same rows written as one raw transaction
# (pgbench), on the same PostgreSQL server, with the same number of concurrent clients. Two
# transitions are measured: `accept` (a clerk accepts a filing: case number, two documents, the
# clocks, notices to both sides) and `decide_suspension` (the commission head approves the
# arbitrator's proposal: the case is suspended, the 45-day limit pauses, a document, notices).
# See docs/benchmarks.md.
#
#   bash bench/transition.sh
#
# Environment (all optional): as bench/run.sh (DATABASE_URL, CARGO_TARGET_DIR, BENCH_BIN,
# BENCH_SECONDS, BENCH_WARMUP_SECONDS, BENCH_THREADS, BENCH_CONNECTIONS), and
#   BENCH_POOL_SIZE        the server's pool size (default 16)
#   BENCH_REQUIRE_TARGET   1: exit 3 when a transition reaches less than 50 % of the raw rate
#
# Exit status: 0 for a valid run, 1 when the run is invalid (a non-200 response, a socket error,
# too few prepared cases, a failed pgbench transaction) or cannot be set up, 3 as above.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD

SECONDS_RUN=${BENCH_SECONDS:-20}
WARMUP=${BENCH_WARMUP_SECONDS:-5}
THREADS=${BENCH_THREADS:-2}
CONNECTIONS=${BENCH_CONNECTIONS:-16}
POOL=${BENCH_POOL_SIZE:-16}
TARGET_PERCENT=50
BENCH_NAME=transition

# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
# shellcheck source=bench/transition-raw.sh
source "$ROOT/bench/transition-raw.sh"
require_tools
build_binary

name_database arb_transition
WORK=$(mktemp -d /tmp/arb-transition.XXXXXX)
clean_up_on_exit
create_database

# The service with notice delivery paused (the raw transactions queue the notices but do not
# deliver them), the suspension approval's notices included.
start_service() { start_server "$POOL" APP__EMAIL__POLL_INTERVAL_MS=86400000; }

log "starting the server (pool $POOL) and creating the accounts"
start_service
register_worker
staff() { # role, e-mail, name -> prints the user id
    DATABASE_URL="$BENCH_URL" APP__TELEMETRY__FILTER=error "$BIN" user create --role "$1" --commission SIP \
        --email "$2" --password bench-password-2026 --name "$3" | tail -n 1
}
login() { # e-mail -> prints the access token
    curl -fsS -X POST "$BASE/api/v1/auth/login" -H 'Content-Type: application/json' \
        -d "{\"email\":\"$1\",\"password\":\"bench-password-2026\"}" | jq -r .access_token
}
CLERK_ID=$(staff clerk bench.clerk@example.com 压测书记员)
ARBITRATOR_ID=$(staff arbitrator bench.arbitrator@example.com 压测仲裁员)
HEAD_ID=$(staff supervisor bench.head@example.com 压测院长)
CLERK_TOKEN=$(login bench.clerk@example.com)
ARBITRATOR_TOKEN=$(login bench.arbitrator@example.com)
HEAD_TOKEN=$(login bench.head@example.com)
for t in "$CLERK_TOKEN" "$ARBITRATOR_TOKEN" "$HEAD_TOKEN"; do
    [[ -n $t && $t != null ]] || die "a staff login failed"
done

# --- wrk helpers -----------------------------------------------------------------------------
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$2"; }
wrk_filings() { # seconds: files online filings as fast as it can (the cases to act on)
    BENCH_TOKEN=$TOKEN BENCH_BODY_FILE=$ROOT/bench/filing.json \
        wrk -t"$THREADS" -c"$CONNECTIONS" -d"$1s" --timeout 10s -s bench/filing.lua "$BASE/api/v1/filings" \
        >"$WORK/wrk-filings.txt" 2>&1 || { cat "$WORK/wrk-filings.txt" >&2; die "wrk failed"; }
    ! grep -q '^BENCH-ERROR' "$WORK/wrk-filings.txt" || { cat "$WORK/wrk-filings.txt" >&2; die "filing failed"; }
}
wrk_command() { # seconds, token, ids file, action, body, output -> sets LINE
    BENCH_TOKEN=$2 BENCH_IDS_FILE=$3 BENCH_ACTION=$4 BENCH_BODY=$5 BENCH_THREADS=$THREADS \
        wrk -t"$THREADS" -c"$CONNECTIONS" -d"$1s" --timeout 10s --latency -s bench/transition.lua \
        "$BASE/api/v1/cases" >"$6" 2>&1 || { cat "$6" >&2; die "wrk failed"; }
    LINE=$(grep '^BENCH ' "$6" || true)
    [[ -n $LINE ]] || { cat "$6" >&2; die "wrk printed no summary"; }
    if grep -q '^BENCH-ERROR' "$6"; then cat "$6" >&2; die "invalid run ($4): $(grep '^BENCH-ERROR' "$6")"; fi
}
# Runs a command on every case of a file, unmeasured, to bring the cases to the state the next
# measured command needs. wrk runs for a duration, not a count, so it is stopped once the
# database holds the command's event for every case, or once nothing has moved for 5 s; the
# cases still without the event (a request cut off when wrk stopped) get another round.
prepare() { # token, ids file, action, body, event kind
    local want moved last pid round still
    want=$(wc -l <"$2")
    sql -c "DROP TABLE IF EXISTS bench_prepare" -c "CREATE TABLE bench_prepare (id uuid PRIMARY KEY)" \
        -c "\\copy bench_prepare FROM '$2'"
    cp "$2" "$WORK/prepare.ids"
    for round in 1 2 3; do
        BENCH_TOKEN=$1 BENCH_IDS_FILE=$WORK/prepare.ids BENCH_ACTION=$3 BENCH_BODY=$4 BENCH_THREADS=$THREADS \
            BENCH_PREPARE=1 wrk -t"$THREADS" -c"$CONNECTIONS" -d900s --timeout 10s -s bench/transition.lua \
            "$BASE/api/v1/cases" >"$WORK/prepare-$3-$round.txt" 2>&1 &
        pid=$!
        last=-1; still=0
        for _ in $(seq 900); do
            sleep 1
            moved=$(sql -c "SELECT count(DISTINCT e.case_id) FROM case_events e JOIN bench_prepare p ON p.id = e.case_id
                WHERE e.kind = '$5'")
            ((moved >= want)) && break
            if ((moved == last)); then still=$((still + 1)); else still=0; fi
            ((still >= 5)) && break
            last=$moved
            kill -0 "$pid" 2>/dev/null || break
        done
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
        ((moved >= want)) && return 0
        sql -c "SELECT p.id FROM bench_prepare p WHERE NOT EXISTS (SELECT 1 FROM case_events e
            WHERE e.case_id = p.id AND e.kind = '$5')" >"$WORK/prepare.ids"
        log "preparing $3: $((want - moved)) cases left after round $round"
    done
    die "preparing $3: $moved of $want cases have a $5 event"
}
ids_in_status() { # status, count, file
    sql -c "SELECT id FROM cases WHERE status = '$1' ORDER BY random() LIMIT $2" >"$3"
    (($(wc -l <"$3") == $2)) || die "fewer than $2 cases are $1"
}

# --- the cases to act on ---------------------------------------------------------------------
PREP_SECONDS=${BENCH_PREPARE_SECONDS:-$((3 * (WARMUP + SECONDS_RUN)))}
log "filing cases for ${PREP_SECONDS}s (online filings at the competent commission: under review)"
wrk_filings "$PREP_SECONDS"
FILED=$(sql -c "SELECT count(*) FROM cases WHERE status = 'under_review'")
log "$FILED cases under review"
# Each transaction acts on a case of its own: the first PERCENT % of the cases go to the
# endpoint (a quarter of them for its warm-up), the rest to the raw side, which is faster.
split_file() { # ids file, prefix, percent: writes PREFIX.warm, PREFIX.run, PREFIX.raw
    local n e
    n=$(wc -l <"$1"); e=$((n * $3 / 100))
    head -n $((e / 4)) "$1" >"$WORK/$2.warm"
    sed -n "$((e / 4 + 1)),${e}p" "$1" >"$WORK/$2.run"
    tail -n +$((e + 1)) "$1" >"$WORK/$2.raw"
}
split_ids() { # status, prefix, percent
    local n
    n=$(sql -c "SELECT count(*) FROM cases WHERE status = '$1'")
    ids_in_status "$1" "$n" "$WORK/$2.all"
    split_file "$WORK/$2.all" "$2" "$3"
}

# The raw side takes its cases from a numbered list, in order (one per transaction).
raw_targets() { # ids file
    sql -c "DROP TABLE IF EXISTS bench_targets" -c "DROP SEQUENCE IF EXISTS bench_next" \
        -c "CREATE TABLE bench_targets (n bigint PRIMARY KEY, id uuid NOT NULL)" \
        -c "CREATE SEQUENCE bench_next" \
        -c "CREATE TEMP TABLE t (id uuid)" -c "\\copy t FROM '$1'" \
        -c "INSERT INTO bench_targets SELECT row_number() OVER (), id FROM t"
}

measure() { # label, token, ids prefix, action, body -> appends to REPORT
    local label=$1 token=$2 prefix=$3 action=$4 body=$5 script=$WORK/raw-$4.sql tps failed p50
    log "$label: endpoint warm-up ${WARMUP}s, then ${SECONDS_RUN}s with $CONNECTIONS connections"
    wrk_command "$WARMUP" "$token" "$WORK/$prefix.warm" "$action" "$body" "$WORK/wrk-$action-warm.txt"
    sql -c "CHECKPOINT"
    check_quiet
    wrk_command "$SECONDS_RUN" "$token" "$WORK/$prefix.run" "$action" "$body" "$WORK/wrk-$action.txt"
    local endpoint=$LINE
    log "$label: raw transaction, warm-up ${WARMUP}s, then ${SECONDS_RUN}s with $CONNECTIONS clients"
    raw_targets "$WORK/$prefix.raw"
    run_raw "$WARMUP" "$script" "$WORK/pgbench-$action-warm.txt"
    sql -c "CHECKPOINT"
    check_quiet
    run_raw "$SECONDS_RUN" "$script" "$WORK/pgbench-$action.txt"
    failed=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$WORK/pgbench-$action.txt")
    [[ -z $failed || $failed == 0 ]] || { cat "$WORK/pgbench-$action.txt" >&2; die "$failed failed raw transactions"; }
    tps=$(sed -n 's/^tps = \([0-9.]*\) (without initial connection time)/\1/p' "$WORK/pgbench-$action.txt")
    [[ -n $tps ]] || { cat "$WORK/pgbench-$action.txt" >&2; die "no tps in the pgbench output"; }
    p50=$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' "$WORK/pgbench-$action.txt")
    local ratio
    ratio=$(awk -v a="$(field rate "$endpoint")" -v b="$tps" 'BEGIN { printf "%.1f", 100 * a / b }')
    RATIOS+=("$ratio")
    REPORT+=$(printf '\n%s\n  endpoint  %8.1f /s   p50 %6.2f ms  p90 %6.2f ms  p99 %6.2f ms  max %7.2f ms  (%s done, 0 errors)\n  raw       %8.1f tx/s  mean latency %s ms  (0 failed)\n  ratio endpoint/raw: %s %%\n' \
        "$label" "$(field rate "$endpoint")" "$(field p50_ms "$endpoint")" "$(field p90_ms "$endpoint")" \
        "$(field p99_ms "$endpoint")" "$(field max_ms "$endpoint")" "$(field done "$endpoint")" "$tps" "$p50" "$ratio")
}
run_raw() { # seconds, script, output
    "$PGBENCH" -n -M prepared -c "$CONNECTIONS" -j "$THREADS" -T "$1" -f "$2" "$BENCH_URL" >"$3" 2>&1 \
        || { cat "$3" >&2; die "pgbench failed"; }
}
REPORT=""
RATIOS=()

# The rows a case has in each table the transitions write, as one line.
rows_of() { # case id
    sql -c "SELECT 'events ' || (SELECT count(*) FROM case_events WHERE case_id = '$1')
        || ', clocks ' || (SELECT count(*) FROM case_clocks WHERE case_id = '$1')
        || ', documents ' || (SELECT count(*) FROM documents WHERE case_id = '$1')
        || ', service records ' || (SELECT count(*) FROM service_records WHERE case_id = '$1')
        || ', outbox ' || (SELECT count(*) FROM outbox WHERE case_id = '$1')
        || ', status ' || (SELECT status FROM cases WHERE id = '$1')"
}
# One command through the endpoint on one case, then the raw script made from the rows it wrote
# ($WORK/raw-ACTION.sql) on another case in the same state: both must leave the same rows.
equivalent() { # token, ids prefix, action, body
    local a b code before after
    a=$(head -n 1 "$WORK/$2.raw"); b=$(sed -n 2p "$WORK/$2.raw")
    tail -n +3 "$WORK/$2.raw" >"$WORK/$2.rest" && mv "$WORK/$2.rest" "$WORK/$2.raw"
    before=$(sql -c "SELECT max(seq) FROM case_events WHERE case_id = '$a'")
    code=$(curl -sS -o "$WORK/one-$3.json" -w '%{http_code}' -X POST "$BASE/api/v1/cases/$a/$3" \
        -H 'Content-Type: application/json' -H "Authorization: Bearer $1" --data-binary "$4")
    [[ $code == 200 ]] || die "$3 answered $code: $(head -c 500 "$WORK/one-$3.json")"
    after=$(sql -c "SELECT max(seq) FROM case_events WHERE case_id = '$a'")
    ((after == before + 1)) || die "$3 wrote $((after - before)) events; the raw script copies one"
    raw_script "$a" "$after" >"$WORK/raw-$3.sql"
    echo "$b" >"$WORK/one.ids"
    raw_targets "$WORK/one.ids"
    "$PGBENCH" -n -M prepared -t 1 -c 1 -f "$WORK/raw-$3.sql" "$BENCH_URL" >"$WORK/pgbench-one-$3.log" 2>&1 \
        || { cat "$WORK/pgbench-one-$3.log" >&2; die "the raw $3 failed"; }
    grep -q 'actually processed: 1/1' "$WORK/pgbench-one-$3.log" || { cat "$WORK/pgbench-one-$3.log" >&2; die "the raw $3 failed"; }
    echo "one endpoint $3 leaves:  $(rows_of "$a")" >&2
    echo "one raw $3 leaves:       $(rows_of "$b")" >&2
    [[ $(rows_of "$a") == "$(rows_of "$b")" ]] || die "the raw $3 does not write what the endpoint writes"
    echo "stored bytes of the case: endpoint $(bytes_of "$a"), raw $(bytes_of "$b")" >&2
}
# Bytes stored for one case in the tables a transition writes (row images, TOAST included).
bytes_of() {
    sql -c "SELECT (SELECT sum(pg_column_size(c.*)) FROM cases c WHERE id = '$1')
        + (SELECT coalesce(sum(pg_column_size(e.*)), 0) FROM case_events e WHERE case_id = '$1')
        + (SELECT coalesce(sum(pg_column_size(k.*)), 0) FROM case_clocks k WHERE case_id = '$1')
        + (SELECT coalesce(sum(pg_column_size(d.*)), 0) FROM documents d WHERE case_id = '$1')
        + (SELECT coalesce(sum(pg_column_size(o.*)), 0) FROM outbox o WHERE case_id = '$1')"
}

# --- accept ----------------------------------------------------------------------------------
split_ids under_review acc 45
equivalent "$CLERK_TOKEN" acc accept '{}'
measure "accept (clerk; POST /api/v1/cases/{id}/accept)" "$CLERK_TOKEN" acc accept '{}'

# --- decide_suspension -----------------------------------------------------------------------
# The cases the endpoint accepted and the rest of the filings, accepted now, get an arbitrator
# and the arbitrator's suspension proposal. (Not those the raw side accepted: their event
# payload repeats the template's case number, which a later command would project.)
sql -c "SELECT id FROM cases WHERE status = 'under_review'" >"$WORK/acc.rest"
log "preparing $(wc -l <"$WORK/acc.rest") more accepted cases (unmeasured)"
prepare "$CLERK_TOKEN" "$WORK/acc.rest" accept '{}' accepted
sql -c "CREATE TEMP TABLE r (id uuid)" -c "\\copy r FROM '$WORK/acc.raw'" \
    -c "SELECT c.id FROM cases c WHERE c.status = 'accepted' AND c.id NOT IN (SELECT id FROM r)
        AND c.id <> '$(head -n 1 "$WORK/one.ids")' ORDER BY random()" >"$WORK/sus.all"
log "preparing $(wc -l <"$WORK/sus.all") accepted cases: assign, request_suspension (unmeasured)"
prepare "$CLERK_TOKEN" "$WORK/sus.all" assign "{\"arbitrator\":\"$ARBITRATOR_ID\"}" assigned
prepare "$ARBITRATOR_TOKEN" "$WORK/sus.all" request_suspension \
    '{"ground":"awaiting_other_case","note":"另案审理结果为本案依据"}' suspension_requested
split_file "$WORK/sus.all" sus 30
SUSPEND_BODY='{"approve":true,"note":"同意中止"}'
equivalent "$HEAD_TOKEN" sus decide_suspension "$SUSPEND_BODY"
measure "decide_suspension, approved (head; POST /api/v1/cases/{id}/decide_suspension)" "$HEAD_TOKEN" sus \
    decide_suspension "$SUSPEND_BODY"

# --- report ----------------------------------------------------------------------------------
if [[ -n ${BENCH_BIN:-} ]]; then
    SOURCE="prebuilt binary $BIN"
else
    SOURCE="work tree at commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
    [[ -z $(git status --porcelain -- src migrations config Cargo.toml Cargo.lock 2>/dev/null) ]] \
        || SOURCE="$SOURCE with uncommitted changes"
fi
cat <<END_REPORT

Transition throughput — $(date -u +%Y-%m-%dT%H:%M:%SZ), $SOURCE
machine: $(nproc) CPUs, PostgreSQL $(sql -c "SHOW server_version") at $AUTHORITY, pool $POOL
load: ${SECONDS_RUN}s measured after ${WARMUP}s warm-up, $CONNECTIONS connections/clients, $THREADS threads, loopback, notice delivery paused
cases: $FILED filed first; every request acts on a case of its own
$REPORT
target: each ratio >= $TARGET_PERCENT %
END_REPORT
if ((BUSY_WARNINGS)); then
    echo "WARNING: $BUSY_WARNINGS measured run(s) started on a busy machine; repeat on an idle one."
fi
missed=0
for r in "${RATIOS[@]}"; do
    awk -v r="$r" -v t="$TARGET_PERCENT" 'BEGIN { exit !(r < t) }' && missed=1
done
if ((missed)) && [[ ${BENCH_REQUIRE_TARGET:-0} == 1 ]]; then exit 3; fi
