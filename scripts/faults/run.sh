#!/usr/bin/env bash
# Crash and outage tests against real processes: the release binary, a private PostgreSQL
# cluster (initdb + pg_ctl on a free port, never the shared server on 5432) and a real SMTP
# relay (aiosmtpd, installed with pip when missing). Builds nothing: the binary comes from
# $ARBITRATION_BIN (default target/release/arbitration). See docs/reliability.md.
#
#   scripts/faults/run.sh [all|kill|pg-restart|smtp|two-servers] [--quick]
#
# Each scenario prints its figures on stdout (progress on stderr) and exits non-zero when an
# invariant or target does not hold. FAULTS_KEEP=1 keeps the work directory (cluster, server
# logs, received mail); FAULTS_SMTP_OUTAGE=seconds sets the relay outage of `smtp`;
# FAULTS_SLOW_RELAY_DELAY=seconds the slow relay's delay in `two-servers`.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
export ARBITRATION_BIN="${ARBITRATION_BIN:-$repo/target/release/arbitration}"
scenario="${1:-all}"
shift || true
quick=""
for a in "$@"; do
    case "$a" in
        --quick) quick="--quick" ;;
        *) echo "unknown option: $a" >&2; exit 2 ;;
    esac
done
if [[ ! -x "$ARBITRATION_BIN" ]]; then
    echo "no executable at $ARBITRATION_BIN: run cargo build --release or set ARBITRATION_BIN" >&2
    exit 2
fi
case "$scenario" in
    all) list=(kill pg-restart smtp two-servers) ;;
    kill|pg-restart|smtp|two-servers) list=("$scenario") ;;
    *) echo "usage: $0 [all|kill|pg-restart|smtp|two-servers] [--quick]" >&2; exit 2 ;;
esac
status=0
declare -A result
for s in "${list[@]}"; do
    script="$here/${s//-/_}.py"
    echo "### $s $quick ($(date -u +%Y-%m-%dT%H:%M:%SZ), $(basename "$ARBITRATION_BIN"))"
    start=$(date +%s)
    if python3 "$script" $quick; then result[$s]="ok"; else result[$s]="FAILED"; status=1; fi
    echo "### $s: ${result[$s]} in $(( $(date +%s) - start )) s"
    echo
done
for s in "${list[@]}"; do echo "$s: ${result[$s]}"; done
exit $status
