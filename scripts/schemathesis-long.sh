#!/usr/bin/env bash
# The long API fuzzing run: schemathesis over the whole OpenAPI document, every phase
# (examples, coverage, fuzzing, and stateful, which chains operations through the links it
# infers from responses and paths), several hundred examples an operation, as a worker, an
# employer, a clerk, an arbitrator, a head and an administrator of the demonstration data.
# CI runs the short version (tests/schemathesis.rs: 50 examples, a worker and a clerk).
#
#   scripts/schemathesis-long.sh                 # 300 examples an operation
#   SCHEMATHESIS_EXAMPLES=1000 scripts/schemathesis-long.sh
#   SCHEMATHESIS_ACCOUNTS="worker clerk.sip" scripts/schemathesis-long.sh   # some accounts only
#
# It starts the release binary (`cargo build --release` first, or set ARBITRATION_BIN) on a
# free port with a database of its own (dropped at the end), and prints schemathesis's summary
# per account; it fails on any server error or any answer the document does not describe.
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${ARBITRATION_BIN:-target/release/arbitration}"
[ -x "$bin" ] || { echo "build first: cargo build --release (or set ARBITRATION_BIN)" >&2; exit 2; }
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
db="arbitration_fuzz_$$"
export APP__APPLICATION__PORT="$port" APP__APPLICATION__BASE_URL="http://127.0.0.1:$port" APP__DATABASE__NAME="$db"
export APP__APPLICATION__DEMO_YEAR_CASES="${DEMO_YEAR_CASES:-200}"
log=$(mktemp)
"$bin" serve --demo >"$log" 2>&1 &
server=$!
cleanup() {
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
    psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" 2>/dev/null || true
    rm -f "$log"
}
trap cleanup EXIT
for _ in $(seq 1 600); do
    curl -fs "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break
    sleep 1
done
curl -fs "http://127.0.0.1:$port/readyz" >/dev/null || { cat "$log" >&2; exit 1; }
token() {
    curl -fs "http://127.0.0.1:$port/api/v1/auth/login" -H 'Content-Type: application/json' \
        -d "{\"email\":\"$1\",\"password\":\"demo-password-2026\"}" |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
}
export SCHEMATHESIS_EXAMPLES="${SCHEMATHESIS_EXAMPLES:-300}"
status=0
for account in ${SCHEMATHESIS_ACCOUNTS:-worker employer clerk.sip arbitrator.sip supervisor.sip admin}; do
    echo "== account ${account}@demo.local"
    # The short script runs one pass per *_TOKEN it is given; give it this account's twice
    # under the names it expects, and let it run once.
    WORKER_TOKEN=$(token "${account}@demo.local") CLERK_TOKEN=skip \
        SCHEMATHESIS_ONLY=WORKER scripts/schemathesis.sh "http://127.0.0.1:$port" || status=$?
done
exit "$status"
