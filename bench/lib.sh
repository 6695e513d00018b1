# Shared by bench/run.sh and bench/profile/profile.sh (sourced, not run): the PostgreSQL tools, a
# throw-away database, the service on a free loopback port, and emptying the tables a filing
# writes. The sourcing script sets ROOT (the repository), BENCH_NAME (for messages), BIN (the
# `arbitration` binary) and WORK (a scratch directory) before calling these functions.

log() { printf '==> %s\n' "$*" >&2; }
die() { printf '%s: %s\n' "${BENCH_NAME:-bench}" "$*" >&2; exit 1; }

# The path of a PostgreSQL client program, from PATH or the Debian layout.
pg_tool() {
    if command -v "$1" >/dev/null; then command -v "$1"; return; fi
    local found
    found=$(ls -1 /usr/lib/postgresql/*/bin/"$1" 2>/dev/null | sort -V | tail -n 1 || true)
    [[ -n $found ]] && echo "$found"
}

# Installs what is missing with apt-get (wrk, curl, jq, the PostgreSQL client); sets PSQL, PGBENCH.
require_tools() {
    local missing=()
    command -v wrk >/dev/null || missing+=(wrk)
    command -v curl >/dev/null || missing+=(curl)
    command -v jq >/dev/null || missing+=(jq)
    [[ -n $(pg_tool pgbench) && -n $(pg_tool psql) ]] || missing+=(postgresql-client)
    if ((${#missing[@]})); then
        log "installing ${missing[*]} with apt-get"
        apt-get update
        DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
    fi
    PGBENCH=$(pg_tool pgbench) || die "pgbench not found"
    PSQL=$(pg_tool psql) || die "psql not found"
}

# Sets BIN: the prebuilt BENCH_BIN, or the release binary built from this checkout.
build_binary() {
    if [[ -n ${BENCH_BIN:-} ]]; then
        BIN=$BENCH_BIN
        log "using the prebuilt binary $BIN"
    else
        export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
        log "building the release binary in $CARGO_TARGET_DIR"
        cargo build --release --quiet
        BIN=$CARGO_TARGET_DIR/release/arbitration
        # A target directory shared with another checkout of this crate can hand back that
        # checkout's binary (cargo keys the build by crate, not by directory).
        grep -aqF "$ROOT" "$BIN" 2>/dev/null \
            || die "$BIN was not built from $ROOT (CARGO_TARGET_DIR shared with another checkout?); use another CARGO_TARGET_DIR"
    fi
    [[ -x $BIN ]] || die "no binary at $BIN"
}

# Names a fresh database `<prefix>_<timestamp>_<pid>` on the server of DATABASE_URL (default
# postgres://postgres@127.0.0.1:5432; only scheme, credentials, host, port and query are taken).
# Sets DB_NAME, AUTHORITY, ADMIN_URL and BENCH_URL.
name_database() {
    local server=${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}
    local scheme=${server%%://*} rest=${server#*://} query=""
    AUTHORITY=${rest%%/*}
    [[ $rest == *\?* ]] && query="?${rest#*\?}"
    [[ $AUTHORITY == "$rest" ]] && AUTHORITY=${AUTHORITY%%\?*}
    DB_NAME=$1_$(date -u +%Y%m%d%H%M%S)_$$
    ADMIN_URL="$scheme://$AUTHORITY/postgres$query"
    BENCH_URL="$scheme://$AUTHORITY/$DB_NAME$query"
}

# On exit (also on failure or Ctrl-C): stops the server, drops the database, and removes WORK
# after a successful run (else says where its logs are).
cleanup() {
    local rc=$?
    stop_server
    drop_database
    if ((rc == 0)); then rm -rf "$WORK"; else printf '%s: logs kept in %s\n' "${BENCH_NAME:-bench}" "$WORK" >&2; fi
    exit "$rc"
}
clean_up_on_exit() {
    trap cleanup EXIT
    trap 'exit 130' INT TERM
}

DB_CREATED=0
create_database() {
    "$PSQL" -X -q -v ON_ERROR_STOP=1 "$ADMIN_URL" -c "CREATE DATABASE \"$DB_NAME\"" \
        || die "cannot create a database on $AUTHORITY (set DATABASE_URL)"
    DB_CREATED=1
    log "created database $DB_NAME on $AUTHORITY"
}
drop_database() {
    if ((DB_CREATED)); then
        "$PSQL" -q -X "$ADMIN_URL" -c "DROP DATABASE IF EXISTS \"$DB_NAME\" WITH (FORCE)" >/dev/null 2>&1 \
            || printf '%s: could not drop database %s\n' "${BENCH_NAME:-bench}" "$DB_NAME" >&2
        DB_CREATED=0
    fi
}

sql() { "$PSQL" -X -q -v ON_ERROR_STOP=1 -At "$BENCH_URL" "$@"; }

free_port() {
    local p
    for _ in $(seq 200); do
        p=$((20000 + RANDOM % 40000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return 0; fi
    done
    return 1
}

# Starts the service on the benchmark database with a pool of $1 connections and any further
# NAME=value environment settings; waits until /readyz answers. Sets SERVER_PID and BASE. Notice
# links name http://127.0.0.1:8080, as the e-mails copied into bench/filing.sql do.
SERVER_PID=""
start_server() {
    local pool=$1 port log
    shift
    port=$(free_port) || die "no free port"
    log=$WORK/server-pool$pool.log
    env DATABASE_URL="$BENCH_URL" \
        APP__APPLICATION__HOST=127.0.0.1 \
        APP__APPLICATION__PORT="$port" \
        APP__APPLICATION__BASE_URL=http://127.0.0.1:8080 \
        APP__TELEMETRY__FILTER=warn \
        APP__EMAIL__TRANSPORT=log \
        APP__DATABASE__POOL_SIZE="$pool" \
        "$@" "$BIN" serve >>"$log" 2>&1 &
    SERVER_PID=$!
    BASE=http://127.0.0.1:$port
    for _ in $(seq 600); do
        kill -0 "$SERVER_PID" 2>/dev/null || { cat "$log" >&2; die "the server exited"; }
        if curl -fsS -o /dev/null "$BASE/readyz" 2>/dev/null; then return 0; fi
        sleep 0.1
    done
    die "the server did not become ready on $BASE"
}
stop_server() {
    if [[ -n $SERVER_PID ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -TERM "$SERVER_PID" 2>/dev/null || true
        for _ in $(seq 100); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    SERVER_PID=""
}

# Registers the benchmark's worker account (bench/filing.sql's second notice goes to this
# address and greets this name). Sets TOKEN and WORKER_ID.
register_worker() {
    curl -fsS -X POST "$BASE/api/v1/auth/register" -H 'Content-Type: application/json' \
        -d '{"email":"bench.worker@example.com","password":"bench-password-2026","display_name":"压测工人","phone":"13900000000"}' \
        >"$WORK/session.json" || die "registration failed"
    TOKEN=$(jq -r .access_token "$WORK/session.json")
    WORKER_ID=$(jq -r .user_id "$WORK/session.json")
    [[ -n $TOKEN && $TOKEN != null && -n $WORKER_ID && $WORKER_ID != null ]] \
        || die "no token in $(cat "$WORK/session.json")"
}

# Empties the tables a filing writes and checkpoints (between runs, so each run starts from the
# same state).
reset_tables() {
    # Requests still in flight when the load generator stopped must finish first: a TRUNCATE
    # racing them can deadlock.
    local tries
    for tries in $(seq 100); do
        [[ $(sql -c "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()
            AND pid <> pg_backend_pid() AND state <> 'idle'") == 0 ]] && break
        sleep 0.1
    done
    for tries in 1 2 3; do
        sql -c "SET lock_timeout = '10s'" \
            -c "TRUNCATE outbox, case_claims, case_parties, evidence, idempotency_keys, case_events, cases" \
            2>/dev/null && break
        ((tries < 3)) || die "cannot empty the benchmark tables"
        sleep 1
    done
    # No ANALYZE: statistics of empty tables make the planner choose plans (most likely for the
    # foreign-key checks of every insert) that get slower as the run fills the tables, and the pool's
    # connections keep those plans; after TRUNCATE alone the planner assumes a table of unknown
    # size, as for a table in use.
    sql -c "CHECKPOINT"
}

# Warns when something else keeps the CPUs busy (numbers from a busy machine are not comparable).
check_quiet() {
    local a b c d e f g h t1 i1 t2 i2 idle
    read -r _ a b c d e f g h _ </proc/stat; t1=$((a + b + c + d + e + f + g + h)); i1=$((d + e))
    sleep 2
    read -r _ a b c d e f g h _ </proc/stat; t2=$((a + b + c + d + e + f + g + h)); i2=$((d + e))
    idle=$((100 * (i2 - i1) / (t2 - t1)))
    if ((idle < 85)); then
        printf 'bench: WARNING: the machine is only %d%% idle before this run; busiest: %s\n' "$idle" \
            "$(ps -eo comm,pcpu --sort=-pcpu | sed -n '2,4p' | tr -s ' ' | paste -sd, -)" >&2
        BUSY_WARNINGS=$((BUSY_WARNINGS + 1))
    fi
}
BUSY_WARNINGS=0
